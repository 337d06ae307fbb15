-- expect: h/debug.lua:6: attempt to index a nil value (global 'debug')
return character {
  id = "debug", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- try to switch off the instruction limit
    debug.sethook()
    while true do end
  end,
}
