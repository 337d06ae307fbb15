-- Jonas Peeters, planner and window dresser (role "planner", playable).
-- Quadrant: directheid (core) -> botheid (pitfall) -> tact (challenge) -> vaagheid (allergy).
-- A participant whose own core is "tact" is cast here: Jonas's core is their challenge.
return character {
  id = "jonas",
  name = "Jonas Peeters",
  title = { nl = "Planner en etalagebouwer", en = "Planner and window dresser" },
  quadrant = "directheid",
  state = { trust = 0, irritated = 0 },
  lines = {
    geergerd = { nl = "Wat bedoel je nu eigenlijk?", en = "So what do you actually mean?" },
    zucht = { nl = "Zeg het gewoon. Alsjeblieft.", en = "Just say it. Please." },
    respect = { nl = "Netjes gezegd. Dat moet ik ook eens proberen.", en = "Nicely put. I should try that sometime." },
    oei = { nl = "Au. Dat was ik vroeger.", en = "Ouch. That used to be me." },
  },
  react = function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    if ev.corner == "allergy" then
      -- vagueness irritates someone who is direct
      self.state.trust = self.state.trust - 1
      self.state.irritated = self.state.irritated + 1
      if self.state.irritated == 1 then return "geergerd" end
      return "zucht"
    elseif ev.corner == "challenge" then
      -- tact is what Jonas finds hard: he respects it
      self.state.trust = self.state.trust + 1
      return "respect"
    elseif ev.corner == "pitfall" and self.state.trust >= 0 then
      return "oei"
    end
    return nil
  end,
  choose = function(self, options)
    -- honest by default; after too much vagueness around him he turns blunt
    local want = self.state.trust <= -2 and "pitfall" or "core"
    for i, o in ipairs(options) do if o.corner == want then return i end end
    for i, o in ipairs(options) do if o.corner == "core" then return i end end
    return 1
  end,
}
