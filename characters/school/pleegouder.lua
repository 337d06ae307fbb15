-- The foster carer: the third foster child in five years
-- Core quality: zorgzaamheid. A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Ziet meteen wie er buiten de kring staat. Regelt dingen voordat iemand erom vraagt.

return character {
  id = "pleegouder",
  name = "Nicole de Graaf",
  title = { nl = "De pleegouder: het derde pleegkind in vijf jaar", en = "The foster carer: the third foster child in five years" },
  quadrant = "zorgzaamheid",
  state = { trust = 0, stance = 0, spoke = 0, last = "" },
  lines = {
    eens = {
      nl = "Dank je. Ieder kind hier is iemands kind.",
      en = "Thank you. Every child here is somebody's child.",
    },
    respect = {
      nl = "Je hebt gelijk. Ik moet ze ook laten vallen, anders leren ze niet opstaan.",
      en = "You're right. I have to let them fall too, or they never learn to get up.",
    },
    valkuil = {
      nl = "Ik regel het wel. Voor iedereen. Zeg maar wat je nodig hebt.",
      en = "I'll take care of it. For everyone. Just tell me what you need.",
    },
    allergie = {
      nl = "Zo praat je niet over een kind dat niet kan kiezen waar het woont.",
      en = "You don't talk like that about a child who can't choose where it lives.",
    },
    kind_vertellen = {
      nl = "Mag ik iets over mijn kind vertellen? Niet wat er in het dossier staat. Wat ik 's avonds zie.",
      en = "May I tell you about my child? Not what's in the file. What I see in the evenings.",
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
