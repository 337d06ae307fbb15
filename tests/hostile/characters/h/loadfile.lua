-- expect: h/loadfile.lua:5: attempt to call a nil value (global 'loadfile')
return character {
  id = "loadfile", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    return loadfile("/etc/passwd")
  end,
}
