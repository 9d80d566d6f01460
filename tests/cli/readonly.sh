#!/bin/bash
# tests/cli/readonly.sh: a ledger the clerk may read but not write (issue 11). In a folder the
# clerk cannot write (no -wal or -shm file can be made there), and as a file of another group in
# a folder the clerk can write, every reading command works and shows what a writer sees, and a
# posting is refused saying why, with the ledger unchanged. Run as root, the clerk is "nobody"
# (setpriv); run as anyone else, the files' permissions are taken away from them.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Ana Álvarez SAS" --tax-id 890903938 --terms 30
cart invoice post --override prueba 1 1.000,00 --date 2026-03-01
cart payment post 1 1.150,00 --date 2026-06-01
assert_status 0 "a ledger: one invoice paid, 150,00 in favour"
cart aging
WANT_AGING=$OUT
cart balance 1
WANT_BALANCE=$OUT

AS=()
if [ "$(id -u)" = 0 ]; then
	if ! command -v setpriv >/dev/null 2>&1; then
		skip "read-only ledgers" "running as root without setpriv"
		done_testing
	fi
	AS=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
chmod 755 "$T"
# clerk ARGS...: cartera as the clerk who may not write, on $RO
clerk() { run "${AS[@]}" env CARTERA_LOCALEDIR="${CARTERA_LOCALEDIR:-}" "$CARTERA_BIN" --db "$RO" --today "$TODAY" "$@"; }

for kind in folder file; do
	mkdir -p "$T/$kind"
	RO="$T/$kind/ledger.db"
	sqlite3 "$DB" ".backup '$RO'"
	chmod 644 "$RO"
	if [ $kind = folder ]; then
		chmod 555 "$T/$kind"     # nobody may make the -wal and -shm files here
		[ ${#AS[@]} = 0 ] && chmod 444 "$RO"
	else
		chmod 777 "$T/$kind"     # the folder is open; the file is another's (owner only)
		[ ${#AS[@]} = 0 ] && chmod 444 "$RO"
	fi
	dump_save "$RO" "$kind"
	clerk aging
	assert_status 0 "$kind: aging reads a ledger the clerk may not write"
	assert_eq "$WANT_AGING" "$OUT" "$kind: the same aging a writer sees"
	clerk balance 1
	assert_status 0 "$kind: balance"
	assert_eq "$WANT_BALANCE" "$OUT" "$kind: the same balance"
	for cmd in "report aging --format csv" "report statement 1" "show FAC-000001" "client list" \
		"dashboard" "check" "--format json dashboard --tab overdue"; do
		# shellcheck disable=SC2086
		clerk $cmd
		assert_status 0 "$kind: $cmd reads"
		assert_not_contains "$ERR" "cannot write" "$kind: $cmd says nothing of writing"
	done
	clerk client add "Nuevo SAS" --receiver final
	assert_status 1 "$kind: a posting is refused"
	assert_contains "$ERR" "may read the ledger $RO but not write it" "$kind: and says why"
	clerk invoice post --override prueba 1 10,00
	assert_status 1 "$kind: an invoice is refused"
	assert_dump_same "$RO" "$kind" "$kind: the ledger is unchanged"
	chmod 755 "$T/$kind"
done

done_testing
