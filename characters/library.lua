-- The character library: behaviour most characters share, loaded into every character's sandbox
-- before its own script, so that a script only has to say what makes the character itself.
--
--   react = react_by_quadrant { allergy = "geergerd", challenge = "respect", core = "eens" },
--   choose = choose_by_quadrant,

-- A react hook that follows the character's quadrant: what hits its allergy costs trust, what
-- shows its challenge earns trust, its own core and pitfall strengthen its stance. `lines` maps
-- a corner to the key of the line the character then says; with once_per_scene = true it
-- speaks at most once per scene, so that a large group does not drown in reactions.
function react_by_quadrant(lines)
  return function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    local s = self.state
    s.trust = s.trust or 0
    s.stance = s.stance or 0
    if ev.corner == "allergy" then s.trust = s.trust - 1
    elseif ev.corner == "challenge" then s.trust = s.trust + 1
    elseif ev.corner == "core" or ev.corner == "pitfall" then s.stance = s.stance + 1 end
    local key = ev.corner and lines[ev.corner]
    if not key then return nil end
    if lines.once_per_scene then
      if s.spoke_in == ev.scene then return nil end
      s.spoke_in = ev.scene
    end
    return key
  end
end

-- A choose hook for a character no participant plays: its core quality, or its pitfall once
-- its trust has run out; failing both, the first option.
function choose_by_quadrant(self, options)
  local want = (self.state.trust or 0) <= -2 and "pitfall" or "core"
  for i, o in ipairs(options) do if o.corner == want then return i end end
  for i, o in ipairs(options) do if o.corner == "core" then return i end end
  return 1
end
