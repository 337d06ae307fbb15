-- The daredevil: started three companies, one of which still exists
-- Core quality: moed. A parent archetype: several participants may play it at once,
-- each with their own child from the deck.
-- Houding (posture): Staat altijd net iets te dicht bij de rand. Lacht als het spannend wordt.

return character {
  id = "durver",
  name = "Dounia El Amrani",
  title = { nl = "De durfal: begon drie bedrijven, waarvan er één nog bestaat", en = "The daredevil: started three companies, one of which still exists" },
  quadrant = "moed",
  state = { trust = 0, stance = 0, spoke = 0, last = "" },
  lines = {
    eens = {
      nl = "Dát bedoel ik. Als we niets durven, hadden we thuis kunnen blijven.",
      en = "THAT's what I mean. If we dare nothing, we could have stayed home.",
    },
    respect = {
      nl = "Oké. Eerst rekenen, dan springen. Ik teken ervoor.",
      en = "Okay. First the maths, then the jump. I'll sign up to that.",
    },
    valkuil = {
      nl = "Ach, wat kan er nou helemaal gebeuren?",
      en = "Oh, what could possibly happen?",
    },
    allergie = {
      nl = "Gaan we een school oprichten om precies hetzelfde te doen als de school hiernaast?",
      en = "Are we founding a school to do exactly what the school next door does?",
    },
    vak_idee = {
      nl = "Mijn voorstel: tot groep vijf geen cijfers en geen toetsweken. Een portfolio dat de kinderen zelf bijhouden, en drie keer per jaar laten zij ons zien wat ze kunnen. Ja, de inspectie gaat hierover vallen. Daarom juist.",
      en = "My proposal: no grades and no test weeks until age eight. A portfolio the children keep themselves, and three times a year they show us what they can do. Yes, the inspectorate will trip over this. That's exactly why.",
    },
    krant = {
      nl = "Een journalist? Laat maar komen. Liever een stuk over ons lef dan een stuk over niets.",
      en = "A journalist? Let them come. Better a piece about our nerve than a piece about nothing.",
    },
  },
  react = function(self, ev)
    if ev.self or ev.kind ~= "choice" then return nil end
    self.state.spoke = self.state.spoke + 1
    -- Everyone hears every choice, but this parent speaks up at most once per scene, so that a
    -- round of thirty participants does not drown in reactions.
    local quiet = (ev.scene ~= nil and ev.scene == self.state.last)
    local function say(key) if quiet then return nil end; self.state.last = ev.scene or ""; return key end
    if ev.corner == "allergy" then
      self.state.trust = self.state.trust - 1
      if self.state.spoke % 2 == 1 then return say("allergie") end
    elseif ev.corner == "challenge" then
      self.state.trust = self.state.trust + 1
      if self.state.trust == 1 or self.state.spoke % 3 == 0 then return say("respect") end
    elseif ev.corner == "core" then
      self.state.stance = self.state.stance + 1
      if self.state.spoke % 4 == 0 then return say("eens") end
    elseif ev.corner == "pitfall" then
      self.state.stance = self.state.stance + 1
      if self.state.spoke % 5 == 0 then return say("valkuil") end
    end
    return nil
  end,
  choose = function(self, options)
    -- When nobody plays this parent, the engine does, as one of the many parents in the room:
    -- mostly the core quality, but not always. Irritated, this parent slides into the pitfall;
    -- with growing trust, it sometimes tries the challenge.
    local r = math.random(4)
    local want = "core"
    if self.state.trust <= -2 or r == 1 then want = "pitfall"
    elseif r == 2 or (self.state.trust >= 2 and r == 3) then want = "challenge" end
    for i, o in ipairs(options) do if o.corner == want then return i end end
    for i, o in ipairs(options) do if o.corner == "core" then return i end end
    return math.random(#options)
  end,
}
