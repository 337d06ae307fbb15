-- The connector: runs the class group chat and knows everyone
-- Core quality: verbinden. A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Weet van iedereen hoe het thuis gaat. Vindt het moeilijk als mensen boos zijn, vooral op haar.

return character {
  id = "verbinder",
  name = "Petra Smit",
  title = { nl = "De verbinder: beheert de klassenapp en kent iedereen", en = "The connector: runs the class group chat and knows everyone" },
  quadrant = "verbinden",
  state = { trust = 0, stance = 0 },
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
  -- Everyone hears every choice, but a parent speaks up at most once per scene and only now
  -- and then, so that a round of thirty participants does not drown in reactions.
  react = react_in_crowd { allergy = "allergie", challenge = "respect", core = "eens", pitfall = "valkuil" },
  -- When nobody plays this parent, the engine does, as one of the many parents in the room.
  choose = choose_in_crowd,
}
