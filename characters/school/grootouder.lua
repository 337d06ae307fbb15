-- The grandparent: cares for a grandchild and has seen every reform come and go
-- Native core quality: geduld (the role is played on any quadrant).
-- A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Leunt achterover, vouwt zijn handen, wacht tot iedereen uitgepraat is.

return character {
  id = "grootouder",
  name = "Gerrit Dijkstra",
  title = { nl = "De grootouder: zorgt voor zijn kleinkind en zag alle vernieuwingen al eens langskomen", en = "The grandparent: cares for a grandchild and has seen every reform come and go" },
  quadrant = "geduld",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Zo. Eerst een kop koffie, dan besluiten we.", en = "There. A cup of coffee first, then we decide." },
    respect2 = { nl = "Kijk eens aan. Niet wachten, gewoon doen. Dat deed mijn vrouw ook altijd.", en = "Well, look at that. No waiting, just doing it. My wife always did that too." },
    valkuil2 = { nl = "Daar komen we volgende week wel op terug. Of de week erna.", en = "We'll come back to that next week. Or the week after." },
    allergie2 = { nl = "Rustig, rustig. Ik ben niet zo snel meer als jullie.", en = "Easy, easy. I'm not as quick as you lot any more." },
    eens = {
      nl = "Rustig. Het gras groeit niet harder als je eraan trekt.",
      en = "Easy. Grass doesn't grow faster if you pull it.",
    },
    respect = {
      nl = "Goed. Soms moet je gewoon beginnen. Dat vergeet ik weleens.",
      en = "Fine. Sometimes you just have to start. I forget that sometimes.",
    },
    valkuil = {
      nl = "Ach, laat maar lopen. Het komt vanzelf wel goed.",
      en = "Oh, let it be. It'll sort itself out.",
    },
    allergie = {
      nl = "Jongen, jongen. Niet zo duwen.",
      en = "Steady on. No need to push.",
    },
    -- his allergy (drammen) where the push has a face: at the inspector in the yard, and at
    -- her verdict until she picks up her bag
    duwen_kijken = { nl = "Laat haar nou eerst zelf kijken. Ze heeft ogen in haar hoofd.", en = "Let her look for herself first. She has eyes in her head." },
    duwen_tas = { nl = "Zo. Nu pakt ze haar tas. Dat had ik je kunnen voorspellen.", en = "There. Now she's picking up her bag. I could have told you that." },
    vroeger = {
      nl = "In 1974 zat ik in dit gebouw. Mijn juf liet ons de hele maand mei buiten les krijgen, onder die kastanje. Geen inspecteur die het wist. Ik wil niet terug naar toen. Maar dat gevoel wil ik wel terug.",
      en = "In 1974 I sat in this building. My teacher had us do lessons outside the whole of May, under that chestnut. No inspector knew. I don't want to go back to those days. But I do want that feeling back.",
    },
    -- the same, once the parents had the chestnut felled (vars.boom == 0)
    vroeger_stronk = {
      nl = "In 1974 zat ik in dit gebouw. Mijn juf liet ons de hele maand mei buiten les krijgen, onder de kastanje die daar tot gisteren stond. Geen inspecteur die het wist. Ik wil niet terug naar toen. Maar dat gevoel wil ik wel terug.",
      en = "In 1974 I sat in this building. My teacher had us do lessons outside the whole of May, under the chestnut that stood there until yesterday. No inspector knew. I don't want to go back to those days. But I do want that feeling back.",
    },
  },
  -- Everyone hears every choice, but a parent speaks up at most once per scene and only now
  -- and then, so that a round of thirty participants does not drown in reactions.
  -- As react_in_crowd, but pushing the inspector gets an answer to what was done.
  react = react_by_quadrant {
    once_per_scene = true,
    allergy = { "allergie", "allergie2", every = 2 },
    challenge = { "respect", "respect2", every = 3 },
    core = { "eens", "eens2", every = 4 },
    pitfall = { "valkuil", "valkuil2", every = 5 },
    cases = {
      { scene = "rondgang", quality = "drammen", moves = { trust = -1 }, say = "duwen_kijken" },
      { scene = "uitslag", quality = "drammen", moves = { trust = -1 }, say = "duwen_tas" },
    },
  },
  -- When nobody plays this parent, the engine does, as one of the many parents in the room.
  choose = choose_in_crowd,
}
