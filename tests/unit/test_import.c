/* Unit tests for the imports (src/ctl/import_docs.c, src/ctl/einvoice*.c, src/model/ledger_import.c):
 * a CSV history with instalments, notes, receipts and an advance posted with the amounts the rows
 * give; a bad file posting nothing; legal numbers already in the ledger skipped; the clients of a
 * large file read at once (by id, tax id and name, a shared name left to the ledger to refuse);
 * a CFDI invoice, the payment complement that pays part of it and a CFDI credit note on it. Every test ends with the ledger's
 * invariant check (testlib.h); the san_ twin runs them under ASan/UBSan. */
#include "testlib.h"

#include "ctl/ctl_int.h"
#include "cartera/ctl.h"
#include "cartera/einvoice.h"
#include "cartera/import.h"
#include "model/ledger_import.h"

typedef struct fx {
	tl *t;
	ctl c;
} fx;

static int fx_setup(void **state)
{
	fx *x = calloc(1, sizeof *x);
	cart_err e = { 0 };
	void *ts = NULL;

	assert_non_null(x);
	tl_setup(&ts);
	x->t = ts;
	x->c.l = x->t->l;
	snprintf(x->c.path, sizeof x->c.path, "%s", x->t->path);
	TL_OK(ledger_company_get(x->t->l, &x->c.co, &e), &e);
	x->c.have_company = 1;
	*state = x;
	return 0;
}

static int fx_teardown(void **state)
{
	fx *x = *state;
	void *ts = x->t;

	free(x);
	*state = NULL;
	return tl_teardown(&ts);
}

static int import_text(fx *x, const char *text, import_result *r, cart_err *e)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	int rc;

	assert_non_null(fp);
	cart_clear(e);
	rc = import_documents(&x->c, fp, "docs.csv", NULL, NULL, r, e);
	fclose(fp);
	return rc;
}

static int64_t scalar(fx *x, const char *ref, char side)
{
	doc_info d;
	doc_entry ent[8];
	cart_err e = { 0 };
	int n = 0;

	TL_OK(ctl_doc_ref(&x->c, ref, &d, &e), &e);
	TL_OK(ledger_document_entries(x->t->l, d.id, ent, 8, &n, &e), &e);
	for (int i = 0; i < n; i++)
		if (ent[i].side == side)
			return ent[i].open;
	return -1;
}

static void csv_history(void **state)
{
	fx *x = *state;
	import_result r;
	cart_err e;
	const char *text =
		"\xef\xbb\xbf" "type,number,client,date,due,amount,instalments,applies_to,legal_number\n"
		"invoice,F-1,Acme SAS,2026-01-10,2026-02-10,1000.00,,,F001-1\n"
		"invoice,F-2,Acme SAS,2026-01-15,,900.00,2026-02-15;2026-03-15;2026-04-15,,\n"
		"receipt,R-1,Acme SAS,2026-02-20,,500.00,,F-2#2=300.00;F-1=200.00,\n"
		"credit-note,NC-1,Acme SAS,2026-01-20,,100.00,,F-1,\n"
		"debit-note,ND-1,Acme SAS,2026-01-25,,40.00,,F-1,\n"
		"advance,A-1,Acme SAS,2026-03-01,,75.00,,,\n";

	TL_OK(import_text(x, text, &r, &e), &e);
	assert_int_equal(r.documents, 6);
	assert_int_equal(r.allocations, 3);
	assert_int_equal(r.errors.n, 0);
	/* F-1: 1000 - 100 (note) - 200 (receipt) */
	assert_int_equal(scalar(x, "F001-1", 'D'), 70000);
	/* F-2 in three instalments of 300: the receipt paid the second */
	assert_int_equal(scalar(x, "FAC-000002", 'D'), 60000);
	/* the debit note is a debit note amending F-1, not a journal charge */
	assert_int_equal(scalar(x, "ND-000001", 'D'), 4000);
	{
		doc_info d;

		TL_OK(ctl_doc_ref(&x->c, "ND-000001", &d, &e), &e);
		assert_int_equal(d.type, DOC_DEBIT_NOTE);
		assert_string_equal(d.amends, "FAC-000001");
	}
	assert_int_equal(scalar(x, "ANT-000001", 'C'), 7500);
	import_result_free(&r);
}

static void csv_bad_file_posts_nothing(void **state)
{
	fx *x = *state;
	import_result r;
	cart_err e;
	int yes = 1;
	const char *text =
		"type,number,client,date,amount,applies_to\n"
		"invoice,F-1,Acme SAS,2026-01-10,1000.00,\n"
		"invoice,F-2,Nobody,2026-01-10,1000.00,\n"
		"receipt,R-1,Acme SAS,2026-01-11,1500.00,F-1=1500.00\n"
		"invoice,F-3,Acme SAS,2026-02-30,10.00,\n";
	const char *overpaid =
		"type,number,client,date,amount,applies_to\n"
		"invoice,F-1,Acme SAS,2026-01-10,1000.00,\n"
		"receipt,R-1,Acme SAS,2026-01-11,1500.00,F-1=1500.00\n";

	/* rows bad by themselves are all listed */
	assert_int_equal(import_text(x, text, &r, &e), CART_INVALID);
	assert_int_equal(r.errors.n, 2);
	assert_int_equal(r.errors.msg[0].line, 3);
	assert_int_equal(r.errors.msg[1].line, 5);
	assert_int_equal(r.documents, 0);
	import_result_free(&r);
	/* then the file as a whole */
	assert_int_equal(import_text(x, overpaid, &r, &e), CART_INVALID);
	assert_int_equal(r.errors.n, 1);
	assert_int_equal(r.errors.msg[0].line, 3);
	assert_non_null(strstr(r.errors.msg[0].text, "which has 1.000,00 open"));
	import_result_free(&r);
	TL_OK(ledger_has_documents(x->t->l, &yes, &e), &e);
	assert_int_equal(yes, 0);
}

static void csv_legal_number_twice(void **state)
{
	fx *x = *state;
	import_result r;
	cart_err e;
	const char *text =
		"type,number,client,date,amount,legal_number,applies_to\n"
		"invoice,F-1,Acme SAS,2026-01-10,1000.00,FE-9,\n";
	const char *more =
		"type,number,client,date,amount,legal_number,applies_to\n"
		"invoice,F-1,Acme SAS,2026-01-10,1000.00,FE-9,\n"
		"receipt,R-1,Acme SAS,2026-01-11,400.00,,F-1\n";

	TL_OK(import_text(x, text, &r, &e), &e);
	import_result_free(&r);
	TL_OK(import_text(x, more, &r, &e), &e);
	assert_int_equal(r.skipped, 1);
	assert_int_equal(r.documents, 1);
	assert_int_equal(r.notes.n, 1);
	assert_non_null(strstr(r.notes.msg[0].text, "already in the ledger as FAC-000001"));
	assert_int_equal(scalar(x, "FE-9", 'D'), 60000);
	import_result_free(&r);
}

static void csv_many_clients(void **state)
{
	fx *x = *state;
	size_t cap = 400 * 80, used = 0;
	char *text = malloc(cap);
	import_result r;
	client c, d;
	cart_err e = { 0 };

	assert_non_null(text);
	/* two clients share a name: the ledger refuses that name as ambiguous */
	for (int i = 0; i < 2; i++) {
		client_defaults(&c);
		snprintf(c.name, sizeof c.name, "Gemelo");
		TL_OK(ledger_client_add(x->t->l, &c, &e), &e);
	}
	used += (size_t)snprintf(text + used, cap - used, "type,number,client,date,amount\n");
	for (int i = 0; i < 300; i++) {
		client_defaults(&c);
		snprintf(c.name, sizeof c.name, "Cliente %03d", i);
		TL_OK(ledger_client_add(x->t->l, &c, &e), &e);
		used += (size_t)snprintf(text + used, cap - used, "invoice,F-%d,Cliente %03d,2026-01-10,%d.00\n",
		                         i, i, i + 1);
	}
	TL_OK(import_text(x, text, &r, &e), &e);
	assert_int_equal(r.documents, 300);
	import_result_free(&r);
	TL_OK(ledger_client_find(x->t->l, "Cliente 299", &c, &e), &e);
	{
		doc_info di;

		TL_OK(ctl_doc_ref(&x->c, "FAC-000300", &di, &e), &e);
		assert_int_equal(di.client_id, c.id);
		assert_int_equal(di.total, 30000);
	}
	/* past the first 256 lookups every client is read at once: a shared name still fails */
	used = (size_t)snprintf(text, cap, "type,number,client,date,amount\n");
	for (int i = 0; i < 300; i++)
		used += (size_t)snprintf(text + used, cap - used, "invoice,G-%d,Cliente %03d,2026-01-11,1.00\n",
		                         i, i);
	snprintf(text + used, cap - used, "invoice,G-X,Gemelo,2026-01-11,1.00\n");
	assert_int_equal(import_text(x, text, &r, &e), CART_INVALID);
	assert_int_equal(r.errors.n, 1);
	assert_int_equal(r.errors.msg[0].line, 302);
	import_result_free(&r);
	TL_OK(ledger_client_find(x->t->l, "Cliente 000", &d, &e), &e);
	free(text);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void cfdi_invoice_and_payment(void **state)
{
	fx *x = *state;
	company co = x->c.co;
	einv_summary s;
	char inv[256], pay[256];
	cart_err e = { 0 };

	snprintf(co.country, sizeof co.country, "MX");
	snprintf(co.currency, sizeof co.currency, "MXN");
	TL_OK(ledger_company_set(x->t->l, &co, &e), &e);
	x->c.co = co;
	snprintf(inv, sizeof inv, "%s/inv.xml", x->t->dir);
	snprintf(pay, sizeof pay, "%s/pay.xml", x->t->dir);
	write_file(inv,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<cfdi:Comprobante xmlns:cfdi=\"http://www.sat.gob.mx/cfd/4\""
		" xmlns:tfd=\"http://www.sat.gob.mx/TimbreFiscalDigital\" Version=\"4.0\" Serie=\"A\""
		" Folio=\"7\" Fecha=\"2026-01-05T10:00:00\" SubTotal=\"100.003\" Moneda=\"MXN\""
		" Total=\"116.00\" TipoDeComprobante=\"I\" MetodoPago=\"PPD\">"
		"<cfdi:Emisor Rfc=\"EKU9003173C9\" Nombre=\"Escuela\"/>"
		"<cfdi:Receptor Rfc=\" KIJ0906199R1\" Nombre=\"Kijón SA\"/>"
		"<cfdi:Conceptos><cfdi:Concepto Importe=\"50.0015\"><cfdi:Impuestos><cfdi:Traslados>"
		"<cfdi:Traslado Importe=\"8.00\"/></cfdi:Traslados></cfdi:Impuestos></cfdi:Concepto>"
		"<cfdi:Concepto Importe=\"50.0015\"><cfdi:Impuestos><cfdi:Traslados>"
		"<cfdi:Traslado Importe=\"8.00\"/></cfdi:Traslados></cfdi:Impuestos></cfdi:Concepto>"
		"</cfdi:Conceptos><cfdi:Impuestos TotalImpuestosTrasladados=\"16.00\"/>"
		"<cfdi:Complemento><tfd:TimbreFiscalDigital UUID=\"aaaaaaaa-0000-0000-0000-000000000001\"/>"
		"</cfdi:Complemento></cfdi:Comprobante>\n");
	write_file(pay,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<cfdi:Comprobante xmlns:cfdi=\"http://www.sat.gob.mx/cfd/4\""
		" xmlns:pago20=\"http://www.sat.gob.mx/Pagos20\" Version=\"4.0\" Serie=\"P\" Folio=\"1\""
		" Fecha=\"2026-02-01T10:00:00\" SubTotal=\"0\" Moneda=\"XXX\" Total=\"0\""
		" TipoDeComprobante=\"P\"><cfdi:Emisor Rfc=\"EKU9003173C9\"/>"
		"<cfdi:Receptor Rfc=\"KIJ0906199R1\" Nombre=\"Kijón SA\"/>"
		"<cfdi:Complemento><pago20:Pagos><pago20:Totales MontoTotalPagos=\"50.00\"/>"
		"<pago20:Pago FechaPago=\"2026-02-01T00:00:00\" MonedaP=\"MXN\" Monto=\"50.00\">"
		"<pago20:DoctoRelacionado IdDocumento=\"AAAAAAAA-0000-0000-0000-000000000001\""
		" MonedaDR=\"MXN\" ImpSaldoAnt=\"116.00\" ImpPagado=\"50.00\" ImpSaldoInsoluto=\"66.00\"/>"
		"</pago20:Pago></pago20:Pagos></cfdi:Complemento></cfdi:Comprobante>\n");
	TL_OK(einvoice_import(&x->c, inv, 1, NULL, NULL, &s, &e), &e);
	assert_int_equal(s.imported, 1);
	TL_OK(einvoice_import(&x->c, pay, 1, NULL, NULL, &s, &e), &e);
	assert_int_equal(s.imported, 1);
	assert_int_equal(scalar(x, "AAAAAAAA-0000-0000-0000-000000000001", 'D'), 6600);
	TL_OK(einvoice_import(&x->c, x->t->dir, 1, NULL, NULL, &s, &e), &e);
	assert_int_equal(s.already, 2);
	assert_int_equal(s.imported, 0);
	/* a CFDI credit note (E) reduces the invoice it relates to */
	write_file(pay,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<cfdi:Comprobante xmlns:cfdi=\"http://www.sat.gob.mx/cfd/4\""
		" xmlns:tfd=\"http://www.sat.gob.mx/TimbreFiscalDigital\" Version=\"4.0\" Serie=\"NC\""
		" Folio=\"1\" Fecha=\"2026-02-10T10:00:00\" SubTotal=\"10.00\" Moneda=\"MXN\""
		" Total=\"11.60\" TipoDeComprobante=\"E\">"
		"<cfdi:CfdiRelacionados TipoRelacion=\"01\"><cfdi:CfdiRelacionado"
		" UUID=\"aaaaaaaa-0000-0000-0000-000000000001\"/></cfdi:CfdiRelacionados>"
		"<cfdi:Emisor Rfc=\"EKU9003173C9\"/><cfdi:Receptor Rfc=\"KIJ0906199R1\" Nombre=\"Kijón SA\"/>"
		"<cfdi:Conceptos><cfdi:Concepto Importe=\"10.00\"><cfdi:Impuestos><cfdi:Traslados>"
		"<cfdi:Traslado Importe=\"1.60\"/></cfdi:Traslados></cfdi:Impuestos></cfdi:Concepto>"
		"</cfdi:Conceptos><cfdi:Impuestos TotalImpuestosTrasladados=\"1.60\"/>"
		"<cfdi:Complemento><tfd:TimbreFiscalDigital UUID=\"bbbbbbbb-0000-0000-0000-000000000002\"/>"
		"</cfdi:Complemento></cfdi:Comprobante>\n");
	TL_OK(einvoice_import(&x->c, pay, 1, NULL, NULL, &s, &e), &e);
	assert_int_equal(s.imported, 1);
	assert_int_equal(scalar(x, "AAAAAAAA-0000-0000-0000-000000000001", 'D'), 6600 - 1160);
	assert_int_equal(scalar(x, "BBBBBBBB-0000-0000-0000-000000000002", 'C'), 0);
	/* a file that is not a CFDI 4.0 is refused */
	write_file(pay, "<?xml version=\"1.0\"?><cfdi:Comprobante xmlns:cfdi=\"x\"/>");
	assert_int_equal(einvoice_import(&x->c, pay, 1, NULL, NULL, &s, &e), CART_REFUSED);
	assert_int_equal(s.refused, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(csv_history, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(csv_bad_file_posts_nothing, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(csv_legal_number_twice, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(csv_many_clients, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(cfdi_invoice_and_payment, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests_name("import", tests, NULL, NULL);
}
