#!/bin/bash
# tests/cli/dashboard.sh: `cartera dashboard --tab ...` (SPEC B2), its filters, order and pages in
# text, CSV and JSON; `cartera remind` and `cartera client history` (B3, F2); the totals the
# dashboard prints without --tab. Today is 2026-06-30. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

cart remind --help
assert_status 0 "remind --help exits 0"
assert_contains "$OUT" "Usage: cartera remind CLIENT|DOCUMENT" "remind --help prints its usage"
cart client history --help
assert_contains "$OUT" "Usage: cartera client history CLIENT" "client history --help prints its usage"
cart dashboard --help
assert_contains "$OUT" "cartera dashboard --tab TAB" "dashboard --help shows --tab"

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
assert_status 0 "init exits 0"
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
cart client add "Cuotas Ltda" --tax-id 899999068
cart client add "Zeta Comercial" --tax-id 800197268
# Grupo Uno: FAC-000001 due 03-31 (91 days overdue), FAC-000002 due today (not overdue)
cart invoice post --override "prueba" 1 1.000,00 --date 2026-03-01
cart invoice post --override "prueba" 1 500,00 --date 2026-06-01 --due 2026-06-30
# Cuotas: FAC-000003 of 900,00 in 3 monthly instalments from 2026-05-15
cart invoice post --override "prueba" 2 900,00 --date 2026-04-15 --due 2026-05-15 --instalments 3
# Zeta: FAC-000004 due 06-10 (20 days), 300,00 paid; an advance of 250,00
cart invoice post --override "prueba" 3 800,00 --date 2026-05-11 --due 2026-06-10
cart payment post 3 300,00 --date 2026-06-12
cart payment post 3 250,00 --date 2026-06-13 --advance
assert_status 0 "the ledger is posted"
check_ok "posting"

# ---- the totals: the dashboard without --tab, as before ----
cart dashboard
assert_status 0 "dashboard exits 0"
assert_eq "COP 800,00 2 2.100,00 4 250,00 1 2.650,00" "$(line_of "$OUT" "COP ")" \
	"totals: due 800,00 (2), overdue 2.100,00 (4), credits 250,00 (1), net 2.650,00"

# ---- Overdue, most overdue first ----
cart dashboard --tab overdue
assert_status 0 "dashboard --tab overdue exits 0"
assert_contains "$OUT" "Overdue, as of 2026-06-30 — 4 rows" "the Overdue tab says its rows"
assert_eq "Grupo Uno SA FAC-000001 2026-03-01 2026-03-31 91 1.000,00 1.000,00" \
	"$(line_of "$OUT" "Grupo Uno SA FAC-000001")" "FAC-000001: 91 days overdue"
assert_not_contains "$OUT" "FAC-000002" "an invoice due today is not overdue"
assert_eq "Cuotas Ltda FAC-000003/1 2026-04-15 2026-05-15 46 300,00 300,00" \
	"$(line_of "$OUT" "Cuotas Ltda FAC-000003/1")" "the first instalment: 46 days"
assert_eq "Cuotas Ltda FAC-000003/2 2026-04-15 2026-06-15 15 300,00 300,00" \
	"$(line_of "$OUT" "Cuotas Ltda FAC-000003/2")" "the second instalment: 15 days"
assert_not_contains "$OUT" "FAC-000003/3" "the third instalment is not yet due"
assert_eq "Zeta Comercial FAC-000004 2026-05-11 2026-06-10 20 800,00 500,00" \
	"$(line_of "$OUT" "Zeta Comercial")" "FAC-000004: 500,00 left, 20 days"
first=$(squeeze "$OUT" | sed -n 4p)
assert_contains "$first" "FAC-000001" "the most overdue comes first"

cart dashboard --tab overdue --sort open --limit 2
assert_eq "FAC-000003/1 FAC-000003/2" "$(squeeze "$OUT" | sed -n '4,5p' | awk '{print $3}' | xargs)" \
	"--sort open: the two 300,00 instalments first"
cart dashboard --tab overdue --sort open:desc --offset 1 --limit 1
assert_eq "Zeta Comercial FAC-000004 2026-05-11 2026-06-10 20 800,00 500,00" \
	"$(squeeze "$OUT" | sed -n 4p)" "--sort open:desc --offset 1 --limit 1: the second largest"
cart dashboard --tab overdue --days 16-60
assert_contains "$OUT" "— 2 rows" "--days 16-60: two rows"
assert_contains "$OUT" "FAC-000003/1" "--days 16-60 holds the 46-day instalment"
assert_contains "$OUT" "FAC-000004" "--days 16-60 holds the 20-day invoice"
cart dashboard --tab overdue --range 4
assert_contains "$OUT" "— 1 row" "--range 4 (over 90 days): one row"
assert_contains "$OUT" "FAC-000001" "--range 4 is FAC-000001"
cart dashboard --tab overdue --filter zeta
assert_contains "$OUT" "— 1 row" "--filter zeta: one row"
cart dashboard --tab overdue --filter fac-000003
assert_contains "$OUT" "— 2 rows" "--filter fac-000003: its two overdue instalments"
cart dashboard --tab overdue Cuotas
assert_contains "$OUT" "Comercial Andina SAS — Cuotas Ltda: Overdue" "one client's tab is titled"
assert_contains "$OUT" "— 2 rows" "one client's Overdue tab"

# ---- the other tabs ----
cart dashboard --tab due
assert_contains "$OUT" "— 2 rows" "Due: two rows"
assert_eq "Grupo Uno SA FAC-000002 2026-06-01 2026-06-30 0 500,00 500,00" \
	"$(line_of "$OUT" "Grupo Uno SA")" "Due: the invoice due today, 0 days"
assert_contains "$OUT" "FAC-000003/3" "Due: the third instalment"
cart dashboard --tab credits
assert_eq "Zeta Comercial ANT-000001 AA 2026-06-13 250,00 250,00" "$(line_of "$OUT" "Zeta")" \
	"Credits: the advance"
cart dashboard --tab clients --sort overdue:desc
assert_eq "Cuotas Ltda 899999068-1 900,00 600,00 0,00 46 no reminder yet" \
	"$(squeeze "$OUT" | sed -n 5p)" "Clients by overdue: Cuotas second"
assert_eq "Grupo Uno SA 890903938-8 1.500,00 1.000,00 0,00 91 no reminder yet" \
	"$(squeeze "$OUT" | sed -n 4p)" "Clients by overdue: Grupo Uno first"
cart dashboard --tab transactions --limit 3
assert_contains "$OUT" "— 6 rows" "Transactions: every document"
assert_eq "2026-06-13 ANT-000001 advance Zeta Comercial 250,00 credit left" \
	"$(squeeze "$OUT" | sed -n 4p)" "Transactions: newest first"
cart dashboard --tab quotes
assert_status 0 "Quotes exits 0"
assert_contains "$OUT" "— 0 rows" "no quotes yet"

# ---- CSV and JSON: plain amounts ----
cart --format csv dashboard --tab overdue --sort number
assert_status 0 "csv exits 0"
assert_eq "client,number,date,due,days_overdue,amount,open,currency" "$(printf '%s\n' "$OUT" | head -1 | tr -d '\r')" "csv header"
if [ "$HAVE_PYTHON" = 1 ]; then
	assert_eq "FAC-000001" "$(csv_field "$OUT" 1 1)" "csv: sorted by number"
	assert_eq "1000.00" "$(csv_field "$OUT" 1 5)" "csv: plain amounts"
	cart --format json dashboard --tab overdue --sort days_overdue:desc
	assert_eq "91" "$(json_eval "$OUT" 'd[0]["days_overdue"]')" "json: days as numbers"
	assert_eq "COP" "$(json_eval "$OUT" 'd[0]["currency"]')" "json: the currency a field of its own"
	assert_eq "500.00" "$(json_eval "$OUT" 'd[2]["open"]')" "json: open of FAC-000004"
	assert_eq "4" "$(json_eval "$OUT" 'len(d)')" "json: four rows"
else
	skip "python3 missing" 6
fi

# ---- bad input ----
dump_save "$DB" before
cart dashboard --tab nope
assert_refused 2 '--tab "nope"' "an unknown tab"
cart dashboard --tab overdue --sort balance
assert_refused 2 'no column "balance"' "a column the tab does not have"
cart dashboard --tab overdue --days 60-10
assert_refused 2 "lower bound" "days bounds the wrong way round"
cart dashboard --tab overdue --range 9
assert_refused 2 "--range" "a range the company does not have"
cart dashboard --filter x
assert_refused 2 "need --tab" "--filter without --tab"
cart dashboard --tab credits --days 10-20
assert_refused 2 "no days overdue" "--days on the Credits tab"
assert_dump_same "$DB" before "bad dashboard input changed nothing"

# ---- reminders and the client's history ----
cart remind FAC-000004 --note "second notice"
assert_status 0 "remind DOC exits 0"
assert_contains "$OUT" "recorded for client 3 about FAC-000004" "remind names the client and document"
cart remind "Grupo Uno SA"
assert_status 0 "remind CLIENT exits 0"
cart client history 3
assert_status 0 "client history exits 0"
assert_contains "$OUT" "History of Zeta Comercial" "history names the client"
assert_match "$(squeeze "$OUT")" "^1 [0-9T:-]+Z [^ ]+ reminder FAC-000004 second notice$" \
	"the reminder is in Zeta's history"
cart client history 1
assert_match "$(squeeze "$OUT")" "^2 [0-9T:-]+Z [^ ]+ reminder" "Grupo Uno's reminder"
cart dashboard --tab clients --filter zeta
assert_match "$(squeeze "$OUT")" "reminded 20[0-9-]+$" "the clients tab shows the reminder"
cart remind "Nobody"
assert_refused 1 'Nobody' "a reminder for nobody"
cart remind
assert_refused 2 "give one client or document" "remind needs a reference"
check_ok "reminders"

# ---- a payment moves the totals by its amount and the row leaves Overdue ----
cart payment post 1 1.000,00 --to FAC-000001 --date 2026-06-30
assert_status 0 "paying FAC-000001 exits 0"
cart dashboard
assert_eq "COP 800,00 2 1.100,00 3 250,00 1 1.650,00" "$(line_of "$OUT" "COP ")" \
	"after paying 1.000,00: overdue and net fall by 1.000,00"
cart dashboard --tab overdue
assert_not_contains "$OUT" "FAC-000001" "FAC-000001 left Overdue"
assert_contains "$OUT" "— 3 rows" "three rows left"

done_testing
