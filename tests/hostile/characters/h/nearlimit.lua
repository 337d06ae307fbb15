-- expect: Peer: peer intact
-- Just under the budget of 20 million instructions, every time: no verdict may depend on how
-- busy the machine is (explore --jobs 1 and --jobs 2 say the same of it).
return character {
  id = "nearlimit", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    for i = 1, 19800000 do end
    self.state.done = (self.state.done or 0) + 1
  end,
  choose = function(self, options)
    for i = 1, 19800000 do end
    return 1
  end,
}
