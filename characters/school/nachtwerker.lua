-- The night-shift parent: runs the night shift at a distribution centre by the motorway
-- Native core quality: bescheidenheid (the role is played on any quadrant; see vannacht).
-- A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Komt recht uit de nachtdienst. Staat achteraan, bij de deur, jas nog aan.

return character {
  id = "nachtwerker",
  name = "Marco Koster",
  title = { nl = "De nachtwerker: draait de nachtdienst in een distributiecentrum", en = "The night worker: runs the night shift at a distribution centre" },
  quadrant = "bescheidenheid",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Mooi. Geen grote woorden, gewoon doen.", en = "Good. No big words, just doing it." },
    respect2 = { nl = "Dat je dat gewoon zegt. Daar heb ik bewondering voor.", en = "That you just come out and say it. I admire that." },
    valkuil2 = { nl = "Ach, wie ben ik om daar iets van te vinden.", en = "Oh, who am I to have an opinion on that." },
    allergie2 = { nl = "Mooi verhaal. Wie gaat het straks doen?", en = "Nice story. And who's actually going to do it?" },
    eens = {
      nl = "Zo. Daar kan een kind mee verder.",
      en = "Right. A child can get somewhere with that.",
    },
    respect = {
      nl = "Dat had ik niet gekund. Goed dat iemand het doet.",
      en = "I couldn't have done that. Good that somebody does.",
    },
    valkuil = {
      nl = "Ja. Ik weet het. Ik zeg er verder niks over.",
      en = "Yes. I know. I won't say anything more about it.",
    },
    allergie = {
      nl = "Dat is makkelijk praten, om negen uur 's avonds in een warm lokaal.",
      en = "That's easy to say, at nine in the evening in a warm classroom.",
    },
    -- Said on entering the Sunday morning scene, straight from the night shift: on his
    -- native quadrant he apologises for speaking at all; on any other he says where he was.
    vannacht = function(self)
      if self.quadrant == "bescheidenheid" then
        return {
          nl = "Sorry dat ik zo binnenval. Ik heb het gelezen, vannacht, in de pauze. Mag ik er iets over zeggen? Het hoeft niet.",
          en = "Sorry to barge in like this. I read it last night, on my break. May I say something about it? I don't have to.",
        }
      end
      return {
        nl = "Ik las het vannacht om drie uur, in de kantine, tussen twee vrachtwagens door.",
        en = "I read it last night at three, in the canteen, between two lorries.",
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
