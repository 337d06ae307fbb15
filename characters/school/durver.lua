-- The entrepreneur: started three companies, one of which still exists
-- Native core quality: moed (the role is played on any quadrant; see vak_idee and krant).
-- A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Staat altijd net iets te dicht bij de rand. Lacht als het spannend wordt.

return character {
  id = "durver",
  name = "Dounia El Amrani",
  title = { nl = "De ondernemer: begon drie bedrijven, waarvan er één nog bestaat", en = "The entrepreneur: started three companies, one of which still exists" },
  quadrant = "moed",
  state = { trust = 0, stance = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Ja. Gewoon doen. Spannend is niet hetzelfde als gevaarlijk.", en = "Yes. Just do it. Exciting isn't the same as dangerous." },
    respect2 = { nl = "Je hebt gelijk, eerst kijken waar je springt. Daarna spring ik wel.", en = "You're right, look before you leap. I'll leap after that." },
    valkuil2 = { nl = "Risico? Daar groeien kinderen van.", en = "Risk? That's how children grow." },
    allergie2 = { nl = "Als we overal bang voor zijn, wordt het een school vol hekjes.", en = "If we're afraid of everything, it'll be a school full of little fences." },
    eens = {
      nl = "Dát bedoel ik. Als we niets durven, hadden we thuis kunnen blijven.",
      en = "THAT's what I mean. If we dare nothing, we could have stayed home.",
    },
    respect = {
      nl = "Oké. Eerst rekenen, dan springen. Ik teken ervoor.",
      en = "Okay. Do the sums, then jump. I'll sign up to that.",
    },
    valkuil = {
      nl = "Ach, wat kan er nou helemaal gebeuren?",
      en = "Oh, what could possibly happen?",
    },
    allergie = {
      nl = "Gaan we een school oprichten om precies hetzelfde te doen als de school hiernaast?",
      en = "Are we founding a school to do exactly what the school next door does?",
    },
    -- Her proposal is what she wants, on any quadrant; only on her native courage does she
    -- relish the trouble it will cause.
    vak_idee = function(self)
      local dare = self.quadrant == "moed"
      return {
        nl = "Mijn voorstel: tot groep vijf geen cijfers en geen toetsweken. Een portfolio dat de kinderen zelf bijhouden, en drie keer per jaar laten zij ons zien wat ze kunnen. Ja, de inspectie gaat hierover vallen."
             .. (dare and " Daarom juist." or ""),
        en = "My proposal: no grades and no test weeks until age eight. A portfolio the children keep themselves, and three times a year they show us what they can do. Yes, the inspectorate will trip over this."
             .. (dare and " That's exactly why." or ""),
      }
    end,
    -- Said before her own choice at the gate: the bravado is her native courage; otherwise she
    -- speaks from what she has been through.
    krant = function(self)
      if self.quadrant == "moed" then
        return {
          nl = "Een journalist? Laat maar komen. Liever een stuk over ons lef dan een stuk over niets.",
          en = "A journalist? Let them come. Better a piece about our nerve than a piece about nothing.",
        }
      end
      return {
        nl = "Een journalist. Drie van mijn bedrijven hebben in de krant gestaan. Twee keer stond er iets anders dan ik gezegd had.",
        en = "A journalist. Three of my companies have been in the paper. Twice it said something other than what I'd said.",
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
