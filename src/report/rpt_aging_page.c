/* The aging of every client as of now, read a page at a time (reports.h, issue 14). Opening it
 * reads what the ledger keeps (schema 023: what is open per currency and due date, how many open
 * entries each client has), not the 250,000 open items of the benchmark ledger; each page reads
 * the clients on it. In name order a page is a walk of the name index from the nearest row
 * already seen (the last page's, either end of the list), so PgDn, PgUp, Home and End read
 * about a page each; the other orders list every row once, in order, when the report opens. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpt_aging_int.h"
#include "cartera/i18n.h"
#include "cartera/reports.h"
#include "model/ledger_aging_now.h"
#include "model/ledger_watch.h"

/* A row of the aging's name order, as the walk gives it. */
typedef struct pg_pair {
	int64_t client_id;
	char currency[4];
	char *name;
} pg_pair;

struct rpt_aging_pager {
	ctl *c;
	char asof[DATE_LEN];
	int order;
	long n;                                 /* the aging's rows */
	int64_t version;                        /* the ledger's data version they were counted at */
	totals tt[LEDGER_MAX_CURRENCIES];       /* what sizes the columns */
	int ntt;
	/* another order than the name's: every row, in order */
	aging_pair *all;
	size_t nall;
	/* the name order: rows at .. at + nkept - 1, the last read, to step from */
	pg_pair *kept;
	long at;
	int nkept;
};

static void pairs_free(pg_pair *p, int n)
{
	for (int i = 0; i < n; i++)
		free(p[i].name);
	free(p);
}

void rpt_aging_page_free(rpt_aging_pager *pg)
{
	if (!pg)
		return;
	free(pg->all);
	pairs_free(pg->kept, pg->nkept);
	free(pg);
}

int rpt_aging_page_open(ctl *c, const char *asof_arg, int order, report *r, rpt_aging_pager **out,
                        long *rows, cart_err *e)
{
	const company *co = &c->co;
	aging_total at[LEDGER_MAX_CURRENCIES];
	rpt_aging_pager *pg;
	int now = 0, nat = 0, rc;
	int64_t count = 0;
	ag a;

	*out = NULL;
	*rows = 0;
	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger has no company settings yet (cartera init)"));
	if (!(pg = calloc(1, sizeof *pg)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	pg->c = c;
	pg->order = order;
	if (asof_arg && *asof_arg)
		snprintf(pg->asof, sizeof pg->asof, "%s", asof_arg);
	else
		date_format(date_today(), pg->asof);
	if ((rc = ledger_data_version(c->l, &pg->version, e)) != CART_OK ||
	    (rc = ledger_asof_is_now(c->l, pg->asof, &now, e)) != CART_OK || !now) {
		free(pg);
		return rc;
	}
	if ((rc = ledger_aging_now_totals(c->l, pg->asof, co->ranges, co->n_ranges, at, &nat, e)) !=
	    CART_OK)
		goto fail;
	if (order == RPT_AGING_BY_DEBT || order == RPT_AGING_BY_OLDEST) {
		rc = ledger_aging_now_sorted(c->l, pg->asof, order == RPT_AGING_BY_DEBT ?
		                             AGING_NOW_BY_DEBT : AGING_NOW_BY_OLDEST, &pg->all, &pg->nall,
		                             e);
		count = (int64_t)pg->nall;
	} else {
		/* the rows of every currency, which the totals counted */
		for (int k = 0; k < nat; k++)
			count += at[k].rows;
	}
	if (rc != CART_OK)
		goto fail;
	pg->n = (long)count;

	/* the report as rpt_aging_sorted builds it, the table's client rows left to the pages */
	memset(&a, 0, sizeof a);
	a.c = c;
	a.r = r;
	a.asof = pg->asof;
	for (int k = 0; k < nat && k < LEDGER_MAX_CURRENCIES; k++) {
		totals *t = &pg->tt[pg->ntt++];
		cur_tot *ct = &a.tot[a.ntot++];

		memset(t, 0, sizeof *t);
		memcpy(t->currency, at[k].currency, sizeof t->currency);
		t->due = at[k].not_due;
		for (int i = 0; i <= co->n_ranges; i++)
			t->overdue += at[k].range[i];
		t->credits = at[k].credits;
		t->net = at[k].net;
		memcpy(ct->cur, at[k].currency, sizeof ct->cur);
		ct->not_due = at[k].not_due;
		memcpy(ct->range, at[k].range, sizeof ct->range);
		ct->open = at[k].open_charges;
		ct->credits = at[k].credits;
		ct->net = at[k].net;
		ct->rows = at[k].rows;
	}
	rpt_ag_head(pg->tt, pg->ntt, &a, e);
	if ((rc = rpt_ag_tail(&a, e)) != CART_OK)
		goto fail;
	*out = pg;
	*rows = pg->n;
	return CART_OK;
fail:
	rpt_aging_page_free(pg);
	return rc;
}

/* ---- the name order: walking from the nearest row seen ---- */

typedef struct walk {
	pg_pair *out;
	int want, got;
	long skip;
	int fail;
} walk;

static int walk_one(int64_t client_id, const char *currency, const char *name, void *ud)
{
	walk *w = ud;
	pg_pair *p;

	if (w->skip > 0) {
		w->skip--;
		return 0;
	}
	p = &w->out[w->got];
	p->client_id = client_id;
	snprintf(p->currency, sizeof p->currency, "%s", currency);
	if (!(p->name = strdup(name ? name : ""))) {
		w->fail = 1;
		return 1;
	}
	return ++w->got == w->want;
}

/* Rows [from, to) of the name order into pg->kept. Of four ways there the one that walks the
 * fewest rows: from the first row, back from the last, on from the rows kept, back from them. */
static int name_rows(rpt_aging_pager *pg, long from, long to, cart_err *e)
{
	enum { START, END, ON, BACK } how = START;
	long cost = to, skip = from, c;
	int64_t after = 0;
	char cur[4] = "";
	walk w = { NULL, (int)(to - from), 0, 0, 0 };
	int rc;

	if (from >= pg->at && to <= pg->at + pg->nkept)
		return CART_OK;
	if ((c = pg->n - from) < cost) {
		how = END;
		cost = c;
		skip = pg->n - to;
	}
	if (pg->nkept > 0 && from > pg->at) {
		/* on from the kept row just before from, or from the last kept */
		long last = from - 1 < pg->at + pg->nkept - 1 ? from - 1 : pg->at + pg->nkept - 1;

		if ((c = to - last - 1) < cost) {
			how = ON;
			cost = c;
			skip = from - last - 1;
			after = pg->kept[last - pg->at].client_id;
			memcpy(cur, pg->kept[last - pg->at].currency, sizeof cur);
		}
	}
	if (pg->nkept > 0 && to < pg->at + pg->nkept) {
		/* back from the kept row just after to - 1, or from the first kept */
		long first = to > pg->at ? to : pg->at;

		if ((c = first - from) < cost) {
			how = BACK;
			cost = c;
			skip = first - to;
			after = pg->kept[first - pg->at].client_id;
			memcpy(cur, pg->kept[first - pg->at].currency, sizeof cur);
		}
	}
	(void)cost;
	if (!(w.out = calloc((size_t)w.want, sizeof *w.out)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	w.skip = skip;
	rc = ledger_aging_now_walk(pg->c->l, how == ON || how == BACK ? after : 0, cur,
	                           how == END || how == BACK, (int)(skip + w.want), walk_one, &w, e);
	if (rc == CART_OK && w.fail)
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	if (rc != CART_OK) {
		pairs_free(w.out, w.got);
		return rc;
	}
	if (how == END || how == BACK)
		for (int i = 0; i < w.got / 2; i++) {
			pg_pair t = w.out[i];

			w.out[i] = w.out[w.got - 1 - i];
			w.out[w.got - 1 - i] = t;
		}
	pairs_free(pg->kept, pg->nkept);
	pg->kept = w.out;
	pg->nkept = w.got;
	/* fewer than asked backwards (the ledger changed): they end at to, so start later */
	pg->at = how == END || how == BACK ? to - w.got : from;
	return CART_OK;
}

/* ---- a page ---- */

/* One client's rows (one per currency), as ledger_aging_client gives them. */
typedef struct one {
	aging_row row[LEDGER_MAX_CURRENCIES];
	char name[200];
	int n;
} one;

static int keep_one(const aging_row *row, void *ud)
{
	one *o = ud;

	if (o->n == LEDGER_MAX_CURRENCIES)
		return 1;
	if (!o->n)
		snprintf(o->name, sizeof o->name, "%s", row->name ? row->name : "");
	o->row[o->n] = *row;
	o->row[o->n].name = NULL;
	o->n++;
	return 0;
}

int rpt_aging_page_rows(rpt_aging_pager *pg, long from, int n, report *into, cart_err *e)
{
	ctl *c = pg->c;
	long to = from + n;
	int64_t last = 0;
	one o = { .n = 0 };
	int rc = CART_OK;
	ag a;

	report_init(into, &c->co);
	memset(&a, 0, sizeof a);
	a.c = c;
	a.r = into;
	a.asof = pg->asof;
	rpt_ag_head(pg->tt, pg->ntt, &a, e);
	if (from < 0)
		from = 0;
	if (to > pg->n)
		to = pg->n;
	if (from < to && !pg->all && (rc = name_rows(pg, from, to, e)) != CART_OK)
		return rc;
	for (long i = from; i < to; i++) {
		int64_t id;
		const char *cur, *name = NULL;

		if (pg->all) {
			if ((size_t)i >= pg->nall)
				break;
			id = pg->all[i].client_id;
			cur = pg->all[i].currency;
		} else {
			if (i < pg->at || i >= pg->at + pg->nkept)
				break;
			id = pg->kept[i - pg->at].client_id;
			cur = pg->kept[i - pg->at].currency;
			name = pg->kept[i - pg->at].name;
		}
		if (id != last) {
			o.n = 0;
			if ((rc = ledger_aging_client(c->l, id, pg->asof, c->co.ranges, c->co.n_ranges,
			                              keep_one, &o, e)) != CART_OK)
				return rc;
			last = id;
		}
		/* a row the ledger has closed since the list was read is left out */
		for (int k = 0; k < o.n; k++)
			if (!strcmp(o.row[k].currency, cur)) {
				aging_row row = o.row[k];

				row.name = name ? name : o.name;
				rpt_ag_row(&row, &a);
				break;
			}
	}
	return report_finish(into, e);
}

int rpt_aging_page_stale(rpt_aging_pager *pg, int *stale, cart_err *e)
{
	int64_t v;
	int rc = ledger_data_version(pg->c->l, &v, e);

	*stale = rc == CART_OK && v != pg->version;
	return rc;
}

int rpt_aging_page_whole(rpt_aging_pager *pg, report *r, cart_err *e)
{
	int rc;

	report_init(r, &pg->c->co);
	if ((rc = rpt_aging_sorted(pg->c, pg->asof, pg->order, r, e)) != CART_OK)
		report_free(r);
	return rc;
}
