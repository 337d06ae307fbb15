-- A well-behaved character that shares every session with a hostile one. Its line proves that
-- the hostile script could not reach into its Lua state: its globals, string methods and lexicon
-- are untouched.
return character {
  id = "peer",
  name = "Peer",
  quadrant = "verbinden",
  state = { seen = 0 },
  lines = {
    check = function(self)
      local ok = shared_secret == nil and ("abc"):upper() == "ABC" and string.rep("x", 3) == "xxx"
        and lexicon.corner("pleasen", "verbinden") == "pitfall" and type(setmetatable) == "function"
        and math.pi > 3 and rawget(_G, "hostile_was_here") == nil
      return ok and "peer intact" or "PEER DISTURBED"
    end,
  },
  react = function(self, ev)
    self.state.seen = self.state.seen + 1
    return "check"
  end,
}
