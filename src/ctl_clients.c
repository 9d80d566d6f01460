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

void ctl_clients_free(ctl_clients *v)
{
	free(v->all);
	v->all = NULL;
	v->nall = 0;
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

/* Collects rows into a growing or fixed array, one per client. */
typedef struct collect {
	ctl *c;
	ctlc_row *rows;
	long n, cap;
	int grow;
	int failed;
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
	if (k->n == k->cap) {
		ctlc_row *bigger;

		if (!k->grow)
			return 1;
		k->cap = k->cap ? k->cap * 2 : 256;
		bigger = realloc(k->rows, (size_t)k->cap * sizeof *bigger);
		if (!bigger) {
			k->failed = 1;
			return 1;
		}
		k->rows = bigger;
	}
	o = &k->rows[k->n++];
	memset(o, 0, sizeof *o);
	o->id = r->c->id;
	snprintf(o->name, sizeof o->name, "%s", r->c->name);
	tax_text(r->c, o->tax_id, sizeof o->tax_id);
	snprintf(o->phone, sizeof o->phone, "%s", r->c->phone);
	money_text(k->c, r->currency, r->balance, o->balance, sizeof o->balance);
	return 0;
}

static int by_taxid(const void *a, const void *b)
{
	const ctlc_row *x = a, *y = b;
	int r = strcmp(x->tax_id, y->tax_id);

	return r ? r : strcmp(x->name, y->name);
}

static int by_phone(const void *a, const void *b)
{
	const ctlc_row *x = a, *y = b;
	int r = strcmp(x->phone, y->phone);

	return r ? r : strcmp(x->name, y->name);
}

int ctl_clients_query(ctl_clients *v, const char *filter, int sort, int desc, cart_err *e)
{
	int64_t n = 0;
	int rc;

	snprintf(v->filter, sizeof v->filter, "%s", filter ? filter : "");
	v->sort = sort;
	v->desc = desc;
	ctl_clients_free(v);
	if ((rc = ledger_client_count(v->c->l, v->filter, &n, e)) != CART_OK)
		return rc;
	v->count = (long)n;
	if (sort == CTLC_BY_NAME)
		return CART_OK;
	{
		collect k = { v->c, NULL, 0, 0, 1, 0 };

		rc = ledger_client_list(v->c->l, v->filter, 0, 0, collect_row, &k, e);
		if (rc == CART_OK && k.failed)
			rc = cart_fail(e, CART_NOMEM, "out of memory reading the client list");
		if (rc != CART_OK) {
			free(k.rows);
			return rc;
		}
		qsort(k.rows, (size_t)k.n, sizeof *k.rows, sort == CTLC_BY_TAXID ? by_taxid : by_phone);
		v->all = k.rows;
		v->nall = k.n;
		v->count = k.n;
	}
	return CART_OK;
}

static void reverse(ctlc_row *r, int n)
{
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		ctlc_row t = r[i];

		r[i] = r[j];
		r[j] = t;
	}
}

int ctl_clients_page(ctl_clients *v, long offset, int n, ctlc_row *out, int *got, cart_err *e)
{
	collect k = { v->c, out, 0, n, 0, 0 };
	long from = offset;
	int rc;

	*got = 0;
	if (offset < 0 || n <= 0 || offset >= v->count)
		return CART_OK;
	if (offset + n > v->count)
		n = (int)(v->count - offset);
	if (v->sort != CTLC_BY_NAME) {
		for (int i = 0; i < n; i++)
			out[i] = v->all[v->desc ? v->nall - 1 - (offset + i) : offset + i];
		*got = n;
		return CART_OK;
	}
	if (v->desc)
		from = v->count - offset - n;   /* the mirrored page, reversed below */
	k.cap = n;
	rc = ledger_client_list(v->c->l, v->filter, (int)from, n, collect_row, &k, e);
	if (rc != CART_OK)
		return rc;
	if (v->desc)
		reverse(out, (int)k.n);
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
