/* Aging (SPEC R1, R2) and the due/overdue split (B1), as of a date (L6): bucket boundaries,
 * custom ranges, credits and net, past dates that ignore later payments and voids, rows per client
 * and currency ordered by name, instalments by their own due dates. Today is 2026-06-30. */
#include "config.h"

#include "testlib.h"
#include "model/ledger_int.h"

static const int ranges_30_60_90[3] = { 30, 60, 90 };

/* One invoice due on due, dated 2026-03-01 (before every due date used here). */
static posted due_on(tl *t, int64_t client_id, const char *due, int64_t amount)
{
	return tl_invoice(t->l, client_id, "2026-03-01", due, amount);
}

/* Days overdue on 2026-06-30, bucket (30/60/90), amount:
 *   06-30    0  not due       100.00
 *   06-29    1  1-30           50.00
 *   05-31   30  1-30          200.00
 *   05-30   31  31-60         400.00
 *   05-01   60  31-60         800.00
 *   04-30   61  61-90       1,600.00
 *   04-01   90  61-90       3,200.00
 *   03-31   91  over 90     6,400.00
 * not due 100.00; 1-30 250.00; 31-60 1,200.00; 61-90 4,800.00; over 90 6,400.00;
 * open charges 12,750.00; oldest 91 days. */
static void test_aging_boundaries(void **state)
{
	tl *t = *state;
	posted p90;
	tl_aging a;
	const aging_row *r;
	tl_items s;
	totals tt;
	company co;
	cart_err e = { 0 };

	due_on(t, t->c1, "2026-06-30", 10000);
	due_on(t, t->c1, "2026-06-29", 5000);
	due_on(t, t->c1, "2026-05-31", 20000);
	due_on(t, t->c1, "2026-05-30", 40000);
	due_on(t, t->c1, "2026-05-01", 80000);
	due_on(t, t->c1, "2026-04-30", 160000);
	p90 = due_on(t, t->c1, "2026-04-01", 320000);
	due_on(t, t->c1, "2026-03-31", 640000);

	/* the company's default ranges are 30/60/90 */
	TL_OK(ledger_company_get(t->l, &co, &e), &e);
	assert_int_equal(co.n_ranges, 3);
	assert_int_equal(co.ranges[0], 30);
	assert_int_equal(co.ranges[1], 60);
	assert_int_equal(co.ranges[2], 90);

	tl_aging_get(t->l, TL_TODAY, ranges_30_60_90, 3, &a);
	assert_int_equal(a.n, 1);
	r = tl_aging_row(&a, t->c1, "COP");
	assert_non_null(r);
	assert_string_equal(r->name, "Acme SAS");
	assert_int_equal(r->not_due, 10000);
	assert_int_equal(r->range[0], 25000);
	assert_int_equal(r->range[1], 120000);
	assert_int_equal(r->range[2], 480000);
	assert_int_equal(r->range[3], 640000);
	assert_int_equal(r->range[4], 0);
	assert_int_equal(r->open_charges, 1275000);
	assert_int_equal(r->credits, 0);
	assert_int_equal(r->net, 1275000);
	assert_int_equal(r->oldest_days, 91);

	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_int_equal(s.n, 8);
	assert_non_null(tl_item_due(&s, p90.entry_id, "2026-04-01"));
	assert_int_equal(tl_item_due(&s, p90.entry_id, "2026-04-01")->days_overdue, 90);

	/* due 100.00 in one item; overdue 12,650.00 in seven */
	tl_totals(t->l, t->c1, TL_TODAY, "COP", &tt);
	assert_int_equal(tt.due, 10000);
	assert_int_equal(tt.overdue, 1265000);
	assert_int_equal(tt.n_due, 1);
	assert_int_equal(tt.n_overdue, 7);
	assert_int_equal(tt.net, 1275000);
}

/* Ranges 15/45 on 06-30: 06-15 (15) 1-15; 06-14 (16) and 05-16 (45) 16-45; 05-15 (46) over 45. */
static void test_aging_custom_ranges(void **state)
{
	tl *t = *state;
	static const int ranges[2] = { 15, 45 };
	tl_aging a;
	const aging_row *r;

	due_on(t, t->c1, "2026-06-15", 10000);
	due_on(t, t->c1, "2026-06-14", 20000);
	due_on(t, t->c1, "2026-05-16", 40000);
	due_on(t, t->c1, "2026-05-15", 80000);
	tl_aging_get(t->l, TL_TODAY, ranges, 2, &a);
	r = tl_aging_row(&a, t->c1, "COP");
	assert_non_null(r);
	assert_int_equal(r->not_due, 0);
	assert_int_equal(r->range[0], 10000);
	assert_int_equal(r->range[1], 60000);
	assert_int_equal(r->range[2], 80000);
	assert_int_equal(r->open_charges, 150000);
	assert_int_equal(r->net, 150000);
	assert_int_equal(r->oldest_days, 46);
}

/* 1,000.00 due 05-16 (45 days), 300.00 paid against it, a 100.00 advance:
 * 31-60 700.00, credits 100.00, net 600.00. */
static void test_aging_credits_and_net(void **state)
{
	tl *t = *state;
	posted p = due_on(t, t->c1, "2026-05-16", 100000);
	alloc_in al = { 0 };
	tl_aging a;
	const aging_row *r;

	al.charge_entry_id = p.entry_id;
	al.amount = 30000;
	tl_receipt_alloc(t->l, t->c1, "2026-06-01", 30000, &al, 1);
	tl_advance(t->l, t->c1, "2026-06-02", 10000);
	tl_aging_get(t->l, TL_TODAY, ranges_30_60_90, 3, &a);
	r = tl_aging_row(&a, t->c1, "COP");
	assert_non_null(r);
	assert_int_equal(r->not_due, 0);
	assert_int_equal(r->range[0], 0);
	assert_int_equal(r->range[1], 70000);
	assert_int_equal(r->open_charges, 70000);
	assert_int_equal(r->credits, 10000);
	assert_int_equal(r->net, 60000);
	assert_int_equal(r->oldest_days, 45);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 70000, 10000);
}

/* 1,000.00 dated 05-01 due 05-31, paid on 06-20. As of 06-30 nothing is open (no row); as of
 * 06-15 it is 15 days overdue; as of 05-31 it is due that day (not due); as of 04-30 it does not
 * exist yet. */
static void test_aging_as_of_past(void **state)
{
	tl *t = *state;
	tl_aging a;
	const aging_row *r;

	tl_invoice(t->l, t->c1, "2026-05-01", "", 100000);
	tl_receipt(t->l, t->c1, "2026-06-20", 100000);

	tl_aging_get(t->l, TL_TODAY, ranges_30_60_90, 3, &a);
	assert_null(tl_aging_row(&a, t->c1, "COP"));

	tl_aging_get(t->l, "2026-06-15", ranges_30_60_90, 3, &a);
	r = tl_aging_row(&a, t->c1, "COP");
	assert_non_null(r);
	assert_int_equal(r->not_due, 0);
	assert_int_equal(r->range[0], 100000);
	assert_int_equal(r->open_charges, 100000);
	assert_int_equal(r->credits, 0);
	assert_int_equal(r->oldest_days, 15);
	tl_assert_totals(t->l, t->c1, "2026-06-15", "COP", 0, 100000, 0);

	tl_aging_get(t->l, "2026-05-31", ranges_30_60_90, 3, &a);
	r = tl_aging_row(&a, t->c1, "COP");
	assert_non_null(r);
	assert_int_equal(r->not_due, 100000);
	assert_int_equal(r->range[0], 0);
	tl_assert_totals(t->l, t->c1, "2026-05-31", "COP", 100000, 0, 0);

	tl_aging_get(t->l, "2026-04-30", ranges_30_60_90, 3, &a);
	assert_int_equal(a.n, 0);
	tl_check(t, "2026-06-15");
	tl_check(t, "2026-05-31");
}

/* Rows come ordered by name; a client with nothing open has none. */
static void test_aging_ordered_by_name(void **state)
{
	tl *t = *state;
	int64_t zeta = tl_client(t, "Zeta SA", 30);
	int64_t beta = tl_client(t, "Beta Ltda", 30);
	int64_t omega = tl_client(t, "Omega SAS", 30);
	tl_aging a;

	due_on(t, zeta, "2026-05-31", 30000);
	due_on(t, t->c1, "2026-06-30", 10000);
	due_on(t, beta, "2026-03-31", 20000);
	due_on(t, omega, "2026-05-31", 5000);
	tl_receipt(t->l, omega, "2026-06-01", 5000);

	tl_aging_get(t->l, TL_TODAY, ranges_30_60_90, 3, &a);
	assert_int_equal(a.n, 3);
	assert_int_equal(a.r[0].client_id, t->c1);
	assert_string_equal(a.r[0].name, "Acme SAS");
	assert_int_equal(a.r[0].not_due, 10000);
	assert_int_equal(a.r[1].client_id, beta);
	assert_string_equal(a.r[1].name, "Beta Ltda");
	assert_int_equal(a.r[1].range[3], 20000);
	assert_int_equal(a.r[2].client_id, zeta);
	assert_string_equal(a.r[2].name, "Zeta SA");
	assert_int_equal(a.r[2].range[0], 30000);
	/* all clients: due 100.00, overdue 200.00 + 300.00 */
	tl_assert_totals(t->l, 0, TL_TODAY, "COP", 10000, 50000, 0);
}

/* PEN 1,000.00 due 05-31 (30 days) and USD 500.00 due 04-30 (61 days): two rows, never summed. */
static void test_aging_two_currencies(void **state)
{
	tl *t = *state;
	tl_aging a;
	const aging_row *pen, *usd;

	tl_company_pe(t);
	tl_invoice_cur(t->l, t->c1, "2026-03-01", "2026-05-31", "PEN", 100000);
	tl_invoice_cur(t->l, t->c1, "2026-03-01", "2026-04-30", "USD", 50000);
	tl_aging_get(t->l, TL_TODAY, ranges_30_60_90, 3, &a);
	assert_int_equal(a.n, 2);
	pen = tl_aging_row(&a, t->c1, "PEN");
	usd = tl_aging_row(&a, t->c1, "USD");
	assert_non_null(pen);
	assert_non_null(usd);
	assert_int_equal(pen->range[0], 100000);
	assert_int_equal(pen->range[2], 0);
	assert_int_equal(pen->open_charges, 100000);
	assert_int_equal(pen->oldest_days, 30);
	assert_int_equal(usd->range[0], 0);
	assert_int_equal(usd->range[2], 50000);
	assert_int_equal(usd->open_charges, 50000);
	assert_int_equal(usd->oldest_days, 61);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "PEN", 0, 100000, 0);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "USD", 0, 50000, 0);
}

/* 1,000.00 in 333.34 (05-31), 333.33 (06-30), 333.33 (07-30): not due 666.66, 1-30 333.34. */
static void test_aging_instalments(void **state)
{
	tl *t = *state;
	instalment_in inst[3] = {
		{ "2026-05-31", 33334 }, { "2026-06-30", 33333 }, { "2026-07-30", 33333 },
	};
	invoice_in in;
	posted p;
	cart_err e = { 0 };
	tl_aging a;
	const aging_row *r;

	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-05-01");
	in.total = 100000;
	in.inst = inst;
	in.n_inst = 3;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	tl_aging_get(t->l, TL_TODAY, ranges_30_60_90, 3, &a);
	r = tl_aging_row(&a, t->c1, "COP");
	assert_non_null(r);
	assert_int_equal(r->not_due, 66666);
	assert_int_equal(r->range[0], 33334);
	assert_int_equal(r->range[1], 0);
	assert_int_equal(r->open_charges, 100000);
	assert_int_equal(r->oldest_days, 30);
}

/* 1,000.00 due 04-01 voided on 06-20: gone as of 06-30; as of 06-19 it is 79 days overdue
 * (29 + 31 + 19), in 61-90. */
static void test_aging_void_as_of(void **state)
{
	tl *t = *state;
	posted p = due_on(t, t->c1, "2026-04-01", 100000);
	tl_aging a;
	const aging_row *r;

	tl_void(t->l, p.doc_id, "2026-06-20");
	tl_aging_get(t->l, TL_TODAY, ranges_30_60_90, 3, &a);
	assert_int_equal(a.n, 0);
	tl_aging_get(t->l, "2026-06-19", ranges_30_60_90, 3, &a);
	r = tl_aging_row(&a, t->c1, "COP");
	assert_non_null(r);
	assert_int_equal(r->range[2], 100000);
	assert_int_equal(r->open_charges, 100000);
	assert_int_equal(r->oldest_days, 79);
	tl_assert_totals(t->l, t->c1, "2026-06-19", "COP", 0, 100000, 0);
	tl_check(t, "2026-06-19");
}

/* A client with only a 250.00 advance has a row: no charges, credits 250.00, net -250.00. */
static void test_aging_credit_only(void **state)
{
	tl *t = *state;
	tl_aging a;
	const aging_row *r;

	tl_advance(t->l, t->c1, "2026-06-02", 25000);
	tl_aging_get(t->l, TL_TODAY, ranges_30_60_90, 3, &a);
	r = tl_aging_row(&a, t->c1, "COP");
	assert_non_null(r);
	assert_int_equal(r->open_charges, 0);
	assert_int_equal(r->not_due, 0);
	assert_int_equal(r->credits, 25000);
	assert_int_equal(r->net, -25000);
	assert_int_equal(r->oldest_days, 0);
}

/* ---- the aging's three paths agree (issue 17) ----
 * When nothing is dated after the as-of date the aging is added up in C from the kept open
 * amounts, otherwise in SQL from open amounts recomputed from the later allocations. Whichever
 * path ledger_aging takes must give the rows the general SQL gives (lg_aging_by_sql), and both
 * the rows rebuilt here from each client's open items as of the date (ledger_open_items: each
 * entry's amount less its allocations dated up to then), on a ledger with instalments, partial
 * payments, an overpayment, an advance and a void, as of dates before, between and after them. */
typedef struct rebuilt {
	tl_aging a;
	char bounds[3][DATE_LEN];
	const char *asof;
	int64_t client_id;
} rebuilt;

static int rebuild_item(const open_item *it, void *ud)
{
	rebuilt *b = ud;
	aging_row *r = NULL;
	int k;

	for (int i = 0; i < b->a.n; i++)
		if (b->a.r[i].client_id == b->client_id && !strcmp(b->a.r[i].currency, it->currency))
			r = &b->a.r[i];
	if (!r) {
		assert_true(b->a.n < TL_MAX_ROWS);
		r = &b->a.r[b->a.n++];
		memset(r, 0, sizeof *r);
		r->client_id = b->client_id;
		snprintf(r->currency, sizeof r->currency, "%s", it->currency);
	}
	if (it->side == 'C') {
		r->credits += it->open;
	} else {
		r->open_charges += it->open;
		if (strcmp(it->due_date, b->asof) >= 0) {
			r->not_due += it->open;
		} else {
			date_t d0, d1;

			for (k = 0; k < 3 && strcmp(it->due_date, b->bounds[k]) < 0; k++)
				;
			r->range[k] += it->open;
			date_parse(b->asof, &d0, CART_IGNORED);
			date_parse(it->due_date, &d1, CART_IGNORED);
			if (d0 - d1 > r->oldest_days)
				r->oldest_days = d0 - d1;
		}
	}
	r->net = r->open_charges - r->credits;
	return 0;
}

static void assert_rows_equal(const aging_row *x, const aging_row *y)
{
	assert_int_equal(x->client_id, y->client_id);
	assert_string_equal(x->currency, y->currency);
	assert_int_equal(x->not_due, y->not_due);
	for (int i = 0; i <= LEDGER_MAX_RANGES; i++)
		assert_int_equal(x->range[i], y->range[i]);
	assert_int_equal(x->open_charges, y->open_charges);
	assert_int_equal(x->credits, y->credits);
	assert_int_equal(x->net, y->net);
	assert_int_equal(x->oldest_days, y->oldest_days);
}

static void test_aging_paths_agree(void **state)
{
	tl *t = *state;
	static const char *const asofs[] = {
		"2026-01-09", "2026-01-31", "2026-02-20", "2026-03-15", "2026-04-16", "2026-05-10",
		"2026-05-21", "2026-06-01", "2026-06-05", TL_TODAY, TL_LATER,
	};
	instalment_in inst[3] = {
		{ "2026-02-10", 40000 }, { "2026-03-10", 30000 }, { "2026-04-10", 30000 },
	};
	int64_t c2 = tl_client(t, "Beta SAS", 30), c3 = tl_client(t, "Gamma SAS", 0);
	invoice_in in;
	posted p, r;
	cart_err e = { 0 };

	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-01-10");
	in.total = 100000;
	in.inst = inst;
	in.n_inst = 3;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	tl_receipt(t->l, t->c1, "2026-02-15", 55000);         /* instalment 1 and half of 2 */
	tl_invoice(t->l, t->c1, "2026-03-01", "2026-03-31", 100000);
	r = tl_receipt(t->l, t->c1, "2026-04-15", 80000);
	tl_void(t->l, r.doc_id, "2026-06-01");                 /* given back on 06-01 */
	tl_receipt(t->l, t->c1, "2026-05-20", 20000);
	tl_advance(t->l, c2, "2026-02-01", 30000);
	tl_invoice(t->l, c2, "2026-04-01", "", 50000);
	tl_receipt(t->l, c2, "2026-05-20", 60000);             /* over-pays: a credit is left */
	tl_invoice(t->l, c3, "2026-06-25", "2026-07-25", 12345);
	tl_invoice(t->l, c3, "2026-09-01", "", 5000);          /* after TL_TODAY */

	for (size_t d = 0; d < sizeof asofs / sizeof asofs[0]; d++) {
		tl_aging fast, bysql;
		rebuilt b;
		date_t day;

		tl_aging_get(t->l, asofs[d], ranges_30_60_90, 3, &fast);
		memset(&bysql, 0, sizeof bysql);
		TL_OK(lg_aging_by_sql(t->l, asofs[d], ranges_30_60_90, 3, tl_aging_cb, &bysql, &e), &e);
		memset(&b, 0, sizeof b);
		b.asof = asofs[d];
		date_parse(asofs[d], &day, CART_IGNORED);
		for (int k = 0; k < 3; k++)
			date_format(date_add_days(day, -ranges_30_60_90[k]), b.bounds[k]);
		for (int i = 0; i < t->n_clients; i++) {
			b.client_id = t->clients[i];
			TL_OK(ledger_open_items(t->l, t->clients[i], asofs[d], rebuild_item, &b, &e), &e);
		}
		assert_int_equal(fast.n, bysql.n);
		assert_int_equal(fast.n, b.a.n);
		for (int i = 0; i < fast.n; i++) {
			const aging_row *x = tl_aging_row(&b.a, fast.r[i].client_id, fast.r[i].currency);

			assert_rows_equal(&fast.r[i], &bysql.r[i]);
			assert_string_equal(fast.r[i].name, bysql.r[i].name);
			assert_non_null(x);
			assert_rows_equal(&fast.r[i], x);
		}
		if (d == 3)     /* 03-15: c1's first invoice's instalment 2 half paid, 1 paid */
			assert_true(fast.n >= 2);
		tl_check(t, asofs[d]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_aging_boundaries, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_aging_custom_ranges, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_aging_credits_and_net, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_aging_as_of_past, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_aging_ordered_by_name, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_aging_two_currencies, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_aging_instalments, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_aging_void_as_of, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_aging_credit_only, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_aging_paths_agree, tl_setup, tl_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
