#!/bin/sh
# Bring the catalogs up to date with the sources: regenerate the template, merge it into
# nl.po (new and changed messages come out untranslated or fuzzy: translate them), and rebuild
# en.po, whose translations are the English messages themselves.
set -eu
cd "$(dirname "$0")/.."
make pot
msgmerge -q -U --backup=none po/nl.po po/verbeeld.pot
head=$(sed '/^$/q' po/en.po)
{ printf '%s\n\n' "$head"; msgen po/verbeeld.pot | sed '1,/^$/d'; } > po/en.po.new && mv po/en.po.new po/en.po
msgattrib --only-fuzzy po/nl.po | grep -c '^msgid' >/dev/null && echo "po/nl.po: translate the fuzzy entries" || true
msgattrib --untranslated po/nl.po | grep '^msgid' | tail -n +2 | sed 's/^/untranslated: /' || true
