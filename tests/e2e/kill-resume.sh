#!/bin/sh
# Kill a session with SIGKILL after each choice in turn, resume it, and check that every
# choice entered before the kill is in the journal and that the resumed session ends the same
# way as one played without interruption.
set -u
V=$1 T=$2
inputs="1 1 1 1 1 1 1 1 1 1 1 1"
cast="$T/cast-cards.xml"
cat > "$cast" <<'CAST'
<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan" card="espresso"/>
  <participant name="Joris" core="tact" goal="Meer ruimte geven" card="baobab"/>
</cast>
CAST
export VERBEELD_NOW=1763805600 NO_COLOR=1

# The session played straight through, as the reference.
printf '1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n' | "$V" play tutorial --cast "$cast" --lang en --seed 5 \
    --journal "$T/ref.jsonl" > /dev/null 2>&1 || exit 1
grep -c '"ev":"choice"' "$T/ref.jsonl" > /dev/null || exit 1
ref_ending=$(grep '"ev":"ending"' "$T/ref.jsonl" | sed 's/.*"ending":"\([^"]*\)".*/\1/')
entered_total=$(grep '"auto":false' "$T/ref.jsonl" | grep -c '"ev":"choice"')

count_choices() { grep '"auto":false' "$1" 2>/dev/null | grep -c '"ev":"choice"'; }

k=1
while [ "$k" -lt "$entered_total" ]; do
    j="$T/kill$k.jsonl"
    fifo="$T/fifo$k"
    mkfifo "$fifo"
    "$V" play tutorial --cast "$cast" --lang en --seed 5 --journal "$j" < "$fifo" > /dev/null 2>&1 &
    pid=$!
    exec 3> "$fifo"
    sent=0
    for line in $inputs; do
        [ "$sent" -ge "$k" ] && break
        echo "$line" >&3
        sent=$((sent + 1))
        # wait until the program has journaled this choice
        tries=0
        while [ "$(count_choices "$j")" -lt "$sent" ] && [ $tries -lt 200 ]; do sleep 0.02; tries=$((tries + 1)); done
    done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    exec 3>&-
    got=$(count_choices "$j")
    if [ "$got" -ne "$k" ]; then echo "kill after $k choices: journal holds $got"; exit 1; fi
    # resume with the rest of the input
    rest=$(echo $inputs | cut -d' ' -f$((k + 1))-)
    printf '%s\n' $rest | "$V" play --resume "$j" > "$T/resume$k.out" 2>&1 || { echo "resume $k failed"; exit 1; }
    ending=$(grep '"ev":"ending"' "$j" | sed 's/.*"ending":"\([^"]*\)".*/\1/')
    if [ "$ending" != "$ref_ending" ]; then echo "resume after $k: ending '$ending', expected '$ref_ending'"; exit 1; fi
    if [ "$(count_choices "$j")" -ne "$entered_total" ]; then echo "resume after $k: wrong number of choices"; exit 1; fi
    k=$((k + 1))
done

# The cast file's private briefs hold after a resume: the planted conflict goes to the two
# participants briefed for it, not to parents nobody plays (the journal says who was briefed).
cat > "$T/kr-briefed.xml" <<'CAST'
<cast scenario="school" xmlns="urn:verbeeld:cast:1">
  <participant name="Frank" core="structuur" goal="x" role="directeur"/>
  <participant name="Ilse" core="zorgzaamheid" goal="y"><brief xml:lang="en">You tell the chair.</brief></participant>
  <participant name="Tom" core="creativiteit" goal="z"><brief xml:lang="en">You too.</brief></participant>
</cast>
CAST
{ seq 1 3; yes 1; } | head -12 | "$V" play school --cast "$T/kr-briefed.xml" --lang en --seed 1 --journal "$T/kr-briefed.jsonl" > /dev/null 2>&1
printf '/inject conflict\n' | "$V" play --resume "$T/kr-briefed.jsonl" > "$T/kr-briefed.out" 2>&1
grep -q "the two who have been meaning to" "$T/kr-briefed.out" || { echo "resume forgot who was briefed: $(grep -m1 'stand up' "$T/kr-briefed.out")"; exit 1; }

# A vote cut off by a stop: the votes typed before it are in the journal, and /vote after the
# resume goes on with them (seed 11: the group decides at 'markt' after these answers).
cast2="$T/cast-two.xml"
printf '<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1"><participant name="Sanne" core="verbinden" goal="a"/><participant name="Joris" core="tact" goal="b"/></cast>\n' > "$cast2"
printf '2\n1\n3\n2\n1\n1\n1\n1\n1\n/vote\n1\n' | "$V" play tutorial --cast "$cast2" --lang en --seed 11 --journal "$T/kr-vote.jsonl" > /dev/null 2>&1
grep -q '"ev":"ballot".*"by":"Sanne"' "$T/kr-vote.jsonl" || { echo "a vote typed before the stop is not in the journal"; exit 1; }
printf '/vote\n2\n1\n' | "$V" play --resume "$T/kr-vote.jsonl" > "$T/kr-vote.out" 2>&1
grep -q '1 of 2 had voted' "$T/kr-vote.out" && grep -q 'Sanne has already voted: 1' "$T/kr-vote.out" \
    && grep '"ev":"vote"' "$T/kr-vote.jsonl" | grep -q '"by":"Sanne".*"by":"Joris"' \
    || { echo "the vote cut off by the stop did not go on after the resume: $(grep -i vote "$T/kr-vote.out")"; exit 1; }

# The corners shown on screen (--corners, /corners) are shown again after a resume.
printf '2\n1\n' | "$V" play tutorial --cast "$cast2" --lang en --seed 11 --corners --journal "$T/kr-view.jsonl" > /dev/null 2>&1
printf '3\n2\n' | "$V" play --resume "$T/kr-view.jsonl" > "$T/kr-view.out" 2>&1
grep -q "^   \[connecting · Sanne's own core quality\]" "$T/kr-view.out" || { echo "the corners were not shown again after the resume"; exit 1; }
exit 0
