#!/usr/bin/env python3
"""guide_outputs.py - every example output in docs/authoring.md is what the program prints.

An example is an indented block whose lines begin with "$ verbeeld" (or "$ LANGUAGE=en
verbeeld"), each followed by what it prints. Each command runs in a folder where
mijn-training/ is the guide's own example (extracted by designer.sh), in English; the output
must match the block line for line, with "N per second" read as any number. A comment
<!-- example: 'FROM' => 'TO' in PATH --> just before a block first makes that change to a copy
of the example (a mistake shown on purpose).

    python3 tests/e2e/guide_outputs.py VERBEELD GUIDE_DIR        compare; exit 1 on a difference
    UPDATE=1 python3 tests/e2e/guide_outputs.py VERBEELD GUIDE_DIR   write the outputs into the guide
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

DOC = "docs/authoring.md"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHANGE = re.compile(r"^<!-- example: '(.*)' => '(.*)' in (\S+) -->$")
RATE = re.compile(r"\d+ per second")


def blocks(lines):
    """(first, last, change, [(command, [output lines])]) for each example block."""
    i = 0
    while i < len(lines):
        if not lines[i].startswith("    $ "):
            i += 1
            continue
        change = None
        for back in (1, 2):
            m = CHANGE.match(lines[i - back].strip()) if i - back >= 0 else None
            if m:
                change = m.groups()
        first, runs = i, []
        while i < len(lines) and (lines[i].startswith("    ") or
                                  (lines[i] == "" and i + 1 < len(lines) and lines[i + 1].startswith("    "))):
            if lines[i].startswith("    $ "):
                runs.append((lines[i][6:], []))
            elif lines[i] == "":
                runs[-1][1].append("")
            else:
                runs[-1][1].append(lines[i][4:])
            i += 1
        yield first, i, change, runs


def run(verbeeld, guide, command, change):
    words = shlex.split(command)
    while words and "=" in words[0]:
        words.pop(0)
    if not words or words[0] != "verbeeld":
        return None
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(guide, os.path.join(tmp, "mijn-training"))
        if change:
            path = os.path.join(tmp, "mijn-training", change[2])
            text = open(path, encoding="utf-8").read()
            if change[0] not in text:
                return ["(the example's change does not apply: %r not in %s)" % (change[0], change[2])]
            open(path, "w", encoding="utf-8").write(text.replace(change[0], change[1], 1))
        env = dict(os.environ, LANGUAGE="en", NO_COLOR="1", COLUMNS="80", VERBEELD_CACHE="off")
        env.pop("LANG", None)
        env.pop("LC_MESSAGES", None)
        env["LC_ALL"] = "C.UTF-8"
        # An example on a test scenario of the source tree runs where that path is.
        here = ROOT if any(w.startswith("tests/") for w in words) else tmp
        out = subprocess.run([os.path.abspath(verbeeld)] + words[1:], cwd=here, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    return out.rstrip("\n").split("\n") if out.strip() else []


def main():
    verbeeld, guide = sys.argv[1], sys.argv[2]
    lines = open(DOC, encoding="utf-8").read().split("\n")
    update = os.environ.get("UPDATE") == "1"
    failures, out, at = 0, [], 0
    for first, last, change, runs in blocks(lines):
        out += lines[at:first]
        for command, expected in runs:
            got = run(verbeeld, guide, command, change)
            out.append("    $ " + command)
            if got is None:
                out += ["    " + l for l in expected]
                continue
            if [RATE.sub("N per second", l) for l in got] == [RATE.sub("N per second", l) for l in expected]:
                out += [("    " + l).rstrip() for l in expected]   # a rate that differs is no change
                continue
            failures += 1
            if not update:
                print("%s:%d: the example output of '%s' is not what the program prints:" % (DOC, first + 1, command))
                for l in got:
                    print("    | " + l)
            out += [("    " + l).rstrip() for l in got]
        at = last
    out += lines[at:]
    if update:
        open(DOC, "w", encoding="utf-8").write("\n".join(out))
        return 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
