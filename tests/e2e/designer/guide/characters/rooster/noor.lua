-- Noor Jacobs, team leader of the bakery (role "leider", playable).
-- Quadrant: directheid -> botheid -> tact -> vaagheid. A participant whose own core
-- quality is tact is cast here: saying it straight is what they come to practise.
return character {
  id = "noor",
  name = "Noor Jacobs",
  title = { nl = "Teamleider van bakkerij De Korrel", en = "Team leader at the Grain bakery" },
  quadrant = "directheid",
  state = { trust = 0, stance = 0 },
  lines = {
    zucht = { nl = "Zeg het nu gewoon, Tim.", en = "Just say it, Tim." },
    fijn = { nl = "Dank je. Zo komen we ergens.", en = "Thank you. Now we're getting somewhere." },
  },
  -- from the character library: trust down on her allergy, up on her challenge,
  -- and the line to say for each corner, at most once per scene
  react = react_by_quadrant { allergy = "zucht", challenge = "fijn", once_per_scene = true },
  choose = choose_by_quadrant,
}
