#!/bin/bash
# The client detail window (Enter on the list) and the tabs widget (tabs.h): Record (the client's
# fields and totals), Due, Overdue and Credits with their counts, each listing the open items the
# ledger has for the client; Tab / ] / Right and S-Tab / [ / Left move between tabs, 1..4 jump;
# the current tab highlighted; the help lists the tab keys; a larger terminal gets a larger window.
. "$(dirname "$0")/lib.sh"

cart demo --clients 40 --seed 5 --quiet
assert_status 0 "demo ledger with 40 clients"
cart client show 901981389
assert_status 0 "the command line's open items of Agropecuaria Acosta, to compare"
# document, code, kind (charge or credit), dates, instalment, amount, open, days overdue
items=$(awk '/^[A-Z]+-[0-9]+ /' <<<"$OUT")
n_over=$(awk '$3 == "charge" && $NF > 0' <<<"$items" | wc -l)
n_cred=$(awk '$3 == "credit"' <<<"$items" | wc -l)
n_due=$(awk '$3 == "charge" && $NF == 0' <<<"$items" | wc -l)
# cur_tab N: the tab shown in dump N (the text under the highlighted cells of the tab row)
cur_tab()
{
	"$PYTHON" -c '
import sys
t, a = sys.argv[1], sys.argv[2]
print("".join(c for c, m in zip(t, a) if m == "R").strip())' "$(text "$1" | row "$(cat)" 3)" "$(attrs "$1" | row "$(cat)" 3)"
}
[ "$n_over" -gt 0 ] && [ "$n_cred" -gt 0 ] && [ "$n_due" -gt 0 ]
ok $? "the client has items of every kind ($n_due due, $n_over overdue, $n_cred credits)"

screen 'Agropecuaria<Enter><dump><Tab><dump>3<dump><Down><dump>]<dump><Left><dump>1<dump>'
S=$(text 1)
assert_match "$(row "$S" 2)" '┌─ Agropecuaria Acosta de Colombia S\.A\.S\. ─+┐' "Enter: the client's window"
assert_match "$(row "$S" 3)" "│ Record   Due $n_due   Overdue $n_over   Credits $n_cred +│" \
	"the tabs with the ledger's counts"
assert_eq "Record" "$(cur_tab 1)" "Record is the current tab"
assert_match "$S" '│ Tax id        901981389-6 +│' "Record: the fields"
assert_match "$S" '│ Totals as of 2026-06-30 +│' "Record: the totals as of today"
assert_match "$S" '│ COP +[0-9.,-]+ +[0-9.,-]+ +[0-9.,-]+ +[0-9.,-]+ │' "Record: due, overdue, credits and net"
assert_eq "F1 Help  Esc Close  Tab Next tab" "$(row "$S" 24)" "the window's key bar"
S=$(text 2)
assert_eq "Due $n_due" "$(cur_tab 2)" "Tab: Due is the current tab"
assert_match "$(row "$S" 4)" '│ Document +Date +Due +Days +Amount +Open │' "Due: the items' header"
first=$(awk '$3 == "charge" && $NF == 0 {print $1; exit}' <<<"$items")
assert_match "$(row "$S" 5)" "│ $first " "the first item not yet due, as the ledger orders them ($first)"
shown=$(sed -n '5,21p' <<<"$S" | grep -c '│ [A-Z]*-[0-9]')
[ "$n_due" -gt 16 ] && want=16 || want=$n_due
assert_eq "$want" "$shown" "as many rows as fit or as there are"
S=$(text 3)
assert_eq "Overdue $n_over" "$(cur_tab 3)" "3: Overdue is the current tab"
over=$(awk '$3 == "charge" && $NF > 0 {print $1, $NF; exit}' <<<"$items")
assert_match "$(row "$S" 5)" "│ ${over% *}( #[0-9]+)? +[0-9-]+ +[0-9-]+ +${over#* } " "the oldest overdue first, with its days late"
assert_match "$(attrs 3 | row "$(cat)" 5)" '^..4 R{72} 4' "the first row selected"
assert_match "$(attrs 4 | row "$(cat)" 6)" '^..4 R{72} 4' "Down moves the selection"
S=$(text 5)
assert_eq "Credits $n_cred" "$(cur_tab 5)" "]: Credits, the last tab"
cred=$(awk '$3 == "credit" {print $1; exit}' <<<"$items")
amt=$(awk '$3 == "credit" {print $(NF-1); exit}' <<<"$items")
assert_match "$(row "$S" 5)" "│ $cred .* $amt │" "Credits: the client's first credit and what is open of it ($amt)"
assert_eq "Overdue $n_over" "$(cur_tab 6)" "Left: back to Overdue"
assert_match "$(text 7)" '│ Tax id        901981389-6' "1: back to Record"

# wrapping, the help, closing
screen 'Agropecuaria<Enter><S-Tab><dump>[<dump><F1><dump><Esc><dump><Esc><dump>'
assert_eq "Credits $n_cred" "$(cur_tab 1)" "S-Tab from the first tab: the last"
assert_eq "Overdue $n_over" "$(cur_tab 2)" "[: the one before"
S=$(text 3)
assert_match "$(row "$S" 1)" '^ cartera — Distribuidora Andina S\.A\.S\. +Help: Client$' "F1: the window's help, titled like the screens"
assert_eq "Keys of this window:" "$(row "$S" 2)" "its first line fits the window"
assert_match "$S" '^ Tab \] Right +the next tab' "help: next tab keys"
assert_match "$S" '^ S-Tab \[ Left +the previous tab' "help: previous tab keys"
assert_match "$S" '^ 1 … 9 +go straight to that tab' "help: number keys"
assert_match "$S" '^ Down C-n +next row' "help: moving in a tab's list"
assert_match "$(text 4)" '│ Record +Due' "Esc: back to the window"
assert_not_contains "$(text 5)" "Record" "Esc again: the list"

# a client with nothing open
screen 'Garzón<Enter><dump>2<dump>'
assert_match "$(text 1 | row "$(cat)" 3)" '│ Record   Due 0   Overdue 0   Credits 0 +│' "nothing open: every count 0"
assert_match "$(text 1)" '│ No open items\. +│' "Record: no open items"
assert_match "$(text 2 | row "$(cat)" 5)" '│ Nothing due later\. +│' "Due: says there is nothing"

# a larger terminal: a wider and taller window
screen 'Agropecuaria<Enter>3<dump>' --size 120x40
S=$(text 1)
box=$(row "$S" 2 | "$PYTHON" -c 'import sys; l = sys.stdin.read(); print(l.index("┌"), l.index("┐") - l.index("┌") + 1)')
assert_eq "10 100" "$box" "120x40: a window 100 wide, centred"
shown=$(sed -n '5,37p' <<<"$S" | grep -c '│ [A-Z]*-[0-9]')
[ "$n_over" -gt 33 ] && want=33 || want=$n_over
assert_eq "$want" "$shown" "120x40: more overdue rows ($want)"

done_testing
