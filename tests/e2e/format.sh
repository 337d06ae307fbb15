#!/bin/sh
# The format features a writer needs for continuity (issue 19), played as a user would and
# compared with tests/e2e/format/*.expected (UPDATE=1 rewrites them: read the diff).
# Called by run.sh as: sh tests/e2e/format.sh VERBEELD TMPDIR; prints what failed.
set -u
top=$(pwd)
V=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") T=$2/format
D=tests/e2e/format
mkdir -p "$T"
export NO_COLOR=1 COLUMNS=80 VERBEELD_NOW=1763805600
fails=0
fail() { echo "format: $*"; fails=$((fails + 1)); }

# expect NAME: compare $T/NAME.out with $D/NAME.expected.
expect() {
    sed -i "s#$V #verbeeld #g" "$T/$1.out"     # the commands it prints begin as it was started
    if [ "${UPDATE:-}" = 1 ]; then cp "$T/$1.out" "$D/$1.expected"; return; fi
    diff -u "$D/$1.expected" "$T/$1.out" > "$T/$1.diff" || fail "$1: $(head -40 "$T/$1.diff")"
}

# play NAME INPUT CAST LANG ARGS...: a session with the cast of participants named in CAST
# (a comma-separated list of name:core), its screen and exit status.
play() {
    name=$1 input=$2 cast=$3 lang=$4; shift 4
    {
        printf '<cast xmlns="urn:verbeeld:cast:1">'
        echo "$cast" | tr ',' '\n' | while IFS=: read -r n c; do
            printf '<participant name="%s" core="%s" goal="x"/>' "$n" "$c"
        done
        printf '</cast>\n'
    } > "$T/$name.cast"
    rm -f "$T/$name.jsonl"
    # from the folder of the journal, so that the lines that name it wrap the same everywhere
    (cd "$T" && printf '%b' "$input" | "$V" play "$top/$D/${scenario:-format}.xml" --cast "$name.cast" --lang "$lang" --seed 1 \
        --journal "$name.jsonl" "$@" > "$name.out" 2>&1; echo "[exit $?]" >> "$name.out")
    expect "$name"
}

for f in format cards turns; do
    "$V" check --werror "$D/$f.xml" > "$T/check.out" 2>&1 || fail "check --werror $f: $(cat "$T/check.out")"
done

# Narration under a condition, and the group's size: one participant who leaves the letter
# shut hears of one hand and of a letter still shut; six who open it, of six hands and 0.8.
play solo-shut '=dicht\n=klaar\n\n' 'An:tact' en
play six-open '=open\n=klaar\n\n\n\n\n\n\n' 'An:tact,Bo:tact,Cas:tact,Dirk:tact,Eva:tact,Fien:tact' nl
# Tim's line, his reaction and his choice read the story (story.vars, story.visited,
# story.participants): above, he answers honestly after the letter, evasively without it. And
# /back rebuilds the session, with the story the characters read.
# An incident available only once the letter is open: refused before, with the reason why.
play inject-when '/inject guido\n=open\n/inject guido\n=opnemen\n=klaar\n\n' 'An:tact' en
# Names in the language played: the card is "The blue mug" in English, the incident
# "customer" (/inject lists it so, and takes it and its id); in Dutch "klant" alone.
scenario=cards play names-en '1\n/inject\n/inject customer\n=helpen\n/inject klant\n=helpen\n=klaar\n\n' 'An:tact' en
scenario=cards play names-nl '1\n/inject customer\n/inject\n=klaar\n\n' 'An:tact' nl
play solo-back '=open\n/back\n=dicht\n=klaar\n\n' 'An:tact' en

# Whose turn: the menu, a scene of the cook nobody plays, goes to the participant whose turn it
# is (unplayed="turn"); the table, without it, to the cook's script. Two participants, the
# second with a private brief: the narration follows whom the cast file briefed.
printf '%s\n' '<cast xmlns="urn:verbeeld:cast:1"><participant name="An" core="tact" goal="x"/>' \
    '<participant name="Bo" core="tact" goal="x"><brief xml:lang="en">Stand up at the menu.</brief></participant></cast>' \
    > "$T/turns-briefed.cast"
rm -f "$T/turns-briefed.jsonl"
(cd "$T" && printf '=brood\n\n\n' | "$V" play "$top/$D/turns.xml" --cast turns-briefed.cast --lang en --seed 1 \
    --journal turns-briefed.jsonl > turns-briefed.out 2>&1; echo "[exit $?]" >> turns-briefed.out)
expect turns-briefed
scenario=turns play turns-solo '=soep\n\n' 'An:tact' nl

# check_broken NAME: what check says of $D/broken/NAME.xml, in English, and its exit status.
check_broken() {
    LANGUAGE=en "$V" check "$D/broken/$1.xml" > "$T/check-$1.out" 2>&1
    echo "[exit $?]" >> "$T/check-$1.out"
    expect "check-$1"
}

# A script that reads story.vars or story.visited under a name the scenario lacks.
check_broken names
# A choice said to a role the scenario does not have.
check_broken addressee

# story is read-only: a script that writes to it is stopped and named, the story goes on.
LANGUAGE=en "$V" explore "$D/broken/writes.xml" --exhaustive 2>&1 | grep -v 'per second' > "$T/explore-writes.out"
expect explore-writes

# Every fact named must be declared: in needs, unless, set fact and conditions; an incident's
# name in a language must be no other incident's.
check_broken facts
check_broken condition

# Text that presupposes a fact where the story can get without it: check warns with a way
# there; explore finds the states where it is shown and says how it got there.
check_broken continuity
LANGUAGE=en "$V" explore "$D/broken/continuity.xml" --exhaustive 2>&1 | grep -v 'per second' > "$T/explore-continuity.out"
expect explore-continuity
LANGUAGE=en "$V" check --werror "$D/broken/continuity.xml" > /dev/null 2>&1
[ $? -eq 1 ] || fail "check --werror passes text that presupposes what may not be so"

[ "$fails" -eq 0 ]
