-- The free-range parent: lets his kids cycle to the woods on their own
-- Core quality: loslaten. A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Handen in de zakken, altijd ontspannen, zelden verbaasd.

return character {
  id = "loslater",
  name = "Thijs Hoekstra",
  title = { nl = "De vrije-uitloopouder: laat zijn kinderen alleen naar het bos fietsen", en = "The free-range parent: lets his kids cycle to the woods on their own" },
  quadrant = "loslaten",
  state = { trust = 0, stance = 0, spoke = 0, last = "" },
  lines = {
    eens = {
      nl = "Laat ze maar. Ze kunnen meer dan we denken.",
      en = "Let them. They can do more than we think.",
    },
    respect = {
      nl = "Je hebt gelijk. Loslaten is niet hetzelfde als niet kijken.",
      en = "You're right. Letting go isn't the same as not looking.",
    },
    valkuil = {
      nl = "Ach, ze zoeken het zelf wel uit.",
      en = "Oh, they'll sort it out themselves.",
    },
    allergie = {
      nl = "Straks sturen we ze nog in bubbeltjesplastic naar school.",
      en = "Next we'll be sending them to school in bubble wrap.",
    },
    plein_wild = {
      nl = "Geef ze planken, touw, een hamer en een hoek waar wij niet komen. Blauwe plekken groeien eruit. Verveling niet.",
      en = "Give them planks, rope, a hammer and a corner where we don't go. Bruises grow out. Boredom doesn't.",
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
