-- expect: h/loadloop.lua:3: error: script ran too long (instruction limit reached)
-- an endless loop while the script loads: the scenario is refused with file and line
while true do end
return character { id = "loadloop", name = "Hostile", quadrant = "directheid" }
