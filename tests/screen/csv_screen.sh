#!/bin/bash
# Client CSV export and import from the client list (SPEC C5): F7 / x asks the file name with the
# prompt dialog and writes what `cartera client export` writes; an existing file is replaced only
# when the clerk chooses so; F5 / i imports, says how many clients came in and shows them in the
# list; a file with bad lines imports nothing and lists every bad line with its number and reason
# in a scrollable message window.
. "$(dirname "$0")/lib.sh"

cart demo --clients 40 --seed 5 --quiet
assert_status 0 "demo ledger with 40 clients"
cart client export "$T/cli.csv"
assert_status 0 "the command line's export, to compare"

# ---- export ----
screen "<F7><dump><C-u>$T/out.csv<Enter><dump>"
S=$(text 1)
assert_match "$(row "$S" 9)" '┌─ Export clients ─+┐' "F7 asks for the file in a dialog"
assert_match "$(row "$S" 11)" '│ The CSV file to write, every client in it: +│' "saying what it will write"
assert_match "$(row "$S" 12)" '│ File +clients.csv +│' "a file name offered"
assert_match "$(attrs 1 | row "$(cat)" 12)" '^ *4 B{15} U{11}RU+' "the cursor after the name in the value box"
assert_eq "Enter OK  Esc Cancel" "$(row "$S" 24)" "the prompt's key bar"
S=$(text 2)
assert_eq "40 clients exported to $T/out.csv." "$(row "$S" 23)" "the status line says how many and where"
assert_not_contains "$S" "Export clients" "the dialog is closed"
assert_eq "$(file_sha "$T/cli.csv")" "$(file_sha "$T/out.csv")" "the file is byte for byte what 'cartera client export' writes"
assert_eq 41 "$(wc -l <"$T/out.csv")" "a header and 40 clients"
assert_eq "id,name,tax_id,dv,taxpayer_type,receiver_type,email,phone,mobile,address,location,terms_days,credit_limit,charge_mode,active,notes,curp" \
	"$(head -n 1 "$T/out.csv" | tr -d '\r')" "the header row"
assert_match "$(grep 'Camila García Solano' "$T/out.csv")" '^[0-9]+,Camila García Solano,61449232,2,natural,taxpayer,' \
	"a client's line: name, tax id, DV, types"

# an existing file: choose; Esc and Cancel leave it alone, Replace writes it, Another name asks again
echo "keep me" >"$T/old.csv"
screen "<A-x><C-u>$T/old.csv<Enter><dump><Esc><dump><A-x><Enter>3<dump>"
S=$(text 1)
assert_match "$S" "│ $T/old.csv already exists\\. +│" "an existing file: the dialog says so"
assert_match "$S" '│ +1  Replace it +│' "option 1: replace"
assert_match "$S" '│ +2  Another name +│' "option 2: another name"
assert_match "$S" '│ +3  Cancel +│' "option 3: cancel"
line=$(grep -n '2  Another name' <<<"$S" | cut -d: -f1)
assert_match "$(attrs 1 | row "$(cat)" "$line")" 'R{20,}' "Another name highlighted: the safe choice first"
assert_not_contains "$(text 2)" "already exists" "Esc closes it"
assert_not_contains "$(text 3)" "already exists" "3 (Cancel) closes it"
assert_eq "keep me" "$(cat "$T/old.csv")" "Esc, then Cancel: the file is untouched"
screen "<A-x><C-u>$T/old.csv<Enter><Up><dump><Enter><dump>"
line=$(text 1 | grep -n '1  Replace it' | cut -d: -f1)
assert_match "$(attrs 1 | row "$(cat)" "$line")" 'R{20,}' "Up from Another name: Replace"
assert_eq "40 clients exported to $T/old.csv." "$(text 2 | row "$(cat)" 23)" "Replace: exported"
assert_eq "$(file_sha "$T/cli.csv")" "$(file_sha "$T/old.csv")" "Replace: the file holds the clients"
echo "keep me" >"$T/old.csv"
screen "<A-x><C-u>$T/old.csv<Enter>2<dump><End>2<Enter><dump>"
assert_match "$(text 1 | row "$(cat)" 12)" "│ File +$T/old.csv +│" "Another name: asked again, the name kept to edit"
assert_eq "40 clients exported to $T/old.csv2." "$(text 2 | row "$(cat)" 23)" "written under the new name"
assert_eq "keep me" "$(cat "$T/old.csv")" "the old file untouched"
screen "<A-x><C-u>$T/nodir/x.csv<Enter><dump>"
assert_match "$(text 1 | row "$(cat)" 23)" "cannot write $T/nodir/x.csv: No such file" "a folder that is not there: said on the status line"

# ---- import: a good file ----
printf '\xef\xbb\xbfnombre,nit,telefono,receiver_type\r\nÑandú Importaciones S.A.S.,900123456,601 555 0101,taxpayer\r\n"Pérez, Ana",,,final\r\n' >"$T/good.csv"
dump_save "$DB" before
screen "<F5><dump><C-u>$T/good.csv<Enter><dump>"
S=$(text 1)
assert_match "$(row "$S" 9)" '┌─ Import clients ─+┐' "F5 asks for the file"
assert_match "$(row "$S" 11)" '│ The CSV file to read \(one bad line and nothing is imported\): +│' "saying all or nothing"
S=$(text 2)
assert_eq "2 clients imported from $T/good.csv." "$(row "$S" 23)" "2 clients imported"
assert_match "$(row "$S" 2)" ' of 42$' "the list counts them at once"
assert_not_contains "$S" "Import clients" "no window for a clean import"
screen "Ñandú<dump>"
assert_match "$(text 1 | row "$(cat)" 4)" '^Ñandú Importaciones S\.A\.S\. +900123456-8 +601 555 0101 ' \
	"the imported client in the list, its DV computed"
cart client show 900123456
assert_contains "$OUT" "Ñandú Importaciones S.A.S." "client show finds it"

# ---- import: bad lines; nothing imported, every bad line listed ----
{
	echo "name,tax_id,phone,terms_days,receiver_type"
	for i in $(seq 1 30); do
		case $i in
		3) echo "Mala Uno,12,601 000,30,taxpayer" ;;
		17) echo ",,,,final" ;;
		29) echo "Mala Tres,900123456,,x,taxpayer" ;;
		*) printf 'Cliente %02d,,,30,final\n' "$i" ;;
		esac
	done
} >"$T/bad.csv"
dump_save "$DB" good
screen "<A-i><C-u>$T/bad.csv<Enter><dump><End><dump><Esc><dump>"
S=$(text 1)
assert_match "$S" '┌─ Nothing imported ─+┐' "a bad file: the message window"
assert_contains "$S" "bad.csv: 3 bad lines; nothing was imported" "how many lines are bad, nothing imported"
assert_match "$S" '│ line 4: NIT "12" has 2 digits' "line 4 (the third data line): its reason"
assert_match "$S" '│ line 18: .*name' "line 18: no name"
assert_match "$S" '│ line 30: .*' "line 30 listed"
assert_contains "$(row "$S" 23)" "3 bad lines; nothing was imported" "the status line says it too"
assert_eq "Esc Close" "$(row "$S" 24)" "the message window's key bar"
assert_contains "$(text 3 | row "$(cat)" 2)" " of 42" "Esc: the list, still 42 clients"
assert_dump_same "$DB" good "nothing of the bad file was imported"

# many bad lines scroll: the exported file again, every client a duplicate
screen "<A-i><C-u>$T/out.csv<Enter><dump><PgDn><dump><End><dump>"
S=$(text 1)
assert_contains "$S" "out.csv: 40 bad lines; nothing was imported" "40 duplicates: all refused"
assert_match "$(row "$S" 4)" '│ line 2: .*already' "the first bad line first, under the count"
assert_contains "$S" "↓" "more below: an arrow says so"
assert_not_contains "$S" "line 41:" "the last line is below"
S=$(text 3)
assert_match "$S" '│ line 41: .*already' "End: the last bad line shown"
assert_contains "$S" "↑" "more above: an arrow says so"
assert_not_contains "$S" "│ line 2: " "the first ones scrolled away"
assert_not_contains "$(text 2 | row "$(cat)" 4)" "line 3:" "PgDn scrolled a page"
assert_dump_same "$DB" good "the duplicates added nothing"

# a file that is not there
screen "<A-i><C-u>$T/none.csv<Enter><dump>"
assert_match "$(text 1 | row "$(cat)" 23)" "cannot read $T/none.csv: No such file" "a missing file: said on the status line"
screen "<A-i><Esc><dump>"
assert_not_contains "$(text 1)" "Import clients" "Esc on the prompt: nothing asked, nothing done"

# accepted with a warning (a Mexican RFC's check digit): imported, and the warning shown
DB="$T/mx.db"
cart init --name "Comercial del Norte S.A. de C.V." --country MX --currency MXN
assert_status 0 "a Mexican company's ledger"
printf 'name,tax_id,taxpayer_type\nServicio de Administración Tributaria,SAT970701NN4,legal\nComisión Federal de Electricidad,CFE370814QI0,legal\n' >"$T/mx.csv"
screen "<A-i><C-u>$T/mx.csv<Enter><dump><Enter><dump>"
S=$(text 1)
assert_match "$S" '┌─ Imported ─+┐' "a warning: a window says what is worth a look"
assert_match "$S" '│ 2 clients imported; worth a look: +│' "both clients imported"
assert_match "$S" '│ line 2: RFC "SAT970701NN4" has check digit 4, expected 3;' "the warning with its line"
assert_eq "2 clients imported from $T/mx.csv." "$(row "$S" 23)" "the status line counts them"
S=$(text 2)
assert_not_contains "$S" "Imported" "Enter closes the window"
assert_match "$(row "$S" 2)" ' 1–2 of 2$' "the two clients in the list"

done_testing
