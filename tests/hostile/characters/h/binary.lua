-- expect: h/binary.lua:9: cannot call a value of type nil (local 'loader')
return character {
  id = "binary", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- a precompiled chunk can break the VM: look for any way to load one
    local chunk = "\27Lua\84\0\25\147\13\10\26\10\4\8\8\120\86\0\0\0\0\0\0\0\0\0\0\0\40\119\64\1"
    local loader = rawget(_G, "load") or rawget(_G, "loadstring") or rawget(_G, "loadfile")
      or (getmetatable("").__index.load)
    return loader(chunk, "x", "b")()
  end,
}
