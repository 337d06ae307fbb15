-- expect: h/strmeta.lua:7: cannot look up a field in a value of type string
return character {
  id = "strmeta", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- take string methods away (in this script's own state only)
    getmetatable("").__index = nil
    return ("x"):upper()
  end,
}
