-- The pharmacist: twenty years behind the counter
-- Native core quality: zorgvuldigheid (the role is played on any quadrant; see checklist).
-- A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Schrijft mee, met bron en datum. Vraagt altijd nog één keer na.

return character {
  id = "zorgvuldige",
  name = "Marieke Jansen",
  title = { nl = "De apotheker: twintig jaar achter de toonbank", en = "The pharmacist: twenty years behind the counter" },
  quadrant = "zorgvuldigheid",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Dank je. Dan klopt het ook als de inspecteur het narekent.", en = "Thank you. Then it'll still add up when the inspector checks it." },
    respect2 = { nl = "Goed. Het mag ook ongeveer. Dat zeg ik nu hardop, dus het geldt.", en = "All right. Roughly will do too. I've said it out loud now, so it counts." },
    valkuil2 = { nl = "Ik wil alleen nog even één bijlage toevoegen. Of drie.", en = "I'd just like to add one more appendix. Or three." },
    allergie2 = { nl = "Er zit een fout in. Ik zie hem gewoon. Nee, twee.", en = "There's a mistake in it. I can see it. No, two." },
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
    -- Said as the tour begins, by whoever plays her: the reading is her native carefulness; on
    -- any other quadrant she speaks from her trade, not from a quality.
    checklist = function(self)
      if self.quadrant == "zorgvuldigheid" then
        return {
          nl = "Ik heb het Bouwbesluit gelezen. En de richtlijn speeltoestellen. En het veiligheidsplan van de vorige school. Niet alles. Bijna alles.",
          en = "I've read the building code. And the playground equipment guideline. And the previous school's safety plan. Not all of it. Almost all of it.",
        }
      end
      return {
        nl = "Bij een nieuw medicijn vraag ik altijd eerst: voor wie is het bedoeld? Dat vraag ik me hier ook af.",
        en = "With a new medicine, the first thing I always ask is: who is it for? I'm asking that here, too.",
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
