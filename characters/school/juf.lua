-- The teacher who wrote the notes on the thirty children's cards. She is the voice of the
-- children in the scenes: what does this child need from this schoolyard, this timetable?
-- Core quality: directheid (pitfall botheid, challenge tact, allergy vaagheid).

return character {
  id = "juf",
  name = "Mirjam Bos",
  title = { nl = "De juf die de briefjes schreef", en = "The teacher who wrote the notes" },
  quadrant = "directheid",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Goed. Dan weet elk kind waar het aan toe is.", en = "Good. Then every child knows where they stand." },
    respect2 = { nl = "Zo zou ik het tegen een kind zeggen. Precies zo.", en = "That's how I'd say it to a child. Exactly like that." },
    valkuil2 = { nl = "Dat was eerlijk. En ook een beetje hard.", en = "That was honest. And a bit harsh, too." },
    allergie2 = { nl = "Zeg het nog eens, maar dan zo dat een kind van acht het snapt.", en = "Say it again, but so that an eight-year-old would understand." },
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
  -- at most one reaction per scene: a round of thirty participants stays readable; vagueness
  -- she always names
  react = react_by_quadrant {
    once_per_scene = true,
    allergy = { "allergie", "allergie2" },
    challenge = { "respect", "respect2", every = 2 },
    pitfall = { "valkuil", "valkuil2", every = 3 },
    core = { "eens", "eens2", every = 4 },
  },
  choose = choose_core,
}
