-- A character whose line was saved in Latin-1 (the byte E9 for Ã©): check says so at the
-- line, and a session journals its reaction as valid UTF-8 all the same.
return character {
  id = "latijn",
  name = "Latijn",
  quadrant = "verbinden",
  lines = { hallo = { nl = "Café open.", en = "Café is open." } },
  react = function(self, ev) return "hallo" end,
}
