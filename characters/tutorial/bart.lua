-- Bart Claes, sales (role "collega", played by the engine).
-- Quadrant: verbinden (core) -> pleasen (pitfall) -> grenzen stellen (challenge) -> hardheid (allergy).
-- He says yes to everyone, so a kind boundary earns his respect and hardness hurts him.
-- The scenario reads his trust: chars.collega.trust (event "stilte", ending "deur_dicht").
--
-- Lies and Jonas can be played on any quadrant, so most of what is said to him falls outside
-- his own quadrant. He reacts to those overshoots as a connector would: one that takes
-- ground from others (bluntness, pushing, arrogance, patronising, distrust, rigidity) hurts
-- like hardness; one that gives ground (vagueness, passivity, self-effacement, timidity, naivety)
-- he hears as a yes, like pleasing.
local TAKES_GROUND = {
  botheid = true, drammen = true, arrogantie = true, betuttelen = true, wantrouwen = true, starheid = true,
}
local GIVES_GROUND = {
  vaagheid = true, passiviteit = true, wegcijferen = true, angstvalligheid = true, ["naïviteit"] = true,
}

return character {
  id = "bart",
  name = "Bart Claes",
  title = { nl = "Verkoper, hart op de tong", en = "Sales, heart on his sleeve" },
  quadrant = "verbinden",
  state = { trust = 0, counting_on = 0, respected = false, delighted = false },
  lines = {
    affiche = { nl = "En? Zelf gemaakt, gisterenavond. Mooi, hé?", en = "Well? Made it myself, last night. Nice, isn't it?" },
    humeur = function(self)
      if self.state.trust < 0 then
        return { nl = "Jullie mogen het ook gewoon zeggen, hoor. Ik kan het hebben.", en = "You can just say it, you know. I can take it." }
      end
      return { nl = "Zeg het maar eerlijk!", en = "Go on, be honest!" }
    end,
    gekwetst = { nl = "Oké. Oké. Ik dacht dat ik iets goeds deed.", en = "Okay. Okay. I thought I was doing something good." },
    gekwetst2 = { nl = "Ik hoor je. Ik had het alleen graag anders gehoord.", en = "I hear you. I just wish you'd said it differently." },
    respect = { nl = "Eerlijk is eerlijk. Ik had het eerst moeten vragen.", en = "Fair enough. I should have asked first." },
    slecht_geslapen = { nl = "Oei. Slecht geslapen?", en = "Oops. Bad night?" },
    verkeerde_been = { nl = "Iemand is met het verkeerde been uit bed gestapt.", en = "Someone got out of bed on the wrong side." },
    merci = { nl = "Merci! Jij bent een schat.", en = "Thanks! You're a star." },
    blij = { nl = "Top! Ik wist dat ik op jullie kon rekenen!", en = "Great! I knew I could count on you!" },
    warm = { nl = "Dank je. Dat doet deugd.", en = "Thanks. That means a lot." },
    warm2 = { nl = "Lief van je.", en = "That's kind of you." },
    dank = { nl = "Vrijdag trakteer ik. Op koffie, niet op een zaterdag.", en = "Friday's on me. Coffee, that is, not a Saturday." },
  },
  react = function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    -- before he has made his proposal (scenes koffie and hoeken) Bart is just chatting;
    -- he takes it personally only where his proposal is on the table
    local before = ev.scene == "koffie" or ev.scene == "hoeken"
    local about_me = ev.scene == "voorstel" or ev.scene == "markt" or ev.scene == "bart_stil"
    -- the poster is his: the joke about his nephew stings in its own way
    if ev.choice == "eerlijk_bot" then
      self.state.trust = self.state.trust - 1
      return { nl = "Mijn neefje is acht, trouwens.", en = "My nephew is eight, by the way." }
    end
    local corner = ev.corner
    if not corner and TAKES_GROUND[ev.quality] then corner = "allergy"
    elseif not corner and GIVES_GROUND[ev.quality] then corner = "pitfall" end
    if corner == "allergy" then
      -- hardness hurts a connector
      self.state.trust = self.state.trust - 1
      if before then return mark_said(self, unsaid(self, "slecht_geslapen", { "verkeerde_been" })) end
      if about_me then return mark_said(self, unsaid(self, "gekwetst", { "gekwetst2" })) end
      return nil
    elseif corner == "challenge" then
      -- a boundary is what Bart cannot set himself: it earns his respect
      self.state.trust = self.state.trust + 1
      if about_me and not self.state.respected then
        self.state.respected = true
        return "respect"
      end
      return nil
    elseif corner == "pitfall" then
      -- someone else pleasing: he is delighted, and counts on them (someone who merely gives
      -- way, before he has asked anything, he doesn't thank)
      self.state.counting_on = self.state.counting_on + 1
      if before and corner ~= ev.corner then return nil end
      if before then
        if self.state.counting_on == 1 then return "merci" end
        return nil
      end
      if about_me and not self.state.delighted then
        self.state.delighted = true
        return "blij"
      end
      return nil
    elseif corner == "core" then
      self.state.trust = self.state.trust + 1
      return mark_said(self, unsaid(self, "warm", { "warm2" }))   -- each line once a session (state.said)
    end
    -- an honest word about his poster: he takes it in
    if ev.choice == "eerlijk_direct" then
      return { nl = "Te klein? Hm. Ja, misschien wel.", en = "Too small? Hm. Yeah, maybe." }
    elseif ev.choice == "eerlijk-jonas-kern" then
      return { nl = "Hm. Daar zit wat in.", en = "Hm. You've got a point." }
    end
    return nil
  end,
  choose = function(self, options)
    for i, o in ipairs(options) do if o.corner == "core" then return i end end
    return 1
  end,
}
