#!/bin/sh
# The school's thirty posters, printed: in Dutch and in English, each poster one A4 page (and one
# A1 page when the page size is set to A1), every picture in the page, every font embedded in
# the PDF, and every character of the text (the page's and its drawings') in the fonts the page
# names, so no poster shows a missing-glyph box. The glyph check is first shown to catch a
# character no font has (漢). Needs headless Chromium, poppler-utils and fontconfig: without
# them it says so and passes.  Usage: sh tests/e2e/posters.sh VERBEELD TMPDIR
set -u
cd "$(dirname "$0")/../.." || exit 2
V=$1
T=$2/posters
mkdir -p "$T"
export NO_COLOR=1 LC_ALL=C.UTF-8
unset LANG LANGUAGE LC_MESSAGES
fails=0
fail() { echo "FAIL: posters: $*"; fails=$((fails + 1)); }

cat > "$T/cast.xml" <<'CAST'
<cast scenario="school" xmlns="urn:verbeeld:cast:1">
  <participant name="Amira" core="verbinden" goal="Risico durven nemen" card="elin"/>
</cast>
CAST
for l in nl en; do
    "$V" sheets school --cast "$T/cast.xml" -o "$T/$l" --lang $l > /dev/null || fail "sheets --lang $l exited $?"
    f=$T/$l/cards-kinderen.html
    [ "$(grep -o 'class="page poster"' "$f" | wc -l)" -eq 30 ] || fail "$l: not 30 posters"
    # A portrait and a drawing on every poster, from the scenario's folder, in the page itself.
    [ "$(grep -o 'src="data:image/svg+xml;base64,' "$f" | wc -l)" -eq 60 ] || fail "$l: not 60 pictures in the page"
    ! grep -q 'drawing empty\|class="initial"' "$f" || fail "$l: a poster lacks its picture"
done
grep -q 'Van de juf of meester' "$T/nl/cards-kinderen.html" || fail "nl: the teacher's note is not headed in Dutch"
grep -q 'From the teacher' "$T/en/cards-kinderen.html" || fail "en: the teacher's note is not headed in English"

# Every character of the page's text and of the text in its pictures, against the characters
# the fonts the page names have (fc-query's charset of the file fontconfig finds for each face:
# the poster's regular, bold, italic and bold italic DejaVu Sans, DejaVu Sans Mono for a card's art).
# Prints what no font has; exits 1 then.
glyphs() {
    python3 - "$1" <<'PY'
import base64, html.parser, re, subprocess, sys
def charset(pattern):
    f = subprocess.run(['fc-match', '-f', '%{file}', pattern], capture_output=True, text=True).stdout
    if 'DejaVu' not in f:
        sys.exit('posters: %s is not installed (fontconfig gives %s)' % (pattern, f or 'nothing'))
    cs = set()
    for r in subprocess.run(['fc-query', '-f', '%{charset}', f], capture_output=True, text=True).stdout.split():
        a, _, b = r.partition('-')
        cs.update(range(int(a, 16), int(b or a, 16) + 1))
    return cs
sans = charset('DejaVu Sans') & charset('DejaVu Sans:bold') & charset('DejaVu Sans:italic') & charset('DejaVu Sans:bold:italic')
mono = charset('DejaVu Sans Mono')
class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.text = {'sans': [], 'mono': []}; self.svgs = []
    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        src = dict(attrs).get('src') or ''
        if src.startswith('data:image/svg+xml;base64,'): self.svgs.append(base64.b64decode(src.split(',', 1)[1]).decode())
    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag: pass
    def handle_data(self, d):
        if 'style' in self.stack or 'title' in self.stack: return
        self.text['mono' if 'pre' in self.stack else 'sans'].append(d)
t = Text(); t.feed(open(sys.argv[1], encoding='utf-8').read())
for svg in t.svgs:      # the text in a drawing: what its <text> elements say
    t.text['sans'] += [html.unescape(x) for x in re.findall(r'<text[^>]*>([^<]*)</text>', svg)]
missing = {}
for kind, have in (('sans', sans), ('mono', mono)):
    for ch in ''.join(t.text[kind]):
        if not ch.isspace() and ord(ch) not in have: missing[ch] = kind
for ch, kind in missing.items():
    print('posters: U+%04X %s is in no DejaVu %s face' % (ord(ch), ch, 'Sans Mono' if kind == 'mono' else 'Sans'))
sys.exit(1 if missing else 0)
PY
}

# A PDF's pages, and whether every font in it is embedded (pdffonts' column "emb").
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
unembedded() { pdffonts "$1" 2>/dev/null | awk 'NR > 2 && $(NF-4) != "yes"' ; }

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ] || ! command -v pdffonts > /dev/null 2>&1 || ! command -v fc-query > /dev/null 2>&1; then
    echo "posters: chromium, poppler-utils (pdffonts) or fontconfig (fc-query) is not installed; the printed posters are not checked"
    [ "$fails" -eq 0 ]; exit
fi
print() {   # print $1 to PDF $2
    rm -f "$2"
    timeout 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$2" "file://$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" > /dev/null 2>&1
}

# First the check itself: a poster with a character no installed font has must fail it.
sed 's#<h1>Elin</h1>#<h1>Elin 漢</h1>#' "$T/nl/cards-kinderen.html" > "$T/probe.html"
grep -q 'Elin 漢' "$T/probe.html" || fail "the probe poster was not made"
glyphs "$T/probe.html" > "$T/probe.out" 2>&1 && fail "the glyph check passes a poster with 漢 in it"
grep -q 'U+6F22' "$T/probe.out" || { fail "the glyph check does not name U+6F22"; cat "$T/probe.out"; }

for l in nl en; do
    f=$T/$l/cards-kinderen.html
    glyphs "$f" || fail "$l: characters without a glyph"
    print "$f" "$T/$l.pdf"
    n=$(pages "$T/$l.pdf"); [ "${n:-0}" -eq 30 ] || fail "$l: printed posters: ${n:-no} pages, want 30"
    pdfinfo "$T/$l.pdf" 2>/dev/null | grep -q 'Page size: *59[45]\.[0-9]* x 841\.[0-9]* pts' || fail "$l: the posters are not A4"
    [ -n "$(pdffonts "$T/$l.pdf" 2>/dev/null | sed -n '3,$p')" ] || fail "$l: no fonts in the PDF"
    [ -z "$(unembedded "$T/$l.pdf")" ] || { fail "$l: fonts not embedded"; unembedded "$T/$l.pdf"; }
    ! pdffonts "$T/$l.pdf" 2>/dev/null | sed -n '3,$p' | grep -v -q DejaVu || { fail "$l: a font other than DejaVu was used"; pdffonts "$T/$l.pdf"; }
done
# The same posters on A1: one page each still, every size grown with the page.
sed 's/size: 210mm 297mm/size: 594mm 841mm/' "$T/en/cards-kinderen.html" > "$T/a1.html"
print "$T/a1.html" "$T/a1.pdf"
n=$(pages "$T/a1.pdf"); [ "${n:-0}" -eq 30 ] || fail "A1: printed posters: ${n:-no} pages, want 30"
pdfinfo "$T/a1.pdf" 2>/dev/null | grep -q 'Page size: *168[34]\.[0-9]* x 238[34]\.[0-9]* pts' || fail "A1: the posters are not A1"
# Grown, not only placed on a larger sheet: the name is 594/210 = 2.83 times as wide as on A4.
width() { pdftotext -bbox -f 1 -l 1 "$1" - 2>/dev/null | awk -F'"' '/>Elin</ { print $6 - $2; exit }'; }
awk -v a="$(width "$T/en.pdf")" -v b="$(width "$T/a1.pdf")" 'BEGIN { exit !(a > 0 && b / a > 2.7 && b / a < 3) }' \
    || fail "A1: the name is $(width "$T/a1.pdf") points wide, on A4 $(width "$T/en.pdf"): it did not grow with the page"

[ "$fails" -eq 0 ]
