#!/bin/bash
# Typing on the lists a clerk searches (issue 14): on the dashboard and the client list every
# printable character, digits too, goes to the filter and never fires a command (sandra, diana,
# Ana, camila, germ, 2026); the commands are F-keys and Alt-letters, Esc then the letter standing
# for Alt. The filter ignores case and accents (gomez, almacen, angela, nandu). Esc clears a typed
# filter, then asks before leaving, and the question takes the language's keys (s/n in Spanish).
. "$(dirname "$0")/lib.sh"

cart demo --clients 300 --seed 5 --quiet
assert_status 0 "demo ledger with 300 clients"
cart client add "Ferretería Ñandú" --receiver final --terms 30
assert_status 0 "a client with Ñ and ú"
cart invoice post --override "prueba" 301 100,00 --date 2026-06-01
assert_status 0 "an invoice for it"

START=dashboard
for name in sandra diana Ana camila; do
	screen "<A-4>${name}<dump>"
	S=$(text 1)
	assert_match "$(row "$S" 1)" 'Dashboard as of 2026-06-30$' "$name: still the dashboard"
	assert_match "$S" "Filter: ${name}" "$name: all of it in the filter"
done
screen "<A-4>sandra<dump>" --size 132x24
assert_match "$(text 1)" 'Sandra Milena Guerrero' "sandra finds Sandra on the Clients tab"
screen '<Tab>2026<dump>'
assert_match "$(text 1)" 'Filter: 2026' "digits type too"

# accents and case aside, on the dashboard's Clients tab
for pair in 'gomez:Esteban Gómez Vélez' 'almacen:Almacén El Jardín' 'angela:Ángela Peñalosa Cruz' \
	'nandu:Ferretería Ñandú' 'GERMAN:Germán Cabrera'; do
	screen "<A-4>${pair%%:*}<dump>" --size 132x24
	assert_contains "$(text 1)" "${pair#*:}" "${pair%%:*} finds ${pair#*:} on the dashboard"
done

# commands: Alt keys, and Esc then the letter
screen '<A-s><dump>'
assert_match "$(text 1 | row "$(cat)" 1)" 'Statement' "Alt-s opens the statement"
screen "<F1><dump>" --size 100x70
assert_contains "$(text 1)" "Alt-s" "the help lists Alt-s"
assert_not_contains "$(text 1)" "…" "the help cuts nothing"

# Esc: the filter first, then a question with the language's keys
screen 'ana<Esc><dump><Esc><dump>n<dump><Esc>y'
assert_not_contains "$(text 1)" "Filter: ana" "Esc empties the filter"
assert_contains "$(text 2)" "Leave cartera? (y/n)" "then Esc asks, saying which keys"
assert_match "$(text 3 | row "$(cat)" 1)" 'Dashboard as of' "n: still there"
assert_eq 3 "$(grep -c '^---- dump ' "$T/dump")" "y: left (no further dump)"
LANGUAGE=es screen '<Esc><dump>s'
assert_contains "$(text 1)" "(s/n)" "in Spanish it says s/n"
assert_status 0 "s answers yes in Spanish"

# the client list: germ types, Alt-n opens the form
START=clients
screen 'germ<dump>'
S=$(text 1)
assert_match "$(row "$S" 2)" '^Filter: germ' "germ on the client list: all in the filter"
assert_contains "$S" "Germán Cabrera Figueroa" "and found, accent aside"
screen 'nandu<dump>'
assert_contains "$(text 1)" "Ferretería Ñandú" "nandu finds Ñandú on the client list"
screen '<A-n><dump>'
assert_contains "$(text 1)" "New client" "Alt-n: a new client"

# the picker: accent-free too
START=dashboard
screen '<A-R>gomez<dump>'
assert_contains "$(text 1)" "Esteban Gómez Vélez" "gomez finds Gómez in the receipt's client picker"

# colours of the totals as seed 001: due blue (pair 6), overdue red (7), credits green (8); plain
# attributes without colours: overdue bold, credits underlined
screen '<dump>'
A=$(attrs 1 | row "$(cat)" 3)
assert_match "$A" '^ *6+ +7+ +8+' "due blue, overdue red, credits green"
NO_COLOR=1 screen '<dump>'
A=$(attrs 1 | row "$(cat)" 3)
assert_match "$A" '^ +B+ +U+$' "NO_COLOR: overdue bold, credits underlined, due and net plain"

# a document by its number, from the dashboard and from the client list
START=dashboard
screen '<A-b><dump>FAC-000010<Enter><dump>' --size 100x30
assert_contains "$(text 1)" "Find a document" "Alt-b asks for a document's number"
assert_contains "$(text 2)" "FAC-000010" "Enter shows that document"
START=clients
screen '<A-b>FAC-000011<Enter><dump>' --size 100x30
assert_contains "$(text 1)" "FAC-000011" "from the client list too"
screen '<A-b>FAC-999999<Enter><dump>'
assert_match "$(text 1 | row "$(cat)" 23)" 'FAC-999999' "an unknown number: said on the status line"

# one and two letters on the Clients tab are looked for in the clients the model keeps in name
# order (issue 14, speed): the same clients whatever the case and accents, and PgDn pages them
count_of() { text 1 | row "$(cat)" 5 | grep -o '[0-9]*–[0-9]* of [0-9.]*'; }
START=dashboard
screen "<A-4>n<dump>"
N1=$(count_of)
assert_match "$N1" '^1–16 of [0-9]' "one letter on Clients: a page and a count ($N1)"
for typed in ñ N Ñ; do
	screen "<A-4>${typed}<dump>"
	assert_eq "$(count_of)" "$N1" "\"$typed\" finds what \"n\" finds"
done
screen "<A-4>na<dump>"
N2=$(count_of)
screen "<A-4>ÑÁ<dump>"
assert_eq "$(count_of)" "$N2" "\"ÑÁ\" finds what \"na\" finds ($N2)"
screen "<A-4>n<PgDn><dump>"
assert_eq "$(count_of)" "16–31 of ${N1##* }" "PgDn in a one-letter search: the next page"

check_ok "typing changed nothing"
done_testing
