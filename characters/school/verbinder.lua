-- The class parent: runs the class group chat and knows everyone
-- Native core quality: verbinden (the role is played on any quadrant; see luisteren).
-- A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Weet van iedereen hoe het thuis gaat. Vindt het moeilijk als mensen boos zijn, vooral op haar.

return character {
  id = "verbinder",
  name = "Petra Smit",
  title = { nl = "De klassenouder: beheert de klassenapp en kent iedereen", en = "The class parent: runs the class group chat and knows everyone" },
  quadrant = "verbinden",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Fijn. Zo hoort iedereen erbij.", en = "Lovely. That way everyone belongs." },
    respect2 = { nl = "Duidelijk. Dat is ook een manier om voor elkaar te zorgen.", en = "Clear. That's a way of looking after each other too." },
    valkuil2 = { nl = "Zullen we het gewoon allebei doen? Dan is iedereen blij.", en = "Shall we just do both? Then everyone's happy." },
    allergie2 = { nl = "Au. Dat kwam hard aan, hoor.", en = "Ouch. That landed hard, you know." },
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
    -- Said in the middle of the public conflict: asking what lies underneath is her native
    -- connecting, a clear stop the opposite; on any other quadrant she says what she knows.
    luisteren = function(self)
      if self.quadrant == "verbinden" then
        return {
          nl = "Wacht even. Wat zit er eigenlijk onder? Want dit gaat niet over stoeltjes.",
          en = "Hang on. What's really underneath this? Because this isn't about chairs.",
        }
      elseif self.quadrant == "grenzen stellen" then
        return {
          nl = "Stop. Eén tegelijk, en niet door elkaar heen. Dan luisteren we.",
          en = "Stop. One at a time, not all at once. Then we listen.",
        }
      end
      return {
        nl = "Ik beheer de klassenapp. Als we dit hier niet uitpraten, staat het er vanavond in.",
        en = "I run the class group chat. If we don't talk this through here, it'll be in there tonight.",
      }
    end,
  },
  -- Everyone hears every choice, but a parent speaks up at most once per scene and only now
  -- and then, so that a round of thirty participants does not drown in reactions.
  react = react_in_crowd { allergy = { "allergie", "allergie2" }, challenge = { "respect", "respect2" },
                           core = { "eens", "eens2" }, pitfall = { "valkuil", "valkuil2" } },
  -- When nobody plays this parent, the engine does, as one of the many parents in the room.
  choose = choose_in_crowd,
}
