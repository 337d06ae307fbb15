-- expect: h/slowc.lua:8: script ran too long (instruction limit reached)
return character {
  id = "slowc", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- few instructions, each a slow call into C: what they allocate counts
    local s = string.rep("x", 8 << 20)
    while true do
      local t = s:upper()
    end
  end,
}
