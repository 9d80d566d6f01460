/* Unit tests for the trend of receivables' figures (src/model/ledger_trend.c; issue 19): the trend
 * of all clients at month-ends reads the sums kept by month (schema 021, month_flows), which
 * triggers move as rows are posted and a bulk load adds up at its end. Here it must give exactly
 * what the scans of the rows give (lg_trend_scan) and what a straightforward SQL recomputation
 * from the entries, instalments and allocations gives at each date, on a demo ledger (bulk
 * loaded) with documents posted one by one afterwards in a second currency (the triggers: an
 * invoice in instalments, receipts, a void); and the kept table must equal its recomputation. */
#include "config.h"

#include "testlib.h"

#include <sqlite3.h>

#include "cartera/demo.h"
#include "model/ledger_int.h"
#include "model/ledger_trend.h"

#define MAXP 24
#define MAXC 4

typedef struct figures {
	int n, ncur;
	char cur[MAXC][4];
	int64_t open[MAXC][MAXP], over[MAXC][MAXP], sales[MAXC][MAXP], coll[MAXC][MAXP];
} figures;

static int collect(const char *cur, const int64_t *open, const int64_t *over, const int64_t *sales,
                   const int64_t *coll, void *ud)
{
	figures *f = ud;
	int k = f->ncur++;

	assert_true(k < MAXC);
	snprintf(f->cur[k], sizeof f->cur[k], "%s", cur);
	for (int i = 0; i < f->n; i++) {
		f->open[k][i] = open[i];
		f->over[k][i] = over[i];
		f->sales[k][i] = sales[i];
		f->coll[k][i] = coll[i];
	}
	return 0;
}

static int64_t sql_int(sqlite3 *db, const char *sql, const char *a, const char *b, const char *c,
                       int64_t client_id)
{
	sqlite3_stmt *s;
	int64_t v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(s, 2, b, -1, SQLITE_STATIC);
	if (c)
		sqlite3_bind_text(s, 3, c, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(s) >= 4)
		sqlite3_bind_int64(s, 4, client_id);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* As of ?1 in currency ?2, of all clients (?4 = 0) or one: each charge dated up to then (an entry on the debit side without
 * instalments, or an instalment) less its allocations dated up to then; overdue: due before ?1. */
static const char open_sql[] =
	"SELECT (SELECT coalesce(sum(x.amount - coalesce((SELECT sum(a.amount) FROM allocations a"
	"          WHERE a.charge_id = x.id AND a.date <= ?1), 0)), 0)"
	"          FROM entries x WHERE x.side = 'D' AND x.n_inst = 0 AND x.date <= ?1"
	"           AND x.currency = ?2 AND (?3 IS NULL OR x.due_date < ?1)"
	"           AND (?4 = 0 OR x.client_id = ?4))"
	"     + (SELECT coalesce(sum(i.amount - coalesce((SELECT sum(a.amount) FROM allocations a"
	"          WHERE a.instalment_id = i.id AND a.date <= ?1), 0)), 0)"
	"          FROM instalments i WHERE i.date <= ?1 AND i.currency = ?2"
	"           AND (?3 IS NULL OR i.due_date < ?1) AND (?4 = 0 OR i.client_id = ?4))";
/* Dated after ?1 and up to ?2 in currency ?3: invoices less their voids; payments and advances
 * less theirs. */
static const char sales_sql[] =
	"SELECT coalesce(sum(CASE side WHEN 'D' THEN amount ELSE -amount END), 0) FROM entries"
	" WHERE code = 'CF' AND date > ?1 AND date <= ?2 AND currency = ?3"
	"   AND (?4 = 0 OR client_id = ?4)";
static const char coll_sql[] =
	"SELECT coalesce(sum(CASE side WHEN 'C' THEN amount ELSE -amount END), 0) FROM entries"
	" WHERE code IN ('APF', 'AA') AND date > ?1 AND date <= ?2 AND currency = ?3"
	"   AND (?4 = 0 OR client_id = ?4)";

/* The kept sums against their recomputation from the rows: the number of rows that differ. */
static const char kept_sql[] =
	"SELECT count(*) FROM (SELECT currency, month, due_month, sum(charged) AS c, sum(paid) AS p,"
	"   sum(sales) AS s, sum(collected) AS o FROM month_flows_rows"
	"   GROUP BY currency, month, due_month) x"
	" FULL JOIN month_flows k USING (currency, month, due_month)"
	" WHERE k.charged IS NOT x.c OR k.paid IS NOT x.p OR k.sales IS NOT x.s"
	"    OR k.collected IS NOT x.o";

/* The three ways agree at the dates pts (after: the day before the first month), for all clients
 * (0) or one (the scans then, by the client's own rows). Returns the sum of everything open at
 * the points, so a caller can tell the dates were not empty. */
static int64_t agree_of(tl *t, int64_t who, const char (*pts)[11], int n, const char *after)
{
	figures kept, scan;
	cart_err e = { 0 };
	sqlite3 *db;
	int64_t seen = 0;

	memset(&kept, 0, sizeof kept);
	memset(&scan, 0, sizeof scan);
	kept.n = scan.n = n;
	TL_OK(ledger_trend_open(t->l, who, pts, n, after, collect, &kept, &e), &e);
	TL_OK(lg_trend_scan(t->l, who, pts, n, after, collect, &scan, &e), &e);
	assert_int_equal(sqlite3_open_v2(t->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sql_int(db, kept_sql, NULL, NULL, NULL, 0), 0);
	assert_int_equal(kept.ncur, scan.ncur);
	for (int k = 0; k < kept.ncur; k++) {
		int j;

		for (j = 0; j < scan.ncur && strcmp(scan.cur[j], kept.cur[k]); j++)
			;
		assert_true(j < scan.ncur);
		for (int i = 0; i < n; i++) {
			const char *prev = i ? pts[i - 1] : after;

			assert_int_equal(kept.open[k][i], scan.open[j][i]);
			assert_int_equal(kept.over[k][i], scan.over[j][i]);
			assert_int_equal(kept.sales[k][i], scan.sales[j][i]);
			assert_int_equal(kept.coll[k][i], scan.coll[j][i]);
			assert_int_equal(kept.open[k][i],
			                 sql_int(db, open_sql, pts[i], kept.cur[k], NULL, who));
			assert_int_equal(kept.over[k][i],
			                 sql_int(db, open_sql, pts[i], kept.cur[k], "y", who));
			assert_int_equal(kept.sales[k][i],
			                 sql_int(db, sales_sql, prev, pts[i], kept.cur[k], who));
			assert_int_equal(kept.coll[k][i],
			                 sql_int(db, coll_sql, prev, pts[i], kept.cur[k], who));
			seen += kept.open[k][i];
		}
	}
	sqlite3_close(db);
	return seen;
}

static int64_t agree(tl *t, const char (*pts)[11], int n, const char *after)
{
	return agree_of(t, 0, pts, n, after);
}

static int demo_setup(void **state)
{
	tl *t = calloc(1, sizeof *t);
	company co;
	demo_opts o;
	demo_stats st;
	cart_err e = { 0 };

	assert_non_null(t);
	snprintf(t->dir, sizeof t->dir, "/tmp/cartera-trend-XXXXXX");
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
	o.seed = 7;
	o.quiet = 1;
	TL_OK(demo_generate(t->l, &o, &st, &e), &e);
	assert_true(st.voids > 0 && st.advances > 0 && st.credit_notes > 0);
	/* a second currency, posted one document at a time (the triggers) */
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

static void month_ends(char (*pts)[11], int n, const char *last, char after[11])
{
	date_t d;
	int y, m, day;

	assert_int_equal(date_parse(last, &d, CART_IGNORED), CART_OK);
	date_to_ymd(d, &y, &m, &day);
	for (int i = n; i >= 0; i--) {
		date_t first;

		assert_int_equal(date_from_ymd(y, m, 1, &first, CART_IGNORED), CART_OK);
		date_format(date_add_days(date_add_months(first, 1), -1), i ? pts[i - 1] : after);
		if (--m == 0) {
			m = 12;
			y--;
		}
	}
}

static void test_trend_kept_equals_rows(void **state)
{
	tl *t = *state;
	static const char sparse[][11] = { "2025-09-30", "2025-12-31", "2026-02-28", "2026-06-30" };
	static const char not_ends[][11] = { "2025-11-15", "2026-01-31", "2026-06-29" };
	instalment_in inst[3] = {
		{ "2026-03-15", 40000 }, { "2026-04-15", 30000 }, { "2026-07-15", 30000 },
	};
	char pts[MAXP][11], after[11];
	int64_t usd = tl_client(t, "Gringo Imports LLC", 30);
	invoice_in in;
	posted p, r;
	cart_err e = { 0 };

	/* the demo alone (the bulk load's sums) */
	month_ends(pts, 12, "2026-06-30", after);
	assert_string_equal(pts[0], "2025-07-31");
	assert_string_equal(after, "2025-06-30");
	assert_true(agree(t, (const char (*)[11])pts, 12, after) > 0);

	/* then one by one, in USD: instalments, a partial payment, a void, a payment after a
	 * month-end of an invoice due before it */
	memset(&in, 0, sizeof in);
	in.client_id = usd;
	snprintf(in.date, sizeof in.date, "2026-02-14");
	snprintf(in.currency, sizeof in.currency, "USD");
	in.total = 100000;
	in.inst = inst;
	in.n_inst = 3;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	tl_invoice_cur(t->l, usd, "2026-01-31", "2026-01-31", "USD", 25000);
	tl_invoice_cur(t->l, usd, "2026-03-01", "2026-04-30", "USD", 77700);
	TL_OK(tl_receipt_try(t->l, usd, "2026-03-20", "USD", 55000, NULL, 0, 0, &r, &e), &e);
	TL_OK(tl_receipt_try(t->l, usd, "2026-05-31", "USD", 30000, NULL, 0, 0, &r, &e), &e);
	tl_void(t->l, r.doc_id, "2026-06-02");
	TL_OK(tl_receipt_try(t->l, usd, "2026-06-30", "USD", 10000, NULL, 0, 0, &r, &e), &e);
	/* and in the demo's currency, through the triggers too */
	tl_invoice(t->l, usd, "2026-06-10", "", 12345);
	tl_receipt(t->l, usd, "2026-06-20", 2345);

	/* 12, 18 (the whole history and before it) and 3 month-ends, a leap-free February, and
	 * month-ends that are not consecutive */
	month_ends(pts, 12, "2026-06-30", after);
	assert_true(agree(t, (const char (*)[11])pts, 12, after) > 0);
	month_ends(pts, 20, "2026-06-30", after);
	assert_true(agree(t, (const char (*)[11])pts, 20, after) > 0);
	month_ends(pts, 3, "2026-03-31", after);
	assert_string_equal(pts[0], "2026-01-31");
	assert_true(agree(t, (const char (*)[11])pts, 3, after) > 0);
	month_ends(pts, 1, "2026-02-28", after);
	assert_true(agree(t, (const char (*)[11])pts, 1, after) > 0);
	assert_true(agree(t, sparse, 4, "2025-06-30") > 0);
	/* dates that are not month-ends take the scans: still the same as the SQL */
	assert_true(agree(t, not_ends, 3, "2025-10-31") > 0);
	/* one client: its own rows (the USD one, and demo clients) */
	month_ends(pts, 12, "2026-06-30", after);
	assert_true(agree_of(t, usd, (const char (*)[11])pts, 12, after) > 0);
	for (int64_t c = 1; c <= 5; c++)
		agree_of(t, c, (const char (*)[11])pts, 12, after);
	assert_true(agree_of(t, 3, not_ends, 3, "2025-10-31") >= 0);
	tl_check(t, TL_TODAY);
}

#define MAXROWS 200

typedef struct rows {
	int n, total;
	aging_row r[MAXROWS];
} rows;

static int keep_row(const aging_row *row, void *ud)
{
	rows *s = ud;

	s->total++;
	if (s->n < MAXROWS) {
		s->r[s->n] = *row;
		s->r[s->n++].name = NULL;
	}
	return 0;
}

/* USD documents posted one by one after the bulk load (the allocation trigger): an invoice paid
 * in full after 2026-01-01, one paid in part, then in full by a receipt that is voided, then paid
 * by a receipt dated before that void (its allocation is not the latest). Returns the second
 * invoice's document. */
static int64_t post_usd(tl *t)
{
	int64_t usd = tl_client(t, "Gringo Imports LLC", 30), second;
	posted r, v;
	cart_err e = { 0 };

	tl_invoice_cur(t->l, usd, "2025-12-10", "2025-12-10", "USD", 30000);
	second = tl_invoice_cur(t->l, usd, "2026-01-20", "2026-02-19", "USD", 12000).doc_id;
	TL_OK(tl_receipt_try(t->l, usd, "2026-02-20", "USD", 30000, NULL, 0, 0, &r, &e), &e);
	TL_OK(tl_receipt_try(t->l, usd, "2026-03-05", "USD", 5000, NULL, 0, 0, &r, &e), &e);
	TL_OK(tl_receipt_try(t->l, usd, "2026-04-10", "USD", 7000, NULL, 0, 0, &r, &e), &e);
	TL_OK(tl_void_try(t->l, r.doc_id, "2026-05-02", &v, &e), &e);
	TL_OK(tl_receipt_try(t->l, usd, "2026-04-20", "USD", 7000, NULL, 0, 0, &r, &e), &e);
	return second;
}

/* The aging as of past dates (lg_items_asof: the kept open amounts plus what the allocations
 * dated after the date took) row for row as the general SQL recomputes it from the entries and
 * allocations (lg_aging_by_sql), on the demo ledger, at dates 180 days back and more. */
static void test_aging_asof_equals_sql(void **state)
{
	tl *t = *state;
	static const int ranges[] = { 30, 60, 90 };
	static const char *const asofs[] = {
		"2025-01-15", "2025-06-30", "2025-10-01", "2026-01-01", "2026-02-28", "2026-03-31",
		"2026-04-15", "2026-06-29", TL_TODAY,
	};
	cart_err e = { 0 };

	post_usd(t);
	for (size_t d = 0; d < sizeof asofs / sizeof asofs[0]; d++) {
		static rows fast, bysql;
		int64_t open = 0;

		memset(&fast, 0, sizeof fast);
		memset(&bysql, 0, sizeof bysql);
		TL_OK(ledger_aging(t->l, asofs[d], ranges, 3, keep_row, &fast, &e), &e);
		TL_OK(lg_aging_by_sql(t->l, asofs[d], ranges, 3, keep_row, &bysql, &e), &e);
		assert_int_equal(fast.total, bysql.total);
		assert_true(fast.total <= MAXROWS);
		assert_true(d == 0 || fast.n > 20);
		for (int i = 0; i < fast.n; i++) {
			const aging_row *x = &fast.r[i], *y = &bysql.r[i];

			assert_int_equal(x->client_id, y->client_id);
			assert_string_equal(x->currency, y->currency);
			assert_int_equal(x->not_due, y->not_due);
			for (int k = 0; k <= LEDGER_MAX_RANGES; k++)
				assert_int_equal(x->range[k], y->range[k]);
			assert_int_equal(x->open_charges, y->open_charges);
			assert_int_equal(x->credits, y->credits);
			assert_int_equal(x->oldest_days, y->oldest_days);
			open += x->open_charges;
		}
		assert_true(d == 0 || open > 0);
	}
}

/* The ledger balance of all clients as of past dates (the sums kept by day, schema 021) equals
 * the entries dated up to then added up in SQL, per currency, with documents posted one by one
 * after the bulk load (the trigger) in a second currency. */
static void test_balance_asof_equals_sql(void **state)
{
	tl *t = *state;
	static const char *const asofs[] = {
		"2024-12-31", "2025-06-30", "2026-01-01", "2026-02-14", "2026-06-29", TL_TODAY,
	};
	static const char bal_sql[] =
		"SELECT coalesce(sum(CASE side WHEN 'D' THEN amount ELSE -amount END), 0) FROM entries"
		" WHERE date <= ?1 AND currency = ?2 AND (?3 IS NULL OR side = ?3)";
	int64_t usd = tl_client(t, "Gringo Imports LLC", 30);
	posted r;
	cart_err e = { 0 };
	sqlite3 *db;

	tl_invoice_cur(t->l, usd, "2026-01-31", "2026-01-31", "USD", 25000);
	TL_OK(tl_receipt_try(t->l, usd, "2026-02-14", "USD", 5000, NULL, 0, 0, &r, &e), &e);
	tl_void(t->l, r.doc_id, "2026-06-02");
	assert_int_equal(sqlite3_open_v2(t->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (size_t d = 0; d < sizeof asofs / sizeof asofs[0]; d++) {
		balance b[LEDGER_MAX_CURRENCIES], one;
		int n = 0;

		TL_OK(ledger_balance(t->l, 0, asofs[d], b, &n, &e), &e);
		assert_true(n >= 1);
		for (int i = 0; i < n; i++) {
			assert_int_equal(b[i].charges, sql_int(db, bal_sql, asofs[d], b[i].currency, "D", 0));
			assert_int_equal(b[i].credits, -sql_int(db, bal_sql, asofs[d], b[i].currency, "C", 0));
			assert_int_equal(b[i].balance, sql_int(db, bal_sql, asofs[d], b[i].currency, NULL, 0));
			TL_OK(ledger_balance_currency(t->l, b[i].currency, asofs[d], &one, &e), &e);
			assert_int_equal(one.charges, b[i].charges);
			assert_int_equal(one.credits, b[i].credits);
		}
		assert_int_equal(n, d >= 3 ? 2 : 1);
	}
	sqlite3_close(db);
}

static void count_problem(const char *problem, void *ud)
{
	(*(int *)ud)++;
	assert_non_null(strstr(problem, "2019-01"));
}

static void count_day(const char *problem, void *ud)
{
	if (strstr(problem, "debits"))
		(*(int *)ud)++;
}

/* `check --full` proves the kept sums: a row the rows do not add up to is named. */
static void test_trend_check_finds_bad_sums(void **state)
{
	tl *t = *state;
	sqlite3 *db;
	int64_t problems = 0;
	int named = 0;
	cart_err e = { 0 };

	TL_OK(ledger_check_full(t->l, TL_TODAY, 1, count_problem, &named, &problems, &e), &e);
	assert_int_equal(problems, 0);
	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO month_flows (currency, month, due_month, paid)"
	                              " VALUES ('COP', '2019-01', '2019-02', 5)", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	TL_OK(ledger_check_full(t->l, TL_TODAY, 1, count_problem, &named, &problems, &e), &e);
	assert_int_equal(problems, 1);
	assert_int_equal(named, 1);
	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE day_flows SET debits = debits + 1 WHERE date ="
	                              " (SELECT min(date) FROM day_flows WHERE date >= '2019-01')",
	                              NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_changes(db), 1);
	sqlite3_close(db);
	named = 0;
	TL_OK(ledger_check_full(t->l, TL_TODAY, 1, count_day, &named, &problems, &e), &e);
	assert_int_equal(problems, 2);
	assert_int_equal(named, 1);
	/* the plain check leaves that sort out */
	TL_OK(ledger_check_full(t->l, TL_TODAY, 0, count_problem, &named, &problems, &e), &e);
	assert_int_equal(problems, 0);
}

/* Each entry and instalment keeps the date of its latest allocation (schema 022), bulk loaded
 * or posted one by one, and a later-posted allocation dated earlier leaves it; `check --full`
 * names one that is wrong, the plain check leaves that sort out. */
static void test_last_alloc_kept(void **state)
{
	tl *t = *state;
	static const char wrong_sql[] =
		"SELECT (SELECT count(*) FROM entries e WHERE e.last_alloc IS NOT (SELECT max(a.date)"
		"          FROM allocations a WHERE e.id IN (a.charge_id, a.credit_id)))"
		"     + (SELECT count(*) FROM instalments i WHERE i.last_alloc IS NOT (SELECT max(a.date)"
		"          FROM allocations a WHERE a.instalment_id = i.id))"
		"     + 0 * length(?1)";
	static const char closed_sql[] =
		"SELECT count(*) FROM entries WHERE last_alloc IS NOT NULL AND open = 0 AND ?1 = ?1";
	static const char kept_sql_of[] =
		"SELECT CAST(replace(last_alloc, '-', '') AS INTEGER) FROM entries"
		" WHERE document_id = CAST(?1 AS INTEGER) AND side = 'D'";
	char doc[24];
	int64_t second, problems = 0;
	int named = 0;
	cart_err e = { 0 };
	sqlite3 *db;

	second = post_usd(t);
	snprintf(doc, sizeof doc, "%lld", (long long)second);
	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	assert_true(sql_int(db, closed_sql, "x", NULL, NULL, 0) > 100);
	assert_int_equal(sql_int(db, wrong_sql, "x", NULL, NULL, 0), 0);
	/* the void's reversal (2026-05-02) is its latest, not the receipt dated 2026-04-20 */
	assert_int_equal(sql_int(db, kept_sql_of, doc, NULL, NULL, 0), 20260502);
	TL_OK(ledger_check_full(t->l, TL_TODAY, 1, count_problem, &named, &problems, &e), &e);
	assert_int_equal(problems, 0);
	assert_int_equal(sqlite3_exec(db, "UPDATE entries SET last_alloc = '2019-01-01' WHERE id ="
	                              " (SELECT max(id) FROM entries WHERE open = 0 AND n_inst = 0"
	                              "  AND last_alloc IS NOT NULL)", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_changes(db), 1);
	sqlite3_close(db);
	TL_OK(ledger_check_full(t->l, TL_TODAY, 1, count_problem, &named, &problems, &e), &e);
	assert_int_equal(problems, 1);
	assert_int_equal(named, 1);
	TL_OK(ledger_check_full(t->l, TL_TODAY, 0, count_problem, &named, &problems, &e), &e);
	assert_int_equal(problems, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_trend_kept_equals_rows, demo_setup, demo_teardown),
		cmocka_unit_test_setup_teardown(test_trend_check_finds_bad_sums, demo_setup, demo_teardown),
		cmocka_unit_test_setup_teardown(test_aging_asof_equals_sql, demo_setup, demo_teardown),
		cmocka_unit_test_setup_teardown(test_balance_asof_equals_sql, demo_setup, demo_teardown),
		cmocka_unit_test_setup_teardown(test_last_alloc_kept, demo_setup, demo_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
