#!/bin/bash
# The actions issue 14 found missing or broken on the dashboard's rows: F5 on an instalment row
# (FAC-n/k) opens the receipt with that instalment marked and its amount in cash; the totals
# follow another clerk's postings.
. "$(dirname "$0")/lib.sh"
START=dashboard

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Cuotas Ltda" --tax-id 899999068 --terms 30
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
# today is 2026-06-30; three instalments of 300,00 due 05-15, 06-15, 07-15
cart invoice post --override p 1 900,00 --date 2026-04-15 --due 2026-05-15 --instalments 3
cart invoice post --override p 2 1.000,00 --date 2026-03-01
assert_status 0 "the ledger is built"

# ---- F5 on the second instalment ----
screen '<dump><Down><Down><dump><F5><dump><F9><dump>'
S=$(text 2)
assert_match "$(grep -m1 'FAC-000001/2' <<<"$S")" 'FAC-000001/2' "the second instalment is a row of Overdue"
S=$(text 3)
assert_match "$(row "$S" 1)" 'Receipt$' "F5 on an instalment row opens the receipt form"
assert_match "$S" 'cash +300,00' "the cash proposed is what the instalment has open"
assert_match "$S" '\[x\] FAC-000001/2 ' "that instalment is marked" || tap_diag "$S"
assert_match "$S" '\[ \] FAC-000001/1 ' "the first instalment is not"
assert_match "$S" 'Received 300,00 +Allocated 300,00 +Left 0,00' "received, allocated, nothing left"
S=$(text 4)
assert_match "$S" 'Receipt RC-000001 posted' "F9 posts it"
cart show RC-000001
assert_contains "$OUT" "300,00" "the receipt paid 300,00"
cart balance 1
assert_contains "$OUT" "600,00" "the client owes 600,00 after it"

done_testing
