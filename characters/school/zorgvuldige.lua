-- The meticulous parent: a pharmacist who reads every leaflet
-- Core quality: zorgvuldigheid. A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Schrijft mee, met bron en datum. Vraagt altijd nog één keer na.

return character {
  id = "zorgvuldige",
  name = "Marieke Jansen",
  title = { nl = "De zorgvuldige ouder: apotheker, leest elke bijsluiter", en = "The meticulous parent: a pharmacist who reads every leaflet" },
  quadrant = "zorgvuldigheid",
  state = { trust = 0, stance = 0, spoke = 0, last = "" },
  lines = {
    eens = {
      nl = "Goed. Ik noteer het, met bron.",
      en = "Good. I'll note it down, with the source.",
    },
    respect = {
      nl = "Het hoeft niet perfect. Ik zeg het hardop, zodat ik het zelf ook hoor.",
      en = "It doesn't have to be perfect. I say it out loud so I hear it myself.",
    },
    valkuil = {
      nl = "Mag ik het eerst nog één keer nalezen? En daarna nog één keer?",
      en = "May I read it through once more first? And then once more?",
    },
    allergie = {
      nl = "Zomaar? Zonder het na te kijken?",
      en = "Just like that? Without checking?",
    },
    checklist = {
      nl = "Ik heb het Bouwbesluit gelezen. En de richtlijn speeltoestellen. En het veiligheidsplan van de vorige school. Niet alles. Bijna alles.",
      en = "I've read the building code. And the playground equipment guideline. And the previous school's safety plan. Not all of it. Almost all of it.",
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
