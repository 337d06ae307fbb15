-- Guido Verhoeven, founder, CEO and sole shareholder of MoveOn (role "ceo", played by the engine).
-- Quadrant: daadkracht (core) -> drammen (pitfall) -> geduld (challenge) -> passiviteit (allergy).
-- Present after Friday only through the letter, the call and the surprise visit (event "bezoek").
-- A team that waits him out earns his respect; a team that goes passive irritates him.
return character {
  id = "guido",
  name = "Guido Verhoeven",
  title = { nl = "Oprichter en CEO, enige aandeelhouder", en = "Founder and CEO, sole shareholder" },
  quadrant = "daadkracht",
  state = { trust = 0, stance = 0, irritated = 0, zitten = 0 },
  lines = {
    toost = { nl = "Op MoveOn. Dertig jaar geleden had ik één bus, een winkeltje in de Wolfstraat en een schuld bij de bank die ik niet aan mijn vrouw durfde te vertellen. Kijk nu eens. Op jullie. Santé.",
              en = "To MoveOn. Thirty years ago I had one coach, a little shop on the Wolfstraat and a bank loan I didn't dare tell my wife about. And look at us now. To you. Santé." },
    aankondiging = { nl = "Ik ga het kort houden, daar ben ik goed in. Ik stop. Vanaf maandag ben ik geen CEO meer van MoveOn. Niet over een jaar. Maandag. En vraag me niet waarom. Niet vanavond.",
                     en = "I'll keep it short, I'm good at that. I'm stopping. From Monday I'm no longer CEO of MoveOn. Not in a year. Monday. And don't ask me why. Not tonight." },
    deadline = { nl = "Mijn aandelen, alle honderd procent, verkoop ik het liefst aan jullie. Als jullie dat willen. Horizon wil ze ook, voor 4,6 miljoen. Jullie mogen ze hebben voor 4,2. Beslis dit weekend of en hoe. Zondag om vier uur bel ik. Geen antwoord is ook een antwoord. Dan wordt het Horizon.",
                 en = "My shares, all hundred percent of them, I'd rather sell to you. If you want them. Horizon wants them too, for 4.6 million. You can have them for 4.2. Decide this weekend whether and how. I'll call on Sunday at four. No answer is an answer too. Then it's Horizon." },
    afscheid = { nl = "Die envelop: zondagochtend. Niet eerder. En meisje… niemand krijgt het cadeau. Ook jij niet. Vooral jij niet.",
                 en = "That envelope: Sunday morning. Not before. And love… nobody gets it as a gift. Not you either. You least of all." },
    telefoon_hallo = { nl = "Hallo? Hoor je me? Ja. Ik zit in een hotel, maakt niet uit welk. Hoe is het daar? Nee, zeg maar niks. Ik hoor het al aan de stilte.",
                       en = "Hello? Can you hear me? Yes. I'm in a hotel, doesn't matter which. How's it going there? No, don't tell me. I can hear it in the silence." },
    telefoon_prijs = { nl = "Luister. Ik heb nagedacht. 4,2 blijft de prijs, tenzij jullie me iets beters vertellen. Koen heeft de cijfers. Dus. Wat zeggen jullie?",
                       en = "Listen. I've been thinking. 4.2 stays the price, unless you tell me something better. Koen has the numbers. So. What do you say?" },
    waarom = { nl = "Omdat mijn hart in mei is blijven stilstaan. In een restaurant in Lissabon, tussen de sardines en het dessert. Twaalf seconden, zei de cardioloog. Wim heeft me thuisgebracht. Ik wilde niet dat jullie naar me zouden kijken zoals jullie nu kijken. Ik zie het zelfs door de telefoon. Dáárom.",
               en = "Because in May my heart stopped. In a restaurant in Lisbon, between the sardines and dessert. Twelve seconds, the cardiologist said. Wim brought me home. I didn't want you looking at me the way you're looking at me now. I can see it even down the phone. That's why." },
    bod_ja = { nl = "3,6. Met een staart uit de winst. Hm. Dertig jaar geleden had ik precies zo'n bod gedaan. Ik denk erover na. Dat is meer dan ik tegen Horizon zeg.",
               en = "3.6. With a tail out of profits. Hm. Thirty years ago I'd have made exactly that offer. I'll think about it. That's more than I say to Horizon." },
    bod_makkelijk = { nl = "Je vindt mijn prijs goed? Zomaar? Zonder te onderhandelen? … Dan heb ik jullie dertig jaar slecht opgevoed.",
                      en = "You're happy with my price? Just like that? Without negotiating? … Then I've brought you up badly for thirty years." },
    -- his answer to each thing the team can say on the phone without naming a price
    -- (scene "onderhandeling-na", by vars.antwoord)
    bod_geen = function(self)   -- "you'll get an answer tomorrow at four"
      if self.state.trust >= 1 then
        return { nl = "Goed. Dat respecteer ik. Zondag vier uur. Ik wacht. Dat is nieuw voor mij, wachten.",
                 en = "Good. I respect that. Sunday at four. I'll wait. That's new for me, waiting." }
      end
      return { nl = "Morgen om vier. Goed. Jullie nemen je tijd; ik hoop dat jullie hem ook gebruiken. Daarna praat ik met Horizon.",
               en = "Tomorrow at four. Fine. You're taking your time; I hope you use it. After that I talk to Horizon." }
    end,
    bod_stukken = { nl = "Pensioenen, borgsommen, Vandael. Koen kan jullie alles geven wat jullie nodig hebben. Maar zondag om vier wil ik een prijs horen, geen lijstje.",
                    en = "Pensions, deposits, Vandael. Koen can give you everything you need. But on Sunday at four I want to hear a price, not a list." },
    bod_vrijdag = { nl = "Vrijdag? Nee. Ik heb geen week meer om op jullie te wachten, en Horizon ook niet. Zondag vier uur. Als het dan nee is, is het nee. Dat mag ook.",
                    en = "Friday? No. I haven't got a week to wait for you, and nor has Horizon. Sunday at four. If it's no then, it's no. That's allowed too." },
    bod_stil = { nl = "Dank je, Koen. En de rest? … Zo. Vijf managers, en ik hoor er één. Zondag om vier wil ik er vijf horen.",
                 en = "Thank you, Koen. And the rest of you? … Right. Five managers, and I hear one. On Sunday at four I want to hear five." },
    bod_waarom = { nl = "Zo. Nu weten jullie het. Beslis niet uit medelijden; daar heb ik niks aan. Zondag vier uur.",
                   en = "There. Now you know. Don't decide out of pity; that's no use to me. Sunday at four." },
    wim_bellen = { nl = "Wim. Ik ben het. Ik heb niet geslapen. Hoe staan ze erbij? En… hoe staat zij erbij?",
                   en = "Wim. It's me. I haven't slept. How are they doing? And… how is she doing?" },
    -- the letter he wrote on Friday afternoon; after his visit (fact guido_geweest) the team heard
    -- about his heart from him in the kitchen, and the lines about Lisbon are skipped (the scene
    -- "brief-voorgelezen" says so)
    brief = function(self)
      if story.facts.guido_geweest then
        return { nl = "‘Lieve Isabel, lieve allemaal,\n\nIk ben geen man van lange brieven, dus deze is kort. […] Koen heeft voor me gerekend en ik heb hem laten beloven te zwijgen. Dat was fout. Dertig jaar heb ik alles zelf beslist. Dat was mijn kracht. Het is ook de reden dat jullie nu in een villa zitten en niet weten wat jullie willen.\n\nDaarom dit. Als jullie het samen doen, alle vijf, dan is de prijs 3,9 miljoen en leen ik jullie zelf 800.000 euro, tegen twee procent. Als één van jullie het wil en de anderen staan erachter, is dat ook goed. Als jullie samen nee zeggen, respecteer ik dat. Het enige wat ik niet wil, is dat jullie om vier uur niets zeggen.\n\nGuido\n\nPS Isabel, je krijgt het niet cadeau. Niet omdat je het niet verdient. Omdat je het anders nooit van jezelf zult geloven.’",
                 en = "‘Dear Isabel, dear all,\n\nI'm not one for long letters, so this one is short. […] Koen did the sums for me and I made him promise to keep quiet. That was wrong. For thirty years I decided everything myself. That was my strength. It's also why you're sitting in a villa now, not knowing what you want.\n\nSo, this. If you do it together, all five of you, the price is 3.9 million and I'll lend you 800,000 euros myself, at two percent. If one of you wants it and the others stand behind them, that's fine too. If you say no together, I'll respect that. The only thing I don't want is for you to say nothing at four o'clock.\n\nGuido\n\nPS Isabel, you don't get it as a gift. Not because you don't deserve it. Because otherwise you'll never believe it of yourself.’" }
      end
      return { nl = "‘Lieve Isabel, lieve allemaal,\n\nIk ben geen man van lange brieven, dus deze is kort. In mei is mijn hart blijven stilstaan, in een restaurant in Lissabon. Twaalf seconden. Wim heeft me thuisgebracht en ik heb hem laten beloven te zwijgen. Koen heeft voor me gerekend en ik heb hem laten beloven te zwijgen. Dat was fout. Dertig jaar heb ik alles zelf beslist. Dat was mijn kracht. Het is ook de reden dat jullie nu in een villa zitten en niet weten wat jullie willen.\n\nDaarom dit. Als jullie het samen doen, alle vijf, dan is de prijs 3,9 miljoen en leen ik jullie zelf 800.000 euro, tegen twee procent. Als één van jullie het wil en de anderen staan erachter, is dat ook goed. Als jullie samen nee zeggen, respecteer ik dat. Het enige wat ik niet wil, is dat jullie om vier uur niets zeggen.\n\nGuido\n\nPS Isabel, je krijgt het niet cadeau. Niet omdat je het niet verdient. Omdat je het anders nooit van jezelf zult geloven.’",
               en = "‘Dear Isabel, dear all,\n\nI'm not one for long letters, so this one is short. In May my heart stopped, in a restaurant in Lisbon. Twelve seconds. Wim brought me home and I made him promise to keep quiet. Koen did the sums for me and I made him promise to keep quiet. That was wrong. For thirty years I decided everything myself. That was my strength. It's also why you're sitting in a villa now, not knowing what you want.\n\nSo, this. If you do it together, all five of you, the price is 3.9 million and I'll lend you 800,000 euros myself, at two percent. If one of you wants it and the others stand behind them, that's fine too. If you say no together, I'll respect that. The only thing I don't want is for you to say nothing at four o'clock.\n\nGuido\n\nPS Isabel, you don't get it as a gift. Not because you don't deserve it. Because otherwise you'll never believe it of yourself.’" }
    end,
    geen_uitstel = { nl = "Een week? Ik heb dertig jaar gewacht met stoppen, en jullie weten nu waarom dat te lang was. Nee. Vier uur. Jullie weten meer dan jullie denken.",
                     en = "A week? I waited thirty years to stop, and now you know why that was too long. No. Four o'clock. You know more than you think." },
    weigert = { nl = "Nee. Dat laat ik niet toe. Dat is precies wat ik dertig jaar verkeerd heb gedaan: voor jullie kiezen. Jullie hebben tot vier uur. Gebruik die tijd.",
                en = "No. I won't allow that. That's exactly what I did wrong for thirty years: choosing for you. You have until four. Use the time." },
    -- his answer in the hall to what Isabel said or did there (scene "bezoek", var hal)
    hal = function(self)
      local h = story.vars.hal
      if h == 1 then
        return { nl = "Omdat ik bang was, meisje. Dat is het hele antwoord. De rest zeg ik binnen, tegen jullie allemaal.",
                 en = "Because I was afraid, love. That's the whole answer. The rest I'll say inside, to all of you." }
      elseif h == 2 then
        return { nl = "Nee. Ik kom niet controleren. Ik kom zeggen wat ik vrijdag had moeten zeggen.",
                 en = "No. I haven't come to check up on you. I've come to say what I should have said on Friday." }
      elseif h == 3 then
        return { nl = "Koffie, graag. Dank je, meisje.", en = "Coffee, please. Thank you, love." }
      elseif h == 4 then
        return { nl = "Alles goed, zeg je. Kijk me eens aan, meisje.", en = "Everything's fine, you say. Look at me, love." }
      elseif h == 5 or h == 7 then
        return { nl = "Ik hoor je, meisje. Binnen zeg ik het, tegen jullie allemaal. Dat ben ik je schuldig.",
                 en = "I hear you, love. I'll say it inside, to all of you. I owe you that." }
      end
      return { nl = "Ik weet het, meisje. Ik kom niet om het goed te praten.",
               en = "I know, love. I haven't come to smooth it over." }
    end,
    bezoek = function(self)
      if story.vars.hart == 0 then   -- nobody has told the team yet: he says it himself
        if self.state.trust >= 1 then
          return { nl = "Ik kon niet in dat hotel blijven zitten. Jullie moeten iets weten, en jullie moeten het van mij horen. In mei is mijn hart blijven stilstaan, in Lissabon. Twaalf seconden. Wim heeft me thuisgebracht en ik heb hem laten beloven te zwijgen. Dat was geen daadkracht. Dat was vluchten. Wat jullie ook beslissen: beslis het samen. Dat heb ik nooit gekund.",
                   en = "I couldn't stay sitting in that hotel. There's something you need to know, and you need to hear it from me. In May my heart stopped, in Lisbon. Twelve seconds. Wim brought me home and I made him promise to keep quiet. That wasn't decisiveness. That was running away. Whatever you decide: decide it together. I never could." }
        end
        return { nl = "Ik kon niet in dat hotel blijven zitten. Jullie moeten iets weten, en jullie moeten het van mij horen. In mei is mijn hart blijven stilstaan, in Lissabon. Twaalf seconden. Ik ga niet voor jullie beslissen. Niet meer.",
                 en = "I couldn't stay sitting in that hotel. There's something you need to know, and you need to hear it from me. In May my heart stopped, in Lisbon. Twelve seconds. I won't decide for you. Not any more." }
      end
      if self.state.trust >= 1 then
        if story.facts.wim_verteld then   -- Wim broke his promise and told: he did not keep quiet
          return { nl = "Ik kon niet in dat hotel blijven zitten. Ik heb gehoord hoe jullie dit weekend met elkaar omgaan, en ik wilde het zien. Ik had het jullie zelf moeten zeggen. Nu heeft Wim zijn belofte aan mij moeten breken, en hij had gelijk. Dat was geen daadkracht van mij. Dat was vluchten. Wat jullie ook beslissen: beslis het samen. Dat heb ik nooit gekund.",
                   en = "I couldn't stay sitting in that hotel. I'd heard how you've been with each other this weekend, and I wanted to see it. I should have told you myself. Now Wim has had to break his promise to me, and he was right to. That wasn't decisiveness on my part. That was running away. Whatever you decide: decide it together. I never could." }
        end
        return { nl = "Ik kon niet in dat hotel blijven zitten. Ik heb gehoord hoe jullie dit weekend met elkaar omgaan, en ik wilde het zien. Ik had het jullie zelf moeten zeggen, in plaats van Wim te laten zwijgen en Koen te laten rekenen. Dat was geen daadkracht. Dat was vluchten. Wat jullie ook beslissen: beslis het samen. Dat heb ik nooit gekund.",
                 en = "I couldn't stay sitting in that hotel. I'd heard how you've been with each other this weekend, and I wanted to see it. I should have told you myself, instead of making Wim keep quiet and Koen do the sums. That wasn't decisiveness. That was running away. Whatever you decide: decide it together. I never could." }
      end
      return { nl = "Ik kon niet in dat hotel blijven zitten. Mijn hart, ja. In mei. Twaalf seconden. Ik had het jullie zelf moeten zeggen. Maar ik zie hier vijf mensen die op mij wachten, en dat is precies wat ik niet wilde. Ik ga niet voor jullie beslissen. Niet meer.",
               en = "I couldn't stay sitting in that hotel. My heart, yes. In May. Twelve seconds. I should have told you myself. But I see five people here waiting for me, and that's exactly what I didn't want. I won't decide for you. Not any more." }
    end,
    einde_samen = { nl = "Vijf eigenaars. Dat heb ik in dertig jaar nooit gedurfd: het met anderen doen. Doe het beter dan ik.",
                    en = "Five owners. In thirty years I never dared that: doing it with others. Do it better than I did." },
    einde_isabel = { nl = "Ik heb je nooit gevraagd of je het wilde, meisje. Ik nam aan van wel, en toen van niet. Goed dat je het zelf gezegd hebt. Tegen hén, niet tegen mij.",
                     en = "I never asked you if you wanted it, love. I assumed you did, and then that you didn't. Good that you said it yourself. To them, not to me." },
    einde_investeerder = { nl = "Een partner. Ik zou het nooit gedaan hebben. Daarom doen jullie het waarschijnlijk goed.",
                           en = "A partner. I'd never have done it. Which is probably why you'll do it well." },
    einde_verkocht = { nl = "Nee. Samen. Weten jullie dat dat het moeilijkste antwoord was dat jullie konden geven? Ik ben er trotser op dan ik wil toegeven.",
                       en = "No. Together. Do you know that was the hardest answer you could have given? I'm prouder of it than I care to admit." },
    einde_uiteen = { nl = "Niemand? … Goed. Dan bel ik Horizon. Het spijt me. Niet dat ik verkoop. Dat ik jullie nooit heb geleerd om zonder mij te beslissen.",
                     en = "Nobody? … Right. Then I'll call Horizon. I'm sorry. Not that I'm selling. That I never taught you to decide without me." },
    -- reactions
    -- reactions, only where he hears them: on the phone (the negotiation) or in the room
    allergie_telefoon = { nl = "Hallo? Zijn jullie er nog? Ik hoor alleen stoelen schuiven.", en = "Hello? Are you still there? All I can hear is chairs scraping." },
    respect_telefoon = { nl = "Hm. … Ga door.", en = "Hm. … Go on." },
    allergie = { nl = "Zeg dan iets. Daar zitten jullie toch voor.", en = "Say something, then. That's what you're here for." },
    respect = { nl = "Hm. Goed zo.", en = "Hm. Good." },
  },
  react = react_by_quadrant {
    moves = KINSHIP_MOVES,
    -- he sees it only when he is on the line or in the house
    present_in = { "onderhandeling", "bezoek", "vertrek" },
    allergy = function(self, ev) return ev.scene == "onderhandeling" and "allergie_telefoon" or "allergie" end,
    challenge = function(self, ev) return ev.scene == "onderhandeling" and "respect_telefoon" or "respect" end,
    cases = {
      -- Friday at the table: whether Isabel told him to sit down (state.zitten, read by the scene
      -- "oprit": 1 she asked and he stays standing, 2 she waited until he sat). The corner choices
      -- ask it in the words of some terms only (their variants in moveon.xml).
      function(self, ev)
        if ev.scene == "vertrek" then
          local corner = is_one_of(ev.choice, { "vertrek-isabel-kern", "vertrek-isabel-uitdaging" })
          if ev.choice == "vertrek-direct" or (corner and ev.quality == "grenzen stellen") then
            self.state.zitten = 1
          elseif corner and ev.quality == "geduld" then
            self.state.zitten = 2
          else
            self.state.zitten = 0
          end
        end
        return nil
      end,
      { choice = { "bron-wim-daad", "bezoek-direct", "ond-waarom" }, moves = { trust = 1 }, go_on = true },
      { choice = { "ond-pleasen", "bron-wim-dram" }, moves = { trust = -1 }, go_on = true },
    },
  },
  choose = choose_core,
}
