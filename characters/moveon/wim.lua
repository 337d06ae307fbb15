-- Wim Hendrickx, manager Groepsreizen, Guido's first employee (role "groep", playable).
-- Quadrant: geduld (core) -> passiviteit (pitfall) -> daadkracht (challenge) -> drammen (allergy).
-- A participant whose core is "daadkracht" plays the one who waits. He knows about Guido's heart
-- (var hart). He is the opposite of Guido: what Guido overdoes, Wim is allergic to.
return character {
  id = "wim",
  name = "Wim Hendrickx",
  title = { nl = "Manager Groepsreizen", en = "Head of Group Travel" },
  quadrant = "geduld",
  state = { trust = 0, stance = 0, irritated = 0 },
  lines = {
    hart_bekend = function(self)
      if self.state.trust >= 1 then
        return { nl = "Ik heb het hem beloofd, meisje. Ik had het niet moeten beloven. Maar ik ben blij dat het nu op tafel ligt, en niet meer in mijn maag.",
                 en = "I promised him, love. I shouldn't have. But I'm glad it's on the table now, and not in my stomach any more." }
      end
      return { nl = "Ik heb het hem beloofd, meisje. Ik had het niet moeten beloven.", en = "I promised him, love. I shouldn't have." }
    end,
    -- reactions
    rustig = { nl = "Rustig aan, jong. Een bus keer je niet op een stoep.", en = "Easy, lad. You don't turn a coach round on a pavement." },
    zucht = { nl = "(Wim leunt achterover en vouwt zijn handen op zijn buik. Hij zegt niets. Het is een luid soort niets.)",
              en = "(Wim leans back and folds his hands on his belly. He says nothing. It's a loud sort of nothing.)" },
    respect = { nl = "Kijk. Dat had ik twintig jaar geleden tegen Guido moeten zeggen.", en = "Look at that. I should have said that to Guido twenty years ago." },
    herkenning = { nl = "Goed zo. Laat het maar even liggen. Het wordt vanzelf duidelijk.", en = "Good. Let it sit a while. It'll become clear by itself." },
    passief = { nl = "Hm. Zo zit ik er zelf ook te vaak bij.", en = "Hm. That's how I sit there too, too often." },
  },
  react = function(self, ev)
    if ev.self then
      if ev.choice and ev.choice:find("%-ja$") then self.state.stance = self.state.stance + 1
      elseif ev.choice and ev.choice:find("%-nee$") then self.state.stance = self.state.stance - 1 end
      return nil
    end
    if ev.kind ~= "choice" then return nil end
    if ev.corner == "allergy" then
      -- pushing
      self.state.trust = self.state.trust - 1
      self.state.irritated = self.state.irritated + 1
      if self.state.irritated == 1 then return "rustig" end
      return "zucht"
    elseif ev.corner == "challenge" then
      self.state.trust = self.state.trust + 1
      return "respect"
    elseif ev.corner == "core" then
      self.state.trust = self.state.trust + 0.5
      if math.random() < 0.4 then return "herkenning" end
    elseif ev.corner == "pitfall" then
      if math.random() < 0.5 then return "passief" end
    end
    -- being together is what moves him
    if ev.choice == "ond-bod-ja" or ev.choice == "zo-femke-ja" then self.state.stance = self.state.stance + 1 end
    return nil
  end,
  choose = function(self, options)
    local function pick(c) for i, o in ipairs(options) do if o.corner == c then return i end end end
    local r = math.random()
    local order = { "core", "challenge", "pitfall", "allergy" }
    if self.state.trust >= 2 and r < 0.35 then order = { "challenge", "core", "pitfall", "allergy" }
    elseif r < 0.25 then order = { "pitfall", "core", "challenge", "allergy" } end
    for _, c in ipairs(order) do local i = pick(c); if i then return i end end
    return 1
  end,
}
