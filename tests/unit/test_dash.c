/* The dashboard's controller and model (SPEC B1-B3): the four totals, each tab's count, rows,
 * order, filters, pages and row positions, on a ledger built here whose figures are worked out
 * below; a payment moving the totals by exactly its amount; reminders in the client's history.
 * Today is 2026-06-30; the company is CO/COP with ranges 30/60/90.
 *
 * The ledger (amounts in pesos):
 *   Acme SAS (c1)     FAC-000001 04-01 due 05-01   1,000.00, paid 300.00 on 05-10: 700.00 open,
 *                                                   60 days overdue
 *                     FAC-000002 06-01 due 06-30     500.00: due today, so NOT overdue
 *                     advance 06-05                  250.00: a credit in favour (AA)
 *   Beta Ltda (c2)    FAC-000003 03-01   900.00 in instalments 300.00 each due
 *                       04-01 (/1: 90 days overdue), 06-15 (/2: 15 days overdue, 100.00 paid
 *                       on 06-20 so 200.00 open), 07-15 (/3: due in 15 days)
 *                     credit note on account 06-10    50.00: a credit in favour (NC)
 *   Zeta Comercial    FAC-000004 01-01 due 01-31     800.00 less a credit note of 100.00
 *   (tax id 900123456)                                against it: 700.00 open, 150 days overdue
 *                     FAC-000005 06-20 due 07-20     400.00, voided 06-25: in no item tab
 * Due 500.00 + 300.00 = 800.00 (2); overdue 700.00 + 300.00 + 200.00 + 700.00 = 1,900.00 (4);
 * credits 250.00 + 50.00 = 300.00 (2); net 2,400.00 (= 950.00 + 750.00 + 700.00 by client). */
#include "config.h"

#include <sqlite3.h>

#include "testlib.h"
#include "ctl/ctl_int.h"
#include "cartera/ctl_dash.h"

typedef struct fx {
	posted inv1, inv2, inv3, inv4, inv5, adv, nc1, nc2, void5, pay1, pay2;
	int64_t beta, zeta;
	int64_t inst[3];
} fx;

static fx F;

static void build(tl *t)
{
	instalment_in inst[3] = {
		{ "2026-04-01", 30000 }, { "2026-06-15", 30000 }, { "2026-07-15", 30000 },
	};
	credit_note_in cn;
	invoice_in in;
	client z;
	tl_items s;
	cart_err e = { 0 };

	memset(&F, 0, sizeof F);
	F.beta = tl_client(t, "Beta Ltda", 30);
	client_defaults(&z);
	snprintf(z.name, sizeof z.name, "Zeta Comercial");
	snprintf(z.tax_id, sizeof z.tax_id, "900123456");
	TL_OK(ledger_client_add(t->l, &z, &e), &e);
	F.zeta = z.id;
	t->clients[t->n_clients++] = z.id;

	F.inv1 = tl_invoice(t->l, t->c1, "2026-04-01", "2026-05-01", 100000);
	F.pay1 = tl_receipt(t->l, t->c1, "2026-05-10", 30000);
	F.inv2 = tl_invoice(t->l, t->c1, "2026-06-01", "2026-06-30", 50000);
	memset(&in, 0, sizeof in);
	in.client_id = F.beta;
	snprintf(in.date, sizeof in.date, "2026-03-01");
	in.total = 90000;
	in.inst = inst;
	in.n_inst = 3;
	TL_OK(ledger_invoice_post(t->l, &in, &F.inv3, &e), &e);
	tl_items_get(t->l, F.beta, TL_TODAY, &s);
	F.inst[0] = tl_item_due(&s, F.inv3.entry_id, "2026-04-01")->instalment_id;
	F.inst[1] = tl_item_due(&s, F.inv3.entry_id, "2026-06-15")->instalment_id;
	F.inst[2] = tl_item_due(&s, F.inv3.entry_id, "2026-07-15")->instalment_id;
	{
		alloc_in a = { F.inv3.entry_id, F.inst[1], 10000 };

		F.pay2 = tl_receipt_alloc(t->l, F.beta, "2026-06-20", 10000, &a, 1);
	}
	memset(&cn, 0, sizeof cn);
	cn.client_id = F.beta;
	snprintf(cn.date, sizeof cn.date, "2026-06-10");
	cn.amount = 5000;
	snprintf(cn.reason, sizeof cn.reason, "discount");
	TL_OK(ledger_credit_note_post(t->l, &cn, &F.nc1, &e), &e);
	F.inv4 = tl_invoice(t->l, F.zeta, "2026-01-01", "2026-01-31", 80000);
	cn.client_id = F.zeta;
	snprintf(cn.date, sizeof cn.date, "2026-02-15");
	cn.amount = 10000;
	cn.against_entry_id = F.inv4.entry_id;
	TL_OK(ledger_credit_note_post(t->l, &cn, &F.nc2, &e), &e);
	F.inv5 = tl_invoice(t->l, F.zeta, "2026-06-20", "2026-07-20", 40000);
	F.void5 = tl_void(t->l, F.inv5.doc_id, "2026-06-25");
	F.adv = tl_advance(t->l, t->c1, "2026-06-05", 25000);
}

static ctl mkctl(tl *t)
{
	ctl c;
	cart_err e = { 0 };

	memset(&c, 0, sizeof c);
	c.l = t->l;
	TL_OK(ledger_company_get(t->l, &c.co, &e), &e);
	c.have_company = 1;
	return c;
}

#define MAXR 32

typedef struct page {
	ctld_row r[MAXR];
	int n;
} page;

static void get_page(ctl_dash *v, int64_t offset, int n, page *p)
{
	cart_err e = { 0 };

	memset(p, 0, sizeof *p);
	TL_OK(ctl_dash_page(v, offset, n, p->r, &p->n, &e), &e);
}

/* The column index of key in the tab on show. */
static int col(const ctl_dash *v, const char *key)
{
	int n;
	const ctld_col *c = ctl_dash_columns(v->tab, &n);

	for (int i = 0; i < n; i++)
		if (!strcmp(c[i].key, key))
			return i;
	fail_msg("no column %s", key);
	return -1;
}

static const char *cell(const ctl_dash *v, const page *p, int row, const char *key)
{
	assert_true(row < p->n);
	return p->r[row].cell[col(v, key)];
}

/* The numbers of a page, joined by spaces. */
static void numbers(const ctl_dash *v, const page *p, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < p->n; i++) {
		size_t len = strlen(buf);

		snprintf(buf + len, size - len, "%s%s", i ? " " : "", cell(v, p, i, "number"));
	}
}

static void assert_numbers(ctl_dash *v, const char *want)
{
	page p;
	char got[512];

	get_page(v, 0, MAXR, &p);
	numbers(v, &p, got, sizeof got);
	if (strcmp(got, want))
		print_error("tab %s: got \"%s\", want \"%s\"\n", ctl_dash_tab_key(v->tab), got, want);
	assert_string_equal(got, want);
	assert_int_equal(v->count, p.n);
}

static void test_totals_and_tabs(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_dash v;
	page p;
	cart_err e = { 0 };

	build(t);
	c = mkctl(t);
	TL_OK(ctl_dash_open(&v, &c, 0, NULL, &e), &e);
	assert_string_equal(v.today, "2026-06-30");
	assert_int_equal(v.tab, DASH_OVERDUE);
	assert_int_equal(v.d.n, 1);
	assert_int_equal(v.d.t[0].due, 80000);
	assert_int_equal(v.d.t[0].n_due, 2);
	assert_int_equal(v.d.t[0].overdue, 190000);
	assert_int_equal(v.d.t[0].n_overdue, 4);
	assert_int_equal(v.d.t[0].credits, 30000);
	assert_int_equal(v.d.t[0].n_credits, 2);
	assert_int_equal(v.d.t[0].net, 240000);
	assert_string_equal(v.total_text[CTLD_DUE], "800,00 (2)");
	assert_string_equal(v.total_text[CTLD_OVERDUE], "1.900,00 (4)");
	assert_string_equal(v.total_text[CTLD_CREDITS], "300,00 (2)");
	assert_string_equal(v.total_text[CTLD_NET], "2.400,00 (8)");

	/* Overdue, most overdue first: the invoice due today is not there */
	assert_int_equal(v.count, 4);
	get_page(&v, 0, MAXR, &p);
	assert_int_equal(p.n, 4);
	assert_string_equal(cell(&v, &p, 0, "number"), "FAC-000004");
	assert_string_equal(cell(&v, &p, 0, "client"), "Zeta Comercial");
	assert_string_equal(cell(&v, &p, 0, "date"), "2026-01-01");
	assert_string_equal(cell(&v, &p, 0, "due"), "2026-01-31");
	assert_string_equal(cell(&v, &p, 0, "days_overdue"), "150");
	assert_string_equal(cell(&v, &p, 0, "amount"), "800,00");
	assert_string_equal(cell(&v, &p, 0, "open"), "700,00");
	assert_int_equal(p.r[0].client_id, F.zeta);
	assert_int_equal(p.r[0].entry_id, F.inv4.entry_id);
	assert_int_equal(p.r[0].doc_id, F.inv4.doc_id);
	assert_int_equal(p.r[0].instalment_id, 0);
	assert_string_equal(cell(&v, &p, 1, "number"), "FAC-000003/1");
	assert_string_equal(cell(&v, &p, 1, "days_overdue"), "90");
	assert_string_equal(cell(&v, &p, 1, "open"), "300,00");
	assert_int_equal(p.r[1].instalment_id, F.inst[0]);
	assert_int_equal(p.r[1].doc_id, F.inv3.doc_id);
	assert_string_equal(cell(&v, &p, 2, "number"), "FAC-000001");
	assert_string_equal(cell(&v, &p, 2, "days_overdue"), "60");
	assert_string_equal(cell(&v, &p, 2, "amount"), "1.000,00");
	assert_string_equal(cell(&v, &p, 2, "open"), "700,00");
	assert_string_equal(cell(&v, &p, 3, "number"), "FAC-000003/2");
	assert_string_equal(cell(&v, &p, 3, "days_overdue"), "15");
	assert_string_equal(cell(&v, &p, 3, "amount"), "300,00");
	assert_string_equal(cell(&v, &p, 3, "open"), "200,00");
	assert_int_equal(p.r[3].instalment_id, F.inst[1]);

	/* Due: due today (0 days) first, then the third instalment in 15 days */
	TL_OK(ctl_dash_tab(&v, DASH_DUE, &e), &e);
	assert_int_equal(v.count, 2);
	get_page(&v, 0, MAXR, &p);
	assert_string_equal(cell(&v, &p, 0, "number"), "FAC-000002");
	assert_string_equal(cell(&v, &p, 0, "days_to_due"), "0");
	assert_string_equal(cell(&v, &p, 0, "open"), "500,00");
	assert_string_equal(cell(&v, &p, 1, "number"), "FAC-000003/3");
	assert_string_equal(cell(&v, &p, 1, "days_to_due"), "15");
	assert_string_equal(cell(&v, &p, 1, "open"), "300,00");

	/* Credits: the advance, then the credit note on account */
	TL_OK(ctl_dash_tab(&v, DASH_CREDITS, &e), &e);
	assert_int_equal(v.count, 2);
	get_page(&v, 0, MAXR, &p);
	assert_string_equal(cell(&v, &p, 0, "number"), F.adv.number);
	assert_string_equal(cell(&v, &p, 0, "code"), "AA");
	assert_string_equal(cell(&v, &p, 0, "client"), "Acme SAS");
	assert_string_equal(cell(&v, &p, 0, "open"), "250,00");
	assert_string_equal(cell(&v, &p, 1, "number"), "NC-000001");
	assert_string_equal(cell(&v, &p, 1, "code"), "NC");
	assert_string_equal(cell(&v, &p, 1, "open"), "50,00");
	assert_int_equal(p.r[1].entry_id, F.nc1.entry_id);

	/* Clients, by name: balance, overdue, credit, oldest days */
	TL_OK(ctl_dash_tab(&v, DASH_CLIENTS, &e), &e);
	assert_int_equal(v.count, 3);
	get_page(&v, 0, MAXR, &p);
	assert_string_equal(cell(&v, &p, 0, "client"), "Acme SAS");
	assert_string_equal(cell(&v, &p, 0, "balance"), "950,00");
	assert_string_equal(cell(&v, &p, 0, "overdue"), "700,00");
	assert_string_equal(cell(&v, &p, 0, "credit"), "250,00");
	assert_string_equal(cell(&v, &p, 0, "oldest_days"), "60");
	assert_string_equal(cell(&v, &p, 0, "status"), "no reminder yet");
	assert_string_equal(cell(&v, &p, 1, "client"), "Beta Ltda");
	assert_string_equal(cell(&v, &p, 1, "balance"), "750,00");
	assert_string_equal(cell(&v, &p, 1, "overdue"), "500,00");
	assert_string_equal(cell(&v, &p, 1, "credit"), "50,00");
	assert_string_equal(cell(&v, &p, 1, "oldest_days"), "90");
	assert_string_equal(cell(&v, &p, 2, "client"), "Zeta Comercial");
	assert_string_equal(cell(&v, &p, 2, "tax_id"), "900123456");
	assert_string_equal(cell(&v, &p, 2, "balance"), "700,00");
	assert_string_equal(cell(&v, &p, 2, "oldest_days"), "150");

	/* Transactions, newest first: every document, quotes apart */
	TL_OK(ctl_dash_tab(&v, DASH_TRANSACTIONS, &e), &e);
	assert_int_equal(v.count, 11);
	get_page(&v, 0, MAXR, &p);
	assert_int_equal(p.n, 11);
	assert_string_equal(cell(&v, &p, 0, "number"), F.void5.number);
	assert_string_equal(cell(&v, &p, 0, "type"), "void");
	assert_string_equal(cell(&v, &p, 0, "status"), "void");
	assert_string_equal(cell(&v, &p, 1, "number"), "FAC-000005");
	assert_string_equal(cell(&v, &p, 1, "status"), "voided");
	assert_string_equal(cell(&v, &p, 1, "total"), "400,00");
	assert_string_equal(cell(&v, &p, 2, "number"), F.pay2.number);
	assert_string_equal(cell(&v, &p, 2, "type"), "receipt");
	assert_string_equal(cell(&v, &p, 2, "status"), "applied");
	assert_string_equal(cell(&v, &p, 3, "number"), "NC-000001");
	assert_string_equal(cell(&v, &p, 3, "status"), "credit left");
	assert_string_equal(cell(&v, &p, 4, "number"), F.adv.number);
	assert_string_equal(cell(&v, &p, 4, "type"), "advance");
	assert_string_equal(cell(&v, &p, 5, "number"), "FAC-000002");
	assert_string_equal(cell(&v, &p, 5, "status"), "open");
	assert_string_equal(cell(&v, &p, 6, "number"), F.pay1.number);
	assert_string_equal(cell(&v, &p, 7, "number"), "FAC-000001");
	assert_string_equal(cell(&v, &p, 7, "status"), "part overdue");
	assert_string_equal(cell(&v, &p, 8, "number"), "FAC-000003");
	assert_string_equal(cell(&v, &p, 8, "status"), "part overdue");
	assert_string_equal(cell(&v, &p, 9, "number"), "NC-000002");
	assert_string_equal(cell(&v, &p, 10, "number"), "FAC-000004");

	/* Quotes: none posted on this branch */
	TL_OK(ctl_dash_tab(&v, DASH_QUOTES, &e), &e);
	assert_int_equal(v.count, 0);
	get_page(&v, 0, MAXR, &p);
	assert_int_equal(p.n, 0);
}

static void test_sort_filter_page(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_dash v;
	page p;
	ctld_row key;
	int64_t pos;
	cart_err e = { 0 };

	build(t);
	c = mkctl(t);
	TL_OK(ctl_dash_open(&v, &c, 0, "2026-06-30", &e), &e);

	/* every sortable column, both ways; ties go by posting order */
	TL_OK(ctl_dash_sort(&v, "open", 0, &e), &e);
	assert_numbers(&v, "FAC-000003/2 FAC-000003/1 FAC-000001 FAC-000004");
	TL_OK(ctl_dash_sort(&v, "open", 1, &e), &e);
	assert_numbers(&v, "FAC-000004 FAC-000001 FAC-000003/1 FAC-000003/2");
	TL_OK(ctl_dash_sort(&v, "client", 0, &e), &e);
	assert_numbers(&v, "FAC-000001 FAC-000003/1 FAC-000003/2 FAC-000004");
	TL_OK(ctl_dash_sort(&v, "client", 1, &e), &e);
	assert_numbers(&v, "FAC-000004 FAC-000003/2 FAC-000003/1 FAC-000001");
	TL_OK(ctl_dash_sort(&v, "number", 0, &e), &e);
	assert_numbers(&v, "FAC-000001 FAC-000003/1 FAC-000003/2 FAC-000004");
	TL_OK(ctl_dash_sort(&v, "number", 1, &e), &e);
	assert_numbers(&v, "FAC-000004 FAC-000003/2 FAC-000003/1 FAC-000001");
	TL_OK(ctl_dash_sort(&v, "date", 0, &e), &e);
	assert_numbers(&v, "FAC-000004 FAC-000003/1 FAC-000003/2 FAC-000001");
	TL_OK(ctl_dash_sort(&v, "due", 1, &e), &e);
	assert_numbers(&v, "FAC-000003/2 FAC-000001 FAC-000003/1 FAC-000004");
	TL_OK(ctl_dash_sort(&v, "days_overdue", 0, &e), &e);
	assert_numbers(&v, "FAC-000003/2 FAC-000001 FAC-000003/1 FAC-000004");
	TL_OK(ctl_dash_sort(&v, "amount", 1, &e), &e);
	assert_numbers(&v, "FAC-000001 FAC-000004 FAC-000003/2 FAC-000003/1");
	assert_int_equal(ctl_dash_sort(&v, "balance", 0, &e), CART_INVALID);
	tl_assert_msg_names(&e, "balance");

	/* paging and the row of an id, most overdue first */
	TL_OK(ctl_dash_sort(&v, "days_overdue", 1, &e), &e);
	get_page(&v, 1, 2, &p);
	assert_int_equal(p.n, 2);
	assert_string_equal(cell(&v, &p, 0, "number"), "FAC-000003/1");
	assert_string_equal(cell(&v, &p, 1, "number"), "FAC-000001");
	get_page(&v, 4, 2, &p);
	assert_int_equal(p.n, 0);
	memset(&key, 0, sizeof key);
	key.entry_id = F.inv1.entry_id;
	TL_OK(ctl_dash_row_of(&v, &key, &pos, &e), &e);
	assert_int_equal(pos, 2);
	key.entry_id = F.inv3.entry_id;
	key.instalment_id = F.inst[1];
	TL_OK(ctl_dash_row_of(&v, &key, &pos, &e), &e);
	assert_int_equal(pos, 3);
	key.instalment_id = F.inst[2]; /* not yet due: not in Overdue */
	TL_OK(ctl_dash_row_of(&v, &key, &pos, &e), &e);
	assert_int_equal(pos, -1);
	for (int so = 0; so < 4; so++) {
		static const char *const keys[] = { "client", "number", "open", "date" };

		for (int d = 0; d < 2; d++) {
			TL_OK(ctl_dash_sort(&v, keys[so], d, &e), &e);
			get_page(&v, 0, MAXR, &p);
			for (int i = 0; i < p.n; i++) {
				TL_OK(ctl_dash_row_of(&v, &p.r[i], &pos, &e), &e);
				assert_int_equal(pos, i);
			}
		}
	}
	TL_OK(ctl_dash_sort(&v, "days_overdue", 1, &e), &e);

	/* filters as you type: a client's name, its tax id, a number, digits */
	TL_OK(ctl_dash_filter(&v, "zeta", &e), &e);
	assert_numbers(&v, "FAC-000004");
	TL_OK(ctl_dash_filter(&v, "90012", &e), &e);
	assert_numbers(&v, "FAC-000004");
	TL_OK(ctl_dash_filter(&v, "fac-000003", &e), &e);
	assert_numbers(&v, "FAC-000003/1 FAC-000003/2");
	TL_OK(ctl_dash_filter(&v, "3", &e), &e); /* FAC-000003, and Zeta's tax id holds a 3 */
	assert_numbers(&v, "FAC-000004 FAC-000003/1 FAC-000003/2");
	TL_OK(ctl_dash_filter(&v, "nobody", &e), &e);
	assert_numbers(&v, "");
	key.entry_id = F.inv4.entry_id;
	key.instalment_id = 0;
	TL_OK(ctl_dash_filter(&v, "zeta", &e), &e);
	TL_OK(ctl_dash_row_of(&v, &key, &pos, &e), &e);
	assert_int_equal(pos, 0);
	TL_OK(ctl_dash_filter(&v, "", &e), &e);

	/* days overdue and aging ranges (1-30, 31-60, 61-90, over 90) */
	TL_OK(ctl_dash_days(&v, 1, 60, 1, 90, &e), &e);
	assert_numbers(&v, "FAC-000003/1 FAC-000001");
	TL_OK(ctl_dash_days(&v, 1, 91, 0, 0, &e), &e);
	assert_numbers(&v, "FAC-000004");
	assert_int_equal(ctl_dash_days(&v, 1, 90, 1, 60, &e), CART_INVALID);
	TL_OK(ctl_dash_days(&v, 0, 0, 0, 0, &e), &e);
	TL_OK(ctl_dash_range(&v, 1, &e), &e);
	assert_numbers(&v, "FAC-000003/2");
	TL_OK(ctl_dash_range(&v, 2, &e), &e);
	assert_numbers(&v, "FAC-000001");
	TL_OK(ctl_dash_range(&v, 3, &e), &e);
	assert_numbers(&v, "FAC-000003/1");
	TL_OK(ctl_dash_range(&v, 4, &e), &e);
	assert_numbers(&v, "FAC-000004");
	TL_OK(ctl_dash_range(&v, 0, &e), &e);
	assert_numbers(&v, "");
	assert_int_equal(ctl_dash_range(&v, 5, &e), CART_INVALID);
	TL_OK(ctl_dash_range(&v, -1, &e), &e);
	assert_int_equal(v.count, 4);
	TL_OK(ctl_dash_tab(&v, DASH_DUE, &e), &e);
	TL_OK(ctl_dash_range(&v, 0, &e), &e);
	assert_numbers(&v, "FAC-000002 FAC-000003/3");

	/* the clients tab: by overdue (ties by name, reversed with the order), days, a filter */
	TL_OK(ctl_dash_tab(&v, DASH_CLIENTS, &e), &e);
	TL_OK(ctl_dash_sort(&v, "overdue", 1, &e), &e);
	get_page(&v, 0, MAXR, &p);
	assert_int_equal(p.n, 3);
	assert_string_equal(cell(&v, &p, 0, "client"), "Zeta Comercial");
	assert_string_equal(cell(&v, &p, 1, "client"), "Acme SAS");
	assert_string_equal(cell(&v, &p, 2, "client"), "Beta Ltda");
	TL_OK(ctl_dash_sort(&v, "balance", 0, &e), &e);
	get_page(&v, 0, MAXR, &p);
	assert_string_equal(cell(&v, &p, 0, "client"), "Zeta Comercial");
	assert_string_equal(cell(&v, &p, 1, "client"), "Beta Ltda");
	assert_string_equal(cell(&v, &p, 2, "client"), "Acme SAS");
	TL_OK(ctl_dash_row_of(&v, &p.r[1], &pos, &e), &e);
	assert_int_equal(pos, 1);
	TL_OK(ctl_dash_days(&v, 1, 61, 0, 0, &e), &e);
	assert_int_equal(v.count, 2);
	TL_OK(ctl_dash_days(&v, 0, 0, 0, 0, &e), &e);
	TL_OK(ctl_dash_sort(&v, "client", 1, &e), &e);
	get_page(&v, 0, MAXR, &p);
	assert_string_equal(cell(&v, &p, 0, "client"), "Zeta Comercial");
	assert_string_equal(cell(&v, &p, 2, "client"), "Acme SAS");
	TL_OK(ctl_dash_row_of(&v, &p.r[2], &pos, &e), &e);
	assert_int_equal(pos, 2);
	TL_OK(ctl_dash_filter(&v, "beta", &e), &e);
	assert_int_equal(v.count, 1);
	get_page(&v, 0, MAXR, &p);
	assert_string_equal(cell(&v, &p, 0, "client"), "Beta Ltda");

	/* transactions: by total, by client; a number filter */
	TL_OK(ctl_dash_tab(&v, DASH_TRANSACTIONS, &e), &e);
	TL_OK(ctl_dash_sort(&v, "total", 1, &e), &e);
	get_page(&v, 0, 2, &p);
	assert_string_equal(cell(&v, &p, 0, "number"), "FAC-000001");
	assert_string_equal(cell(&v, &p, 1, "number"), "FAC-000003");
	TL_OK(ctl_dash_row_of(&v, &p.r[1], &pos, &e), &e);
	assert_int_equal(pos, 1);
	TL_OK(ctl_dash_sort(&v, "client", 0, &e), &e);
	get_page(&v, 0, MAXR, &p);
	assert_string_equal(cell(&v, &p, 0, "client"), "Acme SAS");
	assert_string_equal(cell(&v, &p, 10, "client"), "Zeta Comercial");
	TL_OK(ctl_dash_filter(&v, "NC-", &e), &e);
	assert_int_equal(v.count, 2);
	assert_int_equal(ctl_dash_sort(&v, "status", 0, &e), CART_INVALID);
}

/* Issue 14: the screens count a filtered Transactions tab only up to a bound. Below it (and at
 * it) the count is exact; above it the count says "bound, and more", the pages (walked in the
 * tab's order) hold the same rows in the same order as the exact list, and counting all (End)
 * gives the exact count and the last rows, read from the end. */
static void test_bounded_count(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_dash v;
	page all, p;
	int64_t exact;
	cart_err e = { 0 };

	build(t);
	c = mkctl(t);
	TL_OK(ctl_dash_open(&v, &c, 0, "2026-06-30", &e), &e);
	TL_OK(ctl_dash_tab(&v, DASH_TRANSACTIONS, &e), &e);
	/* exactly (bound 0): "a" is in every client's name, so every document */
	TL_OK(ctl_dash_filter(&v, "a", &e), &e);
	assert_int_equal(v.count, 11);
	assert_false(v.more);
	get_page(&v, 0, MAXR, &all);
	assert_int_equal(all.n, 11);
	exact = v.count;

	v.bound = 4;
	TL_OK(ctl_dash_filter(&v, "a", &e), &e);
	assert_int_equal(v.count, 4);
	assert_true(v.more);
	get_page(&v, 0, 4, &p);
	assert_int_equal(p.n, 4);
	for (int i = 0; i < 4; i++)
		assert_string_equal(cell(&v, &p, i, "number"), cell(&v, &all, i, "number"));
	get_page(&v, 3, 3, &p); /* past the bound the rows go on */
	assert_int_equal(p.n, 3);
	for (int i = 0; i < 3; i++)
		assert_string_equal(cell(&v, &p, i, "number"), cell(&v, &all, 3 + i, "number"));
	/* End: counted once, exactly; the last rows read from the end, in the tab's order */
	TL_OK(ctl_dash_count_all(&v, &e), &e);
	assert_int_equal(v.count, exact);
	assert_false(v.more);
	get_page(&v, 8, 3, &p);
	assert_int_equal(p.n, 3);
	for (int i = 0; i < 3; i++)
		assert_string_equal(cell(&v, &p, i, "number"), cell(&v, &all, 8 + i, "number"));
	get_page(&v, 9, 5, &p);
	assert_int_equal(p.n, 2);
	assert_string_equal(cell(&v, &p, 0, "number"), cell(&v, &all, 9, "number"));
	assert_string_equal(cell(&v, &p, 1, "number"), "FAC-000004");
	get_page(&v, 11, 5, &p);
	assert_int_equal(p.n, 0);
	/* another posting refreshes the count and keeps it exact until the filter changes */
	TL_OK(ctl_dash_refresh(&v, &e), &e);
	assert_int_equal(v.count, exact);
	assert_false(v.more);
	TL_OK(ctl_dash_filter(&v, "a", &e), &e);
	assert_int_equal(v.count, 4);
	assert_true(v.more);

	/* below the bound (three letters and more: the trigram index) and at it: exact */
	TL_OK(ctl_dash_filter(&v, "beta", &e), &e); /* FAC-000003, its receipt, NC-000002 */
	assert_int_equal(v.count, 3);
	assert_false(v.more);
	TL_OK(ctl_dash_filter(&v, "zeta", &e), &e);
	assert_int_equal(v.count, 4);
	assert_false(v.more);
	get_page(&v, 0, MAXR, &p);
	assert_int_equal(p.n, 4);
	/* two letters (tested row by row) that start the credit notes' numbers, in no name */
	TL_OK(ctl_dash_filter(&v, "NC", &e), &e);
	assert_int_equal(v.count, 2);
	assert_false(v.more);
	get_page(&v, 0, MAXR, &p);
	assert_string_equal(cell(&v, &p, 0, "number"), "NC-000001");
	assert_string_equal(cell(&v, &p, 1, "number"), "NC-000002");
}

/* A payment of the 700.00 left on FAC-000001: overdue and net fall by exactly 700.00, the row
 * leaves Overdue and the row after it moves up. */
static void test_payment_refresh(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_dash v;
	page p;
	ctld_row cursor;
	int64_t pos, overdue, net;
	alloc_in a;
	cart_err e = { 0 };

	build(t);
	c = mkctl(t);
	TL_OK(ctl_dash_open(&v, &c, 0, NULL, &e), &e);
	get_page(&v, 0, MAXR, &p);
	assert_string_equal(cell(&v, &p, 2, "number"), "FAC-000001");
	cursor = p.r[3];
	overdue = v.d.t[0].overdue;
	net = v.d.t[0].net;
	a = (alloc_in){ p.r[2].entry_id, 0, 70000 };
	tl_receipt_alloc(t->l, p.r[2].client_id, TL_TODAY, 70000, &a, 1);
	TL_OK(ctl_dash_refresh(&v, &e), &e);
	assert_int_equal(v.d.t[0].overdue, overdue - 70000);
	assert_int_equal(v.d.t[0].net, net - 70000);
	assert_int_equal(v.d.t[0].due, 80000);
	assert_int_equal(v.d.t[0].credits, 30000);
	assert_int_equal(v.d.t[0].n_overdue, 3);
	assert_string_equal(v.total_text[CTLD_OVERDUE], "1.200,00 (3)");
	assert_int_equal(v.count, 3);
	assert_numbers(&v, "FAC-000004 FAC-000003/1 FAC-000003/2");
	TL_OK(ctl_dash_row_of(&v, &cursor, &pos, &e), &e);
	assert_int_equal(pos, 2);
	TL_OK(ctl_dash_row_of(&v, &p.r[2], &pos, &e), &e);
	assert_int_equal(pos, -1);
}

/* The clients' names of the Clients tab, rows offset.. (n of them), joined by spaces. */
static void client_names(ctl_dash *v, int64_t offset, int n, char *out, size_t size)
{
	page p;
	size_t len = 0;

	out[0] = '\0';
	get_page(v, offset, n, &p);
	for (int i = 0; i < p.n && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s", i ? "|" : "",
		                        cell(v, &p, i, "client"));
}

/* The whole tab read in windows of three rows, against one read of every row. */
static void assert_windows(ctl_dash *v, const char *what)
{
	char all[2048], part[2048], got[2048] = "";
	size_t len = 0;

	client_names(v, 0, MAXR, all, sizeof all);
	assert_true(v->count <= MAXR);
	for (int64_t off = 0; off < v->count; off += 3) {
		client_names(v, off, 3, part, sizeof part);
		len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", off ? "|" : "", part);
	}
	if (strcmp(all, got))
		fail_msg("%s: in windows of 3 \"%s\", at once \"%s\"", what, got, all);
}

/* Issue 14, keys at 50,000 clients: the Clients tab keeps what it read between keys (the
 * clients with something open in name order, the last list in another order). Paging past the
 * first window in every order gives the rows of the whole list; a filter of one or two letters
 * finds accented names as one of three does; a posting, here or by another connection, is seen
 * at the next key. */
static void test_clients_kept(void **state)
{
	static const char *const names[] = {
		"Ñandú Repuestos", "Ángela Ríos", "Almacén Gómez", "Óptica Núñez", "Bodega Andina",
		"Café Ñuñoa", "Dulces Mar", "Eléctricos Sur", "Ferretería Ñandú", "Granos del Valle",
	};
	static const char *const sorts[] = { "client", "balance", "overdue", "credit", "oldest_days",
	                                     "status" };
	tl *t = *state;
	ctl c;
	ctl_dash v;
	page p;
	char buf[2048];
	int64_t pos, first_overdue, nandu = 0;
	ledger *other;
	cart_err e = { 0 };

	build(t);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		int64_t id = tl_client(t, names[i], 30);

		if (!i)
			nandu = id;
		tl_invoice(t->l, id, "2026-05-01", "2026-05-31", 10000 * (int64_t)(i + 1));
		if (i % 3 == 0)
			tl_invoice(t->l, id, "2026-06-10", "2026-07-10", 7000);
	}
	c = mkctl(t);
	TL_OK(ctl_dash_open(&v, &c, 0, "2026-06-30", &e), &e);
	TL_OK(ctl_dash_tab(&v, DASH_CLIENTS, &e), &e);
	assert_int_equal(v.count, 13);
	for (size_t k = 0; k < sizeof sorts / sizeof sorts[0]; k++)
		for (int desc = 0; desc < 2; desc++) {
			TL_OK(ctl_dash_sort(&v, sorts[k], desc, &e), &e);
			snprintf(buf, sizeof buf, "%s%s", sorts[k], desc ? " desc" : "");
			assert_windows(&v, buf);
		}

	/* name order: one letter finds accents and ñ as n; the windows hold */
	TL_OK(ctl_dash_sort(&v, "client", 0, &e), &e);
	TL_OK(ctl_dash_filter(&v, "n", &e), &e);
	client_names(&v, 0, MAXR, buf, sizeof buf);
	assert_string_equal(buf, "Almacén Gómez|Ángela Ríos|Bodega Andina|Café Ñuñoa|"
	                    "Ferretería Ñandú|Granos del Valle|Ñandú Repuestos|Óptica Núñez");
	assert_int_equal(v.count, 8);
	assert_windows(&v, "filter n");
	TL_OK(ctl_dash_filter(&v, "AN", &e), &e);
	client_names(&v, 0, MAXR, buf, sizeof buf);
	assert_string_equal(buf, "Ángela Ríos|Bodega Andina|Ferretería Ñandú|Granos del Valle|"
	                    "Ñandú Repuestos");
	assert_int_equal(v.count, 5);
	TL_OK(ctl_dash_sort(&v, "client", 1, &e), &e);
	client_names(&v, 0, MAXR, buf, sizeof buf);
	assert_string_equal(buf, "Ñandú Repuestos|Granos del Valle|Ferretería Ñandú|Bodega Andina|"
	                    "Ángela Ríos");
	assert_windows(&v, "filter AN, backwards");
	TL_OK(ctl_dash_sort(&v, "client", 0, &e), &e);
	/* three letters: the trigram index, the same clients as typed */
	TL_OK(ctl_dash_filter(&v, "nand", &e), &e);
	client_names(&v, 0, MAXR, buf, sizeof buf);
	assert_string_equal(buf, "Ferretería Ñandú|Ñandú Repuestos");
	/* the tax id, two digits */
	TL_OK(ctl_dash_filter(&v, "12", &e), &e);
	client_names(&v, 0, MAXR, buf, sizeof buf);
	assert_string_equal(buf, "Zeta Comercial");
	/* a row's place in the filtered list */
	TL_OK(ctl_dash_filter(&v, "an", &e), &e);
	get_page(&v, 0, MAXR, &p);
	TL_OK(ctl_dash_row_of(&v, &p.r[2], &pos, &e), &e);
	assert_int_equal(pos, 2);
	TL_OK(ctl_dash_filter(&v, "", &e), &e);

	/* one client's dashboard: its own row, filtered as the others are */
	{
		ctl_dash one;

		TL_OK(ctl_dash_open(&one, &c, nandu, "2026-06-30", &e), &e);
		TL_OK(ctl_dash_tab(&one, DASH_CLIENTS, &e), &e);
		client_names(&one, 0, MAXR, buf, sizeof buf);
		assert_string_equal(buf, "Ñandú Repuestos");
		assert_int_equal(one.count, 1);
		TL_OK(ctl_dash_filter(&one, "Ñ", &e), &e);
		assert_int_equal(one.count, 1);
		TL_OK(ctl_dash_filter(&one, "zz", &e), &e);
		assert_int_equal(one.count, 0);
		client_names(&one, 0, MAXR, buf, sizeof buf);
		assert_string_equal(buf, "");
		TL_OK(ctl_dash_filter(&one, "repu", &e), &e);
		assert_int_equal(one.count, 1);
		TL_OK(ctl_dash_filter(&one, "gomez", &e), &e);
		assert_int_equal(one.count, 0);
	}

	/* by overdue, largest first: a payment here moves the list at the next read */
	TL_OK(ctl_dash_sort(&v, "overdue", 1, &e), &e);
	client_names(&v, 0, 1, buf, sizeof buf);
	assert_string_equal(buf, "Granos del Valle");
	get_page(&v, 0, 1, &p);
	first_overdue = p.r[0].client_id;
	tl_receipt(t->l, first_overdue, TL_TODAY, 100000);
	TL_OK(ctl_dash_refresh(&v, &e), &e);
	client_names(&v, 0, 1, buf, sizeof buf);
	assert_string_equal(buf, "Ferretería Ñandú");
	/* Granos del Valle still has its invoice due 07-10 */
	assert_int_equal(v.count, 13);
	/* and one by another connection (another clerk) too, in name order and by overdue */
	TL_OK(ledger_open(t->path, 0, &other, &e), &e);
	{
		int64_t id;
		client n;

		client_defaults(&n);
		snprintf(n.name, sizeof n.name, "Aaron Nuevo");
		TL_OK(ledger_client_add(other, &n, &e), &e);
		id = n.id;
		tl_invoice(other, id, "2026-01-02", "2026-01-03", 99900000);
	}
	ledger_close(other);
	client_names(&v, 0, 1, buf, sizeof buf);
	assert_string_equal(buf, "Aaron Nuevo");
	TL_OK(ctl_dash_sort(&v, "client", 0, &e), &e);
	TL_OK(ctl_dash_filter(&v, "nu", &e), &e);
	client_names(&v, 0, MAXR, buf, sizeof buf);
	assert_string_equal(buf, "Aaron Nuevo|Café Ñuñoa|Óptica Núñez");
	TL_OK(ctl_dash_refresh(&v, &e), &e);
	assert_int_equal(v.count, 3);
	tl_check(t, TL_TODAY);
}

/* One client's dashboard, a past date (recomputed from allocations), the keys 1-4. */
static void test_client_past_keys(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_dash v;
	page p;
	cart_err e = { 0 };

	build(t);
	c = mkctl(t);
	TL_OK(ctl_dash_open(&v, &c, F.beta, NULL, &e), &e);
	assert_string_equal(v.client_name, "Beta Ltda");
	assert_string_equal(v.total_text[CTLD_OVERDUE], "500,00 (2)");
	assert_string_equal(v.total_text[CTLD_NET], "750,00 (4)");
	assert_numbers(&v, "FAC-000003/1 FAC-000003/2");
	TL_OK(ctl_dash_sort(&v, "client", 0, &e), &e);
	assert_numbers(&v, "FAC-000003/1 FAC-000003/2");
	TL_OK(ctl_dash_tab(&v, DASH_TRANSACTIONS, &e), &e);
	assert_numbers(&v, "RC-000002 NC-000001 FAC-000003");

	/* 2026-05-05: before the 300.00 payment of FAC-000001 and everything after */
	TL_OK(ctl_dash_open(&v, &c, 0, "2026-05-05", &e), &e);
	assert_string_equal(v.total_text[CTLD_OVERDUE], "2.000,00 (3)");
	assert_numbers(&v, "FAC-000004 FAC-000003/1 FAC-000001");
	get_page(&v, 0, MAXR, &p);
	assert_string_equal(cell(&v, &p, 2, "open"), "1.000,00");
	assert_string_equal(cell(&v, &p, 2, "days_overdue"), "4");
	TL_OK(ctl_dash_sort(&v, "client", 0, &e), &e);
	assert_numbers(&v, "FAC-000001 FAC-000003/1 FAC-000004");
	TL_OK(ctl_dash_tab(&v, DASH_CLIENTS, &e), &e);
	get_page(&v, 0, MAXR, &p);
	assert_int_equal(p.n, 3);
	assert_string_equal(cell(&v, &p, 0, "balance"), "1.000,00");

	/* the totals' keys open their tabs; Net opens Clients */
	assert_int_equal(ctl_dash_total_tab(ctl_dash_key_total('1')), DASH_DUE);
	assert_int_equal(ctl_dash_total_tab(ctl_dash_key_total('2')), DASH_OVERDUE);
	assert_int_equal(ctl_dash_total_tab(ctl_dash_key_total('3')), DASH_CREDITS);
	assert_int_equal(ctl_dash_total_tab(ctl_dash_key_total('4')), DASH_CLIENTS);
	assert_int_equal(ctl_dash_key_total('5'), -1);
	assert_int_equal(ctl_dash_tab_parse("credits"), DASH_CREDITS);
	assert_int_equal(ctl_dash_tab_parse("nope"), -1);
}

static int collect_hist(const hist_entry *h, void *ud)
{
	hist_entry *out = ud;

	if (out[0].id == 0)
		out[0] = *h;
	else
		out[1] = *h;
	return 0;
}

/* A reminder from a row is recorded in the client's history, about the row's document; the
 * history cannot be changed. */
static void test_remind(void **state)
{
	tl *t = *state;
	ctl c;
	ctl_dash v;
	page p;
	hist_entry h, got[2];
	sqlite3 *db;
	char *err = NULL;
	cart_err e = { 0 };

	build(t);
	c = mkctl(t);
	TL_OK(ctl_dash_open(&v, &c, 0, NULL, &e), &e);
	get_page(&v, 0, MAXR, &p);
	TL_OK(ctl_dash_remind(&v, &p.r[0], "second notice", &h, &e), &e);
	assert_true(h.id > 0);
	assert_int_equal(h.client_id, F.zeta);
	assert_int_equal(h.doc_id, F.inv4.doc_id);
	memset(got, 0, sizeof got);
	TL_OK(ledger_history_list(t->l, F.zeta, collect_hist, got, &e), &e);
	assert_int_equal(got[0].id, h.id);
	assert_int_equal(got[0].kind, HIST_REMINDER);
	assert_string_equal(got[0].number, "FAC-000004");
	assert_string_equal(got[0].text, "second notice");
	assert_string_equal(got[0].clerk, "tester");
	assert_int_equal(got[1].id, 0);
	/* the clients tab shows it */
	TL_OK(ctl_dash_tab(&v, DASH_CLIENTS, &e), &e);
	get_page(&v, 0, MAXR, &p);
	assert_memory_equal(cell(&v, &p, 2, "status"), "reminded 2", 10);
	assert_string_equal(cell(&v, &p, 0, "status"), "no reminder yet");
	/* by reference: a document number or a client */
	TL_OK(ctl_remind(&c, "FAC-000003", NULL, &h, &e), &e);
	assert_int_equal(h.client_id, F.beta);
	assert_int_equal(h.doc_id, F.inv3.doc_id);
	TL_OK(ctl_remind(&c, "Acme SAS", "call back", &h, &e), &e);
	assert_int_equal(h.client_id, t->c1);
	assert_int_equal(h.doc_id, 0);
	assert_int_equal(ctl_remind(&c, "Nobody Inc", NULL, &h, &e), CART_NOTFOUND);
	tl_assert_msg_names(&e, "Nobody Inc");
	/* a document of another client is refused by the schema */
	memset(&h, 0, sizeof h);
	h.client_id = t->c1;
	h.kind = HIST_NOTE;
	h.doc_id = F.inv4.doc_id;
	assert_int_equal(ledger_history_add(t->l, &h, &e), CART_REFUSED);
	/* append-only */
	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE client_history SET text = 'x'", NULL, NULL,
	                                  &err), SQLITE_OK);
	assert_non_null(strstr(err, "never changed"));
	sqlite3_free(err);
	err = NULL;
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM client_history", NULL, NULL, &err),
	                     SQLITE_OK);
	assert_non_null(strstr(err, "never changed"));
	sqlite3_free(err);
	sqlite3_close(db);
	memset(got, 0, sizeof got);
	TL_OK(ledger_history_list(t->l, F.zeta, collect_hist, got, &e), &e);
	assert_string_equal(got[0].text, "second notice");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_totals_and_tabs, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_sort_filter_page, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_payment_refresh, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_client_past_keys, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_remind, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_clients_kept, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_bounded_count, tl_setup, tl_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
