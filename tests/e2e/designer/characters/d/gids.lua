-- A role no participant plays, for the designer tests.
return character {
  id = "gids",
  name = "Gids",
  title = { nl = "Gids", en = "Guide" },
  quadrant = "verbinden",
  state = {},
  lines = { hallo = { nl = "Hallo.", en = "Hello." } },
}
