-- A character whose lines were written in Dutch only: check warns for each, at its line.
return character {
  id = "eentalig",
  name = "Eentalig",
  quadrant = "verbinden",
  lines = {
    hallo = { nl = "Hallo." },
    beide = { nl = "Dag.", en = "Hello." },
    later = function(self) return { nl = "Tot later." } end,
  },
}
