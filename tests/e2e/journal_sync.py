#!/usr/bin/env python3
"""tests/e2e/journal_sync.py VERBEELD TMPDIR - the journal is on disk at every prompt.

A tutorial session is played line by line under strace. Every entry is written to the journal
as it happens and the journal is flushed to disk (fsync) before each prompt reads a line: at
no read of standard input may a write to the journal be left without an fsync after it. And
everything before the first prompt (the start, the participants, the first scene) reaches the
disk in one fsync, not one per entry. Skipped without strace.
"""
import os
import re
import shutil
import subprocess
import sys
import time

CAST = """<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan"/>
  <participant name="Joris" core="tact" goal="Meer ruimte geven"/>
</cast>
"""


def main():
    vb, tmp = sys.argv[1], sys.argv[2]
    if not shutil.which("strace"):
        print("journal-sync: strace is not installed: skipped")
        return 0
    os.makedirs(tmp, exist_ok=True)
    cast, journal = os.path.join(tmp, "cast.xml"), os.path.join(tmp, "sync.jsonl")
    log, out = os.path.join(tmp, "strace.log"), os.path.join(tmp, "sync.out")
    with open(cast, "w") as f:
        f.write(CAST)
    for p in (journal, journal + ".lock"):
        if os.path.exists(p):
            os.unlink(p)
    env = dict(os.environ, VERBEELD_NOW="1763805600", LC_ALL="C.UTF-8")
    # LeakSanitizer cannot run under ptrace: in the sanitizer build it would fail the session
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS", ""), "detect_leaks=0"]))
    with open(out, "w") as o:
        proc = subprocess.Popen(
            ["strace", "-f", "-o", log, "-e", "trace=openat,write,fsync,read", vb, "play", "tutorial",
             "--cast", cast, "--lang", "en", "--seed", "5", "--journal", journal],
            stdin=subprocess.PIPE, stdout=o, stderr=subprocess.STDOUT, env=env)
        for line in ("1", "2", "1", "/note a moment", "3", "2"):
            time.sleep(0.5)                    # a line at a time, as a person types
            proc.stdin.write((line + "\n").encode())
            proc.stdin.flush()
        time.sleep(0.5)
        proc.stdin.close()
        proc.wait(timeout=60)
    failures = []
    if proc.returncode != 0:
        failures.append("the session ended with status %d" % proc.returncode)
    fd = None
    dirty, fsyncs, reads, before_first = False, 0, 0, None
    opened = re.compile(r'openat\(.*"%s", O_WRONLY\|O_CREAT\|O_EXCL.*\) = (\d+)' % re.escape(journal))
    calls = open(log, encoding="utf-8", errors="replace").read().splitlines()
    # The journal is the last file opened under its name: journal_check makes and removes one
    # before the setup asks its questions (here: the anchor cards), and its descriptor may
    # then be another file's. The journal's stays open to the end.
    starts = [i for i, c in enumerate(calls) if opened.search(c)]
    if starts:
        fd = opened.search(calls[starts[-1]]).group(1)
    for entry in calls[starts[-1] + 1:] if starts else []:
        if re.search(r"\bwrite\(%s," % fd, entry):
            dirty = True
        elif re.search(r"\bfsync\(%s\)" % fd, entry):
            dirty, fsyncs = False, fsyncs + 1
        elif re.search(r"\bread\(0,", entry):
            reads += 1
            if before_first is None:
                before_first = fsyncs
            if dirty:
                failures.append("read %d of the input: the journal was written after its last fsync" % reads)
    if fd is None:
        failures.append("the journal was never opened (strace log: %s)" % log)
    if reads < 2:
        failures.append("only %d reads of the input: the session did not prompt line by line" % reads)
    if before_first != 1:
        failures.append("%s fsyncs of the journal before the first prompt, not 1" % before_first)
    entries = sum(1 for _ in open(journal, encoding="utf-8")) if os.path.exists(journal) else 0
    if entries < 8:
        failures.append("the journal holds %d entries" % entries)
    for f in failures:
        print("journal-sync: FAIL: " + f)
    if not failures:
        print("journal-sync: all passed (%d prompts read, %d fsyncs for %d entries)" % (reads, fsyncs, entries))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
