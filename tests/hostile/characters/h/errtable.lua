-- expect: h/errtable.lua:5: error object is a table value
return character {
  id = "errtable", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    error({ code = 42 })
  end,
}
