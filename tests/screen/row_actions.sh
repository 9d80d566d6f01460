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


# ---- a credit in favour applied from an Overdue row (Ctrl-A) ----
cart payment post 2 250,00 --advance --date 2026-06-21
assert_status 0 "Grupo Uno has an advance of 250,00"
screen '<dump><C-a><dump><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 7)" '^Grupo Uno SA +FAC-000002 ' "the first overdue row is Grupo Uno's invoice"
S=$(text 2)
assert_match "$S" 'ANT-000001' "Ctrl-A opens the client's credit in favour, applied" || tap_diag "$S"
assert_match "$S" '\[x\] FAC-000002 .* 250,00 *$' "to the selected invoice: 250,00 of it"
cart balance 2
assert_contains "$OUT" "750,00" "posted: Grupo Uno owes 750,00 net"
cart aging
A=$OUT
assert_match "$A" 'Grupo Uno SA' "the aging lists Grupo Uno"

# ---- void from the Transactions tab: what it reverses, then the reason ----
screen '<Tab><Tab><Tab><Tab><dump>' 
S=$(text 1)
N=$(grep -n -m1 'RC-000001' <<<"$S" | cut -d: -f1)
assert_match "$N" '^[0-9]+$' "the receipt RC-000001 is on the Transactions tab" || tap_diag "$S"
DOWNS=$(printf '<Down>%.0s' $(seq 1 $((N - 8))))
screen "<Tab><Tab><Tab><Tab>$DOWNS<C-x><dump>cobrado<Space>dos<Space>veces<Enter><dump>"
S=$(text 1)
assert_contains "$S" "RC-000001, receipt of Cuotas Ltda" "Ctrl-X shows the document to void" || tap_diag "$S"
assert_contains "$S" "300,00 of it was applied; those invoices are open again" \
	"and what the void takes back, before it posts"
S=$(text 2)
assert_contains "$S" "RC-000001 voided by ANU-000001." "the reason given, it is voided"
cart balance 1
assert_contains "$OUT" "900,00" "Cuotas Ltda owes 900,00 again"
cart show ANU-000001
assert_contains "$OUT" "cobrado dos veces" "the reason is kept with the void"

# ---- the client's history: a reminder and a mail, in local time ----
cart remind 1 --note "llamar el lunes"
cart company set mail-from cobros@andina.example
CARTERA_SENDMAIL=true cart mail statement 1 --to pagos@cuotas.example --no-pdf
assert_status 0 "a statement e-mailed to Cuotas Ltda (in the outbox)"
screen "<Down><C-y><dump>"
S=$(text 1)
assert_contains "$S" "History of Cuotas Ltda" "Ctrl-Y: the row's client's history" || tap_diag "$S"
assert_contains "$S" "llamar el lunes" "the reminder is in it"
assert_match "$S" 'mail +.*pagos@cuotas.example|mail .*[Ss]tatement' "and the mail" 
printf "<Down><C-y><dump>" >"$T/keys"
rm -f "$T/dump"
run env TZ='<-05>5' "$CARTERA_BIN" --db "$DB" --today "$TODAY" --screen dashboard --keys "$T/keys" --dump "$T/dump"
H=$(sqlite3 "$DB" "SELECT strftime('%H:%M', at, '-5 hours') FROM client_history WHERE text LIKE '%llamar%'")
assert_contains "$(text 1)" "$H" "times in the clerk's local time ($H at UTC-5)"

# ---- F5 proposes the cash; marking a second instalment makes it follow the marks ----
screen '<Down><F5><dump><Down><Space><dump><F9><dump>'
S=$(text 1)
assert_match "$S" 'cash +300,00' "F5 on FAC-000001/1 proposes 300,00 in cash"
S=$(text 2)
assert_match "$S" 'cash +600,00' "marking FAC-000001/2 too: the cash follows, 600,00" || tap_diag "$S"
assert_match "$S" '\[x\] FAC-000001/2 .* 300,00 +300,00' "the second instalment is paid 300,00, not 0,00"
assert_match "$S" 'Received 600,00 +Allocated 600,00 +Left 0,00' "received, allocated, nothing left"
cart balance 1
assert_contains "$OUT" "300,00" "posted: Cuotas Ltda owes 300,00 after paying two instalments"

done_testing
