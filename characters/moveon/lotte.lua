-- Lotte Maes, team coach from Ghent (role "trainer", played by the engine).
-- Quadrant: creativiteit (core) -> chaos (pitfall) -> structuur (challenge) -> starheid (allergy).
-- She proposes the gossip exercise ("roddelen"). Someone who stops it surprises her and earns
-- her respect; people who join in lower her trust. Her parting line depends on that.
return character {
  id = "lotte",
  name = "Lotte Maes",
  title = { nl = "Teamtrainer", en = "Team coach" },
  quadrant = "creativiteit",
  state = { trust = 0, stance = 0, stops = 0, joins = 0 },
  lines = {
    welkom = { nl = "Goeiemorgen! Ik ben Lotte, ik kom uit Gent, en ik hoor dat jullie een rare nacht hebben gehad. Perfect. Teams leren niks van rustige weekends.",
               en = "Good morning! I'm Lotte, I'm from Ghent, and I hear you've had a strange night. Perfect. Teams learn nothing from quiet weekends." },
    wandeling = { nl = "We beginnen met vertrouwen. Letterlijk. Blinddoeken om, twee aan twee, naar beneden, naar het meer. Wie leidt, mag alleen praten. Niet trekken, niet duwen. Wie geleid wordt, mag altijd stop zeggen.",
                  en = "We start with trust. Literally. Blindfolds on, in pairs, down to the lake. Whoever leads may only talk. No pulling, no pushing. Whoever is led may say stop at any time." },
    roddel_voorstel = { nl = "Mijn volgende oefening heet ‘roddelen’. Tien minuten. We praten over iemand die er niet is. Alles mag, niks verlaat deze kamer. Het haalt naar boven wat jullie nooit hardop zeggen. En jullie hebben er gisteren een perfecte kandidaat bij gekregen.",
                        en = "My next exercise is called ‘gossip’. Ten minutes. We talk about someone who isn't here. Anything goes, nothing leaves this room. It brings up what you never say out loud. And yesterday you got yourselves the perfect candidate." },
    gestopt = function(self)
      return { nl = "…Oké. Weet je hoe vaak ik deze oefening heb aangekondigd? Tweeënveertig keer. Jullie zijn het derde team dat nee zegt. Onthoud hoe dat voelde, in je lijf. Dat heb je morgen nodig.",
               en = "…Okay. Do you know how many times I've announced this exercise? Forty-two. You're the third team to say no. Remember how that felt, in your body. You'll need it tomorrow." }
    end,
    recht_uitleg = { nl = "Dan draaien we het om. Wat je over iemand zou zeggen als die er niet is, zeg je nu tegen iemand die er wél is. Recht in het gezicht. Vriendelijk mag. Vaag niet.",
                     en = "Then let's turn it round. What you'd say about someone who isn't here, you now say to someone who is. To their face. Kind is allowed. Vague isn't." },
    roddel_door = { nl = "Heeft iemand gemerkt wat er net gebeurde? … Niemand? Dan laat ik het even hangen.",
                    en = "Did anyone notice what just happened? … Nobody? Then I'll let it hang there for a moment." },
    afsluiting = function(self)
      if self.state.stops >= 1 then
        return { nl = "Ik kom al twaalf jaar in dit soort villa's. Wat ik vandaag zag, zie ik niet vaak: iemand die nee zei, en een kamer die daarna beter werd in plaats van kouder. Succes morgen. Jullie hebben het niet nodig, maar toch.",
                 en = "I've been coming to villas like this for twelve years. What I saw today I don't often see: someone who said no, and a room that got better afterwards instead of colder. Good luck tomorrow. You don't need it, but still." }
      elseif self.state.joins >= 2 then
        return { nl = "Ik geef jullie één ding mee. Wat jullie vanmiddag over Guido zeiden, zeggen jullie morgen over elkaar. Tenzij iemand iets anders kiest. Dat kan nog.",
                 en = "I'll leave you with one thing. What you said about Guido this afternoon, you'll say about each other tomorrow. Unless someone chooses otherwise. There's still time." }
      end
      return { nl = "Morgen moeten jullie kiezen. Let op wie er praat en wie er zwijgt. Dat vertelt meer dan de cijfers.",
               en = "Tomorrow you have to choose. Watch who talks and who stays silent. It tells you more than the numbers." }
    end,
    -- reactions
    verrast = { nl = "Oh. … Goed. Dat had ik niet verwacht. Ga door.",
                en = "Oh. … Right. I didn't expect that. Go on." },
    noteert = { nl = "Interessant. Dat schrijf ik even op.", en = "Interesting. Let me just write that down." },
    starheid = { nl = "Mag het ook eens anders? Eén keer?", en = "Could it be different, just once?" },
    respect = { nl = "Mooi. Structuur. Daar ben ik zelf slecht in.", en = "Nice. Structure. I'm bad at that myself." },
  },
  react = react_by_quadrant {
    allergy = "starheid",
    challenge = "respect",
    cases = {
      -- the gossip exercise: who stops it surprises her, who joins in she notes
      { scene = { "roddel-ronde", "roddel-isabel" }, choice_part = { "stop", "roddel-isabel-tact" },
        moves = { stops = 1, trust = 2 },
        say = function(self) if self.state.stops == 1 then return "verrast" end end },
      -- everything else joins in, except staying out of it (Wim's chair pushed back, ids with "buiten")
      { scene = { "roddel-ronde", "roddel-isabel" },
        when = function(self, ev) return ev.choice ~= "roddel-wim-geduld" and not ev.choice:find("buiten", 1, true) end,
        moves = { joins = 1, trust = -1 },
        say = function(self) if self.state.joins == 1 then return "noteert" end end },
    },
  },
  choose = choose_core,
}
