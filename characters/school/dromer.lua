-- The artist: sees a workshop in an empty building
-- Native core quality: creativiteit (the role is played on any quadrant).
-- A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Praat met zijn handen, tekent op alles wat plat is, vergeet de tijd.

return character {
  id = "dromer",
  name = "Jasper Lind",
  title = { nl = "De kunstenaar: ziet in een leeg gebouw een werkplaats", en = "The artist: sees a workshop in an empty building" },
  quadrant = "creativiteit",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Zie je het voor je? Ik zie het al helemaal voor me.", en = "Can you picture it? I can picture it already." },
    respect2 = { nl = "Oké, eerst een planning. Ik word er niet vrolijk van, maar het klopt.", en = "Fine, a plan first. It doesn't cheer me up, but it's right." },
    valkuil2 = { nl = "O, en nog iets! Nee, twee dingen. Waar was ik?", en = "Oh, and another thing! No, two things. Where was I?" },
    allergie2 = { nl = "Nog een formulier. Daar worden kinderen vast heel blij van.", en = "Another form. I'm sure that'll make the children very happy." },
    eens = {
      nl = "Ja! En wat als we het ook nog omdraaien?",
      en = "Yes! And what if we turn it upside down as well?",
    },
    respect = {
      nl = "Een lijstje. Goed. Ik haat het, maar het helpt.",
      en = "A list. Fine. I hate it, but it helps.",
    },
    valkuil = {
      nl = "Wacht, ik heb nog zes ideeën. Zeven.",
      en = "Wait, I have six more ideas. Seven.",
    },
    allergie = {
      nl = "Omdat het altijd zo ging? Dat is geen reden, dat is een gewoonte.",
      en = "Because it's always been done that way? That's not a reason, that's a habit.",
    },
    conflict_aanval = {
      nl = "En ik zeg het er maar meteen bij: jij maakt de agenda, Frank, en ik voel me een agendapunt.",
      en = "And I'll say it straight away too: you make the agenda, Frank, and I feel like an item on it.",
    },
    -- Said as the proposals for the yard go round: the dream is his native creativity; on any
    -- other quadrant he speaks from his trade and his child, and proposes nothing yet.
    plein_droom = function(self)
      if self.quadrant == "creativiteit" then
        return {
          nl = "Geen hek maar een heg. Geen tegels maar heuvels. Een plein dat er elke maand anders uitziet, omdat de kinderen het ombouwen.",
          en = "Not a fence but a hedge. Not tiles but hills. A schoolyard that looks different every month, because the children rebuild it.",
        }
      end
      return {
        nl = "Ik teken voor mijn brood, maar een plein voor mijn eigen kind heb ik nog nooit getekend. Ik begin bij het hek, waar het 's ochtends binnenkomt.",
        en = "I draw for a living, but I've never drawn a yard for my own child. I'll start at the gate, where they come in in the morning.",
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
