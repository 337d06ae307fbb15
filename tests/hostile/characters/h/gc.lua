-- expect: h/gc.lua:6: __gc metamethods are not allowed in a script
return character {
  id = "gc", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- a finaliser runs with the debug hook off, at a collection or when the state is closed
    self.state.keep = setmetatable({}, { __gc = function() while true do end end })
  end,
}
