/* The client list's view-model. The ledger lists clients by name, a page at a time, one row per
 * client and currency; here those rows are merged into one per client and turned into text.
 * Descending by name reads the mirrored page and reverses it. Tax id and phone orders have no
 * paged query in the ledger yet, so the matching clients are read once per query and sorted in
 * memory: fine for thousands, to be replaced by a sorted page query in the model. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ctl_clients.h"

void ctl_clients_init(ctl_clients *v, ctl *c)
{
	memset(v, 0, sizeof *v);
	v->c = c;
}

static void tax_text(const client *cl, char *buf, size_t size)
{
	if (cl->dv[0])
		snprintf(buf, size, "%s-%s", cl->tax_id, cl->dv);
	else
		snprintf(buf, size, "%s", cl->tax_id);
}

/* Amount in the company format; another currency's amount carries its code. */
static void money_text(ctl *c, const char *cur, int64_t v, char *buf, size_t size)
{
	char m[48];

	ctl_money(c, v, m, sizeof m);
	if (cur[0] && strcmp(cur, c->co.currency) != 0)
		snprintf(buf, size, "%s %s", cur, m);
	else
		snprintf(buf, size, "%s", m);
}

/* Collects a page of rows, one per client (a client with balances in two currencies arrives in
 * two calls, merged into one row here). */
typedef struct collect {
	ctl *c;
	ctlc_row *rows;
	long n, cap;
} collect;

static int collect_row(const client_row *r, void *ud)
{
	collect *k = ud;
	ctlc_row *o;
	char m[64];

	if (k->n > 0 && k->rows[k->n - 1].id == r->c->id) {
		/* the same client in a second currency */
		o = &k->rows[k->n - 1];
		money_text(k->c, r->currency, r->balance, m, sizeof m);
		if (strlen(o->balance) + strlen(m) + 3 < sizeof o->balance) {
			strcat(o->balance, " + ");
			strcat(o->balance, m);
		}
		return 0;
	}
	if (k->n == k->cap)
		return 1;
	o = &k->rows[k->n++];
	memset(o, 0, sizeof *o);
	o->id = r->c->id;
	snprintf(o->name, sizeof o->name, "%s", r->c->name);
	tax_text(r->c, o->tax_id, sizeof o->tax_id);
	snprintf(o->phone, sizeof o->phone, "%s", r->c->phone);
	money_text(k->c, r->currency, r->balance, o->balance, sizeof o->balance);
	return 0;
}

int ctl_clients_query(ctl_clients *v, const char *filter, int sort, int desc, cart_err *e)
{
	int64_t n = 0;
	int rc;

	snprintf(v->filter, sizeof v->filter, "%s", filter ? filter : "");
	v->sort = sort;
	v->desc = desc;
	if ((rc = ledger_client_count(v->c->l, v->filter, &n, e)) != CART_OK)
		return rc;
	v->count = (long)n;
	return CART_OK;
}

int ctl_clients_page(ctl_clients *v, long offset, int n, ctlc_row *out, int *got, cart_err *e)
{
	collect k = { v->c, out, 0, n };
	int rc;

	*got = 0;
	if (offset < 0 || n <= 0 || offset >= v->count)
		return CART_OK;
	rc = ledger_client_list_sorted(v->c->l, v->filter, v->sort, v->desc, (int)offset, n,
	                               collect_row, &k, e);
	if (rc != CART_OK)
		return rc;
	*got = (int)k.n;
	return CART_OK;
}

int ctl_clients_detail(ctl_clients *v, int64_t id, ctlc_detail *out, cart_err *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = ledger_client_get(v->c->l, id, &out->cl, e)) != CART_OK)
		return rc;
	tax_text(&out->cl, out->tax_id, sizeof out->tax_id);
	if (out->cl.credit_limit)
		ctl_money(v->c, out->cl.credit_limit, out->credit_limit, sizeof out->credit_limit);
	else
		snprintf(out->credit_limit, sizeof out->credit_limit, "none");
	if ((rc = ctl_dashboard_load(v->c, id, NULL, &out->d, e)) != CART_OK)
		return rc;
	for (int i = 0; i < out->d.n; i++) {
		ctl_money(v->c, out->d.t[i].due, out->due[i], sizeof out->due[i]);
		ctl_money(v->c, out->d.t[i].overdue, out->overdue[i], sizeof out->overdue[i]);
		ctl_money(v->c, out->d.t[i].credits, out->credits[i], sizeof out->credits[i]);
		ctl_money(v->c, out->d.t[i].net, out->net[i], sizeof out->net[i]);
	}
	return CART_OK;
}
