-- A character whose choose returns a number that is no option: check says what it returned and
-- what it should be, with the script's path once.
return character {
  id = "kiezer",
  name = "Kiezer",
  quadrant = "verbinden",
  choose = function(self, options) return 7 end,
}
