-- The meticulous parent: a pharmacist who reads every leaflet
-- Core quality: zorgvuldigheid. A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Schrijft mee, met bron en datum. Vraagt altijd nog één keer na.

return character {
  id = "zorgvuldige",
  name = "Marieke Jansen",
  title = { nl = "De zorgvuldige ouder: apotheker, leest elke bijsluiter", en = "The meticulous parent: a pharmacist who reads every leaflet" },
  quadrant = "zorgvuldigheid",
  state = { trust = 0, stance = 0 },
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
  -- Everyone hears every choice, but a parent speaks up at most once per scene and only now
  -- and then, so that a round of thirty participants does not drown in reactions.
  react = react_in_crowd { allergy = "allergie", challenge = "respect", core = "eens", pitfall = "valkuil" },
  -- When nobody plays this parent, the engine does, as one of the many parents in the room.
  choose = choose_in_crowd,
}
