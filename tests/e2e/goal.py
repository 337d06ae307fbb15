#!/usr/bin/env python3
"""goal.py VERBEELD JOURNAL TMPDIR: the debrief's first question reads the learning goal.

Takes a played journal (two participants) and gives the participants other learning goals, in
their own words: a goal that speaks of their challenge (their character's core quality) or of
their own pitfall (their character's allergy) is asked about where they did it, or that they
never did; a goal that speaks of neither gets the open question. Prints what is wrong; exit 1
if anything is.
"""
import json
import os
import subprocess
import sys

V, journal, tmp = sys.argv[1], sys.argv[2], sys.argv[3]
env = {"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "LANGUAGE": "en"}
entries = [json.loads(line) for line in open(journal, encoding="utf-8")]
wrong = []


def goal_question(goals, retouch=None):
    """The goal question of each participant after giving them `goals` (name -> goal)."""
    lines = []
    for e in entries:
        e = dict(e)
        if e.get("ev") == "participant" and e["name"] in goals:
            e["goal"] = goals[e["name"]]
        if retouch:
            e = retouch(e)
        lines.append(json.dumps(e, ensure_ascii=False))
    path = os.path.join(tmp, "goal.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    out = subprocess.run([V, "debrief", path, "--format", "json", "--lang", "en"],
                         capture_output=True, text=True, env=env)
    if out.returncode != 0:
        wrong.append(f"debrief exited {out.returncode}: {out.stderr.strip()}")
        return {}
    d = json.loads(out.stdout)
    return {p["name"]: next(q["text"] for q in p["questions"] if q["theme"] == "goal")
            for p in d["participants"]}


def expect(case, got, *want, absent=()):
    for w in want:
        if w not in got:
            wrong.append(f"{case}: wants '{w}' in: {got}")
    for a in absent:
        if a in got:
            wrong.append(f"{case}: should not say '{a}': {got}")


# Sanne plays on setting boundaries (core) with pleasing as its allergy, and chose setting
# boundaries first in "Four corners"; Joris plays on directness with vagueness as its allergy,
# and chose only bluntness.
q = goal_question({"Sanne": "Sterker staan voor mijn team", "Joris": "Say what I think, directly"})
expect("challenge chosen", q.get("Sanne", ""), "In ‘Four corners’ you chose setting boundaries")
expect("challenge never chosen", q.get("Joris", ""), "you did not choose directness once")

q = goal_question({"Sanne": "Minder pleasen, minder sussen", "Joris": "Meer ruimte geven"})
expect("pitfall never chosen", q.get("Sanne", ""), "you did not fall into pleasing once")
expect("goal of neither", q.get("Joris", ""), "At which moment in the game did it come near",
       absent=("directness", "vagueness", "you chose"))


def vague_first(e):      # Joris's first choice made vague: his own pitfall, where his goal is
    if e.get("ev") == "choice" and e.get("by") == "Joris" and not vague_first.done:
        vague_first.done = True
        e["quality"], e["corner"] = "vaagheid", "allergy"
    return e


vague_first.done = False
q = goal_question({"Joris": "Niet meer zo vaag blijven"}, vague_first)
expect("pitfall chosen", q.get("Joris", ""), "you fell into vagueness", absent=("do it again",))

for w in wrong:
    print(f"goal: {w}")
sys.exit(1 if wrong else 0)
