-- expect: h/memrep.lua:4: script used too much memory
return character {
  id = "memrep", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    return string.rep("x", 1 << 30)
  end,
}
