-- The participant's role in the format test (tests/e2e/format.sh).
return character {
  id = "leider",
  name = "Noor",
  title = { nl = "Leider", en = "Leader" },
  quadrant = "directheid",
  state = {},
  lines = {},
}
