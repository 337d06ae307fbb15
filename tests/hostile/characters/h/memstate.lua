-- expect: Hostile: still here
return character {
  id = "memstate", name = "Hostile", quadrant = "directheid",
  lines = { here = "still here" },
  react = function(self, ev)
    -- fill the state up to the memory limit (pcall catches the memory error), so that the
    -- engine's own work between calls, and copying the state, find no room left
    local parts = {}
    pcall(function() while true do parts[#parts + 1] = string.rep("x", 4 << 20) end end)
    self.state.parts = parts
    return "here"
  end,
}
