#!/bin/bash
# The dashboard's totals and tab counts follow another clerk (issue 14): cartera open in a tmux
# pane, a payment posted by another process, one key later the totals and the count have moved.
. "$(dirname "$0")/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	skip "tmux refresh test" "tmux is not installed"
	done_testing
fi
cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
cart invoice post --override p 1 1.000,00 --date 2026-03-01
cart invoice post --override p 1 2.500,50 --date 2026-04-01
assert_status 0 "the ledger is built: 3.500,50 overdue in two invoices"

TM=(tmux -L "cartera-refresh-$$" -f /dev/null)
tm_cleanup()
{
	"${TM[@]}" kill-server 2>/dev/null
	lib_cleanup
}
trap tm_cleanup EXIT
# the dashboard once it has read the payment: the new total on its third row, one document in
# the Overdue tab, the old total nowhere (FAC-000002's own 2.500,50 is on the screen before too)
refreshed()
{
	[[ $(sed -n 3p <<<"$PANE") == *2.500,50* && $PANE == *"Overdue 1"* && $PANE != *3.500,50* ]]
}
"${TM[@]}" new-session -d -s cartera -x 80 -y 24 \
	"env TERM=xterm-256color LC_ALL=C.UTF-8 HOME='$HOME' '$CARTERA_BIN' --db '$DB' --today $TODAY --screen dashboard"
"${TM[@]}" set-option -t cartera status off >/dev/null
# the first screen drawn whole: the total and the tab bar
first()
{
	[[ $PANE == *3.500,50* && $PANE =~ Overdue\ 2 ]]
}
wait_pane first
ok $? "the dashboard shows 3.500,50 overdue" || tap_diag "$PANE"
assert_match "$PANE" 'Overdue 2' "two documents in the Overdue tab"

cart payment post 1 1.000,00 --to FAC-000001=1.000,00
assert_status 0 "another clerk posts a payment of FAC-000001"
"${TM[@]}" send-keys -t cartera Down
wait_pane refreshed
assert_match "$(sed -n 3p <<<"$PANE")" '2\.500,50' "one key later the overdue total is 2.500,50" ||
	tap_diag "$PANE"
assert_match "$PANE" 'Overdue 1' "and the tab counts one document"
assert_not_contains "$PANE" "3.500,50" "the old total is gone"

# The aging of every client, read a page at a time (issue 14), opened again after a posting when
# the clerk comes back to it: another clerk pays 500,50 of FAC-000002, the clerk looks at the
# client's statement and back: the total is the ledger's.
"${TM[@]}" send-keys -t cartera M-A
aging_at() { [[ $PANE =~ Total\ COP\ +COP.*\ $1\  && $PANE == *"Aging of receivables"* ]]; }
aging_first() { aging_at '2\.500,50'; }
wait_pane aging_first
ok $? "the aging: 2.500,50 open in its total row" || tap_diag "$PANE"
cart payment post 1 500,50 --to FAC-000002=500,50
assert_status 0 "another clerk posts a payment of 500,50 to FAC-000002"
"${TM[@]}" send-keys -t cartera Enter
wait_for "Statement"
ok $? "Enter: the client's statement" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera F10
aging_after() { aging_at '2\.000,00'; }
wait_pane aging_after
ok $? "back on the aging: its total row says 2.000,00" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera F10
"${TM[@]}" send-keys -t cartera F10
done_testing
