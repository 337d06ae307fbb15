"""routes.py: the driver the continuity checks share (continuity.py, continuity_moveon.py).

A session is played through the real binary with a pipe, as a group would type: at each prompt
the driver picks the first option whose words match one of the session's wishes (in order), or
else the first option on the screen. Nothing of the engine is mocked; only the answers are chosen.
The scripts that import it are run as SCRIPT VERBEELD TMPDIR; failures collects what they find.
"""
import os
import re
import select
import subprocess
import sys
import time

V, T = sys.argv[1], sys.argv[2]
ENV = dict(os.environ, VERBEELD_NOW="1763805600", NO_COLOR="1", COLUMNS="4000", LC_ALL="C.UTF-8")
for k in ("LANG", "LANGUAGE", "LC_MESSAGES"):
    ENV.pop(k, None)
PROMPT = re.compile(r"\n([^\n]*) \u2014 $")
OPTION = re.compile(r"^  (\d+)\) (.*)$", re.M)
failures = []


def play(name, scenario, cast, lang, wishes, avoid=(), inject=(), seed=4, limit=600):
    """Plays a session; wishes are regexes on option texts (the first that matches any option
    on the screen wins); otherwise the first option that matches none of avoid; inject is a list of (regex on the text shown so far, command) sent once
    each, at the first prompt after the text appears. Returns the whole transcript."""
    cast_path = os.path.join(T, name + "-cast.xml")
    with open(cast_path, "w", encoding="utf-8") as f:
        f.write(cast)
    journal = os.path.join(T, name + ".jsonl")
    if os.path.exists(journal):
        os.remove(journal)
    p = subprocess.Popen([V, "play", scenario, "--cast", cast_path, "--lang", lang, "--seed", str(seed),
                          "--journal", os.path.join(T, name + ".jsonl")],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV)
    out, since, sent, pending = b"", 0, 0, list(inject)
    deadline = time.time() + 60
    while time.time() < deadline:
        ready, _, _ = select.select([p.stdout], [], [], 2)
        if not ready:
            break
        chunk = os.read(p.stdout.fileno(), 65536)
        if not chunk:
            break
        out += chunk
        text = out.decode("utf-8", "replace")
        if not PROMPT.search(text[since:]):
            continue
        screen = text[since:]
        since = len(text)
        answer = None
        for pat, cmd in pending:
            if re.search(pat, text):
                answer = cmd
                pending.remove((pat, cmd))
                break
        if answer is None:
            options = OPTION.findall(screen)
            answer = options[0][0] if options else "1"
            for n, words in options:
                if not any(re.search(a, words) for a in avoid):
                    answer = n
                    break
            for wish in wishes:
                hit = [n for n, words in options if re.search(wish, words)]
                if hit:
                    answer = hit[0]
                    break
        sent += 1
        if sent > limit:
            break
        try:
            p.stdin.write((answer + "\n").encode())
            p.stdin.flush()
        except BrokenPipeError:
            break
    try:
        p.stdin.close()
    except BrokenPipeError:
        pass
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
    text = out.decode("utf-8", "replace")
    with open(os.path.join(T, name + ".out"), "w", encoding="utf-8") as f:
        f.write(text)
    return text


def journal(name):
    """The entries of session name's journal, as dicts."""
    import json
    with open(os.path.join(T, name + ".jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def after(text, marker):
    """The transcript from the first occurrence of marker on ('' when it never came)."""
    i = text.find(marker)
    return text[i:] if i >= 0 else ""


def expect(name, cond, why):
    if not cond:
        failures.append(f"{name}: {why} (transcript: {T}/{name}.out)")
