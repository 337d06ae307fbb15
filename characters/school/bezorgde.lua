-- The worried parent: sees what could go wrong
-- Core quality: voorzichtigheid. A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Heeft pleisters in haar tas en het nummer van de huisartsenpost in haar telefoon.

return character {
  id = "bezorgde",
  name = "Annelies Bakker",
  title = { nl = "De bezorgde ouder: ziet wat er mis kan gaan", en = "The worried parent: sees what could go wrong" },
  quadrant = "voorzichtigheid",
  state = { trust = 0, stance = 0, spoke = 0, last = "" },
  lines = {
    eens = {
      nl = "Dank je. Iemand moest het zeggen.",
      en = "Thank you. Someone had to say it.",
    },
    respect = {
      nl = "Eng. Maar je hebt gelijk. Als we het niet proberen, weten we het nooit.",
      en = "Scary. But you're right. If we don't try, we'll never know.",
    },
    valkuil = {
      nl = "En als... nee, laat maar. Of toch: en als?",
      en = "And what if... no, never mind. Or actually: what if?",
    },
    allergie = {
      nl = "Dit is precies hoe ongelukken beginnen.",
      en = "This is exactly how accidents start.",
    },
    kastanje_zorg = {
      nl = "Ik heb de boom gemeten. Elf meter. De onderste tak zit op twee meter veertig. Ik weet dat jullie hem mooi vinden. Ik zie een ambulance.",
      en = "I measured the tree. Eleven metres. The lowest branch is at two metres forty. I know you all love it. I see an ambulance.",
    },
    twijfel = {
      nl = "Ik heb vannacht niet geslapen. Ik weet niet of ik mijn kind hier wil hebben. Niet als het zo gaat.",
      en = "I didn't sleep last night. I don't know if I want my child here. Not if it goes like this.",
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
