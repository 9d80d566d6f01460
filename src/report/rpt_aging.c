/* Reports over all clients: the aging (SPEC R2) and the choice of clients for many statements
 * at once (the follow-up, R3, is in rpt_followup.c). The aging streams from ledger_aging a row
 * at a time, so a report of 50,000 clients holds one row in memory when its renderer streams
 * too; its totals are kept per currency and proven against the ledger's own balance at the
 * end. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "cartera/i18n.h"
#include "cartera/reports.h"

#include "rpt_aging_int.h"

#define AMT_W 13

static cur_tot *tot_of(cur_tot *tot, int *n, const char *cur)
{
	for (int k = 0; k < *n; k++)
		if (!strcmp(tot[k].cur, cur))
			return &tot[k];
	if (*n == LEDGER_MAX_CURRENCIES)
		return NULL;
	memset(&tot[*n], 0, sizeof tot[*n]);
	snprintf(tot[*n].cur, 4, "%s", cur);
	return &tot[(*n)++];
}

int rpt_ag_row(const aging_row *row, void *ud)
{
	ag *a = ud;
	report *r = a->r;
	int n = a->c->co.n_ranges;
	cur_tot *t = tot_of(a->tot, &a->ntot, row->currency);

	report_row(r, RPT_ROW_DATA, NULL);
	report_row_ref(r, row->client_id);
	rpt_text(r, row->name);
	rpt_text(r, row->currency);
	rpt_amount(r, row->not_due, row->currency, 0);
	for (int i = 0; i <= n; i++)
		rpt_amount(r, row->range[i], row->currency, 0);
	rpt_amount(r, row->open_charges, row->currency, 0);
	rpt_amount(r, row->credits, row->currency, 0);
	rpt_amount(r, row->net, row->currency, 0);
	report_row_end(r);
	if (t) {
		t->not_due += row->not_due;
		for (int i = 0; i <= n; i++)
			t->range[i] += row->range[i];
		t->open += row->open_charges;
		t->credits += row->credits;
		t->net += row->net;
		t->rows++;
	}
	return 0;
}

/* ---- the aging in another order (issue 14) ----
 * The rows come from ledger_aging in name order; for another order they are kept (a client's
 * figures and name, its rank in name order for ties), sorted, and added to the report. */
typedef struct ag_kept {
	aging_row row;
	char *name;
	long rank;
} ag_kept;

typedef struct ag_keep {
	ag_kept *k;
	long n, cap;
	int fail;
} ag_keep;

static int keep_row(const aging_row *row, void *ud)
{
	ag_keep *k = ud;
	ag_kept *m;

	if (k->n == k->cap) {
		long cap = k->cap ? k->cap * 2 : 1024;

		if (!(m = realloc(k->k, (size_t)cap * sizeof *m))) {
			k->fail = 1;
			return 1;
		}
		k->k = m;
		k->cap = cap;
	}
	m = &k->k[k->n];
	m->row = *row;
	if (!(m->name = strdup(row->name ? row->name : ""))) {
		k->fail = 1;
		return 1;
	}
	m->row.name = m->name;
	m->rank = k->n++;
	return 0;
}

static int by_debt(const void *pa, const void *pb)
{
	const ag_kept *a = pa, *b = pb;

	if (a->row.net != b->row.net)
		return a->row.net > b->row.net ? -1 : 1;
	return (a->rank > b->rank) - (a->rank < b->rank);
}

static int by_oldest(const void *pa, const void *pb)
{
	const ag_kept *a = pa, *b = pb;

	if (a->row.oldest_days != b->row.oldest_days)
		return a->row.oldest_days > b->row.oldest_days ? -1 : 1;
	return (a->rank > b->rank) - (a->rank < b->rank);
}

static int sorted_aging(ctl *c, const char *asof, int order, ag *a, cart_err *e)
{
	ag_keep k = { NULL, 0, 0, 0 };
	int rc = ledger_aging(c->l, asof, c->co.ranges, c->co.n_ranges, keep_row, &k, e);

	if (rc == CART_OK && k.fail)
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	if (rc == CART_OK) {
		qsort(k.k, (size_t)k.n, sizeof *k.k, order == RPT_AGING_BY_DEBT ? by_debt : by_oldest);
		for (long i = 0; i < k.n; i++)
			rpt_ag_row(&k.k[i].row, a);
	}
	for (long i = 0; i < k.n; i++)
		free(k.k[i].name);
	free(k.k);
	return rc;
}

const char *rpt_aging_order_name(int order)
{
	switch (order) {
	case RPT_AGING_BY_DEBT: return _("by largest debt");
	case RPT_AGING_BY_OLDEST: return _("by oldest overdue");
	default: return _("by name");
	}
}

int rpt_aging(ctl *c, const char *asof_arg, report *r, cart_err *e)
{
	return rpt_aging_sorted(c, asof_arg, RPT_AGING_BY_NAME, r, e);
}

int rpt_ag_head(const totals *tt, int ntt, void *ud, cart_err *e)
{
	ag *a = ud;
	const company *co = &a->c->co;
	report *r = a->r;
	char shown[DATE_LEN], name[32], key[32];
	int aw = AMT_W;

	(void)e;
	a->ntt = ntt < LEDGER_MAX_CURRENCIES ? ntt : LEDGER_MAX_CURRENCIES;
	memcpy(a->tt, tt, sizeof *tt * (size_t)a->ntt);
	for (int k = 0; k < ntt; k++) {
		aw = rpt_amount_width(co, tt[k].due + tt[k].overdue, aw);
		aw = rpt_amount_width(co, tt[k].credits, aw);
		aw = rpt_amount_width(co, tt[k].net, aw);
	}
	a->aw = aw;
	report_title(r, "%s", _("Aging of receivables"));
	report_line(r, _("As of %s"), rpt_date_text(r, a->asof, shown));
	report_table(r, _("Aging"));
	report_col(r, "client", _("Client"), RPT_TEXT, RPT_LEFT, 30, 16);
	report_col(r, "currency", _("Cur."), RPT_TEXT, RPT_LEFT, 4, 4);
	for (int k = 0; k <= co->n_ranges + 1; k++) {
		rpt_range_name(co, k, name, sizeof name);
		rpt_range_key(co, k, key, sizeof key);
		report_col(r, key, name, RPT_AMOUNT, RPT_RIGHT, aw, aw);
	}
	report_col(r, "open_charges", _("Open charges"), RPT_AMOUNT, RPT_RIGHT, aw, aw);
	/* wide enough for its heading: a cut "Credits in f..." would not say what it holds */
	report_col(r, "credits", _("Credits in favour"), RPT_AMOUNT, RPT_RIGHT,
	           aw > 17 ? aw : 17, aw);
	report_col(r, "net", _("Net"), RPT_AMOUNT, RPT_RIGHT, aw, aw);
	report_currency_col(r, 1);
	{
		/* the picture: a stacked column per currency's total, a segment per range */
		int series[RPT_CHART_SERIES], ns = 0;

		for (int k = 0; k <= co->n_ranges + 1 && ns < RPT_CHART_SERIES; k++)
			series[ns++] = 2 + k;
		report_chart(r, RPT_CHART_STACKED, _("Aging by range"), RPT_ROW_TOTAL, 0, series, ns, -1);
	}
	return CART_OK;
}

int rpt_aging_sorted(ctl *c, const char *asof_arg, int order, report *r, cart_err *e)
{
	const company *co = &c->co;
	char asof[DATE_LEN];
	int ntt = 0, rc;
	ag a;

	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger has no company settings yet (cartera init)"));
	if (asof_arg && *asof_arg)
		snprintf(asof, sizeof asof, "%s", asof_arg);
	else
		date_format(date_today(), asof);
	memset(&a, 0, sizeof a);
	a.c = c;
	a.r = r;
	a.asof = asof;

	/* the totals first: the columns must hold the largest figure, the total's. In name order
	 * they come with the aging's own pass over the open items (issue 17: a second pass for
	 * them was a third of the text aging) */
	if (order == RPT_AGING_BY_DEBT || order == RPT_AGING_BY_OLDEST) {
		totals t0[LEDGER_MAX_CURRENCIES];

		if ((rc = ledger_totals(c->l, 0, asof, t0, &ntt, e)) != CART_OK)
			return rc;
		rpt_ag_head(t0, ntt, &a, e);
		rc = sorted_aging(c, asof, order, &a, e);
	} else {
		rc = ledger_aging_totals(c->l, asof, co->ranges, co->n_ranges, rpt_ag_head,
		                         rpt_ag_row, &a, e);
	}
	if (rc != CART_OK) {
		report_finish(r, CART_IGNORED);
		return rc;
	}
	return rpt_ag_tail(&a, e);
}

int rpt_ag_tail(ag *ap, cart_err *e)
{
	ag a = *ap;
	ctl *c = a.c;
	const company *co = &c->co;
	report *r = a.r;
	const char *asof = a.asof;
	char m1[40], m2[40];
	balance bal[LEDGER_MAX_CURRENCIES];
	const totals *tt = a.tt;
	int nbal = 0, ntt = a.ntt, rc, bad = 0, aw = a.aw;

	for (int k = 0; k < a.ntot; k++) {
		const cur_tot *t = &a.tot[k];
		char label[64];

		snprintf(label, sizeof label, "%s %s", _("Total"), t->cur);
		report_row(r, RPT_ROW_TOTAL, t->cur);
		rpt_text(r, label);
		rpt_text(r, t->cur);
		rpt_amount(r, t->not_due, t->cur, RPT_F_SUM);
		for (int i = 0; i <= co->n_ranges; i++)
			rpt_amount(r, t->range[i], t->cur, RPT_F_SUM);
		rpt_amount(r, t->open, t->cur, RPT_F_SUM);
		rpt_amount(r, t->credits, t->cur, RPT_F_SUM);
		rpt_amount(r, t->net, t->cur, RPT_F_SUM);
		report_row_end(r);
	}

	/* the proof: ranges add up to the open charges; open charges less credits is the net, which
	 * is the ledger's balance (charges less credits over every entry) and the dashboard's net */
	report_table(r, _("Check"));
	report_col(r, "currency", _("Cur."), RPT_TEXT, RPT_LEFT, 4, 4);
	report_col(r, "sum_of_ranges", _("Sum of ranges"), RPT_AMOUNT, RPT_RIGHT, aw + 1, aw);
	report_col(r, "open_charges", _("Open charges"), RPT_AMOUNT, RPT_RIGHT, aw + 1, aw);
	report_col(r, "credits", _("Credits in favour"), RPT_AMOUNT, RPT_RIGHT, aw + 1 > 17 ? aw + 1 : 17, aw);
	report_col(r, "net", _("Net"), RPT_AMOUNT, RPT_RIGHT, aw + 1, aw);
	report_col(r, "ledger_balance", _("Ledger balance"), RPT_AMOUNT, RPT_RIGHT, aw + 1, aw);
	/* in a spreadsheet the check reads the aging's totals (table 0) by formula */
	{
		char first[32], last[32];

		rpt_range_key(co, 0, first, sizeof first);
		rpt_range_key(co, co->n_ranges + 1, last, sizeof last);
		report_col_from(r, "sum_of_ranges", 0, first, last);
	}
	report_col_from(r, "open_charges", 0, "open_charges", "open_charges");
	report_col_from(r, "credits", 0, "credits", "credits");
	report_col_from(r, "net", 0, "net", "net");
	/* the ledger's balance of every currency anything is open in, and of the company's */
	for (int k = 0; k < ntt; k++)
		tot_of(a.tot, &a.ntot, tt[k].currency);
	if (co->currency[0])
		tot_of(a.tot, &a.ntot, co->currency);
	if (co->currency2[0])
		tot_of(a.tot, &a.ntot, co->currency2);
	for (int k = 0; k < a.ntot && nbal < LEDGER_MAX_CURRENCIES; k++) {
		if ((rc = ledger_balance_currency(c->l, a.tot[k].cur, asof, &bal[nbal], e)) != CART_OK) {
			report_finish(r, CART_IGNORED);
			return rc;
		}
		/* a currency with no entries at all has nothing to prove */
		if (bal[nbal].charges || bal[nbal].credits || a.tot[k].rows)
			nbal++;
	}
	for (int k = 0; k < a.ntot; k++) {
		const cur_tot *t = &a.tot[k];
		int64_t sum = t->not_due, lbal = 0, dash = 0;

		for (int i = 0; i <= co->n_ranges; i++)
			sum += t->range[i];
		for (int j = 0; j < nbal; j++)
			if (!strcmp(bal[j].currency, t->cur))
				lbal = bal[j].balance;
		for (int j = 0; j < ntt; j++)
			if (!strcmp(tt[j].currency, t->cur))
				dash = tt[j].net;
		report_row(r, RPT_ROW_DATA, NULL);
		rpt_text(r, t->cur);
		rpt_amount(r, sum, t->cur, 0);
		rpt_amount(r, t->open, t->cur, 0);
		rpt_amount(r, t->credits, t->cur, 0);
		rpt_amount(r, t->net, t->cur, 0);
		rpt_amount(r, lbal, t->cur, 0);
		report_row_end(r);
		if (sum != t->open || t->open - t->credits != t->net || t->net != lbal || dash != lbal) {
			money_format(t->net, &co->fmt, m1, sizeof m1);
			money_format(lbal, &co->fmt, m2, sizeof m2);
			report_note(r, _("%s: the aging does NOT add up: net %s, ledger balance %s."), t->cur,
			            m1, m2);
			bad = 1;
		}
	}
	if (!bad)
		report_note(r, "%s", a.ntot ? _("In every currency the ranges add up to the open charges, "
		                                "and open charges less credits equal the ledger balance.")
		                            : _("Nothing is open."));
	/* the same sum in figures, per currency, so a reader checks it on the page */
	for (int k = 0; k < a.ntot; k++) {
		const cur_tot *t = &a.tot[k];
		char m3[40];

		if (!t->rows)
			continue;
		money_format(t->open, &co->fmt, m1, sizeof m1);
		money_format(t->credits, &co->fmt, m2, sizeof m2);
		money_format(t->net, &co->fmt, m3, sizeof m3);
		report_note(r, P_("%s: %ld client; open charges %s less credits in favour %s = net %s.",
		                  "%s: %ld clients; open charges %s less credits in favour %s = net %s.",
		                  (unsigned long)t->rows), t->cur, t->rows, m1, m2, m3);
	}
	return report_finish(r, e);
}

/* ---- clients with something open ---- */

typedef struct pick {
	int64_t *ids;
	int n, cap;
	int overdue_only;
	int fail;
} pick;

static int pick_cb(const aging_row *row, void *ud)
{
	pick *p = ud;
	int64_t overdue = 0;

	for (int i = 0; i <= LEDGER_MAX_RANGES; i++)
		overdue += row->range[i];
	if (p->overdue_only ? overdue == 0 : (row->net == 0 && row->open_charges == 0))
		return 0;
	if (p->n && p->ids[p->n - 1] == row->client_id)
		return 0; /* its second currency */
	if (p->n == p->cap) {
		int cap = p->cap ? p->cap * 2 : 256;
		int64_t *n = realloc(p->ids, sizeof *n * (size_t)cap);

		if (!n) {
			p->fail = 1;
			return 1;
		}
		p->ids = n;
		p->cap = cap;
	}
	p->ids[p->n++] = row->client_id;
	return 0;
}

int rpt_pick_clients(ctl *c, const char *asof, int overdue_only, int64_t **ids, int *n, cart_err *e)
{
	pick p = { NULL, 0, 0, overdue_only, 0 };
	char d[DATE_LEN];
	int rc;

	if (!asof || !*asof) {
		date_format(date_today(), d);
		asof = d;
	}
	rc = ledger_aging(c->l, asof, c->co.ranges, c->co.n_ranges, pick_cb, &p, e);
	if (rc == CART_OK && p.fail)
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	if (rc != CART_OK) {
		free(p.ids);
		return rc;
	}
	*ids = p.ids;
	*n = p.n;
	return CART_OK;
}
