-- expect: Hostile: still here
local function trap() while true do end end
return character {
  id = "statemeta", name = "Hostile", quadrant = "directheid",
  lines = setmetatable({ here = "still here" }, { __index = trap }),
  react = function(self, ev)
    -- metatables on what the engine reads between calls (the character, its state, its
    -- lines): the engine reads them raw, so none of these traps runs outside a bounded call
    self.state = setmetatable({ x = 1 }, { __index = trap, __pairs = trap, __len = trap })
    setmetatable(self, { __index = trap, __newindex = trap })
    return "here"
  end,
}
