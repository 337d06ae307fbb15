-- expect: h/xpcallload.lua:4: error: script ran too long (instruction limit reached)
-- while the script loads: the scenario is refused with file and line
xpcall(function() while true do end end, function(m) while true do end end)
return character { id = "xpcallload", name = "Hostile", quadrant = "directheid" }
