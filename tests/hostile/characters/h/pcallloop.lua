-- expect: h/pcallloop.lua:7: script ran too long (instruction limit reached)
return character {
  id = "pcallloop", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- catch the limit's error and go on, for ever
    local function spin() while true do end end
    while true do pcall(spin); pcall(error) end
  end,
}
