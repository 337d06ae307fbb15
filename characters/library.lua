-- The character library: behaviour most characters share, loaded into every character's sandbox
-- before its own script, so that a script only has to say what makes the character itself: its
-- voice, its lines and the reactions that are its own.
--
--   react = react_by_quadrant {
--     allergy = { "geergerd", "zucht" },            -- the first time, then ever after
--     challenge = "respect",
--     core = { "eens", chance = 0.4 },
--     cases = { { scene = "roddel", choice_part = "stop", moves = { trust = 1 }, say = "dank" } },
--   },
--   choose = choose_by_trust { distrust = { pitfall = 0.5 }, trust = { challenge = 0.3 } },
--
-- Everything a helper keeps lives in self.state (plain data), so that save, undo and explore
-- see it; the helpers themselves keep nothing of their own.

-- ---------------------------------------------------------------- bookkeeping

-- How a character's state moves with the corner a choice falls on, for that character:
-- corner -> { field = change }. QUADRANT_MOVES is the default: what hits its allergy costs
-- trust, what shows its challenge earns trust, its own core and pitfall strengthen its stance.
QUADRANT_MOVES = {
  allergy = { trust = -1 }, challenge = { trust = 1 }, core = { stance = 1 }, pitfall = { stance = 1 },
}

-- A character that warms to its own kind: its core earns half a point of trust, its pitfall
-- moves nothing, and every hit on its allergy is also counted in state.irritated.
KINSHIP_MOVES = {
  allergy = { trust = -1, irritated = 1 }, challenge = { trust = 1 }, core = { trust = 0.5 },
}

-- Adds each change to the character's state (a missing field counts as 0):
-- adjust(self, { trust = 2, stops = 1 }).
function adjust(self, changes)
  if not changes then return end
  local s = self.state
  for field, change in pairs(changes) do s[field] = (s[field] or 0) + change end
end

-- The corner bookkeeping of a react hook: moves the state as `moves` says for `corner`
-- (QUADRANT_MOVES by default) and counts how often the character heard that corner, in
-- state.heard[corner]. Returns that count (0 for a choice on none of its corners).
function note_corner(self, corner, moves)
  if not corner then return 0 end
  adjust(self, (moves or QUADRANT_MOVES)[corner])
  local s = self.state
  s.heard = s.heard or {}
  s.heard[corner] = (s.heard[corner] or 0) + 1
  return s.heard[corner]
end

-- For a playable character's own choices (ev.self): a choice whose id ends in "-ja" (yes)
-- strengthens its stance, one ending in "-nee" (no) weakens it.
function stance_by_own_answers(self, ev)
  if not ev.choice then return end
  if ev.choice:find("%-ja$") then adjust(self, { stance = 1 })
  elseif ev.choice:find("%-nee$") then adjust(self, { stance = -1 }) end
end

-- ---------------------------------------------------------------- speaking

-- Says `key` at most once per scene: the first line in ev.scene passes, later ones are kept
-- back (nil), so that a large group does not drown in reactions. The scene is remembered in
-- state.spoke_in.
function once_per_scene(self, ev, key)
  if key == nil or key == false then return nil end
  local s = self.state
  if ev.scene ~= nil and s.spoke_in == ev.scene then return nil end
  s.spoke_in = ev.scene
  return key
end

-- The line a reaction says, from `spec` and how often its corner came up (`count`, from 1):
--   "key"                        always this line
--   { "first", "later" }         the first time "first", then the next, the last one repeating
--   { "a", "b", cycle = true }   a, b, a, b, ...
--   { "key", every = 3 }         the first time and every third time after (1st, 4th, 7th ...)
--   { "key", chance = 0.4 }      with this chance (math.random: seeded by the session)
--   function(self, ev)           whatever it returns; it runs each time, also when the line is
--                                then kept back (once per scene, not present)
--   { nl = "...", en = "..." }   this text
function pick_line(self, ev, spec, count)
  local kind = type(spec)
  if kind == "function" then return spec(self, ev) end
  if kind ~= "table" then return spec end
  local n = #spec
  if n == 0 then return spec end
  count = count or 1
  if spec.every and (count - 1) % spec.every ~= 0 then return nil end
  if spec.chance and math.random() >= spec.chance then return nil end
  if spec.cycle then return spec[(count - 1) % n + 1] end
  return spec[math.min(count, n)]
end

-- A reaction does not say the same line twice in a session: the keys of the lines a character
-- said are kept in state.said. unsaid returns `line` when it was not said yet; otherwise the
-- first key of the list `spec` (a line spec, see pick_line) not said yet; otherwise nil (the
-- character keeps quiet). A text table ({ nl = ..., en = ... }) is not a key and always passes.
function unsaid(self, line, spec)
  if type(line) ~= "string" then return line end
  local said = self.state.said
  if not (said and said[line]) then return line end
  if type(spec) == "table" then
    for _, key in ipairs(spec) do
      if type(key) == "string" and not said[key] then return key end
    end
  end
  return nil
end

-- Keeps the line key in state.said (see unsaid) and returns it.
function mark_said(self, line)
  if type(line) == "string" then
    self.state.said = self.state.said or {}
    self.state.said[line] = true
  end
  return line
end

-- ---------------------------------------------------------------- react

-- Whether `value` is `want`: one value, a list of values, or a set { [value] = true }.
-- No `want` matches anything.
function is_one_of(value, want)
  if want == nil then return true end
  if value == nil then return false end
  if type(want) ~= "table" then return value == want end
  if want[value] == true then return true end
  for _, w in ipairs(want) do if value == w then return true end end
  return false
end

-- Whether the text `value` contains `part` (or one of a list of parts), literally.
function contains_one_of(value, part)
  if part == nil then return true end
  if value == nil then return false end
  if type(part) ~= "table" then part = { part } end
  for _, p in ipairs(part) do if value:find(p, 1, true) then return true end end
  return false
end

-- Whether a special case of react_by_quadrant applies to the choice ev (see there).
function case_applies(self, ev, case)
  return is_one_of(ev.scene, case.scene) and is_one_of(ev.choice, case.choice)
    and contains_one_of(ev.choice, case.choice_part) and is_one_of(ev.quality, case.quality)
    and (case.quality_not == nil or not is_one_of(ev.quality, case.quality_not))
    and (case.when == nil or case.when(self, ev) and true or false)
end

-- A react hook that follows the character's quadrant. `spec`:
--   allergy, challenge, core, pitfall   the line for each corner (see pick_line; count = how
--                        often the character heard that corner)
--   moves                how the state moves per corner (QUADRANT_MOVES by default; see
--                        note_corner)
--   once_per_scene       true: it speaks at most once per scene
--                        (every line, whatever its spec, is said at most once per session:
--                        a key said before gives way to another of its list, see unsaid)
--   present_in           scenes (list or set) in which it is in the room; elsewhere it keeps
--                        its bookkeeping but says nothing
--   events               event id -> line, said when that incident starts
--   own                  function(self, ev) for the character's own choices (for instance
--                        stance_by_own_answers); otherwise it does not react to itself
--   cases                special cases, tried in order before the corners. A table case
--                        applies when all it names hold: scene, choice (ids), choice_part (a
--                        part of the id), quality, quality_not (list, set or one value each),
--                        when (function(self, ev)). It then adjusts the state by its `moves`
--                        and says its `say` (see pick_line) instead of the corner's reaction;
--                        with go_on = true it only moves the state and the corner reaction
--                        follows. A function case(self, ev) returns a line (said), false
--                        (silence) or nil (not its case: go on).
--   second               a second ear, or a list of them: { quadrant = CORE, present_in = scenes,
--                        core = line, pitfall = ..., challenge = ..., allergy = ... }. A participant's choice
--                        whose quality lies on that quadrant's pair (not on the character's
--                        own), made in one of those scenes, gets the line for its corner on
--                        CORE. For a story whose characters leave a pair of quadrants
--                        unheard: a participant cast on it would otherwise hear nobody react.
-- The old form, react_by_quadrant { allergy = "geergerd", once_per_scene = true }, is the
-- same thing with one line per corner.
function react_by_quadrant(spec)
  -- `from` is the line spec the line came from: its other keys stand in for a line said before
  local function speak(self, ev, line, from)
    if line == nil or line == false then return nil end
    if spec.present_in and not is_one_of(ev.scene, spec.present_in) then return nil end
    line = unsaid(self, line, from)
    if line == nil then return nil end
    if spec.once_per_scene then line = once_per_scene(self, ev, line) end
    return mark_said(self, line)
  end
  return function(self, ev)
    if ev.self then
      if spec.own and ev.kind == "choice" then spec.own(self, ev) end
      return nil
    end
    if ev.kind == "event" then
      return spec.events and speak(self, ev, pick_line(self, ev, spec.events[ev.event]), spec.events[ev.event]) or nil
    end
    if ev.kind ~= "choice" then return nil end
    local s = self.state
    s.trust = s.trust or 0
    s.stance = s.stance or 0
    for _, case in ipairs(spec.cases or {}) do
      if type(case) == "function" then
        local line = case(self, ev)
        if line ~= nil then return speak(self, ev, line) end
      elseif case_applies(self, ev, case) then
        adjust(self, case.moves)
        if not case.go_on then return speak(self, ev, pick_line(self, ev, case.say), case.say) end
      end
    end
    local count = note_corner(self, ev.corner, spec.moves)
    if not ev.corner then
      local line, from = hear_second(self, ev, spec.second)
      return speak(self, ev, line, from)
    end
    return speak(self, ev, pick_line(self, ev, spec[ev.corner], count), spec[ev.corner])
  end
end

-- The line of a second ear (see react_by_quadrant's `second`: one ear or a list) for a
-- participant's choice, and the spec it came from; nil when the choice is for none of them.
-- Counts in state.heard_second, by quadrant and corner.
function hear_second(self, ev, second)
  if not second or not ev.name or not ev.quality then return nil end
  if not second.quadrant then
    for _, ear in ipairs(second) do
      local line, from = hear_second(self, ev, ear)
      if from then return line, from end
    end
    return nil
  end
  if not is_one_of(ev.scene, second.present_in) then return nil end
  local corner = lexicon.corner(ev.quality, second.quadrant)
  if not corner or not second[corner] then return nil end
  local s, key = self.state, second.quadrant .. ":" .. corner
  s.heard_second = s.heard_second or {}
  s.heard_second[key] = (s.heard_second[key] or 0) + 1
  return pick_line(self, ev, second[corner], s.heard_second[key]), second[corner]
end

-- A react hook for one of many voices in a large group (the school's parents): the default
-- bookkeeping, at most one line per scene, and only now and then: its allergy line the first
-- time and every second time after, its challenge every third, its core every fourth, its
-- pitfall every fifth. `keys` gives the line for each corner: a key, or a list of keys said
-- in turn ({ "allergie", "allergie2" }), each once (see unsaid).
function react_in_crowd(keys)
  local function every(k, n)
    if k == nil then return nil end
    local spec = { every = n }
    if type(k) == "table" then
      for i, key in ipairs(k) do spec[i] = key end
    else
      spec[1] = k
    end
    return spec
  end
  return react_by_quadrant {
    once_per_scene = true,
    allergy = every(keys.allergy, 2),
    challenge = every(keys.challenge, 3),
    core = every(keys.core, 4),
    pitfall = every(keys.pitfall, 5),
  }
end

-- ---------------------------------------------------------------- choose

-- The index of the first option on the first of `corners` that is among the options, or nil.
function option_on(options, corners)
  for _, c in ipairs(corners) do
    for i, o in ipairs(options) do if o.corner == c then return i end end
  end
  return nil
end

local OTHER_CORNERS = { "pitfall", "challenge", "allergy" }

-- A choose hook for a character no participant plays: mostly its core quality, with the
-- chance to leave it depending on its mood. `moods` maps a mood to those chances:
--   distrust   when trust <= -2     e.g. { pitfall = 0.5 }
--   trust      when trust >= 2      e.g. { challenge = 0.3 }
--   usual      otherwise, and for a mood not given
--   mood       optional function(self) naming the mood itself ("distrust", "trust", "usual")
--   otherwise  when neither the wanted corner nor the core is an option: "first" (default)
--              the first option, "random" any option, "any corner" the other corners (core,
--              challenge, pitfall, allergy) and then the first option
-- One draw of math.random() picks the corner: pitfall, challenge, allergy, each with its
-- chance, in that order; what is left over is the core.
function choose_by_trust(moods)
  moods = moods or {}
  return function(self, options)
    local name = moods.mood and moods.mood(self)
    if not name then
      local t = self.state.trust or 0
      name = (t <= -2 and "distrust") or (t >= 2 and "trust") or "usual"
    end
    local chances = moods[name] or moods.usual or {}
    local want, r, sum = "core", math.random(), 0
    for _, c in ipairs(OTHER_CORNERS) do
      sum = sum + (chances[c] or 0)
      if r < sum then want = c; break end
    end
    local i = option_on(options, { want, "core" })
    if i then return i end
    if moods.otherwise == "random" then return math.random(#options) end
    if moods.otherwise == "any corner" then
      return option_on(options, { "challenge", "pitfall", "allergy" }) or 1
    end
    return 1
  end
end

-- Its core quality, failing that the first option.
choose_core = choose_by_trust {}

-- One of many in the room: its core half the time, its pitfall or its challenge a quarter
-- each; with trust the challenge more often, without trust only the pitfall; failing those,
-- any option.
choose_in_crowd = choose_by_trust {
  usual = { pitfall = 0.25, challenge = 0.25 },
  trust = { pitfall = 0.25, challenge = 0.5 },
  distrust = { pitfall = 1 },
  otherwise = "random",
}

-- A choose hook: its core quality, or its pitfall once its trust has run out; failing both,
-- the first option.
function choose_by_quadrant(self, options)
  local want = (self.state.trust or 0) <= -2 and "pitfall" or "core"
  return option_on(options, { want, "core" }) or 1
end
