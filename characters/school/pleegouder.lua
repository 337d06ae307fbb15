-- The foster carer: the third foster child in five years
-- Native core quality: zorgzaamheid (the role is played on any quadrant).
-- A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Ziet meteen wie er buiten de kring staat. Regelt dingen voordat iemand erom vraagt.

return character {
  id = "pleegouder",
  name = "Nicole de Graaf",
  title = { nl = "De pleegouder: het derde pleegkind in vijf jaar", en = "The foster carer: the third foster child in five years" },
  quadrant = "zorgzaamheid",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Zo zorgen we voor ze. Zo hoort het.", en = "That's how we look after them. As it should be." },
    respect2 = { nl = "Goed. Ik laat het los. Het voelt raar, maar goed.", en = "All right. I'll let it go. It feels strange, but all right." },
    valkuil2 = { nl = "Heeft iedereen wel wat gedronken? Ik heb koekjes meegenomen.", en = "Has everyone had something to drink? I brought biscuits." },
    allergie2 = { nl = "Hier gaat het om kinderen. Vergeet dat niet.", en = "This is about children. Don't forget that." },
    eens = {
      nl = "Dank je. Ieder kind hier is iemands kind.",
      en = "Thank you. Every child here is somebody's child.",
    },
    respect = {
      nl = "Je hebt gelijk. Ik moet ze ook laten vallen, anders leren ze niet opstaan.",
      en = "You're right. I have to let them fall too, or they never learn to get up.",
    },
    valkuil = {
      nl = "Ik regel het wel. Voor iedereen. Zeg maar wat je nodig hebt.",
      en = "I'll take care of it. For everyone. Just tell me what you need.",
    },
    allergie = {
      nl = "Zo praat je niet over een kind dat niet kan kiezen waar het woont.",
      en = "You don't talk like that about a child who can't choose where they live.",
    },
    kind_vertellen = {
      nl = "Mag ik iets over mijn kind vertellen? Niet wat er in het dossier staat. Wat ik 's avonds zie.",
      en = "May I tell you about my child? Not what's in the file. What I see in the evenings.",
    },
  },
  -- Everyone hears every choice, but a parent speaks up at most once per scene and only now
  -- and then, so that a round of thirty participants does not drown in reactions.
  react = react_in_crowd { allergy = { "allergie", "allergie2" }, challenge = { "respect", "respect2" },
                           core = { "eens", "eens2" }, pitfall = { "valkuil", "valkuil2" } },
  -- When nobody plays this parent, the engine does, as one of the many parents in the room.
  choose = choose_in_crowd,
}
