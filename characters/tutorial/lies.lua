-- Lies Wouters, coordinator of the Lighthouse bookshop (role "coordinator", playable).
-- Her own quadrant: grenzen stellen (core) -> hardheid (pitfall) -> verbinden (challenge) ->
-- pleasen (allergy). The role takes any quadrant (quadrants="*"): a participant plays her with
-- their own challenge as her core quality, and self.quadrant is then that core. When nobody
-- plays her she is on her own quadrant and chooses by it.
--
-- Her reactions are shown only when verbeeld plays her (a played character's are journalled);
-- the lines that speak of her own quadrant ("who's protecting your weekend?") are said only
-- on it, and the plain ones, true on any quadrant, otherwise.
local OWN = "grenzen stellen"

-- The line for a corner: her own words on her own quadrant, the plain ones on any other.
-- A reaction is said once in a session (state.said, see unsaid in the library): the second
-- time the same line would come, the other of the pair, or nothing.
local function say(self, own, plain)
  local line = self.quadrant == OWN and own or plain
  return mark_said(self, unsaid(self, line, { own, plain }))
end

return character {
  id = "lies",
  name = "Lies Wouters",
  title = { nl = "Coördinator van boekhandel De Vuurtoren", en = "Coordinator of the Lighthouse bookshop" },
  quadrant = OWN,
  state = { trust = 0, irritated = 0 },
  lines = {
    geergerd = { nl = "En wie beschermt jouw weekend dan?", en = "And who's protecting your weekend, then?" },
    alweer = { nl = "Alweer ja?", en = "Yes again?" },
    respect = { nl = "Mooi. Zo blijft iedereen erbij.", en = "Nice. That keeps everyone on board." },
    herkenning = { nl = "Oei. Zo klink ik soms ook.", en = "Ouch. I sound like that sometimes too." },
    -- on any quadrant
    schuurt = { nl = "Hm. Dat schuurt bij mij.", en = "Hm. That grates with me." },
    nog_eens = { nl = "Alweer.", en = "Again." },
    knap = { nl = "Knap. Dat had ik niet zo gekund.", en = "Well done. I couldn't have done that." },
  },
  react = function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    if ev.corner == "allergy" then
      -- what she is allergic to irritates her
      self.state.trust = self.state.trust - 1
      self.state.irritated = self.state.irritated + 1
      if self.state.irritated == 1 then return say(self, "geergerd", "schuurt") end
      return say(self, "alweer", "nog_eens")
    elseif ev.corner == "challenge" then
      -- what she finds hard herself: she respects it
      self.state.trust = self.state.trust + 1
      return say(self, "respect", "knap")
    elseif ev.corner == "pitfall" then
      -- too much of her own strength: she hears herself in it
      return mark_said(self, unsaid(self, "herkenning"))
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
