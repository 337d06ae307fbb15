#!/usr/bin/env python3
"""corners.py VERBEELD JOURNAL [MAX_CORE_SHARE]: the method, checked on a played session.

For every participant: cast on their opposite quadrant (from `verbeeld quadrant CORE`, not from
the engine's own casting); every choice they made placed on that quadrant, its journaled corner
the one recomputed here; the debrief's counts (JSON, Markdown, HTML, xAPI) equal the journal's. With
MAX_CORE_SHARE, the share of "core" among all participant choices is at most that (typing 1
at every prompt must not pass for playing the challenge). Prints what is wrong; exit 1 if any.
"""
import json
import re
import subprocess
import sys

CORNERS = ["core", "pitfall", "challenge", "allergy"]
V, journal = sys.argv[1], sys.argv[2]
max_core = float(sys.argv[3]) if len(sys.argv) > 3 else None
env = {"LANGUAGE": "en", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}
wrong = []


def opposite(core):
    out = subprocess.run([V, "quadrant", core], capture_output=True, text=True, env=env).stdout
    terms = re.findall(r"\(([^()]+)\)\s*$", out.split("Opposite quadrant")[1], re.M)
    return terms[:4]


entries = [json.loads(line) for line in open(journal, encoding="utf-8")]
people, counts = {}, {}
for e in entries:
    if e.get("ev") in ("participant", "recast"):
        p = people.setdefault(e["name"], {})
        if e.get("core"):
            p["core"] = e["core"]
        p["character_core"] = e.get("character_core")
for name, p in people.items():
    p["quadrant"] = opposite(p["core"])
    if p["character_core"] != p["quadrant"][0]:
        wrong.append(f"{name} ({p['core']}) plays on {p['character_core']}, not on {p['quadrant'][0]}")
    counts[name] = dict.fromkeys(CORNERS + ["none"], 0)

undone = set()
for i, e in enumerate(entries):                 # what /back took back does not count
    if e.get("ev") == "undo":                   # a step is a participant's choice, and what the
        steps, k = e.get("steps", 1), i         # characters verbeeld plays chose after it
        while steps and k > 0:
            k -= 1
            if entries[k].get("ev") == "choice" and k not in undone:
                undone.add(k)
                if entries[k].get("by") in people:
                    steps -= 1

for i, e in enumerate(entries):
    if e.get("ev") != "choice" or e.get("by") not in people or i in undone:
        continue
    p = people[e["by"]]
    want = CORNERS[p["quadrant"].index(e["quality"])] if e.get("quality") in p["quadrant"] else None
    if e.get("corner") != want:
        wrong.append(f"{e['by']}: choice {e['choice']} ({e.get('quality')}) journaled on {e.get('corner')}, is {want}")
    counts[e["by"]][want or "none"] += 1
for e in entries:
    for v in e.get("votes", []) if e.get("ev") == "vote" else []:
        if v.get("by") in counts:
            counts[v["by"]][v.get("corner") or "none"] += 1

js = json.loads(subprocess.run([V, "debrief", journal, "--format", "json"], capture_output=True, text=True, env=env).stdout)
for q in js["participants"]:
    if q["corners"] != counts[q["name"]]:
        wrong.append(f"debrief json: {q['name']} has {q['corners']}, the journal {counts[q['name']]}")
# The scene the debrief gives each participant to replay is one where their challenge (their
# character's core) can be chosen: not a scene that offers it to nobody. Only when no scene of
# the session offered it does the debrief say to play the story again from the start.
import xml.etree.ElementTree as ET
NS = "{urn:verbeeld:scenario:1}"
start = next(e for e in entries if e.get("ev") == "start")
scenes = {sc.get("id"): sc for sc in ET.parse(start["path"]).getroot().iter(NS + "scene")}
for q in js["participants"]:
    why = (q.get("return") or {}).get("why", "")
    if why.endswith("from the start") or why.endswith("vanaf het begin"):
        continue
    scene = scenes.get((q.get("return") or {}).get("scene"))
    core = people[q["name"]]["character_core"]
    if scene is not None and not any(c.get("corner") == "core" or c.get("quality") == core
                                      for c in scene.iter(NS + "choice")):
        wrong.append(f"debrief: {q['name']} is sent to replay {scene.get('id')}, where {core} is not offered")
md = subprocess.run([V, "debrief", journal, "--lang", "en"], capture_output=True, text=True, env=env).stdout
labels = {"core": "core quality", "pitfall": "pitfall", "challenge": "challenge", "allergy": "allergy"}
# Every fall-back and overshoot counted is listed among the moments, a vote's too (a choice the
# scenario marks as a turning point is listed as that instead).
turned = {name: dict.fromkeys(CORNERS, 0) for name in people}
for i, e in enumerate(entries):
    if e.get("ev") == "choice" and e.get("by") in people and e.get("turning") and i not in undone and e.get("corner"):
        turned[e["by"]][e["corner"]] += 1
for name in people:
    part = md.split(f"### {name} — ")[1].split("\n### ")[0]
    for c, label in labels.items():
        m = re.search(rf"^\| {label} \| (\d+) \|", part, re.M)
        if not m or int(m.group(1)) != counts[name][c]:
            wrong.append(f"debrief md: {name} {c} is {m and m.group(1)}, the journal {counts[name][c]}")
    if "(not your own challenge)" in part:
        continue                                # not on their opposite quadrant: other words
    listed = {k: len(re.findall(rf"^- \*{k}\*", part, re.M)) for k in ("you fell back", "you overshot")}
    fell = sum(counts[name][c] - turned[name][c] for c in ("challenge", "allergy"))
    over = counts[name]["pitfall"] - turned[name]["pitfall"]
    if listed["you fell back"] != fell or listed["you overshot"] != over:
        wrong.append(f"debrief md: {name} has {fell} fall-backs and {over} overshoots, "
                     f"the moments list {listed['you fell back']} and {listed['you overshot']}")

html = subprocess.run([V, "debrief", journal, "--format", "html", "--lang", "en"], capture_output=True, text=True, env=env).stdout
pages = re.split(r'<section class="page participant"><h1>', html)[1:]
for page in pages:
    name = re.sub(r"&[a-z]+;", "—", page.split("</h1>")[0]).split(" — ")[0]
    table = page.split('<table class="corners">')[1].split("</table>")[0]
    for c, label in labels.items():
        m = re.search(rf">{label}</th>\s*<td>(\d+)</td>", table)
        if name in counts and (not m or int(m.group(1)) != counts[name][c]):
            wrong.append(f"debrief html: {name} {c} is {m and m.group(1)}, the journal {counts[name][c]}")
if len(pages) != len(people):
    wrong.append(f"debrief html: {len(pages)} participant pages for {len(people)} participants")
xapi = json.loads(subprocess.run([V, "debrief", journal, "--format", "xapi"], capture_output=True, text=True, env=env).stdout)
for st in xapi:
    ext = st.get("result", {}).get("extensions", {})
    got = ext.get("urn:verbeeld:xapi:corners")
    name = st.get("actor", {}).get("name")
    if got is not None and name in counts:
        want = {c: counts[name][c] for c in CORNERS}
        if got != want:
            wrong.append(f"debrief xapi: {name} has {got}, the journal {want}")
        if ext.get("urn:verbeeld:xapi:on-opposite-quadrant") is not True:
            wrong.append(f"debrief xapi: {name} is not said to be on the opposite quadrant")

if max_core is not None:
    total = sum(sum(c.values()) for c in counts.values())
    core = sum(c["core"] for c in counts.values())
    if total == 0 or core / total > max_core:
        wrong.append(f"{core} of {total} choices on core: more than {max_core:.0%}")
for w in wrong:
    print(f"corners: {journal}: {w}")
sys.exit(1 if wrong else 0)
