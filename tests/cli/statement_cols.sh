#!/bin/bash
# tests/cli/statement_cols.sh: a statement's movements carry each charge's order reference, due
# date and status as of the statement's date (issue 16), in every renderer: 132-column text,
# PDF, CSV and JSON carry all three; 80-column text leaves them out (the layout decision written
# in src/report/rpt_statement.c and the README) and keeps its description readable and every
# amount whole. Also the statement items of issue 16 claimed done earlier: --status partly keeps
# an overdue partly-paid invoice, an as-of statement states its issue date, a void's line names
# the document it cancelled.
#
# The ledger (a Peruvian company, today 2026-06-30), client "Distribuidora Andina del Sur S.A.C.":
#   FAC-000001 1,000.00  2026-03-01 due 2026-03-31 ref OC-4501  paid whole by RC-000001 (04-10)
#   FAC-000002 2,000.00  2026-04-01 due 2026-05-01 ref OC-4502  500.00 paid (RC-000002): overdue
#   FAC-000003 3,000.00  2026-06-15 due 2026-07-15 ref OC-4503  1,000.00 paid 06-20: partly paid
#   FAC-000004   400.00  2026-06-20 due 2026-07-20              nothing paid, not due: due
#   FAC-000005   250.00  2026-06-01                              voided by ANU-000001: voided
#   FAC-000006   900.00  2026-05-01, 3 instalments from 2026-05-31: the first is overdue
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
C="Distribuidora Andina del Sur S.A.C."

cart init --name "Comercial Lima S.A.C." --tax-id 20100070970 --country PE --date-order ymd
assert_status 0 "init"
cart client add "$C" --tax-id 20331061655
assert_status 0 "client added"
cart invoice post --override t 1 1000.00 --date 2026-03-01 --due 2026-03-31 --ref OC-4501
assert_status 0 "FAC-000001"
cart invoice post --override t 1 2000.00 --date 2026-04-01 --due 2026-05-01 --ref OC-4502
assert_status 0 "FAC-000002"
cart invoice post --override t 1 3000.00 --date 2026-06-15 --due 2026-07-15 --ref OC-4503
assert_status 0 "FAC-000003"
cart invoice post --override t 1 400.00 --date 2026-06-20 --due 2026-07-20
assert_status 0 "FAC-000004"
cart invoice post --override t 1 250.00 --date 2026-06-01 --due 2026-07-01
assert_status 0 "FAC-000005"
cart invoice post --override t 1 900.00 --date 2026-05-01 --due 2026-05-31 --instalments 3
assert_status 0 "FAC-000006 in three instalments"
cart receipt post 1 --date 2026-04-10 --cash 1000.00 --to FAC-000001
assert_status 0 "RC-000001 pays FAC-000001"
cart receipt post 1 --date 2026-05-10 --cash 500.00 --to FAC-000002
assert_status 0 "RC-000002 pays part of FAC-000002"
cart receipt post 1 --date 2026-06-20 --cash 1000.00 --to FAC-000003
assert_status 0 "RC-000003 pays part of FAC-000003"
cart void FAC-000005 --reason "mal emitida"
assert_status 0 "FAC-000005 voided"

# the widths of a text file's lines, in characters
widths() { $PY -c 'import sys; print(" ".join(sorted({str(len(l.rstrip("\n"))) for l in open(sys.argv[1], encoding="utf-8")})))' "$1"; }
# a movement's row in a text file, blanks squeezed
row_of() { grep -m1 -E "^[0-9-]+ +$2 " "$1" | tr -s ' ' | sed 's/ *$//'; }

# ---- 132 columns: every column ----
cart report statement 1 --format txt132 --output "$T/s132.txt"
assert_status 0 "statement in 132 columns"
head132=$(grep -m1 "^Date " "$T/s132.txt" | tr -s ' ')
assert_match "$head132" "Order ref\. Due date Status Charge" "132: order ref., due date and status columns"
assert_eq "2026-03-01 FAC-000001 Invoice OC-4501 2026-03-31 Paid 1,000.00 1,000.00" \
	"$(row_of "$T/s132.txt" FAC-000001)" "132: a paid invoice, its order reference and due date"
assert_eq "2026-04-01 FAC-000002 Invoice OC-4502 2026-05-01 Overdue 2,000.00 3,000.00" \
	"$(row_of "$T/s132.txt" FAC-000002)" "132: overdue, partly paid"
assert_match "$(row_of "$T/s132.txt" FAC-000003)" "OC-4503 2026-07-15 Partly paid 3,000.00" \
	"132: partly paid, not yet due"
assert_match "$(row_of "$T/s132.txt" FAC-000004)" "Invoice 2026-07-20 Due 400.00" \
	"132: nothing paid, not due: due, no order reference"
assert_match "$(row_of "$T/s132.txt" FAC-000005)" "Invoice 2026-07-01 Voided 250.00" \
	"132: a voided invoice is voided, not paid"
assert_match "$(row_of "$T/s132.txt" FAC-000006)" "Invoice 2026-05-31 Overdue 900.00" \
	"132: instalments: the earliest open instalment's due date"
assert_match "$(row_of "$T/s132.txt" RC-000002)" "Payment: FAC-000002 500.00" \
	"132: a payment has no due date nor status"
assert_not_contains "$(row_of "$T/s132.txt" RC-000002)" "Paid" "132: no status on a credit"
assert_match "$(grep -m1 "ANU-000001" "$T/s132.txt" | tr -s ' ')" "Void of FAC-000005 by" \
	"132: the void's line names the invoice it cancelled"
assert_eq 132 "$(widths "$T/s132.txt")" "132: every line 132 wide"

# ---- 80 columns: the three columns left out, description readable, amounts whole ----
cart report statement 1 --format txt --output "$T/s80.txt"
assert_status 0 "statement in 80 columns"
assert_eq 80 "$(widths "$T/s80.txt")" "80: every line 80 wide"
head80=$(grep -m1 "^Date " "$T/s80.txt" | tr -s ' ')
assert_eq "Date Document Description Charge Credit Balance" "$head80" \
	"80: order ref., status and due date left out"
assert_eq "2026-04-01 FAC-000002 Invoice 2,000.00 3,000.00" "$(row_of "$T/s80.txt" FAC-000002)" \
	"80: a row on one line, amounts whole"
assert_match "$(grep -m1 "ANU-000001" "$T/s80.txt" | tr -s ' ')" "ANU-000001 Void of FAC-000005 by" \
	"80: the void's description readable"
assert_match "$(grep -m1 "RC-000002" "$T/s80.txt" | tr -s ' ')" "RC-000002 Payment: FAC-000002 500.00" \
	"80: what a payment paid, readable"
assert_match "$(cat "$T/s80.txt")" "FAC-000002 +2026-04-01 +2026-05-01" \
	"80: the open documents still give the due date"

# ---- CSV and JSON: every column, keys in English ----
cart report statement 1 --format csv --output "$T/s.csv"
assert_status 0 "statement as CSV"
CSVROWS=$($PY - "$T/s.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
head = next(r for r in rows if "order_ref" in r)
i = rows.index(head)
want = {}
for r in rows[i + 1:]:
    if len(r) != len(head):
        break
    d = dict(zip(head, r))
    if d["document"].startswith("FAC-") and d["document"] not in want:
        want[d["document"]] = "%s/%s/%s" % (d["order_ref"], d["due_date"], d["status"])
print(" ".join("%s=%s" % kv for kv in sorted(want.items())))
EOF
)
assert_eq "FAC-000001=OC-4501/2026-03-31/Paid FAC-000002=OC-4502/2026-05-01/Overdue FAC-000003=OC-4503/2026-07-15/Partly paid FAC-000004=/2026-07-20/Due FAC-000005=/2026-07-01/Voided FAC-000006=/2026-05-31/Overdue" \
	"$CSVROWS" "CSV: order_ref, due_date and status of every invoice"
cart report statement 1 --format json --output "$T/s.json"
assert_status 0 "statement as JSON"
JS=$($PY - "$T/s.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
def rows(o):
    if isinstance(o, dict):
        if "order_ref" in o and "document" in o:
            yield o
        for v in o.values():
            yield from rows(v)
    elif isinstance(o, list):
        for v in o:
            yield from rows(v)
r = [x for x in rows(d) if x["document"] == "FAC-000002"][0]
v = [x for x in rows(d) if str(x.get("document", "")).startswith("ANU-")][0]
print(r["order_ref"], r["due_date"], r["status"], "|", v["description"][:18])
EOF
)
assert_eq "OC-4502 2026-05-01 Overdue | Void of FAC-000005" "$JS" "JSON: the row's fields; the void names its invoice"

# ---- PDF: every column, one orientation ----
if command -v pdftotext >/dev/null; then
	cart report statement 1 --output "$T/s.pdf"
	assert_status 0 "statement PDF"
	PDF=$(pdftotext -layout "$T/s.pdf" - | tr -s ' ')
	assert_match "$PDF" "FAC-000002 Invoice OC-4502 2026-05-01 Overdue" "PDF: order ref., due date, status"
	assert_match "$PDF" "FAC-000003 Invoice OC-4503 2026-07-15 Partly paid" "PDF: partly paid"
	assert_match "$PDF" "FAC-000005 Invoice 2026-07-01 Voided" "PDF: voided"
	assert_match "$PDF" "Void of FAC-000005 by" "PDF: the void names its invoice"
	cart report statement 1 --asof 2026-06-16 --status partly --output "$T/asof.pdf"
	assert_status 0 "statement PDF as of 2026-06-16, partly paid only"
	PDF2=$(pdftotext -layout "$T/asof.pdf" - | tr -s ' ')
	assert_contains "$PDF2" "Issued on 2026-06-30" "PDF: an as-of statement states its issue date"
	assert_contains "$PDF2" "FAC-000002" "PDF: --status partly keeps the overdue, partly-paid invoice"
	assert_not_contains "$PDF2" "FAC-000003 Invoice" "PDF: not FAC-000003, nothing paid of it by 06-16"
	assert_eq 1 "$(pdfinfo -f 1 -l 99 "$T/s.pdf" | grep -E "^Page +[0-9]+ size:" | sed 's/.*size: *//' | sort -u | wc -l)" \
		"PDF: one orientation on every page"
else
	skip "pdftotext not installed: the statement PDF"
fi

# ---- as of a past date: the status then ----
cart report statement 1 --asof 2026-06-16 --format txt132
assert_status 0 "statement as of 2026-06-16"
printf '%s\n' "$OUT" >"$T/asof.txt"
assert_match "$(row_of "$T/asof.txt" FAC-000003)" "OC-4503 2026-07-15 Due 3,000.00" \
	"as of 06-16 FAC-000003 was not yet paid in part: due"
assert_contains "$OUT" "Issued on 2026-06-30" "an as-of statement states its issue date"
assert_contains "$OUT" "As of 2026-06-16" "and its as-of date"

# ---- --status partly: the overdue partly-paid invoice too, in every renderer ----
cart report statement 1 --status partly --format txt132
assert_status 0 "--status partly"
assert_contains "$OUT" "FAC-000002" "--status partly keeps the overdue, partly-paid FAC-000002"
assert_contains "$OUT" "FAC-000003" "and the partly-paid FAC-000003 not yet due"
assert_not_contains "$OUT" "FAC-000004" "not FAC-000004, nothing paid"
cart report statement 1 --status partly --format csv
assert_contains "$OUT" "FAC-000002" "--status partly as CSV keeps FAC-000002"

# ---- Spanish ----
if command -v msgfmt >/dev/null; then
	mkdir -p "$T/locale/es/LC_MESSAGES"
	msgfmt -o "$T/locale/es/LC_MESSAGES/cartera.mo" "$CARTERA_SRCDIR/po/es.po"
	run env CARTERA_LOCALEDIR="$T/locale" LC_ALL=es_PE.UTF-8 LANG=es_PE.UTF-8 LANGUAGE=es \
		"$CARTERA_BIN" --db "$DB" --today "$TODAY" report statement 1 --format txt132
	assert_status 0 "Spanish statement in 132 columns"
	printf '%s\n' "$OUT" >"$T/es.txt"
	assert_match "$(row_of "$T/es.txt" FAC-000002)" "OC-4502 2026-05-01 Vencido" "es: Vencido"
	assert_match "$(row_of "$T/es.txt" FAC-000003)" "Abonado" "es: Abonado (partly paid)"
	assert_match "$(row_of "$T/es.txt" FAC-000004)" "Por vencer" "es: Por vencer"
	assert_match "$(row_of "$T/es.txt" FAC-000001)" "Pagado" "es: Pagado"
	assert_match "$(row_of "$T/es.txt" FAC-000005)" "Anulado" "es: Anulado"
else
	skip "msgfmt not installed: Spanish"
fi

done_testing
