/* Questions asked of the ledger, every one as of a date and per currency: dashboard totals,
 * balances, one client's open items and statement, aging by client. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"

int lg_asof_is_now(ledger *l, const char *asof, int *now, cart_err *e)
{
	static const char sql[] =
		"SELECT max(coalesce((SELECT max(date) FROM entries), ''),"
		"           coalesce((SELECT max(date) FROM allocations), ''))";
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s);

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("reading the ledger"), e);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*now = strcmp((const char *)sqlite3_column_text(s, 0), asof) <= 0;
	lg_finalize(l, s);
	return rc == SQLITE_ROW ? CART_OK : lg_dberr(l, rc, _("reading the ledger"), e);
}

static void client_range(sqlite3_stmt *s, int64_t client_id)
{
	lg_bind_int(s, 2, client_id ? client_id : 0);
	lg_bind_int(s, 3, client_id ? client_id : INT64_MAX);
}

/* ---- dashboard totals ---- */

static int totals_items(ledger *l, int64_t client_id, const char *asof, totals *rows, int *n,
                        cart_err *e);

/* From the open items as of the date (lg_items_asof): the kept open amounts, and as of a past
 * date what the allocations dated after it took given back. */
int ledger_totals(ledger *l, int64_t client_id, const char *asof, totals *rows, int *n, cart_err *e)
{
	*n = 0;
	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	return totals_items(l, client_id, asof, rows, n, e);
}

int ledger_balance(ledger *l, int64_t client_id, const char *asof, balance *rows, int *n, cart_err *e)
{
	static const char sql[] =
		"SELECT currency, sum(CASE side WHEN 'D' THEN amount ELSE 0 END),"
		"  sum(CASE side WHEN 'C' THEN amount ELSE 0 END) FROM entries"
		" WHERE client_id BETWEEN ?2 AND ?3 AND date <= ?1 GROUP BY currency ORDER BY currency";
	/* nothing dated after the as-of date: the kept balances (schema 018) answer, one row per
	 * client and currency instead of every entry sorted by currency */
	static const char kept_sql[] =
		"SELECT currency, sum(charges), sum(credits) FROM balances"
		" WHERE client_id BETWEEN ?2 AND ?3 GROUP BY currency ORDER BY currency";
	/* all clients as of a past date: the sums kept by day (schema 021), not every entry
	 * grouped by currency */
	static const char days_sql[] =
		"SELECT currency, sum(debits), sum(credits) FROM day_flows WHERE date <= ?1"
		" GROUP BY currency ORDER BY currency";
	sqlite3_stmt *s;
	int rc, now = 0;

	*n = 0;
	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	if (!client_id && (rc = lg_asof_is_now(l, asof, &now, e)) != CART_OK)
		return rc;
	rc = lg_prepare(l, now ? kept_sql : client_id ? sql : days_sql, &s);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the balance"), e);
	if (!now)
		lg_bind_text(s, 1, asof);
	if (now || client_id)
		client_range(s, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < LEDGER_MAX_CURRENCIES) {
		balance *b = &rows[(*n)++];

		lg_copy(b->currency, sizeof b->currency, sqlite3_column_text(s, 0));
		b->charges = sqlite3_column_int64(s, 1);
		b->credits = sqlite3_column_int64(s, 2);
		b->balance = b->charges - b->credits;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("computing the balance"), e);
	return CART_OK;
}

/* All clients in one currency: one pass over the covering index (client_id, currency, date,
 * side, amount) skipping to the currency in each client, with no GROUP BY to sort 2.5 M rows
 * (ledger_balance of all clients sorts them: ~10x slower at the benchmark's size). */
int ledger_balance_currency(ledger *l, const char *currency, const char *asof, balance *out,
                            cart_err *e)
{
	/* the sums kept by day (schema 021), a row per day the currency moved: the entries through
	 * the covering index took 0.26 s of CPU on the benchmark ledger (2.5x the floor), and as of
	 * now the balances of every client 3-4 ms, which the aging screen waits for on opening */
	static const char sql[] =
		"SELECT coalesce(sum(debits), 0), coalesce(sum(credits), 0) FROM day_flows"
		" WHERE currency = ?2 AND date <= ?1";
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof *out);
	if (lg_date(asof, "the as-of date", e) != CART_OK)
		return e->code;
	rc = lg_prepare(l, sql, &s);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, "preparing the balance", e);
	lg_bind_text(s, 1, asof);
	lg_bind_text(s, 2, currency);
	lg_copy(out->currency, sizeof out->currency, (const unsigned char *)currency);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->charges = sqlite3_column_int64(s, 0);
		out->credits = sqlite3_column_int64(s, 1);
		out->balance = out->charges - out->credits;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, "computing the balance", e);
	return CART_OK;
}

/* ---- one client's open items ---- */

/* Now: the kept open amounts, read from the partial indexes. */
static const char open_now_sql[] =
	"SELECT e.id, 0, e.document_id, d.number, e.code, e.side, e.date, e.due_date, e.currency,"
	"  e.amount, e.open, 0 FROM entries e JOIN documents d ON d.id = e.document_id"
	" WHERE e.client_id = ?2 AND e.open <> 0 AND e.n_inst = 0 AND e.date <= ?1"
	" UNION ALL"
	" SELECT e.id, i.id, e.document_id, d.number, e.code, 'D', e.date, i.due_date, i.currency,"
	"  i.amount, i.open, i.seq FROM instalments i JOIN entries e ON e.id = i.entry_id"
	"  JOIN documents d ON d.id = e.document_id"
	" WHERE i.client_id = ?2 AND i.open <> 0 AND i.date <= ?1"
	" ORDER BY 6 DESC, 8, 7, 1, 2";

/* As of a past date: each entry's amount less the allocations dated on or before it. */
static const char open_asof_sql[] =
	"SELECT * FROM ("
	" SELECT e.id, 0, e.document_id, d.number, e.code, e.side, e.date, e.due_date, e.currency,"
	"  e.amount, e.amount"
	"   - coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.charge_id = e.id"
	"                AND a.date <= ?1), 0)"
	"   - coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.credit_id = e.id"
	"                AND a.date <= ?1), 0) AS open, 0"
	"  FROM entries e JOIN documents d ON d.id = e.document_id"
	"  WHERE e.client_id = ?2 AND e.n_inst = 0 AND e.date <= ?1"
	" UNION ALL"
	" SELECT e.id, i.id, e.document_id, d.number, e.code, 'D', e.date, i.due_date, i.currency,"
	"  i.amount, i.amount"
	"   - coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.instalment_id = i.id"
	"                AND a.date <= ?1), 0), i.seq"
	"  FROM instalments i JOIN entries e ON e.id = i.entry_id"
	"  JOIN documents d ON d.id = e.document_id"
	"  WHERE i.client_id = ?2 AND i.date <= ?1)"
	" WHERE open <> 0 ORDER BY 6 DESC, 8, 7, 1, 2";

int ledger_open_items(ledger *l, int64_t client_id, const char *asof, open_item_cb cb, void *ud,
                      cart_err *e)
{
	sqlite3_stmt *s;
	open_item it;
	date_t today, due;
	int rc, now;

	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	if ((rc = lg_asof_is_now(l, asof, &now, e)) != CART_OK)
		return rc;
	rc = lg_prepare(l, now ? open_now_sql : open_asof_sql, &s);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the open items"), e);
	date_parse(asof, &today, CART_IGNORED);
	lg_bind_text(s, 1, asof);
	lg_bind_int(s, 2, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&it, 0, sizeof it);
		it.entry_id = sqlite3_column_int64(s, 0);
		it.instalment_id = sqlite3_column_int64(s, 1);
		it.doc_id = sqlite3_column_int64(s, 2);
		lg_copy(it.number, sizeof it.number, sqlite3_column_text(s, 3));
		lg_copy(it.code, sizeof it.code, sqlite3_column_text(s, 4));
		it.side = (char)sqlite3_column_text(s, 5)[0];
		lg_copy(it.date, sizeof it.date, sqlite3_column_text(s, 6));
		lg_copy(it.due_date, sizeof it.due_date, sqlite3_column_text(s, 7));
		lg_copy(it.currency, sizeof it.currency, sqlite3_column_text(s, 8));
		it.amount = sqlite3_column_int64(s, 9);
		it.open = sqlite3_column_int64(s, 10);
		it.instalment_no = sqlite3_column_int(s, 11);
		if (it.side == 'D' && date_parse(it.due_date, &due, CART_IGNORED) == CART_OK && due < today)
			it.days_overdue = today - due;
		if (cb(&it, ud))
			break;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the open items"), e);
	return CART_OK;
}

/* ---- every client's open charges (the follow-up of every client) ---- */

static const char charge_clients_sql[] =
	"SELECT id, name, tax_id, dv FROM clients ORDER BY name_key, id";

typedef struct charge_walk {
	charge_client c;
	open_charge_cb cb;
	void *ud;
	int stop;
} charge_walk;

static int charge_of_client(const open_item *it, void *ud)
{
	charge_walk *w = ud;

	if (it->side != 'D')
		return 0;
	return w->stop = w->cb(&w->c, it, w->ud);
}

int ledger_open_charges(ledger *l, const char *asof, open_charge_cb cb, void *ud, cart_err *e)
{
	charge_walk w = { .cb = cb, .ud = ud };
	sqlite3_stmt *s;
	int rc, now;

	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	if ((rc = lg_asof_is_now(l, asof, &now, e)) != CART_OK)
		return rc;
	/* now: the kept open amounts of every client at once (ledger_charges.c) */
	if (now)
		return lg_open_charges_now(l, asof, cb, ud, e);
	rc = lg_prepare(l, charge_clients_sql, &s);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the open items"), e);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		w.c.id = sqlite3_column_int64(s, 0);
		w.c.name = (const char *)sqlite3_column_text(s, 1);
		w.c.tax_id = (const char *)sqlite3_column_text(s, 2);
		w.c.dv = (const char *)sqlite3_column_text(s, 3);
		/* as of a past date: what each client had open then */
		if ((rc = ledger_open_items(l, w.c.id, asof, charge_of_client, &w, e)) != CART_OK) {
			lg_finalize(l, s);
			return rc;
		}
		if (w.stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the open items"), e);
	return CART_OK;
}

/* ---- statement ---- */

int ledger_statement(ledger *l, int64_t client_id, const char *asof, stmt_cb cb, void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT e.id, e.document_id, d.number, e.code, e.side, e.reverses_id IS NOT NULL,"
		"  e.date, e.due_date, e.currency, e.amount, d.memo,"
		"  CASE WHEN d.amends_id IS NOT NULL"
		"   THEN (SELECT number FROM documents i WHERE i.id = d.amends_id) END,"
		"  d.reference"
		" FROM entries e JOIN documents d ON d.id = e.document_id"
		" WHERE e.client_id = ?2 AND e.date <= ?1 ORDER BY e.date, e.id";
	struct { char cur[4]; int64_t bal; } run[LEDGER_MAX_CURRENCIES] = { 0 };
	int nrun = 0;
	sqlite3_stmt *s;
	stmt_line ln;
	int rc;

	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	rc = lg_prepare(l, sql, &s);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the statement"), e);
	lg_bind_text(s, 1, asof);
	lg_bind_int(s, 2, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t amount;
		int k;

		memset(&ln, 0, sizeof ln);
		ln.entry_id = sqlite3_column_int64(s, 0);
		ln.doc_id = sqlite3_column_int64(s, 1);
		lg_copy(ln.number, sizeof ln.number, sqlite3_column_text(s, 2));
		lg_copy(ln.code, sizeof ln.code, sqlite3_column_text(s, 3));
		ln.side = (char)sqlite3_column_text(s, 4)[0];
		ln.reversal = sqlite3_column_int(s, 5);
		lg_copy(ln.date, sizeof ln.date, sqlite3_column_text(s, 6));
		lg_copy(ln.due_date, sizeof ln.due_date, sqlite3_column_text(s, 7));
		lg_copy(ln.currency, sizeof ln.currency, sqlite3_column_text(s, 8));
		amount = sqlite3_column_int64(s, 9);
		lg_copy(ln.memo, sizeof ln.memo, sqlite3_column_text(s, 10));
		lg_copy(ln.amends, sizeof ln.amends, sqlite3_column_text(s, 11));
		lg_copy(ln.reference, sizeof ln.reference, sqlite3_column_text(s, 12));
		if (ln.side == 'D')
			ln.charge = amount;
		else
			ln.credit = amount;
		for (k = 0; k < nrun && strcmp(run[k].cur, ln.currency); k++)
			;
		if (k == nrun) {
			if (nrun == LEDGER_MAX_CURRENCIES)
				continue;
			memcpy(run[nrun++].cur, ln.currency, 4);
		}
		run[k].bal += ln.charge - ln.credit;
		ln.balance = run[k].bal;
		if (cb(&ln, ud))
			break;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the statement"), e);
	return CART_OK;
}

/* ---- aging ---- */

/* Range k holds items due on or after bound k and before bound k-1 (bound -1 being asof); bounds
 * past the company's last are '' so the last real range takes everything older. Each row's
 * bucket is computed once: 0 not due, 1..9 the ranges, 10 a credit. */
#define AGING_BUCKET \
	"CASE WHEN side = 'C' THEN 10 WHEN due_date >= ?1 THEN 0 WHEN due_date >= ?4 THEN 1" \
	" WHEN due_date >= ?5 THEN 2 WHEN due_date >= ?6 THEN 3 WHEN due_date >= ?7 THEN 4" \
	" WHEN due_date >= ?8 THEN 5 WHEN due_date >= ?9 THEN 6 WHEN due_date >= ?10 THEN 7" \
	" WHEN due_date >= ?11 THEN 8 ELSE 9 END"
#define AGING_SUMS \
	"sum(CASE k WHEN 0 THEN open END) AS nd, sum(CASE k WHEN 1 THEN open END) AS r0," \
	" sum(CASE k WHEN 2 THEN open END) AS r1, sum(CASE k WHEN 3 THEN open END) AS r2," \
	" sum(CASE k WHEN 4 THEN open END) AS r3, sum(CASE k WHEN 5 THEN open END) AS r4," \
	" sum(CASE k WHEN 6 THEN open END) AS r5, sum(CASE k WHEN 7 THEN open END) AS r6," \
	" sum(CASE k WHEN 8 THEN open END) AS r7, sum(CASE k WHEN 9 THEN open END) AS r8," \
	" sum(CASE WHEN k < 10 THEN open END) AS oc, sum(CASE k WHEN 10 THEN open END) AS cr," \
	" min(CASE WHEN k BETWEEN 1 AND 9 THEN due_date END) AS oldest"
#define AGING_SELECT \
	" SELECT p.client_id, c.name, p.currency, sum(nd), sum(r0), sum(r1), sum(r2), sum(r3)," \
	"  sum(r4), sum(r5), sum(r6), sum(r7), sum(r8), sum(oc), sum(cr), min(oldest)" \
	" FROM per p JOIN clients c ON c.id = p.client_id GROUP BY p.client_id, p.currency" \
	" ORDER BY c.name_key, p.client_id, p.currency"

/* Any as-of date: open amounts recomputed as of it (LG_ITEMS_CTE). */
static const char aging_sql[] =
	"WITH " LG_ITEMS_CTE ","
	" per AS (SELECT client_id, currency, " AGING_SUMS
	"  FROM (SELECT client_id, currency, side, due_date, open, " AGING_BUCKET " AS k"
	"        FROM items WHERE open <> 0) GROUP BY client_id, currency)"
	AGING_SELECT;

/* Each client's row is added up here from the open items as of the date (lg_items_asof: the
 * kept open amounts, with what allocations dated after the date took given back), with no sort
 * and no per-row SQL aggregates, and the rows are then given out in name order. What is held is
 * one small row per client with something open, never the ledger. */
static const char names_sql[] =
	"SELECT id, name FROM clients ORDER BY name_key, id";
static const char name_sql[] =
	"SELECT id, name FROM clients WHERE id = ?1";

typedef struct agg {
	int64_t client_id;
	char currency[4];
	int64_t not_due, range[LEDGER_MAX_RANGES + 1], charges, credits;
	int64_t n_due, n_overdue, n_credits;     /* items counted, for the totals */
	char oldest[DATE_LEN];
	size_t prev;   /* 1 + the index of the same client's row before this one, 0 none */
} agg;

/* The rows of (client, currency) as the items arrive, in any order: a client's rows are
 * chained from head[client_id]. */
typedef struct agg_set {
	agg *a;
	size_t n, cap;
	size_t *head;
	int64_t nhead;
	const char *asof;
	char (*bounds)[DATE_LEN];
	int n_ranges, nomem, ovf;
} agg_set;

static agg *agg_row(agg_set *set, int64_t client_id, const char *cur)
{
	if (client_id < 0)
		client_id = 0;
	if (client_id >= set->nhead) {
		int64_t nh = set->nhead ? set->nhead : 1024;
		size_t *m;

		while (nh <= client_id)
			nh *= 2;
		if (!(m = realloc(set->head, sizeof *m * (size_t)nh)))
			return NULL;
		memset(m + set->nhead, 0, sizeof *m * (size_t)(nh - set->nhead));
		set->head = m;
		set->nhead = nh;
	}
	for (size_t i = set->head[client_id]; i; i = set->a[i - 1].prev)
		if (set->a[i - 1].client_id == client_id && !strcmp(set->a[i - 1].currency, cur))
			return &set->a[i - 1];
	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 1024;
		agg *m = realloc(set->a, sizeof *m * cap);

		if (!m)
			return NULL;
		set->a = m;
		set->cap = cap;
	}
	memset(&set->a[set->n], 0, sizeof set->a[0]);
	set->a[set->n].client_id = client_id;
	snprintf(set->a[set->n].currency, 4, "%s", cur);
	set->a[set->n].prev = set->head[client_id];
	set->head[client_id] = ++set->n;
	return &set->a[set->n - 1];
}

int lg_aging_bucket(const char *due, const char *asof, char (*bounds)[DATE_LEN], int n_ranges)
{
	int k;

	if (strcmp(due, asof) >= 0)
		return -1;
	for (k = 0; k < n_ranges - 1 && strcmp(due, bounds[k]) < 0; k++)
		;
	if (k == n_ranges - 1 && strcmp(due, bounds[k]) < 0)
		k = n_ranges;
	return k;
}

/* One open item into its client's row, bucketed by due date. */
static int agg_item(int64_t cid, const char *cur, char side, const char *due, int64_t open,
                    void *ud)
{
	agg_set *set = ud;
	agg *r = agg_row(set, cid, cur);
	int k;

	if (!r) {
		set->nomem = 1;
		return 1;
	}
	if (side == 'C') {
		set->ovf |= __builtin_add_overflow(r->credits, open, &r->credits);
		r->n_credits++;
		return 0;
	}
	set->ovf |= __builtin_add_overflow(r->charges, open, &r->charges);
	if ((k = lg_aging_bucket(due, set->asof, set->bounds, set->n_ranges)) < 0) {
		set->ovf |= __builtin_add_overflow(r->not_due, open, &r->not_due);
		r->n_due++;
		return 0;
	}
	r->n_overdue++;
	set->ovf |= __builtin_add_overflow(r->range[k], open, &r->range[k]);
	if (!r->oldest[0] || strcmp(due, r->oldest) < 0)
		snprintf(r->oldest, sizeof r->oldest, "%s", due);
	return 0;
}

/* The four totals, from the open items as of any date. */
typedef struct tot_set {
	totals *rows;
	int n, ovf;
	const char *asof;
} tot_set;

static int tot_item(int64_t cid, const char *cur, char side, const char *due, int64_t open,
                    void *ud)
{
	tot_set *ts = ud;
	totals *t = NULL;

	(void)cid;
	for (int i = 0; i < ts->n && !t; i++)
		if (!strcmp(ts->rows[i].currency, cur))
			t = &ts->rows[i];
	if (!t) {
		if (ts->n == LEDGER_MAX_CURRENCIES)
			return 0;
		t = &ts->rows[ts->n++];
		memset(t, 0, sizeof *t);
		snprintf(t->currency, sizeof t->currency, "%s", cur);
	}
	if (side == 'C') {
		ts->ovf |= __builtin_add_overflow(t->credits, open, &t->credits);
		t->n_credits++;
	} else if (strcmp(due, ts->asof) >= 0) {
		ts->ovf |= __builtin_add_overflow(t->due, open, &t->due);
		t->n_due++;
	} else {
		ts->ovf |= __builtin_add_overflow(t->overdue, open, &t->overdue);
		t->n_overdue++;
	}
	return 0;
}

static int totals_items(ledger *l, int64_t client_id, const char *asof, totals *rows, int *n,
                        cart_err *e)
{
	tot_set ts = { rows, 0, 0, asof };
	int rc = lg_items_asof(l, asof, client_id, tot_item, &ts, e);

	*n = ts.n;
	for (int i = 0; i < *n && !ts.ovf; i++)
		ts.ovf |= __builtin_add_overflow(rows[i].due, rows[i].overdue, &rows[i].net) ||
		          __builtin_sub_overflow(rows[i].net, rows[i].credits, &rows[i].net);
	if (rc == CART_OK && ts.ovf)
		return cart_fail(e, CART_CORRUPT, _("the ledger %s holds amounts too large to add up:"
		                 " it was edited by hand; run 'cartera check'"), l->path);
	/* in currency order, as the general query gives them */
	for (int i = 1; i < *n; i++)
		for (int j = i; j > 0 && strcmp(rows[j - 1].currency, rows[j].currency) > 0; j--) {
			totals t = rows[j];

			rows[j] = rows[j - 1];
			rows[j - 1] = t;
		}
	return rc;
}

static int agg_cmp(const void *a, const void *b)
{
	const agg *x = a, *y = b;

	if (x->client_id != y->client_id)
		return x->client_id < y->client_id ? -1 : 1;
	return strcmp(x->currency, y->currency);
}

/* The dashboard's totals (ledger_totals) from the rows of the aging: the same open items,
 * due when not yet due, overdue in any range. */
static int agg_totals(const agg_set *set, totals *rows, int *n)
{
	int ovf = 0;

	*n = 0;
	for (size_t i = 0; i < set->n; i++) {
		const agg *a = &set->a[i];
		int64_t over = 0;
		totals *t = NULL;

		for (int k = 0; k < *n && !t; k++)
			if (!strcmp(rows[k].currency, a->currency))
				t = &rows[k];
		if (!t) {
			if (*n == LEDGER_MAX_CURRENCIES)
				continue;
			t = &rows[(*n)++];
			memset(t, 0, sizeof *t);
			memcpy(t->currency, a->currency, sizeof t->currency);
		}
		for (int k = 0; k <= LEDGER_MAX_RANGES; k++)
			ovf |= __builtin_add_overflow(over, a->range[k], &over);
		ovf |= __builtin_add_overflow(t->due, a->not_due, &t->due) ||
		       __builtin_add_overflow(t->overdue, over, &t->overdue) ||
		       __builtin_add_overflow(t->credits, a->credits, &t->credits);
		t->n_due += a->n_due;
		t->n_overdue += a->n_overdue;
		t->n_credits += a->n_credits;
	}
	for (int i = 0; i < *n && !ovf; i++)
		ovf |= __builtin_add_overflow(rows[i].due, rows[i].overdue, &rows[i].net) ||
		       __builtin_sub_overflow(rows[i].net, rows[i].credits, &rows[i].net);
	/* in currency order, as ledger_totals gives them */
	for (int i = 1; i < *n; i++)
		for (int j = i; j > 0 && strcmp(rows[j - 1].currency, rows[j].currency) > 0; j--) {
			totals t = rows[j];

			rows[j] = rows[j - 1];
			rows[j - 1] = t;
		}
	return ovf;
}

static int aging_items(ledger *l, int64_t client_id, const char *asof,
                       char bounds[LEDGER_MAX_RANGES][DATE_LEN], int n_ranges, date_t today,
                       aging_totals_cb tcb, aging_cb cb, void *ud, cart_err *e)
{
	agg_set set = { .asof = asof, .bounds = bounds, .n_ranges = n_ranges };
	sqlite3_stmt *s = NULL;
	aging_row row;
	char name[200];
	date_t old;
	int rc;

	if ((rc = lg_items_asof(l, asof, client_id, agg_item, &set, e)) != CART_OK)
		goto out;
	if (set.nomem) {
		rc = cart_fail(e, CART_NOMEM, _("out of memory computing the aging"));
		goto out;
	}
	if (set.ovf) {
		rc = cart_fail(e, CART_CORRUPT, _("the ledger %s holds amounts too large to add up:"
		               " it was edited by hand; run 'cartera check'"), l->path);
		goto out;
	}
	if (tcb) {
		totals t[LEDGER_MAX_CURRENCIES];
		int nt;

		if (agg_totals(&set, t, &nt)) {
			rc = cart_fail(e, CART_CORRUPT, _("the ledger %s holds amounts too large to add"
			               " up: it was edited by hand; run 'cartera check'"), l->path);
			goto out;
		}
		if ((rc = tcb(t, nt, ud, e)) != CART_OK)
			goto out;
	}
	if (set.n > 1)
		qsort(set.a, set.n, sizeof set.a[0], agg_cmp);
	if ((rc = lg_prepare(l, client_id ? name_sql : names_sql, &s)) != SQLITE_OK) {
		rc = lg_dberr(l, rc, _("preparing the aging"), e);
		goto out;
	}
	if (client_id)
		lg_bind_int(s, 1, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		agg key = { .client_id = sqlite3_column_int64(s, 0) };
		size_t lo = 0, hi = set.n;

		/* the first row of this client, by binary search */
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (set.a[mid].client_id < key.client_id)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == set.n || set.a[lo].client_id != key.client_id)
			continue;
		lg_copy(name, sizeof name, sqlite3_column_text(s, 1));
		for (; lo < set.n && set.a[lo].client_id == key.client_id; lo++) {
			const agg *a = &set.a[lo];

			memset(&row, 0, sizeof row);
			row.client_id = a->client_id;
			row.name = name;
			memcpy(row.currency, a->currency, 4);
			row.not_due = a->not_due;
			memcpy(row.range, a->range, sizeof row.range);
			row.open_charges = a->charges;
			row.credits = a->credits;
			row.net = a->charges - a->credits;
			if (a->oldest[0] && date_parse(a->oldest, &old, CART_IGNORED) == CART_OK)
				row.oldest_days = today - old;
			if (cb(&row, ud))
				goto done;
		}
	}
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("computing the aging"), e);
		goto out;
	}
done:
	rc = CART_OK;
out:
	lg_finalize(l, s);
	free(set.a);
	free(set.head);
	return rc;
}

static int aging(ledger *l, int64_t client_id, const char *asof, const int *ranges,
                 int n_ranges, int by_sql, aging_totals_cb tcb, aging_cb cb, void *ud,
                 cart_err *e);

int ledger_aging(ledger *l, const char *asof, const int *ranges, int n_ranges, aging_cb cb, void *ud,
                 cart_err *e)
{
	return aging(l, 0, asof, ranges, n_ranges, 0, NULL, cb, ud, e);
}

int lg_aging_client(ledger *l, int64_t client_id, const char *asof, const int *ranges,
                    int n_ranges, aging_cb cb, void *ud, cart_err *e)
{
	if (client_id <= 0)
		return cart_fail(e, CART_INVALID, _("client %lld does not exist"), (long long)client_id);
	return aging(l, client_id, asof, ranges, n_ranges, 0, NULL, cb, ud, e);
}

int ledger_aging_totals(ledger *l, const char *asof, const int *ranges, int n_ranges,
                        aging_totals_cb tcb, aging_cb cb, void *ud, cart_err *e)
{
	return aging(l, 0, asof, ranges, n_ranges, 0, tcb, cb, ud, e);
}

int lg_aging_by_sql(ledger *l, const char *asof, const int *ranges, int n_ranges, aging_cb cb,
                    void *ud, cart_err *e)
{
	return aging(l, 0, asof, ranges, n_ranges, 1, NULL, cb, ud, e);
}

int lg_aging_bounds(const char *asof, const int *ranges, int n_ranges,
                    char bounds[LEDGER_MAX_RANGES][DATE_LEN], cart_err *e)
{
	date_t today;

	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	if (n_ranges < 1 || n_ranges > LEDGER_MAX_RANGES)
		return cart_fail(e, CART_INVALID, _("aging needs from 1 to %d ranges"), LEDGER_MAX_RANGES);
	for (int i = 0; i < n_ranges; i++)
		if (ranges[i] < 1 || (i && ranges[i] <= ranges[i - 1]))
			return cart_fail(e, CART_INVALID, _("aging ranges must be increasing day counts"));
	date_parse(asof, &today, CART_IGNORED);
	for (int i = 0; i < LEDGER_MAX_RANGES; i++) {
		if (i < n_ranges)
			date_format(date_add_days(today, -ranges[i]), bounds[i]);
		else
			bounds[i][0] = '\0';
	}
	return CART_OK;
}

static int aging(ledger *l, int64_t client_id, const char *asof, const int *ranges,
                 int n_ranges, int by_sql, aging_totals_cb tcb, aging_cb cb, void *ud,
                 cart_err *e)
{
	char bounds[LEDGER_MAX_RANGES][DATE_LEN];
	sqlite3_stmt *s;
	aging_row row;
	char name[200];
	date_t today, old;
	int rc;

	if ((rc = lg_aging_bounds(asof, ranges, n_ranges, bounds, e)) != CART_OK)
		return rc;
	date_parse(asof, &today, CART_IGNORED);
	if (!by_sql)
		return aging_items(l, client_id, asof, bounds, n_ranges, today, tcb, cb, ud, e);
	rc = lg_prepare(l, aging_sql, &s);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the aging"), e);
	lg_bind_text(s, 1, asof);
	client_range(s, 0);
	for (int i = 0; i < LEDGER_MAX_RANGES; i++)
		lg_bind_text(s, 4 + i, bounds[i]);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		row.client_id = sqlite3_column_int64(s, 0);
		lg_copy(name, sizeof name, sqlite3_column_text(s, 1));
		row.name = name;
		lg_copy(row.currency, sizeof row.currency, sqlite3_column_text(s, 2));
		row.not_due = sqlite3_column_int64(s, 3);
		for (int i = 0; i <= LEDGER_MAX_RANGES; i++)
			row.range[i] = sqlite3_column_int64(s, 4 + i);
		/* with bound n-1 the last real one, range n already took everything older */
		row.open_charges = sqlite3_column_int64(s, 13);
		row.credits = sqlite3_column_int64(s, 14);
		row.net = row.open_charges - row.credits;
		if (sqlite3_column_type(s, 15) != SQLITE_NULL &&
		    date_parse((const char *)sqlite3_column_text(s, 15), &old, CART_IGNORED) == CART_OK)
			row.oldest_days = today - old;
		if (cb(&row, ud))
			break;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("computing the aging"), e);
	return CART_OK;
}
