#!/bin/bash
# The follow-up screens: "Seguimiento" (W on the dashboard, ui/scr_followup.c) lists the three
# clients due today with their level, overdue amount and dates, Enter previews the message, one
# client is unticked and F9 processes the other two (checked in the ledger: levels reached,
# e-mails in the outbox, the history); "Hoy" (H, ui/scr_today.c) shows an overdue call, marks it
# done with a note (in the client's history), records a promise to pay that is shown broken the
# day after its date. Today is 2026-06-30. TAP output.
. "$(dirname "$0")/lib.sh"
START=dashboard
q() { sqlite3 -batch "$DB" "$1"; }

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart company set mail-from cobros@andina.co
cart client add "Grupo Uno SA" --tax-id 890903938 --email uno@example.com
cart client add "Cuotas Ltda" --tax-id 899999068 --email cuotas@example.com
cart client add "Zeta Ñandú" --tax-id 800197268 --email zeta@example.com
cart invoice post --override p 1 1.000,00 --date 2026-03-01                               # 91 days
cart invoice post --override p 2 900,00 --date 2026-04-15 --due 2026-05-15 --instalments 3 # 46 days
cart invoice post --override p 3 800,00 --date 2026-05-11 --due 2026-06-10                 # 20 days
assert_status 0 "the ledger is built"

# ---- Seguimiento ----
scr '<A-W><dump><Enter><dump><Esc><Down><Space><dump><F9><dump><Esc><dump>' 80x24
assert_status 0 "the follow-up screen runs"
S=$(text 1)
assert_match "$(row "$S" 1)" "^ cartera — Comercial Andina SAS +Follow-up due 2026-06-30$" "its title"
assert_match "$(row "$S" 2)" "^3 of 3 clients ticked" "three clients, all ticked"
assert_match "$(row "$S" 4)" '^\[x\] Cuotas Ltda +Second reminder +600,00 15/05/2026 14/06/2026' \
	"Cuotas: second reminder, 600,00 overdue since 05-15"
assert_match "$(row "$S" 5)" '^\[x\] Grupo Uno SA +Final notice \* +1\.000,00 31/03/2026' \
	"Grupo Uno: the final notice, a level by hand"
assert_match "$(row "$S" 6)" '^\[x\] Zeta Ñandú +First reminder +800,00 10/06/2026 25/06/2026' \
	"Zeta: the first reminder"
assert_match "$(row "$S" 24)" "^F1 Help +F2 Tick +Enter Preview +F9 Process +F10 Back" "its key bar"
S=$(text 2)
assert_contains "$S" "Cuotas Ltda: Second reminder" "Enter previews the selected client's message"
assert_contains "$S" "FAC-000002/1     2026-05-15     46" "the preview lists the overdue instalment"
S=$(text 3)
assert_match "$(row "$S" 5)" '^\[ \] Grupo Uno SA' "Space unticks Grupo Uno"
assert_match "$(row "$S" 2)" "^2 of 3 clients ticked" "two of three ticked"
S=$(text 4)
assert_contains "$S" "2 clients processed: 2 e-mails queued" "F9 processes the two ticked clients"
S=$(text 5)
assert_match "$(row "$S" 4)" '^\[x\] Grupo Uno SA +Final notice' "the unticked client is still due"
assert_eq "2 3" "$(q 'SELECT group_concat(client_id, " ") FROM (SELECT client_id FROM followup_done ORDER BY 1)')" \
	"Cuotas and Zeta reached their level, Grupo Uno did not"
assert_eq "2" "$(q "SELECT count(*) FROM mail_outbox WHERE kind = 'reminder'")" "two e-mails in the outbox"
cart client history 2
assert_contains "$OUT" "Follow-up level Second" "Cuotas's history has the reminder"

# ---- Hoy ----
cart activity add 2 --due 2026-06-29 --clerk ana --summary "Llamar por la cuota"
scr '<A-H><dump>p250,00<Enter>2026-07-02<Enter>el<Space>gerente<Enter><dump>dhablamos<Space>con<Space>tesorería<Enter><dump>' 80x24
assert_status 0 "the today screen runs"
S=$(text 1)
assert_match "$(row "$S" 1)" "^ cartera — Comercial Andina SAS +Today, 2026-06-30$" "its title"
assert_match "$(row "$S" 4)" "^Call +29/06/2026 Cuotas Ltda +Llamar por la cuota +ana" \
	"the call overdue since yesterday"
assert_match "$(row "$S" 24)" "^F1 Help +F5 Done +F6 Move +F7 Promise +Enter Client +F10 Back" \
	"its key bar"
S=$(text 2)
assert_contains "$S" "Promise recorded: Cuotas Ltda will pay 250,00 by 2026-07-02." "p records a promise"
assert_eq "2 25000 2026-07-02 el gerente" "$(q "SELECT client_id, amount, date, by_whom FROM followup_promises" | tr '|' ' ')" \
	"the promise: Cuotas, 250,00 by 07-02, by the manager"
S=$(text 3)
assert_contains "$S" "Done: Call, Cuotas Ltda." "d marks the call done"
assert_not_contains "$S" "Llamar por la cuota" "the call leaves the list"
assert_contains "$S" "Nothing to do today." "with the call done, nothing is left today"
assert_contains "$(q "SELECT text FROM client_history WHERE client_id = 2 AND kind = 'call'")" \
	"hablamos con tesorería" "the note is in the client's history, as a call"
assert_eq "2026-06-30" "$(q "SELECT done_date FROM followup_activities WHERE id = 1")" "done today"
# the day after its date, nothing paid: broken
printf '<A-H><dump>' >"$T/keys"
run env HOME="$T/home" "$CARTERA_BIN" --db "$DB" --today 2026-07-03 --screen dashboard \
	--keys "$T/keys" --dump "$T/dump2" --size 80x24
S=$(awk '/^---- dump /{d++; on = (d == 1); next} /^---- attributes/{on = 0} on' "$T/dump2")
assert_match "$(row "$S" 4)" "^Broken promise 02/07/2026 Cuotas Ltda +250,00 COP, paid 0,00" \
	"the day after its date the promise shows broken"

# ---- Hoy a window at a time: 30 activities and the broken promise, more than a screen holds ----
for i in $(seq -w 1 30); do
	cart activity add 3 --due 2026-06-28 --clerk ana --summary "Tarea $i"
done
printf '<A-H><dump><End><dump><Up><dump>dhecha<Enter><dump><PgUp><PgUp><Home><dump>' >"$T/keys"
run env HOME="$T/home" "$CARTERA_BIN" --db "$DB" --today 2026-07-03 --screen dashboard \
	--keys "$T/keys" --dump "$T/dump3" --size 80x24
assert_status 0 "Hoy with 31 rows runs"
dumpn() { awk -v n="$1" '/^---- dump /{d++; on = (d == n); next} /^---- attributes/{on = 0} on' "$T/dump3"; }
S=$(dumpn 1)
assert_match "$(row "$S" 4)" "^Call +28/06/2026 Zeta Ñandú +Tarea 01 +ana" "the first window starts at the oldest task"
assert_not_contains "$S" "Tarea 30" "the last task is past the first window"
assert_not_contains "$S" "Broken promise" "and so is the promise"
S=$(dumpn 2)
assert_contains "$S" "Broken promise" "End: the promise, the last row, is read and shown"
assert_contains "$S" "Tarea 30" "with the last tasks above it"
assert_not_contains "$S" "Tarea 01" "the first window is gone"
S=$(dumpn 4)
assert_contains "$S" "Done: Call, Zeta Ñandú." "d on a row past the first window marks it done"
assert_eq "Tarea 30|2026-07-03" "$(q "SELECT summary, done_date FROM followup_activities WHERE done_date <> '' AND summary LIKE 'Tarea%'")" \
	"the one done is Tarea 30, the row selected"
assert_not_contains "$S" "Tarea 30" "it leaves the list"
S=$(dumpn 5)
assert_match "$(row "$S" 4)" "^Call +28/06/2026 Zeta Ñandú +Tarea 01" "Home: back to the first window"

# a reschedule moves the row past the window; the cursor follows it (its place in the list)
printf '<A-H><Down><Down><Down><Down>r2026-07-01<Enter><dump>' >"$T/keys"
rm -f "$T/dump3"
run env HOME="$T/home" "$CARTERA_BIN" --db "$DB" --today 2026-07-03 --screen dashboard \
	--keys "$T/keys" --dump "$T/dump3" --size 80x24
S=$(dumpn 1)
A=$(awk '/^---- dump /{d++; a = 0; next} /^---- attributes/{a = (d == 1); next} a' "$T/dump3")
sel=$(grep -nx "$R80" <<<"$A" | head -1 | cut -d: -f1)
assert_match "$(row "$S" "${sel:-0}")" "^Call +01/07/2026 Zeta Ñandú +Tarea 05 " \
	"r moves Tarea 05 to 07-01, past the first window, and the cursor is on it" || tap_diag "$S"
assert_not_contains "$S" "Tarea 01" "the window scrolled to it"
done_testing
