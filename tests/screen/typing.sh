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
screen 'iFerre<Enter><F4>Widget<Tab>45<dump>' --size 80x24
S=$(text 1)
L=$(grep -m1 '^  1 Widget' <<<"$S")
assert_match "$L" '^  1 Widget +45 ' "typing 45 shows 45, both digits" || tap_diag "$S"
A=$(attrs 1 | row "$(cat)" "$(grep -n -m1 '^  1 Widget' <<<"$S" | cut -d: -f1)")
P=$(awk -v l="$L" 'BEGIN { print index(l, "45 ") }')
assert_eq "R" "${A:$((P + 1)):1}" "the cursor is just after the 5, not on it"

# ---- the client's long name, shown from its start once the clerk left the field ----
assert_match "$(row "$S" 2)" 'Client \* +Ferretería Ñandú' "the client's name from its start" ||
	tap_diag "$(row "$S" 2)"

done_testing
