#!/bin/bash
# A real terminal: cartera in a detached 80x24 tmux session on the demo ledger. Function and
# arrow keys arrive as escape sequences, a resize redraws, and quitting restores the terminal.
. "$(dirname "$0")/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	skip "tmux smoke test" "tmux is not installed"
	done_testing
fi
cart demo --clients 40 --seed 5 --quiet
assert_status 0 "demo ledger"

# A private tmux server, so the clerk's own sessions are never touched.
TM=(tmux -L "cartera-test-$$" -f /dev/null)
tm_cleanup()
{
	"${TM[@]}" kill-server 2>/dev/null
	lib_cleanup
}
trap tm_cleanup EXIT

# wait_for NEEDLE (tests/screen/lib.sh): poll the pane until it shows NEEDLE; the pane in $PANE.

"${TM[@]}" new-session -d -s cartera -x 80 -y 24 \
	"env TERM=xterm-256color LC_ALL=C.UTF-8 HOME='$HOME' bash --norc --noprofile"
"${TM[@]}" set-option -t cartera status off >/dev/null
"${TM[@]}" send-keys -t cartera "PS1='shell> '; clear" Enter
wait_for "shell>"
ok $? "a shell in an 80x24 tmux pane"
"${TM[@]}" send-keys -t cartera \
	"'$CARTERA_BIN' --db '$DB' --today $TODAY --screen clients; echo \"exit=\$?\"" Enter
wait_for "1–19 of 40"
ok $? "cartera opens the client list at the terminal" || tap_diag "$PANE"
# the count line can be on the terminal before the key bar below it: wait for the bar itself
wait_for "F1 Help Enter Open F2 New F4 Edit F6 Sort F10 Quit F3 Find F5 Import F7 Export"
ok $? "the key bar is shown" || tap_diag "$PANE"

# Down as the terminal sends it (ESC [ B), then F1 (ESC O P), then Esc
"${TM[@]}" send-keys -t cartera Down F1
wait_for "Help: Clients"
ok $? "F1 as an escape sequence opens the help" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera Escape
wait_for "1–19 of 40"
ok $? "Esc goes back to the list" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera Enter
wait_for "Agropecuaria Acosta de Colombia S.A.S. ─"
ok $? "Down moved the selection: Enter opens the second client" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera Escape

"${TM[@]}" resize-window -t cartera -x 100 -y 30 2>/dev/null ||
	"${TM[@]}" resize-pane -t cartera -x 100 -y 30
wait_for "1–25 of 40"
ok $? "a resize to 100x30 redraws at the new size" || tap_diag "$PANE"
assert_contains "$PANE" "Agropecuaria Acosta de Colombia S.A.S.              901981389-6" \
	"the wider screen shows whole names"

# The client form at the terminal: F2 (ESC O Q), Tab and Shift-Tab (ESC [ Z), UTF-8 typed as
# the terminal sends it, F9 (ESC [ 2 0 ~) to save; then F4, a change, and Esc asking first.
"${TM[@]}" send-keys -t cartera F2
wait_for "New client"
ok $? "F2 as an escape sequence opens the client form" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera Tab Tab 900123456 Tab Tab BTab Tab
wait_for "DV              8"
ok $? "Tab leaves the tax id: its DV is computed" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera 'Ferretería Ñandú S.A.S.' F9
wait_for 'Client "Ferretería Ñandú S.A.S." saved.'
ok $? "F9 saves the client typed with accents and ñ" || tap_diag "$PANE"
assert_contains "$PANE" "of 41" "the list counts the new client"
assert_match "$PANE" "Ferretería Ñandú S\.A\.S\. +900123456-8" "the list shows it with its DV"
"${TM[@]}" send-keys -t cartera F4
wait_for "Edit client"
ok $? "F4 edits the selected client" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera Down Down Down Down x Escape
wait_for "Discard the changes? (y/n)"
ok $? "Esc on a changed form asks first" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera y
wait_for "Changes discarded."
ok $? "y discards and goes back to the list" || tap_diag "$PANE"
assert_match "$PANE" "Ferretería Ñandú S\.A\.S\. +900123456-8" "the client is unchanged"

# Alt keys as a terminal sends them: Esc and the letter at once (tmux's M-g), or Esc alone and
# the letter soon after; letters alone type into the filter (issue 14)
"${TM[@]}" send-keys -t cartera q
wait_for "Filter: q"
ok $? "q types into the filter" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera Escape
wait_for "Filter:              "
ok $? "Esc empties it" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera M-g
wait_for "Find a client"
ok $? "Alt-g (Esc g in one write) opens Find" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera Escape
wait_for "of 41"
"${TM[@]}" send-keys -t cartera Escape g
wait_for "Find a client"
ok $? "Esc then g, sent apart, is Alt-g too" || tap_diag "$PANE"
"${TM[@]}" send-keys -t cartera Escape
wait_for "of 41"
"${TM[@]}" send-keys -t cartera F10
wait_for "exit=0"
ok $? "F10 quits with exit status 0" || tap_diag "$PANE"
assert_not_contains "$PANE" "Clients" "the list is gone: the shell's screen is back"
assert_contains "$PANE" "shell>" "the shell prompt is back"
alt=$("${TM[@]}" display-message -p -t cartera '#{alternate_on}')
assert_eq 0 "$alt" "no alternate screen left on"
pgrep -f -- "--db $DB" >/dev/null
assert_eq 1 $? "the cartera process ended"
# the flags back on, printed as "icanon+echo+" (a text the command line itself does not hold)
"${TM[@]}" send-keys -t cartera "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' +; echo" Enter
wait_for "icanon+echo+"
ok $? "the terminal is back in cooked mode with echo" || tap_diag "$PANE"

done_testing
