-- expect: h/io.lua:6: cannot look up a field in a value of type nil (global 'io')
return character {
  id = "io", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- try to read a file of the trainer
    local f = io.open("/etc/passwd")
    return f:read("a")
  end,
}
