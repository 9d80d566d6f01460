#!/bin/bash
# tests/cli/country.sh: `cartera init --country` brings the country's currencies, the way its
# amounts are written and its tax rates (issue 16); what is given beside it wins; a country
# cartera does not know needs its currency. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# init_as CC [OPTIONS...]: a fresh ledger $T/CC.db for the country.
init_as()
{
	local cc=$1
	shift
	DB=$T/$cc.db
	cart init --name "Empresa $cc" --country "$cc" "$@"
}

# country CC CUR CUR2 AMOUNT_TYPED AMOUNT_SHOWN TAX
country()
{
	init_as "$1"
	assert_status 0 "$1: init exits 0"
	assert_eq "$1|$2|$3" "$(sqlite3 "$DB" "SELECT country, currency, currency2 FROM company")" \
		"$1: currency $2, second currency '${3}'"
	cart tax list
	assert_contains "$OUT" "$6" "$1: its tax rate $6"
	cart client add "Cliente Ñandú" --receiver final
	cart invoice post 1 "$4" --date 2026-06-01
	assert_status 0 "$1: an amount typed as $4"
	assert_contains "$OUT" "$5 $2" "$1: shown as $5 $2"
	assert_eq 123456 "$(sqlite3 "$DB" "SELECT total FROM documents WHERE number = 'FAC-000001'")" \
		"$1: stored as 123456 cents"
}

country PE PEN USD 1,234.56 1,234.56 "IGV 18%"
country CO COP "" 1.234,56 1.234,56 "IVA 19%"
country MX MXN "" 1,234.56 1,234.56 "IVA 16%"
country PA USD "" 1,234.56 1,234.56 "ITBMS 7%"
country EC USD "" 1.234,56 1.234,56 "IVA 15%"

# Peru's second currency is invoiced too
DB=$T/PE.db
cart invoice post 1 99.90 --currency USD --date 2026-06-01
assert_contains "$OUT" "99.90 USD" "PE: an invoice in USD"

# the country in any case; what is given beside it wins
init_as pe --currency USD --thousands-sep none
assert_eq "PE|USD||.|" "$(sqlite3 "$DB" "SELECT country, currency, currency2, dec_sep, thou_sep FROM company")" \
	"pe: the country upper-cased, --currency and --thousands-sep over its defaults, no second USD"

# a country cartera does not know: its currency is needed, and nothing is created without it
init_as AR
assert_status 2 "AR without --currency is a usage error"
assert_contains "$ERR" 'country "AR"' "it names the country"
[ -e "$T/AR.db" ] && fail "no ledger file for AR" || pass "no ledger file for AR"
init_as AR --currency ARS --decimal-sep , --thousands-sep .
assert_status 0 "AR with its currency"
assert_eq "AR|ARS|" "$(sqlite3 "$DB" "SELECT country, currency, currency2 FROM company")" "AR: ARS"

done_testing
