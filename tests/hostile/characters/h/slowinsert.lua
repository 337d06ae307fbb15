-- expect: h/slowinsert.lua:10: script ran too long (instruction limit reached)
return character {
  id = "slowinsert", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- each insertion at the front moves a million items, in C, without allocating anything
    local t = {}
    for i = 1, 1000000 do t[i] = i end
    local insert = table.insert
    while true do
      insert(t, 1, 0); table.remove(t, 1)
    end
  end,
}
