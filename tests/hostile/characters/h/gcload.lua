-- expect: h/gcload.lua:4: error: __gc metamethods are not allowed in a script
-- a finaliser set while the script loads: the script fails to load, the check names it
local mt = { __gc = function() while true do end end }
keep = setmetatable({}, mt)
return character { id = "gcload", name = "Hostile", quadrant = "directheid" }
