#!/bin/bash
# tests/cli/einvoice.sh: electronic invoices (SPEC I2) through the built binary, with the
# published files of ../shared/einvoice used in place: every file of MANIFEST.csv gets the
# outcome README.md expects (imported with the manifest's figures, or refused, or held), the
# linked cases give the balances README.md names, a second import posts nothing, a conflicting
# Serie-Folio is refused; and samples written here: a UBL invoice in instalments for a customer
# with accents, a CFDI payment paying two invoices. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# CARTERA_EINVOICE_DIR: the samples elsewhere (a worktree not beside ../shared)
E="${CARTERA_EINVOICE_DIR:-$CARTERA_SRCDIR/../shared/einvoice}"
if [ ! -f "$E/MANIFEST.csv" ]; then
	skip "electronic invoices" "the published samples are not beside the tree ($E)"
	done_testing
fi

count()
{
	sqlite3 -batch "$DB" "$1"
}

init_co()
{
	cart init --name "Emisora $1" --country "$1" --currency "$2" --currency2 "$3" \
		--decimal-sep . --thousands-sep ,
}

# The balance of a client (by tax id) in a currency, from the ledger's entries.
balance_of()
{
	count "select coalesce(sum(case e.side when 'D' then e.amount else -e.amount end), 0)
	       from entries e join clients c on c.id = e.client_id
	       where c.tax_id = '$1' and e.currency = '$2'"
}

# ---- help ----
cart import einvoice --help
assert_status 0 "import einvoice --help exits 0"
assert_contains "$OUT" "Exit status: 0 when every file was imported" "the help gives the exit statuses"

# ---- every published file, by country ----
declare -A got
for cc in "MX MXN USD mx" "PE PEN USD pe" "CO COP USD co"; do
	set -- $cc
	DB="$T/$4.db"
	init_co "$1" "$2" "$3"
	cart company set --import-creates-clients yes
	if [ "$1" = PE ]; then
		# the samples' customer RUC 12121212121 fails SUNAT's rule: a client entered by hand
		cart client add "Carlos Feria" --receiver foreign --tax-id 12121212121
	fi
	cart import einvoice "$E/$4"
	assert_status 1 "$1: a folder with refused files exits 1"
	while IFS= read -r line; do
		f=${line%%: *}
		f=${f#"$E/"}
		rest=${line#*: }
		got[$f]=${rest%%:*}
	done <<<"$OUT"
	eval "out_$4=\$OUT"
	check_ok "$1's files"
done

# README.md's outcomes, file by file
declare -A want=(
	[mx/invoice/cfdiutils-real-pase-O-52375239.xml]=imported
	[mx/invoice/cfdiexpresiones-real-csm.xml]=imported
	[mx/invoice/cfdiutils-eku-discount-stamped.xml]=imported
	[mx/invoice/cfdiutils-usd-discounts-XXX-0000123456.xml]=imported
	[mx/invoice/satcfdi-xiqb-A-123456-ppd-stamped.xml]=imported
	[mx/invoice/satcfdi-xiqb-A-123456-6conceptos-rounding.xml]=refused
	[mx/invoice/pycfdi-eku-Arizona-89601772-ine.xml]=imported
	[mx/payment/cfdiutils-pago20-two-invoices.xml]=imported
	[mx/payment/cfdiutils-pagos20-calc-001-four-plus-usd.xml]=imported
	[mx/payment/cfdiutils-pagos20-calc-003-two-pagos.xml]=imported
	[mx/payment/satcfdi-pago-xiqb-full.xml]=imported
	[mx/payment/satcfdi-mpago2-duplicate-dr.xml]=refused
	[mx/payment/satcfdi-sat-example-pagos20-three.xml]=imported
	[mx/payment/pycfdi-pago-stamped-unknown-invoice.xml]=imported
	[pe/invoice/openubl-FF11-2.xml]=imported
	[pe/invoice/openubl-FF11-4.xml]=imported
	[pe/invoice/openubl-F001-1-cuotas.xml]=refused
	[pe/invoice/openubl-F001-1-usd.xml]=imported
	[pe/invoice/ublvalidator-F001-697-inconsistent.xml]=refused
	[pe/invoice/greenterxml2model-real-F001-4755.xml]=imported
	[pe/credit_note/openubl-FF11-1-nc-for-FF11-2.xml]=imported
	[pe/credit_note/openubl-FF11-3-nc-for-FF11-4.xml]=imported
	[pe/credit_note/openubl-FC01-1-nc-for-F001-1.xml]=held
	[pe/credit_note/ublvalidator-FC01-211-inconsistent.xml]=refused
	[pe/debit_note/openubl-FF11-1-nd-for-FF11-2.xml]=imported
	[pe/debit_note/openubl-FD01-1-nd-for-F001-1.xml]=held
	[pe/debit_note/ublvalidator-FD01-211.xml]=refused
	[co/invoice/ubl21dian-SETP990000002-signed.xml]=imported
	[co/invoice/ubl21dian-SETP990000008-unsigned.xml]=refused
	[co/invoice/ubl21dian-PRUE980087365-inconsistent.xml]=refused
	[co/invoice/facho-SETP990000001-malformed.xml]=refused
	[co/credit_note/ubl21dian-NC3-usd.xml]=held
	[co/credit_note/ubl21dian-NC1000-zero-noref.xml]=refused
	[co/debit_note/ubl21dian-ND1-usd.xml]=held
)
n_manifest=0
while IFS= read -r f; do
	n_manifest=$((n_manifest + 1))
	assert_eq "${want[$f]:-(no expectation)}" "${got[$f]:-(not reported)}" "$f: ${want[$f]}"
done < <(python3 -c 'import csv,sys; [print(r["file"]) for r in csv.DictReader(open(sys.argv[1]))]' "$E/MANIFEST.csv")
assert_eq "34" "$n_manifest" "every one of the 34 files of MANIFEST.csv was checked"
assert_contains "$out_mx" "satcfdi-xiqb-A-123456-6conceptos-rounding.xml: refused: conflict: Serie-Folio A-123456" \
	"the unstamped CFDI sharing the stamped one's Serie-Folio is a conflict"
assert_contains "$out_mx" "satcfdi-mpago2-duplicate-dr.xml: refused: inconsistent: the payment lists the invoice 6D7434A6-E3F2-47AD-9E4C-08849946AFA0 more than once" \
	"a payment listing one invoice twice is refused"
assert_contains "$out_pe" "openubl-F001-1-cuotas.xml: refused: inconsistent instalments: they add up to 30.00" \
	"instalments of 30.00 on 2,360.00 are refused with the figures"
assert_contains "$out_pe" "ublvalidator-F001-697-inconsistent.xml: refused: totals disagree: the lines add up to 48180.72, LineExtensionAmount says 39196.46" \
	"header totals that disagree with the lines are refused with both figures"
assert_contains "$out_pe" "openubl-FC01-1-nc-for-F001-1.xml: held:" "the note on the ambiguous F001-1 is held"
assert_contains "$out_co" "ubl21dian-SETP990000008-unsigned.xml: refused: inconsistent dates: due 2019-04-04, before the issue date 2019-06-12" \
	"a due date before the issue date is refused"
assert_contains "$out_co" "ubl21dian-NC1000-zero-noref.xml: refused: the amount is zero" "a zero credit note is refused"
assert_contains "$out_co" "ubl21dian-NC3-usd.xml: held: UBL 2.1 credit note NC3: invoice SETP990000015 is not in the ledger" \
	"a note on an invoice not in the ledger is held"

# the imported files carry the manifest's figures: total, currency, customer, date
for cc in mx pe co; do
	DB="$T/$cc.db"
	count "select k.source, k.kind, d.currency, sum(d.total), c.tax_id, min(d.date)
	       from legal_numbers k join documents d on d.id = k.document_id
	       join clients c on c.id = d.client_id group by k.source, k.kind" >"$T/posted.$cc"
done
cat "$T/posted.mx" "$T/posted.pe" "$T/posted.co" >"$T/posted"
python3 - "$E" "$T/posted" >"$T/figures" <<'EOF'
import csv, sys, re
base, posted = sys.argv[1], sys.argv[2]
rows = {}
for line in open(posted):
    src, kind, cur, total, tax, date = line.rstrip("\n").split("|")
    f = src[len(base) + 1:] if src.startswith(base) else src
    rows[f] = (kind, cur, int(total), tax, date)
for r in csv.DictReader(open(base + "/MANIFEST.csv")):
    f = r["file"]
    if f not in rows:
        continue
    kind, cur, total, tax, date = rows[f]
    want_total = round(float(r["total"]) * 100)
    want_cur = r["currency"].split()[0]
    if r["kind"] == "payment":
        want_cur, date, want_date = "MXN", "", ""   # receipts in the invoices' currency, dated by payment
    else:
        want_date = r["issue_date"]
    ok = total == want_total and (cur == want_cur) and tax == r["receiver_tax_id"].strip() \
        and date == want_date
    print("%s %s total %d/%d %s/%s %s/%s %s/%s" % ("ok" if ok else "BAD", f, total, want_total,
          cur, want_cur, tax, r["receiver_tax_id"].strip(), date, want_date))
EOF
n_fig=$(grep -c . "$T/figures")
assert_eq "20" "$n_fig" "20 files were posted"
bad=$(grep -v '^ok' "$T/figures")
assert_eq "" "$bad" "each posted file's total, currency, customer and date are the manifest's"

# ---- the linked cases of README.md ----
DB="$T/mx.db"
assert_eq "0" "$(balance_of KIJ0906199R1 MXN)" "MX: invoice A-123456 (14,672.08) and its payment leave KIJ at 0.00"
assert_eq "0" "$(count "select e.open from entries e join legal_numbers k on k.document_id = e.document_id where k.number = '6D7434A6-E3F2-47AD-9E4C-08849946AFA0'")" \
	"MX: the stamped invoice is paid in full by the complement naming its UUID"
assert_eq "USD|324800" "$(count "select e.currency, e.amount from entries e join legal_numbers k on k.document_id = e.document_id where k.number = 'XXX-0000123456'")" \
	"MX: the USD invoice is a USD charge of 3,248.00"
assert_eq "UNIVERSIDAD ROBOTICA ESPAÑOLA" "$(count "select name from clients where tax_id = 'URE180429TM6'")" \
	"MX: a customer with an Ñ is created with its name as written"
assert_eq "2534.43" "$(count "select printf('%.2f', sum(e.amount) / 100.0) from entries e join legal_numbers k on k.document_id = e.document_id where k.source like '%four-plus-usd.xml'")" \
	"MX: 40 USD paying an MXN invoice is 694.43 MXN (ImpPagado): the file's receipts make 2,534.43"
DB="$T/pe.db"
assert_eq "59000" "$(balance_of 12121212121 PEN)" "PE: FF11-2 590.00, its credit note and its debit note leave 590.00"
assert_eq "0" "$(count "select e.open from entries e join legal_numbers k on k.document_id = e.document_id where k.number = 'FF11-4' and k.kind = 'invoice'")" \
	"PE: FF11-4 (6,490.00) is credited to 0.00 by FF11-3"
assert_eq "2" "$(count "select count(*) from legal_numbers where number = 'FF11-1'")" \
	"PE: NC FF11-1 and ND FF11-1 are two documents"

# ---- the same folder again: nothing posted ----
for cc in mx pe co; do
	DB="$T/$cc.db"
	dump_save "$DB" "again_$cc"
	cart import einvoice "$E/$cc"
	assert_dump_same "$DB" "again_$cc" "$cc: the second import posts nothing"
	assert_not_contains "$OUT" ": imported:" "$cc: no file is imported twice"
done
assert_contains "$OUT" "ubl21dian-SETP990000002-signed.xml: already in the ledger: invoice SETP990000002 of 800197268 as FAC-000001; nothing posted" \
	"each file already there is named with its document"
DB="$T/pe.db"
cart import einvoice "$E/pe/invoice/openubl-FF11-2.xml"
assert_status 0 "a file already imported exits 0 (for cron)"
cart show FF11-2
assert_contains "$OUT" "legal number FF11-2 (invoice of 12345678912)" "show finds an imported invoice by its series-number"
DB="$T/co.db"
cart show 941cf36af62dbbc06f105d2a80e9bfe683a90e84960eae4d351cc3afbe8f848c26c39bac4fbc80fa254824c6369ea694
assert_contains "$OUT" "SETP990000002" "show finds a DIAN invoice by its CUFE"

# ---- one by one, in the order README.md walks through ----
DB="$T/pe1.db"
init_co PE PEN USD
cart client add "Carlos Feria" --receiver foreign --tax-id 12121212121
cart import einvoice "$E/pe/invoice/openubl-FF11-2.xml"
assert_status 0 "PE: FF11-2 alone imports (exit 0)"
assert_eq "59000" "$(balance_of 12121212121 PEN)" "PE: 590.00 after FF11-2"
cart import einvoice "$E/pe/credit_note/openubl-FF11-1-nc-for-FF11-2.xml"
assert_eq "0" "$(balance_of 12121212121 PEN)" "PE: 0.00 after NC FF11-1"
cart import einvoice "$E/pe/debit_note/openubl-FF11-1-nd-for-FF11-2.xml"
assert_eq "59000" "$(balance_of 12121212121 PEN)" "PE: 590.00 after ND FF11-1"
assert_eq "debit-note|ND-000001|ND|59000|FAC-000001" "$(count "select d.type, d.number, e.code, e.amount,
	 i.number from legal_numbers k join documents d on d.id = k.document_id
	 join entries e on e.document_id = d.id join documents i on i.id = d.amends_id
	 where k.kind = 'debit-note' and k.number = 'FF11-1'")" \
	"PE: ND FF11-1 posts as debit note ND-000001 (an ND charge of 590.00) amending FF11-2's invoice"
assert_eq "0" "$(count "select count(*) from documents where type = 'journal'")" \
	"PE: no journal charge for it"
cart report document ND-000001 --format txt
assert_contains "$OUT" "FAC-000001" "PE: the printed note names the invoice it amends"
cart import einvoice "$E/pe/debit_note/openubl-FF11-1-nd-for-FF11-2.xml"
assert_eq "59000|1" "$(balance_of 12121212121 PEN)|$(count "select count(*) from documents where type = 'debit-note'")" \
	"PE: ND FF11-1 a second time posts nothing (its legal number is its identity)"
cart import einvoice "$E/pe/credit_note/openubl-FF11-3-nc-for-FF11-4.xml"
assert_status 1 "PE: a note before its invoice exits 1"
assert_contains "$OUT" "held: UBL 2.1 credit note FF11-3: invoice FF11-4 is not in the ledger" "and is held"
cart import einvoice "$E/pe/invoice/openubl-FF11-4.xml"
cart import einvoice "$E/pe/credit_note/openubl-FF11-3-nc-for-FF11-4.xml"
assert_status 0 "PE: imported again once its invoice is there, the note posts"
check_ok "PE one by one"

# ---- customers: refused unless the company allows creating them ----
DB="$T/co2.db"
init_co CO COP USD
cart import einvoice "$E/co/invoice/ubl21dian-SETP990000002-signed.xml"
assert_status 1 "an unknown customer refuses the file by default"
assert_contains "$OUT" "the customer OPTICAS GMO COLOMBIA S A S, tax id 900108281, is not a client" "naming the customer"
assert_eq "0" "$(count "select count(*) from documents")" "nothing was posted"
cart import einvoice --create-clients "$E/co/invoice/ubl21dian-SETP990000002-signed.xml"
assert_status 0 "--create-clients creates it"
assert_eq "OPTICAS GMO COLOMBIA S A S|1402407" "$(count "select c.name, d.total from documents d join clients c on c.id = d.client_id")" \
	"and posts 14,024.07 (PayableAmount, after the 1,000.00 prepaid)"
DB="$T/co3.db"
cart init --name "Otra" --country CO --currency COP --tax-id 900373115
cart import einvoice --create-clients "$E/co/invoice/ubl21dian-SETP990000002-signed.xml"
assert_status 1 "an invoice issued by another company is refused"
assert_contains "$OUT" "issued by 800197268" "naming the issuer"
DB="$T/mx2.db"
init_co MX MXN USD
printf '<?xml version="1.0"?><cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4"' >"$T/broken.xml"
cart import einvoice "$T/broken.xml"
assert_status 1 "a malformed file exits 1"
assert_contains "$OUT" "broken.xml: refused: not well-formed XML" "and is named"
cart import einvoice "$E/pe/invoice/openubl-FF11-2.xml"
assert_contains "$OUT" "a document of PE, but the company is in MX" "a Peruvian invoice in a Mexican ledger is refused"

# ---- samples written here: instalments and accents (UBL), a payment paying two invoices ----
DB="$T/pe2.db"
init_co PE PEN USD
mkdir -p "$T/drop"
cat >"$T/drop/F002-77.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
 <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
 <cbc:CustomizationID>2.0</cbc:CustomizationID>
 <cbc:ID>F002-77</cbc:ID>
 <cbc:IssueDate>2026-03-01</cbc:IssueDate>
 <cbc:InvoiceTypeCode>01</cbc:InvoiceTypeCode>
 <cbc:DocumentCurrencyCode>PEN</cbc:DocumentCurrencyCode>
 <cac:AccountingSupplierParty><cac:Party><cac:PartyIdentification><cbc:ID schemeID="6">20100070970</cbc:ID></cac:PartyIdentification>
  <cac:PartyLegalEntity><cbc:RegistrationName>Emisora del Perú S.A.</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
 <cac:AccountingCustomerParty><cac:Party><cac:PartyIdentification><cbc:ID schemeID="6">20114839176</cbc:ID></cac:PartyIdentification>
  <cac:PartyLegalEntity><cbc:RegistrationName>Compañía Peñaranda &amp; Muñoz S.A.C.</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
 <cac:PaymentTerms><cbc:ID>FormaPago</cbc:ID><cbc:PaymentMeansID>Credito</cbc:PaymentMeansID><cbc:Amount currencyID="PEN">1180.00</cbc:Amount></cac:PaymentTerms>
 <cac:PaymentTerms><cbc:ID>FormaPago</cbc:ID><cbc:PaymentMeansID>Cuota001</cbc:PaymentMeansID><cbc:Amount currencyID="PEN">590.00</cbc:Amount><cbc:PaymentDueDate>2026-04-01</cbc:PaymentDueDate></cac:PaymentTerms>
 <cac:PaymentTerms><cbc:ID>FormaPago</cbc:ID><cbc:PaymentMeansID>Cuota002</cbc:PaymentMeansID><cbc:Amount currencyID="PEN">590.00</cbc:Amount><cbc:PaymentDueDate>2026-05-01</cbc:PaymentDueDate></cac:PaymentTerms>
 <cac:TaxTotal><cbc:TaxAmount currencyID="PEN">180.00</cbc:TaxAmount>
  <cac:TaxSubtotal><cbc:TaxableAmount currencyID="PEN">1000.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="PEN">180.00</cbc:TaxAmount>
   <cac:TaxCategory><cbc:Percent>18</cbc:Percent><cac:TaxScheme><cbc:ID>1000</cbc:ID><cbc:Name>IGV</cbc:Name></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>
 <cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="PEN">1000.00</cbc:LineExtensionAmount>
  <cbc:TaxInclusiveAmount currencyID="PEN">1180.00</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="PEN">1180.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
 <cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:InvoicedQuantity unitCode="NIU">4</cbc:InvoicedQuantity>
  <cbc:LineExtensionAmount currencyID="PEN">1000.00</cbc:LineExtensionAmount>
  <cac:TaxTotal><cbc:TaxAmount currencyID="PEN">180.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:Item><cbc:Description>Señalética de acrílico</cbc:Description></cac:Item>
  <cac:Price><cbc:PriceAmount currencyID="PEN">250.00</cbc:PriceAmount></cac:Price></cac:InvoiceLine>
</Invoice>
EOF
cart import einvoice --create-clients "$T/drop"
assert_status 0 "a folder of good files exits 0"
assert_contains "$OUT" "for Compañía Peñaranda & Muñoz S.A.C.: 1,180.00 PEN posted as FAC-000001" "a UBL invoice for a customer with accents"
assert_eq "2026-04-01|59000
2026-05-01|59000" "$(count "select due_date, amount from instalments order by seq")" "its two Cuotas are the invoice's instalments"
assert_eq "Compañía Peñaranda & Muñoz S.A.C." "$(count "select name from clients")" "the customer's name is kept as written"

DB="$T/mx3.db"
init_co MX MXN USD
cfdi()
{
	# cfdi UUID FOLIO TOTAL: a stamped CFDI 4.0 invoice for COSC8001137NA, IVA 16% included
	local sub tax
	sub=$(python3 -c "print('%.2f' % (round($3 / 1.16, 2)))")
	tax=$(python3 -c "print('%.2f' % ($3 - round($3 / 1.16, 2)))")
	cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital"
 Version="4.0" Serie="F" Folio="$2" Fecha="2023-05-01T09:00:00" SubTotal="$sub" Moneda="MXN" Total="$3"
 TipoDeComprobante="I" MetodoPago="PPD" Exportacion="01" LugarExpedicion="63732">
 <cfdi:Emisor Rfc="EKU9003173C9" Nombre="ESCUELA KEMPER URGATE" RegimenFiscal="601"/>
 <cfdi:Receptor Rfc="COSC8001137NA" Nombre="CARLOS CORTÉS SOTO" UsoCFDI="G03"/>
 <cfdi:Conceptos><cfdi:Concepto Cantidad="1" Descripcion="Colegiatura" ValorUnitario="$sub" Importe="$sub" ObjetoImp="02">
  <cfdi:Impuestos><cfdi:Traslados><cfdi:Traslado Base="$sub" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="$tax"/></cfdi:Traslados></cfdi:Impuestos>
 </cfdi:Concepto></cfdi:Conceptos>
 <cfdi:Impuestos TotalImpuestosTrasladados="$tax"><cfdi:Traslados><cfdi:Traslado Base="$sub" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="$tax"/></cfdi:Traslados></cfdi:Impuestos>
 <cfdi:Complemento><tfd:TimbreFiscalDigital Version="1.1" UUID="$1" FechaTimbrado="2023-05-01T09:01:00"/></cfdi:Complemento>
</cfdi:Comprobante>
EOF
}
mkdir -p "$T/mxdrop"
cfdi 00000000-1111-2222-3333-00000000000a 1 12000.00 >"$T/mxdrop/a.xml"
cfdi 00000000-1111-2222-3333-00000000000B 2 10000.00 >"$T/mxdrop/b.xml"
cart import einvoice --create-clients "$T/mxdrop"
assert_status 0 "two CFDI invoices import"
cart import einvoice "$E/mx/payment/cfdiutils-pago20-two-invoices.xml"
assert_status 0 "the payment complement paying both imports"
assert_contains "$OUT" "15,000.00 MXN RC-000001" "as one receipt of 15,000.00"
assert_eq "F-1|0
F-2|700000" "$(count "select d.reference, e.open from entries e join documents d on d.id = e.document_id where d.type = 'invoice' order by d.reference")" \
	"...000A is paid (12,000.00) and ...000B has 7,000.00 left"
assert_eq "2" "$(count "select count(*) from allocations")" "two allocations"
check_ok "a payment paying two invoices"
cart import einvoice "$E/mx/payment/cfdiutils-pago20-two-invoices.xml"
assert_contains "$OUT" "already in the ledger" "the same payment twice posts nothing"
assert_eq "1" "$(count "select count(*) from documents where type = 'receipt'")" "one receipt"

done_testing
