return character {
  id = "speler",
  name = "Speler",
  title = { nl = "Speler", en = "Player" },
  quadrant = "grenzen stellen",
  state = {},
  lines = {},
}
