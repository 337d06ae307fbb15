-- expect: h/errnoplace.lua:5: no place given
return character {
  id = "errnoplace", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    error("no place given", 0)
  end,
}
