#!/usr/bin/env python3
"""truths.py VERBEELD JOURNAL TMPDIR: what the debrief tells a participant, made from variants
of a played session (JOURNAL, a group of two or more with an ending) and checked against it.

- The scene to replay follows the learning goal: a participant whose goal names what they want
  less of (the allergy of their character's quadrant, their own pitfall) and who fell into it is
  sent back to the last scene where they did.
- The duration is the time played: a "what if" (a branch) or a resume starts a new run, and the
  time between runs (a night, or the first session's part of a what-if) is not counted.
- `debrief --participant` takes a name in any case and a character's name, and a name it does
  not know is answered with the names it does.
Prints what is wrong; exit 1 if anything is.
"""
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

V, journal, tmp = sys.argv[1], sys.argv[2], sys.argv[3]
env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8")
wrong = []
entries = [json.loads(line) for line in open(journal, encoding="utf-8")]


def write(name, items):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        for e in items:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    return path


def debrief_json(path, *args):
    out = subprocess.run([V, "debrief", path, "--format", "json", *args], capture_output=True, text=True, env=env, timeout=60)
    return json.loads(out.stdout) if out.returncode == 0 else None


# ---------------------------------------------------------------- the replay follows the goal
falls = [(i, e) for i, e in enumerate(entries)
         if e["ev"] == "choice" and e.get("by") and e.get("corner") == "allergy" and e.get("quality")]
if not falls:
    wrong.append("the session has no fall into a participant's pitfall to test the goal with")
else:
    who = falls[0][1]["by"]
    mine = [e for _, e in falls if e["by"] == who]
    quality = mine[-1]["quality"]
    variant = [dict(e) for e in entries]
    for e in variant:
        if e["ev"] == "participant" and e["name"] == who:
            e["goal"] = "minder " + quality
    d = debrief_json(write("truths-goal.jsonl", variant))
    p = next((p for p in (d or {}).get("participants", []) if p["name"] == who), None)
    scenes = {e["scene"] for e in mine if e["quality"] == quality}
    if not p or p["return"]["scene"] != mine[-1]["scene"]:
        got = p and p["return"]["scene"]
        wrong.append(f"{who}'s goal is '{quality}', last fallen into in '{mine[-1]['scene']}', "
                     f"but the scene to replay is '{got}'")

# ---------------------------------------------------------------- the time played
start = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
stamp = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
cut = next(i for i, e in enumerate(entries) if e["ev"] == "choice" and i > len(entries) // 2)
variant = []
for i, e in enumerate(entries):
    e = dict(e)
    if i < cut:
        e["at"] = stamp(start + timedelta(seconds=10 * i))          # the first session's part
    else:
        e["at"] = stamp(start + timedelta(days=1, seconds=10 * i))  # the what-if, the next day
    variant.append(e)
variant.insert(cut, {"ev": "branch", "at": stamp(start + timedelta(days=1, seconds=10 * cut - 5)),
                     "from_journal": journal, "from": "1", "entry": cut})
d = debrief_json(write("truths-branch.jsonl", variant))
played = 10 * (len(entries) - 1) + 5 - 10            # both runs, less the step over the cut
if not d or abs(d["minutes"] - (played + 59) // 60) > 1:
    wrong.append(f"a what-if of {played} s played is said to take {d and d['minutes']} minutes")

# ---------------------------------------------------------------- --participant as typed
names = [e["name"] for e in entries if e["ev"] == "participant"]
characters = {e["name"]: e.get("character") for e in entries if e["ev"] == "participant"}
first = names[0]
for typed in (first.lower(), first.upper(), characters.get(first) or first):
    d = debrief_json(journal, "--participant", typed)
    if not d:
        wrong.append(f"debrief --participant '{typed}' does not find {first}")
out = subprocess.run([V, "debrief", journal, "--participant", "Nobody Here"], capture_output=True, text=True, env=env, timeout=60)
if out.returncode != 1 or ", ".join(names) not in out.stderr:
    wrong.append(f"debrief --participant of nobody does not list who took part: {out.stderr.strip()!r}")

for w in wrong:
    print("truths:", w)
sys.exit(1 if wrong else 0)
