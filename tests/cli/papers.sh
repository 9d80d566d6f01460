#!/bin/bash
# tests/cli/papers.sh: what a Peruvian or Colombian accountant expects on a document (issue 16,
# SPEC D9): the letterhead from the company settings (logo included), tax ids labelled as the
# country names them and with their DV, tax names from the rate in the totals, the amount in
# words, the payment form with every instalment, currency symbol and name, the legal number of
# the electronic document with the "copy for collection" line, reimbursable expenses the charge
# mode does not post, credit notes naming their invoice, receipt subtotals, and the client's
# copy without ledger codes. Every output is read back (pdftotext, pdfinfo). TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
	skip "pdftotext/pdfinfo (poppler-utils) not installed"
	done_testing
	exit 0
fi

# pdf DOC [OPTIONS]: the document as PDF, its text in $PDF (layout kept, runs of blanks as one)
pdf()
{
	local doc=$1
	shift
	rm -f "$T/$doc.pdf"
	cart report document "$doc" "$@" --output "$T/$doc.pdf"
	assert_status 0 "report document $doc $* exits 0"
	PDF=$(pdftotext -layout "$T/$doc.pdf" - 2>/dev/null | tr -s ' ')
}

# a 2x2 PNG logo, made here (no image tools needed)
python3 - "$T/logo.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    c = struct.pack('>I', len(data)) + kind + data
    return c + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
raw = b''.join(b'\x00' + b'\xc0\x20\x20' * 2 for _ in range(2))
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 2, 2, 8, 2, 0, 0, 0)) \
    + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
PY

# ---- Peru: a company in PEN with USD, its letterhead ----
DB=$T/pe.db
cart init --name "Comercializadora Andina del Pacífico S.A.C." --country PE --tax-id 20100070970 --date-order ymd
assert_status 0 "init PE"
cart tax list
assert_contains "$OUT" "IGV 18%" "PE brings IGV 18%"
assert_contains "$OUT" "Exonerado" "and Exonerado"
cart company set address "Av. Javier Prado Este 4200, Santiago de Surco, Lima"
assert_status 0 "company set address"
cart company set phone "(01) 611-5000"
cart company set email "cobranzas@andina.pe"
cart company set logo "$T/logo.png"
assert_status 0 "company set logo: a PNG"
assert_contains "$OUT" "logo.png" "it says the logo kept"
printf 'not an image' >"$T/logo.txt"
cart company set logo "$T/logo.txt"
assert_status 2 "a logo that is no PNG or JPEG is refused"
assert_contains "$ERR" "neither a PNG nor a JPEG" "it says why"
assert_eq "$T/logo.png" "$(sqlite3 "$DB" "SELECT logo FROM company")" "the PNG logo is kept"

cart client add "Distribuidora Ferretera Hermanos Quispe Mamani E.I.R.L. — Sucursal Arequipa" \
	--tax-id 20131312955 --terms 30 --address "Calle Mercaderes 123, Arequipa"
assert_status 0 "a client with a long name and a RUC"
cart client add "Ana Torres" --tax-id 46779354 --receiver final --taxpayer natural --charge-mode invoice
assert_status 0 "a person with a DNI, charge mode invoice"

# an invoice on credit: IGV 18% and an exonerated line
cart invoice post 1 --date 2026-06-01 --line "Taladro percutor;2;1500.00;IGV 18%" \
	--line "Libros técnicos;1;69.11;Exonerado" --override "prueba"
assert_status 0 "an invoice in PEN"
pdf FAC-000001
assert_contains "$PDF" "Comercializadora Andina del Pacífico S.A.C." "letterhead: the legal name"
assert_contains "$PDF" "RUC 20100070970" "letterhead: the company's RUC"
assert_contains "$PDF" "Av. Javier Prado Este 4200, Santiago de Surco, Lima" "letterhead: the address"
assert_contains "$PDF" "(01) 611-5000 · cobranzas@andina.pe" "letterhead: phone and e-mail"
assert_contains "$PDF" "RUC 20131312955" "the client's RUC, labelled"
assert_not_contains "$PDF" "Tax id" "no 'Tax id' where the country names it"
assert_match "$PDF" "IGV 18% 3[.,]000[.,]00 540[.,]00" "totals: IGV 18% with its base and tax"
assert_contains "$PDF" "Exonerado" "totals: the exonerated base by name"
assert_not_contains "$PDF" "Tax 18%" "no generic 'Tax 18%'"
assert_contains "$PDF" "SON: TRES MIL SEISCIENTOS NUEVE CON 11/100 SOLES" "the amount in words"
assert_contains "$PDF" "Currency: PEN (S/, SOLES)" "the currency's symbol and name"
assert_contains "$PDF" "Payment form: Credit, due 2026-07-01" "on credit, with its due date"
assert_not_contains "$PDF" " CF " "the client's copy shows no ledger code"
info=$(pdfinfo "$T/FAC-000001.pdf")
assert_match "$info" "Title: +Invoice FAC-000001" "PDF metadata: the title"
assert_match "$info" "Author: +Comercializadora Andina del Pac" "PDF metadata: the author is the company"
assert_match "$(pdfimages -list "$T/FAC-000001.pdf" 2>/dev/null)" "image +2 +2 +rgb" \
	"the 2x2 logo is drawn on the page"

# instalments: every one with its number, due date and amount
cart invoice post 1 --date 2026-06-10 --line "Compresora;1;900.00;IGV 18%" --instalments 3 --every 30 \
	--override "prueba"
assert_status 0 "an invoice in three instalments"
pdf FAC-000002
assert_contains "$PDF" "Payment form: Credit, 3 instalments" "the payment form says three instalments"
assert_match "$PDF" "1 2026-07-10 354[.,]00" "instalment 1: due date and amount"
assert_match "$PDF" "2 2026-08-09 354[.,]00" "instalment 2"
assert_match "$PDF" "3 2026-09-08 354[.,]00" "instalment 3"
assert_contains "$PDF" "SON: MIL SESENTA Y DOS CON 00/100 SOLES" "1,062.00 in words"

# the second currency
cart invoice post 1 --date 2026-06-12 --currency USD --line "Servicio técnico;1;21000.00;IGV 18%" \
	--override "prueba"
assert_status 0 "an invoice in USD"
pdf FAC-000003
assert_contains "$PDF" "Currency: USD (US\$, DÓLARES ESTADOUNIDENSES)" "USD: US\$ and its name"
assert_contains "$PDF" "SON: VEINTICUATRO MIL SETECIENTOS OCHENTA CON 00/100 DÓLARES ESTADOUNIDENSES" \
	"24,780.00 USD in words"

# a cash sale: due on its date
cart invoice post 2 --date 2026-06-15 --due 2026-06-15 --line "Martillo;1;50.00;IGV 18%"
assert_status 0 "a cash invoice"
pdf FAC-000004
assert_contains "$PDF" "Payment form: Cash" "due on its date: Contado"
assert_contains "$PDF" "DNI 46779354" "a person's DNI, labelled"

# reimbursable expenses that the charge mode "invoice" does not post (seed 003)
cart invoice post 2 --date 2026-06-16 --line "Despacho aduanero;1;3000.00;IGV 18%" \
	--line "Gastos operativos;1;329.11;Exonerado" --expense-line "Almacenaje;1;40.00" --override "prueba"
assert_status 0 "an invoice with a reimbursable expense, client in charge mode invoice"
pdf FAC-000005
assert_contains "$PDF" "Reimbursable expenses" "the expenses are listed"
assert_match "$PDF" "Charged to the account: 3[.,]869[.,]11 PEN; 40[.,]00 PEN of the total" \
	"the 40.00 not charged is explained"

# a credit note against an invoice: the invoice it corrects, no due date
cart credit-note post 1 118.00 --against FAC-000001 --reason "devolución parcial" --date 2026-06-20
assert_status 0 "a credit note against FAC-000001"
pdf NC-000001
assert_contains "$PDF" "Corrects invoice: FAC-000001" "the credit note names the invoice it corrects"
assert_not_contains "$PDF" "Due date" "a credit note has no due date"

# a receipt with two means and a withholding: subtotals
cart receipt post 1 --date 2026-06-25 --cash 1000.00 --transfer 1000.00:OP-77 \
	--withholding "Retención IGV:E001-123:100.00" --to FAC-000001
assert_status 0 "a receipt with two means and a withholding"
pdf RC-000001
assert_match "$PDF" "Total means of payment 2[.,]000[.,]00" "receipt: the means' subtotal"
assert_match "$PDF" "Total withholdings 100[.,]00" "receipt: the withholdings' subtotal"
assert_not_contains "$PDF" "APF" "receipt: the client's copy shows no APF"
pdf RC-000001 --internal
assert_contains "$PDF" "APF" "the internal copy shows the ledger code"
check_ok "the Peruvian documents"

# the same documents in Spanish, from po/es.po
if command -v msgfmt >/dev/null; then
	mkdir -p "$T/locale/es/LC_MESSAGES"
	msgfmt -o "$T/locale/es/LC_MESSAGES/cartera.mo" "$CARTERA_SRCDIR/po/es.po"
	es_pdf()
	{
		run env CARTERA_LOCALEDIR="$T/locale" LC_ALL=es_PE.UTF-8 LANG=es_PE.UTF-8 LANGUAGE=es \
			"$CARTERA_BIN" --db "$DB" --today "$TODAY" report document "$1" --output "$T/es-$1.pdf"
		assert_status 0 "report document $1 in Spanish exits 0"
		PDF=$(pdftotext -layout "$T/es-$1.pdf" - 2>/dev/null | tr -s ' ')
	}
	es_pdf FAC-000002
	assert_contains "$PDF" "Forma de pago: Crédito, 3 cuotas" "es: Crédito in three cuotas"
	assert_contains "$PDF" "IGV 18%" "es: the tax named from its rate"
	es_pdf FAC-000004
	assert_contains "$PDF" "Forma de pago: Contado" "es: Contado"
	assert_contains "$PDF" "Tel. (01) 611-5000" "es: the letterhead's phone"
	es_pdf RC-000001
	assert_contains "$PDF" "Total retenciones" "es: the withholdings' subtotal"
else
	skip "msgfmt not installed: the Spanish documents"
fi

# ---- Colombia: NIT with its DV everywhere; the legal number of an electronic invoice ----
DB=$T/co.db
cart init --name "Compañía Ñandú S.A.S." --country CO --tax-id 800197268 --date-order ymd
cart client add "Ferretería El Tornillo S.A.S." --tax-id 890903938 --terms 30
cat >"$T/fe.csv" <<'CSV'
type,number,client,date,due,amount,legal_number
invoice,F-9,Ferretería El Tornillo S.A.S.,2026-06-01,2026-07-01,1190000.00,SETP990001234
CSV
cart import documents "$T/fe.csv"
assert_status 0 "an invoice with its legal number imported"
pdf FAC-000001
assert_contains "$PDF" "NIT 800.197.268-4" "the company's NIT with its computed DV"
assert_contains "$PDF" "NIT 890.903.938-8" "the client's NIT with its DV"
assert_contains "$PDF" "Electronic document: SETP990001234" "the legal number is shown"
assert_match "$PDF" "copy for collection, not the fiscal document" "the copy line"
assert_contains "$PDF" "PESOS COLOMBIANOS" "the amount in words in pesos"
cart report statement 1 --output "$T/st.pdf"
assert_contains "$(pdftotext -layout "$T/st.pdf" - | tr -s ' ')" "NIT 890.903.938-8" \
	"the statement shows the client's NIT with its DV"
cart report followup --output "$T/fu.txt" --format txt
assert_contains "$(tr -s ' ' <"$T/fu.txt")" "NIT 890.903.938-8" "the follow-up report too"
# --status partly includes an overdue invoice partly paid (issue 16)
cart invoice post 1 500.000,00 --date 2026-04-01 --due 2026-05-01 --override "prueba"
cart receipt post 1 --date 2026-05-10 --cash 200.000,00 --to FAC-000002
assert_status 0 "FAC-000002 overdue and partly paid"
cart report statement 1 --status partly --format txt
assert_status 0 "statement --status partly exits 0"
assert_contains "$OUT" "FAC-000002" "--status partly keeps the overdue partly-paid invoice"
assert_not_contains "$OUT" "FAC-000001" "and not the invoice nothing was paid of"
cart report statement 1 --status overdue --format txt
assert_contains "$OUT" "FAC-000002" "--status overdue keeps it too"
# a statement as of a past date says when it was issued
cart report statement 1 --asof 2026-05-31 --format txt
assert_contains "$OUT" "As of 2026-05-31" "the as-of date"
assert_contains "$OUT" "Issued on 2026-06-30" "and the day it was issued"
cart report statement 1 --format txt
assert_not_contains "$OUT" "Issued on" "a statement of today says it once"
cart company set tax-id-name "NIT (DIAN)"
pdf FAC-000001
assert_contains "$PDF" "NIT (DIAN) 800.197.268-4" "the tax id's name is the company's to change"
# a combined PDF of many statements: a bookmark per client, the company as author
cart client add "Óscar Ñáñez Peñaloza" --receiver final
cart invoice post 2 100.000,00 --date 2026-06-01 --override "prueba"
cart report statements --all --output "$T/all.pdf"
assert_status 0 "statements of every client in one PDF"
if command -v qpdf >/dev/null; then
	marks=$(qpdf --json "$T/all.pdf" | python3 -c 'import json, sys
print("|".join(o["title"] for o in json.load(sys.stdin)["outlines"]))')
	assert_eq "Ferretería El Tornillo S.A.S.|Óscar Ñáñez Peñaloza" "$marks" "a bookmark per client, accents kept"
else
	skip "qpdf not installed: the bookmarks"
fi
assert_match "$(pdfinfo "$T/all.pdf")" "Author: +Compañía Ñandú S.A.S." "the combined PDF's author is the company"
check_ok "the Colombian documents"

done_testing
