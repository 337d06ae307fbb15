-- expect: h/literal.lua:7: pattern too complex for a subject of 8388608 bytes
return character {
  id = "literal", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- a pattern of four million fixed items, tried at each of eight million places
    local hay, needle = string.rep("a", 8 << 20), string.rep("a", 4 << 20) .. "b"
    return hay:match(needle)
  end,
}
