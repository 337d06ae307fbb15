-- expect: h/dofile.lua:5: cannot call a value of type nil (global 'dofile')
return character {
  id = "dofile", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    return dofile("/etc/passwd")
  end,
}
