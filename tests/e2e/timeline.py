#!/usr/bin/env python3
"""timeline.py HTML JOURNAL: the HTML debrief's timeline puts every choice on the lane of whoever
made it: a participant's own lane in the colour of its corner, the group's lane for the group's
decisions, and the "Others" lane, in grey, for characters nobody played (they are no one's in
the room, and the corner colours mean a participant's challenge or fall-back). Exit 1 with what
is wrong.
"""
import json
import re
import sys
from html import unescape

html, journal = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
svg = re.search(r'<svg[^>]*class="timeline".*?</svg>', html, re.S).group(0)
lanes = {float(y) - 4: unescape(name)
         for y, name in re.findall(r'<text x="0" y="([\d.]+)" font-size="11">([^<]*)</text>', svg)}
choices = {}
for line in open(journal, encoding="utf-8"):
    e = json.loads(line)
    if e.get("ev") == "choice":
        choices.setdefault(e.get("text", ""), e)
wrong, others = [], 0
for cy, fill, title in re.findall(r'<circle cx="[\d.]+" cy="([\d.]+)" r="6" fill="([^"]+)"><title>([^<]*)</title>', svg):
    text, lane = unescape(title), lanes.get(float(cy))
    c = choices.get(text)
    if c is None:
        wrong.append(f"a dot for a choice the journal lacks: '{text[:50]}'")
        continue
    want = c["by"] if c.get("by") else "Others" if c.get("character") else "The group"
    others += want == "Others"
    if lane != want:
        wrong.append(f"'{text[:50]}' is on the lane of {lane}, was made by {want}")
    if want in ("Others", "The group") and fill != "#555555":
        wrong.append(f"'{text[:50]}' of {want} is coloured {fill}, as if a participant lived its corner")
if not others:
    wrong.append("no choice of a character nobody played on the timeline (the session must have some)")
for w in wrong:
    print(f"timeline: {w}")
sys.exit(1 if wrong else 0)
