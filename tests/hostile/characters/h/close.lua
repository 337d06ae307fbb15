-- expect: h/close.lua:6: script ran too long (instruction limit reached)
return character {
  id = "close", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- when the loop below is stopped, the <close> handler runs while the error unwinds
    local guard <close> = setmetatable({}, { __close = function() while true do end end })
    while true do end
  end,
}
