#!/bin/bash
# The debit note form (issue 16, scr_debit_note.c): opened with n from an invoice's document view
# (Alt-b finds it) and with Alt-E from the dashboard's invoice row, the client and invoice filled
# in; the amount with its tax, split by the rate typed, and a preview of what F9 posts (the
# charge, its base and tax, the client's balance before and after). F9 posts it through the
# controller `cartera debit-note post` uses; the statement and the balance show it. English,
# then Spanish; a wrong invoice is refused beside the field and nothing is posted.
. "$(dirname "$0")/lib.sh"
START=dashboard
q() { sqlite3 -batch "$DB" "$1"; }

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Ferretería Ñandú Ltda" --tax-id 890903938 --terms 30
cart client add "Beta Ltda" --tax-id 899999068 --terms 30
# FAC-000001: 1.000,00 at IVA 19% = 1.190,00 (Ñandú); FAC-000002: 500,00 (Beta)
cart invoice post --override "prueba" 1 --line "Tornillos;1;1.000,00;19" --date 2026-06-01
cart invoice post --override "prueba" 2 500,00 --date 2026-06-02
assert_status 0 "the ledger is built"

# ---- English: from the document view ----
screen '<A-b>FAC-000001<Enter>n<dump>119,00<Tab><Tab>intereses<Space>de<Space>mora<dump><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'Debit note$' "n on an invoice's document view: the debit note form" ||
	tap_diag "$S"
assert_match "$S" 'Client \* +Ferretería Ñandú Ltda' "its client filled in"
assert_match "$S" 'Invoice \* +FAC-000001' "its invoice filled in"
assert_match "$S" 'Tax rate +IVA 19%' "and the invoice's one rate offered"
assert_contains "$S" "(the invoice and the amount first)" "no preview before the amount"
S=$(text 2)
assert_contains "$S" "a charge of 119,00 COP amending FAC-000001: base 100,00 + IVA 19% 19,00" \
	"the preview: 119,00 split at IVA 19% into 100,00 and 19,00" || tap_diag "$S"
assert_contains "$S" "the client's balance in COP: 1.190,00, then 1.309,00" \
	"the preview: the client's balance before and after"
S=$(text 3)
assert_contains "$S" "Debit note ND-000001 posted: 119,00 COP on FAC-000001." \
	"F9 posts it and says so" || tap_diag "$S"
assert_eq "debit-note|11900|FAC-000001|intereses de mora" "$(q "SELECT d.type, d.total, i.number, d.memo
	FROM documents d JOIN documents i ON i.id = d.amends_id WHERE d.number = 'ND-000001'")" \
	"ND-000001 of 119,00 amends FAC-000001, with its reason"
assert_eq "10000|1900|1900" "$(q "SELECT base, tax, rate FROM doc_taxes t JOIN documents d ON d.id = t.document_id WHERE d.number = 'ND-000001'")" \
	"its base and tax at 19% are kept"
cart balance 1
assert_match "$(squeeze "$OUT")" "COP 1.309,00" "the client's balance is 1.309,00 after it" || tap_diag "$OUT"
cart report statement 1 --format txt
assert_match "$OUT" "ND-000001.*119,00" "the statement shows the debit note" || tap_diag "$OUT"
assert_match "$OUT" "1\\.309,00" "and the balance it leaves"
cart check
assert_status 0 "check finds no problem"

# ---- a wrong invoice: refused beside the field, nothing posted ----
dump_save "$DB" before_bad
screen '<A-b>FAC-000001<Enter>n<Up><C-u>FAC-000002<Tab>10,00<Tab><Tab>x<F9><dump>'
S=$(text 1)
assert_contains "$S" "FAC-000002 is another client's invoice" "another client's invoice is refused" ||
	tap_diag "$S"
assert_dump_same "$DB" before_bad "nothing posted"

# ---- Spanish: from the dashboard, the client picked, the invoice chosen from its open ones ----
export LANGUAGE=es
screen '<A-1>beta<A-E><dump><Up><C-u><Up><C-u>beta<Enter><F3><Enter>50,00<Tab><Tab>flete<dump><F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'Nota de débito$' "Alt-E on the dashboard: the form, in Spanish" ||
	tap_diag "$S"
assert_match "$S" 'Factura \* +FAC-000002' "the selected row's invoice filled in"
S=$(text 2)
assert_match "$S" 'Cliente \* +Beta Ltda' "emptied and typed again, the client is picked by a part of its name"
assert_match "$S" 'Factura \* +FAC-000002' "its open invoice chosen (F3)"
assert_match "$S" 'Impuesto *$' "FAC-000002 has no tax: none offered"
assert_contains "$S" "un cargo de 50,00 COP sobre FAC-000002, sin impuesto" "the preview, without tax" ||
	tap_diag "$S"
assert_contains "$S" "el saldo del cliente en COP: 500,00, después 550,00" "the balance before and after"
S=$(text 3)
assert_contains "$S" "Nota de débito ND-000002 registrada: 50,00 COP sobre FAC-000002." \
	"F9 posts it" || tap_diag "$S"
cart balance 2
assert_match "$(squeeze "$OUT")" "COP 550,00" "Beta's balance is 550,00" || tap_diag "$OUT"

# ---- its help, in Spanish: every key, nothing cut, no key twice; the keys on the document view
for keys in '<A-1>beta<A-E><F1>' '<A-b>FAC-000002<Enter><F1>'; do
	screen "${keys}<dump><PgDn><dump>"
	assert_not_contains "$(text 1)$(text 2)" "…" "help of $keys: nothing cut"
	keycol=$(text 1 | sed -n '4,22p' | cut -c2-17 | tr -s ' ' '\n' | grep -v '^$' | sort | uniq -d)
	assert_eq "" "$keycol" "help of $keys: no key listed twice"
done
screen '<A-1>beta<A-E><F1><dump>'
assert_contains "$(text 1)" "F9" "the form's help lists F9 (Registrar)"
screen '<A-b>FAC-000002<Enter><F1><dump><PgDn><dump>'
assert_contains "$(text 1)$(text 2)" "una nota de débito sobre esta factura" "the document view's help lists n"

done_testing
