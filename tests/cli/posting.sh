#!/bin/bash
# tests/cli/posting.sh: a hand-computed posting scenario in a COP company (2 decimals, ','
# decimal, '.' thousands), today fixed at 2026-06-30. Every figure below was worked out by hand;
# `cartera check` runs after every step. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# The squeezed "COP ..." row of `balance CLIENT` is
#   currency charges credits balance due overdue credits_open net
# bal [CLIENT] [--asof DATE]: runs `balance`, leaving the listing in $BAL_OUT and that row in $BAL.
bal()
{
	cart balance "$@"
	BAL_OUT=$OUT
	BAL=$(line_of "$OUT" "COP ")
}

# assert_open TEXT "LINE" DESC: the squeezed open-items listing TEXT holds LINE
#   document code date due [instalment] amount open days_overdue
assert_open()
{
	if squeeze "$1" | grep -qxF -- "$2"; then
		pass "$3"
	else
		fail "$3" "expected the open item: [$2]" "in:" "$(squeeze "$1" | grep -E '^(FAC|RC|ANT|SI|NC)-')"
	fi
}

assert_not_open()
{
	if squeeze "$1" | grep -q -- "^$2 "; then
		fail "$3" "$2 should not be open:" "$(squeeze "$1" | grep -- "^$2 ")"
	else
		pass "$3"
	fi
}

# The squeezed aging row of a client: id name currency not_due ranges... open credits net oldest
aging_row()
{
	line_of "$OUT" "$1 "
}

# ---- the company and its clients ----
cart init --name "Comercial Andina SAS" --country CO --date-order ymd --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
assert_status 0 "init of a COP company exits 0"
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
assert_status 0 "client 1 added"
cart client add "Cuotas Ltda" --tax-id 899999068
assert_status 0 "client 2 added"
cart client add "Apertura SAS" --tax-id 800197268
assert_status 0 "client 3 added"
assert_contains "$OUT" "800197268-4" "NIT 800197268 gets DV 4"
cart client add "Items SAS" --tax-id 860034313
assert_status 0 "client 4 added"
assert_contains "$OUT" "860034313-7" "NIT 860034313 gets DV 7"
cart client add "Saldo a Favor" --taxpayer natural --receiver final
assert_status 0 "client 5 added"
check_ok "adding the clients"

# ---- three invoices ----
cart invoice post --override "prueba" 1 1.000,00 --date 2026-03-01
assert_status 0 "invoice 1.000,00 exits 0"
assert_contains "$OUT" "invoice FAC-000001 posted: 1.000,00 COP, Grupo Uno SA" "FAC-000001 posted"
assert_contains "$OUT" "due 2026-03-31" "FAC-000001 due 2026-03-31 (30 days' terms)"
cart invoice post --override "prueba" 1 2.500,50 --date 2026-05-15
assert_status 0 "invoice 2.500,50 exits 0"
assert_contains "$OUT" "FAC-000002 posted: 2.500,50 COP" "FAC-000002 posted"
assert_contains "$OUT" "due 2026-06-14" "FAC-000002 due 2026-06-14"
cart invoice post --override "prueba" 1 300,00 --date 2026-06-01
assert_status 0 "invoice 300,00 exits 0"
assert_contains "$OUT" "due 2026-07-01" "FAC-000003 due 2026-07-01"
check_ok "three invoices"

bal 1
assert_eq "COP 3.800,50 0,00 3.800,50 300,00 3.500,50 0,00 3.800,50" "$BAL" \
	"balance: 3.800,50 charged, 300,00 due, 3.500,50 overdue"
assert_open "$BAL_OUT" "FAC-000001 CF charge 2026-03-01 2026-03-31 1.000,00 1.000,00 91" "FAC-000001 open, 91 days overdue"
assert_open "$BAL_OUT" "FAC-000002 CF charge 2026-05-15 2026-06-14 2.500,50 2.500,50 16" "FAC-000002 open, 16 days overdue"
assert_open "$BAL_OUT" "FAC-000003 CF charge 2026-06-01 2026-07-01 300,00 300,00 0" "FAC-000003 open, not yet due"

# ---- a payment of 3.000,00, oldest first ----
cart payment post 1 3.000,00 --date 2026-06-20 --method transfer
assert_status 0 "payment 3.000,00 exits 0"
assert_contains "$OUT" "payment RC-000001 posted: 3.000,00 COP, Grupo Uno SA" "RC-000001 posted"
assert_not_contains "$OUT" "credit in favour" "a payment that is all allocated leaves no credit"
check_ok "payment 3.000,00"
bal 1
assert_eq "COP 3.800,50 3.000,00 800,50 300,00 500,50 0,00 800,50" "$BAL" \
	"after 3.000,00 oldest first the net balance is 800,50"
assert_not_open "$BAL_OUT" FAC-000001 "FAC-000001 is paid in full"
assert_open "$BAL_OUT" "FAC-000002 CF charge 2026-05-15 2026-06-14 2.500,50 500,50 16" "FAC-000002 has 500,50 open"
assert_open "$BAL_OUT" "FAC-000003 CF charge 2026-06-01 2026-07-01 300,00 300,00 0" "FAC-000003 untouched"

cart aging
assert_status 0 "aging exits 0"
assert_eq "1 Grupo Uno SA COP 300,00 500,50 0,00 0,00 0,00 800,50 0,00 800,50" "$(aging_row 1)" \
	"aging today after the payment"
cart aging --asof 2026-06-19
assert_status 0 "aging --asof exits 0"
assert_contains "$OUT" "As of 2026-06-19" "aging --asof says the date"
assert_eq "1 Grupo Uno SA COP 300,00 2.500,50 0,00 1.000,00 0,00 3.800,50 0,00 3.800,50" "$(aging_row 1)" \
	"aging as of the day before the payment: FAC-000001 open again, 80 days (61-90)"
bal 1 --asof 2026-06-19
assert_eq "COP 3.800,50 0,00 3.800,50 300,00 3.500,50 0,00 3.800,50" "$BAL" \
	"balance as of the day before the payment leaves the payment out"
assert_open "$BAL_OUT" "FAC-000001 CF charge 2026-03-01 2026-03-31 1.000,00 1.000,00 80" "as of 2026-06-19 FAC-000001 is open"

# ---- a partial payment of one invoice ----
cart payment post 1 100,00 --to FAC-000003=100,00 --date 2026-06-25
assert_status 0 "payment --to FAC-000003=100,00 exits 0"
assert_contains "$OUT" "RC-000002 posted: 100,00 COP" "RC-000002 posted"
check_ok "a partial payment"
bal 1
assert_eq "COP 3.800,50 3.100,00 700,50 200,00 500,50 0,00 700,50" "$BAL" \
	"balance after the partial payment: 700,50"
assert_open "$BAL_OUT" "FAC-000003 CF charge 2026-06-01 2026-07-01 300,00 200,00 0" "FAC-000003 has 200,00 open"
assert_open "$BAL_OUT" "FAC-000002 CF charge 2026-05-15 2026-06-14 2.500,50 500,50 16" "FAC-000002 is not touched by --to FAC-000003"

# ---- an overpayment ----
cart payment post 1 1.000,00 --date 2026-06-26
assert_status 0 "an overpayment exits 0"
assert_contains "$OUT" "RC-000003 posted: 1.000,00 COP, Grupo Uno SA; 299,50 left as a credit in favour" \
	"the overpayment says 299,50 is left as a credit in favour"
check_ok "an overpayment"
bal 1
assert_eq "COP 3.800,50 4.100,00 -299,50 0,00 0,00 299,50 -299,50" "$BAL" \
	"after the overpayment the client has 299,50 in favour"
assert_not_open "$BAL_OUT" FAC-000002 "FAC-000002 is paid"
assert_not_open "$BAL_OUT" FAC-000003 "FAC-000003 is paid"
assert_open "$BAL_OUT" "RC-000003 AA credit 2026-06-26 2026-06-26 299,50 299,50 0" "RC-000003 holds 299,50 in favour"

# ---- an advance ----
cart payment post 1 250,00 --advance --date 2026-06-27
assert_status 0 "an advance exits 0"
assert_contains "$OUT" "advance ANT-000001 posted: 250,00 COP, Grupo Uno SA; 250,00 left as a credit in favour" \
	"the advance is all a credit in favour"
check_ok "an advance"
bal 1
assert_eq "COP 3.800,50 4.350,00 -549,50 0,00 0,00 549,50 -549,50" "$BAL" \
	"after the advance 549,50 in favour"
assert_open "$BAL_OUT" "ANT-000001 AA credit 2026-06-27 2026-06-27 250,00 250,00 0" "ANT-000001 holds 250,00"

# ---- applying credits ----
cart invoice post --override "prueba" 1 400,00 --date 2026-06-28
assert_status 0 "invoice 400,00 exits 0"
assert_contains "$OUT" "FAC-000004 posted: 400,00 COP" "FAC-000004 posted"
cart credit apply ANT-000001 --to FAC-000004=250,00 --date 2026-06-29
assert_status 0 "credit apply of the advance to FAC-000004 exits 0"
assert_contains "$OUT" "applied 250,00 COP from ANT-000001" "250,00 of the advance applied"
check_ok "applying the advance"
bal 1
assert_eq "COP 4.200,50 4.350,00 -149,50 150,00 0,00 299,50 -149,50" "$BAL" \
	"after applying the advance: 150,00 due, 299,50 in favour, net -149,50"
assert_open "$BAL_OUT" "FAC-000004 CF charge 2026-06-28 2026-07-28 400,00 150,00 0" "FAC-000004 has 150,00 open"
assert_not_open "$BAL_OUT" ANT-000001 "the advance is used up"

dump_save "$DB" apply
cart credit apply ANT-000001 --date 2026-06-29
assert_status 1 "applying a used-up advance again exits 1"
assert_contains "$ERR" "ANT-000001 holds no credit in favour" "the refusal says the advance has no credit left"
assert_dump_same "$DB" apply "the refused application changed nothing"

cart credit apply RC-000003 --amount 100,00 --date 2026-06-29
assert_status 0 "credit apply --amount 100,00 of the overpayment exits 0"
assert_contains "$OUT" "applied 100,00 COP from RC-000003" "100,00 of the overpayment applied"
assert_contains "$OUT" "199,50 left" "199,50 of the overpayment is left"
check_ok "applying part of the overpayment"
bal 1
assert_eq "COP 4.200,50 4.350,00 -149,50 50,00 0,00 199,50 -149,50" "$BAL" \
	"after applying 100,00: 50,00 due, 199,50 in favour"
assert_open "$BAL_OUT" "FAC-000004 CF charge 2026-06-28 2026-07-28 400,00 50,00 0" "FAC-000004 has 50,00 open"
assert_open "$BAL_OUT" "RC-000003 AA credit 2026-06-26 2026-06-26 299,50 199,50 0" "RC-000003 holds 199,50"

# ---- a credit note against an invoice ----
cart invoice post --override "prueba" 1 500,00 --date 2026-06-29
assert_status 0 "invoice 500,00 exits 0"
cart credit-note post 1 120,25 --against FAC-000005 --reason "devolución de mercancía" --date 2026-06-30
assert_status 0 "credit-note post --against exits 0"
assert_contains "$OUT" "credit note NC-000001 posted: 120,25 COP, Grupo Uno SA" "NC-000001 posted"
check_ok "a credit note"
bal 1
assert_eq "COP 4.700,50 4.470,25 230,25 429,75 0,00 199,50 230,25" "$BAL" \
	"after the credit note: 429,75 due, net 230,25"
assert_open "$BAL_OUT" "FAC-000005 CF charge 2026-06-29 2026-07-29 500,00 379,75 0" "FAC-000005 has 379,75 open"
assert_not_open "$BAL_OUT" NC-000001 "a credit note against an invoice leaves no credit in favour"

# ---- instalments ----
cart invoice post --override "prueba" 2 1.000,00 --date 2026-06-10 --instalments 3
assert_status 0 "invoice --instalments 3 exits 0"
assert_contains "$OUT" "FAC-000006 posted: 1.000,00 COP, Cuotas Ltda" "FAC-000006 posted"
check_ok "an invoice in instalments"
bal 2
assert_eq "COP 1.000,00 0,00 1.000,00 1.000,00 0,00 0,00 1.000,00" "$BAL" "balance of client 2"
assert_open "$BAL_OUT" "FAC-000006 CF charge 2026-06-10 2026-07-10 1 333,34 333,34 0" "instalment 1: 333,34 due 2026-07-10"
assert_open "$BAL_OUT" "FAC-000006 CF charge 2026-06-10 2026-08-10 2 333,33 333,33 0" "instalment 2: 333,33 due 2026-08-10"
assert_open "$BAL_OUT" "FAC-000006 CF charge 2026-06-10 2026-09-10 3 333,33 333,33 0" "instalment 3: 333,33 due 2026-09-10"
assert_eq 3 "$(open_items_of "$BAL_OUT" FAC-000006 | wc -l)" "exactly 3 instalments"

cart payment post 2 400,00 --date 2026-06-30
assert_status 0 "a payment on the instalments exits 0"
check_ok "paying instalments"
bal 2
assert_eq "COP 1.000,00 400,00 600,00 600,00 0,00 0,00 600,00" "$BAL" "client 2 owes 600,00"
assert_open "$BAL_OUT" "FAC-000006 CF charge 2026-06-10 2026-08-10 2 333,33 266,67 0" "400,00 paid instalment 1 and 66,66 of instalment 2"
assert_open "$BAL_OUT" "FAC-000006 CF charge 2026-06-10 2026-09-10 3 333,33 333,33 0" "instalment 3 untouched"
assert_eq 2 "$(open_items_of "$BAL_OUT" FAC-000006 | wc -l)" "instalment 1 is closed"

cart invoice post --override "prueba" 2 200,00 --date 2026-06-15 --instalments 2
assert_status 0 "a second invoice in instalments exits 0"
check_ok "a second invoice in instalments"
bal 2
assert_open "$BAL_OUT" "FAC-000007 CF charge 2026-06-15 2026-07-15 1 100,00 100,00 0" "the second invoice's instalments are numbered from 1"
assert_open "$BAL_OUT" "FAC-000007 CF charge 2026-06-15 2026-08-15 2 100,00 100,00 0" "the second invoice's instalment 2, due 2026-08-15"

# ---- opening balances ----
cart opening post 3 5.000,00 --date 2026-01-01
assert_status 0 "opening post of a balance exits 0"
assert_contains "$OUT" "opening balance SI-000001 posted: 5.000,00 COP, Apertura SAS" "SI-000001 posted"
check_ok "an opening balance"

dump_save "$DB" opening
cart invoice post --override "prueba" 3 100,00 --date 2025-12-31
assert_status 1 "an invoice dated before the opening balance exits 1"
assert_contains "$ERR" "before the client's opening balance of 2026-01-01" "the refusal gives the opening date"
assert_dump_same "$DB" opening "the refused invoice changed nothing"

cart invoice post --override "prueba" 3 100,00 --date 2026-01-01
assert_status 0 "an invoice on the opening date itself is accepted"
check_ok "an invoice on the opening date"
bal 3
assert_eq "COP 5.100,00 0,00 5.100,00 0,00 5.100,00 0,00 5.100,00" "$BAL" "balance of client 3"
assert_open "$BAL_OUT" "SI-000001 CSI charge 2026-01-01 2026-01-01 5.000,00 5.000,00 180" "the opening balance is an open CSI charge"
assert_open "$BAL_OUT" "FAC-000008 CF charge 2026-01-01 2026-01-31 100,00 100,00 150" "FAC-000008 150 days overdue"

cart opening post 4 1.200,00 --item --date 2025-11-01 --ref F-99
assert_status 0 "opening post --item exits 0"
assert_contains "$OUT" "opening item SI-000002 posted: 1.200,00 COP, Items SAS" "SI-000002 posted"
cart opening post 4 800,00 --item --date 2025-12-15 --due 2026-02-15 --ref F-120
assert_status 0 "opening post --item --due exits 0"
check_ok "opening items"
bal 4
assert_eq "COP 2.000,00 0,00 2.000,00 0,00 2.000,00 0,00 2.000,00" "$BAL" "balance of client 4"
assert_open "$BAL_OUT" "SI-000002 CSI charge 2025-11-01 2025-12-01 1.200,00 1.200,00 211" "the old invoice keeps its own dates"
assert_open "$BAL_OUT" "SI-000003 CSI charge 2025-12-15 2026-02-15 800,00 800,00 135" "the old invoice keeps its --due"
cart payment post 4 1.200,00 --to SI-000002 --date 2026-06-30
assert_status 0 "a payment of an opening item exits 0"
check_ok "paying an opening item"
bal 4
assert_eq "COP 2.000,00 1.200,00 800,00 0,00 800,00 0,00 800,00" "$BAL" "client 4 owes 800,00"
assert_not_open "$BAL_OUT" SI-000002 "SI-000002 is paid"

# ---- voiding a receipt ----
cart aging
assert_eq "1 Grupo Uno SA COP 429,75 0,00 0,00 0,00 0,00 429,75 199,50 230,25" "$(aging_row 1)" \
	"aging of client 1 before the void"
cart void RC-000001 --reason "cheque devuelto" --date 2026-06-30
assert_status 0 "void of RC-000001 exits 0"
assert_contains "$OUT" "RC-000001 voided by ANU-000001" "the void names its reversing document"
check_ok "a void"
bal 1
assert_eq "COP 7.700,50 4.470,25 3.230,25 429,75 3.000,00 199,50 3.230,25" "$BAL" \
	"after the void the 3.000,00 is owed again"
assert_open "$BAL_OUT" "FAC-000001 CF charge 2026-03-01 2026-03-31 1.000,00 1.000,00 91" "the void reopens FAC-000001"
assert_open "$BAL_OUT" "FAC-000002 CF charge 2026-05-15 2026-06-14 2.500,50 2.000,00 16" "the void reopens 2.000,00 of FAC-000002"
assert_open "$BAL_OUT" "RC-000003 AA credit 2026-06-26 2026-06-26 299,50 199,50 0" "the other receipts keep their allocations"
cart aging
assert_eq "1 Grupo Uno SA COP 429,75 2.000,00 0,00 0,00 1.000,00 3.429,75 199,50 3.230,25" "$(aging_row 1)" \
	"aging of client 1 after the void"

dump_save "$DB" void
cart void RC-000001 --reason "otra vez" --date 2026-06-30
assert_status 1 "voiding RC-000001 twice exits 1"
assert_contains "$ERR" "RC-000001 is already voided by ANU-000001" "the refusal names the earlier void"
assert_dump_same "$DB" void "the refused void changed nothing"

# as of a past date, what came later (payments, voids) is left out (L6)
cart aging --asof 2026-06-25
assert_eq "1 Grupo Uno SA COP 200,00 500,50 0,00 0,00 0,00 700,50 0,00 700,50" "$(aging_row 1)" \
	"aging as of 2026-06-25: RC-000001 counts, its later void does not"
cart aging --asof 2026-06-19
assert_eq "1 Grupo Uno SA COP 300,00 2.500,50 0,00 1.000,00 0,00 3.800,50 0,00 3.800,50" "$(aging_row 1)" \
	"aging as of 2026-06-19 is the same as before the void"
check_ok

# ---- an opening credit (negative amount) ----
cart opening post 5 -150,00 --date 2026-01-01
assert_status 0 "opening post CLIENT -150,00 (a credit, as --help documents) exits 0"
if [ "$RC" != 0 ]; then
	echo "# (posting it with '--' so the scenario goes on)"
	cart opening post 5 --date 2026-01-01 -- -150,00
fi
assert_contains "$OUT" "150,00 left as a credit in favour" "the opening credit says 150,00 is in favour"
check_ok "an opening credit"
bal 5
assert_eq "COP 0,00 150,00 -150,00 0,00 0,00 150,00 -150,00" "$BAL" "client 5 has 150,00 in favour"

# ---- the whole aging, default ranges and --ranges 15,45 ----
cart aging
assert_status 0 "aging of all clients exits 0"
assert_match "$OUT" '^ +# +Client +Cur\. +Not due +1-30 +31-60 +61-90 +Over 90 +Open charges +Credits in favour +Net' \
	"aging columns with the default ranges 30,60,90"
assert_eq "3 Apertura SAS COP 0,00 0,00 0,00 0,00 5.100,00 5.100,00 0,00 5.100,00" "$(aging_row 3)" "aging of client 3"
assert_eq "2 Cuotas Ltda COP 800,00 0,00 0,00 0,00 0,00 800,00 0,00 800,00" "$(aging_row 2)" "aging of client 2"
assert_eq "4 Items SAS COP 0,00 0,00 0,00 0,00 800,00 800,00 0,00 800,00" "$(aging_row 4)" "aging of client 4"
assert_eq "5 Saldo a Favor COP 0,00 0,00 0,00 0,00 0,00 0,00 150,00 -150,00" "$(aging_row 5)" "aging of client 5"
assert_eq "Total COP COP 1.229,75 2.000,00 0,00 0,00 6.900,00 10.129,75 349,50 9.780,25" "$(aging_row "Total COP")" \
	"aging totals"
assert_contains "$OUT" "COP: 5 clients; open charges 10.129,75 less credits in favour 349,50 = net 9.780,25." \
	"aging: open charges less credits in favour is the net"
assert_match "$(line_of "$OUT" "COP ")" '^COP 10\.129,75 10\.129,75 349,50 9\.780,25 9\.780,25$' \
	"aging check: the ranges add up, and the net equals the ledger balance"

cart aging --ranges 15,45
assert_status 0 "aging --ranges 15,45 exits 0"
assert_match "$OUT" '^ +# +Client +Cur\. +Not due +1-15 +16-45 +Over 45 +Open charges' "aging columns 1-15, 16-45, over 45"
assert_eq "1 Grupo Uno SA COP 429,75 0,00 2.000,00 1.000,00 3.429,75 199,50 3.230,25" "$(aging_row 1)" \
	"aging --ranges 15,45 of client 1"
assert_eq "Total COP COP 1.229,75 0,00 2.000,00 6.900,00 10.129,75 349,50 9.780,25" "$(aging_row "Total COP")" \
	"aging --ranges 15,45 totals"

cart dashboard
assert_status 0 "dashboard exits 0"
assert_eq "COP 1.229,75 6 8.900,00 5 349,50 2 9.780,25" "$(line_of "$OUT" "COP ")" \
	"dashboard: due, overdue, credits with their counts, net"
bal
assert_eq "COP 16.000,50 6.220,25 9.780,25 1.229,75 8.900,00 349,50 9.780,25" "$BAL" "balance of all clients"

# ---- CSV and JSON: plain amounts ----
cart --format csv balance 1
assert_status 0 "balance --format csv exits 0"
assert_eq "currency,charges,credits,balance,due,overdue,credits_open,net
COP,7700.50,4470.25,3230.25,429.75,3000.00,199.50,3230.25" "$(printf '%s\n' "$OUT" | tr -d '\r')" \
	"balance CSV with plain amounts"

cart --format json balance 1
assert_status 0 "balance --format json exits 0"
if [ "$HAVE_PYTHON" = 1 ]; then
	json_valid "$OUT"
	ok $? "balance JSON is valid"
	assert_eq "COP 7700.50 4470.25 3230.25 429.75 3000.00 199.50 3230.25" \
		"$(json_eval "$OUT" '" ".join(str(d[0][k]) for k in ("currency", "charges", "credits", "balance", "due", "overdue", "credits_open", "net"))')" \
		"balance JSON values are plain amounts"
else
	skip "balance JSON is valid" "no python3"
	skip "balance JSON values are plain amounts" "no python3"
fi

cart --format csv aging --asof 2026-06-19
assert_status 0 "aging --format csv --asof exits 0"
assert_eq "row,client,currency,not_due,1-30,31-60,61-90,over_90,open_charges,credits,net" \
	"$(printf '%s\n' "$OUT" | head -n 1 | tr -d '\r')" "aging CSV header"
assert_eq "data,Grupo Uno SA,COP,300.00,2500.50,0.00,1000.00,0.00,3800.50,0.00,3800.50" \
	"$(printf '%s\n' "$OUT" | tr -d '\r' | grep '^data,Grupo Uno')" "aging CSV row as of 2026-06-19 (2500.50, not 2.500,50)"

cart --format json aging --asof 2026-06-19
assert_status 0 "aging --format json --asof exits 0"
if [ "$HAVE_PYTHON" = 1 ]; then
	json_valid "$OUT"
	ok $? "aging JSON is valid"
	assert_eq "300.00 2500.50 1000.00 3800.50" \
		"$(json_eval "$OUT" '" ".join(str(r[k]) for r in d["tables"][0]["rows"] if r.get("ref") == 1 for k in ("not_due", "1-30", "61-90", "net"))')" \
		"aging JSON of client 1 as of 2026-06-19"
else
	skip "aging JSON is valid" "no python3"
	skip "aging JSON of client 1 as of 2026-06-19" "no python3"
fi
cart --format json aging
if [ "$HAVE_PYTHON" = 1 ]; then
	assert_eq "9780.25" "$(json_eval "$OUT" 'round(sum(r["net"] for r in d["tables"][0]["rows"] if r["row"] == "data"), 2)')" "aging JSON nets add up to 9780.25"
else
	skip "aging JSON nets add up to 9780.25" "no python3"
fi

# ---- the credit check holds an invoice by total too (SPEC C4) ----
# Grupo Uno has overdue debt as of today: a reason is needed, and it is logged with the invoice.
dump_save "$DB" credit
cart invoice post 1 10,00 --date 2026-06-30
assert_status 1 "an invoice to a client with overdue debt, without a reason: refused"
assert_match "$ERR" 'Grupo Uno SA has .* overdue: give a reason to override the credit check \(--override\)' \
	"the message names the overdue debt and the way through"
assert_dump_same "$DB" credit "the refused invoice wrote nothing (not even a number)"
cart invoice post 1 10,00 --date 2026-06-30 --override "approved by the manager"
assert_status 0 "with a reason it is posted"
inv=$(sed -n 's/^invoice \(FAC-[0-9]*\) posted.*/\1/p' <<<"$OUT")
assert_eq 1 "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'credit override'
	AND detail LIKE '$inv: approved by the manager%'")" "the reason is in the audit log with $inv"

# Applying a credit is the receipt form's "use a credit", as on the screen: the same marks, the
# same refusals, naming why
cart client add "Anticipo Uno" --receiver final
cart client add "Anticipo Dos" --receiver final
cart payment post "Anticipo Uno" 100,00 --advance --date 2026-06-29
ant=$(printf '%s\n' "$OUT" | grep -o 'ANT-[0-9]*')
cart invoice post "Anticipo Uno" 50,00 --date 2026-06-29
mine=$(printf '%s\n' "$OUT" | grep -o 'FAC-[0-9]*')
cart invoice post "Anticipo Dos" 10,00 --date 2026-06-29
theirs=$(printf '%s\n' "$OUT" | grep -o 'FAC-[0-9]*')
dump_save "$DB" apply2
cart credit apply "$ant" --to "$theirs" --date 2026-06-29
assert_status 1 "applying to another client's invoice exits 1"
assert_contains "$ERR" "$theirs belongs to another client" "the refusal names the invoice and why"
cart credit apply "$ant" --to "$mine=60,00" --date 2026-06-29
assert_status 1 "applying more than the invoice has open exits 1"
assert_contains "$ERR" "60,00 cannot be allocated to $mine: it has only 50,00 open" \
	"in the words of the receipt form"
cart credit apply "$ant" --amount 0 --date 2026-06-29
assert_status 2 "an amount of zero to apply is refused"
assert_dump_same "$DB" apply2 "the refused applications changed nothing"
cart void "$mine" --reason prueba --date 2026-06-29
cart credit apply "$ant" --to "$mine" --date 2026-06-29
assert_status 1 "applying to a voided invoice exits 1"
assert_contains "$ERR" "$mine was voided by" "the refusal names the void"
cart invoice post "Anticipo Uno" 80,00 --date 2026-06-29
cart credit apply "$ant" --amount 30,00 --date 2026-06-29
assert_contains "$OUT" "applied 30,00 COP from $ant" "at most 30,00 applied, oldest first"
assert_contains "$OUT" "70,00 left" "the advance keeps 70,00"

check_ok "the whole scenario"
done_testing
