-- The director: in the story just one of the parents, who chairs the founding group because
-- someone had to. Native core quality (the role is played on any quadrant; see welkom): structuur (pitfall starheid, challenge creativiteit, allergy chaos).
-- In the source training the real director of the participants played this part; two other
-- participants were briefed to pick a fight with him in public, which gave everyone permission to play.

return character {
  id = "directeur",
  name = "Frank Mulder",
  title = { nl = "Voorzitter van de oprichtingsgroep, en gewoon een van de ouders",
            en = "Chair of the founding group, and just one of the parents" },
  quadrant = "structuur",
  state = { trust = 0, stance = 0, irritation = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    eens2 = { nl = "Goed. Dat is besloten. Volgende punt.", en = "Good. That's decided. Next item." },
    respect2 = { nl = "Daar had ik geen vakje voor. Misschien moet ik er een maken.", en = "I didn't have a box for that. Perhaps I should make one." },
    irritatie2 = { nl = "Wacht even. Wie notuleert dit eigenlijk?", en = "Hold on. Who's actually taking the minutes?" },
    star2 = { nl = "Dat bespreken we bij de rondvraag.", en = "We'll discuss that under any other business." },
    -- His first words: the agenda he made is his native structure; on any other quadrant it is
    -- only the job somebody had to do.
    welkom = function(self)
      if self.quadrant == "structuur" then
        return {
          nl = "Goed. We hebben twee dagen, één gebouw en één inspecteur. Ik heb een agenda gemaakt. Niemand hoeft zich eraan te houden, maar hij ligt er.",
          en = "Right. We have two days, one building and one inspector. I've made an agenda. Nobody has to stick to it, but it's there.",
        }
      end
      return {
        nl = "Goed. We hebben twee dagen, één gebouw en één inspecteur. Iemand moest de agenda maken, en dat ben ik geworden. Laten we beginnen.",
        en = "Right. We have two days, one building and one inspector. Someone had to make the agenda, and that turned out to be me. Let's begin.",
      }
    end,
    opdracht_plein = {
      nl = "Eerste opdracht: het schoolplein. Vóór vanavond ligt er een ontwerp. De inspectie heeft een lijst met eisen, en wij hebben dertig kinderen. Ik stel voor dat we met allebei beginnen.",
      en = "First assignment: the schoolyard. By tonight there's a design. The inspectorate has a list of requirements, and we have thirty children. I suggest we start with both.",
    },
    opdracht_vakken = {
      nl = "Tweede opdracht: het vakkenpakket. Wat leren onze kinderen hier, hoeveel uur, en hoe weten we dat ze het leren? Om twaalf uur moet er een rooster op de muur hangen.",
      en = "Second assignment: the curriculum. What do our children learn here, how many hours, and how do we know they're learning it? By twelve there has to be a timetable on the wall.",
    },
    ontvangst = {
      nl = "Welkom terug, mevrouw Vos. Koffie staat klaar. De ouders staan klaar. Ik ook, denk ik.",
      en = "Welcome back, Ms Vos. Coffee's ready. The parents are ready. So am I, I think.",
    },
    eens = { nl = "Precies. Zet het op het bord.", en = "Exactly. Put it on the board." },
    respect = { nl = "Dat had ik zelf niet bedacht. Doe maar.", en = "I wouldn't have thought of that. Go ahead." },
    irritatie = { nl = "Mensen. Eén ding tegelijk, anders staan we morgen nog hier.", en = "People. One thing at a time, or we'll still be here tomorrow." },
    star = { nl = "Zo staat het niet op de agenda.", en = "That's not how it is on the agenda." },
  },
  -- at most one reaction per scene: a round of thirty participants stays readable
  react = react_by_quadrant {
    once_per_scene = true,
    moves = { allergy = { trust = -1, irritation = 1 }, challenge = { trust = 1 },
              core = { stance = 1 }, pitfall = { stance = 1 } },
    allergy = { "irritatie", "irritatie2", every = 2 },     -- chaos
    challenge = { "respect", "respect2", every = 2 },     -- creativiteit
    pitfall = { "star", "star2", every = 4 },          -- starheid, he does not see it as a problem
    core = { "eens", "eens2", every = 3 },
  },
  -- Under pressure (irritated) he falls into rigidity; otherwise he chooses structure, and
  -- creativity once he trusts the group.
  choose = choose_by_trust {
    mood = function(self)
      if self.state.trust >= 2 then return "trust" end
      if self.state.irritation >= 2 then return "distrust" end
      return "usual"
    end,
    trust = { challenge = 1 }, distrust = { pitfall = 1 }, usual = { pitfall = 0.25 },
  },
}
