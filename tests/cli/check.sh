#!/bin/bash
# tests/cli/check.sh: `cartera check` finds damage that bypassed the program. Each case copies a
# clean demo ledger, breaks one invariant behind the triggers' back with the sqlite3 tool, and
# expects check to name the problem and exit 1. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

TODAY=2026-06-30
CLEAN=$T/clean.db
DB=$CLEAN
cart demo --clients 20 --invoices 200 --receipts 150 --seed 3 --quiet
assert_status 0 "demo ledger created"
check_ok "the demo"

# tamper NAME SQL EXPECTED: check on a copy broken by SQL reports EXPECTED and exits 1.
tamper()
{
	DB=$T/$1.db
	cp "$CLEAN" "$DB"
	sqlite3 -batch "$DB" "$2" || fail "$1: tampering failed"
	cart check
	assert_status 1 "check exits 1 after $1"
	assert_contains "$OUT" "$3" "check names the problem after $1"
}

tamper "an open amount changed" \
	"DROP TRIGGER entries_no_update; UPDATE entries SET open = open - 1
	 WHERE id = (SELECT min(id) FROM entries WHERE open > 0);" \
	"open, but its amount"
tamper "an allocation removed" \
	"DROP TRIGGER allocations_no_delete; DELETE FROM allocations
	 WHERE id = (SELECT min(id) FROM allocations WHERE amount > 0 AND instalment_id IS NULL);" \
	"less its allocations"
tamper "an entry's amount changed" \
	"DROP TRIGGER entries_no_update; UPDATE entries SET amount = amount + 100, open = open + 100
	 WHERE id = (SELECT min(id) FROM entries WHERE side = 'D' AND n_inst > 0);" \
	"do not add up"
tamper "a client renamed with the sqlite3 tool" \
	"UPDATE clients SET name = 'Ñandú Renombrado' WHERE id = 1;" \
	"client 1 (Ñandú Renombrado) is out of its place in the lists"
tamper "a number taken twice" \
	"UPDATE series SET next_number = next_number - 1 WHERE doc_type = 'invoice';" \
	"series has"
tamper "an entry moved to another client" \
	"DROP TRIGGER entries_no_update; UPDATE entries SET client_id = client_id % 20 + 1
	 WHERE id = (SELECT min(id) FROM entries WHERE code = 'CF' AND n_inst = 0);" \
	"another client"
tamper "an allocation's credit pointed at a charge" \
	"DROP TRIGGER IF EXISTS allocations_no_update; UPDATE allocations
	 SET credit_id = (SELECT charge_id FROM allocations WHERE id = 5) WHERE id = 3;" \
	"allocation 3 pairs entries that do not match: its credit is a charge"

# issue 17: the plain check reads the big tables' rows in C and every other table through
# SQLite's quick check and foreign key check; the same damage must still be found by it.
tamper "an orphan allocation (its charge gone)" \
	"PRAGMA foreign_keys = OFF; DROP TRIGGER IF EXISTS allocations_no_update; UPDATE allocations
	 SET charge_id = 999999 WHERE id = (SELECT min(id) FROM allocations WHERE amount > 0);" \
	"of allocations points to a missing entries"
tamper "an allocation's amount edited" \
	"DROP TRIGGER IF EXISTS allocations_no_update; UPDATE allocations SET amount = amount + 1
	 WHERE id = (SELECT min(id) FROM allocations WHERE amount > 0 AND instalment_id IS NULL);" \
	"less its allocations"
tamper "an entry pointing at a missing document" \
	"DROP TRIGGER entries_no_update; UPDATE entries SET document_id = 888888
	 WHERE id = (SELECT min(id) FROM entries);" \
	"of entries points to a missing documents"
tamper "a document of a missing client" \
	"DROP TRIGGER IF EXISTS documents_no_update; UPDATE documents SET client_id = 777
	 WHERE id = (SELECT max(id) FROM documents);" \
	"of documents points to a missing clients"
tamper "an instalment of a missing invoice" \
	"DROP TRIGGER IF EXISTS instalments_no_update; UPDATE instalments SET entry_id = 666666
	 WHERE id = (SELECT min(id) FROM instalments);" \
	"of instalments points to a missing entries"
tamper "an allocation to a missing instalment" \
	"DROP TRIGGER IF EXISTS allocations_no_update; UPDATE allocations SET instalment_id = 555555
	 WHERE id = (SELECT min(id) FROM allocations WHERE instalment_id IS NOT NULL);" \
	"of allocations points to a missing instalments"
tamper "a void of a missing document" \
	"DROP TRIGGER IF EXISTS documents_no_update; UPDATE documents SET voids_id = 444444
	 WHERE id = (SELECT min(id) FROM documents WHERE type = 'void');" \
	"of documents points to a missing documents"
tamper "a contact person of a missing client (a small table)" \
	"INSERT INTO client_persons (client_id, position, name) VALUES (333, 1, 'Nadie');" \
	"of client_persons points to a missing clients"
tamper "an entry's side flipped" \
	"DROP TRIGGER entries_no_update; PRAGMA ignore_check_constraints = ON; UPDATE entries SET side = 'C'
	 WHERE id = (SELECT min(charge_id) FROM allocations);" \
	"its charge is a credit"
tamper "an allocation pairing two clients" \
	"DROP TRIGGER IF EXISTS allocations_no_update; UPDATE allocations SET credit_id =
	 (SELECT e.id FROM entries e, allocations a WHERE a.id = (SELECT min(id) FROM allocations
	  WHERE amount > 0) AND e.side = 'C' AND e.client_id <> (SELECT client_id FROM entries
	  WHERE id = a.charge_id) LIMIT 1) WHERE id = (SELECT min(id) FROM allocations WHERE amount > 0);" \
	"two clients"
tamper "a kept balance edited" \
	"UPDATE balances SET charges = charges + 5 WHERE client_id = (SELECT min(client_id) FROM balances);" \
	"keeps charges"
tamper "a kept balance removed" \
	"DELETE FROM balances WHERE client_id = (SELECT min(client_id) FROM balances);" \
	"keeps charges 0 and credits 0, but its entries add up to"
tamper "an invoice's instalment edited" \
	"DROP TRIGGER IF EXISTS instalments_no_update; UPDATE instalments SET amount = amount + 3,
	 open = open + 3 WHERE id = (SELECT min(id) FROM instalments);" \
	"do not add up"
tamper "a document total out of range" \
	"DROP TRIGGER IF EXISTS documents_no_update; PRAGMA ignore_check_constraints = ON;
	 UPDATE documents SET total = 9000000000000000000 WHERE id = 1;" \
	"row 1 of documents holds an amount out of range"
assert_contains "$OUT" "the sums were not checked" "and says the sums were left out"

# Schema 023: what is kept open per currency, side and due date and the open entries kept per
# balance (the aging screen's totals, count and pages) are recomputed by check --full and a
# difference is named; the plain check leaves them alone.
tamper_full()
{
	DB=$T/$1.db
	cp "$CLEAN" "$DB"
	sqlite3 -batch "$DB" "$2" || fail "$1: tampering failed"
	cart check
	assert_status 0 "the plain check does not recompute $1"
	cart check --full
	assert_status 1 "check --full exits 1 after $1"
	assert_contains "$OUT" "$3" "check --full names the problem after $1"
}
tamper_full "an open charge's sum by due date edited" \
	"UPDATE due_open SET open = open + 7 WHERE side = 'D'
	 AND due = (SELECT min(due) FROM due_open WHERE side = 'D');" \
	"the charges kept open in COP due "
tamper_full "an open credit's sum by due date removed" \
	"DELETE FROM due_open WHERE side = 'C' AND due = (SELECT max(due) FROM due_open WHERE side = 'C');" \
	"but the open credits are"
tamper_full "a sum by due date with nothing open behind it" \
	"INSERT INTO due_open (currency, side, due, open) VALUES ('COP', 'D', '1999-01-01', 500);" \
	"the charges kept open in COP due 1999-01-01 add up to 500, but the open charges are 0"
tamper_full "a balance's count of open entries edited" \
	"UPDATE balances SET open_n = open_n + 1 WHERE client_id = (SELECT min(client_id) FROM balances);" \
	"open entries, but"
tamper_full "a balance's earliest open due date edited" \
	"UPDATE balances SET due_min = '2000-01-01' WHERE client_id = (SELECT min(client_id) FROM balances
	 WHERE open_n > 0);" \
	"keeps 2000-01-01 as the earliest due date of its open charges, but they say"
DB=$CLEAN

# A damaged page of the entries table: SQLite cannot read it, and the plain check says so.
DB=$T/page.db
cp "$CLEAN" "$DB"
psize=$(sqlite3 -batch "$DB" "PRAGMA page_size")
page=$(sqlite3 -batch "$DB" "SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf'
	ORDER BY pageno LIMIT 1 OFFSET 1")
if [ -n "$page" ] && [ -n "$psize" ]; then
	printf '\x55%.0s' $(seq 1 256) | dd of="$DB" bs=1 seek=$(( (page - 1) * psize + 8 )) conv=notrunc \
		2>/dev/null
	cart check
	ok "$([ "$RC" != 0 ]; echo $?)" "check fails on a damaged page of the entries"
	assert_match "$OUT$ERR" "malformed|corrupt|integrity" "and says the file is damaged"
else
	skip "the sqlite3 tool has no dbstat" 2
fi
# A damaged page of a small table (the clients) is found by its quick check.
DB=$T/page2.db
cp "$CLEAN" "$DB"
page=$(sqlite3 -batch "$DB" "SELECT pageno FROM dbstat WHERE name = 'clients'
	ORDER BY pageno LIMIT 1")
if [ -n "$page" ]; then
	printf '\x55%.0s' $(seq 1 256) | dd of="$DB" bs=1 seek=$(( (page - 1) * psize + 8 )) conv=notrunc \
		2>/dev/null
	cart check
	ok "$([ "$RC" != 0 ]; echo $?)" "check fails on a damaged page of a small table"
	assert_match "$OUT$ERR" "malformed|corrupt|integrity|SQLite" "and says the file is damaged"
else
	skip "the sqlite3 tool has no dbstat" 2
fi

# The plain check does not compare each index with its table; --full runs SQLite's integrity
# check, which does: an index whose entries no longer match its definition is found by --full
# alone.
DB=$T/index.db
cp "$CLEAN" "$DB"
sqlite3 -batch "$DB" "PRAGMA writable_schema = ON; UPDATE sqlite_master
	SET sql = 'CREATE INDEX documents_total ON documents(date)' WHERE name = 'documents_total';" ||
	fail "index: tampering failed"
cart check
assert_status 0 "the plain check does not compare indexes with their tables"
cart check --full
assert_status 1 "check --full exits 1 when an index disagrees with its table"
assert_contains "$OUT" "missing from index documents_total" "check --full names the index"
DB=$CLEAN
cart check --full
assert_status 0 "check --full of the clean demo"
cart check --help
assert_contains "$OUT" "--full" "check --help tells of --full"

done_testing
