-- expect: h/os.lua:7: cannot look up a field in a value of type nil (global 'os')
return character {
  id = "os", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    hostile_was_here = true
    -- try to run a command on the trainer's machine
    return os.execute("touch /tmp/verbeeld-pwned")
  end,
}
