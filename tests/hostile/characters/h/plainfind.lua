-- expect: h/plainfind.lua:7: script ran too long (instruction limit reached)
return character {
  id = "plainfind", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- plain text searched at every place of the haystack: 4 MB compared 4 million times
    local hay, needle = string.rep("a", 8 << 20), string.rep("a", 4 << 20) .. "b"
    return hay:find(needle, 1, true)
  end,
}
