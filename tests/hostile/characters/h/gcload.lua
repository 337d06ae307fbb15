-- expect: Peer: peer intact
-- a finaliser registered while the script loads: it never runs, not even when the state closes
local mt = { __gc = function() while true do end end }
keep = setmetatable({}, mt)
return character { id = "gcload", name = "Hostile", quadrant = "directheid" }
