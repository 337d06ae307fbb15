-- The quadrant lexicon: Ofman's core quadrants, every corner named in Dutch and English.
--
-- Each entry is one quadrant: core quality (kernkwaliteit), pitfall (valkuil: too much of the
-- core quality), challenge (uitdaging: the positive opposite of the pitfall) and allergy
-- (allergie: too much of the challenge). The Dutch term is the id used in scenarios, characters
-- and cast files; the English term is accepted as well. The quadrants come in opposite pairs
-- (the core of one is the challenge of the other), so that every participant's opposite quadrant
-- is in the lexicon; the engine computes the opposite itself and does not rely on the pairing.

local function q(core, pitfall, challenge, allergy)
  return { core = core, pitfall = pitfall, challenge = challenge, allergy = allergy }
end

return {
  q({ nl = "verbinden", en = "connecting" }, { nl = "pleasen", en = "pleasing" },
    { nl = "grenzen stellen", en = "setting boundaries" }, { nl = "hardheid", en = "harshness" }),
  q({ nl = "grenzen stellen", en = "setting boundaries" }, { nl = "hardheid", en = "harshness" },
    { nl = "verbinden", en = "connecting" }, { nl = "pleasen", en = "pleasing" }),

  q({ nl = "directheid", en = "directness" }, { nl = "botheid", en = "bluntness" },
    { nl = "tact", en = "tact" }, { nl = "vaagheid", en = "vagueness" }),
  q({ nl = "tact", en = "tact" }, { nl = "vaagheid", en = "vagueness" },
    { nl = "directheid", en = "directness" }, { nl = "botheid", en = "bluntness" }),

  q({ nl = "daadkracht", en = "decisiveness" }, { nl = "drammen", en = "pushiness" },
    { nl = "geduld", en = "patience" }, { nl = "passiviteit", en = "passivity" }),
  q({ nl = "geduld", en = "patience" }, { nl = "passiviteit", en = "passivity" },
    { nl = "daadkracht", en = "decisiveness" }, { nl = "drammen", en = "pushiness" }),

  q({ nl = "zorgzaamheid", en = "caring" }, { nl = "betuttelen", en = "patronising" },
    { nl = "loslaten", en = "letting go" }, { nl = "onverschilligheid", en = "indifference" }),
  q({ nl = "loslaten", en = "letting go" }, { nl = "onverschilligheid", en = "indifference" },
    { nl = "zorgzaamheid", en = "caring" }, { nl = "betuttelen", en = "patronising" }),

  q({ nl = "zorgvuldigheid", en = "carefulness" }, { nl = "perfectionisme", en = "perfectionism" },
    { nl = "flexibiliteit", en = "flexibility" }, { nl = "slordigheid", en = "sloppiness" }),
  q({ nl = "flexibiliteit", en = "flexibility" }, { nl = "slordigheid", en = "sloppiness" },
    { nl = "zorgvuldigheid", en = "carefulness" }, { nl = "perfectionisme", en = "perfectionism" }),

  q({ nl = "creativiteit", en = "creativity" }, { nl = "chaos", en = "chaos" },
    { nl = "structuur", en = "structure" }, { nl = "starheid", en = "rigidity" }),
  q({ nl = "structuur", en = "structure" }, { nl = "starheid", en = "rigidity" },
    { nl = "creativiteit", en = "creativity" }, { nl = "chaos", en = "chaos" }),

  q({ nl = "bescheidenheid", en = "modesty" }, { nl = "wegcijferen", en = "self-effacement" },
    { nl = "zelfvertrouwen", en = "self-confidence" }, { nl = "arrogantie", en = "arrogance" }),
  q({ nl = "zelfvertrouwen", en = "self-confidence" }, { nl = "arrogantie", en = "arrogance" },
    { nl = "bescheidenheid", en = "modesty" }, { nl = "wegcijferen", en = "self-effacement" }),

  q({ nl = "moed", en = "courage" }, { nl = "roekeloosheid", en = "recklessness" },
    { nl = "voorzichtigheid", en = "caution" }, { nl = "angstvalligheid", en = "timidity" }),
  q({ nl = "voorzichtigheid", en = "caution" }, { nl = "angstvalligheid", en = "timidity" },
    { nl = "moed", en = "courage" }, { nl = "roekeloosheid", en = "recklessness" }),

  q({ nl = "vertrouwen", en = "trust" }, { nl = "naïviteit", en = "naivety" },
    { nl = "kritisch zijn", en = "being critical" }, { nl = "wantrouwen", en = "distrust" }),
  q({ nl = "kritisch zijn", en = "being critical" }, { nl = "wantrouwen", en = "distrust" },
    { nl = "vertrouwen", en = "trust" }, { nl = "naïviteit", en = "naivety" }),
}
