#!/bin/sh
# The installed program: `make install` into a temporary prefix (and with DESTDIR), then run it
# from another folder as a user would: list, check, a scripted play in Dutch (so the installed
# catalog is found), a scenario of one's own through VERBEELD_PATH, where the model cache goes,
# the message when installed data is missing; the man pages render without warnings; the
# completion knows the commands; `make uninstall` leaves nothing behind. Needs no root and
# touches nothing outside a temporary folder: the build folder is copied, so only engine/base/paths.c
# is compiled again (for the prefix).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(dirname "${VERBEELD:-build/verbeeld}")
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export VERBEELD_NOW=1763805600 NO_COLOR=1 COLUMNS=80 LC_ALL=C.UTF-8 XDG_DATA_HOME="$T/xdg"
export VERBEELD_CACHE="${VERBEELD_CACHE:-$T/cache}"
unset LANG LANGUAGE LC_MESSAGES VERBEELD_PATH VERBEELD_DATADIR XDG_CACHE_HOME
pass=0 fail=0 failed=""
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); failed="$failed $1"; echo "FAIL: install: $1"; [ -f "$T/out" ] && head -20 "$T/out"; }
check() { name=$1; shift; if "$@" > "$T/out" 2>&1; then ok; else bad "$name"; fi; }
# run NAME CMD...: the command succeeds; its output stays in $T/run.out for the checks after it.
run() { name=$1; shift; if "$@" > "$T/run.out" 2>&1; then ok; else cp "$T/run.out" "$T/out"; bad "$name"; fi; }
has() { grep -q -- "$1" "$T/run.out"; }

if [ ! -x "$BUILD/verbeeld" ]; then echo "FAIL: install: $BUILD/verbeeld is not built (run make)"; exit 1; fi
cp -a "$BUILD" "$T/build"
P=$T/usr
V=$P/bin/verbeeld
mk() { make -s -C "$ROOT" B="$T/build" "$@"; }

# ---------------------------------------------------------------- make install PREFIX=
check make-install mk PREFIX="$P" install
for f in bin/verbeeld share/verbeeld/scenarios/tutorial.xml share/verbeeld/scenarios/scenario.rng \
         share/verbeeld/scenarios/cast.rng share/verbeeld/characters/quadrants.lua \
         share/verbeeld/characters/library.lua share/verbeeld/characters/tutorial/lies.lua \
         share/locale/nl/LC_MESSAGES/verbeeld.mo share/locale/en/LC_MESSAGES/verbeeld.mo \
         share/man/man1/verbeeld.1 share/man/nl/man1/verbeeld.1 \
         share/bash-completion/completions/verbeeld \
         share/verbeeld/scenarios/school/drawings/elin.svg share/verbeeld/scenarios/school/portraits/elin.svg; do
    check "installed-$f" test -f "$P/$f"
done

# ---------------------------------------------------------------- run from elsewhere
mkdir -p "$T/elsewhere"
cd "$T/elsewhere" || exit 1
check list sh -c "'$V' list && '$V' list | grep -q '^  tutorial ' && '$V' list | grep -q '^$P/share/verbeeld/scenarios '"
check list-title-nl sh -c "'$V' list | grep -q 'Eerste kennismaking'"
check list-title-en sh -c "LANGUAGE=en '$V' list | grep -q 'A first taste'"
check check-by-name "$V" check tutorial
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="An" core="verbinden" goal="x" card="espresso"/></cast>\n' > cast.xml
play() { printf '1\n1\n1\n1\n1\n1\n1\n1\n' | "$V" play "$@" --cast cast.xml; }
run play-nl play tutorial --lang nl --journal nl.jsonl
check play-nl-ends has "De nabespreking staat klaar"
check play-nl-dutch sh -c "! grep -q 'The game is over' '$T/run.out'"
run play-en play tutorial --lang en --journal en.jsonl
check play-en-ends has "The game is over"
check debrief "$V" debrief nl.jsonl
# The installed debrief is the built one: same questions (debrief/prompts.json installed), no
# warning about anything missing.
check debrief-as-built sh -c "'$V' debrief nl.jsonl > installed.md 2> installed.err && [ ! -s installed.err ] \
    && VERBEELD_DATADIR='$ROOT' '$ROOT/build/verbeeld' debrief nl.jsonl > built.md 2>/dev/null && cmp -s installed.md built.md"

# ---------------------------------------------------------------- VERBEELD_PATH
mkdir -p "$T/mine"
cp "$ROOT/scenarios/tutorial.xml" "$T/mine/oefening.xml"
export VERBEELD_PATH="$T/mine"
check path-list sh -c "'$V' list | grep -q '^  oefening ' && '$V' list | grep -q '^$T/mine '"
run path-play play oefening --lang nl --journal mine.jsonl
check path-play-ends has "De nabespreking staat klaar"
unset VERBEELD_PATH

# ---------------------------------------------------------------- the model cache: where it goes
# Without VERBEELD_CACHE: $XDG_CACHE_HOME/verbeeld, else ~/.cache/verbeeld, private to the user;
# "off" keeps nothing. The second check of a file comes from the cache and says the same.
cached() { [ "$(stat -c %a "$1")" = 700 ] && ls "$1" | grep -qx '[0-9a-f]\{32\}\.model'; }
run cache-xdg env -u VERBEELD_CACHE XDG_CACHE_HOME="$T/xdgcache" "$V" check tutorial
check cache-xdg-entry cached "$T/xdgcache/verbeeld"
run cache-home env -u VERBEELD_CACHE HOME="$T/home" "$V" check tutorial
check cache-home-entry cached "$T/home/.cache/verbeeld"
cp "$T/run.out" "$T/cold.out"
run cache-home-warm env -u VERBEELD_CACHE HOME="$T/home" "$V" check tutorial
check cache-home-same cmp "$T/cold.out" "$T/run.out"
run cache-off env VERBEELD_CACHE=off HOME="$T/nocache" "$V" check tutorial
check cache-off-nothing test ! -e "$T/nocache"

# ---------------------------------------------------------------- missing data: a specific message
mv "$P/share/verbeeld/scenarios/scenario.rng" "$T/rng"
LANGUAGE=en "$V" check tutorial > "$T/run.out" 2>&1; rc=$?
check missing-rng-status test "$rc" -eq 1
check missing-rng-names-file has "missing file $P/share/verbeeld/scenarios/scenario.rng"
check missing-rng-says-fix has "make install"
mv "$T/rng" "$P/share/verbeeld/scenarios/scenario.rng"
cd "$ROOT" || exit 1

# ---------------------------------------------------------------- the man pages
if command -v groff >/dev/null 2>&1; then
    for m in docs/verbeeld.1 docs/verbeeld.nl.1 "$P/share/man/man1/verbeeld.1" "$P/share/man/nl/man1/verbeeld.1"; do
        for dev in utf8 ascii; do
            check "man-$dev-$(basename "$(dirname "$(dirname "$m")")")-$(basename "$m")" \
                sh -c "groff -man -ww -z -T$dev '$m' 2>&1 | grep . && exit 1 || exit 0"
        done
    done
    check man-installed-paths grep -q "$P/share/verbeeld/scenarios" "$P/share/man/man1/verbeeld.1"
else
    echo "SKIP: install: groff is not installed, the man pages are not rendered (apt-get install groff-base)"
fi
for word in play replay debrief check graph explore sheets quadrant list VERBEELD_PATH VERBEELD_NOW VERBEELD_CACHE \
            NO_COLOR XDG_DATA_HOME LANGUAGE /stop /go /note /inject /back /who /save /help /quit; do
    check "man-mentions-$word" grep -q -- "$word" docs/verbeeld.1
    check "man-nl-mentions-$word" grep -q -- "$word" docs/verbeeld.nl.1
done

# Every long option of every command (the getopt tables in engine/cli/cmd_*.c) is in both pages.
for opt in $(grep -ho '{"[a-z-]*", *[a-z_]*_argument' engine/cli/cmd_*.c | sed 's/{"\([a-z-]*\)".*/\1/' | sort -u); do
    pat=$(printf '%s' "--$opt" | sed 's/-/\\\\-/g')
    check "man-option-$opt" grep -q -- "$pat" docs/verbeeld.1
    check "man-nl-option-$opt" grep -q -- "$pat" docs/verbeeld.nl.1
done

# ---------------------------------------------------------------- bash completion
if command -v bash >/dev/null 2>&1; then
    C=$P/share/bash-completion/completions/verbeeld
    comp() {
        bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _verbeeld; printf "%s\n" "${COMPREPLY[@]}"' \
            comp "$C" "$@"
    }
    comp verbeeld "" > "$T/run.out"
    for sub in play replay debrief check graph explore sheets quadrant list help; do
        check "completion-$sub" grep -qx "$sub" "$T/run.out"
    done
    (cd "$T/elsewhere" && comp "$V" play "") > "$T/run.out"
    check completion-scenarios grep -qx tutorial "$T/run.out"
    comp verbeeld debrief --format "" > "$T/run.out"
    check completion-formats grep -qx xapi "$T/run.out"
    comp verbeeld play --lang "" > "$T/run.out"
    check completion-lang grep -qx nl "$T/run.out"
fi

# ---------------------------------------------------------------- uninstall; DESTDIR
check make-uninstall mk PREFIX="$P" uninstall
check uninstall-leaves-nothing sh -c "[ -z \"\$(find '$P' -type f)\" ]"
check make-install-destdir mk PREFIX=/opt/verbeeld DESTDIR="$T/stage" install
check destdir-layout test -x "$T/stage/opt/verbeeld/bin/verbeeld" -a -f "$T/stage/opt/verbeeld/share/verbeeld/scenarios/tutorial.xml"
check destdir-built-for-prefix grep -q "/opt/verbeeld/share/verbeeld" "$T/stage/opt/verbeeld/bin/verbeeld"
check make-uninstall-destdir mk PREFIX=/opt/verbeeld DESTDIR="$T/stage" uninstall
check destdir-uninstall-leaves-nothing sh -c "[ -z \"\$(find '$T/stage' -type f)\" ]"

if [ "$fail" -eq 0 ]; then
    echo "install: all $pass checks passed"
    exit 0
fi
echo "install: $fail of $((pass + fail)) checks FAILED:$failed"
exit 1
