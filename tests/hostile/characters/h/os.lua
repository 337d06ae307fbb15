-- expect: h/os.lua:7: attempt to index a nil value (global 'os')
return character {
  id = "os", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    hostile_was_here = true
    -- try to run a command on the trainer's machine
    return os.execute("touch /tmp/verbeeld-pwned")
  end,
}
