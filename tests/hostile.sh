#!/bin/sh
# Hostile inputs, each with the exact outcome expected (issue 9):
#   1. character scripts (tests/hostile/characters/h/*.lua, each tried as a character of
#      tests/hostile/scenario.xml.in): stopped with the message in its "-- expect:" line, the
#      session goes on to its ending, the peer character's state is untouched;
#   2. scenario XML (tests/hostile/xml/ plus generated bombs): refused with file:line: and exit 1,
#      in bounded time and memory, and no file outside the scenario is opened (strace), nor
#      by the model cache outside its folder;
#   3. the prompt: megabyte lines, NUL bytes, invalid UTF-8, escape sequences, odd numbers, end of
#      input at every kind of prompt;
#   4. journals: truncated, corrupted, of another version or scenario, empty, not ours;
#   7. scripts and limits, second round (issue 24): characters that cannot load, conditions,
#      the same verdict on every run, signals.
#
#   sh tests/hostile.sh VERBEELD TMPDIR      exit 0 when every case passes
#
# HOSTILE_SECONDS (default 5) bounds the processor time of one run (see timed); VERBOSE=1 prints each case.
# HOSTILE_SLOW=1 (tests/valgrind.sh): the program runs under a tool, so strace and the memory
# measure are left out (the script limits count work, not time: their messages stay the same).
set -u
cd "$(dirname "$0")/.." || exit 2
V=$1
T=$2/hostile
rm -rf "$T"
mkdir -p "$T" || exit 2
H=tests/hostile
LIMIT=${HOSTILE_SECONDS:-5}
export VERBEELD_NOW=1763805600 NO_COLOR=1 COLUMNS=80 LC_ALL=C.UTF-8 LANG=en
# The model cache stays out of the user's ~/.cache (make gives one in the build folder).
export VERBEELD_CACHE="${VERBEELD_CACHE:-$T/cache}"
unset LANGUAGE LC_MESSAGES
pass=0 fail=0 failed=""
ESC=$(printf '\033')
CSI8=$(printf '\302\233')

ok() { pass=$((pass + 1)); [ "${VERBOSE:-}" = 1 ] && echo "ok: $1"; return 0; }
bad() { fail=$((fail + 1)); failed="$failed $1"; echo "FAIL: $1: $2"; [ -f "$T/out" ] && head -c 2000 "$T/out" | sed 's/^/    /'; return 0; }

# timed OUT INPUT ARGS...: run verbeeld with INPUT (a file) on stdin, output to OUT; sets $rc
# (124 when it had to be killed) and $secs (whole seconds, rounded up). $secs is the processor
# time the run took where /usr/bin/time can say (the limits count work, and a machine busy with
# other builds must not fail a run that did the same work), else the wall time. A run that waits
# forever is still caught: it is killed after 60 s of wall time.
if command -v /usr/bin/time > /dev/null 2>&1; then CPUTIME=1; else CPUTIME=0; fi
timed() {
    out=$1 in=$2; shift 2
    if [ "$CPUTIME" = 1 ]; then
        /usr/bin/time -f '%U %S' -o "$T/cpu" timeout -s KILL 60 "$V" "$@" < "$in" > "$out" 2>&1
        rc=$?
        # time reports a killed child's status as its own exit code; the last line holds the times
        secs=$(tail -1 "$T/cpu" | awk '{ s = $1 + $2; printf "%d", (s == int(s)) ? s : int(s) + 1 }')
        case $secs in ''|*[!0-9]*) secs=0 ;; esac
    else
        t0=$(date +%s%N)
        timeout -s KILL 60 "$V" "$@" < "$in" > "$out" 2>&1
        rc=$?
        t1=$(date +%s%N)
        secs=$(( (t1 - t0 + 999999999) / 1000000000 ))
    fi
}

# has FILE TEXT: FILE holds TEXT, wherever the output wrapped it over lines.
has() {
    tr '\n' ' ' < "$1" | sed 's/  */ /g' > "$1.flat"
    grep -qF -- "$(printf '%s' "$2" | sed 's/  */ /g')" "$1.flat"
}

# ---------------------------------------------------------------- 1. character scripts
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="An" core="verbinden" goal="x"/></cast>\n' > "$T/cast.xml"
mkdir -p "$T/lua"
ln -s "$(pwd)/$H/characters" "$T/lua/characters"
printf '1\n1\n1\n' > "$T/in-play"
nscripts=0
for f in "$H"/characters/h/*.lua; do
    n=$(basename "$f" .lua)
    case $n in speler|peer) continue ;; esac
    nscripts=$((nscripts + 1))
    expect=$(sed -n 's/^-- expect: //p' "$f" | head -1)
    [ -n "$expect" ] || { bad "lua-$n" "no '-- expect:' line"; continue; }
    sed "s/@NAME@/$n/" "$H/scenario.xml.in" > "$T/lua/$n.xml"
    timed "$T/out" "$T/in-play" play "$T/lua/$n.xml" --cast "$T/cast.xml" --lang en --seed 1 --journal "$T/lua/$n.jsonl"
    if [ "$rc" -gt 1 ]; then bad "lua-$n" "exit $rc (crash or hang)"; continue; fi
    # memstate fills 32 MiB: whether its budget or its memory runs out first is the same on
    # every run, but either is what it expects.
    slow_ok=0
    case $n in memstate)
        tr '\n' ' ' < "$T/out" | sed 's/  */ /g' \
            | grep -qE "h/$n\.lua:[0-9]+: script (ran too long|used too much memory)" && slow_ok=1
    esac
    if [ "$slow_ok" = 0 ] && ! has "$T/out" "$expect"; then bad "lua-$n" "expected: $expect"; continue; fi
    if [ "$secs" -gt "$LIMIT" ]; then bad "lua-$n" "took ${secs}s"; continue; fi
    if grep -q "$ESC\|$CSI8" "$T/out"; then bad "lua-$n" "an escape sequence reached the terminal"; continue; fi
    case $expect in
        *' error: '*) ;;
        *)
            # stopped at play time: the session goes on to its ending, the peer untouched
            if [ "$rc" -ne 0 ] || ! has "$T/out" "== The end ==" || ! has "$T/out" "Peer: peer intact"; then
                bad "lua-$n" "the session did not go on to its ending with the peer intact"; continue
            fi
            if ! grep -q '"ev":"ending"' "$T/lua/$n.jsonl"; then bad "lua-$n" "no ending in the journal"; continue; fi
            if [ "$(wc -c < "$T/lua/$n.jsonl")" -gt 20000000 ]; then bad "lua-$n" "journal too large"; continue; fi
            ;;
    esac
    case $n in state*|mem*)      # explore snapshots every state: it must end too
        timed "$T/out" /dev/null explore "$T/lua/$n.xml" --random 2 --seed 1
        if [ "$rc" -gt 1 ] || [ "$secs" -gt $((LIMIT * 2)) ]; then bad "lua-$n" "explore: exit $rc after ${secs}s"; continue; fi
    esac
    ok "lua-$n"
done
[ "$nscripts" -ge 25 ] && ok lua-count || bad lua-count "only $nscripts hostile scripts"

# One character cannot see or change another's: the peer's line above checks its globals,
# string methods and lexicon after each hostile script ran; here both run in one session and
# the hostile one reports what it could see of the peer.
sed "s/@NAME@/lexicon/" "$H/scenario.xml.in" > "$T/lua/iso.xml"
timed "$T/out" "$T/in-play" play "$T/lua/iso.xml" --cast "$T/cast.xml" --lang en --seed 1 --journal "$T/lua/iso.jsonl"
if [ "$rc" -eq 0 ] && has "$T/out" "Peer: peer intact" && ! grep -q 'shared_secret\|changed' "$T/lua/iso.jsonl"; then ok isolation
else bad isolation "the peer saw the hostile script's changes"; fi

# check names hostile scripts that fail while loading, with file and line.
sed "s/@NAME@/loadloop/" "$H/scenario.xml.in" > "$T/lua/check-loadloop.xml"
timed "$T/out" /dev/null check "$T/lua/check-loadloop.xml"
if [ "$rc" -eq 1 ] && has "$T/out" "h/loadloop.lua:3: error: script ran too long" && [ "$secs" -le "$LIMIT" ]; then ok check-loadloop
else bad check-loadloop "exit $rc"; fi

# explore runs every hostile script many times over, and ends.
sed "s/@NAME@/pcallloop/" "$H/scenario.xml.in" > "$T/lua/explore.xml"
timed "$T/out" /dev/null explore "$T/lua/explore.xml" --random 3 --seed 1
if [ "$rc" -le 1 ] && has "$T/out" "pcallloop.lua:7" && [ "$secs" -le $((LIMIT * 6)) ]; then ok explore-pcallloop
else bad explore-pcallloop "exit $rc after ${secs}s"; fi

# ---------------------------------------------------------------- 2. scenario XML
X=$T/xml
mkdir -p "$X"
cp "$H"/xml/*.xml "$X"/
ln -s "$(pwd)/$H/characters" "$X/characters"
echo "SECRET" > "$X/secret.txt"
printf '<!ENTITY %% leak SYSTEM "secret.txt">\n' > "$X/secret.dtd"
# generated: too large to keep in the repository
{
    printf '<?xml version="1.0"?>\n<!DOCTYPE scenario [\n<!ENTITY a "%s">\n]>\n<scenario>' "$(head -c 60000 /dev/zero | tr '\0' a)"
    i=0; while [ $i -lt 2000 ]; do printf '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'; i=$((i + 1)); done
    printf '</scenario>\n'
} > "$X/quadratic.xml"
{
    printf '<?xml version="1.0"?>\n<scenario xmlns="urn:verbeeld:scenario:1">\n'
    head -c 100000 /dev/zero | sed 's/\x0/<a>/g'
    printf '\n</scenario>\n'
} > "$X/deep.xml"
{
    printf '<?xml version="1.0"?>\n<scenario xmlns="urn:verbeeld:scenario:1" id="'
    head -c 8000000 /dev/zero | tr '\0' x
    printf '" version="1" lang="en">\n<title xml:lang="en">'
    head -c 16000000 /dev/zero | tr '\0' y
    printf '</title>\n</scenario>\n'
} > "$X/huge.xml"
{
    printf '<?xml version="1.0"?>\n<scenario xmlns="urn:verbeeld:scenario:1" id="big" version="1" lang="en">\n<title xml:lang="en">'
    head -c 20000000 /dev/zero | tr '\0' y
    printf '</title>\n</scenario>\n'
} > "$X/bigtext.xml"
printf '\357\273\277' > "$X/bom.xml"
sed "s/@NAME@/peer/" "$H/scenario.xml.in" >> "$X/bom.xml"
head -c 3000 "$V" > "$X/binary.xml"
: > "$X/empty.xml"

stracing=0
command -v strace > /dev/null 2>&1 && strace -f -qq -e trace=openat true > /dev/null 2>&1 && stracing=1
[ "${HOSTILE_SLOW:-}" = 1 ] && stracing=0
[ "$stracing" = 0 ] && [ "${HOSTILE_SLOW:-}" != 1 ] && echo "hostile: strace is not installed: which files the XML cases open is not checked"
data=$(cd "$(dirname "$V")/.." && pwd)
# Paths on stdin that are none of the program's libraries and data, the scenario $1 and its
# characters. (glibc's malloc reads the kernel's overcommit setting when the heap of the
# thread that validates a scenario shrinks.)
outside() {
    grep -v -e '^/etc/ld\.so' -e '^/lib' -e '^/usr/lib' -e '^/usr/share/locale' -e '^/etc/localtime' \
        -e '^/proc/sys/vm/overcommit_memory$' \
        -e '^/usr/share/zoneinfo' -e "^$1\$" -e "^$X/characters/" -e '^/dev/' -e '^/proc/self' \
        -e "^$(pwd)/scenarios/" -e "^$(pwd)/characters/" -e '^scenarios/' -e '^characters/' \
        -e "^$data/scenarios/" -e "^$data/characters/" -e "^$data/build" \
        -e "^$(pwd)/build" -e '^build' -e '^/usr/share/verbeeld' -e '^/usr/local/share' -e '^/usr/share/xml' -e '^/etc/xml' || true
}
# (LeakSanitizer cannot run under ptrace: a sanitizer build checks leaks elsewhere)
traced() {
    trace=$1; shift
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 timeout -s KILL 60 strace -f -qq -o "$trace" "$@"
}
# Without the model cache here: these runs may open the scenario, its characters and the
# program's own files, nothing else (the cache has its own case below).
cache=$VERBEELD_CACHE
export VERBEELD_CACHE=off
for f in "$X"/*.xml; do
    n=$(basename "$f" .xml)
    want=1; [ "$n" = bom ] && want=0
    if [ "$stracing" = 1 ]; then
        t0=$(date +%s%N)
        traced "$T/trace" -e trace=open,openat,creat,socket,connect,execve "$V" check "$f" > "$T/out" 2>&1
        rc=$?
        secs=$(( ($(date +%s%N) - t0 + 999999999) / 1000000000 ))
    else
        timed "$T/out" /dev/null check "$f"
    fi
    if [ "$rc" -ne "$want" ]; then bad "xml-$n" "exit $rc, expected $want"; continue; fi
    if [ "$want" = 1 ] && ! grep -q "^$f:[1-9][0-9]*: error: " "$T/out"; then bad "xml-$n" "no file:line: error"; continue; fi
    if [ "$secs" -gt $((LIMIT * 2)) ]; then bad "xml-$n" "took ${secs}s"; continue; fi
    if [ "$stracing" = 1 ]; then
        # Only the program's libraries and data, the scenario and its characters are opened:
        # never secret.txt or secret.dtd, no socket, no other program.
        if grep -q 'secret\|socket(\|connect(' "$T/trace" || [ "$(grep -c 'execve(' "$T/trace")" -ne 1 ]; then
            bad "xml-$n" "read outside the scenario:"; grep 'secret\|socket(\|connect(\|execve(' "$T/trace" | head -5; continue
        fi
        others=$(grep -o 'open[a-z]*([^"]*"[^"]*"' "$T/trace" | sed 's/.*"\(.*\)"/\1/' | outside "$f")
        if [ -n "$others" ]; then bad "xml-$n" "opened: $others"; continue; fi
    fi
    ok "xml-$n"
done
export VERBEELD_CACHE="$cache"
# The model cache: a valid scenario checked twice, filling the cache and then read from it,
# says the same both times, and the cache opens, makes, renames and removes nothing outside its
# own folder (every path any of those calls names, other than the ones allowed above).
if [ "$stracing" = 1 ]; then
    C=$T/cache-strace
    calls=open,openat,creat,mkdir,rename,renameat,renameat2,unlink,unlinkat,utimensat,socket,connect,execve
    VERBEELD_CACHE=$C
    traced "$T/trace-cold" -e trace=$calls "$V" check "$X/bom.xml" > "$T/out-cold" 2>&1
    traced "$T/trace-warm" -e trace=$calls "$V" check "$X/bom.xml" > "$T/out" 2>&1
    VERBEELD_CACHE=$cache
    others=$(grep -vh 'execve(' "$T/trace-cold" "$T/trace-warm" | grep -o '"[^"]*"' | tr -d '"' | grep -v "^$C\(/\|\$\)" | outside "$X/bom.xml")
    entry=$(cd "$C" 2>/dev/null && ls -- *.model)
    if ! cmp -s "$T/out-cold" "$T/out"; then bad xml-cache "the output from the cache differs"
    elif [ -n "$others" ]; then bad xml-cache "touched: $others"
    elif ! echo "$entry" | grep -qx '[0-9a-f]\{32\}\.model'; then bad xml-cache "no entry in the cache: $entry"
    elif ! grep -q "rename[at2]*(.*\"$C/$entry\.[^\"]*\",.*\"$C/$entry\"" "$T/trace-cold"; then bad xml-cache "the entry was not written whole"
    elif ! grep -q "open[a-z]*(.*\"$C/$entry\"" "$T/trace-warm" || grep -q 'rename[at2]*(.*\.model' "$T/trace-warm"; then
        bad xml-cache "the second run did not read the entry, or wrote one"
    else ok xml-cache; fi
fi
# bounded memory: the largest document stays within a few times its size (64 MiB is refused)
if command -v /usr/bin/time > /dev/null 2>&1 && [ "${HOSTILE_SLOW:-}" != 1 ]; then
    /usr/bin/time -f '%M' -o "$T/rss" "$V" check "$X/huge.xml" > /dev/null 2>&1
    kb=$(tail -1 "$T/rss")
    [ "$kb" -lt 400000 ] && ok xml-memory || bad xml-memory "max RSS ${kb} KiB for a 24 MB document"
fi
head -c 70000000 /dev/zero > "$T/big.xml"
timed "$T/out" /dev/null check "$T/big.xml"
if [ "$rc" -eq 1 ] && has "$T/out" "larger than 64 MiB"; then ok xml-too-large; else bad xml-too-large "exit $rc"; fi

# ---------------------------------------------------------------- 3. the prompt
P=$T/prompt
mkdir -p "$P"
cat > "$P/mini.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<scenario id="mini" version="1" lang="en" xmlns="urn:verbeeld:scenario:1">
  <title xml:lang="en">Mini</title>
  <roles><role id="speler" character="h/speler" playable="yes"/><role id="peer" character="h/peer"/></roles>
  <act id="one">
    <scene id="begin" who="speler">
      <text xml:lang="en">Start.</text>
      <choice to="end" quality="grenzen stellen"><text xml:lang="en">No.</text></choice>
      <choice to="end" quality="pleasen"><text xml:lang="en">Yes.</text></choice>
    </scene>
  </act>
  <ending id="end"><title xml:lang="en">The end</title></ending>
</scenario>
XML
ln -s "$(pwd)/$H/characters" "$P/characters"
# Names with C1 control characters (legal in XML: U+009B is a terminal's CSI) and a BEL.
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="Ev&#x9b;31m&#x9d;0;pwned&#x9c;il" core="verbinden" goal="g&#x9b;2J"/></cast>\n' > "$P/cast.xml"

# prompt CASE INPUT EXPECT [ARGS]: feed INPUT (printf format) to a session of mini.xml with the
# hostile cast; the output holds EXPECT, the session ends, and no escape byte is printed.
prompt_case() {
    name=$1 input=$2 expect=$3
    rm -f "$P/$name.jsonl"
    printf '%b' "$input" > "$P/in"
    timed "$T/out" "$P/in" play "$P/mini.xml" --cast "$P/cast.xml" --lang en --seed 1 --journal "$P/$name.jsonl"
    if [ "$rc" -ne 0 ]; then bad "prompt-$name" "exit $rc"; return; fi
    if ! has "$T/out" "$expect"; then bad "prompt-$name" "expected: $expect"; return; fi
    if grep -q "$ESC\|$CSI8" "$T/out"; then bad "prompt-$name" "an escape sequence reached the terminal"; return; fi
    if [ "$secs" -gt "$LIMIT" ]; then bad "prompt-$name" "took ${secs}s"; return; fi
    ok "prompt-$name"
}
head -c 1048576 /dev/zero | tr '\0' 7 > "$P/mega"
prompt_case zero '0\n1\n' 'Choose a number from 1 to 2.'
prompt_case negative '-1\n1\n' 'Choose a number from 1 to 2.'
prompt_case overflow '99999999999999999999\n1\n' 'Choose a number from 1 to 2.'
prompt_case underflow '-99999999999999999999\n2\n' 'Choose a number from 1 to 2.'
prompt_case not-a-number '1.5\n0x1\n1e0\n+\n\n   \n1\n' 'Type the number of a choice'
prompt_case nul 'x\00001\n2\n' 'Type the number of a choice'
prompt_case invalid-utf8 '\377\376\n\300\257\n1\n' 'Type the number of a choice'
prompt_case escapes '/note \033]0;pwned\007\033[2J note\n/stop \033[31m\n/go\n\033[A\n1\n' 'Noted.'
prompt_case c1-note '/note \302\233 31m \302\235 x\n1\n' 'Noted.'
prompt_case unknown-command '/\n//\n/quit\001\n/note\n/back 99999999999999999999\n/back -3\n/inject \033[2J\n1\n' 'Unknown command'
cat "$P/mega" > "$P/in2"; printf '\n/note ' >> "$P/in2"; cat "$P/mega" >> "$P/in2"; printf '\n1\n' >> "$P/in2"
timed "$T/out" "$P/in2" play "$P/mini.xml" --cast "$P/cast.xml" --lang en --seed 1 --journal "$P/mega.jsonl"
if [ "$rc" -eq 0 ] && has "$T/out" "== The end ==" && [ "$secs" -le "$LIMIT" ] && [ "$(wc -c < "$T/out")" -lt 400000 ]; then ok prompt-megabyte
else bad prompt-megabyte "exit $rc, ${secs}s, $(wc -c < "$T/out") bytes of output"; fi
# the journal keeps notes as typed (escaped as JSON), the debrief never shows them raw
"$V" debrief "$P/escapes.jsonl" > "$T/out" 2>&1
if [ $? -eq 0 ] && ! grep -q "$ESC\|$CSI8" "$T/out"; then ok debrief-escapes; else bad debrief-escapes "raw escape in the debrief"; fi
# a journal path with an escape sequence in it is never printed raw
printf '1\n' > "$P/in"
timed "$T/out" "$P/in" play "$P/mini.xml" --cast "$P/cast.xml" --lang en --seed 1 --journal "$P/j$(printf '\033[2J').jsonl"
if [ "$rc" -eq 0 ] && ! grep -q "$ESC" "$T/out"; then ok prompt-journal-path; else bad prompt-journal-path "exit $rc or a raw escape"; fi
timed "$T/out" "$P/in" play "$P/mini.xml" --cast "$P/cast.xml" --lang en --seed 1 --journal "$P/j$(printf '\033[2J').jsonl"
if [ "$rc" -eq 1 ] && ! grep -q "$ESC" "$T/out"; then ok prompt-journal-path-exists; else bad prompt-journal-path-exists "exit $rc or a raw escape"; fi

# End of input at every kind of prompt: nothing half-made is saved, or the session is saved.
eof_case() {
    name=$1 input=$2 want=$3 expect=$4; shift 4
    rm -f "$P/eof-$name.jsonl"
    printf '%b' "$input" > "$P/in"
    timed "$T/out" "$P/in" play "$@" --lang en --seed 1 --journal "$P/eof-$name.jsonl"
    if [ "$rc" -ne "$want" ] || ! has "$T/out" "$expect"; then bad "eof-$name" "exit $rc, expected $want and: $expect"; return; fi
    ok "eof-$name"
}
eof_case name '' 1 'the setup was not finished' "$P/mini.xml"
eof_case name-blank '\n  \n' 1 'the setup was not finished' "$P/mini.xml"
eof_case core 'An\n' 1 'the setup was not finished' "$P/mini.xml"
eof_case core-wrong 'An\nzeuren\n\033[2J\n' 1 'not a core quality' "$P/mini.xml"
eof_case goal 'An\nverbinden\n' 1 'the setup was not finished' "$P/mini.xml"
eof_case card 'An\nverbinden\ngoal\n' 1 'the setup was not finished' tutorial
# ... and who was named is kept, for a start again without typing it all once more
if grep -q 'name="An" core="verbinden" goal="goal"' "$P/eof-card.jsonl.cast.xml" 2>/dev/null && has "$T/out" "play tutorial --cast $P/eof-card.jsonl.cast.xml"
then ok eof-card-kept; else bad eof-card-kept "the participants named before the end of input are not kept in a cast file"; fi
eof_case card-wrong 'An\nverbinden\ngoal\n0\n99999999999999999999\n-1\n' 1 'Type the number or the name of a card' tutorial
eof_case choice 'An\nverbinden\ngoal\n' 0 'The session is saved' "$P/mini.xml"
eof_case choice-cast '' 0 'The session is saved' "$P/mini.xml" --cast "$P/cast.xml"
eof_case timeout '/stop\n' 0 'The session is saved' "$P/mini.xml" --cast "$P/cast.xml"
if [ -f "$P/eof-name.jsonl" ]; then bad eof-nothing-saved "a journal was left by an unfinished setup"; else ok eof-nothing-saved; fi
if grep -q '"ev":"quit"' "$P/eof-choice.jsonl" 2>/dev/null; then ok eof-quit-journaled; else bad eof-quit-journaled "no quit entry"; fi

# ---------------------------------------------------------------- 4. journals
J=$T/journal
mkdir -p "$J"
printf '1\n' > "$J/in"
"$V" play "$P/mini.xml" --cast "$P/cast.xml" --lang en --seed 1 --journal "$J/done.jsonl" < "$J/in" > /dev/null 2>&1
cast2="$J/cast2.xml"
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="Sanne" core="verbinden" goal="a" card="espresso"/><participant name="Joris" core="tact" goal="b" card="baobab"/></cast>\n' > "$cast2"
printf '1\n1\n/note halfway\n1\n' > "$J/in"
"$V" play tutorial --cast "$cast2" --lang en --seed 5 --journal "$J/good.jsonl" < "$J/in" > /dev/null 2>&1
lines=$(wc -l < "$J/good.jsonl")

# journal_case NAME FILE EXIT EXPECT: resume FILE, expecting EXIT and EXPECT in the output;
# debrief reads it with the same verdict.
journal_case() {
    name=$1 file=$2 want=$3 expect=$4
    printf '1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n' > "$J/in"
    timed "$T/out" "$J/in" play --resume "$file"
    if [ "$rc" -ne "$want" ] || ! has "$T/out" "$expect"; then bad "journal-$name" "exit $rc, expected $want and: $expect"; return; fi
    timeout -s KILL 60 "$V" debrief "$file" > "$T/out" 2>&1
    drc=$?
    if [ "$drc" -gt 1 ]; then bad "journal-$name" "debrief exit $drc"; return; fi
    ok "journal-$name"
}
cp "$J/good.jsonl" "$J/trunc.jsonl"; printf '{"ev":"choice","at":"2025-11-22T10:00:00Z","step":9,"sce' >> "$J/trunc.jsonl"
journal_case truncated "$J/trunc.jsonl" 0 'The last line of the journal was cut off'
cp "$J/good.jsonl" "$J/trunc2.jsonl"; printf '{"ev":"note","text":"a' >> "$J/trunc2.jsonl"
journal_case truncated-string "$J/trunc2.jsonl" 0 'The last line of the journal was cut off'
{ head -n 3 "$J/good.jsonl"; echo '{"ev":"choice", garbage'; tail -n +4 "$J/good.jsonl"; } > "$J/middle.jsonl"
journal_case corrupt-middle "$J/middle.jsonl" 1 "$J/middle.jsonl:4: error: this line is not a journal entry"
{ head -n 3 "$J/good.jsonl"; printf '{"ev":"note","text":"a\0b"}\n'; tail -n +4 "$J/good.jsonl"; } > "$J/nul.jsonl"
journal_case nul-middle "$J/nul.jsonl" 1 "$J/nul.jsonl:4: error: this line is not a journal entry"
{ head -n 3 "$J/good.jsonl"; printf '[1,2,3]\n'; tail -n +4 "$J/good.jsonl"; } > "$J/array.jsonl"
journal_case array-middle "$J/array.jsonl" 1 "$J/array.jsonl:4: error: this line is not a journal entry"
{ head -n 3 "$J/good.jsonl" | tr -d '\n'; echo; tail -n +4 "$J/good.jsonl"; } > "$J/joined.jsonl"
journal_case joined-lines "$J/joined.jsonl" 1 "$J/joined.jsonl:1: error: this line is not a journal entry"
sed '1s/"version":1/"version":7/' "$J/good.jsonl" > "$J/version.jsonl"
journal_case other-version "$J/version.jsonl" 1 "journal format version 7"
sed '1s/"path":"[^"]*"/"path":"\/nonexistent.xml"/; 1s/"scenario":"tutorial"/"scenario":"nergens"/' "$J/good.jsonl" > "$J/gone.jsonl"
journal_case scenario-gone "$J/gone.jsonl" 1 "scenario 'nergens' not found"
sed "1s#\"path\":\"[^\"]*\"#\"path\":\"$(cd "$P" && pwd)/mini.xml\"#; 1s/\"scenario\":\"tutorial\"/\"scenario\":\"mini\"/" "$J/good.jsonl" > "$J/other.jsonl"
journal_case other-scenario "$J/other.jsonl" 1 "is not a playable role of 'mini'"
: > "$J/empty.jsonl"
journal_case empty "$J/empty.jsonl" 1 "the journal is empty"
printf '\n\n\n' > "$J/blank.jsonl"
journal_case blank "$J/blank.jsonl" 1 "the journal is empty"
printf '{"ev":"start","format":"something-else","version":1}\n{"ev":"x"}\n' > "$J/notours.jsonl"
journal_case not-ours "$J/notours.jsonl" 1 "not a verbeeld journal"
printf '{"level":"info","msg":"server started"}\n' > "$J/log.jsonl"
journal_case not-a-journal "$J/log.jsonl" 1 "not a journal entry"
head -c 5000 "$V" > "$J/binary.jsonl"
journal_case binary "$J/binary.jsonl" 1 "error"
journal_case directory "$J" 1 "error"
journal_case missing "$J/nope.jsonl" 1 "error"
journal_case finished "$J/done.jsonl" 0 "already ended"
{ head -n 1 "$J/good.jsonl"; printf '{"ev":"choice","choice":"nope","auto":false}\n{"ev":"undo","steps":99999999999}\n{"ev":"inject","event":"\\u001b[2J"}\n'; } > "$J/forged.jsonl"
# (its empty cast leads the story where it cannot go on: exit 1, as any session that stops so)
journal_case forged "$J/forged.jsonl" 1 "no longer fit the scenario"
# an ending entry again and again, each after a choice: the debrief keeps the last one's choices
{ cat "$J/done.jsonl"; for i in 1 2 3 4 5; do grep -e '"ev":"choice"' -e '"ev":"ending"' "$J/done.jsonl"; done; } > "$J/endings.jsonl"
journal_case endings-repeated "$J/endings.jsonl" 0 "already ended"

# ---------------------------------------------------------------- 5. inputs the fuzzers found
# Each crash that make fuzz found is kept in tests/fuzz/regress/<target>/ and replayed here
# through the program: never a crash (exit above 1), never a hang.
for f in tests/fuzz/regress/fuzz_scenario/*; do
    [ -f "$f" ] || continue
    cp "$f" "$T/regress.xml"
    timed "$T/out" /dev/null check "$T/regress.xml"
    [ "$rc" -le 1 ] && ok "regress-$f" || bad "regress-$f" "exit $rc"
done
for f in tests/fuzz/regress/fuzz_journal/*; do
    [ -f "$f" ] || continue
    cp "$f" "$T/regress.jsonl"
    timed "$T/out" /dev/null debrief "$T/regress.jsonl"
    [ "$rc" -le 1 ] && ok "regress-$f" || bad "regress-$f" "exit $rc"
done
for f in tests/fuzz/regress/fuzz_prompt/*; do
    [ -f "$f" ] || continue
    rm -f "$T/regress.jsonl"
    timed "$T/out" "$f" play tutorial --cast "$cast2" --lang en --seed 1 --journal "$T/regress.jsonl"
    [ "$rc" -eq 0 ] && ok "regress-$f" || bad "regress-$f" "exit $rc"
done

# ---------------------------------------------------------------- 6. output over input
# What verbeeld writes never replaces what it reads, never carries a terminal escape, and the
# files it is handed are read as files (issue 24).
O=$T/output
mkdir -p "$O"
cp "$J/good.jsonl" "$O/j.jsonl"
cp scenarios/tutorial.xml "$O/s.xml"
ln -s j.jsonl "$O/link.jsonl"
# same_case NAME EXPECT FILE ARGS...: refused with exit 2 and EXPECT, FILE unchanged.
same_case() {
    name=$1 expect=$2 file=$3; shift 3
    sum=$(cksum < "$file")
    timed "$T/out" /dev/null "$@"
    if [ "$rc" -ne 2 ] || ! has "$T/out" "$expect" || [ "$(cksum < "$file")" != "$sum" ]; then
        bad "same-$name" "exit $rc, expected 2, '$expect' and $file unchanged"; return
    fi
    ok "same-$name"
}
same_case debrief "-o $O/j.jsonl is a file this command reads" "$O/j.jsonl" debrief "$O/j.jsonl" -o "$O/j.jsonl"
same_case debrief-spelled "-o $O/../output/j.jsonl is a file this command reads" "$O/j.jsonl" debrief "$O/j.jsonl" -o "$O/../output/j.jsonl"
same_case debrief-link "-o $O/link.jsonl is a file this command reads" "$O/j.jsonl" debrief "$O/j.jsonl" --format json -o "$O/link.jsonl"
sed "1s#\"path\":\"[^\"]*\"#\"path\":\"$O/s.xml\"#" "$O/j.jsonl" > "$O/js.jsonl"
same_case debrief-scenario "-o $O/s.xml is a file this command reads" "$O/s.xml" debrief "$O/js.jsonl" -o "$O/s.xml"
same_case graph "-o $O/s.xml is a file this command reads" "$O/s.xml" graph "$O/s.xml" -o "$O/s.xml"

# Text that a terminal acts on: CSI, OSC and NEL as C1 code points, a bidi override and
# isolate, ESC, invalid UTF-8. None of them reaches any command's output, and JSON stays JSON.
BADRE='\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\x1b|[\xfe\xff]'
C1=$(printf '\302\233'); OSC=$(printf '\302\235'); NEL=$(printf '\302\205'); RLO=$(printf '\342\200\256'); LRI=$(printf '\342\201\246')
mkdir -p "$O/vp/scenarios"
sed "s#<title xml:lang=\"en\">A first#<title xml:lang=\"en\">A${C1}31m${RLO}evil${OSC}0;x${NEL}${LRI} first#; s/id=\"tutorial\"/id=\"evil\"/" \
    scenarios/tutorial.xml > "$O/vp/scenarios/evil.xml"
# clean_case NAME FILE: FILE holds none of the above.
clean_case() {
    if LC_ALL=C grep -qaP "$BADRE" "$2"; then bad "clean-$1" "an escape or override in $2"; else ok "clean-$1"; fi
}
VERBEELD_PATH="$O/vp" "$V" list > "$O/list.out" 2>&1; clean_case list "$O/list.out"
"$V" graph "$O/vp/scenarios/evil.xml" > "$O/graph.out" 2>&1; clean_case graph "$O/graph.out"
"$V" graph "$O/vp/scenarios/evil.xml" -o "$O/graph.dot" > /dev/null 2>&1; clean_case graph-file "$O/graph.dot"
"$V" check "$O/vp/scenarios/evil.xml" > "$O/check.out" 2>&1; clean_case check "$O/check.out"
"$V" explore "$O/vp/scenarios/evil.xml" --random 3 > "$O/explore.out" 2>&1; clean_case explore "$O/explore.out"
"$V" quadrant "x${C1}2J${RLO}" > "$O/quadrant.out" 2>&1; clean_case quadrant "$O/quadrant.out"
cp "$J/good.jsonl" "$O/bad.jsonl"
printf '{"ev":"note","at":"2025-11-22T10:30:00Z","text":"n \\u009b31m \\u202e \\u2066 \377\376 \\u0085 \\u001b]0;x\\u0007"}\n' >> "$O/bad.jsonl"
for f in json xapi md html; do
    "$V" debrief "$O/bad.jsonl" --format $f > "$O/debrief.$f" 2>&1; clean_case "debrief-$f" "$O/debrief.$f"
done
"$V" debrief "$O/bad.jsonl" --format json -o "$O/debrief-o.json" > /dev/null 2>&1; clean_case debrief-json-file "$O/debrief-o.json"
if python3 -c 'import json,sys; [json.load(open(f, encoding="utf-8")) for f in sys.argv[1:]]' "$O/debrief.json" "$O/debrief.xapi" "$O/debrief-o.json" 2>/dev/null
then ok debrief-json-valid; else bad debrief-json-valid "the json or xapi debrief is not valid JSON"; fi
# typed by a participant: name, goal and note with invalid UTF-8 and C1; the journal stays JSON
printf 'An\377\nverbinden\ngoal \302\233 \342\200\256\n1\n/note bad \377\376 \303 x\n1\n1\n1\n' > "$O/in"
timed "$T/out" "$O/in" play tutorial --lang en --journal "$O/typed.jsonl"
if [ "$rc" -eq 0 ] && python3 -c 'import json,sys; [json.loads(l.decode("utf-8")) for l in open(sys.argv[1], "rb")]' "$O/typed.jsonl" 2>/dev/null \
    && grep -q "\"name\":\"An$(printf '\357\277\275')\"" "$O/typed.jsonl"
then ok typed-utf8-repaired; else bad typed-utf8-repaired "exit $rc, or the journal is not valid UTF-8 JSON"; fi
clean_case typed-journal "$O/typed.jsonl"

# File names that clean to the same one, or that a poster or the group's overview has: each its own file.
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="???" core="verbinden" goal="a" card="espresso"/><participant name="!!!" core="tact" goal="b" card="baobab"/><participant name="cards-ankers" core="tact" goal="c"/></cast>\n' > "$O/names.xml"
"$V" sheets tutorial --cast "$O/names.xml" -o "$O/sheets" > "$T/out" 2>&1
if [ "$(ls "$O/sheets" | tr '\n' ' ')" = "----2.html ---.html cards-ankers-2.html cards-ankers.html group.html trainer.html " ] && grep -q '<pre' "$O/sheets/cards-ankers.html"
then ok names-sheets; else bad names-sheets "$(ls "$O/sheets" | tr '\n' ' ')"; fi
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="debrief" core="verbinden" goal="a"/><participant name="Debrief" core="tact" goal="b"/></cast>\n' > "$O/names2.xml"
printf '1\n2\n1\n1\n1\n1\n' > "$O/in"
"$V" play tutorial --cast "$O/names2.xml" --lang en --journal "$O/names.jsonl" < "$O/in" > /dev/null 2>&1
mkdir -p "$O/handouts"
"$V" debrief "$O/names.jsonl" -o "$O/handouts" > "$T/out" 2>&1
if [ "$(ls "$O/handouts" | tr '\n' ' ')" = "Debrief-3.md debrief-2.md debrief.md " ] && grep -q '^## ' "$O/handouts/debrief.md"
then ok names-handouts; else bad names-handouts "$(ls "$O/handouts" | tr '\n' ' ')"; fi

# ---------------------------------------------------------------- 7. scripts and limits, second round
# (issue 24) A character that cannot load is never used, in check, explore, play or after
# /back; the limits hold in single calls into C and where Lua runs a handler with hooks off
# (the scripts of section 1: xpcall*, repempty, tmove, numpattern, balance, plainfind,
# literal); the scenario's conditions run under the same limits, fail as conditions, and check
# tries each one; no verdict depends on the machine; SIGHUP and SIGTERM end a session that was
# started with them ignored, its journal whole.
S2=$T/scripts2
mkdir -p "$S2"
ln -s "$(pwd)/$H/characters" "$S2/characters"
sed 's#@NAME@#syntax#; s#<text xml:lang="en">The hostile character chooses.</text>#&<say who="h" line="hi"/>#' \
    "$H/scenario.xml.in" > "$S2/say.xml"
want="h/syntax.lua:5: error: '}' expected (to close '{' at line 2) near 'oops'"
for cmd in check explore play; do
    set -- "$S2/say.xml"
    [ "$cmd" = play ] && set -- "$@" --cast "$T/cast.xml" --lang en --seed 1 --journal "$S2/say.jsonl"
    timed "$T/out" "$T/in-play" "$cmd" "$@"
    if [ "$rc" -eq 1 ] && has "$T/out" "$want" && [ "$secs" -le "$LIMIT" ]; then ok "unloadable-$cmd"
    else bad "unloadable-$cmd" "exit $rc after ${secs}s, expected 1 and: $want"; fi
done
# one script that cannot load hides nothing of the others: check still tries their hooks
sed 's#h/peer#h/errtable#' "$S2/say.xml" > "$S2/others.xml"
timed "$T/out" /dev/null check "$S2/others.xml"
if [ "$rc" -eq 1 ] && has "$T/out" "$want" && has "$T/out" "h/errtable.lua:5: error: error object is a table value"
then ok unloadable-others; else bad unloadable-others "exit $rc, the other character's hook error is missing"; fi

# /back after the script was edited into a syntax error: said with file and line, the character
# is silent from then on, the session goes on to its ending and the journal reads back.
B=$S2/back
mkdir -p "$B/characters/h"
cp "$H/characters/h/speler.lua" "$B/characters/h/"
printf 'return character {\n  id = "edited", name = "Edited", quadrant = "directheid",\n  lines = { hi = "Hello there." },\n  react = function(self, ev) return "hi" end,\n}\n' \
    > "$B/characters/h/edited.lua"
cat > "$B/back.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<scenario id="back" version="1" lang="en" xmlns="urn:verbeeld:scenario:1">
  <title xml:lang="en">Back</title>
  <roles><role id="speler" character="h/speler" playable="yes"/><role id="h" character="h/edited"/></roles>
  <act id="one">
    <scene id="begin" who="speler">
      <text xml:lang="en">Start.</text><say who="h" line="hi"/>
      <choice to="middle" quality="grenzen stellen"><text xml:lang="en">No.</text></choice>
    </scene>
    <scene id="middle" who="speler">
      <text xml:lang="en">Middle.</text><say who="h" line="hi"/>
      <choice to="end" quality="directheid"><text xml:lang="en">Go on.</text></choice>
    </scene>
  </act>
  <ending id="end"><title xml:lang="en">The end</title></ending>
</scenario>
XML
t0=$(date +%s%N)
{
    printf '1\n'
    i=0; while ! grep -q 'Middle' "$B/out" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    printf 'oops\n' >> "$B/characters/h/edited.lua"
    printf '/back\n1\n1\n'
} | timeout -s KILL 60 "$V" play "$B/back.xml" --cast "$T/cast.xml" --lang en --seed 1 --journal "$B/back.jsonl" > "$B/out" 2>&1
rc=$?
secs=$(( ($(date +%s%N) - t0 + 999999999) / 1000000000 ))
cp "$B/out" "$T/out"
# (Lua shortens a long path from its start: the file's end and line are what count)
if [ "$rc" -ne 0 ] || ! has "$T/out" "(script error, the character stays silent: " \
    || ! has "$T/out" "h/edited.lua:6: <eof> expected near 'oops')" \
    || ! has "$T/out" "Undone: 1 choice." || ! has "$T/out" "== The end ==" || [ "$secs" -gt $((LIMIT * 2)) ]; then
    bad back-unloadable "exit $rc after ${secs}s, expected 0, the file:line of the error and the ending"
elif sed -n '/Undone:/,$p' "$T/out" | grep -q 'Edited:'; then bad back-unloadable "the broken character spoke after /back"
elif ! grep -q '"ev":"ending"' "$B/back.jsonl" || ! "$V" debrief "$B/back.jsonl" > /dev/null 2>&1; then
    bad back-unloadable "the journal has no ending or does not read back"
else ok back-unloadable; fi

# Conditions: the same limits as scripts; a failure is named as a condition at its file:line;
# check evaluates each one with the scenario's first values, and play goes on to its ending.
cat > "$S2/cond.xml.in" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<scenario id="cond" version="1" lang="en" xmlns="urn:verbeeld:scenario:1">
  <title xml:lang="en">Conditions</title>
  <vars><var id="n" value="0"/></vars>
  <roles><role id="speler" character="h/speler" playable="yes"/><role id="peer" character="h/peer"/></roles>
  <act id="one">
    <scene id="begin" who="speler">
      <text xml:lang="en">Start.</text>
      <say who="peer" line="check" if="@COND@"/>
      <choice to="end" quality="grenzen stellen"><text xml:lang="en">No.</text></choice>
    </scene>
  </act>
  <ending id="end"><title xml:lang="en">The end</title></ending>
</scenario>
XML
# cond_case NAME CONDITION EXPECT: EXPECT empty: the condition holds, check passes and the peer
# speaks; else check fails with "FILE:9: error: condition failed: EXPECT" and play says so.
cond_case() {
    name=$1 f=$S2/cond-$1.xml want=$3
    sed "s|@COND@|$2|" "$S2/cond.xml.in" > "$f"
    timed "$T/out" /dev/null check "$f"
    if [ -z "$want" ]; then
        [ "$rc" -eq 0 ] && [ "$secs" -le "$LIMIT" ] || { bad "condition-$name" "check: exit $rc after ${secs}s"; return; }
    elif [ "$rc" -ne 1 ] || ! has "$T/out" "$f:9: error: condition failed: $want" || [ "$secs" -gt "$LIMIT" ]; then
        bad "condition-$name" "check: exit $rc after ${secs}s, expected 1 and: condition failed: $want"; return
    fi
    timed "$T/out" "$T/in-play" play "$f" --cast "$T/cast.xml" --lang en --seed 1 --journal "$S2/cond-$name.jsonl"
    if [ "$rc" -ne 0 ] || ! has "$T/out" "== The end ==" || [ "$secs" -gt "$LIMIT" ]; then
        bad "condition-$name" "play: exit $rc after ${secs}s, expected 0 and the ending"; return
    fi
    if [ -z "$want" ] && ! has "$T/out" "Peer: peer intact"; then bad "condition-$name" "the condition did not hold"; return; fi
    if [ -n "$want" ] && ! has "$T/out" "(error in the scenario, the story goes on: $f:9: condition failed: $want)"; then
        bad "condition-$name" "play did not name the condition"; return
    fi
    ok "condition-$name"
}
cond_case rep "#string.rep('', math.tointeger(2^62)) + #(''):rep(math.tointeger(2^62), '') == 0" ""
cond_case move "table.move({}, 1, math.tointeger(2^62), 2) == nil" "script ran too long (instruction limit reached)"
cond_case numpattern "string.find(12345678901234567890, string.rep('(.-)', 30) .. 'x') == nil" \
    "pattern too complex for a subject of 19 bytes"
cond_case balance "string.rep('(', 1048576):find('%b()') == nil" "pattern too complex for a subject of 1048576 bytes"
cond_case plainfind "string.rep('a', 8388608):find(string.rep('a', 4194304) .. 'b', 1, true) == nil" \
    "script ran too long (instruction limit reached)"
cond_case loop "vars.n > 0 or (function() while true do end end)()" "script ran too long (instruction limit reached)"
cond_case memory "#string.rep('x', math.tointeger(2^30)) > 0" "script used too much memory"
cond_case error "vars.n.x == 1" "cannot look up a field in a value of type number (field 'n')"

# The same verdicts on every run and any load: a script just under the budget is never stopped,
# and explore with one job or two says the same of it.
sed "s/@NAME@/nearlimit/" "$H/scenario.xml.in" > "$S2/nearlimit.xml"
"$V" explore "$S2/nearlimit.xml" --random 3 --seed 1 --jobs 1 2>&1 | grep -v 'per second' > "$S2/jobs1"
"$V" explore "$S2/nearlimit.xml" --random 3 --seed 1 --jobs 2 2>&1 | grep -v 'per second' > "$S2/jobs2"
if cmp -s "$S2/jobs1" "$S2/jobs2" && grep -q 'end  *3×' "$S2/jobs1" && ! grep -q 'error\|too long' "$S2/jobs1"; then ok jobs-same-verdict
else bad jobs-same-verdict "explore --jobs 1 and --jobs 2 differ, or the script was stopped"; fi

# Started with SIGHUP and SIGTERM ignored (nohup, a script's background job), a session still
# ends on them, at once, and everything entered is in the journal.
for sig in HUP TERM; do
    j=$S2/sig$sig.jsonl
    rm -f "$S2/fifo"
    mkfifo "$S2/fifo"
    sh -c 'trap "" HUP TERM; exec "$0" "$@"' "$V" play "$P/mini.xml" --cast "$P/cast.xml" --lang en --seed 1 \
        --journal "$j" < "$S2/fifo" > "$S2/sig.out" 2>&1 &
    pid=$!
    exec 3> "$S2/fifo"
    echo "/note kept before $sig" >&3
    i=0; while ! grep -q "kept before $sig" "$j" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    kill -$sig $pid
    i=0; while kill -0 $pid 2>/dev/null && [ $i -lt $((LIMIT * 20)) ]; do sleep 0.05; i=$((i + 1)); done
    if kill -0 $pid 2>/dev/null; then
        kill -KILL $pid; wait $pid 2>/dev/null; exec 3>&-
        bad "signal-$sig" "still running $LIMIT s after SIG$sig"; continue
    fi
    wait $pid; src=$?
    exec 3>&-
    printf '/quit\n' > "$S2/in-quit"
    timed "$T/out" "$S2/in-quit" play --resume "$j"
    want=143; [ $sig = HUP ] && want=129
    if [ "$src" -ne $want ]; then bad "signal-$sig" "exit $src, expected $want"
    elif ! grep -q "kept before $sig" "$j" || ! tail -n 1 "$j" | grep -q '}$'; then bad "signal-$sig" "the journal lost the note or ends in a cut line"
    elif [ "$rc" -ne 0 ] || has "$T/out" "cut off"; then bad "signal-$sig" "the journal does not resume whole (exit $rc)"
    else ok "signal-$sig"; fi
done

# The commands that run to an end of their own (check, explore, graph...) keep the signals they
# were started with: under nohup a long exploration runs on after a hangup, as nohup promises.
# Killed, explore takes its jobs with it.
sh -c 'trap "" HUP; exec "$0" "$@"' "$V" explore tutorial --random 4000 --seed 1 --jobs 2 > "$S2/nohup.out" 2>&1 &
pid=$!
sleep 0.3
kill -HUP $pid 2>/dev/null
wait $pid; src=$?
if [ $src -eq 0 ] && grep -q '^Bezochte toestanden: \|^States visited: ' "$S2/nohup.out"; then ok explore-nohup
else bad explore-nohup "explore under nohup did not finish after SIGHUP (exit $src)"; fi
"$V" explore tutorial --random 100000 --seed 1 --jobs 2 > /dev/null 2>&1 &
pid=$!
i=0; while [ -z "$(ps -o pid= --ppid $pid 2>/dev/null)" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
jobs=$(ps -o pid= --ppid $pid 2>/dev/null)
kill -TERM $pid; wait $pid 2>/dev/null
sleep 1
left=""
for j in $jobs; do     # a job ended but not yet reaped (a zombie) has ended
    case $(ps -o stat= -p "$j" 2>/dev/null) in ''|Z*) ;; *) left="$left $j" ;; esac
done
if [ -n "$jobs" ] && [ -z "$left" ]; then ok explore-jobs-end
else
    for j in $left; do kill -KILL "$j" 2>/dev/null; done
    bad explore-jobs-end "jobs [$jobs] of a killed explore still running:$left"
fi

# ---------------------------------------------------------------- 8. files that are not files, lines without end, words without end
# The second round of issue 24 on what verbeeld reads and keeps: a FIFO is refused, not waited
# on; a line with no newline is read in bounded memory; replay --from takes a moment or says
# why not; the journal's folder is tried before the setup asks anything; the history is as
# private as the journal; what a character says is cut before it is shown or journaled; a
# deep state is explored, not restored as the start. (Journals cut at every line, a full disk
# and the lock: tests/e2e/journal-cut.sh and journal-io.sh.)
IO=$T/io
mkdir -p "$IO/characters/io"
ln -s "$(pwd)/$H/characters/h" "$IO/characters/h"
cp "$J/good.jsonl" "$IO/good.jsonl"
# io_case NAME EXIT EXPECT ARGS...: verbeeld ARGS (no input) exits EXIT, in time, saying EXPECT.
io_case() {
    name=$1 want=$2 expect=$3; shift 3
    timed "$T/out" /dev/null "$@"
    if [ "$rc" -ne "$want" ] || ! has "$T/out" "$expect"; then bad "io-$name" "exit $rc, expected $want and: $expect"; return; fi
    if [ "$secs" -gt "$LIMIT" ]; then bad "io-$name" "took ${secs}s"; return; fi
    ok "io-$name"
}
# A FIFO where a file is expected: nobody writes to it, so opening it to read would wait forever.
mkfifo "$IO/fifo.xml" "$IO/fifo.jsonl"
NOTREG="error: not a regular file (a FIFO, a device or a socket): it is not read"
io_case fifo-scenario 1 "$IO/fifo.xml: $NOTREG" check "$IO/fifo.xml"
io_case fifo-play 1 "$IO/fifo.xml: $NOTREG" play "$IO/fifo.xml" --lang en
io_case fifo-cast 1 "$IO/fifo.xml: $NOTREG" play tutorial --cast "$IO/fifo.xml" --lang en
io_case fifo-sheets-cast 1 "$IO/fifo.xml: $NOTREG" sheets tutorial --cast "$IO/fifo.xml" -o "$IO/sheets"
io_case fifo-resume 1 "$IO/fifo.jsonl: $NOTREG" play --resume "$IO/fifo.jsonl"
io_case fifo-debrief 1 "$IO/fifo.jsonl: $NOTREG" debrief "$IO/fifo.jsonl"
io_case fifo-replay 1 "$IO/fifo.jsonl: $NOTREG" replay "$IO/fifo.jsonl"
io_case device-journal 1 "/dev/zero: $NOTREG" debrief /dev/zero
sed "s#h/@NAME@#io/fifo#" "$H/scenario.xml.in" > "$IO/fifochar.xml"
mkfifo "$IO/characters/io/fifo.lua"
io_case fifo-script 1 "io/fifo.lua" check "$IO/fifochar.xml"
# a model cache entry that became a FIFO is passed over (read from the XML) and replaced
mkdir -p "$IO/cache"
VERBEELD_CACHE="$IO/cache" "$V" check tutorial > /dev/null 2>&1
entry=$(ls "$IO/cache"/*.model 2>/dev/null | head -1)
if [ -n "$entry" ] && rm "$entry" && mkfifo "$entry"; then
    VERBEELD_CACHE="$IO/cache" timed "$T/out" /dev/null check tutorial
    if [ "$rc" -eq 0 ] && [ -f "$entry" ] && [ "$secs" -le "$LIMIT" ]; then ok io-fifo-cache; else bad io-fifo-cache "exit $rc in ${secs}s, entry replaced: $([ -f "$entry" ] && echo yes || echo no)"; fi
else
    bad io-fifo-cache "no model cache entry was written"
fi

# A line with no newline: 128 MiB through a pipe, kept to 64 KiB, in bounded memory.
if command -v /usr/bin/time > /dev/null 2>&1 && [ "${HOSTILE_SLOW:-}" != 1 ]; then
    { head -c 134217728 /dev/zero | tr '\0' 7; printf '\n1\n'; } \
        | /usr/bin/time -f '%M' -o "$T/rss" "$V" play "$P/mini.xml" --cast "$P/cast.xml" --lang en --seed 1 --journal "$IO/long.jsonl" > "$T/out" 2>&1
    rc=$? kb=$(tail -1 "$T/rss")
    if [ "$rc" -eq 0 ] && has "$T/out" "Choose a number from 1 to 2." && has "$T/out" "== The end ==" && [ "$kb" -lt 32768 ]
    then ok io-endless-line; else bad io-endless-line "exit $rc, ${kb} KB resident"; fi
fi

# replay --from: a moment the journal has, or a usage error (exit 2) that says which.
io_case from-garbage 2 "the journal has no step or scene 'garbage'" replay "$IO/good.jsonl" --from garbage
io_case from-step-past 2 "the journal has no step or scene '999'" replay "$IO/good.jsonl" --from 999
io_case from-zero 2 "--from takes a step number (1, 2, ...) or a scene, not '0'" replay "$IO/good.jsonl" --from 0
io_case from-negative 2 "the journal has no step or scene '-1'" replay "$IO/good.jsonl" --from -1
io_case from-huge 2 "not '99999999999999999999'" replay "$IO/good.jsonl" --from 99999999999999999999
io_case from-empty 2 "--from takes a step number (1, 2, ...) or a scene, not ''" replay "$IO/good.jsonl" --from ''
io_case from-path 2 "the journal has no step or scene '../x y'" replay "$IO/good.jsonl" --from '../x y'
io_case from-escape 2 "not 'a?[2J'" replay "$IO/good.jsonl" --from "a$(printf '\033')[2J"

# A journal that cannot be created is said before the setup asks a single question.
: > "$IO/plainfile"
printf 'An\nverbinden\ngoal\n1\n' > "$IO/in"
timed "$T/out" "$IO/in" play tutorial --lang en --journal "$IO/plainfile/j.jsonl"
if [ "$rc" -eq 1 ] && has "$T/out" "$IO/plainfile/j.jsonl: cannot create the journal: Not a directory" && ! has "$T/out" "What is your name?"
then ok io-journal-folder; else bad io-journal-folder "exit $rc, or asked before refusing"; fi
timed "$T/out" "$IO/in" play tutorial --lang en --journal "$IO/good.jsonl"
if [ "$rc" -eq 1 ] && has "$T/out" "a journal already exists here" && ! has "$T/out" "What is your name?"
then ok io-journal-exists; else bad io-journal-exists "exit $rc, or asked before refusing"; fi
if [ "$(id -u)" -ne 0 ]; then
    mkdir -p "$IO/ro" && chmod 555 "$IO/ro"
    timed "$T/out" "$IO/in" play tutorial --lang en --journal "$IO/ro/j.jsonl"
    if [ "$rc" -eq 1 ] && has "$T/out" "cannot create the journal: Permission denied" && ! has "$T/out" "What is your name?"
    then ok io-journal-readonly; else bad io-journal-readonly "exit $rc, or asked before refusing"; fi
    chmod 755 "$IO/ro"
fi
[ -e "$IO/plainfile/j.jsonl" ] || [ -n "$(ls "$IO"/*.jsonl.* 2>/dev/null)" ] && bad io-journal-probe "the check left a file behind"

# The input history beside a journal is as private as the journal (0600), on a terminal
# (script(1) gives one), also when an older one was world-readable.
if command -v script > /dev/null 2>&1; then
    printf '1\n' > "$IO/in"
    umask 022
    : > "$IO/old.jsonl.history"; chmod 644 "$IO/old.jsonl.history"
    for h in new old; do
        timeout -s KILL 60 script -qec "'$V' play '$P/mini.xml' --cast '$P/cast.xml' --lang en --seed 1 --journal '$IO/$h.jsonl'" /dev/null \
            < "$IO/in" > "$T/out" 2>&1
        mode=$(stat -c %a "$IO/$h.jsonl.history" 2>/dev/null)
        if [ "$mode" = 600 ] && [ "$(stat -c %a "$IO/$h.jsonl")" = 600 ]; then ok "io-history-$h"; else bad "io-history-$h" "mode ${mode:-missing}"; fi
    done
fi

# What a character says is cut before it is shown and journaled: a line of 4 MB under a mood
# of 100 KB, at every reaction, leaves a journal of kilobytes that reads back whole.
cat > "$IO/characters/io/loud.lua" <<'LUA'
local big = string.rep("m", 100000)
local lines = {}
lines[big] = function(self) return string.rep("word ", 800000) end
return character {
  id = "loud", name = "Loud", quadrant = "directheid", lines = lines,
  react = function(self, ev) return big end,
}
LUA
sed "s#h/@NAME@#io/loud#" "$H/scenario.xml.in" > "$IO/loud.xml"
printf '/note before the flood\n1\n' > "$IO/in"
timed "$T/out" "$IO/in" play "$IO/loud.xml" --cast "$T/cast.xml" --lang en --seed 1 --journal "$IO/loud.jsonl"
size=$(wc -c < "$IO/loud.jsonl")
if [ "$rc" -eq 0 ] && [ "$size" -lt 200000 ] && [ "$(wc -c < "$T/out")" -lt 100000 ] \
    && python3 -c '
import json, sys
e = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
r = [x for x in e if x["ev"] == "react" and x["who"] == "Loud"]
assert r and all(x["cut"] and len(x["text"].encode()) <= 16384 + 3 and len(x["mood"].encode()) <= 64 + 3 for x in r)
assert any(x["ev"] == "note" and x["text"] == "before the flood" for x in e) and any(x["ev"] == "ending" for x in e)' "$IO/loud.jsonl" \
    && "$V" debrief "$IO/loud.jsonl" > /dev/null 2>&1
then ok io-loud-character; else bad io-loud-character "exit $rc, journal $size bytes"; fi

# A character state nested 40 deep (deeper than json-c reads by default): explored, not
# taken for the start again (which never ended).
cat > "$IO/characters/io/deep.lua" <<'LUA'
return character {
  id = "deep", name = "Deep", quadrant = "directheid", state = { n = 0 },
  react = function(self, ev)
    local top = {}
    local t = top
    for i = 1, 40 do t.x = {}; t = t.x end
    self.state.deep = top
  end,
}
LUA
sed "s#h/@NAME@#io/deep#" "$H/scenario.xml.in" > "$IO/deep.xml"
timed "$T/out" /dev/null explore "$IO/deep.xml" --exhaustive
if [ "$rc" -eq 0 ] && has "$T/out" "end 1×" && [ "$secs" -le "$LIMIT" ]; then ok io-deep-state; else bad io-deep-state "exit $rc in ${secs}s"; fi

echo "hostile: $pass passed, $fail failed${failed:+ ($failed )}"
[ "$fail" -eq 0 ]
