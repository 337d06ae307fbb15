-- The football parent: on the touchline every Saturday
-- Native core quality: daadkracht (the role is played on any quadrant).
-- A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Trots, fanatisme en frustratie. Staat aan de zijlijn met de armen over elkaar en roept.

return character {
  id = "voetbalouder",
  name = "Ronnie Verbeek",
  title = { nl = "De voetbalouder: staat elke zaterdag langs de lijn", en = "The football parent: on the touchline every Saturday" },
  quadrant = "daadkracht",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Zo! Daar kunnen we wat mee. Volgende punt.", en = "There! We can work with that. Next item." },
    respect2 = { nl = "Oké, eerst tot tien tellen. Dat zeg ik ook altijd tegen mijn pupillen.", en = "Okay, count to ten first. I always tell my under-tens that too." },
    valkuil2 = { nl = "Ik heb het al geregeld. Nou ja, bijna.", en = "I've already sorted it. Well, nearly." },
    allergie2 = { nl = "Nog een rondje praten? Dan fluit de scheidsrechter af voordat we gespeeld hebben.", en = "Another round of talking? The referee will blow the final whistle before we've even played." },
    eens = {
      nl = "Ja! Zo. Niet lullen maar poetsen.",
      en = "Yes! Like that. Less talk, more action.",
    },
    respect = {
      nl = "Oké. Ik had het zelf allang gedaan, maar even wachten was misschien beter.",
      en = "Okay. I'd have done it myself ages ago, but waiting a moment was maybe better.",
    },
    valkuil = {
      nl = "Kom op, we blijven er toch niet over praten?",
      en = "Come on, we're not going to keep talking about it, are we?",
    },
    allergie = {
      nl = "Sta je nou nog te twijfelen? De wedstrijd is al begonnen!",
      en = "Are you still hesitating? The match has already started!",
    },
    conflict_aanval = {
      nl = "Frank, sorry, maar dit moet eruit. Jij beslist sinds gisterochtend alles alsof het jouw school is. Het is ook mijn kind. Ik wil meebeslissen, niet alleen mijn hand opsteken.",
      en = "Frank, sorry, but this has to come out. Since yesterday morning you've been deciding everything as if it's your school. It's my kid too. I want a say, not just a hand to put up.",
    },
    -- Said as the proposals for the yard go round: the pitch, ordered on the spot, is his native
    -- decisiveness; on any other quadrant he asks what his child needs, and proposes nothing yet.
    plein_veld = function(self)
      if self.quadrant == "daadkracht" then
        return {
          nl = "Een veld. Twee doelen. Een lijn om langs te staan. Meer heeft een kind niet nodig om te leren winnen. En verliezen.",
          en = "A pitch. Two goals. A line to stand along. That's all a kid needs to learn to win. And to lose.",
        }
      end
      return {
        nl = "Mijn kind rent elke zaterdag twee uur achter een bal aan, en pas daarna is het rustig. Waar kan het hier rennen? Dat is mijn vraag bij elk vel.",
        en = "Every Saturday my kid chases a ball for two hours, and only then do they settle. Where can they run here? That's my question for every sheet.",
      }
    end,
    -- Said as he walks the inspector across the yard: the goals only where the yard the group
    -- chose has a pitch (the safe yard, vars.plein == 3), and the tree as the group left it.
    rondgang_trots = function(self)
      local felled = story.vars.boom == 0
      if story.vars.plein == 3 then
        return felled and {
          nl = "Kijk, hier komen de doeltjes. Met kunstgras, dat is gewoon veilig. En waar die boom stond, komt de dug-out.",
          en = "Look, this is where the goals go. Artificial turf, that's just safe. And where the tree stood, the dugout goes.",
        } or {
          nl = "Kijk, hier komen de doeltjes. Met kunstgras, dat is gewoon veilig. En die boom, ja, die staat er nog.",
          en = "Look, this is where the goals go. Artificial turf, that's just safe. And that tree, yes, it's still there.",
        }
      end
      return felled and {
        nl = "Kijk, hier gaan ze straks rennen. Van het hek tot aan de stronk, dat is een mooie sprint.",
        en = "Look, this is where they'll run. From the gate to the stump, that's a nice sprint.",
      } or {
        nl = "Kijk, hier gaan ze straks rennen. Van het hek tot aan de kastanje, dat is een mooie sprint.",
        en = "Look, this is where they'll run. From the gate to the chestnut, that's a nice sprint.",
      }
    end,
    roddel = {
      nl = "Zeg, heb jij Frank vanmiddag gezien met die inspecteur? Zo dicht tegen haar aan, met zijn map. Volgens mij wil hij gewoon directeur worden, en wij mogen de stoeltjes neerzetten.",
      en = "Hey, did you see Frank with that inspector this afternoon? Right up close, with his folder. I think he just wants to be the head, and we get to set out the chairs.",
    },
  },
  -- Everyone hears every choice, but a parent speaks up at most once per scene and only now
  -- and then, so that a round of thirty participants does not drown in reactions.
  react = react_in_crowd { allergy = { "allergie", "allergie2" }, challenge = { "respect", "respect2" },
                           core = { "eens", "eens2" }, pitfall = { "valkuil", "valkuil2" } },
  -- When nobody plays this parent, the engine does, as one of the many parents in the room.
  choose = choose_in_crowd,
}
