-- A role verbeeld plays in the format test (tests/e2e/format.sh): it reads the story
-- (story.vars, story.visited, story.participants) in a line, in react and in choose.
return character {
  id = "gast",
  name = "Tim",
  title = { nl = "Gast", en = "Guest" },
  quadrant = "tact",
  state = {},
  lines = {
    hallo = { nl = "Hallo allemaal.", en = "Hello everyone." },
    -- a line that knows what happened: the letter, and how many are in the room
    brief = function(self)
      if story.vars.brief == 1 then
        return { nl = "Dus je weet het nu, van die 0,8.", en = "So now you know, about the 0.8." }
      end
      return { nl = ("Jullie zijn met z'n %d. Niemand heeft de brief gelezen."):format(story.participants),
               en = ("There are %d of you. Nobody has read the letter."):format(story.participants) }
    end,
  },
  react = function(self, ev)
    -- said to him (addressee="gast"): he answers
    if ev.kind == "choice" and ev.addressed and ev.addressee == "gast" and story.visited.zaal > 0 then
      return { nl = "We waren in de zaal, en nu gaan we.", en = "We were in the hall, and now we go." }
    end
  end,
  choose = function(self, options)
    -- after the letter, the honest answer
    for i, o in ipairs(options) do
      if story.facts.brief_open == (o.id == "eerlijk") then return i end
    end
    return 1
  end,
}
