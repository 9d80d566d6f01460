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
	size_t rank;                /* in name order */
	char currency[4];
	char oldest[DATE_LEN];      /* the earliest due date of an overdue charge; "" none */
} sort_row;

static int by_debt(const void *pa, const void *pb)
{
	const sort_row *a = pa, *b = pb;

	if (a->net != b->net)
		return a->net > b->net ? -1 : 1;
	return (a->rank > b->rank) - (a->rank < b->rank);
}

static int by_oldest(const void *pa, const void *pb)
{
	const sort_row *a = pa, *b = pb;
	int c;

	if (!a->oldest[0] != !b->oldest[0])
		return a->oldest[0] ? -1 : 1;
	if ((c = strcmp(a->oldest, b->oldest)))
		return c;
	return (a->rank > b->rank) - (a->rank < b->rank);
}

/* The overdue open charges as they come (in due-date order of the partial indexes
 * entries_dash and instalments_dash, which cover these columns): each pair keeps the first. */
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
		const char *cur = (const char *)sqlite3_column_text(s, 1);
		const char *due = (const char *)sqlite3_column_text(s, 2);

		if (cid < 0 || cid >= nfirst || !first[cid] || !cur || !due)
			continue;
		for (size_t i = first[cid] - 1; v[i].client_id == cid; i++) {
			if (strcmp(v[i].currency, cur))
				continue;
			if (!v[i].oldest[0] || strcmp(due, v[i].oldest) < 0)
				snprintf(v[i].oldest, sizeof v[i].oldest, "%s", due);
			break;
		}
	}
	lg_finalize(l, s);
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("reading the aging"), e);
}

int ledger_aging_now_sorted(ledger *l, const char *asof, int order, aging_pair **pairs, size_t *n,
                            cart_err *e)
{
	static const char rows_sql[] =
		"SELECT c.id, b.currency, b.charges - b.credits" WALK_FROM
		" ORDER BY c.name_key, c.id, b.currency";
	static const char entries_sql[] =
		"SELECT client_id, currency, due_date FROM entries"
		" WHERE open <> 0 AND n_inst = 0 AND side = 'D' AND due_date < ?1";
	static const char inst_sql[] =
		"SELECT client_id, currency, due_date FROM instalments WHERE open <> 0 AND due_date < ?1";
	sort_row *v = NULL;
	size_t nv = 0, cap = 0, *first = NULL;
	int64_t maxid = 0;
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

		if (nv == cap) {
			size_t c2 = cap ? cap * 2 : 1024;
			sort_row *m = realloc(v, sizeof *m * c2);

			if (!m) {
				rc = SQLITE_NOMEM;
				break;
			}
			v = m;
			cap = c2;
		}
		r = &v[nv];
		r->client_id = sqlite3_column_int64(s, 0);
		lg_copy(r->currency, sizeof r->currency, sqlite3_column_text(s, 1));
		r->net = sqlite3_column_int64(s, 2);
		r->rank = nv++;
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
	if (order == AGING_NOW_BY_OLDEST && nv) {
		/* a client's rows are next to each other: first[id] is 1 + the index of its first;
		 * a sentinel row ends the last client's run */
		sort_row *m = realloc(v, sizeof *m * (nv + 1));

		if (m)
			v = m;
		if (!m || (uint64_t)maxid >= SIZE_MAX / sizeof *first ||
		    !(first = calloc((size_t)maxid + 1, sizeof *first))) {
			rc = cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
			goto out;
		}
		v[nv].client_id = -1;
		for (size_t i = nv; i-- > 0;)
			first[v[i].client_id < 0 ? 0 : v[i].client_id] = i + 1;
		if ((rc = oldest_scan(l, entries_sql, asof, v, first, maxid + 1, e)) != CART_OK ||
		    (rc = oldest_scan(l, inst_sql, asof, v, first, maxid + 1, e)) != CART_OK)
			goto out;
	}
	if (nv > 1)
		qsort(v, nv, sizeof *v, order == AGING_NOW_BY_DEBT ? by_debt : by_oldest);
	if (nv && !(*pairs = malloc(sizeof **pairs * nv))) {
		rc = cart_fail(e, CART_NOMEM, _("out of memory sorting the aging"));
		goto out;
	}
	for (size_t i = 0; i < nv; i++) {
		(*pairs)[i].client_id = v[i].client_id;
		memcpy((*pairs)[i].currency, v[i].currency, sizeof v[i].currency);
	}
	*n = nv;
out:
	read_end(l, txn);
	free(v);
	free(first);
	return rc;
}

int ledger_aging_client(ledger *l, int64_t client_id, const char *asof, const int *ranges,
                        int n_ranges, aging_cb cb, void *ud, cart_err *e)
{
	return lg_aging_client(l, client_id, asof, ranges, n_ranges, cb, ud, e);
}
