#!/bin/bash
# The client form screen (SPEC C1, seed 002), driven by key scripts with no terminal: a new client
# with a wrong then a right Colombian NIT, the DV computed, save and the list selecting it; edit
# and save; Esc on typed work asking first; a duplicate tax id naming its holder.
. "$(dirname "$0")/lib.sh"

cart demo --clients 40 --seed 5 --quiet
assert_status 0 "demo ledger with 40 clients (a Colombian company)"

# ---- a new client: F2, the empty form ----
screen '<F2><dump>'
assert_status 0 "F2 opens the form"
S=$(text 1)
assert_match "$(row "$S" 1)" 'cartera — Distribuidora Andina S\.A\.S\. +New client$' "title: New client"
expected=" Receiver type   <taxpayer>
 Taxpayer type   <natural person>
 Tax id *
 DV
 Name *
 Location
 Address
 E-mail
 Phone
 Mobile
 Terms (days) *  30
 Credit limit
 Notes
 Active          <yes>"
assert_eq "$expected" "$(sed -n '3,16p' <<<"$S")" "every field of seed 002, required ones starred, defaults"
assert_eq "F1 Help  F9 Save  Esc Cancel  F5 Persons" "$(row "$S" 24)" "form key bar"
assert_match "$(attrs 1 | row "$(cat)" 3)" '^ B+ +R' "the current field: label bold, cursor cell reverse"

screen '<A-n><dump>'
assert_contains "$(text 1 | head -n 1)" "New client" "Alt-n opens the form too"

# ---- a wrong NIT: too long, then a DV that does not match; the right one shows DV 8 ----
# (the form's person types its NIT with the DV after a hyphen: a person's digits alone whose
# last one may be the DV are asked about, issue 16)
screen '<F2><Tab><Tab>8909039381234<Tab><dump><S-Tab><End><Backspace><Backspace><Backspace><Backspace>-8<Tab><dump><Backspace>7<Tab><dump><S-Tab><Backspace><Tab><dump>'
S=$(text 1)
assert_match "$(row "$S" 5)" '^ Tax id \* +8909039381234 +NIT "8909039381234" has 13 digits' \
	"leaving the tax id: the error beside the field"
assert_match "$(row "$S" 23)" '^Tax id: NIT "8909039381234" has 13 digits' "the whole message on the status line"
assert_match "$(attrs 1 | row "$(cat)" 5)" '3{20,}' "the error in the error colour"
assert_eq " DV" "$(row "$S" 6)" "no DV for a wrong tax id"
S=$(text 2)
assert_eq " Tax id *        890903938-8" "$(row "$S" 5)" "corrected: no error beside it"
assert_eq " DV              8" "$(row "$S" 6)" "890903938: DV 8 computed and shown"
S=$(text 3)
assert_match "$(row "$S" 6)" '^ DV +7 +NIT "890903938" has DV 7, expected 8$' "a DV typed to compare: refused beside it"
S=$(text 4)
assert_eq " DV              8" "$(row "$S" 6)" "DV emptied: computed again"

# ---- required fields on save; then fill the name and save ----
screen '<F2><Right><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 3)" '^ Receiver type +<final consumer>' "Right cycles the receiver type"
assert_eq " Tax id" "$(row "$S" 5)" "a final consumer may omit the tax id (no star, no error)"
assert_match "$(row "$S" 7)" '^ Name \* +required$' "F9: the empty name is refused beside it"
assert_contains "$(row "$S" 1)" "New client" "F9 with errors stays in the form"
screen '<F2><F9><dump>'
assert_match "$(text 1 | row "$(cat)" 5)" '^ Tax id \* +required$' "a taxpayer needs a tax id"

screen '<F2><Tab><Tab>890903938-8<Tab><Tab>Ñandú<Space>Ltda<C-s><dump>'
S=$(text 1)
assert_contains "$(row "$S" 1)" "Clients" "saved: back to the list"
assert_contains "$(row "$S" 23)" 'Client "Ñandú Ltda" saved.' "saved: the status line says so"
sel=$(attrs 1 | grep -n "^$R80\$" | cut -d: -f1)
assert_match "$(row "$S" "$sel")" '^Ñandú Ltda +890903938-8 ' "the saved client is selected in the list"
assert_match "$(row "$S" 2)" ' of 41$' "41 clients now"
cart client show 890903938
assert_status 0 "client show finds the new client"
assert_contains "$OUT" "Ñandú Ltda" "client show: the name"
assert_contains "$OUT" "890903938-8" "client show: the tax id with DV"

# the saved client is selected even when the filter hid it
screen 'Zzz<F2><Tab><Tab>900123456<Tab><Tab>Otra<Space>Empresa<F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 2)" '^Filter: +[0-9]+–[0-9]+ of 42$' "the filter that hid it is cleared"
sel=$(attrs 1 | grep -n "^$R80\$" | cut -d: -f1)
assert_match "$(row "$S" "$sel")" '^Otra Empresa +900123456' "and the client is selected"

# a duplicate tax id names its holder
screen '<F2><Tab><Tab>890903938-8<Tab><Tab>Copia<F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 5)" '^ Tax id \* +890903938-8 +tax id 890903938 already belongs to cli' \
	"a duplicate tax id is refused beside the field"
assert_match "$(row "$S" 23)" 'already belongs to client [0-9]+, Ñandú Ltda$' \
	"the status line names the client that holds it"
assert_contains "$(row "$S" 1)" "New client" "the form stays open"

# ---- edit: F4 / e on the selected row, change the phone, save ----
screen 'Ñandú<F4><dump><Down><Down><Down><Down><Down><Down><Down><Down>601<Space>555<Space>1234<F9><dump>'
S=$(text 1)
assert_contains "$(row "$S" 1)" "Edit client" "F4 opens the selected client in the form"
assert_eq " Name *          Ñandú Ltda" "$(row "$S" 7)" "the client's values are loaded"
assert_eq " DV              8" "$(row "$S" 6)" "with its DV"
S=$(text 2)
sel=$(attrs 2 | grep -n "^$R80\$" | cut -d: -f1)
assert_match "$(row "$S" "$sel")" '^Ñandú Ltda +890903938-8 +601 555 1234 ' "saved: the new phone in the list"
cart client show 890903938
assert_contains "$OUT" "601 555 1234" "client show: the phone was changed"
cart client list
n=$(grep -c 'Ñandú' <<<"$OUT")
assert_eq 1 "$n" "editing changed the client, it did not add one"

# ---- Esc with typed work asks first: n keeps editing, y discards ----
screen 'Ñandú<Enter><Esc><F4><Down><Down><Down><Down>X<Esc><dump>n<dump><Esc>y<dump>'
S=$(text 1)
assert_contains "$S" "Discard the changes? (y/n)" "Esc on a changed form asks"
assert_eq "y Yes  n No" "$(row "$S" 24)" "the question's key bar"
S=$(text 2)
assert_not_contains "$S" "Discard the changes?" "n: the question goes away"
assert_match "$(row "$S" 7)" '^ Name \* +Ñandú LtdaX' "n: back to the form with the typing kept"
S=$(text 3)
assert_contains "$(row "$S" 1)" "Clients" "Esc then y: back to the list"
cart client show 890903938
assert_contains "$OUT" "Client " "the client is still there"
assert_not_contains "$OUT" "LtdaX" "y discarded the change: the record is unchanged"
screen '<A-e><Esc><dump>'
assert_contains "$(text 1 | head -n 1)" "Clients" "Esc on an untouched form closes it at once"

# ---- help from the form ----
screen '<F2><F1><dump><Esc><dump>'
S=$(text 1)
assert_contains "$(row "$S" 1)" "Help: Client form" "F1 in the form: its help"
for k in "F9 C-s" "Esc F10" "Tab Enter Down" "S-Tab Up"; do
	assert_match "$S" "^ $k +[a-z]" "form help lists $k"
done
assert_contains "$(text 2 | head -n 1)" "New client" "Esc from help goes back to the form"
assert_contains "$(text 2)" "Receiver type" "the form is drawn again"
screen '<F1><dump>'
assert_match "$(text 1)" '^ F2 Alt-n +new client' "the list's help lists F2 Alt-n"
assert_match "$(text 1)" '^ F4 Alt-e +edit the selected client' "the list's help lists F4 Alt-e"

# ---- a shorter terminal: the form scrolls to keep the current field on screen ----
screen '<F2><Up><dump>' --size 80x12
S=$(text 1)
assert_match "$S" ' Active +<yes>' "at 80x12 the last field is shown when current"
assert_not_contains "$S" "Receiver type" "and the first ones scrolled away"

done_testing
