#!/bin/bash
# The client form's rules as the clerk sees them (seed 002, SPEC C1): the required marks follow
# the receiver and the taxpayer type as they are changed, and a "required" shown on a field that
# no longer is goes away; a Mexican RFC whose check digit does not match is a warning beside the
# field (its own attribute, not the error's) and the client is still saved; a malformed RFC is an
# error that blocks the save.
. "$(dirname "$0")/lib.sh"

cart demo --clients 5 --seed 5 --quiet
assert_status 0 "demo ledger (a Colombian company)"

# ---- required marks follow the receiver and taxpayer types ----
screen '<F2><dump><Right><dump><Down><Right><dump><Left><dump><Up><Right><Right><Down><Right><dump>'
assert_eq " Tax id *" "$(text 1 | row "$(cat)" 5)" "a taxpayer, natural person: the tax id is required"
assert_eq " Tax id" "$(text 2 | row "$(cat)" 5)" "a final consumer, natural person: not required"
S=$(text 3)
assert_match "$(row "$S" 4)" '^ Taxpayer type +<legal person>' "Right on the taxpayer type: legal person"
assert_eq " Tax id *" "$(row "$S" 5)" "a final consumer that is a legal person: required again"
assert_eq " Tax id" "$(text 4 | row "$(cat)" 5)" "back to a natural person: not required"
S=$(text 5)
assert_match "$(row "$S" 3)" '^ Receiver type +<foreign>' "receiver: foreign"
assert_match "$(row "$S" 4)" '^ Taxpayer type +<legal person>' "a foreign legal person"
assert_eq " Tax id" "$(row "$S" 5)" "a foreign company's id is not a local one: not required"
assert_eq " Name *" "$(row "$S" 7)" "the name is always required"
assert_eq " Terms (days) *  30" "$(row "$S" 13)" "so are the terms"
assert_eq "Fields marked * are required: they depend on the receiver and taxpayer type." \
	"$(row "$S" 2)" "the line above the form says so"

# F9 marks the missing tax id; making the client a final consumer takes the error away
screen '<F2><F9><dump><Up><Up><Right><dump><Down><Right><dump>'
assert_match "$(text 1 | row "$(cat)" 5)" '^ Tax id \* +required$' "F9: a taxpayer's missing tax id"
S=$(text 2)
assert_eq " Tax id" "$(row "$S" 5)" "final consumer: no mark, and the \"required\" is gone"
assert_match "$(row "$S" 7)" '^ Name \* +required$' "the name's error stays: it is still required"
assert_match "$(text 3 | row "$(cat)" 5)" '^ Tax id \*$' "legal person: marked again (checked at the next save)"

# ---- a Mexican company: the RFC's check digit warns and does not block ----
DB="$T/mx.db"
cart init --name "Comercial del Norte S.A. de C.V." --country MX --currency MXN --decimal-sep . --thousands-sep ,
assert_status 0 "a Mexican company's ledger"
screen '<F2><Down><Right><Tab>SAT970701NN4<Tab><dump><Tab>Servicio<Space>de<Space>Administración<Space>Tributaria<F9><dump>'
assert_status 0 "a legal person with the SAT's RFC, one digit changed"
S=$(text 1)
assert_match "$(row "$S" 5)" '^ Tax id \* +SAT970701NN4 +RFC "SAT970701NN4" has check digit 4, ex' \
	"the warning beside the tax id"
assert_match "$(row "$S" 23)" '^Tax id: RFC "SAT970701NN4" has check digit 4, expected 3; some RFCs' \
	"the whole warning on the status line"
A=$(attrs 1)
assert_match "$(row "$A" 5)" ' 5{40,}$' "beside the field in the warning colour (5)"
assert_match "$(row "$A" 23)" '^5+$' "the status line too"
assert_not_contains "$(row "$A" 5)" "3" "not in the error colour"
S=$(text 2)
assert_contains "$(row "$S" 1)" "Clients" "F9: saved, back to the list"
assert_match "$(row "$S" 4)" '^Servicio de Administración Tri… SAT970701NN4 ' "the client in the list"
assert_match "$(row "$S" 23)" '^Client "Servicio de Administración Tributaria" saved\. Tax id: RFC' \
	"saved, and the warning said again"
cart client show SAT970701NN4
assert_status 0 "client show finds the RFC"
assert_contains "$OUT" "Servicio de Administración Tributaria" "the client was saved"

# editing it: the warning is there as the form opens
screen '<A-e><dump>'
assert_match "$(text 1 | row "$(cat)" 5)" '^ Tax id \* +SAT970701NN4 +RFC "SAT970701NN4" has check digit 4' \
	"edit: the saved RFC's warning shown at once"

# without colours the warning is underlined and an error bold: still told apart
NO_COLOR=1 screen '<F2><Down><Right><Tab>SIN9311169P8<Tab><dump><S-Tab><C-u>SAT97<Tab><dump>'
assert_match "$(attrs 1 | row "$(cat)" 5)" ' U{40,}$' "NO_COLOR: the warning underlined"
S=$(text 2)
assert_match "$(row "$S" 5)" '^ Tax id \* +SAT97 +RFC' "a malformed RFC: an error beside it"
assert_match "$(attrs 2 | row "$(cat)" 5)" ' B{40,}$' "NO_COLOR: the error bold"
screen '<F2><Down><Right><Tab>SAT97<Tab><Tab>Mala<F9><dump>'
assert_contains "$(text 1 | row "$(cat)" 1)" "New client" "a malformed RFC blocks the save"
cart client list
assert_not_contains "$OUT" "Mala" "and nothing was saved"

# the right RFC: no warning at all
screen '<F2><Down><Right><Tab>SAT970701NN3<Tab><dump>'
assert_eq " Tax id *        SAT970701NN3" "$(text 1 | row "$(cat)" 5)" "a correct RFC: nothing beside it"
assert_eq "" "$(text 1 | row "$(cat)" 23)" "and nothing on the status line"

done_testing
