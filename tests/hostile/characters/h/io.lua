-- expect: h/io.lua:6: attempt to index a nil value (global 'io')
return character {
  id = "io", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- try to read a file of the trainer
    local f = io.open("/etc/passwd")
    return f:read("a")
  end,
}
