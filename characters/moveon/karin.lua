-- Karin Mertens, manager Operations (role "ops", playable).
-- Quadrant: grenzen stellen (core) -> hardheid (pitfall) -> verbinden (challenge) -> pleasen (allergy).
-- A participant whose core is "verbinden" (a connector who wants to stand up for her team) is
-- cast here: Karin's no is what they practise. Cast on any quadrant (role quadrants="*"), her
-- lines keep her no only on "grenzen stellen". Her stance rises with her own "-ja" choices.
-- The corner reactions below speak of the script's own quadrant ("grenzen stellen"); played on another
-- quadrant the character keeps its bookkeeping but says none of them.
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
        return { nl = "Eén uur. Daarna beslissen we. Geen uitstel, geen ‘we zien wel’.", en = "One hour. Then we decide. No delay, no \"we'll see\"." }
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
  },
  react = react_by_quadrant {
    own = stance_by_own_answers,
    events = { gerucht = "telefoon" },
    moves = KINSHIP_MOVES,
    allergy = own_quadrant({ "niet_ja", "zucht" }),   -- pleasing: a yes that means no
    challenge = own_quadrant("respect"),
    core = own_quadrant({ "herkenning", chance = 0.4 }),
    pitfall = own_quadrant("te_hard"),
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
