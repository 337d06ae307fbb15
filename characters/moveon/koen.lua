-- Koen Timmermans, CFO (role "cfo", playable).
-- Quadrant: zorgvuldigheid (core) -> perfectionisme (pitfall) -> flexibiliteit (challenge) -> slordigheid (allergy).
-- A participant whose core is "flexibiliteit" plays the one who counts twice. Cast on any
-- quadrant (role quadrants="*"), his lines count twice only on "zorgvuldigheid". He carries a secret:
-- Guido told him three weeks ago (var koen_open).
-- The corner reactions below speak of the script's own quadrant ("zorgvuldigheid"); played on another
-- quadrant the character keeps its bookkeeping but says none of them.
-- The scenes in which the whole team sits together, where everyone hears what anyone says
-- (the same list in isabel, karin, koen, wim and femke.lua: the scenes of their second ears).
local TEAM = { "cijfers", "lunch-ontdekking", "lunch-cijfers", "roddel-ronde", "recht-in-gezicht",
               "roddel-nasmaak", "brief", "zondag-overleg" }

local function own_quadrant(spec)
  return function(self, ev)
    if self.quadrant == "zorgvuldigheid" then return pick_line(self, ev, spec, (self.state.heard or {})[ev.corner]) end
  end
end

return character {
  id = "koen",
  name = "Koen Timmermans",
  title = { nl = "Financieel directeur", en = "Finance director" },
  quadrant = "zorgvuldigheid",
  state = { trust = 0, stance = 0, irritated = 0 },
  lines = {
    map_open = function(self)
      if self.quadrant == "zorgvuldigheid" then
        return { nl = "Ik heb de map meegebracht. Alles staat erin, ook wat ik nog niet weet. Dat staat op de laatste bladzijde. Die is leeg.",
                 en = "I've brought the folder. Everything's in it, including what I don't know yet. That's on the last page. It's blank." }
      end
      return { nl = "Ik heb de map meegebracht. Alles wat Guido me gaf, staat erin. Kijk maar.",
               en = "I've brought the folder. Everything Guido gave me is in it. Have a look." }
    end,
    kostenpost = function(self)
      local opening = self.quadrant == "zorgvuldigheid"
        and { nl = "Karin, even nuanceren, maar: ", en = "Karin, I don't want to overstate this, but: " }
        or { nl = "Karin, ik moet je iets laten zien. ", en = "Karin, there's something I have to show you. " }
      return { nl = opening.nl .. "Operations kost ons 3,1 miljoen per jaar. Horizon draait zijn noodlijn vanuit Utrecht voor de helft. Als wij kopen, moeten we daar ook naar kijken. Dat is geen mening. Dat is een getal.",
               en = opening.en .. "Operations costs us 3.1 million a year. Horizon runs its emergency line from Utrecht for half that. If we buy, we'll have to look at that too. That's not an opinion. It's a number." }
    end,
    balans = function(self)
      if self.state.stance > 0 then
        if self.quadrant == "zorgvuldigheid" then
          return { nl = "Ik heb het nog eens nagerekend. Twee keer. Met ons vijven kan het. Met ons vieren niet. Dat is alles wat ik weet.",
                   en = "I've checked it again. Twice. With the five of us it works. With four, it doesn't. That's all I know." }
        end
        return { nl = "Ik heb het nog eens nagerekend. Met ons vijven kan het. Met ons vieren niet.",
                 en = "I've run it again. With the five of us it works. With four, it doesn't." }
      end
      return { nl = "Ik zeg het zoals het is: het klopt nog niet. Er ontbreekt geld, of vertrouwen. Meestal allebei.",
               en = "I'll say it as it is: it doesn't add up yet. Money is missing, or trust. Usually both." }
    end,
    -- reactions
    klopt_niet = { nl = "Even nuanceren: dat klopt niet. Dat klopt helemaal niet.", en = "Hang on: that's not right. That's not right at all." },
    zucht = { nl = "Wacht. Ik schrijf het op. … Nee. Nog een keer, langzaam.", en = "Hang on. I'll write that down. … No. Once more, slowly." },
    respect = { nl = "Hm. Dat had ik niet voorzien. Goed. Ik pas het aan.", en = "Hm. I hadn't seen that coming. Fine. I'll adjust." },
    herkenning = { nl = "Precies.", en = "Exactly." },
    perfect = { nl = "Dat is de versie van mezelf die ik liever niet in de spiegel zie.", en = "That's the version of me I'd rather not see in the mirror." },
    -- his second ear: trust and being critical, which no one else in the team hears
    kritisch = { nl = "Terecht. Dat moet eerst op tafel.", en = "Fair point. That has to go on the table first." },
    kritisch2 = { nl = "Dank je. Dat scheelt mij een rondje narekenen.", en = "Thank you. That saves me a round of checking." },
    wantrouwen = { nl = "Ik reken ook graag na. Maar dit is iets anders.", en = "I like to check things too. But this is something else." },
    wantrouwen2 = { nl = "Als niemand nog iemand gelooft, kopen we niks.", en = "If nobody believes anybody any more, we're not buying anything." },
    vertrouwen = { nl = "Goed. Ik ga ervan uit dat je het meent. Dat is ook een soort cijfer.", en = "Fine. I'll assume you mean it. That's a kind of number too." },
    vertrouwen2 = { nl = "Oké. Dan ga ik daar ook van uit.", en = "Okay. Then I'll go on that too." },
    naief = { nl = "Dat is hoop, geen plan.", en = "That's hope, not a plan." },
    naief2 = { nl = "Ik wil het graag geloven. Ik zie alleen nergens een cijfer.", en = "I'd like to believe it. I just don't see a number anywhere." },
    -- and decisiveness and patience, Wim's pair, heard when a participant plays him
    besluit = { nl = "Helder. Dan weten we waar we staan.", en = "Clear. Now we know where we stand." },
    besluit2 = { nl = "Goed. Daar kan ik mee verder.", en = "Good. I can work with that." },
    dram = { nl = "Harder zeggen maakt het niet waarder.", en = "Saying it louder doesn't make it truer." },
    dram2 = { nl = "Ik hoorde je de eerste keer ook al.", en = "I heard you the first time." },
    wacht = { nl = "Dank je. Even de tijd nemen scheelt fouten.", en = "Thank you. Taking a moment saves mistakes." },
    wacht2 = { nl = "Goed. Wachten is ook een besluit, als je weet waarom.", en = "Fine. Waiting is a decision too, if you know why." },
    stil = { nl = "En? Wat gaan we nu doen?", en = "And? What are we going to do now?" },
    stil2 = { nl = "Niets doen is ook een getal. Meestal een rood.", en = "Doing nothing is a number too. Usually a red one." },
    bank = { nl = "De bank. In het weekend. Dat is nooit goed nieuws en nooit slecht nieuws. Het is gewoon een getal.", en = "The bank. At the weekend. That's never good news and never bad news. It's just a number." },
  },
  react = react_by_quadrant {
    own = stance_by_own_answers,
    events = { bank = "bank" },
    moves = KINSHIP_MOVES,
    allergy = own_quadrant({ "klopt_niet", "zucht" }),
    challenge = own_quadrant("respect"),
    core = own_quadrant({ "herkenning", chance = 0.4 }),
    pitfall = own_quadrant({ "perfect", chance = 0.5 }),
    second = {
      { quadrant = "kritisch zijn", present_in = TEAM,
        core = { "kritisch", "kritisch2", chance = 0.6 }, pitfall = { "wantrouwen", "wantrouwen2", chance = 0.6 },
        challenge = { "vertrouwen", "vertrouwen2", chance = 0.6 }, allergy = { "naief", "naief2", chance = 0.6 } },
      { quadrant = "daadkracht", present_in = TEAM,
        core = { "besluit", "besluit2", chance = 0.6 }, pitfall = { "dram", "dram2", chance = 0.6 },
        challenge = { "wacht", "wacht2", chance = 0.6 }, allergy = { "stil", "stil2", chance = 0.6 } },
    },
    cases = {
      -- money on the table is what he needs to say yes
      { choice = { "wim-daad-ja", "femke-moed-ja", "meer-karin-grens-ja", "karin-grens-ja",
                   "avond-wim-uitdaging-ja", "avond-femke-kern-ja", "meer-karin-kern-ja", "avond-karin-kern-ja" }, moves = { stance = 1 }, go_on = true },
    },
  },
  choose = choose_by_trust { trust = { challenge = 0.35 }, usual = { pitfall = 0.25 }, otherwise = "any corner" },
}
