-- expect: h/coroutine.lua:6: cannot look up a field in a value of type nil (global 'coroutine')
return character {
  id = "coroutine", name = "Hostile", quadrant = "directheid",
  react = function(self, ev)
    local all = {}
    for i = 1, 1e6 do all[i] = coroutine.create(function() while true do coroutine.yield() end end) end
  end,
}
