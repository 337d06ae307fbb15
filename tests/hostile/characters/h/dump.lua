-- expect: h/dump.lua:5: cannot call a value of type nil (field 'dump')
return character {
  id = "dump", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    local bytes = string.dump(function() return 1 end)
    return bytes
  end,
}
