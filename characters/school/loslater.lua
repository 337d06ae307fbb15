-- The free-range parent: lets his kids cycle to the woods on their own
-- Native core quality: loslaten (the role is played on any quadrant).
-- A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Handen in de zakken, altijd ontspannen, zelden verbaasd.

return character {
  id = "loslater",
  name = "Thijs Hoekstra",
  title = { nl = "De vrije-uitloopouder: laat zijn kinderen alleen naar het bos fietsen", en = "The free-range parent: lets his kids cycle to the woods on their own" },
  quadrant = "loslaten",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Precies. Geef ze de ruimte, dan vinden ze hun weg wel.", en = "Exactly. Give them room and they'll find their way." },
    respect2 = { nl = "Goed dat je blijft kijken. Ik laat soms te snel los.", en = "Good that you keep watching. I sometimes let go too soon." },
    valkuil2 = { nl = "Doe maar wat jullie willen. Ik vind alles best.", en = "Do whatever you like. Anything's fine by me." },
    allergie2 = { nl = "Moeten we ook nog bijhouden hoe vaak ze naar de wc gaan?", en = "Shall we keep track of how often they go to the loo as well?" },
    eens = {
      nl = "Laat ze maar. Ze kunnen meer dan we denken.",
      en = "Let them. They can do more than we think.",
    },
    respect = {
      nl = "Je hebt gelijk. Loslaten is niet hetzelfde als niet kijken.",
      en = "You're right. Letting go isn't the same as not looking.",
    },
    valkuil = {
      nl = "Ach, ze zoeken het zelf wel uit.",
      en = "Oh, they'll sort it out themselves.",
    },
    allergie = {
      nl = "Straks sturen we ze nog in bubbeltjesplastic naar school.",
      en = "Next we'll be sending them to school in bubble wrap.",
    },
    -- Said as the proposals for the yard go round. Either way the wild corner comes to the table
    -- through him (scene "plein-eisen" turns on it): on his native quadrant as what he wants,
    -- letting go; on any other as what his children asked for, which he passes on.
    plein_wild = function(self)
      if self.quadrant == "loslaten" then
        return {
          nl = "Geef ze planken, touw, een hamer en een hoek waar wij niet komen. Blauwe plekken groeien eruit. Verveling niet.",
          en = "Give them planks, rope, a hammer and a corner where we don't go. Bruises grow out. Boredom doesn't.",
        }
      end
      return {
        nl = "Ik heb het gisteravond aan mijn kinderen gevraagd. Ze wilden maar één ding: een hoek met planken en touw, waar geen volwassene komt. Ik zeg het zoals zij het zeiden.",
        en = "I asked my children last night. They wanted just one thing: a corner with planks and rope, where no grown-up goes. I'm saying it the way they said it.",
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
