#!/bin/sh
# A journal's disk and its lock (issue 24):
#   - the disk fills up mid-session (a small tmpfs, as root; skipped with a message otherwise):
#     the program says the journal cannot be written, plays on, keeps every entry in memory,
#     asks where to save it, and the saved journal is the one a full disk would have written;
#     the journal on the full disk holds no half line (debrief reads it); /save PATH moves
#     the journal mid-session;
#   - one journal, two sessions: the second resume is refused, naming the holder's process;
#     once the holder is gone (even killed), the journal can be resumed.
#
#   sh tests/e2e/journal-io.sh VERBEELD TMPDIR
set -u
cd "$(dirname "$0")/../.." || exit 2
V=$1
T=$2/journal-io
rm -rf "$T"
mkdir -p "$T" || exit 2
export VERBEELD_NOW=1763805600 NO_COLOR=1 COLUMNS=80 LC_ALL=C.UTF-8 LANG=en
export VERBEELD_CACHE="${VERBEELD_CACHE:-$T/cache}"
unset LANGUAGE LC_MESSAGES
fail=0
bad() { echo "FAIL: journal-io: $1"; [ -f "$T/out" ] && head -c 1500 "$T/out" | sed 's/^/    /'; fail=$((fail + 1)); }
has() { tr '\n' ' ' < "$1" | sed 's/  */ /g' | grep -qF -- "$2"; }

cat > "$T/cast.xml" <<'CAST'
<cast scenario="tutorial" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan voor mijn team"/>
  <participant name="Joris" core="tact" goal="Meer ruimte geven"/>
</cast>
CAST
# the card picks, the choices with a note among them, both anchors skipped (Enter)
printf '2\n1\n3\n3\n1\n1\n/note @Sanne stands firm\n1\n1\n1\n1\n1\n1\n1\n1\n\n\n' > "$T/in"
# play INPUT JOURNAL: the group session with INPUT (a file) on stdin, its output in $T/out
play() { timeout -s KILL 60 "$V" play tutorial --cast "$T/cast.xml" --lang en --seed 11 --journal "$2" < "$1" > "$T/out" 2>&1; }

# ---------------------------------------------------------------- a full disk
play "$T/in" "$T/ref.jsonl" || bad "the reference session failed"
D=$T/disk
mkdir -p "$D"
if [ "$(id -u)" -ne 0 ]; then
    echo "journal-io: the full-disk test needs root (it mounts a small tmpfs): skipped"
elif ! mount -t tmpfs -o size=8k,mode=0700 verbeeld-test "$D" 2>/dev/null; then
    echo "journal-io: the full-disk test could not mount a tmpfs (no permission in this container?): skipped"
else
    trap 'umount "$D" 2>/dev/null' EXIT
    # at the end, asked where to save: a path off the full disk
    { cat "$T/in"; echo "$T/saved.jsonl"; } > "$T/in-save"
    play "$T/in-save" "$D/j.jsonl"
    rc=$?
    [ "$rc" -eq 0 ] || bad "full disk: exit $rc"
    has "$T/out" "$D/j.jsonl: cannot write the journal: No space left on device" || bad "full disk: not said plainly"
    has "$T/out" "type /save PATH to write it to another place" || bad "full disk: /save not offered"
    has "$T/out" "Save to:" || bad "full disk: not asked where to save at the end"
    has "$T/out" "Noted in memory only: the journal cannot be written." || bad "full disk: the note not said to be in memory only"
    cmp -s "$T/saved.jsonl" "$T/ref.jsonl" || bad "full disk: the saved journal is not the whole session"
    "$V" debrief "$D/j.jsonl" > "$T/out" 2>&1 || bad "full disk: the journal left on the full disk cannot be read"
    n=$(wc -c < "$D/j.jsonl")
    cmp -s -n "$n" "$D/j.jsonl" "$T/ref.jsonl" || bad "full disk: the journal on the full disk is not a part of the session"
    tail -c 1 "$D/j.jsonl" | od -c | grep -q '\\n' || bad "full disk: a half line was left on the full disk"
    rm -f "$D"/*
    # /save PATH mid-session moves the journal off the full disk: nothing asked at the end
    { head -n 2 "$T/in"; echo "/save $T/mid.jsonl"; tail -n +3 "$T/in"; } > "$T/in-mid"
    play "$T/in-mid" "$D/j.jsonl"
    rc=$?
    [ "$rc" -eq 0 ] || bad "/save: exit $rc"
    has "$T/out" "The session is saved in $T/mid.jsonl; the journal goes on there." || bad "/save: not moved"
    has "$T/out" "Save to:" && bad "/save: asked again at the end"
    cmp -s "$T/mid.jsonl" "$T/ref.jsonl" || bad "/save: the journal saved mid-session is not the whole session"
    umount "$D" && trap - EXIT
fi

# ---------------------------------------------------------------- the lock
printf '2\n1\n1\n' | "$V" play tutorial --cast "$T/cast.xml" --lang en --seed 11 --journal "$T/l.jsonl" > /dev/null 2>&1
mkfifo "$T/fifo"
"$V" play --resume "$T/l.jsonl" < "$T/fifo" > "$T/holder.out" 2>&1 &
holder=$!
exec 3> "$T/fifo"
tries=0
while [ ! -s "$T/l.jsonl.lock" ] && [ $tries -lt 250 ]; do sleep 0.02; tries=$((tries + 1)); done
printf '1\n' | "$V" play --resume "$T/l.jsonl" > "$T/out" 2>&1
rc=$?
[ "$rc" -eq 1 ] || bad "lock: the second resume exit $rc, expected 1"
has "$T/out" "$T/l.jsonl: error: the journal is in use by another session" || bad "lock: not refused"
has "$T/out" "process $holder, since" || bad "lock: the holder (process $holder) is not named"
"$V" debrief "$T/l.jsonl" > /dev/null 2>&1 || bad "lock: debrief cannot read a journal in use"
kill -9 "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
exec 3>&-
printf '1\n' | "$V" play --resume "$T/l.jsonl" > "$T/out" 2>&1 || bad "lock: not released when its holder was killed (exit $?)"
[ -e "$T/l.jsonl.lock" ] && bad "lock: the note stays after the session"

[ "$fail" -eq 0 ] && echo "journal-io: all passed" && exit 0
exit 1
