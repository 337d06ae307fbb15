-- Tim Maes, baker (role "collega", played by verbeeld).
-- Quadrant: tact -> vaagheid -> directheid -> botheid. Honesty he respects, bluntness hurts.
-- The scenario reads his trust: chars.collega.trust (scene "besluit").
return character {
  id = "tim",
  name = "Tim Maes",
  title = { nl = "Bakker, werkt er al twaalf jaar", en = "Baker, twelve years in the job" },
  quadrant = "tact",
  state = { trust = 0 },
  lines = {
    vraag = { nl = "Noor, mag ik zaterdag weer ruilen? Het is echt de laatste keer.",
              en = "Noor, can I swap Saturday again? It really is the last time." },
    au = { nl = "Oké. Zo voelt dat dus.", en = "Right. So that's how it feels." },
    respect = { nl = "Eerlijk. Dat had ik nodig.", en = "Fair. I needed to hear that." },
    humeur = function(self)
      if self.state.trust < 0 then return { nl = "Laat maar.", en = "Forget it." } end
      return { nl = "Ik leg het je uit.", en = "Let me explain." }
    end,
  },
  react = function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    if ev.corner == "allergy" then          -- bluntness hurts someone tactful
      self.state.trust = self.state.trust - 1
      return "au"
    elseif ev.corner == "challenge" then    -- honesty is what Tim finds hard: he respects it
      self.state.trust = self.state.trust + 1
      return "respect"
    end
    return nil
  end,
  choose = function(self, options)
    -- open when he trusts Noor, vague when he does not
    local want = self.state.trust > 0 and "challenge" or self.state.trust < 0 and "pitfall" or "core"
    for i, o in ipairs(options) do if o.corner == want then return i end end
    return 1
  end,
}
