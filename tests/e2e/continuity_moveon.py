#!/usr/bin/env python3
"""MoveOn continuity: sessions that steer to a moment where MoveOn used to contradict itself, and
check that what is shown there fits what happened before it; and the words of MoveOn's corner
choices, listed for every term that can stand at each corner, checked for manners that read as
nonsense after the choice's own sentence. Sessions are played by routes.py's driver, as in
continuity.py.

Usage: continuity_moveon.py VERBEELD TMPDIR   (exit 1 when a check fails)
"""
import os
import re
import sys

from routes import OPTION, after, expect, failures, play


ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


# ---------------------------------------------------------------- the words of corner choices
# For every corner choice of MoveOn and every term that can stand at its corner for some cast
# (every role is playable on every quadrant, so every quadrant of the lexicon), the words a
# participant sees: the variant for the term, else the choice's sentence with the term's manner.
def lexicon():
    """The quadrants of characters/quadrants.lua (each with its opposite) and each term's
    manner, {term: (nl, en)}."""
    with open(os.path.join(ROOT, "characters", "quadrants.lua"), encoding="utf-8") as f:
        src = f.read()
    manners, quads = {}, set()
    for m in re.finditer(r'\n  q\((.*?)\n    \{ nl = "(?:Je|Als)', src, re.S):
        heads = []
        for t in re.finditer(r'\{ nl = "([^",]{1,40})", en = "[^"]+"(?:,\s*power = "\w+")?,?\s*'
                             r'(?:manner = \{ nl = "([^"]+)",\s*en = "([^"]+)" \})?', m.group(1)):
            heads.append(t.group(1))
            if t.group(2) and t.group(1) not in manners:
                manners[t.group(1)] = (t.group(2), t.group(3))
        c, p, ch, a = heads[:4]
        quads |= {(c, p, ch, a), (ch, a, c, p)}
    return sorted(quads), manners


def corner_words(path):
    """(choice id, role, corner, term, nl, en, is_variant) for every corner choice and term."""
    import xml.etree.ElementTree as ET
    ns = "{urn:verbeeld:scenario:1}"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    quads, manners = lexicon()
    corners = ["core", "pitfall", "challenge", "allergy"]
    root = ET.parse(path).getroot()
    out = []
    for scene in root.iter(ns + "scene"):
        for c in scene.findall(ns + "choice"):
            corner = c.get("corner")
            if not corner:
                continue
            by = c.get("by") or scene.get("who")
            words = {t.get(lang): t.text or "" for t in c.findall(ns + "text")}
            variants = {v.get("term"): v for v in c.findall(ns + "variant")}
            for term in sorted({q[corners.index(corner)] for q in quads}):
                if term in variants:
                    w = {t.get(lang): t.text or "" for t in variants[term].findall(ns + "text")}
                    out.append((c.get("id"), by, corner, term, w.get("nl", ""), w.get("en", ""), True))
                else:
                    m = manners[term]
                    out.append((c.get("id"), by, corner, term, words.get("nl", "").replace("{manner}", m[0]),
                                words.get("en", "").replace("{manner}", m[1]), False))
    return out, manners


words, manners = corner_words(os.path.join(ROOT, "scenarios", "moveon.xml"))
if os.environ.get("LIST_CORNERS"):      # LIST_CORNERS=1 ... prints the listing to read
    for cid, by, corner, term, nl, en, var in words:
        print(f"{cid}\t{by}\t{corner}\t{term}\t{'variant' if var else 'generic'}\n  nl: {nl}\n  en: {en}")
# The manners found untrue after a role's sentences, per role (a participant with core
# zorgzaamheid or loslaten plays on the loslaten/zorgzaamheid quadrant). For Isabel: "Je staat op
# en houdt de oefening tegen ..., en daarna laat je het zijn eigen weg gaan", "Je stopt de envelop
# dicht in je tas, en je legt iedereen nog even uit wat goed voor ze is". For the others the same
# tail of betuttelen, e.g. "Je zegt dat je alles goed vindt en appt Sandra dat er niets verandert,
# en je legt iedereen nog even uit wat goed voor ze is" (Karin), and for Karin also the tail of
# loslaten ("Je belt Sandra en de teamleiders, en daarna laat je het zijn eigen weg gaan"). The
# tails of chaos and slordigheid make a sentence say two things at once ("Je zegt Koen wat je van
# zijn getal vindt, en halverwege ben je alweer met iets anders bezig"; "Je geeft haar ter plekke
# antwoord, en de details zie je later wel"). The tail of zorgzaamheid names the quality instead of
# showing it, and reads oddly where nobody else is there ("Je vraagt Philippe om tijd en belooft dat
# hij het als eerste van jou hoort, en je houdt in de gaten wie het zwaar heeft", on the phone). The
# tail of perfectionisme needs words to correct ("Je trekt je terug, en je verbetert jezelf tot elk
# woord precies goed zit"); Koen's scenes with all four of his own pair fixed never show it, so he
# is left out for that term. The tail of starheid contradicts every sentence that gives in or
# withdraws ("Je zegt dat je alles goed vindt, en je wijkt geen millimeter af van hoe het hoort"),
# the tail of wegcijferen every sentence that claims something ("Je zegt wat voor jou niet
# onderhandelbaar is, en wat jij zelf wilt, laat je er maar buiten"). No
# corner choice of these roles may show these manners: each has a variant that acts the term out.
UNTRUE = {"vip": ["loslaten", "betuttelen", "onverschilligheid", "chaos", "slordigheid", "zorgzaamheid", "perfectionisme", "starheid", "wegcijferen", "angstvalligheid", "naïviteit", "arrogantie", "roekeloosheid"],
          "ops": ["betuttelen", "loslaten", "onverschilligheid", "chaos", "slordigheid", "zorgzaamheid", "perfectionisme", "starheid", "wegcijferen", "angstvalligheid", "naïviteit", "arrogantie", "roekeloosheid"],
          "cfo": ["betuttelen", "loslaten", "onverschilligheid", "chaos", "slordigheid", "zorgzaamheid", "starheid", "wegcijferen", "angstvalligheid", "naïviteit", "arrogantie", "roekeloosheid"],
          "groep": ["betuttelen", "loslaten", "onverschilligheid", "chaos", "slordigheid", "zorgzaamheid", "perfectionisme", "starheid", "wegcijferen", "angstvalligheid", "naïviteit", "arrogantie", "roekeloosheid"],
          "online": ["betuttelen", "loslaten", "onverschilligheid", "chaos", "slordigheid", "zorgzaamheid", "perfectionisme", "starheid", "wegcijferen", "naïviteit", "arrogantie"]}
n = "corner-words"
for role, terms in UNTRUE.items():
    for term in terms:
        nl, en = manners[term]
        bad = [cid for cid, by, corner, t, wnl, wen, var in words
               if by in (role, "each") and t == term and (nl in wnl or en in wen)]
        expect(n, not bad, f"{role}'s corner choices show the manner of {term} after their own sentence: {', '.join(bad)}")

# Sentences a play-tester found read as nonsense with a term's manner: Koen leaving his bag in
# the hall "and you keep hammering at it until someone gives in", Wim on the phone with Guido
# alone "until someone gives in", Femke withdrawing and hammering on. Each has its own words.
n = "corner-words-fitted"
FITTED = {("aankomst-koen-allergie", "drammen"), ("aankomst-koen-allergie", "pleasen"),
          ("aankomst-koen-valkuil", "drammen"), ("aankomst-koen-valkuil", "pleasen"),
          ("tw-wim-allergie", "drammen"), ("tw-wim-allergie", "pleasen"),
          ("aankomst-wim-valkuil", "pleasen"), ("nasmaak-femke-allergie", "drammen"),
          ("nasmaak-isabel-allergie", "drammen"), ("roddel-wim-buiten-valkuil", "pleasen"),
          ("nasmaak-wim-valkuil", "pleasen"), ("laptop-femke-uitdaging", "verbinden"),
          ("laptop-femke-uitdaging", "daadkracht")}
generic = {(cid, t) for cid, by, corner, t, wnl, wen, var in words if not var}
expect(n, not FITTED & generic, f"these choices show a manner that does not fit their sentence: {sorted(FITTED & generic)}")
# The manners of drammen and pleasen are said to one person as well as to a group (a phone call,
# a talk in a doorway): they do not wait for "someone" to give in or "everyone" to smile at.
for term in ("drammen", "pleasen", "verbinden"):
    expect(n, not re.search(r"\biemand\b|\biedereen\b|\bsomeone\b|\beveryone\b", " ".join(manners[term])),
           f"the manner of {term} needs a group: {manners[term]}")

# The same, played: a participant with core zorgzaamheid plays Isabel (on loslaten), one with
# core loslaten plays her on zorgzaamheid; no option on their screens carries those manners.
for core, cast_on in (("zorgzaamheid", "loslaten"), ("loslaten", "zorgzaamheid")):
    for lang, k in (("nl", 0), ("en", 1)):
        n = f"isabel-on-{cast_on}-{lang}"
        t = play(n, "moveon", f"""<cast scenario="moveon" xmlns="urn:verbeeld:cast:1">
  <participant name="Iris" core="{core}" goal="x" role="vip"/>
</cast>
""", lang, wishes=[], seed=5)
        shown = [w for _, w in OPTION.findall(t)]
        bad = [w for w in shown if manners["loslaten"][k] in w or manners["betuttelen"][k] in w]
        expect(n, len(shown) > 10 and not bad, f"Isabel is offered a frame with a manner that contradicts it: {bad[:3]}")

# ---------------------------------------------------------------- Femke answered Maarten at night
# At 01:17 Femke replies to Maarten: "Spaar je moeite, wij kopen het zelf". Later she does not
# tell the team "Ik heb nog geen nee gezegd", nor thank Maarten for the offer as if it were new.
MOVEON5 = """<cast scenario="moveon" xmlns="urn:verbeeld:cast:1">
  <participant name="Sanne" core="verbinden" goal="x" role="ops"/>
  <participant name="Joris" core="daadkracht" goal="x" role="groep"/>
  <participant name="Ayla" core="tact" goal="x" role="vip"/>
  <participant name="Bram" core="flexibiliteit" goal="x" role="cfo"/>
  <participant name="Mehmet" core="voorzichtigheid" goal="x" role="online"/>
</cast>
"""
STOP = r"(?i)\bstop\b|not doing this|not taking part"
STOP_NL = r"Stop\.|wij niet doen|doe niet mee"
t = play("femke-spaar", "moveon", MOVEON5, "nl",
         wishes=[r"Spaar je moeite, Maarten", r"Horizon heeft me een baan aangeboden", STOP_NL,
                 r"Maarten, dank voor het aanbod|Maarten, wat ik vrijdagnacht schreef"])
n = "femke-spaar"
later = after(t, "Verzonden, 01:17")
expect(n, later and "Horizon heeft me een baan aangeboden" in later and "nee gezegd" not in later,
       "after replying 'Spaar je moeite' at 01:17 Femke says she has not said no yet")
expect(n, "Maarten, dank voor het aanbod. Nee." not in later and "Maarten, wat ik vrijdagnacht schreef" in later,
       "on Sunday Femke thanks Maarten for the offer as if she had not answered him on Friday night")

# ---------------------------------------------------------------- Wim tells, Isabel hears it
# Face to face Wim tells everyone about Guido's heart before Isabel's turn: what she says to Wim
# then does not pass it by with something kind about his coach trips. Guido's surprise visit
# afterwards does not say he made Wim keep quiet.
t = play("wim-tells", "moveon", MOVEON5, "nl",
         wishes=[r"Ik wacht niet langer\. Guido heeft in mei", STOP_NL, r"busreizen|Lissabon bent gaan halen",
                 r"Waarom heb je het me niet gewoon gezegd"],
         avoid=[r"(?i)hartinfarct|zijn hart|hart\b"],
         inject=[(r"Ik wacht niet langer\. Guido heeft in mei(.|\n)*Recht in het gezicht|Ik wacht niet langer\. Guido heeft in mei(.|\n)*\n== ", "/inject bezoek")])
n = "wim-tells"
told = after(t, "Ik wacht niet langer. Guido heeft in mei")
expect(n, told and "iets liefs over zijn busreizen" not in told and "Lissabon bent gaan halen" in told,
       "after Wim told about the heart, Isabel is offered something kind about his coach trips")
visit = after(told, "Een kwartier")
expect(n, visit and "Wim te laten zwijgen" not in visit,
       "Guido says he made Wim keep quiet after Wim told everyone")

# ---------------------------------------------------------------- Guido, when he knows Wim told
# The line itself, for both ways Guido's trust can go: read from the script, so that the check
# does not depend on the trust a session happens to reach.
with open(os.path.join(ROOT, "characters", "moveon", "guido.lua"), encoding="utf-8") as f:
    guido = f.read()
n = "guido-wim"
told_branch = guido.split("story.facts.wim_verteld", 1)
expect(n, len(told_branch) == 2 and "Wim te laten zwijgen" not in told_branch[1].split("end", 1)[0],
       "Guido's visit has no words for when Wim has told, and says he made Wim keep quiet")

# ---------------------------------------------------------------- Isabel in the salon, Guido in the hall
t = play("isabel-salon", "moveon", MOVEON5, "nl",
         wishes=[r"Ik wil het\. Niet omdat het van papa is", STOP_NL, r"Waarom heb je het me niet gewoon gezegd"],
         inject=[(r"Stoofvlees en Orval", "/inject bezoek")])
n = "isabel-salon"
salon = after(t, "Ik wil het. Niet omdat het van papa is").split("Zondag")[0]
expect(n, salon and "Zeg het nog eens, maar dan zittend" in salon,
       "nobody reacts when Isabel walks into the salon and says she wants MoveOn")
hall = after(t, "Waarom heb je het me niet gewoon gezegd")
expect(n, hall and "Omdat ik bang was, meisje" in hall.split("Hij blijft een kwartier")[0],
       "Guido does not answer what Isabel says to him in the hall")

# ---------------------------------------------------------------- the letter after Guido's visit
# Guido comes back on Saturday evening and tells the team about his heart himself, in the kitchen;
# the letter read on Sunday morning does not announce it again as news. Without the visit, the
# letter is where the team hears it, and it says so.
for name, inject in (("letter-after-visit", [(r"Stoofvlees en Orval", "/inject bezoek")]), ("letter-no-visit", [])):
    t = play(name, "moveon", MOVEON5, "nl",
             wishes=[r"Je scheurt hem open", r"Waarom heb je het me niet gewoon gezegd"], inject=inject)
    letter = after(t, "Lieve Isabel, lieve allemaal").split("Hôtel de la Source")[0]
    visited = "Hij blijft een kwartier" in t.split("Lieve Isabel, lieve allemaal")[0]
    expect(name, letter and visited == bool(inject), "the session did not reach the letter on the way intended")
    news = "In mei is mijn hart blijven stilstaan" in letter
    expect(name, news != visited, "after Guido told the team about his heart in person, the letter announces it again as news"
           if visited else "without Guido's visit, the letter no longer tells the team about his heart")

# ---------------------------------------------------------------- where Isabel and the envelope are
# Isabel played on the quadrant with loslaten at its core (a participant whose core is
# zorgzaamheid): on Friday she tells her father to sit down; on Saturday night she says she wants
# MoveOn, puts Guido's envelope on the mantelpiece and goes upstairs; Guido's visit finds her
# cold. What follows each fits where she is and what she did.
LOSLATEN = MOVEON5.replace('core="tact" goal="x" role="vip"', 'core="zorgzaamheid" goal="x" role="vip"')
t = play("isabel-upstairs", "moveon", LOSLATEN, "en",
         wishes=[r"put the envelope on the mantelpiece and go upstairs",
                 r"You leave him standing in the doorway", STOP],
         inject=[(r"Sunday morning, he said", "/inject bezoek")])
n = "isabel-upstairs"
night = after(t, "put the envelope on the mantelpiece and go upstairs")
expect(n, night and "Sit down, love" not in night.split("Breakfast")[0] and "Her footsteps go up the stairs" in night,
       "Wim tells Isabel to sit down in the drawing room after she went upstairs")
expect(n, "takes the envelope down from the mantelpiece" in night and "Isabel puts the envelope beside her plate" not in night,
       "at breakfast the envelope is beside Isabel's plate though she left it on the mantelpiece")
door = after(t, "You leave him standing in the doorway")
expect(n, door and "as if unsure he's allowed" in door and "Then he gets up, kisses his daughter" not in door,
       "Guido kisses his daughter as if nothing happened after she left him standing in the doorway")
for m in re.finditer(r"(?:your|the) envelope back on the pile", t):
    expect(n, "pile of brown envelopes" in t[:m.start()], "an envelope goes back on a pile nobody mentioned")

# On Friday Isabel tells her father to sit down (Isabel on her own quadrant, then on the one with
# geduld at its core, whose words wait until he does): the gravel says what he did first.
t = play("isabel-sit", "moveon", MOVEON5, "en", wishes=[r"^‘Dad\. Sit down\. Why\? Say it here"], limit=25)
gravel = after(t, "Not to a taxi.").split("Dame blanche")[0]
expect("isabel-sit", "Guido doesn't sit down" in gravel
       and gravel.find("Guido doesn't sit down") < gravel.find("beside her father at the taxi"),
       "Isabel tells her father to sit down, and the next line has her beside him at the taxi")
GEDULD = MOVEON5.replace('core="tact" goal="x" role="vip"', 'core="daadkracht" goal="x" role="vip"') \
                .replace('core="daadkracht" goal="x" role="groep"', 'core="tact" goal="x" role="groep"')
t = play("isabel-wait", "moveon", GEDULD, "en", wishes=[r"Sit down a moment\. We have time"], limit=25)
gravel = after(t, "We have time").split("Dame blanche")[0]
expect("isabel-wait", "Guido sits down, on the edge of his chair" in gravel and "Guido doesn't sit down" not in gravel,
       "Isabel waits until her father sits down, and the next line has her beside him at the taxi")

# The rumour can start in the middle of the blind walk: Karin does not call from her bed.
with open(os.path.join(ROOT, "scenarios", "moveon.xml"), encoding="utf-8") as f:
    xml = f.read()
expect("rumour-bed", "vanaf het bed op je kamer" not in xml and "from the bed in your room" not in xml,
       "Karin calls from the bed in her room, though the rumour can come during the blind walk")

if failures:
    print("continuity_moveon:", *failures, sep="\n  ")
    sys.exit(1)
