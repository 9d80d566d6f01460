#!/bin/bash
# The statement screen (SPEC R1, R4, R5, D6), opened from the dashboard with s on a row: the
# figures on screen are those of `cartera report statement --format txt` and `cartera balance`;
# the filter form (status overdue) and the range keys filter the lines; F5 / F6 / F7 save PDF,
# XLSX and text files that open cleanly (pdftotext, qpdf, openpyxl; the text file is the
# command's own); p prints through a fake lp that records its arguments, and with no lp on PATH
# says so and keeps the PDF; P on a dashboard row prints that document. At 80x24 and 120x40.
. "$(dirname "$0")/lib.sh"
START=dashboard

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep . --date-order ymd
cart client add "Química Ñandú Peñalosa SAS" --tax-id 890903938 --terms 30
cart client add "Cuotas Ltda" --tax-id 899999068 --terms 30
# today is 2026-06-30
cart invoice post --override "prueba" 1 1.000,00 --date 2026-03-01      # FAC-000001 due 03-31: 91 days overdue
cart invoice post --override "prueba" 1 2.500,50 --date 2026-05-15      # FAC-000002 due 06-14: 16 days overdue
cart invoice post --override "prueba" 1 300,00 --date 2026-06-10        # FAC-000003 due 07-10: not yet due
cart invoice post --override "prueba" 2 400,00 --date 2026-05-31        # FAC-000004: another client's
cart payment post 1 200,00 --to FAC-000002=200,00 --date 2026-06-20   # RC-000001
assert_status 0 "the ledger is built"
# client 1: charges 3.800,50, credits 200,00, balance 3.600,50; overdue 3.300,50, not due 300,00

# squeezed: the text with runs of blanks made one, trailing blanks gone
sq() { sed -e 's/  */ /g' -e 's/ $//'; }

cart report statement 1 --format txt
assert_status 0 "the command's statement"
TXT=$(printf '%s\n' "$OUT" | sq)
dump_save "$DB" before

# ---- s on the first overdue row: the statement of its client ----
screen '<A-s><dump>'
assert_status 0 "the statement opens from the dashboard"
S=$(text 1)
assert_match "$(row "$S" 1)" 'Statement of Química Ñandú Peñalosa SAS as of 2026-06-30$' \
	"title: the client's accented name and the as-of date"
assert_match "$(row "$S" 2)" '^Filter: none.* 1–19 of 23$' "no filter; 23 lines"
# the screen opens on what matters first (seed 000): the balance and the client's header, then
# the open documents and the aging, the movements after them
assert_match "$(row "$S" 5)" '^Balance as of 2026-06-30: 3\.600,50 COP' "the balance on the first lines"
assert_match "$(row "$S" 7)" '^NIT 890\.903\.938-8' "the client's tax id with its check digit"
assert_match "$(row "$S" 9)" '^Open documents' "then the open documents"
screen '<A-s><dump>' --size 80x40
SS=$(text 1 | sq)
# an invoice's due date: on 80-column paper where it fits, past the screen's edge (issue 16)
for want in '2026-03-01 FAC-000001 Invoice 2026-03-31 1.000,00 1.000,00' \
	'2026-05-15 FAC-000002 Invoice 2026-06-14 2.500,50 3.500,50' \
	'2026-06-10 FAC-000003 Invoice 2026-07-10 300,00 3.800,50'; do
	assert_contains "$TXT" "$want" "the command's statement has: $want"
	scr=$(sed -E 's/ 20[0-9]{2}-[0-9]{2}-[0-9]{2} / /' <<<"$want")
	assert_contains "$SS" "$scr" "and the screen, its due date past the edge: $scr"
done
for want in \
	'2026-06-20 RC-000001 Payment: FAC-000002 200,00 3.600,50' \
	'Total COP 3.800,50 200,00 3.600,50' \
	'FAC-000001 2026-03-01 2026-03-31 91 COP 1.000,00 1.000,00' \
	'FAC-000002 2026-05-15 2026-06-14 16 COP 2.500,50 2.300,50' \
	'FAC-000003 2026-06-10 2026-07-10 0 COP 300,00 300,00' \
	'Balance as of 2026-06-30: 3.600,50 COP'; do
	assert_contains "$TXT" "$want" "the command's statement has: $want"
	assert_contains "$SS" "$want" "and the screen too"
done
assert_match "$SS" 'COP 300,00 2.300,50 0,00 0,00 1.000,00 0,00 3.600,50' \
	"the client's aging at 80 columns: not due 300,00, 1-30 2.300,50, over 90 1.000,00, net"
# (a "…" in the last column says more is to the right: the order reference, due date and status
# of the movements, past the edge on a blank, never over a figure)
assert_not_contains "$(sed -n 3,22p <<<"$S" | sed 's/ *…$//')" "…" "nothing of the statement is cut at 80 columns"
assert_match "$S" "Balance…$" "the movements say more is to the right, after a whole header"
assert_not_contains "$SS" "FAC-000004" "another client's invoice is not in it"
cart balance 1
assert_match "$(printf '%s\n' "$OUT" | sq)" '^COP 3.800,50 200,00 3.600,50 300,00 3.300,50 0,00 3.600,50$' \
	"cartera balance: charges 3.800,50, credits 200,00, balance 3.600,50, as on screen"
assert_match "$(row "$S" 24)" 'F4 Filter +F5 PDF +F6 XLSX +F7 Text +F8 Print +F10 Back' \
	"the key bar: filter, save, print, back"

# ---- the filter form: status overdue ----
# fields: as of, type, number, dated from/to, due from/to, days from/to, status, range
screen '<A-s>f<Down><Down><Down><Down><Down><Down><Down><Down><Down><Right><Right><Right><Right><dump><F9><dump>'
S=$(text 1)
assert_contains "$S" "Filter the statement" "f opens the filter form"
assert_match "$S" 'Status +<overdue>' "the status set to overdue"
S=$(text 2)
SS=$(printf '%s\n' "$S" | sq)
assert_match "$(row "$S" 2)" '^Filter: overdue' "the filter line says overdue"
assert_contains "$SS" 'FAC-000001 2026-03-01 2026-03-31 91 COP 1.000,00 1.000,00' "FAC-000001 is overdue"
assert_contains "$SS" 'FAC-000002 2026-05-15 2026-06-14 16 COP 2.500,50 2.300,50' "FAC-000002 is overdue"
assert_not_contains "$SS" "FAC-000003" "FAC-000003 (not yet due) is left out"
assert_not_contains "$SS" "RC-000001" "and the payment (it has nothing overdue)"
assert_contains "$SS" 'Total COP COP 3.500,50 3.300,50' "the open documents add up to 3.300,50"
cart report statement 1 --status overdue --format txt
assert_contains "$(printf '%s\n' "$OUT" | sq)" 'Total COP COP 3.500,50 3.300,50' \
	"as the command's statement --status overdue"

# a bad date in the form is named and the statement stays as it was
screen '<A-s>f<Down><Down><Down>2026-13-45<F9><dump><Esc><dump>'
S=$(text 1)
assert_contains "$S" "Filter the statement" "a bad date keeps the form up"
assert_match "$S" 'Dated from +2026-13-45' "with the date typed"
S=$(text 2)
assert_match "$(row "$S" 2)" '^Filter: none.* of 23$' "Esc: the statement as it was"

# ---- the as-of date: the statement as it stood on 2026-05-31 ----
screen '<A-s>f<C-u>2026-05-31<F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'Statement of Química Ñandú Peñalosa SAS as of 2026-05-31$' \
	"the title follows the as-of date"
assert_contains "$(printf '%s\n' "$S" | sq)" 'Balance as of 2026-05-31: 3.500,50 COP' \
	"the balance on 2026-05-31: FAC-000001 + FAC-000002"
assert_not_contains "$(printf '%s\n' "$S" | sq)" "RC-000001" "the payment of 06-20 is not in it yet"
cart report statement 1 --asof 2026-05-31 --format txt
assert_contains "$(printf '%s\n' "$OUT" | sq)" 'Balance as of 2026-05-31: 3.500,50 COP' \
	"as the command's --asof 2026-05-31"

# ---- range keys filter at once ----
screen '<A-s>5<dump>2<dump>0<dump>'
SS=$(text 1 | sq)
assert_match "$(text 1 | row "$(cat)" 2)" '^Filter: over 90 days' "5: over 90 days"
assert_contains "$SS" 'FAC-000001 2026-03-01 2026-03-31 91 COP 1.000,00 1.000,00' "FAC-000001: 91 days"
assert_not_contains "$SS" "FAC-000002" "FAC-000002 (16 days) is not over 90"
assert_contains "$(text 1)" "Aging range: over 90 days." "the status line says so"
cart report statement 1 --range over90 --format txt
assert_contains "$(printf '%s\n' "$OUT" | sq)" 'FAC-000001 2026-03-01 2026-03-31 91 COP 1.000,00 1.000,00' \
	"the command's --range over90 has FAC-000001"
assert_not_contains "$(printf '%s\n' "$OUT" | sq)" "FAC-000002 2026-05-15 2026-06-14" "and not FAC-000002"
SS=$(text 2 | sq)
assert_match "$(text 2 | row "$(cat)" 2)" '^Filter: 1–30 days' "2: 1-30 days"
assert_contains "$SS" 'FAC-000002 2026-05-15 2026-06-14 16 COP 2.500,50 2.300,50' "FAC-000002: 16 days"
assert_not_contains "$SS" "FAC-000001 2026-03-01 2026-03-31" "FAC-000001 is not in 1-30"
assert_match "$(text 3 | row "$(cat)" 2)" '^Filter: none.* of 23$' "0: every range again"

# ---- saving: PDF, XLSX, text, in the current folder ----
mkdir -p "$T/out"
cd "$T/out" || exit 1
scr '<A-s><F5><dump><Enter><dump><F6><Enter><dump>t<Enter><dump>' 80x24
cd - >/dev/null || exit 1
assert_status 0 "saving from the screen"
PDF=$T/out/statement-quimica-nandu-penalosa-sas-2026-06-30.pdf
XLSX=$T/out/statement-quimica-nandu-penalosa-sas-2026-06-30.xlsx
TXTF=$T/out/statement-quimica-nandu-penalosa-sas-2026-06-30.txt
assert_match "$(text 1)" 'File +.*-nandu-penalosa-sas-2026-06-30\.pdf' \
	"the prompt proposes statement-<client>-<date>.pdf"
assert_contains "$(text 2)" "Wrote statement-quimica-nandu-penalosa-sas-2026-06-30.pdf in /" \
	"the status line says where the PDF went"
assert_contains "$(text 3)" "Wrote statement-quimica-nandu-penalosa-sas-2026-06-30.xlsx in" "and the XLSX"
assert_eq "yes yes yes" "$([ -s "$PDF" ] && echo yes) $([ -s "$XLSX" ] && echo yes) $([ -s "$TXTF" ] && echo yes)" \
	"three files written"
if command -v pdftotext >/dev/null; then
	P=$(pdftotext -layout "$PDF" - | sq)
	assert_contains "$P" "Química Ñandú Peñalosa SAS" "the PDF has the client's accented name"
	assert_contains "$P" "Balance as of 2026-06-30: 3.600,50 COP" "and the balance"
	assert_match "$P" 'FAC-000002 2026-05-15 2026-06-14 16 COP 2.500,50 2.300,50' "and the open documents"
else
	skip "pdftotext is not installed (poppler-utils)"
fi
if command -v qpdf >/dev/null; then
	run qpdf --check "$PDF"
	assert_status 0 "qpdf --check passes on the PDF"
else
	skip "qpdf is not installed"
fi
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	run /usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
vals = []
for ws in wb.worksheets:
    for r in ws.iter_rows(values_only=True):
        vals.append(" ".join(str(c) for c in r if c is not None))
print("\n".join(vals))' "$XLSX"
	assert_status 0 "openpyxl opens the XLSX"
	assert_contains "$OUT" "Química Ñandú Peñalosa SAS" "the XLSX has the client"
	assert_contains "$OUT" "Total COP 3800.5 200 3600.5" "and the movements' totals"
	assert_contains "$OUT" "Total COP COP 3800.5 3600.5" "and the open documents' total"
else
	skip "Debian's python3-openpyxl is not installed"
fi
cart report statement 1 --format txt
# saved from the screen, in the screen's order (the balance and open documents first): every
# line of the command's statement, nothing else but the balance under the title
lines() { sed 's/ *$//' | grep -v '^$' | sort -u; }
assert_eq "$(printf '%s\n' "$OUT" | lines)" "$(lines <"$TXTF")" \
	"the text file has the command's statement, line for line, the balance first"
assert_match "$(sed -n 4p "$TXTF")" '^Balance as of 2026-06-30: 3\.600,50 COP' "its balance under the title"

# saving over a file asks first; n keeps it
cd "$T/out" || exit 1
SHA=$(file_sha "$PDF")
scr '<A-s>1<F5><Enter><dump>n<dump>' 80x24
cd - >/dev/null || exit 1
assert_contains "$(text 1)" "exists. Replace it?" "an existing file: asked first"
assert_contains "$(text 2)" "Nothing written." "n: nothing written"
assert_eq "$SHA" "$(file_sha "$PDF")" "the file is as it was"

# ---- printing through a fake lp ----
mkdir -p "$T/goodlp" "$T/nolp"
printf '#!/bin/sh\necho "$@" >>"%s/lp.args"\nexit 0\n' "$T" >"$T/goodlp/lp"
chmod +x "$T/goodlp/lp"
KEPT=$T/home/.local/share/cartera/printed/quimica-nandu-penalosa-sas-statement.pdf
scr '<A-s>p<dump>' 120x40 PATH="$T/goodlp:$PATH" PRINTER=Oficina
assert_status 0 "printing from the screen"
assert_eq "-d Oficina $KEPT" "$(cat "$T/lp.args")" "lp got the printer and the kept PDF"
assert_contains "$(text 1)" "Sent quimica-nandu-penalosa-sas-statement.pdf to the printer Oficina (kept in /" \
	"the status line says so"
if command -v pdftotext >/dev/null; then
	assert_contains "$(pdftotext "$KEPT" -)" "Química Ñandú Peñalosa SAS" "the printed PDF is the statement"
fi

# ---- no lp on PATH: the message, the file kept, nothing lost ----
rm -f "$KEPT"
scr '<A-s>p<dump><Esc><dump>' 80x24 PATH="$T/nolp"
assert_status 0 "no spooler: the screen goes on"
S=$(text 1)
assert_contains "$S" "Not printed" "a window says it was not printed"
assert_contains "$S" '"lp" was not found' "because there is no lp"
assert_match "$(row "$S" 23)" '^Not printed: the print spooler command "lp" was not found' \
	"the status line says so too"
assert_contains "$(printf '%s\n' "$S" | awk -F'│' 'NF >= 3 {print $2}' | tr -d ' \n')" "$KEPT" \
	"the window says where the PDF is kept"
assert_eq "yes" "$([ -s "$KEPT" ] && echo yes)" "the PDF is kept"
assert_match "$(text 2 | row "$(cat)" 1)" 'Statement of Química' "Esc: back on the statement"
assert_dump_same "$DB" before "nothing in the ledger changed"

# ---- from the dashboard: P prints the row's document ----
rm -f "$T/lp.args"
scr '<Down><A-P><dump>' 120x40 PATH="$T/goodlp:$PATH"
DOCPDF=$T/home/.local/share/cartera/printed/FAC-000002.pdf
assert_eq "$DOCPDF" "$(cat "$T/lp.args")" "P on FAC-000002's row: lp got its PDF"
assert_contains "$(text 1)" "Sent FAC-000002.pdf to the printer (default) (kept in $(dirname "$DOCPDF"))" \
	"the status line says so"
if command -v pdftotext >/dev/null; then
	P=$(pdftotext -layout "$DOCPDF" - | sq)
	assert_contains "$P" "FAC-000002" "the PDF is the invoice"
	assert_contains "$P" "2.500,50" "with its amount"
fi
rm -f "$DOCPDF"
scr '<Down><A-P><dump>' 80x24 PATH="$T/nolp"
assert_contains "$(text 1)" '"lp" was not found' "no lp: said on the dashboard too"
assert_eq "yes" "$([ -s "$DOCPDF" ] && echo yes)" "and the document's PDF is kept"
scr '<A-4><A-P><dump>' 80x24
assert_contains "$(text 1)" "this row has no document to print" "a client's row has no document"

# ---- 120x40 ----
scr '<A-s><dump>' 120x40
S=$(text 1)
assert_match "$(row "$S" 1)" 'cartera — Comercial Andina SAS +Statement of Química Ñandú Peñalosa SAS as of 2026-06-30$' \
	"120 columns: the whole title"
assert_match "$(printf '%s\n' "$S" | sq)" 'Date Document Description Order ref\. Due date Status Charge Credit Balance' \
	"the movements' header: at 120 columns the order reference, due date and status in place"
assert_match "$(printf '%s\n' "$S" | sq)" 'Total COP 3.800,50 200,00 3.600,50' "the totals"
assert_match "$(row "$S" 40)" 'F4 Filter' "the key bar on the last row"

# ---- help ----
screen '<A-s>?<dump>'
assert_contains "$(text 1)" "1 not yet due, 2 3 4 5 the company's aging ranges" "the help lists the range keys"

# ---- a file that cannot be written: said on the status line, the screen goes on ----
DELS=$(printf '<Del>%.0s' {1..70})
scr "<A-s><F6><Home>${DELS}$T/no/such/folder/x.xlsx<Enter><dump>" 80x24
assert_status 0 "a bad folder does not end the screen"
assert_match "$(text 1 | row "$(cat)" 23)" "^cannot write $T/no/such/folder/x\.xlsx" \
	"the status line names the file that could not be written"
assert_match "$(text 1 | row "$(cat)" 1)" 'Statement of Química' "still on the statement"

# ---- from the client list: s opens the selected client's statement ----
START=clients screen '<Down><A-s><dump>q<dump>' --size 120x40
assert_match "$(text 1 | row "$(cat)" 1)" 'Statement of Química Ñandú Peñalosa SAS as of 2026-06-30$' \
	"Alt-s on the client list: the selected client's statement"
assert_match "$(text 1 | sq)" 'Balance as of 2026-06-30: 3.600,50 COP' "with its balance"
assert_match "$(text 2 | row "$(cat)" 1)" 'Clients$' "q: back on the client list"
assert_match "$(text 2 | row "$(cat)" 40)" 'F9 Statement' "the list's key bar offers it"

done_testing
