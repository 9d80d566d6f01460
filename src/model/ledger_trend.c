/* The trend of receivables (SPEC R7) and the dashboard's aging bar: the open and overdue charges at
 * many dates, sales and collections by month, and the open charges by days past due. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"
#include "ledger_trend.h"

/* (currency, days past due) -> open, added up in an open-addressed table, then given out in
 * currency and days order as a GROUP BY would. */
typedef struct od_cell {
	int cur;        /* index in curs + 1; 0 empty */
	int days;
	int64_t sum;
} od_cell;

typedef struct od_set {
	char curs[LEDGER_MAX_CURRENCIES][4];
	int ncur, nomem;
	date_t asof;
	od_cell *t;
	size_t n, cap;   /* cap: a power of two */
} od_set;

static int od_grow(od_set *o)
{
	size_t cap = o->cap ? o->cap * 2 : 1024;
	od_cell *t = calloc(cap, sizeof *t);

	if (!t)
		return -1;
	for (size_t i = 0; i < o->cap; i++) {
		size_t h;

		if (!o->t[i].cur)
			continue;
		h = ((size_t)o->t[i].days * 2654435761u + (size_t)o->t[i].cur) & (cap - 1);
		while (t[h].cur)
			h = (h + 1) & (cap - 1);
		t[h] = o->t[i];
	}
	free(o->t);
	o->t = t;
	o->cap = cap;
	return 0;
}

static int od_item(int64_t cid, const char *cur, char side, const char *due, int64_t open,
                   void *ud)
{
	od_set *o = ud;
	date_t d;
	int k, days;
	size_t h;

	(void)cid;
	if (side != 'D' || date_parse(due, &d, CART_IGNORED) != CART_OK)
		return 0;
	for (k = 0; k < o->ncur && strcmp(o->curs[k], cur); k++)
		;
	if (k == o->ncur) {
		if (k == LEDGER_MAX_CURRENCIES)
			return 0;
		snprintf(o->curs[o->ncur++], 4, "%s", cur);
	}
	days = (int)(o->asof - d);
	if ((o->n + 1) * 2 > o->cap && od_grow(o)) {
		o->nomem = 1;
		return 1;
	}
	h = ((size_t)days * 2654435761u + (size_t)(k + 1)) & (o->cap - 1);
	while (o->t[h].cur && (o->t[h].cur != k + 1 || o->t[h].days != days))
		h = (h + 1) & (o->cap - 1);
	if (!o->t[h].cur) {
		o->t[h] = (od_cell){ k + 1, days, 0 };
		o->n++;
	}
	o->t[h].sum += open;
	return 0;
}

static const od_set *od_sorting;

static int od_cmp(const void *a, const void *b)
{
	const od_cell *x = a, *y = b;
	int c = strcmp(od_sorting->curs[x->cur - 1], od_sorting->curs[y->cur - 1]);

	return c ? c : (x->days > y->days) - (x->days < y->days);
}

/* The open charges by days past due, from the open items as of the date (lg_items_asof: the
 * kept open amounts read from the partial indexes, and as of a past date what allocations
 * dated after it took given back). */
int ledger_open_by_days(ledger *l, int64_t client_id, const char *asof, open_days_cb cb,
                        void *ud, cart_err *e)
{
	od_set o;
	size_t w = 0;
	int rc;

	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	memset(&o, 0, sizeof o);
	date_parse(asof, &o.asof, CART_IGNORED);
	if ((rc = lg_items_asof(l, asof, client_id, od_item, &o, e)) != CART_OK) {
		free(o.t);
		return rc;
	}
	if (o.nomem) {
		free(o.t);
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < o.cap; i++)
		if (o.t[i].cur)
			o.t[w++] = o.t[i];
	od_sorting = &o;
	if (w > 1)
		qsort(o.t, w, sizeof o.t[0], od_cmp);
	for (size_t i = 0; i < w; i++)
		if (cb(o.curs[o.t[i].cur - 1], o.t[i].days, o.t[i].sum, ud))
			break;
	free(o.t);
	return CART_OK;
}

/* ---- open and overdue at many dates in one pass ---- */

#define TR_MAX_PTS 64

typedef struct tr_cur {
	char cur[4];
	/* difference arrays: what starts counting at point k (and stays) */
	int64_t open[TR_MAX_PTS + 1], over[TR_MAX_PTS + 1];
} tr_cur;

/* The first point on or after d (n when none): a charge dated d counts from there on. */
static int first_on_or_after(const char (*pts)[11], int n, const char *d)
{
	int lo = 0, hi = n;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (strcmp(pts[mid], d) >= 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The first point after d: overdue counts from the first date past the due date. */
static int first_after(const char (*pts)[11], int n, const char *d)
{
	int lo = 0, hi = n;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (strcmp(pts[mid], d) > 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static tr_cur *tr_of(tr_cur *c, int *nc, const char *cur)
{
	for (int k = 0; k < *nc; k++)
		if (!strcmp(c[k].cur, cur))
			return &c[k];
	if (*nc == LEDGER_MAX_CURRENCIES)
		return NULL;
	memset(&c[*nc], 0, sizeof c[*nc]);
	snprintf(c[*nc].cur, sizeof c[*nc].cur, "%s", cur);
	return &c[(*nc)++];
}

/* amount counts as open from max(a, b) on, and as overdue from max(a, b, due) on */
static void tr_add(tr_cur *t, int a, int b, int due, int64_t amount)
{
	int from = a > b ? a : b;

	t->open[from] += amount;
	t->over[from > due ? from : due] += amount;
}

/* What the scan of the entries remembers of each charge, by id, for the allocations that come
 * after: its currency (+1; 0 = not a charge of the span), the point its date counts from, the
 * point its due date makes it overdue from. */
/* Hand each currency's points to cb: open and overdue are running sums of what tr_add put at
 * each point; sales and collections are per point. */
static void tr_emit(const tr_cur *cur, int nc, int n, int64_t (*sales)[TR_MAX_PTS],
                    int64_t (*coll)[TR_MAX_PTS], trend_open_cb cb, void *ud)
{
	for (int k = 0; k < nc; k++) {
		int64_t open[TR_MAX_PTS], over[TR_MAX_PTS], o = 0, v = 0;

		for (int i = 0; i < n; i++) {
			o += cur[k].open[i];
			v += cur[k].over[i];
			open[i] = o;
			over[i] = v;
		}
		if (cb(cur[k].cur, open, over, sales[k], coll[k], ud))
			break;
	}
}

typedef struct tr_charge {
	unsigned char cur, from, due;
} tr_charge;

/* A month's last day, 'YYYY-MM-DD'? */
static int month_end(const char *d)
{
	date_t x;
	int y, m, day;

	if (date_parse(d, &x, CART_IGNORED) != CART_OK)
		return 0;
	date_to_ymd(date_add_days(x, 1), &y, &m, &day);
	return day == 1;
}

/* The trend of all clients at month-ends from the sums kept by month (schema 021, month_flows):
 * a charge counts from the first point on or after its month, is overdue from the first point on
 * or after the month of the day after its due date, and an allocation takes from the first point
 * on or after its month; the same arithmetic as the scans below, on a few hundred rows. */
static int trend_kept(ledger *l, const char (*pts)[11], int n, const char *after,
                      trend_open_cb cb, void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT currency, month, due_month, charged - paid, sales, collected FROM month_flows"
		" WHERE month <= substr(?1, 1, 7)";
	tr_cur cur[LEDGER_MAX_CURRENCIES];
	int64_t sales[LEDGER_MAX_CURRENCIES][TR_MAX_PTS], coll[LEDGER_MAX_CURRENCIES][TR_MAX_PTS];
	int nc = 0, rc;
	sqlite3_stmt *s;

	memset(sales, 0, sizeof sales);
	memset(coll, 0, sizeof coll);
	if ((rc = lg_prepare(l, sql, &s)) != SQLITE_OK)
		return lg_dberr(l, rc, _("computing the trend"), e);
	lg_bind_text(s, 1, pts[n - 1]);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *month = (const char *)sqlite3_column_text(s, 1);
		const char *due = (const char *)sqlite3_column_text(s, 2);
		tr_cur *t = tr_of(cur, &nc, (const char *)sqlite3_column_text(s, 0));
		int k, from;

		if (!t || !month || !due)
			continue;
		k = (int)(t - cur);
		/* 'YYYY-MM' sorts after every earlier month's last day and before its own */
		from = first_on_or_after(pts, n, month);
		tr_add(t, from, 0, first_on_or_after(pts, n, due), sqlite3_column_int64(s, 3));
		if (strcmp(month, after) > 0 && from < n) {
			sales[k][from] += sqlite3_column_int64(s, 4);
			coll[k][from] += sqlite3_column_int64(s, 5);
		}
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("computing the trend"), e);
	tr_emit(cur, nc, n, sales, coll, cb, ud);
	return CART_OK;
}

int ledger_trend_open(ledger *l, int64_t client_id, const char (*pts)[11], int n,
                      const char *after, trend_open_cb cb, void *ud, cart_err *e)
{
	int kept = !client_id && n >= 1 && n <= TR_MAX_PTS && month_end(after);

	for (int i = 0; kept && i < n; i++)
		kept = month_end(pts[i]) && strcmp(pts[i], i ? pts[i - 1] : after) > 0;
	if (kept)
		return trend_kept(l, pts, n, after, cb, ud, e);
	return lg_trend_scan(l, client_id, pts, n, after, cb, ud, e);
}

/* Three sequential scans (entries, instalments, allocations) and no join: an allocation finds its
 * charge in an array by id. A join (or an as-of query per date) reads the entries' pages at
 * random: 5-30x slower on the benchmark ledger. The trend of one client, at dates other than
 * month-ends, and the proof of the kept path (tests). */
int lg_trend_scan(ledger *l, int64_t client_id, const char (*pts)[11], int n,
                  const char *after, trend_open_cb cb, void *ud, cart_err *e)
{
	static const char entries_sql[] =
		"SELECT id, code, side, currency, date, due_date, amount, n_inst FROM entries NOT INDEXED"
		" WHERE date <= ?1 AND client_id BETWEEN ?2 AND ?3";
	static const char entries_client_sql[] =
		"SELECT id, code, side, currency, date, due_date, amount, n_inst FROM entries"
		" WHERE date <= ?1 AND client_id BETWEEN ?2 AND ?3";
	static const char inst_sql[] =
		"SELECT id, currency, date, due_date, amount FROM instalments"
		" WHERE date <= ?1 AND client_id BETWEEN ?2 AND ?3";
	static const char alloc_sql[] =
		"SELECT charge_id, instalment_id, date, amount FROM allocations WHERE date <= ?1";
	/* one client: the allocations of its own charges, through its index and theirs, not all
	 * of them (1.2 M on the benchmark ledger: 0.3 s CPU for a client with a few dozen) */
	static const char alloc_client_sql[] =
		"SELECT a.charge_id, a.instalment_id, a.date, a.amount FROM entries e"
		" JOIN allocations a ON a.charge_id = e.id"
		" WHERE e.client_id BETWEEN ?2 AND ?3 AND e.side = 'D' AND a.date <= ?1";
	tr_cur cur[LEDGER_MAX_CURRENCIES];
	int64_t sales[LEDGER_MAX_CURRENCIES][TR_MAX_PTS], coll[LEDGER_MAX_CURRENCIES][TR_MAX_PTS];
	int nc = 0, rc = SQLITE_DONE;
	int64_t ne, ni;
	tr_charge *ce = NULL, *ci = NULL;
	sqlite3_stmt *s;

	if (n < 1 || n > TR_MAX_PTS)
		return cart_fail(e, CART_INVALID, _("the trend takes 1 to %d dates, not %d"), TR_MAX_PTS, n);
	if (lg_scalar_int(l, "SELECT max(id) FROM entries", 0, &ne, e) != CART_OK ||
	    lg_scalar_int(l, "SELECT max(id) FROM instalments", 0, &ni, e) != CART_OK)
		return e->code;
	ce = calloc((size_t)ne + 1, sizeof *ce);
	ci = calloc((size_t)ni + 1, sizeof *ci);
	if (!ce || !ci) {
		free(ce);
		free(ci);
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	}
	memset(sales, 0, sizeof sales);
	memset(coll, 0, sizeof coll);
	for (int pass = 0; pass < 3 && rc == SQLITE_DONE; pass++) {
		const char *sql = pass == 0 ? (client_id ? entries_client_sql : entries_sql)
		                : pass == 1 ? inst_sql : client_id ? alloc_client_sql : alloc_sql;

		rc = lg_prepare(l, sql, &s);
		if (rc != SQLITE_OK)
			break;
		lg_bind_text(s, 1, pts[n - 1]);
		if (pass < 2 || client_id) {
			lg_bind_int(s, 2, client_id ? client_id : 0);
			lg_bind_int(s, 3, client_id ? client_id : INT64_MAX);
		}
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(s, 0);

			if (pass == 0) {
				const char *code = (const char *)sqlite3_column_text(s, 1);
				const char *side = (const char *)sqlite3_column_text(s, 2);
				const char *d = (const char *)sqlite3_column_text(s, 4);
				const char *due = (const char *)sqlite3_column_text(s, 5);
				int64_t amount = sqlite3_column_int64(s, 6);
				tr_cur *t = tr_of(cur, &nc, (const char *)sqlite3_column_text(s, 3));
				int k, from;

				if (!t || !code || !side || !d || !due || id < 0 || id > ne)
					continue;
				k = (int)(t - cur);
				from = first_on_or_after(pts, n, d);
				/* sales and collections of the month of the point the date falls in */
				if (strcmp(d, after) > 0 && from < n) {
					if (!strcmp(code, "CF"))
						sales[k][from] += side[0] == 'D' ? amount : -amount;
					else if (!strcmp(code, "APF") || !strcmp(code, "AA"))
						coll[k][from] += side[0] == 'C' ? amount : -amount;
				}
				if (side[0] != 'D')
					continue;
				ce[id] = (tr_charge){ (unsigned char)(k + 1), (unsigned char)from,
				                      (unsigned char)first_after(pts, n, due) };
				if (sqlite3_column_int64(s, 7) == 0)
					tr_add(t, ce[id].from, 0, ce[id].due, amount);
			} else if (pass == 1) {
				const char *d = (const char *)sqlite3_column_text(s, 2);
				const char *due = (const char *)sqlite3_column_text(s, 3);
				tr_cur *t = tr_of(cur, &nc, (const char *)sqlite3_column_text(s, 1));

				if (!t || !d || !due || id < 0 || id > ni)
					continue;
				ci[id] = (tr_charge){ (unsigned char)(t - cur + 1),
				                      (unsigned char)first_on_or_after(pts, n, d),
				                      (unsigned char)first_after(pts, n, due) };
				tr_add(t, ci[id].from, 0, ci[id].due, sqlite3_column_int64(s, 4));
			} else {
				int64_t iid = sqlite3_column_int64(s, 1);
				const char *ad = (const char *)sqlite3_column_text(s, 2);
				const tr_charge *c;

				if (sqlite3_column_type(s, 1) != SQLITE_NULL)
					c = iid >= 0 && iid <= ni ? &ci[iid] : NULL;
				else
					c = id >= 0 && id <= ne ? &ce[id] : NULL;
				if (!c || !c->cur || !ad)
					continue;   /* not a charge of the span (another client's, or later) */
				tr_add(&cur[c->cur - 1], c->from, first_on_or_after(pts, n, ad), c->due,
				       -sqlite3_column_int64(s, 3));
			}
		}
		lg_finalize(l, s);
	}
	free(ce);
	free(ci);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("computing the trend"), e);
	tr_emit(cur, nc, n, sales, coll, cb, ud);
	return CART_OK;
}
