-- The worried parent: sees what could go wrong
-- Native core quality: voorzichtigheid (the role is played on any quadrant).
-- A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Heeft pleisters in haar tas en het nummer van de huisartsenpost in haar telefoon.

return character {
  id = "bezorgde",
  name = "Annelies Bakker",
  title = { nl = "De bezorgde ouder: ziet wat er mis kan gaan", en = "The worried parent: sees what could go wrong" },
  quadrant = "voorzichtigheid",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Fijn dat iemand even op de rem trapt.", en = "Good that someone is putting the brakes on for a moment." },
    respect2 = { nl = "Goed. Ik durf het aan, als we weten wat we doen als het misgaat.", en = "All right. I'll dare it, as long as we know what we'll do if it goes wrong." },
    valkuil2 = { nl = "Hebben we eigenlijk al aan een verbandtrommel gedacht? En aan een tweede?", en = "Have we actually thought about a first-aid kit? And a second one?" },
    allergie2 = { nl = "Wie belt er straks de ouders als het misgaat? Jij?", en = "Who'll be ringing the parents when it goes wrong? You?" },
    eens = {
      nl = "Dank je. Iemand moest het zeggen.",
      en = "Thank you. Someone had to say it.",
    },
    respect = {
      nl = "Eng. Maar je hebt gelijk. Als we het niet proberen, weten we het nooit.",
      en = "Scary. But you're right. If we don't try, we'll never know.",
    },
    valkuil = {
      nl = "En als... nee, laat maar. Of toch: en als?",
      en = "And what if... no, never mind. Or actually: what if?",
    },
    allergie = {
      nl = "Dit is precies hoe ongelukken beginnen.",
      en = "This is exactly how accidents start.",
    },
    kastanje_zorg = {
      nl = "Ik heb de boom gemeten. Elf meter. De onderste tak zit op twee meter veertig. Ik weet dat jullie hem mooi vinden. Ik zie een ambulance.",
      en = "I measured the tree. Eleven metres. The lowest branch is at two metres forty. I know you all love it. I see an ambulance.",
    },
    twijfel = {
      nl = "Ik heb vannacht niet geslapen. Ik weet niet of ik mijn kind hier wil hebben. Niet als het zo gaat.",
      en = "I didn't sleep last night. I don't know if I want my child here. Not if it goes like this.",
    },
  },
  -- Everyone hears every choice, but a parent speaks up at most once per scene and only now
  -- and then, so that a round of thirty participants does not drown in reactions.
  react = react_in_crowd { allergy = { "allergie", "allergie2" }, challenge = { "respect", "respect2" },
                           core = { "eens", "eens2" }, pitfall = { "valkuil", "valkuil2" } },
  -- When nobody plays this parent, the engine does, as one of the many parents in the room.
  choose = choose_in_crowd,
}
