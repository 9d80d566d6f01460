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

# The quick check (the default) reads every page and row; only --full compares each index with
# its table, entry by entry: an index whose entries no longer match its definition is found by
# --full alone.
DB=$T/index.db
cp "$CLEAN" "$DB"
sqlite3 -batch "$DB" "PRAGMA writable_schema = ON; UPDATE sqlite_master
	SET sql = 'CREATE INDEX documents_total ON documents(date)' WHERE name = 'documents_total';" ||
	fail "index: tampering failed"
cart check
assert_status 0 "the quick check does not compare indexes with their tables"
cart check --full
assert_status 1 "check --full exits 1 when an index disagrees with its table"
assert_contains "$OUT" "missing from index documents_total" "check --full names the index"
DB=$CLEAN
cart check --full
assert_status 0 "check --full of the clean demo"
cart check --help
assert_contains "$OUT" "--full" "check --help tells of --full"

done_testing
