/* Documents keyed at the terminal (SPEC D1-D5): lines and tax per rate with their rounding,
 * instalments that add up to the cent, the invoice and receipt view-models, receipts with means
 * of payment and withholdings, leftovers kept, written off or refunded, quotes made into
 * invoices, voids of each, and gapless numbers after a refused posting. Every figure is worked
 * out by hand in the comments; the teardown runs ledger_check. Today is 2026-06-30. */
#include "config.h"

#include <sqlite3.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl_docs.h"
#include "testlib.h"

static void ctl_of(tl *t, ctl *c)
{
	cart_err e = { 0 };

	memset(c, 0, sizeof *c);
	c->l = t->l;
	snprintf(c->path, sizeof c->path, "%s", t->path);
	TL_OK(ledger_company_get(t->l, &c->co, &e), &e);
	c->have_company = 1;
}

static void set_refunds(tl *t, int allow)
{
	company co;
	cart_err e = { 0 };

	TL_OK(ledger_company_get(t->l, &co, &e), &e);
	co.allow_cash_refund = allow;
	TL_OK(ledger_company_set(t->l, &co, &e), &e);
}

static doc_line line(const char *desc, int64_t qty, int64_t price, int64_t rate_id, int rate,
                     int expense)
{
	doc_line l;

	memset(&l, 0, sizeof l);
	snprintf(l.description, sizeof l.description, "%s", desc);
	l.qty = qty;
	l.price = price;
	l.tax_rate_id = rate_id;
	l.tax_rate = rate;
	l.expense = expense;
	return l;
}

static int64_t db_count(tl *t, const char *sql, const char *arg)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int64_t n = -1;

	assert_int_equal(sqlite3_open_v2(t->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static int64_t audit_count(tl *t, const char *action)
{
	return db_count(t, "SELECT count(*) FROM audit WHERE action = ?1", action);
}

static int64_t next_series(tl *t, const char *type)
{
	return db_count(t, "SELECT next_number FROM series WHERE doc_type = ?1", type);
}

/* ---- the arithmetic ---- */

/* Lines: 3 x 1,000.05 at 19% = 3,000.15; 2.5 x 3,333.33 at 5% = 8,333.325 -> 8,333.33;
 * 1 x 50,000.00 exempt; a discount of -0.5 x ... no: 1 x -100.00 at 19%.
 * 19% base 3,000.15 - 100.00 = 2,900.15 -> tax 551.0285 -> 551.03
 * 5% base 8,333.33 -> tax 416.6665 -> 416.67
 * net 61,233.48, tax 967.70, total 62,201.18; an expense line 1 x 250.00 -> expenses 250.00 */
static void test_totals_mixed_rates(void **state)
{
	doc_line v[5] = {
		line("Widget", 3000, 100005, 1, 1900, 0),
		line("Food", 2500, 333333, 2, 500, 0),
		line("Book", 1000, 5000000, 3, 0, 0),
		line("Discount", 1000, -10000, 1, 1900, 0),
		line("Customs duty", 1000, 25000, 0, 0, 1),
	};
	doc_totals t;
	cart_err e = { 0 };

	(void)state;
	TL_OK(doc_totals_compute(v, 5, &t, &e), &e);
	assert_int_equal(v[0].net, 300015);
	assert_int_equal(v[1].net, 833333);
	assert_int_equal(v[3].net, -10000);
	assert_int_equal(t.n_taxes, 3);
	assert_int_equal(t.taxes[0].rate, 1900);
	assert_int_equal(t.taxes[0].base, 290015);
	assert_int_equal(t.taxes[0].tax, 55103);
	assert_int_equal(t.taxes[1].base, 833333);
	assert_int_equal(t.taxes[1].tax, 41667);
	assert_int_equal(t.taxes[2].tax, 0);
	assert_int_equal(t.net, 6123348);
	assert_int_equal(t.tax, 96770);
	assert_int_equal(t.total, 6220118);
	assert_int_equal(t.expenses, 25000);
}

/* Half away from zero: 0.5 -> 1, -0.5 -> -1, 0.49 -> 0; 1.5 x 0.01 = 0.015 -> 0.02;
 * tax per rate, not per line: two lines of 0.03 at 19% are 0.0057 each (0.01 each per line,
 * 0.02 in all) but 0.06 x 19% = 0.0114 -> 0.01 once. */
static void test_rounding(void **state)
{
	doc_line v[2] = { line("a", 1000, 3, 1, 1900, 0), line("b", 1000, 3, 1, 1900, 0) };
	doc_line h = line("half", 1500, 1, 0, 0, 0);
	doc_totals t;
	int64_t net;
	cart_err e = { 0 };

	(void)state;
	assert_int_equal(doc_round_div(5, 10), 1);
	assert_int_equal(doc_round_div(-5, 10), -1);
	assert_int_equal(doc_round_div(49, 100), 0);
	assert_int_equal(doc_round_div(-149, 100), -1);
	TL_OK(doc_line_net(&h, 1, &net, &e), &e);
	assert_int_equal(net, 2);
	TL_OK(doc_totals_compute(v, 2, &t, &e), &e);
	assert_int_equal(t.tax, 1);
	assert_int_equal(t.total, 7);
	/* a discount larger than its rate's lines is refused, naming the rate */
	v[1].price = -10;
	assert_int_equal(doc_totals_compute(v, 2, &t, &e), CART_INVALID);
	tl_assert_msg_names(&e, "19.00%");
	/* a zero quantity names its line */
	v[1].qty = 0;
	assert_int_equal(doc_totals_compute(v, 2, &t, &e), CART_INVALID);
	tl_assert_msg_names(&e, "line 2");
}

/* 1,000.00 in 3: 333.34 + 333.33 + 333.33 (the remainder cent on the first); monthly from
 * 2026-01-31: 01-31, 02-28, 03-31; every 15 days from 2026-07-01: 07-01, 07-16, 07-31. */
static void test_instalment_split(void **state)
{
	int64_t a[3];
	char d[3][DATE_LEN];
	cart_err e = { 0 };

	(void)state;
	TL_OK(doc_instalments_split(100000, 3, "2026-01-31", 0, a, d, &e), &e);
	assert_int_equal(a[0], 33334);
	assert_int_equal(a[1], 33333);
	assert_int_equal(a[2], 33333);
	assert_int_equal(a[0] + a[1] + a[2], 100000);
	assert_string_equal(d[1], "2026-02-28");
	assert_string_equal(d[2], "2026-03-31");
	TL_OK(doc_instalments_split(100, 3, "2026-07-01", 15, a, d, &e), &e);
	assert_int_equal(a[0] + a[1] + a[2], 100);
	assert_int_equal(a[0], 34);
	assert_string_equal(d[2], "2026-07-31");
	assert_int_equal(doc_instalments_split(2, 3, "2026-07-01", 0, a, d, &e), CART_INVALID);
}

/* ---- the model ---- */

/* The company's default rates (CO): IVA 19% (1), IVA 5% (2), Exento (3). A rate added is found
 * by name; a duplicate name is refused. */
static void test_tax_rates(void **state)
{
	tl *t = *state;
	tax_rate r;
	ctl c;
	ctl_taxes tx;
	int64_t id;
	int rate;
	cart_err e = { 0 };

	ctl_of(t, &c);
	TL_OK(ctl_taxes_load(&c, &tx, &e), &e);
	assert_int_equal(tx.n, 3);
	assert_string_equal(tx.r[0].name, "IVA 19%");
	assert_int_equal(tx.r[0].rate, 1900);
	assert_int_equal(tx.r[2].exempt, 1);
	TL_OK(ctl_tax_add(&c, "Impoconsumo 8%", "8", 0, &r, &e), &e);
	assert_int_equal(r.rate, 800);
	assert_int_equal(ctl_tax_add(&c, "impoconsumo 8%", "8", 0, &r, &e), CART_CONFLICT);
	TL_OK(ctl_taxes_load(&c, &tx, &e), &e);
	TL_OK(ctl_tax_pick(&c, &tx, "iva 5%", &id, &rate, &e), &e);
	assert_int_equal(rate, 500);
	TL_OK(ctl_tax_pick(&c, &tx, "19", &id, &rate, &e), &e);
	assert_int_equal(id, 1);
	TL_OK(ctl_tax_pick(&c, &tx, "8%", &id, &rate, &e), &e);
	assert_int_equal(rate, 800);
	assert_int_equal(ctl_tax_pick(&c, &tx, "12", &id, &rate, &e), CART_INVALID);
	tl_assert_msg_names(&e, "\"12\"");
}

/* An invoice by lines posts its computed total as the CF charge and keeps lines and tax; with
 * charge mode BOTH the expense lines post a CGC charge of their own. */
static void test_invoice_lines_posted(void **state)
{
	tl *t = *state;
	int64_t both = tl_client_mode(t, "Aduanas SA", 30, CHARGE_BOTH);
	doc_line v[3] = {
		line("Service", 2000, 150000, 1, 1900, 0),   /* 3,000.00 + 570.00 */
		line("Form", 1000, 1000, 3, 0, 0),           /* 10.00 exempt */
		line("Storage", 1000, 45050, 0, 0, 1),       /* 450.50 expense */
	};
	doc_line back[4];
	doc_tax tx[4];
	doc_entry ent[4];
	invoice_in in;
	posted p, first;
	int n;
	cart_err e = { 0 };

	memset(&in, 0, sizeof in);
	in.client_id = both;
	snprintf(in.date, sizeof in.date, "2026-06-01");
	in.lines = v;
	in.n_lines = 3;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	first = p;
	TL_OK(ledger_document_entries(t->l, p.doc_id, ent, 4, &n, &e), &e);
	assert_int_equal(n, 2);
	assert_string_equal(ent[0].code, "CF");
	assert_int_equal(ent[0].amount, 358000);
	assert_string_equal(ent[1].code, "CGC");
	assert_int_equal(ent[1].amount, 45050);
	TL_OK(ledger_doc_lines(t->l, p.doc_id, back, 4, &n, &e), &e);
	assert_int_equal(n, 3);
	assert_string_equal(back[2].description, "Storage");
	assert_int_equal(back[2].expense, 1);
	assert_int_equal(back[0].net, 300000);
	TL_OK(ledger_doc_taxes(t->l, p.doc_id, tx, 4, &n, &e), &e);
	assert_int_equal(n, 2);
	assert_int_equal(tx[0].tax, 57000);
	assert_int_equal(tx[1].base, 1000);
	tl_assert_totals(t->l, both, TL_TODAY, "COP", 403050, 0, 0);
	/* a total given that disagrees with the lines is refused and nothing is posted */
	in.total = 358001;
	assert_int_equal(ledger_invoice_post(t->l, &in, &p, &e), CART_INVALID);
	tl_assert_msg_names(&e, "3.580,00");
	/* a tax on an expense line is refused */
	in.total = 0;
	v[2].tax_rate_id = 1;
	assert_int_equal(ledger_invoice_post(t->l, &in, &p, &e), CART_INVALID);
	tl_assert_msg_names(&e, "line 3");
	assert_int_equal(next_series(t, "invoice"), 2);
	/* void: both charges reversed, the balance back to zero */
	tl_void(t->l, first.doc_id, TL_TODAY);
	tl_assert_totals(t->l, both, TL_TODAY, "COP", 0, 0, 0);
}

/* ---- the invoice form ---- */

static ctl_line_text lt(const char *d, const char *q, const char *p, const char *tax)
{
	ctl_line_text x;

	memset(&x, 0, sizeof x);
	snprintf(x.description, sizeof x.description, "%s", d);
	snprintf(x.qty, sizeof x.qty, "%s", q);
	snprintf(x.price, sizeof x.price, "%s", p);
	snprintf(x.tax, sizeof x.tax, "%s", tax);
	return x;
}

/* Totals follow each line; a bad line names line and field and changes nothing; the due date
 * comes from the terms (30 days); the split follows the total; typed instalments report what is
 * left; the posted invoice is what the form showed. */
static void test_invoice_form(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_invoice_form *f;
	ctl_line_text x;
	posted p;
	doc_entry ent[2];
	tl_items items;
	int n;
	cart_err e = { 0 };

	ctl_of(t, &c);
	TL_OK(ctl_invform_new(&c, &f, &e), &e);
	TL_OK(ctl_invform_set_client(f, "Acme", &e), &e);
	TL_OK(ctl_invform_set_date(f, "2026-06-10", &e), &e);
	assert_string_equal(f->due, "2026-07-10");
	x = lt("Chairs", "4", "125.000,00", "19");
	TL_OK(ctl_invform_set_line(f, 0, &x, &e), &e);
	assert_int_equal(f->totals.total, 59500000);           /* 500,000.00 + 95,000.00 */
	x = lt("Delivery", "1", "20.000,00", "");
	TL_OK(ctl_invform_set_line(f, 1, &x, &e), &e);
	assert_int_equal(f->totals.total, 61500000);
	x = lt("Table", "1,5", "abc", "19");
	assert_int_equal(ctl_invform_set_line(f, 2, &x, &e), CART_INVALID);
	tl_assert_msg_names(&e, "line 3: the unit price");
	assert_int_equal(f->n, 2);
	assert_int_equal(f->totals.total, 61500000);
	x = lt("Table", "1,5", "33.333,33", "IVA 5%");   /* 49,999.995 -> 50,000.00; tax 2,500.00 */
	TL_OK(ctl_invform_set_line(f, 2, &x, &e), &e);
	assert_int_equal(f->lines[2].net, 5000000);
	assert_int_equal(f->totals.tax, 9750000);
	assert_int_equal(f->totals.total, 66750000);
	TL_OK(ctl_invform_delete_line(f, 1, &e), &e);
	assert_int_equal(f->totals.total, 64750000);
	assert_string_equal(f->text[1].description, "Table");
	/* a line inserted before Table adds nothing until typed, and cannot be posted empty */
	TL_OK(ctl_invform_insert_line(f, 1, &e), &e);
	assert_int_equal(f->n, 3);
	assert_string_equal(f->text[2].description, "Table");
	assert_int_equal(f->totals.total, 64750000);
	assert_int_equal(ctl_invform_post(f, NULL, &p, &e), CART_INVALID);
	tl_assert_msg_names(&e, "line 2: the description is empty");
	TL_OK(ctl_invform_delete_line(f, 1, &e), &e);
	/* 647,500.00 in 3 monthly from the due date: 215,833.34 + 215,833.33 x 2 */
	TL_OK(ctl_invform_split(f, 3, "", "", &e), &e);
	assert_int_equal(f->inst_amount[0], 21583334);
	assert_int_equal(f->inst_amount[2], 21583333);
	assert_string_equal(f->inst_due[1], "2026-08-10");
	assert_int_equal(f->inst_left, 0);
	TL_OK(ctl_invform_set_instalment(f, 0, "200.000,00", "2026-07-01", &e), &e);
	assert_int_equal(f->inst_left, 1583334);
	assert_int_equal(ctl_invform_post(f, NULL, &p, &e), CART_INVALID);
	tl_assert_msg_names(&e, "15.833,34 less than the total");
	TL_OK(ctl_invform_set_instalment(f, 2, "231.666,67", "", &e), &e);
	assert_int_equal(f->inst_left, 0);
	TL_OK(ctl_invform_post(f, NULL, &p, &e), &e);
	ctl_invform_free(f);
	TL_OK(ledger_document_entries(t->l, p.doc_id, ent, 2, &n, &e), &e);
	assert_int_equal(ent[0].amount, 64750000);
	tl_items_get(t->l, t->c1, TL_TODAY, &items);
	assert_int_equal(items.n, 3);
	assert_int_equal(items.it[0].open, 20000000);
	assert_string_equal(items.it[0].due_date, "2026-07-01");
	assert_int_equal(items.it[2].open, 23166667);
	assert_string_equal(items.it[2].due_date, "2026-09-10");
}

/* Credit check: a client with a limit of 1,000.00 owing 800.00 not yet due; a 300.00 invoice
 * goes over the limit (1,100.00) and needs a reason, which lands in the audit. An overdue debt
 * needs a reason too. */
static void test_credit_check(void **state)
{
	tl *t = *state;
	client cl;
	ctl c;
	ctl_invoice_form *f;
	ctl_line_text x = lt("Service", "1", "300,00", "");
	posted p;
	int64_t n = 0;
	cart_err e = { 0 };

	TL_OK(ledger_client_get(t->l, t->c1, &cl, &e), &e);
	cl.credit_limit = 100000;
	TL_OK(ledger_client_update(t->l, &cl, &e), &e);
	tl_invoice(t->l, t->c1, "2026-06-20", "", 80000);
	ctl_of(t, &c);
	TL_OK(ctl_invform_new(&c, &f, &e), &e);
	TL_OK(ctl_invform_set_client(f, "Acme", &e), &e);
	TL_OK(ctl_invform_set_line(f, 0, &x, &e), &e);
	assert_int_equal(f->credit.limit, 100000);
	assert_int_equal(f->credit.balance, 80000);
	assert_int_equal(f->credit.after, 110000);
	assert_int_equal(f->credit.over_limit, 1);
	assert_int_equal(f->credit.has_overdue, 0);
	assert_int_equal(ctl_invform_post(f, "", &p, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "over the credit limit of 1.000,00");
	assert_int_equal(next_series(t, "invoice"), 2);
	TL_OK(ctl_invform_post(f, "long-standing client", &p, &e), &e);
	ctl_invform_free(f);
	assert_int_equal(audit_count(t, "credit override"), 1);
	/* overdue debt: a 1,000.00 invoice of 2026-04-01 was due 2026-05-01 */
	cl.credit_limit = 0;
	TL_OK(ledger_client_update(t->l, &cl, &e), &e);
	tl_invoice(t->l, t->c1, "2026-04-01", "", 100000);
	TL_OK(ctl_invform_new(&c, &f, &e), &e);
	TL_OK(ctl_invform_set_client(f, "Acme", &e), &e);
	TL_OK(ctl_invform_set_line(f, 0, &x, &e), &e);
	assert_int_equal(f->credit.over_limit, 0);
	assert_int_equal(f->credit.has_overdue, 1);
	assert_int_equal(f->credit.overdue, 100000);
	assert_int_equal(f->credit.balance, 210000);
	assert_int_equal(ctl_invform_post(f, NULL, &p, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "has 1.000,00 overdue");
	TL_OK(ctl_invform_post(f, "paying next week", &p, &e), &e);
	ctl_invform_free(f);
	assert_int_equal(audit_count(t, "credit override"), 2);
	(void)n;
}

/* The form reads the client's figures once per client and date (a line typed recomputes only
 * the verdict); posting reads them again, so an invoice posted meanwhile by someone else still
 * counts: Acme, limit 1,000.00, owes nothing; 600.00 typed is under the limit; 500.00 posted
 * meanwhile makes the post go over it (1,150.00 with the line at 650.00) and ask for a reason. */
static void test_credit_figures_read_once(void **state)
{
	tl *t = *state;
	client cl;
	ctl c;
	ctl_invoice_form *f;
	ctl_line_text x = lt("Service", "1", "600,00", "");
	posted p;
	cart_err e = { 0 };

	TL_OK(ledger_client_get(t->l, t->c1, &cl, &e), &e);
	cl.credit_limit = 100000;
	TL_OK(ledger_client_update(t->l, &cl, &e), &e);
	ctl_of(t, &c);
	TL_OK(ctl_invform_new(&c, &f, &e), &e);
	TL_OK(ctl_invform_set_client(f, "Acme", &e), &e);
	TL_OK(ctl_invform_set_line(f, 0, &x, &e), &e);
	assert_int_equal(f->credit.balance, 0);
	assert_int_equal(f->credit.after, 60000);
	assert_int_equal(f->credit.needs_override, 0);
	tl_invoice(t->l, t->c1, "2026-06-20", "", 50000);
	snprintf(x.price, sizeof x.price, "650,00");
	TL_OK(ctl_invform_set_line(f, 0, &x, &e), &e);
	assert_int_equal(f->credit.balance, 0);             /* not read again for a line */
	assert_int_equal(f->credit.after, 65000);
	assert_int_equal(f->credit.needs_override, 0);
	assert_int_equal(ctl_invform_post(f, NULL, &p, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "would owe 1.150,00, over the credit limit of 1.000,00");
	assert_int_equal(f->credit.balance, 50000);         /* posting read them again */
	assert_int_equal(f->credit.needs_override, 1);
	TL_OK(ctl_invform_post(f, "known client", &p, &e), &e);
	ctl_invform_free(f);
	assert_int_equal(audit_count(t, "credit override"), 1);
}

/* ---- receipts ---- */

/* Acme: FAC-1 2026-04-01 1,000.00 (due 05-01); FAC-2 2026-05-01 900.00 in 3 instalments of
 * 300.00 due 05-31, 06-30, 07-30; FAC-3 2026-06-01 500.00 (due 07-01). Rows oldest due first:
 * FAC-1, FAC-2/1, FAC-2/2, FAC-3, FAC-2/3. */
static void receipt_setup(tl *t)
{
	instalment_in inst[3] = {
		{ "2026-05-31", 30000 }, { "2026-06-30", 30000 }, { "2026-07-30", 30000 },
	};
	invoice_in in;
	posted p;
	cart_err e = { 0 };

	tl_invoice(t->l, t->c1, "2026-04-01", "", 100000);
	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-05-01");
	in.total = 90000;
	in.inst = inst;
	in.n_inst = 3;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	tl_invoice(t->l, t->c1, "2026-06-01", "", 50000);
}

/* Mark FAC-1 and FAC-2/2; 1,200.00 received (1,150.00 transfer + 50.00 retefuente) fills them
 * oldest first: FAC-1 1,000.00, FAC-2/2 200.00, nothing left. Overriding FAC-1 to 700.00 gives
 * FAC-2/2 its 300.00 and leaves 200.00; overriding FAC-3 to 300.00 would pay 1,000.00 typed +
 * ... refused when over what was received. Posted: FAC-1 300.00 open, FAC-2/2 closed, 200.00 in
 * favour; the means and withholding are kept. */
/* Two clerks at one client: the form was read with FAC-000001's 1,000.00 open, another clerk's
 * 300.00 posted since. Paying the whole invoice as marked takes what it has open now (700.00)
 * inside the write transaction, and the rest stays a credit in favour, instead of refusing
 * "only 700,00 open". A typed amount is kept as typed (and refused when too much). */
static void test_receipt_form_stale(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_receipt_form f;
	posted p, inv = tl_invoice(t->l, t->c1, "2026-04-01", "", 100000);
	alloc_in part = { inv.entry_id, 0, 30000 };
	cart_err e = { 0 };

	ctl_of(t, &c);
	TL_OK(ctl_rform_load(&c, &f, "Acme", NULL, "", &e), &e);
	assert_int_equal(f.n, 1);
	tl_receipt_alloc(t->l, t->c1, "2026-06-02", 30000, &part, 1);   /* the other clerk */
	TL_OK(ctl_rform_add_means(&f, "cash", "1.000,00", NULL, NULL, NULL, &e), &e);
	TL_OK(ctl_rform_mark(&f, 0, 1, &e), &e);
	assert_int_equal(f.rows[0].amount, 100000);
	TL_OK(ctl_rform_post(&f, &p, &e), &e);
	assert_int_equal(p.credit_left, 30000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, inv.entry_id), 0);
	ctl_rform_free(&f);

	/* typed: 500.00 on an invoice with nothing open now is refused, nothing posted */
	inv = tl_invoice(t->l, t->c1, "2026-04-02", "", 50000);
	TL_OK(ctl_rform_load(&c, &f, "Acme", NULL, "", &e), &e);
	part = (alloc_in){ inv.entry_id, 0, 50000 };
	tl_receipt_alloc(t->l, t->c1, "2026-06-02", 50000, &part, 1);
	TL_OK(ctl_rform_add_means(&f, "cash", "500,00", NULL, NULL, NULL, &e), &e);
	TL_OK(ctl_rform_mark_doc(&f, f.rows[f.n - 1].it.number, "500,00", &e), &e);
	assert_int_not_equal(ctl_rform_post(&f, &p, &e), CART_OK);
	ctl_rform_free(&f);
}

static void test_receipt_form(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_receipt_form f;
	receipt_detail d;
	posted p;
	tl_items items;
	cart_err e = { 0 };

	receipt_setup(t);
	ctl_of(t, &c);
	TL_OK(ctl_rform_load(&c, &f, "Acme", NULL, "", &e), &e);
	assert_int_equal(f.n, 5);
	assert_string_equal(f.rows[0].it.number, "FAC-000001");
	assert_int_equal(f.rows[1].it.instalment_no, 1);
	assert_int_equal(f.rows[2].it.instalment_no, 2);
	assert_string_equal(f.rows[3].it.number, "FAC-000003");
	assert_int_equal(f.rows[4].it.instalment_no, 3);
	TL_OK(ctl_rform_add_means(&f, "transfer", "1.150,00", NULL, "TRX-9", NULL, &e), &e);
	TL_OK(ctl_rform_add_withholding(&f, "retefuente", "CERT-2026-14", "50,00", &e), &e);
	assert_int_equal(f.received, 120000);
	assert_int_equal(f.left, 120000);
	TL_OK(ctl_rform_mark(&f, 0, 1, &e), &e);
	TL_OK(ctl_rform_mark(&f, 2, 1, &e), &e);
	assert_int_equal(f.rows[0].amount, 100000);
	assert_int_equal(f.rows[2].amount, 20000);
	assert_int_equal(f.left, 0);
	TL_OK(ctl_rform_set_row(&f, 0, "700,00", &e), &e);
	assert_int_equal(f.rows[2].amount, 30000);
	assert_int_equal(f.left, 20000);
	/* more than the row has open */
	assert_int_equal(ctl_rform_set_row(&f, 3, "500,01", &e), CART_REFUSED);
	tl_assert_msg_names(&e, "FAC-000003 has only 500,00 open");
	/* typed rows over what was received: 700.00 + 500.00 > 1,200.00? no: = 1,200.00 is fine;
	 * FAC-2/1 typed 300.00 on top is refused */
	TL_OK(ctl_rform_set_row(&f, 3, "500,00", &e), &e);
	assert_int_equal(f.rows[2].amount, 0);
	assert_int_equal(f.left, 0);
	assert_int_equal(ctl_rform_set_row(&f, 1, "300,00", &e), CART_REFUSED);
	tl_assert_msg_names(&e, "more than the 1.200,00 received");
	assert_int_equal(f.rows[1].amount, 0);
	/* give FAC-3 back to the fill, unmark it: FAC-2/2 gets 300.00, 200.00 left */
	TL_OK(ctl_rform_set_row(&f, 3, "", &e), &e);
	TL_OK(ctl_rform_mark(&f, 3, 0, &e), &e);
	assert_int_equal(f.rows[2].amount, 30000);
	assert_int_equal(f.left, 20000);
	TL_OK(ctl_rform_post(&f, &p, &e), &e);
	ctl_rform_free(&f);
	assert_int_equal(p.credit_left, 20000);
	TL_OK(ledger_receipt_detail(t->l, p.doc_id, &d, &e), &e);
	assert_int_equal(d.n_means, 1);
	assert_int_equal(d.means[0].kind, MEANS_TRANSFER);
	assert_string_equal(d.means[0].number, "TRX-9");
	assert_int_equal(d.n_wh, 1);
	assert_string_equal(d.wh[0].certificate, "CERT-2026-14");
	assert_int_equal(d.wh[0].amount, 5000);
	tl_items_get(t->l, t->c1, TL_TODAY, &items);
	assert_int_equal(items.it[0].open, 30000);              /* FAC-1 */
	assert_non_null(tl_item_code(&items, "AA"));
	assert_int_equal(tl_item_code(&items, "AA")->open, 20000);
	/* 2,400.00 charged - 1,200.00 received = 1,200.00; FAC-1 300 + FAC-2/1 300 overdue,
	 * FAC-2/3 300 + FAC-3 500 due, 200 in favour (FAC-2/2 due today is paid) */
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 80000, 60000, 20000);
	/* the void gives everything back; the means stay with the voided receipt */
	tl_void(t->l, p.doc_id, TL_TODAY);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 110000, 130000, 0);
}

/* A receipt across two invoices by document, with one of them partly: FAC-1=400.00 and all of
 * FAC-3 from 1,000.00 cash: 100.00 left; a cheque needs bank and number; a post-dated cheque
 * its date. */
static void test_receipt_by_document(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_receipt_form f;
	posted p;
	cart_err e = { 0 };

	receipt_setup(t);
	ctl_of(t, &c);
	TL_OK(ctl_rform_load(&c, &f, "Acme", NULL, "", &e), &e);
	assert_int_equal(ctl_rform_add_means(&f, "cheque", "100,00", "", "", NULL, &e), CART_INVALID);
	tl_assert_msg_names(&e, "bank and number");
	assert_int_equal(ctl_rform_add_means(&f, "postdated", "100,00", "Bancolombia", "77", "", &e),
	                 CART_INVALID);
	assert_int_equal(ctl_rform_add_means(&f, "bitcoin", "100,00", "", "", NULL, &e), CART_INVALID);
	tl_assert_msg_names(&e, "bitcoin");
	TL_OK(ctl_rform_add_means(&f, "cash", "600,00", NULL, NULL, NULL, &e), &e);
	TL_OK(ctl_rform_add_means(&f, "postdated", "400,00", "Bancolombia", "000123", "2026-07-15", &e),
	      &e);
	TL_OK(ctl_rform_mark_doc(&f, "FAC-000001", "400,00", &e), &e);
	TL_OK(ctl_rform_mark_doc(&f, "fac-000003", NULL, &e), &e);
	assert_int_equal(f.left, 10000);
	assert_int_equal(ctl_rform_mark_doc(&f, "FAC-000009", NULL, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "FAC-000009");
	/* the single amount field replaces the means: 1.000,00 by card fills FAC-3 after FAC-1's
	 * typed 400,00, 100,00 left; a bad amount changes nothing */
	TL_OK(ctl_rform_set_amount(&f, "card", "800,00", &e), &e);
	assert_int_equal(f.n_means, 1);
	assert_int_equal(f.rows[3].amount, 40000);
	assert_int_equal(f.left, 0);
	assert_int_equal(ctl_rform_set_amount(&f, "card", "8x", &e), CART_INVALID);
	tl_assert_msg_names(&e, "the card amount");
	assert_int_equal(f.received, 80000);
	TL_OK(ctl_rform_set_amount(&f, NULL, "", &e), &e);
	assert_int_equal(f.received, 0);
	assert_int_equal(f.left, -40000);
	assert_int_equal(ctl_rform_post(&f, &p, &e), CART_INVALID);
	tl_assert_msg_names(&e, "no amount");
	TL_OK(ctl_rform_set_amount(&f, NULL, "1.000,00", &e), &e);
	assert_int_equal(f.left, 10000);
	TL_OK(ctl_rform_post(&f, &p, &e), &e);
	ctl_rform_free(&f);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, 1), 60000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 60000, 90000, 10000);
}

/* Overpayment kept as a credit, applied later to a new invoice; the rest refunded when the
 * company allows it, refused when it does not; a write-off needs a reason. */
static void test_credit_later_refund_writeoff(void **state)
{
	tl *t = *state;
	ctl c;
	posted r, inv, ap, rf, wo;
	apply_in a;
	settle_in s;
	doc_entry ent[2];
	int n;
	cart_err e = { 0 };

	tl_invoice(t->l, t->c1, "2026-06-01", "", 50000);
	r = tl_receipt(t->l, t->c1, "2026-06-05", 80000);    /* 300.00 in favour */
	assert_int_equal(r.credit_left, 30000);
	inv = tl_invoice(t->l, t->c1, "2026-06-10", "", 10000);
	memset(&a, 0, sizeof a);
	TL_OK(ledger_document_entries(t->l, r.doc_id, ent, 2, &n, &e), &e);
	a.credit_entry_id = ent[n - 1].entry_id;               /* the AA */
	snprintf(a.date, sizeof a.date, "2026-06-12");
	TL_OK(ledger_credit_apply(t->l, &a, &ap, &e), &e);
	assert_int_equal(ap.credit_left, 20000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, inv.entry_id), 0);
	ctl_of(t, &c);
	/* refused: the company does not refund in cash (the default) */
	assert_int_equal(ctl_settle(&c, r.number, "50,00", NULL, 0, "", &rf, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "not refunded in cash");
	assert_int_equal(next_series(t, "journal"), 1);
	set_refunds(t, 1);
	ctl_of(t, &c);
	TL_OK(ctl_settle(&c, r.number, "50,00", NULL, 0, "", &rf, &e), &e);
	assert_int_equal(rf.credit_left, 15000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 15000);
	/* more than is left */
	assert_int_equal(ctl_settle(&c, r.number, "150,01", NULL, 1, "rounding", &wo, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "150,00");
	memset(&s, 0, sizeof s);
	s.credit_entry_id = a.credit_entry_id;
	snprintf(s.date, sizeof s.date, "%s", TL_TODAY);
	s.writeoff = 1;
	assert_int_equal(ledger_credit_settle(t->l, &s, &wo, &e), CART_INVALID);
	tl_assert_msg_names(&e, "reason");
	TL_OK(ctl_settle(&c, r.number, "", NULL, 1, "client closed its account", &wo, &e), &e);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 0);
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 0);
	/* voiding the refund gives the client its 50.00 credit back */
	tl_void(t->l, rf.doc_id, TL_TODAY);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 5000);
	/* voiding the receipt: the applied 100.00 comes back open on FAC-2 and the write-off's
	 * charge (150.00) is owed again, 500.00 + 100.00 + 150.00 = 750.00 due or overdue */
	tl_void(t->l, r.doc_id, TL_TODAY);
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 75000);
}

/* A receipt's leftover written off or refunded in the same transaction; a refund refused by the
 * company setting is refused after the receipt was numbered, and leaves no gap. */
static void test_leftover_and_gapless(void **state)
{
	tl *t = *state;
	receipt_in in;
	means_in m = { MEANS_CASH, 60000, "", "", "" };
	posted p, q;
	cart_err e = { 0 };

	tl_invoice(t->l, t->c1, "2026-06-01", "", 50000);
	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-06-10");
	in.means = &m;
	in.n_means = 1;
	in.leftover = LEFTOVER_REFUND;
	assert_int_equal(ledger_receipt_post(t->l, &in, &p, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "not refunded in cash");
	assert_int_equal(next_series(t, "receipt"), 1);
	assert_int_equal(next_series(t, "journal"), 1);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 50000, 0, 0);
	in.leftover = LEFTOVER_WRITEOFF;
	snprintf(in.leftover_reason, sizeof in.leftover_reason, "bank charges");
	TL_OK(ledger_receipt_post(t->l, &in, &p, &e), &e);
	assert_string_equal(p.number, "RC-000001");
	assert_string_equal(p.settled, "PD-000001");
	assert_int_equal(p.credit_left, 0);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 0);
	/* the means must add up to an amount given as well */
	in.amount = 60001;
	assert_int_equal(ledger_receipt_post(t->l, &in, &q, &e), CART_INVALID);
	tl_assert_msg_names(&e, "600,00");
	assert_int_equal(next_series(t, "receipt"), 2);
}

/* ---- quotes ---- */

/* A quote of 2 x 500.00 at 19% = 1,190.00 posts nothing; accepted, invoiced once into
 * FAC-000001 of 1,190.00 with the same lines; a second time is refused. An expired quote cannot
 * be accepted or invoiced; a rejected one cannot be invoiced; a quote is not voided. */
static void test_quotes(void **state)
{
	tl *t = *state;
	doc_line v[1] = { line("Consulting", 2000, 50000, 1, 0, 0) };
	quote_in q;
	quote_row row;
	invoice_in inv;
	posted p, p2, fi, made;
	doc_line back[2];
	int n;
	cart_err e = { 0 };

	memset(&q, 0, sizeof q);
	q.client_id = t->c1;
	snprintf(q.date, sizeof q.date, "2026-06-01");
	snprintf(q.valid_until, sizeof q.valid_until, "2026-06-15");
	q.lines = v;
	q.n_lines = 1;
	TL_OK(ledger_quote_post(t->l, &q, &p, &e), &e);
	assert_string_equal(p.number, "COT-000001");
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 0);
	TL_OK(ledger_quote_get(t->l, p.doc_id, "2026-06-10", &row, &e), &e);
	assert_int_equal(row.status, QUOTE_OPEN);
	assert_int_equal(row.total, 119000);
	TL_OK(ledger_quote_get(t->l, p.doc_id, TL_TODAY, &row, &e), &e);
	assert_int_equal(row.status, QUOTE_EXPIRED);
	assert_int_equal(ledger_quote_set_status(t->l, p.doc_id, QUOTE_ACCEPTED, TL_TODAY, &e),
	                 CART_REFUSED);
	tl_assert_msg_names(&e, "expired on 2026-06-15");
	TL_OK(ledger_quote_set_status(t->l, p.doc_id, QUOTE_ACCEPTED, "2026-06-10", &e), &e);
	memset(&inv, 0, sizeof inv);
	snprintf(inv.date, sizeof inv.date, "2026-06-12");
	TL_OK(ledger_quote_invoice(t->l, p.doc_id, &inv, &fi, &e), &e);
	assert_string_equal(fi.number, "FAC-000001");
	made = fi;
	TL_OK(ledger_doc_lines(t->l, fi.doc_id, back, 2, &n, &e), &e);
	assert_int_equal(n, 1);
	assert_string_equal(back[0].description, "Consulting");
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 119000, 0, 0);
	TL_OK(ledger_quote_get(t->l, p.doc_id, TL_TODAY, &row, &e), &e);
	assert_int_equal(row.status, QUOTE_ACCEPTED);
	assert_string_equal(row.invoice, "FAC-000001");
	assert_int_equal(ledger_quote_invoice(t->l, p.doc_id, &inv, &p2, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "already invoiced as FAC-000001");
	assert_int_equal(next_series(t, "invoice"), 2);
	/* rejected, then never invoiced; and never voided */
	q.valid_until[0] = '\0';
	TL_OK(ledger_quote_post(t->l, &q, &p2, &e), &e);
	TL_OK(ledger_quote_set_status(t->l, p2.doc_id, QUOTE_REJECTED, "2026-06-02", &e), &e);
	assert_int_equal(ledger_quote_invoice(t->l, p2.doc_id, &inv, &fi, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "rejected");
	assert_int_equal(ledger_document_void(t->l, p2.doc_id, TL_TODAY, "x", &fi, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "quote");
	/* voiding the invoice made from the quote clears the balance */
	tl_void(t->l, made.doc_id, TL_TODAY);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 0);
}

/* A credit note never takes more than the invoice has open. */
static void test_credit_note_room(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_credit_note a = { .client = "Acme", .amount = "300,01", .against = "FAC-000001",
	                      .reason = "damaged" };
	posted p;
	int64_t room;
	cart_err e = { 0 };

	tl_invoice(t->l, t->c1, "2026-06-01", "", 100000);
	tl_receipt(t->l, t->c1, "2026-06-05", 70000);
	ctl_of(t, &c);
	TL_OK(ctl_credit_note_room(&c, "FAC-000001", &room, &e), &e);
	assert_int_equal(room, 30000);
	assert_int_equal(ctl_credit_note_post(&c, &a, &p, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "300,00");
	a.amount = "300,00";
	TL_OK(ctl_credit_note_post(&c, &a, &p, &e), &e);
	TL_OK(ctl_credit_note_room(&c, "FAC-000001", &room, &e), &e);
	assert_int_equal(room, 0);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 0);
	/* voiding the credit note opens the invoice again */
	tl_void(t->l, p.doc_id, TL_TODAY);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 30000, 0, 0);
}

/* Voids of an application and of an advance: an advance of 500.00 applied to a 300.00 invoice;
 * voiding the application reopens the invoice and gives the advance its 500.00 back; voiding the
 * advance then leaves only the invoice. */
static void test_void_apply_and_advance(void **state)
{
	tl *t = *state;
	posted adv, inv, ap;
	apply_in a;
	cart_err e = { 0 };

	inv = tl_invoice(t->l, t->c1, "2026-06-01", "", 30000);
	adv = tl_advance(t->l, t->c1, "2026-06-02", 50000);
	memset(&a, 0, sizeof a);
	a.credit_entry_id = adv.entry_id;
	snprintf(a.date, sizeof a.date, "2026-06-03");
	TL_OK(ledger_credit_apply(t->l, &a, &ap, &e), &e);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 20000);
	tl_void(t->l, ap.doc_id, TL_TODAY);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 30000, 0, 50000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, inv.entry_id), 30000);
	tl_void(t->l, adv.doc_id, TL_TODAY);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 30000, 0, 0);
}

/* A posting that fails after its number was taken leaves no gap: a trigger made for this test
 * refuses the line "boom" (after the invoice or quote was numbered and, for the invoice, its
 * charge posted) and a credit note of 7.77 (after its NC entry); the next postings still get
 * FAC-000001, COT-000001 and NC-000001, and nothing of the failed ones is left. */
static void test_gapless_after_failure(void **state)
{
	tl *t = *state;
	doc_line bad[2] = { line("fine", 1000, 10000, 0, 0, 0), line("boom", 1000, 100, 0, 0, 0) };
	credit_note_in cn;
	invoice_in in;
	quote_in q;
	posted p;
	sqlite3 *db;
	cart_err e = { 0 };

	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"CREATE TRIGGER test_boom BEFORE INSERT ON doc_lines WHEN NEW.description = 'boom'"
		" BEGIN SELECT RAISE(ABORT, 'boom'); END;"
		"CREATE TRIGGER test_boom_nc BEFORE INSERT ON entries WHEN NEW.code = 'NC'"
		" AND NEW.amount = 777 BEGIN SELECT RAISE(ABORT, 'boom'); END;", NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(db);
	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-06-01");
	in.lines = bad;
	in.n_lines = 2;
	assert_int_equal(ledger_invoice_post(t->l, &in, &p, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "saving a document's lines: boom");
	memset(&q, 0, sizeof q);
	q.client_id = t->c1;
	snprintf(q.date, sizeof q.date, "2026-06-01");
	q.lines = bad;
	q.n_lines = 2;
	assert_int_equal(ledger_quote_post(t->l, &q, &p, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "boom");
	memset(&cn, 0, sizeof cn);
	cn.client_id = t->c1;
	snprintf(cn.date, sizeof cn.date, "2026-06-01");
	cn.amount = 777;
	assert_int_equal(ledger_credit_note_post(t->l, &cn, &p, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "posting a ledger entry: boom");
	assert_int_equal(db_count(t, "SELECT count(*) FROM documents WHERE ?1 = ?1", "x"), 0);
	assert_int_equal(db_count(t, "SELECT count(*) FROM entries WHERE ?1 = ?1", "x"), 0);
	assert_int_equal(db_count(t, "SELECT count(*) FROM doc_lines WHERE ?1 = ?1", "x"), 0);
	assert_int_equal(next_series(t, "invoice"), 1);
	assert_int_equal(next_series(t, "quote"), 1);
	assert_int_equal(next_series(t, "credit-note"), 1);
	bad[1].description[0] = 'B';
	in.n_lines = q.n_lines = 2;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	assert_string_equal(p.number, "FAC-000001");
	TL_OK(ledger_quote_post(t->l, &q, &p, &e), &e);
	assert_string_equal(p.number, "COT-000001");
	cn.amount = 778;
	TL_OK(ledger_credit_note_post(t->l, &cn, &p, &e), &e);
	assert_string_equal(p.number, "NC-000001");
}

/* Applying a credit with the receipt form: FAC-1 1,000.00 (due 05-01) and FAC-3 500.00 (due
 * 07-01) open, an advance of 1,200.00 in favour. Using it, marking FAC-1 and FAC-3 fills 1,000.00
 * and 200.00; typing 300.00 on FAC-3 leaves 1,000.00 + 300.00 = 1,300.00 > 1,200.00 refused;
 * posted: FAC-1 paid, FAC-3 300.00 open, nothing left in favour. */
static void test_receipt_form_applies_credit(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_receipt_form f;
	posted inv1, inv3, p;
	cart_err e = { 0 };

	inv1 = tl_invoice(t->l, t->c1, "2026-04-01", "", 100000);
	inv3 = tl_invoice(t->l, t->c1, "2026-06-01", "", 50000);
	tl_advance(t->l, t->c1, "2026-06-05", 120000);
	ctl_of(t, &c);
	TL_OK(ctl_rform_load(&c, &f, "Acme", NULL, "", &e), &e);
	assert_int_equal(f.n, 2);
	assert_int_equal(f.n_credits, 1);
	assert_string_equal(f.credits[0].code, "AA");
	TL_OK(ctl_rform_use_credit(&f, 0, &e), &e);
	assert_int_equal(f.received, 120000);
	assert_int_equal(ctl_rform_post(&f, &p, &e), CART_INVALID);
	tl_assert_msg_names(&e, "ANT-000001");
	TL_OK(ctl_rform_mark(&f, 0, 1, &e), &e);
	TL_OK(ctl_rform_mark(&f, 1, 1, &e), &e);
	assert_int_equal(f.rows[0].amount, 100000);
	assert_int_equal(f.rows[1].amount, 20000);
	assert_int_equal(f.left, 0);
	TL_OK(ctl_rform_set_row(&f, 0, "1.000,00", &e), &e);
	assert_int_equal(ctl_rform_set_row(&f, 1, "300,00", &e), CART_REFUSED);
	tl_assert_msg_names(&e, "more than the 1.200,00 received");
	TL_OK(ctl_rform_post(&f, &p, &e), &e);
	ctl_rform_free(&f);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, inv1.entry_id), 0);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, inv3.entry_id), 30000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 30000, 0, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_totals_mixed_rates),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_instalment_split),
		cmocka_unit_test_setup_teardown(test_tax_rates, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_invoice_lines_posted, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_invoice_form, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_check, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_figures_read_once, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_receipt_form, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_receipt_form_stale, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_receipt_by_document, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_later_refund_writeoff, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_leftover_and_gapless, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_quotes, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_note_room, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_void_apply_and_advance, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_gapless_after_failure, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_receipt_form_applies_credit, tl_setup, tl_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
