-- expect: h/errtostring.lua:6: error object is a table value
return character {
  id = "errtostring", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- whoever prints this error runs a loop, or another error
    error(setmetatable({}, { __tostring = function() while true do end end }))
  end,
}
