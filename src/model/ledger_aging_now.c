/* The aging of every client now, a window at a time (issue 14: opening the aging screen took
 * 625 ms of CPU on the benchmark ledger). What is open per currency, side and due date
 * (due_open) and how many entries of each client and currency are open (balances.open_n) are
 * kept by the triggers of schema 023; the totals are bucketed from the first with the aging's
 * own bucketing (lg_aging_bucket), the rows counted from the second, and a page read by walking
 * the clients' name index (clients_key_order) from the last row shown, joined to the balances
 * with something open. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"
#include "ledger_aging_now.h"

/* Several statements, one snapshot: a clerk posting meanwhile is not half seen. */
static int read_begin(ledger *l, int *txn, cart_err *e)
{
	*txn = sqlite3_get_autocommit(l->db);
	return *txn ? lg_exec(l, "BEGIN", _("reading the ledger"), e) : CART_OK;
}

static void read_end(ledger *l, int txn)
{
	if (txn)
		lg_exec(l, "COMMIT", _("reading the ledger"), CART_IGNORED);
}

static int corrupt(ledger *l, cart_err *e)
{
	return cart_fail(e, CART_CORRUPT, _("the ledger %s holds amounts too large to add up:"
	                 " it was edited by hand; run 'cartera check'"), l->path);
}

int ledger_asof_is_now(ledger *l, const char *asof, int *now, cart_err *e)
{
	*now = 0;
	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	return lg_asof_is_now(l, asof, now, e);
}

/* CART_INVALID unless asof is now (inside the caller's snapshot). */
static int need_now(ledger *l, const char *asof, cart_err *e)
{
	int now = 0, rc = lg_asof_is_now(l, asof, &now, e);

	if (rc == CART_OK && !now)
		rc = cart_fail(e, CART_INVALID, _("the kept open amounts answer as of today (%s is"
		               " before the ledger's latest date)"), asof);
	return rc;
}

/* The row of currency cur, added in currency order when new; NULL when there are already
 * LEDGER_MAX_CURRENCIES. */
static aging_total *total_of(aging_total *rows, int *n, const char *cur)
{
	int i;

	for (i = 0; i < *n && strcmp(rows[i].currency, cur) < 0; i++)
		;
	if (i < *n && !strcmp(rows[i].currency, cur))
		return &rows[i];
	if (*n == LEDGER_MAX_CURRENCIES)
		return NULL;
	memmove(&rows[i + 1], &rows[i], sizeof *rows * (size_t)(*n - i));
	(*n)++;
	memset(&rows[i], 0, sizeof rows[i]);
	snprintf(rows[i].currency, sizeof rows[i].currency, "%s", cur);
	return &rows[i];
}

int ledger_aging_now_totals(ledger *l, const char *asof, const int *ranges, int n_ranges,
                            aging_total *rows, int *n, cart_err *e)
{
	/* in key order: currency, side, due date */
	static const char sums_sql[] = "SELECT currency, side, due, open FROM due_open";
	static const char rows_sql[] = "SELECT currency FROM balances WHERE open_n > 0";
	char bounds[LEDGER_MAX_RANGES][DATE_LEN];
	sqlite3_stmt *s = NULL;
	int rc, txn, ovf = 0;

	*n = 0;
	if ((rc = lg_aging_bounds(asof, ranges, n_ranges, bounds, e)) != CART_OK)
		return rc;
	if ((rc = read_begin(l, &txn, e)) != CART_OK)
		return rc;
	if ((rc = need_now(l, asof, e)) != CART_OK)
		goto out;
	if ((rc = lg_prepare(l, sums_sql, &s)) != SQLITE_OK) {
		rc = lg_dberr(l, rc, _("preparing the aging's totals"), e);
		goto out;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *cur = (const char *)sqlite3_column_text(s, 0);
		const char *side = (const char *)sqlite3_column_text(s, 1);
		const char *due = (const char *)sqlite3_column_text(s, 2);
		int64_t open = sqlite3_column_int64(s, 3);
		aging_total *t;
		int k;

		if (!open || !cur || !side || !due || !(t = total_of(rows, n, cur)))
			continue;
		if (*side == 'C') {
			ovf |= __builtin_add_overflow(t->credits, open, &t->credits);
			continue;
		}
		ovf |= __builtin_add_overflow(t->open_charges, open, &t->open_charges);
		if ((k = lg_aging_bucket(due, asof, bounds, n_ranges)) < 0)
			ovf |= __builtin_add_overflow(t->not_due, open, &t->not_due);
		else
			ovf |= __builtin_add_overflow(t->range[k], open, &t->range[k]);
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("reading the aging's totals"), e);
		goto out;
	}
	if ((rc = lg_prepare(l, rows_sql, &s)) != SQLITE_OK) {
		rc = lg_dberr(l, rc, _("preparing the aging's totals"), e);
		goto out;
	}
	/* one small row per client and currency; counted here, not sorted by SQLite to group them */
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *cur = (const char *)sqlite3_column_text(s, 0);
		aging_total *t;

		if (cur && (t = total_of(rows, n, cur)))
			t->rows++;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("reading the aging's totals"), e);
		goto out;
	}
	for (int i = 0; i < *n; i++)
		ovf |= __builtin_sub_overflow(rows[i].open_charges, rows[i].credits, &rows[i].net);
	rc = ovf ? corrupt(l, e) : CART_OK;
out:
	read_end(l, txn);
	if (rc != CART_OK)
		*n = 0;
	return rc;
}

int ledger_aging_now_count(ledger *l, int64_t *n, cart_err *e)
{
	*n = 0;
	return lg_scalar_int(l, "SELECT count(*) FROM balances WHERE open_n > 0", 0, n, e);
}

/* The walk: the clients in name order (clients_key_order, which carries the name), each joined
 * to its balances with something open (their key is client and currency, so a client's rows come
 * in currency order); CROSS JOIN keeps the clients outside, so the name index gives the order
 * and no rows are sorted. From a pair: the clients from its name key on (back: up to it), the
 * pair itself and its client's currencies on its near side left out. */
#define WALK_FROM " FROM clients c CROSS JOIN balances b ON b.client_id = c.id WHERE b.open_n > 0"
static const char walk_first_sql[] =
	"SELECT c.id, c.name, b.currency" WALK_FROM
	" ORDER BY c.name_key, c.id, b.currency LIMIT ?1";
static const char walk_last_sql[] =
	"SELECT c.id, c.name, b.currency" WALK_FROM
	" ORDER BY c.name_key DESC, c.id DESC, b.currency DESC LIMIT ?1";
static const char walk_next_sql[] =
	"SELECT c.id, c.name, b.currency" WALK_FROM
	" AND (c.name_key, c.id) >= (?2, ?3) AND (c.id <> ?3 OR b.currency > ?4)"
	" ORDER BY c.name_key, c.id, b.currency LIMIT ?1";
static const char walk_prev_sql[] =
	"SELECT c.id, c.name, b.currency" WALK_FROM
	" AND (c.name_key, c.id) <= (?2, ?3) AND (c.id <> ?3 OR b.currency < ?4)"
	" ORDER BY c.name_key DESC, c.id DESC, b.currency DESC LIMIT ?1";

int ledger_aging_now_walk(ledger *l, int64_t client_id, const char *currency, int desc,
                          int limit, aging_pair_cb cb, void *ud, cart_err *e)
{
	static const char key_sql[] = "SELECT name_key FROM clients WHERE id = ?1";
	const char *sql = client_id ? (desc ? walk_prev_sql : walk_next_sql)
	                            : (desc ? walk_last_sql : walk_first_sql);
	sqlite3_stmt *s, *k = NULL;
	int rc;

	if (limit <= 0)
		return CART_OK;
	if (client_id) {
		if ((rc = lg_prepare(l, key_sql, &k)) != SQLITE_OK)
			return lg_dberr(l, rc, _("preparing the aging"), e);
		lg_bind_int(k, 1, client_id);
		if ((rc = sqlite3_step(k)) != SQLITE_ROW) {
			lg_finalize(l, k);
			if (rc == SQLITE_DONE)
				return cart_fail(e, CART_NOTFOUND, _("client %lld does not exist"),
				                 (long long)client_id);
			return lg_dberr(l, rc, _("reading the aging"), e);
		}
	}
	if ((rc = lg_prepare(l, sql, &s)) != SQLITE_OK) {
		lg_finalize(l, k);
		return lg_dberr(l, rc, _("preparing the aging"), e);
	}
	lg_bind_int(s, 1, limit);
	if (client_id) {
		/* the key as stored (text), bound before its statement is given back */
		sqlite3_bind_value(s, 2, sqlite3_column_value(k, 0));
		lg_bind_int(s, 3, client_id);
		lg_bind_text(s, 4, currency ? currency : "");
		lg_finalize(l, k);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 2),
		       (const char *)sqlite3_column_text(s, 1), ud)) {
			rc = SQLITE_DONE;
			break;
		}
	lg_finalize(l, s);
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("reading the aging"), e);
}

/* ---- every row in another order ---- */

typedef struct sort_row {
	int64_t client_id;
	int64_t net;
	int64_t rank;               /* the client's place in name order */
	char currency[4];
	char oldest[DATE_LEN];      /* the earliest due date of an overdue charge; "" none */
} sort_row;

/* What is sorted: a compact key per row (the copying and comparing of whole rows was a third
 * of the time): a, then b, the row's place in name order (its client's place, then its
 * currency's among the client's), which also names the row (through by_rank). */
typedef struct sort_key {
	int64_t a, b;
} sort_key;

#define RANK_BITS 8     /* a client's currencies: at most 255 */

static int by_debt(const void *pa, const void *pb)
{
	const sort_key *x = pa, *y = pb;

	if (x->a != y->a)
		return x->a > y->a ? -1 : 1;
	return (x->b > y->b) - (x->b < y->b);
}

static int by_oldest(const void *pa, const void *pb)
{
	const sort_key *x = pa, *y = pb;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return (x->b > y->b) - (x->b < y->b);
}

/* "YYYY-MM-DD" as YYYYMMDD, in the same order; none: after every date */
static int64_t date_key(const char *d)
{
	int64_t k = 0;

	if (!d[0])
		return INT64_MAX;
	for (; *d; d++)
		if (*d >= '0' && *d <= '9')
			k = k * 10 + (*d - '0');
	return k;
}

/* The overdue open charges in due-date order (the partial indexes entries_dash and
 * instalments_dash, which cover these columns): a pair's first is its oldest. first[id] is 1 +
 * the index of the client's first row (its rows are next to each other, a sentinel after the
 * last). */
static int oldest_scan(ledger *l, const char *sql, const char *asof, sort_row *v,
                       const size_t *first, int64_t nfirst, cart_err *e)
{
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s);

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the aging"), e);
	lg_bind_text(s, 1, asof);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t cid = sqlite3_column_int64(s, 0);
		const char *cur, *due;

		if (cid < 0 || cid >= nfirst || !first[cid])
			continue;
		cur = (const char *)sqlite3_column_text(s, 1);
		for (size_t i = first[cid] - 1; cur && v[i].client_id == cid; i++) {
			if (strcmp(v[i].currency, cur))
				continue;
			due = (const char *)sqlite3_column_text(s, 2);
			if (due && (!v[i].oldest[0] || strcmp(due, v[i].oldest) < 0))
				snprintf(v[i].oldest, sizeof v[i].oldest, "%s", due);
			break;
		}
	}
	lg_finalize(l, s);
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("reading the aging"), e);
}

/* The pairs come from the balances in key order (client, currency: a read of one small table,
 * where joining each client of the name index to its balances cost 24 ms on the benchmark
 * ledger), the clients' places in name order from the name index, and the sort is here. */
int ledger_aging_now_sorted(ledger *l, const char *asof, int order, aging_pair **pairs, size_t *n,
                            cart_err *e)
{
	static const char rows_sql[] =
		"SELECT client_id, currency, charges - credits FROM balances WHERE open_n > 0";
	static const char names_sql[] = "SELECT id FROM clients ORDER BY name_key, id";
	static const char entries_sql[] =
		"SELECT client_id, currency, due_date FROM entries"
		" WHERE open <> 0 AND n_inst = 0 AND side = 'D' AND due_date < ?1";
	static const char inst_sql[] =
		"SELECT client_id, currency, due_date FROM instalments WHERE open <> 0 AND due_date < ?1";
	sort_row *v = NULL;
	size_t nv = 0, cap = 0, *first = NULL;
	int64_t maxid = 0, rank = 0, *rank_of = NULL;
	sqlite3_stmt *s;
	int rc, txn;

	*pairs = NULL;
	*n = 0;
	if (order != AGING_NOW_BY_DEBT && order != AGING_NOW_BY_OLDEST)
		return cart_fail(e, CART_INVALID, _("unknown order %d of the aging"), order);
	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	if ((rc = read_begin(l, &txn, e)) != CART_OK)
		return rc;
	if ((rc = need_now(l, asof, e)) != CART_OK)
		goto out;
	if ((rc = lg_prepare(l, rows_sql, &s)) != SQLITE_OK) {
		rc = lg_dberr(l, rc, _("preparing the aging"), e);
		goto out;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sort_row *r;

		/* one more for the sentinel */
		if (nv + 1 >= cap) {
			size_t c2 = cap ? cap * 2 : 1024;
			sort_row *m = realloc(v, sizeof *m * c2);

			if (!m) {
				rc = SQLITE_NOMEM;
				break;
			}
			v = m;
			cap = c2;
		}
		r = &v[nv++];
		r->client_id = sqlite3_column_int64(s, 0);
		lg_copy(r->currency, sizeof r->currency, sqlite3_column_text(s, 1));
		r->net = sqlite3_column_int64(s, 2);
		r->rank = -1;
		r->oldest[0] = '\0';
		if (r->client_id > maxid)
			maxid = r->client_id;
	}
	lg_finalize(l, s);
	if (rc == SQLITE_NOMEM) {
		rc = cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
		goto out;
	}
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("reading the aging"), e);
		goto out;
	}
	rc = CART_OK;
	if (!nv)
		goto out;
	if ((uint64_t)maxid >= SIZE_MAX / sizeof *first) {
		rc = cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
		goto out;
	}
	v[nv].client_id = -1;
	/* each client's place in name order, by id (stored where it falls), then onto its rows (in
	 * id order: both read in order; setting the rows from the names' order missed the cache at
	 * every client, a third of the time) */
	if (!(rank_of = calloc((size_t)maxid + 1, sizeof *rank_of))) {
		rc = cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
		goto out;
	}
	if ((rc = lg_prepare(l, names_sql, &s)) != SQLITE_OK) {
		rc = lg_dberr(l, rc, _("preparing the aging"), e);
		goto out;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t cid = sqlite3_column_int64(s, 0);

		rank++;
		if (cid >= 0 && cid <= maxid)
			rank_of[cid] = rank;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("reading the aging"), e);
		goto out;
	}
	for (size_t i = 0; i < nv; i++)
		v[i].rank = v[i].client_id >= 0 ? rank_of[v[i].client_id] - 1 : -1;
	rc = CART_OK;
	if (order == AGING_NOW_BY_OLDEST) {
		if (!(first = calloc((size_t)maxid + 1, sizeof *first))) {
			rc = cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
			goto out;
		}
		for (size_t i = nv; i-- > 0;)
			if (v[i].client_id >= 0)
				first[v[i].client_id] = i + 1;
	}
	if (order == AGING_NOW_BY_OLDEST &&
	    ((rc = oldest_scan(l, entries_sql, asof, v, first, maxid + 1, e)) != CART_OK ||
	     (rc = oldest_scan(l, inst_sql, asof, v, first, maxid + 1, e)) != CART_OK))
		goto out;
	/* a balance of a client that is gone (a hand-edited ledger) has no place: it is left out,
	 * as the aging leaves it */
	{
		sort_key *k = malloc(sizeof *k * nv);
		size_t *by_rank = malloc(sizeof *by_rank * ((size_t)rank + 1));
		size_t m = 0, pos = 0;

		if (!k || !by_rank || !(*pairs = malloc(sizeof **pairs * nv))) {
			free(k);
			free(by_rank);
			rc = cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
			goto out;
		}
		for (size_t i = 0; i < nv; i++) {
			pos = i && v[i - 1].client_id == v[i].client_id ? pos + 1 : 0;

			if (v[i].rank < 0 || pos >= (1u << RANK_BITS))
				continue;
			if (!pos)
				by_rank[v[i].rank] = i;
			k[m].a = order == AGING_NOW_BY_DEBT ? v[i].net : date_key(v[i].oldest);
			k[m++].b = v[i].rank << RANK_BITS | (int64_t)pos;
		}
		if (m > 1)
			qsort(k, m, sizeof *k, order == AGING_NOW_BY_DEBT ? by_debt : by_oldest);
		for (size_t i = 0; i < m; i++) {
			const sort_row *r = &v[by_rank[k[i].b >> RANK_BITS] +
			                       (size_t)(k[i].b & ((1 << RANK_BITS) - 1))];

			(*pairs)[i].client_id = r->client_id;
			memcpy((*pairs)[i].currency, r->currency, sizeof r->currency);
		}
		nv = m;
		free(k);
		free(by_rank);
	}
	*n = nv;
out:
	read_end(l, txn);
	free(v);
	free(first);
	free(rank_of);
	return rc;
}

int ledger_aging_client(ledger *l, int64_t client_id, const char *asof, const int *ranges,
                        int n_ranges, aging_cb cb, void *ud, cart_err *e)
{
	return lg_aging_client(l, client_id, asof, ranges, n_ranges, cb, ud, e);
}
