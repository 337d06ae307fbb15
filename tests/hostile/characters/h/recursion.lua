-- expect: h/recursion.lua:4: script used too much memory
return character {
  id = "recursion", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    local function f(n) return 1 + f(n + 1) end
    return f(1)
  end,
}
