-- Fails only the third time it hears a choice: a branch that check's made-up events do not
-- reach, and explore does.
return character {
  id = "derde",
  name = "Derde",
  quadrant = "verbinden",
  state = { gehoord = 0 },
  react = function(self, ev)
    if ev.kind ~= "choice" then return nil end
    self.state.gehoord = self.state.gehoord + 1
    if self.state.gehoord >= 3 then
      local niets = nil
      return niets.tekst
    end
  end,
}
