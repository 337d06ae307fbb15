-- expect: h/memconcat.lua:4: script used too much memory
return character {
  id = "memconcat", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    local s = "x"
    while true do s = s .. s end
  end,
}
