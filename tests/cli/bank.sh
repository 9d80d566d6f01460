#!/bin/bash
# tests/cli/bank.sh: bank statements (SPEC I3) through the built binary. The published OFX and
# camt.053 files of ../shared/bank (used in place): every credit line is listed, proposed or
# unmatched, the credits add up to MANIFEST.csv's sums, a second import adds nothing. Then
# statements written here in each format (CSV with ; and , and debit/credit columns, CSV with a
# single signed amount column, OFX, camt.053) into a hand-built ledger: a line paying two
# invoices, an instalment found by the payer's name, a partial payment, an overpayment, an
# unknown client, an overlapping file; the expected proposals, the receipts and balances after
# accepting, nothing new on a second import, `check` with 0 problems. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

B="$CARTERA_SRCDIR/../shared/bank"

count()
{
	sqlite3 -batch "$DB" "$1"
}

# The balance of a client (by tax id), in minor units, from the ledger's entries.
balance_of()
{
	count "select coalesce(sum(case e.side when 'D' then e.amount else -e.amount end), 0)
	       from entries e join clients c on c.id = e.client_id where c.tax_id = '$1'"
}

# ---- the published files ----
if [ ! -f "$B/MANIFEST.csv" ]; then
	skip "published bank statements" "the samples are not beside the tree ($B)"
else
	DB="$T/published.db"
	cart init --name "Banco Prueba" --country PA --currency USD --decimal-sep . --thousands-sep ''
	assert_status 0 "init of a USD company with plain amounts"
	total_lines=0
	while IFS='|' read -r file cur sum; do
		cart bank import "$B/$file"
		assert_status 0 "$file imports"
		assert_match "$OUT" "[0-9]+ credits \\($sum $cur\\)|0 credits \\(0\\.00" \
			"$file: the credits add up to MANIFEST.csv's $sum"
		n=$(sed -n 's/.* entries, \([0-9]*\) credits .*/\1/p' <<<"$OUT")
		added=$(sed -n 's/^\([0-9]*\) new lines.*/\1/p' <<<"$OUT")
		assert_eq "$n" "$added" "$file: every credit line is a new line"
		total_lines=$((total_lines + n))
		cart bank import "$B/$file"
		assert_contains "$OUT" "0 new lines, $n already imported" "$file: twice adds nothing"
	done < <("$PYTHON" -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    print(r["file"], r["account_currency"][-3:], r["sum_credits"], sep="|")
' "$B/MANIFEST.csv")
	cart --format csv bank list
	listed=$(($(printf '%s\n' "$OUT" | wc -l) - 1))
	assert_eq "$total_lines" "$listed" "every credit line is listed (proposed or unmatched)"
	cart --format csv bank list --unmatched
	unmatched=$(($(printf '%s\n' "$OUT" | wc -l) - 1))
	# the USD lines find no client in an empty ledger; the others are in currencies it lacks
	assert_eq "$total_lines" "$unmatched" "with no clients, every line is listed unmatched"
	assert_eq "74783.87" "$(count "select printf('%.2f', sum(amount) / 100.0) from bank_lines b
		join bank_accounts a on a.id = b.account_id where a.number = '655000-2'")" \
		"Banco do Brasil: the second statement's 32 credits are kept under account 655000-2"
	assert_eq "TED-CRÉDITO EM CONTA" "$(count "select description from bank_lines
		where identity = 'ofx:2017030101331836'")" "cp1252 text read as UTF-8"
	assert_eq "DOC CRÉDITO EM CONTA" "$(count "select description from bank_lines
		where identity = 'ofx:20151103023955'")" "UTF-8 under CHARSET:1252 is not doubly encoded"
	assert_eq "218700 129600" "$(count "select amount from bank_lines b join bank_accounts a on
		a.id = b.account_id where a.number = 'CH1111000000123456789' order by identity" | xargs)" \
		"the OCA batch's two payments are two lines"
	assert_eq "24" "$(count "select count(*) from bank_lines b join bank_accounts a on
		a.id = b.account_id where a.number = 'CH0309000000250090342'")" \
		"PostFinance: 24 payments in 5 credit entries"
	check_ok "the published files"
fi

# ---- a hand-built ledger ----
DB="$T/ledger.db"
cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
assert_status 0 "init of a COP company"
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
cart client add "Cuotas Ltda" --tax-id 899999068
cart client add "Ñandú Comercial SAS" --tax-id 800197268
cart client add "Items SAS" --tax-id 860034313
cart invoice post --override prueba 1 1.000,00 --date 2026-03-01
cart invoice post --override prueba 1 2.500,50 --date 2026-04-01
cart invoice post --override prueba 2 900,00 --date 2026-04-15 --due 2026-05-15 --instalments 3
cart invoice post --override prueba 3 1.234,56 --date 2026-05-01
cart invoice post --override prueba 4 5.000,00 --date 2026-05-10
assert_eq "5" "$(count "select count(*) from documents where type = 'invoice'")" "five invoices"

printf '%s\r\n' 'Fecha;Descripción;Referencia;Débito;Crédito' \
	'02/06/2026;PAGO NIT 890.903.938-8 FACTURAS;FAC-000001 FAC-000002;;3.500,50' \
	'03/06/2026;TRANSFERENCIA CUOTAS LTDA;REF77;;300,00' \
	'04/06/2026;"Pago Ñandú Comercial; abono";;;1.000,00' \
	'05/06/2026;ABONO 860034313;X1;;6.000,00' \
	'05/06/2026;COMISIÓN BANCARIA;;12.000,00;' \
	'06/06/2026;CONSIGNACIÓN DESCONOCIDA;Z9;;777,77' >"$T/bancolombia.csv"

cart bank import "$T/bancolombia.csv" --account Bancolombia
assert_status 1 "a CSV of a new account without --columns is refused"
assert_contains "$ERR" "--columns" "the message names --columns"
assert_eq "0" "$(count "select count(*) from bank_lines")" "nothing imported then"

cart bank import "$T/bancolombia.csv" --account Bancolombia --separator ';' --decimal , \
	--columns 'date=Fecha,description=Descripción,reference=3,debit=4,credit=5'
assert_status 0 "the CSV imports with its layout"
assert_contains "$OUT" "5 credits (11.578,27 COP), 1 debits left aside" "credits and the debit"
assert_contains "$OUT" "5 new lines" "five new lines"
assert_contains "$OUT" "4 with a client proposed (1 certain), 1 unmatched" "proposals counted"
assert_contains "$OUT" "CSV layout was saved" "the profile is saved"

cart bank show 1
assert_contains "$OUT" "client: Grupo Uno SA (890903938), confidence 100%, certain" \
	"line 1: the NIT finds the client, certain"
assert_contains "$OUT" "NIT 890903938 in the description" "line 1: why names the NIT"
assert_contains "$OUT" "amount equals the open amounts of FAC-000001, FAC-000002 together" \
	"line 1: why names both invoices"
assert_contains "$OUT" "pays FAC-000001: 1.000,00" "line 1 pays FAC-000001"
assert_contains "$OUT" "pays FAC-000002: 2.500,50" "line 1 pays FAC-000002"
cart bank show 2
assert_contains "$OUT" "client: Cuotas Ltda" "line 2: the client by its name"
assert_contains "$OUT" "the name Cuotas Ltda in the text" "line 2: why names the name"
assert_contains "$OUT" "pays FAC-000003/1: 300,00" "line 2: the first instalment"
cart bank show 3
assert_contains "$OUT" "client: Ñandú Comercial SAS" "line 3: a name with accents"
assert_contains "$OUT" "pays part of FAC-000004 (1.000,00 of 1.234,56 open)" "line 3: partial"
cart bank show 4
assert_contains "$OUT" "client: Items SAS (860034313), confidence 60%" "line 4: by tax id"
assert_contains "$OUT" "1.000,00 left as a credit in favour" "line 4: overpayment"
cart bank show 5
assert_contains "$OUT" "client: none proposed" "line 5: unknown client"
cart --format csv bank list --unmatched
assert_eq "2" "$(printf '%s\n' "$OUT" | wc -l)" "one unmatched line in the report"
assert_contains "$OUT" "CONSIGNACIÓN DESCONOCIDA" "the report names it"
cart bank list --unmatched --output "$T/unmatched.xlsx"
assert_status 0 "the unmatched report as XLSX"
if [ "$HAVE_PYTHON" = 1 ] && "$PYTHON" -c 'import openpyxl' 2>/dev/null; then
	x=$("$PYTHON" -c '
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).active
print("|".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None))
' "$T/unmatched.xlsx")
	assert_contains "$x" "CONSIGNACIÓN DESCONOCIDA" "the XLSX holds the unmatched line"
	assert_contains "$x" "777.77" "the XLSX holds its amount"
fi

cart bank accept 1 2 3 4
assert_status 0 "four lines accepted"
assert_contains "$OUT" "line 1: RC-000001 Grupo Uno SA 3.500,50 COP" "line 1 became RC-000001"
assert_contains "$OUT" "line 4: RC-000004 Items SAS 6.000,00 COP, 1.000,00 left as a credit" \
	"line 4: the excess is a credit in favour"
assert_eq "0" "$(balance_of 890903938)" "Grupo Uno owes nothing"
assert_eq "60000" "$(balance_of 899999068)" "Cuotas owes two instalments"
assert_eq "23456" "$(balance_of 800197268)" "Ñandú owes the rest of FAC-000004"
assert_eq "-100000" "$(balance_of 860034313)" "Items has 1.000,00 in favour"
assert_eq "transfer|Bancolombia|FAC-000001 FAC-000002|FAC-000001 FAC-000002|2026-06-02" \
	"$(count "select m.kind, m.bank, m.number, d.reference, d.date from documents d
	join receipt_means m on m.document_id = d.id where d.number = 'RC-000001'")" \
	"the receipt is a transfer with the line's bank, reference and date"
cart bank accept 1
assert_status 1 "a line is never posted twice"
assert_contains "$ERR" "already accepted as RC-000001" "the refusal names the receipt"
cart bank ignore 5
assert_status 0 "line 5: not a client payment"
cart --format csv bank list
assert_eq "1" "$(printf '%s\n' "$OUT" | wc -l)" "nothing waiting after that"
check_ok "accepting the CSV's lines"

# the overlapping file of the next day: two lines seen before, one new, the same line twice
printf '%s\n' 'Fecha;Descripción;Referencia;Débito;Crédito' \
	'05/06/2026;ABONO 860034313;X1;;6.000,00' \
	'06/06/2026;CONSIGNACIÓN DESCONOCIDA;Z9;;777,77' \
	'08/06/2026;DEPOSITO EFECTIVO;;;50,00' \
	'08/06/2026;DEPOSITO EFECTIVO;;;50,00' >"$T/bancolombia2.csv"
cart bank import "$T/bancolombia2.csv" --account Bancolombia
assert_status 0 "the overlapping file imports with the saved layout"
assert_contains "$OUT" "2 new lines, 2 already imported" "only the new lines (the same one twice)"
cart bank import "$T/bancolombia2.csv" --account Bancolombia
assert_contains "$OUT" "0 new lines, 4 already imported" "importing it again adds nothing"
cart bank later 7
assert_status 0 "a line left for later"
cart --format csv bank list
assert_contains "$OUT" "later" "it stays in the list, marked later"

# a second bank: comma separator, point decimal, one signed amount column, ISO dates
printf '%s\n' 'date,amount,memo,ref' \
	'2026-06-09,-25.00,FEE,' \
	'2026-06-09,"1,000.00",Cuotas Ltda cuota,FAC-000003' >"$T/davivienda.csv"
cart bank import "$T/davivienda.csv" --account Davivienda --separator , --decimal . \
	--date-format yyyy-mm-dd --columns date=1,amount=2,description=3,reference=4
assert_status 0 "a CSV with a signed amount column"
assert_contains "$OUT" "1 credits (1.000,00 COP), 1 debits left aside" "the fee is a debit"
id=$(count "select max(id) from bank_lines")
cart bank show "$id"
assert_contains "$OUT" "FAC-000003 in the reference" "the document number finds the client"
assert_contains "$OUT" "pays FAC-000003/2: 300,00" "oldest instalment first"
assert_contains "$OUT" "400,00 left as a credit in favour" "the excess a credit"
cart bank accept "$id" --client 899999068 --to FAC-000003=300,00
assert_status 0 "accepted with the documents changed"
assert_contains "$OUT" "700,00 left as a credit" "only FAC-000003=300,00 paid, the rest a credit"

# ---- OFX and camt.053 written here, posted by --auto-exact ----
cat >"$T/stmt.ofx" <<'OFX'
OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20260610<LANGUAGE>SPA</SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>
<STMTRS><CURDEF>COP<BANKACCTFROM><BANKID>007<ACCTID>12345<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260601<DTEND>20260610
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260610<TRNAMT>234.56<FITID>A-001<NAME>NANDU COMERCIAL<MEMO>SALDO FAC-000004</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260610<TRNAMT>-10.00<FITID>A-002<NAME>COMISION</STMTTRN>
</BANKTRANLIST><LEDGERBAL><BALAMT>0<DTASOF>20260610</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1>
</OFX>
OFX
cart bank import "$T/stmt.ofx" --auto-exact
assert_status 0 "a hand-built OFX with --auto-exact"
assert_contains "$OUT" "1 credits (234,56 COP), 1 debits left aside" "OFX: one credit"
assert_contains "$OUT" "1 receipts posted (--auto-exact)" "OFX: the certain line posted"
assert_eq "0" "$(balance_of 800197268)" "Ñandú owes nothing"

cat >"$T/stmt.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-06-11T08:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><CreDtTm>2026-06-11T08:00:00</CreDtTm>
<Acct><Id><IBAN>CO00BANCO0001</IBAN></Id><Ccy>COP</Ccy></Acct>
<Ntry><Amt Ccy="COP">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-06-11</Dt></BookgDt><AcctSvcrRef>CAMT-1</AcctSvcrRef>
<NtryDtls><TxDtls><RmtInf><Ustrd>Última cuota FAC-000003</Ustrd></RmtInf>
<RltdPties><Dbtr><Nm>Cuotas Ltda</Nm></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="COP">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-06-11</Dt></BookgDt><AcctSvcrRef>CAMT-2</AcctSvcrRef>
<AddtlNtryInf>INTERESES</AddtlNtryInf></Ntry>
</Stmt></BkToCstmrStmt></Document>
XML
cart bank import "$T/stmt.xml" --auto-exact
assert_status 0 "a hand-built camt.053 with --auto-exact"
assert_contains "$OUT" "2 credits (399,00 COP)" "camt: two credits"
assert_contains "$OUT" "1 receipts posted (--auto-exact)" "camt: the certain line posted"
assert_eq "-70000" "$(balance_of 899999068)" "Cuotas owes nothing, 700,00 in favour"
cart bank import "$T/stmt.xml"
assert_contains "$OUT" "0 new lines, 2 already imported" "camt: twice adds nothing"
cart bank import "$T/stmt.ofx"
assert_contains "$OUT" "0 new lines, 1 already imported" "OFX: twice adds nothing"
check_ok "the OFX and camt.053 receipts"

done_testing
