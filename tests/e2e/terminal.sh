#!/bin/sh
# The trainer's console as people use it.
#
# Through a pipe: /vote (majority, tie), /cast (and its swap; refused after the first choice),
# SIGTERM and SIGHUP leaving the journal complete, /back 3 undoing reactions and state.
# On a real terminal (tmux): tab completion (commands, only incidents after /inject, @names, the lexicon in the
# solo setup), history (also after --resume), Ctrl-C pauses, Ctrl-D saves and quits, colour
# (and none with NO_COLOR), the status line, re-wrapping after a resize.
#
#   sh tests/e2e/terminal.sh VERBEELD TMPDIR     exit 0 when everything holds
set -u
V=$1 T=$2/terminal
case $V in /*) ;; *) V=$(pwd)/$V ;; esac
E2E=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$T" || exit 1
cd "$T" || exit 1
export VERBEELD_NOW=1763805600 LC_ALL=C.UTF-8
unset LANG LANGUAGE LC_MESSAGES NO_COLOR COLUMNS LINES
failed=0
fail() { echo "terminal: FAIL: $*"; failed=$((failed + 1)); }
has() { grep -q -- "$2" "$1" 2>/dev/null; }          # has FILE PATTERN
entry() { python3 "$E2E/entry.py" "$@" 2>/dev/null; }  # entry JOURNAL '{"ev":...}': an entry holds these fields
count() { c=$(grep -c -- "$2" "$1" 2>/dev/null); echo "${c:-0}"; }   # count FILE PATTERN

cat > cast2.xml <<'CAST'
<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan" card="espresso"/>
  <participant name="Joris" core="tact" goal="Meer ruimte geven" card="baobab"/>
</cast>
CAST
cat > cast3.xml <<'CAST'
<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan" card="espresso"/>
  <participant name="Joris" core="tact" goal="Meer ruimte geven" card="baobab"/>
  <participant name="Wen" core="daadkracht" goal="Luisteren" card="bolero"/>
</cast>
CAST
# play NAME CAST INPUT: a tutorial session (seed 5, English) piped, journal NAME.jsonl.
play() {
    rm -f "$1.jsonl" "$1.jsonl.history"
    printf '%b' "$3" | "$V" play tutorial --cast "$2" --lang en --seed 5 --journal "$1.jsonl" > "$1.out" 2>&1
}
# In the tutorial, with two players, six choices reach the group's scene `markt` (who="group").
# Options come in an order drawn from the seed, so choices that matter are named: =ID.
SIX='=binnen_grens\n=zit_verbinden\n=zit_direct\n=nee_bart\n=eerlijk_direct\n=verder_direct\n'

# ============================================================ piped: /vote
# Three participants: samen_uur wins with 2 of 3 votes and the story goes on with it.
play vote3 cast3.xml '=binnen_grens\n=zit_verbinden\n=zit_direct\n=zit-lies-uitdaging\n=nee_bart\n=eerlijk_direct\n=verder_direct\n/vote\n=samen_uur\n=samen_eerlijk\n=samen_uur\n'
has vote3.out 'With 2 of 3 votes the group chose: ' || fail "vote: the majority is not announced"
entry vote3.jsonl '{"ev":"vote","votes":[{"by":"Sanne","choice":"samen_uur"},{"by":"Joris","choice":"samen_eerlijk"},{"by":"Wen","choice":"samen_uur"}],"result":"samen_uur"}' \
    || fail "vote: the journal has no vote entry with each vote and the result"
has vote3.jsonl '"ev":"choice".*"scene":"markt","choice":"samen_uur"' || fail "vote: the majority's choice was not played"
has vote3.jsonl '"ev":"ending"' || fail "vote: the session did not go on to its ending"
# Two participants, one vote each: a tie, the trainer enters what the group decided.
play vote2 cast2.xml "$SIX"'/vote\n=samen_nee\n=samen_eerlijk\n=samen_hard\n'
has vote2.out 'The votes are tied: the trainer enters' || fail "vote tie: the trainer is not asked"
has vote2.jsonl '"ev":"vote".*"votes":\[.*"by":"Joris"' || fail "vote tie: the votes are not journaled"
has vote2.jsonl '"ev":"vote".*"result"' && fail "vote tie: a tie must have no result"
has vote2.jsonl '"ev":"choice".*"scene":"markt","choice":"samen_hard"' || fail "vote tie: the trainer's entry was not played"
# Only where the group decides.
play vote1 cast2.xml '/vote\n/quit\n'
has vote1.out 'A vote is for a decision the group takes together' || fail "vote: accepted outside a group scene"
has vote1.jsonl '"ev":"vote"' && fail "vote: journaled outside a group scene"

# A blank after the argument (Tab completion leaves one) is not part of it.
play inject cast2.xml '/inject telefoon \n/quit\n'
has inject.jsonl '"ev":"inject","at":"[^"]*","event":"telefoon"' || fail "/inject with a trailing blank: the incident did not start"

# ============================================================ piped: /cast
play cast cast2.xml '/cast Sanne planner\n/who\n1\n/cast Sanne coordinator\n/quit\n'
has cast.jsonl '"ev":"recast","at":"[^"]*","name":"Sanne","role":"planner"' || fail "cast: no recast entry"
# Joris played the planner: he takes the role Sanne left (no role with two players, none empty).
has cast.jsonl '"ev":"recast","at":"[^"]*","name":"Joris","role":"coordinator"' || fail "cast: the other player was not swapped"
has cast.out 'Sanne (Jonas Peeters) — 1' || fail "cast: the prompt does not name the new role"
# What the group reads is the cast after the swap: nobody shares a role (it once said Sanne
# shared the planner with Joris, who had just been moved to the coordinator).
has cast.out 'shares' && fail "cast: a swap is announced as a shared role"
has cast.out 'The cast can only change before the first choice' || fail "cast: not refused after the first choice"
[ "$(count cast.jsonl '"ev":"recast"')" = 2 ] || fail "cast: a refused recast was journaled"
printf '/who\n' | "$V" play --resume cast.jsonl > cast-resume.out 2>&1
grep -q '^  Sanne  *Jonas Peeters' cast-resume.out && grep -q '^  Joris  *Lies Wouters' cast-resume.out \
    || fail "cast: resume does not keep the new cast"
play cast-bad cast2.xml '/cast Sanne gids\n/cast Nobody planner\n/quit\n'
[ "$(count cast-bad.out 'Usage: /cast NAME ROLE')" = 1 ] || fail "cast: a role nobody may play is not refused"
has cast-bad.out 'Nobody here is called @Nobody. These are here:' || fail "cast: an unknown name is not refused as /note refuses it"
# Who is here, in columns: a name with an accent is padded by its width, not its bytes.
printf '<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1"><participant name="Chloé" core="tact" goal="x" card="espresso"/><participant name="Anna" core="moed" goal="y" card="baobab"/></cast>\n' > cast-accent.xml
play who-accent cast-accent.xml '/note @zoe hello\n/note @CHLOÉ looks away\n/quit\n'
has who-accent.out '^  @Chloé        [A-Z]' && has who-accent.out '^  @Anna         [A-Z]' \
    || fail "who is here: the names are not in columns: $(grep '^  @' who-accent.out)"
entry who-accent.jsonl '{"ev":"note","about":"Chloé","text":"looks away"}' || fail "@CHLOÉ does not find Chloé: names in any case, beyond ASCII"
# At the card pick a command is told to wait for the story (it was told to type a card), and
# /quit stops the setup with who plays kept.
printf '<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1"><participant name="Chloé" core="tact" goal="x"/></cast>\n' > cast-nocard.xml
play pick-commands cast-nocard.xml '/help\n/quit\n'
has pick-commands.out 'First a card: the commands work once the story begins' && [ -f pick-commands.jsonl.cast.xml ] \
    || fail "card pick: /help or /quit not answered as they should be"
# NAME as /note takes it: any case, with or without '@' (/cast sanne answered with the usage).
play cast-case cast2.xml '/cast sanne planner\n/cast @JORIS planner\n/quit\n'
has cast-case.jsonl '"ev":"recast","at":"[^"]*","name":"Sanne","role":"planner"' \
    && has cast-case.jsonl '"ev":"recast","at":"[^"]*","name":"Joris","role":"planner"' || fail "cast: a name in another case is not found"

# ============================================================ piped: SIGTERM and SIGHUP
# Lines go in one by one through a fifo; after each, wait until the journal has it; then the
# signal. Everything entered must be in the journal, and the session must resume to its end.
wait_journal() {     # wait_journal FILE PATTERN N: until FILE has N lines matching PATTERN
    i=0
    while [ "$(count "$1" "$2")" -lt "$3" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    [ "$(count "$1" "$2")" -ge "$3" ]
}
for sig in TERM HUP; do
    j=sig$sig.jsonl
    rm -f "$j" fifo$sig
    mkfifo fifo$sig
    "$V" play tutorial --cast cast2.xml --lang en --seed 5 --journal "$j" < fifo$sig > sig$sig.out 2>&1 &
    pid=$!
    exec 3> fifo$sig
    echo =binnen_grens >&3;          wait_journal "$j" '"ev":"choice"' 1
    echo "/note kept before $sig" >&3; wait_journal "$j" "kept before $sig" 1
    echo "/stop @Joris breathe" >&3; wait_journal "$j" '"ev":"timeout"' 1
    echo "/go" >&3;                  wait_journal "$j" '"ev":"go"' 1
    echo =zit_grens >&3;             wait_journal "$j" '"ev":"choice"' 2
    kill -$sig $pid
    { wait $pid; } 2> /dev/null
    exec 3>&-
    rm -f fifo$sig
    for what in '"ev":"choice".*"choice":"binnen_grens"' "\"text\":\"kept before $sig\"" \
                '"ev":"timeout".*"who":"Joris","why":"breathe"' '"ev":"go"' '"ev":"choice".*"choice":"zit_grens"'; do
        has "$j" "$what" || fail "SIG$sig: the journal lost $what"
    done
    tail -n 1 "$j" | grep -q '}$' || fail "SIG$sig: the journal ends in a cut-off line"
    printf '1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n' | "$V" play --resume "$j" > sig$sig-resume.out 2>&1 || fail "SIG$sig: resume failed"
    has "$j" '"ev":"ending"' || fail "SIG$sig: the resumed session did not reach its ending"
    has "$j" '"ev":"resume","at":"[^"]*","dropped":0,"mismatches":0' || fail "SIG$sig: the resume found a damaged journal"
done

# ============================================================ piped: /back 3
# A: three choices, then three that anger Bart (an incident fires), /back 3, then the good ones.
# B: the good ones straight away. After the undo, A must go exactly as B: same choices, same
# reactions (moods: the characters' state was restored), same ending.
play backA cast2.xml '=binnen_grens\n=zit_verbinden\n=zit_direct\n=punt_bart\n=eerlijk_bot\n=stil_bot\n/back 3\n=nee_bart\n=eerlijk_direct\n=verder_direct\n=samen_nee\n'
play backB cast2.xml "$SIX"'=samen_nee\n'
has backA.out 'Undone: 3 choices' || fail "back 3: not announced"
has backA.jsonl '"ev":"undo","at":"[^"]*","steps":3' || fail "back 3: no undo entry"
has backA.jsonl '"event":"stilte"' || fail "back 3: the test setup no longer reaches the incident it undoes"
sed -n '/"after_undo":true/,$p' backA.jsonl | tail -n +2 > backA.after
sed -n '/"ev":"scene","at":"[^"]*","scene":"voorstel"/,$p' backB.jsonl | tail -n +2 > backB.after
[ -s backB.after ] && cmp -s backA.after backB.after || { fail "back 3: after the undo the session differs from one never played that way"; diff backA.after backB.after | head -5; }

# ============================================================ on a terminal: tmux
if ! command -v tmux > /dev/null 2>&1; then
    echo "terminal: tmux is not installed: the tests on a real terminal are skipped (make deps installs it)"
    [ $failed -eq 0 ]; exit
fi
SOCK=$T/tmux.sock
tm() { tmux -S "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null' EXIT
# start NAME ENV ARGS: verbeeld ARGS in a new 80x40 terminal (ENV: extra environment, or "");
# its exit status goes to NAME.rc. The shell around it ignores Ctrl-C; verbeeld gets it.
start() {
    name=$1 env=$2; shift 2
    rm -f "$name.rc"
    tm new-session -d -s "$name" -x 80 -y 40 \
        "trap : INT; cd '$T' && env TERM=screen $env '$V' $*; echo \$? > '$T/$name.rc'; sleep 300" \
        || fail "tmux: cannot start a session"
}
screen() { tm capture-pane -p -J -S -300 -t "$1"; }
# wait_for NAME TEXT: until the terminal shows TEXT (10 seconds at most).
wait_for() {
    i=0
    while [ $i -lt 100 ]; do
        screen "$1" | grep -q -F -- "$2" && return 0
        sleep 0.1; i=$((i + 1))
    done
    fail "$1: the terminal never showed '$2'"; screen "$1" | grep -v '^$' | tail -5; return 1
}
# wait_rc NAME: until verbeeld has exited; prints its status.
wait_rc() {
    i=0
    while [ ! -s "$1.rc" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    cat "$1.rc" 2>/dev/null || echo none
}
keys() { n=$1; shift; tm send-keys -t "$n" "$@"; }
# begin NAME: the story waits on a terminal until who plays whom was read; Enter begins it.
begin() { wait_for "$1" 'Enter: the story begins.' && keys "$1" Enter; }
PROMPT='Sanne (Lies Wouters) — '

rm -f g.jsonl g.jsonl.history
start g "" play tutorial --cast cast2.xml --lang en --seed 5 --journal g.jsonl
begin g
wait_for g "$PROMPT"
# The status line above the prompt: act, scene, time played, time-outs.
wait_for g "Monday, nine o'clock · Coffee above the shop · 0 min played · 0 time-outs"
# Colour on a terminal: the characters' names.
tm capture-pane -p -e -t g | grep -q "$(printf '\033')\[[0-9;]*3[1-6]m" || fail "colour: no colour on a terminal"
# @names complete after /note.
keys g '/note @Sa' Tab
wait_for g "${PROMPT}/note @Sanne "
keys g 'hello' Enter
wait_for g 'Noted.'
entry g.jsonl '{"ev":"note","about":"Sanne","text":"hello"}' || fail "completion: the note about @Sanne is not journaled"
# History: Up brings back the line before.
keys g Up
wait_for g "${PROMPT}/note @Sanne hello"
keys g Enter
i=0; while [ "$(count g.jsonl '"text":"hello"')" -lt 2 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ "$(count g.jsonl '"text":"hello"')" = 2 ] || fail "history: Up + Enter did not repeat the line"
# Ctrl-C pauses: the pause line, the program still running, nothing journaled.
sum=$(cksum < g.jsonl)
keys g '/stop half typed' C-c
wait_for g 'Paused. Press Enter to play on'
[ -e g.rc ] && fail "Ctrl-C: the program ended"
[ "$(cksum < g.jsonl)" = "$sum" ] || fail "Ctrl-C: the journal changed"
keys g '/who' Enter
wait_for g 'goal: Meer ruimte geven'
# A narrower terminal: the next text is wrapped to its new width.
tm resize-window -t g -x 50 -y 40
keys g =binnen_grens Enter
wait_for g ") You stay on your feet"
# The status line stays one line: where it would wrap, the act's title gives way to the scene's.
wait_for g "Four corners · 0 min played · 0 time-outs"
screen g | grep -q "nine o'clock · Four corners" && fail "resize: the status line keeps the act's title at 50 columns"
screen g | sed -n '/^Four corners$/,$p' > g.narrow
[ -s g.narrow ] || fail "resize: no text after the resize"
widest=$(awk '{ n = length($0); if (n > w) w = n } END { print w + 0 }' g.narrow)
[ "$widest" -le 50 ] && [ "$widest" -ge 40 ] || fail "resize: text after resizing to 50 columns is $widest wide"
tm resize-window -t g -x 80 -y 40
# A time-out, so the resumed session has one to count.
keys g '/stop even' Enter
wait_for g 'Time-out. Step out of the fiction'
keys g '/go' Enter
i=0; while ! has g.jsonl '"ev":"go"' && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
# Incidents complete after /inject, and only incidents: Tab twice lists them, not the
# commands, names and the whole lexicon ("Display all 187 possibilities?").
keys g '/inject ' Tab Tab
wait_for g 'telefoon'
screen g | grep -q 'Display all\|perfectionisme\|/projector' && fail "completion: /inject<Tab><Tab> lists more than the incidents"
keys g C-u
keys g '/inject tel' Tab
wait_for g '/inject telefoon'
keys g Enter
wait_for g 'Incident:'
has g.jsonl '"ev":"inject","at":"[^"]*","event":"telefoon"' || fail "completion: /inject tel<Tab> did not start telefoon"
# Commands complete: /qu<Tab> is /quit.
keys g '/qu' Tab
wait_for g '— /quit'
keys g Enter
[ "$(wait_rc g)" = 0 ] || fail "/quit: exit status is not 0"
tail -n 1 g.jsonl | grep -q '"ev":"quit"' || fail "/quit: the journal does not end with a quit entry"

# After --resume, the history file brings back the earlier lines; Ctrl-D saves and quits.
has g.jsonl.history '/note @Sanne hello' || fail "history: g.jsonl.history does not hold the lines"
start r "" play --resume g.jsonl
wait_for r 'Resuming the session'
wait_for r ' — '
# The status line goes on counting: the time-out of the first run is still there.
wait_for r '· 1 time-out'
keys r Up Up
wait_for r '— /inject telefoon'
keys r C-u
sleep 0.2
keys r C-d
[ "$(wait_rc r)" = 0 ] || fail "Ctrl-D: exit status is not 0"
tail -n 1 g.jsonl | grep -q '"ev":"quit","at":"[^"]*","why":"end of input"' || fail "Ctrl-D: the journal does not end with a quit entry"
printf '1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n' | "$V" play --resume g.jsonl > r2.out 2>&1 || fail "Ctrl-D: resume failed"
has g.jsonl '"ev":"ending"' || fail "Ctrl-D: the resumed session did not reach an ending"
# A what-if from step 3 plays the first part again: its time-out counts in the status line (it
# read 0 time-outs while the debrief of the new journal said 1).
rm -f wif.jsonl*
start wif "" replay g.jsonl --from 3 --journal wif.jsonl
wait_for wif 'From here on you play again'
wait_for wif '· 1 time-out'
keys wif C-d
[ "$(wait_rc wif)" = 0 ] || fail "replay --from: exit status is not 0"

# NO_COLOR: no colour, even on a terminal.
rm -f n.jsonl*
start n "NO_COLOR=1" play tutorial --cast cast2.xml --lang en --seed 5 --journal n.jsonl
begin n
wait_for n "$PROMPT"
tm capture-pane -p -e -t n | grep -q "$(printf '\033')\[[0-9;]*3[1-6]m" && fail "NO_COLOR: colour on the terminal"
keys n C-d
[ "$(wait_rc n)" = 0 ] || fail "NO_COLOR session: exit status is not 0"

# The solo setup: Ctrl-C is not an answer; the lexicon completes (verb<Tab> is verbinden).
rm -f s.jsonl*
start s "" play tutorial --lang nl --seed 7 --journal s.jsonl
wait_for s 'Hoe heet je?'
keys s C-c
sleep 0.3
keys s 'Sanne' Enter
wait_for s 'Wat is je kernkwaliteit?'
keys s 'verb' Tab
wait_for s 'directheid) verbinden'
keys s Enter
wait_for s 'Wat is je leerdoel?'
# An empty goal is asked once more, saying why it matters.
keys s Enter
wait_for s 'De nabespreking draait om een leerdoel'
keys s 'Grenzen stellen' Enter
wait_for s 'kies een kaart'
keys s 1 Enter
wait_for s 'Enter: het verhaal begint.'
keys s Enter
wait_for s 'Sanne (Lies Wouters) — '
keys s C-d
[ "$(wait_rc s)" = 0 ] || fail "solo: exit status is not 0"
entry s.jsonl '{"ev":"participant","name":"Sanne","core":"verbinden"}' || fail "solo: the setup did not record Sanne with verbinden (Ctrl-C taken as an answer?)"
entry s.jsonl '{"ev":"participant","name":"Sanne","goal":"Grenzen stellen"}' || fail "solo: the goal given after an empty one is not recorded"

# A question wider than the terminal is wrapped at its words, not cut in the middle of one
# by the terminal (50 columns: "...; for exa" / "mple connecting" before).
rm -f w.jsonl*
tm new-session -d -s w -x 50 -y 40 "cd '$T' && env TERM=screen '$V' play tutorial --lang en --seed 7 --journal w.jsonl; sleep 300" \
    || fail "tmux: cannot start a session"
wait_for w 'What is your name?'
keys w 'Mila' Enter
wait_for w 'What is your core quality?'
tm capture-pane -p -t w | grep -q '^example connecting, directness) *$' \
    || { fail "a prompt wider than the terminal is not wrapped at its words"; tm capture-pane -p -t w | grep -v '^$' | tail -3; }
keys w 'dire' Tab
wait_for w 'directness) directness'
keys w C-d

# A terminal that closes (SIGHUP from tmux) leaves the journal complete.
rm -f h.jsonl*
start h "" play tutorial --cast cast2.xml --lang en --seed 5 --journal h.jsonl
begin h
wait_for h "$PROMPT"
keys h '/note before the hangup' Enter
wait_for h 'Noted.'
tm kill-session -t h
sleep 0.3
has h.jsonl 'before the hangup' || fail "hangup: the note is lost"
printf '/quit\n' | "$V" play --resume h.jsonl > h.out 2>&1 || fail "hangup: resume failed"

[ $failed -eq 0 ]
