#!/bin/bash
# tests/cli/safety.sh: safe at the edges (issue 15). Private files under umask 022, outputs put in
# place whole (temp + rename, no symlinks, no overwrite without --force, kill -9 mid-run), exit
# codes a script can trust (stdout on /dev/full or a closed pipe after a posting), idempotency
# keys, text that cannot attack a terminal or a spreadsheet, `check` on a hand-edited ledger and
# a tampered audit, backup during concurrent writers, restore, roles by Unix group. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

umask 022
mode_of() { stat -c %a "$1" 2>/dev/null; }

# ---- 1. files ----
cart init --name "Seguridad SA"
assert_status 0 "init exits 0"
assert_eq 600 "$(mode_of "$DB")" "a new ledger is 0600 under umask 022"
cart client add "Ana Pérez" --receiver final
assert_status 0 "client add"
# SQLite gives -wal and -shm the main file's mode: look while a connection holds them
sqlite3 -batch "$DB" "SELECT count(*) FROM clients;" ".shell stat -c '%n %a' $DB-wal $DB-shm" \
	>"$T/walmodes" 2>&1
assert_eq "$DB-wal 600
$DB-shm 600" "$(grep -- '-wal\|-shm' "$T/walmodes")" "its -wal and -shm are 0600 too"

cart report aging --output "$T/aging.txt"
assert_status 0 "report aging --output writes a file"
assert_eq 600 "$(mode_of "$T/aging.txt")" "a report file is 0600 under umask 022"
cart client export "$T/clients.csv"
assert_eq 600 "$(mode_of "$T/clients.csv")" "a client export is 0600 under umask 022"
ls -a "$T" | grep -q '^\.aging\|^\.clients' && fail "no temporary file is left behind" || pass "no temporary file is left behind"

echo "yesterday's report" >"$T/aging.txt"
cart report aging --output "$T/aging.txt"
assert_refused 1 "already exists: give --force" "an existing report file without --force"
assert_eq "yesterday's report" "$(cat "$T/aging.txt")" "the existing file is left as it was"
cart report aging --output "$T/aging.txt" --force
assert_status 0 "with --force it is replaced"
assert_contains "$(cat "$T/aging.txt")" "Seguridad SA" "the replaced file holds the new report"

echo "secret" >"$T/victim"
ln -s "$T/victim" "$T/link.pdf"
cart report aging --output "$T/link.pdf" --force
assert_refused 1 "symbolic link" "a symlink at the output path (even with --force)"
assert_eq "secret" "$(cat "$T/victim")" "the symlink's target is untouched"
cart client export "$T/link.pdf" --force
assert_refused 1 "symbolic link" "client export refuses a symlink too"
mkdir "$T/stm"
ln -s "$T/victim" "$T/stm/statement-000001-ana-perez.pdf"
cart report statements --clients 1 --dir "$T/stm" --force
assert_refused 1 "symbolic link" "a --dir run refuses a symlink under a statement's name"
assert_eq "secret" "$(cat "$T/victim")" "and leaves its target alone"

# init --group: the multi-clerk set-up (README); a clerk outside the group hears which group
GROUP_DB=$T/shared/ledger.db
# the README's set-up: a setgid folder of the group, so the -wal and -shm clerks create are the
# group's too
mkdir -p "$T/shared"
chmod 755 "$T"
chgrp users "$T/shared" && chmod 2770 "$T/shared"
run "$CARTERA_BIN" --db "$GROUP_DB" init --name "Compartida" --group users
assert_status 0 "init --group users exits 0"
assert_eq "660 users" "$(stat -c '%a %G' "$GROUP_DB")" "the shared ledger is 0660 and group-owned"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	run setpriv --reuid=nobody --regid=nogroup --clear-groups "$CARTERA_BIN" --db "$GROUP_DB" balance
	assert_refused 1 "not in it" "a clerk outside the group cannot open it"
	assert_contains "$ERR" "users" "the message names the group to join"
	run setpriv --reuid=nobody --regid=nogroup --groups=users "$CARTERA_BIN" --db "$GROUP_DB" \
		--today "$TODAY" client add "Clerk Client" --receiver final
	assert_status 0 "a clerk in the group may post"
else
	skip "a clerk outside the group cannot open it" "needs root and setpriv"
	skip "the message names the group to join" "needs root and setpriv"
	skip "a clerk in the group may post" "needs root and setpriv"
fi

# a killed demo leaves no half ledger; demo then works
DEMO=$T/demo.db
"$CARTERA_BIN" --db "$DEMO" --today "$TODAY" demo --clients 3000 --quiet >/dev/null 2>&1 &
DEMO_PID=$!
sleep 0.7
kill -9 "$DEMO_PID" 2>/dev/null
wait "$DEMO_PID" 2>/dev/null
if [ -e "$DEMO" ]; then
	run sqlite3 -batch "$DEMO" "SELECT count(*) FROM clients"
	assert_eq 3000 "$OUT" "a killed demo leaves no ledger, or a whole one"
else
	pass "a killed demo leaves no ledger, or a whole one"
fi
run "$CARTERA_BIN" --db "$DEMO" --today "$TODAY" demo --clients 5 --quiet
if [ -e "$DEMO" ] && [ "$RC" != 0 ]; then
	assert_contains "$ERR" "already exists" "demo after a killed demo: refused only over a whole ledger"
else
	assert_status 0 "demo after a killed demo works"
fi

# kill -9 during a statement run: the old file intact, or a new one complete
BIG=$T/big.db
run "$CARTERA_BIN" --db "$BIG" --today "$TODAY" demo --clients 300 --quiet
assert_status 0 "a demo ledger for the statement runs"
run "$CARTERA_BIN" --db "$BIG" --today "$TODAY" report statements --all --output "$T/all.pdf"
assert_status 0 "a first statement run"
OLD_SHA=$(file_sha "$T/all.pdf")
bad=0
for delay in 0.2 0.5 0.9 1.4; do
	"$CARTERA_BIN" --db "$BIG" --today "$TODAY" report statements --all --output "$T/all.pdf" \
		--force --asof 2026-05-31 >/dev/null 2>&1 &
	p=$!
	sleep "$delay"
	kill -9 "$p" 2>/dev/null
	wait "$p" 2>/dev/null
	if [ "$(file_sha "$T/all.pdf")" != "$OLD_SHA" ] && ! qpdf --check "$T/all.pdf" >/dev/null 2>&1; then
		bad=$((bad + 1))
	fi
done
assert_eq 0 "$bad" "kill -9 during a statement run: the old file or a whole new one, every time"
bad=0
seen=0
for delay in 0.05 0.1 0.15 0.2 0.3 0.45; do
	rm -rf "$T/dir"
	"$CARTERA_BIN" --db "$BIG" --today "$TODAY" report statements --all --dir "$T/dir" \
		>/dev/null 2>&1 &
	p=$!
	sleep "$delay"
	kill -9 "$p" 2>/dev/null
	wait "$p" 2>/dev/null
	for f in "$T"/dir/statement-*.pdf; do
		[ -e "$f" ] || continue
		seen=$((seen + 1))
		qpdf --check "$f" >/dev/null 2>&1 || bad=$((bad + 1))
	done
done
tap_diag "$seen statements written before the kills"
assert_eq 0 "$bad" "kill -9 during a --dir run: every PDF under a statement's name is whole"

# ---- 2. exit codes and retries ----
run "$CARTERA_BIN" --db "$DB" --today "$TODAY" invoice post "Ana Pérez" 100,00
assert_status 0 "an invoice"
N0=$(sqlite3 -batch "$DB" "SELECT count(*) FROM documents WHERE type = 'invoice'")
"$CARTERA_BIN" --db "$DB" --today "$TODAY" invoice post "Ana Pérez" 10,00 >/dev/full 2>"$T/err"
RC=$?
assert_eq 0 "$RC" "a posting whose stdout is /dev/full exits 0"
assert_contains "$(cat "$T/err")" "was written to the ledger" "and says on stderr that it was posted"
assert_eq $((N0 + 1)) "$(sqlite3 -batch "$DB" "SELECT count(*) FROM documents WHERE type = 'invoice'")" \
	"exactly one document was posted"
"$CARTERA_BIN" --db "$DB" --today "$TODAY" invoice post "Ana Pérez" 11,00 2>"$T/err" | (exec 0<&-; sleep 0.2)
assert_eq 0 "${PIPESTATUS[0]}" "a posting into a closed pipe exits 0"
assert_eq $((N0 + 2)) "$(sqlite3 -batch "$DB" "SELECT count(*) FROM documents WHERE type = 'invoice'")" \
	"one more document, not two"
run "$CARTERA_BIN" --db "$DB" --today "$TODAY" client list >/dev/full
"$CARTERA_BIN" --db "$DB" --today "$TODAY" client list >/dev/full 2>/dev/null
assert_eq 1 "$?" "a listing that cannot be printed still exits 1 (nothing written)"

cart invoice post "Ana Pérez" 250,00 --key cron-2026-06-30-ana
assert_status 0 "an invoice with --key"
FIRST=$(printf '%s\n' "$OUT" | awk '{ print $2; exit }')
cart invoice post "Ana Pérez" 250,00 --key cron-2026-06-30-ana
assert_status 0 "the retry with the same key exits 0"
assert_contains "$OUT" "$FIRST" "the retry prints the document posted the first time"
assert_contains "$OUT" "already posted" "and says nothing was posted again"
assert_contains "$OUT" "250,00 COP, Ana Pérez" "with the first posting's amount and client"
assert_eq 1 "$(sqlite3 -batch "$DB" "SELECT count(*) FROM documents WHERE total = 25000")" \
	"one invoice for the key, not two"
cart payment post "Ana Pérez" 250,00 --to "$FIRST" --key cron-2026-06-30-ana
assert_status 0 "the same key on another document type posts it (keys are per type)"
cart payment post "Ana Pérez" 250,00 --to "$FIRST" --key cron-2026-06-30-ana
assert_status 0 "a retried payment exits 0 (its invoice is paid by now)"
assert_eq 1 "$(sqlite3 -batch "$DB" "SELECT count(*) FROM documents WHERE type = 'receipt' AND total = 25000")" \
	"one payment for the key"
cart receipt post "Ana Pérez" --cash 5,00 --key rc-retry
assert_status 0 "a receipt with --key"
RC_NO=$(printf '%s\n' "$OUT" | awk '{ print $2; exit }')
cart receipt post "Ana Pérez" --cash 5,00 --key rc-retry
assert_status 0 "the retried receipt exits 0"
assert_contains "$OUT" "$RC_NO was already posted" "and names the receipt posted the first time"
cart invoice post "Ana Pérez" --line "Servicio;1;30,00;" --key lines-retry
assert_status 0 "an invoice keyed by lines with --key"
cart invoice post "Ana Pérez" --line "Servicio;1;30,00;" --key lines-retry
assert_contains "$OUT" "already posted" "its retry posts nothing"
assert_eq 1 "$(sqlite3 -batch "$DB" "SELECT count(*) FROM doc_keys WHERE key = 'lines-retry'")" \
	"one key kept"
CARTERA_BUSY_TIMEOUT=soon cart balance
assert_refused 2 "CARTERA_BUSY_TIMEOUT" "a non-numeric CARTERA_BUSY_TIMEOUT is an error"
CARTERA_BUSY_TIMEOUT=2000 cart balance
assert_status 0 "a numeric CARTERA_BUSY_TIMEOUT is taken"

# ---- 3. text ----
dump_save "$DB" text
cart client add $'Evil\e]0;pwned\aCorp' --receiver final
assert_refused 2 "control character" "client add refuses an ESC sequence"
cart client add $'Bad \xff\xfe name' --receiver final
assert_refused 2 "UTF-8" "client add refuses invalid UTF-8"
cart invoice post "Ana Pérez" 1,00 --memo $'line\e[2J'
assert_refused 2 "control character" "invoice post refuses an ESC in the memo"
cart client add "Ana" --receiver final --email $'a@b.co\r\nBcc: x@y.z'
assert_refused 2 "control character" "an e-mail with a line end is refused"
printf 'name,tax_id\n"Mala\x1b[31m SA",\n' >"$T/evil.csv"
cart client import "$T/evil.csv"
assert_status 1 "the CSV client import refuses it too"
printf 'client,date,amount,reference\n1,2026-01-01,10,"REF\x1b[5m"\n' >"$T/evil-open.csv"
cart opening import "$T/evil-open.csv"
ok "$([ "$RC" != 0 ]; echo $?)" "opening import refuses an ESC in a reference"
LONG=$(printf 'ñ%.0s' $(seq 1 120))
cart client add "$LONG" --receiver final
assert_refused 2 "too long" "a 240-byte name is refused, not cut"
assert_contains "$ERR" "198" "the message gives the limit"
assert_dump_same "$DB" text "nothing of that reached the ledger"

# what is in the database already (hand-edited) is escaped on a terminal
sqlite3 -batch "$DB" "INSERT INTO clients (name, name_key, receiver_type, taxpayer_type, tax_id)
	VALUES ('Raw' || char(27) || '[31mRed', 'raw', 1, 0, '');" 2>"$T/err"
if command -v script >/dev/null; then
	script -qec "$CARTERA_BIN --db $DB --today $TODAY client show Raw" "$T/tty.out" >/dev/null 2>&1
	if grep -q $'\e\[31m' "$T/tty.out"; then
		fail "an ESC from the ledger reaches a terminal escaped" "$(cat -v "$T/tty.out" | head)"
	else
		pass "an ESC from the ledger reaches a terminal escaped"
	fi
	assert_contains "$(cat "$T/tty.out")" 'Raw\x1B[31mRed' "shown as \\x1B"
else
	skip "an ESC from the ledger reaches a terminal escaped" "no script(1)"
	skip "shown as \\x1B" "no script(1)"
fi
sqlite3 -batch "$DB" "DELETE FROM clients WHERE name_key = 'raw'"

cart client add "=HYPERLINK(\"http://x\")" --receiver final
assert_status 0 "a name starting with = is ordinary text"
cart client export "$T/formula.csv"
assert_contains "$(cat "$T/formula.csv")" "\"'=HYPERLINK" "CSV export neutralises a formula with a leading quote"
cart --format csv client list
assert_contains "$OUT" "'=HYPERLINK" "CSV listings neutralise it too"

# ---- 4. check ----
check_ok "the safety scenarios"
cp "$DB" "$T/tamper.db"
rm -f "$T/tamper.db-wal" "$T/tamper.db-shm"
sqlite3 -batch "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$DB" "$T/tamper.db"
sqlite3 -batch "$T/tamper.db" "DROP TRIGGER audit_no_update;
	UPDATE audit SET detail = 'nothing to see' WHERE id = 3;"
run "$CARTERA_BIN" --db "$T/tamper.db" --today "$TODAY" check
assert_status 1 "check exits 1 on an audit altered through sqlite3"
assert_contains "$OUT" "audit row 3 " "check names the first broken row"
cp "$DB" "$T/tamper2.db"
sqlite3 -batch "$T/tamper2.db" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 4;"
run "$CARTERA_BIN" --db "$T/tamper2.db" --today "$TODAY" check
assert_contains "$OUT" "audit row 5 " "a deleted audit row breaks the chain at the next one"
cp "$DB" "$T/bad.db"
sqlite3 -batch "$T/bad.db" "PRAGMA ignore_check_constraints = ON;
	UPDATE company SET decimals = 9, thou_sep = ','"
run "$CARTERA_BIN" --db "$T/bad.db" --today "$TODAY" check
assert_status 1 "check exits 1 on hand-edited company settings"
assert_contains "$OUT" "decimals are out of range" "check names the decimals"
cp "$DB" "$T/huge.db"
sqlite3 -batch "$T/huge.db" "DROP TRIGGER entries_no_update;
	UPDATE entries SET amount = 9000000000000000000, open = 9000000000000000000 WHERE side = 'D';"
run "$CARTERA_BIN" --db "$T/huge.db" --today "$TODAY" check
assert_status 1 "check exits 1 on amounts that overflow a sum"
assert_contains "$OUT" "out of range" "check names the amounts out of range"
assert_not_contains "$ERR" "runtime error" "no overflow while adding them up"
USER=mallory LOGNAME=mallory cart client add "Quién SA" --receiver final
assert_eq "$(id -un)" "$(sqlite3 -batch "$DB" "SELECT clerk FROM audit ORDER BY id DESC LIMIT 1")" \
	"the clerk comes from the uid, not \$USER"

# a rollback journal left by a kill: a read-only command recovers it
cp "$DB" "$T/hot.db"
"$PYTHON" - "$T/hot.db" <<'EOF'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode = TRUNCATE")
c.execute("PRAGMA cache_size = 1")
c.execute("BEGIN")
for i in range(3000):
    c.execute("INSERT INTO settings (name, value) VALUES (?, ?)", ("junk%d" % i, "x" * 200))
os._exit(0)
EOF
if [ -s "$T/hot.db-journal" ]; then
	run "$CARTERA_BIN" --db "$T/hot.db" --today "$TODAY" check
	assert_status 0 "a read-only command after a killed write recovers the journal"
	assert_eq 0 "$(sqlite3 -batch "$T/hot.db" "SELECT count(*) FROM settings WHERE name LIKE 'junk%'")" \
		"and the half-written transaction is gone"
else
	skip "a read-only command after a killed write recovers the journal" "no hot journal made"
	skip "and the half-written transaction is gone" "no hot journal made"
fi
# the same, for a clerk who may read the ledger but not write it: told what to do
cp "$DB" "$T/hot2.db"
"$PYTHON" - "$T/hot2.db" <<'EOF2'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode = TRUNCATE")
c.execute("PRAGMA cache_size = 1")
c.execute("BEGIN")
for i in range(3000):
    c.execute("INSERT INTO settings (name, value) VALUES (?, ?)", ("junk%d" % i, "x" * 200))
os._exit(0)
EOF2
chmod 644 "$T/hot2.db" "$T/hot2.db-journal" 2>/dev/null
if [ -s "$T/hot2.db-journal" ] && [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	run setpriv --reuid=nobody --regid=nogroup --clear-groups "$CARTERA_BIN" --db "$T/hot2.db" \
		--today "$TODAY" check
	assert_refused 1 "half-written" "a reader who cannot write is told the ledger was left half-written"
	assert_contains "$ERR" "open it once" "and what to do"
else
	skip "a reader who cannot write is told the ledger was left half-written" "needs root and setpriv"
	skip "and what to do" "needs root and setpriv"
fi

# ---- 5. backup, restore, roles, audit ----
BK=$T/bk.db
run "$CARTERA_BIN" --db "$BIG" --today "$TODAY" client list --limit 8
CL=$(sqlite3 -batch "$BIG" "SELECT id FROM clients WHERE active = 1 AND receiver_type = 1 LIMIT 8")
[ -n "$CL" ] || CL=$(sqlite3 -batch "$BIG" "SELECT id FROM clients WHERE active = 1 LIMIT 8")
pids=
for c in $CL; do
	(
		for i in $(seq 1 15); do
			CARTERA_BUSY_TIMEOUT=20000 "$CARTERA_BIN" --db "$BIG" --today "$TODAY" \
				payment post "$c" 1,00 >/dev/null 2>&1
		done
	) &
	pids="$pids $!"
done
sleep 0.5
CARTERA_BUSY_TIMEOUT=20000 run "$CARTERA_BIN" --db "$BIG" --today "$TODAY" backup "$BK"
assert_status 0 "backup while 8 clerks post"
assert_eq 600 "$(mode_of "$BK")" "the backup is 0600"
for p in $pids; do wait "$p"; done
run "$CARTERA_BIN" --db "$T/restored.db" --today "$TODAY" restore "$BK"
assert_status 0 "restore into a new ledger"
run "$CARTERA_BIN" --db "$T/restored.db" --today "$TODAY" check
assert_status 0 "the restored ledger's check is clean"
assert_contains "$OUT" " 0 problems" "0 problems"
run "$CARTERA_BIN" --db "$T/restored.db" --today "$TODAY" restore "$BK"
assert_refused 1 "--force" "restore over an existing ledger needs --force"
cart backup "$BK"
assert_refused 1 "already exists" "backup does not overwrite without --force"

cp "$BK" "$T/damaged.db"
printf '\x55%.0s' $(seq 1 4096) | dd of="$T/damaged.db" bs=1 seek=20480 conv=notrunc 2>/dev/null
run "$CARTERA_BIN" --db "$T/r2.db" restore "$T/damaged.db"
assert_refused 1 "damaged" "restore refuses a damaged backup"
ok "$([ ! -e "$T/r2.db" ]; echo $?)" "and writes nothing"
cp "$BK" "$T/newer.db"
sqlite3 -batch "$T/newer.db" "PRAGMA user_version = 99"
run "$CARTERA_BIN" --db "$T/r3.db" restore "$T/newer.db"
assert_refused 1 "newer cartera" "restore refuses a backup of a newer schema"
cp "$BK" "$T/tampered-bk.db"
sqlite3 -batch "$T/tampered-bk.db" "DROP TRIGGER audit_no_update; UPDATE audit SET clerk = 'x' WHERE id = 2"
run "$CARTERA_BIN" --db "$T/r4.db" restore "$T/tampered-bk.db"
assert_refused 1 "audit row 2" "restore refuses a backup whose audit was altered"

# roles: a supervisors' group for voids, overrides, refunds and write-offs
cart company set --supervisors users
assert_status 0 "company set --supervisors users"
cart void "$FIRST" --reason "mistake"
assert_refused 1 "supervisor" "a clerk outside the supervisors' group cannot void"
cart write-off "$RC_NO" --reason "bank charge"
assert_refused 1 "supervisor" "nor write off a credit"
cart company set --allow-refunds yes
cart refund "$RC_NO"
assert_refused 1 "supervisor" "nor refund one"
cart client add "Limite SA" --receiver final --limit 1,00
cart invoice post "Limite SA" 10,00 --override "the manager said so"
assert_refused 1 "supervisor" "nor override the credit check"
assert_eq 0 "$(sqlite3 -batch "$DB" "SELECT count(*) FROM documents d JOIN clients c ON c.id = d.client_id
	WHERE c.name = 'Limite SA'")" "nothing was posted for it"
assert_contains "$ERR" "users" "the message names the group"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	run setpriv --groups=users "$CARTERA_BIN" --db "$DB" --today "$TODAY" void "$FIRST" --reason "mistake"
	assert_status 0 "a supervisor may void"
	run setpriv --groups=users "$CARTERA_BIN" --db "$DB" company set --supervisors none
	assert_status 0 "a supervisor may lift the rule"
else
	skip "a supervisor may void" "needs root and setpriv"
	skip "a supervisor may lift the rule" "needs root and setpriv"
fi

cart audit --clerk "$(id -un)"
assert_status 0 "cartera audit exits 0"
assert_contains "$OUT" "$FIRST" "the audit lists the invoice"
assert_contains "$OUT" "client add" "and the clients added"
cart audit --client "Ana Pérez" --from 2000-01-01 --to 2999-12-31
assert_not_contains "$OUT" "Quién SA" "--client keeps to one client"
cart audit --clerk nobody-at-all
assert_eq 1 "$(printf '%s\n' "$OUT" | wc -l)" "--clerk with no lines prints the header alone"

done_testing
