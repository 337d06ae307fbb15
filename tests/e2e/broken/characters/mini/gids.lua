return character {
  id = "gids",
  name = "Gids",
  title = { nl = "Gids", en = "Guide" },
  quadrant = "verbinden",
  state = { trust = 0 },
  lines = { hallo = { nl = "Hallo.", en = "Hello." } },
  react = function(self, ev)
    if ev.corner == "allergy" then self.state.trust = self.state.trust - 1; return { nl = "Au.", en = "Ouch." } end
  end,
}
