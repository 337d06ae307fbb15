-- The education inspector: visits on day 1, returns on day 2 and gives the verdict.
-- Core quality: kritisch zijn (pitfall wantrouwen, challenge vertrouwen, allergy naïviteit).
-- She is not the enemy: she respects parents who know their facts and who trust their children,
-- and she grows cold at naivety ("nothing will happen") and at parents who only try to please her.

local zorgwekkend = { "roekeloosheid", "slordigheid", "chaos", "onverschilligheid" }
local overtuigend = { "zorgvuldigheid", "structuur", "moed", "directheid", "grenzen stellen" }
local kruiperig   = { "pleasen", "wegcijferen", "vaagheid", "angstvalligheid" }
local opdringerig = { "drammen", "hardheid", "botheid", "arrogantie" }
-- The scenes in which she is in the room. Elsewhere she still hears about everything (it ends
-- up in her file, and in her state), but she says nothing: also in "wachten", where she sits
-- behind a closed door.
local aanwezig = { "bezoek1", "bezoek1-vraag", "inspecteur-komt", "rondgang", "vraagt-kind", "vraagt-kind-ouders", "druk",
                   "slotwoord", "uitslag", "oordeel-groen", "oordeel-braaf", "oordeel-nee" }

-- The text for what the group did with her offer in scene "druk" (one of the scenario's facts
-- geschrapt, onderbouwd, proefjaar, weggelopen), or nil before that moment.
local function naar_aanbod(texts)
  for _, fact in ipairs({ "weggelopen", "geschrapt", "proefjaar", "onderbouwd" }) do
    if story.facts[fact] then return texts[fact] end
  end
  return nil
end

return character {
  id = "inspecteur",
  name = "Hanneke Vos",
  title = { nl = "Inspecteur van het onderwijs", en = "Inspector of education" },
  quadrant = "kritisch zijn",
  state = { trust = 0, stance = 0, notes = 0, pleased = 0, pushed = 0 },
  lines = {
    -- a second line per corner: a reaction is said once a session (the library's unsaid)
    naief2 = { nl = "Dat het goed afloopt, is geen plan. Wat doet u als het niet goed afloopt?", en = "That it will turn out fine is not a plan. What will you do if it doesn't?" },
    respect2 = { nl = "U laat de kinderen iets zelf doen. Dat schrijf ik op, en niet als bezwaar.", en = "You let the children do something themselves. I'm writing that down, and not as an objection." },
    wantrouwen2 = { nl = "Twijfelen is mijn vak. Van u verwacht ik iets anders.", en = "Doubting is my job. From you I expect something else." },
    goede_vraag2 = { nl = "Dat wilde ik net vragen.", en = "I was just about to ask that." },
    zorg2 = { nl = "Ook dat gaat in mijn dossier.", en = "That goes into my file as well." },
    kruiperig2 = { nl = "Ik merk dat u zegt wat ik wil horen. Juist dat maakt me voorzichtig.", en = "I notice you're telling me what I want to hear. That is exactly what makes me careful." },
    overtuigd2 = { nl = "Dat overtuigt me meer dan uw map.", en = "That convinces me more than your folder." },
    -- to pressure (drammen, hardheid, botheid, arrogantie), and to someone walking out on her offer
    opdringerig = { nl = "Aandringen overtuigt mij niet. Argumenten wel.", en = "Pushing doesn't convince me. Arguments do." },
    opdringerig2 = { nl = "Ik laat me niet onder druk zetten. Niet door de gemeente, en niet door u.", en = "I don't let myself be pressured. Not by the council, and not by you." },
    weglopen = { nl = "Loopt u maar. Ik schrijf op wie er blijft.", en = "Go ahead. I'm writing down who stays." },
    telefoon = {
      nl = "Met Hanneke Vos, inspectie van het onderwijs. Ik was toevallig in de buurt. Ik kom vanmiddag even kijken, geen zorgen, het is informeel. Informeel bestaat niet bij de inspectie, maar dat zeg ik er altijd bij.",
      en = "Hanneke Vos, education inspectorate. I happened to be in the area. I'll drop by this afternoon, don't worry, it's informal. Nothing is informal with the inspectorate, but I always say that anyway.",
    },
    eerste_vraag = {
      nl = "Goedemiddag. Eén vraag voordat ik iets anders vraag: wie is hier verantwoordelijk als er iets misgaat?",
      en = "Good afternoon. One question before I ask anything else: who is responsible here when something goes wrong?",
    },
    waarom = {
      nl = "Er staat twee kilometer verderop een prima school met plek. Waarom zou ik een handtekening zetten onder een tweede? Overtuig me. Niet met een folder.",
      en = "There is a perfectly good school two kilometres away, with places left. Why would I sign for a second one? Convince me. Not with a brochure.",
    },
    brief = {
      nl = "Zoals beloofd de eisen voor morgen: de kerndoelen afgedekt, 940 uur onderwijstijd per jaar, een plan voor toetsing en zorg, en een veilig gebouw. Hoe u dat invult, is aan u. Dat het klopt, is aan mij.",
      en = "As promised, tomorrow's requirements: the core objectives covered, 940 hours of teaching time a year, a plan for assessment and pupil care, and a safe building. How you fill that in is up to you. Whether it holds up is up to me.",
    },
    aankomst = {
      nl = "Goedemiddag. Ik heb tot vier uur. Laat me zien wat u gisteren gemaakt hebt, en laat me vooral zien waarom.",
      en = "Good afternoon. I have until four. Show me what you made yesterday, and above all show me why.",
    },
    rondgang = {
      nl = "Dus dit is het plein. Vertel eens: waar speelt het kind dat niet mee mag doen?",
      en = "So this is the schoolyard. Tell me: where does the child play who isn't allowed to join in?",
    },
    boom_ja = {
      nl = "De kastanje staat er nog. Daar moeten we het straks over hebben. Of juist niet, als u me kunt laten zien dat u erover nagedacht hebt.",
      en = "The chestnut is still there. We'll have to talk about that. Or not, if you can show me you have thought it through.",
    },
    boom_nee = {
      nl = "Er stond hier een boom, zie ik aan de stronk. Jammer. Veilig, maar jammer.",
      en = "There was a tree here, I can see the stump. A pity. Safe, but a pity.",
    },
    vraag_kind = {
      nl = "Ik lees liever geen beleidsplan meer. Vertel me over één kind. Wat heeft het hier nodig dat het twee kilometer verderop niet krijgt?",
      en = "I'd rather not read another policy plan. Tell me about one child. What do they need here that they won't get two kilometres away?",
    },
    druk = {
      nl = "Ik ben eerlijk. Ik kan vandaag groen licht geven als u twee dingen schrapt: de boom en het experiment met de toetsen. Dan voldoet u. Houdt u ze, dan moet ik beter overtuigd worden dan ik nu ben.",
      en = "I'll be honest. I can give you a green light today if you drop two things: the tree and the experiment with the tests. Then you comply. If you keep them, I need to be more convinced than I am now.",
    },
    wachten = {
      nl = "Geeft u me een kwartier. Alleen, als dat kan. In het lokaal met de kleine stoeltjes.",
      en = "Give me a quarter of an hour. Alone, if I may. In the classroom with the little chairs.",
    },
    -- Her verdict names what the group did with her offer (scene "druk"): the fact that is so.
    oordeel_groen = function(self)
      return naar_aanbod {
        geschrapt = {
          nl = "U hebt geschrapt wat ik vroeg. Eerlijk gezegd dacht ik dat er dan weinig overbleef. Maar ik zag de kinderen nog steeds terug, in alles wat u me liet zien. Groen licht. En ik kom in het voorjaar terug, want ik wil zien hoe het ze vergaat.",
          en = "You dropped what I asked. Frankly, I thought there would be little left. But I could still see the children, in everything you showed me. Green light. And I will be back in spring, because I want to see how they are getting on.",
        },
        -- At the offer she asked them to drop the tree and/or the tests only if the plan still
        -- held them; with neither, she asked to be convinced (scene "druk").
        onderbouwd = (story.vars.boom == 0 and story.vars.toetsen == 0) and {
          nl = "U moest me overtuigen dat dit een andere school wordt dan die twee kilometer verderop, en dat deed u. U vertelde me wie het risico draagt, hoe u het meet en wanneer u stopt. In dit plan zag ik de kinderen terug. Groen licht. En ik kom in het voorjaar terug, want ik wil zien hoe het ze vergaat.",
          en = "You had to convince me this would be a different school from the one two kilometres away, and you did. You told me who carries the risk, how you'll measure it and when you'll stop. In this plan I could see the children. Green light. And I will be back in spring, because I want to see how they are getting on.",
        } or {
          nl = "Ik vroeg u iets te schrappen, en u deed het niet. U vertelde me wie het risico draagt, hoe u het meet en wanneer u stopt. Ik heb veel plannen gelezen die voldeden; in dit plan zag ik de kinderen terug. Groen licht. En ik kom in het voorjaar terug, want ik wil zien hoe het ze vergaat.",
          en = "I asked you to drop something, and you didn't. You told me who carries the risk, how you'll measure it and when you'll stop. I have read many plans that complied; in this one I could see the children. Green light. And I will be back in spring, because I want to see how they are getting on.",
        },
        proefjaar = {
          nl = "U bood me een proefjaar aan, met een exitplan. Dat neem ik aan. Ik heb veel plannen gelezen die voldeden; in dit plan zag ik de kinderen terug. Groen licht, voor een jaar. In februari sta ik hier weer, zoals u zelf voorstelde.",
          en = "You offered me a trial year, with an exit plan. I accept it. I have read many plans that complied; in this one I could see the children. Green light, for one year. In February I'll be standing here again, as you proposed yourselves.",
        },
        weggelopen = {
          nl = "Er liep vanmiddag iemand het lokaal uit toen ik iets moeilijks vroeg. Dat schrijf ik op. Maar wie bleef, liet me de kinderen zien en wist welke risico's hij nam. Groen licht. In het voorjaar kom ik terug, en dan wil ik iedereen aan tafel zien.",
          en = "Someone walked out of the room this afternoon when I asked something difficult. I am writing that down. But those who stayed showed me the children and knew which risks they were taking. Green light. I will be back in spring, and then I want to see everyone at the table.",
        },
      } or {
        nl = "Ik heb veel plannen gelezen die voldeden. Dit is het eerste in lange tijd waarin ik de kinderen terugzag. U hebt risico's genomen en u weet precies welke. Groen licht. En ik kom in het voorjaar terug, want ik wil zien hoe het de kinderen vergaat.",
        en = "I have read many plans that complied. This is the first in a long time in which I could see the children. You took risks and you know exactly which ones. Green light. And I will be back in spring, because I want to see how the children are getting on.",
      }
    end,
    oordeel_braaf = function(self)
      return naar_aanbod {
        geschrapt = {
          nl = "U hebt geschrapt wat ik vroeg, en nu voldoet het. Alles wat ik vroeg, staat erin, netjes. Groen licht. Ik vraag me alleen af waarom u een school wilde oprichten die er al is, twee kilometer verderop.",
          en = "You dropped what I asked, and now it complies. Everything I asked for is in it, neatly. Green light. I only wonder why you wanted to found a school that already exists, two kilometres away.",
        },
        onderbouwd = {
          nl = "U hebt verdedigd wat u gemaakt hebt, en u wist wie het risico draagt. Het voldoet. Groen licht. Maar behalve wat u vanmiddag verdedigde, zie ik weinig wat ik twee kilometer verderop niet ook zie.",
          en = "You defended what you made, and you knew who carries the risk. It complies. Green light. But apart from what you defended this afternoon, I see little I don't also see two kilometres away.",
        },
        proefjaar = {
          nl = "Een proefjaar hebt u niet nodig: het voldoet nu al. Alles wat ik vroeg, staat erin, netjes. Groen licht. Ik vraag me alleen af wat u in dat jaar had willen proberen, want in het plan zie ik het niet.",
          en = "You don't need a trial year: it complies already. Everything I asked for is in it, neatly. Green light. I only wonder what you meant to try in that year, because I don't see it in the plan.",
        },
        weggelopen = {
          nl = "Er liep vanmiddag iemand weg, en toch ligt hier een plan dat voldoet. Groen licht. Ik vraag me alleen af wie er over een jaar nog aan tafel zit, en waarom u een school wilde die er twee kilometer verderop al is.",
          en = "Someone walked out this afternoon, and still there's a plan here that complies. Green light. I only wonder who will still be at the table a year from now, and why you wanted a school that already exists two kilometres away.",
        },
      } or {
        nl = "Het voldoet. Alles wat ik vroeg, staat erin, netjes. Groen licht. Ik vraag me alleen af waarom u een school wilde oprichten die er al is, twee kilometer verderop.",
        en = "It complies. Everything I asked for is in it, neatly. Green light. I only wonder why you wanted to found a school that already exists, two kilometres away.",
      }
    end,
    oordeel_uitstel = function(self)
      return naar_aanbod {
        geschrapt = {
          nl = "U hebt geschrapt wat ik vroeg, en toch zie ik het nog niet. Wat overblijft, is niet meer wat u wilde, en het voldoet ook nog niet. Ik geef geen nee. Ik geef een half jaar. Kom terug met het plan dat u echt wilt, en weet dan waarom.",
          en = "You dropped what I asked, and still I don't see it yet. What is left is no longer what you wanted, and it doesn't comply yet either. I am not saying no. I am giving you six months. Come back with the plan you really want, and know why.",
        },
        onderbouwd = {
          nl = "U hield vast aan uw plan, en dat respecteer ik. Wie het risico draagt, heb ik vanmiddag gehoord, maar ik lees het nog nergens. Ik geef geen nee. Ik geef een half jaar. Zet op papier wat u me net vertelde, en kom terug met hetzelfde hart.",
          en = "You stood by your plan, and I respect that. Who carries the risk I heard this afternoon, but I don't read it anywhere yet. I am not saying no. I am giving you six months. Put on paper what you just told me, and come back with the same heart.",
        },
        proefjaar = {
          nl = "U bood een proefjaar aan. Daar zeg ik nog geen ja op: een proef met kinderen begint pas als het plan af is. Ik geef geen nee. Ik geef een half jaar. Kom terug met hetzelfde hart en een plan waar dat jaar in past.",
          en = "You offered a trial year. I am not saying yes to that yet: a trial with children only starts once the plan is finished. I am not saying no. I am giving you six months. Come back with the same heart and a plan that year fits into.",
        },
        weggelopen = {
          nl = "Toen ik iets moeilijks vroeg, liep er iemand weg. Op een school gebeurt zoiets elke week, en dan moet er iemand blijven. Ik zie wat u wilt, maar nog niet hoe, en nog niet met wie. Ik geef geen nee. Ik geef een half jaar. Kom terug met hetzelfde hart, en met z'n allen.",
          en = "When I asked something difficult, someone walked out. At a school that happens every week, and then someone has to stay. I see what you want, but not yet how, nor with whom. I am not saying no. I am giving you six months. Come back with the same heart, and all of you.",
        },
      } or {
        nl = "Ik zie wat u wilt, en ik geloof het ook. Maar ik zie nog niet hoe. Ik geef geen nee. Ik geef een half jaar. Kom terug met hetzelfde hart en een beter plan.",
        en = "I see what you want, and I believe it too. But I don't yet see how. I am not saying no. I am giving you six months. Come back with the same heart and a better plan.",
      }
    end,
    oordeel_nee = function(self)
      return naar_aanbod {
        geschrapt = {
          nl = "Ik moet nee zeggen. Het ligt niet aan wat u schrapte. Het ligt aan wat ik deze twee dagen zag: ik zie niet wie hier de risico's draagt. Een school is geen experiment met andermans kinderen. Het spijt me.",
          en = "I have to say no. It isn't about what you dropped. It's about what I saw these two days: I cannot see who carries the risks here. A school is not an experiment with other people's children. I'm sorry.",
        },
        onderbouwd = {
          nl = "Ik moet nee zeggen. U hield vast aan uw plan, en dat siert u. Maar wie het risico draagt, hoorde ik alleen in woorden; in wat ik deze twee dagen zag, draagt niemand het. Een school is geen experiment met andermans kinderen. Het spijt me.",
          en = "I have to say no. You stood by your plan, and that does you credit. But who carries the risk I only heard in words; in what I saw these two days, nobody carries it. A school is not an experiment with other people's children. I'm sorry.",
        },
        proefjaar = {
          nl = "Ik moet nee zeggen, ook tegen een proefjaar. Een proef met kinderen vraagt iemand die de risico's draagt, en die zie ik hier niet. Een school is geen experiment met andermans kinderen. Het spijt me.",
          en = "I have to say no, to a trial year as well. A trial with children needs someone who carries the risks, and I don't see them here. A school is not an experiment with other people's children. I'm sorry.",
        },
        weggelopen = {
          nl = "Ik moet nee zeggen. Toen ik u iets moeilijks vroeg, liep er iemand weg en sloeg de stemming om. Niet omdat u te veel durft, maar omdat ik niet zie wie hier blijft als het spannend wordt. Een school is geen experiment met andermans kinderen. Het spijt me.",
          en = "I have to say no. When I asked you something difficult, someone walked out and the mood turned. Not because you dare too much, but because I cannot see who stays here when it gets hard. A school is not an experiment with other people's children. I'm sorry.",
        },
      } or {
        nl = "Ik moet nee zeggen. Niet omdat u te veel durft, maar omdat ik niet zie wie hier de risico's draagt. Een school is geen experiment met andermans kinderen. Het spijt me.",
        en = "I have to say no. Not because you dare too much, but because I cannot see who carries the risks here. A school is not an experiment with other people's children. I'm sorry.",
      }
    end,
    goede_vraag = { nl = "Dat is een goede vraag. Die stel ik mezelf ook.", en = "That is a good question. I ask myself the same one." },
    respect = { nl = "U vertrouwt uw kinderen. Dat zie je niet vaak in een dossier.", en = "You trust your children. You don't often see that in a file." },
    naief = { nl = "Er gebeurt niets, tot er iets gebeurt. Dan ben ik degene die het moet uitleggen.", en = "Nothing happens, until something happens. Then I am the one who has to explain it." },
    wantrouwen = { nl = "U hoeft mij niet te vertrouwen. U moet me overtuigen.", en = "You don't have to trust me. You have to convince me." },
    zorg = { nl = "Ik schrijf dat even op.", en = "Let me write that down." },
    kruiperig = { nl = "U hoeft mij niet naar de mond te praten. Ik heb liever dat u het met me oneens bent en weet waarom.", en = "You needn't tell me what I want to hear. I'd rather you disagreed with me and knew why." },
    overtuigd = { nl = "Hm. Dat had ik niet verwacht. Ga door.", en = "Hm. I didn't expect that. Go on." },
    -- her mood as she arrives on day 2, in her own words (a line is speech, not narration)
    humeur = function(self)
      if self.state.trust >= 2 then
        return { nl = "Weet u wat? Die map doe ik dicht. Laat me eerst het plein zien, dan de papieren.",
                 en = "You know what? I'll close this folder. Show me the yard first, the papers after." }
      elseif self.state.trust <= -2 then
        return { nl = "Ik ga vandaag veel opschrijven. Dat is niet persoonlijk. Het is wel nodig.",
                 en = "I shall be writing a great deal today. It isn't personal. It is necessary." }
      end
      return { nl = "Gaat uw gang. Ik luister.", en = "Go ahead. I'm listening." }
    end,
  },
  react = react_by_quadrant {
    present_in = aanwezig,
    once_per_scene = true,
    allergy = { "naief", "naief2" },                -- naïviteit
    challenge = { "respect", "respect2" },         -- vertrouwen
    pitfall = { "wantrouwen", "wantrouwen2" },     -- wantrouwen: she recognises it, and names it
    core = { "goede_vraag", "goede_vraag2" },      -- kritisch zijn
    moves = { allergy = { trust = -1 }, challenge = { trust = 1 }, core = { stance = 1 } },
    -- qualities outside her quadrant that still tell her something
    cases = {
      { quality = zorgwekkend, moves = { trust = -1, notes = 1 },
        say = function(self) if self.state.notes % 2 == 1 then return unsaid(self, "zorg", { "zorg", "zorg2" }) end end },
      { quality = kruiperig, moves = { pleased = 1 },
        say = function(self)
          local pleased = self.state.pleased
          if pleased >= 2 then adjust(self, { trust = -1 }) end
          if pleased == 2 then return "kruiperig" end
          if pleased == 5 then return unsaid(self, "kruiperig", { "kruiperig", "kruiperig2" }) end
        end },
      { scene = "druk", quality = "hardheid", moves = { pushed = 1, trust = -1 }, say = "weglopen" },
      { quality = opdringerig, moves = { pushed = 1, trust = -1 }, say = { "opdringerig", "opdringerig2" } },
      { quality = overtuigend, moves = { stance = 1 },
        say = function(self)
          if self.state.stance % 3 == 0 then
            adjust(self, { trust = 1 })
            return unsaid(self, "overtuigd", { "overtuigd", "overtuigd2" })
          end
        end },
    },
  },
  choose = choose_by_trust { trust = { challenge = 1 } },
}
