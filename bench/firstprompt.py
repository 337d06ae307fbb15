#!/usr/bin/env python3
"""bench/firstprompt.py VERBEELD [SUFFIX] - time from start to MoveOn's first prompt.

Runs `VERBEELD play moveon --cast CAST` on a pseudo-terminal (as a trainer would), waits
until the first prompt appears and reports the milliseconds since the process started; then
closes the input (Ctrl-D saves and quits); RUNS times, after one start that is not measured.
Prints one raw.tsv line per measurement:
"moveon  first_prompt_ms  verbeeld  MS" (and first_exit_ms: start to exit with input closed
at once, no terminal). SUFFIX is appended to the metric names (run.sh measures with the model
cache off, "_cold", and with it filled).
"""
import os
import pty
import select
import subprocess
import sys
import tempfile
import time

RUNS = 5                     # measured starts of each kind per call

CAST = """<cast scenario="moveon" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan voor mijn team"/>
  <participant name="Joris" core="daadkracht" goal="Meer ruimte geven" role="cfo"/>
  <participant name="Ayla" core="tact" goal="Zeggen wat ik zie"/>
</cast>
"""


def main():
    vb = sys.argv[1]
    suffix = sys.argv[2] if len(sys.argv) > 2 else ""
    tmp = tempfile.mkdtemp(prefix="vb-bench-")
    cast = os.path.join(tmp, "cast.xml")
    with open(cast, "w") as f:
        f.write(CAST)
    env = dict(os.environ, LANG="nl_NL.UTF-8", NO_COLOR="1", TERM="xterm")

    # One start first, unmeasured: with the cache on it keeps MoveOn's model, so that every
    # measured start is one of a scenario "loaded before" (in round 1 of run.sh the measured
    # start was otherwise the one that filled the cache). Then RUNS starts of each kind: one
    # start on this VM took 12 to 29 ms (twelfth session), and run.sh has three rounds.
    on_terminal(vb, cast, os.path.join(tmp, "warm.jsonl"), env)
    for i in range(RUNS):
        ms = on_terminal(vb, cast, os.path.join(tmp, "pty%d.jsonl" % i), env)
        if ms is not None:
            print("moveon\tfirst_prompt_ms%s\tverbeeld\t%.2f" % (suffix, ms))
    for i in range(RUNS):
        # With input closed at once: start, first prompt, end of input, save, exit.
        journal = os.path.join(tmp, "eof%d.jsonl" % i)
        t0 = time.perf_counter()
        subprocess.run([vb, "play", "moveon", "--cast", cast, "--journal", journal],
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        print("moveon\tfirst_exit_ms%s\tverbeeld\t%.2f" % (suffix, (time.perf_counter() - t0) * 1e3))


def on_terminal(vb, cast, journal, env):
    """Milliseconds from start until the prompt ("— " after the chooser's name) is on the
    screen, or None. The clock starts just before the process is spawned (subprocess's C fork
    and exec), as a shell would start it: pty.fork() ran this Python process's own child for
    6.5 ms before it reached execve (perf probes, bench/notes.md, twelfth session), which no
    trainer pays."""
    master, slave = pty.openpty()
    t0 = time.perf_counter()
    proc = subprocess.Popen([vb, "play", "moveon", "--cast", cast, "--journal", journal],
                            stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    buf = b""
    ms = None
    begun = False
    while time.perf_counter() - t0 < 10:
        r, _, _ = select.select([master], [], [], 10)
        if not r:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        buf += chunk
        # Who plays whom waits for Enter ("Enter: the story begins."), as a trainer presses it.
        if not begun and b"Enter: " in buf.split(b"\n")[-1]:
            os.write(master, b"\r")
            begun = True
            continue
        # The prompt ends the screen with "— ": a dash inside a line (MoveOn's title) is none,
        # and a Ctrl-D sent then reached the program before its prompt and was lost.
        if buf.split(b"\n")[-1].endswith(b"\xe2\x80\x94 ") or buf.rstrip().endswith(b">"):
            ms = (time.perf_counter() - t0) * 1e3
            break
    try:
        os.write(master, b"\x04")
    except OSError:
        pass
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:     # never hang the benchmark: that start is not counted
        proc.kill()
        proc.wait()
        ms = None
    os.close(master)
    return ms

if __name__ == "__main__":
    main()
