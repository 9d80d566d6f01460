#!/bin/bash
# tests/cli/followup.sh: payment follow-up from the command line (SPEC F1-F3, F6, F8): levels,
# status, preview, run (dry, twice, two at once, killed with -9 at random points then run again:
# each client reached once per level, counted in the ledger, the outbox and the letters), letters
# read back with pdftotext, SMS through a stand-in command, fee and interest as a journal charge,
# set/hold, activities and promises. Today is 2026-06-30. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

q() { sqlite3 -batch "$DB" "$1"; }

cart followup --help
assert_status 0 "followup --help exits 0"
assert_contains "$OUT" "cartera followup run [--dry-run]" "followup --help lists run"
cart followup run --help
assert_contains "$OUT" "--letters-file FILE" "followup run --help"
cart activity --help
assert_contains "$OUT" "cartera activity reschedule ID DATE" "activity --help"
cart promise --help
assert_contains "$OUT" "cartera promise add CLIENT AMOUNT DATE" "promise --help"

# ---- a Peruvian company with soles and dollars ----
cart init --name "Comercial Andina SAC" --country PE --date-order ymd --currency PEN --currency2 USD \
	--decimal-sep . --thousands-sep ,
assert_status 0 "init"
cart company set mail-from cobros@andina.pe
assert_status 0 "the company's sender for the outbox"
cart client add "José Ñúñez Peña" --receiver foreign --address "Av. Arequipa 123, Lima" \
	--email jose@example.pe --mobile 999888777
cart client add "Beta Ltda" --receiver foreign --email beta@example.pe
cart client add "Cuotas SAC" --receiver foreign --email cuotas@example.pe
cart client add "Sin Correo SA" --receiver foreign
# José: 1,500.00 USD 91 days overdue and 800.00 PEN 60 days overdue
cart invoice post --override p 1 1500.00 --date 2026-03-01 --currency USD
cart invoice post --override p 1 800.00 --date 2026-04-01
# Beta: due 07-02 (courtesy), Cuotas: 20 days overdue, Sin Correo: 40 days overdue
cart invoice post --override p 2 500.00 --date 2026-06-01 --due 2026-07-02
cart invoice post --override p 3 300.00 --date 2026-05-11 --due 2026-06-10
cart invoice post --override p 4 200.00 --date 2026-04-21 --due 2026-05-21
assert_status 0 "the ledger is posted"

# a look and a dry run on a ledger with no levels yet write nothing, not even the default levels
dump_save "$DB" fresh
cart followup status
cart followup run --dry-run --manual --level d60
assert_contains "$OUT" "would process level Final notice" "a dry run on a fresh ledger uses the default levels"
assert_dump_same "$DB" fresh "status and a dry run on a fresh ledger change nothing"

# ---- levels ----
cart followup level list --format json
assert_status 0 "level list"
assert_eq "-3 15 30 60" "$(json_eval "$OUT" '" ".join(str(r["days"]) for r in d)')" \
	"the default levels: -3, 15, 30 and 60 days"
assert_eq "manual" "$(json_eval "$OUT" 'd[3]["mode"]')" "the last default level is processed by hand"
assert_contains "$(json_eval "$OUT" 'd[3]["actions"]')" "letter" "the last default level writes a letter"
cart followup level add --name "Aviso" --days 15
assert_refused 1 "15 days" "a second level at 15 days"
cart followup level add --name "Legal" --days 90 --actions manual --mode manual --activity visit:3
assert_status 0 "level add"
cart followup level remove Legal
assert_status 0 "an unused level is removed"
cart followup level edit d15 --rate nada
assert_refused 2 "nada" "a bad interest rate"
cart followup level edit d60 --mode auto --actions email,letter,sms --fee 25.00 --rate 24 --post yes
assert_status 0 "the final notice made automatic with SMS, a fee and interest"

# ---- status and a dry run ----
cart followup status --format csv
assert_status 0 "status"
assert_eq "Beta Ltda" "$(csv_field "$OUT" 1 1)" "status in name order"
cart followup status 1 --format json
assert_eq "Final notice" "$(json_eval "$OUT" 'd[0]["needs"]')" "José needs the final notice"
assert_eq "91" "$(json_eval "$OUT" 'd[0]["days"]')" "José: 91 days past the oldest due date"
cart followup status "Beta" --format json
assert_eq "Courtesy reminder -2" "$(json_eval "$OUT" 'd[0]["needs"] + " " + str(d[0]["days"])')" \
	"Beta: a courtesy reminder two days before the due date"
dump_save "$DB" before
cart followup run --dry-run
assert_status 0 "followup run --dry-run"
assert_contains "$OUT" "4 clients would be processed" "the dry run names four clients"
assert_dump_same "$DB" before "a dry run changes nothing"
cart followup preview 1
assert_contains "$OUT" "FAC-000001" "the preview lists the overdue invoice"
assert_contains "$OUT" "Late-payment charges" "the preview proposes the charges"

# ---- the run ----
mkdir -p "$T/bin"
cat >"$T/bin/sms" <<'EOF'
#!/bin/sh
printf '%s|%s\n' "$1" "$2" >>"$SMS_LOG"
EOF
chmod +x "$T/bin/sms"
export SMS_LOG="$T/sms.log"
cart followup run --letters "$T/letters"
assert_status 0 "followup run"
assert_contains "$OUT" "4 clients processed" "four clients processed"
assert_contains "$ERR" "no SMS command is set" "the SMS waits and the run says why"
assert_eq "4" "$(q 'SELECT count(*) FROM followup_done')" "four levels reached"
assert_eq "3" "$(q "SELECT count(*) FROM mail_outbox WHERE kind = 'reminder'")" \
	"three e-mails in the outbox (one client has no address)"
assert_contains "$(q "SELECT text FROM client_history WHERE client_id = 4 AND kind = 'mail'")" \
	"has no e-mail address" "the client without an address: its history says so"
assert_eq "1" "$(ls "$T/letters" | wc -l | tr -d ' ')" "one letter written"
assert_match "$(q "SELECT number, code FROM documents d JOIN entries e ON e.document_id = d.id WHERE e.code = 'CPD'" | tr '\n' ' ')" \
	"PD-[0-9]+\|CPD.*PD-[0-9]+\|CPD" "fee and interest posted as journal charges (CPD), one per currency"
check_ok "the run"
pd=$(q "SELECT d.number FROM documents d JOIN entries e ON e.document_id = d.id WHERE e.code = 'CPD' ORDER BY d.id LIMIT 1")
cart void "$pd" --reason "condonado"
assert_status 0 "the late-payment charge is voided like any document ($pd)"
check_ok "voiding the charge"
cart followup config --sms-command "$T/bin/sms"
cart followup run
assert_contains "$OUT" "0 clients processed" "a second run processes nobody"
assert_eq "4" "$(q 'SELECT count(*) FROM followup_done')" "still four levels reached"
assert_eq "3" "$(q "SELECT count(*) FROM mail_outbox WHERE kind = 'reminder'")" "still three e-mails"
assert_eq "999888777|Comercial Andina SAC: final notice before collection" "$(cat "$SMS_LOG")" \
	"the waiting SMS went through the company's command: number and text"

# ---- the letter ----
letter=$(ls "$T/letters"/*.pdf)
txt=$(pdftotext -layout "$letter" - 2>/dev/null)
assert_contains "$txt" "José Ñúñez Peña" "the letter names the client with its accents"
assert_contains "$txt" "Av. Arequipa 123, Lima" "the letter has the client's address"
assert_contains "$txt" "Comercial Andina SAC" "the letterhead"
assert_match "$txt" "FAC-000001 +2026-03-01 +2026-03-31 +91 +USD +1,500.00 +1,500.00" \
	"the overdue table: document, dates, days overdue, currency, amounts"
assert_match "$txt" "Total USD +USD +1,500.00" "the USD total"
assert_match "$txt" "Total PEN +PEN +800.00" "the PEN total"
assert_contains "$txt" "Late-payment charges posted" "the letter shows the charges posted"

# ---- set, hold, history ----
cart followup set Beta --hold "en disputa" --responsible ana
assert_status 0 "followup set --hold"
cart followup status Beta --format json
assert_eq "en disputa ana" "$(json_eval "$OUT" 'd[0]["hold"] + " " + d[0]["responsible"]')" \
	"the hold and the responsible clerk"
cart dashboard --tab clients --format csv
assert_eq "on hold: en disputa" "$(printf '%s\n' "$OUT" | "$PYTHON" -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["client"] == "Beta Ltda": print(r["status"])')" "the dashboard's Clients tab: Beta on hold"
assert_eq "Final notice" "$(printf '%s\n' "$OUT" | "$PYTHON" -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["client"].startswith("José"): print(r["status"])' | sort -u)" \
	"the dashboard's Clients tab: José's level (the last: no next action)"
cart followup set Beta --next 2026-13-01
assert_refused 2 "2026-13-01" "a bad next date"
cart client history 1 --format json
assert_contains "$(json_eval "$OUT" '[r["kind"] for r in d]')" "reminder" "the reminder is in José's history"
assert_contains "$OUT" "Late-payment charges posted" "the charge is in José's history"

# ---- activities and promises ----
cart activity add 3 --type call --due 2026-06-29 --clerk ana --summary "Llamar a Cuotas"
assert_status 0 "activity add"
cart activity list --clerk ana --due today --format json
assert_eq "1 Llamar a Cuotas" "$(json_eval "$OUT" 'str(len(d)) + " " + d[0]["summary"]')" \
	"ana's activities due today or overdue"
id=$(json_eval "$OUT" 'd[0]["id"]')
cart activity reschedule "$id" 2026-07-03
assert_status 0 "activity reschedule"
cart activity done "$id" --note "pagará el viernes"
assert_status 0 "activity done"
cart activity done "$id"
assert_refused 1 "was done" "an activity done twice"
cart promise add 3 300.00 2026-07-03 --by "la contadora"
assert_status 0 "promise add"
cart promise add 2 100.00 2026-07-01
cart promise list --format json
assert_eq "pending pending" "$(json_eval "$OUT" '" ".join(r["status"] for r in d)')" "both pending today"
run "$CARTERA_BIN" --db "$DB" --today 2026-07-03 payment post 3 300.00 --date 2026-07-03
run "$CARTERA_BIN" --db "$DB" --today 2026-07-04 promise list --broken --format json
assert_eq "Beta Ltda" "$(json_eval "$OUT" '" ".join(r["client"] for r in d)')" \
	"the day after, Beta's promise is broken and Cuotas's kept"
check_ok "activities and promises"
run "$CARTERA_BIN" --db "$DB" --today 2026-07-04 report followup --format txt132
assert_contains "$OUT" "Beta Ltda · level Courtesy reminder · resp. ana · on hold: en disputa · promise 100.00 PEN by 2026-07-01 (broken)" \
	"the follow-up report gives Beta's responsible clerk, its hold and its broken promise"
assert_contains "$OUT" "José Ñúñez Peña · level Final notice" "and José's level"

# ---- many clients: two runs at once, then runs killed with -9 and run again ----
DB="$T/many.db"
cart init --name "Muchos SAC" --country PE --currency PEN --decimal-sep . --thousands-sep ,
cart company set mail-from cobros@muchos.pe
cart followup level edit d60 --mode auto
N=40
{
	echo "name,tax_id,email,terms_days"
	for i in $(seq 1 $N); do echo "Cliente $i,,c$i@example.pe,30"; done
} >"$T/clients.csv"
cart client import "$T/clients.csv"
if [ "$RC" != 0 ]; then
	for i in $(seq 1 $N); do cart client add "Cliente $i" --receiver foreign --email "c$i@example.pe"; done
fi
for i in $(seq 1 $N); do cart invoice post --override p "$i" 100.00 --date 2026-03-01; done
assert_eq "$N" "$(q 'SELECT count(*) FROM clients')" "$N clients, each 91 days overdue"
"$CARTERA_BIN" --db "$DB" --today "$TODAY" followup run --letters "$T/many1" >"$T/r1" 2>&1 &
p1=$!
"$CARTERA_BIN" --db "$DB" --today "$TODAY" followup run --letters "$T/many1" >"$T/r2" 2>&1 &
p2=$!
wait $p1; s1=$?
wait $p2; s2=$?
assert_eq "0 0" "$s1 $s2" "two runs at once both finish"
assert_eq "$N" "$(q 'SELECT count(*) FROM followup_done')" "two runs at once: each client reached once"
assert_eq "0" "$(q "SELECT count(*) FROM (SELECT client_id FROM mail_outbox GROUP BY client_id HAVING count(*) > 1)")" \
	"two runs at once: one e-mail per client"
assert_eq "$N" "$(ls "$T/many1"/*.pdf | wc -l | tr -d ' ')" "two runs at once: one letter per client"

# the next level for everybody 30 days on, through runs killed at random points
cart followup level add --name "Cobro jurídico" --days 120 --actions email,letter
assert_status 0 "a level at 120 days"
LATER=2026-07-30
kills=0
for k in 1 2 3 4 5 6; do
	"$CARTERA_BIN" --db "$DB" --today "$LATER" followup run --letters "$T/many2" >/dev/null 2>&1 &
	pk=$!
	sleep "0.0$((RANDOM % 10))$((RANDOM % 10))"
	kill -9 "$pk" 2>/dev/null && kills=$((kills + 1))
	wait "$pk" 2>/dev/null
done
tap_diag "runs killed with -9 before they ended: $kills of 6"
run "$CARTERA_BIN" --db "$DB" --today "$LATER" followup run --letters "$T/many2"
assert_status 0 "the run after the kills finishes"
assert_eq "$((2 * N))" "$(q 'SELECT count(*) FROM followup_done')" \
	"after kills: each client reached the second level once"
assert_eq "0" "$(q "SELECT count(*) FROM (SELECT client_id, level_id FROM followup_done GROUP BY 1, 2, cycle HAVING count(*) > 1)")" \
	"after kills: no level twice"
assert_eq "$((2 * N))" "$(q "SELECT count(*) FROM mail_outbox WHERE kind = 'reminder'")" \
	"after kills: one e-mail per client and level"
assert_eq "$N" "$(ls "$T/many2"/*.pdf | wc -l | tr -d ' ')" "after kills: one letter per client"
assert_eq "0" "$(q "SELECT count(*) FROM followup_letters WHERE written_at = ''")" "no letter left waiting"
run "$CARTERA_BIN" --db "$DB" --today "$LATER" followup run
assert_contains "$OUT" "0 clients processed" "and one more run processes nobody"
check_ok "the runs"

# ---- letters printed through lp (a stand-in), and kept when lp refuses ----
DB="$T/print.db"
cart init --name "Imprenta SAC" --country PE --currency PEN --decimal-sep . --thousands-sep ,
cart followup level edit d15 --actions letter
cart followup level edit d30 --actions letter
cart client add "Carta Uno" --receiver foreign --address "Jr. Ica 456"
cart invoice post --override p 1 100.00 --date 2026-05-11 --due 2026-06-10
mkdir -p "$T/lpbin"
printf '#!/bin/sh\necho "$@" >>"%s"\n' "$T/lp.log" >"$T/lpbin/lp"
chmod +x "$T/lpbin/lp"
run env PATH="$T/lpbin:$PATH" "$CARTERA_BIN" --db "$DB" --today "$TODAY" followup run --print \
	--letters "$T/printed"
assert_status 0 "a run printing its letters"
assert_match "$(cat "$T/lp.log")" "^$T/printed/letter-000001-carta-uno\.pdf$" "lp got the letter's file"
printf '#!/bin/sh\nexit 3\n' >"$T/lpbin/lp"
run env PATH="$T/lpbin:$PATH" "$CARTERA_BIN" --db "$DB" --today 2026-07-10 followup run --print \
	--letters "$T/printed"
assert_contains "$ERR" "lp refused the job" "lp refusing the job is said"
assert_contains "$ERR" "the letters are kept in $T/printed" "and where the letters are"
assert_eq "2" "$(ls "$T/printed"/*.pdf | wc -l | tr -d ' ')" "both letters are kept"

# ---- one client's failure stops neither the run nor the others ----
DB="$T/inactive.db"
cart init --name "Activa SAC" --country PE --currency PEN --decimal-sep . --thousands-sep ,
cart followup level edit d15 --fee 5.00 --post yes --actions none
cart client add "Activa Uno" --receiver foreign
cart client add "Inactiva Dos" --receiver foreign
cart invoice post --override p 1 100.00 --date 2026-05-11 --due 2026-06-10
cart invoice post --override p 2 100.00 --date 2026-05-11 --due 2026-06-10
q "UPDATE clients SET active = 0 WHERE id = 2"
cart followup run
assert_status 1 "a run where one client failed exits 1"
assert_contains "$OUT" "failed:" "the failed client's line says why"
assert_contains "$ERR" "the follow-up of 1 clients failed" "and stderr says how many"
assert_eq "1" "$(q 'SELECT count(*) FROM followup_done')" "the other client was processed"
assert_eq "0" "$(q 'SELECT count(*) FROM followup_done WHERE client_id = 2')" \
	"nothing of the failed client's level was kept"
check_ok "a failed client"

done_testing
