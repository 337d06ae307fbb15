#!/bin/sh
# make check: the unit tests (cmocka), then the end-to-end sessions; one summary line at the end.
cd "$(dirname "$0")/.." || exit 2
units=0 ufail=0
for t in "$@"; do
    units=$((units + 1))
    if ! "$t"; then ufail=$((ufail + 1)); echo "FAIL: $t"; fi
done
python3 tests/layout.py "$(dirname "${VERBEELD:-build/verbeeld}")" || { echo "check: FAILED (tests/layout.py: the tree left the shape engine/README.md gives it)"; exit 1; }
sh tests/e2e/run.sh
e2e=$?
sh tests/lrs/run.sh "${VERBEELD:-build/verbeeld}" || e2e=1
sh tests/install.sh || { echo "check: FAILED (tests/install.sh; $ufail of $units unit test programs, end-to-end status $e2e)"; exit 1; }
if [ "$ufail" -eq 0 ] && [ "$e2e" -eq 0 ]; then
    echo "check: all passed ($units unit test programs, end-to-end sessions)"
    exit 0
fi
echo "check: FAILED ($ufail of $units unit test programs, end-to-end status $e2e)"
exit 1
