#!/bin/bash
# The receipt form (SPEC D4, seed 001), applying a credit in favour (D5), the credit note (D2)
# and opening balances (L3), keyed from the dashboard with scripted keys: every figure on the
# screen is worked out here and checked again in the ledger (cartera balance / show / check).
. "$(dirname "$0")/lib.sh"
START=dashboard

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
cart client add "Cuotas Ltda" --tax-id 899999068 --terms 30
cart client add "Saldo a Favor" --taxpayer natural --receiver final
cart client add "Nuevo Cliente SAS" --tax-id 900123456 --terms 30
# today is 2026-06-30
cart invoice post --override "prueba" 1 1.000,00 --date 2026-03-01      # FAC-000001
cart invoice post --override "prueba" 1 2.500,50 --date 2026-05-15      # FAC-000002
cart invoice post --override "prueba" 2 300,00 --date 2026-06-01        # FAC-000003 due 07-01
cart invoice post --override "prueba" 2 400,00 --date 2026-05-31        # FAC-000004 due 06-30
cart payment post 1 200,00 --to FAC-000002=200,00 --date 2026-06-20   # RC-000001
cart payment post 3 250,00 --advance --date 2026-06-21               # ANT-000001
cart invoice post --override "prueba" 3 100,00 --date 2026-06-25        # FAC-000005
assert_status 0 "the ledger is built"

# ---- a receipt that pays two invoices and leaves a credit in favour ----
# cheque 3.500,00 + retefuente 40,00 = 3.540,00 received; FAC-000001 1.000,00 + FAC-000002
# 2.300,50 = 3.300,50 allocated; 239,50 left, a credit in favour (AA)
screen '<A-R><dump>Grupo<Enter><dump><Space><Space><F3><Right><Right><Right><dump><Tab>3.500,00<Tab>Bancolombia<Tab>778899<F9><F4>retefuente<Tab>CERT-2026-15<Tab>40,00<Enter><dump><F9><dump>'
assert_contains "$(text 1)" "The receipt's client" "R: a new receipt opens on the pick dialog"
S=$(text 2)
assert_match "$(row "$S" 2)" '^Client: Grupo Uno SA +Date: 30/06/2026 +Currency: COP' "the client picked"
assert_match "$S" '\[ \] FAC-000001 +01/03/2026 31/03/2026 +91 +1\.000,00 *$' \
	"its open invoices, oldest first, none marked"
assert_match "$S" '\[ \] FAC-000002 +15/05/2026 14/06/2026 +16 +2\.300,50 *$' "FAC-000002 with 2.300,50 open"
assert_match "$S" 'Received 0,00 +Allocated 0,00 +Left 0,00' "nothing received yet"
assert_match "$(text 3)" 'Kind +<cheque>' "F3: the means box; Right cycles to cheque"
S=$(text 4)
assert_match "$S" 'cheque Bancolombia No\. 778899 +3\.500,00' "the cheque with its bank and number"
assert_match "$S" 'withholding retefuente, certificate CERT-2026-15 +40,00' "the withholding with its certificate"
assert_match "$S" '\[x\] FAC-000001 .* 1\.000,00 +1\.000,00$' "Space marked FAC-000001: paid in full"
assert_match "$S" '\[x\] FAC-000002 .* 2\.300,50 +2\.300,50$' "and FAC-000002, oldest first"
assert_match "$S" 'Received 3\.540,00 +Allocated 3\.300,50 +Left 239,50 → a credit in favour \(AA\)' \
	"received, allocated and left; the leftover a credit in favour"
S=$(text 5)
assert_match "$(row "$S" 23)" '^Receipt RC-000002 posted: 3\.300,50 allocated, 239,50 a credit in favour\.' \
	"F9 posts and names the receipt"
cart show RC-000002
assert_contains "$OUT" "total 3.540,00 COP" "show: the receipt's total"
assert_contains "$OUT" "paid by cheque 3.500,00, Bancolombia no. 778899" "show: the cheque"
assert_contains "$OUT" "withheld retefuente 40,00, certificate CERT-2026-15" "show: the withholding"
assert_contains "$OUT" "entry APF credit 3.300,50, open 0,00" "show: 3.300,50 paid the invoices"
assert_contains "$OUT" "entry AA credit 239,50, open 239,50" "show: 239,50 a credit in favour"
cart balance 1
assert_match "$(squeeze "$OUT")" 'COP 3\.500,50 3\.740,00 -239,50 0,00 0,00 239,50 -239,50' \
	"balance: Grupo Uno owes nothing and has 239,50 in favour"
check_ok "after the receipt of two invoices"

# ---- the leftover: refund refused here, a small one written off with its reason ----
# FAC-000004 400,00 from the Due tab; 400,30 received: 0,30 left
screen '<A-1><F5>$<C-u>400,30<Enter><dump>f<dump>o<dump>redondeo<Enter><dump><F9><dump>'
S=$(text 1)
assert_match "$S" '\[x\] FAC-000004 .* 400,00 +400,00$' "F5 on the Due tab: FAC-000004 marked"
assert_match "$S" 'Received 400,30 +Allocated 400,00 +Left 0,30 → a credit in favour' "0,30 left"
assert_match "$(text 2 | row "$(cat)" 23)" '^credits in favour are not refunded in cash in this company' \
	"f: the refund is refused, and the status line says why"
assert_match "$(text 2)" 'Left 0,30 → a credit in favour' "the leftover stays a credit"
assert_contains "$(text 3)" "Why is the leftover written off?" "o asks the reason"
assert_match "$(text 4)" 'Left 0,30 → written off' "written off"
assert_match "$(text 5 | row "$(cat)" 23)" '^Receipt RC-000003 posted: 400,00 allocated, 0,30 written off\.' \
	"posted with the write-off"
cart show RC-000003
assert_contains "$OUT" "total 400,30 COP" "show: 400,30 received"
cart balance 2
assert_match "$(squeeze "$OUT")" 'COP 700,30 400,30 300,00 300,00 0,00 0,00 300,00' \
	"Cuotas owes 300,00: the 0,30 written off (charged and credited), no credit left"
cart list credits
assert_not_contains "$OUT" "RC-000003" "no credit in favour left by RC-000003"
check_ok "after the write-off"

# ---- Esc with typed work asks first ----
dump_save "$DB" esc
screen '<A-R>Cuotas<Enter>$100,00<Enter><Space><dump><Enter><C-u>60,00<Enter><dump><Esc><dump>n<dump><Esc>y<dump>'
assert_match "$(text 1)" '\[x\] FAC-000003 .* 300,00 +100,00$' "Space: the marked row takes the 100,00"
S=$(text 2)
assert_match "$S" '\[x\] FAC-000003 .* 300,00 +60,00$' "Enter on the row: 60,00 typed overrides it"
assert_match "$S" 'Received 100,00 +Allocated 60,00 +Left 40,00 → a credit in favour' "40,00 left"
assert_contains "$(text 3)" "Close without posting?" "Esc with typed work asks"
assert_match "$(text 4)" 'Received 100,00' "n: the form is still there"
assert_match "$(text 5 | row "$(cat)" 1)" 'Dashboard as of' "y: back on the dashboard"
assert_dump_same "$DB" esc "a receipt closed without posting posts nothing"

# ---- applying a credit in favour (the Credits tab) ----
screen '<A-3><dump><F4><dump><F9><dump>'
assert_match "$(text 1 | row "$(cat)" 7)" '^Saldo a Favor +ANT-000001 +AA' "the Credits tab: ANT-000001 first"
S=$(text 2)
assert_match "$(row "$S" 1)" 'Apply a credit$' "F4: apply the credit"
assert_match "$S" 'Credit in favour ANT-000001 \(AA\) of 21/06/2026: 250,00 open' "the credit and what it has open"
assert_match "$S" '\[x\] FAC-000005 .* 100,00 +100,00$' "the client's open invoice, marked oldest first"
assert_match "$S" 'Credit 250,00 +Applied 100,00 +Left 150,00 → stays a credit in favour' "what is left"
assert_match "$(text 3 | row "$(cat)" 23)" '^APL-[0-9]+ applied 100,00 of credit ANT-000001\.' "F9 applies it"
cart balance 3
assert_match "$(squeeze "$OUT")" 'COP .* -150,00 0,00 0,00 150,00 -150,00' \
	"Saldo a Favor: the invoice paid, 150,00 still in favour"
check_ok "after the credit applied"

# ---- a credit note: more than the invoice has open is refused, then a right one ----
dump_save "$DB" cn
screen '<A-N><dump><F2>Cuotas<Enter><F3><dump><Enter><dump>400,00<Tab><dump>devolución parcial<F9><dump>'
assert_contains "$(text 1)" "Credit note" "N: the credit note form"
assert_match "$(text 2)" '1  FAC-000003  01/06/2026  300,00' "F3: the client's open invoices"
assert_match "$(text 3)" 'Invoice +FAC-000003 +it has 300,00 open' "the form says what it has open"
assert_match "$(text 4 | row "$(cat)" 23)" \
	'^Amount: FAC-000003 has only 300,00 open; the credit note cannot be more' \
	"400,00 is refused with the reason"
assert_match "$(text 5 | row "$(cat)" 1)" 'Credit note$' "F9 does not post it"
assert_dump_same "$DB" cn "the refused credit note posted nothing"
screen '<A-N><F2>Cuotas<Enter><F3><Enter>100,00<Tab>devolución parcial<F9><dump>'
assert_match "$(text 1 | row "$(cat)" 23)" '^Credit note NC-[0-9]+ posted: 100,00 against FAC-000003\.' \
	"100,00 is posted"
cart balance 2
assert_match "$(squeeze "$OUT")" 'COP 700,30 500,30 200,00 200,00 0,00 0,00 200,00' "Cuotas owes 200,00 now"
check_ok "after the credit note"

# ---- opening balances: one balance, one open item, a CSV import ----
printf 'client,date,amount\nNuevo Cliente SAS,2025-12-31,oops\n' >"$T/bad.csv"
printf 'client,date,amount\nCuotas Ltda,2025-12-31,77\n' >"$T/opening.csv"
screen "<A-O><dump><F2>Nuevo<Enter><Tab><C-u>2025-12-31<Tab>1.234,56<F9><dump><F2>Nuevo<Enter><Right><Tab><Tab>500,00<Tab>F-OLD-77<Tab>2026-01-31<F9><dump><F5><C-u>$T/bad.csv<Enter><dump><Esc><F5><C-u>$T/opening.csv<Enter><dump>"
assert_match "$(text 1 | row "$(cat)" 1)" 'Opening balances$' "O: the opening balances form"
assert_match "$(text 2 | row "$(cat)" 23)" '^Opening balance SI-[0-9]+ posted for Nuevo Cliente SAS: 1\.234,56\.' \
	"a balance keyed"
assert_match "$(text 3 | row "$(cat)" 23)" '^Opening item SI-[0-9]+ posted for Nuevo Cliente SAS: 500,00, number F-OLD-77\.' \
	"an open item keyed"
assert_contains "$(text 4)" "Nothing imported" "a bad file: the result window"
assert_match "$(text 4)" 'line 2: ' "it lists the bad line"
assert_match "$(text 5 | row "$(cat)" 23)" '^1 opening balance or item imported from ' "a good file is imported"
cart balance 4
assert_match "$(squeeze "$OUT")" 'COP 1\.734,56 0,00 1\.734,56 ' "Nuevo Cliente owes 1.234,56 + 500,00"
cart balance 2
assert_match "$(squeeze "$OUT")" 'COP 777,30 500,30 277,00 200,00 77,00 0,00 277,00' "Cuotas: the imported 77,00 added"
check_ok "after the opening balances"

# ---- an advance: nothing marked, all a credit in favour ----
screen '<A-R>Nuevo<Enter>$50,00<Enter><dump><F9><dump>'
assert_match "$(text 1)" 'Received 50,00 +Allocated 0,00 +Left 50,00 → a credit in favour \(AA\)' \
	"nothing marked: the whole amount is left, a credit in favour"
assert_match "$(text 2 | row "$(cat)" 23)" '^Receipt ([A-Z]+-[0-9]+) posted: an advance of 50,00, a credit in favour\.' \
	"posted as an advance"
adv=$(text 2 | row "$(cat)" 23 | sed 's/^Receipt \([^ ]*\) .*/\1/')
cart show "$adv"
assert_contains "$OUT" "entry AA credit 50,00, open 50,00" "show: an AA credit of 50,00, all open"
cart balance 4
assert_match "$(squeeze "$OUT")" 'COP 1\.734,56 50,00 1\.684,56 ' "Nuevo Cliente: 50,00 less"
check_ok "after the advance"

# ---- a company that refunds: the leftover of a receipt, and a credit in favour ----
DB="$T/refunds.db"
cart init --name "Reembolsos SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep . --allow-refunds
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
cart invoice post --override "prueba" 1 100,00 --date 2026-06-01        # FAC-000001 due 07-01
cart payment post 1 50,00 --advance --date 2026-06-02                 # ANT-000001
assert_status 0 "a ledger whose company allows refunds"
screen '<A-1><F5>$<C-u>120,00<Enter>f<dump><F9><dump><A-3><F4>f<dump><F9><dump>'
assert_match "$(text 1)" 'Received 120,00 +Allocated 100,00 +Left 20,00 → refunded' "f: the leftover refunded"
assert_match "$(text 2 | row "$(cat)" 23)" '^Receipt RC-[0-9]+ posted: 100,00 allocated, 20,00 refunded\.' \
	"posted with the refund"
assert_match "$(text 3)" 'Credit 50,00 +Applied 0,00 +Left 50,00 → refunded' "the advance, refunded whole"
assert_match "$(text 4 | row "$(cat)" 23)" '^[A-Z]+-[0-9]+ refunded 50,00 of credit ANT-000001\.' "and posted"
cart balance 1
assert_match "$(squeeze "$OUT")" 'COP [0-9.,]+ [0-9.,]+ 0,00 0,00 0,00 0,00 0,00' "Grupo Uno: nothing owed, nothing in favour"
check_ok "after the refunds"
done_testing
