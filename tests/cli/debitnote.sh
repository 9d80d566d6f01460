#!/bin/bash
# tests/cli/debitnote.sh: debit notes (SPEC D8, issue 16) on a hand-built ledger with two
# currencies: ND numbering, the invoice amended kept and shown, refusals, the statement (text,
# CSV, JSON) naming the invoice and what a payment paid, --status partly keeping an overdue
# partly paid invoice, the void of a debit note and of the invoice it amends. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

cart init --name "Acme SAC" --country PE --tax-id 20100070970 --date-order ymd
assert_status 0 "init PE (PEN + USD)"
cart client add "Ferretería López" --tax-id 20131312955 --email pagos@lopez.pe
assert_status 0 "client added"
cart invoice post 1 1000.00 --date 2026-04-01 --ref OC-77
assert_status 0 "invoice FAC-000001 in PEN"
cart invoice post 1 500.00 --date 2026-05-01 --currency USD
assert_status 0 "invoice FAC-000002 in USD"
dump_save "$DB" before
cart debit-note post FAC-000001 10.00 --date 2026-03-01
assert_status 2 "a debit note dated before its invoice is refused"
assert_contains "$ERR" "before the invoice's date 2026-04-01" "it says why"
cart debit-note post FAC-000009 10.00
assert_status 1 "a debit note on no invoice is refused"
cart debit-note post FAC-000001 0
assert_status 2 "a zero amount is refused"
cart debit-note post FAC-000001 10.00 --tax 7
assert_status 2 "a tax rate the company lacks is refused"
assert_contains "$ERR" '"7" is not one of the company'"'"'s tax rates' "naming what was typed"
assert_dump_same "$DB" before "the refusals leave the ledger as it was"

cart debit-note post FAC-000001 50.00 --date 2026-05-15 --reason Intereses --ref OC-77
assert_status 0 "debit note on FAC-000001"
assert_contains "$OUT" "debit note ND-000001 posted: 50.00 PEN" "numbered ND-000001, in the invoice's currency"
assert_contains "$OUT" "amends FAC-000001, due 2026-06-14" "it names the invoice and its due date (terms)"
cart debit-note post fac-000002 10 --date 2026-06-01
assert_status 0 "debit note on the USD invoice"
assert_contains "$OUT" "ND-000002 posted: 10.00 USD" "in USD, like its invoice"
assert_eq "FAC-000001|ND|D|5000" \
	"$(sqlite3 "$DB" "SELECT i.number, e.code, e.side, e.amount FROM documents d JOIN documents i ON i.id = d.amends_id JOIN entries e ON e.document_id = d.id WHERE d.number = 'ND-000001'")" \
	"ND-000001 amends FAC-000001 with an ND charge of 50.00"
sqlite3 "$DB" "INSERT INTO documents (type, number, client_id, date, due_date, currency, total, clerk) VALUES ('debit-note', 'ND-999', 1, '2026-06-01', '2026-06-01', 'PEN', 1, 'x')" 2>/dev/null
ok $(( $? == 0 )) "the schema refuses a debit note that amends nothing"

cart payment post 1 700.00 --date 2026-06-10 --to FAC-000001=500 --to ND-000001=50
assert_status 0 "a payment of FAC-000001 and ND-000001"
cart report statement 1 --format txt132
assert_status 0 "statement"
assert_match "$OUT" "ND-000001 +Debit note on FAC-000001 — Intereses +OC-77 +2026-06-14 +Paid +50\\.00" "the statement's debit note names its invoice"
assert_match "$OUT" "RC-000001 +Payment: FAC-000001, ND-000001 " "the payment names what it paid"
assert_match "$OUT" "ND-000002 +Debit note on FAC-000002 +[0-9-]+ +[A-Z][a-z]+ +10\\.00" "the USD debit note in the USD movements"
cart report statement 1 --format csv
assert_contains "$OUT" "Debit note on FAC-000001 — Intereses" "CSV: the debit note's description"
assert_contains "$OUT" "Payment: FAC-000001, ND-000001" "CSV: what the payment paid"
if [ -n "$HAVE_PYTHON" ]; then
	cart report statement 1 --format json
	printf '%s' "$OUT" > "$T/s.json"
	R=$(python3 - "$T/s.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
txt = json.dumps(d, ensure_ascii=False)
print("ok" if "Payment: FAC-000001, ND-000001" in txt and "Debit note on FAC-000002" in txt else "bad")
PY
)
	assert_eq ok "$R" "JSON: parsed, the payment's documents and the USD debit note"
fi
cart report statement 1 --status partly --format csv
assert_contains "$OUT" "FAC-000001" "--status partly keeps the overdue, partly paid FAC-000001"
cart report document ND-000001 --format txt
assert_status 0 "the debit note printed"
assert_contains "$OUT" "Debit note" "titled Debit note"
assert_contains "$OUT" "Amends invoice: FAC-000001" "the printed debit note names the invoice it amends"
assert_not_contains "$OUT" "Corrects invoice" "and is not mistaken for a credit note"
cart dashboard --tab transactions --format csv 2>/dev/null || cart balance 1
cart void FAC-000001 --reason "error" --date 2026-06-20
assert_status 1 "an invoice amended by a live debit note is not voided"
assert_contains "$ERR" "amended by debit note ND-000001" "it names the debit note"
cart void ND-000001 --reason "error" --date 2026-06-20
assert_status 0 "the debit note is voided like any document"
cart report statement 1 --format txt132
assert_match "$OUT" "Void of ND-000001 by " "the statement shows the void of the debit note"
check_ok "after debit notes and a void"

# the amount with its tax: split at the rate, base and tax kept as an invoice's lines keep them
cart debit-note post FAC-000002 118.00 --tax "igv 18%" --date 2026-06-21 --reason Flete
assert_status 0 "a debit note with IGV 18%"
assert_contains "$OUT" "ND-000003 posted: 118.00 USD" "its total is the amount typed"
assert_eq "11800|10000|1800|1800" "$(sqlite3 "$DB" "SELECT d.total, t.base, t.tax, t.rate FROM doc_taxes t JOIN documents d ON d.id = t.document_id WHERE d.number = 'ND-000003'")" \
	"118.00 at 18%: base 100.00, tax 18.00"
cart debit-note post FAC-000002 10.01 --tax 18 --date 2026-06-21
assert_eq "848|153" "$(sqlite3 "$DB" "SELECT t.base, t.tax FROM doc_taxes t JOIN documents d ON d.id = t.document_id WHERE d.number = 'ND-000004'")" \
	"10.01 at 18%: base 8.48 (8.483 rounded), tax 1.53, the rest"
check_ok "after debit notes with tax"
done_testing
