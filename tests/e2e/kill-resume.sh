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
exit 0
