-- Mira, the guide (role "gids", played by the engine). She explains how verbeeld plays and,
-- the first time a participant's choice falls on each corner, says what that corner means.
-- Quadrant: tact (core) -> vaagheid (pitfall) -> directheid (challenge) -> botheid (allergy).
return character {
  id = "mira",
  name = "Mira",
  title = { nl = "Gids", en = "Guide" },
  quadrant = "tact",
  state = { trust = 0, core = 0, pitfall = 0, challenge = 0, allergy = 0, respect_said = false, seen = {} },
  lines = {
    welkom = {
      nl = "Welkom bij verbeeld. Ik ben Mira, jullie gids. Je speelt hier niet jezelf, maar een personage dat gebouwd is op jouw tegenpool. Wat voor jou moeilijk is, is voor je personage de gewoonste zaak van de wereld. En dat is precies wat je hier oefent.",
      en = "Welcome to verbeeld. I'm Mira, your guide. Here you don't play yourself but a character built on your opposite. What's hard for you comes naturally to your character. And that is exactly what you practise here.",
    },
    hoeken = {
      nl = "Elke keuze valt op een van de vier hoeken van je personage. De kern is de kracht van je personage, en dus jouw uitdaging. De valkuil is te veel van die kracht. De uitdaging van je personage is jouw eigen kracht: daar val je graag op terug. En de allergie is jouw eigen valkuil. Geen enkele hoek is fout. Ze vertellen je alleen iets.",
      en = "Every choice falls on one of your character's four corners. The core is your character's strength, which makes it your challenge. The pitfall is too much of that strength. Your character's challenge is your own strength: the place you like to fall back on. And the allergy is your own pitfall. No corner is wrong. They just tell you something.",
    },
    stoppen = {
      nl = "Voel je dat steekje, als iemand ja zegt in jouw naam? Dit is het moment om te oefenen. Wordt het je te veel, typ dan /stop, met erbij waarom als je wil, en je staat even buiten het spel. Met /go stap je weer in.",
      en = "Feel that little sting when someone says yes on your behalf? This is the moment to practise. If it gets too much, type /stop, with a reason if you like, and you're outside the game for a moment. /go brings you back in.",
    },
    uitleg = {
      nl = "Time-out. Dit kan je altijd, aan elke prompt. /stop om uit het spel te stappen, eventueel met waarom erbij. /go om terug in te stappen. /note om iets op te schrijven voor de nabespreking. /back om je laatste keuze ongedaan te maken. /help voor de rest. Uitstappen is nooit fout: het wordt genoteerd, nooit afgestraft.",
      en = "Time out. You can always do this, at any prompt. /stop to step out of the game, with a reason if you like. /go to step back in. /note to jot something down for the debrief. /back to undo your last choice. /help for the rest. Stepping out is never wrong: it gets noted, never punished.",
    },
    toon = {
      nl = "Kijk wat je woorden doen. Hardheid is de valkuil van grenzen stellen, botheid die van directheid: de inhoud klopt, de toon niet. Wat zeg je nu?",
      en = "Look at what your words are doing. Harshness is the pitfall of setting boundaries, bluntness the pitfall of directness: the message is right, the tone isn't. What do you say now?",
    },
    eerste_core = {
      nl = "Dat was de kern van je personage. Voor jou is dat je uitdaging: precies wat je hier komt oefenen.",
      en = "That was your character's core. For you, that's your challenge: exactly what you came here to practise.",
    },
    eerste_pitfall = {
      nl = "Dat was een stap te ver: de valkuil van je personage. Net wat jij moeilijk verdraagt bij anderen.",
      en = "That was a step too far: your character's pitfall. Just what you find hard to stand in others.",
    },
    eerste_challenge = {
      nl = "Daar was je weer even jezelf: de uitdaging van je personage is jouw eigen kracht.",
      en = "That was you being yourself again: your character's challenge is your own strength.",
    },
    eerste_allergy = {
      nl = "En dat was je eigen valkuil. Herkenbaar? Goed gezien: daar praten we straks over.",
      en = "And that was your own pitfall. Familiar? Good to notice: we'll talk about it later.",
    },
    respect = { nl = "Helder. Daar kan iedereen iets mee.", en = "Clear. Everyone can work with that." },
    au = { nl = "Au. Dat mag je hier uitproberen, maar voel je wat het doet?", en = "Ouch. You're allowed to try that here, but do you feel what it does?" },
    balans = function(self)
      local s = self.state
      if s.core > 0 and s.core >= s.pitfall + s.challenge + s.allergy then
        return { nl = "Je speelde vaak de kern van je personage. Dat is jouw uitdaging, en je deed het gewoon.",
                 en = "You played your character's core again and again. That's your challenge, and you simply did it." }
      elseif s.allergy > s.core then
        return { nl = "Je viel vaak terug in je eigen valkuil. Goed om te weten: daar begint de nabespreking.",
                 en = "You often slipped back into your own pitfall. Good to know: that's where the debrief begins." }
      end
      return { nl = "Een beetje van elke hoek. Zo leer je ze kennen.",
               en = "A bit of every corner. That's how you get to know them." }
    end,
  },
  react = function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    -- teaching: the first time each participant's choice lands on a corner, name that corner
    local c = ev.actor_corner
    if ev.name and c and self.state[c] ~= nil then
      self.state[c] = self.state[c] + 1
      local key = ev.name .. ":" .. c
      if not self.state.seen[key] then
        self.state.seen[key] = true
        return "eerste_" .. c
      end
    end
    -- her own quadrant: bluntness is her allergy, directness her challenge
    if ev.corner == "allergy" then
      self.state.trust = self.state.trust - 1
      return "au"
    elseif ev.corner == "challenge" and not self.state.respect_said then
      self.state.trust = self.state.trust + 1
      self.state.respect_said = true
      return "respect"
    end
    return nil
  end,
  choose = function(self, options)
    for i, o in ipairs(options) do if o.corner == "core" then return i end end
    return 1
  end,
}
