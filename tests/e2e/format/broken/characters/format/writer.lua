-- A script that tries to change the story it may only read.
return character {
  id = "writer",
  name = "Writer",
  quadrant = "tact",
  react = function(self, ev)
    if ev.kind == "choice" then story.vars.mood = 5 end
  end,
}
