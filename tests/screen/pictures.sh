#!/bin/bash
# The dashboard's aging bar (SPEC R7, issue 19). USD, today 2026-06-30:
#   Alfa: FAC-000001 2,000.00 due 2026-04-04 (87 days: 61-90), 1,500.00 of it paid, 500.00 open;
#         FAC-000002 3,000.00 due 2026-05-20 (41 days: 31-60);
#   Beta: FAC-000003 1,500.00 due 2026-07-10 (not yet due).
# Open 5,000.00: not due 1,500 (30 %), 1-30 0, 31-60 3,000 (60 %), 61-90 500 (10 %), over 90 0.
# The bar's cells are in proportion: each bucket within one cell of its exact share of the width,
# and all of them add up to the width.
. "$(dirname "$0")/lib.sh"
START=dashboard

cart init --name "Empresa Barras" --country PA --currency USD --decimals 2 --decimal-sep . \
	--thousands-sep ,
cart client add Alfa --tax-id 8-123-456
cart client add Beta --receiver final
cart invoice post --override x Alfa 2000.00 --date 2026-03-05 --due 2026-04-04
cart invoice post --override x Alfa 3000.00 --date 2026-04-20 --due 2026-05-20
cart payment post Alfa 1500.00 --to FAC-000001=1500.00 --date 2026-05-25
cart invoice post --override x Beta 1500.00 --date 2026-06-10 --due 2026-07-10
assert_status 0 "the ledger is built"

screen '<dump>'
assert_status 0 "the dashboard runs"
S=$(text 1)
line=$(row "$S" 5)
assert_match "$line" '^Filter: +USD [░▒▓█▚]+ ░30% ▒0% ▓60% █10% ▚0% +1–2 of 2$' \
	"the filter line carries the bar and each bucket's share"
prop()
{
	# prop LINE CHARS...: "ok" when the counts of the bar's characters are each within one cell
	# of 1500:0:3000:500:0 of their sum
	/usr/bin/python3 - "$@" <<'PYEOF'
import sys
line, syms = sys.argv[1], sys.argv[2:]
bar = line.split()[2]
n = [bar.count(c) for c in syms]
w = len(bar)
v = [1500, 0, 3000, 500, 0]
ok = sum(n) == w and all(abs(n[i] - v[i] * w / 5000) < 1 for i in range(5))
print("ok" if ok else "bad %s of %d" % (n, w))
PYEOF
}
assert_eq ok "$(prop "$line" ░ ▒ ▓ █ ▚)" "the bar's cells are in proportion to the buckets"
assert_match "$(attrs 1 | row "$(cat)" 5)" '\+' "with colours, the bar is drawn in colour pairs"

# ---- no UTF-8: plain characters ----
scr '<dump>' 80x24 LC_ALL=C LANG=C
S=$(text 1)
line=$(row "$S" 5)
assert_match "$line" '^Filter: +USD [-=+#@]+ -30% =0% \+60% #10% @0%' "plain ASCII where the terminal is not UTF-8"
assert_eq ok "$(prop "$line" - = + '#' @)" "the ASCII bar is in proportion too"
# ---- Tendencia: Ctrl-T from the dashboard ----
# month-ends to 2026-06-30: overdue 03-31 0 (FAC-000001 falls due 04-04), 04-30 2,000.00,
# 05-31 500.00 + 3,000.00 = 3,500.00, 06-30 3,500.00
cd "$T" || exit 1
scr '<C-t><dump><Tab><Tab><Tab><dump><F6><Enter><dump>' 80x24
assert_status 0 "the trend screen runs"
S=$(text 1)
assert_match "$(row "$S" 1)" 'Trend to 30/06/2026$' "Ctrl-T opens the trend to the last month-end"
assert_match "$(row "$S" 2)" '^All clients — bars: Overdue' "all clients, bars of the overdue"
bars()
{
	# bars TEXT: "date value length" of each month with a figure in the Overdue column
	printf '%s\n' "$1" | /usr/bin/python3 -c '
import sys
for line in sys.stdin:
    if line[2:3] != "/" or line[5:6] != "/": continue
    bar = line.rstrip("\n")[66:] if len(line) > 66 else ""
    print(line[:10], line[11:37].split()[1], len(bar.strip()))
'
}
got=$(bars "$S")
assert_contains "$got" "30/04/2026 2,000.00 " "April's overdue is shown"
prop_trend()
{
	printf '%s\n' "$1" | /usr/bin/python3 -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
vals = [float(r[1].replace(",", "")) for r in rows]
lens = [int(r[2]) for r in rows]
mx, lmax = max(vals), max(lens)
ok = lmax > 0 and all(abs(l - v / mx * lmax) <= 1 for v, l in zip(vals, lens))
print("ok" if ok else "bad %s %s" % (vals, lens))
'
}
assert_eq ok "$(prop_trend "$got")" "each month's bar is in proportion to its overdue"
assert_eq 12 "$(printf '%s\n' "$S" | grep -c '^[0-3][0-9]/[01][0-9]/20[0-9][0-9] ')" "12 month-ends"
assert_match "$(row "$S" 24)" 'Tab Measure.*F5 PDF.*F6 XLSX.*F7 Text' "save as PDF, XLSX, text"
S=$(text 2)
assert_match "$(row "$S" 2)" 'bars: Collections' "Tab, Tab, Tab: % overdue, DSO, then collections"
[ -f "$T/trend.xlsx" ]
ok $? "F6 and Enter save the trend as trend.xlsx"

done_testing
