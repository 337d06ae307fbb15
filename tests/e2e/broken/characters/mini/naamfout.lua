return character {
  id = "anders",
  name = "Naamfout",
  quadrant = "geen-kwaliteit",
}
