-- The teacher who wrote the notes on the thirty children's cards. She is the voice of the
-- children in the scenes: what does this child need from this schoolyard, this timetable?
-- Core quality: directheid (pitfall botheid, challenge tact, allergy vaagheid).

return character {
  id = "juf",
  name = "Mirjam Bos",
  title = { nl = "De juf die de briefjes schreef", en = "The teacher who wrote the notes" },
  quadrant = "directheid",
  state = { trust = 0, stance = 0, spoke = 0, last = "" },
  lines = {
    welkom = {
      nl = "Ik heb over elk kind een briefje geschreven. Niet wat ze scoren. Wat ik zie als ik de klas in kijk. Neem ze mee, vandaag. Zij zijn voor wie jullie dit doen.",
      en = "I wrote a note about every child. Not what they score. What I see when I look into the classroom. Take them with you today. They're the ones you're doing this for.",
    },
    plein_intro = {
      nl = "Voordat jullie tekenen: ga even op het lege plein staan. Op kniehoogte. Zo hoog zijn ze.",
      en = "Before you start drawing: stand on the empty yard for a moment. At knee height. That's how tall they are.",
    },
    vak_intro = {
      nl = "Een rooster is een belofte aan een kind: dit is hoe jouw dag eruitziet. Bedenk aan wie je hem doet.",
      en = "A timetable is a promise to a child: this is what your day will look like. Think about who you're making it to.",
    },
    eens = { nl = "Zo. Dat is helder.", en = "There. That's clear." },
    respect = { nl = "Mooi gezegd. Dat kan ik niet altijd, zo zacht en toch duidelijk.", en = "Nicely put. I can't always do that, so gentle and still clear." },
    valkuil = { nl = "Nou. Dat kwam hard binnen, denk ik.", en = "Well. I think that landed hard." },
    allergie = { nl = "Wat bedoel je precies? Kinderen horen vaagheid meteen.", en = "What exactly do you mean? Children hear vagueness straight away." },
  },
  react = function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    self.state.spoke = self.state.spoke + 1
    -- at most one reaction per scene: a round of thirty participants stays readable
    local quiet = (ev.scene ~= nil and ev.scene == self.state.last)
    local function say(key) if quiet then return nil end; self.state.last = ev.scene or ""; return key end
    if ev.corner == "allergy" then
      self.state.trust = self.state.trust - 1
      return say("allergie")
    elseif ev.corner == "challenge" then
      self.state.trust = self.state.trust + 1
      if self.state.spoke % 2 == 0 then return say("respect") end
    elseif ev.corner == "pitfall" then
      if self.state.spoke % 3 == 0 then return say("valkuil") end
    elseif ev.corner == "core" then
      self.state.stance = self.state.stance + 1
      if self.state.spoke % 4 == 0 then return say("eens") end
    end
    return nil
  end,
  choose = function(self, options)
    for i, o in ipairs(options) do if o.corner == "core" then return i end end
    return 1
  end,
}
