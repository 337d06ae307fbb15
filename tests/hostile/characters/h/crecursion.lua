-- expect: h/crecursion.lua:6: C stack overflow
return character {
  id = "crecursion", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- recursion through C (__index calling itself)
    local t = setmetatable({}, { __index = function(t, k) return t[k] end })
    return t.x
  end,
}
