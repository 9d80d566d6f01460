#!/bin/bash
# The dashboard screen (SPEC B1-B3, seed 001) on a ledger built here, whose totals are worked out
# below: it opens on Overdue, 1-4 move to the tab of a total, a payment taken from an overdue
# row makes it leave the tab and the totals change by its amount, a partial payment keeps the
# cursor on its row, a reminder is recorded in the client's history.
. "$(dirname "$0")/lib.sh"
START=dashboard

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
cart client add "Cuotas Ltda" --tax-id 899999068 --terms 30
cart client add "Saldo a Favor" --taxpayer natural --receiver final
# today is 2026-06-30
cart invoice post --override "prueba" 1 1.000,00 --date 2026-03-01      # FAC-000001 due 03-31: 91 days overdue
cart invoice post --override "prueba" 1 2.500,50 --date 2026-05-15      # FAC-000002 due 06-14: 16 days overdue
cart invoice post --override "prueba" 2 300,00 --date 2026-06-01        # FAC-000003 due 07-01: due tomorrow
cart invoice post --override "prueba" 2 400,00 --date 2026-05-31        # FAC-000004 due 06-30: due today, not overdue
cart payment post 1 200,00 --to FAC-000002=200,00 --date 2026-06-20   # RC-000001
cart payment post 3 250,00 --advance --date 2026-06-21               # a credit in favour
assert_status 0 "the ledger is built"
# due 300 + 400 = 700,00 (2); overdue 1.000,00 + 2.300,50 = 3.300,50 (2); credits 250,00 (1);
# net 700,00 + 3.300,50 - 250,00 = 3.750,50

# ---- it opens on Overdue, oldest first ----
screen '<dump>'
assert_status 0 "the dashboard runs from a key script"
S=$(text 1)
assert_match "$(row "$S" 1)" '^ cartera — Comercial Andina SAS +Dashboard as of 30/06/2026$' "title"
assert_match "$(row "$S" 2)" '^1 Due +2 2 Overdue +2 3 Credits in fav… 1 4 Net balance +5$' \
	"the four totals, numbered, with their counts"
assert_match "$(row "$S" 3)" '^ +700,00 +3\.300,50 +250,00 +3\.750,50$' \
	"due 700,00, overdue 3.300,50, credits 250,00, net 3.750,50"
assert_match "$(row "$S" 4)" 'Overdue 2' "the Overdue tab, with its count"
assert_match "$(attrs 1 | row "$(cat)" 4)" 'R' "the tab shown is highlighted"
assert_match "$(row "$S" 7)" '^Grupo Uno SA +FAC-000001 +31/03/2026 +91 +1\.000,00 +1\.000,00$' \
	"oldest overdue first: FAC-000001, 91 days"
assert_match "$(row "$S" 8)" '^Grupo Uno SA +FAC-000002 +14/06/2026 +16 +2\.500,50 +2\.300,50$' \
	"FAC-000002: 16 days, 2.300,50 of 2.500,50 open"
assert_eq "" "$(row "$S" 9)" "nothing else is overdue (FAC-000004 falls due today)"
assert_match "$(attrs 1 | row "$(cat)" 7)" '^R+$' "the first row is selected"
assert_match "$(row "$S" 24)" 'F5 Pay' "the key bar offers the payment"
assert_match "$(row "$S" 24)" 'F10 Quit' "and quitting"

# ---- Alt-1 to Alt-4: the tab of each total (digits type into the filter) ----
screen '<A-1><dump><A-3><dump><A-4><dump><A-2><dump>'
S=$(text 1)
assert_match "$(row "$S" 4)" 'Due 2' "1: the Due tab"
assert_match "$(row "$S" 7)" '^Cuotas Ltda +FAC-000004 +30/06/2026 +0 +400,00 +400,00$' \
	"due today: in Due with 0 days"
assert_match "$(row "$S" 8)" '^Cuotas Ltda +FAC-000003 +01/07/2026 +1 +300,00 +300,00$' \
	"FAC-000003: due in 1 day"
assert_match "$(attrs 1 | row "$(cat)" 2)" '^22R+ 22U' "the Due total is highlighted"
S=$(text 2)
assert_match "$(row "$S" 4)" 'Credits 1' "3: the Credits tab"
assert_match "$(row "$S" 7)" '^Saldo a Favor +ANT-000001 +AA +21/06/2026 +250,00 +250,00$' \
	"the advance is a credit in favour (AA)"
assert_match "$(row "$S" 24)" 'F4 Apply' "a credit can be applied from here"
assert_not_contains "$(row "$S" 24)" "F5 Pay" "but not paid"
S=$(text 3)
assert_match "$(row "$S" 4)" 'Clients 3' "4 (net): the Clients tab"
assert_match "$S" "Grupo Uno .* +3\\.300,50 +3\\.300,50 +0,00 +91 " "Grupo Uno on the Clients tab: 3.300,50, all overdue, 91 days"
assert_match "$(text 4 | row "$(cat)" 4)" 'Overdue 2' "2: back to Overdue"

# ---- a payment from the first overdue row: the receipt form, that document marked ----
screen '<F5><dump><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'Receipt$' "F5 opens the receipt form"
assert_match "$(row "$S" 2)" '^Client: Grupo Uno SA +Date: 30/06/2026' "for the row's client, today"
assert_match "$S" 'cash +1\.000,00' "the amount proposed is what is open, in cash"
assert_match "$S" '\[x\] FAC-000001 .* 1\.000,00 +1\.000,00' "FAC-000001 marked, paid in full"
assert_match "$S" '\[ \] FAC-000002 .* 2\.300,50 *$' "FAC-000002 is listed, not marked"
assert_match "$S" 'Received 1\.000,00 +Allocated 1\.000,00 +Left 0,00' "received, allocated, left"
S=$(text 2)
assert_match "$(row "$S" 23)" '^Receipt RC-000002 posted: 1\.000,00 paid on FAC-000001\.' \
	"F9 posts; the receipt is named on the dashboard"
assert_match "$(row "$S" 2)" 'Overdue +1' "one document overdue now"
assert_match "$(row "$S" 3)" '^ +700,00 +2\.300,50 +250,00 +2\.750,50$' \
	"overdue and net fall by exactly 1.000,00"
assert_match "$(row "$S" 7)" '^Grupo Uno SA +FAC-000002 ' "FAC-000001 left the Overdue tab"
assert_eq "" "$(row "$S" 8)" "one row left"
cart balance 1
assert_contains "$OUT" "2.300,50" "the ledger agrees: Grupo Uno owes 2.300,50"

# ---- a partial payment keeps the cursor on its row ----
screen '<F5>$<C-u>300,00<Enter><dump><F9><dump>'
assert_match "$(text 1)" 'Received 300,00 +Allocated 300,00 +Left 0,00' \
	"F2/\$ types the amount received: the marked row takes it"
S=$(text 2)
assert_match "$(row "$S" 23)" 'posted: 300,00 paid on FAC-000002' "a partial payment"
assert_match "$(row "$S" 7)" '^Grupo Uno SA +FAC-000002 .* 2\.500,50 +2\.000,50$' \
	"FAC-000002 stays overdue with 2.000,50 open"
assert_match "$(attrs 2 | row "$(cat)" 7)" '^R+$' "and stays selected"
assert_match "$(row "$S" 3)" '^ +700,00 +2\.000,50 +250,00 +2\.450,50$' "the totals follow"

# ---- more than the document has open is refused and nothing is posted ----
dump_save "$DB" pay
screen '<F5><Enter><C-u>9.000,00<Enter><dump><Esc><dump>'
S=$(text 1)
assert_match "$(row "$S" 23)" '^FAC-000002 has only 2\.000,50 open' "Enter on the row: 9.000,00 is refused, and why"
assert_match "$S" '\[x\] FAC-000002 .* 2\.000,50 +2\.000,50' "the row keeps what it had"
assert_match "$(text 2 | row "$(cat)" 1)" 'Dashboard as of' "Esc: back, nothing typed to lose"
assert_dump_same "$DB" pay "an over-payment of one document posts nothing"

# ---- a reminder ----
screen '<A-r><dump>llamar<Space>el<Space>lunes<Enter><dump>'
assert_contains "$(text 1)" "Send a reminder" "Alt-r opens the reminder dialog"
assert_match "$(text 2 | row "$(cat)" 23)" '^Reminder recorded for Grupo Uno SA\.' "recorded"
cart client history 1
assert_contains "$OUT" "llamar el lunes" "the note is in the client's history"

# ---- one client's own dashboard, and back ----
screen '<Enter><dump><Esc><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'Grupo Uno SA as of 30/06/2026$' "Enter: the client's own dashboard"
assert_match "$(row "$S" 3)" '^ +0,00 +2\.000,50 +0,00 +2\.000,50$' "its totals alone"
assert_match "$(row "$S" 24)" 'F10 Back' "Esc goes back from it"
assert_match "$(text 2 | row "$(cat)" 1)" 'Dashboard as of 30/06/2026$' "back on all clients"

# ---- help, and a larger terminal ----
screen '<F1><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'Help: Dashboard$' "F1: the help of the dashboard"
assert_match "$S" 'F5 Alt-p +receive a payment for the selected document' "it lists the payment key"
screen '<F1><dump>' --size 80x110
S=$(text 1)
assert_match "$S" '^ Alt-1 Alt-2 Alt-3$' "the totals' keys, on a line of their own (wider than the column)"
assert_match "$S" '^ +Alt-1 to Alt-4: the tab of a total' "and what they do under them"
assert_match "$S" 'Letters, digits +type into the filter' "letters and digits type"
assert_match "$S" 'Esc, letter +the same as Alt and the letter' "Esc and a letter is Alt"
assert_not_contains "$S" "…" "nothing cut"
screen '<dump>' --size 120x40
S=$(text 1)
assert_eq 40 "$(wc -l <<<"$S")" "120x40: forty rows"
assert_match "$(row "$S" 7)" '^Grupo Uno SA +FAC-000002 +15/05/2026 14/06/2026 +16 ' \
	"the wider screen has room for the invoice's own date too"

# ---- quotes: reject one, accept and invoice another from the Quotes tab ----
cart quote post 2 --line "Mantenimiento;1;500,00;" --date 2026-06-28     # COT-000001
cart quote post 2 --line "Repuestos;2;100,00;" --date 2026-06-29         # COT-000002
assert_status 0 "two quotes for Cuotas Ltda"
screen '<Tab><Tab><dump><A-x><dump><Down><A-k><dump><A-v><dump>y<dump>'
S=$(text 1)
assert_match "$(row "$S" 4)" 'Quotes 2' "Tab Tab from Overdue: the Quotes tab"
assert_match "$(row "$S" 7)" '^29/06/2026 COT-000002 +Cuotas Ltda +29/07/2026 +200,00 open$' \
	"the newest quote first, open"
assert_match "$(row "$S" 24)" 'Alt-v Invoice it' "the key bar offers to invoice it"
assert_match "$(text 2 | row "$(cat)" 7)" ' rejected$' "x: COT-000002 rejected"
assert_match "$(text 3 | row "$(cat)" 8)" '^28/06/2026 COT-000001 .* accepted$' "k: COT-000001 accepted"
assert_contains "$(text 4)" "Make an invoice of COT-000001 for Cuotas Ltda, dated 2026-06-30?" \
	"v asks first"
S=$(text 5)
assert_match "$(row "$S" 23)" '^FAC-000005 posted from quote COT-000001\.' "y: the invoice is posted"
assert_match "$(row "$S" 8)" ' invoiced$' "the quote shows it was invoiced"
assert_match "$(row "$S" 3)" '^ +1\.200,00 ' "the invoice's 500,00 falls due later: due 700,00 + 500,00"
cart quote invoice COT-000001
assert_status 1 "a quote is invoiced once"

check_ok "the dashboard's postings"
done_testing
