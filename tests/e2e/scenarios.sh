#!/bin/sh
# The shipped scenarios played for real: MoveOn with a group of five and solo, the school with
# six parents, both languages; explore proves every ending reachable with no dead end and no
# script error. Called by run.sh as: sh tests/e2e/scenarios.sh VERBEELD TMPDIR
set -u
V=$1 T=$2
export VERBEELD_NOW=1763805600 NO_COLOR=1
fails=0
fail() { echo "scenarios: $*"; fails=$((fails + 1)); }
ones() { i=0; while [ $i -lt "$1" ]; do echo 1; i=$((i + 1)); done; }
field() { grep "\"ev\":\"$2\"" "$1" | sed "s/.*\"$3\":\"\([^\"]*\)\".*/\1/"; }

# ---------------------------------------------------------------- MoveOn
cat > "$T/moveon5.xml" <<'CAST'
<cast scenario="moveon" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan voor mijn team"/>
  <participant name="Joris" core="daadkracht" goal="Meer ruimte geven"/>
  <participant name="Ayla" core="tact" goal="Zeggen wat ik denk"/>
  <participant name="Bram" core="flexibiliteit" goal="Afspraken nakomen"/>
  <participant name="Mehmet" core="voorzichtigheid" goal="Durven kiezen"/>
</cast>
CAST
for lang in nl en; do
    ones 400 | "$V" play moveon --cast "$T/moveon5.xml" --lang $lang --seed 4 --journal "$T/moveon5-$lang.jsonl" > "$T/moveon5-$lang.out" 2>&1 \
        || fail "moveon group ($lang) exited with an error"
    [ -n "$(field "$T/moveon5-$lang.jsonl" ending ending)" ] || fail "moveon group ($lang) reached no ending"
    for p in Sanne Joris Ayla Bram Mehmet; do
        grep -q "\"ev\":\"choice\".*\"by\":\"$p\"" "$T/moveon5-$lang.jsonl" || fail "moveon group ($lang): $p never chose"
    done
done
# The connector is cast into the role whose core quality is her challenge: setting boundaries.
grep '"name":"Sanne"' "$T/moveon5-nl.jsonl" | grep -q '"character_core":"grenzen stellen"' || fail "Sanne (verbinden) not cast into grenzen stellen"
grep -q "Stop. Dit gaan wij niet doen." scenarios/moveon.xml || fail "MoveOn lacks the line from the case"
grep -q "Dit gaan wij niet doen\|Stop" "$T/moveon5-nl.out" || fail "the gossip moment did not come up in Dutch"
# Solo, in English, through the setup.
{ printf 'Anna\nconnecting\nSpeak up for my team\n'; ones 200; } | "$V" play moveon --lang en --seed 8 --journal "$T/moveon-solo.jsonl" > "$T/moveon-solo.out" 2>&1 \
    || fail "moveon solo exited with an error"
[ -n "$(field "$T/moveon-solo.jsonl" ending ending)" ] || fail "moveon solo reached no ending"
grep -q "Who plays whom" "$T/moveon-solo.out" || fail "moveon solo: no English casting"
# "What if" from the participant's third choice, and from a scene the characters move in: the
# characters' moves before the branch are in the new journal once (each step once, in order),
# as the debrief then tells them once.
for from in 3 na-vertrek; do
    ones 200 | "$V" replay "$T/moveon-solo.jsonl" --from $from --journal "$T/whatif-$from.jsonl" > "$T/whatif-$from.out" 2>&1 \
        || fail "moveon: replay --from $from exited with an error"
    python3 - "$T/whatif-$from.jsonl" <<'PY' || fail "moveon: replay --from $from journals a step twice"
import json, sys
steps = [e["step"] for e in map(json.loads, open(sys.argv[1], encoding="utf-8")) if e["ev"] == "choice"]
sys.exit(0 if steps and steps == sorted(set(steps)) else 1)
PY
done
"$V" explore moveon --random 3000 --seed 3 > "$T/moveon-explore.out" || fail "explore moveon: $(grep -A2 'NEVER\|Problems' "$T/moveon-explore.out")"
# With Isabel left to the engine, her own chance to stop the gossip comes up too.
"$V" explore moveon --random 1500 --seed 3 --roles ops,cfo,groep,online > "$T/moveon-4.out" 2>&1 || fail "explore moveon without Isabel"
grep -q ': roddel-isabel$' "$T/moveon-4.out" && fail "roddel-isabel never reached without a player for Isabel"

# ---------------------------------------------------------------- the school
cat > "$T/school6.xml" <<'CAST'
<cast scenario="school" xmlns="urn:verbeeld:cast:1">
  <participant name="Lena" core="voorzichtigheid" goal="Risico durven nemen"/>
  <participant name="Tom" core="structuur" goal="Loslaten" role="directeur"/>
  <participant name="Iris" core="zorgzaamheid" goal="Vertrouwen geven"/>
  <participant name="Kwame" core="geduld" goal="Knopen doorhakken"/>
  <participant name="Noor" core="verbinden" goal="Grenzen stellen"/>
  <participant name="Pim" core="perfectionisme" goal="Het goed genoeg vinden"/>
</cast>
CAST
sed -i 's/core="perfectionisme"/core="zorgvuldigheid"/' "$T/school6.xml"
for lang in en nl; do
    { seq 1 6; ones 394; } | "$V" play school --cast "$T/school6.xml" --lang $lang --seed 6 --journal "$T/school6-$lang.jsonl" > "$T/school6-$lang.out" 2>&1 \
        || fail "school ($lang) exited with an error"
    [ -n "$(field "$T/school6-$lang.jsonl" ending ending)" ] || fail "school ($lang) reached no verdict"
    cards=$(grep '"ev":"participant"' "$T/school6-$lang.jsonl" | sed 's/.*"card":"\([^"]*\)".*/\1/' | sort)
    [ "$(echo "$cards" | wc -l)" -eq 6 ] && [ "$(echo "$cards" | uniq | wc -l)" -eq 6 ] || fail "school ($lang): six parents did not pick six different children"
done
grep -q '"role":"directeur"' "$T/school6-nl.jsonl" || fail "school: the cast file's role was not respected"
# Two parents cannot have the same child.
cat > "$T/same.xml" <<'CAST'
<cast scenario="school" xmlns="urn:verbeeld:cast:1">
  <participant name="A" core="moed" goal="x" card="elin"/>
  <participant name="B" core="geduld" goal="y" card="elin"/>
</cast>
CAST
printf '' | "$V" play school --cast "$T/same.xml" --lang en --journal "$T/same.jsonl" > "$T/same.out" 2>&1
[ $? -eq 1 ] && grep -q "cannot both pick card 'elin'" "$T/same.out" || fail "two parents could pick the same child"
grep -q 'Elin' scenarios/school.xml || fail "no Elin in the school"
[ "$(grep -c '<card ' scenarios/school.xml)" -ge 30 ] || fail "the school has fewer than 30 children"
"$V" explore school --random 400 --seed 3 > "$T/school-explore.out" || fail "explore school: $(grep -A2 'NEVER\|Problems' "$T/school-explore.out")"

# ---------------------------------------------------------------- the method, in every session above
# Everyone on their opposite quadrant, every corner recomputed from the lexicon, the debrief's
# counts the journal's; typing 1 throughout is not "core" for more than about half the choices.
for j in "$T"/moveon*.jsonl "$T"/school6-*.jsonl; do
    python3 tests/e2e/corners.py "$V" "$j" 0.6 || fail "the method does not hold in $(basename "$j")"
done
# The debrief quotes only what was on screen: a played character's hidden reaction is nobody's line.
for n in moveon5-nl moveon5-en school6-nl school6-en; do
    python3 tests/e2e/quoted.py "$V" "$T/$n.jsonl" "$T/$n.out" || fail "the debrief of $n quotes what was not on screen"
done
# Every choice under the scene where it was made, also after an incident returned to it.
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="An" core="moed" goal="x" card="espresso"/></cast>\n' > "$T/inj.xml"
{ echo 1; echo /inject telefoon; ones 30; } | "$V" play tutorial --cast "$T/inj.xml" --seed 11 --lang en --journal "$T/inj.jsonl" > "$T/inj.out" 2>&1
grep -q '"ev":"return"' "$T/inj.jsonl" || fail "the incident test no longer returns to a scene"
for n in inj moveon5-nl moveon5-en school6-nl school6-en; do
    python3 tests/e2e/placed.py "$V" "$T/$n.jsonl" || fail "the debrief of $n files a choice under the wrong scene"
done
# A handout per participant holds nothing of anyone else's, and no path of the trainer's machine.
mkdir -p "$T/handouts"
for f in md html json xapi; do
    "$V" debrief "$T/moveon5-nl.jsonl" --format $f -o "$T/handouts" > "$T/handouts.out" || fail "debrief -o DIR --format $f failed"
done
for name in Sanne Joris Ayla Bram Mehmet; do
    for f in md html json xapi.json; do
        h="$T/handouts/$name.$f"
        [ -s "$h" ] || { fail "no handout $name.$f"; continue; }
        for other in Sanne Joris Ayla Bram Mehmet "Sterker staan" "Meer ruimte geven" "Zeggen wat ik denk" "Afspraken nakomen" "Durven kiezen"; do
            case "$other" in "$name") continue ;; esac
            [ "$name" = Sanne ] && [ "$other" = "Sterker staan" ] && continue
            [ "$name" = Joris ] && [ "$other" = "Meer ruimte geven" ] && continue
            [ "$name" = Ayla ] && [ "$other" = "Zeggen wat ik denk" ] && continue
            [ "$name" = Bram ] && [ "$other" = "Afspraken nakomen" ] && continue
            [ "$name" = Mehmet ] && [ "$other" = "Durven kiezen" ] && continue
            grep -q "$other" "$h" && fail "$name's handout ($f) shows $other"
        done
        grep -q "$T" "$h" && fail "$name's handout ($f) shows a path of the trainer's machine"
    done
done
[ -s "$T/handouts/debrief.md" ] && grep -q 'Mehmet' "$T/handouts/debrief.md" || fail "-o DIR wrote no group debrief"
# Every xAPI statement of every session, and of the handouts, passes Learning Locker's validator.
if [ -f tests/xapi/node_modules/.package-lock.json ] && command -v node > /dev/null; then
    for n in inj moveon5-nl moveon5-en school6-nl school6-en; do
        "$V" debrief "$T/$n.jsonl" --format xapi > "$T/$n.xapi" || fail "debrief --format xapi of $n failed"
    done
    node tests/xapi/validate.js --self-test "$T"/*.xapi "$T"/handouts/*.xapi.json \
        || fail "xAPI statements that Learning Locker's validator refuses"
else
    fail "the xAPI validator is not installed (make check installs it in tests/xapi)"
fi
"$V" debrief "$T/moveon5-nl.jsonl" --participant Nobody > /dev/null 2>&1
[ $? -eq 1 ] || fail "debrief --participant with an unknown name did not fail"
# Isabel's "Stop" in the gossip round is a turning point: among her moments, with the answers.
# Two people play, so that the group has questions (someone who plays alone gets none).
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="Isa" core="tact" goal="x" role="vip"/><participant name="Bo" core="verbinden" goal="y"/></cast>\n' > "$T/tp.xml"
i=0; while [ $i -lt 160 ]; do echo =roddel-stop-isabel; echo 1; i=$((i + 1)); done \
    | "$V" play moveon --cast "$T/tp.xml" --seed 3 --lang en --journal "$T/tp.jsonl" > "$T/tp.out" 2>&1
grep -q '"choice":"roddel-stop-isabel".*"turning":true' "$T/tp.jsonl" || fail "the Stop is not journaled as a turning point"
"$V" debrief "$T/tp.jsonl" --lang en | grep -A1 'a turning point of the story.*Stop' | grep -q '^  - Femke de Groot: “' \
    || fail "the debrief does not show the Stop as a turning point with the answers to it"
"$V" debrief "$T/tp.jsonl" --lang en | sed -n '/^## Questions for the group/,/^## /p' | grep -q "In ‘Gossip’, what Isa did turned the story" \
    || fail "the questions for the group do not ask about the turning point"
"$V" debrief "$T/moveon-solo.jsonl" --lang en 2>/dev/null | grep -q "^## Questions for the group" \
    && fail "someone who played alone is given questions for a group"
# At the end each participant names an anchor (a stray choice number is not taken for one); it is
# in their debrief and in the plan for the return afternoon.
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="An" core="moed" goal="x" card="espresso"/><participant name="Bo" core="tact" goal="y" card="baobab"/></cast>\n' > "$T/an.xml"
{ ones 14; echo "De mok in twee handen, voeten plat"; echo; } \
    | "$V" play tutorial --cast "$T/an.xml" --seed 4 --lang nl --journal "$T/an.jsonl" > "$T/an.out" 2>&1
grep -q '"ev":"anchor".*"who":"An","text":"De mok in twee handen, voeten plat"' "$T/an.jsonl" || fail "the anchor named at the end is not journaled"
grep -q '"ev":"anchor".*"who":"Bo"' "$T/an.jsonl" && fail "an empty anchor was journaled"
[ "$("$V" debrief "$T/an.jsonl" --participant An --lang en | grep -c 'De mok in twee handen, voeten plat')" -eq 2 ] \
    || fail "the anchor is not in the debrief and the return plan"
# Every core quality of the lexicon is served alone, and in a full group where all share it.
for s in tutorial moveon school; do
    LANGUAGE=en "$V" check --werror "$s" > "$T/check-$s.out" 2>&1 || fail "check $s: $(cat "$T/check-$s.out")"
    grep -q "18 of 18 core qualities alone, 18 of 18 in a full group" "$T/check-$s.out" \
        || fail "$s does not cast every core quality on its opposite quadrant: $(grep 'opposite' "$T/check-$s.out")"
done
# A group of five in MoveOn with repeated core qualities, and twelve in the school.
cat > "$T/repeat.xml" <<'CAST'
<cast xmlns="urn:verbeeld:cast:1">
  <participant name="A" core="verbinden" goal="x"/> <participant name="B" core="verbinden" goal="x"/>
  <participant name="C" core="zorgvuldigheid" goal="x"/> <participant name="D" core="zorgvuldigheid" goal="x"/>
  <participant name="E" core="verbinden" goal="x"/>
</cast>
CAST
{ ones 300; } | "$V" play moveon --cast "$T/repeat.xml" --lang nl --seed 4 --journal "$T/repeat.jsonl" > "$T/repeat.out" 2>&1 \
    || fail "moveon with repeated cores exited with an error"
python3 tests/e2e/corners.py "$V" "$T/repeat.jsonl" || fail "the method does not hold with repeated cores in moveon"
# Twelve parents with twelve different core qualities: each on their own opposite quadrant.
{
    echo '<cast scenario="school" xmlns="urn:verbeeld:cast:1">'
    n=0
    for pair in verbinden:elin "grenzen stellen:daan" directheid:noor tact:mo daadkracht:sofie geduld:jesse \
                zorgzaamheid:amara loslaten:lucas zorgvuldigheid:fien flexibiliteit:kasper creativiteit:yara structuur:teun; do
        n=$((n + 1))
        echo "  <participant name=\"P$n\" core=\"${pair%%:*}\" goal=\"x\" card=\"${pair#*:}\"/>"
    done
    echo '</cast>'
} > "$T/school12.xml"
{ ones 400; } | "$V" play school --cast "$T/school12.xml" --lang nl --seed 3 --journal "$T/school12.jsonl" > "$T/school12.out" 2>&1 \
    || fail "school with twelve exited with an error: $(tail -3 "$T/school12.out")"
[ "$(grep -c 'oefent die uitdaging van binnenuit' "$T/school12.out")" -eq 12 ] || fail "school: not all twelve practise their own challenge"
python3 tests/e2e/corners.py "$V" "$T/school12.jsonl" || fail "the method does not hold for twelve parents"
python3 tests/e2e/placed.py "$V" "$T/school12.jsonl" || fail "the debrief of school12 files a choice under the wrong scene"
# Casting without a role asked for: nobody plays the parent written for their own core quality
# (whose brief describes them: "You are the worried parent..." to a cautious participant asked
# to play courage) while the parent written for their challenge is left to the computer.
python3 - "$T/school12.jsonl" "$T/school6-nl.jsonl" <<'PY' || fail "school: a parent is cast as themselves while the role written for their challenge was free"
import json, re, sys
native = {}
for line in open("scenarios/school.xml", encoding="utf-8"):
    m = re.search(r'<role id="([^"]+)" character="([^"]+)" playable', line)
    if m:
        src = open(f"characters/{m.group(2)}.lua", encoding="utf-8").read()
        native[m.group(1)] = re.search(r'^  quadrant = "([^"]+)"', src, re.M).group(1)
bad = []
for journal in sys.argv[1:]:
    people = [e for e in map(json.loads, open(journal, encoding="utf-8")) if e["ev"] == "participant"]
    played = {e.get("role") for e in people}
    for e in people:
        free = [r for r, q in native.items() if q == e["character_core"] and r not in played]
        if e.get("role") != "directeur" and native.get(e.get("role")) == e["core"] and free:
            bad.append(f"{e['name']} ({e['core']}) plays {e['role']}, while {free[0]} was free")
print("; ".join(bad))
sys.exit(1 if bad else 0)
PY
# Alone in the school, a participant makes a parent their own: which one, a name, a sentence.
printf 'Anouk\ngeduld\nRust\n3\nAnouk Peeters\nIk werk nachten in het ziekenhuis.\n1\n' | "$V" play school --lang nl --seed 2 \
    --journal "$T/own.jsonl" > "$T/own.out" 2>&1
python3 tests/e2e/entry.py "$T/own.jsonl" '{"ev":"participant","character":"Anouk Peeters","own_name":"Anouk Peeters","about":"Ik werk nachten in het ziekenhuis."}' \
    || fail "school solo: the parent made one's own is not journaled"
grep -q 'Anouk → Anouk Peeters' "$T/own.out" && grep -q 'Ik werk nachten in het ziekenhuis.' "$T/own.out" \
    || fail "school solo: the own name and sentence are not shown"
grep -q '"character":"Anouk Peeters"' "$T/own.jsonl.cast.xml" 2>/dev/null || grep -q 'character="Anouk Peeters"' "$T/own.jsonl.cast.xml" \
    || fail "school solo: the cast file kept next to the journal lost the own name"
# character= is for a role one makes one's own: not for Isabel, whom the story names.
printf '<cast xmlns="urn:verbeeld:cast:1"><participant name="A" core="tact" goal="x" role="vip" character="Ann"/></cast>\n' > "$T/bad-own.xml"
"$V" play moveon --cast "$T/bad-own.xml" --lang en --journal "$T/bad-own.jsonl" < /dev/null > "$T/bad-own.out" 2>&1
[ $? -eq 1 ] && grep -q "character= and about= are for a role" "$T/bad-own.out" || fail "character= on a role the story names was accepted"

[ "$fails" -eq 0 ]
