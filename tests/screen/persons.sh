#!/bin/bash
# The persons of a client (SPEC C2, seed 002) on the screens, driven by key scripts with no
# terminal: the client form opens them with F5 / C-p; add one with a wrong then a right e-mail and
# see it in the list; edit, delete (asks first); nothing is written until the client form is
# saved, and Esc there asks before dropping changed persons; a new client with a person saved
# together, and not at all when the client is refused; the help of both screens.
. "$(dirname "$0")/lib.sh"

cart init --name "Comercial Andina SAS"
cart client add "Grupo Uno SA" --tax-id 890903938 --email pagos@grupouno.co
assert_status 0 "client Grupo Uno SA"
cart client person add 1 --name "Ana Gómez" --role Contadora --email ana@grupouno.co \
	--phone "604 555 1234"
assert_status 0 "with Ana Gómez, its accountant"

# ---- F5 on the client form: the persons ----
screen 'Grupo<F4><F5><dump>'
assert_status 0 "F4 then F5 open the persons"
S=$(text 1)
assert_match "$(row "$S" 1)" '^ cartera — Comercial Andina SAS +Persons of Grupo Uno SA$' "title names the client"
assert_match "$(row "$S" 2)" "^Who receives this client's statements and reminders\. +1–1 of 1$" \
	"what they are for, and the count"
assert_match "$(row "$S" 3)" '^Name +Role +E-mail +Phone +Mail$' "columns: name, role, e-mail, phone, mail"
assert_match "$(row "$S" 4)" '^Ana Gómez +Contadora +ana@grupouno\.co +604 555 1234 +yes$' "Ana's row"
assert_eq "$R80" "$(attrs 1 | row "$(cat)" 4)" "Ana is selected"
assert_eq "F1 Help  F2 Add  F4 Edit  F8 Delete  Esc Back" "$(row "$S" 24)" "the list's key bar"

# ---- add: a wrong e-mail is refused beside the field, the right one goes into the list ----
screen 'Grupo<F4><C-p>a<dump>Marta<Space>Ruiz<Tab>Tesorera<Tab>marta@grupouno<Tab><dump><F9><dump><End>.co<F9><dump><Esc><dump><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'New person$' "C-p and a: the person form"
assert_eq "A person of Grupo Uno SA. Fields marked * are required." "$(row "$S" 2)" "whose person"
expected=" Name *
 Role
 E-mail
 Phone
 Mobile
 Receives mail   <yes>"
assert_eq "$expected" "$(sed -n '3,8p' <<<"$S")" "name, role, e-mail, phone, mobile; receives mail by default"
assert_eq "F1 Help  F9 OK  Esc Cancel" "$(row "$S" 24)" "the person form's key bar"
S=$(text 2)
assert_match "$(row "$S" 5)" '^ E-mail +marta@grupouno +not an e-mail address' "a wrong e-mail: the error beside it"
assert_eq "E-mail: not an e-mail address (name@domain.com)" "$(row "$S" 23)" "and whole on the status line"
S=$(text 3)
assert_match "$(row "$S" 1)" 'New person$' "F9 with a wrong e-mail stays in the form"
assert_match "$(row "$S" 5)" 'not an e-mail address' "still marked"
S=$(text 4)
assert_match "$(row "$S" 1)" 'Persons of Grupo Uno SA$' "corrected: F9 goes back to the list"
assert_match "$(row "$S" 5)" '^Marta Ruiz +Tesorera +marta@grupouno\.co +yes$' "Marta is in the list, last"
assert_eq "$R80" "$(attrs 4 | row "$(cat)" 5)" "and selected"
assert_match "$(row "$S" 2)" '1–2 of 2$' "two persons"
assert_eq 'Person "Marta Ruiz" kept: F9 on the client form saves it with the client.' "$(row "$S" 23)" \
	"the status line says it is not saved yet"
S=$(text 5)
assert_match "$(row "$S" 1)" 'Edit client$' "Esc: back to the client form"
assert_eq "2 persons: F9 saves the client with them." "$(row "$S" 23)" "saying F9 saves them"
assert_contains "$(text 6 | row "$(cat)" 23)" 'Client "Grupo Uno SA" saved.' "F9: the client saved"
cart client person list 1 --format csv
assert_eq "2,Marta Ruiz,Tesorera,marta@grupouno.co,,,yes" "$(tr -d '\r' <<<"$OUT" | sed -n 3p)" \
	"Marta is in the ledger, after Ana"

# ---- changed persons are typed work: Esc on the form asks; y drops them ----
dump_save "$DB" before
screen 'Grupo<F4><F5><F2>Zoe<F9><Esc><Esc><dump>y<dump>'
assert_contains "$(text 1)" "Discard the changes? (y/n)" "Esc on the form asks when persons changed"
assert_contains "$(text 2 | head -n 1)" "Clients" "y: back to the list"
assert_dump_same "$DB" before "the person typed was not saved"

# ---- Esc in the person form asks too; n goes back to typing ----
screen 'Grupo<F4><F5><F2>Zoe<Esc><dump>n<dump><Esc>y<dump>'
assert_contains "$(text 1)" "Discard the changes? (y/n)" "Esc on a typed person asks"
assert_match "$(text 2 | row "$(cat)" 3)" '^ Name \* +Zoe' "n: the typing is kept"
S=$(text 3)
assert_match "$(row "$S" 1)" 'Persons of Grupo Uno SA$' "y: the list again"
assert_match "$(row "$S" 2)" '1–2 of 2$' "without Zoe"

# ---- edit: Enter on Marta, a new role and no mail ----
screen 'Grupo<F4><F5><Down><Enter><dump><Tab><End><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>Tesorera<Space>general<Tab><Tab><Tab><Tab>n<F9><dump><Esc><F9>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'Edit person$' "Enter: the person form, Edit person"
assert_eq " Name *          Marta Ruiz" "$(row "$S" 3)" "her values are loaded"
assert_eq " E-mail          marta@grupouno.co" "$(row "$S" 5)" "her e-mail"
S=$(text 2)
assert_match "$(row "$S" 5)" '^Marta Ruiz +Tesorera general +marta@grupouno\.co +no$' \
	"the list shows the new role and no mail"
cart client person list 1 --format csv
assert_eq "2,Marta Ruiz,Tesorera general,marta@grupouno.co,,,no" "$(tr -d '\r' <<<"$OUT" | sed -n 3p)" \
	"saved: the same person changed, not a new one"
cart client show 1
assert_contains "$OUT" "Mail to:    pagos@grupouno.co, ana@grupouno.co" "Marta no longer gets mail"

# ---- delete asks first ----
screen 'Grupo<F4><F5><F8><dump>n<dump>d<dump>y<dump><Esc><F9>'
S=$(text 1)
assert_contains "$S" "Delete Ana Gómez? (y/n)" "F8 asks, naming the person"
assert_eq "y Yes  n No" "$(row "$S" 24)" "the question's key bar"
assert_match "$(text 2 | row "$(cat)" 4)" '^Ana Gómez ' "n: Ana stays"
assert_contains "$(text 3)" "Delete Ana Gómez? (y/n)" "d asks too"
S=$(text 4)
assert_match "$(row "$S" 4)" '^Marta Ruiz ' "y: Ana is gone from the list"
assert_match "$(row "$S" 2)" '1–1 of 1$' "one person left"
cart client person list 1 --format csv
assert_eq "id,name,role,email,phone,mobile,notify
2,Marta Ruiz,Tesorera general,marta@grupouno.co,,,no" "$(tr -d '\r' <<<"$OUT")" "saved: only Marta"

# ---- a new client with a person, saved together ----
screen '<F2><Tab><Tab>900123456<Tab><Tab>Nueva<Space>Empresa<Space>SAS<F5><dump><F2>Pedro<Space>Soto<Tab>Gerente<Space>de<Space>compras<Tab>pedro@nueva.co<F9><dump><Esc><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'Persons of Nueva Empresa SAS$' "a new client's persons, named by the name typed"
assert_eq " No persons yet: F2 or a adds one." "$(row "$S" 4)" "none yet"
assert_eq "F1 Help  F2 Add  Esc Back" "$(row "$S" 24)" "no Edit or Delete without a person"
assert_match "$(text 2 | row "$(cat)" 4)" '^Pedro Soto +Gerente de compras +pedro@nueva\.co +yes$' "Pedro in the list"
S=$(text 3)
assert_contains "$(row "$S" 23)" 'Client "Nueva Empresa SAS" saved.' "the client saved"
cart client show 900123456
assert_status 0 "the new client is in the ledger"
assert_contains "$OUT" "Persons:    " "client show lists its persons"
assert_contains "$OUT" "Pedro Soto (Gerente de compras)  pedro@nueva.co" "Pedro saved with it"
assert_contains "$OUT" "Mail to:    pedro@nueva.co" "and he gets its mail"

# ---- a new client refused (a duplicate tax id): its person is not saved either ----
dump_save "$DB" dup
screen '<F2><Tab><Tab>900123456<Tab><Tab>Copia<F5><F2>Eva<F9><Esc><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 23)" 'already belongs to client 2, Nueva Empresa SAS$' "the duplicate tax id is refused"
assert_contains "$(row "$S" 1)" "New client" "the form stays open"
assert_dump_same "$DB" dup "neither the client nor its person was written"

# ---- a client's own e-mail field may hold several addresses (all of them get its mail) ----
cart client add "Tres SAS" --tax-id 800197268 --email "pagos@tres.co; cartera@tres.co"
screen 'Tres<F4><F9><dump>'
assert_contains "$(text 1 | row "$(cat)" 23)" 'Client "Tres SAS" saved.' \
	"the form saves a client with two e-mails"
screen 'Tres<F4><Down><Down><Down><Down><Down><Down><Down><End>,<Space>mal<Tab><dump>'
assert_match "$(text 1 | row "$(cat)" 10)" '^ E-mail .* not an e-mail address' "but not a broken one"

# ---- help ----
screen 'Grupo<F4><F5><F1><dump><Esc><F2><F1><dump><Esc><dump>'
S=$(text 1)
assert_contains "$(row "$S" 1)" "Help: Persons" "F1 in the list: its help"
for k in "F2 a" "F4 e Enter" "F8 d Del" "Esc q F10" "Up C-p k" "Down C-n j"; do
	assert_match "$S" "^ $k +[a-z]" "the persons' help lists $k"
done
S=$(text 2)
assert_contains "$(row "$S" 1)" "Help: Person" "F1 in the person form: its help"
for k in "F9 C-s" "Esc F10" "Tab S-Tab Enter"; do
	assert_match "$S" "^ $k +[a-z]" "the person form's help lists $k"
done
assert_contains "$(text 3 | head -n 1)" "New person" "Esc from help goes back to the person form"
screen '<F2><F1><dump>'
assert_match "$(text 1)" '^ F5 C-p +the client.s associated persons' "the client form's help lists F5 C-p"

# ---- a real terminal: F5 arrives as an escape sequence, C-p as a control character ----
if command -v tmux >/dev/null 2>&1; then
	TM=(tmux -L "cartera-persons-$$" -f /dev/null)
	trap '"${TM[@]}" kill-server 2>/dev/null; lib_cleanup' EXIT
	"${TM[@]}" new-session -d -s cartera -x 80 -y 24 \
		"env TERM=xterm-256color LC_ALL=C.UTF-8 HOME='$HOME' '$CARTERA_BIN' --db '$DB' --today $TODAY --screen clients"
	"${TM[@]}" set-option -t cartera status off >/dev/null
	wait_for "F1 Help Enter Open"
	ok $? "tmux: the client list" || tap_diag "$PANE"
	"${TM[@]}" send-keys -t cartera Nueva F4
	wait_for "Edit client"
	ok $? "tmux: F4 opens Nueva Empresa SAS" || tap_diag "$PANE"
	"${TM[@]}" send-keys -t cartera F5
	wait_for "Persons of Nueva Empresa SAS"
	ok $? "tmux: F5 opens its persons" || tap_diag "$PANE"
	assert_contains "$PANE" "Pedro Soto" "tmux: Pedro is listed"
	"${TM[@]}" send-keys -t cartera Escape
	wait_for "F5 Persons"
	ok $? "tmux: Esc goes back to the form" || tap_diag "$PANE"
	"${TM[@]}" send-keys -t cartera C-p
	wait_for "Persons of Nueva Empresa SAS"
	ok $? "tmux: C-p opens them too" || tap_diag "$PANE"
	"${TM[@]}" kill-server 2>/dev/null
else
	skip "tmux: F5 and C-p in a real terminal" "tmux is not installed"
fi

done_testing
