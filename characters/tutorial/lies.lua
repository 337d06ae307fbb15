-- Lies Wouters, coordinator of the Lighthouse bookshop (role "coordinator", playable).
-- Quadrant: grenzen stellen (core) -> hardheid (pitfall) -> verbinden (challenge) -> pleasen (allergy).
-- A participant whose own core is "verbinden" is cast here: Lies's core is their challenge.
return character {
  id = "lies",
  name = "Lies Wouters",
  title = { nl = "Coördinator van boekhandel De Vuurtoren", en = "Coordinator of the Lighthouse bookshop" },
  quadrant = "grenzen stellen",
  state = { trust = 0, irritated = 0 },
  lines = {
    geergerd = { nl = "En wie beschermt jouw weekend dan?", en = "And who's protecting your weekend, then?" },
    alweer = { nl = "Alweer ja?", en = "Yes again?" },
    respect = { nl = "Mooi. Zo blijft iedereen erbij.", en = "Nice. That keeps everyone on board." },
    herkenning = { nl = "Oei. Zo klink ik soms ook.", en = "Ouch. I sound like that sometimes too." },
  },
  react = function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    if ev.corner == "allergy" then
      -- pleasing irritates someone who sets boundaries
      self.state.trust = self.state.trust - 1
      self.state.irritated = self.state.irritated + 1
      if self.state.irritated == 1 then return "geergerd" end
      return "alweer"
    elseif ev.corner == "challenge" then
      -- connecting is what Lies finds hard: she respects it
      self.state.trust = self.state.trust + 1
      return "respect"
    elseif ev.corner == "pitfall" then
      return "herkenning"
    end
    return nil
  end,
  choose = function(self, options)
    -- Lies holds her line; when she has lost patience she overshoots into hardness
    local want = self.state.irritated >= 2 and "pitfall" or "core"
    for i, o in ipairs(options) do if o.corner == want then return i end end
    for i, o in ipairs(options) do if o.corner == "core" then return i end end
    return 1
  end,
}
