-- expect: Peer: peer intact
return character {
  id = "returnmeta", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- a text table whose every field loops: the engine reads it raw, and finds no text
    return setmetatable({}, { __index = function() while true do end end })
  end,
}
