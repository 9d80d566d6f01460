/* The demo ledger (SPEC P2). See include/cartera/demo.h.
 *
 * The generator walks the calendar once, day by day, and posts through the model's public calls
 * inside one bulk load: opening balances first, then each day's credit notes, invoices (with
 * credits in favour applied to them) and receipts, so document numbers run with the dates. It
 * never asks the ledger what is open: every open charge and credit is tracked here, in a pool of
 * small records linked per client, and the charges also sit in a heap keyed by the day their
 * client means to pay. Each day takes its quota of receipts from the top of that heap, so older
 * invoices get paid first, late payers stay overdue and recent invoices are mostly still open.
 * Time is O(documents log open items), memory grows with the open items, not the history.
 *
 * Everything comes from one splitmix64 stream seeded by the options and from date_today(); the
 * same seed and today always give the same ledger. Who the clients are (names, places, contacts,
 * terms) comes from src/ctl/demo_names.c. This file holds the options, the open-item pool, the
 * payment heap, amounts and habits, and the whole run; demo_clients.c makes the company, the
 * clients and their opening balances, demo_docs.c the documents day by day, the quotes and the
 * voids. All three share the generator's memory through src/ctl/demo_int.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_int.h"
#include "cartera/i18n.h"

void demo_defaults(demo_opts *o)
{
	memset(o, 0, sizeof *o);
	o->clients = 300;
	o->invoices = o->clients * 20;
	o->receipts = o->invoices * 3 / 4;
	o->months = 18;
	o->seed = 1;
}

/* ---- messages, dates and progress ---- */

int dg_nomem(gen *g)
{
	return cart_fail(g->e, CART_NOMEM, _("out of memory building the demo ledger"));
}

/* The model's message, with what the demo was doing in front (date may be NULL). */
int dg_failed(gen *g, int rc, const char *what, const char *date)
{
	char msg[sizeof g->e->msg];

	snprintf(msg, sizeof msg, "%s", g->e->msg);
	return cart_fail(g->e, rc ? rc : CART_DB, _("demo ledger: %s%s%s: %s"), what,
	                 date ? " dated " : "", date ? date : "", msg);
}

const char *dg_ds(gen *g, date_t d)
{
	char *b;

	if (d >= g->dlo && d - g->dlo < g->ndates)
		return g->dstr[d - g->dlo];
	b = g->dscratch[g->dnext++ & 3];
	date_format(d, b);
	return b;
}

void dg_progress(gen *g, int64_t n)
{
	g->work += n;
	if (g->o->quiet || g->work < g->next_mark || g->work_total <= 0)
		return;
	fprintf(stderr, _("demo: %3d%% (%lld of %lld documents)\n"),
	        (int)(g->work * 100 / g->work_total), (long long)g->work, (long long)g->work_total);
	g->next_mark = g->work + g->work_total / 20;
}

/* ---- the pool of open items and the client lists ---- */

int32_t dg_item_new(gen *g, int32_t ci, int credit)
{
	int32_t s;
	item *x;
	dclient *c = &g->cl[ci];

	if (g->freeit >= 0) {
		s = g->freeit;
		g->freeit = g->it[s].next;
	} else {
		if (g->nit == g->capit) {
			int32_t cap = g->capit ? g->capit * 2 : 4096;
			item *n = realloc(g->it, sizeof *n * (size_t)cap);

			if (!n)
				return -1;
			g->it = n;
			g->capit = cap;
		}
		s = g->nit++;
	}
	x = &g->it[s];
	memset(x, 0, sizeof *x);
	x->client = ci;
	x->credit = (uint8_t)credit;
	x->heap = -1;
	x->cand = -1;
	x->next = -1;
	if (credit) {
		x->prev = c->ctail;
		if (c->ctail >= 0)
			g->it[c->ctail].next = s;
		else
			c->chead = s;
		c->ctail = s;
	} else {
		x->prev = c->tail;
		if (c->tail >= 0)
			g->it[c->tail].next = s;
		else
			c->head = s;
		c->tail = s;
	}
	return s;
}

/* ---- the payment heap ---- */

static void heap_set(gen *g, int32_t pos, hnode n)
{
	g->heap[pos] = n;
	g->it[n.slot].heap = pos;
}

static void heap_up(gen *g, int32_t pos)
{
	hnode n = g->heap[pos];

	while (pos > 0) {
		int32_t parent = (pos - 1) / 2;

		if (g->heap[parent].key <= n.key)
			break;
		heap_set(g, pos, g->heap[parent]);
		pos = parent;
	}
	heap_set(g, pos, n);
}

static void heap_down(gen *g, int32_t pos)
{
	hnode n = g->heap[pos];

	for (;;) {
		int32_t c = 2 * pos + 1;

		if (c >= g->nheap)
			break;
		if (c + 1 < g->nheap && g->heap[c + 1].key < g->heap[c].key)
			c++;
		if (g->heap[c].key >= n.key)
			break;
		heap_set(g, pos, g->heap[c]);
		pos = c;
	}
	heap_set(g, pos, n);
}

static void heap_remove(gen *g, int32_t s)
{
	int32_t pos = g->it[s].heap;

	if (pos < 0)
		return;
	g->it[s].heap = -1;
	g->nheap--;
	if (pos == g->nheap)
		return;
	/* the last node fills the hole, then moves whichever way its key says */
	heap_set(g, pos, g->heap[g->nheap]);
	if (pos > 0 && g->heap[(pos - 1) / 2].key > g->heap[pos].key)
		heap_up(g, pos);
	else
		heap_down(g, pos);
}

/* (Re)schedule a charge for the day planned; NEVER takes it out of the heap for good. */
int dg_heap_plan(gen *g, int32_t s, date_t planned)
{
	hnode n;

	heap_remove(g, s);
	g->it[s].planned = planned;
	if (planned == NEVER)
		return CART_OK;
	if (g->nheap == g->capheap) {
		int32_t cap = g->capheap ? g->capheap * 2 : 4096;
		hnode *h = realloc(g->heap, sizeof *h * (size_t)cap);

		if (!h)
			return dg_nomem(g);
		g->heap = h;
		g->capheap = cap;
	}
	n.key = (int64_t)planned * (INT64_C(1) << 32) + g->seq++;
	n.slot = s;
	n.pad = 0;
	g->nheap++;
	heap_set(g, g->nheap - 1, n);
	heap_up(g, g->nheap - 1);
	return CART_OK;
}

/* A charge or credit fully used: off the heap, off its client's list, back to the pool. */
static void item_close(gen *g, int32_t s)
{
	item *x = &g->it[s];
	dclient *c = &g->cl[x->client];
	int32_t *head = x->credit ? &c->chead : &c->head, *tail = x->credit ? &c->ctail : &c->tail;

	heap_remove(g, s);
	if (x->cand >= 0)
		g->vinv[x->cand].slot = -1;
	if (x->prev >= 0)
		g->it[x->prev].next = x->next;
	else
		*head = x->next;
	if (x->next >= 0)
		g->it[x->next].prev = x->prev;
	else
		*tail = x->prev;
	x->entry_id = 0;
	x->next = g->freeit;
	g->freeit = s;
}

/* ---- instalments: money_split gives the first (total % n) parts one minor unit more ---- */

int64_t dg_inst_end(const item *x, int k)
{
	int64_t q = x->amount / x->n_inst, r = x->amount % x->n_inst;

	return (k + 1) * q + (k + 1 < r ? k + 1 : r);
}

int dg_inst_index(const item *x, int64_t offset)
{
	int64_t q = x->amount / x->n_inst, r = x->amount % x->n_inst, big = r * (q + 1);

	if (offset < big)
		return (int)(offset / (q + 1));
	return (int)(r + (offset - big) / q);
}

/* Allocation rows the model writes for amount against x: one per instalment it touches. */
int dg_alloc_rows(const item *x, int64_t amount)
{
	int64_t paid = x->amount - x->open;

	if (!x->n_inst)
		return 1;
	return dg_inst_index(x, paid + amount - 1) - dg_inst_index(x, paid) + 1;
}

/* Book amount against item s as the model did; closes it when nothing is left. */
void dg_item_take(gen *g, int32_t s, int64_t amount, date_t d)
{
	item *x = &g->it[s];

	x->open -= amount;
	if (x->cand >= 0) {
		g->vinv[x->cand].n_allocs++;
		g->vinv[x->cand].last_alloc = d;
	}
	if (x->open == 0)
		item_close(g, s);
}

/* ---- amounts, dates and habits ---- */

int64_t dg_round_down(int64_t v, int64_t unit)
{
	return unit > 0 ? v / unit * unit : v;
}

/* An invoice total: a spread from a tenth to forty times the typical invoice, plus VAT. */
int64_t dg_invoice_amount(gen *g)
{
	static const struct { int lo, hi, weight; } bands[] = {
		{ 30, 200, 15 }, { 200, 600, 25 }, { 600, 1500, 30 }, { 1500, 4000, 20 },
		{ 4000, 12000, 8 }, { 12000, 40000, 2 },
	};
	int pick = (int)dn_below(&g->r, 100), b = 0, vat;
	int64_t sub;

	while (pick >= bands[b].weight) {
		pick -= bands[b].weight;
		b++;
	}
	sub = g->median * dn_between(&g->r, bands[b].lo, bands[b].hi) / 1000;
	sub += dn_between(&g->r, 0, sub / 50 + 1);
	pick = (int)dn_below(&g->r, 100);
	vat = pick < 80 ? 19 : pick < 95 ? 5 : 0;
	sub += (sub * vat + 50) / 100;
	return sub < 100 ? 100 : sub;
}

/* The day this client will pay a charge due on due, or NEVER. */
date_t dg_plan_payment(gen *g, const dclient *c, date_t date, date_t due)
{
	static const int never[] = { 2, 15, 50, 150 };
	date_t p;

	if (dn_chance(&g->r, never[c->payer]))
		return NEVER;
	switch (c->payer) {
	case PAY_PUNCTUAL:
		p = due + (date_t)dn_between(&g->r, -(int64_t)(due - date), 5);
		break;
	case PAY_NORMAL:
		p = due + (date_t)dn_between(&g->r, -10, 30);
		break;
	case PAY_LATE:
		p = due + (date_t)dn_between(&g->r, 5, 75);
		break;
	default:
		p = due + (date_t)dn_between(&g->r, 30, 200);
		break;
	}
	return p < date ? date : p;
}

/* ---- the whole run ---- */

static void money_scale(gen *g)
{
	static const struct { const char *cur; int64_t median, round; } mags[] = {
		{ "COP", 1800000, 10000 }, { "CLP", 1200000, 10000 }, { "MXN", 15000, 100 },
		{ "PEN", 3000, 10 }, { "USD", 900, 10 }, { "PAB", 900, 10 }, { "EUR", 900, 10 },
	};
	int64_t scale = 1, median = 1000, round = 10;

	for (int i = 0; i < g->co.fmt.decimals; i++)
		scale *= 10;
	for (size_t i = 0; i < sizeof mags / sizeof mags[0]; i++)
		if (!strcmp(mags[i].cur, g->co.currency)) {
			median = mags[i].median;
			round = mags[i].round;
		}
	g->median = median * scale;
	g->round = round * scale;
}

static void gen_free(gen *g)
{
	free(g->cl);
	free(g->act);
	free(g->it);
	free(g->heap);
	free(g->dstr);
	for (int i = 0; i < PEND_DAYS; i++)
		free(g->pend[i]);
}

int demo_generate(ledger *l, const demo_opts *o, demo_stats *st, cart_err *e)
{
	gen g;
	demo_stats dummy;
	int64_t existing = 0;
	int rc;

	memset(&g, 0, sizeof g);
	if (!st)
		st = &dummy;
	memset(st, 0, sizeof *st);
	g.l = l;
	g.o = o;
	g.st = st;
	g.e = e;
	g.freeit = -1;
	if (o->clients < 1 || o->clients > 10000000)
		return cart_fail(e, CART_INVALID, _("the demo needs from 1 to 10,000,000 clients, not"
		                 " %lld"), (long long)o->clients);
	g.n_inv = o->invoices >= 0 ? o->invoices : o->clients * 20;
	g.n_rc = o->receipts >= 0 ? o->receipts : g.n_inv * 3 / 4;
	if (g.n_inv > INT64_C(100000000) || g.n_rc > INT64_C(100000000))
		return cart_fail(e, CART_INVALID, _("the demo makes at most 100,000,000 invoices and as"
		                 " many receipts"));
	if (o->months < 1 || o->months > 240)
		return cart_fail(e, CART_INVALID, _("the demo covers from 1 to 240 months, not %d"),
		                 o->months);
	if ((rc = ledger_company_get(l, &g.co, e)) != CART_OK)
		return rc;
	if ((rc = ledger_client_count(l, NULL, &existing, e)) != CART_OK)
		return rc;
	if (existing > 0)
		return cart_fail(e, CART_REFUSED, _("the demo fills an empty ledger, and this one already"
		                 " has %lld clients"), (long long)existing);

	g.r.s = dn_mix(o->seed, 0x64656d6f);   /* "demo" */
	g.today = date_today();
	g.d0 = date_add_months(g.today, -o->months);
	{
		/* opening items go back 200 days, instalments and terms run up to 180 days ahead */
		date_t first, last;

		date_from_ymd(1900, 1, 1, &first, CART_IGNORED);
		date_from_ymd(2999, 12, 31, &last, CART_IGNORED);
		if (g.d0 - 200 < first || g.today + 200 > last)
			return cart_fail(e, CART_INVALID, _("the demo needs a today between 1901 and 2998,"
			                 " its history and due dates fitting in 1900-2999"));
	}
	money_scale(&g);
	g.ncl = (int32_t)o->clients;
	g.dlo = g.d0 - 400;
	g.ndates = (g.today + 400) - g.dlo;
	g.cl = calloc((size_t)g.ncl, sizeof *g.cl);
	g.act = calloc((size_t)g.ncl, sizeof *g.act);
	g.dstr = calloc((size_t)g.ndates, sizeof *g.dstr);
	if (!g.cl || !g.act || !g.dstr) {
		gen_free(&g);
		return dg_nomem(&g);
	}
	for (int32_t i = 0; i < g.ndates; i++)
		date_format(g.dlo + i, g.dstr[i]);
	for (int i = 0; i <= g.co.n_ranges && i <= LEDGER_MAX_RANGES; i++) {
		int lo = i ? g.co.ranges[i - 1] + 1 : 1;
		int hi = i < g.co.n_ranges ? g.co.ranges[i] : lo + 60;

		g.anchor[g.nanchor++] = g.today - (lo + hi) / 2;
	}
	g.work_total = o->clients + g.n_inv + g.n_rc;
	g.next_mark = g.work_total / 20;

	if ((rc = ledger_bulk_begin(l, e)) != CART_OK) {
		gen_free(&g);
		return rc;
	}
	rc = dg_make_clients(&g);
	if (rc == CART_OK)
		rc = dg_make_openings(&g);
	if (rc == CART_OK)
		rc = dg_run_days(&g);
	if (rc == CART_OK)
		rc = dg_make_quotes(&g);
	if (rc != CART_OK) {
		ledger_bulk_abort(l);
		gen_free(&g);
		memset(st, 0, sizeof *st);
		return rc;
	}
	if ((rc = ledger_bulk_end(l, e)) != CART_OK) {
		gen_free(&g);
		memset(st, 0, sizeof *st);
		return rc;
	}
	if (!o->quiet)
		fprintf(stderr, _("demo: 100%% (%lld documents); voiding a few\n"), (long long)g.work);
	/* Voids read the allocations back, so they wait for the rebuilt indexes. The data above is
	 * already committed: a failure here is reported, and the ledger stays valid without them. */
	rc = dg_make_voids(&g);
	gen_free(&g);
	return rc;
}
