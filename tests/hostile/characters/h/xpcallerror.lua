-- expect: h/xpcallerror.lua:6: script ran too long (instruction limit reached)
return character {
  id = "xpcallerror", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- an ordinary error, whose handler loops with hooks on, and again and again
    while true do xpcall(error, function(m) while true do end end) end
  end,
}
