-- Jonas Peeters, planner and window dresser (role "planner", playable).
-- His own quadrant: directheid (core) -> botheid (pitfall) -> tact (challenge) -> vaagheid
-- (allergy). The role takes any quadrant (quadrants="*"): a participant plays him with their
-- own challenge as his core quality, and self.quadrant is then that core. When nobody plays him
-- he is on his own quadrant and chooses by it.
--
-- His reactions are shown only when verbeeld plays him (a played character's are journalled);
-- the lines that speak of his own quadrant ("just say it") are said only on it, and the plain
-- ones, true on any quadrant, otherwise.
local OWN = "directheid"

-- The line for a corner: his own words on his own quadrant, the plain ones on any other.
-- A reaction is said once in a session (state.said, see unsaid in the library): the second
-- time the same line would come, the other of the pair, or nothing.
local function say(self, own, plain)
  local line = self.quadrant == OWN and own or plain
  return mark_said(self, unsaid(self, line, { own, plain }))
end

return character {
  id = "jonas",
  name = "Jonas Peeters",
  title = { nl = "Planner en etalagebouwer", en = "Planner and window dresser" },
  quadrant = OWN,
  state = { trust = 0, irritated = 0 },
  lines = {
    geergerd = { nl = "Wat bedoel je nu eigenlijk?", en = "So what do you actually mean?" },
    zucht = { nl = "Zeg het gewoon. Alsjeblieft.", en = "Just say it. Please." },
    respect = { nl = "Netjes gezegd. Dat moet ik ook eens proberen.", en = "Nicely put. I should try that sometime." },
    oei = { nl = "Au. Dat was ik vroeger.", en = "Ouch. That used to be me." },
    -- on any quadrant
    hm = { nl = "Hm.", en = "Hm." },
    alweer = { nl = "Daar gaan we weer.", en = "Here we go again." },
    knap = { nl = "Dat moet ik ook eens proberen.", en = "I should try that sometime." },
  },
  react = function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    if ev.corner == "allergy" then
      -- what he is allergic to irritates him
      self.state.trust = self.state.trust - 1
      self.state.irritated = self.state.irritated + 1
      if self.state.irritated == 1 then return say(self, "geergerd", "hm") end
      return say(self, "zucht", "alweer")
    elseif ev.corner == "challenge" then
      -- what he finds hard himself: he respects it
      self.state.trust = self.state.trust + 1
      return say(self, "respect", "knap")
    elseif ev.corner == "pitfall" and self.state.trust >= 0 then
      -- too much of his own strength: he recognises himself
      return mark_said(self, unsaid(self, "oei"))
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
