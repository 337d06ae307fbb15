-- The football parent: on the touchline every Saturday
-- Core quality: daadkracht. A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Trots, fanatisme en frustratie. Staat aan de zijlijn met de armen over elkaar en roept.

return character {
  id = "voetbalouder",
  name = "Ronnie Verbeek",
  title = { nl = "De voetbalouder: staat elke zaterdag langs de lijn", en = "The football parent: on the touchline every Saturday" },
  quadrant = "daadkracht",
  state = { trust = 0, stance = 0, spoke = 0, last = "" },
  lines = {
    eens = {
      nl = "Ja! Zo. Niet lullen maar poetsen.",
      en = "Yes! Like that. Less talk, more action.",
    },
    respect = {
      nl = "Oké. Ik had het zelf allang gedaan, maar even wachten was misschien beter.",
      en = "Okay. I'd have done it myself ages ago, but waiting a moment was maybe better.",
    },
    valkuil = {
      nl = "Kom op, we blijven er toch niet over praten?",
      en = "Come on, we're not going to keep talking about it, are we?",
    },
    allergie = {
      nl = "Sta je nou nog te twijfelen? De wedstrijd is al begonnen!",
      en = "Are you still hesitating? The match has already started!",
    },
    conflict_aanval = {
      nl = "Frank, sorry, maar dit moet eruit. Jij beslist sinds gisterochtend alles alsof het jouw school is. Het is ook mijn kind. Wanneer stemmen wíj eigenlijk?",
      en = "Frank, sorry, but this has to come out. Since yesterday morning you've been deciding everything as if it's your school. It's my kid too. When do WE get a vote?",
    },
    plein_veld = {
      nl = "Een veld. Twee doelen. Een lijn om langs te staan. Meer heeft een kind niet nodig om te leren winnen. En verliezen.",
      en = "A pitch. Two goals. A line to stand along. That's all a kid needs to learn to win. And to lose.",
    },
    rondgang_trots = {
      nl = "Kijk, hier komen de doeltjes. Met kunstgras, dat is gewoon veilig. En die boom, ja, die staat er nog.",
      en = "Look, this is where the goals go. Artificial turf, that's just safe. And that tree, yes, it's still there.",
    },
    roddel = {
      nl = "Zeg, heb jij Frank vanmiddag gezien met die inspecteur? Zo dicht tegen haar aan, met zijn map. Volgens mij wil hij gewoon directeur worden, en wij mogen de stoeltjes neerzetten.",
      en = "Hey, did you see Frank with that inspector this afternoon? Right up close, with his folder. I think he just wants to be the head, and we get to set out the chairs.",
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
