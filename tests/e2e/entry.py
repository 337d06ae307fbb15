#!/usr/bin/env python3
"""tests/e2e/entry.py JOURNAL PATTERN: exit 0 when an entry of the journal holds PATTERN.

PATTERN is a JSON object; an entry holds it when it has every key of the pattern with the same
value (objects compared the same way, lists item by item in order, a list in the pattern matching
the start of the entry's). Key order in the journal does not matter, as it does not to a reader.
"""
import json
import sys


def holds(value, pattern):
    if isinstance(pattern, dict):
        return isinstance(value, dict) and all(k in value and holds(value[k], v) for k, v in pattern.items())
    if isinstance(pattern, list):
        return isinstance(value, list) and len(value) >= len(pattern) and all(holds(a, b) for a, b in zip(value, pattern))
    return value == pattern


def main():
    journal, pattern = sys.argv[1], json.loads(sys.argv[2])
    with open(journal, encoding="utf-8") as f:
        for line in f:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if holds(entry, pattern):
                return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
