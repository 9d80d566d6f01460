/* Unit tests for src/ctl/demo.c: the demo ledger is complete (every kind of document and every aging
 * range), consistent (ledger_check, totals = balance, counts = the stats), deterministic for a
 * seed and today, and all-or-nothing. Each test works on its own ledger in a temporary directory
 * with today fixed; the raw SQL below only reads, to count what the model wrote. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cartera/date.h"
#include "cartera/demo.h"
#include "model/ledger.h"
#include "cartera/taxid.h"

#define TODAY "2026-06-30"

#define OK(call, e)                                                                      \
	do {                                                                             \
		int ok_rc_ = (call);                                                     \
		if (ok_rc_ != CART_OK)                                                   \
			print_error("%s -> %s: %s\n", #call, cart_code_name(ok_rc_), (e)->msg); \
		assert_int_equal(ok_rc_, CART_OK);                                       \
	} while (0)

/* ---- a ledger file in a temporary directory ---- */

typedef struct tdb {
	char dir[64];
	char path[128];
	ledger *l;
} tdb;

static void tdb_open(tdb *t, const char *today, int with_company)
{
	cart_err e = { 0 };
	company co;

	memset(t, 0, sizeof *t);
	snprintf(t->dir, sizeof t->dir, "/tmp/cartera-demo-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/ledger.db", t->dir);
	OK(date_set_today(today, &e), &e);
	OK(ledger_open(t->path, LEDGER_OPEN_CREATE, &t->l, &e), &e);
	ledger_set_clerk(t->l, "tester");
	if (with_company) {
		demo_company(&co);
		OK(ledger_company_set(t->l, &co, &e), &e);
	}
}

static void tdb_close(tdb *t)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[160];

	ledger_close(t->l);
	t->l = NULL;
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(p, sizeof p, "%s%s", t->path, suffix[i]);
		unlink(p);
	}
	rmdir(t->dir);
	date_set_today(NULL, CART_IGNORED);
}

static void small_opts(demo_opts *o, uint64_t seed)
{
	demo_defaults(o);
	o->clients = 40;
	o->invoices = 600;
	o->receipts = 450;
	o->seed = seed;
	o->quiet = 1;
}

/* One integer from a read-only query on the ledger file (the model keeps it open meanwhile). */
static int64_t sql_int(const tdb *t, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int64_t v = -1;

	assert_int_equal(sqlite3_open_v2(t->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

static void sql_text(const tdb *t, const char *sql, char *out, size_t size)
{
	sqlite3 *db;
	sqlite3_stmt *s;

	out[0] = '\0';
	assert_int_equal(sqlite3_open_v2(t->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* ---- the model's own reports ---- */

static totals totals_of(ledger *l, const char *asof)
{
	totals rows[LEDGER_MAX_CURRENCIES];
	cart_err e = { 0 };
	int n = 0;

	memset(rows, 0, sizeof rows);
	OK(ledger_totals(l, 0, asof, rows, &n, &e), &e);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].currency, "COP");
	return rows[0];
}

static int64_t balance_of(ledger *l, const char *asof)
{
	balance rows[LEDGER_MAX_CURRENCIES];
	cart_err e = { 0 };
	int n = 0;

	memset(rows, 0, sizeof rows);
	OK(ledger_balance(l, 0, asof, rows, &n, &e), &e);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].balance, rows[0].charges - rows[0].credits);
	return rows[0].balance;
}

static void problem_cb(const char *problem, void *ud)
{
	(void)ud;
	print_error("ledger_check: %s\n", problem);
}

static void assert_checks(ledger *l, const char *asof)
{
	cart_err e = { 0 };
	int64_t problems = -1;

	OK(ledger_check(l, asof, problem_cb, NULL, &problems, &e), &e);
	assert_int_equal(problems, 0);
}

typedef struct aging_sum {
	int rows;
	int64_t not_due, range[LEDGER_MAX_RANGES + 1], credits, net;
} aging_sum;

static int sum_aging(const aging_row *row, void *ud)
{
	aging_sum *s = ud;

	s->rows++;
	s->not_due += row->not_due;
	for (int i = 0; i <= 3; i++)
		s->range[i] += row->range[i];
	s->credits += row->credits;
	s->net += row->net;
	return 0;
}

static aging_sum aging_of(ledger *l, const char *asof)
{
	static const int ranges[] = { 30, 60, 90 };
	aging_sum s;
	cart_err e = { 0 };

	memset(&s, 0, sizeof s);
	OK(ledger_aging(l, asof, ranges, 3, sum_aging, &s, &e), &e);
	return s;
}

typedef struct client_walk {
	int n, bad_taxid, bad_email, inactive, legal;
	int64_t last_id;
} client_walk;

static int walk_client(const client_row *row, void *ud)
{
	client_walk *w = ud;
	const client *c = row->c;
	taxid_check chk;

	if (c->id == w->last_id)
		return 0;       /* one row per client and currency */
	w->last_id = c->id;
	w->n++;
	w->inactive += !c->active;
	w->legal += c->taxpayer_type == TAXPAYER_LEGAL;
	if (taxid_validate("CO", c->taxpayer_type, c->receiver_type == RECEIVER_FOREIGN, c->tax_id,
	                   c->dv, &chk) != CART_OK) {
		print_error("client %s: tax id %s-%s refused: %s\n", c->name, c->tax_id, c->dv,
		            chk.message);
		w->bad_taxid++;
	}
	for (const char *p = c->email; *p; p++)
		if ((unsigned char)*p >= 0x80 || *p == ' ')
			w->bad_email++;
	if (!strchr(c->email, '@'))
		w->bad_email++;
	if (!c->name[0] || !c->location[0] || !c->address[0] || !strchr(c->location, '/'))
		w->bad_email++;
	return 0;
}

/* ---- tests ---- */

static void test_company(void **state)
{
	company c;
	taxid_check chk;
	char id[32], *dash;

	(void)state;
	demo_company(&c);
	assert_string_equal(c.country, "CO");
	assert_string_equal(c.currency, "COP");
	assert_int_equal(c.fmt.decimals, 2);
	assert_int_equal(c.fmt.dec_sep, ',');
	assert_int_equal(c.fmt.thou_sep, '.');
	assert_int_equal(c.n_ranges, 3);
	assert_int_equal(c.ranges[0], 30);
	assert_int_equal(c.ranges[1], 60);
	assert_int_equal(c.ranges[2], 90);
	assert_int_equal(c.allow_cash_refund, 1);
	assert_non_null(strstr(c.name, "S.A.S."));
	snprintf(id, sizeof id, "%s", c.tax_id);
	dash = strrchr(id, '-');
	assert_non_null(dash);
	*dash = '\0';
	assert_int_equal(taxid_validate("CO", TAXPAYER_LEGAL, 0, id, dash + 1, &chk), CART_OK);
}

static void test_small_ledger(void **state)
{
	demo_opts o;
	demo_stats st;
	cart_err e = { 0 };
	client_walk w;
	totals t;
	aging_sum a;
	tdb db;
	char maxdate[16];
	int64_t n;

	(void)state;
	tdb_open(&db, TODAY, 1);
	small_opts(&o, 7);
	OK(demo_generate(db.l, &o, &st, &e), &e);

	/* the counts asked for, and a bit of everything else */
	assert_int_equal(st.clients, 40);
	assert_int_equal(st.invoices, 600);
	assert_int_equal(st.receipts, 450);
	assert_true(st.credit_notes > 0);
	assert_true(st.advances > 0 && st.advances < st.receipts);
	assert_true(st.openings > 0);
	assert_true(st.voids >= 3);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM clients"), 40);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM documents WHERE type = 'invoice'"), 600);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM documents WHERE type IN ('receipt',"
	                              " 'advance')"), 450);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM documents WHERE type = 'advance'"),
	                 st.advances);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM documents WHERE type = 'credit-note'"),
	                 st.credit_notes);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM documents WHERE type = 'opening'"),
	                 st.openings);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM documents WHERE type = 'void'"), st.voids);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM entries"), st.entries);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM allocations"), st.allocations);

	/* every kind of document the spec names */
	assert_true(sql_int(&db, "SELECT count(*) FROM entries WHERE n_inst > 0") > 0);
	assert_true(sql_int(&db, "SELECT count(*) FROM documents WHERE type = 'apply'") > 0);
	assert_true(sql_int(&db, "SELECT count(*) FROM documents WHERE type = 'opening'"
	                         " AND method = 'balance'") > 0);
	assert_true(sql_int(&db, "SELECT count(*) FROM documents WHERE type = 'opening'"
	                         " AND method = 'item'") > 0);
	/* receipts paying several invoices, receipts leaving an excess in favour */
	assert_true(sql_int(&db, "SELECT count(*) FROM (SELECT document_id FROM allocations a"
	                         " JOIN documents d ON d.id = a.document_id WHERE d.type = 'receipt'"
	                         " GROUP BY document_id HAVING count(DISTINCT charge_id) > 1)") > 0);
	assert_true(sql_int(&db, "SELECT count(*) FROM entries e JOIN documents d"
	                         " ON d.id = e.document_id WHERE d.type = 'receipt' AND e.code = 'AA'")
	            > 0);
	/* credit notes both against an invoice and on account */
	assert_true(sql_int(&db, "SELECT count(*) FROM allocations a JOIN documents d"
	                         " ON d.id = a.document_id WHERE d.type = 'credit-note'") > 0);
	assert_true(sql_int(&db, "SELECT count(*) FROM documents d WHERE d.type = 'credit-note'"
	                         " AND NOT EXISTS (SELECT 1 FROM allocations a"
	                         " WHERE a.document_id = d.id)") > 0);
	/* voids of both invoices and receipts */
	assert_true(sql_int(&db, "SELECT count(*) FROM documents v JOIN documents d"
	                         " ON d.id = v.voids_id WHERE d.type = 'invoice'") > 0);
	assert_true(sql_int(&db, "SELECT count(*) FROM documents v JOIN documents d"
	                         " ON d.id = v.voids_id WHERE d.type = 'receipt'") > 0);

	/* nothing after today, numbers in date order within each series */
	sql_text(&db, "SELECT max(date) FROM documents", maxdate, sizeof maxdate);
	assert_true(strcmp(maxdate, TODAY) <= 0);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM documents a JOIN documents b"
	                              " ON a.type = b.type AND a.id < b.id WHERE a.date > b.date"), 0);
	/* no invoice before its client's opening balance, and all openings came first */
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM documents d JOIN clients c"
	                              " ON c.id = d.client_id WHERE d.type = 'invoice'"
	                              " AND d.date < c.opening_date"), 0);
	assert_true(sql_int(&db, "SELECT max(id) FROM documents WHERE type = 'opening'") <
	            sql_int(&db, "SELECT min(id) FROM documents WHERE type = 'invoice'"));
	/* recent invoices mostly open, old ones mostly paid */
	n = sql_int(&db, "SELECT 100 * sum(e.open > 0) / count(*) FROM entries e"
	                 " WHERE e.code = 'CF' AND e.reverses_id IS NULL AND e.date > '2026-06-01'");
	assert_true(n >= 50);
	n = sql_int(&db, "SELECT 100 * sum(e.open > 0) / count(*) FROM entries e"
	                 " WHERE e.code = 'CF' AND e.reverses_id IS NULL AND e.date < '2025-12-01'");
	assert_true(n <= 25);
	/* names unique-ish, tax ids unique */
	assert_true(sql_int(&db, "SELECT count(DISTINCT name) FROM clients") >= 39);
	assert_int_equal(sql_int(&db, "SELECT count(DISTINCT tax_id) FROM clients"), 40);

	/* the model's invariants, today and at a later date */
	assert_checks(db.l, TODAY);
	assert_checks(db.l, "2026-12-31");
	assert_checks(db.l, "2025-09-30");

	/* the dashboard has something in every total and every aging range */
	t = totals_of(db.l, TODAY);
	assert_true(t.due > 0);
	assert_true(t.overdue > 0);
	assert_true(t.credits > 0);
	assert_int_equal(t.net, t.due + t.overdue - t.credits);
	assert_int_equal(t.net, balance_of(db.l, TODAY));
	a = aging_of(db.l, TODAY);
	assert_true(a.rows > 0);
	assert_true(a.not_due > 0);
	for (int i = 0; i <= 3; i++)
		if (a.range[i] <= 0)
			fail_msg("aging range %d is empty", i);
	assert_int_equal(a.not_due + a.range[0] + a.range[1] + a.range[2] + a.range[3],
	                 t.due + t.overdue);
	assert_int_equal(a.net, t.net);

	/* every client is complete and its tax id valid */
	memset(&w, 0, sizeof w);
	OK(ledger_client_list(db.l, NULL, 0, 1000, walk_client, &w, &e), &e);
	assert_int_equal(w.n, 40);
	assert_int_equal(w.bad_taxid, 0);
	assert_int_equal(w.bad_email, 0);
	assert_true(w.legal >= 12 && w.legal <= 36);
	tdb_close(&db);
}

/* Totals and document count of a fresh ledger generated with these options on this day. */
static void generate_fresh(const char *today, uint64_t seed, totals *t, int64_t *docs, char *maxinv)
{
	demo_opts o;
	demo_stats st;
	cart_err e = { 0 };
	tdb db;

	tdb_open(&db, today, 1);
	small_opts(&o, seed);
	OK(demo_generate(db.l, &o, &st, &e), &e);
	*t = totals_of(db.l, today);
	*docs = sql_int(&db, "SELECT count(*) FROM documents");
	if (maxinv)
		sql_text(&db, "SELECT max(date) FROM documents WHERE type = 'invoice'", maxinv, 16);
	assert_checks(db.l, today);
	tdb_close(&db);
}

static void test_deterministic(void **state)
{
	totals a, b, c;
	int64_t na, nb, nc;

	(void)state;
	generate_fresh(TODAY, 11, &a, &na, NULL);
	generate_fresh(TODAY, 11, &b, &nb, NULL);
	assert_int_equal(a.due, b.due);
	assert_int_equal(a.overdue, b.overdue);
	assert_int_equal(a.credits, b.credits);
	assert_int_equal(a.net, b.net);
	assert_int_equal(a.n_due, b.n_due);
	assert_int_equal(na, nb);
	generate_fresh(TODAY, 12, &c, &nc, NULL);
	assert_true(a.due != c.due || a.overdue != c.overdue || a.credits != c.credits);
}

static void test_today_moves_dates(void **state)
{
	totals a, b;
	int64_t na, nb;
	char ma[16], mb[16];

	(void)state;
	generate_fresh(TODAY, 5, &a, &na, ma);
	generate_fresh("2025-03-15", 5, &b, &nb, mb);
	assert_true(strcmp(ma, "2026-06-20") > 0 && strcmp(ma, TODAY) <= 0);
	assert_true(strcmp(mb, "2025-03-05") > 0 && strcmp(mb, "2025-03-15") <= 0);
	assert_true(a.due != b.due || a.overdue != b.overdue);
}

static void test_failure_writes_nothing(void **state)
{
	demo_opts o;
	demo_stats st;
	cart_err e = { 0 };
	int64_t n = -1;
	tdb db;
	sqlite3 *raw;

	(void)state;
	/* no company settings: refused before anything is written */
	tdb_open(&db, TODAY, 0);
	small_opts(&o, 3);
	assert_int_not_equal(demo_generate(db.l, &o, &st, &e), CART_OK);
	assert_true(e.msg[0] != '\0');
	assert_int_equal(st.clients, 0);
	OK(ledger_client_count(db.l, NULL, &n, &e), &e);
	assert_int_equal(n, 0);
	tdb_close(&db);

	/* a failure in the middle of the bulk load rolls everything back */
	tdb_open(&db, TODAY, 1);
	assert_int_equal(sqlite3_open(db.path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "CREATE TRIGGER test_fail BEFORE INSERT ON documents"
	                              " WHEN NEW.number = 'FAC-000300'"
	                              " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END", NULL, NULL,
	                              NULL), SQLITE_OK);
	sqlite3_close(raw);
	cart_clear(&e);
	assert_int_not_equal(demo_generate(db.l, &o, &st, &e), CART_OK);
	assert_non_null(strstr(e.msg, "disk on fire"));
	OK(ledger_client_count(db.l, NULL, &n, &e), &e);
	assert_int_equal(n, 0);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM documents"), 0);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM entries"), 0);
	/* the indexes dropped for the load are back */
	assert_true(sql_int(&db, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
	                         " AND name = 'entries_open'") == 1);
	tdb_close(&db);
}

/* Foreign keys are off during a bulk load and checked for every row at its end: a row that
 * refers to nothing (here a legal number of a document that does not exist, slipped in by a
 * trigger) refuses the whole load. */
static void test_dangling_reference_writes_nothing(void **state)
{
	demo_opts o;
	demo_stats st;
	cart_err e = { 0 };
	int64_t n = -1;
	tdb db;
	sqlite3 *raw;

	(void)state;
	tdb_open(&db, TODAY, 1);
	small_opts(&o, 3);
	assert_int_equal(sqlite3_open(db.path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "CREATE TRIGGER test_dangle AFTER INSERT ON documents"
	                              " WHEN NEW.number = 'FAC-000300' BEGIN"
	                              " INSERT INTO legal_numbers (document_id, kind, number)"
	                              " VALUES (987654321, 'invoice', 'X-1'); END", NULL, NULL,
	                              NULL), SQLITE_OK);
	sqlite3_close(raw);
	assert_int_not_equal(demo_generate(db.l, &o, &st, &e), CART_OK);
	assert_non_null(strstr(e.msg, "legal_numbers"));
	assert_non_null(strstr(e.msg, "missing row of documents"));
	OK(ledger_client_count(db.l, NULL, &n, &e), &e);
	assert_int_equal(n, 0);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM documents"), 0);
	assert_int_equal(sql_int(&db, "SELECT count(*) FROM legal_numbers"), 0);
	tdb_close(&db);
}

static void test_bad_options(void **state)
{
	demo_opts o;
	demo_stats st;
	cart_err e = { 0 };
	tdb db;

	(void)state;
	tdb_open(&db, TODAY, 1);
	small_opts(&o, 1);
	o.clients = 0;
	assert_int_equal(demo_generate(db.l, &o, &st, &e), CART_INVALID);
	small_opts(&o, 1);
	o.months = 0;
	assert_int_equal(demo_generate(db.l, &o, &st, &e), CART_INVALID);
	/* a ledger that already has clients is not a demo's to fill */
	small_opts(&o, 1);
	o.clients = 3;
	o.invoices = 20;
	o.receipts = 10;
	OK(demo_generate(db.l, &o, &st, &e), &e);
	assert_int_equal(demo_generate(db.l, &o, &st, &e), CART_REFUSED);
	tdb_close(&db);
}

static void test_defaults(void **state)
{
	demo_opts o;

	(void)state;
	demo_defaults(&o);
	assert_int_equal(o.clients, 300);
	assert_int_equal(o.invoices, 6000);
	assert_int_equal(o.receipts, 4500);
	assert_int_equal(o.months, 18);
	assert_int_equal(o.seed, 1);
	assert_int_equal(o.quiet, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_company),
		cmocka_unit_test(test_small_ledger),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_today_moves_dates),
		cmocka_unit_test(test_failure_writes_nothing),
		cmocka_unit_test(test_dangling_reference_writes_nothing),
		cmocka_unit_test(test_bad_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
