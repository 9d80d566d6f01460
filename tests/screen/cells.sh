#!/bin/bash
# What a clerk types stays in sight (issue 14): a number cell of the invoice's lines shows every
# digit while it is typed, the cursor after them; a form field longer than its box shows its
# start when the clerk is elsewhere.
. "$(dirname "$0")/lib.sh"
START=dashboard

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Ferretería Ñandú y Compañía de Herramientas del Valle SAS" --tax-id 890903938 --terms 30
assert_status 0 "the ledger is built"

# ---- typing 45 in the quantity cell ----
screen '<A-i>Ferre<Enter><F4>Widget<Tab>45<dump>' --size 80x24
S=$(text 1)
L=$(grep -m1 '^  1 Widget' <<<"$S")
assert_match "$L" '^  1 Widget +45 ' "typing 45 shows 45, both digits" || tap_diag "$S"
A=$(attrs 1 | row "$(cat)" "$(grep -n -m1 '^  1 Widget' <<<"$S" | cut -d: -f1)")
P=$(awk -v l="$L" 'BEGIN { print index(l, "45 ") }')
assert_eq "R" "${A:$((P + 1)):1}" "the cursor is just after the 5, not on it"

# ---- the client's long name, shown from its start once the clerk left the field ----
assert_match "$(row "$S" 2)" 'Client \* +Ferretería Ñandú' "the client's name from its start" ||
	tap_diag "$(row "$S" 2)"

# ---- a wrong amount: named once, the expected format said once ----
screen '<A-i>Ferre<Enter><F4>Widget<Tab>1<Tab>12,345<Tab><dump>' --size 80x24
S=$(text 1)
assert_contains "$S" 'line 1: the unit price: "12,345" has more than 2 decimals (like 1.234,50)' \
	"the wrong unit price says the format expected, whole"
assert_eq 1 "$(grep -c '12,345" has more' <<<"$S")" "the message is on screen once"
screen '<A-R><Enter><F2>1,2,3<Enter><dump>' --size 80x24
S=$(text 1)
assert_contains "$S" 'the cash amount: "1,2,3" is not a number (like 1.234,50)' \
	"the receipt's cash: named once, with the format"
assert_not_contains "$S" "amount: amount" "no stutter"

done_testing
