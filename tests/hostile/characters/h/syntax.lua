-- expect: h/syntax.lua:5: error: '}' expected (to close '{' at line 2) near 'oops'
return character {
  id = "syntax", name = "Hostile", quadrant = "directheid",
  lines = { hi = "hello" }
  oops
}
