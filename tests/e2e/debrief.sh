#!/bin/sh
# The debrief and the session materials, end to end: fixed sessions of the tutorial (fixed
# clock, seed, cast and input) debriefed in every format and compared with golden files; the
# JSON checked against docs/debrief.schema.json, every xAPI statement for its required fields,
# the HTML for well-formedness; the sheets for the school; and, when Chromium is installed, the
# printed page count.  Usage: sh tests/e2e/debrief.sh VERBEELD TMPDIR  (UPDATE=1 rewrites goldens)
set -u
cd "$(dirname "$0")/../.." || exit 2
V=$1
T=$2/debrief
G=tests/e2e/golden
mkdir -p "$T"
export VERBEELD_NOW=1763805600 NO_COLOR=1 COLUMNS=80 LC_ALL=C.UTF-8 TZ=UTC
unset LANG LANGUAGE LC_MESSAGES
fails=0
fail() { echo "FAIL: debrief: $*"; fails=$((fails + 1)); }

compare() {   # compare golden $1 with file $2
    sed -e "s#$T#<tmp>#g" -e "s#$(pwd)/##g" -e 's/"program":"[^"]*"/"program":"<version>"/' "$2" > "$T/normalized"
    if [ "${UPDATE:-}" = 1 ]; then cp "$T/normalized" "$G/$1"; return 0; fi
    diff -u "$G/$1" "$T/normalized" > "$T/diff" 2>&1 && return 0
    echo "--- $1 differs:"; head -30 "$T/diff"; fail "golden $1"
}

# HTML well-formed: libxml2's HTML parser knows no HTML5 sectioning or SVG tags (it reports
# them as "invalid"); anything else it reports is a real error.
html_ok() {
    xmllint --html --noout "$1" 2>&1 | grep 'parser error' \
        | grep -v -E 'Tag (section|figure|figcaption|svg|rect|text|line|circle|path|defs|marker|style|title) invalid' \
        | head -5 > "$T/html-errors"
    [ ! -s "$T/html-errors" ] || { cat "$T/html-errors"; return 1; }
}

# ---------------------------------------------------------------- fixed sessions
cat > "$T/cast.xml" <<'CAST'
<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan voor mijn team" card="baobab"/>
  <participant name="Joris" core="tact" goal="Meer ruimte geven" card="espresso"/>
</cast>
CAST
printf '%b' '2\n1\n/note @Sanne stands firm\n/stop @Joris need a breath\n3\n/go\n3\n/back\n2\n1\n1\n1\n1\n1\n1\n1\n1\n' \
    | "$V" play tutorial --cast "$T/cast.xml" --lang en --seed 11 --journal "$T/group.jsonl" > /dev/null 2>&1
printf '%b' 'Sanne\nvrolijkheid\nverbinden\nGrenzen stellen zonder de band te verliezen\n1\n2\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n' \
    | "$V" play tutorial --lang nl --seed 7 --journal "$T/solo.jsonl" > /dev/null 2>&1
[ -s "$T/group.jsonl" ] && [ -s "$T/solo.jsonl" ] || fail "the fixed sessions did not run"

# ---------------------------------------------------------------- golden debriefs, every format
for f in md html json xapi; do
    "$V" debrief "$T/group.jsonl" --format "$f" > "$T/group.$f" || fail "debrief --format $f exited $?"
    compare "debrief-group-en.$f" "$T/group.$f"
done
"$V" debrief "$T/solo.jsonl" > "$T/solo.md" || fail "debrief solo"
compare debrief-solo-nl.md "$T/solo.md"
"$V" debrief "$T/group.jsonl" --lang nl --format html -o "$T/group-nl.html" || fail "debrief --lang nl -o"
compare debrief-group-nl.html "$T/group-nl.html"
[ ! -e "$T/group-nl.html.tmp" ] || fail "-o left its temporary file behind"
# The timeline: every choice on the lane of whoever made it, the characters nobody played apart
"$V" debrief "$T/solo.jsonl" --lang en --format html > "$T/solo.html" || fail "debrief solo --format html"
python3 tests/e2e/timeline.py "$T/solo.html" "$T/solo.jsonl" || fail "the timeline puts a choice on the wrong lane"
python3 tests/e2e/timeline.py "$T/group.html" "$T/group.jsonl" 2>/dev/null | grep -v 'no choice of a character' \
    | grep . && fail "the group's timeline puts a choice on the wrong lane"

# ---------------------------------------------------------------- checks on the formats
html_ok "$T/group.html" || fail "HTML debrief is not well-formed"
html_ok "$T/group-nl.html" || fail "Dutch HTML debrief is not well-formed"
grep -q '<svg' "$T/group.html" || fail "HTML debrief has no SVG"
[ "$(grep -o 'class="page participant"' "$T/group.html" | wc -l)" -eq 2 ] || fail "HTML: not a page per participant"
if python3 -c 'import jsonschema' 2>/dev/null; then
    python3 - "$T/group.json" docs/debrief.schema.json <<'PY' || fail "JSON does not match docs/debrief.schema.json"
import json, sys, jsonschema
jsonschema.Draft202012Validator(json.load(open(sys.argv[2]))).validate(json.load(open(sys.argv[1])))
PY
else
    echo "debrief: python3-jsonschema is not installed; the JSON schema check is skipped"
fi
node tests/xapi/validate.js --self-test "$T/group.xapi" || fail "xAPI statements that Learning Locker's validator refuses"
python3 - "$T/group.xapi" <<'PY' || fail "xAPI statements lack required fields"
# xAPI 1.0.3: every statement has an id, an actor with an inverse functional identifier (or a
# group with members), a verb with an IRI id, an object with an IRI id, a timestamp, and here a
# context with the session's registration.
import json, re, sys
uuid = re.compile(r'^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')
iri = re.compile(r'^[a-z][a-z0-9+.-]*:\S+$')
def agent_ok(a):
    if a.get('objectType') == 'Group' and 'account' not in a:
        return bool(a.get('member')) and all(agent_ok(m) for m in a['member'])
    acc = a.get('account', {})
    return acc.get('homePage', '').startswith('http') and bool(acc.get('name'))
st = json.load(open(sys.argv[1]))
assert isinstance(st, list) and st, 'no statements'
ids, regs = set(), set()
for s in st:
    assert uuid.match(s['id']), s['id']
    ids.add(s['id'])
    assert agent_ok(s['actor']), s['actor']
    assert s['verb']['id'].startswith('http://adlnet.gov/expapi/verbs/'), s['verb']
    assert s['verb']['display'], s['verb']
    assert s['object'].get('objectType', 'Activity') == 'Activity' and iri.match(s['object']['id']), s['object']
    assert re.match(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$', s['timestamp']), s['timestamp']
    assert s['version'] == '1.0.3'
    assert uuid.match(s['context']['registration'])
    regs.add(s['context']['registration'])
    if s['verb']['id'].endswith('/responded'):
        assert ':scene:' in s['object']['id'] and ':choice:' in s['object']['id'], s['object']['id']
        assert 'response' in s['result']
assert len(ids) == len(st), 'statement ids repeat'
assert len(regs) == 1, 'more than one registration'
PY
"$V" debrief "$T/group.jsonl" --format xapi > "$T/again.xapi"
cmp -s "$T/group.xapi" "$T/again.xapi" || fail "xAPI ids are not stable"

# A journal whose scenario file is gone still gets its debrief, without the scenario's questions.
sed -e 's#"path":"[^"]*"#"path":"/nonexistent/gone.xml"#' -e 's#"scenario":"tutorial"#"scenario":"gone"#' \
    "$T/group.jsonl" > "$T/gone.jsonl"
"$V" debrief "$T/gone.jsonl" --format json > "$T/gone.json" 2> "$T/gone.err" || fail "debrief without its scenario"
grep -q '"found":false' "$T/gone.json" || fail "debrief without its scenario: found should be false"
"$V" debrief "$T/group.jsonl" --format pdf > /dev/null 2>&1; [ $? -eq 2 ] || fail "unknown format is not a usage error"

# ---------------------------------------------------------------- sheets
cat > "$T/school.xml" <<'CAST'
<cast scenario="school" xmlns="urn:verbeeld:cast:1">
  <participant name="Amira" core="verbinden" goal="Risico durven nemen" card="elin"/>
  <participant name="Pierre" core="structuur" goal="Denken vanuit de eindgebruiker" role="directeur"/>
  <participant name="Wen" core="zorgzaamheid" goal="Openlijk tegenspreken" card="daan">
    <brief xml:lang="nl">Jij en Amira gaan vanmiddag in het openbaar de confrontatie aan met de voorzitter. Doe het met verve.</brief>
    <brief xml:lang="en">This afternoon you and Amira take on the chair in public. Do it with gusto.</brief>
  </participant>
</cast>
CAST
"$V" sheets school --cast "$T/school.xml" -o "$T/sheets" --lang nl > "$T/sheets.out" || fail "sheets exited $?"
for f in group Amira Pierre Wen cards-kinderen; do
    [ -s "$T/sheets/$f.html" ] || { fail "sheets: no $f.html"; continue; }
    html_ok "$T/sheets/$f.html" || fail "sheets: $f.html is not well-formed"
done
[ "$(grep -o 'class="page poster"' "$T/sheets/cards-kinderen.html" | wc -l)" -eq 30 ] || fail "sheets: not 30 posters"
grep -q 'PERSOONLIJK' "$T/sheets/Wen.html" || fail "sheets: Wen's private briefing is missing"
! grep -q 'PERSOONLIJK' "$T/sheets/Amira.html" || fail "sheets: Amira got a private briefing"
grep -q 'Frank Mulder\|Je bent' "$T/sheets/Pierre.html" || fail "sheets: Pierre's brief lacks the role"
"$V" sheets school -o "$T/x" > /dev/null 2>&1; [ $? -eq 2 ] || fail "sheets without --cast is not a usage error"
# The group's overview: who plays whom, a line each, /stop; not the incidents, which are on the
# trainer's page with who has a private briefing (the planted conflict is no news on the wall).
for w in Amira Pierre Wen '/stop'; do
    grep -q -- "$w" "$T/sheets/group.html" || fail "sheets: the group's overview lacks $w"
done
! grep -q -- '/inject' "$T/sheets/group.html" || fail "sheets: the group's overview gives away the incidents"
grep -q -- '/inject conflict' "$T/sheets/trainer.html" && grep -q 'Wen' "$T/sheets/trainer.html" \
    || fail "sheets: the trainer's page lacks the incidents or who is briefed"
! grep -q 'Amira' "$T/sheets/trainer.html" || fail "sheets: the trainer's page names one who has no briefing"
# The whole MoveOn team of five, in English, on the same one page.
"$V" sheets moveon --cast tests/e2e/moveon5.cast.xml -o "$T/sheets5" --lang en > /dev/null || fail "sheets for MoveOn exited $?"
grep -q 'Who plays whom' "$T/sheets5/group.html" && grep -q '/inject bank' "$T/sheets5/trainer.html" \
    || fail "sheets: MoveOn's overview lacks the cast, or the trainer's page the incidents"
compare debrief-sheets-Wen.html "$T/sheets/Wen.html"

# ---------------------------------------------------------------- a question about a scene
# A scenario question with scene="..." is asked only when the session played that scene: the
# debrief never asks about a moment the group did not reach.
mkdir -p "$T/q" && ln -sfn "$(pwd)/tests/unit/fixtures/characters" "$T/q/characters"
question_scenario() {   # question_scenario SCENE-OF-THE-SECOND-QUESTION
    cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<scenario id="q" version="1" lang="en" xmlns="urn:verbeeld:scenario:1">
  <title xml:lang="en">Two roads</title>
  <roles><role id="hero" character="ana" playable="yes"/></roles>
  <act id="one">
    <scene id="fork">
      <text xml:lang="en">Two roads.</text>
      <choice id="go-left" to="left" quality="verbinden"><text xml:lang="en">Left.</text></choice>
      <choice id="go-right" to="right" quality="directheid"><text xml:lang="en">Right.</text></choice>
    </scene>
    <scene id="left"><text xml:lang="en">Trees.</text><choice to="end"><text xml:lang="en">On.</text></choice></scene>
    <scene id="right"><text xml:lang="en">Sea.</text><choice to="end"><text xml:lang="en">On.</text></choice></scene>
  </act>
  <ending id="end"><title xml:lang="en">The end</title></ending>
  <debrief>
    <question scene="left"><text xml:lang="en">What did the trees tell you?</text></question>
    <question scene="$1"><text xml:lang="en">What did the sea tell you?</text></question>
  </debrief>
</scenario>
XML
}
question_scenario right > "$T/q/q.xml"
printf '<cast scenario="q" xmlns="urn:verbeeld:cast:1"><participant name="Ida" core="tact" goal="Kiezen"/></cast>\n' > "$T/q/cast.xml"
printf '=go-left\n1\n' | "$V" play "$T/q/q.xml" --cast "$T/q/cast.xml" --lang en --seed 1 --journal "$T/q/left.jsonl" > "$T/q/left.out" 2>&1 \
    || fail "question-scene: the session exited $?"
"$V" debrief "$T/q/left.jsonl" > "$T/q/left.md" 2>&1 || fail "question-scene: the debrief exited $?"
grep -q 'What did the trees tell you' "$T/q/left.md" || fail "question-scene: the question about the scene played is not asked"
grep -q 'What did the sea tell you' "$T/q/left.md" && fail "question-scene: a question about a scene not played is asked"
# A scene that does not exist is an error of check, with the question's line.
question_scenario sea > "$T/q/q.xml"
LANGUAGE=en "$V" check "$T/q/q.xml" > "$T/q/check.out" 2>&1; rc=$?
[ "$rc" = 1 ] && grep -q "q.xml:17: error: unknown scene 'sea'" "$T/q/check.out" \
    || { fail "question-scene: check of an unknown scene exited $rc"; head -3 "$T/q/check.out"; }

# ---------------------------------------------------------------- the pitfall is the challenge overdone
# Ida (zorgvuldigheid) plays Lies on her opposite quadrant and overshoots: her character's
# pitfall at every choice of hers, never the challenge on its own, never her own way. Her
# challenge did come out, too much: the debrief says so in words that fit her frame, and does
# not also ask where she dropped out before her challenge came up.
printf '<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1"><participant name="Ida" core="zorgvuldigheid" goal="Loslaten" role="coordinator" card="espresso"/></cast>\n' > "$T/pitfall.cast.xml"
printf '=binnen-lies-valkuil\n=zit-lies-valkuil\n=stil-lies-valkuil\n=voorstel-lies-valkuil\n=verder-lies-valkuil\n=samen_eerlijk\n1\n1\n1\n1\n' \
    | "$V" play tutorial --cast "$T/pitfall.cast.xml" --lang nl --seed 2 --journal "$T/pitfall.jsonl" > "$T/pitfall.out" 2>&1
"$V" debrief "$T/pitfall.jsonl" > "$T/pitfall.md" 2>&1 || fail "pitfall: the debrief exited $?"
[ "$(grep -c '"by":"Ida".*"corner":"pitfall"' "$T/pitfall.jsonl")" = 5 ] && ! grep -q '"by":"Ida".*"corner":"\(core\|challenge\|allergy\)"' "$T/pitfall.jsonl" \
    || fail "pitfall: the session did not take Lies's pitfall at each of Ida's five choices"
grep -q 'te veel van iets goeds werd de valkuil ervan' "$T/pitfall.md" || fail "pitfall: the question on overshooting the challenge is missing or calls it her own pitfall"
grep -q 'nog niet aan bod\|Wat hield je tegen' "$T/pitfall.md" && fail "pitfall: the debrief asks where she dropped out, as if her challenge never came out"

# ---------------------------------------------------------------- a vote, read aloud
# Three vote, two for the same option: the option stands once, on a line of its own with the
# names of those who voted for it. Strung together, an option's full stop ran into the ';'
# before the next voter ("… We'll all come.'; Joris: …").
cp tests/e2e/tutorial3.cast.xml "$T/vote.cast.xml"
printf '%b' '=binnen_grens\n=zit_verbinden\n=zit_direct\n=zit-lies-uitdaging\n=nee_bart\n=eerlijk_direct\n=verder_direct\n/vote\n=samen_uur\n=samen_eerlijk\n=samen_uur\n1\n1\n\n\n\n' \
    | "$V" play tutorial --cast "$T/vote.cast.xml" --lang en --seed 5 --journal "$T/vote.jsonl" > /dev/null 2>&1
grep -q '"ev":"vote"' "$T/vote.jsonl" || fail "vote: the session has no vote"
"$V" debrief "$T/vote.jsonl" > "$T/vote-en.md" || fail "vote: debrief exited $?"
"$V" debrief "$T/vote.jsonl" --lang nl > "$T/vote-nl.md" || fail "vote: debrief --lang nl exited $?"
"$V" debrief "$T/vote.jsonl" --format html > "$T/vote.html" || fail "vote: debrief --format html exited $?"
grep -q '^- \*Vote\* (the majority decided):$' "$T/vote-en.md" || fail "vote: no 'Vote (the majority decided):' line"
[ "$(grep -c '^  - Sanne and Wen: .' "$T/vote-en.md")" = 1 ] && [ "$(grep -c '^  - Joris: .' "$T/vote-en.md")" = 1 ] \
    || fail "vote: not a line per option with its voters: $(grep -A3 '\*Vote\*' "$T/vote-en.md")"
grep -q '^- \*Stemming\* (de meerderheid besliste):$' "$T/vote-nl.md" && grep -q '^  - Sanne en Wen: .' "$T/vote-nl.md" \
    || fail "vote: the Dutch vote is not a line per option: $(grep -A3 '\*Stemming\*' "$T/vote-nl.md")"
grep -A3 '\*Vote\*\|\*Stemming\*' "$T/vote-en.md" "$T/vote-nl.md" | grep -q "[.!?'’”];" && fail "vote: punctuation doubled in a vote"
grep -q '<ul class="votes">' "$T/vote.html" && grep -q "<em>Sanne and Wen</em>: 'We" "$T/vote.html" \
    || fail "vote: the HTML vote is not a list of options with their voters"

# ---------------------------------------------------------------- printed, in headless Chromium
# A MoveOn session of four, as a play-tester played it (for the printed page count below; the
# /back and /stop typed in the middle of a vote, which now break it off, left out).
cat > "$T/moveon4.cast.xml" <<'CAST'
<cast scenario="moveon" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan voor mijn team"/>
  <participant name="Joris" core="daadkracht" goal="Meer ruimte geven"/>
  <participant name="Aicha" core="zorgvuldigheid" goal="Sneller knopen doorhakken"/>
  <participant name="Pieter" core="directheid" goal="Tactvoller feedback geven"/>
</cast>
CAST
printf '%b' '/who\n/corners\n1\n3\n/note @Joris leunt achterover, kijkt rustig rond\n/tag @Joris geduld\n/say @Joris Rustig aan, we hebben tijd.\n2\n2\n/back\n4\n/stop @Pieter even slikken, dit raakt me\n/go\n/stop\n2\n/go\n1\n3\n/inject\n/inject horizon\n/inject bestaatniet\n/inject klant\n1\n2\n1\n2\n3\n2\n3\n/note Het team lacht beneden bij het meer, spanning zakt\n/save\n2\n1\n4\n/vote\n3\n4\n1\n2\n1\n2\n3\n4\n/vote\n3\n1\n/note @Aicha aarzelt lang bij de stemming\n/help\n9\n3\n1\n3\n3\n/go\n3\n2\n2\n1\n1\n3\n4\n4\n1\n/vote\n6\n6\n5\n6\nVoeten plat op de grond\nEen kop koffie vasthouden\nHand op mijn hart\n' \
    | "$V" play moveon --cast "$T/moveon4.cast.xml" --lang nl --seed 2023643303 --journal "$T/moveon4.jsonl" > /dev/null 2>&1
[ "$(grep -c '"ev":"vote"' "$T/moveon4.jsonl")" = 2 ] || fail "moveon4: the session did not go as played (no two votes)"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
pages() {   # print $1 to PDF and count its pages
    rm -f "$T/out.pdf"
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$T/out.pdf" "file://$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" > /dev/null 2>&1
    grep -a -c '/Type /Page[^s]\|/Type /Page$' "$T/out.pdf" 2>/dev/null || echo 0
}
if [ -n "$CHROMIUM" ]; then
    n=$(pages "$T/group.html"); [ "$n" -ge 3 ] || fail "printed debrief has $n pages, wants the group and a page per participant (3+)"
    # MoveOn, four participants, a session with all that happens in one (notes, an observation,
    # a line in their own words, time-outs, an incident, votes, a choice taken back): each
    # participant's handout on two pages. The corner table at 60% of the width and the plan for
    # the return afternoon pushed alone onto a third page made it three.
    for n in Sanne Joris Aicha Pieter; do
        "$V" debrief "$T/moveon4.jsonl" --format html --participant "$n" -o "$T/moveon4-$n.html" || fail "moveon4: debrief $n"
        k=$(pages "$T/moveon4-$n.html"); [ "$k" -eq 2 ] || fail "printed handout of $n (MoveOn, four participants): $k pages, want 2"
    done
    n=$(pages "$T/sheets/cards-kinderen.html"); [ "$n" -eq 30 ] || fail "printed posters: $n pages, want 30"
    n=$(pages "$T/sheets/Wen.html"); [ "$n" -ge 2 ] || fail "printed sheet for Wen: $n pages, want the brief and the private page"
    # The group's overview: one page, A3 landscape (1190.55 x 841.89 points).
    for g in sheets/group sheets5/group; do
        n=$(pages "$T/$g.html"); [ "$n" -eq 1 ] || fail "printed overview $g: $n pages, want 1"
        grep -a -q 'MediaBox \[0 0 119[01]\.[0-9]* 841\.[0-9]*\]' "$T/out.pdf" || fail "printed overview $g: not A3 landscape"
    done
else
    echo "debrief: chromium is not installed; the printed page count is not checked"
fi

[ "$fails" -eq 0 ]
