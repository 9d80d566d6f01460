#!/bin/bash
# tests/cli/malformed.sh: one list of malformed inputs run through every posting command (issue
# 11). Each command checks its amounts, allocations, dates, tax ids and contact fields through the
# same controller function, so each bad input gets the same refusal from every command: exit 2,
# the same words on stderr, and the ledger exactly as it was. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# refused NEEDLE DESC CARTERA-ARGS...: exit 2, NEEDLE on stderr, the ledger's dump unchanged.
refused()
{
	local needle=$1 desc=$2
	shift 2
	dump_save "$DB" before
	cart "$@"
	assert_status 2 "$desc: exit status 2"
	assert_contains "$ERR" "$needle" "$desc: says \"$needle\""
	assert_dump_same "$DB" before "$desc: the ledger is unchanged"
}

cart init --name "Comercial Andina SAS"
cart client add "Grupo Uno SA" --tax-id 890903938
cart invoice post 1 1.000,00 --date 2026-03-01
cart payment post 1 300,00 --advance --date 2026-06-01
assert_status 0 "an advance ANT-000001 of 300,00"
cart tax list
check_ok "the setup"

# The postings that take an amount, each as "ARGS with @ where the amount goes".
amount_cmds=(
	'invoice post 1 @ --date 2026-06-30'
	'payment post 1 @ --date 2026-06-30'
	'receipt post 1 @ --date 2026-06-30'
	'receipt post 1 --transfer @ --date 2026-06-30'
	'credit-note post 1 @ --against FAC-000001 --date 2026-06-30'
	'opening post 1 @ --date 2026-01-01'
	'credit apply ANT-000001 --amount @ --date 2026-06-30'
	'refund ANT-000001 --amount @ --date 2026-06-30'
	'write-off ANT-000001 --amount @ --reason prueba --date 2026-06-30'
)
# Malformed amounts and the words every command must refuse them with.
bad_amounts=('12,3x|"12,3x"' '1.23.4|"1.23.4"' '12,345|"12,345"' '99999999999999999999|larger than the limit'
	'abc|"abc"')
for c in "${amount_cmds[@]}"; do
	for b in "${bad_amounts[@]}"; do
		v=${b%%|*} needle=${b#*|}
		read -r -a args <<< "${c//@/$v}"
		refused "$needle" "$v in: ${c//@/AMOUNT}" "${args[@]}"
	done
done
# Zero and negative amounts: never a posting. (opening post takes a signed balance: not here.)
for c in "${amount_cmds[@]}"; do
	case $c in opening*) continue ;; esac
	for v in 0 0,00 -5,00; do
		read -r -a args <<< "${c//@/$v}"
		refused "more than zero" "$v in: ${c//@/AMOUNT}" "${args[@]}"
	done
done

# Allocations "DOC=AMOUNT": empty, zero, negative, malformed, in every command that allocates.
alloc_cmds=(
	'payment post 1 100,00 --date 2026-06-30 --to @'
	'receipt post 1 100,00 --date 2026-06-30 --to @'
	'credit apply ANT-000001 --date 2026-06-30 --to @'
)
for c in "${alloc_cmds[@]}"; do
	for b in 'FAC-000001=|the amount to allocate to FAC-000001 is missing' \
		'FAC-000001=0|the amount to allocate to FAC-000001 "0" must be more than zero' \
		'FAC-000001=-10,00|the amount to allocate to FAC-000001 "-10,00" must be more than zero' \
		'FAC-000001=1x|the amount to allocate to FAC-000001: '; do
		v=${b%%|*} needle=${b#*|}
		read -r -a args <<< "${c//@/$v}"
		refused "$needle" "--to $v in: ${c//@/ALLOC}" "${args[@]}"
	done
done

# Dates: empty, impossible, day first: the same words from every posting.
date_cmds=(
	'invoice post 1 10,00 --date @'
	'invoice post 1 --line Servicio;1;10,00;1 --date @'
	'payment post 1 10,00 --date @'
	'receipt post 1 10,00 --date @'
	'credit-note post 1 10,00 --against FAC-000001 --date @'
	'opening post 1 10,00 --date @'
	'credit apply ANT-000001 --date @'
	'write-off ANT-000001 --reason prueba --date @'
	'void FAC-000001 --reason prueba --date @'
	'quote post 1 --line Servicio;1;10,00;1 --date @'
)
for c in "${date_cmds[@]}"; do
	for b in '|is empty (give a date YYYY-MM-DD)' '2026-02-30|"2026-02-30"' '30/06/2026|"30/06/2026"'; do
		v=${b%%|*} needle=${b#*|}
		args=()
		for w in ${c//@/__D__}; do
			[ "$w" = __D__ ] && w=$v
			args+=("$w")
		done
		refused "$needle" "date \"$v\" in: ${c//@/DATE}" "${args[@]}"
	done
done

# A client's fields: the same rules from `client add` as from the client form and the import.
long=$(printf '9%.0s' $(seq 40))
refused "is too long" "a 40-digit tax id is refused, not cut" client add "Largo SA" --tax-id "$long"
refused "e-mail" "e-mail \"bad-email\" from client add" client add "Correo SA" --tax-id 900123456 \
	--email bad-email
refused "phone" "phone \"12ab\" from client add" client add "Fono SA" --tax-id 900123456 --phone 12ab
refused "not an e-mail address (name@domain.com)" "the same words from client add and from the import" \
	client add "Correo SA" --tax-id 900123456 --email bad-email
printf 'name,tax_id,email\nCorreo SA,900123456,bad-email\n' > "$T/bad.csv"
dump_save "$DB" before
cart client import "$T/bad.csv"
assert_status 1 "e-mail \"bad-email\" from client import: a bad file exits 1, as every bad import"
assert_contains "$ERR" 'bad.csv:2: the e-mail "bad-email" is not an e-mail address' \
	"e-mail \"bad-email\" from client import: the words of client add, with the line"
assert_dump_same "$DB" before "e-mail \"bad-email\" from client import: the ledger is unchanged"
name=$(printf 'N%.0s' $(seq 210))
refused "the name is too long: 210 bytes" "a 210-character name is refused, not cut" client add "$name" \
	--receiver final
refused "the payment terms: days from 0 (cash) to 3650" \
	"the terms from client add are the form's check, in its words" client add "Plazo SA" \
	--tax-id 900123456 --terms 5000
refused "the tax id: required" "a taxpayer with no tax id: the form's words, naming the field" \
	client add "Sin NIT SA"
cart client add "Ana Ruiz" --receiver final
assert_status 0 "a final consumer with no tax id is added"
cart client show "Ana Ruiz"
assert_contains "$OUT" "natural" "without a tax id, a natural person (a legal one is registered)"

check_ok "after every refusal"
done_testing
