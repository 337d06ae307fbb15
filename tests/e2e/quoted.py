#!/usr/bin/env python3
"""quoted.py VERBEELD JOURNAL TRANSCRIPT: every line the debrief quotes was on screen.

The Markdown debrief quotes characters' reactions ("Who: “text”"); each must appear in the
transcript of the session (what the console printed), whitespace aside: a reaction of a
character a participant plays is never on screen, so it must never be quoted as said.
Prints what is wrong; exit 1 if anything is.
"""
import re
import subprocess
import sys

V, journal, transcript = sys.argv[1], sys.argv[2], sys.argv[3]
env = {"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}


def flat(text):
    return re.sub(r"\s+", " ", text)


screen = flat(open(transcript, encoding="utf-8").read())
md = subprocess.run([V, "debrief", journal], capture_output=True, text=True, env=env).stdout
wrong = []
# Reactions: "  - Who: “text”" in the story, "- *a reaction to you*: Who: “text”" among moments.
quotes = re.findall(r"^\s*- (?:\*[^*\n]+\*(?: \([^)\n]*\))?: )?[^:“\n]+: “([^”]+)”", md, re.M)
for q in quotes:
    if flat(q) not in screen:
        wrong.append(f"quoted but never on screen: “{q[:80]}”")
for w in wrong:
    print(f"quoted: {journal}: {w}")
sys.exit(1 if wrong or not quotes else 0)
