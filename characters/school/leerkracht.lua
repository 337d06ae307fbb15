-- The teacher from elsewhere: teaches year 6 at an ordinary primary school across town
-- Native core quality: vertrouwen (the role is played on any quadrant; see kader).
-- A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Zit op het kleine stoeltje alsof het haar eigen stoel is. Kijkt naar de klok zonder het te merken.

return character {
  id = "leerkracht",
  name = "Sanne Vermeulen",
  title = { nl = "De leerkracht: staat zelf voor groep 6, op een school aan de andere kant van de stad", en = "The teacher: teaches year 6 herself, at a school across town" },
  quadrant = "vertrouwen",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Geef ze die ruimte maar. Kinderen laten zien wat ze kunnen als je ze laat.", en = "Give them that room. Children show what they can do when you let them." },
    respect2 = { nl = "Goede vraag. Die zou ik mijn eigen directeur ook eens moeten stellen.", en = "Good question. I ought to ask my own head that one day." },
    valkuil2 = { nl = "Ach, dat zien we dan wel. Het loopt meestal vanzelf.", en = "Oh, we'll see when we get there. It usually works itself out." },
    allergie2 = { nl = "Met zoveel argwaan begin je geen school. Kinderen voelen dat als eerste.", en = "You don't start a school with that much suspicion. Children are the first to feel it." },
    eens = {
      nl = "Dat zou ik maandag in mijn eigen klas willen zien.",
      en = "I'd like to see that in my own class on Monday.",
    },
    respect = {
      nl = "Dat vind ik moeilijk, en jij doet het gewoon.",
      en = "I find that hard, and you just do it.",
    },
    valkuil = {
      nl = "Ik ken dit. Het komt goed, zoals het altijd goed komt.",
      en = "I know this one. It'll be fine, the way it always is.",
    },
    -- her allergy is distrust (wantrouwen), whoever it is aimed at: the council, the
    -- inspector, the group, a closed door
    allergie = {
      nl = "Waarom ga je er meteen van uit dat er iets achter zit?",
      en = "Why assume straight away that there's something behind it?",
    },
    -- Said when the group hands her the plan to put in the inspectorate's words: on her
    -- native quadrant she assumes the inspector means well; on any other she says what she knows.
    kader = function(self)
      if self.quadrant == "vertrouwen" then
        return {
          nl = "Ze wil het goedkeuren, echt. Ze moet het alleen kunnen opschrijven.",
          en = "She wants to approve it, really. She just has to be able to write it down.",
        }
      end
      return {
        nl = "Ik heb drie inspectiebezoeken meegemaakt. Het kader ken ik uit mijn hoofd.",
        en = "I've been through three inspection visits. I know the framework by heart.",
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
