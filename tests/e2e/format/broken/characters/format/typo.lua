-- A script that reads the story under names the scenario does not have.
return character {
  id = "typo",
  name = "Typo",
  quadrant = "tact",
  lines = {
    a = function(self)
      if story.vars.breif == 1 then return "x" end
      return story.visited.hal > 0 and "y" or "z"
    end,
  },
}
