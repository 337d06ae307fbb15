-- Mira, the guide (role "gids", played by the engine). She explains how verbeeld plays and,
-- the first time a participant's choice falls on each corner, says what that corner means.
-- Quadrant: tact (core) -> vaagheid (pitfall) -> directheid (challenge) -> botheid (allergy).
--
-- What she says about a participant's corners must be true on any quadrant: Lies and Jonas are
-- played on whatever quadrant the participant's challenge is (quadrants="*"), so she never names
-- a quality as someone's core, pitfall or allergy. She speaks only of corners, and reads them
-- from ev.actor_corner: where the choice fell on the chooser's character quadrant as cast, the
-- same corner the debrief counts. Her own reactions (ev.corner) are about her own quadrant.
-- The people whose choices she has seen, in order of their first choice.
local function names(self)
  return self.state.names
end

return character {
  id = "mira",
  name = "Mira",
  title = { nl = "Gids", en = "Guide" },
  quadrant = "tact",
  state = {
    trust = 0, core = 0, pitfall = 0, challenge = 0, allergy = 0, respect_said = false,
    seen = {}, names = {}, by = {},
  },
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
    -- Said when Bart goes quiet: that can follow any overshoot, on any quadrant, or Jonas's or
    -- Lies's own words when verbeeld plays them, so she names no quality and blames no one.
    toon = {
      nl = "Kijk wat er met Bart gebeurt. Zo gaat het als een kracht doorschiet: wat gezegd werd, klopt misschien, maar hoe het aankwam niet. Wat zeg je nu?",
      en = "Look at what's happening to Bart. This is what it looks like when a strength overshoots: what was said may be right, but not how it landed. What do you say now?",
    },
    -- Before the time-out, to whoever has fallen back into their own pitfall (scene "timeout",
    -- said only when count.allergy > 0): by name when more than one person plays.
    terugval = function(self)
      local who = {}
      for _, n in ipairs(names(self)) do
        if (self.state.by[n] or {}).allergy then who[#who + 1] = n end
      end
      if #names(self) <= 1 or #who == 0 then
        return { nl = "En ik zag je al eens terugvallen in je eigen valkuil. Prima: daarvoor ben je hier. Met /back doe je een keuze ongedaan en probeer je het opnieuw.",
                 en = "And I saw you slip back into your own pitfall once already. That's fine: it's what you're here for. /back undoes a choice so you can try again." }
      end
      local list = table.concat(who, " en ")
      local list_en = table.concat(who, " and ")
      return { nl = list .. ", ik zag je al eens terugvallen in je eigen valkuil. Prima: daarvoor ben je hier. Met /back doe je een keuze ongedaan en probeer je het opnieuw.",
               en = list_en .. ", I saw you slip back into your own pitfall once already. That's fine: it's what you're here for. /back undoes a choice so you can try again." }
    end,
    eerste_core = {
      nl = "Dat was de kern van je personage. Voor jou is dat je uitdaging: precies wat je hier komt oefenen.",
      en = "That was your character's core. For you, that's your challenge: exactly what you came here to practise.",
    },
    eerste_pitfall = {
      nl = "Dat was een stap te ver: de valkuil van je personage, te veel van die kracht. Net wat jij moeilijk verdraagt bij anderen.",
      en = "That was a step too far: your character's pitfall, too much of that strength. Just what you find hard to stand in others.",
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
    -- At every ending: how the corners fell, over everyone's choices. She speaks of a corner
    -- only when it clearly stood out; otherwise of the mix.
    balans = function(self)
      local s = self.state
      local many = #names(self) > 1
      local total = s.core + s.pitfall + s.challenge + s.allergy
      local function pick(one, several)
        return many and several or one
      end
      if total == 0 then
        return { nl = "Wat je koos, kwam op geen van de hoeken van je personage terecht. Kijk in de nabespreking waar het dan wel was.",
                 en = "None of what you chose landed on your character's corners. Look in the debrief at where it did land." }
      end
      if s.core > 0 and s.core >= total - s.core then
        return pick(
          { nl = "Je speelde vaak de kern van je personage. Dat is jouw uitdaging, en je deed het gewoon.",
            en = "You played your character's core again and again. That's your challenge, and you simply did it." },
          { nl = "Jullie speelden vaak de kern van jullie personages. Dat is voor ieder van jullie de eigen uitdaging, en jullie deden het gewoon.",
            en = "You played your characters' core again and again. For each of you that's your own challenge, and you simply did it." })
      end
      -- the one corner that stood out, if one did
      local top, n, tie = nil, 0, false
      for _, c in ipairs({ "allergy", "challenge", "pitfall" }) do
        if s[c] > n then top, n, tie = c, s[c], false
        elseif s[c] == n and n > 0 then tie = true end
      end
      if top and not tie and n >= 2 then
        if top == "allergy" then
          return pick(
            { nl = "Je viel vaak terug in je eigen valkuil. Goed om te weten: daar begint de nabespreking.",
              en = "You often slipped back into your own pitfall. Good to know: that's where the debrief begins." },
            { nl = "Jullie vielen vaak terug in jullie eigen valkuil. Goed om te weten: daar begint de nabespreking.",
              en = "You often slipped back into your own pitfalls. Good to know: that's where the debrief begins." })
        elseif top == "challenge" then
          return pick(
            { nl = "Je viel vaak terug op je eigen kracht: vertrouwd terrein. In de nabespreking kijken we waar de kern van je personage had gekund.",
              en = "You often fell back on your own strength: familiar ground. In the debrief we'll look at where your character's core could have come in." },
            { nl = "Jullie vielen vaak terug op jullie eigen kracht: vertrouwd terrein. In de nabespreking kijken we waar de kern van jullie personages had gekund.",
              en = "You often fell back on your own strengths: familiar ground. In the debrief we'll look at where your characters' core could have come in." })
        else
          return pick(
            { nl = "Je schoot vaak door, in de valkuil van je personage. De kracht heb je dus gevonden; nu nog de maat.",
              en = "You often overshot, into your character's pitfall. So you've found the strength; now for the measure." },
            { nl = "Jullie schoten vaak door, in de valkuil van jullie personages. De kracht hebben jullie dus gevonden; nu nog de maat.",
              en = "You often overshot, into your characters' pitfalls. So you've found the strength; now for the measure." })
        end
      end
      return pick(
        { nl = "Je keuzes vielen op verschillende hoeken. Zo leer je ze kennen.",
          en = "Your choices fell on different corners. That's how you get to know them." },
        { nl = "Jullie keuzes vielen op verschillende hoeken. Zo leer je ze kennen.",
          en = "Your choices fell on different corners. That's how you get to know them." })
    end,
  },
  react = function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    -- teaching: the first time each participant's choice lands on a corner, name that corner.
    -- ev.name is nil when verbeeld chose for a role nobody plays, or the group chose together:
    -- those corners are nobody's.
    local c = ev.actor_corner
    if ev.name and c and self.state[c] ~= nil then
      local s = self.state
      s[c] = s[c] + 1
      if not s.by[ev.name] then
        s.by[ev.name] = {}
        s.names[#s.names + 1] = ev.name
      end
      s.by[ev.name][c] = true
      local key = ev.name .. ":" .. c
      if not s.seen[key] then
        s.seen[key] = true
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
