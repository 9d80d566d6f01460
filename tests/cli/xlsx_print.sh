#!/bin/bash
# tests/cli/xlsx_print.sh: XLSX sheets print as the PDF does (issue 16), read back with openpyxl:
# A4; the wide aging and the statement's movements (with their due date, status and order
# reference, issue 16) turned to landscape, the open documents upright; every sheet one
# page wide, its header row repeated at the top of each printed page, "page N of M" in the footer
# (Spanish under an es_ locale). A grouped sheet (the follow-up: a heading per client) names the
# client on every row, so that its autofilter picks one client's rows.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
if [ -z "$PY" ] || ! "$PY" -c 'import openpyxl' 2>/dev/null; then
	skip "XLSX print setup" "Debian's python3-openpyxl is missing"
	done_testing
	exit 0
fi
cart init --name "Comercial Andina SAS" --tax-id 800197268-4 --country CO
cart client add "Ferretería Ñandú SAS" --tax-id 890903938-8
cart invoice post --override prueba 1 1.500.000,00 --date 2026-03-01
cart invoice post --override prueba 1 250.000,00 --date 2026-06-20
assert_status 0 "a ledger with two invoices"
cart report statement 1 --output "$T/s.xlsx"
assert_status 0 "statement XLSX"
cart report aging --output "$T/a.xlsx"
assert_status 0 "aging XLSX"
cart client add "Pacífico Ltda" --tax-id 899999068-1
cart invoice post --override prueba 2 700.000,00 --date 2026-06-25
cart report followup --output "$T/f.xlsx"
assert_status 0 "follow-up XLSX"
R=$("$PY" - "$T/s.xlsx" "$T/a.xlsx" "$T/f.xlsx" <<'PYEOF' 2>&1
import sys, openpyxl
out = []
def check(cond, what):
    out.append(("ok " if cond else "FAIL ") + what)
for path, wide in ((sys.argv[1], ()), (sys.argv[2], ("Aging",))):
    # the statement's own aging sheet is as wide as the aging report's: landscape too
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        if ws.title == "Check" or ws.max_row < 2:
            continue
        n = ws.title
        ps = ws.page_setup
        check(str(ps.paperSize) == "9", "%s: A4 paper (%s)" % (n, ps.paperSize))
        # the statement's sheets are named after the client ("000001 Aging Ferretería …")
        # and the statement's movements (the first sheet) carry order ref., due date and status
        want = ("landscape" if n in wide or n.startswith("000001 Aging ")
                or (path == sys.argv[1] and ws is wb.worksheets[0]) else "portrait")
        check(ps.orientation == want, "%s: %s (%s)" % (n, want, ps.orientation))
        check(ws.sheet_properties.pageSetUpPr.fitToPage and str(ps.fitToWidth) in ("1", "None")
              and str(ps.fitToHeight) == "0", "%s: one page wide, as long as it takes" % n)
        hdr = int(ws.freeze_panes[1:]) - 1
        check(ws.print_title_rows == "$%d:$%d" % (hdr, hdr), "%s: the header row %d repeated on every page (%s)" % (n, hdr, ws.print_title_rows))
        check(ws.oddFooter.right.text == "page &P of &N", "%s: page N of M in the footer (%s)" % (n, ws.oddFooter.right.text))
ws = openpyxl.load_workbook(sys.argv[3])["Follow-up"]
hdr = int(ws.freeze_panes[1:]) - 1
check([c.value for c in ws[hdr]][-1] == "Client", "follow-up: a last column names the client")
ncol = ws.max_column
check(ws.auto_filter.ref.startswith("A%d:%s" % (hdr, openpyxl.utils.get_column_letter(ncol))),
      "follow-up: the autofilter takes it in (%s)" % ws.auto_filter.ref)
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=hdr + 1)]
fer = [r for r in rows if r[0] == "FAC-000001"][0]
pac = [r for r in rows if r[0] == "FAC-000003"][0]
check(fer[-1] == "Ferretería Ñandú SAS — NIT 890.903.938-8", "follow-up: the first client's row names it (%s)" % fer[-1])
check(pac[-1] == "Pacífico Ltda — NIT 899.999.068-1", "follow-up: the second client's row names it (%s)" % pac[-1])
tot = [r for r in rows if r[0] == "Overdue"]
check(len(tot) == 2 and tot[0][-1].startswith("Ferretería") and tot[1][-1].startswith("Pacífico"), "follow-up: each subtotal names its client")
heads = [r for r in rows if r[0] and str(r[0]).startswith("Pacífico")]
check(heads and heads[0][-1] is None, "follow-up: the heading row itself is left as it was")
print("\n".join(out))
PYEOF
)
while IFS= read -r line; do
	case $line in
	"ok "*) pass "xlsx ${line#ok }" ;;
	*) fail "xlsx ${line#FAIL }" "$line" ;;
	esac
done <<<"$R"
done_testing
