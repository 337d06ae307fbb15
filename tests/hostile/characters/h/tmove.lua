-- expect: h/tmove.lua:5: script ran too long (instruction limit reached)
return character {
  id = "tmove", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    table.move({}, 1, 1 << 62, 2)      -- 2^62 slots moved in one call into C
  end,
}
