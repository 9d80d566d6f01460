#!/bin/bash
# Dates as clerks in Colombia type and read them (issue 14, issue 16): init --country CO reads
# dates day first; the invoice form shows today as 30/06/2026, takes 15-06-2026 and 15062026
# (and ISO), shows the due date from the client's terms as DD/MM/AAAA, and posts the ISO date;
# a date that does not exist says the form expected; the statement and the printed text show
# DD/MM/YYYY, CSV and JSON stay ISO.
. "$(dirname "$0")/lib.sh"
START=dashboard
sql() { sqlite3 -batch "$DB" "$1"; }

cart init --name "Comercial Andina SAS" --country CO
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
assert_status 0 "the ledger is built"
assert_eq dmy "$(sql "SELECT date_order FROM company")" "init --country CO: day first"

screen '<A-i>Grupo<Enter><dump>'
S=$(text 1)
assert_match "$(row "$S" 3)" '^ Date \* +30/06/2026 ' "the form shows today as 30/06/2026"
assert_match "$(row "$S" 4)" '^ Due date \* +30/07/2026' "the due date from 30 days' terms, day first"

screen '<A-i>Grupo<Enter><C-u>15-06-2026<Tab><dump><F4>Sillas<Tab>1<Tab>100,00<Tab><Tab><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 3)" '^ Date \* +15-06-2026' "15-06-2026 typed"
assert_match "$(row "$S" 4)" '^ Due date \* +15/07/2026' "its due date follows, day first"
assert_eq "2026-06-15|2026-07-15" "$(sql "SELECT date, due_date FROM documents WHERE number = 'FAC-000001'")" \
	"posted with the ISO dates"

screen '<A-i>Grupo<Enter><C-u>01062026<Tab><F4>Mesa<Tab>1<Tab>50,00<Tab><Tab><F9><dump>'
assert_eq "2026-06-01" "$(sql "SELECT date FROM documents WHERE number = 'FAC-000002'")" \
	"01062026 with no separators: 1 June"

screen '<A-i>Grupo<Enter><C-u>31/02/2026<Tab><dump>'
assert_contains "$(text 1)" "DD/MM/YYYY" "a day that does not exist: the form expected is named"

cart report statement "Grupo" --format txt
assert_match "$OUT" "15/06/2026 FAC-000001" "the printed statement: day first"
cart report statement "Grupo" --format csv
assert_contains "$OUT" "2026-06-15" "CSV stays ISO"
assert_not_contains "$OUT" "15/06/2026" "CSV has no day-first dates"
# the dashboard's lists show the dates as the clerk reads them; the command line stays ISO
screen '<A-1><dump><S-Tab><dump>' --size 100x24
S=$(text 1)$'\n'$(text 2)
assert_match "$S" 'FAC-000001.*15/06/2026.*15/07/2026' "the Due tab: invoice date and due date day first"
assert_match "$S" '15/06/2026 +FAC-000001' "the Transactions tab: day first"
assert_not_contains "$S" "2026-06-15" "no ISO date on the dashboard's lists"
assert_contains "$(row "$(text 1)" 1)" "as of 30/06/2026" "the dashboard's heading: day first"
cart dashboard --tab due
assert_contains "$OUT" "2026-06-15" "the command line's dashboard stays ISO"
done_testing
