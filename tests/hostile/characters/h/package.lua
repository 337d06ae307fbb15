-- expect: h/package.lua:6: cannot look up a field in a value of type nil (global 'package')
return character {
  id = "package", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- try to load a C library
    return package.loadlib("/lib/x86_64-linux-gnu/libc.so.6", "system")
  end,
}
