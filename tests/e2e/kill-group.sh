#!/bin/sh
# Nothing is lost: a group of five plays MoveOn for 250 steps (choices, notes, time-outs,
# incidents, undo). The session is killed with SIGKILL at 50 different moments and resumed each
# time with the rest of the input; every journal must then be exactly the journal of the session
# played without interruption, and the journal at each kill a prefix of it. Called by run.sh as: sh tests/e2e/kill-group.sh VERBEELD TMPDIR
set -u
V=$1
T=$2/kill-group
mkdir -p "$T"
export VERBEELD_NOW=1763805600 NO_COLOR=1
cat > "$T/cast.xml" <<'CAST'
<cast scenario="moveon" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan voor mijn team"/>
  <participant name="Joris" core="daadkracht" goal="Meer ruimte geven"/>
  <participant name="Ayla" core="tact" goal="Zeggen wat ik denk"/>
  <participant name="Bram" core="flexibiliteit" goal="Afspraken nakomen"/>
  <participant name="Mehmet" core="voorzichtigheid" goal="Durven kiezen"/>
</cast>
CAST
awk 'BEGIN { for (b = 1; b <= 120; b++) {
    print "1"; print "1"; print "/back"; print "/note @Ayla blok " b; print "1"; print "/back"; print "/back"
    print "1"; print "1"
    if (b % 4 == 0) { print "/stop even " b; print "/go" }
    if (b % 7 == 0) print "/inject klant"
    if (b % 9 == 0) print "/back 2" } }' > "$T/input"
# The journal entries that stand for a line entered at the prompt.
inputs() { grep -E '"ev":"(note|timeout|go|undo|inject)"|"ev":"choice".*"auto":false' "$1"; }
play() { "$V" play moveon --cast "$T/cast.xml" --seed 3 --lang nl --journal "$1"; }

play "$T/ref.jsonl" < "$T/input" > "$T/ref.out" 2>&1 || { echo "kill-group: the reference session failed"; exit 1; }
# prompts, not the cast's lines ("Sanne → Karin Mertens — Manager Operations")
steps=$(grep -E '^(\[time-out\] )?(Sanne|Joris|Ayla|Bram|Mehmet|De groep)[^:]* — ' "$T/ref.out" | grep -vc ' → ')
[ "$steps" -ge 200 ] || { echo "kill-group: only $steps steps"; exit 1; }
grep -q '"ev":"ending"' "$T/ref.jsonl" || { echo "kill-group: the reference reached no ending"; exit 1; }

inputs "$T/ref.jsonl" > "$T/ref.inputs"
grep '"ev":"ending"' "$T/ref.jsonl" > "$T/ref.ending"
[ "$(grep -c . "$T/ref.inputs")" -eq "$steps" ] || { echo "kill-group: not every step is journaled"; exit 1; }

# 50 different moments, spread at random (but the same each run) over the steps.
points=${POINTS:-}
[ -n "$points" ] || points=$(awk -v n="$steps" 'BEGIN { srand(42); while (c < 50) { k = 1 + int(rand() * (n - 1)); if (!(k in seen)) { seen[k] = 1; c++; print k } } }')
size() { if [ -f "$1" ]; then wc -c < "$1"; else echo 0; fi; }
for k in $points; do
    j="$T/k$k.jsonl"
    rm -f "$j" "$T/fifo"
    mkfifo "$T/fifo"
    "$V" play moveon --cast "$T/cast.xml" --seed 3 --lang nl --journal "$j" < "$T/fifo" > /dev/null 2>&1 &
    pid=$!
    exec 3> "$T/fifo"
    head -n "$k" "$T/input" >&3
    # Wait until the journal has stopped growing: the program waits for its next line.
    last=-1 same=0 tries=0
    while [ $same -lt 8 ] && [ $tries -lt 6000 ]; do
        sleep 0.01
        now=$(size "$j")
        if [ "$now" = "$last" ] && [ "$now" -gt 0 ]; then same=$((same + 1)); else same=0; last=$now; fi
        tries=$((tries + 1))
    done
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    exec 3>&-
    [ -f "$j" ] || { echo "kill-group: no journal after $k steps"; exit 1; }
    # What was written before the kill is exactly what the uninterrupted session wrote.
    n=$(grep -c . "$j")
    head -n "$n" "$T/ref.jsonl" | cmp -s - "$j" || { echo "kill-group: after $k steps the journal is not what was played"; exit 1; }
    # Resume with the lines the program had not read yet, and every line entered is there.
    done_lines=$(inputs "$j" | grep -c .)
    tail -n +$((done_lines + 1)) "$T/input" | "$V" play --resume "$j" > "$T/resume.out" 2>&1 || { echo "kill-group: resume after $k failed:"; tail -5 "$T/resume.out"; exit 1; }
    inputs "$j" | cmp -s - "$T/ref.inputs" || { echo "kill-group: killed after $k steps and resumed, an entered line is missing"; exit 1; }
    grep '"ev":"ending"' "$j" | cmp -s - "$T/ref.ending" || { echo "kill-group: killed after $k steps and resumed, another ending"; exit 1; }
done
exit 0
