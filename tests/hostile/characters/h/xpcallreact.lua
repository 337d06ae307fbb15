-- expect: h/xpcallreact.lua:8: script ran too long (instruction limit reached)
return character {
  id = "xpcallreact", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- the limit's error is raised where hooks are off, where a handler that loops could never
    -- be stopped: it is not run once the budget is spent, and the next instruction stops
    xpcall(function() while true do end end, function(m) while true do end end)
  end,
}
