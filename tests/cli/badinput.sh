#!/bin/bash
# tests/cli/badinput.sh: bad input is refused with a clear message on stderr, the documented exit
# status (2 bad usage or input, 1 refused or failed) and the ledger exactly as it was (compared
# by its full dump, or by the file's sha256 where SQLite cannot read it). TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# refused STATUS NEEDLE DESC CARTERA-ARGS...: runs cartera on $DB and expects it to refuse with
# STATUS, NEEDLE on stderr and the ledger's dump unchanged (three tests).
refused()
{
	local status=$1 needle=$2 desc=$3
	shift 3
	dump_save "$DB" refused
	cart "$@"
	assert_status "$status" "$desc: exit status $status"
	assert_contains "$ERR" "$needle" "$desc: stderr says what was wrong ($needle)"
	assert_dump_same "$DB" refused "$desc: the ledger is unchanged"
}

# ---- a small ledger to refuse things on ----
cart init --name "Comercial Andina SAS"
assert_status 0 "init"
cart client add "Grupo Uno SA" --tax-id 890903938
assert_status 0 "client 1 added"
cart invoice post 1 1.000,00 --date 2026-03-01
assert_status 0 "FAC-000001 1.000,00 posted"
cart payment post 1 250,00 --to FAC-000001=250,00 --date 2026-06-01
assert_status 0 "RC-000001 pays 250,00 of FAC-000001 (750,00 left open)"
cart invoice post --override "prueba" 1 500,00 --date 2026-06-10
assert_status 0 "FAC-000002 500,00 posted"
check_ok "the setup"

# ---- malformed amounts: exit 2 ----
refused 2 '"12,3x"' 'invoice total "12,3x"' invoice post 1 12,3x --date 2026-06-30
refused 2 '"1.23.4"' 'invoice total "1.23.4"' invoice post 1 1.23.4 --date 2026-06-30
refused 2 'invoice total' 'an empty invoice total' invoice post 1 "" --date 2026-06-30
refused 2 'invoice total' 'invoice total "-5" after --' invoice post 1 --date 2026-06-30 -- -5
refused 2 '-5' 'invoice total "-5" (no --: the message must name the amount, not an option)' \
	invoice post 1 -5 --date 2026-06-30
refused 2 'larger than the limit' 'invoice total "99999999999999999999"' \
	invoice post 1 99999999999999999999 --date 2026-06-30
refused 2 '"12,345"' 'invoice total with 3 decimals' invoice post 1 12,345 --date 2026-06-30
refused 2 'more than zero' 'invoice total 0,00' invoice post 1 0,00 --date 2026-06-30
refused 2 '"12,3x"' 'payment amount "12,3x"' payment post 1 12,3x --date 2026-06-30
refused 2 'amount received' 'an empty payment amount' payment post 1 "" --date 2026-06-30
refused 2 '"1.23.4"' 'credit note amount "1.23.4"' credit-note post 1 1.23.4 --against FAC-000001
refused 2 '"12,3x"' '--to FAC-000001=12,3x' payment post 1 100,00 --to FAC-000001=12,3x

# ---- malformed dates: exit 2 ----
refused 2 '"2026-02-30"' 'invoice --date 2026-02-30' invoice post 1 10,00 --date 2026-02-30
refused 2 '"30/06/2026"' 'invoice --date 30/06/2026' invoice post 1 10,00 --date 30/06/2026
refused 2 '"2026-02-30"' 'payment --date 2026-02-30' payment post 1 10,00 --date 2026-02-30
refused 2 '"30/06/2026"' 'payment --date 30/06/2026' payment post 1 10,00 --date 30/06/2026
refused 2 'date' 'an empty --date' invoice post 1 10,00 --date ""
refused 2 '"2026-02-30"' 'aging --asof 2026-02-30' aging --asof 2026-02-30
refused 2 '"2026-02-30"' '--today 2026-02-30' invoice post 1 10,00 --today 2026-02-30

# ---- unknown client or document: exit 1 ----
refused 1 '"Nadie SA"' 'an unknown client name' invoice post "Nadie SA" 10,00 --date 2026-06-30
refused 1 '"999"' 'an unknown client number' payment post 999 10,00 --date 2026-06-30
refused 1 '"FAC-999999"' 'payment --to an unknown invoice' payment post 1 10,00 --to FAC-999999
refused 1 '"FAC-999999"' 'void of an unknown document' void FAC-999999 --reason "no existe"
refused 1 '"RC-999999"' 'credit apply of an unknown document' credit apply RC-999999
refused 1 '"FAC-999999"' 'credit note against an unknown invoice' credit-note post 1 10,00 --against FAC-999999

# ---- allocations larger than what is open: exit 1 ----
refused 1 'FAC-000001' 'payment --to FAC-000001=750,01 (750,00 open)' \
	payment post 1 1.000,00 --to FAC-000001=750,01 --date 2026-06-30
assert_contains "$ERR" "750,00" "the over-allocation refusal says what is open (750,00)"
refused 1 '600,00' 'payment --to allocating more than received' \
	payment post 1 500,00 --to FAC-000001=600,00 --date 2026-06-30
refused 1 'FAC-000001' 'credit note 750,01 against FAC-000001 (750,00 open)' \
	credit-note post 1 750,01 --against FAC-000001 --date 2026-06-30
assert_contains "$ERR" "750,00" "the credit-note refusal says what the invoice has open (750,00)"

# ---- currency and format: exit 2 ----
refused 2 '"USD"' 'a currency the company does not use' invoice post 1 10,00 --currency USD
refused 2 '"USD"' 'a payment in a currency the company does not use' payment post 1 10,00 --currency USD
refused 2 '"xml"' '--format xml before the command' --format xml balance
refused 2 '"xml"' '--format xml after the command' balance --format xml

# ---- client records: exit 2 ----
refused 2 'DV 5' 'a NIT with a wrong --dv' client add "Tres SAS" --tax-id 890903938 --dv 5
refused 2 'tax id' 'a taxpayer without tax id' client add "Cuatro SAS"

# ---- other usage errors: exit 2 ----
refused 2 'must increase' 'aging --ranges 45,15' aging --ranges 45,15
refused 2 '"abc"' 'aging --ranges abc' aging --ranges abc
refused 2 '--instalments' 'invoice --instalments 0' invoice post 1 10,00 --instalments 0
refused 2 '--reason' 'void without --reason' void FAC-000002
refused 2 'before the invoice date' 'a due date before the invoice date' \
	invoice post 1 10,00 --date 2026-06-01 --due 2026-05-01

check_ok "all the refusals"

# ---- damaged files: exit 1, the file's bytes unchanged ----
RND="$T/random.db"
head -c 16384 /dev/urandom >"$RND"
sha=$(file_sha "$RND")
run "$CARTERA_BIN" --db "$RND" --today "$TODAY" balance
assert_status 1 "a file of random bytes: balance exits 1"
assert_contains "$ERR" "damaged or is not a cartera ledger" "a file of random bytes is called damaged"
run "$CARTERA_BIN" --db "$RND" --today "$TODAY" invoice post 1 10,00
assert_status 1 "a file of random bytes: invoice post exits 1"
assert_contains "$ERR" "damaged or is not a cartera ledger" "a file of random bytes is called damaged by a posting"
run "$CARTERA_BIN" --db "$RND" --today "$TODAY" check
assert_status 1 "a file of random bytes: check exits 1"
assert_eq "$sha" "$(file_sha "$RND")" "the file of random bytes is unchanged"
[ ! -e "$RND-wal" ] && [ ! -e "$RND-journal" ]
ok $? "no journal was left beside the random file"

# a real ledger cut short: a demo file if demo works, else this test's ledger
DEMO="$T/demo.db"
run "$CARTERA_BIN" --db "$DEMO" --today "$TODAY" demo --clients 30 --seed 7 --quiet
if [ "$RC" = 0 ] && [ -s "$DEMO" ]; then
	SRC=$DEMO
else
	echo "# demo failed (exit $RC: ${ERR//$'\n'/ }); truncating this test's ledger instead"
	sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
	SRC=$DB
fi
CUT="$T/truncated.db"
head -c 4096 "$SRC" >"$CUT"
sha=$(file_sha "$CUT")
run "$CARTERA_BIN" --db "$CUT" --today "$TODAY" balance
assert_status 1 "a truncated ledger: balance exits 1"
assert_contains "$ERR" "damaged or is not a cartera ledger" "a truncated ledger is called damaged"
run "$CARTERA_BIN" --db "$CUT" --today "$TODAY" payment post 1 10,00
assert_status 1 "a truncated ledger: payment post exits 1"
assert_contains "$ERR" "damaged or is not a cartera ledger" "a truncated ledger is called damaged by a posting"
run "$CARTERA_BIN" --db "$CUT" --today "$TODAY" check
assert_status 1 "a truncated ledger: check exits 1"
assert_eq "$sha" "$(file_sha "$CUT")" "the truncated ledger is unchanged"

EMPTY="$T/empty.db"
: >"$EMPTY"
run "$CARTERA_BIN" --db "$EMPTY" --today "$TODAY" balance
assert_status 1 "an empty file: balance exits 1"
assert_contains "$ERR" "not a cartera ledger" "an empty file is not a cartera ledger"
[ ! -s "$EMPTY" ]
ok $? "the empty file stays empty"

run "$CARTERA_BIN" --db "$T/missing.db" --today "$TODAY" balance
assert_status 1 "a missing ledger: balance exits 1"
assert_contains "$ERR" "cartera init" "a missing ledger: the message says how to create one"
[ ! -e "$T/missing.db" ]
ok $? "a missing ledger is not created by balance"

# ---- a ledger locked by another writer ----
# hold_lock FILE MARK RELEASE: another writer (the sqlite3 shell) holds FILE's write lock until
# the file RELEASE exists; it writes "locked" to MARK once BEGIN IMMEDIATE has succeeded.
hold_lock()
{
	(
		echo 'BEGIN IMMEDIATE;'
		echo "SELECT 'locked';"
		while [ ! -e "$3" ]; do sleep 0.05; done
		echo 'COMMIT;'
	) | sqlite3 "$1" >"$2" 2>&1
}
dump_save "$DB" lock
bg_start hold_lock "$DB" "$T/lock.mark" "$T/lock.release"
wait_until "$WAIT_SECS" grep -q '^locked$' "$T/lock.mark" 2>/dev/null
ok $? "another writer (sqlite3) holds the write lock"
run env CARTERA_BUSY_TIMEOUT=300 "$CARTERA_BIN" --db "$DB" --today "$TODAY" invoice post --override "prueba" 1 77,00 --date 2026-06-30
assert_status 1 "a posting while another writer holds the lock exits 1"
assert_contains "$ERR" "locked" "the message says the ledger is locked"
touch "$T/lock.release"
wait "$BG_PID"
assert_dump_same "$DB" lock "the locked-out posting wrote nothing"
run env CARTERA_BUSY_TIMEOUT=300 "$CARTERA_BIN" --db "$DB" --today "$TODAY" invoice post --override "prueba" 1 77,00 --date 2026-06-30
assert_status 0 "the same posting succeeds once the lock is released"
assert_match "$OUT" "^invoice FAC-[0-9]+ posted: 77,00 COP" "the posting after the lock is done"
check_ok "the lock"

# ---- a ledger from a newer cartera ----
NEW="$T/newer.db"
cp "$DB" "$NEW"
[ -e "$DB-wal" ] && cp "$DB-wal" "$NEW-wal"
sqlite3 "$NEW" 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = 99;' >/dev/null
dump_save "$NEW" newer
sha=$(file_sha "$NEW")
run "$CARTERA_BIN" --db "$NEW" --today "$TODAY" balance
assert_status 1 "a ledger with a newer schema: balance exits 1"
assert_contains "$ERR" "newer" "the message says the ledger is newer"
run "$CARTERA_BIN" --db "$NEW" --today "$TODAY" invoice post 1 10,00
assert_status 1 "a ledger with a newer schema: invoice post exits 1"
assert_contains "$ERR" "newer" "the posting's message says the ledger is newer"
assert_eq "$sha" "$(file_sha "$NEW")" "the newer ledger's bytes are unchanged"
assert_dump_same "$NEW" newer "the newer ledger is unchanged"
assert_eq 99 "$(sqlite3 "$NEW" 'PRAGMA user_version')" "the newer ledger keeps user_version 99"

# ---- CARTERA_TODAY=garbage: exit 2 ----
dump_save "$DB" today
run env CARTERA_TODAY=garbage "$CARTERA_BIN" --db "$DB" invoice post 1 10,00
assert_status 2 "CARTERA_TODAY=garbage exits 2"
assert_contains "$ERR" "CARTERA_TODAY" "the message names CARTERA_TODAY"
assert_contains "$ERR" '"garbage"' "the message quotes the bad value"
assert_dump_same "$DB" today "CARTERA_TODAY=garbage changed nothing"
run env CARTERA_TODAY=garbage "$CARTERA_BIN" --db "$DB" balance
assert_status 2 "CARTERA_TODAY=garbage: a report exits 2 too"
run env CARTERA_TODAY=2026-02-30 "$CARTERA_BIN" --db "$DB" balance
assert_status 2 "CARTERA_TODAY=2026-02-30 exits 2"

check_ok "everything"
done_testing
