#!/usr/bin/env python3
"""placed.py VERBEELD JOURNAL: every choice sits under the scene where it was made.

Walks the story of the Markdown debrief (in the session's language, whose titles the journal
has) and the journal's choice entries side by side: the heading above each choice must be the
title of the scene the choice was made in (also after an incident returned to it). Prints what
is wrong; exit 1 if anything is.
"""
import json
import re
import subprocess
import sys

V, journal = sys.argv[1], sys.argv[2]
env = {"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "LANGUAGE": "en"}
entries = [json.loads(line) for line in open(journal, encoding="utf-8")]
titles, want, last = {}, [], ""
for e in entries:
    if e.get("ev") == "scene":                  # an untitled scene goes on under the one before
        titles[e["scene"]] = e.get("title") or last
        last = titles[e["scene"]]
    elif e.get("ev") == "choice":
        want.append(titles.get(e.get("scene"), ""))

lang = entries[0].get("lang", "en")
md = subprocess.run([V, "debrief", journal, "--lang", lang], capture_output=True, text=True, env=env).stdout
story = re.split(r"## (?:The story as it was played|Het verhaal zoals het gespeeld is)\n", md)[1]
story = re.split(r"\n## (?!#)", story)[0]
heading, got = "", []
for line in story.splitlines():
    if line.startswith("### "):
        heading = re.sub(r" \((?:after the incident|na het incident)\)$", "", line[4:])
        # an incident and the scene it opens with share a heading ("Incident: T — Scene"); an
        # incident whose scene bears its own title is headed by it alone
        incident = re.match(r"Incident(?: \((?:started by the trainer|gestart door de trainer)\))?: (.*)$", heading)
        if incident:
            heading = incident.group(1).split(" — ", 1)[-1]
    elif line.startswith("- ") and not re.match(r"- (\*(?:Vote|Stemming)\*|⏸|▶|✎|↶)", line):
        got.append(heading)                     # a choice: by someone, the group or a character
wrong = [f"choice {k + 1} is under '{g}', was made in '{w}'" for k, (g, w) in enumerate(zip(got, want)) if g != w]
if len(got) != len(want):
    wrong.append(f"{len(got)} choices in the story, {len(want)} in the journal")
for w in wrong:
    print(f"placed: {journal}: {w}")
sys.exit(1 if wrong else 0)
