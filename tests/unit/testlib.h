/* Helpers shared by the ledger's unit tests: a fresh ledger in a temporary directory per test with
 * "today" fixed, one-line posting helpers that assert success, collectors for the streaming queries
 * and the invariant check every test runs in its teardown. Everything is static inline so each test
 * file takes only what it uses. Amounts are minor units: 100000 is 1,000.00. */
#ifndef CARTERA_TESTLIB_H
#define CARTERA_TESTLIB_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cartera/date.h"
#include "cartera/err.h"
#include "model/ledger.h"
#include "cartera/money.h"

#define TL_TODAY "2026-06-30"
/* A later date for the teardown check: nothing in any test is dated after TL_TODAY. */
#define TL_LATER "2026-12-31"

#define TL_MAX_CLIENTS 8

typedef struct tl {
	char dir[64];
	char path[128];
	ledger *l;
	int64_t c1;                 /* "Acme SAS", 30 days terms, added by setup */
	int64_t clients[TL_MAX_CLIENTS];
	int n_clients;
} tl;

/* Assert a call returned CART_OK, printing its message when it did not. */
#define TL_OK(call, e)                                                                   \
	do {                                                                             \
		int tl_rc_ = (call);                                                     \
		if (tl_rc_ != CART_OK)                                                   \
			print_error("%s -> %s: %s\n", #call, cart_code_name(tl_rc_), (e)->msg); \
		assert_int_equal(tl_rc_, CART_OK);                                       \
	} while (0)

/* ---- clients and company ---- */

static inline int64_t tl_client_mode(tl *t, const char *name, int terms, int mode)
{
	client c;
	cart_err e = { 0 };

	client_defaults(&c);
	snprintf(c.name, sizeof c.name, "%s", name);
	c.terms_days = terms;
	c.charge_mode = mode;
	TL_OK(ledger_client_add(t->l, &c, &e), &e);
	assert_true(c.id > 0);
	if (t->n_clients < TL_MAX_CLIENTS)
		t->clients[t->n_clients++] = c.id;
	return c.id;
}

static inline int64_t tl_client(tl *t, const char *name, int terms)
{
	return tl_client_mode(t, name, terms, CHARGE_INVOICE);
}

/* Switch the company to Peru: PEN with USD as the second invoicing currency. */
static inline void tl_company_pe(tl *t)
{
	company c;
	cart_err e = { 0 };

	company_defaults(&c);
	snprintf(c.name, sizeof c.name, "Comercial Andina SAC");
	snprintf(c.country, sizeof c.country, "PE");
	snprintf(c.currency, sizeof c.currency, "PEN");
	snprintf(c.currency2, sizeof c.currency2, "USD");
	c.fmt.decimals = 2;
	c.fmt.dec_sep = '.';
	c.fmt.thou_sep = ',';
	TL_OK(ledger_company_set(t->l, &c, &e), &e);
}

/* ---- setup and teardown ---- */

static inline int tl_setup(void **state)
{
	tl *t = calloc(1, sizeof *t);
	company co;
	cart_err e = { 0 };

	assert_non_null(t);
	snprintf(t->dir, sizeof t->dir, "/tmp/cartera-test-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/ledger.db", t->dir);
	TL_OK(date_set_today(TL_TODAY, &e), &e);
	TL_OK(ledger_open(t->path, LEDGER_OPEN_CREATE, &t->l, &e), &e);
	ledger_set_clerk(t->l, "tester");
	company_defaults(&co); /* CO, COP, 2 decimals, ranges 30/60/90 */
	TL_OK(ledger_company_set(t->l, &co, &e), &e);
	t->c1 = tl_client(t, "Acme SAS", 30);
	*state = t;
	return 0;
}

static inline void tl_remove_files(tl *t)
{
	char p[160];

	unlink(t->path);
	snprintf(p, sizeof p, "%s-wal", t->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", t->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-journal", t->path);
	unlink(p);
	rmdir(t->dir);
}

/* ---- open items ---- */

#define TL_MAX_ITEMS 64

typedef struct tl_items {
	int n;
	open_item it[TL_MAX_ITEMS];
} tl_items;

static inline int tl_items_cb(const open_item *it, void *ud)
{
	tl_items *s = ud;

	if (s->n < TL_MAX_ITEMS)
		s->it[s->n++] = *it;
	return 0;
}

static inline void tl_items_get(ledger *l, int64_t client_id, const char *asof, tl_items *s)
{
	cart_err e = { 0 };

	memset(s, 0, sizeof *s);
	TL_OK(ledger_open_items(l, client_id, asof, tl_items_cb, s, &e), &e);
}

/* What is open of one entry (all its instalments together) as of asof; 0 when not listed. */
static inline int64_t tl_open_of(ledger *l, int64_t client_id, const char *asof, int64_t entry_id)
{
	tl_items s;
	int64_t sum = 0;

	tl_items_get(l, client_id, asof, &s);
	for (int i = 0; i < s.n; i++)
		if (s.it[i].entry_id == entry_id)
			sum += s.it[i].open;
	return sum;
}

/* The open item row of an entry's instalment due on due (NULL when not open). */
static inline const open_item *tl_item_due(const tl_items *s, int64_t entry_id, const char *due)
{
	for (int i = 0; i < s->n; i++)
		if (s->it[i].entry_id == entry_id && strcmp(s->it[i].due_date, due) == 0)
			return &s->it[i];
	return NULL;
}

/* First open item with this entry code ("AA", "CGC", ...), or NULL. */
static inline const open_item *tl_item_code(const tl_items *s, const char *code)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->it[i].code, code) == 0)
			return &s->it[i];
	return NULL;
}

/* Sum of open over every listed item of one side ('D' or 'C'). */
static inline int64_t tl_items_open_sum(const tl_items *s, char side)
{
	int64_t sum = 0;

	for (int i = 0; i < s->n; i++)
		if (s->it[i].side == side)
			sum += s->it[i].open;
	return sum;
}

/* ---- totals and balances ---- */

/* The totals row of one currency (zeros when there is none); returns the number of rows. */
static inline int tl_totals(ledger *l, int64_t client_id, const char *asof, const char *cur, totals *out)
{
	totals rows[LEDGER_MAX_CURRENCIES];
	cart_err e = { 0 };
	int n = 0;

	memset(rows, 0, sizeof rows);
	memset(out, 0, sizeof *out);
	snprintf(out->currency, sizeof out->currency, "%s", cur);
	TL_OK(ledger_totals(l, client_id, asof, rows, &n, &e), &e);
	assert_in_range(n, 0, LEDGER_MAX_CURRENCIES);
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].currency, cur) == 0)
			*out = rows[i];
	return n;
}

static inline int64_t tl_balance(ledger *l, int64_t client_id, const char *asof, const char *cur)
{
	balance rows[LEDGER_MAX_CURRENCIES];
	cart_err e = { 0 };
	int n = 0;

	memset(rows, 0, sizeof rows);
	TL_OK(ledger_balance(l, client_id, asof, rows, &n, &e), &e);
	assert_in_range(n, 0, LEDGER_MAX_CURRENCIES);
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].currency, cur) == 0) {
			assert_int_equal(rows[i].balance, rows[i].charges - rows[i].credits);
			return rows[i].balance;
		}
	return 0;
}

/* Assert the four totals of one currency at once. */
static inline void tl_assert_totals(ledger *l, int64_t client_id, const char *asof, const char *cur,
                                    int64_t due, int64_t overdue, int64_t credits)
{
	totals t;

	tl_totals(l, client_id, asof, cur, &t);
	assert_int_equal(t.due, due);
	assert_int_equal(t.overdue, overdue);
	assert_int_equal(t.credits, credits);
	assert_int_equal(t.net, due + overdue - credits);
	assert_int_equal(tl_balance(l, client_id, asof, cur), due + overdue - credits);
}

/* ---- statements ---- */

#define TL_MAX_LINES 64

typedef struct tl_stmt {
	int n;
	stmt_line ln[TL_MAX_LINES];
} tl_stmt;

static inline int tl_stmt_cb(const stmt_line *ln, void *ud)
{
	tl_stmt *s = ud;

	if (s->n < TL_MAX_LINES)
		s->ln[s->n++] = *ln;
	return 0;
}

static inline void tl_stmt_get(ledger *l, int64_t client_id, const char *asof, tl_stmt *s)
{
	cart_err e = { 0 };

	memset(s, 0, sizeof *s);
	TL_OK(ledger_statement(l, client_id, asof, tl_stmt_cb, s, &e), &e);
}

/* ---- aging ---- */

#define TL_MAX_ROWS 16

typedef struct tl_aging {
	int n;
	aging_row r[TL_MAX_ROWS];
	char name[TL_MAX_ROWS][200]; /* row.name only lives during the callback */
} tl_aging;

static inline int tl_aging_cb(const aging_row *row, void *ud)
{
	tl_aging *s = ud;

	if (s->n < TL_MAX_ROWS) {
		s->r[s->n] = *row;
		snprintf(s->name[s->n], sizeof s->name[s->n], "%s", row->name ? row->name : "");
		s->r[s->n].name = s->name[s->n];
		s->n++;
	}
	return 0;
}

static inline void tl_aging_get(ledger *l, const char *asof, const int *ranges, int n_ranges, tl_aging *s)
{
	cart_err e = { 0 };

	memset(s, 0, sizeof *s);
	TL_OK(ledger_aging(l, asof, ranges, n_ranges, tl_aging_cb, s, &e), &e);
}

/* The row of one client and currency, or NULL. */
static inline const aging_row *tl_aging_row(const tl_aging *s, int64_t client_id, const char *cur)
{
	for (int i = 0; i < s->n; i++)
		if (s->r[i].client_id == client_id && strcmp(s->r[i].currency, cur) == 0)
			return &s->r[i];
	return NULL;
}

/* ---- posting ---- */

static inline posted tl_invoice_cur(ledger *l, int64_t client_id, const char *date, const char *due,
                                    const char *cur, int64_t total)
{
	invoice_in in;
	posted p;
	cart_err e = { 0 };

	memset(&in, 0, sizeof in);
	memset(&p, 0, sizeof p);
	in.client_id = client_id;
	snprintf(in.date, sizeof in.date, "%s", date);
	snprintf(in.due_date, sizeof in.due_date, "%s", due ? due : "");
	snprintf(in.currency, sizeof in.currency, "%s", cur ? cur : "");
	in.total = total;
	TL_OK(ledger_invoice_post(l, &in, &p, &e), &e);
	assert_true(p.doc_id > 0);
	return p;
}

/* Post an invoice in the company currency; due NULL or "" = date + terms. */
static inline posted tl_invoice(ledger *l, int64_t client_id, const char *date, const char *due, int64_t total)
{
	return tl_invoice_cur(l, client_id, date, due, "", total);
}

static inline int tl_receipt_try(ledger *l, int64_t client_id, const char *date, const char *cur,
                                 int64_t amount, const alloc_in *allocs, int n_allocs, int no_auto,
                                 posted *p, cart_err *e)
{
	receipt_in in;

	memset(&in, 0, sizeof in);
	memset(p, 0, sizeof *p);
	in.client_id = client_id;
	snprintf(in.date, sizeof in.date, "%s", date);
	snprintf(in.currency, sizeof in.currency, "%s", cur ? cur : "");
	in.amount = amount;
	snprintf(in.method, sizeof in.method, "transfer");
	in.allocs = allocs;
	in.n_allocs = n_allocs;
	in.no_auto = no_auto;
	return ledger_receipt_post(l, &in, p, e);
}

/* A receipt allocated oldest first. */
static inline posted tl_receipt(ledger *l, int64_t client_id, const char *date, int64_t amount)
{
	posted p;
	cart_err e = { 0 };

	TL_OK(tl_receipt_try(l, client_id, date, "", amount, NULL, 0, 0, &p, &e), &e);
	assert_true(p.doc_id > 0);
	return p;
}

/* A receipt with explicit allocations. */
static inline posted tl_receipt_alloc(ledger *l, int64_t client_id, const char *date, int64_t amount,
                                      const alloc_in *allocs, int n)
{
	posted p;
	cart_err e = { 0 };

	TL_OK(tl_receipt_try(l, client_id, date, "", amount, allocs, n, 0, &p, &e), &e);
	assert_true(p.doc_id > 0);
	return p;
}

/* An advance: a receipt allocated to nothing. */
static inline posted tl_advance(ledger *l, int64_t client_id, const char *date, int64_t amount)
{
	posted p;
	cart_err e = { 0 };

	TL_OK(tl_receipt_try(l, client_id, date, "", amount, NULL, 0, 1, &p, &e), &e);
	assert_true(p.doc_id > 0);
	return p;
}

static inline int tl_void_try(ledger *l, int64_t doc_id, const char *date, posted *p, cart_err *e)
{
	memset(p, 0, sizeof *p);
	return ledger_document_void(l, doc_id, date, "posted by mistake", p, e);
}

static inline posted tl_void(ledger *l, int64_t doc_id, const char *date)
{
	posted p;
	cart_err e = { 0 };

	TL_OK(tl_void_try(l, doc_id, date, &p, &e), &e);
	assert_true(p.doc_id > 0);
	return p;
}

/* ---- the invariant check run after every scenario ---- */

static inline void tl_problem_cb(const char *problem, void *ud)
{
	(void)ud;
	print_error("ledger_check: %s\n", problem);
}

/* ledger_check finds nothing, and totals agree with the ledger balance in every currency, for all
 * clients (0) or one. Returns the number of failures, printing each: the teardown must close the
 * ledger and remove its files before it asserts, since a failed assert does not return. */
static inline int tl_check_client(ledger *l, int64_t client_id, const char *asof)
{
	totals tr[LEDGER_MAX_CURRENCIES];
	balance br[LEDGER_MAX_CURRENCIES];
	cart_err e = { 0 };
	int nt = 0, nb = 0, fails = 0;

	memset(tr, 0, sizeof tr);
	memset(br, 0, sizeof br);
	if (ledger_totals(l, client_id, asof, tr, &nt, &e) != CART_OK) {
		print_error("ledger_totals(%lld, %s): %s\n", (long long)client_id, asof, e.msg);
		return 1;
	}
	if (ledger_balance(l, client_id, asof, br, &nb, &e) != CART_OK) {
		print_error("ledger_balance(%lld, %s): %s\n", (long long)client_id, asof, e.msg);
		return 1;
	}
	for (int i = 0; i < nt; i++) {
		int64_t bal = 0;

		if (tr[i].net != tr[i].due + tr[i].overdue - tr[i].credits) {
			print_error("client %lld as of %s, %s: net %lld != due + overdue - credits\n",
			            (long long)client_id, asof, tr[i].currency, (long long)tr[i].net);
			fails++;
		}
		for (int j = 0; j < nb; j++)
			if (strcmp(br[j].currency, tr[i].currency) == 0)
				bal = br[j].balance;
		if (tr[i].net != bal) {
			print_error("client %lld as of %s, %s: totals.net %lld != balance %lld\n",
			            (long long)client_id, asof, tr[i].currency, (long long)tr[i].net,
			            (long long)bal);
			fails++;
		}
	}
	for (int j = 0; j < nb; j++) {
		int64_t net = 0;

		for (int i = 0; i < nt; i++)
			if (strcmp(br[j].currency, tr[i].currency) == 0)
				net = tr[i].net;
		if (net != br[j].balance) {
			print_error("client %lld as of %s, %s: balance %lld != totals.net %lld\n",
			            (long long)client_id, asof, br[j].currency, (long long)br[j].balance,
			            (long long)net);
			fails++;
		}
	}
	return fails;
}

static inline int tl_check_count(tl *t, const char *asof)
{
	cart_err e = { 0 };
	int64_t problems = -1;
	int fails = 0;

	if (ledger_check(t->l, asof, tl_problem_cb, NULL, &problems, &e) != CART_OK) {
		print_error("ledger_check(%s): %s\n", asof, e.msg);
		fails++;
	} else if (problems != 0) {
		print_error("ledger_check(%s): %lld problems\n", asof, (long long)problems);
		fails++;
	}
	fails += tl_check_client(t->l, 0, asof);
	for (int i = 0; i < t->n_clients; i++)
		fails += tl_check_client(t->l, t->clients[i], asof);
	return fails;
}

/* For use inside a test: the invariants hold as of asof. */
static inline void tl_check(tl *t, const char *asof)
{
	assert_int_equal(tl_check_count(t, asof), 0);
}

static inline int tl_teardown(void **state)
{
	tl *t = *state;
	int fails = 0;

	if (!t)
		return 0;
	*state = NULL;
	if (t->l) {
		fails += tl_check_count(t, TL_TODAY);
		fails += tl_check_count(t, TL_LATER);
		ledger_close(t->l);
		t->l = NULL;
	}
	tl_remove_files(t);
	free(t);
	date_set_today(NULL, NULL);
	assert_int_equal(fails, 0);
	return 0;
}

/* Message checks for bad input: a code from the allowed pair and a message naming the culprit. */
static inline void tl_assert_msg_names(const cart_err *e, const char *what)
{
	assert_true(e->msg[0] != '\0');
	if (what && !strstr(e->msg, what))
		print_error("message \"%s\" does not name \"%s\"\n", e->msg, what);
	if (what)
		assert_non_null(strstr(e->msg, what));
}

#endif
