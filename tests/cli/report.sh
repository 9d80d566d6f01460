#!/bin/bash
# tests/cli/report.sh: `cartera report` end to end. A COP company (',' decimals, '.' thousands),
# today 2026-06-30:
#   José Peña Müller (30 days): 130 invoices, the i-th dated 2026-01-05 + i days for 1.000 + i,
#     so 138.515,00 in all; one more on 2026-06-15 for 1.234,56 with a memo in Spanish, a euro
#     sign and two letters WinAnsi lacks (Ł, ź); a payment of 5.000,00 on 2026-06-01.
#     Balance 134.749,56.
#   Ángela Núñez: one invoice 2.345,67 on 2026-03-01 due 2026-03-31 (91 days overdue).
#   Zoë Ltda: nothing.  All clients: 137.095,23.
# The PDF is read back with pdftotext and checked by qpdf, the XLSX with openpyxl (Debian's
# /usr/bin/python3), the text by display width. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
HAVE_XL=0
[ -x $PY ] && $PY -c 'import openpyxl' 2>/dev/null && HAVE_XL=1
HAVE_PDF=0
command -v pdftotext >/dev/null 2>&1 && command -v qpdf >/dev/null 2>&1 && HAVE_PDF=1

cart init --name "Compañía Ñandú S.A.S." --tax-id 800197268 --country CO --date-order ymd --currency COP \
	--decimals 2 --decimal-sep , --thousands-sep .
assert_status 0 "init"
cart client add "José Peña Müller" --tax-id 890903938 --terms 30 --address "Calle 10 # 5-20" \
	--location "Bogotá"
assert_status 0 "client José added"
cart client add "Ángela Núñez" --tax-id 899999068
assert_status 0 "client Ángela added"
cart client add "Zoë Ltda" --tax-id 860034313
assert_status 0 "client Zoë added"

posted=0
for i in $(seq 1 130); do
	d=$(date -u -d "2026-01-05 + $i days" +%F)
	cart invoice post --override "prueba" "José Peña Müller" "$((1000 + i)),00" --date "$d"
	[ "$RC" = 0 ] && posted=$((posted + 1))
done
assert_eq 130 "$posted" "130 invoices posted for José"
cart invoice post --override "prueba" "José Peña Müller" 1.234,56 --date 2026-06-15 \
	--memo "Pedido ¿urgente? ¡sí! 10 € Łódź"
assert_status 0 "the invoice with a Spanish memo"
cart payment post "José Peña Müller" 5.000,00 --date 2026-06-01
assert_status 0 "José's payment"
cart invoice post --override "prueba" "Ángela Núñez" 2.345,67 --date 2026-03-01 --due 2026-03-31
assert_status 0 "Ángela's invoice"

# ---- plain text ----
cart report statement "José Peña Müller"
assert_status 0 "statement as text exits 0"
assert_contains "$OUT" "Compañía Ñandú S.A.S." "text: the company's name"
assert_contains "$OUT" "José Peña Müller" "text: the client's name"
assert_contains "$OUT" "Balance as of 2026-06-30: 134.749,56 COP" "text: the balance"
widths()
{
	$PY -c '
import sys, unicodedata
w = set()
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n").lstrip("\f")
    w.add(sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line))
print(" ".join(str(x) for x in sorted(w)))' "$1"
}
for fmt in txt:80 txt132:132; do
	cart report statement "José Peña Müller" --format "${fmt%%:*}" --output "$T/s.${fmt%%:*}"
	assert_status 0 "statement --format ${fmt%%:*} exits 0"
	assert_eq "${fmt##*:}" "$(widths "$T/s.${fmt%%:*}")" "${fmt%%:*}: every line is ${fmt##*:} columns"
	cart report aging --format "${fmt%%:*}" --output "$T/a.${fmt%%:*}"
	assert_eq "${fmt##*:}" "$(widths "$T/a.${fmt%%:*}")" "aging ${fmt%%:*}: every line is ${fmt##*:} columns"
done
assert_contains "$(cat "$T/a.txt132")" "Ángela Núñez" "aging text: the client with accents"
assert_contains "$(cat "$T/a.txt132")" "137.095,23" "aging text: the net of all clients"

# pages for continuous forms: a form feed, a page header and the table's header again
cart report statement "José Peña Müller" --page-lines 30 --output "$T/pages.txt"
assert_status 0 "--page-lines 30 exits 0"
PAGES=$($PY -c '
import sys
pages = open(sys.argv[1], encoding="utf-8").read().split("\f")
print(len(pages), max(len(p.rstrip("\n").split("\n")) for p in pages))
p2 = pages[1].split("\n")
import re
print(re.search(r"page 2 of %d$" % len(pages), p2[0].rstrip()) is not None, p2[2].split()[:3] == ["Date", "Document", "Description"])
' "$T/pages.txt")
n_pages=${PAGES%% *}
[ "$n_pages" -ge 5 ]
ok $? "--page-lines 30: the statement runs to several pages ($n_pages)"
assert_eq "30" "$(printf '%s\n' "$PAGES" | head -1 | cut -d' ' -f2)" "--page-lines 30: no page longer than 30 lines"
assert_eq "True True" "$(printf '%s\n' "$PAGES" | tail -1)" "--page-lines: page 2 names itself and repeats the table header"
assert_eq 80 "$(widths "$T/pages.txt")" "--page-lines: still 80 columns"
cart report aging --page-lines 30 --format pdf --output "$T/x.pdf"
assert_refused 2 "plain text" "--page-lines with a PDF"

# as of a past date: only what was dated on or before it
cart report statement "José Peña Müller" --asof 2026-01-10
assert_contains "$OUT" "Balance as of 2026-01-10: 5.015,00 COP" "as of 2026-01-10: five invoices"

# ---- follow-up: overdue apart from what falls due later ----
cart report followup
assert_status 0 "follow-up as text exits 0"
FU=$(squeeze "$OUT")
assert_contains "$FU" "José Peña Müller — NIT 890.903.938-8" "follow-up: José's section, his NIT with its DV"
assert_contains "$FU" "Overdue COP 133.515,00" "follow-up: José's overdue (138.515,00 less the payment)"
assert_contains "$FU" "Falls due later COP 1.234,56" "follow-up: José's invoice due on 2026-07-15 kept apart"
assert_contains "$FU" "Overdue COP 2.345,67" "follow-up: Ángela's overdue invoice"
assert_contains "$FU" "COP: overdue 135.860,67; falls due later 1.234,56." "follow-up: the totals"
cart report followup --overdue "Ángela Núñez" --format csv
assert_status 0 "follow-up of one client exits 0"
assert_not_contains "$OUT" "José" "follow-up of one client: only hers"

# ---- CSV ----
cart report aging --format csv
assert_status 0 "aging as CSV exits 0"
assert_eq "137095.23" "$(printf '%s\n' "$OUT" | tr -d '\r' | awk -F, '$1 == "total" { print $NF }')" \
	"aging CSV: the total row's net, plain"

# ---- PDF ----
if [ $HAVE_PDF = 1 ]; then
	cart report statement "José Peña Müller" --output "$T/s.pdf"
	assert_status 0 "statement PDF exits 0"
	assert_contains "$ERR" "2 characters have no glyph" "the PDF says what WinAnsi could not print"
	qpdf --check "$T/s.pdf" >/dev/null 2>&1
	ok $? "qpdf --check passes on the statement"
	pdftotext -layout "$T/s.pdf" "$T/s.pdf.txt"
	PDF=$(cat "$T/s.pdf.txt")
	assert_contains "$PDF" "Compañía Ñandú S.A.S." "PDF: the company's name with ñ and Ñ"
	assert_contains "$PDF" "NIT 800.197.268-4" "PDF: the company's tax id as NIT with its DV"
	assert_contains "$PDF" "José Peña Müller" "PDF: the client's name with é, ñ, ü"
	assert_contains "$PDF" "Bogotá" "PDF: the address with á"
	assert_contains "$PDF" "¿urgente? ¡sí! 10 €" "PDF: ¿ ¡ í and € print right"
	assert_contains "$PDF" "?ód?" "PDF: what WinAnsi lacks is '?'"
	assert_match "$PDF" "FAC-000130 +Invoice +[0-9-]+ +[A-Z][a-z]+ +1\\.130,00 +138\\.515,00" "PDF: the last invoice of the loop and its balance"
	assert_contains "$PDF" "134.749,56" "PDF: the balance"
	pages=$(grep -c "page [0-9]* of " "$T/s.pdf.txt")
	[ "$pages" -ge 3 ]
	ok $? "the statement runs to 3 pages or more ($pages)"
	assert_match "$PDF" "page 1 of $pages\$" "PDF: page 1 of $pages"
	assert_match "$PDF" "page $pages of $pages\$" "PDF: page $pages of $pages"
	page2=$(awk 'BEGIN { RS = "\f" } NR == 2' "$T/s.pdf.txt")
	assert_match "$page2" "^ *Date +Document +Description +Order ref\\. +Due date +Status +Charge +Credit +Balance" \
		"PDF page 2 repeats the table's header"
	assert_contains "$page2" "José Peña Müller" "PDF page 2 names the client in its header"

	# Spanish: "página X de Y" from the catalogue (a small one made here; po/ is translated later)
	mkdir -p "$T/locale/es/LC_MESSAGES"
	cat >"$T/es.po" <<'EOF'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "page %d of %d"
msgstr "página %d de %d"

msgid "Statement of account"
msgstr "Estado de cuenta"
EOF
	msgfmt -o "$T/locale/es/LC_MESSAGES/cartera.mo" "$T/es.po"
	run env CARTERA_LOCALEDIR="$T/locale" LC_ALL=es_CO.UTF-8 LANG=es_CO.UTF-8 \
		"$CARTERA_BIN" --db "$DB" --today "$TODAY" report statement "José Peña Müller" \
		--output "$T/es.pdf"
	assert_status 0 "statement PDF in Spanish exits 0"
	ES=$(pdftotext -layout "$T/es.pdf" - 2>/dev/null)
	assert_match "$ES" "página 1 de $pages\$" "PDF in Spanish: página 1 de $pages"
	assert_contains "$ES" "Estado de cuenta" "PDF in Spanish: the title"

	# aging PDF: every column, landscape when the columns need it
	cart report aging --output "$T/a.pdf"
	assert_status 0 "aging PDF exits 0"
	qpdf --check "$T/a.pdf" >/dev/null 2>&1
	ok $? "qpdf --check passes on the aging"
	APDF=$(pdftotext -layout "$T/a.pdf" - 2>/dev/null)
	assert_match "$APDF" "Client +Cur\\. +Not due +1-30 +31-60 +61-90 +Over 90 +Open charges +Credits in favour +Net" \
		"aging PDF: every column"
	assert_match "$APDF" "Total COP .*137\\.095,23" "aging PDF: the total"
	assert_contains "$APDF" "the ranges add up to the open charges" "aging PDF: the footer's proof"
	pdfinfo "$T/a.pdf" 2>/dev/null | grep -q "Page size: *841.89 x 595.276"
	ok $? "aging PDF is landscape A4"

	# a document
	cart report document FAC-000131 --output "$T/doc.pdf"
	assert_status 0 "document PDF exits 0"
	DOC=$(pdftotext -layout "$T/doc.pdf" - 2>/dev/null)
	assert_contains "$DOC" "Invoice FAC-000131" "document PDF: its title and number"
	assert_contains "$DOC" "1.234,56" "document PDF: its amount"
	assert_contains "$DOC" "José Peña Müller" "document PDF: its client"
	cart report document RC-000001 --output "$T/rc.pdf"
	assert_status 0 "receipt PDF exits 0"
	RCP=$(pdftotext -layout "$T/rc.pdf" - 2>/dev/null)
	assert_contains "$RCP" "Receipt RC-000001" "receipt PDF: its title"
	assert_match "$RCP" "Payment +COP +5\\.000,00 +0,00" "receipt PDF: the payment, all applied"
	assert_not_contains "$RCP" "APF" "receipt PDF: the client's copy shows no ledger code"
	cart report document RC-000001 --internal --output "$T/rc-internal.pdf"
	assert_match "$(pdftotext -layout "$T/rc-internal.pdf" - 2>/dev/null)" \
		"APF +Payment +COP +5\\.000,00 +0,00" "receipt PDF --internal: the ledger code APF"

	# many statements: one PDF per client with a balance, or one file numbered per client
	cart report statements --all --dir "$T/many"
	assert_status 0 "statements --all --dir exits 0"
	assert_eq 2 "$(ls "$T/many" | wc -l)" "one PDF for each of the two clients with a balance"
	assert_match "$(ls "$T/many")" "^statement-[0-9]{6}-angela-nunez\\.pdf$" \
		"file named after Ángela Núñez, the client number zero-padded"
	LANG=es_CO.UTF-8 LANGUAGE=es cart report statements --all --dir "$T/muchos"
	assert_match "$(ls "$T/muchos")" "^estado-[0-9]{6}-angela-nunez\\.pdf$" \
		"in Spanish the files are named in Spanish"
	cart report statements --overdue --output "$T/one.pdf"
	assert_status 0 "statements --overdue --output exits 0"
	ONE=$(pdftotext -layout "$T/one.pdf" - 2>/dev/null)
	assert_contains "$ONE" "Ángela Núñez" "combined PDF: Ángela's statement"
	assert_match "$ONE" "page 1 of 1\$" "combined PDF: Ángela's one page is numbered on its own"
	assert_match "$ONE" "page 1 of $pages\$" "combined PDF: José's pages numbered on their own"
	cart report statements --clients "Zoë Ltda" --output "$T/zoe.pdf"
	assert_status 0 "a statement of a client with nothing"
	assert_contains "$(pdftotext -layout "$T/zoe.pdf" - 2>/dev/null)" "No movements up to 2026-06-30" \
		"it says there is nothing"
else
	skip "PDF checks" "pdftotext or qpdf missing (Debian packages poppler-utils, qpdf)"
fi

# ---- XLSX ----
if [ $HAVE_XL = 1 ]; then
	cart report statement "José Peña Müller" --output "$T/s.xlsx"
	assert_status 0 "statement XLSX exits 0"
	cart report aging --output "$T/a.xlsx"
	assert_status 0 "aging XLSX exits 0"
	cart balance --format csv
	LEDGER_NET=$(csv_field "$OUT" 1 7)
	R=$($PY - "$T/s.xlsx" "$T/a.xlsx" "$LEDGER_NET" <<'EOF' 2>&1
import datetime, decimal, sys, openpyxl
s, a, net = sys.argv[1], sys.argv[2], decimal.Decimal(sys.argv[3])
out = []
def check(cond, what):
    out.append(("ok " if cond else "FAIL ") + what)
wb = openpyxl.load_workbook(s)
ws = wb.worksheets[0]   # named after the client (issue 16)
hdr = [r for r in range(1, 20) if ws.cell(r, 1).value == "Date"][0]
check(ws.freeze_panes == "A%d" % (hdr + 1), "movements: header row frozen")
check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A%d:I" % hdr), "movements: autofilter from the header")
d = ws.cell(hdr + 1, 1)
check(isinstance(d.value, datetime.datetime) and d.value.date() == datetime.date(2026, 1, 6) and d.is_date, "movements: a real date")
c = ws.cell(hdr + 1, 7)
check(c.data_type == "n" and abs(c.value - 1001) < 1e-9 and c.number_format.endswith(" #,##0.00"), "movements: a real number in #,##0.00 (%s)" % c.number_format)
last = ws.max_row
while ws.cell(last, 2).value != "Total":
    last -= 1
f = ws.cell(last, 7).value
check(isinstance(f, str) and f.startswith("=SUM(G%d:G" % (hdr + 1)), "movements: charges total is a SUM formula")
wbv = openpyxl.load_workbook(s, data_only=True)
v = wbv.worksheets[0].cell(last, 7).value
check(decimal.Decimal(str(v)) == decimal.Decimal("139749.56"), "movements: the SUM's stored value is 139.749,56 (%s)" % v)
check(decimal.Decimal(str(wbv.worksheets[0].cell(last, 8).value)) == decimal.Decimal("5000"), "movements: credits total 5.000,00")
check(decimal.Decimal(str(wbv.worksheets[0].cell(last, 9).value)) == decimal.Decimal("134749.56"), "movements: final balance")
check([ws.cell(hdr, i).value for i in (4, 5, 6)] == ["Order ref.", "Due date", "Status"], "movements: order ref., due date and status columns")
check(any("Open documents" in n for n in wb.sheetnames) and any(" Aging " in n for n in wb.sheetnames), "statement: open documents and aging sheets")
wb = openpyxl.load_workbook(a)
ws = wb["Aging"]
hdr = [r for r in range(1, 20) if ws.cell(r, 1).value == "Client"][0]
check([ws.cell(hdr, i).value for i in range(1, 11)] == ["Client", "Cur.", "Not due", "1-30", "31-60", "61-90", "Over 90", "Open charges", "Credits in favour", "Net"], "aging: every column")
check(ws.freeze_panes == "A%d" % (hdr + 1), "aging: header row frozen")
check(ws.auto_filter.ref == "A%d:J%d" % (hdr, hdr + 2), "aging: autofilter over the two clients")
names = [ws.cell(r, 1).value for r in (hdr + 1, hdr + 2)]
check(sorted(names) == ["José Peña Müller", "Ángela Núñez"], "aging: both clients, accents kept")
angela = hdr + 1 + names.index("Ángela Núñez")
tot = hdr + 3
check(ws.cell(tot, 1).value == "Total COP", "aging: the total per currency")
check(all(str(ws.cell(tot, c).value).startswith("=SUMIF(B") for c in range(3, 11)), "aging: totals are SUMIF formulas by currency")
wbv = openpyxl.load_workbook(a, data_only=True)
wv = wbv["Aging"]
vals = [decimal.Decimal(str(wv.cell(tot, c).value)) for c in range(3, 11)]
check(vals[7] == net, "aging: the stored net (%s) equals the ledger's balance (%s)" % (vals[7], net))
check(sum(vals[0:5]) == vals[5], "aging: the stored ranges add up to the open charges")
check(decimal.Decimal(str(wv.cell(angela, 7).value)) == decimal.Decimal("2345.67"), "aging: over 90 holds Ángela's invoice")
ck = wbv["Check"]
row = [r for r in range(1, 20) if ck.cell(r, 1).value == "COP"][0]
check(decimal.Decimal(str(ck.cell(row, 6).value)) == net, "check sheet: the ledger balance")
print("\n".join(out))
EOF
)
	while IFS= read -r line; do
		case $line in
		"ok "*) pass "xlsx ${line#ok }" ;;
		*) fail "xlsx ${line#FAIL }" "$line" ;;
		esac
	done <<<"$R"
else
	skip "XLSX checks" "Debian's python3-openpyxl is missing"
fi

# ---- printing ----
mkdir -p "$T/nolp" "$T/badlp" "$T/goodlp"
run env PATH="$T/nolp" "$CARTERA_BIN" --db "$DB" --today "$TODAY" report aging --print \
	--output "$T/p.pdf"
assert_status 1 "no spooler: exit status 1"
assert_contains "$ERR" "\"lp\" was not found" "no spooler: the message says so"
assert_contains "$ERR" "kept in $T/p.pdf" "no spooler: it says where the report is"
[ "$(head -c 5 "$T/p.pdf" 2>/dev/null)" = "%PDF-" ]
ok $? "no spooler: the report is kept as a PDF"
run env PATH="$T/nolp" "$CARTERA_BIN" --db "$DB" --today "$TODAY" report statement \
	"Ángela Núñez" --print --format txt
assert_status 1 "no spooler, no --output: exit status 1"
kept="$HOME/.local/share/cartera/printed/angela-nunez-statement.txt"
assert_contains "$ERR" "kept in $kept" "no spooler, no --output: kept under the data folder"
assert_contains "$(cat "$kept" 2>/dev/null)" "Ángela Núñez" "the kept text report holds the statement"
printf '#!/bin/sh\necho "lp: The printer or class does not exist." >&2\nexit 1\n' >"$T/badlp/lp"
printf '#!/bin/sh\necho "$@" >"%s/lp.args"\nexit 0\n' "$T" >"$T/goodlp/lp"
chmod +x "$T/badlp/lp" "$T/goodlp/lp"
run env PATH="$T/badlp" "$CARTERA_BIN" --db "$DB" --today "$TODAY" report aging --print \
	--printer Nadie --output "$T/q.pdf"
assert_status 1 "printer refused: exit status 1"
assert_contains "$ERR" "printing failed" "printer refused: the message says so"
assert_contains "$ERR" "\"Nadie\"" "printer refused: it names the printer"
[ -s "$T/q.pdf" ]
ok $? "printer refused: the report is kept"
run env PATH="$T/goodlp" PRINTER=Oficina "$CARTERA_BIN" --db "$DB" --today "$TODAY" report aging \
	--print --output "$T/r.pdf"
assert_status 0 "printed through lp: exit 0"
assert_eq "-d Oficina $T/r.pdf" "$(cat "$T/lp.args" 2>/dev/null)" "lp got \$PRINTER and the file"
run env PATH="$T/goodlp" PRINTER=Oficina "$CARTERA_BIN" --db "$DB" --today "$TODAY" report aging \
	--print --printer Caja --format txt132 --output "$T/r.txt"
assert_eq "-d Caja $T/r.txt" "$(cat "$T/lp.args" 2>/dev/null)" "--printer wins over \$PRINTER"

# ---- help and bad input ----
cart report --help
assert_status 0 "report --help exits 0"
assert_contains "$OUT" "--status S" "report --help lists the filters"
assert_eq "" "$ERR" "report --help writes nothing on stderr"
cart report
assert_refused 2 "say which report" "report without a report"
cart report statement "Nadie Así"
assert_refused 1 "Nadie Así" "an unknown client"
cart report aging --format doc
assert_refused 2 "doc" "an unknown format"
cart report aging --format pdf
assert_refused 2 "--output" "a PDF needs a file"
cart report statement "José Peña Müller" --status unpaid
assert_refused 2 "unpaid" "an unknown status"
cart report statement "José Peña Müller" --range 10-20
assert_refused 2 "10-20" "an unknown aging range"
cart report statement "José Peña Müller" --output "$T/no/such/dir/s.pdf"
assert_status 1 "an output folder that does not exist: exit 1"
assert_contains "$ERR" "$T/no/such/dir/s.pdf" "it names the file"
cart report statement "José Peña Müller" --output "$T/no/such/dir/s.xlsx"
assert_status 1 "an XLSX in a folder that does not exist: exit 1"
assert_eq "cartera: cannot write $T/no/such/dir/s.xlsx: No such file or directory" "$ERR" \
	"an XLSX in a folder that does not exist: one clear message"
[ ! -e "$T/no/such/dir/s.xlsx" ]
ok $? "no partial spreadsheet left"

# filters from the command line
cart report statement "José Peña Müller" --range over90 --format csv
assert_status 0 "--range over90 exits 0"
n_open=$(printf '%s\n' "$OUT" | awk -F, '$1 == "data" && $2 ~ /^FAC-/ && NF == 9' | wc -l)
n_late=$(printf '%s\n' "$OUT" | awk -F, '$1 == "data" && $2 ~ /^FAC-/ && NF == 9 && $6 > 90' | wc -l)
[ "$n_open" -gt 0 ] && [ "$n_open" = "$n_late" ]
ok $? "--range over90: every open document listed ($n_open) is over 90 days"
cart report statement "José Peña Müller" --type receipt --format csv
assert_eq 1 "$(printf '%s\n' "$OUT" | awk -F, '$1 == "data" && $3 ~ /^RC-/' | wc -l)" \
	"--type receipt: the one receipt"
check_ok "the reports (they never write)"

done_testing
