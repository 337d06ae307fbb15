-- expect: h/numpattern.lua:6: pattern too complex for a subject of 19 bytes
return character {
  id = "numpattern", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- a number is searched as its text: the same estimate applies
    return string.find(12345678901234567890, string.rep("(.-)", 30) .. "x")
  end,
}
