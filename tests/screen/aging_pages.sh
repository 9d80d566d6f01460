#!/bin/bash
# The aging of every client on screen, read a page at a time (issue 14: opening it read and kept
# every row, 200-600 ms of CPU at 50,000 clients). The rows the screen shows page after page --
# forward with PgDn, back from the end with PgUp, by cursor across a page's edge, in the other
# orders -- are the command's rows, figure for figure, in its order; the totals are the
# command's; Enter deep in the list opens that row's client; saving writes the whole report.
. "$(dirname "$0")/lib.sh"

START=dashboard
cart demo --clients 300 --invoices 3000 --receipts 2000 --seed 5 --quiet
assert_status 0 "a demo ledger of 300 clients"
cart aging --format csv
assert_status 0 "the command's aging"
printf '%s\n' "$OUT" | tr -d '\r' >"$T/cli.csv"

# rows DUMPFILE [reverse]: the aging's client rows of every dump, each once, in order (the dumps
# in reverse order when the pages were read backwards): "name|currency|figures" with the name as
# the screen cut it and the figures as the CSV writes them.
rows() {
	python3 - "$@" <<'EOF'
import re, sys
pages, cur = [], None
for line in open(sys.argv[1], encoding='utf-8'):
    if line.startswith('---- dump'):
        pages.append([]); cur = True; continue
    if line.startswith('---- attributes'):
        cur = None; continue
    if cur:
        pages[-1].append(line.rstrip('\n'))
if len(sys.argv) > 2:
    pages.reverse()
seen, out = set(), []
for p in pages:
    for line in p:
        m = re.match(r'^(.{30}) (COP|USD) (.*)$', line)
        if not m or m.group(1).startswith('Total '):
            continue
        nums = [x.replace('.', '').replace(',', '.') for x in m.group(3).split()]
        key = m.group(1).rstrip() + '|' + m.group(2) + '|' + ' '.join(nums)
        if key not in seen:
            seen.add(key); out.append(key)
print('\n'.join(out))
EOF
}
# cli [debt]: the command's rows the same way (names cut as the screen's 30 columns cut them),
# by name or by the net, largest first, ties in name order
cli() {
	python3 - "$T/cli.csv" "$@" <<'EOF'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')) if r['row'] == 'data'
        and r['currency'] in ('COP', 'USD')]
keys = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')).fieldnames)[3:]
if len(sys.argv) > 2:
    rows = sorted(rows, key=lambda r: -float(r['net']))   # stable: ties stay in name order
for r in rows:
    n = r['client']
    n = n if len(n) <= 30 else n[:29] + '…'
    print(n + '|' + r['currency'] + '|' + ' '.join(r[k] for k in keys))
EOF
}
cli >"$T/cli.txt"
NROWS=$(wc -l <"$T/cli.txt")
keys() { local k=$1 n=$2 i; printf '%s' "$k"; for i in $(seq 1 "$n"); do printf '%s<dump>' "$3"; done; }

# ---- by name, PgDn to the end: 40 rows a screen at 200x50, so 8 pages and more ----
screen "$(keys '<A-A><dump>' 9 '<PgDn>')" --size 200x50
assert_status 0 "the aging, then PgDn to its end"
assert_match "$(row "$(text 1)" 2)" "^Every client · a: as of · Tab: follow-up · Enter: statement +1–45 of $((NROWS + 9))$" \
	"the count: every row of the aging, its title, header, total and check lines"
rows "$T/dump" >"$T/screen.txt"
assert_eq "$NROWS" "$(wc -l <"$T/screen.txt")" "every row of the command's aging shows once"
assert_eq "" "$(diff "$T/cli.txt" "$T/screen.txt")" "PgDn: the command's rows in its order, figure for figure"
TOT_SCREEN=$(text 10 | grep '^Total COP' | tr -s ' ' | cut -d' ' -f4- | tr -d '.' | tr ',' '.')
TOT_CLI=$(grep '^total,Total COP,COP,' "$T/cli.csv" | cut -d, -f4- | tr ',' ' ')
assert_eq "$TOT_CLI" "$TOT_SCREEN" "every figure of the total row is the command's"
assert_contains "$(text 10)" "In every currency the ranges add up to the open charges" \
	"the check table's note: the totals agree with the ledger"

# ---- End, then PgUp back to the start: the rows walked backwards ----
screen "$(keys '<A-A><End><dump>' 9 '<PgUp>')" --size 200x50
assert_status 0 "End, then PgUp to the start"
rows "$T/dump" reverse >"$T/back.txt"
assert_eq "" "$(diff "$T/cli.txt" "$T/back.txt")" "PgUp from the end: the same rows in the same order"
assert_match "$(row "$(text 10)" 6)" "^$(head -1 "$T/cli.txt" | cut -d'|' -f1 | sed 's/[.*]/\\&/g')" \
	"back on the first client"

# ---- the cursor across a page's edge, then Home, End, Home ----
screen "<A-A>$(printf '<Down>%.0s' $(seq 1 60))<dump><Home><dump><End><Home><dump>" --size 200x50
assert_status 0 "sixty rows down, Home, End and Home"
R61=$(sed -n 61p "$T/cli.txt" | cut -d'|' -f1)
assert_contains "$(text 1)" "$R61" "sixty rows down shows the 61st client"
assert_eq "$(text 2)" "$(text 3)" "Home after End shows the first page as Home did"

# ---- Enter on a row deep in the list: that row's client ----
screen "<A-A><PgDn><PgDn><PgDn><Down><Down><Enter><dump>" --size 200x50
assert_status 0 "Enter on a row of the fourth page"
# the row under the cursor: the aging table's rows start on the screen's 6th line; PgDn moves
# the cursor a screen (44 lines) at a time
AT=$((3 * 44 + 2 + 1))
WANT=$(sed -n "${AT}p" "$T/cli.txt" | cut -d'|' -f1 | sed 's/…$//')
assert_match "$(row "$(text 1)" 1)" "Statement" "Enter opened a statement"
assert_contains "$(text 1)" "$WANT" "of the client on that row ($WANT)"

# ---- by largest debt: every row, in the order of the net ----
screen "$(keys '<A-A><F9><dump>' 9 '<PgDn>')" --size 200x50
assert_status 0 "by largest debt, PgDn to the end"
rows "$T/dump" >"$T/debt.txt"
cli debt >"$T/cli_debt.txt"
assert_eq "" "$(diff "$T/cli_debt.txt" "$T/debt.txt")" "by largest debt: the command's rows by net, largest first"
# ---- by oldest overdue: the same rows in another order ----
screen "$(keys '<A-A><F9><F9><dump>' 9 '<PgDn>')" --size 200x50
assert_status 0 "by oldest overdue, PgDn to the end"
rows "$T/dump" >"$T/old.txt"
assert_eq "" "$(diff <(sort "$T/cli.txt") <(sort "$T/old.txt"))" "by oldest overdue: every row once"
assert_contains "$(row "$(text 1)" 2)" "by oldest overdue" "the line under the title says the order"

# ---- saving from the paged view writes the whole report, as the command writes it ----
mkdir -p "$T/out"
cd "$T/out" || exit 1
scr '<A-A><PgDn>t<Enter><dump>' 80x24
cd - >/dev/null || exit 1
assert_status 0 "saving the aging as text"
assert_contains "$(row "$(text 1)" 23)" "Wrote aging-2026-06-30.txt" "the status line says so"
cart report aging --format txt
assert_eq "$OUT" "$(cat "$T/out/aging-2026-06-30.txt")" "the saved text is the command's, every row"
check_ok "paging the aging changed nothing"
done_testing
