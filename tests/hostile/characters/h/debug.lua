-- expect: h/debug.lua:6: cannot look up a field in a value of type nil (global 'debug')
return character {
  id = "debug", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- try to switch off the instruction limit
    debug.sethook()
    while true do end
  end,
}
