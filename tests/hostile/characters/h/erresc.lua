-- expect: h/erresc.lua:6: ?]0;pwned??[2J?[31m
return character {
  id = "erresc", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- an error message that would retitle and clear the trainer's terminal
    error("\27]0;pwned\7\27[2J\27[31m")
  end,
}
