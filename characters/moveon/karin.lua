-- Karin Mertens, manager Operations (role "ops", playable).
-- Quadrant: grenzen stellen (core) -> hardheid (pitfall) -> verbinden (challenge) -> pleasen (allergy).
-- A participant whose core is "verbinden" (a connector who wants to stand up for her team) is
-- cast here: Karin's no is what they practise. Cast on any quadrant (role quadrants="*"), her
-- lines keep her no only on "grenzen stellen". Her stance rises with her own "-ja" choices.
-- The corner reactions below speak of the script's own quadrant ("grenzen stellen"); played on another
-- quadrant the character keeps its bookkeeping but says none of them.
-- The scenes in which the whole team sits together, where everyone hears what anyone says
-- (the same list in isabel, karin, koen, wim and femke.lua: the scenes of their second ears).
local TEAM = { "cijfers", "lunch-ontdekking", "lunch-cijfers", "roddel-ronde", "recht-in-gezicht",
               "roddel-nasmaak", "brief", "zondag-overleg" }

local function own_quadrant(spec)
  return function(self, ev)
    if self.quadrant == "grenzen stellen" then return pick_line(self, ev, spec, (self.state.heard or {})[ev.corner]) end
  end
end

return character {
  id = "karin",
  name = "Karin Mertens",
  title = { nl = "Manager Operations", en = "Head of Operations" },
  quadrant = "grenzen stellen",
  state = { trust = 0, stance = 0, irritated = 0 },
  lines = {
    balans = function(self)
      -- "my condition" only once she has named it: the choices that name it set vars.karin_in
      if self.state.stance > 0 and story.vars.karin_in == 1 then
        return { nl = "Mijn voorwaarde staat. Een jaar geen gedwongen ontslagen. Wie daar nu nog aan twijfelt, zegt het nu. Niet om vijf over vier.",
                 en = "My condition stands. A year without compulsory redundancies. Anyone who still has doubts about that says so now. Not at five past four." }
      elseif self.state.stance > 0 then
        return { nl = "Ik doe mee, op één voorwaarde: een jaar geen gedwongen ontslagen. Wie daaraan twijfelt, zegt het nu. Niet om vijf over vier.",
                 en = "I'm in, on one condition: a year without compulsory redundancies. Anyone who has doubts about that says so now. Not at five past four." }
      elseif self.state.stance < 0 then
        if self.quadrant == "grenzen stellen" then
          return { nl = "Ik ga eerlijk zijn: ik weet niet meer of ik meedoe. Ik heb te veel ja gezegd dit weekend. Dat was geen ja.",
                   en = "I'll be honest: I don't know any more if I'm in. I've said yes too often this weekend. It wasn't a yes." }
        end
        return { nl = "Ik ga eerlijk zijn: ik weet niet meer of ik meedoe. Ik heb dit weekend niet gezegd wat ik wilde zeggen.",
                 en = "I'll be honest: I don't know any more if I'm in. This weekend I haven't said what I wanted to say." }
      end
      if self.quadrant == "grenzen stellen" then
        return { nl = "Eén uur. Daarna beslissen we. Geen uitstel, geen ‘we zien wel’.", en = "One hour. Then we decide. No delay, no ‘we'll see’." }
      end
      return { nl = "Nog een uur. Dan moeten we het weten, alle vijf.", en = "One more hour. Then we have to know, all five of us." }
    end,
    -- reactions
    niet_ja = { nl = "Zeg geen ja als je nee bedoelt. Daar heeft niemand iets aan. Jij ook niet.", en = "Don't say yes when you mean no. It helps nobody. Not you either." },
    zucht = { nl = "Nee. Zo werkt het niet.", en = "No. That's not how it works." },
    respect = { nl = "Dat kan ik niet zo goed, wat jij net deed. Dank je.", en = "I'm not good at what you just did. Thank you." },
    herkenning = { nl = "Goed. Helder.", en = "Good. Clear." },
    te_hard = { nl = "Dat was hard. Te hard. Ik weet hoe dat klinkt; ik doe het zelf.", en = "That was hard. Too hard. I know how that sounds; I do it myself." },
    telefoon = { nl = "Mijn telefoon. Natuurlijk. Sandra, ik bel je terug. Ja. Ik weet het.", en = "My phone. Of course. Sandra, I'll call you back. Yes. I know." },
    stop = { nl = "Goed zo.", en = "Good." },
    -- her second ear: care and flexibility, Koen's pair, heard when a participant plays him
    precies = { nl = "Goed. Zo wil ik het in een crisis ook: alles nagelopen.", en = "Good. That's how I want it in a crisis too: everything checked." },
    precies2 = { nl = "Netjes. Daar kan ik op bouwen.", en = "Tidy. I can build on that." },
    perfect = { nl = "Het hoeft niet perfect. Het moet werken.", en = "It doesn't have to be perfect. It has to work." },
    perfect2 = { nl = "Af is beter dan perfect.", en = "Done is better than perfect." },
    schakel = { nl = "Zo. Dat is schakelen. Zo zijn we door de aswolk gekomen.", en = "There. That's switching gears. That's how we got through the ash cloud." },
    schakel2 = { nl = "Goed. Plan B is ook een plan.", en = "Good. Plan B is a plan too." },
    slordig = { nl = "Ho. Dat wil ik zwart op wit, niet ongeveer.", en = "Hold on. I want that in black and white, not roughly." },
    slordig2 = { nl = "Zo raak je op Kreta een bus vol mensen kwijt.", en = "That's how you lose a coachful of people on Crete." },
    -- and creativity and structure, Lotte's pair, whom the team hears only on Saturday
    idee = { nl = "Hm. Daar had ik nog niet aan gedacht. Goed.", en = "Hm. I hadn't thought of that. Good." },
    idee2 = { nl = "Origineel. Als het om drie uur ’s nachts ook werkt, ben ik om.", en = "Original. If it works at three in the morning too, I'm in." },
    chaos = { nl = "Stop. Eén ding tegelijk.", en = "Stop. One thing at a time." },
    chaos2 = { nl = "Ik raak de draad kwijt. En ik ben niet de enige.", en = "I've lost the thread. And I'm not the only one." },
    orde = { nl = "Eindelijk orde. Daar kan ik mee werken.", en = "Order, at last. I can work with that." },
    orde2 = { nl = "Goed. Eerst het wat, dan het hoe.", en = "Good. First the what, then the how." },
    star = { nl = "Regels zijn er voor mensen, niet andersom.", en = "Rules are there for people, not the other way round." },
    star2 = { nl = "Zo hebben we het altijd gedaan, ja. Dat is geen reden.", en = "That's how we've always done it, yes. That's not a reason." },
  },
  react = react_by_quadrant {
    own = stance_by_own_answers,
    events = { gerucht = "telefoon" },
    moves = KINSHIP_MOVES,
    allergy = own_quadrant({ "niet_ja", "zucht" }),   -- pleasing: a yes that means no
    challenge = own_quadrant("respect"),
    core = own_quadrant({ "herkenning", chance = 0.4 }),
    pitfall = own_quadrant("te_hard"),
    second = {
      { quadrant = "zorgvuldigheid", present_in = TEAM,
        core = { "precies", "precies2", chance = 0.6 }, pitfall = { "perfect", "perfect2", chance = 0.6 },
        challenge = { "schakel", "schakel2", chance = 0.6 }, allergy = { "slordig", "slordig2", chance = 0.6 } },
      { quadrant = "creativiteit", present_in = TEAM,
        core = { "idee", "idee2", chance = 0.6 }, pitfall = { "chaos", "chaos2", chance = 0.6 },
        challenge = { "orde", "orde2", chance = 0.6 }, allergy = { "star", "star2", chance = 0.6 } },
    },
    cases = {
      { scene = "roddel-ronde", choice_part = "stop", quality_not = "grenzen stellen", moves = { trust = 1 }, say = "stop" },
      -- a choice that protects the staff moves her towards the deal
      { choice = { "zo-koen-ja", "zo-koen-ja-zonder-brief", "zo-koen-kern-ja", "ond-grens" }, moves = { stance = 1 }, go_on = true },
    },
  },
  choose = choose_by_trust {
    distrust = { pitfall = 0.5 }, trust = { challenge = 0.35 }, usual = { pitfall = 0.15 }, otherwise = "any corner",
  },
}
