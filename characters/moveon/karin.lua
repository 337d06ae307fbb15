-- Karin Mertens, manager Operations (role "ops", playable).
-- Quadrant: grenzen stellen (core) -> hardheid (pitfall) -> verbinden (challenge) -> pleasen (allergy).
-- A participant whose core is "verbinden" (a connector who wants to stand up for her team) is
-- cast here: Karin's no is what they practise. Her stance rises with her own "-ja" choices.
return character {
  id = "karin",
  name = "Karin Mertens",
  title = { nl = "Manager Operations", en = "Head of Operations" },
  quadrant = "grenzen stellen",
  state = { trust = 0, stance = 0, irritated = 0 },
  lines = {
    balans = function(self)
      if self.state.stance > 0 then
        return { nl = "Mijn voorwaarde staat. Een jaar geen gedwongen ontslagen. Wie daar nu nog aan twijfelt, zegt het nu. Niet om vijf over vier.",
                 en = "My condition stands. A year without compulsory redundancies. Anyone who still has doubts about that says so now. Not at five past four." }
      elseif self.state.stance < 0 then
        return { nl = "Ik ga eerlijk zijn: ik weet niet meer of ik meedoe. Ik heb te veel ja gezegd dit weekend. Dat was geen ja.",
                 en = "I'll be honest: I don't know any more if I'm in. I've said yes too often this weekend. It wasn't a yes." }
      end
      return { nl = "Eén uur. Daarna beslissen we. Geen uitstel, geen ‘we zien wel’.", en = "One hour. Then we decide. No delay, no \"we'll see\"." }
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
  react = function(self, ev)
    if ev.self then
      if ev.choice and ev.choice:find("%-ja$") then self.state.stance = self.state.stance + 1
      elseif ev.choice and ev.choice:find("%-nee$") then self.state.stance = self.state.stance - 1 end
      return nil
    end
    if ev.kind == "event" then
      if ev.event == "gerucht" then return "telefoon" end
      return nil
    end
    if ev.kind ~= "choice" then return nil end
    if ev.scene == "roddel-ronde" and ev.choice and ev.choice:find("stop") and ev.quality ~= "grenzen stellen" then
      self.state.trust = self.state.trust + 1
      return "stop"
    end
    if ev.corner == "allergy" then
      -- pleasing: yes that means no
      self.state.trust = self.state.trust - 1
      self.state.irritated = self.state.irritated + 1
      if self.state.irritated == 1 then return "niet_ja" end
      return "zucht"
    elseif ev.corner == "challenge" then
      self.state.trust = self.state.trust + 1
      return "respect"
    elseif ev.corner == "core" then
      self.state.trust = self.state.trust + 0.5
      if math.random() < 0.4 then return "herkenning" end
    elseif ev.corner == "pitfall" then
      return "te_hard"
    end
    -- a choice that protects the staff moves her towards the deal
    if ev.choice == "zo-koen-ja" or ev.choice == "ond-grens" then self.state.stance = self.state.stance + 1 end
    return nil
  end,
  choose = function(self, options)
    local function pick(c) for i, o in ipairs(options) do if o.corner == c then return i end end end
    local r = math.random()
    local order = { "core", "challenge", "pitfall", "allergy" }
    if self.state.trust >= 2 and r < 0.35 then order = { "challenge", "core", "pitfall", "allergy" }
    elseif self.state.trust <= -2 and r < 0.5 then order = { "pitfall", "core", "allergy", "challenge" }
    elseif r < 0.15 then order = { "pitfall", "core", "challenge", "allergy" } end
    for _, c in ipairs(order) do local i = pick(c); if i then return i end end
    return 1
  end,
}
