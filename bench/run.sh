#!/bin/sh
# make bench: verbeeld against inkjs and inkcpp on the same generated stories, side by side,
# interleaved.
#
#   INKCPP=DIR                       a source checkout of github.com/JBenda/inkcpp: built here with
#                                    CMake, with the driver bench/inkcpp.cpp. Without it, inkcpp is
#                                    not run and RESULTS.md shows its last figures (bench/inkcpp-last.tsv)
#   BENCH_SIZES="1000 10000 100000"  story sizes (scenes)
#   BENCH_REPS=5                     repetitions of every measurement (medians are reported)
#   BENCH_CHOICES=200000             choices per random walk of inkjs
#   BENCH_VB_CHOICES=2000000         choices per random walk of verbeeld (see below)
#   BENCH_GROWTH_CHOICES=1000000     choices per walk of the growth figure (every size, back to back)
#   BENCH_EXHAUSTIVE=1               also time explore --exhaustive on the tutorial, moveon and school
#   BENCH_MAX_STATES=200000          explore --exhaustive stops there (and says so)
#   BENCH_COMPILE=1                  0: skip compiling ink where its JSON is already there
#
# Raw figures go to bench/out/raw.tsv, the report to bench/RESULTS.md (bench/report.py).
set -e
cd "$(dirname "$0")/.."
SIZES=${BENCH_SIZES:-1000 10000 100000}
REPS=${BENCH_REPS:-5}
CHOICES=${BENCH_CHOICES:-200000}
# verbeeld walks ten times as many choices as inkjs, so that both walks last seconds. This
# machine's speed drifts from one moment to the next; a walk of a quarter of a second against
# one of eight measured a moment of it against a stretch, and the ratio swung by a fifth from
# run to run. A walk's rate is timed without its load, so its length does not favour either.
VB_CHOICES=${BENCH_VB_CHOICES:-$((CHOICES * 10))}
GROWTH_CHOICES=${BENCH_GROWTH_CHOICES:-1000000}
OUT=bench/out
VB=build/verbeeld
LOAD=build/bench-load
RAW=$OUT/raw.tsv
mkdir -p $OUT
# verbeeld's model cache: off for the first load (from the XML), this folder for the second.
CACHE=$OUT/cache
rm -rf $CACHE
export VERBEELD_CACHE=$CACHE

echo "bench: inkjs (pinned in bench/package.json)"
(cd bench && npm ci --no-audit --no-fund --silent >/dev/null 2>&1 || npm install --no-audit --no-fund --silent)

echo "bench: building verbeeld, the load harness and the text walk"
make -s all build/bench-load build/bench-walk
WALK=build/bench-walk

# inkcpp from the user's checkout (never a prebuilt binary): its library and inkcpp_cl, which
# converts inkjs's compiled JSON into inkcpp's binary, then the driver against the library.
INK_CPP=
if [ -n "$INKCPP" ]; then
    echo "bench: building inkcpp from $INKCPP"
    IB=$OUT/inkcpp-build
    cmake -S "$INKCPP" -B $IB -DCMAKE_BUILD_TYPE=Release > $OUT/inkcpp-cmake.log 2>&1
    cmake --build $IB -j "$(nproc)" --target inkcpp inkcpp_compiler inkcpp_cl > $OUT/inkcpp-build.log 2>&1
    INK_CPP=build/bench-inkcpp
    c++ -std=c++17 -O2 -Wall -Wextra -Wno-unknown-pragmas -I"$INKCPP/inkcpp/include" -I"$INKCPP/shared/public" \
        -o $INK_CPP bench/inkcpp.cpp $IB/inkcpp/libinkcpp.a $IB/inkcpp_compiler/libinkcpp_compiler.a
    INKCPP_VERSION="$(git -C "$INKCPP" describe --tags --always --dirty 2>/dev/null || echo '?')"
else
    echo "bench: no INKCPP=DIR given: inkcpp is not run; RESULTS.md keeps its last figures"
fi

: > $RAW
rec() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> $RAW; }   # size metric engine value
rec machine loadavg_start - "$(cut -d' ' -f1 /proc/loadavg)"
rec machine verbeeld - "$(git describe --tags --always --dirty 2>/dev/null || echo '?')"
field() { sed -n "s/.*$1 \([0-9.]*\).*/\1/p"; }                   # the number after a word
maxrss() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; }
rate() { sed -n 's/^States visited: [0-9]*, \([0-9]*\) per second.*/\1/p' "$1"; }  # explore's choices/s
states() { sed -n 's/^States visited: \([0-9]*\),.*/\1/p' "$1"; }

for n in $SIZES; do
    if [ ! -f $OUT/bench-$n.xml ] || [ bench/gen.py -nt $OUT/bench-$n.xml ]; then
        echo "bench: generating $n scenes"
        python3 bench/gen.py $n $OUT
    fi
    # Compiling with inklecate (inkjs's compiler) is slow and large at 100,000 scenes: once
    # there, three times below. The compiled JSON is what the ink runtime loads.
    reps=3; [ "$n" -ge 100000 ] && reps=1
    [ "${BENCH_COMPILE:-1}" = 0 ] && [ -f $OUT/bench-$n.json ] && reps=0
    i=0
    while [ $i -lt $reps ]; do
        echo "bench: inkjs compiling $n scenes ($((i + 1))/$reps)"
        /usr/bin/time -v -o $OUT/time.txt node --max-old-space-size=16000 bench/ink.js compile \
            $OUT/bench-$n.ink $OUT/bench-$n.json > $OUT/o.txt
        rec $n compile_ms ink "$(field compile_ms < $OUT/o.txt)"
        rec $n compile_rss_kb ink "$(maxrss $OUT/time.txt)"
        i=$((i + 1))
    done
    if [ -n "$INK_CPP" ]; then
        echo "bench: inkcpp_cl converting $n scenes"
        /usr/bin/time -v -o $OUT/time.txt $IB/inkcpp_cl/inkcpp_cl -o $OUT/bench-$n.bin $OUT/bench-$n.json > /dev/null
        rec $n convert_s inkcpp "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' $OUT/time.txt)"
    fi
done

r=1
while [ $r -le $REPS ]; do
    for n in $SIZES; do
        echo "bench: round $r/$REPS, $n scenes"
        VERBEELD_CACHE=off $LOAD $OUT/bench-$n.xml > $OUT/o.txt
        rec $n load_ms verbeeld "$(field load_ms < $OUT/o.txt)"
        $LOAD $OUT/bench-$n.xml > /dev/null          # fills the cache (a no-op after round 1)
        $LOAD $OUT/bench-$n.xml > $OUT/o.txt
        rec $n load_cached_ms verbeeld "$(field load_ms < $OUT/o.txt)"
        node --max-old-space-size=16000 bench/ink.js load $OUT/bench-$n.json > $OUT/o.txt
        rec $n load_ms ink "$(field load_ms < $OUT/o.txt)"
        if [ -n "$INK_CPP" ]; then
            $INK_CPP load $OUT/bench-$n.bin > $OUT/o.txt
            rec $n load_ms inkcpp "$(field load_ms < $OUT/o.txt)"
        fi

        # The walk that produces what a player sees, against inkjs's and inkcpp's Continue
        # walks below (the same number of choices); its peak memory is the one compared.
        LANGUAGE=en /usr/bin/time -v -o $OUT/time.txt $WALK $OUT/bench-$n.xml $CHOICES $r \
            > /dev/null 2> $OUT/o.txt
        rec $n textwalk_per_s verbeeld "$(field per_second < $OUT/o.txt)"
        rec $n textwalk_rss_kb verbeeld "$(maxrss $OUT/time.txt)"

        # The walk in one process (its peak memory is the one compared), then as a designer
        # runs it: one job per processor.
        LANGUAGE=en /usr/bin/time -v -o $OUT/time.txt $VB explore $OUT/bench-$n.xml --random $((VB_CHOICES / 20)) \
            --seed $r --jobs 1 > $OUT/o.txt || true
        rec $n walk1_per_s verbeeld "$(rate $OUT/o.txt)"
        rec $n rss_kb verbeeld "$(maxrss $OUT/time.txt)"
        LANGUAGE=en $VB explore $OUT/bench-$n.xml --random $((VB_CHOICES / 20)) --seed $r > $OUT/o.txt || true
        rec $n walk_per_s verbeeld "$(rate $OUT/o.txt)"
        rec $n walk_choices verbeeld "$(states $OUT/o.txt)"
        /usr/bin/time -v -o $OUT/time.txt node --max-old-space-size=16000 bench/ink.js walk \
            $OUT/bench-$n.json $CHOICES $r > $OUT/o.txt
        rec $n walk_per_s ink "$(field per_second < $OUT/o.txt)"
        rec $n walk_choices ink "$(field choices < $OUT/o.txt)"
        rec $n rss_kb ink "$(maxrss $OUT/time.txt)"
        if [ -n "$INK_CPP" ]; then
            /usr/bin/time -v -o $OUT/time.txt $INK_CPP walk $OUT/bench-$n.bin $CHOICES $r > $OUT/o.txt
            rec $n walk_per_s inkcpp "$(field per_second < $OUT/o.txt)"
            rec $n rss_kb inkcpp "$(maxrss $OUT/time.txt)"
        fi
    done
    # Growth: the one-process walk at every size, back to back, so that the machine's speed
    # (which drifts by half from one stretch to the next) is the same for the three.
    for n in $SIZES; do
        LANGUAGE=en $VB explore $OUT/bench-$n.xml --random $((GROWTH_CHOICES / 20)) --seed $r --jobs 1 \
            > $OUT/o.txt || true
        rec $n walk1g_per_s verbeeld "$(rate $OUT/o.txt)"
    done
    # MoveOn, from start to its first prompt: the process runs with input closed, so it
    # shows the opening scenes and the first prompt, reads end of input, saves and exits.
    VERBEELD_CACHE=off python3 bench/firstprompt.py $VB _cold >> $RAW
    python3 bench/firstprompt.py $VB >> $RAW
    r=$((r + 1))
done

if [ "${BENCH_EXHAUSTIVE:-1}" = 1 ]; then
    for sc in tutorial moveon school; do
        echo "bench: explore --exhaustive $sc"
        LANGUAGE=en /usr/bin/time -v -o $OUT/time.txt $VB explore $sc --exhaustive \
            --max-states ${BENCH_MAX_STATES:-200000} > $OUT/o.txt 2>&1 || true
        rec $sc exhaustive_states verbeeld "$(states $OUT/o.txt)"
        rec $sc exhaustive_rate verbeeld "$(rate $OUT/o.txt)"
        rec $sc exhaustive_s verbeeld "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' $OUT/time.txt)"
        rec $sc exhaustive_truncated verbeeld "$(grep -c 'max-states' $OUT/o.txt || true)"
        rec $sc rss_kb verbeeld "$(maxrss $OUT/time.txt)"
    done
fi

rec machine loadavg_end - "$(cut -d' ' -f1 /proc/loadavg)"
# inkcpp's figures are kept for the runs without it, with the date and the commits measured.
if [ -n "$INK_CPP" ]; then
    { printf 'machine\tinkcpp_measured\t%s\t%s verbeeld %s\n' "$INKCPP_VERSION" "$(date -u +%Y-%m-%d)" \
          "$(git describe --always --dirty 2>/dev/null || echo '?')"
      grep -P '\tinkcpp\t' $RAW; } > bench/inkcpp-last.tsv
fi
python3 bench/report.py $RAW bench/RESULTS.md bench/inkcpp-last.tsv
echo "bench: wrote bench/RESULTS.md"
