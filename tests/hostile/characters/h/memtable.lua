-- expect: h/memtable.lua:4: script used too much memory
return character {
  id = "memtable", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    local t = {}
    for i = 1, 1e9 do t[i] = { i } end
  end,
}
