#!/usr/bin/env python3
"""readback.py - every statement of an xAPI file read back from the LRS, compared.

python3 tests/lrs/readback.py STATEMENTS_URL FILE.xapi [VOIDED...]: reads all statements of the
file's registration from the LRS (following "more"), and checks that the LRS holds each of the
file's statements exactly once, as it is in the file (what the LRS adds, stored and authority,
left aside), besides only voiding statements of the VOIDED ids. Exit 1 with what differs.
"""
import base64
import json
import sys
import urllib.parse
import urllib.request

url, path, voided = sys.argv[1], sys.argv[2], set(sys.argv[3:])
statements = json.load(open(path, encoding="utf-8"))
reg = statements[0]["context"]["registration"]
auth = "Basic " + base64.b64encode(b"test:test").decode()


def get(u):
    req = urllib.request.Request(u, headers={"X-Experience-API-Version": "1.0.3", "Authorization": auth})
    with urllib.request.urlopen(req, timeout=20) as r:
        return json.load(r)


got, page = [], get(url + "?" + urllib.parse.urlencode({"registration": reg, "limit": 100}))
root = urllib.parse.urlsplit(url)
while True:
    got += page["statements"]
    if not page.get("more"):
        break
    page = get(urllib.parse.urlunsplit((root.scheme, root.netloc, "", "", "")) + page["more"])

problems = []
ids = [s["id"] for s in got]
if len(ids) != len(set(ids)):
    problems.append("the LRS holds a statement twice")
held = {s["id"]: s for s in got}
for s in statements:
    h = held.pop(s["id"], None)
    if h is None:
        problems.append(f"statement {s['id']} is not in the LRS")
        continue
    h = {k: v for k, v in h.items() if k not in ("stored", "authority")}
    if json.dumps(h, sort_keys=True) != json.dumps(s, sort_keys=True):
        problems.append(f"statement {s['id']} came back otherwise:\n  sent {json.dumps(s, sort_keys=True)}\n  read {json.dumps(h, sort_keys=True)}")
for s in held.values():
    obj = s.get("object", {})
    if s["verb"]["id"].endswith("/voided") and obj.get("id") in voided:
        voided.discard(obj["id"])
        continue
    problems.append(f"the LRS holds statement {s['id']} that is not in {path}")
for v in voided:
    problems.append(f"statement {v} was not voided")
for p in problems:
    print("readback:", p)
sys.exit(1 if problems else 0)
