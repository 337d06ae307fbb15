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
      en = "Dear me. Don't push so.",
    },
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
  react = react_in_crowd { allergy = "allergie", challenge = "respect", core = "eens", pitfall = "valkuil" },
  -- When nobody plays this parent, the engine does, as one of the many parents in the room.
  choose = choose_in_crowd,
}
