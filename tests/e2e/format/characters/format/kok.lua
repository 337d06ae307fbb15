-- A role nobody plays in the format test of whose turn it is (tests/e2e/format/turns.xml).
return character {
  id = "kok",
  name = "Bas",
  title = { nl = "Kok", en = "Cook" },
  quadrant = "zorgvuldigheid",
  state = {},
  lines = {},
  choose = function(self, options) return #options end,
}
