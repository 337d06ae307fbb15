#!/bin/sh
# End-to-end tests: real sessions piped through build/verbeeld, compared with golden files.
#
# Each case runs the program as a user would and compares what it prints (and journals, and
# debriefs) with tests/e2e/golden/. UPDATE=1 rewrites the golden files from the current
# output: read the diff before committing it.
set -u
cd "$(dirname "$0")/../.." || exit 2
V=${VERBEELD:-build/verbeeld}
G=tests/e2e/golden
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export VERBEELD_NOW=1763805600 NO_COLOR=1 COLUMNS=80 LC_ALL=C.UTF-8
unset LANG LANGUAGE LC_MESSAGES
# The model cache: make gives a folder in the build folder, started empty, so the sessions below
# load each scenario from its XML first and from the cache after; by hand, one of this run.
export VERBEELD_CACHE="${VERBEELD_CACHE:-$T/cache}"
pass=0 fail=0 failed=""

# Compare file $2 with golden $1 (or write it with UPDATE=1).
compare() {
    # The commands it tells a person to type name the program as it was started: the goldens
    # have build/verbeeld, whichever build (build-asan/verbeeld in CI) ran.
    sed -e "s#$T#<tmp>#g" -e "s#$(pwd)/##g" -e 's/"program":"[^"]*"/"program":"<version>"/' \
        -e "s#^\(  *\)$V #\1build/verbeeld #" "$2" > "$T/normalized"
    if [ "${UPDATE:-}" = 1 ]; then cp "$T/normalized" "$G/$1"; return 0; fi
    if diff -u "$G/$1" "$T/normalized" > "$T/diff" 2>&1; then return 0; fi
    echo "--- $1 differs:"; head -40 "$T/diff"; return 1
}

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); failed="$failed $1"; echo "FAIL: $1"; }
check() { name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }

# run NAME INPUT ARGS...: run verbeeld with INPUT on stdin, golden-compare stdout+stderr+status.
run() {
    name=$1 input=$2; shift 2
    printf '%b' "$input" | "$V" "$@" > "$T/out" 2>&1
    echo "[exit $?]" >> "$T/out"
    compare "$name.out" "$T/out"
}

# ---------------------------------------------------------------- the command line
check version sh -c "$V --version | grep -q '^verbeeld '"
check usage-no-command sh -c "$V >/dev/null 2>&1; [ \$? -eq 2 ]"
check usage-unknown-command sh -c "$V frobnicate >/dev/null 2>&1; [ \$? -eq 2 ]"
check usage-play-no-scenario sh -c "$V play >/dev/null 2>&1; [ \$? -eq 2 ]"
check usage-bad-lang sh -c "$V play tutorial --lang fr >/dev/null 2>&1; [ \$? -eq 2 ]"
# A refused option is named once, as typed, in the program's own words: getopt's message came
# first, and then a second one without the option.
check usage-unknown-option sh -c "LANGUAGE=en $V play --bogus 2>&1 | sed -n 1p | grep -qx \"verbeeld play: unknown option '--bogus'\" && LANGUAGE=en $V play --bogus 2>&1 | sed -n 2p | grep -q '^Usage:'"
check usage-missing-value sh -c "LANGUAGE=nl $V play tutorial --lang 2>&1 | sed -n 1p | grep -qx 'verbeeld play: --lang heeft een waarde nodig'; [ \$? -eq 0 ] && { $V play tutorial --lang >/dev/null 2>&1; [ \$? -eq 2 ]; }"
check usage-explore-both sh -c "LANGUAGE=en $V explore tutorial --random 5 --exhaustive 2>&1 | grep -q 'choose --random N or --exhaustive, not both'; [ \$? -eq 0 ] && { $V explore tutorial --exhaustive --random 5 >/dev/null 2>&1; [ \$? -eq 2 ]; }"
check help-play run help-play "" help play
check quadrant-nl run quadrant-nl "" quadrant verbinden
check quadrant-en sh -c "$V quadrant connecting | grep -q 'setting boundaries'"
check quadrant-unknown sh -c "$V quadrant zeuren >/dev/null 2>&1; [ \$? -eq 1 ]"
# A pitfall is no core quality, but it stands on one: the message says which to ask for. The
# beginning of a core quality is answered with the ones it may be.
check quadrant-pitfall sh -c "LANGUAGE=en $V quadrant botheid 2>&1 | grep -q 'it is the pitfall of directness (verbeeld quadrant directness)'"
check quadrant-prefix sh -c "LANGUAGE=nl $V quadrant kritisch 2>&1 | grep -q 'Bedoel je: kritisch zijn?'"
check quadrant-lang sh -c "LANGUAGE=nl $V quadrant --lang en zorgzaamheid | grep -q '^Core quadrant:' && LANGUAGE=en $V quadrant geduld --lang=nl | grep -q '^Kernkwadrant:'"
check scenario-not-found sh -c "$V play nergens --lang en 2>&1 </dev/null | grep -q \"scenario 'nergens' not found\""

# ---------------------------------------------------------------- scenarios: check
for f in tests/e2e/broken/*.xml; do
    n=$(basename "$f" .xml)
    check "check-$n" run "check-$n" "" check "$f"
done
check check-tutorial run check-tutorial "" check tutorial
# A quality the trainer saw that is not on the quadrant the participant plays is kept, and said so.
printf '<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1"><participant name="Sanne" core="verbinden" goal="x"/></cast>\n' > "$T/tag1.xml"
check tag-off-quadrant sh -c "printf '1\\n1\\n/tag geduld\\n/quit\\n' | '$V' play tutorial --cast '$T/tag1.xml' --lang en --journal '$T/tag1.jsonl' 2>&1 | grep -q \"Tagged for Sanne's debrief: patience (not on the quadrant Sanne plays)\""
# Alone, /who gives the character's brief again (after a resume it was not shown).
printf '<cast scenario="moveon" xmlns="urn:verbeeld:cast:1"><participant name="Mila" core="directheid" goal="x"/></cast>\n' > "$T/who1.xml"
check who-solo-brief sh -c "printf '/who\\n/quit\\n' | '$V' play moveon --cast '$T/who1.xml' --lang en --journal '$T/who1.jsonl' 2>&1 | grep -q 'You are Isabel Verhoeven (38)'"
# Options after the scenario too, as the other commands take them.
check check-option-after sh -c "'$V' check tutorial --werror > /dev/null 2>&1"
# check says everything in one run: a line a character does not have beside a scene that does
# not exist (the line was only found once the scene was mended); libxml2's commonest words in
# the designer's language, with what to do.
mkdir -p "$T/broke" && ln -sfn "$(pwd)/characters" "$T/broke/characters"
sed -e '0,/line="welkom"/s//line="welkm"/' -e '0,/next="timeout"/s//next="timout"/' scenarios/tutorial.xml > "$T/broke/two.xml"
check check-all-at-once sh -c "'$V' check '$T/broke/two.xml' --lang en 2>&1 | grep -c \"has no line 'welkm'\|unknown scene or ending 'timout'\" | grep -qx 2"
sed -e '0,/Maandagochtend/s//Maandag \& ochtend/' scenarios/tutorial.xml > "$T/broke/amp.xml"
check check-xml-words sh -c "'$V' check '$T/broke/amp.xml' --lang nl 2>&1 | grep -q \"amp.xml:[0-9]*: error: een losse '&': schrijf hem als &amp;\" && '$V' check '$T/broke/amp.xml' --lang en 2>&1 | grep -q 'checked once the file is well-formed XML'"
# check speaks the language --lang names, as every other command does; help names its options.
check check-lang sh -c "'$V' check tutorial --lang en | grep -q '^1 scenario checked: no errors' && '$V' help check | grep -q -- '--werror'"
# An incident for a role nobody plays is refused: verbeeld would play it out alone.
printf '<cast scenario="school" xmlns="urn:verbeeld:cast:1"><participant name="Anke" core="voorzichtigheid" goal="x" card="sem" role="zorgvuldige"/><participant name="Bram" core="structuur" goal="y" card="noor" role="dromer"/></cast>\n' > "$T/noduv.xml"
check inject-unplayed sh -c "printf '/inject krant\\n/quit\\n' | '$V' play school --cast '$T/noduv.xml' --lang en --journal '$T/noduv.jsonl' 2>&1 | grep -q \"Incident ‘press’ cannot be started now: it is for Dounia El Amrani, whom nobody\" && ! grep -q '\"ev\":\"event\"' '$T/noduv.jsonl'"
# The group's yes to Bart decides the tutorial's ending, however low the mood: Bart, "Top!",
# does not then slam the door (Lies's pitfall at each choice brings the mood to -5).
printf '<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1"><participant name="Ida" core="zorgvuldigheid" goal="x" role="coordinator" card="espresso"/></cast>\n' > "$T/ja1.xml"
check tutorial-yes-is-yes sh -c "printf '=binnen-lies-valkuil\\n=zit-lies-valkuil\\n=stil-lies-valkuil\\n=voorstel-lies-valkuil\\n=verder-lies-valkuil\\n=samen_ja\\n' | '$V' play tutorial --cast '$T/ja1.xml' --lang en --seed 2 --journal '$T/ja1.jsonl' > '$T/ja1.out' 2>&1; grep -q '\"ending\":\"ja_zeggen\"' '$T/ja1.jsonl' && grep -q 'You said yes together' '$T/ja1.out'"
# explore tells a choice whose condition never held from one that has none (a corner choice a
# fixed choice stands in for on the quadrant played): "their condition never held" was untrue.
check explore-unoffered-why sh -c "LANGUAGE=en '$V' explore tutorial --exhaustive > '$T/unoffered.out' 2>&1; sed -n '/have no condition/,/^[A-Z]/p' '$T/unoffered.out' | grep -q 'binnen-lies-kern' && ! grep -q 'condition never held' '$T/unoffered.out'"
# debrief -o DIR/ makes the folder (one level), and says why when it cannot.
check debrief-new-folder sh -c "'$V' debrief '$T/noduv.jsonl' -o '$T/handouts/' > /dev/null && [ -f '$T/handouts/Anke.md' ] && '$V' debrief '$T/noduv.jsonl' -o '$T/no/such/' 2>&1 | grep -q 'cannot write .*/no/such/: No such file or directory'"
# Lua's words for a script that does not compile are in the session's language as well.
check check-lua-nl sh -c "LANGUAGE=nl $V check tests/e2e/broken/scripts.xml 2>&1 | grep -q \"syntax.lua:5: error: '}' verwacht (om '{' van regel 1 af te sluiten) bij 'lines'\""
# Lua's run-time words too: a number looked into as if it were a table, in a condition.
sed -e '0,/if="facts.ja_tegen_bart"/s//if="vars.grens.x \&gt; 0"/' scenarios/tutorial.xml > "$T/broke/rt.xml"
check check-lua-runtime-nl sh -c "'$V' check '$T/broke/rt.xml' --lang nl 2>&1 | grep -q \"rt.xml:[0-9]*: error: voorwaarde mislukt: kan geen veld opzoeken in een waarde van type number (veld 'grens')\""
# A role that takes every quadrant but never offers its core quality casts a participant on their
# opposite quadrant in name only: check warns, at the role (it once said "on every quadrant" and
# nothing else, and every choice in the debrief was "no corner").
sed -e 's/corner="core"/corner="pitfall"/g' scenarios/tutorial.xml > "$T/broke/nocore.xml"
check check-core-never-offered sh -c "'$V' check '$T/broke/nocore.xml' --lang en 2>&1 | grep -q \"nocore.xml:55: warning: role 'coordinator' is never offered a choice on its core quality when it is played on the quadrant of tact, \""
# A dead end the check only warns of, met in play: the session stops with exit 1 and says the
# scenario has no way on; a resume says there is nothing to play on, not "continue it with".
printf '<cast scenario="mini" xmlns="urn:verbeeld:cast:1"><participant name="An" core="verbinden" goal="x"/></cast>\n' > "$T/dead.xml"
check play-dead-end sh -c "printf '1\\n' | '$V' play tests/e2e/broken/deadend-values.xml --cast '$T/dead.xml' --lang en --seed 1 --journal '$T/dead.jsonl' > '$T/dead.out' 2>&1; [ \$? -eq 1 ] && grep -q 'has no way on from here' '$T/dead.out' && ! grep -q 'Continue it with' '$T/dead.out'"
check resume-dead-end sh -c "'$V' play --resume '$T/dead.jsonl' < /dev/null > '$T/dead2.out' 2>&1; [ \$? -eq 1 ] && grep -q 'had no way on' '$T/dead2.out'"
# A script's line that is not UTF-8 (check says so) is journaled as valid UTF-8 all the same:
# one bad byte made the whole journal line unreadable to every JSON reader.
printf '<cast scenario="mini" xmlns="urn:verbeeld:cast:1"><participant name="An" core="grenzen stellen" goal="x"/></cast>\n' > "$T/mini.xml"
check journal-utf8 sh -c "printf '1\\n' | '$V' play tests/e2e/broken/scriptbytes.xml --cast '$T/mini.xml' --lang en --journal '$T/sb.jsonl' > /dev/null 2>&1; grep -q 'Caf' '$T/sb.jsonl' && python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding=\"utf-8\")]' '$T/sb.jsonl'"

# ---------------------------------------------------------------- playing the tutorial
cat > "$T/cast2.xml" <<'CAST'
<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan voor mijn team"/>
  <participant name="Joris" core="tact" goal="Meer ruimte geven"/>
</cast>
CAST


# /corners says the corner of a choice as the participant's own: a participant on connecting
# who picks the connecting line falls back on their own core quality, which the character's
# quadrant calls its challenge. Alone they are "you", in a group named.
printf '<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1"><participant name="An" core="verbinden" goal="x"/></cast>\n' > "$T/cast1.xml"
check corners-solo sh -c "printf '1\\n1\\n1\\n1\\n1\\n1\\n1\\n1\\n' | NO_COLOR=1 $V play tutorial --cast '$T/cast1.xml' --lang en --corners --seed 2 --journal '$T/cs.jsonl' 2>&1 | grep -q '^   \\[setting boundaries · your challenge\\]$'"

# Alone, a note without @name is about the one playing: it is on their page of the debrief.
check note-solo sh -c "printf '1\\n/note my stomach tightened\\n1\\n1\\n' | '$V' play tutorial --cast '$T/cast1.xml' --lang en --seed 2 --journal '$T/note-solo.jsonl' > /dev/null 2>&1; grep -q '\"ev\":\"note\".*\"about\":\"An\"' '$T/note-solo.jsonl'"

check corners-group sh -c "printf '2\\n3\\n2\\n2\\n2\\n2\\n2\\n2\\n2\\n2\\n' | NO_COLOR=1 $V play tutorial --cast '$T/cast2.xml' --lang nl --corners --seed 2 --journal '$T/cg.jsonl' > '$T/cg.out' 2>&1; grep -q '^   \\[verbinden · eigen kernkwaliteit van Sanne\\]$' '$T/cg.out' && ! grep -q '· uitdaging\\]$' '$T/cg.out'"

# Without a cast file, a group at one keyboard types every name at the first question; each is
# asked their core quality and goal, and cast on their opposite quadrant.
check setup-group sh -c "printf 'Sanne, Joris\\nverbinden\\nGrenzen stellen\\ntact\\n\\n1\\n2\\n' | '$V' play tutorial --lang en --seed 1 --journal '$T/sg.jsonl' > '$T/sg.out' 2>&1; grep -q '^Joris: core quality?' '$T/sg.out' && [ \$(grep -c '\"ev\":\"participant\"' '$T/sg.jsonl') -eq 2 ] && python3 tests/e2e/corners.py '$V' '$T/sg.jsonl'"
# A core quality said as people say it: the adjective, or in the other language, is offered
# as the lexicon's word in the session's language, and Enter takes it.
check setup-stem sh -c "printf 'An\\ngeduldig\\n\\nx\\n' | NO_COLOR=1 '$V' play tutorial --lang en --journal '$T/setup-stem.jsonl' 2>&1 | grep -q '^Taken: patience.\$'"

# A card keeps its number once another participant has picked: a taken one is named, a card may be
# picked by its name, and the list shows the free ones under their first numbers.
check cards-stable sh -c "printf '2\\n2\\norigami\\n1\\n1\\n' | NO_COLOR=1 '$V' play tutorial --cast '$T/cast2.xml' --lang en --seed 1 --journal '$T/cards-stable.jsonl' > '$T/cards-stable.out' 2>&1; grep -q '^Sanne already has Baobab: pick another card.\$' '$T/cards-stable.out' && grep -q '^  4) Origami' '$T/cards-stable.out' && ! grep -q '^  2) Bol' '$T/cards-stable.out' && grep -q '\"name\":\"Joris\".*\"card\":\"origami\"' '$T/cards-stable.jsonl'"

# A solo session in Dutch: the setup asks name, core quality and goal.
check solo-nl run solo-nl 'Sanne\nvrolijkheid\nzorg\nverbinden\nGrenzen stellen zonder de band te verliezen\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n' \
    play tutorial --lang nl --seed 7 --journal "$T/solo.jsonl"
check solo-nl-journal compare solo-nl.jsonl "$T/solo.jsonl"
check solo-nl-debrief sh -c "'$V' debrief '$T/solo.jsonl' > '$T/solo.md' && exit 0"
check solo-nl-debrief-golden compare solo-nl.md "$T/solo.md"

# "Did you mean zorgzaamheid?" is answered the way a person answers a question: "ja" (or
# Enter) takes the one suggestion; it was once refused as no core quality.
check solo-suggestion-yes sh -c "printf 'Sanne\\nzorgzaam\\nja\\nLoslaten\\n1\\n1\\n' | '$V' play tutorial --lang nl --seed 7 --journal '$T/yes.jsonl' > '$T/yes.out' 2>&1;
    grep -q 'Bedoel je zorgzaamheid? Enter neemt het over.' '$T/yes.out' && grep -q '\"core\":\"zorgzaamheid\"' '$T/yes.jsonl'"
check solo-suggestion-enter sh -c "printf 'Sam\\ncarin\\n\\nLet go\\n1\\n1\\n' | LANGUAGE=en '$V' play tutorial --lang en --seed 7 --journal '$T/yes2.jsonl' > '$T/yes2.out' 2>&1;
    grep -q 'Did you mean caring? Enter takes it.' '$T/yes2.out' && grep -q '\"core\":\"zorgzaamheid\"' '$T/yes2.jsonl'"

# Alone in a scenario with characters one makes one's own: the role the cast gave is offered
# first, and Enter keeps it (it once said "Enter keeps 0" when that role was no own role).
own_input='Tom\ndirectness\nListen first\n'
check solo-own-offers-given sh -c "printf '$own_input\\n' | '$V' play school --lang en --seed 3 --journal '$T/own1.jsonl' > '$T/own1.out' 2>&1;
    grep -q '^  1) Frank Mulder — Chair' '$T/own1.out' && grep -q 'Enter keeps 1): ' '$T/own1.out' &&
    grep -q '^Tom → Frank Mulder' '$T/own1.out'"
check solo-own-chooses sh -c "printf '${own_input}2\\n\\n\\n' | '$V' play school --lang en --seed 3 --journal '$T/own2.jsonl' > '$T/own2.out' 2>&1;
    grep -q '^Tom → Ronnie Verbeek' '$T/own2.out'"

# /inject lists first the incidents that can start now: at MoveOn's first scene only Horizon's
# call (the others wait for Guido's announcement).
cat > "$T/inject.expected" <<'EXPECTED'
Usage: /inject EVENT
These can be started now:
  horizon          Horizon calls Femke, in front of everyone
Not now (type one to hear why):
  bank             The bank calls about financing
  rumour           A rumour leaks to the staff
  client           The biggest client threatens to leave
  visit            Guido comes to the villa
EXPECTED
check inject-now-first sh -c "printf '/inject\\n' | '$V' play moveon --cast tests/e2e/moveon5.cast.xml --lang en --journal '$T/inject.jsonl' 2>&1 |
    awk '/— \\/inject\$/ { on = 1; next } on && n++ < 8' | diff '$T/inject.expected' -"

# A group session in English with time-out, note, undo and an incident.
check group-en run group-en '2\n1\n/note @Sanne stands firm\n/stop @Joris need a breath\n3\n/go\n3\n/back\n2\n/inject xyz\n/who\n/help\n9\n-1\nabc\n1\n1\n1\n1\n1\n1\n1\n1\n' \
    play tutorial --cast "$T/cast2.xml" --lang en --seed 11 --journal "$T/group.jsonl"
check group-en-journal compare group-en.jsonl "$T/group.jsonl"
check group-en-debrief sh -c "'$V' debrief '$T/group.jsonl' > '$T/group.md'"
check group-en-debrief-golden compare group-en.md "$T/group.md"
check group-en-goal python3 tests/e2e/goal.py "$V" "$T/group.jsonl" "$T"

# Three participants, two on one role (each on their own quadrant), in English: a note, a time-out, /back, an incident sent in
# by the trainer, a vote split two to one, anchors; then a what-if from step 5. The debrief of
# each in every format is golden: everything that happened, at its place.
cp tests/e2e/tutorial3.cast.xml "$T/cast3.xml"
check full-en run full-en '=binnen_grens\n/note @Sanne stands her ground\n=zit_verbinden\n/stop @Joris needs a moment\n/go\n=zit_direct\n/back\n=zit_direct\n=zit-lies-uitdaging\n/inject telefoon\n1\n1\n=nee_bart\n=eerlijk_direct\n=verder_direct\n=verder-lies-allergie\n/vote\n=samen_eerlijk\n1\n1\nthe blue mug\nmy boots\n\n' \
    play tutorial --cast "$T/cast3.xml" --lang en --seed 5 --journal "$T/full.jsonl"
check full-en-journal compare full-en.jsonl "$T/full.jsonl"
# A voter who types a number that is not there hears which numbers there are, as at the prompt
# (it once said only "Type the number of a choice.").
check vote-out-of-range sh -c "printf '=binnen_grens\\n=zit_verbinden\\n=zit_direct\\n=zit-lies-uitdaging\\n=nee_bart\\n=eerlijk_direct\\n=verder_direct\\n=verder-lies-allergie\\n/vote\\n9\\n' |
    LANGUAGE=en '$V' play tutorial --cast '$T/cast3.xml' --lang en --seed 5 --journal '$T/vote.jsonl' 2>&1 | grep -q '^Choose a number from 1 to [0-9]\\.$'"
# Anyone may step out of the fiction while voting: a /note is kept and the vote goes on; a /stop
# breaks the vote off (it once answered "Type the number of a choice." and threw both away), and
# the next /vote goes on with the votes cast.
check vote-step-out sh -c "printf '=binnen_grens\\n=zit_verbinden\\n=zit_direct\\n=zit-lies-uitdaging\\n=nee_bart\\n=eerlijk_direct\\n=verder_direct\\n=verder-lies-allergie\\n/vote\\n/note @Sanne hesitates\\n/nte typo\\n1\\n/stop a moment\\n/go\\n/vote\\n2\\n2\\n' |
    LANGUAGE=en '$V' play tutorial --cast '$T/cast3.xml' --lang en --seed 5 --journal '$T/vote-out.jsonl' > '$T/vote-out.out' 2>&1
    [ \$(grep -c 'The vote is broken off' '$T/vote-out.out') = 1 ] && grep -q 'Unknown command' '$T/vote-out.out' && grep -q 'Sanne has already voted: 1' '$T/vote-out.out' &&
    grep -q '\"ev\":\"note\".*hesitates' '$T/vote-out.jsonl' && grep -q '\"ev\":\"timeout\"' '$T/vote-out.jsonl' &&
    grep '\"ev\":\"vote\"' '$T/vote-out.jsonl' | grep -q '\"by\":\"Sanne\".*\"by\":\"Wen\"'"
# A tie the group votes on again is not "the trainer entered the group's decision" in the debrief.
check vote-tie-again sh -c "printf '=binnen_grens\\n=zit_verbinden\\n=zit_direct\\n=zit-lies-uitdaging\\n=nee_bart\\n=eerlijk_direct\\n=verder_direct\\n=verder-lies-allergie\\n/vote\\n1\\n2\\n3\\n/vote\\n1\\n1\\n2\\n' |
    LANGUAGE=en '$V' play tutorial --cast '$T/cast3.xml' --lang en --seed 5 --journal '$T/vote-tie.jsonl' > /dev/null 2>&1
    LANGUAGE=en '$V' debrief '$T/vote-tie.jsonl' > '$T/vote-tie.md' &&
    grep -q '^- \\*Vote\\* (a tie: the group voted again):' '$T/vote-tie.md' && grep -q '^- \\*Vote\\* (the majority decided):' '$T/vote-tie.md' &&
    ! grep -q 'the trainer entered' '$T/vote-tie.md'"

# /help, /who and /inject are lists of two columns: on a narrow terminal the second column wraps
# under itself, at a space (the /help line of /save once broke "th|ere" at 90 columns).
for l in en nl; do
    check "lists-wrap-$l" sh -c "w=\$(printf '/help\\n/who\\n/inject\\n/quit\\n' |
        COLUMNS=50 LANGUAGE=$l '$V' play tutorial --cast '$T/cast3.xml' --lang $l --journal '$T/lists-$l.jsonl' 2>&1 |
        sed -n '/\\/help\$/,/\\/quit\$/p' | grep -v ' — /' | LC_ALL=C.UTF-8 wc -L); [ \$w -gt 20 ] && [ \$w -le 50 ]"
done

for f in md html json xapi; do
    check "full-en-debrief-$f" sh -c "'$V' debrief '$T/full.jsonl' --format $f > '$T/full.$f'"
    check "full-en-debrief-$f-golden" compare "debrief-full-en.$f" "$T/full.$f"
done
check full-en-placed python3 tests/e2e/placed.py "$V" "$T/full.jsonl"
# Votes count as the voters' choices, in the corners and among the moments alike.
check full-en-corners python3 tests/e2e/corners.py "$V" "$T/full.jsonl"
check full-en-truths python3 tests/e2e/truths.py "$V" "$T/full.jsonl" "$T"
# A debrief in another language than the session: the story's titles in that language (what was
# said and chosen stays as it was played).
check debrief-other-lang sh -c "'$V' debrief '$T/full.jsonl' --lang nl > '$T/full-nl.md' && grep -q '^### Koffie boven de winkel' '$T/full-nl.md' && ! grep -q '^### Coffee above the shop' '$T/full-nl.md' && grep -q '^# Nabespreking: Eerste kennismaking' '$T/full-nl.md'"
check full-en-branch sh -c "printf '1\n1\n1\n1\n1\n\n\n\n' | '$V' replay '$T/full.jsonl' --from 5 --journal '$T/fullbranch.jsonl' > /dev/null"
for f in md json; do
    check "full-en-branch-debrief-$f" sh -c "'$V' debrief '$T/fullbranch.jsonl' --format $f > '$T/fullbranch.$f'"
    check "full-en-branch-debrief-$f-golden" compare "debrief-fullbranch-en.$f" "$T/fullbranch.$f"
done

# Replay shows the session again with its steps; --from plays on in a new journal.
check replay-group run replay-group "" replay "$T/group.jsonl"
check replay-from run replay-from '2\n1\n1\n1\n1\n1\n1\n' replay "$T/group.jsonl" --from 3 --journal "$T/branch.jsonl"
check replay-branch-journal sh -c "grep -q '\"ev\":\"branch\"' '$T/branch.jsonl' && grep -q '\"ev\":\"ending\"' '$T/branch.jsonl' && '$V' debrief '$T/branch.jsonl' > /dev/null"
check replay-from-scene sh -c "printf '1\n1\n1\n' | '$V' replay '$T/group.jsonl' --from markt --journal '$T/branch2.jsonl' > /dev/null && grep -q '\"from\":\"markt\"' '$T/branch2.jsonl'"
# A what-if that goes back with /back past where it branched: the debrief says it went its own
# way from the scene it went back to, and a choice taken back stands under its own scene; and
# how the first run ended beside how this one did.
printf '<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1"><participant name="Ida" core="zorgvuldigheid" goal="x" role="coordinator" card="espresso"/></cast>\n' > "$T/wi.xml"
printf '1\n1\n1\n1\n1\n1\n1\n1\n' | "$V" play tutorial --cast "$T/wi.xml" --lang en --seed 2 --journal "$T/wi1.jsonl" > /dev/null 2>&1
check replay-back-past-branch sh -c "printf '1\n/back 2\n2\n2\n2\n2\n2\n2\n2\n2\n' | '$V' replay '$T/wi1.jsonl' --from hoeken --journal '$T/wi2.jsonl' > /dev/null 2>&1 && '$V' debrief '$T/wi2.jsonl' > '$T/wi2.md' && grep -q 'played on differently from ‘Coffee above the shop’' '$T/wi2.md' && grep -q '^- The first time: it ended in ‘[^’]*’; this time in ‘[^’]*’$' '$T/wi2.md' && sed -n '/^### Four corners/,/^### /p' '$T/wi2.md' | grep -q '^- ~~\*\*Ida\*\*: You stay on your feet'"
# A scene may be named as the replay shows it, by its title; a form error comes in the journal's
# language, as the rest of the replay.
check replay-from-title sh -c "printf '1\n1\n1\n' | '$V' replay '$T/group.jsonl' --from 'what do we tell bart?' --journal '$T/branch3.jsonl' > /dev/null && grep -q '\"from\":\"what do we tell bart?\"' '$T/branch3.jsonl'"
check replay-form-lang sh -c "LANGUAGE=nl '$V' replay '$T/group.jsonl' --from \"\$(printf 'a\\tb')\" < /dev/null 2>&1 | grep -q '^verbeeld replay: --from takes a step number'"
check replay-unknown-step sh -c "'$V' replay '$T/group.jsonl' --from 999 < /dev/null > /dev/null 2>&1; [ \$? -eq 2 ]"

# The same journal cannot be overwritten by a new session.
check journal-exists sh -c "printf '' | '$V' play tutorial --cast '$T/cast2.xml' --journal '$T/group.jsonl' --lang en >/dev/null 2>&1; [ \$? -eq 1 ]"
# Every kind of entry the program writes is described for the people who read journals.
check journal-documented python3 tests/e2e/journal_doc.py

# Hostile character scripts are stopped, named, and the session goes on to its ending.
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="An" core="verbinden" goal="x"/></cast>\n' > "$T/c1.xml"
check hostile-play run hostile-play '2\n' play tests/e2e/broken/hostile.xml --cast "$T/c1.xml" --lang en --seed 3 --journal "$T/h.jsonl"

# ---------------------------------------------------------------- graph
check graph-tutorial run graph-tutorial "" graph tutorial --lang en
# In Dutch the corners are named in Dutch, and the point incidents return to says what it is.
check graph-tutorial-nl sh -c "'$V' graph tutorial --lang nl | grep -q 'label=\"hoek: kernkwaliteit\"' && '$V' graph tutorial --lang nl | grep -q '\"return\" \[shape=plaintext, label=\"↩ terug naar waar het incident begon\"\]'"
if command -v dot >/dev/null 2>&1; then
    check graph-dot-accepts sh -c "'$V' graph moveon | dot -Tsvg > /dev/null && '$V' graph school --format svg | grep -q '<svg'"
else
    check graph-svg-needs-dot sh -c "'$V' graph tutorial --format svg 2>&1 | grep -q graphviz"
fi
check check-shipped sh -c "'$V' check --werror tutorial moveon school > /dev/null"

# ---------------------------------------------------------------- explore
# explore_golden NAME ARGS...: explore's report (but its speed) and exit status, golden-compared.
explore_golden() {
    name=$1; shift
    "$V" explore "$@" > "$T/xo" 2>&1
    echo "[exit $?]" >> "$T/xo"
    grep -v 'per second\|per seconde' "$T/xo" > "$T/xo2"
    compare "$name.out" "$T/xo2"
}
# A dead end for some values only: its scene, file:line and the way there.
# explore takes --lang, as check does (it followed only LANG).
check explore-lang sh -c "LANGUAGE=nl '$V' explore tests/e2e/explore/deadend.xml --random 2 --lang en 2>&1 | grep -q '^Endings:'"
check explore-deadend explore_golden explore-deadend tests/e2e/explore/deadend.xml --exhaustive
check explore-deadend-random explore_golden explore-deadend-random tests/e2e/explore/deadend.xml --random 20
# A script error in a branch only the third choice reaches: the script's file:line, the way there.
check explore-branch-error explore_golden explore-branch-error tests/e2e/explore/branch-error.xml --exhaustive
check check-branch-error run check-branch-error "" check tests/e2e/explore/branch-error.xml
check explore-tutorial sh -c "'$V' explore tutorial --random 300 --seed 2 > '$T/explore.out' && ! grep -q 'NEVER REACHED' '$T/explore.out'"
check explore-tutorial-all sh -c "'$V' explore tutorial --exhaustive > '$T/explore-all.out' && grep -q '^  deur_dicht ' '$T/explore-all.out'"
check explore-unreachable sh -c "'$V' explore tests/e2e/explore/unreachable.xml --exhaustive > '$T/unr.out'; [ \$? -eq 1 ] && grep -q 'verloren' '$T/unr.out'"
check explore-hostile sh -c "'$V' explore tests/e2e/broken/hostile.xml --random 5 > '$T/host.out'; [ \$? -eq 1 ] && grep -q 'loop.lua:6' '$T/host.out'"
check explore-deterministic sh -c "'$V' explore tutorial --random 50 --seed 9 | grep -v 'per second' > '$T/x1'; '$V' explore tutorial --random 50 --seed 9 | grep -v 'per second' > '$T/x2'; cmp -s '$T/x1' '$T/x2'"
# Random runs spread over processes report exactly what one process reports: endings with
# their counts and first shortest paths, scenes and choices, problems with their paths.
check explore-jobs-same-report sh -c "'$V' explore moveon --random 200 --seed 4 --jobs 1 | grep -v 'per second' > '$T/j1'; '$V' explore moveon --random 200 --seed 4 --jobs 3 | grep -v 'per second' > '$T/j3'; '$V' explore moveon --random 200 --seed 4 | grep -v 'per second' > '$T/jd'; cmp -s '$T/j1' '$T/j3' && cmp -s '$T/j1' '$T/jd' && grep -q '×' '$T/j1'"
check explore-jobs-same-problems sh -c "'$V' explore tests/e2e/broken/hostile.xml --random 64 --jobs 1 > '$T/p1'; '$V' explore tests/e2e/broken/hostile.xml --random 64 --jobs 2 > '$T/p2'; [ \$? -eq 1 ] && grep -v 'per second' '$T/p1' > '$T/p1b' && grep -v 'per second' '$T/p2' | cmp -s - '$T/p1b' && grep -q 'loop.lua:6' '$T/p2'"
check explore-jobs-usage sh -c "'$V' explore tutorial --jobs 0 2> '$T/ju.err'; [ \$? -eq 2 ] && grep -q -- '--jobs' '$T/ju.err'"

# ---------------------------------------------------------------- the shipped scenarios
sh tests/e2e/terminal.sh "$V" "$T" && ok || bad terminal
sh tests/e2e/trainer.sh "$V" "$T" && ok || bad trainer
sh tests/e2e/designer.sh "$V" "$T" && ok || bad designer
sh tests/e2e/scenarios.sh "$V" "$T" && ok || bad scenarios
sh tests/e2e/return.sh "$V" "$T" && ok || bad return
# Continuity: sessions steered to where the stories used to contradict what happened before.
mkdir -p "$T/continuity" && python3 tests/e2e/continuity.py "$V" "$T/continuity" && ok || bad continuity
mkdir -p "$T/continuity-moveon" && python3 tests/e2e/continuity_moveon.py "$V" "$T/continuity-moveon" && ok || bad continuity-moveon
sh tests/e2e/format.sh "$V" "$T" && ok || bad format

# ---------------------------------------------------------------- nothing entered is lost
sh tests/e2e/debrief.sh "$V" "$T" && ok || bad debrief
sh tests/e2e/posters.sh "$V" "$T" && ok || bad posters
sh tests/hostile.sh "$V" "$T" && ok || bad hostile
sh tests/e2e/kill-resume.sh "$V" "$T" && ok || bad kill-resume
sh tests/e2e/journal-cut.sh "$V" "$T" && ok || bad journal-cut
# On disk at every prompt: one fsync for what the prompt follows, none left out (strace).
mkdir -p "$T/sync" && python3 tests/e2e/journal_sync.py "$V" "$T/sync" && ok || bad journal-sync
sh tests/e2e/journal-io.sh "$V" "$T" && ok || bad journal-io
# 250 steps of a group session, killed at 50 moments (in memory when it can: fsync is slow).
K=$T; [ -w /dev/shm ] && K=$(mktemp -d -p /dev/shm) && trap 'rm -rf "$T" "$K"' EXIT
sh tests/e2e/kill-group.sh "$V" "$K" && ok || bad kill-group

echo "e2e: $pass passed, $fail failed${failed:+ ($failed )}"
[ "$fail" -eq 0 ]
