#!/bin/sh
# The end-to-end tests (tests/e2e/run.sh, which includes tests/hostile.sh) with every run of
# the program under valgrind's memcheck.
#
#   sh tests/valgrind.sh [build/verbeeld]
#
# Each run writes its memcheck report to a log of its own; the script exits 0 when no log holds
# an error (invalid reads or writes, uninitialised values, bad frees, definite leaks), and 1
# with the reports otherwise. Under valgrind scripts run some fifty times slower, so a runaway
# script is stopped by the time limit rather than the instruction limit: HOSTILE_SLOW=1 lets
# tests/hostile.sh accept either, and golden cases that print which limit was hit may differ.
# Those differences are listed but do not fail this script; memcheck errors do.
set -u
cd "$(dirname "$0")/.." || exit 2
BIN=${1:-build/verbeeld}
command -v valgrind > /dev/null 2>&1 || { echo "valgrind.sh: valgrind is not installed"; exit 2; }
[ -x "$BIN" ] || { echo "valgrind.sh: no program at $BIN (run make first)"; exit 2; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/logs"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
cat > "$W/verbeeld" <<EOF
#!/bin/sh
exec valgrind --tool=memcheck -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\
    --show-leak-kinds=definite --track-origins=yes --log-file="$W/logs/vg.%p" "$BIN" "\$@"
EOF
chmod +x "$W/verbeeld"

VERBEELD="$W/verbeeld" HOSTILE_SLOW=1 HOSTILE_SECONDS=120 sh tests/e2e/run.sh > "$W/e2e.out" 2>&1
e2e=$?
runs=$(ls "$W/logs" | wc -l)
bad=0
for l in "$W"/logs/vg.*; do
    [ -s "$l" ] || continue
    bad=$((bad + 1))
    echo "--- memcheck: $l"
    head -60 "$l"
done
grep '^FAIL\|^e2e:\|^hostile:' "$W/e2e.out"
echo "valgrind: $runs runs under memcheck, $bad with errors (end-to-end status $e2e)"
[ "$bad" -eq 0 ]
