#!/bin/bash
# Forms and views a clerk keys all day, in Spanish at 80x24 (issue 14): the credit-note form
# (Enter picks the client by any part of its name, every open invoice listed and scrolled, tax by
# rate on the note and its document), the statement on screen (the balance and the open
# documents first, the client's header, a filtered Saldo that adds up), voiding from the document
# view, dialog labels never cut, messages that go when their cause does, and a receipt's cash
# that follows the marks.
. "$(dirname "$0")/lib.sh"
START=dashboard
export LANGUAGE=es

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Ferretería Ñandú Ltda" --tax-id 890903938 --terms 30 \
	--email compras@nandu.co --phone 6015551234
cart client add "Beta Ltda" --tax-id 899999068 --terms 30
# FAC-000001..FAC-000020: twenty invoices of Ñandú, more than a list of nine holds and more
# than an 80x24 screen shows
for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
	cart invoice post --override "prueba" 1 100,00 --date "2026-01-$d"
done
# FAC-000021: two rates; 1.000,00 at IVA 19% and 500,00 at IVA 5%: 1.190,00 + 525,00 = 1.715,00
cart invoice post --override "prueba" 1 --line "Tornillos;1;1.000,00;19" \
	--line "Libros;1;500,00;5" --date 2026-06-01
assert_status 0 "the ledger is built"
cart payment post 1 1.000,00 --to FAC-000001=100,00 --date 2026-06-20   # RC-000001, 900 a credit

# ---- the credit note: Enter picks the client typed, by a middle part of its name, accents aside
screen '<A-N>ndu<Space>ltda<Enter><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'Nota crédito$' "Alt-N: the credit-note form"
assert_match "$S" 'Cliente \* +Ferretería Ñandú Ltda' \
	"Enter in the client field: 'ndu ltda' picks Ferretería Ñandú Ltda (middle of the name, ú as u)"
assert_not_contains "$S" "El cliente de la nota crédito" "one client matches: no dialog left open"

# every open invoice, oldest first, the list scrolling past the screen
screen '<A-N>nandu<Enter><F3><dump><End><dump>'
S=$(text 1)
assert_contains "$S" "FAC-000002" "F3: the oldest open invoice listed (FAC-000001 is paid)"
assert_not_contains "$S" "FAC-000001 " "not the paid one"
assert_not_contains "$S" "nueve" "no longer only the nine oldest"
S=$(text 2)
assert_contains "$S" "FAC-000021" "End: the newest of the twenty, scrolled to"
assert_contains "$S" "FAC-000015" "FAC-000015 too: more than nine"
assert_not_contains "$S" "FAC-000002 " "the list scrolled past the oldest"

# a note for a fifth of FAC-000021: 343,00 = 238,00 at 19% (base 200, tax 38) and 105,00 at 5%
# (base 100, tax 5)
screen '<A-N>nandu<Enter><F3><End><Enter>343,00<Tab>devolución<Space>parcial<F9><dump>'
assert_match "$(text 1 | row "$(cat)" 23)" 'NC-000001' "F9 posts the credit note" ||
	tap_diag "$(text 1)"
cart report document NC-000001 --format txt
T1=$OUT
assert_contains "$T1" "Corrige la factura: FAC-000021" "its document names the invoice it corrects"
assert_match "$T1" 'IVA 19%.* 200,00 +38,00' "19%: base 200,00, tax 38,00" || tap_diag "$T1"
assert_match "$T1" 'IVA 5%.* 100,00 +5,00' "5%: base 100,00, tax 5,00"
assert_match "$T1" 'Neto +300,00' "its net"
assert_not_contains "$T1" "Vence" "no due date on a credit note"
cart report document NC-000001 --output "$T/nc.pdf"
assert_status 0 "its PDF"
P=$(pdftotext -layout "$T/nc.pdf" - 2>/dev/null)
assert_contains "$P" "FAC-000021" "the PDF names the invoice"
assert_match "$P" 'IVA 19%.* 200,00 +38,00' "and its tax by rate"
LANGUAGE=en check_ok "after the credit note"

# ---- the statement on screen: the balance and the open documents first, the client's header
# Ñandú owes 20 x 100,00 + 1.715,00 - 1.000,00 - 343,00 = 2.372,00
screen '<A-4>nandu<A-s><dump>'
S=$(text 1)
assert_contains "$S" "NIT 890.903.938-8" "the header: the tax id with its check digit"
assert_contains "$S" "compras@nandu.co" "and the contact"
assert_match "$S" 'Saldo al 30/06/2026: 2\.372,00 COP' "the balance on the first screen" || tap_diag "$S"
assert_contains "$S" "Documentos pendientes" "then the open documents, on the first screen"
# a filtered view: only the invoices; Saldo adds up what is shown and the total row agrees
cart report statement 1 --type invoice --format txt
assert_match "$OUT" 'FAC-000021 .* 1\.715,00 +3\.715,00' \
	"filtered to invoices: Saldo runs over the invoices shown (2.000,00 + 1.715,00)" || tap_diag "$OUT"
assert_match "$OUT" 'Total +COP +3\.715,00 +0,00 +3\.715,00' "the total row adds up: charges = Saldo"
assert_contains "$OUT" "Saldo al 30/06/2026: 2.372,00 COP" "the account's own balance stays in the notes"
cart report statement 1 --format txt
assert_match "$OUT" 'Total +COP +3\.715,00 +1\.343,00 +2\.372,00' \
	"unfiltered: charges less credits is the balance"

# ---- voiding from the document view, with its reason, after seeing what it reverses
screen '<A-b>FAC-000012<Enter><dump><C-x><dump>error<Space>de<Space>digitación<Enter><dump>'
assert_contains "$(text 1)" "FAC-000012" "Alt-b: the document view"
S=$(text 2)
assert_contains "$S" "Anular un documento" "Ctrl-X: the void dialog on the document view"
assert_contains "$S" "FAC-000012" "saying what it reverses"
assert_contains "$S" "Motivo" "and asking the reason"
assert_contains "$(text 3)" "FAC-000012 anulado por" "posted through the void controller"
assert_contains "$(text 3)" "ANULADO" "the view shows it voided"
cart show FAC-000012
assert_contains "$OUT" "error de digitación" "the reason kept"
LANGUAGE=en check_ok "after the void from the document view"

# ---- labels in dialogs are whole
screen '<F11>beta<Enter><F6><dump>'
assert_contains "$(text 1)" "Primer vencimiento" "the instalments window: 'Primer vencimiento' whole"
screen '<A-R>beta<Enter><F4><dump>'
assert_contains "$(text 1)" "Tipo (retefuente...)" "the withholding box: 'Tipo (retefuente...)' whole"

# ---- help: never cut, scrolls, no key twice with two meanings
for keys in '<A-4>nandu<A-s><F1>' '<A-N><F1>' '<A-R><Esc><F1>' '<A-b>FAC-000021<Enter><F1>'; do
	screen "${keys}<dump><PgDn><dump>"
	assert_not_contains "$(text 1)$(text 2)" "…" "help of $keys: nothing cut"
	keycol=$(text 1 | sed -n '4,22p' | cut -c2-17 | tr -s ' ' '\n' | grep -v '^$' | sort | uniq -d)
	assert_eq "" "$keycol" "help of $keys: no key listed twice"
done
screen '<A-4>nandu<A-s><F1><dump><End><dump>' --size 80x16
[ "$(text 1)" != "$(text 2)" ]; ok $? "the statement's help scrolls"

# ---- messages go when their cause does, and stay on their screen
screen '<A-N><Tab><S-Tab><dump>nandu<dump>'
assert_contains "$(text 1)" "obligatorio" "the empty client: obligatorio"
assert_not_contains "$(text 2)" "obligatorio" "typed into: obligatorio goes"
screen '<A-N>nandu<Enter><Tab>12,345<Tab><dump><Esc>s<dump>'
cp "$T/dump" /tmp/forms-amount.dump
S=$(text 1)
assert_eq 1 "$(grep -o '1\.234,50' <<<"$(row "$S" 23)" | wc -l)" \
	"a wrong amount: the expected format once" || tap_diag "$S"
assert_not_contains "$(row "$S" 23)" "Importe: el importe" "the field not named twice"
assert_not_contains "$(text 2 | row "$(cat)" 23)" "1.234,50" "the message does not carry to the dashboard"
screen '<A-b>FAC-999999<Enter><dump><F3><dump><Esc><A-O><dump>'
assert_contains "$(text 1 | row "$(cat)" 23)" 'FAC-999999' "an unknown document: said on the dashboard"
assert_not_contains "$(text 2)" 'FAC-999999' "the error does not carry to the client list"
assert_not_contains "$(text 3)" 'FAC-999999' "nor to the opening balances"

# ---- a receipt opened with F5 pre-fills cash, and the cash follows a second mark
screen '<A-2>nandu<F5><dump><Down><Space><dump>'
S=$(text 1)
assert_match "$S" 'Recibido [0-9.,]+' "F5: the cash pre-filled"
S=$(text 2)
assert_not_contains "$S" "pagada 0,00" "the second invoice marked is not shown paid 0,00"
assert_match "$S" 'El efectivo sigue a lo marcado: 200,00' "the cash follows the marks" ||
	tap_diag "$S"

done_testing
