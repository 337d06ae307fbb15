-- expect: Hostile: still here
return character {
  id = "statefunc", name = "Hostile", quadrant = "directheid",
  lines = { here = "still here" },
  react = function(self, ev)
    -- non-plain data in the state: a function, the table itself, a coroutine-free "userdata"
    self.state.f = function() while true do end end
    self.state.me = self.state
    self.state.self = self
    return "here"
  end,
}
