return character {
  id = "loop",
  name = "Lus",
  quadrant = "directheid",
  react = function(self, ev)
    while true do end
  end,
}
