/* Unit tests for the statement readers (src/bank): CSV through a column profile (quotes holding
 * the separator, both decimal separators, debit and credit columns, dates in another order, the
 * same line twice in one file, columns named by their header, bad lines named), the profile's
 * checks, and camt.053 (a batch of payments split into lines, debits and reversals left aside).
 * Also built under ASan/UBSan (san_bank). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/bank.h"

static bank_profile semicolon(void)
{
	bank_profile p;

	memset(&p, 0, sizeof p);
	p.delimiter = ';';
	p.header = 1;
	p.dec_sep = ',';
	snprintf(p.date_format, sizeof p.date_format, "dd/mm/yyyy");
	return p;
}

static void test_csv_debit_credit(void **state)
{
	static const char csv[] =
		"\xef\xbb\xbf" "Fecha;Descripción;Referencia;Débito;Crédito\r\n"
		"02/06/2026;\"PAGO; NIT 890.903.938-8\";FAC-000001;;3.500,50\r\n"
		"05/06/2026;COMISIÓN;;12.000,00;\r\n"
		"\r\n"
		"06/06/2026;DEPOSITO;;;50\r\n"
		"06/06/2026;DEPOSITO;;;50\r\n";
	const char *const header[] = { "Fecha", "Descripción", "Referencia", "Débito", "Crédito" };
	bank_profile p = semicolon();
	bank_stmt st;
	cart_err e;

	(void)state;
	memset(&st, 0, sizeof st);
	assert_int_equal(bank_profile_columns(&p, "date=Fecha,description=2,reference=referencia,"
	                                      "debit=4,credit=5", header, 5, &e), CART_OK);
	assert_int_equal(p.desc_col, 2);
	assert_int_equal(p.ref_col, 3);
	assert_int_equal(bank_read_csv(csv, sizeof csv - 1, &p, "Bancolombia", &st, &e), CART_OK);
	assert_int_equal(st.entries, 4);
	assert_int_equal(st.debits, 1);
	assert_int_equal(st.n, 3);
	assert_string_equal(st.lines[0].date, "2026-06-02");
	assert_string_equal(st.lines[0].amount, "3500.50");
	assert_string_equal(st.lines[0].description, "PAGO; NIT 890.903.938-8");
	assert_string_equal(st.lines[0].reference, "FAC-000001");
	assert_string_equal(st.lines[1].amount, "50");
	/* the same line twice in one file: two payments, #1 and #2 */
	assert_int_equal(strncmp(st.lines[1].identity, st.lines[2].identity, 20), 0);
	assert_string_equal(st.lines[1].identity + 20, "#1");
	assert_string_equal(st.lines[2].identity + 20, "#2");
	assert_string_not_equal(st.lines[0].identity, st.lines[1].identity);
	bank_stmt_free(&st);
}

static void test_csv_signed_amount(void **state)
{
	static const char csv[] = "date,amount,memo\n2026-06-09,-25.00,FEE\n"
	                          "2026-06-09,\"1,000.00\",Cuotas\n2026-06-10,(3.00),Fee\n";
	bank_profile p;
	bank_stmt st;
	cart_err e;

	(void)state;
	memset(&p, 0, sizeof p);
	memset(&st, 0, sizeof st);
	p.delimiter = ',';
	p.header = 1;
	p.dec_sep = '.';
	snprintf(p.date_format, sizeof p.date_format, "yyyy-mm-dd");
	assert_int_equal(bank_profile_columns(&p, "date=1,amount=2,description=3", NULL, 0, &e),
	                 CART_OK);
	assert_int_equal(bank_read_csv(csv, sizeof csv - 1, &p, "D", &st, &e), CART_OK);
	assert_int_equal(st.n, 1);
	assert_int_equal(st.debits, 2);
	assert_string_equal(st.lines[0].amount, "1000.00");
	/* another account: another identity for the same line */
	{
		bank_stmt other;

		memset(&other, 0, sizeof other);
		assert_int_equal(bank_read_csv(csv, sizeof csv - 1, &p, "E", &other, &e), CART_OK);
		assert_string_not_equal(st.lines[0].identity, other.lines[0].identity);
		bank_stmt_free(&other);
	}
	bank_stmt_free(&st);
}

static void test_csv_bad_lines(void **state)
{
	static const char bad_date[] = "h\n31/02/2026;x;;;1,00\n";
	static const char bad_amount[] = "h\n01/02/2026;x;;;1,0,0\n";
	static const char latin1[] = "h\n01/02/2026;CAF\xc9;;;1,00\n";
	bank_profile p = semicolon();
	bank_stmt st;
	cart_err e;

	(void)state;
	p.date_col = 1;
	p.desc_col = 2;
	p.debit_col = 4;
	p.credit_col = 5;
	memset(&st, 0, sizeof st);
	assert_int_equal(bank_read_csv(bad_date, sizeof bad_date - 1, &p, "A", &st, &e),
	                 CART_INVALID);
	assert_non_null(strstr(e.msg, "line 2, column 1"));
	bank_stmt_free(&st);
	assert_int_equal(bank_read_csv(bad_amount, sizeof bad_amount - 1, &p, "A", &st, &e),
	                 CART_INVALID);
	assert_non_null(strstr(e.msg, "line 2, column 5"));
	bank_stmt_free(&st);
	/* Windows-1252 text becomes UTF-8 */
	assert_int_equal(bank_read_csv(latin1, sizeof latin1 - 1, &p, "A", &st, &e), CART_OK);
	assert_string_equal(st.lines[0].description, "CAFÉ");
	bank_stmt_free(&st);
}

static void test_profile_checks(void **state)
{
	bank_profile p = semicolon();
	cart_err e;

	(void)state;
	assert_int_equal(bank_profile_columns(&p, "date=1,description=2", NULL, 0, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "amount"));
	assert_int_equal(bank_profile_columns(&p, "date=1,amount=2,credit=3,description=4", NULL, 0,
	                                      &e), CART_INVALID);
	assert_int_equal(bank_profile_columns(&p, "fecha=1", NULL, 0, &e), CART_INVALID);
	assert_int_equal(bank_profile_columns(&p, "date=Fecha,amount=2,description=3", NULL, 0, &e),
	                 CART_INVALID);
	snprintf(p.date_format, sizeof p.date_format, "dd/mm/yy");
	assert_int_equal(bank_profile_columns(&p, "date=1,amount=2,description=3", NULL, 0, &e),
	                 CART_INVALID);
	assert_int_equal(bank_format_sniff("OFXHEADER:100", 13), BANK_OFX);
	assert_int_equal(bank_format_sniff("\n<?xml version", 14), BANK_CAMT);
	assert_int_equal(bank_format_sniff("Fecha;Valor", 11), BANK_CSV);
	assert_int_equal(bank_csv_guess_delimiter("a;b;c,d\n1;2;3\n", 14), ';');
}

static void test_camt_batch(void **state)
{
	static const char xml[] =
		"<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04\">"
		"<BkToCstmrStmt><Stmt><Acct><Id><IBAN>CH11</IBAN></Id><Ccy>CHF</Ccy></Acct>"
		"<Ntry><Amt Ccy=\"CHF\">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2017-03-22</Dt>"
		"</BookgDt><AcctSvcrRef>REF1</AcctSvcrRef><NtryDtls>"
		"<TxDtls><Amt Ccy=\"CHF\">10.00</Amt><RmtInf><Strd><CdtrRefInf><Ref>R-1</Ref></CdtrRefInf>"
		"</Strd></RmtInf><RltdPties><Dbtr><Nm>Émile</Nm></Dbtr></RltdPties></TxDtls>"
		"<TxDtls><AmtDtls><TxAmt><Amt Ccy=\"CHF\">20.00</Amt></TxAmt></AmtDtls><RmtInf><Ustrd>"
		"FAC-000002</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
		"<Ntry><Amt Ccy=\"CHF\">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>"
		"<BookgDt><Dt>2017-03-22</Dt></BookgDt></Ntry>"
		"<Ntry><Amt Ccy=\"CHF\">7.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><DtTm>"
		"2017-03-23T10:00:00+01:00</DtTm></BookgDt><AddtlNtryInf>INTERES</AddtlNtryInf></Ntry>"
		"</Stmt></BkToCstmrStmt></Document>";
	bank_stmt st;
	cart_err e;

	(void)state;
	memset(&st, 0, sizeof st);
	assert_int_equal(bank_read_camt(xml, sizeof xml - 1, &st, &e), CART_OK);
	assert_int_equal(st.entries, 3);
	assert_int_equal(st.debits, 1);
	assert_int_equal(st.n, 3);
	assert_string_equal(st.account, "CH11");
	assert_string_equal(st.lines[0].identity, "camt:REF1#1");
	assert_string_equal(st.lines[0].amount, "10.00");
	assert_string_equal(st.lines[0].reference, "R-1");
	assert_string_equal(st.lines[0].payer, "Émile");
	assert_string_equal(st.lines[1].identity, "camt:REF1#2");
	assert_string_equal(st.lines[1].amount, "20.00");
	assert_string_equal(st.lines[1].description, "FAC-000002");
	assert_string_equal(st.lines[2].date, "2017-03-23");
	assert_string_equal(st.lines[2].amount, "7.00");
	assert_int_equal(strncmp(st.lines[2].identity, "camt-hash:", 10), 0);
	bank_stmt_free(&st);
	assert_int_equal(bank_read_camt("<a/>", 4, &st, &e), CART_INVALID);
	bank_stmt_free(&st);
	assert_int_equal(bank_read_camt("<a", 2, &st, &e), CART_INVALID);
	bank_stmt_free(&st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_debit_credit),
		cmocka_unit_test(test_csv_signed_amount),
		cmocka_unit_test(test_csv_bad_lines),
		cmocka_unit_test(test_profile_checks),
		cmocka_unit_test(test_camt_batch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
