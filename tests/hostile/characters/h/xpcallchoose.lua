-- expect: h/xpcallchoose.lua:6: script ran too long (instruction limit reached)
return character {
  id = "xpcallchoose", name = "Hostile", quadrant = "directheid",
  choose = function(self, options)
    xpcall(function() while true do end end, function(m) while true do end end)
  end,
}
