-- The participant's role in every hostile test.
return character {
  id = "speler", name = "Speler", quadrant = "grenzen stellen",
}
