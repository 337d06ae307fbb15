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
    -- Said before her choice about the chestnut: the ambulance she sees is her native caution;
    -- on any other quadrant she asks about the children, and fears nothing aloud.
    kastanje_zorg = function(self)
      if self.quadrant == "voorzichtigheid" then
        return {
          nl = "Ik heb de boom gemeten. Elf meter. De onderste tak zit op twee meter veertig. Ik weet dat jullie hem mooi vinden. Ik zie een ambulance.",
          en = "I measured the tree. Eleven metres. The lowest branch is at two metres forty. I know you all love it. I see an ambulance.",
        }
      end
      return {
        nl = "Jullie weten dat ik altijd pleisters in mijn tas heb. Maar over deze boom wil ik eerst iets anders weten: welke van onze kinderen gaan erin klimmen?",
        en = "You all know I always carry plasters in my bag. But about this tree I want to know something else first: which of our children are going to climb it?",
      }
    end,
    -- Said on the stairs (incident "twijfel"), on either day: the worry that kept her awake is
    -- her native caution; on any other quadrant she brings the question she was asked at home.
    twijfel = function(self)
      if self.quadrant ~= "voorzichtigheid" then
        return {
          nl = "Thuis vroegen ze me: weet je zeker dat je je kind daar wilt hebben? Ik had geen antwoord. Ik zit hier om er een te vinden.",
          en = "At home they asked me: are you sure you want your child there? I had no answer. I'm sitting here to find one.",
        }
      elseif story.visited.ochtend > 0 then
        return {
          nl = "Ik heb vannacht niet geslapen. Ik weet niet of ik mijn kind hier wil hebben. Niet als het zo gaat.",
          en = "I didn't sleep last night. I don't know if I want my child here. Not if it goes like this.",
        }
      end
      return {
        nl = "Ik zit hier sinds vanochtend en ik word alleen maar ongeruster. Ik weet niet of ik mijn kind hier wil hebben. Niet als het zo gaat.",
        en = "I've been sitting here since this morning and I'm only getting more worried. I don't know if I want my child here. Not if it goes like this.",
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
