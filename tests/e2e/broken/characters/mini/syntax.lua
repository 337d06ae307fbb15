return character {
  id = "syntax",
  name = "Kapot",
  quadrant = "tact"
  lines = {},
}
