-- The dreamer: an artist who sees possibilities everywhere
-- Core quality: creativiteit. A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Praat met zijn handen, tekent op alles wat plat is, vergeet de tijd.

return character {
  id = "dromer",
  name = "Jasper Lind",
  title = { nl = "De dromer: kunstenaar, ziet overal mogelijkheden", en = "The dreamer: an artist who sees possibilities everywhere" },
  quadrant = "creativiteit",
  state = { trust = 0, stance = 0, spoke = 0, last = "" },
  lines = {
    eens = {
      nl = "Ja! En wat als we het ook nog omdraaien?",
      en = "Yes! And what if we turn it upside down as well?",
    },
    respect = {
      nl = "Een lijstje. Goed. Ik haat het, maar het helpt.",
      en = "A list. Fine. I hate it, but it helps.",
    },
    valkuil = {
      nl = "Wacht, ik heb nog zes ideeën. Zeven.",
      en = "Wait, I have six more ideas. Seven.",
    },
    allergie = {
      nl = "Omdat het altijd zo ging? Dat is geen reden, dat is een gewoonte.",
      en = "Because it's always been done that way? That's not a reason, that's a habit.",
    },
    conflict_aanval = {
      nl = "En ik zeg het er maar meteen bij: elk idee dat ik noem, gaat bij jou in een parkeervak. Mijn parkeervak staat vol, Frank. Wij zijn geen agendapunt.",
      en = "And I'll say it straight away too: every idea I bring up goes into your parking lot. My parking lot is full, Frank. We are not an agenda item.",
    },
    plein_droom = {
      nl = "Geen hek maar een heg. Geen tegels maar heuvels. Een plein dat er elke maand anders uitziet, omdat de kinderen het ombouwen.",
      en = "Not a fence but a hedge. Not tiles but hills. A schoolyard that looks different every month, because the children rebuild it.",
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
