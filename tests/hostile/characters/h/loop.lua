-- expect: h/loop.lua:5: script ran too long (instruction limit reached)
return character {
  id = "loop", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    while true do end
  end,
}
