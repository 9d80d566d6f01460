/* The dashboard's view-model: the model's rows (ledger_dash.h) turned into the clerk's text, and
 * the clerk's settings per tab turned into model queries. The aging ranges are the company's. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "model/ledger_watch.h"
#include "cartera/ctl_dash.h"
#include "cartera/date.h"
#include "cartera/ctl_followup.h"
#include "cartera/i18n.h"

/* ---- labels ---- */

static const char *const total_labels[CTLD_NTOTALS] = {
	N_("Due"), N_("Overdue"), N_("Credits in favour"), N_("Net balance"),
};
static const int total_tabs[CTLD_NTOTALS] = { DASH_DUE, DASH_OVERDUE, DASH_CREDITS, DASH_CLIENTS };

static const struct { const char *key, *label; } tabs[DASH_NTABS] = {
	[DASH_CLIENTS] = { "clients", N_("Clients") },
	[DASH_TRANSACTIONS] = { "transactions", N_("Transactions") },
	[DASH_DUE] = { "due", N_("Due") },
	[DASH_OVERDUE] = { "overdue", N_("Overdue") },
	[DASH_CREDITS] = { "credits", N_("Credits") },
	[DASH_QUOTES] = { "quotes", N_("Quotes") },
};

const char *ctl_dash_total_label(int total)
{
	return total >= 0 && total < CTLD_NTOTALS ? _(total_labels[total]) : "";
}

const char *ctl_dash_tab_label(int tab)
{
	return tab >= 0 && tab < DASH_NTABS ? _(tabs[tab].label) : "";
}

const char *ctl_dash_tab_key(int tab)
{
	return tab >= 0 && tab < DASH_NTABS ? tabs[tab].key : "";
}

int ctl_dash_tab_parse(const char *name)
{
	for (int i = 0; i < DASH_NTABS; i++)
		if (name && !strcmp(name, tabs[i].key))
			return i;
	return -1;
}

int ctl_dash_total_tab(int total)
{
	return total >= 0 && total < CTLD_NTOTALS ? total_tabs[total] : -1;
}

int ctl_dash_key_total(int key)
{
	return key >= '1' && key < '1' + CTLD_NTOTALS ? key - '1' : -1;
}

/* Document types as the clerk reads them. */
static const char *const type_labels[DOC_NTYPES] = {
	[DOC_INVOICE] = N_("invoice"), [DOC_CREDIT_NOTE] = N_("credit note"),
	[DOC_RECEIPT] = N_("receipt"), [DOC_ADVANCE] = N_("advance"), [DOC_OPENING] = N_("opening"),
	[DOC_JOURNAL] = N_("journal"), [DOC_QUOTE] = N_("quote"), [DOC_APPLY] = N_("application"),
	[DOC_VOID] = N_("void"), [DOC_DEBIT_NOTE] = N_("debit note"),
};

static const char *type_label(int type)
{
	return type >= 0 && type < DOC_NTYPES ? _(type_labels[type]) : "?";
}

const char *ctl_dash_type_label(int type)
{
	return type_label(type);
}

/* ---- columns ---- */

static const ctld_col cols_clients[] = {
	{ "client", N_("Client"), 26, 0, DCOL_CLIENT, 0 },
	{ "tax_id", N_("Tax id"), 14, 0, -1, 0 },
	{ "balance", N_("Balance"), 15, 1, DCOL_BALANCE, 1 },
	{ "overdue", N_("Overdue"), 15, 1, DCOL_OVERDUE, 1 },
	{ "credit", N_("Credit"), 14, 1, DCOL_CREDITS, 1 },
	{ "oldest_days", N_("Days"), 5, 1, DCOL_DAYS, 1 },
	{ "status", N_("Follow-up"), 22, 0, DCOL_STATUS, 0 },
};
static const ctld_col cols_transactions[] = {
	{ "date", N_("Date"), 10, 0, DCOL_DATE, 0 },
	{ "number", N_("Number"), 12, 0, DCOL_NUMBER, 0 },
	{ "type", N_("Type"), 12, 0, DCOL_TYPE, 0 },
	{ "client", N_("Client"), 24, 0, DCOL_CLIENT, 0 },
	{ "total", N_("Total"), 15, 1, DCOL_AMOUNT, 1 },
	{ "status", N_("Status"), 12, 0, -1, 0 },
};
static const ctld_col cols_due[] = {
	{ "client", N_("Client"), 24, 0, DCOL_CLIENT, 0 },
	{ "number", N_("Number"), 12, 0, DCOL_NUMBER, 0 },
	{ "date", N_("Date"), 10, 0, DCOL_DATE, 0 },
	{ "due", NC_("column", "Due"), 10, 0, DCOL_DUE, 0 },
	{ "days_to_due", NC_("days", "Due in"), 6, 1, DCOL_DUE, 1 },
	{ "amount", N_("Amount"), 14, 1, DCOL_AMOUNT, 1 },
	{ "open", NC_("column", "Open"), 14, 1, DCOL_OPEN, 1 },
};
static const ctld_col cols_overdue[] = {
	{ "client", N_("Client"), 24, 0, DCOL_CLIENT, 0 },
	{ "number", N_("Number"), 12, 0, DCOL_NUMBER, 0 },
	{ "date", N_("Date"), 10, 0, DCOL_DATE, 0 },
	{ "due", NC_("column", "Due"), 10, 0, DCOL_DUE, 0 },
	{ "days_overdue", N_("Days"), 6, 1, DCOL_DAYS, 1 },
	{ "amount", N_("Amount"), 14, 1, DCOL_AMOUNT, 1 },
	{ "open", NC_("column", "Open"), 14, 1, DCOL_OPEN, 1 },
};
static const ctld_col cols_credits[] = {
	{ "client", N_("Client"), 24, 0, DCOL_CLIENT, 0 },
	{ "number", N_("Number"), 12, 0, DCOL_NUMBER, 0 },
	{ "code", N_("Code"), 4, 0, -1, 0 },
	{ "date", N_("Date"), 10, 0, DCOL_DATE, 0 },
	{ "amount", N_("Amount"), 14, 1, DCOL_AMOUNT, 1 },
	{ "open", NC_("column", "Left"), 14, 1, DCOL_OPEN, 1 },
};
static const ctld_col cols_quotes[] = {
	{ "date", N_("Date"), 10, 0, DCOL_DATE, 0 },
	{ "number", N_("Number"), 12, 0, DCOL_NUMBER, 0 },
	{ "client", N_("Client"), 26, 0, DCOL_CLIENT, 0 },
	{ "valid", N_("Valid until"), 10, 0, DCOL_DUE, 0 },
	{ "total", N_("Total"), 15, 1, DCOL_AMOUNT, 1 },
	{ "status", N_("Status"), 10, 0, -1, 0 },
};

static const struct { const ctld_col *cols; int n; int sort, desc; } tab_cols[DASH_NTABS] = {
#define T(tab, a, s, d) [tab] = { a, (int)(sizeof a / sizeof a[0]), s, d }
	T(DASH_CLIENTS, cols_clients, DCOL_CLIENT, 0),
	T(DASH_TRANSACTIONS, cols_transactions, DCOL_DATE, 1),
	T(DASH_DUE, cols_due, DCOL_DUE, 0),
	T(DASH_OVERDUE, cols_overdue, DCOL_DAYS, 1),
	T(DASH_CREDITS, cols_credits, DCOL_DATE, 0),
	T(DASH_QUOTES, cols_quotes, DCOL_DATE, 1),
#undef T
};

const ctld_col *ctl_dash_columns(int tab, int *n)
{
	if (tab < 0 || tab >= DASH_NTABS) {
		*n = 0;
		return NULL;
	}
	*n = tab_cols[tab].n;
	return tab_cols[tab].cols;
}

/* ---- totals and counts ---- */

static void money_text(const ctl_dash *v, const char *cur, int64_t m, char *buf, size_t size)
{
	char t[48];

	if (v->plain)
		ctl_money_plain(v->c, m, t, sizeof t);
	else
		ctl_money(v->c, m, t, sizeof t);
	/* for programs a plain number: the currency is a field of its own (cli_dash.c) */
	if (!v->plain && cur[0] && strcmp(cur, v->c->co.currency) != 0)
		snprintf(buf, size, "%s %s", cur, t);
	else
		snprintf(buf, size, "%s", t);
}

void ctl_dash_total_part(const ctl_dash *v, int k, int i, char *amount, size_t size,
                         int64_t *count)
{
	const totals *t;

	if (i < 0 || i >= v->d.n) {
		money_text(v, "", 0, amount, size);
		*count = 0;
		return;
	}
	t = &v->d.t[i];
	money_text(v, t->currency, k == CTLD_DUE ? t->due : k == CTLD_OVERDUE ? t->overdue :
	           k == CTLD_CREDITS ? t->credits : t->net, amount, size);
	*count = k == CTLD_DUE ? t->n_due : k == CTLD_OVERDUE ? t->n_overdue :
	         k == CTLD_CREDITS ? t->n_credits : t->n_due + t->n_overdue + t->n_credits;
}

static void totals_text(ctl_dash *v)
{
	for (int k = 0; k < CTLD_NTOTALS; k++) {
		char *out = v->total_text[k];
		size_t size = sizeof v->total_text[k];

		out[0] = '\0';
		if (v->d.n == 0)
			money_text(v, "", 0, out, size);
		for (int i = 0; i < v->d.n; i++) {
			const totals *t = &v->d.t[i];
			int64_t amt = k == CTLD_DUE ? t->due : k == CTLD_OVERDUE ? t->overdue :
			              k == CTLD_CREDITS ? t->credits : t->net;
			int64_t cnt = k == CTLD_DUE ? t->n_due : k == CTLD_OVERDUE ? t->n_overdue :
			              k == CTLD_CREDITS ? t->n_credits : t->n_due + t->n_overdue + t->n_credits;
			char m[64], part[96];
			size_t len = strlen(out);

			money_text(v, t->currency, amt, m, sizeof m);
			snprintf(part, sizeof part, "%s%s (%lld)", i ? " + " : "", m, (long long)cnt);
			snprintf(out + len, size - len, "%s", part);
		}
	}
}

/* The model query of the tab on show. */
static void make_query(const ctl_dash *v, dash_query *q)
{
	const ctld_tabset *s = &v->set[v->tab];
	const company *co = &v->c->co;

	memset(q, 0, sizeof *q);
	q->tab = v->tab;
	q->client_id = v->client_id;
	memcpy(q->asof, v->today, DATE_LEN);
	snprintf(q->filter, sizeof q->filter, "%s", s->filter);
	q->sort = s->sort;
	q->desc = s->desc;
	q->has_min = s->has_min;
	q->has_max = s->has_max;
	q->days_min = s->days_min;
	q->days_max = s->days_max;
	if (s->range >= 0) {
		/* the range as days overdue, narrowing the days bounds */
		int lo, hi, has_hi = 1;

		if (s->range == 0) {
			lo = -1000000;
			hi = 0;
		} else {
			lo = s->range == 1 ? 1 : co->ranges[s->range - 2] + 1;
			if (s->range <= co->n_ranges)
				hi = co->ranges[s->range - 1];
			else
				hi = 0, has_hi = 0;
		}
		if (!q->has_min || lo > q->days_min)
			q->days_min = lo;
		q->has_min = 1;
		if (has_hi) {
			if (!q->has_max || hi < q->days_max)
				q->days_max = hi;
			q->has_max = 1;
		}
	}
}

static int recount(ctl_dash *v, cart_err *e)
{
	const ctld_tabset *s = &v->set[v->tab];
	dash_query q;
	int rc;

	v->more = 0;
	v->walk = 0;

	/* Due, Overdue and Credits unfiltered hold exactly the open items the totals counted */
	if (!s->filter[0] && !s->has_min && !s->has_max && s->range < 0 &&
	    (v->tab == DASH_DUE || v->tab == DASH_OVERDUE || v->tab == DASH_CREDITS)) {
		v->count = 0;
		for (int i = 0; i < v->d.n; i++)
			v->count += v->tab == DASH_DUE ? v->d.t[i].n_due :
			            v->tab == DASH_OVERDUE ? v->d.t[i].n_overdue : v->d.t[i].n_credits;
		return CART_OK;
	}
	make_query(v, &q);
	q.bound = v->all ? 0 : v->bound;
	if ((rc = ledger_dash_count(v->c->l, &q, &v->count, &v->more, e)) != CART_OK)
		return rc;
	v->walk = v->more || (v->all && v->bound > 0 && v->count > v->bound);
	return CART_OK;
}

int ctl_dash_count_all(ctl_dash *v, cart_err *e)
{
	if (!v->more)
		return CART_OK;
	v->all = 1;
	return recount(v, e);
}

int ctl_dash_open(ctl_dash *v, ctl *c, int64_t client_id, const char *asof, cart_err *e)
{
	int rc;

	memset(v, 0, sizeof *v);
	v->c = c;
	v->client_id = client_id;
	if ((rc = ctl_date(asof, _("the as-of date"), v->today, e)) != CART_OK)
		return rc;
	if (client_id) {
		client cl;

		if ((rc = ledger_client_get(c->l, client_id, &cl, e)) != CART_OK)
			return rc;
		snprintf(v->client_name, sizeof v->client_name, "%s", cl.name);
	}
	for (int t = 0; t < DASH_NTABS; t++) {
		v->set[t].sort = tab_cols[t].sort;
		v->set[t].desc = tab_cols[t].desc;
		v->set[t].range = -1;
	}
	v->tab = DASH_OVERDUE; /* B2: the dashboard opens on what is overdue */
	return ctl_dash_refresh(v, e);
}

int ctl_dash_refresh(ctl_dash *v, cart_err *e)
{
	int rc = ledger_data_version(v->c->l, &v->seen, e);

	if (rc == CART_OK)
		rc = ctl_dashboard_load(v->c, v->client_id, v->today, &v->d, e);
	if (rc != CART_OK)
		return rc;
	totals_text(v);
	return recount(v, e);
}

int ctl_dash_sync(ctl_dash *v, int *changed, cart_err *e)
{
	int64_t now;
	int rc = ledger_data_version(v->c->l, &now, e);

	*changed = 0;
	if (rc != CART_OK || now == v->seen)
		return rc;
	*changed = 1;
	return ctl_dash_refresh(v, e);
}

int ctl_dash_tab(ctl_dash *v, int tab, cart_err *e)
{
	v->all = 0;
	if (tab < 0 || tab >= DASH_NTABS)
		return cart_fail(e, CART_INVALID, _("no such tab (%d)"), tab);
	v->tab = tab;
	return recount(v, e);
}

int ctl_dash_filter(ctl_dash *v, const char *text, cart_err *e)
{
	v->all = 0;
	snprintf(v->set[v->tab].filter, sizeof v->set[v->tab].filter, "%s", text ? text : "");
	return recount(v, e);
}

int ctl_dash_sort(ctl_dash *v, const char *key, int desc, cart_err *e)
{
	int n;
	const ctld_col *cols = ctl_dash_columns(v->tab, &n);

	for (int i = 0; i < n; i++)
		if (key && !strcmp(cols[i].key, key)) {
			if (cols[i].sort < 0)
				return cart_fail(e, CART_INVALID, _("the %s tab cannot be sorted by \"%s\""),
				                 ctl_dash_tab_label(v->tab), key);
			v->set[v->tab].sort = cols[i].sort;
			v->set[v->tab].desc = desc;
			return CART_OK; /* the order changes no count */
		}
	return cart_fail(e, CART_INVALID, _("the %s tab has no column \"%s\""),
	                 ctl_dash_tab_label(v->tab), key ? key : "");
}

/* Days overdue belong to what can be overdue: due and overdue items, and clients (their oldest
 * overdue item). */
static int check_days_tab(const ctl_dash *v, int on, cart_err *e)
{
	if (on && v->tab != DASH_DUE && v->tab != DASH_OVERDUE && v->tab != DASH_CLIENTS)
		return cart_fail(e, CART_INVALID, _("the %s tab has no days overdue to filter by"),
		                 ctl_dash_tab_label(v->tab));
	return CART_OK;
}

int ctl_dash_days(ctl_dash *v, int has_min, int min, int has_max, int max, cart_err *e)
{
	ctld_tabset *s = &v->set[v->tab];

	if (check_days_tab(v, has_min || has_max, e) != CART_OK)
		return e->code;
	if (has_min && has_max && min > max)
		return cart_fail(e, CART_INVALID, _("days overdue: the lower bound %d is above the"
		                 " upper bound %d"), min, max);
	s->has_min = has_min;
	s->has_max = has_max;
	s->days_min = min;
	s->days_max = max;
	v->all = 0;
	return recount(v, e);
}

int ctl_dash_range(ctl_dash *v, int range, cart_err *e)
{
	if (check_days_tab(v, range >= 0, e) != CART_OK)
		return e->code;
	if (range < -1 || range > v->c->co.n_ranges + 1)
		return cart_fail(e, CART_INVALID, _("aging range %d: give 0 (not yet due) to %d"), range,
		                 v->c->co.n_ranges + 1);
	v->set[v->tab].range = range;
	v->all = 0;
	return recount(v, e);
}

/* ---- rows ---- */

typedef struct collect {
	ctl_dash *v;
	ctld_row *out;
	int n, cap;
} collect;

static void tax_text(const dash_row *r, char *buf, size_t size)
{
	if (r->dv[0])
		snprintf(buf, size, "%s-%s", r->tax_id, r->dv);
	else
		snprintf(buf, size, "%s", r->tax_id);
}

static void number_text(const dash_row *r, char *buf, size_t size)
{
	if (r->instalment_id)
		snprintf(buf, size, "%s/%d", r->number, r->instalment_no);
	else
		snprintf(buf, size, "%s", r->number);
}

/* What became of a document (transactions, quotes). Open is what its entries keep open now. */
static const char *doc_status(const ctl_dash *v, const dash_row *r)
{
	if (r->is_void)
		return _("void");
	if (r->voided)
		return _("voided");
	switch (r->doc_type) {
	case DOC_QUOTE: {
		static const char *const names[] = { N_("open"), N_("accepted"), N_("rejected"),
		                                     N_("expired") };
		quote_row q;
		cart_err e;

		/* its status as of today: one row of a small table, for the rows on show only */
		if (ledger_quote_get(v->c->l, r->doc_id, v->today, &q, &e) != CART_OK)
			return _("quote");
		if (q.invoice[0])
			return _("invoiced");
		return q.status >= 0 && q.status < 4 ? _(names[q.status]) : _("quote");
	}
	case DOC_INVOICE:
	case DOC_OPENING:
	case DOC_JOURNAL:
	case DOC_DEBIT_NOTE:
		if (r->open < 0)
			return _("credit left");
		if (r->open == 0)
			return r->amount ? _("paid") : _("closed");
		if (r->open_due[0] && strcmp(r->open_due, v->today) < 0)
			return r->open < r->amount ? _("part overdue") : _("overdue");
		return r->open < r->amount ? _("partly paid") : _("open");
	case DOC_APPLY:
		return _("applied");
	default: /* receipts, advances, credit notes */
		return r->open < 0 ? _("credit left") : _("applied");
	}
}

/* A date of a row: the company's order on the screens, ISO for the command line and programs. */
static void date_cell(const ctl_dash *v, const char *iso, char *out, size_t size)
{
	if (v->people)
		date_show(iso, out, size);
	else
		snprintf(out, size, "%s", iso);
}

static int collect_row(const dash_row *r, void *ud)
{
	collect *k = ud;
	ctl_dash *v = k->v;
	ctld_row *o;
	char (*c)[208];

	if (k->n == k->cap)
		return 1;
	o = &k->out[k->n++];
	memset(o, 0, sizeof *o);
	o->client_id = r->client_id;
	o->entry_id = r->entry_id;
	o->instalment_id = r->instalment_id;
	o->doc_id = r->doc_id;
	memcpy(o->currency, r->currency, 4);
	c = o->cell;
	switch (v->tab) {
	case DASH_CLIENTS:
		snprintf(c[0], sizeof c[0], "%s", r->client);
		tax_text(r, c[1], sizeof c[1]);
		money_text(v, r->currency, r->balance, c[2], sizeof c[2]);
		money_text(v, r->currency, r->overdue, c[3], sizeof c[3]);
		money_text(v, r->currency, r->credits, c[4], sizeof c[4]);
		snprintf(c[5], sizeof c[5], "%d", r->oldest_days);
		/* a client followed up shows its next action and level (issue 13) */
		if (ctl_fu_dash_text(v->c, r->client_id, c[6], sizeof c[6]))
			;
		else if (r->last_reminder[0])
			snprintf(c[6], sizeof c[6], _("reminded %.10s"), r->last_reminder);
		else
			snprintf(c[6], sizeof c[6], "%s", r->overdue ? _("no reminder yet") : _("up to date"));
		break;
	case DASH_TRANSACTIONS:
	case DASH_QUOTES: {
		int q = v->tab == DASH_QUOTES;

		date_cell(v, r->date, c[0], sizeof c[0]);
		snprintf(c[1], sizeof c[1], "%s", r->number);
		if (q) {
			snprintf(c[2], sizeof c[2], "%s", r->client);
			date_cell(v, r->due_date, c[3], sizeof c[3]);
		} else {
			snprintf(c[2], sizeof c[2], "%s", type_label(r->doc_type));
			snprintf(c[3], sizeof c[3], "%s", r->client);
		}
		money_text(v, r->currency, r->amount, c[4], sizeof c[4]);
		snprintf(c[5], sizeof c[5], "%s", doc_status(v, r));
		break;
	}
	case DASH_DUE:
	case DASH_OVERDUE:
		snprintf(c[0], sizeof c[0], "%s", r->client);
		number_text(r, c[1], sizeof c[1]);
		date_cell(v, r->date, c[2], sizeof c[2]);
		date_cell(v, r->due_date, c[3], sizeof c[3]);
		snprintf(c[4], sizeof c[4], "%d", v->tab == DASH_DUE ? -r->days : r->days);
		money_text(v, r->currency, r->amount, c[5], sizeof c[5]);
		money_text(v, r->currency, r->open, c[6], sizeof c[6]);
		break;
	case DASH_CREDITS:
		snprintf(c[0], sizeof c[0], "%s", r->client);
		snprintf(c[1], sizeof c[1], "%s", r->number);
		snprintf(c[2], sizeof c[2], "%s", r->code);
		date_cell(v, r->date, c[3], sizeof c[3]);
		money_text(v, r->currency, r->amount, c[4], sizeof c[4]);
		money_text(v, r->currency, r->open, c[5], sizeof c[5]);
		break;
	}
	return 0;
}

int ctl_dash_page(ctl_dash *v, int64_t offset, int n, ctld_row *out, int *got, cart_err *e)
{
	collect k = { v, out, 0, n };
	dash_query q;
	int rc;

	*got = 0;
	if (offset < 0 || n <= 0)
		return CART_OK;
	make_query(v, &q);
	q.walk = v->walk;
	if (v->walk && !v->more && offset + n > v->count / 2) {
		/* the far half of a walked list (End): read in the reverse order from its end, so
		 * the walk stops after the rows shown (from the start, 4.3 s at row 1.5 M) */
		int64_t from = v->count - offset - n;

		if (offset >= v->count)
			return CART_OK;
		if (from < 0) {
			n = (int)(v->count - offset); /* fewer than n rows are left */
			from = 0;
		}
		k.cap = n;
		q.desc = !q.desc;
		if ((rc = ledger_dash_page(v->c->l, &q, from, n, collect_row, &k, e)) != CART_OK)
			return rc;
		for (int i = 0, j = k.n - 1; i < j; i++, j--) {
			ctld_row t = out[i];

			out[i] = out[j];
			out[j] = t;
		}
		*got = k.n;
		return CART_OK;
	}
	if ((rc = ledger_dash_page(v->c->l, &q, offset, n, collect_row, &k, e)) != CART_OK)
		return rc;
	*got = k.n;
	return CART_OK;
}

int ctl_dash_row_of(ctl_dash *v, const ctld_row *r, int64_t *row, cart_err *e)
{
	dash_query q;
	dash_key k;

	memset(&k, 0, sizeof k);
	make_query(v, &q);
	switch (v->tab) {
	case DASH_CLIENTS:
		k.id = r->client_id;
		memcpy(k.currency, r->currency, 4);
		break;
	case DASH_TRANSACTIONS:
	case DASH_QUOTES:
		k.id = r->doc_id;
		break;
	default:
		k.id = r->entry_id;
		k.instalment_id = r->instalment_id;
	}
	return ledger_dash_position(v->c->l, &q, &k, row, e);
}

/* ---- reminders ---- */

int ctl_dash_remind(ctl_dash *v, const ctld_row *r, const char *note, hist_entry *out, cart_err *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	out->client_id = r->client_id;
	out->kind = HIST_REMINDER;
	out->doc_id = v->tab == DASH_CLIENTS ? 0 : r->doc_id;
	snprintf(out->text, sizeof out->text, "%s", note ? note : "");
	if ((rc = ledger_history_add(v->c->l, out, e)) != CART_OK)
		return rc;
	return ctl_dash_refresh(v, e);
}

int ctl_remind(ctl *c, const char *ref, const char *note, hist_entry *out, cart_err *e)
{
	doc_info d;
	client cl;
	cart_err ignore;
	int digits = 1;
	int rc;

	memset(out, 0, sizeof *out);
	out->kind = HIST_REMINDER;
	snprintf(out->text, sizeof out->text, "%s", note ? note : "");
	for (const char *p = ref; p && *p; p++)
		if (*p < '0' || *p > '9')
			digits = 0;
	/* a bare number is a client's id; a document is named by its number */
	if (ref && *ref && !digits && ctl_doc_ref(c, ref, &d, &ignore) == CART_OK) {
		out->client_id = d.client_id;
		out->doc_id = d.id;
		snprintf(out->number, sizeof out->number, "%s", d.number);
	} else {
		if ((rc = ctl_client_ref(c, ref ? ref : "", &cl, e)) != CART_OK)
			return rc;
		out->client_id = cl.id;
	}
	return ledger_history_add(c->l, out, e);
}

int ctl_history_list(ctl *c, int64_t client_id, hist_cb cb, void *ud, cart_err *e)
{
	return ledger_history_list(c->l, client_id, cb, ud, e);
}
