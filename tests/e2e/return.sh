#!/bin/sh
# The return afternoon: a first session and its return session, played for MoveOn and the
# school, each participant's recap and comparison checked in the debrief (md and json); the
# return session resumed after it stopped, replayed, and played on from a step; a return from a
# journal with no ratings (as the previous version wrote them), with a cast file that adds and
# drops people; and the refusals. Called by run.sh as: sh tests/e2e/return.sh VERBEELD TMPDIR
set -u
V=$1 T=$2/return
mkdir -p "$T"
export VERBEELD_NOW=1763805600 NO_COLOR=1
fails=0
fail() { echo "return: $*"; fails=$((fails + 1)); }
ones() { i=0; while [ $i -lt "$1" ]; do echo 1; i=$((i + 1)); done; }
field() { grep "\"ev\":\"$2\"" "$1" | sed "s/.*\"$3\":\"\([^\"]*\)\".*/\1/"; }
# py JSON EXPR: evaluate EXPR with `d` the JSON file, `p(name)` one of its participants.
py() { python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
p = lambda n: [x for x in d['participants'] if x['name'] == n][0]
sys.exit(0 if ($2) else 1)" "$1"; }

# ---------------------------------------------------------------- MoveOn
cat > "$T/moveon.xml" <<'CAST'
<cast scenario="moveon" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="Sterker staan voor mijn team" role="ops"/>
  <participant name="Joris" core="daadkracht" goal="Meer ruimte geven" role="groep"/>
</cast>
CAST
{ printf '6\n5\n'; ones 300; } | "$V" play moveon --cast "$T/moveon.xml" --lang nl --seed 4 --rate --journal "$T/m1.jsonl" \
    > "$T/m1.out" 2>&1 || fail "moveon: the first session exited with an error"
ending=$(field "$T/m1.jsonl" ending ending)
# After "Uit elkaar" (no decision, everyone apart) the return afternoon opens with the team
# that has hardly spoken since, not with "in Spa you said no together" (it once did whenever
# the team's unity was 1 or more, as on this path).
{ printf '6\n5\n'; ones 300 | tr 1 2; } | "$V" play moveon --cast "$T/moveon.xml" --lang nl --seed 9 --rate \
    --journal "$T/u1.jsonl" > "$T/u1.out" 2>&1
[ "$(field "$T/u1.jsonl" ending ending)" = uiteen ] || fail "moveon: the path to 'Uit elkaar' reached another ending"
printf '7\n6\n' | COLUMNS=200 "$V" return "$T/u1.jsonl" --journal "$T/u2.jsonl" > "$T/u2.out" 2>&1
grep -q 'Sinds Spa hebben jullie elkaar weinig gesproken' "$T/u2.out" && ! grep -q 'samen nee gezegd' "$T/u2.out" \
    || fail "moveon: after 'Uit elkaar' the return afternoon says the team said no together"

[ -n "$ending" ] || fail "moveon: the first session reached no ending"
[ "$(grep -c '"ev":"rating"' "$T/m1.jsonl")" -eq 4 ] || fail "moveon: play --rate did not journal two ratings for each"
"$V" debrief "$T/m1.jsonl" | grep -q "De terugkomsituatie, in dezelfde personages: \`verbeeld return $T/m1.jsonl\`" \
    || fail "moveon: the first session's debrief does not say how to start the return session"
case $ending in samen|isabel|investeerder) x=tw; group=tw-terugblik ;; *) x=hz; group=hz-op-tafel ;; esac
moments="=$x-karin-kern\n=$x-wim-kern\n"
printf "7\n4\n$moments=$group\n8\n6\nvoeten plat op de grond\nhand op tafel\n" \
    | "$V" return "$T/m1.jsonl" --journal "$T/m2.jsonl" > "$T/m2.out" 2>&1 || fail "moveon: the return session exited with an error"
grep -q 'De terugkommiddag van MoveOn' "$T/m2.out" || fail "moveon: the return session did not say what it is"
grep -q '== Sanne (Karin Mertens) ==' "$T/m2.out" && grep -q 'Leerdoel: Meer ruimte geven' "$T/m2.out" \
    || fail "moveon: no recap for each participant"
grep -q '"ev":"then".*"ending":"'"$ending"'"' "$T/m2.jsonl" || fail "moveon: the return journal does not name the first ending"
[ "$(grep -c '"ev":"recap"' "$T/m2.jsonl")" -eq 2 ] || fail "moveon: not one recap entry per participant"
[ -n "$(field "$T/m2.jsonl" ending ending)" ] || fail "moveon: the return session reached no ending"
"$V" debrief "$T/m1.jsonl" --format json > "$T/m1.json"
"$V" debrief "$T/m2.jsonl" --format json > "$T/m2.json" || fail "moveon: no json debrief of the return session"
"$V" debrief "$T/m2.jsonl" > "$T/m2.md" || fail "moveon: no markdown debrief of the return session"
python3 -c "
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
for p in a['participants']:
    q = [x for x in b['participants'] if x['name'] == p['name']][0]
    then = {k: p['corners'][k] for k in ('core', 'pitfall', 'challenge', 'allergy')}
    assert q['then']['corners'] == then, (p['name'], q['then'], then)
" "$T/m1.json" "$T/m2.json" || fail "moveon: the corners then are not the first session's"
# Whoever played their challenge in the first session does not play it "for the first time" in
# the return session (the debrief once said so of everyone's first challenge that afternoon), and
# the moment is still among those that mattered (a fix left the list empty).
grep -q 'de eerste keer dat je je uitdaging speelde' "$T/m2.md" \
    && fail "moveon: the return debrief calls a challenge played before the first time"
grep -q '^- \*weer je uitdaging, zoals in de eerste sessie\*' "$T/m2.md" \
    || fail "moveon: the return debrief does not list the challenge played again among the moments"
python3 -c "
import json, re, sys
first = json.load(open(sys.argv[1]))
screen = ' '.join(open(sys.argv[2], encoding='utf-8').read().split())
for p in first['participants']:
    c = p['corners']
    fell = c['challenge'] + c['allergy']
    said = re.search(r'== %s \\(.*?\\) == .*?(Speelde.*?)(?: ==|$)' % p['name'], screen).group(1)
    want = ['Speelde %d keer de eigen uitdaging' % c['core'] if c['core'] else 'Speelde de eigen uitdaging niet',
            'schoot %d keer door' % c['pitfall'] if c['pitfall'] else 'schoot nooit door',
            'viel %d keer terug' % fell if fell else 'viel nooit terug']
    assert all(w in said for w in want) and ' 0 keer' not in said, (p['name'], said, want)
" "$T/m1.json" "$T/m2.out" || fail "moveon: a recap does not say the first session's corners as they were"
py "$T/m2.json" "p('Sanne')['now']['corners']['core'] == 1 and p('Joris')['now']['corners']['core'] == 1" \
    || fail "moveon: both played their challenge in the return, the debrief says otherwise"
py "$T/m2.json" "p('Sanne')['ratings']['before'] == 7 and p('Sanne')['ratings']['after'] == 8 and p('Joris')['ratings']['after'] == 6" \
    || fail "moveon: the ratings before and after are not in the json"
py "$T/m2.json" "p('Sanne')['then']['ratings']['before'] == 6 and p('Joris')['then']['ratings']['before'] == 5" \
    || fail "moveon: the first session's ratings are not the then"
py "$T/m2.json" "p('Sanne')['now']['anchor'] == 'voeten plat op de grond' and len(p('Sanne')['between']) == 3 and d['first_session']['ending'] == '$ending'" \
    || fail "moveon: anchor, questions about the weeks in between or the first session missing"
grep -q '^#### Toen en nu' "$T/m2.md" && grep -q '| Jouw stelling (1 tot 10) | 6 → 1 | 7 → 8 |' "$T/m2.md" \
    && grep -q '| Anker | – | voeten plat op de grond |' "$T/m2.md" && grep -q 'Waar heb je het de afgelopen weken op je werk gebruikt' "$T/m2.md" \
    || fail "moveon: the markdown debrief does not compare then and now"
# A corner is a share of the choices of each session: eight in Spa, one on the afternoon (a
# count alone compared 3 with 0 as if she had changed).
grep -q '| uitdaging: je viel terug op je eigen kernkwaliteit | 3 van 8 | 0 van 1 |' "$T/m2.md" \
    || fail "moveon: then and now compare counts, not shares of each session's choices"
# Joris named an anchor in Spa and pressed Enter at the end of the return afternoon: "Your
# anchor" shows the one he brought (it showed only his card, the anchor only in the table).
python3 -c "
import json, sys
out = open(sys.argv[2], 'w', encoding='utf-8')
for line in open(sys.argv[1], encoding='utf-8'):
    e = json.loads(line)
    if e['ev'] == 'anchor' and e.get('who') == 'Joris': continue
    if e['ev'] == 'recap' and e.get('name') == 'Joris': e['anchor'] = 'een steen in mijn zak'
    out.write(json.dumps(e, ensure_ascii=False) + '\\n')
" "$T/m2.jsonl" "$T/m2b.jsonl"
"$V" debrief "$T/m2b.jsonl" --lang en | grep -q '^- The anchor you brought from the first session: \*\*een steen in mijn zak\*\*' \
    || fail "moveon: the anchor brought from the first session is not under Your anchor"
grep -q 'Terugkomsessie: de terugkommiddag van de sessie in m1.jsonl' "$T/m2.md" || fail "moveon: the debrief does not name the first session"
# The return afternoon's debrief plans no other return afternoon, and asks about the weeks in
# between rather than the story's weekend.
grep -q '^#### De terugkommiddag' "$T/m2.md" && fail "moveon: the return session's debrief plans a return afternoon"
grep -q '\*Uit het scenario\*' "$T/m2.md" && fail "moveon: the return session's debrief asks the story's questions about the weekend"
grep -q '^#### De terugkommiddag' "$T/m1.jsonl.md" 2>/dev/null || "$V" debrief "$T/m1.jsonl" | grep -q '^#### De terugkommiddag' \
    || fail "moveon: the first session's debrief lost its return afternoon"
python3 -c "
import json, sys
json.load(open(sys.argv[1]))
try:
    import jsonschema
except ImportError:
    sys.exit(0)
jsonschema.validate(json.load(open(sys.argv[1])), json.load(open('docs/debrief.schema.json')))
" "$T/m2.json" || fail "moveon: the json debrief of the return session breaks docs/debrief.schema.json"
r1=$("$V" debrief "$T/m1.jsonl" --format xapi | grep -m1 '"registration"')
r2=$("$V" debrief "$T/m2.jsonl" --format xapi | grep -m1 '"registration"')
[ -n "$r1" ] && [ "$r1" = "$r2" ] || fail "moveon: the xAPI statements of both sessions do not share a registration"
"$V" debrief "$T/m1.jsonl" --format xapi | grep '"id"' | sort > "$T/ids1"
"$V" debrief "$T/m2.jsonl" --format xapi | grep '"id"' | sort > "$T/ids2"
[ -z "$(comm -12 "$T/ids1" "$T/ids2" | grep -v 'verbeeld' | grep -E '"id":"[0-9a-f-]{36}"')" ] || fail "moveon: a statement id of the return session is one of the first's"
"$V" debrief "$T/m2.jsonl" --format html -o "$T/m2.html" && grep -q 'Toen en nu' "$T/m2.html" || fail "moveon: no then and now in html"

# Resumed after it stopped at the first choice, it ends the same.
printf "7\n4\n=$x-karin-kern\n" | "$V" return "$T/m1.jsonl" --journal "$T/m3.jsonl" > "$T/m3.out" 2>&1
grep -q '"ev":"quit"' "$T/m3.jsonl" || fail "moveon: the stopped return session did not journal its quit"
printf "=$x-wim-kern\n=$group\n8\n6\nvoeten plat op de grond\nhand op tafel\n" | "$V" play --resume "$T/m3.jsonl" > "$T/m3r.out" 2>&1 \
    || fail "moveon: resuming the return session failed"
"$V" debrief "$T/m3.jsonl" --format json > "$T/m3.json"
python3 -c "
import json, sys
a = json.load(open(sys.argv[1]))['participants']; b = json.load(open(sys.argv[2]))['participants']
for k in ('then', 'now', 'ratings'):
    assert [p[k] for p in a] == [p[k] for p in b], k
" "$T/m2.json" "$T/m3.json" || fail "moveon: the resumed return session does not end as the one played through"
[ "$(field "$T/m3.jsonl" ending ending)" = "$(field "$T/m2.jsonl" ending ending)" ] || fail "moveon: resumed, the return ends elsewhere"

# Replayed, and played on from its last scene.
"$V" replay "$T/m2.jsonl" > "$T/m2-replay.out" 2>&1 || fail "moveon: replaying the return session failed"
grep -q 'Ieder zijn moment\|Twintig minuten, de deur dicht' "$T/m2-replay.out" && grep -q 'Einde van de opname' "$T/m2-replay.out" \
    || fail "moveon: the replay does not show the return situation"
last=$(field "$T/m2.jsonl" scene scene | tail -1)
printf '=%s\n3\n3\n\n\n' "$( [ $x = tw ] && echo tw-proosten || echo hz-ieder-apart)" \
    | "$V" replay "$T/m2.jsonl" --from "$last" --journal "$T/m4.jsonl" > "$T/m4.out" 2>&1 || fail "moveon: replay --from in the return session failed"
"$V" debrief "$T/m4.jsonl" --format json > "$T/m4.json" || fail "moveon: no debrief of the what-if"
py "$T/m4.json" "p('Sanne')['then']['corners'] is not None and p('Sanne')['ratings']['after'] == 3 and d['first_session']['ending'] == '$ending'" \
    || fail "moveon: the what-if of a return session lost its first session or its ratings"

# ---------------------------------------------------------------- the school
cat > "$T/school.xml" <<'CAST'
<cast scenario="school" xmlns="urn:verbeeld:cast:1">
  <participant name="Lena" core="voorzichtigheid" goal="Risico durven nemen"/>
  <participant name="Tom" core="structuur" goal="Loslaten" role="directeur"/>
  <participant name="Noor" core="verbinden" goal="Grenzen stellen"/>
</cast>
CAST
# No --rate: a journal as the previous version wrote it.
{ seq 1 3; ones 297; } | "$V" play school --cast "$T/school.xml" --lang en --seed 6 --journal "$T/s1.jsonl" > "$T/s1.out" 2>&1 \
    || fail "school: the first session exited with an error"
ending=$(field "$T/s1.jsonl" ending ending)
case $ending in groen-*) x=oa; group=oa-laat-zeggen ;; *) x=hb; group=hb-ja-samen ;; esac
# Noor does not come back; Sam joins.
cat > "$T/school2.xml" <<'CAST'
<cast scenario="school" xmlns="urn:verbeeld:cast:1">
  <participant name="Lena" core="voorzichtigheid" goal="Risico durven nemen"/>
  <participant name="Tom" core="structuur" goal="Loslaten"/>
  <participant name="Sam" core="moed" goal="Geduld hebben"/>
</cast>
CAST
# The options offered depend on each parent's quadrant: they take the first, the group its choice.
printf "3\n7\n6\n5\n1\n1\n1\n=$group\n8\n8\n4\nmy notebook\n\n\n" \
    | "$V" return "$T/s1.jsonl" --cast "$T/school2.xml" --journal "$T/s2.jsonl" > "$T/s2.out" 2>&1 \
    || fail "school: the return session exited with an error"
grep -q 'Sam was not there the first time' "$T/s2.out" || fail "school: the newcomer was not introduced"
grep -q 'Not here this time: Noor.' "$T/s2.out" || fail "school: Noor, who stayed away, is not named"
grep -q '"name":"Noor"' "$T/s2.jsonl" && fail "school: Noor, dropped from the cast, is in the return session"
grep '"ev":"participant".*"name":"Tom"' "$T/s2.jsonl" | grep -q '"role":"directeur"' || fail "school: Tom did not keep his role"
c1=$(grep '"ev":"participant".*"name":"Lena"' "$T/s1.jsonl" | sed 's/.*"card":"\([^"]*\)".*/\1/')
grep '"ev":"participant".*"name":"Lena"' "$T/s2.jsonl" | grep -q "\"card\":\"$c1\"" || fail "school: Lena lost her child's card"
# Sam, new, picks a child as the others did the first time (Noor's, who did not come back, is free).
grep '"ev":"participant".*"name":"Sam"' "$T/s2.jsonl" | grep -q '"card":"noor"' || fail "school: the newcomer has no child's card"
"$V" debrief "$T/s2.jsonl" --format json --lang en > "$T/s2.json" || fail "school: no json debrief"
"$V" debrief "$T/s2.jsonl" --lang en > "$T/s2.md" || fail "school: no markdown debrief"
python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
chose = [json.loads(l) for l in open(sys.argv[2]) if '\"ev\":\"choice\"' in l]
for p in d['participants']:
    now = {k: sum(1 for c in chose if c.get('by') == p['name'] and c.get('corner') == k) for k in p['now']['corners']}
    assert p['now']['corners'] == now and sum(now.values()) == 1, (p['name'], p['now'], now)
    assert ('then' in p) == (p['name'] != 'Sam'), p['name']
" "$T/s2.json" "$T/s2.jsonl" || fail "school: then and now per participant are wrong"
py "$T/s2.json" "p('Tom')['ratings'] == {'statement': 'I can do this now: Loslaten', 'before': 6, 'after': 8} and 'ratings' not in p('Tom')['then']" \
    || fail "school: the ratings are wrong (none then, 6 and 8 now)"
grep -q 'You were not there the first time' "$T/s2.md" && grep -q '^#### Then and now' "$T/s2.md" \
    && grep -q '| Anchor | – | my notebook |' "$T/s2.md" || fail "school: the markdown debrief does not compare then and now"

# ---------------------------------------------------------------- refusals
grep -v '"ev":"ending"\|"ev":"end"\|"ev":"anchor"\|"ev":"rating"' "$T/m1.jsonl" > "$T/open.jsonl"
"$V" return "$T/open.jsonl" < /dev/null > "$T/open.out" 2>&1
[ $? -eq 1 ] && grep -q 'open.jsonl:1: error: .*play --resume' "$T/open.out" || fail "a session without an ending was not refused"
"$V" return "$T/m2.jsonl" < /dev/null > "$T/again.out" 2>&1
[ $? -eq 1 ] && grep -q 'terugkomsessie' "$T/again.out" || fail "a return session was taken for a first session"
printf 'Ann\ncheerfulness\nconnecting\nSpeak up\n' > "$T/solo.in"; ones 40 >> "$T/solo.in"
"$V" play tutorial --lang en --seed 2 --journal "$T/t2.jsonl" < "$T/solo.in" > /dev/null 2>&1
"$V" return "$T/t2.jsonl" < /dev/null > "$T/tut.out" 2>&1
[ $? -eq 1 ] && grep -q "has no return situation" "$T/tut.out" || fail "a scenario without a return situation was not refused"
"$V" return > /dev/null 2>&1; [ $? -eq 2 ] || fail "return without a journal is no usage error"

[ $fails -eq 0 ] && echo "return: all passed"
[ $fails -eq 0 ]
