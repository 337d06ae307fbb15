-- expect: Peer: peer intact
return character {
  id = "repempty", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- 2^62 copies of nothing, with and without a separator: Lua would loop 2^62 times in C
    local a, b = string.rep("", 1 << 62), ("").rep("", 1 << 62, "")
    self.state.empty = #a + #b
  end,
}
