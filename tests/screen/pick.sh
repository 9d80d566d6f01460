#!/bin/bash
# The pick-a-client dialog (dialog.h), opened from the client list with F3 / g ("Find"): a few
# letters of a name or a tax id filter it as they are typed, arrows move, Enter goes to the client
# in the list (clearing a list filter that hides it), Esc leaves the list as it was.
. "$(dirname "$0")/lib.sh"

cart demo --clients 40 --seed 5 --quiet
assert_status 0 "demo ledger with 40 clients"

screen '<F3><dump>gar<dump><Down><dump><Enter><dump>'
assert_status 0 "F3, typing, Down, Enter"
S=$(text 1)
assert_match "$(row "$S" 2)" '┌─ Find a client ─+┐' "F3 opens the dialog over the list"
assert_match "$(row "$S" 4)" '│ Filter: +1–16 of 40 │' "every client counted, 16 shown at 80x24"
assert_match "$(row "$S" 6)" '│ Adriana Giraldo Moya +38684003-5 +608 638 4617 +│' "the first client first"
assert_eq "Enter OK  Esc Cancel" "$(row "$S" 24)" "the dialog's key bar"
S=$(text 2)
expected="│ Filter: gar                                                     1–3 of 3 │
│ Name ▲                                    Tax id          Phone          │
│ Alejandro Garzón Peña                     38647721-8                     │
│ Camila García Solano                      61449232-2      608 662 7076   │
│ Édgar Sarmiento Uribe                     51999616-1      604 759 4274   │
│                                                                          │"
assert_eq "$expected" "$(sed -n '4,9p' <<<"$S" | sed 's/^..//; s/│..$/│/')" \
	"gar: the three clients with it in their names, accents aside"
A=$(attrs 2)
assert_match "$(row "$A" 6)" '^..4 R{72} 4' "the first match is selected"
A=$(attrs 3)
assert_match "$(row "$A" 7)" '^..4 R{72} 4' "Down selects the second"
S=$(text 4)
assert_contains "$(row "$S" 1)" "Clients" "Enter closes the dialog: the list"
assert_match "$(row "$S" 2)" '^Filter: +1–19 of 40$' "the list's own filter untouched"
sel=$(attrs 4 | grep -n "^$R80\$" | cut -d: -f1)
assert_match "$(row "$S" "$sel")" '^Camila García Solano +61449232-2 ' "the chosen client is selected in the list"
assert_eq "F1 Help Enter Open F2 New F4 Edit F6 Sort F10 Quit F3 Find F5 Import F7 Export" \
	"$(row "$S" 24)" "the list's key bar again (one blank apart: all of it fits at 80)"

# a tax id's digits; q types into the dialog's filter instead of quitting
screen '<A-g>901<dump><Backspace><Backspace><Backspace>q<dump><Esc><dump>'
S=$(text 1)
n=$(sed -n '6,21p' <<<"$S" | grep -c ' 901[0-9]*-[0-9]')
assert_match "$(row "$S" 4)" "1–$n of $n │" "g opens it too; 901 counts the clients whose tax id has it ($n)"
assert_match "$(row "$S" 6)" '│ Agropecuaria Acosta de Colombia S.A.S. +901981389-6' "whole names in the dialog"
S=$(text 2)
assert_match "$(row "$S" 4)" '│ Filter: q +' "q types into the filter"
assert_contains "$(row "$S" 2)" "Find a client" "and does not close anything"
S=$(text 3)
assert_not_contains "$S" "Find a client" "Esc closes the dialog"
assert_match "$(row "$S" 2)" '^Filter: +1–19 of 40$' "Esc: the list as it was"
sel=$(attrs 3 | grep -n "^$R80\$" | cut -d: -f1)
assert_eq 4 "$sel" "Esc: the first row still selected"

# nothing matches: Enter does nothing, Backspace widens
screen '<F3>zzzq<Enter><dump><Backspace><Backspace><Backspace><Backspace><End><dump><Enter><dump>'
S=$(text 1)
assert_match "$(row "$S" 4)" '│ Filter: zzzq  \(no client matches\) +0 of 0 │' "no match: said so"
assert_contains "$(row "$S" 2)" "Find a client" "Enter with nothing to pick keeps the dialog"
last=$(attrs 2 | grep -n 'R\{72\}' | cut -d: -f1)
last=$(text 2 | row "$(cat)" "$last" | sed 's/^..│ //; s/  .*//')
assert_match "$(text 2 | row "$(cat)" 4)" '25–40 of 40' "End: the last page"
S=$(text 3)
sel=$(attrs 3 | grep -n "^$R80\$" | cut -d: -f1)
assert_match "$(row "$S" "$sel")" "^$last " "End then Enter: the last client ($last), selected in the list"

# a list filter that hides the chosen client is cleared
screen 'Adriana<F3>Édgar<Enter><dump>'
S=$(text 1)
assert_match "$(row "$S" 2)" '^Filter: +[0-9]+–[0-9]+ of 40$' "the list filter that hid it is cleared"
sel=$(attrs 1 | grep -n "^$R80\$" | cut -d: -f1)
assert_match "$(row "$S" "$sel")" '^Édgar Sarmiento Uribe ' "and the client chosen is selected"

# a larger terminal: the dialog uses the height
screen '<F3><dump>' --size 120x40
S=$(text 1)
assert_match "$(row "$S" 4)" '│ Filter: +1–32 of 40 │' "at 120x40 the dialog shows 32 clients"

done_testing
