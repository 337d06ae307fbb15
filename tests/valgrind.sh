#!/bin/sh
# The end-to-end tests (tests/e2e/run.sh, which includes tests/hostile.sh) with every run of
# the program under valgrind's memcheck.
#
#   sh tests/valgrind.sh [build/verbeeld]           all of tests/e2e/run.sh (slow: an hour or more,
#                                                   kill-group alone replays 50 resumed sessions)
#   sh tests/valgrind.sh [build/verbeeld] hostile   tests/hostile.sh only (some minutes)
#   sh tests/valgrind.sh [build/verbeeld] sessions  a session of each scenario, solo and in a
#                                                   group, with undo, incidents, resume, replay,
#                                                   every debrief format, check, graph, explore
#                                                   (a minute or two: what CI runs)
#
# Each run writes its memcheck report to a log of its own; the script exits 0 when no log holds
# an error (invalid reads or writes, uninitialised values, bad frees, definite leaks), and 1
# with the reports otherwise. Under valgrind scripts run some fifty times slower; the script
# limits count work, not time, so they stop a runaway script with the same message, and
# HOSTILE_SLOW=1 only leaves out what cannot run under a tool. Differences from the golden
# output are listed but do not fail this script; memcheck errors do.
set -u
cd "$(dirname "$0")/.." || exit 2
BIN=${1:-build/verbeeld}
WHAT=${2:-e2e}
command -v valgrind > /dev/null 2>&1 || { echo "valgrind.sh: valgrind is not installed"; exit 2; }
[ -x "$BIN" ] || { echo "valgrind.sh: no program at $BIN (run make first)"; exit 2; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/logs"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
# The model cache of these runs (started empty: first loads from the XML, later ones from it).
export VERBEELD_CACHE="$W/cache"
cat > "$W/verbeeld" <<EOF
#!/bin/sh
exec valgrind --tool=memcheck -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\
    --show-leak-kinds=definite --track-origins=yes --log-file="$W/logs/vg.%p" "$BIN" "\$@"
EOF
chmod +x "$W/verbeeld"

if [ "$WHAT" = sessions ]; then
    export VERBEELD_NOW=1763805600 NO_COLOR=1
    V="$W/verbeeld" S="$W/s"
    mkdir -p "$S"
    ones() { i=0; while [ $i -lt "$1" ]; do echo 1; i=$((i + 1)); done; }
    printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="Sanne" core="verbinden" goal="x"/><participant name="Joris" core="tact" goal="y"/><participant name="Ayla" core="daadkracht" goal="z"/></cast>\n' > "$S/cast.xml"
    {
        { printf 'An\nverbinden\nNee zeggen\n1\n1\n/back\n/note @An stevig\n/stop adem\n/go\n/inject telefoon\n'; ones 30; } | "$V" play tutorial --lang nl --seed 1 --journal "$S/solo.jsonl"
        { ones 3; printf '/quit\n'; } | "$V" play moveon --cast "$S/cast.xml" --lang en --seed 2 --journal "$S/group.jsonl"
        ones 300 | "$V" play --resume "$S/group.jsonl"
        { seq 1 3; ones 297; } | "$V" play school --cast "$S/cast.xml" --lang en --seed 3 --journal "$S/school.jsonl"
        "$V" replay "$S/solo.jsonl"
        ones 30 | "$V" replay "$S/solo.jsonl" --from 2 --journal "$S/branch.jsonl"
        for f in md html json xapi; do "$V" debrief "$S/group.jsonl" --format $f -o "$S/debrief.$f"; done
        "$V" sheets school --cast "$S/cast.xml" -o "$S/sheets"
        "$V" check tutorial moveon school tests/e2e/broken/references.xml tests/e2e/broken/hostile.xml
        "$V" graph moveon
        "$V" explore tutorial --exhaustive
        "$V" explore moveon --random 20
        "$V" quadrant verbinden
        "$V" list
    } > "$W/e2e.out" 2>&1
elif [ "$WHAT" = hostile ]; then
    mkdir -p "$W/t"
    HOSTILE_SLOW=1 HOSTILE_SECONDS=120 sh tests/hostile.sh "$W/verbeeld" "$W/t" > "$W/e2e.out" 2>&1
else
    VERBEELD="$W/verbeeld" HOSTILE_SLOW=1 HOSTILE_SECONDS=120 sh tests/e2e/run.sh > "$W/e2e.out" 2>&1
fi
e2e=$?
runs=$(ls "$W/logs" | wc -l)
bad=0
for l in "$W"/logs/vg.*; do
    [ -s "$l" ] || continue
    bad=$((bad + 1))
    echo "--- memcheck: $l"
    head -60 "$l"
done
grep '^FAIL\|^e2e:\|^hostile:' "$W/e2e.out"
echo "valgrind: $runs runs under memcheck, $bad with errors (end-to-end status $e2e)"
[ "$bad" -eq 0 ]
