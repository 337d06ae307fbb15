#!/usr/bin/env python3
"""bench/report.py RAW.tsv RESULTS.md [INKCPP-LAST.tsv] - medians, ratios and growth from the
raw figures of bench/run.sh, with the machine and the versions; bench/notes.md (the profile:
what dominates) is appended as written. When RAW.tsv has no inkcpp figures (make bench without
INKCPP=DIR), those of INKCPP-LAST.tsv are shown, with the date and commits they were measured at."""
import os
import platform
import re
import statistics
import subprocess
import sys
from collections import defaultdict


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:
        return "?"


def load(path):
    d = defaultdict(list)
    for line in open(path):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 4 or parts[3] == "":
            continue
        size, metric, engine, value = parts
        try:
            v = float(value)
        except ValueError:
            m = re.match(r"(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$", value)     # h:mm:ss or m:ss
            if not m:
                continue
            v = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
        d[(size, metric, engine)].append(v)
    return d


def inkcpp_figures(d, last):
    """Add the last measured inkcpp figures to d when this run has none. Returns a sentence
    saying where inkcpp's figures come from, or None when inkcpp was neither run nor kept."""
    if any(k[2] == "inkcpp" for k in d):
        return "measured in this run"
    if not last or not os.path.exists(last):
        return None
    head = None
    for line in open(last):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 4 and parts[1] == "inkcpp_measured":
            head = parts
    for k, v in load(last).items():
        d[k] = v
    if not head:
        return "from an earlier run"
    date, _, commit = head[3].partition(" verbeeld ")
    return ("not run this time (make bench INKCPP=DIR runs it): the figures are from %s, inkcpp %s, "
            "verbeeld %s; ratios against them are of medians, not paired" % (date, head[2], commit))


def med(d, size, metric, engine):
    v = d.get((str(size), metric, engine))
    return statistics.median(v) if v else None


def paired(d, size, a, b, f):
    """The median over the rounds of f(a, b): each round measured a and b one after the other,
    so the machine was at one speed for both (a and b are (metric, engine) pairs)."""
    va, vb = d.get((str(size),) + a), d.get((str(size),) + b)
    if not va or not vb or len(va) != len(vb):
        x, y = med(d, size, *a), med(d, size, *b)
        return f(x, y) if x and y else None
    return statistics.median(f(x, y) for x, y in zip(va, vb))


def growth(d, a, b):
    """How many times a choice of the one-process walk costs more at b scenes than at a: from
    the walks run back to back in each round (walk1g) when there are any, the median of the
    rounds' ratios."""
    m = "walk1g_per_s" if d.get((str(a), "walk1g_per_s", "verbeeld")) else "walk1_per_s"
    va, vb = d.get((str(a), m, "verbeeld")), d.get((str(b), m, "verbeeld"))
    if not va or not vb:
        return None
    if len(va) != len(vb):
        return statistics.median(va) / statistics.median(vb)
    return statistics.median(x / y for x, y in zip(va, vb))


def inv(x, y):
    """A ratio of times or memory: inkjs ÷ verbeeld."""
    return y / x


def per(x, y):
    """A ratio of throughputs: verbeeld ÷ inkjs."""
    return x / y


VL, IL, IW = ("load_ms", "verbeeld"), ("load_ms", "ink"), ("walk_per_s", "ink")
CL, CW = ("load_ms", "inkcpp"), ("walk_per_s", "inkcpp")
TW = ("textwalk_per_s", "verbeeld")


def fmt(x, digits=1):
    if x is None:
        return "–"
    if abs(x) >= 1000:
        return "{:,.0f}".format(x)
    return "{:.{}f}".format(x, digits)


def measured_commit(raw):
    """The commit run.sh measured (its line "machine verbeeld - COMMIT"), or None: the tree may
    have moved on by the time the report is written again."""
    for line in open(raw):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 4 and parts[:3] == ["machine", "verbeeld", "-"]:
            return parts[3]
    return None


def main():
    raw, out = sys.argv[1], sys.argv[2]
    d = load(raw)
    cpp = inkcpp_figures(d, sys.argv[3] if len(sys.argv) > 3 else None)
    sizes = sorted({int(k[0]) for k in d if k[0].isdigit()})
    reps = max((len(v) for k, v in d.items() if k[1] == "walk_per_s"), default=0)
    cpu = sh("sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1")
    L = []
    w = L.append
    w("# verbeeld against inkjs and inkcpp: benchmark results\n")
    w("Written by `make bench` (bench/run.sh, bench/report.py); do not edit by hand: edit "
      "bench/notes.md, which is appended below.\n")
    w("## Machine and versions\n")
    w("| | |\n|---|---|")
    w("| CPU | %s, %s cores |" % (cpu or platform.processor(), os.cpu_count()))
    w("| memory | %s |" % sh("free -h | awk '/^Mem:/ {print $2}'"))
    w("| system | %s, Linux %s |" % (sh(". /etc/os-release && echo $PRETTY_NAME"), platform.release()))
    w("| verbeeld | %s (gcc %s, -O2) |" % (measured_commit(raw) or sh("git describe --tags --always --dirty 2>/dev/null") or "?",
                                          sh("gcc -dumpfullversion")))
    w("| Lua, libxml2, json-c | %s, %s, %s |" % (sh("pkg-config --modversion lua5.4"),
                                               sh("pkg-config --modversion libxml-2.0"),
                                               sh("pkg-config --modversion json-c")))
    w("| node | %s |" % sh("node --version"))
    w("| inkjs | %s (runtime and its compiler, from npm, pinned in bench/package.json) |"
      % sh("node -p \"require('./bench/node_modules/inkjs/package.json').version\""))
    w("| inkcpp | %s (the C++ runtime of ink, built with CMake -O2 from the checkout make bench "
      "INKCPP=DIR names; stories converted from inkjs's JSON with its inkcpp_cl; driver bench/inkcpp.cpp) |"
      % (cpp or "not measured yet: run make bench INKCPP=DIR"))
    la, lb = med(d, "machine", "loadavg_start", "-"), med(d, "machine", "loadavg_end", "-")
    w("| load average | %s at the start, %s at the end (on %s cores; other work shared the machine) |"
      % (fmt(la, 2), fmt(lb, 2), os.cpu_count()))
    w("| repetitions | %d, interleaved (each round: every size, both engines), medians reported |\n" % reps)

    walked = lambda e: fmt(max((med(d, n, "walk_choices", e) or 0) for n in sizes) if sizes else None)
    w("## The stories\n")
    w("`bench/gen.py N` writes one random story twice: `bench/out/bench-N.xml` (verbeeld, with "
      "three Lua characters in `bench/out/characters/bench/` that react to every choice through "
      "the character API; one is played) and `bench/out/bench-N.ink`. N scenes of three choices, "
      "N/20 endings (about 5%% of choice targets), four variables changed by 60%% of the choices, a "
      "condition on the third choice of every third scene. verbeeld's walk is `verbeeld explore "
      "--random R` (R sessions of about 20 choices: about %s choices, ten times as many as inkjs "
      "walks, so that both last seconds and a moment of the machine's drift weighs on neither); "
      "inkjs's is `bench/ink.js walk` (%s choices): Continue, "
      "ChooseChoiceIndex at random, ResetState at an ending; inkcpp's is `bench/inkcpp.cpp walk`, "
      "the same walk (getline, choose, fresh globals and runner at an ending; it takes the same "
      "path as inkjs's, choice for choice). The walk that produces the text a player sees is "
      "`bench/walk.c` on the library (`build/bench-walk`, as many choices as inkjs): every "
      "scene, line, reaction and option rendered by the console's own `show_output` and "
      "`show_choices` to stdout (/dev/null), at an ending the start restored and its scene shown "
      "again. `explore --random` produces none of that text (it reads no narration): it is the "
      "second row, labelled so. Loads are timed inside the process "
      "(verbeeld: `bench/load.c` linked with build/libverbeeld.a — lexicon, XML parse, RELAX NG "
      "validation, model, references, character scripts, compiled conditions, first scene; "
      "inkjs: reading the JSON and `new Story`; inkcpp: `story::from_file` of its binary, new "
      "globals and runner, up to its first line). verbeeld loads twice: first with its model cache "
      "off (parse, validate, build the model), then an unchanged file again (the model from "
      "the cache, keyed by a hash of the file and the schema: what inkjs's compiled JSON is to "
      "ink). Peak memory is the maximum resident set of the walk process (/usr/bin/time -v): "
      "for verbeeld the text walk, and the one-process `explore` beside it.\n" % (walked("verbeeld"), walked("ink")))

    w("## Figures (medians)\n")
    w("Ratios: how many times better verbeeld is (the other's time or memory ÷ verbeeld's, "
      "verbeeld's throughput ÷ the other's); above 1 verbeeld is ahead. A ratio is the median of "
      "the rounds' ratios: within a round the engines ran one after the other, so the machine's "
      "speed, which drifts by as much as half from one stretch of time to the next, was the same "
      "for all. The figures beside it are each engine's own median. inkcpp: %s.\n" % (cpp or "not measured"))
    w("| scenes | figure | verbeeld | inkjs | inkcpp | × inkjs | × inkcpp |")
    w("|---:|---|---:|---:|---:|---:|---:|")
    cores = os.cpu_count()
    mib = lambda kb: kb / 1024 if kb else None
    for n in sizes:
        def line(what, v, i, c, ri, rc):
            w("| %s | %s | %s | %s | %s | %s | %s |" % (fmt(n), what, fmt(v), fmt(i), fmt(c),
                                                       fmt(ri) + "×" if ri else "–", fmt(rc) + "×" if rc else "–"))
        lv, li, lcpp = med(d, n, *VL), med(d, n, *IL), med(d, n, *CL)
        line("first load, from the XML (ms)", lv, li, lcpp, paired(d, n, VL, IL, inv), paired(d, n, VL, CL, inv))
        lc = ("load_cached_ms", "verbeeld")
        line("load of an unchanged file, from the model cache (ms)", med(d, n, *lc), li, lcpp,
             paired(d, n, lc, IL, inv), paired(d, n, lc, CL, inv))
        ci, cc = med(d, n, "compile_ms", "ink"), med(d, n, "convert_s", "inkcpp")
        line("compiling the ink source (ms; inkcpp: then inkcpp_cl converting it)", None, ci,
             ci + cc * 1000 if ci and cc else None, ci / lv if lv and ci else None,
             (ci + cc * 1000) / lv if lv and ci and cc else None)
        line("**walk that produces the text a player sees**, one process (choices/s)", med(d, n, *TW),
             med(d, n, *IW), med(d, n, *CW), paired(d, n, TW, IW, per), paired(d, n, TW, CW, per))
        w1 = ("walk1_per_s", "verbeeld")
        line("walk without any text (`explore --random`), one process (choices/s)", med(d, n, *w1),
             med(d, n, *IW), med(d, n, *CW), paired(d, n, w1, IW, per), paired(d, n, w1, CW, per))
        wj = ("walk_per_s", "verbeeld")
        line("walk without any text, one job per processor (%s; choices/s)" % cores, med(d, n, *wj),
             med(d, n, *IW), med(d, n, *CW), paired(d, n, wj, IW, per), paired(d, n, wj, CW, per))
        mt, mi, mc = med(d, n, "textwalk_rss_kb", "verbeeld"), med(d, n, "rss_kb", "ink"), med(d, n, "rss_kb", "inkcpp")
        line("peak memory of the text walk (MiB)", mib(mt), mib(mi), mib(mc),
             mi / mt if mt and mi else None, mc / mt if mt and mc else None)
        mv = med(d, n, "rss_kb", "verbeeld")
        line("peak memory of `explore --random` (MiB)", mib(mv), mib(mi), mib(mc),
             mi / mv if mv and mi else None, mc / mv if mv and mc else None)
    w("")

    w("## Growth from %s to %s scenes\n" % (fmt(sizes[0]) if sizes else "?", fmt(sizes[-1]) if sizes else "?"))
    w("Cost per scene (first load, from the XML) and per choice (walk, one process), per size; "
      "flat means linear growth. verbeeld's cost per choice is from walks of every size run back "
      "to back in each round, so that all three saw the machine at one speed.\n")
    w("| scenes | verbeeld load µs/scene | inkjs load µs/scene | verbeeld µs/choice | inkjs µs/choice | verbeeld MiB | inkjs MiB |")
    w("|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        lv, li = med(d, n, "load_ms", "verbeeld"), med(d, n, "load_ms", "ink")
        wv, wi = med(d, n, "walk1g_per_s", "verbeeld") or med(d, n, "walk1_per_s", "verbeeld"), med(d, n, "walk_per_s", "ink")
        mv, mi = med(d, n, "rss_kb", "verbeeld"), med(d, n, "rss_kb", "ink")
        w("| %s | %s | %s | %s | %s | %s | %s |" % (
            fmt(n), fmt(lv * 1000 / n if lv else None, 2), fmt(li * 1000 / n if li else None, 2),
            fmt(1e6 / wv if wv else None, 2), fmt(1e6 / wi if wi else None, 2),
            fmt(mv / 1024 if mv else None), fmt(mi / 1024 if mi else None)))
    w("")

    fp, fe = med(d, "moveon", "first_prompt_ms", "verbeeld"), med(d, "moveon", "first_exit_ms", "verbeeld")
    fpc, fec = med(d, "moveon", "first_prompt_ms_cold", "verbeeld"), med(d, "moveon", "first_exit_ms_cold", "verbeeld")
    w("## MoveOn: start to first prompt\n")
    w("`build/verbeeld play moveon --cast CAST` (three participants) on a pseudo-terminal, from "
      "starting the process until the first prompt is on the screen (bench/firstprompt.py), "
      "medians:\n")
    w("| | first prompt (ms) | start, first prompt, end of input, save, exit (ms) |")
    w("|---|---:|---:|")
    w("| MoveOn loaded before (its model in the cache: a trainer's start) | %s | %s |" % (fmt(fp), fmt(fe)))
    w("| the very first start (model cache off) | %s | %s |\n" % (fmt(fpc), fmt(fec)))

    w("## explore --exhaustive\n")
    w("| scenario | states | states per second | time (s) | peak memory (MiB) |")
    w("|---|---:|---:|---:|---:|")
    for sc in ("tutorial", "moveon", "school"):
        st, t = med(d, sc, "exhaustive_states", "verbeeld"), med(d, sc, "exhaustive_s", "verbeeld")
        tr, m = med(d, sc, "exhaustive_truncated", "verbeeld"), med(d, sc, "rss_kb", "verbeeld")
        w("| %s | %s%s | %s | %s | %s |" % (sc, fmt(st), " (stopped at --max-states)" if tr else "",
                                           fmt(med(d, sc, "exhaustive_rate", "verbeeld")), fmt(t, 2),
                                           fmt(m / 1024 if m else None)))
    w("")

    w("## The minimums\n")
    w("| minimum | measured | holds |")
    w("|---|---|---|")

    def row(what, got, ok):
        w("| %s | %s | %s |" % (what, got, "yes" if ok else "**no**"))
    n10 = 10000 if 10000 in sizes else (sizes[len(sizes) // 2] if sizes else None)
    rj = paired(d, n10, ("walk_per_s", "verbeeld"), IW, per)
    r1 = paired(d, n10, ("walk1_per_s", "verbeeld"), IW, per)
    if rj:
        row("random walk at %s scenes ≥ 20× inkjs, one job per processor (%s)" % (fmt(n10), cores), "%s×" % fmt(rj), rj >= 20)
    if r1:
        row("random walk at %s scenes ≥ 20× inkjs, one process" % fmt(n10), "%s×" % fmt(r1), r1 >= 20)
    for n in sizes:
        r = paired(d, n, ("load_cached_ms", "verbeeld"), IL, inv)
        if r:
            row("load ≥ 5× faster than inkjs, %s scenes, unchanged file (model cache)" % fmt(n), "%s×" % fmt(r), r >= 5)
    for n in sizes:
        r = paired(d, n, ("load_ms", "verbeeld"), IL, inv)
        if r:
            row("load ≥ 5× faster than inkjs, %s scenes, first load (XML)" % fmt(n), "%s×" % fmt(r), r >= 5)
    for n in sizes:
        mv, mi = med(d, n, "rss_kb", "verbeeld"), med(d, n, "rss_kb", "ink")
        if mv and mi:
            row("peak memory below inkjs's, %s scenes" % fmt(n), "%s vs %s MiB" % (fmt(mv / 1024), fmt(mi / 1024)), mv < mi)
    if len(sizes) >= 2:
        a, b = sizes[0], sizes[-1]
        la, lb = med(d, a, "load_ms", "verbeeld"), med(d, b, "load_ms", "verbeeld")
        if la and lb:
            g = (lb / b) / (la / a)
            row("load cost per scene flat, %s → %s scenes" % (fmt(a), fmt(b)), "× %s per scene" % fmt(g, 2), g <= 1.5)
        g = growth(d, a, b)
        if g:
            row("walk cost per choice flat, %s → %s scenes" % (fmt(a), fmt(b)), "× %s per choice" % fmt(g, 2), g <= 1.5)
    # Issue 26: ahead of the native ink runtime too, on the rows a person notices.
    for n in sizes:
        r = paired(d, n, ("load_cached_ms", "verbeeld"), CL, inv)
        if r:
            row("ahead of inkcpp, %s scenes: load of an unchanged file" % fmt(n), "%s×" % fmt(r), r > 1)
        r = paired(d, n, TW, IW, per)
        if r:
            row("ahead of inkjs, %s scenes: the walk that produces text" % fmt(n), "%s×" % fmt(r), r > 1)
        r = paired(d, n, TW, CW, per)
        if r:
            row("ahead of inkcpp, %s scenes: the walk that produces text" % fmt(n), "%s×" % fmt(r), r > 1)
        mt, mc = med(d, n, "textwalk_rss_kb", "verbeeld"), med(d, n, "rss_kb", "inkcpp")
        if mt and mc:
            row("ahead of inkcpp, %s scenes: peak memory of the text walk" % fmt(n),
                "%s vs %s MiB" % (fmt(mt / 1024), fmt(mc / 1024)), mt < mc)
    if fp:
        row("MoveOn's first prompt within 20 ms (loaded before)", "%s ms" % fmt(fp), fp <= 20)
    if fpc:
        row("MoveOn's first prompt within 20 ms (very first start)", "%s ms" % fmt(fpc), fpc <= 20)
    w("")
    notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "notes.md")
    if os.path.exists(notes):
        w(open(notes).read().rstrip() + "\n")
    with open(out, "w") as f:
        f.write("\n".join(L))


if __name__ == "__main__":
    main()
