-- A role verbeeld plays in the format test (tests/e2e/format.sh).
return character {
  id = "gast",
  name = "Tim",
  title = { nl = "Gast", en = "Guest" },
  quadrant = "tact",
  state = {},
  lines = {
    hallo = { nl = "Hallo allemaal.", en = "Hello everyone." },
  },
}
