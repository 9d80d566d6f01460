/* The aging of every client now, a window at a time (issue 14: opening the aging screen took
 * 625 ms of CPU on the benchmark ledger). Schema 023 keeps, moved by triggers, what is open per
 * currency, side and due date (due_open) and with each balance the count of its open entries
 * (open_n) and the earliest due date of its open charges (due_min). The totals are bucketed from
 * due_open with the aging's own bucketing (lg_aging_bucket) and the rows counted from open_n; a
 * page is a walk of the clients' name index (clients_key_order) from the last row shown, joined
 * to the balances with something open; the orders by debt and by oldest sort the balances (the
 * net, due_min) with ties in name order; one client's rows are ledger_aging's own code. A
 * balance whose client is gone (a hand-edited ledger: check names it) is left out of the walk
 * and the order by oldest, as ledger_aging leaves it out; the totals, the count and the order
 * by debt, which read no names, keep it. */
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

/* What is sorted, 16 bytes a row (every array here is fresh memory, whose page faults were a
 * third of the time on the benchmark ledger): the key a (the net; or the earliest overdue due
 * date as YYYYMMDD, INT64_MAX for none), then t (the client's place in name order; for the
 * debt, first its id) and j, the row's index in the balances' key order (client, currency),
 * which also names it. */
typedef struct skey {
	int64_t a;
	int32_t t, j;
} skey;

/* a, then t, then j, ascending (the debt's net is kept as ~net, which orders it the other way
 * without overflow). Sorted in place here: the C library's sort copied each 16-byte key through
 * memcpy into a fresh buffer, a third of the debt order's time. */
static int kless(const skey *x, const skey *y)
{
	if (x->a != y->a)
		return x->a < y->a;
	if (x->t != y->t)
		return x->t < y->t;
	return x->j < y->j;
}

static void kswap(skey *x, skey *y)
{
	skey z = *x;

	*x = *y;
	*y = z;
}

/* Quicksort (median of three; the smaller side first, so the stack stays small), insertion sort
 * for short runs. Keys are all distinct (j). */
static void ksort(skey *v, size_t n)
{
	while (n > 16) {
		size_t mid = n / 2, i = 0, j = n - 1;
		skey pivot;

		if (kless(&v[mid], &v[0]))
			kswap(&v[mid], &v[0]);
		if (kless(&v[n - 1], &v[0]))
			kswap(&v[n - 1], &v[0]);
		if (kless(&v[n - 1], &v[mid]))
			kswap(&v[n - 1], &v[mid]);
		pivot = v[mid];
		for (;;) {
			while (kless(&v[i], &pivot))
				i++;
			while (kless(&pivot, &v[j]))
				j--;
			if (i >= j)
				break;
			kswap(&v[i++], &v[j--]);
		}
		/* v[0..j] <= pivot <= v[j+1..n-1] */
		if (j + 1 < n - j - 1) {
			ksort(v, j + 1);
			v += j + 1;
			n -= j + 1;
		} else {
			ksort(v + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	for (size_t i = 1; i < n; i++) {
		skey x = v[i];
		size_t j = i;

		for (; j > 0 && kless(&x, &v[j - 1]); j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* "YYYY-MM-DD" as YYYYMMDD, in the same order */
static int64_t date_key(const char *d)
{
	int64_t k = 0;

	for (; *d; d++)
		if (*d >= '0' && *d <= '9')
			k = k * 10 + (*d - '0');
	return k;
}

typedef struct srows {
	skey *k;
	int32_t *client;      /* by row */
	uint8_t *cur;         /* by row: an index into curs */
	size_t n, cap;
	char curs[16][4];
	int ncur;
	int32_t *first;       /* by client id: 1 + its first row; 0 none */
	int64_t maxid;
} srows;

static void srows_free(srows *r)
{
	free(r->k);
	free(r->client);
	free(r->cur);
	free(r->first);
}

/* By debt, rows of equal net (98 of 45,885 on the benchmark ledger) are put in name order
 * here, their clients' keys looked up; the rest never read a name. */
typedef struct named {
	char key[200];
	int64_t id;
	int32_t j;
} named;

static int by_key(const void *pa, const void *pb)
{
	const named *x = pa, *y = pb;
	int c = strcmp(x->key, y->key);

	if (c)
		return c;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->j > y->j) - (x->j < y->j);
}

static int name_ties(ledger *l, srows *r, cart_err *e)
{
	static const char sql[] = "SELECT name_key FROM clients WHERE id = ?1";
	size_t i = 0;

	while (i < r->n) {
		size_t end = i + 1, m = 0;
		named *v;

		while (end < r->n && r->k[end].a == r->k[i].a)
			end++;
		if (end - i == 1) {
			i = end;
			continue;
		}
		if (!(v = malloc(sizeof *v * (end - i))))
			return cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
		for (size_t x = i; x < end; x++) {
			sqlite3_stmt *s;
			int rc = lg_prepare(l, sql, &s);

			if (rc != SQLITE_OK) {
				free(v);
				return lg_dberr(l, rc, _("preparing the aging"), e);
			}
			lg_bind_int(s, 1, r->client[r->k[x].j]);
			rc = sqlite3_step(s);
			v[m].key[0] = '\0';
			if (rc == SQLITE_ROW)
				lg_copy(v[m].key, sizeof v[m].key, sqlite3_column_text(s, 0));
			lg_finalize(l, s);
			if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
				free(v);
				return lg_dberr(l, rc, _("reading the aging"), e);
			}
			v[m].id = r->client[r->k[x].j];
			v[m++].j = r->k[x].j;
		}
		qsort(v, m, sizeof *v, by_key);
		for (size_t x = 0; x < m; x++)
			r->k[i + x].j = v[x].j;
		free(v);
		i = end;
	}
	return CART_OK;
}

/* Every balance with something open, in key order (one read of a small table: joining each
 * client of the name index to its balances instead cost 24 ms on the benchmark ledger), with
 * its key: the net, or the earliest due date of its open charges when before asof. */
static int read_rows(ledger *l, const char *asof, int order, srows *r, cart_err *e)
{
	static const char sql[] =
		"SELECT client_id, currency, charges - credits, due_min FROM balances WHERE open_n > 0";
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s);

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the aging"), e);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t cid = sqlite3_column_int64(s, 0);
		const char *cur = (const char *)sqlite3_column_text(s, 1);
		int c;

		if (cid <= 0 || cid > INT32_MAX || !cur)
			continue;       /* no client has such an id: the aging has no such row */
		for (c = 0; c < r->ncur && strcmp(r->curs[c], cur); c++)
			;
		if (c == r->ncur) {
			if (c == (int)(sizeof r->curs / sizeof r->curs[0])) {
				lg_finalize(l, s);
				return cart_fail(e, CART_CORRUPT, _("the ledger %s holds balances in too"
				                 " many currencies: run 'cartera check'"), l->path);
			}
			snprintf(r->curs[r->ncur++], sizeof r->curs[0], "%s", cur);
		}
		if (r->n == r->cap) {
			size_t cap = r->cap ? r->cap * 2 : 4096;
			skey *k = realloc(r->k, sizeof *k * cap);
			int32_t *cl = k ? realloc(r->client, sizeof *cl * cap) : NULL;
			uint8_t *cu = cl ? realloc(r->cur, sizeof *cu * cap) : NULL;

			if (k)
				r->k = k;
			if (cl)
				r->client = cl;
			if (!cu) {
				lg_finalize(l, s);
				return cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
			}
			r->cur = cu;
			r->cap = cap;
		}
		if (order == AGING_NOW_BY_DEBT) {
			r->k[r->n].a = ~sqlite3_column_int64(s, 2);
		} else {
			const char *due = (const char *)sqlite3_column_text(s, 3);

			r->k[r->n].a = due && strcmp(due, asof) < 0 ? date_key(due) : INT64_MAX;
		}
		r->k[r->n].t = (int32_t)cid;
		r->k[r->n].j = (int32_t)r->n;
		r->client[r->n] = (int32_t)cid;
		r->cur[r->n] = (uint8_t)c;
		if (cid > r->maxid)
			r->maxid = cid;
		r->n++;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("reading the aging"), e);
	if (r->n > INT32_MAX)
		return cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
	if (order != AGING_NOW_BY_OLDEST)
		return CART_OK;
	if (!(r->first = calloc((size_t)r->maxid + 1, sizeof *r->first)))
		return cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
	for (size_t j = r->n; j-- > 0;)
		r->first[r->client[j]] = (int32_t)j + 1;
	return CART_OK;
}

/* Each row's client's place in name order (the name index read once); rows of a client that is
 * gone (a hand-edited ledger) are dropped, as the aging drops them. */
static int place_names(ledger *l, srows *r, cart_err *e)
{
	/* clients_key (schema 023): the key and the id alone */
	static const char sql[] = "SELECT id FROM clients INDEXED BY clients_key ORDER BY name_key, id";
	sqlite3_stmt *s;
	int32_t rank = 0;
	size_t m = 0;
	int rc = lg_prepare(l, sql, &s);

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the aging"), e);
	for (size_t j = 0; j < r->n; j++)
		r->k[j].t = -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t cid = sqlite3_column_int64(s, 0);

		rank++;
		if (cid > 0 && cid <= r->maxid && r->first[cid])
			for (size_t j = (size_t)r->first[cid] - 1; j < r->n && r->client[j] == cid; j++)
				r->k[j].t = rank;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("reading the aging"), e);
	for (size_t j = 0; j < r->n; j++)
		if (r->k[j].t >= 0)
			r->k[m++] = r->k[j];
	r->n = m;
	return CART_OK;
}

int ledger_aging_now_sorted(ledger *l, const char *asof, int order, aging_pair **pairs, size_t *n,
                            cart_err *e)
{
	srows r;
	int rc, txn;

	*pairs = NULL;
	*n = 0;
	memset(&r, 0, sizeof r);
	if (order != AGING_NOW_BY_DEBT && order != AGING_NOW_BY_OLDEST)
		return cart_fail(e, CART_INVALID, _("unknown order %d of the aging"), order);
	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	if ((rc = read_begin(l, &txn, e)) != CART_OK)
		return rc;
	if ((rc = need_now(l, asof, e)) != CART_OK ||
	    (rc = read_rows(l, asof, order, &r, e)) != CART_OK)
		goto out;
	if (order == AGING_NOW_BY_OLDEST && (rc = place_names(l, &r, e)) != CART_OK)
		goto out;
	ksort(r.k, r.n);
	if (order == AGING_NOW_BY_DEBT && (rc = name_ties(l, &r, e)) != CART_OK)
		goto out;
	if (r.n && !(*pairs = malloc(sizeof **pairs * r.n))) {
		rc = cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
		goto out;
	}
	for (size_t i = 0; i < r.n; i++) {
		int32_t j = r.k[i].j;

		(*pairs)[i].client_id = r.client[j];
		memcpy((*pairs)[i].currency, r.curs[r.cur[j]], sizeof (*pairs)[i].currency);
	}
	*n = r.n;
out:
	read_end(l, txn);
	srows_free(&r);
	return rc;
}

int ledger_aging_client(ledger *l, int64_t client_id, const char *asof, const int *ranges,
                        int n_ranges, aging_cb cb, void *ud, cart_err *e)
{
	return lg_aging_client(l, client_id, asof, ranges, n_ranges, cb, ud, e);
}
