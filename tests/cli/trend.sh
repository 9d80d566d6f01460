#!/bin/bash
# tests/cli/trend.sh: `cartera report trend` (SPEC R7, issue 19) on a hand-built ledger, and the
# pictures of the aging and the trend in XLSX (native charts reading the table's cells) and PDF
# (bars drawn with vector operations, the figures beside them). USD, today 2026-06-30.
#   Alfa: FAC-1 1,000.00 on 02-10 due 03-12; FAC-2 2,000.00 on 03-05 due 04-04;
#         a payment of 1,000.00 on 04-15 (pays FAC-1); FAC-3 3,000.00 on 04-20 due 05-20;
#         a payment of 1,500.00 on 05-25 (FAC-2, 500.00 left).
#   Beta: FAC-4 500.00 on 05-10 due 06-09; a payment of 500.00 on 06-20.
# By hand, month-end by month-end (open = unpaid charges; overdue = due before the date;
# % = overdue/open*100 and DSO = open/sales of the month*days, both rounded half up):
#   03-31: open 3,000 (FAC-1, FAC-2), overdue 1,000 (FAC-1), 33 %, sales 2,000,
#          DSO 3000*31/2000 = 46.5 -> 47, collections 0
#   04-30: open 5,000 (FAC-2, FAC-3), overdue 2,000 (FAC-2), 40 %, sales 3,000,
#          DSO 5000*30/3000 = 50, collections 1,000
#   05-31: open 4,000 (FAC-2 500, FAC-3, FAC-4), overdue 3,500, 87.5 -> 88 %, sales 500,
#          DSO 4000*31/500 = 248, collections 1,500
#   06-30: open 3,500, overdue 3,500, 100 %, no sales (no DSO), collections 500
# Beta alone: 05-31 open 500, overdue 0, 0 %, sales 500, DSO 31; 06-30 collections 500.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
HAVE_XL=0
[ -x $PY ] && $PY -c 'import openpyxl' 2>/dev/null && HAVE_XL=1
HAVE_PDF=0
command -v pdftotext >/dev/null 2>&1 && command -v qpdf >/dev/null 2>&1 && HAVE_PDF=1

cart init --name "Empresa Trend" --country PA --currency USD --decimals 2 --decimal-sep . \
	--thousands-sep , --date-order ymd
assert_status 0 "init"
cart client add Alfa --tax-id 8-123-456
assert_status 0 "client Alfa"
cart client add Beta --receiver final
assert_status 0 "client Beta"
cart invoice post --override x Alfa 1000.00 --date 2026-02-10 --due 2026-03-12
cart invoice post --override x Alfa 2000.00 --date 2026-03-05 --due 2026-04-04
cart payment post Alfa 1000.00 --date 2026-04-15
cart invoice post --override x Alfa 3000.00 --date 2026-04-20 --due 2026-05-20
cart invoice post --override x Beta 500.00 --date 2026-05-10 --due 2026-06-09
cart payment post Alfa 1500.00 --date 2026-05-25
cart payment post Beta 500.00 --date 2026-06-20
assert_status 0 "the ledger is posted"

# ---- the figures ----
cart report trend --months 4 --format csv
assert_status 0 "trend as CSV"
expect="row,month_end,currency,open,overdue,overdue_pct,sales,dso,collections
data,2026-03-31,USD,3000.00,1000.00,33,2000.00,47,0.00
data,2026-04-30,USD,5000.00,2000.00,40,3000.00,50,1000.00
data,2026-05-31,USD,4000.00,3500.00,88,500.00,248,1500.00
data,2026-06-30,USD,3500.00,3500.00,100,0.00,,500.00"
assert_eq "$expect" "$(printf '%s' "$OUT" | tr -d '\r')" "each month-end's open, overdue, share, sales, DSO and collections"

cart report trend Beta --months 4 --asof 2026-07-15 --format json
assert_status 0 "one client's trend as JSON (as of a mid-month date: the month-end before)"
assert_eq "2026-03-31 2026-04-30 2026-05-31 2026-06-30" \
	"$(json_eval "$OUT" '" ".join(r["month_end"] for r in d["tables"][0]["rows"])')" \
	"the last month-end on or before --asof, and three before it"
assert_eq "[null, null, 0, null]" "$(json_eval "$OUT" '[r["overdue_pct"] for r in d["tables"][0]["rows"]]')" \
	"Beta's share: none where nothing is open"
assert_eq "[null, null, 31, null]" "$(json_eval "$OUT" '[r["dso"] for r in d["tables"][0]["rows"]]')" \
	"Beta's DSO: 500*31/500 in May, none without sales"
assert_eq "500.00 500.00" "$(json_eval "$OUT" '"%s %s" % (d["tables"][0]["rows"][2]["open"], d["tables"][0]["rows"][3]["collections"])')" \
	"Beta's open in May and collections in June"

cart report trend --asof 2026-06-30
assert_status 0 "12 months as text"
assert_eq 12 "$(printf '%s\n' "$OUT" | grep -c '^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] USD')" \
	"12 month-ends by default"
assert_contains "$OUT" "2025-07-31 USD" "the first of the 12 is 2025-07-31"
# columns are characters (the bars' blocks are one column each, three bytes in UTF-8)
wider() { printf '%s\n' "$1" | $PY -c 'import sys; print(sum(len(l) > int(sys.argv[1]) for l in sys.stdin.read().split("\n")))' "$2"; }
assert_eq 0 "$(wider "$OUT" 80)" "text fits 80 columns"

cart report trend --months 0
assert_status 2 "--months 0 is refused"
cart report trend --months 37
assert_status 2 "--months 37 is refused"
cart report trend Nadie
assert_status 1 "an unknown client is refused"

# ---- XLSX: a line chart of overdue and DSO reading the table's cells ----
if [ $HAVE_XL = 1 ]; then
	cart report trend --months 4 --output "$T/trend.xlsx"
	assert_status 0 "trend as XLSX"
	got=$($PY - "$T/trend.xlsx" <<'PYEOF' 2>&1
import sys, re, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
charts = ws._charts
print(len(charts), " ".join(c.tagname for c in charts))
for ch in charts:
    for s in ch.series:
        m = re.match(r"'?(.*?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", s.val.numRef.f)
        sheet, c1, r1, c2, r2 = m.groups()
        vals = [wb[sheet]["%s%d" % (c1, r)].value for r in range(int(r1), int(r2) + 1)]
        name = wb[sheet][s.tx.strRef.f.split("!")[1].replace("$", "")].value
        print(name, vals)
    cat = ch.series[0].cat.numRef.f if ch.series[0].cat.numRef else ch.series[0].cat.strRef.f
    print("cat", cat)
PYEOF
)
	assert_contains "$got" "2 lineChart lineChart" "the trend sheet has line charts: overdue, and DSO on its own scale"
	assert_contains "$got" "Overdue [1000, 2000, 3500, 3500]" "its first series reads the Overdue cells"
	assert_contains "$got" "DSO [47, 50, 248, None]" "its second reads the DSO cells"
	assert_match "$got" 'cat .*\$A\$[0-9]+:\$A\$[0-9]+' "its categories are the month-end cells"
fi

# ---- PDF: bars drawn, the figures beside them ----
if [ $HAVE_PDF = 1 ]; then
	cart report trend --months 4 --output "$T/trend.pdf"
	assert_status 0 "trend as PDF"
	txt=$(pdftotext -layout "$T/trend.pdf" - 2>&1)
	assert_match "$txt" "Overdue and DSO by month" "the PDF has the picture's title"
	# the chart's rows: a month, its bar, the figure beside it (the bar is no text)
	assert_eq 4 "$(printf '%s\n' "$txt" | grep -cE '^ *2026-0[3-6]-3[01] +(1,000\.00|2,000\.00|3,500\.00)$')" \
		"each month's overdue is printed beside its bar"
	assert_eq 3 "$(printf '%s\n' "$txt" | grep -cE '^ *2026-0[3-6]-3[01] +(47|50|248)$')" \
		"each month's DSO is printed beside its bar"
	qpdf --qdf --object-streams=disable "$T/trend.pdf" "$T/trend.qdf.pdf" 2>/dev/null
	assert_eq 0 "$(grep -ac '/Subtype /Image' "$T/trend.qdf.pdf")" "no images in the PDF"
	assert_match "$(grep -ac ' re$' "$T/trend.qdf.pdf")" '^([4-9]|[1-9][0-9]+)$' \
		"the bars are rectangles drawn with vector operations"
fi

# ---- plain text: the same bars, of the table's own figures, the figures beside them ----
# bars: the line of a month is "  DATE BAR FIGURE"; cells of a character in a line: count()
cells() { printf '%s' "$1" | $PY -c 'import sys; print(sys.stdin.read().count(sys.argv[1]))' "$2"; }
bar_of() { printf '%s\n' "$1" | sed -n "/^$2 *\$/,/^[^ ]/p" | grep "^  $3 "; }
# Overdue 1,000 / 2,000 / 3,500 / 3,500 and DSO 47 / 50 / 248 / none. At 80 columns the bar has
# 80 - 2 - 10 (date) - 1 - 1 - 8 (widest figure) = 58 cells for the largest: 1000*58/3500 =
# 16.57 -> 17, 2000*58/3500 = 33.1 -> 33, 3500 -> 58; DSO 47*58/248 = 10.99 -> 11,
# 50*58/248 = 11.7 -> 12, 248 -> 58. At 132: 110 cells: 31.4 -> 31, 62.9 -> 63, 110; DSO
# 20.8 -> 21, 22.2 -> 22, 110.
for loc in C.UTF-8 C; do
	if [ $loc = C ]; then blk='#'; else blk='█'; fi
	for width in 80 132; do
		if [ $width = 80 ]; then fmt=txt; want="17 33 58 58 / 11 12 58 0"; else fmt=txt132; want="31 63 110 110 / 21 22 110 0"; fi
		OUT=$(LC_ALL=$loc "$CARTERA_BIN" --db "$DB" --today "$TODAY" report trend --months 4 --format $fmt 2>&1)
		got=""
		for d in 2026-03-31 2026-04-30 2026-05-31 2026-06-30; do
			got="$got$(cells "$(bar_of "$OUT" Overdue $d)" "$blk") "
		done
		got="$got/"
		for d in 2026-03-31 2026-04-30 2026-05-31 2026-06-30; do
			got="$got $(cells "$(bar_of "$OUT" DSO $d)" "$blk")"
		done
		assert_eq "$want" "$got" "trend as text, $width columns, $loc: bars in proportion to the largest"
		assert_match "$(bar_of "$OUT" Overdue 2026-04-30)" "^  2026-04-30 [$blk]{33,63} 2,000\.00 *\$" \
			"trend as text, $width columns, $loc: the figure beside its bar"
		assert_match "$(bar_of "$OUT" DSO 2026-06-30)" '^  2026-06-30 *$' \
			"trend as text, $width columns, $loc: no DSO, no bar"
		assert_eq 0 "$(wider "$OUT" $width)" "trend as text fits $width columns ($loc)"
	done
done
# The aging as of today: 31-60 3,000.00 (FAC-3, 41 days), 61-90 500.00 (FAC-2, 87 days), 3,500.00
# in all. 80 columns: a bar of 76 cells, 3000*76/3500 = 65.14 and 500*76/3500 = 10.86: 65 + 10,
# the cell left to the larger remainder (61-90): 65 and 11. 132: 128 cells, 109.71 and 18.29:
# 109 + 18 and the cell left to 31-60: 110 and 18. Shares 85.7 -> 86 % and 14.3 -> 14 %.
for loc in C.UTF-8 C; do
	if [ $loc = C ]; then s3='+' s4='#' other='[-=@]'; else s3='▓' s4='█' other='[░▒▚]'; fi
	for width in 80 132; do
		if [ $width = 80 ]; then fmt=txt; want="65 11"; else fmt=txt132; want="110 18"; fi
		OUT=$(LC_ALL=$loc "$CARTERA_BIN" --db "$DB" --today "$TODAY" report aging --format $fmt 2>&1)
		bar=$(printf '%s\n' "$OUT" | sed -n '/^Aging by range/,/^$/p' | sed -n 3p)
		assert_eq "$want" "$(cells "$bar" "$s3") $(cells "$bar" "$s4")" \
			"aging as text, $width columns, $loc: the segments in proportion"
		assert_eq 0 "$(printf '%s' "$bar" | grep -c "$other")" \
			"aging as text, $width columns, $loc: no segment for an empty range"
		assert_match "$OUT" "  [$s3] 31-60 +3,000\.00 +86 %" "aging as text, $width columns, $loc: 31-60's figure and share"
		assert_match "$OUT" "  [$s4] 61-90 +500\.00 +14 %" "aging as text, $width columns, $loc: 61-90's figure and share"
		assert_eq 0 "$(wider "$OUT" $width)" "aging as text fits $width columns ($loc)"
	done
done

# ---- the aging: stacked columns per currency in XLSX, bars in PDF ----
if [ $HAVE_XL = 1 ]; then
	cart report aging --output "$T/aging.xlsx"
	assert_status 0 "aging as XLSX"
	got=$($PY - "$T/aging.xlsx" <<'PYEOF' 2>&1
import sys, re, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
ws = wb.worksheets[0]
ch = ws._charts[0]
print(ch.tagname, ch.grouping, len(ch.series))
for s in ch.series:
    m = re.match(r"'?(.*?)'?!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$", s.val.numRef.f)
    sheet, c1, r1, c2, r2 = m.groups()
    r2 = r2 or r1
    name = wb[sheet][s.tx.strRef.f.split("!")[1].replace("$", "")].value
    print(name, [wb[sheet]["%s%d" % (c1, r)].value for r in range(int(r1), int(r2) + 1)])
PYEOF
)
	assert_contains "$got" "barChart stacked 5" "the aging sheet has stacked columns, a series per range"
	assert_contains "$got" "Not due [0]" "not due: nothing (the total row's cell)"
	assert_contains "$got" "1-30 [0]" "1-30: nothing"
	assert_contains "$got" "31-60 [3000]" "31-60: FAC-3 (41 days)"
	assert_contains "$got" "61-90 [500]" "61-90: FAC-2 (87 days)"
fi
if [ $HAVE_PDF = 1 ]; then
	cart report aging --output "$T/aging.pdf"
	assert_status 0 "aging as PDF"
	txt=$(pdftotext -layout "$T/aging.pdf" - 2>&1)
	assert_match "$txt" "31-60 +3,000\.00" "the aging's bar has the 31-60 figure beside it"
	assert_match "$txt" "61-90 +500\.00" "and the 61-90 figure"
fi

check_ok
done_testing
