-- expect: h/lexicon.lua:8: attempt to call a nil value (field 'corner')
return character {
  id = "lexicon", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- change the shared lexicon (only this script's view of it)
    shared_secret = "changed"
    lexicon.corner = nil
    return lexicon.corner("pleasen", "verbinden")
  end,
}
