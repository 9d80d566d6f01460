#!/bin/bash
# tests/cli/xlsx_sheets.sh: what an accountant finds in cartera's XLSX (issue 16), read back with
# openpyxl: each currency's amounts formatted with its symbol (S/, US$) and the company's locale,
# no total adding soles to dollars; an invoice's quantities as numbers; the statement's running
# and closing balances and the aging's check sheet as formulas with their values cached (openpyxl
# sees the formula with data_only=False, the figure with data_only=True); sheets named after the
# client ("000001 Ferretería …"), at most 31 characters, none of []:*?/\, unique in the book.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
if [ ! -x "$PY" ] || ! "$PY" -c 'import openpyxl' 2>/dev/null; then
	skip "XLSX read back" "Debian's python3-openpyxl is missing"
	done_testing
	exit 0
fi
cart init --name "Comercializadora Andina S.A.C." --country PE --tax-id 20100070970
assert_status 0 "a Peruvian ledger (PEN, with USD)"
cart client add "Ferretería Ñandú [Lima]: Norte/Sur* ¿Qué? S.A.C. — Sucursal Arequipa" \
	--tax-id 20131312955 --terms 30
assert_status 0 "a client whose name holds every character a sheet name refuses"
cart client add "Ferretería Ñandú [Lima]: Norte/Sur* ¿Qué? S.A.C. — Sucursal Cusco" \
	--tax-id 20100047218 --terms 30
assert_status 0 "a second client whose name starts the same"
cart invoice post 1 --date 2026-04-01 --line "Taladro percutor;2.5;1000.00;IGV 18%" \
	--line "Brocas;12;10.50;IGV 18%" --override prueba
assert_status 0 "a PEN invoice with a fractional quantity"
cart invoice post 1 --date 2026-05-02 --currency USD --line "Servicio técnico;1;500.00;IGV 18%" \
	--override prueba
assert_status 0 "a USD invoice"
cart receipt post 1 --date 2026-06-10 --cash 1000.00 --to FAC-000001
assert_status 0 "a PEN receipt"
cart invoice post 2 --date 2026-06-01 --line "Martillo;3;25.00;IGV 18%" --override prueba
assert_status 0 "the second client's invoice"

cart report statement 1 --output "$T/s.xlsx"
assert_status 0 "statement XLSX"
cart report statement 1 --from 2026-05-01 --output "$T/sf.xlsx"
assert_status 0 "statement XLSX from a date (a balance brought forward)"
cart report aging --output "$T/a.xlsx"
assert_status 0 "aging XLSX"
cart report document FAC-000001 --output "$T/d.xlsx"
assert_status 0 "invoice XLSX"
cart report statements --clients 1,2 --output "$T/all.xlsx"
assert_status 0 "two statements in one XLSX"

# in Spanish the aging's sheet is "Antigüedad": the check's formulas quote its name
if command -v msgfmt >/dev/null; then
	mkdir -p "$T/locale/es/LC_MESSAGES"
	msgfmt -o "$T/locale/es/LC_MESSAGES/cartera.mo" "$CARTERA_SRCDIR/po/es.po"
	run env CARTERA_LOCALEDIR="$T/locale" LC_ALL=es_PE.UTF-8 LANG=es_PE.UTF-8 LANGUAGE=es \
		"$CARTERA_BIN" --db "$DB" --today "$TODAY" report aging --output "$T/a-es.xlsx"
	assert_status 0 "aging XLSX in Spanish"
	cat >"$T/es.py" <<'PYEOF'
import sys, openpyxl
f, v = openpyxl.load_workbook(sys.argv[1]), openpyxl.load_workbook(sys.argv[1], data_only=True)
print(f.sheetnames)
for w in (f, v):
    for r in w.worksheets[1].iter_rows(values_only=True):
        if r[0] == "PEN":
            print(r[1], r[2])
PYEOF
	run "$PY" "$T/es.py" "$T/a-es.xlsx"
	assert_contains "$OUT" "['Antigüedad', 'Comprobación']" "the Spanish sheet names"
	assert_contains "$OUT" "=SUM('Antigüedad'!C" "the check's sum of ranges reads the quoted sheet"
	assert_contains "$OUT" "='Antigüedad'!H" "and its open charges"
	assert_contains "$OUT" "2187.18 2187.18" "their cached values"
else
	skip "the Spanish aging" "msgfmt (gettext) is missing"
fi

R=$("$PY" - "$T" <<'PYEOF' 2>&1
import sys, re, openpyxl
T = sys.argv[1]
out = []
def check(cond, what):
    out.append(("ok " if cond else "FAIL ") + what)

def book(name, data_only=False):
    return openpyxl.load_workbook("%s/%s" % (T, name), data_only=data_only)

def table(ws):
    """header row number and the rows under it as lists of cells"""
    hdr = int(ws.freeze_panes[1:]) - 1
    return hdr, [list(r) for r in ws.iter_rows(min_row=hdr + 1)]

def col(ws, hdr, name):
    names = [c.value for c in ws[hdr]]
    return names.index(name)

# ---- sheet names ----
def section0():
    C1 = "000001 Ferretería Ñandú Lima"
    bad = set('[]:*?/\\')
    for f in ("s.xlsx", "sf.xlsx", "d.xlsx", "all.xlsx", "a.xlsx"):
        names = book(f).sheetnames
        check(all(len(n) <= 31 for n in names), "%s: every sheet name within 31 characters %s" % (f, names))
        check(not any(bad & set(n) for n in names), "%s: no sheet name holds []:*?/\\ %s" % (f, names))
        check(len(set(n.lower() for n in names)) == len(names), "%s: sheet names unique %s" % (f, names))
    s = book("s.xlsx").sheetnames
    check(s[0].startswith(C1), "statement: the first sheet says the client (%s)" % s[0])
    check(all(n.startswith("000001 ") for n in s), "statement: every sheet starts with the client's number %s" % s)
    check(book("d.xlsx").sheetnames[0].startswith(C1), "invoice: the sheet says the client (%s)" % book("d.xlsx").sheetnames[0])
    al = book("all.xlsx").sheetnames
    check(any(n.startswith("000001 ") for n in al) and any(n.startswith("000002 ") for n in al),
          "two statements: each client's sheets carry its number %s" % al)
    check(al[0].startswith(C1) and [n for n in al if n.startswith("000002")][0].startswith("000002 Ferretería Ñandú Lima"),
          "two statements: each client's first sheet is named after it")
    check(book("a.xlsx").sheetnames[:2] == ["Aging", "Check"], "aging: a report of no one client keeps its sheet names")

try:
    section0()
except Exception as ex:
    check(False, "sheet names raised %r" % ex)

# ---- currency formats ----
def section1():
    wb = book("s.xlsx")
    pen = [ws for ws in wb.worksheets if "PEN" in str(ws["A1"].value) or True]
    fmts = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, (int, float)) and not c.is_date and c.number_format not in ("0", "General"):
                    fmts.setdefault(c.number_format, 0)
                    fmts[c.number_format] += 1
    check(any("S/" in f for f in fmts), "statement: soles carry S/ in their format %s" % list(fmts))
    check(any("US$" in f for f in fmts), "statement: dollars carry US$ in their format %s" % list(fmts))
    check(all(("S/" in f) != ("US$" in f) for f in fmts), "statement: every amount's format names one currency %s" % list(fmts))
    check(all(re.search(r"#,##0\.00", f) for f in fmts), "statement: two decimals, grouped %s" % list(fmts))
    check(all("-280A" in f for f in fmts), "statement: Peru's locale (es-PE, 1,234.56) in the format %s" % list(fmts))

    ws = book("a.xlsx")["Aging"]
    hdr, rows = table(ws)
    ci = col(ws, hdr, "Cur.")
    ni = col(ws, hdr, "Net")
    seen = {}
    for r in rows:
        cur = r[ci].value
        if cur in ("PEN", "USD") and isinstance(r[ni].value, (int, float, str)) and r[ni].value is not None:
            seen.setdefault(cur, set()).add(r[ni].number_format)
    check("S/" in "".join(seen.get("PEN", [])) and "US$" not in "".join(seen.get("PEN", [])),
          "aging: the PEN rows and total in soles %s" % seen.get("PEN"))
    check("US$" in "".join(seen.get("USD", [])) and "S/" not in "".join(seen.get("USD", [])),
          "aging: the USD rows and total in dollars %s" % seen.get("USD"))
    tots = [r for r in rows if str(r[0].value).startswith("Total")]
    check(len(tots) == 2 and all(isinstance(r[ni].value, str) and 'SUMIF(' in r[ni].value and
          '"%s"' % r[ci].value in r[ni].value for r in tots),
          "aging: each currency's total adds only its own rows (SUMIF by currency) %s" % [r[ni].value for r in tots])

try:
    section1()
except Exception as ex:
    check(False, "currency formats raised %r" % ex)

# ---- quantities ----
def section2():
    ws = book("d.xlsx").worksheets[0]
    hdr, rows = table(ws)
    qi = col(ws, hdr, "Qty")
    q = [r[qi].value for r in rows if r[0].value in ("Taladro percutor", "Brocas")]
    check(q == [2.5, 12], "invoice: quantities are numbers (%r)" % q)
    check(all(isinstance(r[qi].value, (int, float)) for r in rows if r[0].value in ("Taladro percutor", "Brocas")),
          "invoice: no quantity is text")

try:
    section2()
except Exception as ex:
    check(False, "quantities raised %r" % ex)

# ---- formulas with cached values ----
def section3():
    def movements(name):
        f, v = book(name), book(name, True)
        ws = [w for w in f.worksheets if w.title.startswith("000001") and "USD" not in w.title][0]
        wv = v[ws.title]
        hdr, rows = table(ws)
        _, vals = table(wv)
        return ws, hdr, rows, vals

    for name, want, opening in (("s.xlsx", 2098.68, None), ("sf.xlsx", 2098.68, 3098.68)):
        ws, hdr, rows, vals = movements(name)
        bi, chi, cri = col(ws, hdr, "Balance"), col(ws, hdr, "Charge"), col(ws, hdr, "Credit")
        total = [i for i, r in enumerate(rows) if r[1].value == "Total"]
        check(len(total) == 1, "%s: one total row in the PEN movements" % name)
        t = total[0]
        f = rows[t][bi].value
        check(isinstance(f, str) and f.startswith("=") and "SUM(" in f and "-SUM(" in f,
              "%s: the closing balance is a formula opening + charges - credits (%s)" % (name, f))
        check(vals[t][bi].value == want, "%s: its cached value is the closing balance (%r)" % (name, vals[t][bi].value))
        ch = rows[t][chi].value
        check(isinstance(ch, str) and ch.startswith("=SUM("), "%s: the charges' total is a SUM (%s)" % (name, ch))
        data = [i for i, r in enumerate(rows[:t]) if isinstance(vals[i][bi].value, (int, float))]
        run = [rows[i][bi].value for i in data]
        check(all(isinstance(x, str) and x.startswith("=") for x in run[1 if opening else 0:]),
              "%s: each line's running balance is a formula %s" % (name, run))
        check(vals[data[-1]][bi].value == want, "%s: the last line's cached balance (%r)" % (name, vals[data[-1]][bi].value))
        if opening:
            check(vals[data[0]][bi].value == opening and not str(run[0]).startswith("="),
                  "%s: the balance brought forward stays a figure (%r)" % (name, run[0]))
            cell = "%s%d" % (openpyxl.utils.get_column_letter(bi + 1), hdr + 1 + data[0])
            check(cell in f, "%s: the closing balance starts from the balance brought forward (%s in %s)" % (name, cell, f))

try:
    section3()
except Exception as ex:
    check(False, "formulas with cached values raised %r" % ex)

# the aging's check sheet: figures taken from the aging's totals, by formula, cached
def section4():
    a, av = book("a.xlsx"), book("a.xlsx", True)
    ws, wv = a["Check"], av["Check"]
    hdr, rows = table(ws)
    _, vals = table(wv)
    ag_hdr, ag_rows = table(av["Aging"])
    names = [c.value for c in ws[hdr]]
    pen = [i for i, r in enumerate(rows) if r[0].value == "PEN"][0]
    agt = [r for r in ag_rows if r[0].value == "Total PEN"][0]
    agnames = [c.value for c in av["Aging"][ag_hdr]]
    for k in ("Sum of ranges", "Open charges", "Credits in favour", "Net"):
        j = names.index(k)
        f = rows[pen][j].value
        check(isinstance(f, str) and f.startswith("=") and "Aging!" in f,
              "check sheet: %s is a formula on the aging's total (%s)" % (k, f))
        want = agt[agnames.index(k)].value if k != "Sum of ranges" else agt[agnames.index("Open charges")].value
        check(vals[pen][j].value == want, "check sheet: %s cached as the aging's %r (%r)" % (k, want, vals[pen][j].value))
    lb = rows[pen][names.index("Ledger balance")].value
    check(isinstance(lb, (int, float)) and vals[pen][names.index("Net")].value == lb,
          "check sheet: the ledger's balance stays a figure, equal to the net (%r)" % lb)

try:
    section4()
except Exception as ex:
    check(False, "the aging's check sheet: figures taken from the aging's totals, by formula, cached raised %r" % ex)
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
