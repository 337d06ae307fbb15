-- Wim Hendrickx, manager Groepsreizen, Guido's first employee (role "groep", playable).
-- Quadrant: geduld (core) -> passiviteit (pitfall) -> daadkracht (challenge) -> drammen (allergy).
-- A participant whose core is "daadkracht" plays the one who waits. He knows about Guido's heart
-- (var hart). He is the opposite of Guido: what Guido overdoes, Wim is allergic to.
-- The corner reactions below speak of the script's own quadrant ("geduld"); played on another
-- quadrant the character keeps its bookkeeping but says none of them.
-- The scenes in which the whole team sits together, where everyone hears what anyone says
-- (the same list in isabel, karin, koen, wim and femke.lua: the scenes of their second ears).
local TEAM = { "cijfers", "lunch-ontdekking", "lunch-cijfers", "roddel-ronde", "recht-in-gezicht",
               "roddel-nasmaak", "brief", "zondag-overleg" }

local function own_quadrant(spec)
  return function(self, ev)
    if self.quadrant == "geduld" then return pick_line(self, ev, spec, (self.state.heard or {})[ev.corner]) end
  end
end

return character {
  id = "wim",
  name = "Wim Hendrickx",
  title = { nl = "Manager Groepsreizen", en = "Head of Group Travel" },
  quadrant = "geduld",
  state = { trust = 0, stance = 0, irritated = 0, isabel_boven = 0, envelop_schouw = 0 },
  lines = {
    -- Isabel walked into the drawing room on Saturday night and said she wants MoveOn
    salon = { nl = "Ga zitten, meisje. Zeg het nog eens, maar dan zittend, zodat we je allemaal kunnen aankijken.",
              en = "Sit down, love. Say it again, sitting down this time, so we can all look you in the eye." },
    hart_bekend = function(self)
      -- said once (at the phone call, or at the letter): at the letter after the phone call he
      -- says neither 'now you've heard it' nor 'I promised him' again
      if story.facts.guido_geweest then   -- Guido came and told it himself, before the letter
        return { nl = "Eerst uit zijn eigen mond, nu zwart op wit. Hij meent het, meisje.",
                 en = "First from his own mouth, now in black and white. He means it, love." }
      end
      if story.visited["guido-waarom"] > 0 and story.visited["brief-voorgelezen"] > 0 then
        return { nl = "Twee keer nu, meisje. Gisteren aan de telefoon, en nu zwart op wit. Hij meent het.",
                 en = "Twice now, love. Yesterday on the phone, and now in black and white. He means it." }
      end
      if self.state.told == 1 then   -- he told Isabel himself: he does not say it all again
        return { nl = "Nu hoor je het van hem zelf, meisje. Zo had het vrijdag al moeten gaan.",
                 en = "Now you've heard it from him, love. That's how it should have gone on Friday." }
      end
      if self.state.trust >= 1 then
        return { nl = "Ik heb het hem beloofd, meisje. Ik had het niet moeten beloven. Maar ik ben blij dat het nu op tafel ligt, en niet meer in mijn maag.",
                 en = "I promised him, love. I shouldn't have. But I'm glad it's on the table now, and not in my stomach any more." }
      end
      return { nl = "Ik heb het hem beloofd, meisje. Ik had het niet moeten beloven.", en = "I promised him, love. I shouldn't have." }
    end,
    -- reactions
    rustig = { nl = "Rustig aan, jong. Een bus keer je niet op een stoep.", en = "Steady on. You don't turn a coach round on a pavement." },
    zucht = { nl = "Ik zeg niks. Ik zeg helemaal niks. Dat mag je zelf invullen.",
              en = "I'm saying nothing. Nothing at all. You can work out the rest yourselves." },
    respect = { nl = "Kijk. Dat had ik twintig jaar geleden tegen Guido moeten zeggen.", en = "Look at that. I should have said that to Guido twenty years ago." },
    herkenning = { nl = "Goed zo. Laat het maar even liggen. Het wordt vanzelf duidelijk.", en = "Good. Let it sit a while. It'll become clear by itself." },
    passief = { nl = "Hm. Zo zit ik er zelf ook te vaak bij.", en = "Hm. That's how I sit there too, too often." },
    -- his second ear: caring and letting go, which no one else in the team hears
    zorg = { nl = "Dat is goed, jong. Zo zorg je voor mensen.", en = "That's good. That's how you look after people." },
    zorg2 = { nl = "Zie je wel. Daar gaat het uiteindelijk om.", en = "See? That's what it comes down to, in the end." },
    betuttel = { nl = "Laat ze nou, jong. Ze zijn groot genoeg.", en = "Let them be. They're old enough." },
    betuttel2 = { nl = "Goed bedoeld. Maar zo hou je mensen klein.", en = "Well meant. But that's how you keep people small." },
    los = { nl = "Zo. Je laat het gaan. Dat kan ik je niet nadoen.", en = "So. You let it go. I couldn't do that." },
    los2 = { nl = "Goed zo. Soms moet je de teugels laten vieren.", en = "Good. Sometimes you have to slacken the reins." },
    koud = { nl = "Het kan je ook niks schelen, hè.", en = "You really don't care, do you." },
    koud2 = { nl = "Hm. Zo makkelijk is het niet, jong.", en = "Hm. It's not that easy." },
    -- and connecting and boundaries, Karin's pair, heard when a participant plays her
    samen = { nl = "Kijk. Zo hou je een ploeg bij elkaar.", en = "Look. That's how you keep a team together." },
    samen2 = { nl = "Goed, jong. Samen, anders gaat het niet.", en = "Good. Together, or it won't work." },
    lief = { nl = "Je hoeft het niet iedereen naar de zin te maken, jong.", en = "You don't have to please everyone." },
    lief2 = { nl = "Lief. Maar wat vind jij nu zelf?", en = "Kind. But what do you think yourself?" },
    grens = { nl = "Goed zo. Tot hier en niet verder.", en = "Good. This far and no further." },
    grens2 = { nl = "Dat had ik dertig jaar geleden moeten leren.", en = "I should have learned that thirty years ago." },
    hard = { nl = "Dat kan ook vriendelijker, jong.", en = "That could be said more kindly." },
    hard2 = { nl = "Au. Dat komt hard aan.", en = "Ouch. That lands hard." },
  },
  react = react_by_quadrant {
    -- the choices in which he tells about the heart himself (state.told: hart_bekend follows it)
    own = function(self, ev)
      stance_by_own_answers(self, ev)
      if is_one_of(ev.choice, { "haard-daad", "haard-wim-uitdaging", "recht-wim-daad", "recht-wim-uitdaging" }) then
        self.state.told = 1
      end
    end,
    moves = KINSHIP_MOVES,
    allergy = own_quadrant({ "rustig", "zucht" }),   -- pushing
    challenge = own_quadrant("respect"),
    core = own_quadrant({ "herkenning", chance = 0.4 }),
    pitfall = own_quadrant({ "passief", chance = 0.5 }),
    second = {
      { quadrant = "zorgzaamheid", present_in = TEAM,
        core = { "zorg", "zorg2", chance = 0.6 }, pitfall = { "betuttel", "betuttel2", chance = 0.6 },
        challenge = { "los", "los2", chance = 0.6 }, allergy = { "koud", "koud2", chance = 0.6 } },
      { quadrant = "verbinden", present_in = TEAM,
        core = { "samen", "samen2", chance = 0.6 }, pitfall = { "lief", "lief2", chance = 0.6 },
        challenge = { "grens", "grens2", chance = 0.6 }, allergy = { "hard", "hard2", chance = 0.6 } },
    },
    cases = {
      -- Saturday night: what the drawing room saw of Isabel (read by the scenes "zaterdag-nacht"
      -- and "brief"): isabel_boven, she said it and went upstairs; envelop_schouw, she left
      -- Guido's envelope on the mantelpiece. Only some terms' words do so (the variants of
      -- "nacht-isabel-kern-ja" in moveon.xml).
      function(self, ev)
        if ev.scene == "nacht-isabel" then
          local core = ev.choice == "nacht-isabel-kern-ja"
          self.state.isabel_boven = (core and ev.quality == "loslaten") and 1 or 0
          self.state.envelop_schouw = (core and is_one_of(ev.quality, { "loslaten", "daadkracht" })) and 1 or 0
        end
        return nil
      end,
      -- being together is what moves him
      { choice = { "ond-bod-ja", "zo-femke-ja", "zo-femke-kern-ja" }, moves = { stance = 1 }, go_on = true },
    },
  },
  choose = choose_by_trust { trust = { challenge = 0.35 }, usual = { pitfall = 0.25 }, otherwise = "any corner" },
}
