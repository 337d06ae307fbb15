-- The connector: runs the class group chat and knows everyone
-- Core quality: verbinden. A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Weet van iedereen hoe het thuis gaat. Vindt het moeilijk als mensen boos zijn, vooral op haar.

return character {
  id = "verbinder",
  name = "Petra Smit",
  title = { nl = "De verbinder: beheert de klassenapp en kent iedereen", en = "The connector: runs the class group chat and knows everyone" },
  quadrant = "verbinden",
  state = { trust = 0, stance = 0, spoke = 0, last = "" },
  lines = {
    eens = {
      nl = "Zie je wel. Samen komen we er wel.",
      en = "See? Together we'll get there.",
    },
    respect = {
      nl = "Nee zeggen. Ik zou het vaker moeten doen.",
      en = "Saying no. I should do it more often.",
    },
    valkuil = {
      nl = "Iedereen heeft een beetje gelijk, toch?",
      en = "Everyone's a little bit right, aren't they?",
    },
    allergie = {
      nl = "Dat had je ook vriendelijker kunnen zeggen.",
      en = "You could have said that more kindly.",
    },
    luisteren = {
      nl = "Wacht even. Wat zit er eigenlijk onder? Want dit gaat niet over stoeltjes.",
      en = "Hang on. What's really underneath this? Because this isn't about chairs.",
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
