-- Koen Timmermans, CFO (role "cfo", playable).
-- Quadrant: zorgvuldigheid (core) -> perfectionisme (pitfall) -> flexibiliteit (challenge) -> slordigheid (allergy).
-- A participant whose core is "flexibiliteit" plays the one who counts twice. He carries a secret:
-- Guido told him three weeks ago (var koen_open).
return character {
  id = "koen",
  name = "Koen Timmermans",
  title = { nl = "Financieel directeur", en = "Finance director" },
  quadrant = "zorgvuldigheid",
  state = { trust = 0, stance = 0, irritated = 0 },
  lines = {
    map_open = { nl = "Ik heb de map meegebracht. Alles staat erin, ook wat ik nog niet weet. Dat staat op de laatste bladzijde. Die is leeg.",
                 en = "I've brought the folder. Everything's in it, including what I don't know yet. That's on the last page. It's blank." },
    kostenpost = { nl = "Karin, even nuanceren, maar: Operations kost ons 3,1 miljoen per jaar. Horizon draait zijn noodlijn vanuit Utrecht voor de helft. Als wij kopen, moeten we daar ook naar kijken. Dat is geen mening. Dat is een getal.",
                   en = "Karin, let me qualify this, but: Operations costs us 3.1 million a year. Horizon runs its emergency line from Utrecht for half that. If we buy, we'll have to look at that too. That's not an opinion. It's a number." },
    balans = function(self)
      if self.state.stance > 0 then
        return { nl = "Ik heb het nog eens nagerekend. Twee keer. Met ons vijven kan het. Met ons vieren niet. Dat is alles wat ik weet.",
                 en = "I've checked it again. Twice. With the five of us it works. With four, it doesn't. That's all I know." }
      end
      return { nl = "Ik zeg het zoals het is: het klopt nog niet. Er ontbreekt geld, of vertrouwen. Meestal allebei.",
               en = "I'll say it as it is: it doesn't add up yet. Money is missing, or trust. Usually both." }
    end,
    -- reactions
    klopt_niet = { nl = "Even nuanceren: dat klopt niet. Dat klopt helemaal niet.", en = "Let me qualify that: that's not right. That's not right at all." },
    zucht = { nl = "(Koen schrijft iets op, streept het door en schrijft het opnieuw op.)", en = "(Koen writes something down, crosses it out and writes it again.)" },
    respect = { nl = "Hm. Dat had ik niet voorzien. Goed. Ik pas het aan.", en = "Hm. I hadn't seen that coming. Fine. I'll adjust." },
    herkenning = { nl = "Precies.", en = "Exactly." },
    perfect = { nl = "Dat is de versie van mezelf die ik liever niet in de spiegel zie.", en = "That's the version of me I'd rather not see in the mirror." },
    bank = { nl = "De bank. Op zaterdag. Dat is nooit goed nieuws en nooit slecht nieuws. Het is gewoon een getal.", en = "The bank. On a Saturday. That's never good news and never bad news. It's just a number." },
  },
  react = function(self, ev)
    if ev.self then
      if ev.choice and ev.choice:find("%-ja$") then self.state.stance = self.state.stance + 1
      elseif ev.choice and ev.choice:find("%-nee$") then self.state.stance = self.state.stance - 1 end
      return nil
    end
    if ev.kind == "event" then
      if ev.event == "bank" then return "bank" end
      return nil
    end
    if ev.kind ~= "choice" then return nil end
    -- money on the table is what he needs to say yes
    if ev.choice == "wim-daad-ja" or ev.choice == "femke-moed-ja" or ev.choice == "meer-karin-grens-ja" or ev.choice == "karin-grens-ja" then
      self.state.stance = self.state.stance + 1
    end
    if ev.corner == "allergy" then
      self.state.trust = self.state.trust - 1
      self.state.irritated = self.state.irritated + 1
      if self.state.irritated == 1 then return "klopt_niet" end
      return "zucht"
    elseif ev.corner == "challenge" then
      self.state.trust = self.state.trust + 1
      return "respect"
    elseif ev.corner == "core" then
      self.state.trust = self.state.trust + 0.5
      if math.random() < 0.4 then return "herkenning" end
    elseif ev.corner == "pitfall" then
      if math.random() < 0.5 then return "perfect" end
    end
    return nil
  end,
  choose = function(self, options)
    local function pick(c) for i, o in ipairs(options) do if o.corner == c then return i end end end
    local r = math.random()
    local order = { "core", "challenge", "pitfall", "allergy" }
    if self.state.trust >= 2 and r < 0.35 then order = { "challenge", "core", "pitfall", "allergy" }
    elseif r < 0.25 then order = { "pitfall", "core", "challenge", "allergy" } end
    for _, c in ipairs(order) do local i = pick(c); if i then return i end end
    return 1
  end,
}
