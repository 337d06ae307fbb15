-- expect: h/choose.lua:4: script ran too long (instruction limit reached)
return character {
  id = "choose", name = "Hostile", quadrant = "directheid",
  choose = function(self, options) while true do end end,
  react = function(self, ev) return nil end,
}
