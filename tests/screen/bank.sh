#!/bin/bash
# tests/screen/bank.sh: the "Banco" screen (scr_bank.c) over a statement imported by the command
# line: Alt-B opens it from the dashboard with each line's proposal; Enter accepts three lines (their
# receipts post; the cursor stays on the line that takes the accepted one's place), F4 changes one in the receipt form (its invoice unmarked: all of it a credit in
# favour), F5 leaves the unknown one for later; F6 shows only the unmatched. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/screen/lib.sh
. "$(dirname "$0")/lib.sh"
START=dashboard

count()
{
	sqlite3 -batch "$DB" "$1"
}

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
cart client add "Cuotas Ltda" --tax-id 899999068
cart client add "Ñandú Comercial SAS" --tax-id 800197268
cart client add "Items SAS" --tax-id 860034313
cart invoice post --override prueba 1 1.000,00 --date 2026-03-01
cart invoice post --override prueba 1 2.500,50 --date 2026-04-01
cart invoice post --override prueba 2 900,00 --date 2026-04-15 --due 2026-05-15 --instalments 3
cart invoice post --override prueba 3 1.234,56 --date 2026-05-01
cart invoice post --override prueba 4 5.000,00 --date 2026-05-10
printf '%s\n' 'Fecha;Descripción;Referencia;Débito;Crédito' \
	'02/06/2026;PAGO NIT 890.903.938-8 FACTURAS;FAC-000001 FAC-000002;;3.500,50' \
	'03/06/2026;TRANSFERENCIA CUOTAS LTDA;REF77;;300,00' \
	'04/06/2026;Pago Ñandú Comercial;;;1.000,00' \
	'05/06/2026;ABONO 860034313;X1;;6.000,00' \
	'06/06/2026;CONSIGNACIÓN DESCONOCIDA;Z9;;777,77' >"$T/extracto.csv"
cart bank import "$T/extracto.csv" --account Bancolombia --separator ';' --decimal , \
	--columns date=1,description=2,reference=3,debit=4,credit=5
assert_status 0 "the statement is imported"

screen '<A-B><dump><Enter><dump><Enter><F4><dump><Space><F9><dump><Enter><dump><F5><dump><F6><dump><F10>'
assert_status 0 "the screens ran"
S=$(text 1)
assert_match "$S" 'Bank: 5 waiting' "B: the bank lines, five waiting"
assert_match "$S" '1 +02/06/2026 +3\.500,50 +PAGO NIT 890[.0-9]*… +Grupo Uno SA +100% +FAC-000001 FA…' \
	"line 1: Grupo Uno, certain, both invoices"
assert_match "$S" '2 +03/06/2026 +300,00 .*Cuotas Ltda +70% +FAC-000003/1' "line 2: the instalment"
assert_match "$S" '5 +06/06/2026 +777,77 +CONSIGNACIÓN[ A-Z]*… +\(none\)' "line 5: no client"
assert_match "$S" 'NIT 890903938 in the description' "the selected line's why is shown"
S=$(text 2)
assert_match "$S" 'Line 1: receipt RC-000001 posted, 3\.500,50 from Grupo Uno SA\.' \
	"Enter accepts line 1: its receipt posts"
assert_match "$S" 'Bank: 4 waiting' "four lines left"
S=$(text 3)
assert_match "$S" 'Client: Ñandú Comercial SAS +Date: 04/06/2026 +Currency: COP' \
	"F4: the receipt form of line 3, its client and date"
assert_match "$S" '\[x\] FAC-000004 .* 1\.234,56 +1\.000,00' "the proposed invoice marked for 1.000,00"
assert_match "$S" 'transfer Bancolombia' "a transfer from the line's bank"
S=$(text 4)
assert_match "$S" 'Receipt ANT-000001 posted: an advance of 1\.000,00, a credit in favour\.' \
	"unmarked and posted: the whole line a credit in favour"
assert_match "$S" 'Bank: 2 waiting' "back on the list: two lines left"
S=$(text 5)
assert_match "$S" 'Line 4: receipt RC-000003 posted, 6\.000,00 from Items SAS\.' "Enter accepts line 4"
S=$(text 6)
assert_match "$S" 'Line 5 left for later\.' "F5 leaves line 5 for later"
assert_match "$S" '5 +06/06/2026 +777,77 .*\(later\)' "it stays in the list, marked later"
S=$(text 7)
assert_match "$S" 'Bank: 1 unmatched' "F6: only the unmatched line"
assert_eq "accepted|accepted|accepted|accepted|later" \
	"$(count "select group_concat(state, '|') from (select state from bank_lines order by id)")" \
	"the lines' states in the ledger"
assert_eq "RC-000001|RC-000002|ANT-000001|RC-000003" "$(count "select group_concat(d.number, '|')
	from (select receipt_id from bank_lines where receipt_id is not null order by id) b
	join documents d on d.id = b.receipt_id")" "each accepted line names its receipt"
check_ok "the bank screen"

# F2 imports a CSV of an account with no layout yet: the screen asks for its columns
printf '%s\n' 'Fecha;Detalle;Referencia;Valor' '08/06/2026;ABONO NIT 899999068;R9;600,00' \
	>"$T/davivienda.csv"
screen "<A-B><F2>$T/davivienda.csv<Enter>Davivienda<Enter><dump><Enter><dump><F10>"
S=$(text 1)
assert_match "$S" 'CSV layout: which column holds what\?' "a new account's CSV: the layout is asked for"
assert_match "$S" '1=Fecha, 2=Detalle, 3=Referencia, 4=Valor' "with the file's columns"
S=$(text 2)
assert_match "$S" '1 new lines \(0 already imported\): 1 with a client proposed, 0 unmatched\.' \
	"the layout given, the line is imported and proposed"
assert_match "$S" '6 +08/06/2026 +600,00 +ABONO NIT 89[0-9]*… +Cuotas Ltda +80% +FAC-000003/2 …' \
	"Cuotas Ltda by its NIT, both instalments left"
assert_eq "date=1,description=2,reference=3,amount=4" "$(count "select 'date=' || date_col ||
	',description=' || desc_col || ',reference=' || ref_col || ',amount=' || amount_col from
	bank_csv_profiles p join bank_accounts a on a.id = p.account_id where a.name = 'Davivienda'")" \
	"the layout is saved for the account"

done_testing
