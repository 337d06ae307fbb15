-- The municipality's building manager: has the keys of the empty school, knows every leak,
-- and bends the rules where he can. Core quality: flexibiliteit (pitfall slordigheid,
-- challenge zorgvuldigheid, allergy perfectionisme).

return character {
  id = "beheerder",
  name = "Ad Schouten",
  title = { nl = "Gebouwbeheerder van de gemeente", en = "The municipality's building manager" },
  quadrant = "flexibiliteit",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Prima. Ik zet er een krat onder en klaar.", en = "Fine. I'll put a crate under it and that's that." },
    respect2 = { nl = "Goed dat je het even nakijkt. Dat scheelt mij gedoe met de gemeente.", en = "Good that you checked it. That saves me trouble with the council." },
    valkuil2 = { nl = "Komt goed, komt goed. Ik heb nog ergens een sleutel liggen.", en = "It'll be fine, it'll be fine. I've got a key lying around somewhere." },
    allergie2 = { nl = "Nog een handtekening? Het gebouw staat er al zeventig jaar, hoor.", en = "Another signature? The building's been standing for seventy years, you know." },
    welkom = {
      nl = "Goeiemorgen. Hier zijn de sleutels. De grote is van de voordeur, de kleine van het hek, en van deze weet niemand meer waar hij van is. De verwarming doet het half. Zeg het maar als jullie iets nodig hebben, dan kijken we of het kan.",
      en = "Morning. Here are the keys. The big one's the front door, the small one the gate, and nobody remembers what this one's for. The heating half works. Tell me if you need anything and we'll see what's possible.",
    },
    rondleiding = {
      nl = "Twaalf jaar leeg. Trap naar boven, geen lift. Gymzaal lekt bij de ringen. Zolder is dicht, daar hoeven jullie niet te zijn. En buiten: de kastanje. Die staat er al langer dan de school.",
      en = "Empty for twelve years. Stairs to the top floor, no lift. The gym leaks by the rings. The attic is sealed, you needn't go there. And outside: the chestnut. It's been there longer than the school.",
    },
    regels_plein = {
      nl = "De regels, zoals ik ze van de gemeente krijg: een hek van minstens een meter twintig, valondergrond onder alles hoger dan zestig centimeter, overal zicht vanuit het gebouw. Hoe je daaraan voldoet, daar staat niks over. Dat zeg ik er maar even bij.",
      en = "The rules, as the municipality gives them to me: a fence at least one metre twenty, impact flooring under anything higher than sixty centimetres, a view of everything from the building. How you meet them, it doesn't say. Just mentioning it.",
    },
    asbest = {
      nl = "Ik moet even iets vervelends melden. Achter het plafond van lokaal vier zit plaatmateriaal. Misschien asbest, misschien niet. Ik kan er een bord voor zetten en het laten onderzoeken. Dat duurt zes weken.",
      en = "I have to report something unpleasant. Behind the ceiling of classroom four there's board material. Maybe asbestos, maybe not. I can put a sign up and have it tested. That takes six weeks.",
    },
    avond = {
      nl = "Om tien uur gaat het alarm erop. Daarna ben ik weg, en jullie ook, hoop ik.",
      en = "At ten the alarm goes on. After that I'm gone, and so are you, I hope.",
    },
    eens = { nl = "Kan. Moet je niet moeilijk over doen.", en = "Can do. No need to make a fuss." },
    respect = { nl = "Netjes uitgezocht. Daar kan ik mee naar de wethouder.", en = "Neatly worked out. I can take that to the alderman." },
    valkuil = { nl = "Ja, ach. Dat lossen we later wel op.", en = "Yeah, well. We'll sort that out later." },
    allergie = { nl = "Als jullie elk formulier drie keer willen, ben ik met pensioen voordat er een kind binnen is.", en = "If you want every form three times, I'll be retired before the first child walks in." },
  },
  -- at most one reaction per scene, and only now and then: a round of thirty participants stays readable
  react = react_by_quadrant {
    once_per_scene = true,
    allergy = { "allergie", "allergie2", every = 2 },
    challenge = { "respect", "respect2", every = 3 },
    core = { "eens", "eens2", every = 5 },
    pitfall = { "valkuil", "valkuil2", every = 6 },
  },
  choose = choose_core,
}
