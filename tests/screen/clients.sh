#!/bin/bash
# The client list screen, driven by key scripts with no terminal (--keys/--dump/--size): screen
# text and attribute maps compared with what is written here.
. "$(dirname "$0")/lib.sh"

cart demo --clients 40 --seed 5 --quiet
assert_status 0 "demo ledger with 40 clients"

screen '<dump><Down><dump>'
assert_status 0 "a key script runs with no terminal"
assert_eq "---- dump 1 (80x24) ----" "$(head -n 1 "$T/dump")" "dump header names the size"
S=$(text 1)
assert_eq 24 "$(wc -l <<<"$S")" "24 text rows"
expected=" cartera — Distribuidora Andina S.A.S.                                   Clients
Filter:                                                               1–19 of 40
Name ▲                          Tax id           Phone                   Balance
Adriana Giraldo Moya            38684003-5       608 638 4617       7.194.860,30
Agropecuaria Acosta de Colombi… 901981389-6      601 596 9855       1.990.572,69
Alejandro Garzón Peña           38647721-8                                  0,00"
assert_eq "$expected" "$(head -n 6 <<<"$S")" "first screen: title, filter and count, header, first rows"
assert_eq "Eléctricos Rápidos del Norte S… 905163781-6      602 978 9841               0,00" \
	"$(row "$S" 22)" "19 rows fill the screen at 80x24 (Álvaro and Édgar among the A's and E's)"
assert_eq "F1 Help Enter Open F2 New F4 Edit F6 Sort F10 Quit F3 Find F5 Import F7 Export" "$(row "$S" 24)" \
	"key bar: the keys that work here (one blank apart, so Find, Import and Export fit at 80)"
A=$(attrs 1)
assert_eq "$R80" "$(row "$A" 4)" "the selected (first) row is reverse across the screen"
assert_eq "" "$(row "$A" 5)" "the second row is plain"
assert_match "$(row "$A" 1)" '^1+$' "title in colour pair 1"
A=$(attrs 2)
assert_eq "" "$(row "$A" 4)" "Down: the first row is plain again"
assert_eq "$R80" "$(row "$A" 5)" "Down: the second row is selected"

# display widths: every column starts at the same screen column, ñ and á included
S=$(text 1)
cols=$(sed -n '3,22p' <<<"$S" | "$PYTHON" -c '
import sys
# the tax id column starts at display column 32 on every row (all these characters are 1 wide)
print(sorted({len(l) - len(l[32:]) if l[31] == " " and l[32] != " " else -1 for l in sys.stdin.read().splitlines()}))')
assert_eq "[32]" "$cols" "columns line up by display width (Garzón Peña, Almacén...)"
assert_contains "$(row "$S" 6)" "Alejandro Garzón Peña           38647721-8" "ñ/ó name padded to its column"

screen 'Peñ<dump><Backspace><dump><Backspace><Backspace><Backspace><dump>'
S=$(text 1)
assert_eq "Filter: Peñ                                                             1–1 of 1" \
	"$(row "$S" 2)" "typing Peñ filters: the count says 1"
assert_eq "Alejandro Garzón Peña           38647721-8                                  0,00" \
	"$(row "$S" 4)" "typing Peñ: the matching client"
assert_eq "" "$(row "$S" 5)" "typing Peñ: nothing else"
assert_contains "$(row "$S" 24)" "F8 Clear" "with a filter the key bar offers Clear"
S=$(text 2)
assert_match "$(row "$S" 2)" '^Filter: Pe +1–[0-9]+ of [0-9]+$' "Backspace removes the whole ñ"
assert_not_contains "$(row "$S" 2)" "of 1" "Backspace widens the list"
S=$(text 3)
assert_match "$(row "$S" 2)" '^Filter: +1–19 of 40$' "empty filter: all 40 again"

screen '901<dump>'
assert_match "$(text 1 | row "$(cat)" 2)" 'of [0-9]+$' "a tax id filter"
n=$(text 1 | sed -n '4,22p' | grep -c ' 901')
assert_eq "$(text 1 | sed -n 2p | sed 's/.* of //')" "$n" "a tax id filter: every row shown has it, count agrees"

screen '<F1><dump><Esc><A-?><dump><Esc><dump>'
S=$(text 1)
assert_contains "$(row "$S" 1)" "Help: Clients" "F1 opens the help screen"
for k in "F1 Alt-?" "Enter" "F6 C-o" "F8 C-u" "F10 Esc" "Up C-p" "Down C-n" "PgUp" "PgDn" "Home" "End" \
	"Backspace"; do
	assert_match "$S" "^ ${k/\?/\\?} +[a-z]" "help lists $k"
done
assert_eq "Esc Close" "$(row "$S" 24)" "help key bar"
assert_contains "$(text 2)" "Help: Clients" "Alt-? opens the help screen too"
assert_contains "$(text 3 | head -n 1)" "Clients" "Esc goes back to the list"

screen 'q<dump>'
assert_match "$(text 1 | sed -n 2p)" '^Filter: q ' "q types into the empty filter too (issue 14)"
screen '<F10><dump>'
assert_eq "" "$(cat "$T/dump" 2>/dev/null)" "F10 quits"
assert_status 0 "F10: exit 0"
screen 'Jq<dump><Esc>'
assert_match "$(text 1 | sed -n 2p)" '^Filter: Jq ' "q types into a filter that is not empty"

screen '<Down><Down><Enter><dump><Esc><dump>'
S=$(text 1)
assert_contains "$S" "Alejandro Garzón Peña ─" "Enter opens the selected client"
assert_contains "$S" "Tax id        38647721-8" "detail: tax id with DV"
assert_contains "$S" "Totals as of 2026-06-30" "detail: the totals as of today"
assert_contains "$(row "$S" 24)" "Esc Close" "detail key bar"
assert_not_contains "$(text 2)" "Totals as of" "Esc closes the detail"
screen '<Enter><dump>'
assert_match "$(text 1)" '│ COP +[0-9.,-]+ +[0-9.,-]+ +[0-9.,-]+ +[0-9.,-]+ │' \
	"detail: due, overdue, credits and net of a client with open items"

screen '<End><dump>'
last=$(text 1 | sed -n 22p)
assert_match "$(attrs 1 | sed -n 22p)" '^R+$' "End selects the last row"
screen '<F6><dump><F6><dump><F6><dump>'
assert_match "$(text 1 | sed -n 3p)" '^Name ▼' "F6: by name, descending"
assert_eq "$last" "$(text 1 | sed -n 4p)" "descending: the last name first"
assert_match "$(text 2 | sed -n 3p)" 'Tax id ▲' "F6 again: by tax id"
ids=$(text 2 | sed -n '4,22p' | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+-[0-9]$/) { print $i; break } }')
assert_eq "$(sort <<<"$ids")" "$ids" "by tax id: rows in tax id order"

screen '<dump>' --size 100x30
S=$(text 1)
assert_eq "---- dump 1 (100x30) ----" "$(head -n 1 "$T/dump")" "--size 100x30"
assert_eq 100 "$(row "$S" 1 | "$PYTHON" -c 'import sys; print(len(sys.stdin.read().rstrip("\n")))')" \
	"the title spans 100 columns"
assert_match "$(row "$S" 2)" ' 1–25 of 40$' "30 rows: 25 clients shown"
assert_eq "Agropecuaria Acosta de Colombia S.A.S.              901981389-6      601 596 9855       1.990.572,69" \
	"$(row "$S" 5)" "the wider name column shows whole names"
screen '<resize 100x30><dump>'
assert_eq "---- dump 1 (100x30) ----" "$(head -n 1 "$T/dump")" "<resize> redraws at the new size"

NO_COLOR=1 screen '<dump>'
A=$(attrs 1)
assert_not_contains "$A" "1" "NO_COLOR: no colour digits"
assert_match "$A" '^[ RrBU]*$' "NO_COLOR: plain attributes only"
assert_match "$(row "$A" 1)" '^r+$' "NO_COLOR: title in reverse bold"
assert_eq "$R80" "$(row "$A" 4)" "NO_COLOR: selected row reverse"
TERM=xterm-mono screen '<dump>'
assert_not_contains "$(attrs 1)" "2" "a terminal without colours: no colour digits"

printf '<nope>' >"$T/keys"
run "$CARTERA_BIN" --db "$DB" --keys "$T/keys" --dump "$T/dump"
assert_contains "$ERR" "unknown key <nope>" "a bad key token is reported"
run "$CARTERA_BIN" --db "$DB" --size 10x2 --keys "$T/keys"
assert_status 2 "--size out of range is a usage error"
run "$CARTERA_BIN" --db "$DB" --keys "$T/keys" dashboard
assert_status 2 "--keys with a command is a usage error"
cart
assert_status 0 "no command and no terminal: the dashboard totals"
assert_contains "$OUT" "as of 2026-06-30" "no terminal: prints the totals as before"
run "$CARTERA_BIN" --help
assert_contains "$OUT" "--keys FILE" "--help documents --keys"
assert_contains "$OUT" "--size CxR" "--help documents --size"

done_testing
