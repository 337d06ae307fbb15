-- expect: Peer: peer intact
return character {
  id = "gc", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    -- a finaliser runs with the debug hook off (at a collection, or when the state is closed at
    -- the end of the session), where no limit could stop it: the sandbox's setmetatable never
    -- lets one be registered, so the session ends at once
    self.state.keep = setmetatable({}, { __gc = function() while true do end end })
    for i = 1, 1000 do setmetatable({}, { __gc = function() while true do end end }) end
    local mt = { __gc = function() while true do end end }
    setmetatable({}, mt)
    if getmetatable(setmetatable({}, mt)) ~= mt or mt.__gc == nil then error("metatable changed") end
  end,
}
