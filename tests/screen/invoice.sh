#!/bin/bash
# The invoice entry screen (SPEC D1, D3, C4; seed 003) and the same screen for quotes, driven by
# key scripts from the dashboard: a ten-line invoice with mixed tax rates, its totals and tax per
# rate on screen and in the ledger afterwards, its client created from inside the form with the
# typed lines still there; a refused line; instalments split three ways adding up exactly, and
# amounts typed showing what is left to place; an over-limit client whose posting asks for a
# reason (kept in the audit log); Esc asking before discarding; a quote; one client's dashboard
# choosing the client; 80x24 and 120x40 dumps. Figures worked out by hand below.
. "$(dirname "$0")/lib.sh"
START=dashboard
sql() { sqlite3 -batch "$DB" "$1"; }

cart init --name "Comercial Andina SAS" --country CO --date-order ymd --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
cart client add "Beta Ltda" --tax-id 800197268 --limit 1.000,00 --terms 30
assert_status 0 "the ledger is built"
# today is 2026-06-30; the company's rates are IVA 19%, IVA 5%, Exento (in that order), and the
# tax cell also offers "no tax" and "expense": Right from IVA 19% is IVA 5%, twice Exento, Left
# "expense", twice "no tax"; typing 5 or e there takes IVA 5% or Exento

# ---- the empty screen, from the dashboard's i ----
screen '<A-i><dump><F1><dump>'
assert_status 0 "i on the dashboard opens the invoice screen"
S=$(text 1)
assert_match "$(row "$S" 1)" '^ cartera — Comercial Andina SAS +New invoice$' "title: New invoice"
assert_match "$(row "$S" 2)" '^ Client \* +Credit check$' "the client first, the credit check beside it"
assert_match "$(row "$S" 3)" '^ Date \* +2026-06-30 +\(no client chosen yet\)$' "the date: today by default"
assert_match "$(row "$S" 4)" '^ Due date \*$' "no due date before the client's terms"
assert_match "$(row "$S" 8)" '^  # Description +Quantity +Unit price Tax +Total$' "the lines' header"
assert_match "$(row "$S" 9)" '^  1 +IVA 19%$' "one empty line, the first rate offered"
assert_match "$(row "$S" 22)" 'Total +0,00$' "total 0,00"
assert_eq "F1 Help  F9 Post  Esc Back  F2 Client  F3 New client  F4 Lines  F6 Instalments" \
	"$(row "$S" 24)" "the key bar"
assert_match "$(text 2 | row "$(cat)" 1)" 'Help: New invoice$' "F1: the screen's help"
assert_contains "$(text 2)" "split into instalments: how many, how often, the first due" "the help lists the keys"
screen '<A-i><Esc><dump>'
assert_match "$(text 1 | row "$(cat)" 1)" 'Dashboard as of 2026-06-30$' "Esc with nothing typed: back at once"

# ---- ten lines with mixed rates; a new client from inside the form; posted ----
# IVA 19%: 500.000,00 + 90.000,00 + 37.037,01 (3 x 12.345,67) + 80.000,00 - 10.000,00
#          = 697.037,01, tax 132.437,0319 -> 132.437,03
# IVA 5%:  50.000,00 (1,5 x 33.333,33 = 49.999,995 -> 50.000,00) + 50.000,00 = 100.000,00, tax 5.000,00
# Exento:  35.000,00 + 5.000,00 = 40.000,00; no tax: 20.000,00
# net 857.037,01, tax 137.437,03, total 994.474,04
LINES10='<F4>Sillas<Tab>4<Tab>125.000,00<Tab><Tab>Mesa<Tab>1,5<Tab>33.333,33<Tab><Right><Tab>'
LINES10+='Flete<Tab><Tab>20.000,00<Tab><Left><Left><Tab>Lámpara<Tab>2<Tab>45.000,00<Tab><Tab>'
LINES10+='Arroz<Tab>10<Tab>3.500,00<Tab><Right><Right><Tab>Cable<Tab>3<Tab>12.345,67<Tab><Tab>'
LINES10+='Libro<Tab>2<Tab>25.000,00<Tab>5<Tab>Instalación<Tab>1<Tab>80.000,00<Tab><Tab>'
LINES10+='Descuento<Tab>1<Tab>-10.000,00<Tab><Tab>Caja<Tab>5<Tab>1.000,00<Tab>e<Tab><Enter>'
NEWCLIENT='<F3><dump><Tab><Tab>900123456<Tab><Tab>Nueva<Space>Empresa<Space>SAS<F9>'
screen "<A-i>${LINES10}<dump>${NEWCLIENT}<dump><resize 120x40><dump><F9><dump>"
assert_status 0 "ten lines keyed"
S=$(text 1)
assert_match "$(row "$S" 9)" '^  5 Arroz +10 +3\.500,00 Exento +35\.000,00↑$' "the lines scroll: line 5 on top"
assert_match "$(row "$S" 10)" '^  6 Cable +3 +12\.345,67 IVA 19% +37\.037,01$' "a line's total, read-only"
assert_match "$(row "$S" 13)" '^  9 Descuento +1 +-10\.000,00 IVA 19% +-10\.000,00$' "a discount line"
assert_match "$(row "$S" 17)" '^ Lines: 10 +Net +857\.037,01$' "10 lines, net 857.037,01"
assert_match "$(row "$S" 18)" '^ +IVA 19% on 697\.037,01 +132\.437,03$' "IVA 19% on its base"
assert_match "$(row "$S" 19)" '^ +IVA 5% on 100\.000,00 +5\.000,00$' "IVA 5% on its base"
assert_match "$(row "$S" 20)" '^ +no tax on 20\.000,00 +0,00$' "the untaxed line"
assert_match "$(row "$S" 21)" '^ +Exento on 40\.000,00 +0,00$' "the exempt lines"
assert_match "$(row "$S" 22)" '^ +Total +994\.474,04$' "total 994.474,04"
assert_eq "Lines done: F9 posts the invoice, F6 splits it into instalments." "$(row "$S" 23)" \
	"Enter on the empty last line: the lines are done"
assert_match "$(text 2 | row "$(cat)" 1)" 'New client$' "F3: the client form over the invoice"
S=$(text 3)
assert_match "$(row "$S" 2)" '^ Client \* +Nueva Empresa SAS +Credit check$' "saved: the new client is the invoice's"
assert_match "$(row "$S" 4)" '^ Due date \* +2026-07-30 ' "its 30 days' terms give the due date"
assert_match "$(row "$S" 3)" 'Credit limit +none$' "its credit check: no limit"
assert_match "$(row "$S" 14)" '^ 10 Caja +5 +1\.000,00 Exento +5\.000,00$' "the typed lines are still there"
assert_match "$(row "$S" 22)" '^ +Total +994\.474,04$' "and the total"
assert_eq 'Client "Nueva Empresa SAS" saved.' "$(row "$S" 23)" "the client form's message"
S=$(text 4)
assert_match "$(row "$S" 9)" '^  1 Sillas +4 +125\.000,00 IVA 19% +500\.000,00$' "120x40: every line from the first"
assert_match "$(row "$S" 18)" '^ 10 Caja ' "120x40: line 10 too"
assert_match "$(row "$S" 38)" '^ +Total +994\.474,04$' "120x40: the totals at the bottom"
assert_match "$(row "$S" 8)" '^  # Description {50,}Quantity +Unit price Tax +Total$' \
	"120x40: the description gets the width"
S=$(text 5)
assert_eq "FAC-000001 posted: Nueva Empresa SAS, total 994.474,04." "$(row "$S" 39)" "F9: posted, its number shown"
assert_match "$(row "$S" 2)" '^ Client \* +Credit check$' "a fresh form for the next invoice"
assert_match "$(row "$S" 9)" '^  1 +IVA 19%$' "with no lines"
cart show FAC-000001
assert_contains "$OUT" "invoice FAC-000001, Nueva Empresa SAS (client 3)" "the ledger has the invoice, for the new client"
assert_contains "$OUT" "date 2026-06-30, due 2026-07-30, total 994.474,04 COP" "its date, due date and total"
assert_contains "$OUT" "line 10: Caja; 5 x 1.000,00 = 5.000,00; Exento" "its tenth line"
assert_contains "$OUT" "tax 19%: base 697.037,01, tax 132.437,03" "tax per rate in the ledger: 19%"
assert_contains "$OUT" "tax 5%: base 100.000,00, tax 5.000,00" "tax per rate in the ledger: 5%"
assert_eq "10" "$(sql "SELECT count(*) FROM doc_lines")" "ten lines kept"
cart balance 3
assert_contains "$OUT" "994.474,04" "the client's balance is the total"

# ---- a refused line: its message under the lines (once, not again on the status line); F9
# refuses ----
screen '<A-i>Grupo<Enter><F4>Widget<Tab>0<Tab><dump><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 2)" '^ Client \* +Grupo Uno SA ' "a few letters and Enter choose the only match"
assert_match "$(row "$S" 9)" '^  1 Widget +0 +IVA 19% *$' "the refused line stays, with no total"
assert_contains "$S" "line 1: the quantity: 0 must be more than zero and at most one million" \
	"the bad quantity's message"
L=$(grep -n -m1 'line 1: the quantity: 0 must' <<<"$S" | cut -d: -f1)
assert_match "$(attrs 1 | row "$(cat)" "$L")" '^3{20,}' "in the error colour"
assert_eq 1 "$(grep -c 'line 1: the quantity: 0 must' <<<"$S")" "once on screen"
assert_match "$(row "$S" 20)" 'Net +0,00$' "the refused line adds nothing"
assert_contains "$(text 2 | row "$(cat)" 23)" "line 1: the quantity: 0 must be more" "F9: refused, naming the line"
assert_eq "1" "$(sql "SELECT count(*) FROM documents WHERE type = 'invoice'")" "nothing posted"

# ---- instalments: 3 every 30 days, exact; amounts typed show what is left ----
# 1 x 1.000,00 no tax: 333,34 + 333,33 + 333,33 = 1.000,00, due 07-30, 08-29, 09-28
INST='<A-i>Grupo<Enter><F4>Servicio<Tab><Tab>1.000,00<Tab><Left><Left><Tab><F6>3<Tab>30<Tab><Tab><dump>'
screen "${INST}<Esc><dump>"
S=$(text 1)
assert_contains "$S" "Instalments" "F6: the instalments window"
assert_match "$S" '1 2026-07-30 +333,34' "the first instalment takes the cent"
assert_match "$S" '2 2026-08-29 +333,33' "the second, 30 days on"
assert_match "$S" '3 2026-09-28 +333,33' "the third"
assert_contains "$S" "Total 1.000,00 · left to place 0,00" "they add up exactly"
assert_contains "$(text 2)" "3 instalments, every 30 days" "the split under the lines"
assert_contains "$(text 2)" "the first 333,34 due 2026-07-30" "its first instalment"
screen "${INST}<Tab><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>400,00<Tab><dump><Tab><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>300,00<Tab><Tab><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>300,00<Tab><dump><F9><F9><dump>"
S=$(text 2)
assert_match "$S" '1 2026-07-30 +400,00' "an amount typed"
assert_contains "$S" "Total 1.000,00 · left to place -66,66" "the split stops following: 66,66 too much"
assert_contains "$(text 3)" "left to place 0,00" "400 + 300 + 300: placed exactly"
assert_eq "FAC-000002 posted: Grupo Uno SA, total 1.000,00." "$(text 4 | row "$(cat)" 23)" "posted with the split"
assert_eq "40000|30000|30000" "$(sql "SELECT group_concat(amount, '|') FROM (SELECT i.amount FROM
	instalments i JOIN entries e ON e.id = i.entry_id JOIN documents d ON d.id = e.document_id
	WHERE d.number = 'FAC-000002' ORDER BY i.seq)")" "the ledger's instalments as typed"
screen "<A-i>Grupo<Enter><F4>Servicio<Tab><Tab>1.000,00<Tab><Left><Left><Tab><F6>3<Tab>30<Tab><Tab><F9><F9>"
assert_eq "100000|33334|33333|33333" "$(sql "SELECT d.total, group_concat(i.amount, '|') FROM
	instalments i JOIN entries e ON e.id = i.entry_id JOIN documents d ON d.id = e.document_id
	WHERE d.number = 'FAC-000003' ORDER BY i.seq")" "the even split in the ledger adds up to the total"

# ---- over the credit limit: the reason is asked and kept ----
OVER='<A-i>Beta<Enter><F4>Equipo<Tab><Tab>1.500,00<Tab><Left><Left><Tab>'
screen "${OVER}<dump><F9><dump><Esc><dump>"
S=$(text 1)
assert_contains "$(row "$S" 7)" "Beta Ltda would owe 1.500,00, over the credit limit of 1.000,00: reason needed" \
	"the credit warning under the header"
assert_match "$(row "$S" 3)" 'Credit limit +1\.000,00$' "the limit in the credit check"
assert_contains "$(text 2)" "Override the credit check" "F9: the reason is asked"
assert_contains "$(text 3 | row "$(cat)" 23)" "Not posted: the credit check needs a reason." "Esc: not posted"
assert_eq "3" "$(sql "SELECT count(*) FROM documents WHERE type = 'invoice'")" "nothing posted without a reason"
screen "${OVER}<F9>approved<Space>by<Space>the<Space>manager<Enter><dump>"
assert_eq "FAC-000004 posted: Beta Ltda, total 1.500,00." "$(text 1 | row "$(cat)" 23)" "posted with the reason"
assert_eq "1" "$(sql "SELECT count(*) FROM audit WHERE action = 'credit override'
	AND detail LIKE 'FAC-000004: approved by the manager (Beta Ltda would owe 1.500,00%'")" \
	"the override and its reason in the audit log"

# ---- Esc asks before discarding typed work ----
screen '<A-i><F4>Algo<dump><Esc><dump>n<dump><Esc>y<dump>'
assert_contains "$(text 2)" "Discard the invoice typed so far? (y/n)" "Esc with a line typed: asks"
assert_match "$(text 3 | row "$(cat)" 9)" '^  1 Algo' "n: back to the invoice, the line still there"
assert_match "$(text 4 | row "$(cat)" 1)" 'Dashboard as of 2026-06-30$' "y: discarded, back to the dashboard"

# ---- choosing the client: a tax id, several matches, what was typed into a new client ----
screen '<A-i>890903938<Enter><dump>'
assert_match "$(text 1 | row "$(cat)" 2)" '^ Client \* +Grupo Uno SA ' "a tax id and Enter choose its client"
screen '<A-i>SA<Enter><dump><Down><Enter><F9><dump>'
S=$(text 1)
assert_contains "$S" "Choose the client" "two clients match SA: the pick dialog, filtered"
assert_match "$S" 'Filter: SA +1–2 of 2' "with both"
S=$(text 2)
assert_match "$(row "$S" 2)" '^ Client \* +Nueva Empresa SAS ' "Down and Enter choose the second"
assert_eq "the document has no lines" "$(row "$S" 23)" "F9 with no lines: refused, nothing posted"
screen '<A-i>Otra<Space>Casa<F3><dump>'
assert_match "$(text 1 | row "$(cat)" 7)" '^ Name \* +Otra Casa$' "F3: what was typed in Client is the new client's name"

# ---- F8 deletes a line, F7 inserts one: the totals follow ----
screen '<A-i><F4>A<Tab><Tab>10,00<Tab><Tab>B<Tab><Tab>20,00<Tab><Tab><dump><Up><Up><F8><dump><F7><dump>'
assert_match "$(text 1 | row "$(cat)" 22)" 'Total +35,70$' "two lines: 30,00 + 19%"
S=$(text 2)
assert_match "$(row "$S" 9)" '^  1 B +20,00 IVA 19% +20,00$' "F8: line A deleted"
assert_match "$(row "$S" 21)" 'IVA 19% on 20,00 +3,80$' "its tax recomputed"
assert_match "$(row "$S" 22)" 'Total +23,80$' "and the total"
S=$(text 3)
assert_match "$(row "$S" 9)" '^  1 +IVA 19%$' "F7: an empty line above"
assert_match "$(row "$S" 10)" '^  2 B ' "B below it"
assert_match "$(row "$S" 22)" 'Total +23,80$' "an empty line adds nothing"

# ---- a reimbursable expense (D1): the tax cell's last choice, no tax, apart in the totals ----
screen '<A-i>Nueva<Enter><F4>Flete<Tab><Tab>100,00<Tab><Tab>Aduana<Tab><Tab>50,00<Tab><Left><Tab><dump><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 10)" '^  2 Aduana +50,00 expense +50,00$' "an expense line"
assert_match "$(row "$S" 20)" 'IVA 19% on 100,00 +19,00$' "only the other line is taxed"
assert_match "$(row "$S" 21)" 'Expenses \(CGC\) +50,00$' "the expenses apart"
assert_match "$(row "$S" 22)" 'Total +169,00$' "total 100,00 + 19,00 + 50,00"
assert_eq "FAC-000005 posted: Nueva Empresa SAS, total 169,00." "$(text 2 | row "$(cat)" 23)" \
	"posted with its expense"
cart show FAC-000005
assert_contains "$OUT" "line 2: Aduana; 1 x 50,00 = 50,00; reimbursable expense" "the expense line in the ledger"

# ---- a quote from the same screen ----
screen '<A-o>Grupo<Enter><dump><F4>Consultoría<Tab>2<Tab>50.000,00<Tab><Right><Tab><F6><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'New quote$' "o: the quote screen"
assert_match "$(row "$S" 4)" '^ Valid until +2026-07-30 ' "a validity date instead of the due date: 30 days"
assert_not_contains "$(row "$S" 24)" "Instalments" "no instalments for a quote"
assert_eq "COT-000001 posted: Grupo Uno SA, total 105.000,00." "$(text 2 | row "$(cat)" 23)" \
	"posted as a quote: 2 x 50.000,00 + IVA 5%"
cart show COT-000001
assert_contains "$OUT" "line 1: Consultoría; 2 x 50.000,00 = 100.000,00; IVA 5%" "the quote's line in the ledger"
assert_eq "open|2026-07-30" "$(sql "SELECT q.status, d.due_date FROM quotes q JOIN documents d
	ON d.id = q.document_id")" "an open quote valid until 2026-07-30"

# ---- one client's dashboard: the client is chosen already ----
# Grupo Uno owes FAC-000002 and FAC-000003 (1.000,00 each, not yet due)
screen '<A-1>Grupo<Enter><A-i><dump><F4>Otra<Tab><Tab>10,00<Tab><Left><Left><Tab><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'New invoice$' "i on one client's dashboard"
assert_match "$(row "$S" 2)" '^ Client \* +Grupo Uno SA +Credit check$' "from Grupo Uno's dashboard: its invoice"
assert_match "$(row "$S" 4)" 'Open balance +2\.000,00$' "its open balance in the credit check"
S=$(text 2)
assert_eq "FAC-000006 posted: Grupo Uno SA, total 10,00." "$(row "$S" 23)" "posted for the dashboard's client"
assert_match "$(row "$S" 2)" '^ Client \* +Grupo Uno SA +Credit check$' "the next invoice is the same client's"

done_testing
