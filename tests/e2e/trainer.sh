#!/bin/sh
# The trainer's room: what a trainer records of what happens in the room, end to end.
#
# /say (a participant's own words, as their character), /tag (the trainer places what someone
# last did on a quality), @name as people say it (any case, the character's name; an unknown one
# lists who is there), in Dutch and in English: on screen, in the journal and in the debrief.
#
#   sh tests/e2e/trainer.sh VERBEELD TMPDIR     exit 0 when everything holds
set -u
V=$1 T=$2/trainer
case $V in /*) ;; *) V=$(pwd)/$V ;; esac
E2E=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$T" || exit 1
cd "$T" || exit 1
export VERBEELD_NOW=1763805600 NO_COLOR=1 COLUMNS=80 LC_ALL=C.UTF-8 TZ=UTC
unset LANG LANGUAGE LC_MESSAGES
failed=0
fail() { echo "trainer: FAIL: $*"; failed=$((failed + 1)); }
has() { grep -q -- "$2" "$1" 2>/dev/null; }          # has FILE PATTERN
entry() { python3 "$E2E/entry.py" "$@" 2>/dev/null; }  # entry JOURNAL '{"ev":...}': an entry holds these fields
count() { c=$(grep -c -- "$2" "$1" 2>/dev/null); echo "${c:-0}"; }

cp "$E2E/tutorial3.cast.xml" cast3.xml
# play NAME LANG INPUT: a tutorial session (seed 5) piped, journal NAME.jsonl.
play() {
    rm -f "$1.jsonl"
    printf '%b' "$3" | "$V" play tutorial --cast cast3.xml --lang "$2" --seed 5 --journal "$1.jsonl" > "$1.out" 2>&1
}

# ============================================================ Dutch
play nl nl '/say Ik blijf gewoon staan, Bart.\n=binnen_grens\n/tag grenzen stellen\n/note @sanne staat stevig\n/note @Karin hallo\n=zit_verbinden\n/say @jonas Nou, dat is duidelijk.\n/tag directheid\n/tag @Wen geduld\n/say @lies iets\n/quit\n'
# /say: on screen as the character's line, journaled with who said it as whom.
has nl.out '^Lies Wouters: Ik blijf gewoon staan, Bart.' || fail "say: not shown as the character's line"
entry nl.jsonl '{"ev":"say","by":"Sanne","role":"coordinator","character":"Lies Wouters","scene":"koffie","step":0,"text":"Ik blijf gewoon staan, Bart."}' \
    || fail "say: no say entry for Sanne's line"
# @jonas: the character's first name, in lower case, is Joris.
entry nl.jsonl '{"ev":"say","by":"Joris","character":"Jonas Peeters","text":"Nou, dat is duidelijk."}' || fail "say @jonas: not Joris's line"
# /tag without a name: the last one who did something; on the chooser's character quadrant.
entry nl.jsonl '{"ev":"tag","by":"Sanne","quality":"grenzen stellen","corner":"core","choice":"binnen_grens"}' \
    || fail "tag: Sanne's choice is not tagged on her core"
entry nl.jsonl '{"ev":"tag","by":"Joris","quality":"directheid","corner":"core","text":"Nou, dat is duidelijk."}' \
    || fail "tag: Joris's line is not tagged"
# Said as /corners says it: Sanne plays her challenge as her character's core quality.
has nl.out 'Vastgelegd voor de nabespreking van Sanne: grenzen stellen (uitdaging van$' || fail "tag: not confirmed in Dutch, as /corners says its corner"
has nl.out 'Wen heeft nog niets gezegd of gekozen.' || fail "tag @Wen: someone who did nothing yet is not said so"
# @sanne in lower case is Sanne; @Karin is nobody: an error that lists who is there, nothing journaled.
entry nl.jsonl '{"ev":"note","about":"Sanne","text":"staat stevig"}' || fail "note @sanne: not about Sanne"
has nl.out 'Hier heet niemand @Karin. Wie er is:' || fail "note @Karin: no error"
has nl.out '^  @Joris  *Jonas Peeters' || fail "note @Karin: who is there is not listed"
has nl.jsonl 'hallo' && fail "note @Karin: journaled all the same"
# @lies: Sanne and Wen both play Lies Wouters.
has nl.out 'Met @lies kan meer dan één persoon bedoeld zijn' || fail "say @lies: two people, no error"
[ "$(count nl.jsonl '"ev":"say"')" = 2 ] || fail "say: a refused line was journaled"
"$V" debrief nl.jsonl > nl.md 2>&1 || fail "debrief (nl) failed"
has nl.md '\*\*Sanne\*\* (Lies Wouters), in eigen woorden: “Ik blijf gewoon staan, Bart.”' || fail "debrief nl: the line said is not in the story"
has nl.md '^| Hoek van je personage | Keuzes | Gezien door de trainer | Wat het betekent |' || fail "debrief nl: no column for the observed corners"
has nl.md '^| kernkwaliteit | 1 | 1 |' || fail "debrief nl: Sanne's observed core is not counted apart"
has nl.md '^- \*in je eigen woorden\* (Koffie boven de winkel): “Ik blijf gewoon staan, Bart.”' || fail "debrief nl: the line is not among Sanne's moments"
has nl.md '^- \*wat de trainer zag\* (Vier hoeken): .*gezien als: grenzen stellen: jouw uitdaging' || fail "debrief nl: the observed corner is not among the moments, said as hers"
has nl.md 'De trainer zag directheid in wat je deed: “Nou, dat is duidelijk”. Hoe voelde' || fail "debrief nl: no question on what the trainer saw"

# ============================================================ English, and after a resume
play en en '=binnen_grens\n/say @SANNE I am leaving at half past ten.\n/quit\n'
printf '/tag setting boundaries\n/say @joris Fine by me.\n/tag @Jonas tact\n/say @wen "We start at nine."\n/stop\nhang on\n/go\n=zit_verbinden\n/quit\n' \
    | "$V" play --resume en.jsonl > en-resume.out 2>&1
has en-resume.out "It is a time-out: /note TEXT keeps what is said, /go plays on." \
    || fail "text typed in a time-out: not told how to keep it"
# The resumed session remembers what each did last: /tag finds Sanne's line from before.
entry en.jsonl '{"ev":"tag","by":"Sanne","quality":"grenzen stellen","corner":"core","text":"I am leaving at half past ten."}' \
    || fail "tag after resume: Sanne's line from before is not what was tagged"
entry en.jsonl '{"ev":"tag","by":"Joris","quality":"tact","corner":"challenge","text":"Fine by me."}' || fail "tag @Jonas: not Joris's line"
has en-resume.out "Tagged for Joris's debrief: tact (Joris's own core quality), on “Fine by me.”." || fail "tag: not confirmed in English, with the words it is on"
for f in md html json; do
    "$V" debrief en.jsonl --format $f > en.$f 2>&1 || fail "debrief --format $f failed"
done
has en.md '^- \*in your own words\* (Four corners): “I am leaving at half past ten.”' || fail "debrief en: the line is not among the moments"
has en.md '^| challenge | 0 | 1 |' || fail "debrief en: Joris's observed challenge is not counted apart"
has en.html 'class="tag seen"' || fail "debrief html: the observed corner is not marked apart"
has en.html 'in their own words' || fail "debrief html: the line said is not in the story"
# Quotation marks the trainer typed are not doubled by the debrief's own.
has en.md '(Lies Wouters), in their own words: “We start at nine.”$' || fail "debrief en: a quoted line is quoted twice"
has en.md '“"' && fail "debrief en: quotation marks doubled"
# A time-out without a reason is a moment without a dangling dash.
has en.md '^- \*you stepped out\* ([^)]*): —' && fail "debrief en: a time-out without a reason ends in a dash"
python3 - en.json "$E2E/../../docs/debrief.schema.json" <<'PY' || fail "debrief json with lines said and tags does not match docs/debrief.schema.json"
import json, sys
try:
    import jsonschema
except ImportError:
    sys.exit(0)
jsonschema.Draft202012Validator(json.load(open(sys.argv[2]))).validate(json.load(open(sys.argv[1])))
PY
python3 - en.json <<'PY' || fail "debrief json: observed corners or moments missing"
import json, sys
d = json.load(open(sys.argv[1]))
p = {x["name"]: x for x in d["participants"]}
assert p["Sanne"]["observed"]["core"] == 1 and p["Sanne"]["said"] == 1, p["Sanne"]
assert p["Joris"]["observed"]["challenge"] == 1
kinds = [m["kind"] for m in p["Sanne"]["moments"]]
assert "said" in kinds and "observed" in kinds, kinds
PY
# A handout for Sanne holds her line and her tag, not Joris's.
"$V" debrief en.jsonl --format json --participant Sanne > sanne.json 2>&1 || fail "handout for Sanne failed"
has sanne.json 'half past ten' || fail "handout: Sanne's own line is missing"
has sanne.json 'Fine by me' && fail "handout: Joris's line in Sanne's handout"


# ============================================================ the projector view, on a terminal (tmux)
if ! command -v tmux > /dev/null 2>&1; then
    echo "trainer: tmux is not installed: the projector view is not tested (make deps installs it)"
    [ $failed -eq 0 ]; exit
fi
cp "$E2E/moveon5.cast.xml" moveon.xml      # the MoveOn team of five
SOCK=$T/tmux.sock
tm() { tmux -S "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null' EXIT
unset NO_COLOR COLUMNS
wait_for() {        # wait_for NAME TEXT: until the terminal shows TEXT (10 seconds at most)
    i=0
    while [ $i -lt 100 ]; do
        tm capture-pane -p -S -300 -t "$1" | grep -q -F -- "$2" && return 0
        sleep 0.1; i=$((i + 1))
    done
    fail "$1: the terminal never showed '$2'"; tm capture-pane -p -t "$1" | grep -v "^$" | tail -3; return 1
}
ESC=$(printf '\033')
# banner NAME TEXT: the terminal shows TEXT in reverse video (tmux marks where it begins).
banner() {
    tm capture-pane -p -e -t "$1" | awk -v t="$2" -v e="$ESC[1;7m" -v r="$ESC[0m" 'index($0, e) { on = 1 } index($0, t) && on { found = 1 } index($0, r) && !index($0, e) { on = 0 } END { exit !found }'
}
tm kill-server 2>/dev/null
for w in 60 100 160; do
    n=p$w
    rm -f $n.jsonl*
    tm new-session -d -s $n -x $w -y 50 \
        "cd '$T' && env TERM=screen '$V' play moveon --cast moveon.xml --lang en --seed 3 --journal $n.jsonl --projector --corners; sleep 300"
    wait_for $n 'Enter: the story begins.' && tm send-keys -t $n Enter
    wait_for $n "Sanne (Karin Mertens) —" || continue
    # Whose turn, as whom: a banner in reverse video, above the choices.
    banner $n "Sanne's turn, as Karin Mertens" || fail "$w columns: no banner for Sanne's turn"
    tm send-keys -t $n 1 Enter
    wait_for $n "Joris (Isabel Verhoeven) —"
    tm send-keys -t $n '/stop breathe' Enter
    wait_for $n 'Time-out. Step out'
    tm send-keys -t $n '/go' Enter
    wait_for $n 'Back into the fiction.'
    sleep 0.3
    tm capture-pane -p -e -S -300 -t $n > $n.screen
    tm capture-pane -p -S -300 -t $n | sed 's/ *$//' > $n.plain
    tm capture-pane -p -J -S -300 -t $n | sed 's/ *$//' > $n.joined
    # No dim text; no corners, though --corners was given.
    grep -q "${ESC}\[[0-9;]*\b2m\|${ESC}\[2;" $n.screen && fail "$w columns: dim text on the wall"
    grep -q 'core quality\]\|challenge\]\|pitfall\]\|allergy\]' $n.plain && fail "$w columns: a corner on the wall"
    # After /go the choices are shown again, under the banner of whose turn it is.
    [ "$(grep -c "Joris's turn, as Isabel Verhoeven" $n.plain)" -ge 2 ] || fail "$w columns: the choices are not shown again after /go"
    # verbeeld wraps every line itself, at words: nothing the terminal had to wrap (joined lines
    # would differ), and nothing wider than the window.
    cmp -s $n.plain $n.joined || { fail "$w columns: a line was cut by the terminal, not wrapped at a word"; diff $n.plain $n.joined | head -4; }
    tm send-keys -t $n '/quit' Enter
    wait_for $n 'Continue it with:'
    # The command is printed whole, for the terminal to wrap softly, so that a copy of it works
    # even where the program's path is wider than the window (as on CI's machine).
    tm capture-pane -p -J -S -300 -t $n | sed 's/ *$//' | grep -q "^  $V play --resume $n.jsonl\$" || fail "$w columns: the resume command is not on a line of its own"
    tm kill-session -t $n
done
# A plain screen keeps its dim notices (the test above would see them).
rm -f d.jsonl*
tm new-session -d -s d -x 100 -y 50 "cd '$T' && env TERM=screen '$V' play moveon --cast moveon.xml --lang en --seed 3 --journal d.jsonl; sleep 300"
wait_for d 'Enter: the story begins.' && tm send-keys -t d Enter
wait_for d "Sanne (Karin Mertens) —" && { tm capture-pane -p -e -t d | grep -q "${ESC}\[[0-9;]*\b2m\|${ESC}\[2;" || fail "screen view: no dim notice (the dim test sees nothing)"; }
# /projector switches at the prompt.
tm send-keys -t d '/projector' Enter
wait_for d "The projector view"
banner d "Sanne's turn, as Karin Mertens" || fail "/projector: no banner after switching"
tm kill-session -t d

# A scene where only a line was said in own words keeps its heading in the story.
play onlysaid en '/say Good morning, all.\n/quit\n'
"$V" debrief onlysaid.jsonl --lang en > onlysaid.md 2>&1
grep -A2 '^### Coffee above the shop' onlysaid.md | grep -q 'Good morning, all.' \
    || fail "debrief: a scene with only a line in own words lost its heading"

[ $failed -eq 0 ]
