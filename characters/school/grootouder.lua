-- The grandparent: cares for a grandchild and has seen every reform come and go
-- Core quality: geduld. A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Leunt achterover, vouwt zijn handen, wacht tot iedereen uitgepraat is.

return character {
  id = "grootouder",
  name = "Gerrit Dijkstra",
  title = { nl = "De grootouder: zorgt voor zijn kleinkind en zag alle vernieuwingen al eens langskomen", en = "The grandparent: cares for a grandchild and has seen every reform come and go" },
  quadrant = "geduld",
  state = { trust = 0, stance = 0, spoke = 0, last = "" },
  lines = {
    eens = {
      nl = "Rustig. Het gras groeit niet harder als je eraan trekt.",
      en = "Easy. Grass doesn't grow faster if you pull it.",
    },
    respect = {
      nl = "Goed. Soms moet je gewoon beginnen. Dat vergeet ik weleens.",
      en = "Fine. Sometimes you just have to start. I forget that sometimes.",
    },
    valkuil = {
      nl = "Ach, laat maar lopen. Het komt vanzelf wel goed.",
      en = "Oh, let it be. It'll sort itself out.",
    },
    allergie = {
      nl = "Jongen, jongen. Niet zo duwen.",
      en = "Dear me. Don't push so.",
    },
    vroeger = {
      nl = "In 1974 zat ik in dit gebouw. Mijn juf liet ons de hele maand mei buiten les krijgen, onder die kastanje. Geen inspecteur die het wist. Ik wil niet terug naar toen. Maar dat gevoel wil ik wel terug.",
      en = "In 1974 I sat in this building. My teacher had us do lessons outside the whole of May, under that chestnut. No inspector knew. I don't want to go back to those days. But I do want that feeling back.",
    },
  },
  react = function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    self.state.spoke = self.state.spoke + 1
    -- Everyone hears every choice, but this parent speaks up at most once per scene, so that a
    -- round of thirty participants does not drown in reactions.
    local quiet = (ev.scene ~= nil and ev.scene == self.state.last)
    local function say(key) if quiet then return nil end; self.state.last = ev.scene or ""; return key end
    if ev.corner == "allergy" then
      self.state.trust = self.state.trust - 1
      if self.state.spoke % 2 == 1 then return say("allergie") end
    elseif ev.corner == "challenge" then
      self.state.trust = self.state.trust + 1
      if self.state.trust == 1 or self.state.spoke % 3 == 0 then return say("respect") end
    elseif ev.corner == "core" then
      self.state.stance = self.state.stance + 1
      if self.state.spoke % 4 == 0 then return say("eens") end
    elseif ev.corner == "pitfall" then
      self.state.stance = self.state.stance + 1
      if self.state.spoke % 5 == 0 then return say("valkuil") end
    end
    return nil
  end,
  choose = function(self, options)
    -- When nobody plays this parent, the engine does, as one of the many parents in the room:
    -- mostly the core quality, but not always. Irritated, this parent slides into the pitfall;
    -- with growing trust, it sometimes tries the challenge.
    local r = math.random(4)
    local want = "core"
    if self.state.trust <= -2 or r == 1 then want = "pitfall"
    elseif r == 2 or (self.state.trust >= 2 and r == 3) then want = "challenge" end
    for i, o in ipairs(options) do if o.corner == want then return i end end
    for i, o in ipairs(options) do if o.corner == "core" then return i end end
    return math.random(#options)
  end,
}
