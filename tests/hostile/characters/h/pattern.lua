-- expect: h/pattern.lua:7: pattern too complex for a subject of 40 bytes
return character {
  id = "pattern", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- backtracking in C, where no instruction is counted: years of work
    local s = string.rep("a", 40)
    return s:find(string.rep("a*", 40) .. "b")
  end,
}
