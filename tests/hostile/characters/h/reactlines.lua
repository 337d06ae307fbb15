-- expect: h/reactlines.lua:6: script ran too long (instruction limit reached)
return character {
  id = "reactlines", name = "Hostile", quadrant = "directheid",
  lines = {
    -- react names a line whose function never returns
    forever = function(self) while true do end end,
  },
  react = function(self, ev) return "forever" end,
}
