/* The dashboard's clients tab (SPEC B2: balance, overdue, credit, oldest overdue days, follow-up)
 * and the client history that reminders are recorded in (F2). In name order, as of today, the
 * clients with something open are kept in name order (ledger_dash_memo.c) and a page reads only
 * its own clients; in other orders every client's figures are added up from the open-item
 * indexes and sorted in memory (one small row per client with something open), and that list is
 * kept for the next key. As of a past date the aging (ledger_aging) gives the figures.
 * Part of the model (ledger_dash.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_dash_int.h"
#include "ledger_followup_int.h"
#include "cartera/date.h"
#include "cartera/text.h"

static const char last_reminder_sql[] =
	"SELECT max(at) FROM client_history WHERE client_id = ?1 AND kind = 'reminder'";

/* ---- clients ---- */

typedef struct crow {
	int64_t client_id;
	char currency[4];
	int64_t due, overdue, credits, net;
	int oldest;
	int64_t rank;           /* position in name order */
	char reminder[24];
	char oldest_due[DATE_LEN];
} crow;

typedef struct cset {
	crow *r;
	size_t n, cap;
	const int64_t *keep;    /* the filter's clients, sorted; NULL: all */
	size_t nkeep;
	const dash_query *q;
	int fail;
} cset;

static int id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static int crow_cb(const aging_row *a, void *ud)
{
	cset *k = ud;
	const dash_query *q = k->q;
	crow *r;

	if (q->client_id && a->client_id != q->client_id)
		return 0;
	if (k->keep && !bsearch(&a->client_id, k->keep, k->nkeep, sizeof *k->keep, id_cmp))
		return 0;
	if ((q->has_min && a->oldest_days < q->days_min) || (q->has_max && a->oldest_days > q->days_max))
		return 0;
	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 256;
		crow *m = realloc(k->r, cap * sizeof *m);

		if (!m) {
			k->fail = 1;
			return 1;
		}
		k->r = m;
		k->cap = cap;
	}
	r = &k->r[k->n];
	memset(r, 0, sizeof *r);
	r->client_id = a->client_id;
	memcpy(r->currency, a->currency, 4);
	r->due = a->not_due;
	r->overdue = a->open_charges - a->not_due;
	r->credits = a->credits;
	r->net = a->net;
	r->oldest = a->oldest_days;
	r->rank = (int64_t)k->n;
	k->n++;
	return 0;
}

static int sort_col, sort_desc;

static int crow_cmp(const void *pa, const void *pb)
{
	const crow *a = pa, *b = pb;
	int c = 0;

	switch (sort_col) {
	case DCOL_BALANCE: c = (a->net > b->net) - (a->net < b->net); break;
	case DCOL_OVERDUE: c = (a->overdue > b->overdue) - (a->overdue < b->overdue); break;
	case DCOL_DUE: c = (a->due > b->due) - (a->due < b->due); break;
	case DCOL_CREDITS: c = (a->credits > b->credits) - (a->credits < b->credits); break;
	case DCOL_DAYS: c = (a->oldest > b->oldest) - (a->oldest < b->oldest); break;
	case DCOL_STATUS: c = strcmp(a->reminder, b->reminder); break;
	default: break;
	}
	if (!c)
		c = (a->rank > b->rank) - (a->rank < b->rank);
	return sort_desc ? -c : c;
}

static const char filter_clients_sql[] =
	LG_FIND_CLIENTS("?1") " ORDER BY 1";
static const char reminders_sql[] =
	"SELECT client_id, max(at) FROM client_history WHERE kind = 'reminder' GROUP BY client_id"
	" ORDER BY client_id";

/* ---- the clients tab's figures when nothing is dated after the as-of date ----
 * Every client's open items added up from the two partial indexes read in client order (as the
 * totals are), with no walk of the clients by name: orders other than the name's tie by client
 * id. Rows are passed to crow_cb in client id order. */
static const char cl_entries_sql[] =
	"SELECT client_id, currency, side, due_date, open FROM entries"
	" WHERE open <> 0 AND n_inst = 0 AND date <= ?1 AND client_id BETWEEN ?2 AND ?3"
	" ORDER BY client_id, currency";
static const char cl_inst_sql[] =
	"SELECT client_id, currency, 'D', due_date, open FROM instalments"
	" WHERE open <> 0 AND date <= ?1 AND client_id BETWEEN ?2 AND ?3"
	" ORDER BY client_id, currency";

static int crow_key_cmp(const crow *a, int64_t client_id, const char *cur)
{
	if (a->client_id != client_id)
		return a->client_id < client_id ? -1 : 1;
	return strcmp(a->currency, cur);
}

static int crow_order_cmp(const void *pa, const void *pb)
{
	const crow *b = pb;

	return crow_key_cmp(pa, b->client_id, b->currency);
}

/* Rows are added up in place in k->r: the first stream arrives in client order, the second is
 * merged into it by a cursor (both are in client order), what it adds is appended and the whole
 * sorted once. The filters then compact the array. */
static int client_aggregate_now(ledger *l, const dash_query *q, cset *k, cart_err *e)
{
	size_t n1 = 0, cur = 0, out = 0;
	date_t today, old;
	int rc = CART_OK, appended = 0, ovf = 0;

	date_parse(q->asof, &today, CART_IGNORED);
	for (int pass = 0; pass < 2 && rc == CART_OK; pass++) {
		sqlite3_stmt *s = lg_get(l, pass ? cl_inst_sql : cl_entries_sql, e);

		if (!s) {
			rc = e->code;
			break;
		}
		lg_bind_text(s, 1, q->asof);
		lg_bind_int(s, 2, q->client_id ? q->client_id : 0);
		lg_bind_int(s, 3, q->client_id ? q->client_id : INT64_MAX);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			int64_t cid = sqlite3_column_int64(s, 0);
			const char *ccy = (const char *)sqlite3_column_text(s, 1);
			const char *due = (const char *)sqlite3_column_text(s, 3);
			int64_t open = sqlite3_column_int64(s, 4);
			crow *r = NULL;

			if (pass == 0) {
				if (k->n && !crow_key_cmp(&k->r[k->n - 1], cid, ccy))
					r = &k->r[k->n - 1];
			} else {
				while (cur < n1 && crow_key_cmp(&k->r[cur], cid, ccy) < 0)
					cur++;
				if (cur < n1 && !crow_key_cmp(&k->r[cur], cid, ccy))
					r = &k->r[cur];
				else if (k->n > n1 && !crow_key_cmp(&k->r[k->n - 1], cid, ccy))
					r = &k->r[k->n - 1];
			}
			if (!r) {
				if (k->n == k->cap) {
					size_t cap = k->cap ? k->cap * 2 : 4096;
					crow *m = realloc(k->r, cap * sizeof *m);

					if (!m) {
						rc = SQLITE_NOMEM;
						break;
					}
					k->r = m;
					k->cap = cap;
				}
				r = &k->r[k->n++];
				memset(r, 0, sizeof *r);
				r->client_id = cid;
				memcpy(r->currency, ccy, strlen(ccy) < 4 ? strlen(ccy) + 1 : 4);
				appended |= pass;
			}
			/* a hand-edited ledger's amounts may overflow a sum: checked */
			if (sqlite3_column_text(s, 2)[0] == 'C')
				ovf |= __builtin_add_overflow(r->credits, open, &r->credits);
			else if (strcmp(due, q->asof) >= 0)
				ovf |= __builtin_add_overflow(r->due, open, &r->due);
			else {
				ovf |= __builtin_add_overflow(r->overdue, open, &r->overdue);
				if (!r->oldest_due[0] || strcmp(due, r->oldest_due) < 0)
					memcpy(r->oldest_due, due, DATE_LEN);
			}
		}
		lg_finalize(l, s);
		rc = rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, "adding up the clients", e);
		if (pass == 0)
			n1 = k->n;
	}
	if (rc != CART_OK)
		return rc;
	if (ovf)
		return cart_fail(e, CART_CORRUPT, _("the ledger %s holds amounts too large to add up:"
		                 " it was edited by hand; run 'cartera check'"), l->path);
	if (appended) {
		/* the rows only the second stream had are in client order too: merge the two runs */
		crow *m = malloc(k->n * sizeof *m);
		size_t i = 0, j = n1, o = 0;

		if (!m)
			return cart_fail(e, CART_NOMEM, "out of memory adding up the clients");
		while (i < n1 || j < k->n)
			m[o++] = j == k->n || (i < n1 && crow_order_cmp(&k->r[i], &k->r[j]) < 0) ?
			         k->r[i++] : k->r[j++];
		free(k->r);
		k->r = m;
		k->cap = k->n;
	}
	for (size_t i = 0; i < k->n; i++) {
		crow *r = &k->r[i];

		r->net = r->due + r->overdue - r->credits;
		r->oldest = r->oldest_due[0] && date_parse(r->oldest_due, &old, CART_IGNORED) == CART_OK ?
		            (int)(today - old) : 0;
		if (k->keep && !bsearch(&r->client_id, k->keep, k->nkeep, sizeof *k->keep, id_cmp))
			continue;
		if ((q->has_min && r->oldest < q->days_min) || (q->has_max && r->oldest > q->days_max))
			continue;
		r->rank = (int64_t)out;
		if (out != i)
			k->r[out] = *r;
		out++;
	}
	k->n = out;
	return CART_OK;
}

/* A sort key, the row's rank for ties, and where the row is. */
typedef struct skey {
	int64_t key, rank;
	size_t idx;
} skey;

static int skey_cmp(const void *pa, const void *pb)
{
	const skey *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->rank > b->rank) - (a->rank < b->rank);
}

static int skey_cmp_desc(const void *pa, const void *pb)
{
	return skey_cmp(pb, pa);
}

static int crow_id_cmp(const void *pa, const void *pb)
{
	const crow *a = *(const crow *const *)pa, *b = *(const crow *const *)pb;

	return (a->client_id > b->client_id) - (a->client_id < b->client_id);
}

/* Every row of the clients tab, in the query's order (*out to be freed). */
static int client_rows_build(ledger *l, const dash_query *q, int now, crow **out, size_t *nout,
                             cart_err *e)
{
	static const int64_t none = 0;
	cset k = { .q = q };
	int64_t *ids = NULL;
	size_t nids = 0, cap = 0;
	const company *co = lg_company(l, e);
	sqlite3_stmt *s;
	int rc = CART_OK;

	*out = NULL;
	*nout = 0;
	if (!co)
		return e->code;
	if (q->filter[0]) {
		if (!(s = lg_get(l, filter_clients_sql, e)))
			return e->code;
		lg_bind_text(s, 1, q->filter);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if (nids == cap) {
				int64_t *m = realloc(ids, (cap = cap ? cap * 2 : 256) * sizeof *m);

				if (!m) {
					lg_finalize(l, s);
					free(ids);
					return cart_fail(e, CART_NOMEM, "out of memory filtering the clients");
				}
				ids = m;
			}
			ids[nids++] = sqlite3_column_int64(s, 0);
		}
		lg_finalize(l, s);
		if (rc != SQLITE_DONE) {
			free(ids);
			return lg_dberr(l, rc, "filtering the clients", e);
		}
		k.keep = ids ? ids : &none;
		k.nkeep = nids;
	}
	if (now && q->sort != DCOL_CLIENT)
		rc = client_aggregate_now(l, q, &k, e);
	else
		rc = ledger_aging(l, q->asof, co->ranges, co->n_ranges, crow_cb, &k, e);
	free(ids);
	if (rc == CART_OK && k.fail)
		rc = cart_fail(e, CART_NOMEM, "out of memory listing the clients");
	if (rc == CART_OK && k.n && (q->sort == DCOL_STATUS)) {
		/* the last reminder of each client: a small table, read in client order */
		crow **byid = malloc(k.n * sizeof *byid);

		if (!byid)
			rc = cart_fail(e, CART_NOMEM, "out of memory listing the clients");
		else if (!(s = lg_get(l, reminders_sql, e))) {
			rc = e->code;
		} else {
			size_t j = 0;

			for (size_t i = 0; i < k.n; i++)
				byid[i] = &k.r[i];
			qsort(byid, k.n, sizeof *byid, crow_id_cmp);
			while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
				int64_t cid = sqlite3_column_int64(s, 0);

				while (j < k.n && byid[j]->client_id < cid)
					j++;
				for (size_t m = j; m < k.n && byid[m]->client_id == cid; m++)
					lg_copy(byid[m]->reminder, sizeof byid[m]->reminder, sqlite3_column_text(s, 1));
			}
			lg_finalize(l, s);
			rc = rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, "reading the reminders", e);
		}
		free(byid);
	}
	if (rc != CART_OK) {
		free(k.r);
		return rc;
	}
	sort_col = q->sort;
	sort_desc = q->desc;
	if (k.n > 1 && q->sort != DCOL_CLIENT && q->sort != DCOL_STATUS) {
		/* by an amount or the days: sort small keys, then gather the rows in that order */
		skey *sk = malloc(k.n * sizeof *sk);
		crow *m = malloc(k.n * sizeof *m);

		if (!sk || !m) {
			free(sk);
			free(m);
			free(k.r);
			return cart_fail(e, CART_NOMEM, "out of memory sorting the clients");
		}
		for (size_t i = 0; i < k.n; i++) {
			const crow *r = &k.r[i];

			sk[i].key = q->sort == DCOL_BALANCE ? r->net : q->sort == DCOL_OVERDUE ? r->overdue :
			            q->sort == DCOL_DUE ? r->due : q->sort == DCOL_CREDITS ? r->credits :
			            r->oldest;
			sk[i].rank = r->rank;
			sk[i].idx = i;
		}
		qsort(sk, k.n, sizeof *sk, q->desc ? skey_cmp_desc : skey_cmp);
		for (size_t i = 0; i < k.n; i++)
			m[i] = k.r[sk[i].idx];
		free(sk);
		free(k.r);
		k.r = m;
	} else if (k.n > 1 && (q->sort != DCOL_CLIENT || q->desc)) {
		qsort(k.r, k.n, sizeof *k.r, crow_cmp);
	}
	*out = k.r;
	*nout = k.n;
	return CART_OK;
}

/* Every row of the clients tab, in the query's order, as kept for the next key (the ledger's
 * memo owns them: not to be freed). Each key of a list in another order than the name's (a
 * cursor move, PgDn) read and sorted every client's figures again (115-123 ms at 50,000
 * clients); it now reads them once per question and change of the ledger. */
static int client_rows(ledger *l, const dash_query *q, int now, const crow **out, size_t *nout,
                       cart_err *e)
{
	lgd_rows_key k;
	crow *rows;
	int rc;

	memset(&k, 0, sizeof k);
	k.client_id = q->client_id;
	memcpy(k.asof, q->asof, DATE_LEN);
	snprintf(k.filter, sizeof k.filter, "%s", q->filter);
	k.sort = q->sort;
	k.desc = q->desc;
	k.has_min = q->has_min;
	k.has_max = q->has_max;
	k.days_min = q->has_min ? q->days_min : 0;
	k.days_max = q->has_max ? q->days_max : 0;
	k.now = now;
	if ((*out = lgd_rows_kept(l, &k, nout)))
		return CART_OK;
	if ((rc = client_rows_build(l, q, now, &rows, nout, e)) != CART_OK)
		return rc;
	if ((rc = lgd_rows_keep(l, &k, rows, *nout, e)) != CART_OK)
		return rc;
	*out = rows;
	return CART_OK;
}

/* The clients tab in name order, when nothing is dated after the as-of date and no days bound
 * applies: the clients with something open in name order, kept in memory (ledger_dash_memo.c),
 * so a page reads only its own clients; each row's figures are then added up from that client's
 * open items. */
static const char client_items_sql[] =
	"SELECT side, due_date, open FROM entries WHERE client_id = ?1 AND currency = ?2"
	"  AND open <> 0 AND n_inst = 0 AND date <= ?3"
	" UNION ALL SELECT 'D', due_date, open FROM instalments WHERE client_id = ?1"
	"  AND currency = ?2 AND open <> 0 AND date <= ?3";

static int client_fast(const dash_query *q, const bounds *b)
{
	return b->now && q->sort == DCOL_CLIENT && !q->has_min && !q->has_max;
}

/* One client's figures in one currency as of q->asof. */
static int client_sums(ledger *l, const dash_query *q, dash_row *r, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, client_items_sql, e);
	char oldest[DATE_LEN] = "";
	date_t today, old;
	int rc, ovf = 0;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, r->client_id);
	lg_bind_text(s, 2, r->currency);
	lg_bind_text(s, 3, q->asof);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *due = (const char *)sqlite3_column_text(s, 1);
		int64_t open = sqlite3_column_int64(s, 2);

		if (sqlite3_column_text(s, 0)[0] == 'C')
			ovf |= __builtin_add_overflow(r->credits, open, &r->credits);
		else if (strcmp(due, q->asof) >= 0)
			ovf |= __builtin_add_overflow(r->due, open, &r->due);
		else {
			ovf |= __builtin_add_overflow(r->overdue, open, &r->overdue);
			if (!oldest[0] || strcmp(due, oldest) < 0)
				snprintf(oldest, sizeof oldest, "%s", due);
		}
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, "adding up a client's open items", e);
	if (ovf)
		return cart_fail(e, CART_CORRUPT, _("the ledger %s holds amounts too large to add up:"
		                 " it was edited by hand; run 'cartera check'"), l->path);
	r->balance = r->due + r->overdue - r->credits;
	if (oldest[0] && date_parse(oldest, &old, CART_IGNORED) == CART_OK &&
	    date_parse(q->asof, &today, CART_IGNORED) == CART_OK)
		r->oldest_days = (int)(today - old);
	return CART_OK;
}

static int last_reminder(ledger *l, dash_row *r, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, last_reminder_sql, e);

	if (!s)
		return e->code;
	lg_bind_int(s, 1, r->client_id);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		lg_copy(r->last_reminder, sizeof r->last_reminder, sqlite3_column_text(s, 0));
	lg_finalize(l, s);
	return CART_OK;
}

/* A walk of the kept pairs: rows offset..offset+limit-1 are taken (want), or counted, or the
 * position of one pair found. */
typedef struct pwalk {
	int64_t at, offset, limit;
	int64_t (*want)[2];         /* client id, index into cur */
	char (*cur)[4];
	int n;
	int64_t find_id;
	const char *find_cur;
	int64_t found;
} pwalk;

static int take_cb(int64_t client_id, const char *currency, void *ud)
{
	pwalk *w = ud;

	if (w->at++ < w->offset)
		return 0;
	w->want[w->n][0] = client_id;
	memcpy(w->cur[w->n], currency, 4);
	return ++w->n >= w->limit;
}

static int count_cb(int64_t client_id, const char *currency, void *ud)
{
	(void)client_id;
	(void)currency;
	((pwalk *)ud)->at++;
	return 0;
}

static int find_cb(int64_t client_id, const char *currency, void *ud)
{
	pwalk *w = ud;

	if (client_id == w->find_id && !strcmp(currency, w->find_cur)) {
		w->found = w->at;
		return 1;
	}
	w->at++;
	return 0;
}

static int client_page_fast(ledger *l, const dash_query *q, const bounds *b, int64_t offset,
                            int limit, dash_cb cb, void *ud, cart_err *e)
{
	pwalk w = { .offset = offset, .limit = limit };
	dash_row r;
	int rc;

	if (limit <= 0 || offset < 0)
		return CART_OK;
	w.want = malloc((size_t)limit * sizeof *w.want);
	w.cur = malloc((size_t)limit * sizeof *w.cur);
	if (!w.want || !w.cur) {
		free(w.want);
		free(w.cur);
		return cart_fail(e, CART_NOMEM, "out of memory listing the clients");
	}
	rc = lgd_pairs_walk(l, q, b, q->desc != 0, take_cb, &w, e);
	for (int i = 0; rc == CART_OK && i < w.n; i++) {
		memset(&r, 0, sizeof r);
		r.client_id = w.want[i][0];
		memcpy(r.currency, w.cur[i], 4);
		if ((rc = lgd_fill_client(l, &r, e)) || (rc = client_sums(l, q, &r, e)) ||
		    (rc = last_reminder(l, &r, e)))
			break;
		if (cb(&r, ud))
			break;
	}
	free(w.want);
	free(w.cur);
	return rc;
}

static int client_page(ledger *l, const dash_query *q, const bounds *b, int64_t offset, int limit,
                       dash_cb cb, void *ud, cart_err *e)
{
	const crow *rows;
	size_t n;
	dash_row r;
	int rc = client_rows(l, q, b->now, &rows, &n, e);

	for (int64_t i = offset; rc == CART_OK && i >= 0 && i < (int64_t)n && i < offset + limit; i++) {
		const crow *c = &rows[i];

		memset(&r, 0, sizeof r);
		r.client_id = c->client_id;
		memcpy(r.currency, c->currency, 4);
		r.balance = c->net;
		r.due = c->due;
		r.overdue = c->overdue;
		r.credits = c->credits;
		r.oldest_days = c->oldest;
		if ((rc = lgd_fill_client(l, &r, e)) != CART_OK || (rc = last_reminder(l, &r, e)) != CART_OK)
			break;
		if (cb(&r, ud))
			break;
	}
	return rc;
}


/* ---- entry points (ledger_dash.c) ---- */

int lgd_clients_count(ledger *l, const dash_query *q, const bounds *b, int64_t *n, cart_err *e)
{
	const crow *rows;
	size_t k;
	int rc;

	if (client_fast(q, b)) {
		pwalk w = { 0 };

		rc = lgd_pairs_walk(l, q, b, 0, count_cb, &w, e);
		*n = w.at;
		return rc;
	}
	if ((rc = client_rows(l, q, b->now, &rows, &k, e)) == CART_OK)
		*n = (int64_t)k;
	return rc;
}

int lgd_clients_page(ledger *l, const dash_query *q, const bounds *b, int64_t offset, int limit,
                     dash_cb cb, void *ud, cart_err *e)
{
	return client_fast(q, b) ? client_page_fast(l, q, b, offset, limit, cb, ud, e)
	                         : client_page(l, q, b, offset, limit, cb, ud, e);
}

int lgd_clients_position(ledger *l, const dash_query *q, const bounds *b, const dash_key *k,
                         int64_t *pos, cart_err *e)
{
	const crow *rows;
	size_t n;
	int rc;

	if (client_fast(q, b)) {
		pwalk w = { .find_id = k->id, .find_cur = k->currency, .found = -1 };

		rc = lgd_pairs_walk(l, q, b, q->desc != 0, find_cb, &w, e);
		if (rc == CART_OK && w.found >= 0)
			*pos = w.found;
		return rc;
	}
	if ((rc = client_rows(l, q, b->now, &rows, &n, e)) != CART_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (rows[i].client_id == k->id &&
		    (!k->currency[0] || !strcmp(rows[i].currency, k->currency))) {
			*pos = (int64_t)i;
			break;
		}
	return CART_OK;
}

/* ---- client history ---- */

static const char *const hist_names[] = {
#define X(id, name) name,
	HIST_KINDS(X)
#undef X
};

const char *hist_kind_name(int kind)
{
	return kind >= 0 && kind < HIST_NKINDS ? hist_names[kind] : "?";
}

int hist_kind_parse(const char *name)
{
	for (int i = 0; i < HIST_NKINDS; i++)
		if (name && !strcmp(name, hist_names[i]))
			return i;
	return -1;
}

static const char hist_insert_sql[] =
	"INSERT INTO client_history (client_id, at, clerk, kind, document_id, text)"
	" VALUES (?1, coalesce(?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?3, ?4, ?5, ?6)";
/* the history kept, and the client's voids from the void documents: who voided what, and why;
 * a void's day is its document's date (--today), as the lines' days are */
static const char hist_list_sql[] =
	"SELECT h.id, h.at, h.clerk, h.kind, h.document_id, coalesce(d.number, ''), h.text"
	" FROM client_history h LEFT JOIN documents d ON d.id = h.document_id"
	" WHERE h.client_id = ?1"
	" UNION ALL"
	" SELECT 0, v.date || substr(v.posted_at, 11, 9) || 'Z', v.clerk, 'void', o.id, o.number,"
	"  v.number || ': ' || v.memo"
	" FROM documents v JOIN documents o ON o.id = v.voids_id"
	" WHERE v.client_id = ?1 AND v.type = 'void'"
	" ORDER BY 2 DESC, 1 DESC";

int ledger_history_add(ledger *l, hist_entry *h, cart_err *e)
{
	sqlite3_stmt *s;
	client c;
	int rc;

	if (h->kind < 0 || h->kind >= HIST_NKINDS)
		return cart_fail(e, CART_INVALID, "unknown kind of history line (%d)", h->kind);
	if (h->kind == HIST_VOID)
		return cart_fail(e, CART_INVALID, _("a void is recorded by voiding the document, not in "
		                 "the history"));
	if (text_check_lines(h->text, TEXT_LIMIT(h->text), _("the note"), e) != CART_OK)
		return e->code;
	if ((rc = ledger_client_get(l, h->client_id, &c, e)) != CART_OK)
		return rc;
	/* a line with no time of its own takes today's date (--today, CARTERA_TODAY) and the
	 * clock's time, as the follow-up's lines do, so one client's lines keep their order */
	if (!h->at[0]) {
		char today[DATE_LEN];

		date_format(date_today(), today);
		lgf_stamp(today, h->at);
	}
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, hist_insert_sql, e))) {
		lg_rollback(l);
		return e->code;
	}
	lg_bind_int(s, 1, h->client_id);
	lg_bind_text(s, 2, h->at[0] ? h->at : NULL);
	lg_bind_text(s, 3, l->clerk);
	lg_bind_text(s, 4, hist_kind_name(h->kind));
	if (h->doc_id)
		lg_bind_int(s, 5, h->doc_id);
	else
		sqlite3_bind_null(s, 5);
	lg_bind_text(s, 6, h->text);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, "recording in the client's history", e);
		lg_rollback(l);
		return rc;
	}
	h->id = sqlite3_last_insert_rowid(l->db);
	snprintf(h->clerk, sizeof h->clerk, "%s", l->clerk);
	if ((rc = lg_audit(l, hist_kind_name(h->kind), h->doc_id, h->client_id, h->text, e))) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

int ledger_history_list(ledger *l, int64_t client_id, hist_cb cb, void *ud, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, hist_list_sql, e);
	hist_entry h;
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&h, 0, sizeof h);
		h.id = sqlite3_column_int64(s, 0);
		h.client_id = client_id;
		lg_copy(h.at, sizeof h.at, sqlite3_column_text(s, 1));
		lg_copy(h.clerk, sizeof h.clerk, sqlite3_column_text(s, 2));
		h.kind = hist_kind_parse((const char *)sqlite3_column_text(s, 3));
		h.doc_id = sqlite3_column_int64(s, 4);
		lg_copy(h.number, sizeof h.number, sqlite3_column_text(s, 5));
		lg_copy(h.text, sizeof h.text, sqlite3_column_text(s, 6));
		if (cb(&h, ud))
			break;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, "reading the client's history", e);
	return CART_OK;
}
