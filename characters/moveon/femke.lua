-- Femke de Groot, manager Online & Marketing (role "online", playable).
-- Quadrant: moed (core) -> roekeloosheid (pitfall) -> voorzichtigheid (challenge) -> angstvalligheid (allergy).
-- A participant whose core is "voorzichtigheid" plays the one who dares. Her secret: Horizon's
-- job offer (var femke_open).
-- The corner reactions below speak of the script's own quadrant ("moed"); played on another
-- quadrant the character keeps its bookkeeping but says none of them.
-- The scenes in which the whole team sits together, where everyone hears what anyone says
-- (the same list in isabel, karin, koen, wim and femke.lua: the scenes of their second ears).
local TEAM = { "cijfers", "lunch-ontdekking", "lunch-cijfers", "roddel-ronde", "recht-in-gezicht",
               "roddel-nasmaak", "brief", "zondag-overleg" }

local function own_quadrant(spec)
  return function(self, ev)
    if self.quadrant == "moed" then return pick_line(self, ev, spec, (self.state.heard or {})[ev.corner]) end
  end
end

return character {
  id = "femke",
  name = "Femke de Groot",
  title = { nl = "Manager Online & Marketing", en = "Head of Online & Marketing" },
  quadrant = "moed",
  state = { trust = 0, stance = 0, irritated = 0 },
  lines = {
    horizon_bekentenis = { nl = "Oké, ik ga het gewoon zeggen, anders doe ik het nooit. Horizon heeft me vorige maand een baan aangeboden. Maarten Sluijter stuurde me vannacht om kwart over één nog een bericht. Hij wist het van Guido eerder dan wij. Zo. Eerlijk gezegd: ik heb er niet van geslapen.",
                           en = "Okay, I'm just going to say it, or I never will. Horizon offered me a job last month. Maarten Sluijter messaged me again last night at quarter past one. He knew about Guido before we did. There. Honestly: I didn't sleep a wink." },
    pitch = { nl = "Eerlijk gezegd heb ik al weken een plan. MoveOn als boetiek. Isabels VIP-service, Wims groepen, Karins noodlijn, alles in één app, voor mensen die niet willen zoeken maar willen vertrekken. Dat kan Horizon niet. Wij wel. Maar alleen als we het durven.",
              en = "Honestly, I've had a plan for weeks. MoveOn as a boutique. Isabel's VIP service, Wim's groups, Karin's emergency line, all in one app, for people who don't want to search, they want to leave. Horizon can't do that. We can. But only if we dare." },
    -- reactions
    come_on = { nl = "Come on. Wat is het ergste dat er kan gebeuren?", en = "Come on. What's the worst that could happen?" },
    zucht = { nl = "Sorry, ik zat even in mijn mail. … Nee, ga door. Ik luister.", en = "Sorry, I was in my email for a sec. … No, go on. I'm listening." },
    respect = { nl = "Oké, fair. Eerst kijken, dan springen. Ik hoor het.", en = "Okay, fair. Look before you leap. I hear you." },
    herkenning = { nl = "Yes. Let's go.", en = "Yes. Let's go." },
    wow = { nl = "Wow. Oké. Dat is zelfs mij te snel.", en = "Wow. Okay. That's too fast even for me." },
    stop = { nl = "Thank you. Ik dacht al dat ik de enige was.", en = "Thank you. I thought I was the only one." },
    -- her second ear: self-confidence and modesty, which no one else in the team hears
    durf = { nl = "Yes. Zo. Gewoon zeggen wat je kunt.", en = "Yes. Like that. Just say what you can do." },
    durf2 = { nl = "Eerlijk? Dit wil ik vaker van je zien.", en = "Honestly? I want to see more of this from you." },
    hoog = { nl = "Oké. Jij weet het allemaal al, zo te horen.", en = "Okay. You know it all already, by the sound of it." },
    hoog2 = { nl = "Wow. Een tandje minder mag ook, hoor.", en = "Wow. You could take it down a notch, you know." },
    klein = { nl = "Mooi. Je hoeft niet altijd vooraan te staan.", en = "Nice. You don't always have to be up front." },
    klein2 = { nl = "Fijn. Geen grote woorden, gewoon doen.", en = "Nice. No big words, just doing it." },
    weg = { nl = "Hé. Jij telt hier ook mee, hoor.", en = "Hey. You count here too, you know." },
    weg2 = { nl = "En wat wil jij eigenlijk?", en = "And what do you actually want?" },
    -- and directness and tact, Isabel's pair, heard when a participant plays her
    helder = { nl = "Oké. Geen omwegen. Fijn.", en = "Okay. No beating about the bush. Good." },
    helder2 = { nl = "Yes. Zeg het maar zoals het is.", en = "Yes. Say it as it is." },
    bot = { nl = "Oef. Dat had wel wat zachter gekund.", en = "Oof. That could have been a bit softer." },
    bot2 = { nl = "Wow. Oké. Auw.", en = "Wow. Okay. Ouch." },
    fijn = { nl = "Mooi gebracht. Dat kan ik nog leren.", en = "Nicely put. I could learn that." },
    fijn2 = { nl = "Fair. Zo komt het tenminste aan.", en = "Fair. That way it actually lands." },
    vaag = { nl = "Sorry, wat bedoel je nu precies?", en = "Sorry, what exactly do you mean?" },
    vaag2 = { nl = "Eerlijk? Ik snap niet wat je wil.", en = "Honestly? I don't get what you want." },
  },
  react = react_by_quadrant {
    own = stance_by_own_answers,
    moves = KINSHIP_MOVES,
    allergy = own_quadrant({ "come_on", "zucht" }),
    challenge = own_quadrant("respect"),
    core = own_quadrant({ "herkenning", chance = 0.5 }),
    pitfall = own_quadrant("wow"),
    second = {
      { quadrant = "zelfvertrouwen", present_in = TEAM,
        core = { "durf", "durf2", chance = 0.6 }, pitfall = { "hoog", "hoog2", chance = 0.6 },
        challenge = { "klein", "klein2", chance = 0.6 }, allergy = { "weg", "weg2", chance = 0.6 } },
      { quadrant = "directheid", present_in = TEAM,
        core = { "helder", "helder2", chance = 0.6 }, pitfall = { "bot", "bot2", chance = 0.6 },
        challenge = { "fijn", "fijn2", chance = 0.6 }, allergy = { "vaag", "vaag2", chance = 0.6 } },
    },
    cases = {
      -- someone stops the gossip: she thought she was the only one
      { scene = "roddel-ronde", choice_part = "stop", quality_not = "moed", moves = { trust = 1 }, say = "stop" },
    },
  },
  -- daring by default; irritated, she sometimes fears the worst; trusting, she looks first
  choose = choose_by_trust {
    distrust = { allergy = 0.5 }, trust = { challenge = 0.3 }, usual = { pitfall = 0.2 }, otherwise = "any corner",
  },
}
