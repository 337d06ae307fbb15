-- expect: h/balance.lua:6: pattern too complex for a subject of 1048576 bytes
return character {
  id = "balance", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- %b scans to the end from each of a million starts
    return string.rep("(", 1 << 20):find("%b()")
  end,
}
