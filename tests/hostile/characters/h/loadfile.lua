-- expect: h/loadfile.lua:5: cannot call a value of type nil (global 'loadfile')
return character {
  id = "loadfile", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    return loadfile("/etc/passwd")
  end,
}
