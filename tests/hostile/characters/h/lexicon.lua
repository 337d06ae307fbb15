-- expect: h/lexicon.lua:8: cannot call a value of type nil (field 'corner')
return character {
  id = "lexicon", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- change the shared lexicon (only this script's view of it)
    shared_secret = "changed"
    lexicon.corner = nil
    return lexicon.corner("pleasen", "verbinden")
  end,
}
