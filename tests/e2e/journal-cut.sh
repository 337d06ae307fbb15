#!/bin/sh
# A real journal (tests/e2e/golden/group-en.jsonl) cut off as a power cut mid-write leaves it,
# at every line boundary, just before each newline and in the middle of each line: the program
# itself resumes it (play --resume, new entries after the cut) and debriefs it, and every line
# wholly before the cut is still in the file, byte for byte (issue 24). The unit test
# tests/unit/test_journal_cut.c tries more offsets in-process.
#
#   sh tests/e2e/journal-cut.sh VERBEELD TMPDIR
set -u
cd "$(dirname "$0")/../.." || exit 2
V=$1
# in memory when there is a tmpfs: every resume syncs the journal to disk
T=$2/journal-cut
[ -w /dev/shm ] && T=$(mktemp -d /dev/shm/verbeeld-cut-XXXXXX)
trap 'rm -rf "$T"' EXIT
rm -rf "$T"
mkdir -p "$T" || exit 2
export VERBEELD_NOW=1763805600 NO_COLOR=1 LC_ALL=C.UTF-8
export VERBEELD_CACHE="${VERBEELD_CACHE:-$T/cache}"
G=tests/e2e/golden/group-en.jsonl
len=$(wc -c < "$G")
first=$(head -n 1 "$G" | wc -c)
fail=0 tried=0
bad() { echo "FAIL: journal-cut at byte $1 of $len: $2"; fail=$((fail + 1)); }

# The offsets, each with the bytes of the lines wholly before it: each line's end, the byte
# before its newline, its middle; 0 and 1 as well.
pairs=$(awk 'BEGIN { start = 0 } { n = length($0) + 1; print start + n, start + n; print start + n - 1, start; print start + int(n / 2), start; start += n }
             END { print 0, 0; print 1, 0 }' "$G" | sort -n -u)

echo "$pairs" > "$T/pairs"
while read -r k whole; do
    [ "$k" -le "$len" ] || continue
    tried=$((tried + 1))
    j="$T/cut.jsonl"
    rm -f "$j" "$j.lock"
    head -c "$k" "$G" > "$j"
    "$V" play --resume "$j" < /dev/null > "$T/out" 2>&1
    rc=$?
    if [ "$k" -lt $((first - 1)) ]; then     # not even the start entry: refused, file untouched
        [ "$rc" -eq 1 ] || bad "$k" "resume exit $rc, expected 1 (no start entry)"
        [ "$(wc -c < "$j")" -eq "$k" ] || bad "$k" "the refused journal was changed"
        continue
    fi
    [ "$rc" -eq 0 ] || { bad "$k" "resume exit $rc: $(head -c 300 "$T/out")"; continue; }
    # every whole line before the cut is kept as it was
    cmp -s -n "$whole" "$j" "$G" || bad "$k" "a line before the cut was lost or changed"
    tail -n 1 "$j" | grep -q '"ev":"\(resume\|quit\)"' || bad "$k" "no new entry after the cut"
    "$V" debrief "$j" > "$T/debrief.md" 2>&1 || bad "$k" "debrief exit $?: $(head -c 300 "$T/debrief.md")"
done < "$T/pairs"
[ "$tried" -gt 100 ] || bad - "only $tried offsets tried"
if [ "$fail" -eq 0 ]; then echo "journal-cut: $tried offsets of $len resumed and debriefed, nothing before the cut lost"; exit 0; fi
echo "journal-cut: $fail failures in $tried offsets"
exit 1
