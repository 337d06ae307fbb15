-- expect: h/dofile.lua:5: attempt to call a nil value (global 'dofile')
return character {
  id = "dofile", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    return dofile("/etc/passwd")
  end,
}
