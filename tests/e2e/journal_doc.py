#!/usr/bin/env python3
"""journal_doc.py: every kind of journal entry the program writes is described in docs/journal.md.

The kinds are read from the sources (journal_entry("...") calls, and the few built from a
variable, listed below with where they come from). Prints the missing ones; exit 1 if any.
"""
import glob
import re

kinds = set()
for path in glob.glob("engine/**/*.c", recursive=True):
    kinds |= set(re.findall(r'journal_entry\("([a-z_-]+)"\)', open(path, encoding="utf-8").read()))
kinds |= set(re.findall(r'\[REC_[A-Z_]+\] = "([a-z_-]+)"', open("engine/journal/record.c", encoding="utf-8").read()))
kinds |= {"event", "inject", "stuck", "script-error"}     # engine/console/show.c, by the output's kind
doc = open("docs/journal.md", encoding="utf-8").read()
missing = sorted(k for k in kinds if f"**`{k}`**" not in doc)
for k in missing:
    print(f"journal_doc: docs/journal.md does not describe the entry '{k}'")
raise SystemExit(1 if missing else 0)
