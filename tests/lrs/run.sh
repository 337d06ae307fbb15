#!/bin/sh
# Learning records sent to a real learning record store: Learning Locker's statement service
# (npm xapi-statements, which make check installs in BUILD/lrs), started here in memory on a
# free loopback port and stopped at the end. A MoveOn and a school session are sent and read
# back; sent again, nothing is stored twice; the network goes away halfway and comes back;
# wrong credentials, a refused statement, a timeout and wrong addresses each say so and exit 1;
# play --lrs sends as the session goes, and what /back takes back is voided.
# Run as: sh tests/lrs/run.sh VERBEELD
set -u
V=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
B=$(dirname "$V")
HERE=$(cd "$(dirname "$0")" && pwd)
SERVER=$B/lrs/node_modules/xapi-statements/dist/server.js
# libcurl is loaded only when something is sent (engine/lrs/http.c): no other start pays for it.
if command -v ldd > /dev/null 2>&1 && ldd "$V" | grep -q libcurl; then
    echo "lrs: FAIL: $V is linked with libcurl (every start would load it)"
    exit 1
fi
if ! command -v node > /dev/null 2>&1 || [ ! -f "$SERVER" ]; then
    echo "lrs: skipped: xapi-statements is not installed in $B/lrs (npm missing or offline; make check installs it)"
    exit 0
fi
T=$(mktemp -d)
export VERBEELD_NOW=1763805600 NO_COLOR=1 LANGUAGE=en VERBEELD_LRS_AUTH=test:test
unset VERBEELD_LRS
pids=
cleanup() { for p in $pids; do kill "$p" 2> /dev/null; done; [ -n "${KEEP:-}" ] || rm -rf "$T"; }
trap cleanup EXIT
trap 'exit 2' INT TERM
pass=0 fails=0
fail() { echo "lrs: FAIL: $*"; fails=$((fails + 1)); }
ok() { pass=$((pass + 1)); }
ones() { i=0; while [ $i -lt "$1" ]; do echo 1; i=$((i + 1)); done; }
flat() { tr '\n' ' ' < "$1" | sed 's/  */ /g'; }    # the console wraps its lines
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Wait until something answers HTTP on port $1 (at most 30 s).
wait_port() {
    i=0
    while [ $i -lt 300 ]; do
        python3 -c "import socket,sys; s=socket.socket(); s.settimeout(0.2); sys.exit(s.connect_ex(('127.0.0.1', $1)))" && return 0
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
proxy() {   # proxy [options]: a proxy on $PP in front of the LRS, until it goes away
    node "$HERE/proxy.js" "$PP" "$LP" "$@" > "$T/proxy.out" 2>&1 &
    PROXY=$!; pids="$pids $PROXY"
    wait_port "$PP" || fail "the test proxy did not start"
}
unproxy() { kill "$PROXY" 2> /dev/null; wait "$PROXY" 2> /dev/null; }
count_sent() { cat "$1.sent" 2> /dev/null | python3 -c 'import json,sys; print(sum(len(json.loads(l).get("sent", [])) for l in sys.stdin))'; }

# ---------------------------------------------------------------- the LRS, in memory
LP=$(free_port) PP=$(free_port)
mkdir -p "$T/lrs"
(cd "$T/lrs" && AUTH_REPO=test EVENTS_REPO=test MODELS_REPO=memory STORAGE_REPO=local EXPRESS_PORT=$LP \
    WINSTON_CONSOLE_LEVEL=error exec node "$SERVER" > "$T/lrs.log" 2>&1) &
pids="$pids $!"
wait_port "$LP" || { echo "lrs: FAIL: xapi-statements did not start: $(tail -5 "$T/lrs.log")"; exit 1; }
LRS=http://127.0.0.1:$LP/xAPI/
VIA=http://127.0.0.1:$PP/xAPI/

# ---------------------------------------------------------------- two sessions
{
    echo '<cast scenario="moveon" xmlns="urn:verbeeld:cast:1">'
    for p in Femke:daadkracht Yusuf:tact Lotte:flexibiliteit Ruben:voorzichtigheid; do
        echo "  <participant name=\"${p%%:*}\" core=\"${p#*:}\" goal=\"Iets nieuws proberen\"/>"
    done
    echo '</cast>'
} > "$T/moveon.xml"
cat > "$T/school.xml" <<'CAST'
<cast scenario="school" xmlns="urn:verbeeld:cast:1">
  <participant name="Lena" core="voorzichtigheid" goal="Risico durven nemen"/>
  <participant name="Tom" core="structuur" goal="Loslaten"/>
  <participant name="Iris" core="zorgzaamheid" goal="Vertrouwen geven"/>
</cast>
CAST
ones 400 | "$V" play moveon --cast "$T/moveon.xml" --lang nl --seed 4 --journal "$T/moveon.jsonl" > /dev/null 2>&1
{ seq 1 3; ones 397; } | "$V" play school --cast "$T/school.xml" --lang en --seed 6 --journal "$T/school.jsonl" > /dev/null 2>&1
ones 400 | VERBEELD_NOW=1763809200 "$V" play moveon --cast "$T/moveon.xml" --lang en --seed 5 --journal "$T/half.jsonl" > /dev/null 2>&1
for j in moveon school half; do
    "$V" debrief "$T/$j.jsonl" --format xapi > "$T/$j.xapi" || fail "no xAPI debrief of $j"
done
n_moveon=$(python3 -c "import json; print(len(json.load(open('$T/moveon.xapi'))))")
n_school=$(python3 -c "import json; print(len(json.load(open('$T/school.xapi'))))")
n_half=$(python3 -c "import json; print(len(json.load(open('$T/half.xapi'))))")

"$V" send "$T/moveon.jsonl" "$T/school.jsonl" --lrs "$LRS" > "$T/s1.out" 2>&1 && ok || fail "send of two sessions: $(cat "$T/s1.out")"
grep -q "moveon.jsonl: $n_moveon statements sent to $LRS" "$T/s1.out" && grep -q "school.jsonl: $n_school statements sent" "$T/s1.out" \
    && ok || fail "send did not say what it sent: $(cat "$T/s1.out")"
for j in moveon school; do
    python3 "$HERE/readback.py" "${LRS}statements" "$T/$j.xapi" && ok || fail "$j: the LRS does not hold the statements as sent"
done
# Sent again: nothing is sent; forgotten what was sent (JOURNAL.sent removed): sent again, stored once.
"$V" send "$T/moveon.jsonl" --lrs "$LRS" > "$T/s2.out" 2>&1 && grep -q "all $n_moveon statements are in the LRS already" "$T/s2.out" \
    && ok || fail "a second send sent something: $(cat "$T/s2.out")"
rm "$T/school.jsonl.sent"
VERBEELD_LRS_BATCH=7 "$V" send "$T/school.jsonl" --lrs "${LRS}statements" > "$T/s3.out" 2>&1 && ok || fail "sending again: $(cat "$T/s3.out")"
python3 "$HERE/readback.py" "${LRS}statements" "$T/school.xapi" && ok || fail "school: sent twice, the LRS holds it otherwise than once"

# ---------------------------------------------------------------- the network goes away halfway
proxy --die-after 3
VERBEELD_LRS_BATCH=5 "$V" send "$T/half.jsonl" --lrs "$VIA" > "$T/h1.out" 2>&1
[ $? -eq 1 ] && ok || fail "a send cut off halfway did not exit 1"
grep -q "cannot reach $VIA" "$T/h1.out" && grep -q "15 of $n_half statements are in the LRS; $((n_half - 15)) wait beside the journal" "$T/h1.out" \
    && ok || fail "a send cut off halfway did not say what waits: $(cat "$T/h1.out")"
[ "$(count_sent "$T/half.jsonl")" -eq 15 ] && ok || fail "JOURNAL.sent does not hold the 15 statements acknowledged"
proxy
VERBEELD_LRS_BATCH=5 "$V" send "$T/half.jsonl" --lrs "$VIA" > "$T/h2.out" 2>&1 && grep -q "$((n_half - 15)) statements sent to $VIA (15 were there already)" "$T/h2.out" \
    && ok || fail "the send after the network came back: $(cat "$T/h2.out")"
python3 "$HERE/readback.py" "${LRS}statements" "$T/half.xapi" && ok || fail "after the network came back, not every statement is in the LRS once"
unproxy

# ---------------------------------------------------------------- what goes wrong, said plainly
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="An" core="moed" goal="x" card="espresso"/></cast>\n' > "$T/an.xml"
ones 40 | "$V" play tutorial --cast "$T/an.xml" --seed 11 --lang en --journal "$T/tut.jsonl" > /dev/null 2>&1
"$V" debrief "$T/tut.jsonl" --format xapi > "$T/tut.xapi"
n_tut=$(python3 -c "import json; print(len(json.load(open('$T/tut.xapi'))))")
# Wrong credentials.
proxy --auth test:right
VERBEELD_LRS_AUTH=test:wrong "$V" send "$T/tut.jsonl" --lrs "$VIA" > "$T/a1.out" 2>&1
[ $? -eq 1 ] && grep -q "the LRS refused the credentials (401: Unauthorised)" "$T/a1.out" && [ ! -s "$T/tut.jsonl.sent" ] \
    && ok || fail "wrong credentials: $(cat "$T/a1.out")"
VERBEELD_LRS_AUTH= "$V" send "$T/tut.jsonl" --lrs "$VIA" --auth-file "$T/nope" > "$T/a2.out" 2>&1
[ $? -eq 1 ] && grep -q "$T/nope: cannot read the credentials" "$T/a2.out" && ok || fail "a missing file of credentials: $(cat "$T/a2.out")"
printf 'test:right\n' > "$T/creds"; chmod 644 "$T/creds"
VERBEELD_LRS_AUTH= "$V" send "$T/tut.jsonl" --lrs "$VIA" --auth-file "$T/creds" > "$T/a3.out" 2>&1
[ $? -eq 1 ] && grep -q "chmod 600" "$T/a3.out" && ok || fail "a file of credentials others can read was used: $(cat "$T/a3.out")"
chmod 600 "$T/creds"
VERBEELD_LRS_AUTH= "$V" send "$T/tut.jsonl" --lrs "$VIA" --auth-file "$T/creds" > "$T/a4.out" 2>&1 \
    && grep -q "$n_tut statements sent" "$T/a4.out" && ok || fail "credentials from a file: $(cat "$T/a4.out")"
unproxy
# A statement the LRS refuses: its id and the LRS's reason; the others go.
{ seq 1 3; ones 397; } | VERBEELD_NOW=1763812800 "$V" play school --cast "$T/school.xml" --lang nl --seed 9 --journal "$T/ref.jsonl" > /dev/null 2>&1
"$V" debrief "$T/ref.jsonl" --format xapi > "$T/ref.xapi"
bad=$(python3 -c "import json; print(json.load(open('$T/ref.xapi'))[4]['id'])")
n_ref=$(python3 -c "import json; print(len(json.load(open('$T/ref.xapi'))))")
proxy --refuse "$bad"
"$V" send "$T/ref.jsonl" --lrs "$VIA" > "$T/r1.out" 2>&1
[ $? -eq 1 ] && grep -q "the LRS refused statement $bad: Problem in 'statements.0.verb.id'" "$T/r1.out" \
    && grep -q "$((n_ref - 1)) of $n_ref statements are in the LRS; 1 waits" "$T/r1.out" && ok || fail "a refused statement: $(cat "$T/r1.out")"
unproxy; proxy
"$V" send "$T/ref.jsonl" --lrs "$VIA" > "$T/r2.out" 2>&1 && grep -q "1 statement sent" "$T/r2.out" && ok || fail "the refused statement later: $(cat "$T/r2.out")"
python3 "$HERE/readback.py" "${LRS}statements" "$T/ref.xapi" && ok || fail "ref: not every statement in the LRS once"
unproxy
# No answer in time.
proxy --hang-after 0
rm -f "$T/tut.jsonl.sent"
VERBEELD_LRS_TIMEOUT=2 "$V" send "$T/tut.jsonl" --lrs "$VIA" > "$T/t1.out" 2>&1
[ $? -eq 1 ] && grep -q "did not answer within 2 seconds" "$T/t1.out" && ok || fail "a timeout: $(cat "$T/t1.out")"
unproxy
# Wrong addresses.
"$V" send "$T/tut.jsonl" --lrs "http://127.0.0.1:$LP/data/xAPI/" > "$T/u1.out" 2>&1
[ $? -eq 1 ] && grep -q "answered 404" "$T/u1.out" && ok || fail "a wrong path: $(cat "$T/u1.out")"
"$V" send "$T/tut.jsonl" --lrs "ftp://127.0.0.1/xAPI/" > "$T/u2.out" 2>&1
[ $? -eq 1 ] && grep -q "not an http or https address" "$T/u2.out" && ok || fail "an ftp address: $(cat "$T/u2.out")"
"$V" send "$T/tut.jsonl" --lrs "http://test:test@127.0.0.1:$LP/xAPI/" > "$T/u3.out" 2>&1
[ $? -eq 1 ] && grep -q "credentials never go on the command line" "$T/u3.out" && ok || fail "credentials in the address: $(cat "$T/u3.out")"
"$V" send "$T/tut.jsonl" --lrs "http://127.0.0.1:$PP/xAPI/" > "$T/u4.out" 2>&1
[ $? -eq 1 ] && grep -q "cannot reach" "$T/u4.out" && ok || fail "nothing listening: $(cat "$T/u4.out")"
"$V" send "$T/nothing.jsonl" --lrs "$LRS" > "$T/u5.out" 2>&1
[ $? -eq 1 ] && [ ! -e "$T/nothing.jsonl.sent" ] && ok || fail "a journal that is not there: $(cat "$T/u5.out")"

# ---------------------------------------------------------------- play --lrs
export VERBEELD_LRS_INTERVAL=1
ones 400 | VERBEELD_NOW=1763816400 "$V" play moveon --cast "$T/moveon.xml" --lang en --seed 7 --journal "$T/live.jsonl" --lrs "$LRS" > "$T/live.out" 2>&1 \
    && ok || fail "play --lrs exited with an error"
"$V" debrief "$T/live.jsonl" --format xapi > "$T/live.xapi"
n_live=$(python3 -c "import json; print(len(json.load(open('$T/live.xapi'))))")
grep -q "Learning records go to $LRS as the session goes" "$T/live.out" && flat "$T/live.out" | grep -q "live.jsonl: all $n_live learning records of this session are in the LRS" \
    && ok || fail "play --lrs did not say what it sent: $(tail -5 "$T/live.out")"
python3 "$HERE/readback.py" "${LRS}statements" "$T/live.xapi" && ok || fail "play --lrs: not every statement in the LRS once"
# The LRS down during the whole session: the game goes on, and says what waits.
ones 400 | VERBEELD_NOW=1763820000 VERBEELD_LRS=$VIA "$V" play moveon --cast "$T/moveon.xml" --lang en --seed 8 --journal "$T/down.jsonl" > "$T/down.out" 2>&1 \
    && ok || fail "play with the LRS down exited with an error"
flat "$T/down.out" | grep -q "0 of [0-9]* statements are in the LRS; [0-9]* wait beside the journal" && grep -q "The game is over" "$T/down.out" && ok || fail "play with the LRS down: $(tail -5 "$T/down.out")"
"$V" debrief "$T/down.jsonl" --format xapi > "$T/down.xapi"
# An LRS that takes the connection and never answers holds up nothing: the session plays at its
# own pace, play waits for the last send only VERBEELD_LRS_WAIT seconds, and says so.
proxy --hang-after 0
start=$(date +%s)
ones 400 | VERBEELD_NOW=1763827200 VERBEELD_LRS_WAIT=2 VERBEELD_LRS_TIMEOUT=4 "$V" play moveon --cast "$T/moveon.xml" --lang en --seed 9 \
    --journal "$T/hang.jsonl" --lrs "$VIA" > "$T/hang.out" 2>&1 && ok || fail "play with an LRS that does not answer exited with an error"
took=$(( $(date +%s) - start ))
[ "$took" -le 12 ] && ok || fail "play with an LRS that does not answer took $took seconds"
flat "$T/hang.out" | grep -q "The LRS has not answered yet; the sending goes on in the background" && ok || fail "play did not say the LRS had not answered: $(tail -3 "$T/hang.out")"
unproxy
# What /back takes back after it was sent is voided.
ones 3 | VERBEELD_NOW=1763823600 "$V" play moveon --cast "$T/moveon.xml" --lang en --seed 3 --journal "$T/back.jsonl" > /dev/null 2>&1
"$V" send "$T/back.jsonl" --lrs "$LRS" > /dev/null 2>&1
"$V" debrief "$T/back.jsonl" --format xapi > "$T/back1.xapi"
{ echo /back; ones 400; } | "$V" play --resume "$T/back.jsonl" --lrs "$LRS" > "$T/back.out" 2>&1
"$V" debrief "$T/back.jsonl" --format xapi > "$T/back.xapi"
gone=$(python3 -c "
import json
now = {s['id'] for s in json.load(open('$T/back.xapi'))}
print(' '.join(s['id'] for s in json.load(open('$T/back1.xapi')) if s['id'] not in now))")
[ -n "$gone" ] && ok || fail "the test's /back took back nothing that was sent"
python3 "$HERE/readback.py" "${LRS}statements" "$T/back.xapi" $gone && ok || fail "what /back took back is not voided in the LRS"

# What waited after the session with the LRS down went with the next session (the resume above).
python3 "$HERE/readback.py" "${LRS}statements" "$T/down.xapi" && ok || fail "what waited after play with the LRS down did not go with the next session"
"$V" send "$T/down.jsonl" --lrs "$LRS" > "$T/d2.out" 2>&1 && grep -q "all [0-9]* statements are in the LRS already" "$T/d2.out" \
    && ok || fail "after the next session, down.jsonl still had something to send: $(cat "$T/d2.out")"

echo "lrs: $pass passed, $fails failed"
[ "$fails" -eq 0 ]
