-- The one player of the designer test scenarios: no state, so that a state is only where
-- the story is and what its variables hold.
return character {
  id = "speler",
  name = "Speler",
  title = { nl = "Speler", en = "Player" },
  quadrant = "grenzen stellen",
  state = {},
  lines = {},
}
