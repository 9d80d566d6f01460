#!/bin/bash
# tests/cli/documents.sh: documents keyed like the forms (SPEC D1-D5) from the command line: tax
# rates, invoices by lines with tax per rate and instalments, the credit check and its logged
# override, receipts with means of payment, withholdings and leftovers, write-offs, refunds
# allowed and refused, credits applied later, quotes made into invoices, voids of each; bad input
# leaves the ledger byte for byte as it was; `cartera check` is clean after every step; a ledger of
# schema version 2 is upgraded with its country's tax rates. Figures worked out by hand in the
# comments. COP company: ',' decimals, '.' thousands; today 2026-06-30. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# refused STATUS NEEDLE DESC CARTERA-ARGS...: refused with STATUS, NEEDLE on stderr, the ledger's
# dump unchanged (three tests).
refused()
{
	local status=$1 needle=$2 desc=$3
	shift 3
	dump_save "$DB" refused
	cart "$@"
	assert_status "$status" "$desc: exit status $status"
	assert_contains "$ERR" "$needle" "$desc: stderr says why ($needle)"
	assert_dump_same "$DB" refused "$desc: the ledger is unchanged"
}

# has TEXT LINE DESC: the squeezed TEXT holds exactly LINE.
has()
{
	if squeeze "$1" | grep -qxF -- "$2"; then
		pass "$3"
	else
		fail "$3" "expected the line: [$2]" "in:" "$(squeeze "$1")"
	fi
}

sql()
{
	sqlite3 -batch "$DB" "$1"
}

cart init --name "Comercial Andina SAS"
assert_status 0 "init"
cart client add "Grupo Uno SA" --tax-id 890903938
assert_status 0 "client 1 added"
cart client add "Beta Ltda" --tax-id 800197268 --limit 1.000,00
assert_status 0 "client 2 added, credit limit 1.000,00"

# ---- tax rates ----
cart tax list
has "$OUT" "1 IVA 19% 19%" "the Colombian defaults: IVA 19%"
has "$OUT" "3 Exento 0% exempt" "the Colombian defaults: Exento"
cart --format json tax list
if [ "$HAVE_PYTHON" = 1 ] && json_valid "$OUT"; then
	assert_eq "IVA 5%|5%" "$(json_eval "$OUT" 'd[1]["name"] + "|" + d[1]["rate"]')" \
		"tax list --format json"
else
	fail "tax list --format json" "not valid JSON: $OUT"
fi
cart --format csv tax list
assert_eq "1,IVA 19%,19%," "$(printf '%s\n' "$OUT" | sed -n 2p | tr -d '\r')" "tax list --format csv"
cart tax add "Impoconsumo 8%" 8
assert_status 0 "tax add Impoconsumo 8%"
assert_contains "$OUT" "tax rate 4 added: Impoconsumo 8% 8%" "the new rate is number 4"
refused 1 'already a tax rate named' 'a duplicate rate name' tax add "impoconsumo 8%" 8
refused 2 'not from 0 to 100' 'a rate of 101%' tax add "Wrong" 101

# ---- an invoice by lines ----
# Sillas 4 x 125.000,00 = 500.000,00 at 19% -> 95.000,00
# Mesa 1,5 x 33.333,33 = 49.999,995 -> 50.000,00 at 5% -> 2.500,00
# Flete 1 x 20.000,00, no tax
# net 570.000,00, tax 97.500,00, total 667.500,00; due 2026-07-01 (30 days)
cart invoice post 1 --date 2026-06-01 --line "Sillas;4;125.000,00;19" \
	--line "Mesa;1,5;33.333,33;IVA 5%" --line "Flete;1;20.000,00;"
assert_status 0 "invoice by lines exits 0"
has "$OUT" "tax IVA 19% (19%): base 500.000,00, tax 95.000,00" "tax per rate: 19%"
has "$OUT" "tax IVA 5% (5%): base 50.000,00, tax 2.500,00" "tax per rate: 5%"
has "$OUT" "net 570.000,00, tax 97.500,00, total 667.500,00" "net, tax and total"
has "$OUT" "invoice FAC-000001 posted: Grupo Uno SA, due 2026-07-01" "FAC-000001 due in 30 days"
assert_eq "3|4000|12500000|1900|50000000" "$(sql "SELECT count(*), (SELECT qty FROM doc_lines
	WHERE seq = 1), (SELECT price FROM doc_lines WHERE seq = 1), (SELECT tax_rate FROM doc_lines
	WHERE seq = 1), (SELECT net FROM doc_lines WHERE seq = 1) FROM doc_lines")" \
	"the lines are kept with the invoice"
check_ok "the invoice by lines"

# 1.000,00 in 3 every 15 days from the due date 2026-07-10: the remainder cent on the first
cart invoice post 1 --date 2026-06-10 --line "Servicio;1;1.000,00;" --instalments 3 --every 15
assert_status 0 "invoice in 3 instalments exits 0"
has "$OUT" "instalment 1: 333,34 due 2026-07-10" "instalment 1 takes the remainder cent"
has "$OUT" "instalment 2: 333,33 due 2026-07-25" "instalment 2, 15 days later"
has "$OUT" "instalment 3: 333,33 due 2026-08-09" "instalment 3, 30 days later"
has "$OUT" "invoice FAC-000002 posted: Grupo Uno SA, due 2026-08-09" "due with its last instalment"
check_ok "the instalments"

refused 2 'not the total 999,99' 'a total that disagrees with the lines' \
	invoice post 1 999,99 --line "Servicio;1;1.000,00;"
refused 2 'line 2: the quantity' 'a bad quantity on line 2' \
	invoice post 1 --line "a;1;10,00;" --line "b;x;10,00;"
refused 2 'line 1: the tax' 'a tax rate the company does not have' \
	invoice post 1 --line "a;1;10,00;12"
refused 2 'DESCRIPTION;QTY;PRICE' 'a line with two fields' invoice post 1 --line "a;1"
refused 2 'give DESCRIPTION;QTY;PRICE' 'an expense line with a tax' invoice post 1 \
	--line "a;1;10,00;" --expense-line "b;1;10,00;19"

# ---- the credit check ----
# Beta owes nothing, limit 1.000,00: an invoice of 1.500,00 goes over it
refused 1 'over the credit limit of 1.000,00' 'over the credit limit without a reason' \
	invoice post 2 --line "Equipo;1;1.500,00;"
cart invoice post 2 --line "Equipo;1;1.500,00;" --override "approved by the manager"
assert_status 0 "over the limit with --override"
has "$OUT" "credit check overridden: Beta Ltda would owe 1.500,00, over the credit limit of 1.000,00" \
	"the override is reported"
assert_eq "1" "$(sql "SELECT count(*) FROM audit WHERE action = 'credit override'
	AND detail LIKE 'FAC-000003: approved by the manager%'")" "the override is in the audit log"

# ---- receipts ----
# 600.000,00 by transfer + 17.500,00 retefuente = 617.500,00, all to FAC-000001 (667.500,00)
cart receipt post 1 --date 2026-06-20 --transfer 600.000,00:TRX-1 \
	--withholding retefuente:CERT-9:17.500,00 --to FAC-000001
assert_status 0 "receipt with a withholding exits 0"
has "$OUT" "receipt RC-000001 posted: 617.500,00 COP, Grupo Uno SA" "RC-000001 617.500,00"
has "$OUT" "paid FAC-000001: 617.500,00" "it pays FAC-000001"
assert_eq "transfer|60000000|TRX-1" "$(sql "SELECT kind, amount, number FROM receipt_means")" \
	"the transfer is kept with the receipt"
assert_eq "retefuente|CERT-9|1750000" "$(sql "SELECT kind, certificate, amount FROM
	receipt_withholdings")" "the withholding and its certificate are kept"
check_ok "the receipt with a withholding"

# 50.000,00 cash + a 1.000,00 cheque = 51.000,00: FAC-000001's last 50.000,00 and 400,00 of
# FAC-000002 (instalment 1 333,34, instalment 2 66,66); 600,00 left as a credit
cart receipt post 1 --date 2026-06-25 --cash 50.000,00 --cheque "Bancolombia:000123:1.000,00" \
	--to FAC-000001 --to FAC-000002=400,00
assert_status 0 "receipt across two invoices exits 0"
has "$OUT" "paid FAC-000001: 50.000,00" "FAC-000001 is paid off"
has "$OUT" "paid FAC-000002/1: 333,34" "instalment 1 is paid"
has "$OUT" "paid FAC-000002/2: 66,66" "instalment 2 is paid in part"
has "$OUT" "600,00 left as a credit in favour" "600,00 is a credit in favour"
assert_eq "cheque|Bancolombia|000123" "$(sql "SELECT kind, bank, number FROM receipt_means
	WHERE kind = 'cheque'")" "the cheque's bank and number are kept"
check_ok "the receipt across two invoices"
cart show FAC-000001
has "$OUT" "line 2: Mesa; 1,5 x 33.333,33 = 50.000,00; IVA 5%" "show: a line as posted"
has "$OUT" "tax 19%: base 500.000,00, tax 95.000,00" "show: the tax per rate"
has "$OUT" "entry CF charge 667.500,00, open 0,00" "show: FAC-000001 is paid"
cart show RC-000002
has "$OUT" "paid by cheque 1.000,00, Bancolombia no. 000123" "show: the cheque"
has "$OUT" "entry AA credit 600,00, open 600,00" "show: the credit in favour"
cart show RC-000001
has "$OUT" "withheld retefuente 17.500,00, certificate CERT-9" "show: the withholding"

refused 1 'more than the 100,00 received' 'allocating more than was received' \
	receipt post 1 --cash 100,00 --to FAC-000002=200,00
refused 1 'has only 600,00 open' 'allocating more than an invoice has open' \
	receipt post 1 --cash 1.000,00 --to FAC-000002=600,01
refused 2 'BANK:NUMBER:AMOUNT' 'a cheque without its number' \
	receipt post 1 --cheque "Bancolombia:100,00"
refused 2 'post-dated' 'a post-dated cheque dated before the receipt' \
	receipt post 1 --postdated "Bancolombia:77:100,00:2026-06-01"
refused 1 'not refunded in cash' 'a refund when the company does not allow it' \
	receipt post 1 --cash 1.000,00 --to FAC-000002=100,00 --leftover refund
refused 2 'needs a reason' 'a write-off without a reason' \
	receipt post 1 --cash 10,00 --leftover writeoff
refused 1 'FAC-000009' 'paying an invoice that is not open' receipt post 1 --cash 10,00 --to FAC-000009

# 50,00 cash, 49,90 to FAC-000002 (instalment 2), the 0,10 left written off
cart receipt post 1 --cash 50,00 --to FAC-000002=49,90 --leftover "writeoff:rounding"
assert_status 0 "receipt with its leftover written off"
has "$OUT" "0,10 written off by PD-000001" "the 0,10 is written off by PD-000001"
assert_eq "writeoff|10" "$(sql "SELECT method, total FROM documents WHERE number = 'PD-000001'")" \
	"the write-off is a journal of 0,10"
check_ok "the write-off of a leftover"

# ---- credits in favour: refund refused, write-off, applied later ----
refused 1 'not refunded in cash' 'refund when the company does not allow it' refund RC-000002
cart write-off RC-000002 --reason "bank charge" --amount 100,00
assert_status 0 "write-off of 100,00 of RC-000002's credit"
has "$OUT" "write-off PD-000002 posted: 100,00 COP of RC-000002; 500,00 left in favour" \
	"500,00 stays in favour"
refused 2 'needs a reason' 'a write-off without --reason' write-off RC-000002
refused 2 'give yes or no' 'company set --allow-refunds maybe' company set --allow-refunds maybe
cart company set --allow-refunds yes
assert_status 0 "company set --allow-refunds yes"
cart refund RC-000002 --amount 0,50 --date 2026-06-30
assert_status 0 "a refund once the company allows it"
has "$OUT" "refund PD-000003 posted: 0,50 COP of RC-000002; 499,50 left in favour" "0,50 refunded"
cart void PD-000003 --reason "refund not made"
assert_status 0 "void of the refund: the 0,50 is a credit again"
cart company set --allow-refunds no
refused 1 'not refunded in cash' 'refund after the setting is turned off again' refund RC-000002
# FAC-000002 open: 333,33 - 66,66 - 49,90 = 216,77 (2) + 333,33 (3) = 550,10; 500,00 applied
cart apply RC-000002 --to FAC-000002
assert_status 0 "apply (alias of credit apply)"
cart balance 1
has "$OUT" "FAC-000002 CF charge 2026-06-10 2026-08-09 3 333,33 50,10 0" "instalment 3 has 50,10 open"
check_ok "the credit applied later"

# ---- quotes ----
# 2 x 500,00 at 19% = 1.190,00, valid until 2026-07-15
cart quote post 1 --line "Consultoria;2;500,00;19" --valid 2026-07-15
assert_status 0 "quote post exits 0"
has "$OUT" "quote COT-000001 posted: Grupo Uno SA, valid until 2026-07-15" "COT-000001"
assert_eq "0" "$(sql "SELECT count(*) FROM entries e JOIN documents d ON d.id = e.document_id
	WHERE d.type = 'quote'")" "a quote posts no ledger entries"
cart quote list
has "$OUT" "COT-000001 Grupo Uno SA 2026-06-30 2026-07-15 COP 1.190,00 open" "the quote is open"
cart quote accept COT-000001
assert_status 0 "quote accept"
cart quote invoice COT-000001
assert_status 0 "quote invoice"
has "$OUT" "invoice FAC-000004 posted from COT-000001: 1.190,00 COP, due 2026-07-30" \
	"FAC-000004 made from COT-000001"
cart quote list
has "$OUT" "COT-000001 Grupo Uno SA 2026-06-30 2026-07-15 COP 1.190,00 accepted FAC-000004" \
	"the quote names its invoice"
refused 1 'already invoiced as FAC-000004' 'invoicing a quote twice' quote invoice COT-000001
cart quote post 1 --line "Otro;1;10,00;"
cart quote reject COT-000002
assert_status 0 "quote reject"
refused 1 'rejected' 'invoicing a rejected quote' quote invoice COT-000002
refused 1 'quote' 'voiding a quote' void COT-000002 --reason "no"
check_ok "the quotes"

# ---- voids of each kind ----
# before: FAC-000002 50,10 open (due), FAC-000004 1.190,00 (due)
cart void FAC-000004 --reason "quote invoiced by mistake"
assert_status 0 "void of the invoice made from a quote"
cart void PD-000002 --reason "not a bank charge"
assert_status 0 "void of a write-off: the 100,00 is a credit again"
cart credit-note post 1 10,00 --reason "goodwill"
assert_status 0 "credit note on account"
cart void NC-000001 --reason "wrong client"
assert_status 0 "void of the credit note"
# net: 50,10 due - 100,00 in favour = -49,90
cart balance 1
assert_eq "50,10 0,00 100,00 -49,90" \
	"$(squeeze "$OUT" | awk '/^COP / { print $(NF-3), $(NF-2), $(NF-1), $NF; exit }')" \
	"balance -49,90: 50,10 due, nothing overdue, 100,00 in favour"
check_ok "the voids"

cart payment post 1 10,00 --date 2026-06-30
assert_status 0 "payment post still works"
check_ok "payment post"

# ---- opening balances from CSV, all or nothing ----
DB="$T/opening.db"
cart init --name "Saldos SAS"
cart client add "Grupo Uno SA" --tax-id 890903938
cart client add "Beta Ltda" --tax-id 800197268
printf 'client,date,amount,due,number\n1,2025-12-01,300.00,2026-01-15,OLD-1\nZeta,2025-13-01,abc,,X\n2,2026-02-01,0,,\n' >"$T/items-bad.csv"
refused 1 'items-bad.csv:3: no client matches "Zeta"' 'a bad items file names line 3' \
	opening import "$T/items-bad.csv"
assert_contains "$ERR" 'items-bad.csv:4: the amount is zero' "and line 4"
assert_contains "$ERR" '2 bad lines; nothing was imported' "and says nothing was imported"
printf 'cliente,fecha,saldo\n890903938,2026-01-01,1500.00\nBeta Ltda,2026-01-01,-200.00\n' >"$T/bal.csv"
cart opening import "$T/bal.csv"
assert_status 0 "balances imported"
assert_contains "$OUT" "2 opening balances imported" "two balances"
cart balance 1
assert_eq "1.500,00" "$(squeeze "$OUT" | awk '/^COP / { print $NF; exit }')" "Grupo Uno owes 1.500,00"
cart balance 2
assert_eq "-200,00" "$(squeeze "$OUT" | awk '/^COP / { print $NF; exit }')" "Beta has 200,00 in favour"
refused 1 'bal.csv:2: Grupo Uno SA already has an opening balance' 'importing the balances twice' \
	opening import "$T/bal.csv"
# open items on their own dates, after the balance date
printf 'client,date,amount,due,number\n1,2026-02-01,300.00,2026-03-03,OLD-7\n1,2026-03-01,450.50,,OLD-8\n' >"$T/items.csv"
cart opening import "$T/items.csv"
assert_status 0 "open items imported"
cart balance 1
has "$OUT" "SI-000003 CSI charge 2026-02-01 2026-03-03 300,00 300,00 119" "OLD-7 open with its own due date"
has "$OUT" "SI-000004 CSI charge 2026-03-01 2026-03-31 450,50 450,50 91" "OLD-8 due after the client's terms"
check_ok "the opening import"

# ---- refunds where the company allows them ----
DB="$T/refunds.db"
cart init --name "Devoluciones SAS" --allow-refunds
cart client add "Grupo Uno SA" --tax-id 890903938
cart receipt post 1 500,00
assert_status 0 "an advance of 500,00"
has "$OUT" "receipt ANT-000001 posted: 500,00 COP, Grupo Uno SA" "with no invoice it is an advance"
cart refund ANT-000001 --amount 200,00
assert_status 0 "refund of 200,00"
has "$OUT" "refund PD-000001 posted: 200,00 COP of ANT-000001; 300,00 left in favour" "300,00 left"
refused 1 'has only 300,00 left' 'refunding more than is left' refund ANT-000001 --amount 300,01
cart invoice post 1 --line "Servicio;1;100,00;"
cart receipt post 1 --cash 150,00 --to FAC-000001 --leftover refund
assert_status 0 "a receipt refunding its leftover"
has "$OUT" "50,00 refunded by PD-000002" "the 50,00 left is refunded"
cart balance 1
assert_contains "$(squeeze "$OUT")" "COP " "the balance lists COP"
assert_eq "-300,00" "$(squeeze "$OUT" | awk '/^COP / { print $NF; exit }')" \
	"net -300,00: only the advance's 300,00 in favour"
check_ok "the refunds"

# ---- a ledger of schema version 2 is upgraded ----
V2="$T/v2.db"
sqlite3 -batch "$V2" <"$CARTERA_SRCDIR/data/001_init.sql"
sqlite3 -batch "$V2" <"$CARTERA_SRCDIR/data/002_client_order.sql"
sqlite3 -batch "$V2" "PRAGMA user_version = 2; INSERT INTO company (id, name, country, currency,
	decimals, dec_sep, thou_sep) VALUES (1, 'Vieja SAC', 'PE', 'PEN', 2, '.', ',');
	INSERT INTO clients (name, tax_id) VALUES ('Cliente Antiguo', '20100070970');"
DB=$V2
cart tax list
assert_status 0 "a version 2 ledger opens"
has "$OUT" "1 IGV 18% 18%" "it gets Peru's IGV 18%"
has "$OUT" "2 Exonerado 0% exempt" "and Exonerado"
assert_eq "2" "$(sql "SELECT count(*) FROM tax_rates")" "its schema is upgraded with two rates"
cart invoice post 1 --line "Servicio;1;100.00;IGV 18%"
has "$OUT" "net 100.00, tax 18.00, total 118.00" "an invoice by lines on the upgraded ledger"
check_ok "the upgrade"
# a report (read-only) is often the first thing run after an upgrade: it upgrades the file too
V2R="$T/v2r.db"
sqlite3 -batch "$V2R" <"$CARTERA_SRCDIR/data/001_init.sql"
sqlite3 -batch "$V2R" <"$CARTERA_SRCDIR/data/002_client_order.sql"
sqlite3 -batch "$V2R" "PRAGMA user_version = 2; INSERT INTO company (id, name, country, currency,
	decimals, dec_sep, thou_sep) VALUES (1, 'Vieja SAC', 'PE', 'PEN', 2, '.', ',');
	INSERT INTO clients (name, tax_id) VALUES ('Óscar Antiguo', '20100070970'),
	('Zapata Antiguo', '20100070971'), ('Álvaro Antiguo', '20100070972');"
DB=$V2R
cart report aging --format txt
assert_status 0 "a report on a version 2 ledger upgrades it and runs"
assert_eq "$(ls "$CARTERA_SRCDIR"/data/0*.sql | wc -l | tr -d ' ')" "$(sql "PRAGMA user_version")" \
	"the file is at the current schema"
cart client list
assert_eq "Álvaro Antiguo|Óscar Antiguo|Zapata Antiguo" \
	"$(printf '%s\n' "$OUT" | awk 'NR > 2 { print $2 " " $3 }' | paste -sd'|')" \
	"the clients from before the upgrade in name order (accents set aside)"

# ---- cartera check sees a receipt or an invoice whose detail no longer adds up ----
cp "$T/refunds.db" "$T/tampered.db"
DB="$T/tampered.db"
sql "DROP TRIGGER receipt_means_no_update; UPDATE receipt_means SET amount = amount + 1
	WHERE document_id = (SELECT id FROM documents WHERE number = 'ANT-000001');
	DROP TRIGGER doc_lines_no_update; UPDATE doc_lines SET net = net - 1"
cart check
assert_status 1 "check fails on a tampered ledger"
assert_contains "$OUT$ERR" "the means of payment and withholdings of ANT-000001 add up to 50001, but its total is 50000" \
	"check names the receipt whose means no longer add up"
assert_contains "$OUT$ERR" "the lines and tax of FAC-000001 add up to 9999, but its total is 10000" \
	"check names the invoice whose lines no longer add up"

done_testing
