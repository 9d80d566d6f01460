/* Unit tests for the aging of every client now, a window at a time (src/model/ledger_aging_now.c;
 * issue 14): the totals from what is kept open per due date (due_open), the count and the walk
 * from the open entries kept per balance (open_n), the other orders and one client's rows must
 * give exactly what ledger_aging gives, on a demo ledger (bulk loaded: its sums recomputed at
 * the end), then after documents posted one by one in a second currency (the triggers: an
 * invoice in instalments, partial payments, a credit note, an advance applied, voids of a
 * receipt and of an invoice), then after another bulk load that pays older invoices. */
#include "config.h"

#include "testlib.h"

#include <sqlite3.h>

#include "cartera/demo.h"
#include "model/ledger_int.h"
#include "model/ledger_aging_now.h"

#define MAXROWS 400

typedef struct arow {
	aging_row r;
	char name[200];
} arow;

typedef struct rows {
	arow v[MAXROWS];
	int n;
} rows;

static int keep_row(const aging_row *row, void *ud)
{
	rows *s = ud;

	assert_true(s->n < MAXROWS);
	s->v[s->n].r = *row;
	snprintf(s->v[s->n].name, sizeof s->v[s->n].name, "%s", row->name);
	s->v[s->n].r.name = NULL;
	s->n++;
	return 0;
}

static void aging_rows(tl *t, const char *asof, const int *ranges, int n_ranges, rows *s)
{
	cart_err e = { 0 };

	s->n = 0;
	TL_OK(ledger_aging(t->l, asof, ranges, n_ranges, keep_row, s, &e), &e);
}

/* ---- the walk ---- */

typedef struct walked {
	aging_pair v[MAXROWS];
	char name[MAXROWS][200];
	int n, stop_at;
} walked;

static int keep_pair(int64_t client_id, const char *currency, const char *name, void *ud)
{
	walked *w = ud;

	assert_true(w->n < MAXROWS);
	w->v[w->n].client_id = client_id;
	snprintf(w->v[w->n].currency, sizeof w->v[w->n].currency, "%s", currency);
	snprintf(w->name[w->n], sizeof w->name[w->n], "%s", name);
	w->n++;
	return w->stop_at && w->n == w->stop_at;
}

static void same_pair(const aging_pair *p, const arow *a)
{
	assert_int_equal(p->client_id, a->r.client_id);
	assert_string_equal(p->currency, a->r.currency);
}

/* Every page of 3 forward from the start, then backward from the end: ledger_aging's order. */
static void walk_pages(tl *t, const rows *all)
{
	static walked w;
	cart_err e = { 0 };

	for (int desc = 0; desc <= 1; desc++) {
		int got = 0;

		for (;;) {
			const aging_pair *last = got ? &w.v[got - 1] : NULL;
			int before = got;

			w.n = got;
			w.stop_at = 0;
			TL_OK(ledger_aging_now_walk(t->l, last ? last->client_id : 0,
			                            last ? last->currency : NULL, desc, 3, keep_pair, &w,
			                            &e), &e);
			assert_true(w.n - before <= 3);
			got = w.n;
			if (got == before)
				break;
		}
		assert_int_equal(got, all->n);
		for (int i = 0; i < got; i++) {
			int k = desc ? all->n - 1 - i : i;

			same_pair(&w.v[i], &all->v[k]);
			assert_string_equal(w.name[i], all->v[k].name);
		}
	}
	/* from a row in the middle, five each way; a callback that stops after two */
	for (int i = 0; i < all->n; i += all->n / 7 + 1) {
		const aging_row *m = &all->v[i].r;

		w.n = 0;
		w.stop_at = 0;
		TL_OK(ledger_aging_now_walk(t->l, m->client_id, m->currency, 0, 5, keep_pair, &w, &e), &e);
		assert_int_equal(w.n, all->n - 1 - i < 5 ? all->n - 1 - i : 5);
		for (int j = 0; j < w.n; j++)
			same_pair(&w.v[j], &all->v[i + 1 + j]);
		w.n = 0;
		TL_OK(ledger_aging_now_walk(t->l, m->client_id, m->currency, 1, 5, keep_pair, &w, &e), &e);
		assert_int_equal(w.n, i < 5 ? i : 5);
		for (int j = 0; j < w.n; j++)
			same_pair(&w.v[j], &all->v[i - 1 - j]);
		w.n = 0;
		w.stop_at = 2;
		TL_OK(ledger_aging_now_walk(t->l, m->client_id, m->currency, 0, 5, keep_pair, &w, &e), &e);
		assert_int_equal(w.n, all->n - 1 - i < 2 ? all->n - 1 - i : 2);
	}
}

/* ---- the other orders, as rpt_aging_sorted sorts ledger_aging's rows ---- */

typedef struct ranked {
	const aging_row *r;
	int rank;
} ranked;

static int by_debt(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;

	if (a->r->net != b->r->net)
		return a->r->net > b->r->net ? -1 : 1;
	return (a->rank > b->rank) - (a->rank < b->rank);
}

static int by_oldest(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;

	if (a->r->oldest_days != b->r->oldest_days)
		return a->r->oldest_days > b->r->oldest_days ? -1 : 1;
	return (a->rank > b->rank) - (a->rank < b->rank);
}

static void sorted_agree(tl *t, const rows *all, int order)
{
	static ranked k[MAXROWS];
	aging_pair *p = NULL;
	size_t n = 0;
	cart_err e = { 0 };

	for (int i = 0; i < all->n; i++) {
		k[i].r = &all->v[i].r;
		k[i].rank = i;
	}
	qsort(k, (size_t)all->n, sizeof *k, order == AGING_NOW_BY_DEBT ? by_debt : by_oldest);
	TL_OK(ledger_aging_now_sorted(t->l, TL_TODAY, order, &p, &n, &e), &e);
	assert_int_equal(n, all->n);
	for (int i = 0; i < all->n; i++) {
		assert_int_equal(p[i].client_id, k[i].r->client_id);
		assert_string_equal(p[i].currency, k[i].r->currency);
	}
	free(p);
}

/* ---- one client's rows ---- */

static void client_agrees(tl *t, const char *asof, const rows *all)
{
	static const int ranges[] = { 30, 60, 90 };
	static rows one;
	cart_err e = { 0 };

	for (int i = 0; i < all->n; i++) {
		int64_t cid = all->v[i].r.client_id;
		int j;

		if (i && all->v[i - 1].r.client_id == cid)
			continue;
		one.n = 0;
		TL_OK(ledger_aging_client(t->l, cid, asof, ranges, 3, keep_row, &one, &e), &e);
		for (j = 0; j < one.n; j++) {
			const aging_row *x = &one.v[j].r, *y = &all->v[i + j].r;

			assert_true(i + j < all->n);
			assert_int_equal(x->client_id, y->client_id);
			assert_string_equal(x->currency, y->currency);
			assert_string_equal(one.v[j].name, all->v[i + j].name);
			assert_int_equal(x->not_due, y->not_due);
			for (int k = 0; k <= LEDGER_MAX_RANGES; k++)
				assert_int_equal(x->range[k], y->range[k]);
			assert_int_equal(x->open_charges, y->open_charges);
			assert_int_equal(x->credits, y->credits);
			assert_int_equal(x->net, y->net);
			assert_int_equal(x->oldest_days, y->oldest_days);
		}
		assert_true(i + j == all->n || all->v[i + j].r.client_id != cid);
	}
}

/* ---- all of it ---- */

static int64_t check_full(tl *t)
{
	int64_t problems = -1;
	cart_err e = { 0 };

	TL_OK(ledger_check_full(t->l, TL_TODAY, 1, tl_problem_cb, NULL, &problems, &e), &e);
	return problems;
}

/* Everything the kept sums answer equals what ledger_aging gives; returns its row count. */
static int agree(tl *t)
{
	static const int r3[] = { 30, 60, 90 }, r2[] = { 15, 45 }, r1[] = { 1 },
	                 r8[] = { 7, 14, 30, 45, 60, 90, 180, 365 };
	static const struct { const int *r; int n; } cfgs[] = { { r3, 3 }, { r2, 2 }, { r1, 1 },
	                                                         { r8, 8 } };
	static rows all, past;
	static const char *const pasts[] = { "2026-03-31", "2025-12-31" };
	int64_t count = -1;
	int now = 0;
	cart_err e = { 0 };

	assert_int_equal(check_full(t), 0);
	TL_OK(ledger_asof_is_now(t->l, TL_TODAY, &now, &e), &e);
	assert_true(now);
	for (size_t c = 0; c < sizeof cfgs / sizeof cfgs[0]; c++) {
		aging_total tt[LEDGER_MAX_CURRENCIES];
		int nt = -1, seen = 0;

		aging_rows(t, TL_TODAY, cfgs[c].r, cfgs[c].n, &all);
		TL_OK(ledger_aging_now_totals(t->l, TL_TODAY, cfgs[c].r, cfgs[c].n, tt, &nt, &e), &e);
		for (int k = 1; k < nt; k++)
			assert_true(strcmp(tt[k - 1].currency, tt[k].currency) < 0);
		for (int k = 0; k < nt; k++) {
			aging_total sum;

			memset(&sum, 0, sizeof sum);
			for (int i = 0; i < all.n; i++) {
				const aging_row *r = &all.v[i].r;

				if (strcmp(r->currency, tt[k].currency))
					continue;
				sum.not_due += r->not_due;
				for (int j = 0; j <= LEDGER_MAX_RANGES; j++)
					sum.range[j] += r->range[j];
				sum.open_charges += r->open_charges;
				sum.credits += r->credits;
				sum.net += r->net;
				sum.rows++;
			}
			assert_int_equal(tt[k].not_due, sum.not_due);
			for (int j = 0; j <= LEDGER_MAX_RANGES; j++)
				assert_int_equal(tt[k].range[j], sum.range[j]);
			assert_int_equal(tt[k].open_charges, sum.open_charges);
			assert_int_equal(tt[k].credits, sum.credits);
			assert_int_equal(tt[k].net, sum.net);
			assert_int_equal(tt[k].rows, sum.rows);
			assert_true(sum.rows > 0);
			seen += (int)sum.rows;
		}
		assert_int_equal(seen, all.n);
	}
	aging_rows(t, TL_TODAY, r3, 3, &all);
	TL_OK(ledger_aging_now_count(t->l, &count, &e), &e);
	assert_int_equal(count, all.n);
	walk_pages(t, &all);
	sorted_agree(t, &all, AGING_NOW_BY_DEBT);
	sorted_agree(t, &all, AGING_NOW_BY_OLDEST);
	client_agrees(t, TL_TODAY, &all);
	for (size_t d = 0; d < sizeof pasts / sizeof pasts[0]; d++) {
		aging_rows(t, pasts[d], r3, 3, &past);
		assert_true(past.n > 0);
		client_agrees(t, pasts[d], &past);
	}
	return all.n;
}

static int demo_setup(void **state)
{
	tl *t = calloc(1, sizeof *t);
	company co;
	demo_opts o;
	demo_stats st;
	cart_err e = { 0 };

	assert_non_null(t);
	snprintf(t->dir, sizeof t->dir, "/tmp/cartera-agenow-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/ledger.db", t->dir);
	TL_OK(date_set_today(TL_TODAY, &e), &e);
	TL_OK(ledger_open(t->path, LEDGER_OPEN_CREATE, &t->l, &e), &e);
	ledger_set_clerk(t->l, "tester");
	demo_company(&co);
	TL_OK(ledger_company_set(t->l, &co, &e), &e);
	demo_defaults(&o);
	o.clients = 60;
	o.invoices = 900;
	o.receipts = 700;
	o.seed = 11;
	o.quiet = 1;
	TL_OK(demo_generate(t->l, &o, &st, &e), &e);
	assert_true(st.voids > 0 && st.advances > 0 && st.credit_notes > 0);
	TL_OK(ledger_company_get(t->l, &co, &e), &e);
	snprintf(co.currency2, sizeof co.currency2, "USD");
	TL_OK(ledger_company_set(t->l, &co, &e), &e);
	*state = t;
	return 0;
}

static int demo_teardown(void **state)
{
	tl *t = *state;

	ledger_close(t->l);
	tl_remove_files(t);
	date_set_today(NULL, CART_IGNORED);
	free(t);
	return 0;
}

/* The demo alone: the bulk load's recomputation. */
static void test_demo_agrees(void **state)
{
	tl *t = *state;

	assert_true(agree(t) > 20);
}

/* USD documents one by one (the triggers), checked after each kind. */
static void test_posting_agrees(void **state)
{
	tl *t = *state;
	instalment_in inst[3] = {
		{ "2026-03-15", 40000 }, { "2026-05-15", 30000 }, { "2026-07-15", 30000 },
	};
	int64_t a = tl_client(t, "Aaron Imports LLC", 30), z = tl_client(t, "Zulu Trading Inc", 30);
	int64_t m = tl_client(t, "Mango Exports", 30);
	invoice_in in;
	credit_note_in cn;
	apply_in ap;
	alloc_in al;
	posted p, r, v, adv;
	int n0 = agree(t), n;
	cart_err e = { 0 };

	/* an invoice in instalments, one instalment paid in part */
	memset(&in, 0, sizeof in);
	in.client_id = a;
	snprintf(in.date, sizeof in.date, "2026-02-14");
	snprintf(in.currency, sizeof in.currency, "USD");
	in.total = 100000;
	in.inst = inst;
	in.n_inst = 3;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	assert_int_equal(agree(t), n0 + 1);
	TL_OK(tl_receipt_try(t->l, a, "2026-04-01", "USD", 25000, NULL, 0, 0, &r, &e), &e);
	n = agree(t);
	assert_int_equal(n, n0 + 1);

	/* two invoices, one paid in full, the other in part; a credit note on account */
	tl_invoice_cur(t->l, z, "2025-12-10", "2025-12-10", "USD", 30000);
	tl_invoice_cur(t->l, z, "2026-01-20", "2026-02-19", "USD", 12000);
	TL_OK(tl_receipt_try(t->l, z, "2026-02-20", "USD", 35000, NULL, 0, 0, &r, &e), &e);
	assert_int_equal(agree(t), n + 1);
	memset(&cn, 0, sizeof cn);
	cn.client_id = m;
	snprintf(cn.date, sizeof cn.date, "2026-03-01");
	snprintf(cn.currency, sizeof cn.currency, "USD");
	cn.amount = 5000;
	snprintf(cn.reason, sizeof cn.reason, "discount");
	TL_OK(ledger_credit_note_post(t->l, &cn, &p, &e), &e);
	assert_int_equal(agree(t), n + 2);

	/* the receipt voided: what it paid is open again; then paid by an overpayment */
	TL_OK(tl_void_try(t->l, r.doc_id, "2026-05-02", &v, &e), &e);
	assert_int_equal(agree(t), n + 2);
	TL_OK(tl_receipt_try(t->l, z, "2026-05-20", "USD", 50000, NULL, 0, 0, &r, &e), &e);
	assert_int_equal(agree(t), n + 2);

	/* an advance, applied to a new invoice, which is then voided (the credit comes back) */
	TL_OK(tl_receipt_try(t->l, m, "2026-06-01", "USD", 9000, NULL, 0, 1, &adv, &e), &e);
	p = tl_invoice_cur(t->l, m, "2026-06-02", "2026-07-02", "USD", 20000);
	memset(&ap, 0, sizeof ap);
	memset(&al, 0, sizeof al);
	ap.credit_entry_id = adv.entry_id;
	snprintf(ap.date, sizeof ap.date, "2026-06-03");
	al.charge_entry_id = p.entry_id;
	al.amount = 9000;
	ap.allocs = &al;
	ap.n_allocs = 1;
	TL_OK(ledger_credit_apply(t->l, &ap, &r, &e), &e);
	agree(t);
	TL_OK(tl_void_try(t->l, p.doc_id, "2026-06-30", &v, &e), &e);
	agree(t);
	/* a COP invoice for a client with USD open too */
	tl_invoice(t->l, a, "2026-06-30", NULL, 777700);
	agree(t);
	/* ties: equal nets and equal oldest due dates, ids against the names' order */
	{
		int64_t y = tl_client(t, "Yak Ltd", 30), b = tl_client(t, "Bee Ltd", 30);

		tl_invoice_cur(t->l, y, "2026-04-01", "2026-04-10", "USD", 4242);
		tl_invoice_cur(t->l, b, "2026-04-02", "2026-04-10", "USD", 4242);
		tl_invoice_cur(t->l, b, "2026-04-02", "2026-04-10", "", 4242);
		agree(t);
	}
}

/* Not now: the kept sums do not answer as of a date before the ledger's latest. */
static void test_not_now(void **state)
{
	tl *t = *state;
	static const int ranges[] = { 30, 60, 90 };
	aging_total tt[LEDGER_MAX_CURRENCIES];
	aging_pair *p = NULL;
	size_t n = 0;
	int nt = 0, now = 1;
	cart_err e = { 0 };

	TL_OK(ledger_asof_is_now(t->l, "2026-06-01", &now, &e), &e);
	assert_false(now);
	assert_int_equal(ledger_aging_now_totals(t->l, "2026-06-01", ranges, 3, tt, &nt, &e),
	                 CART_INVALID);
	assert_int_equal(nt, 0);
	assert_int_equal(ledger_aging_now_sorted(t->l, "2026-06-01", AGING_NOW_BY_DEBT, &p, &n, &e),
	                 CART_INVALID);
	assert_null(p);
	assert_int_equal(ledger_aging_now_walk(t->l, 999999, "COP", 0, 3, keep_pair, NULL, &e),
	                 CART_NOTFOUND);
	TL_OK(ledger_asof_is_now(t->l, TL_LATER, &now, &e), &e);
	assert_true(now);
}

/* A bulk load after documents posted one by one, paying older invoices (the load's own and the
 * ones before it): the kept sums recomputed whole. */
static void test_bulk_after_posting(void **state)
{
	tl *t = *state;
	int64_t a = tl_client(t, "Aaron Imports LLC", 30), b = tl_client(t, "Beta Andina", 30);
	posted p1, p2, p;
	alloc_in al[2];
	int n;
	cart_err e = { 0 };

	tl_invoice_cur(t->l, a, "2026-01-05", "2026-02-04", "USD", 40000);
	TL_OK(tl_receipt_try(t->l, a, "2026-02-10", "USD", 10000, NULL, 0, 0, &p, &e), &e);
	n = agree(t);
	TL_OK(ledger_bulk_begin(t->l, &e), &e);
	p1 = tl_invoice_cur(t->l, b, "2026-05-05", "2026-06-04", "USD", 10000);
	p2 = tl_invoice_cur(t->l, b, "2026-05-06", "2026-07-06", "USD", 30000);
	memset(al, 0, sizeof al);
	al[0].charge_entry_id = p1.entry_id;
	al[0].amount = 10000;
	al[1].charge_entry_id = p2.entry_id;
	al[1].amount = 5000;
	TL_OK(tl_receipt_try(t->l, b, "2026-06-10", "USD", 20000, al, 2, 0, &p, &e), &e);
	TL_OK(ledger_bulk_end(t->l, &e), &e);
	assert_int_equal(agree(t), n + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_demo_agrees, demo_setup, demo_teardown),
		cmocka_unit_test_setup_teardown(test_posting_agrees, demo_setup, demo_teardown),
		cmocka_unit_test_setup_teardown(test_not_now, demo_setup, demo_teardown),
		cmocka_unit_test_setup_teardown(test_bulk_after_posting, demo_setup, demo_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
