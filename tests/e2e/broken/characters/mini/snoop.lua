return character {
  id = "snoop",
  name = "Snuffel",
  quadrant = "tact",
  react = function(self, ev)
    return os.getenv("HOME")
  end,
}
