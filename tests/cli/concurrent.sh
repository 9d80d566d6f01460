#!/bin/bash
# tests/cli/concurrent.sh: several clerks post to one ledger at the same moment (SPEC P5). Four
# processes each post 25 invoices and 25 payments as fast as they can; afterwards every posting
# is there exactly once, the numbers have no gaps or repeats, the balances are the sums of what
# was posted, and check finds nothing wrong. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

CLERKS=4
EACH=25
cart init --name "Concurrencia SAS"
assert_status 0 "init"
for c in $(seq 1 $CLERKS); do
	cart client add "Cliente $c" --receiver final
done
assert_status 0 "clients added"

# clerk N: EACH invoices of 100,00 for client N, each followed by a payment of 40,00
clerk()
{
	local n=$1 i fails=0
	for i in $(seq 1 $EACH); do
		"$CARTERA_BIN" --db "$DB" --today "$TODAY" invoice post --override "prueba" "$n" 100,00 --date 2026-06-01 \
			>/dev/null 2>>"$T/clerk$n.err" || fails=$((fails + 1))
		"$CARTERA_BIN" --db "$DB" --today "$TODAY" payment post "$n" 40,00 --date 2026-06-15 \
			>/dev/null 2>>"$T/clerk$n.err" || fails=$((fails + 1))
	done
	echo "$fails" >"$T/clerk$n.fails"
}

for c in $(seq 1 $CLERKS); do
	clerk "$c" &
done
wait

total_fails=0
for c in $(seq 1 $CLERKS); do
	total_fails=$((total_fails + $(cat "$T/clerk$c.fails")))
done
assert_eq "$total_fails" 0 "no posting failed while $CLERKS clerks posted at once"
if [ "$total_fails" != 0 ]; then
	tap_diag "$(cat "$T"/clerk*.err | head -n 5)"
fi

n=$((CLERKS * EACH))
assert_eq "$(sqlite3 "$DB" "SELECT count(*) FROM documents WHERE type = 'invoice'")" "$n" \
	"every invoice is there once"
assert_eq "$(sqlite3 "$DB" "SELECT count(*) FROM documents WHERE type = 'receipt'")" "$n" \
	"every payment is there once"
assert_eq "$(sqlite3 "$DB" "SELECT count(DISTINCT number), max(number) FROM documents WHERE type = 'invoice'")" \
	"$n|FAC-$(printf '%06d' "$n")" "invoice numbers run FAC-000001 to FAC-$(printf '%06d' "$n") without gaps"
assert_eq "$(sqlite3 "$DB" "SELECT count(DISTINCT number), max(number) FROM documents WHERE type = 'receipt'")" \
	"$n|RC-$(printf '%06d' "$n")" "receipt numbers run without gaps"
for c in $(seq 1 $CLERKS); do
	cart --format csv balance "$c"
	# charges 25 x 100,00 = 2500.00, credits 25 x 40,00 = 1000.00, balance 1500.00
	assert_contains "$OUT" "COP,2500.00,1000.00,1500.00" "client $c: charges, payments and balance exact"
done
check_ok "$CLERKS clerks posting at once"

done_testing
