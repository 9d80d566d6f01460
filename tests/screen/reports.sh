#!/bin/bash
# The aging and follow-up report screen (ui/scr_reports.c): A and F from the dashboard, from one
# client's dashboard and from the statement; the figures on screen are those of `cartera report
# aging|followup --format txt` and `cartera balance`, checked row by row and against sums worked
# out by hand; Tab between the two reports, o for only the clients with something overdue, the
# as-of date asked (a bad date refused, the report as it was), Right/Left past the screen's edge,
# Enter opening the line's client's statement as of the report's date; F5 / F6 / F7 save PDF,
# XLSX and text files (read back with pdftotext, qpdf, openpyxl; the text file is the command's
# own), F8 prints through a fake lp and with no lp says so and keeps the PDF; the screen in
# Spanish; and the ledger untouched by all of it. At 80x24 and 120x40.
. "$(dirname "$0")/lib.sh"
START=dashboard

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep . --date-order ymd
cart client add "Química Ñandú Peñalosa SAS" --tax-id 890903938 --terms 30
cart client add "Cuotas Ltda" --tax-id 899999068 --terms 30
cart client add "Óptica Zúñiga Ltda" --tax-id 800197268 --terms 30
# today is 2026-06-30; terms 30 days
cart invoice post --override "prueba" 1 1.000,00 --date 2026-03-01      # FAC-000001 due 03-31: 91 days, over 90
cart invoice post --override "prueba" 1 2.500,50 --date 2026-05-15      # FAC-000002 due 06-14: 16 days, 1-30
cart invoice post --override "prueba" 1 300,00 --date 2026-06-10        # FAC-000003 due 07-10: not due
cart invoice post --override "prueba" 2 400,00 --date 2026-06-15        # FAC-000004 due 07-15: not due
cart invoice post --override "prueba" 3 750,25 --date 2026-04-01        # FAC-000005 due 05-01: 60 days, 31-60
cart payment post 1 200,00 --to FAC-000002=200,00 --date 2026-06-20     # RC-000001: FAC-000002 open 2.300,50
cart payment post 2 50,00 --advance --date 2026-06-25                   # ANT-000001: a credit of 50,00
assert_status 0 "the ledger is built"
# The aging as of 2026-06-30, worked out by hand:
#   client                      not due     1-30  31-60  61-90  over 90  open ch.  credits       net
#   Cuotas Ltda                  400,00     0,00   0,00   0,00     0,00    400,00    50,00    350,00
#   Química Ñandú Peñalosa SAS   300,00 2.300,50   0,00   0,00 1.000,00  3.600,50     0,00  3.600,50
#   Óptica Zúñiga Ltda             0,00     0,00 750,25   0,00     0,00    750,25     0,00    750,25
#   Total COP                    700,00 2.300,50 750,25   0,00 1.000,00  4.750,75    50,00  4.700,75
# and the ledger's balance (cartera balance, net) 4.950,75 charged - 250,00 credited = 4.700,75.
# The follow-up: Química overdue 1.000,00 + 2.300,50 = 3.300,50, falls due later 300,00;
# Cuotas overdue 0,00, later 400,00; Óptica overdue 750,25, later 0,00; in all overdue 4.050,75,
# later 700,00 (only the clients with something overdue: later 300,00).
# As of 2026-06-01 (before FAC-000003, FAC-000004, the payment and the advance): Química
# FAC-000001 62 days (61-90) 1.000,00 and FAC-000002 not yet due 2.500,50; Óptica FAC-000005
# 31 days (31-60) 750,25; Cuotas has nothing: total 4.250,75.

# squeezed: the text with runs of blanks made one, trailing blanks gone
sq() { sed -e 's/  */ /g' -e 's/^ //' -e 's/ $//'; }
# the line of TEXT that starts with PREFIX, squeezed
line() { printf '%s\n' "$1" | sq | awk -v p="$2" 'index($0, p) == 1 { print; exit }'; }
# cli_row TXT NAME: the aging's row of NAME in the command's 80-column text, where a row goes on
# to a second line (Credits and Net): both lines joined, squeezed
cli_row() { printf '%s\n' "$1" | sq | awk -v p="$2 " 'index($0, p) == 1 { l = $0; getline; print l " " $0; exit }'; }
# section TEXT NAME: the follow-up's lines of the client NAME (from its heading to the next
# client's heading or the summary), squeezed, rule lines left out
section()
{
	printf '%s\n' "$1" | sq | awk -v p="$2 — " '
		index($0, p) == 1 { on = 1; print; next }
		on && (/ — (NIT |RUC |RFC )?[0-9]/ || /^COP: / || /^$/) { exit }
		on && !/^---/ { print }'
}
# same_section CLI SCREEN NAME DESC: the client's follow-up lines on screen are the command's
# (and there are some: the heading, a document, the subtotals)
same_section()
{
	local want
	want=$(section "$1" "$3")
	if [ "$(printf '%s\n' "$want" | grep -c .)" -lt 4 ]; then
		fail "$4" "the command's text has no follow-up of $3:" "$1"
	else
		assert_eq "$want" "$(section "$2" "$3")" "$4"
	fi
}
# sel N: the row of dump N shown as the selected line (its attribute row is all R), as text
sel()
{
	local a t i=0
	a=$(attrs "$1")
	t=$(text "$1")
	while IFS= read -r l; do
		i=$((i + 1))
		[[ $l =~ ^R+$ ]] && row "$t" "$i" | sq
	done <<<"$a"
}

cart report aging --format txt
assert_status 0 "the command's aging"
AG=$OUT
cart report followup --format txt
FU=$OUT
cart balance --format csv
NET=$(csv_field "$OUT" 1 7)
assert_eq "4700.75" "$NET" "cartera balance: the ledger's net balance is 4.700,75, as worked out by hand"
cart balance
BALNET=$(line "$OUT" 'COP ' | awk '{print $NF}')
assert_eq "4.700,75" "$BALNET" "and its text: net 4.700,75"
dump_save "$DB" before

# ---- A on the dashboard: the aging of every client as of today, 120x40 ----
screen '<A-A><dump>' --size 120x40
assert_status 0 "A opens the aging"
S=$(text 1)
assert_match "$(row "$S" 1)" '^ cartera — Comercial Andina SAS +Aging of receivables as of 2026-06-30$' \
	"title: the aging as of today"
assert_match "$(row "$S" 2)" '^Every client · a: as of · Tab: follow-up · Enter: statement +1–12 of 12$' \
	"the line under the title: what it covers, the keys, the count of lines"
for want in 'Cuotas Ltda COP 400,00 0,00 0,00 0,00 0,00 400,00 50,00 350,00' \
	'Química Ñandú Peñalosa SAS COP 300,00 2.300,50 0,00 0,00 1.000,00 3.600,50 0,00 3.600,50' \
	'Óptica Zúñiga Ltda COP 0,00 0,00 750,25 0,00 0,00 750,25 0,00 750,25' \
	'Total COP COP 700,00 2.300,50 750,25 0,00 1.000,00 4.750,75 50,00 4.700,75'; do
	name=${want%% COP *}
	[ "$name" = Total ] && name="Total COP"
	assert_eq "$want" "$(cli_row "$AG" "$name")" "the command's aging: $name as worked out by hand"
	assert_eq "$want" "$(line "$S" "$name ")" "the screen's row of $name: the same figures"
done
assert_match "$(line "$S" 'Client ')" '^Client Cur\. Not due 1-30 31-60 61-90 Over 90 Open charges Credits in favour Net$' \
	"every column's title at 120 columns"
assert_eq "COP 4.750,75 4.750,75 50,00 4.700,75 4.700,75" "$(line "$S" 'COP ')" \
	"the Check table: sum of ranges = open charges 4.750,75, credits in favour 50,00, net = ledger balance 4.700,75"
assert_eq "$BALNET" "$(line "$S" 'COP ' | awk '{print $NF}')" \
	"the Check table's Ledger balance is cartera balance's net"
assert_match "$(line "$S" 'Cur. ')" 'Sum of ranges Open charges Credits in favour Net Ledger balance$' \
	"the Check table's columns"
assert_contains "$S" "In every currency the ranges add up to the open charges, and open charges less credits equal the ledger balance." \
	"the note that they add up, whole at 120 columns"
assert_contains "$(printf '%s\n' "$AG" | sq | tr '\n' ' ')" "In every currency the ranges add up to the open charges, and open charges less credits equal the ledger balance." \
	"the same note as the command's"
assert_eq "Cuotas Ltda COP 400,00 0,00 0,00 0,00 0,00 400,00 50,00 350,00" "$(sel 1)" \
	"the cursor starts on the first client's line"
assert_match "$(row "$S" 40)" '^F1 Help +F2 As of +F3 Statements +F5 PDF +F6 XLSX +F7 Text +F8 Print +F9 Order +F10 Back' \
	"the key bar: as of, the clients' statements, save, print, back"

# ---- 80x24: Credits and Net beyond the edge; Right shows them, Left comes back ----
screen '<A-A><dump><Right><dump><Left><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'Aging of receivables as of 2026-06-30$' "80 columns: the title"
assert_match "$(line "$S" 'Cuotas Ltda')" '^Cuotas Ltda COP 400,00 0,00 0,00 0,00 0,00 400,00 …$' \
	"80 columns: Cuotas' figures up to the open charges, the credits beyond the edge"
assert_match "$(line "$S" 'Química')" '^Química Ñandú P… COP 300,00 2\.300,50 0,00 0,00 1\.000,00 3\.600,50 …$' \
	"80 columns: Química's name shortened, its figures whole"
assert_match "$(line "$S" 'Total COP')" '^Total COP COP 700,00 2\.300,50 750,25 0,00 1\.000,00 4\.750,75 …$' \
	"80 columns: the total row"
assert_not_contains "$(line "$S" 'Cuotas Ltda')" "350,00" "80 columns: Cuotas' net is beyond the edge"
S=$(text 2)
# Right: whole columns scroll, the client's name stays (issue 14); never part of an amount
assert_match "$(row "$S" 3)" '^Aging of receivables *$' "Right: the report's title in the header row stays"
assert_match "$(row "$S" 4)" '^Aging *$' "and so does the table's title"
assert_match "$(row "$S" 6 | sq)" '^Cuotas Ltda 0,00 0,00 0,00 0,00 400,00 50,00 ' \
	"Right: Cuotas' name stays, its credits -50,00 come into view"
assert_match "$(row "$S" 8 | sq)" '^Química Ñandú P… 2\.300,50 0,00 0,00 1\.000,00 3\.600,50 0,00 ' \
	"Right: Química's name stays, its amounts whole"
assert_not_contains "$(sed -n '5,9p' <<<"$S" | grep -oE ' [0-9]{1,2},[0-9]{2}' | grep -vE ' 0,00|50,00|[0-9]0,[0-9]{2}')" "X" \
	"no amount shows cut at its left"
screen '<A-A><Right><Right><dump>'
S=$(text 1)
assert_match "$(row "$S" 6 | sq)" '^Cuotas Ltda .* 400,00 50,00 350,00$' "Right twice: Cuotas' net 350,00, whole"
assert_match "$(row "$S" 7 | sq)" '^Óptica Zúñiga L… .* 750,25 0,00 750,25$' "Right twice: Óptica's net 750,25"
assert_match "$(row "$S" 8 | sq)" '^Química Ñandú P… .* 3\.600,50 0,00 3\.600,50$' "Right twice: Química's net 3.600,50"
assert_match "$(row "$S" 9 | sq)" '^Total COP .* 4\.750,75 50,00 4\.700,75$' "Right twice: the total's net 4.700,75"
screen '<A-A><dump><Right><dump><Left><dump>'
assert_match "$(row "$(text 3)" 8 | sq)" '^Química Ñandú P… COP 300,00' "Left: back to the start of the lines"

# ---- Tab: the follow-up; o: only the clients with something overdue; o again: all ----
screen '<A-A><Tab><dump>o<dump><F4><dump><Tab><dump>' --size 120x40
S=$(text 1)
assert_match "$(row "$S" 1)" 'Follow-up as of 2026-06-30$' "Tab: the follow-up, as of the same date"
assert_match "$(row "$S" 2)" '^Every client with something open · o: overdue only · Tab: aging +1–19 of 19$' \
	"every client with something open (Cuotas' credit in favour a line of its own)"
for name in "Cuotas Ltda" "Química Ñandú Peñalosa SAS" "Óptica Zúñiga Ltda"; do
	same_section "$FU" "$S" "$name" "the follow-up of $name: the command's lines, one for one"
done
assert_eq "Overdue COP 3.300,50 Falls due later COP 300,00" \
	"$(section "$S" "Química Ñandú Peñalosa SAS" | grep -E '^(Overdue|Falls)' | tr '\n' ' ' | sq)" \
	"Química: overdue 1.000,00 + 2.300,50 = 3.300,50, falls due later 300,00"
assert_eq "Overdue COP 0,00 Falls due later COP 400,00" \
	"$(section "$S" "Cuotas Ltda" | grep -E '^(Overdue|Falls)' | tr '\n' ' ' | sq)" \
	"Cuotas: nothing overdue, 400,00 falls due later"
assert_eq "Overdue COP 750,25 Falls due later COP 0,00" \
	"$(section "$S" "Óptica Zúñiga Ltda" | grep -E '^(Overdue|Falls)' | tr '\n' ' ' | sq)" \
	"Óptica: 750,25 overdue"
assert_eq "Credits in favour COP 50,00" \
	"$(section "$S" "Cuotas Ltda" | grep -E '^Credits' | sq)" \
	"Cuotas: its advance of 50,00 in favour (issue 16)"
assert_contains "$S" "COP: overdue 4.050,75; falls due later 700,00." "the summary: overdue 4.050,75, later 700,00"
assert_contains "$FU" "COP: overdue 4.050,75; falls due later 700,00." "as the command's"
assert_match "$(row "$S" 39)" '^Follow-up as of 2026-06-30: 19 lines\.' "the status line counts the lines"
S=$(text 2)
assert_match "$(row "$S" 2)" '^Clients with something overdue · o: all · Tab: aging +1–14 of 14$' \
	"o: only the clients with something overdue"
assert_not_contains "$S" "Cuotas Ltda" "Cuotas (nothing overdue) is left out"
assert_not_contains "$S" "FAC-000004" "and its invoice"
same_section "$FU" "$S" "Química Ñandú Peñalosa SAS" "Química's lines as before"
assert_contains "$S" "COP: overdue 4.050,75; falls due later 300,00." "the summary: later 300,00 without Cuotas'"
cart report followup --overdue --format txt
assert_contains "$OUT" "COP: overdue 4.050,75; falls due later 300,00." "as the command's followup --overdue"
S=$(text 3)
assert_match "$(row "$S" 2)" '^Every client with something open · o: overdue only.* 1–19 of 19$' "F4 (o again): every client"
same_section "$FU" "$S" "Cuotas Ltda" "Cuotas is back"
assert_match "$(row "$(text 4)" 1)" 'Aging of receivables as of 2026-06-30$' "Tab again: the aging"
screen '<A-A>o<dump>'
assert_match "$(row "$(text 1)" 23)" '^o chooses the clients of the follow-up of every client' \
	"o on the aging: the status line says what o is for"

# ---- the as-of date: a date before the payment; bad dates leave the report as it was ----
screen '<A-A>a<dump><C-u>2026-06-01<Enter><dump>a<C-u>2026-02-30<Enter><dump><F2><C-u>mañana<Enter><dump><Tab><dump>' \
	--size 120x40
S=$(text 1)
assert_contains "$S" "The ledger at the end of the day (YYYY-MM-DD):" "a: the as-of date is asked, the form of the date shown whole"
assert_match "$S" '│ As of +2026-06-30 ' "with the report's date in the field"
cart report aging --asof 2026-06-01 --format txt
AG1=$OUT
S=$(text 2)
assert_match "$(row "$S" 1)" 'Aging of receivables as of 2026-06-01$' "the title follows the date"
for want in 'Química Ñandú Peñalosa SAS COP 2.500,50 0,00 0,00 1.000,00 0,00 3.500,50 0,00 3.500,50' \
	'Óptica Zúñiga Ltda COP 0,00 0,00 750,25 0,00 0,00 750,25 0,00 750,25' \
	'Total COP COP 2.500,50 0,00 750,25 1.000,00 0,00 4.250,75 0,00 4.250,75'; do
	name=${want%% COP *}
	[ "$name" = Total ] && name="Total COP"
	assert_eq "$want" "$(cli_row "$AG1" "$name")" "the command's aging --asof 2026-06-01: $name as worked out"
	assert_eq "$want" "$(line "$S" "$name ")" "the screen's row of $name as of 2026-06-01"
done
assert_not_contains "$S" "Cuotas Ltda" "Cuotas had nothing on 2026-06-01"
cart balance --asof 2026-06-01 --format csv
assert_eq "COP 4.250,75 4.250,75 0,00 4.250,75 4.250,75" "$(line "$S" 'COP ')" \
	"the Check table on 2026-06-01"
assert_eq "4250.75" "$(csv_field "$OUT" 1 7)" "and cartera balance --asof 2026-06-01 says 4.250,75 too"
assert_match "$(row "$S" 39)" '^Aging as of 2026-06-01: 11 lines\.' "the status line says so"
S=$(text 3)
assert_match "$(row "$S" 39)" '^the as-of date: date "2026-02-30" does not exist' "2026-02-30: the status line says why"
assert_match "$(row "$S" 1)" 'Aging of receivables as of 2026-06-01$' "and the report stays as of 2026-06-01"
assert_eq "Total COP COP 2.500,50 0,00 750,25 1.000,00 0,00 4.250,75 0,00 4.250,75" "$(line "$S" 'Total COP')" \
	"with its figures"
S=$(text 4)
assert_match "$(row "$S" 39)" '^the as-of date: date "mañana" is not in the form YYYY-MM-DD' \
	"mañana (F2): the status line says why"
assert_match "$(row "$S" 1)" 'Aging of receivables as of 2026-06-01$' "the report as it was"
assert_eq "Total COP COP 2.500,50 0,00 750,25 1.000,00 0,00 4.250,75 0,00 4.250,75" "$(line "$S" 'Total COP')" \
	"with its figures"
S=$(text 5)
cart report followup --asof 2026-06-01 --format txt
assert_match "$(row "$S" 1)" 'Follow-up as of 2026-06-01$' "Tab keeps the date"
same_section "$OUT" "$S" "Química Ñandú Peñalosa SAS" "the follow-up of Química on 2026-06-01: the command's lines"
assert_contains "$S" "COP: overdue 1.750,25; falls due later 2.500,50." \
	"overdue 1.000,00 + 750,25, later 2.500,50 (as of 2026-06-01)"
assert_contains "$OUT" "COP: overdue 1.750,25; falls due later 2.500,50." "as the command's"

# ---- Enter / s: the statement of the line's client, as of the report's date ----
screen '<A-A><Enter><dump>q<dump><Down>s<dump><F10>a<C-u>2026-06-01<Enter><Enter><dump><Esc><Down><Down><Enter><dump>' \
	--size 120x40
S=$(text 1)
assert_match "$(row "$S" 1)" 'Statement of Cuotas Ltda as of 2026-06-30$' "Enter: the statement of the first client's line"
assert_contains "$(printf '%s\n' "$S" | sq)" "Balance as of 2026-06-30: 350,00 COP" "with its balance (400,00 less the advance)"
assert_match "$(row "$(text 2)" 1)" 'Aging of receivables as of 2026-06-30$' "q: back on the aging"
assert_eq "Cuotas Ltda COP 400,00 0,00 0,00 0,00 0,00 400,00 50,00 350,00" "$(sel 2)" "on the same line"
S=$(text 3)
assert_match "$(row "$S" 1)" 'Statement of Óptica Zúñiga Ltda as of 2026-06-30$' "Down, s: the next client's (Óptica, before Química)"
assert_contains "$(printf '%s\n' "$S" | sq)" "Balance as of 2026-06-30: 750,25 COP" "its balance"
S=$(text 4)
assert_match "$(row "$S" 1)" 'Statement of Óptica Zúñiga Ltda as of 2026-06-01$' \
	"as of 2026-06-01: the first line is Óptica's (Cuotas had nothing), its statement as of the report's date"
assert_contains "$(printf '%s\n' "$S" | sq)" "Balance as of 2026-06-01: 750,25 COP" \
	"its balance on 2026-06-01"
assert_not_contains "$S" "RC-000001" "the payment of 06-20 is not in it"
S=$(text 5)
assert_match "$(row "$S" 39)" "^this line is not a client's: move to a client's line" \
	"Enter on the total line: the status line says it is not a client's"
assert_match "$(row "$S" 1)" 'Aging of receivables as of 2026-06-01$' "and the aging stays"

# the follow-up's cursor starts on its first client's line: Enter opens Cuotas'
screen '<A-A><Tab><Enter><dump>' --size 120x40
assert_match "$(row "$(text 1)" 1)" 'Statement of Cuotas Ltda as of 2026-06-30$' "Enter on the follow-up: Cuotas' statement"

# ---- from the statement and from one client's dashboard ----
# the dashboard's first row: FAC-000001 of Química (the most days overdue)
screen '<A-s><dump>A<dump>qF<dump>q<dump>f<C-u>2026-06-01<F9>A<dump>qF<dump>' --size 120x40
assert_match "$(row "$(text 1)" 1)" 'Statement of Química Ñandú Peñalosa SAS as of 2026-06-30$' "s: Química's statement"
S=$(text 2)
assert_match "$(row "$S" 1)" 'Aging of receivables as of 2026-06-30$' "A on the statement: the aging"
assert_eq 'Óptica Zúñiga Ltda COP 0,00 0,00 750,25 0,00 0,00 750,25 0,00 750,25' "$(line "$S" 'Óptica')" \
	"of every client"
S=$(text 3)
assert_match "$(row "$S" 1)" 'Follow-up as of 2026-06-30$' "F on the statement: the follow-up"
assert_match "$(row "$S" 2)" '^Química Ñandú Peñalosa SAS · a: as of · Tab: aging · Enter: statement +1–10 of 10$' \
	"of that client only"
same_section "$FU" "$S" "Química Ñandú Peñalosa SAS" "its lines as the command's"
cart report followup 1 --format txt
assert_contains "$OUT" "COP: overdue 3.300,50; falls due later 300,00." "the command's follow-up of client 1"
assert_contains "$S" "COP: overdue 3.300,50; falls due later 300,00." "the screen's summary: that client's alone"
assert_not_contains "$S" "Cuotas Ltda" "another client's heading is absent"
assert_not_contains "$S" "FAC-000004" "and their documents"
assert_not_contains "$S" "FAC-000005" "Óptica's too"
assert_match "$(row "$(text 4)" 1)" 'Statement of Química Ñandú Peñalosa SAS as of 2026-06-30$' "q: back on the statement"
S=$(text 5)
assert_match "$(row "$S" 1)" 'Aging of receivables as of 2026-06-01$' "A on the statement as of 2026-06-01: the aging as of that date"
assert_eq 'Total COP COP 2.500,50 0,00 750,25 1.000,00 0,00 4.250,75 0,00 4.250,75' "$(line "$S" 'Total COP')" \
	"with that date's figures"
S=$(text 6)
assert_match "$(row "$S" 1)" 'Follow-up as of 2026-06-01$' "F: the client's follow-up as of that date"
assert_contains "$S" "COP: overdue 1.000,00; falls due later 2.500,50." "overdue 1.000,00, later 2.500,50 on 2026-06-01"

screen '<Enter><dump><A-F><dump>q<dump>' --size 120x40
assert_match "$(row "$(text 1)" 1)" 'Química Ñandú Peñalosa SAS as of 2026-06-30$' "Enter on the dashboard: the client's dashboard"
S=$(text 2)
assert_match "$(row "$S" 2)" '^Química Ñandú Peñalosa SAS · a: as of' "F there: that client's follow-up"
assert_not_contains "$S" "Óptica" "another client is absent"
assert_contains "$S" "COP: overdue 3.300,50; falls due later 300,00." "that client's sums"
assert_match "$(row "$(text 3)" 1)" 'Química Ñandú Peñalosa SAS as of 2026-06-30$' "q: back on the client's dashboard"
screen '<A-F><dump>'
assert_match "$(row "$(text 1)" 2)" '^Every client with something open · o: overdue only' \
	"F on the dashboard of every client: every client's follow-up"

# ---- help ----
screen '<A-A>?<dump>' --size 120x40
S=$(text 1)
assert_match "$(row "$S" 1)" 'Help: Aging$' "? on the aging: its help"
assert_match "$S" '^ Tab +switch between the aging and the follow-up' "the help has Tab"
assert_match "$S" '^ F4 o +follow-up: only the clients with something overdue' "and o"
assert_match "$S" "^ Right Left +the columns beyond the screen's edge" "and Right and Left"

# ---- saving: PDF, XLSX, text, in the current folder ----
mkdir -p "$T/out"
cd "$T/out" || exit 1
scr '<A-A><F5><dump><Enter><dump>x<Enter><dump>t<Enter><dump><Tab><F7><Enter><dump>q<A-s>F<F7><Enter>qq<A-A>a<C-u>2026-06-01<Enter><F7><Enter><dump>' 80x24
cd - >/dev/null || exit 1
assert_status 0 "saving from the screen"
PDF=$T/out/aging-2026-06-30.pdf
XLSX=$T/out/aging-2026-06-30.xlsx
TXTF=$T/out/aging-2026-06-30.txt
assert_match "$(text 1)" '│ File +aging-2026-06-30\.pdf ' "the prompt proposes aging-<date>.pdf"
assert_contains "$(text 1)" "Save the aging" "in a window to save the aging"
assert_contains "$(row "$(text 2)" 23)" "Wrote aging-2026-06-30.pdf in $T/out" "the status line says where the PDF went"
assert_contains "$(row "$(text 3)" 23)" "Wrote aging-2026-06-30.xlsx in $T/out" "and the XLSX"
assert_contains "$(row "$(text 4)" 23)" "Wrote aging-2026-06-30.txt in $T/out" "and the text"
assert_contains "$(row "$(text 5)" 23)" "Wrote followup-2026-06-30.txt in $T/out" "and the follow-up's text"
assert_contains "$(row "$(text 6)" 23)" "Wrote aging-2026-06-01.txt in $T/out" "and the aging as of 2026-06-01"
if command -v pdftotext >/dev/null; then
	P=$(pdftotext -layout "$PDF" - | sq)
	assert_contains "$P" "Aging of receivables" "the PDF is the aging"
	assert_contains "$P" "Química Ñandú Peñalosa SAS COP 300,00 2.300,50 0,00 0,00 1.000,00 3.600,50 0,00 3.600,50" \
		"the PDF has Química's row, accents and figures"
	assert_contains "$P" "Óptica Zúñiga Ltda COP 0,00 0,00 750,25 0,00 0,00 750,25 0,00 750,25" "and Óptica's"
	assert_contains "$P" "Total COP COP 700,00 2.300,50 750,25 0,00 1.000,00 4.750,75 50,00 4.700,75" "and the total"
	assert_contains "$P" "COP 4.750,75 4.750,75 50,00 4.700,75 4.700,75" "and the Check table"
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
	R=$(/usr/bin/python3 - "$XLSX" "$NET" <<'EOF' 2>&1
import decimal, sys, openpyxl
x, net = sys.argv[1], decimal.Decimal(sys.argv[2])
out = []
def check(cond, what):
    out.append(("ok " if cond else "FAIL ") + what)
D = lambda v: decimal.Decimal(str(v))
wb = openpyxl.load_workbook(x)
ws = wb["Aging"]
hdr = [r for r in range(1, 20) if ws.cell(r, 1).value == "Client"][0]
rows = {ws.cell(r, 1).value: r for r in range(hdr + 1, ws.max_row + 1)}
check(sorted(k for k in rows if k and k != "Total COP") == ["Cuotas Ltda", "Química Ñandú Peñalosa SAS", "Óptica Zúñiga Ltda"],
      "the three clients, accents kept")
q = rows["Química Ñandú Peñalosa SAS"]
check(all(ws.cell(q, c).data_type == "n" for c in range(3, 11)), "Química's amounts are numbers")
check([D(ws.cell(q, c).value) for c in range(3, 11)] == [D(v) for v in ("300", "2300.5", "0", "0", "1000", "3600.5", "0", "3600.5")],
      "Química's figures: 300 / 2300.5 / 0 / 0 / 1000 / 3600.5 / 0 / 3600.5")
t = rows["Total COP"]
check(all(str(ws.cell(t, c).value).startswith("=SUMIF(") for c in range(3, 11)), "the total row is SUMIF formulas")
wv = openpyxl.load_workbook(x, data_only=True)["Aging"]
vals = [D(wv.cell(t, c).value) for c in range(3, 11)]
check(vals == [D(v) for v in ("700", "2300.5", "750.25", "0", "1000", "4750.75", "50", "4700.75")],
      "the formulas' values: the totals worked out by hand (%s)" % vals)
check(vals[7] == net, "the total net (%s) is the ledger's balance (%s)" % (vals[7], net))
ck = openpyxl.load_workbook(x, data_only=True)["Check"]
r = [r for r in range(1, 20) if ck.cell(r, 1).value == "COP"][0]
check(ck.cell(r, 6).data_type == "n" and D(ck.cell(r, 6).value) == net, "the Check sheet's ledger balance")
print("\n".join(out))
EOF
)
	while IFS= read -r l; do
		case $l in
		"ok "*) pass "xlsx: ${l#ok }" ;;
		*) fail "xlsx: ${l#FAIL }" "$l" ;;
		esac
	done <<<"$R"
else
	skip "Debian's python3-openpyxl is not installed"
fi
assert_eq "$AG" "$(cat "$TXTF")" "the text file is the command's aging, line for line"
assert_eq "$FU" "$(cat "$T/out/followup-2026-06-30.txt")" "the follow-up's text file is the command's"
cart report followup 1 --format txt
assert_eq "$OUT" "$(cat "$T/out/followup-quimica-nandu-penalosa-sas-2026-06-30.txt" 2>&1)" \
	"one client's follow-up: followup-<client>-<date>.txt, the command's followup 1"
assert_eq "$AG1" "$(cat "$T/out/aging-2026-06-01.txt")" "the aging as of 2026-06-01: the command's --asof"

# ---- printing through a fake lp ----
mkdir -p "$T/goodlp" "$T/nolp"
printf '#!/bin/sh\necho "$@" >>"%s/lp.args"\nexit 0\n' "$T" >"$T/goodlp/lp"
chmod +x "$T/goodlp/lp"
KEPT=$T/home/.local/share/cartera/printed/aging-2026-06-30.pdf
scr '<A-A>p<dump>' 120x40 PATH="$T/goodlp:$PATH" PRINTER=Oficina
assert_status 0 "printing from the screen"
assert_eq "-d Oficina $KEPT" "$(cat "$T/lp.args")" "lp got the printer and the kept PDF"
assert_contains "$(row "$(text 1)" 39)" "Sent aging-2026-06-30.pdf to the printer Oficina (kept in $(dirname "$KEPT"))" \
	"the status line says so"
if command -v pdftotext >/dev/null; then
	assert_contains "$(pdftotext -layout "$KEPT" - | sq)" "Óptica Zúñiga Ltda COP 0,00 0,00 750,25" "the printed PDF is the aging"
fi
rm -f "$KEPT"
scr '<A-A><F8><dump><Esc><dump>' 80x24 PATH="$T/nolp"
assert_status 0 "no spooler: the screen goes on"
S=$(text 1)
assert_contains "$S" "Not printed" "a window says it was not printed"
assert_match "$(row "$S" 23)" '^Not printed: the print spooler command "lp" was not found' "the status line says why"
assert_contains "$(printf '%s\n' "$S" | awk -F'│' 'NF >= 3 {print $2}' | tr -d ' \n')" "$KEPT" \
	"the window says where the PDF is kept"
assert_eq "%PDF-" "$(head -c 5 "$KEPT" 2>/dev/null)" "the PDF is kept"
assert_match "$(row "$(text 2)" 1)" 'Aging of receivables as of 2026-06-30$' "Esc: back on the aging"

# ---- in Spanish ----
wrapper()   # $T/cartera-es: cartera with only LANG=es_CO.UTF-8 (lib.sh's LC_ALL would win)
{
	printf '#!/bin/sh\nexec env -u LC_ALL -u LC_MESSAGES -u LANGUAGE -u LANG LANG=es_CO.UTF-8 %q "$@"\n' \
		"$CARTERA_BIN" >"$T/cartera-es"
	chmod +x "$T/cartera-es"
}
if [ -f "${CARTERA_LOCALEDIR:-}/es/LC_MESSAGES/cartera.mo" ]; then
	wrapper
	CARTERA_BIN=$T/cartera-es screen '<A-A><dump><Tab><dump>' --size 120x40
	S=$(text 1)
	assert_match "$(row "$S" 1)" '^ cartera — Comercial Andina SAS +Antigüedad de la cartera al 2026-06-30$' \
		"es: the title in Spanish"
	assert_eq "Química Ñandú Peñalosa SAS COP 300,00 2.300,50 0,00 0,00 1.000,00 3.600,50 0,00 3.600,50" \
		"$(line "$S" 'Química')" "es: the same figures"
	assert_match "$(row "$S" 40)" '^F1 Ayuda +F2 Fecha de corte' "es: the key bar in Spanish"
	S=$(text 2)
	assert_match "$(row "$S" 1)" 'Seguimiento de la cartera al 2026-06-30$' "es: Tab, the follow-up in Spanish"
	assert_contains "$S" "COP: vencido 4.050,75; vence después 700,00." "es: its summary"
else
	fail "es: no Spanish catalogue under CARTERA_LOCALEDIR=${CARTERA_LOCALEDIR:-} (make)"
fi

assert_dump_same "$DB" before "the reports, saved and printed, left the ledger as it was"
check_ok "the reports"

# ---- S (F3): the statements of the report's clients, a PDF each, one PDF, or printed ----
mkdir -p "$T/many"
cd "$T/many" || exit 1
scr '<A-A>S<dump><Enter><dump><Enter><dump><Tab>o<F3>2<C-u>vencidos<Enter><dump>' 80x24
cd - >/dev/null || exit 1
S=$(text 1)
assert_contains "$S" "The statements of 3 clients as of 2026-06-30:" "S on the aging: every client with a balance"
assert_contains "$(text 2)" "statements-2026-06-30" "a folder proposed, named by the date"
assert_contains "$(row "$(text 3)" 23)" "Wrote 3 statements in statements-2026-06-30" "three written"
DIR=$T/many/statements-2026-06-30
assert_eq "3" "$(ls "$DIR" | wc -l | tr -d ' ')" "one PDF per client"
P1=$(pdftotext -layout "$DIR"/statement-000001-quimica-nandu-penalosa-sas.pdf - 2>/dev/null | sq)
assert_contains "$P1" "Química Ñandú Peñalosa SAS" "each PDF is its client's statement, accents and all"
cart report statement 1 --format txt
assert_contains "$P1" "$(printf '%s\n' "$OUT" | sq | grep '^Balance as of')" "with the balance the command gives"
assert_contains "$(row "$(text 4)" 23)" "Wrote 2 statements in vencidos.pdf" \
	"on the follow-up of the overdue: one file for the two with something overdue"
ALL=$(pdftotext -layout "$T/many/vencidos.pdf" - 2>/dev/null | sq)
assert_contains "$ALL" "Química Ñandú Peñalosa SAS" "the one PDF has Química's statement"
assert_contains "$ALL" "Óptica Zúñiga Ltda" "and Óptica's"
assert_not_contains "$ALL" "Cuotas Ltda" "but not Cuotas' (nothing overdue)"
# printed: one PDF through the fake lp, kept under the printed folder
rm -f "$T/lp.args"
scr '<A-A>S3<dump>' 120x40 PATH="$T/goodlp:$PATH" PRINTER=Oficina
KEPT=$T/home/.local/share/cartera/printed/statements-2026-06-30.pdf
assert_contains "$(row "$(text 1)" 39)" "Sent statements-2026-06-30.pdf (3 statements) to the printer Oficina (kept in /" \
	"3: printed, the file's name first (the folder may be cut)"
assert_contains "$(cat "$T/lp.args" 2>/dev/null)" "$KEPT" "lp was given the kept PDF"
assert_contains "$(pdftotext -layout "$KEPT" - 2>/dev/null | sq)" "Cuotas Ltda" "which holds the statements"

# ---- a report's message stays with it; an empty follow-up says nothing is open ----
screen '<A-A><Tab><Enter><dump>' --size 120x40
S=$(text 1)
assert_match "$(row "$S" 1)" 'Statement of Cuotas Ltda as of 2026-06-30$' "Enter on the follow-up: a statement"
assert_not_contains "$(row "$S" 39)" "Follow-up as of" "the follow-up's message is not carried to the statement"
screen '<A-A>a<C-u>2026-01-01<Enter><Tab><dump>' --size 120x40
assert_contains "$(text 1)" "Nothing is open as of 2026-01-01." "an empty follow-up says nothing is open"
cart report followup --asof 2026-01-01 --format txt
assert_contains "$OUT" "Nothing is open as of 2026-01-01." "and so does the command's"

# ---- the header row: the report's title at the top; scrolled past a table's header line, that
# table's column names (the lines: 0 Aging, 1 its header, 2 Cuotas, ...) ----
screen '<A-A><dump><Down><Down><Down><Down><Down><Down><dump>' --size 80x12
assert_match "$(row "$(text 1)" 3)" '^Aging of receivables *$' "at the top the header row is the report's title"
S=$(text 2)
assert_match "$(row "$S" 2)" ' 3–9 of 12$' "six lines down the list starts at Cuotas"
assert_match "$(row "$S" 3)" '^Client +Cur\. +Not due +1-30 +31-60' "and the header row names the aging's columns"
assert_match "$(row "$S" 4)" '^Cuotas Ltda' "over Cuotas' line"

# ---- one document on screen (D on a dashboard row): its lines, taxes, totals and payments ----
cart invoice post 2 --override "prueba" --date 2026-06-30 --line "Sillas Ñandú;4;125.000,00;19" \
	--line "Mesa;1,5;33.333,33;IVA 5%" --line "Flete;1;20.000,00;"     # FAC-000006
cart receipt post 2 --date 2026-06-30 --transfer 100.000,00:TRX-1 \
	--withholding retefuente:CERT-9:17.500,00 --to FAC-000006       # RC-000002
assert_status 0 "an invoice with lines and a receipt with a withholding"
# 4 x 125.000,00 = 500.000,00 at 19%: 95.000,00; 1,5 x 33.333,33 = 50.000,00 at 5%: 2.500,00;
# freight 20.000,00 untaxed: total 667.500,00; paid 100.000,00 + 17.500,00 withheld = 117.500,00
# the Due tab (1), by due date: FAC-000003 07-10, FAC-000004 07-15, FAC-000006 07-30
screen '<A-1><Down><Down><A-D><dump><Enter><dump>' --size 100x40
S=$(text 1)
SS=$(printf '%s\n' "$S" | sq)
assert_match "$(row "$S" 1)" 'Cuotas Ltda$' "D: the document's client in the title"
assert_match "$(row "$S" 2)" '^Invoice FAC-000006 ' "D: the invoice on screen"
for want in 'Date: 2026-06-30' 'Due date: 2026-07-30' 'NIT 899.999.068-1' \
	'Sillas Ñandú 4 125.000,00 IVA 19% 500.000,00' 'Mesa 1,5 33.333,33 IVA 5% 50.000,00' \
	'Flete 1 20.000,00 20.000,00' 'Net 570.000,00' 'IVA 19% 500.000,00 95.000,00' \
	'IVA 5% 50.000,00 2.500,00' 'Total 667.500,00' 'CF Invoice COP 667.500,00 550.000,00' \
	'2026-06-30 RC-000002 117.500,00' 'Still to pay: 550.000,00 COP'; do
	assert_contains "$SS" "$want" "the invoice on screen: $want"
done
cart report document FAC-000006 --format txt
assert_contains "$(printf '%s\n' "$OUT" | sq)" 'IVA 19% 500.000,00 95.000,00' "the command's document has the same taxes"
assert_match "$(row "$(text 2)" 1)" 'Statement of Cuotas Ltda as of 2026-06-30$' "Enter: the document's client's statement"
screen '<A-1><Down><Down><A-D><F1><dump>' --size 100x40
assert_contains "$(text 1)" "save the report as a PDF file" "a document's help: saving"
assert_not_contains "$(text 1)" "the report as of another date" "but not the aging's as-of date"
assert_not_contains "$(text 1)" "follow-up" "nor its follow-up keys"
cart report document RC-000002 --format txt
SS=$(printf '%s\n' "$OUT" | sq)
assert_contains "$SS" 'transfer TRX-1 100.000,00' "the receipt: its means of payment"
assert_contains "$SS" 'retefuente CERT-9 17.500,00' "its withholding"
assert_contains "$SS" '2026-06-30 FAC-000006 117.500,00' "and what it paid"
mkdir -p "$T/doc"
cd "$T/doc" || exit 1
screen '<A-1><Down><Down><A-D><F5><Enter><dump>' --size 100x40
cd - >/dev/null || exit 1
assert_contains "$(text 1)" "Wrote FAC-000006.pdf in $T/doc" "F5 on the document: its PDF, named by its number"
PDF=$(pdftotext -layout "$T/doc/FAC-000006.pdf" - 2>/dev/null | sq)
assert_contains "$PDF" 'Sillas Ñandú 4 125.000,00 IVA 19% 500.000,00' "the PDF has the lines, accents and all"
assert_contains "$PDF" 'Total 667.500,00' "and the total"

done_testing
