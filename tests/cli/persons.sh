#!/bin/bash
# tests/cli/persons.sh: the persons associated with a client (SPEC C2) from the command line:
# client person add | list | remove, client show listing them and where mail goes, the list in
# text, CSV and JSON; bad input refused with the field named, the documented exit status and
# the ledger exactly as it was (compared by its full dump). TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# refused STATUS NEEDLE DESC CARTERA-ARGS...: three tests, as in badinput.sh.
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

cart init --name "Comercial Andina SAS"
assert_status 0 "init"
cart client add "Grupo Uno SA" --tax-id 890903938 --email "pagos@grupouno.co; cartera@grupouno.co"
assert_status 0 "client 1 added"
cart client add "Beta Ltda" --tax-id 900123456
assert_status 0 "client 2 added"

# ---- add, by number, tax id with DV, tax id and name ----
cart client person add 890903938-8 --name "Ana Gómez" --role Contadora --email ana@grupouno.co \
	--phone "+57 604 555 1234"
assert_status 0 "add by tax id with DV"
assert_eq "person 1 added to client 1, Grupo Uno SA: Ana Gómez, Contadora" "$OUT" "add says who and where"
cart client person add 1 --name "  Luis Peña " --role "Gerente de compras" --email PAGOS@grupouno.co \
	--mobile "300 123 4567" --no-notify
assert_status 0 "add by number, --no-notify"
cart client person add 890903938 --name "Marta Ruiz" --role Tesorera
assert_status 0 "add by tax id, no e-mail"
cart client person add "Beta" --name "Pedro Soto" --role Gerente --email pedro@beta.co
assert_status 0 "add to another client by a name prefix"

# ---- list: text, csv, json ----
cart client person list 1
assert_status 0 "list"
assert_eq "id name role email phone mobile notify" "$(squeeze "$OUT" | sed -n 1p)" "list header"
assert_eq "1 Ana Gómez Contadora ana@grupouno.co +57 604 555 1234 yes" "$(line_of "$OUT" "1 ")" \
	"Ana's line"
assert_eq "2 Luis Peña Gerente de compras PAGOS@grupouno.co 300 123 4567 no" "$(line_of "$OUT" "2 ")" \
	"Luis: the name trimmed, his mobile, no mail"
assert_eq "3 Marta Ruiz Tesorera yes" "$(line_of "$OUT" "3 ")" "Marta's line"
assert_not_contains "$OUT" "Pedro" "another client's person is not listed"
n=$(squeeze "$OUT" | grep -c '^[0-9]')
assert_eq 3 "$n" "three persons, in the order they were added"

cart client person list 1 --format csv
assert_eq "id,name,role,email,phone,mobile,notify" "$(sed -n 1p <<<"$OUT" | tr -d '\r')" "csv header"
if [ "$HAVE_PYTHON" = 1 ]; then
	assert_eq "Gerente de compras" "$(csv_field "$OUT" 2 2)" "csv: Luis's role"
	assert_eq "no" "$(csv_field "$OUT" 2 6)" "csv: Luis receives no mail"
else
	skip "csv: Luis's role" "no python3"
	skip "csv: Luis receives no mail" "no python3"
fi
cart client person list 1 --format json
if [ "$HAVE_PYTHON" = 1 ] && json_valid "$OUT"; then
	pass "json parses"
	assert_eq "3" "$(json_eval "$OUT" 'len(d)')" "json: three persons"
	assert_eq "Ana Gómez|ana@grupouno.co|yes|1" \
		"$(json_eval "$OUT" '"|".join([d[0]["name"], d[0]["email"], d[0]["notify"], str(d[0]["id"])])')" \
		"json: Ana's name, e-mail, notify and numeric id"
else
	fail "json parses" "$OUT"
fi

# ---- client show lists them and where statements and reminders go ----
cart client show 1
assert_status 0 "client show"
assert_contains "$OUT" "  Persons:    1. Ana Gómez (Contadora)  ana@grupouno.co  +57 604 555 1234" \
	"show: Ana, first"
assert_contains "$OUT" "              2. Luis Peña (Gerente de compras)  PAGOS@grupouno.co  300 123 4567" \
	"show: Luis under her"
assert_contains "$OUT" "(receives no statements or reminders)" "show: Luis gets no mail"
assert_contains "$OUT" "  Mail to:    pagos@grupouno.co, cartera@grupouno.co, ana@grupouno.co" \
	"show: the client's addresses, then Ana's (Luis's is the client's own, and he is off)"
cart client show 2
assert_contains "$OUT" "Mail to:    pedro@beta.co" "show: a client with no e-mail of its own mails its person"
cart client add "Solo SAS" --tax-id 800197268
cart client show 3
assert_contains "$OUT" "Persons:    none" "show: no persons"
assert_contains "$OUT" "Mail to:    nobody (no e-mail on record)" "show: nobody to mail"

# ---- remove ----
cart client person remove 1 2
assert_status 0 "remove Luis"
assert_eq "person 2, Luis Peña, removed from client 1, Grupo Uno SA" "$OUT" "remove says who"
cart client person list 1 --format csv
assert_eq "id,name,role,email,phone,mobile,notify
1,Ana Gómez,Contadora,ana@grupouno.co,+57 604 555 1234,,yes
3,Marta Ruiz,Tesorera,,,,yes" "$(tr -d '\r' <<<"$OUT")" "Ana and Marta are left, in order"
cart client person add 1 --name "Zoe Abad" --email zoe@grupouno.co
cart client person list 1 --format csv
assert_eq "5,Zoe Abad,,zoe@grupouno.co,,,yes" "$(tr -d '\r' <<<"$OUT" | sed -n 4p)" "a new person goes last"

# ---- bad input: refused, the ledger unchanged ----
refused 2 'e-mail "marta@x"' 'an e-mail without a domain' client person add 1 --name Marta --email marta@x
refused 2 'e-mail "a b@c.co"' 'an e-mail with a blank' client person add 1 --name Marta --email "a b@c.co"
refused 2 "name is required" 'a blank name' client person add 1 --name "   "
refused 2 "--name" 'no --name' client person add 1 --email ana@x.co
refused 2 'phone "555-CALL"' 'letters in the phone' client person add 1 --name Ana --phone 555-CALL
refused 2 'mobile "300/123"' 'a slash in the mobile' client person add 1 --name Ana --mobile 300/123
refused 2 "too long" 'a name of 300 characters' client person add 1 --name "$(printf 'a%.0s' {1..300})"
refused 1 'no client matches "Nadie"' 'an unknown client' client person add Nadie --name Ana
refused 2 "one client" 'no client' client person add --name Ana
refused 1 "has no person number 4" "another client's person (Pedro, of Beta)" client person remove 1 4
refused 1 "has no person number 99" 'an unknown person' client person remove 1 99
refused 2 '"x"' 'a person number that is not one' client person remove 1 x
refused 2 "unknown action" 'an unknown action' client person rename 1 1
refused 2 "unknown option" 'an unknown option' client person add 1 --name Ana --fax 1

# at most 20 a client
for i in $(seq 1 17); do
	cart client person add 1 --name "Persona $i"
done
cart client person list 1 --format csv
assert_eq 21 "$(tr -d '\r' <<<"$OUT" | wc -l | tr -d ' ')" "20 persons (and the header)"
refused 1 "already has 20 associated persons" 'a 21st person' client person add 1 --name "Una más"

cart client person --help
assert_status 0 "client person --help"
assert_contains "$OUT" "--no-notify" "help lists --no-notify"
cart client --help
assert_contains "$OUT" "client person add|list|remove" "client help points at client person"

check_ok "persons"
done_testing
