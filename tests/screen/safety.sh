#!/bin/bash
# Safety on the screens (issue 15): U on the dashboard opens the audit trail (who did what, when),
# Enter opens the line's client's statement, F7 saves it as text; on one client's dashboard only
# that client's lines. Roles: with a supervisors' group the clerk is not in, an invoice over the
# credit limit is refused on screen with the group named, and nothing is posted.
. "$(dirname "$0")/lib.sh"
START=dashboard
sql() { sqlite3 -batch "$DB" "$1"; }

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
cart client add "Beta Ltda" --tax-id 800197268 --limit 1.000,00 --terms 30
cart invoice post "Grupo Uno SA" 100,00 --date 2026-04-01
cart invoice post "Beta Ltda" 200,00 --date 2026-04-02
assert_status 0 "the ledger is built"
ME=$(id -un)

# ---- the audit trail ----
screen '<A-U><dump>' --size 120x40
assert_status 0 "U on the dashboard opens the audit trail"
S=$(text 1)
assert_match "$(row "$S" 1)" 'Audit trail$' "its title"
assert_contains "$S" "Every client · Enter: the line's client's statement" "the scope line"
assert_match "$S" "^ +1 +20[0-9-]+ [0-9:]+ +$ME +company +Comercial Andina SAS" "line 1: the company, by the clerk"
assert_match "$S" " +4 +[0-9-]+ [0-9:]+ +$ME +invoice +FAC-000001 +FAC-000001" "line 4: the first invoice"
assert_match "$S" " +5 +[0-9-]+ [0-9:]+ +$ME +invoice +FAC-000002 +FAC-000002" "line 5: the second"

# Enter on a client's line: its statement
screen '<A-U><End><Enter><dump>' --size 120x40
assert_contains "$(text 1)" "Beta Ltda" "Enter opens the statement of the line's client"

# one client's dashboard: U lists that client's lines only
screen "<Enter><A-U><dump>" --size 120x40
S=$(text 1)
assert_not_contains "$(row "$S" 2)" "Every client" "one client's dashboard: the scope is a client"
assert_not_contains "$S" "company" "and the company's line is not there"
assert_match "$S" " invoice +FAC-00000[12] " "its invoice is"
assert_eq 1 "$(printf '%s\n' "$S" | grep -cE ' invoice +FAC-')" "and only its own"

# F7 saves it as text, private
( cd "$T" && screen '<A-U><F7><Enter><dump>' --size 120x40 )
F=$(ls "$T"/audit-*.txt 2>/dev/null | head -1)
if [ -n "$F" ]; then
	pass "F7 writes the audit as text"
	assert_contains "$(cat "$F")" "FAC-000002" "the file holds the lines"
	assert_eq 600 "$(stat -c %a "$F")" "the file is private (0600)"
else
	fail "F7 writes the audit as text" "$(text 1 | tail -3)"
	skip "the file holds the lines"
	skip "the file is private (0600)"
fi

# ---- roles on screen ----
cart company set --supervisors users
assert_status 0 "supervisors: the group users"
N=$(sql "SELECT count(*) FROM documents WHERE type = 'invoice'")
OVER='<A-i>Beta<Enter><F4>Equipo<Tab><Tab>1.500,00<Tab><Left><Left><Tab>'
screen "${OVER}<F9>approved<Enter><dump>"
S=$(text 1)
assert_contains "$S" "only a supervisor" "an override by a clerk outside the group is refused on screen"
assert_contains "$S" "users" "the message names the group"
assert_eq "$N" "$(sql "SELECT count(*) FROM documents WHERE type = 'invoice'")" "nothing was posted"

done_testing
