-- expect: Hostile: still here
return character {
  id = "statedag", name = "Hostile", quadrant = "directheid",
  lines = { here = "still here" },
  react = function(self, ev)
    -- 2^30 paths through 30 tables, within the depth limit: copying it naively would never end
    local t = { leaf = 1 }
    for i = 1, 30 do t = { a = t, b = t } end
    self.state.dag = t
    return "here"
  end,
}
