-- expect: h/slowc.lua:8: script ran too long (time limit reached)
return character {
  id = "slowc", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- few instructions, each a slow call into C: the time limit, not the count, stops it
    local s = string.rep("x", 8 << 20)
    while true do
      local t = s:upper()
    end
  end,
}
