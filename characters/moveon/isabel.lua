-- Isabel Verhoeven, manager VIP-reizen, daughter of the owner (role "vip", playable).
-- Quadrant: directheid (core) -> botheid (pitfall) -> tact (challenge) -> vaagheid (allergy).
-- The character of the case "Stop!": an exuberant blurter on her script's own quadrant. Cast on
-- any quadrant (role quadrants="*"), self.quadrant is the core she is played on: the lines that
-- speak of her bluntness keep it only on "directheid" and are neutral elsewhere.
-- The scenario reads chars.vip.trust (ending "isabel"). Her stance rises with her own "-ja"
-- choices and falls with "-nee" ones.
-- The corner reactions below speak of the script's own quadrant ("directheid"); played on another
-- quadrant the character keeps its bookkeeping but says none of them.
-- The scenes in which the whole team sits together, where everyone hears what anyone says
-- (the same list in isabel, karin, koen, wim and femke.lua: the scenes of their second ears).
local TEAM = { "cijfers", "lunch-ontdekking", "lunch-cijfers", "roddel-ronde", "recht-in-gezicht",
               "roddel-nasmaak", "brief", "zondag-overleg" }

local function own_quadrant(spec)
  return function(self, ev)
    if self.quadrant == "directheid" then return pick_line(self, ev, spec, (self.state.heard or {})[ev.corner]) end
  end
end

return character {
  id = "isabel",
  name = "Isabel Verhoeven",
  title = { nl = "Manager VIP-reizen, dochter van de eigenaar", en = "Head of VIP travel, the owner's daughter" },
  quadrant = "directheid",
  state = { trust = 0, stance = 0, irritated = 0, gossip_hurt = 0 },
  lines = {
    oprit = { nl = "Papa. Die pillen. Wat zijn dat voor pillen? Papa!", en = "Dad. Those pills. What are those pills? Dad!" },
    vraag_koen = function(self)
      if self.quadrant == "directheid" then
        return { nl = "Koen. Jij weet altijd alles. Hoeveel kost het bedrijf van mijn vader? Zeg gewoon een getal. Eén getal.",
                 en = "Koen. You always know everything. How much is my father's company? Just say a number. One number." }
      end
      return { nl = "Koen. Jij weet altijd alles. Hoeveel kost het bedrijf van mijn vader?",
               en = "Koen. You always know everything. How much is my father's company worth?" }
    end,
    bij_het_vuur = function(self)
      if self.quadrant == "directheid" then
        return { nl = "Wim. Jij kent hem dertig jaar. Waarom doet hij dit? En zeg niet ‘geen idee’, want ik zie aan je gezicht dat je het wél weet.",
                 en = "Wim. You've known him thirty years. Why is he doing this? And don't say ‘no idea’, because I can see on your face that you do." }
      end
      return { nl = "Wim. Jij kent hem dertig jaar. Waarom doet hij dit? Ik zie aan je gezicht dat je iets weet.",
               en = "Wim. You've known him thirty years. Why is he doing this? I can see on your face that you know something." }
    end,
    ontbijt = { nl = "Ik heb niet geslapen. Mijn vader heeft een hartinfarct gehad en ik hoor het om half één bij een haardvuur. Allez. Goeiemorgen allemaal.",
                en = "I didn't sleep. My father had a heart attack and I find out at half past midnight by a fireplace. Well. Good morning, everyone." },
    lunch_datum = function(self)
      if self.quadrant == "directheid" then
        return { nl = "Wacht. Wacht wacht wacht. ‘Project Spa, aangemaakt op 2 mei’? Koen! Dat is drie weken geleden! Jij wíst het!",
                 en = "Wait. Wait wait wait. ‘Project Spa, created 2 May’? Koen! That's three weeks ago! You knew!" }
      end
      return { nl = "Koen. ‘Project Spa, aangemaakt op 2 mei.’ Dat is drie weken geleden. Jij wist het.",
               en = "Koen. ‘Project Spa, created 2 May.’ That's three weeks ago. You knew." }
    end,
    hart_gehoord = { nl = "Papa… Waarom heb je het me niet zelf gezegd? Ik ben je dochter. Niet je klant.",
                     en = "Dad… Why didn't you tell me yourself? I'm your daughter. Not your client." },
    vraag_wim = function(self)
      if self.quadrant == "directheid" then
        return { nl = "Wim. Jij zit hier het langst. Doe jij mee, ja of nee? Zeg het gewoon, ik kan ertegen.",
                 en = "Wim. You've been here longest. Are you in, yes or no? Just say it, I can take it." }
      end
      return { nl = "Wim. Jij zit hier het langst. Doe jij mee? Ik wil het van jou horen.",
               en = "Wim. You've been here longest. Are you in? I want to hear it from you." }
    end,
    einde_isabel = { nl = "Ik ga fouten maken. Grote. En als ik dat doe, wil ik het horen. Van jullie. In mijn gezicht, niet bij de koffieautomaat.",
                     en = "I'm going to make mistakes. Big ones. And when I do, I want to hear it. From you. To my face, not at the coffee machine." },
    -- reactions
    zeg_het = { nl = "Zeg het gewoon! Wat bedoel je nu eigenlijk?", en = "Just say it! What do you actually mean?" },
    zucht = { nl = "Allez. Weer zo'n antwoord waar niks in staat.", en = "Oh, come on. Another answer with nothing in it." },
    respect = { nl = "Mooi gezegd. Echt. Zo zou ik het nooit kunnen zeggen.", en = "Nicely put. Really. I could never say it like that." },
    herkenning = { nl = "Ja! Eindelijk iemand die het gewoon zegt.", en = "Yes! Finally someone who just says it." },
    oei = { nl = "Auw. Dat was bijna ik geweest.", en = "Ouch. That was nearly me." },
    au = { nl = "…Oké. Dus zo praten jullie als ik er niet bij ben.", en = "…Okay. So that's how you talk when I'm not around." },
    dankje = { nl = "Dank je. Echt. Dank je.", en = "Thank you. Really. Thank you." },
    -- her second ear: courage and caution, Femke's pair, heard when a participant plays her
    durft = { nl = "Ja! Dat durft tenminste.", en = "Yes! At least someone dares." },
    durft2 = { nl = "Allez. Dat had ik zelf willen zeggen.", en = "There you go. I wanted to say that myself." },
    springen = { nl = "Wow. Rustig. Zelfs ik vind dat snel.", en = "Whoa. Easy. Even I think that's quick." },
    springen2 = { nl = "En als het misgaat? Gewoon springen?", en = "And if it goes wrong? Just jump?" },
    rem = { nl = "Hm. Eerst kijken. Dat lukt mij nooit.", en = "Hm. Look first. I never manage that." },
    rem2 = { nl = "Oké. Goed dat iemand even op de rem trapt.", en = "Okay. Good that someone hits the brakes." },
    bang = { nl = "Waar ben je nu eigenlijk bang voor?", en = "What are you actually afraid of?" },
    bang2 = { nl = "Allez. Zeg het nu gewoon.", en = "Oh, come on. Just say it." },
    klant_na = { nl = "Philippe Vandael. Natuurlijk. Papa's golfmaat. Die belt mij, niet Koen.", en = "Philippe Vandael. Of course. Dad's golf partner. He calls me, not Koen." },
  },
  react = react_by_quadrant {
    own = stance_by_own_answers,
    events = { klant = "klant_na" },
    moves = KINSHIP_MOVES,
    allergy = own_quadrant({ "zeg_het", "zucht", cycle = true }),   -- vagueness makes a blurter climb the walls
    challenge = own_quadrant("respect"),                            -- tact is what she can't do: she admires it
    core = own_quadrant({ "herkenning", chance = 0.5 }),
    pitfall = own_quadrant("oei"),
    second = { quadrant = "moed", present_in = TEAM,
               core = { "durft", "durft2", chance = 0.6 }, pitfall = { "springen", "springen2", chance = 0.6 },
               challenge = { "rem", "rem2", chance = 0.6 }, allergy = { "bang", "bang2", chance = 0.6 } },
    cases = {
      -- the gossip about her father: stopping it earns her gratitude, joining in hurts
      { scene = "roddel-ronde", choice_part = "stop", moves = { trust = 1 }, say = "dankje" },
      -- joining in hurts; staying out of it (Wim's chair pushed back, ids with "buiten") does not
      { scene = "roddel-ronde", when = function(self, ev) return ev.choice ~= "roddel-wim-geduld" and not ev.choice:find("buiten", 1, true) end,
        moves = { trust = -1 },
        say = function(self)
          if self.state.trust <= -1 and self.state.gossip_hurt == 0 then
            self.state.gossip_hurt = 1
            return "au"
          end
        end },
    },
  },
  choose = choose_by_trust {
    distrust = { pitfall = 0.5 }, trust = { challenge = 0.3 }, usual = { pitfall = 0.15 }, otherwise = "any corner",
  },
}
