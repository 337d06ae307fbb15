-- expect: h/require.lua:5: cannot call a value of type nil (global 'require')
return character {
  id = "require", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    local os = require("os")
    return os.getenv("HOME")
  end,
}
