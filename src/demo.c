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
 * terms) comes from src/demo_names.c; this file keeps what they do. It stays one file past the
 * usual size because every step shares the same open-item pool, heap and void candidates. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/demo.h"
#include "cartera/taxid.h"
#include "demo_names.h"
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

void demo_company(company *c)
{
	char id[32] = "", dv[4] = "";
	taxid_check chk;

	company_defaults(c);
	snprintf(c->name, sizeof c->name, "Distribuidora Andina S.A.S.");
	snprintf(c->country, sizeof c->country, "CO");
	snprintf(c->currency, sizeof c->currency, "COP");
	c->currency2[0] = '\0';
	c->fmt.decimals = 2;
	c->fmt.dec_sep = ',';
	c->fmt.thou_sep = '.';
	c->allow_cash_refund = 1;
	c->n_ranges = 3;
	c->ranges[0] = 30;
	c->ranges[1] = 60;
	c->ranges[2] = 90;
	if (taxid_generate("CO", TAXPAYER_LEGAL, 20260630, id, dv) == CART_OK &&
	    taxid_validate("CO", TAXPAYER_LEGAL, 0, id, dv, &chk) == CART_OK)
		snprintf(c->tax_id, sizeof c->tax_id, "%.24s-%s", chk.normalized,
		         chk.dv[0] ? chk.dv : dv);
	else
		snprintf(c->tax_id, sizeof c->tax_id, "900123456-8"); /* DV 8 by the DIAN weights */
}

/* ---- the generator's memory ---- */

#define NEVER INT32_MAX      /* planned payment day of a charge its client will not pay */
#define NCAND 8              /* void candidates kept of each kind */
#define MAX_PAID 6           /* charges one receipt pays at most */
#define PEND_DAYS 16         /* credit notes are scheduled at most this many days ahead */
#define INST_GAP 30          /* days between instalments */

enum payer { PAY_PUNCTUAL, PAY_NORMAL, PAY_LATE, PAY_BAD };

typedef struct dclient {
	int64_t id;
	int32_t head, tail;      /* open charges, oldest first (item slots, -1 = none) */
	int32_t chead, ctail;    /* open credits in favour we may apply, oldest first */
	int16_t terms;
	uint8_t active, payer;
} dclient;

/* An open charge (invoice, opening item or balance) or an open credit (advance, credit note on
 * account, negative opening balance). Overpayments are not tracked: the model reports only the
 * receipt's first entry, so their AA credit stays in favour of the client for good. */
typedef struct item {
	int64_t entry_id, doc_id;
	int64_t amount, open;
	int32_t client, prev, next; /* the client's list; next doubles as the free list */
	int32_t heap;               /* position in the payment heap, -1 when not in it */
	date_t date, due, planned;
	int16_t cand;               /* index into the invoice void candidates, -1 */
	uint8_t credit, n_inst;
} item;

typedef struct hnode {
	int64_t key;                /* planned day << 32 | insertion sequence: a total order */
	int32_t slot, pad;
} hnode;

typedef struct pending {
	int64_t entry_id;           /* the invoice it credits, 0 = on account */
	int32_t slot, client;
	date_t day;
} pending;

typedef struct vcand {
	int64_t doc_id, entry_id;
	date_t date, last_alloc;
	int32_t slot;               /* invoice candidates: the open charge, -1 once paid */
	int n_allocs, n_entries, n_paid;
	int64_t paid[MAX_PAID];     /* receipt candidates: the charges they paid */
} vcand;

typedef struct gen {
	ledger *l;
	const demo_opts *o;
	demo_stats *st;
	cart_err *e;
	company co;
	dn_rng r;
	int64_t median, round;      /* a typical invoice and what payments round to (minor units) */
	date_t d0, today;
	int64_t n_inv, n_rc;

	dclient *cl;
	int32_t ncl;
	int32_t *act, nact, ntop;   /* active clients; the first ntop buy more */

	item *it;
	int32_t nit, capit, freeit;
	hnode *heap;
	int32_t nheap, capheap;
	uint32_t seq;

	date_t dlo;                 /* date strings cached for dlo .. dlo + ndates - 1 */
	int32_t ndates;
	char (*dstr)[DATE_LEN];
	char dscratch[4][DATE_LEN];
	unsigned dnext;

	pending *pend[PEND_DAYS];
	int npend[PEND_DAYS], cappend[PEND_DAYS];

	vcand vinv[NCAND], vrc[NCAND];
	int64_t seen_inv, seen_rc;
	int nvinv, nvrc;

	/* due dates at the middle of each aging range: the first invoice falling due near one is
	 * disputed and never paid, so every range of the aging report has something in it */
	date_t anchor[LEDGER_MAX_RANGES + 1];
	uint8_t anchored[LEDGER_MAX_RANGES + 1];
	int nanchor;

	int64_t carry;              /* receipts put off to a later day */
	int64_t work, work_total, next_mark;
} gen;

static int nomem(gen *g)
{
	return cart_fail(g->e, CART_NOMEM, _("out of memory building the demo ledger"));
}

/* The model's message, with what the demo was doing in front (date may be NULL). */
static int failed(gen *g, int rc, const char *what, const char *date)
{
	char msg[sizeof g->e->msg];

	snprintf(msg, sizeof msg, "%s", g->e->msg);
	return cart_fail(g->e, rc ? rc : CART_DB, _("demo ledger: %s%s%s: %s"), what,
	                 date ? " dated " : "", date ? date : "", msg);
}

static const char *ds(gen *g, date_t d)
{
	char *b;

	if (d >= g->dlo && d - g->dlo < g->ndates)
		return g->dstr[d - g->dlo];
	b = g->dscratch[g->dnext++ & 3];
	date_format(d, b);
	return b;
}

static void progress(gen *g, int64_t n)
{
	g->work += n;
	if (g->o->quiet || g->work < g->next_mark || g->work_total <= 0)
		return;
	fprintf(stderr, _("demo: %3d%% (%lld of %lld documents)\n"),
	        (int)(g->work * 100 / g->work_total), (long long)g->work, (long long)g->work_total);
	g->next_mark = g->work + g->work_total / 20;
}

/* The bucket of credit notes due on day d (day numbers are negative before 1970). */
static int pend_bucket(date_t d)
{
	return (int)(((d % PEND_DAYS) + PEND_DAYS) % PEND_DAYS);
}

/* ---- the pool of open items and the client lists ---- */

static int32_t item_new(gen *g, int32_t ci, int credit)
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
static int heap_plan(gen *g, int32_t s, date_t planned)
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
			return nomem(g);
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

static int64_t inst_end(const item *x, int k)
{
	int64_t q = x->amount / x->n_inst, r = x->amount % x->n_inst;

	return (k + 1) * q + (k + 1 < r ? k + 1 : r);
}

static int inst_index(const item *x, int64_t offset)
{
	int64_t q = x->amount / x->n_inst, r = x->amount % x->n_inst, big = r * (q + 1);

	if (offset < big)
		return (int)(offset / (q + 1));
	return (int)(r + (offset - big) / q);
}

/* Allocation rows the model writes for amount against x: one per instalment it touches. */
static int alloc_rows(const item *x, int64_t amount)
{
	int64_t paid = x->amount - x->open;

	if (!x->n_inst)
		return 1;
	return inst_index(x, paid + amount - 1) - inst_index(x, paid) + 1;
}

/* Book amount against item s as the model did; closes it when nothing is left. */
static void item_take(gen *g, int32_t s, int64_t amount, date_t d)
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

static int64_t round_down(int64_t v, int64_t unit)
{
	return unit > 0 ? v / unit * unit : v;
}

/* An invoice total: a spread from a tenth to forty times the typical invoice, plus VAT. */
static int64_t invoice_amount(gen *g)
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
static date_t plan_payment(gen *g, const dclient *c, date_t date, date_t due)
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

/* ---- clients ---- */

static uint64_t fnv1a(const char *s)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	while (*s)
		h = (h ^ (unsigned char)*s++) * UINT64_C(0x100000001b3);
	return h | 1;
}

/* Put h in the set; 0 if it was already there (the id is taken). */
static int set_add(uint64_t *set, uint64_t mask, uint64_t h)
{
	uint64_t i = h & mask;

	while (set[i]) {
		if (set[i] == h)
			return 0;
		i = (i + 1) & mask;
	}
	set[i] = h;
	return 1;
}

/* The word at index w of text (words split at blanks), folded to ASCII, into out. */
static void word_ascii(const char *text, int w, char *out, size_t size)
{
	char word[64];
	const char *p = text;
	size_t n;

	for (; w > 0 && *p; w--) {
		p += strcspn(p, " ");
		p += strspn(p, " ");
	}
	n = strcspn(p, " ");
	snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1), p);
	dn_fold_ascii(word, out, size);
}

/* Six companies in ten have one or two persons who receive their statements and reminders
 * (SPEC C2). They are drawn from the client's number and the seed, not from the shared stream,
 * so every document of the demo is the same with or without them. */
static int add_persons(gen *g, int32_t i, const client *c)
{
	static const char *const roles[] = {
		"Contabilidad", "Gerente de compras", "Tesorería", "Cuentas por pagar",
		"Auxiliar contable", "Gerente general", "Jefe de cartera", "Gerente financiero",
	};
	uint64_t h = dn_mix(g->o->seed ^ UINT64_C(0x706572736f6e6173), (uint64_t)i);
	const char *domain = strchr(c->email, '@');
	int n = h % 10 < 4 ? 0 : h % 10 < 8 ? 1 : 2, rc;

	for (int k = 0; k < n; k++) {
		uint64_t x = dn_mix(h, (uint64_t)k + 1);
		char first[32], last[32];
		int words = 1;
		person p;

		person_defaults(&p);
		p.client_id = c->id;
		dn_person(x % dn_person_capacity(), p.name, sizeof p.name);
		snprintf(p.role, sizeof p.role, "%s",
		         roles[((h >> 16) + (uint64_t)k) % (sizeof roles / sizeof roles[0])]);
		for (const char *q = p.name; *q; q++)
			words += *q == ' ';
		/* "María José Peñalosa Gómez" -> maria.penalosa@ the company's domain */
		word_ascii(p.name, 0, first, sizeof first);
		word_ascii(p.name, words >= 2 ? words - 2 : 0, last, sizeof last);
		if (domain)
			snprintf(p.email, sizeof p.email, "%s.%s%s", first, last, domain);
		dn_mobile(x >> 8, p.mobile, sizeof p.mobile);
		/* the first always gets the mail; a second one now and then is kept for the phone */
		p.notify = k == 0 || (x >> 48) % 4 != 0;
		if ((rc = ledger_person_add(g->l, &p, g->e)) != CART_OK)
			return failed(g, rc, _("adding a client's person"), NULL);
	}
	return CART_OK;
}

static int make_clients(gen *g)
{
	uint64_t cap_set = 1024, *set, off[3], used[3] = { 0, 0, 0 };
	int rc = CART_OK;

	while (cap_set < (uint64_t)g->ncl * 2)
		cap_set *= 2;
	set = calloc(cap_set, sizeof *set);
	if (!set)
		return nomem(g);
	/* each seed starts the name lists at its own place */
	off[DN_COMPANY] = dn_mix(g->o->seed, 1) % dn_business_capacity(1);
	off[DN_SHOP] = dn_mix(g->o->seed, 2) % dn_business_capacity(0);
	off[DN_PERSON] = dn_mix(g->o->seed, 3) % dn_person_capacity();

	/* some 60% companies, the rest persons, a fifth of them with a shop's name; a quarter of
	 * the clients pay on time, 45% a bit late, 22% late and 8% very late or never */
	for (int32_t i = 0; i < g->ncl && rc == CART_OK; i++) {
		static const int payer_w[] = { 25, 45, 22, 8 };
		client c;
		dclient *dc = &g->cl[i];
		char id[32], dv[4];
		taxid_check chk;
		int kind = dn_chance(&g->r, 600) ? DN_COMPANY
		           : dn_chance(&g->r, 200) ? DN_SHOP : DN_PERSON;
		int pick, tries = 0;
		uint64_t cap = kind == DN_PERSON ? dn_person_capacity()
		                                 : dn_business_capacity(kind == DN_COMPANY);
		uint64_t k = used[kind]++;

		client_defaults(&c);
		dn_client(&g->r, kind, (k % cap + off[kind]) % cap + k / cap * cap, g->median, g->round,
		          &c);
		/* a tax id with its check digit, never one already given to another client */
		for (;;) {
			if (++tries > 100) {
				rc = cart_fail(g->e, CART_DB, _("demo ledger: no unused %s tax id"
				               " found for %s"), g->co.country, c.name);
				break;
			}
			if (taxid_generate(g->co.country, c.taxpayer_type,
			                   dn_mix(g->o->seed, (uint64_t)i * 131 + (uint64_t)tries), id,
			                   dv) != CART_OK ||
			    taxid_validate(g->co.country, c.taxpayer_type, 0, id, dv, &chk) != CART_OK) {
				rc = cart_fail(g->e, CART_DB, _("demo ledger: taxid_generate made"
				               " the %s id \"%s\" (DV \"%s\"), which taxid_validate"
				               " refuses"), g->co.country, id, dv);
				break;
			}
			if (set_add(set, cap_set - 1, fnv1a(chk.normalized)))
				break;
		}
		if (rc != CART_OK)
			break;
		snprintf(c.tax_id, sizeof c.tax_id, "%s", chk.normalized);
		snprintf(c.dv, sizeof c.dv, "%s", chk.dv[0] ? chk.dv : dv);

		/* the first client is always active so that something can be invoiced */
		c.active = i == 0 || !dn_chance(&g->r, 30);

		if ((rc = ledger_client_add(g->l, &c, g->e)) != CART_OK) {
			rc = failed(g, rc, _("adding a client"), NULL);
			break;
		}
		if (kind == DN_COMPANY && (rc = add_persons(g, i, &c)) != CART_OK)
			break;
		dc->id = c.id;
		dc->head = dc->tail = dc->chead = dc->ctail = -1;
		dc->terms = (int16_t)c.terms_days;
		dc->active = (uint8_t)c.active;
		pick = (int)dn_below(&g->r, 100);
		for (dc->payer = 0; pick >= payer_w[dc->payer]; dc->payer++)
			pick -= payer_w[dc->payer];
		if (c.active)
			g->act[g->nact++] = i;
		g->st->clients++;
		progress(g, 1);
	}
	free(set);
	/* a tenth of the clients buy as much as the rest together */
	g->ntop = g->nact / 10 > 0 ? g->nact / 10 : 1;
	return rc;
}

static int32_t pick_client(gen *g)
{
	/* One key account buys far more than anyone: 5% of the invoices, at most 700 of them (so
	 * a full-size ledger has a client with a statement of well over 1,000 entries). */
	int64_t key = g->o->invoices / 20 < 700 ? g->o->invoices / 20 : 700;

	if (key > 0 && (int64_t)dn_below(&g->r, (uint32_t)g->o->invoices) < key)
		return g->act[0];
	if (dn_chance(&g->r, 300))
		return g->act[dn_below(&g->r, (uint32_t)g->ntop)];
	return g->act[dn_below(&g->r, (uint32_t)g->nact)];
}

/* ---- opening balances (SPEC L3) ---- */

typedef struct open_req {
	date_t date, due;
	int32_t client;
	int64_t amount;
} open_req;

static int open_req_cmp(const void *a, const void *b)
{
	const open_req *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->client < y->client ? -1 : x->client > y->client;
}

/* Post one opening (item or balance) and track what it leaves open. */
static int post_opening(gen *g, int32_t ci, int item_kind, date_t date, date_t due, int64_t amount,
                        unsigned ref)
{
	opening_in in;
	posted p;
	dclient *c = &g->cl[ci];
	int32_t s;
	int rc;

	memset(&in, 0, sizeof in);
	in.client_id = c->id;
	in.item = item_kind;
	snprintf(in.date, sizeof in.date, "%s", ds(g, date));
	snprintf(in.due_date, sizeof in.due_date, "%s", ds(g, due));
	in.amount = amount;
	if (item_kind)
		snprintf(in.reference, sizeof in.reference, "F-%05u", ref);
	else
		snprintf(in.reference, sizeof in.reference, "Saldo migrado %u", ref);
	if ((rc = ledger_opening_post(g->l, &in, &p, g->e)) != CART_OK)
		return failed(g, rc, _("an opening balance"), in.date);
	g->st->openings++;
	g->st->entries++;
	if ((s = item_new(g, ci, amount < 0)) < 0)
		return nomem(g);
	g->it[s].entry_id = p.entry_id;
	g->it[s].doc_id = p.doc_id;
	g->it[s].amount = g->it[s].open = amount < 0 ? -amount : amount;
	g->it[s].date = date;
	g->it[s].due = due;
	if (amount > 0)
		return heap_plan(g, s, plan_payment(g, c, date, due));
	return CART_OK;
}

/* About 15% of the clients come from an old system: some with one balance at the start of the
 * period, some with their pending invoices as open items (dated before it, oldest first). All are
 * posted before any invoice. */
static int make_openings(gen *g)
{
	open_req *items = NULL, *bal = NULL;
	int32_t ni = 0, capi = 0, nb = 0;
	int rc = CART_OK;

	bal = malloc(sizeof *bal * (size_t)(g->nact + 1));
	if (!bal)
		return nomem(g);
	for (int32_t a = 0; a < g->nact; a++) {
		int32_t ci = g->act[a];
		int terms = g->cl[ci].terms ? g->cl[ci].terms : 30;

		if (!dn_chance(&g->r, 150))
			continue;
		if (dn_chance(&g->r, 550)) {
			int64_t amount = invoice_amount(g) * dn_between(&g->r, 1, 6);

			bal[nb].client = ci;
			bal[nb].date = bal[nb].due = g->d0;
			/* one in eight owes nothing and has a credit in favour instead */
			if (dn_chance(&g->r, 120))
				amount = -round_down(amount / 4, g->round) - g->round;
			bal[nb++].amount = amount;
			continue;
		}
		for (int k = 1 + (int)dn_below(&g->r, 4); k > 0; k--) {
			if (ni == capi) {
				int32_t cap = capi ? capi * 2 : 256;
				open_req *n = realloc(items, sizeof *n * (size_t)cap);

				if (!n) {
					free(items);
					free(bal);
					return nomem(g);
				}
				items = n;
				capi = cap;
			}
			items[ni].client = ci;
			items[ni].date = g->d0 - (date_t)dn_between(&g->r, 1, 200);
			items[ni].due = items[ni].date + terms;
			items[ni++].amount = invoice_amount(g);
		}
	}
	if (ni)
		qsort(items, (size_t)ni, sizeof *items, open_req_cmp);
	for (int32_t i = 0; i < ni && rc == CART_OK; i++)
		rc = post_opening(g, items[i].client, 1, items[i].date, items[i].due, items[i].amount,
		                  (unsigned)(10000 + i * 7 % 90000));
	for (int32_t i = 0; i < nb && rc == CART_OK; i++)
		rc = post_opening(g, bal[i].client, 0, bal[i].date, bal[i].due, bal[i].amount,
		                  (unsigned)i + 1);
	free(items);
	free(bal);
	return rc;
}

/* ---- void candidates: small reservoirs of recent invoices and receipts ---- */

/* Which of the NCAND places a newly seen candidate takes, or -1 to skip it. */
static int reservoir(gen *g, int64_t *seen, int *n)
{
	int64_t j;

	(*seen)++;
	if (*n < NCAND)
		return (*n)++;
	j = (int64_t)(dn_rnd(&g->r) % (uint64_t)*seen);
	return j < NCAND ? (int)j : -1;
}

static void cand_invoice(gen *g, int32_t s, date_t d)
{
	int k = reservoir(g, &g->seen_inv, &g->nvinv);
	vcand *v;
	item *x = &g->it[s];

	if (k < 0)
		return;
	v = &g->vinv[k];
	if (k < g->nvinv && v->doc_id && v->slot >= 0 && g->it[v->slot].entry_id == v->entry_id)
		g->it[v->slot].cand = -1;
	memset(v, 0, sizeof *v);
	v->doc_id = x->doc_id;
	v->entry_id = x->entry_id;
	v->date = v->last_alloc = d;
	v->slot = s;
	v->n_entries = 1;
	x->cand = (int16_t)k;
}

static void cand_receipt(gen *g, const posted *p, date_t d, const alloc_in *al, int n, int rows)
{
	int k = reservoir(g, &g->seen_rc, &g->nvrc);
	vcand *v;

	if (k < 0)
		return;
	v = &g->vrc[k];
	memset(v, 0, sizeof *v);
	v->doc_id = p->doc_id;
	v->date = v->last_alloc = d;
	v->slot = -1;
	v->n_entries = 1;
	v->n_allocs = rows;
	v->n_paid = n;
	for (int i = 0; i < n; i++)
		v->paid[i] = al[i].charge_entry_id;
}

/* ---- documents ---- */

static int post_invoice(gen *g, date_t d)
{
	instalment_in inst[6];
	int64_t parts[6];
	invoice_in in;
	posted p;
	int32_t ci = pick_client(g), s;
	dclient *c = &g->cl[ci];
	int n_inst = 0, rc, disputed = 0;
	date_t due = d + c->terms, planned;

	memset(&in, 0, sizeof in);
	in.client_id = c->id;
	snprintf(in.date, sizeof in.date, "%s", ds(g, d));
	in.total = invoice_amount(g);
	if (dn_chance(&g->r, 80)) {
		n_inst = 2 + (int)dn_below(&g->r, 5);
		money_split(in.total, n_inst, parts);
		for (int k = 0; k < n_inst; k++) {
			snprintf(inst[k].due_date, sizeof inst[k].due_date, "%s",
			         ds(g, d + INST_GAP * (k + 1)));
			inst[k].amount = parts[k];
		}
		in.inst = inst;
		in.n_inst = n_inst;
		due = d + INST_GAP * n_inst;
	}
	snprintf(in.due_date, sizeof in.due_date, "%s", ds(g, due));
	if (dn_chance(&g->r, 400))
		snprintf(in.reference, sizeof in.reference, "OC-%05u",
		         (unsigned)dn_below(&g->r, 100000));
	if ((rc = ledger_invoice_post(g->l, &in, &p, g->e)) != CART_OK)
		return failed(g, rc, _("an invoice"), in.date);
	g->st->invoices++;
	g->st->entries++;

	if ((s = item_new(g, ci, 0)) < 0)
		return nomem(g);
	g->it[s].entry_id = p.entry_id;
	g->it[s].doc_id = p.doc_id;
	g->it[s].amount = g->it[s].open = in.total;
	g->it[s].date = d;
	g->it[s].due = due;
	g->it[s].n_inst = (uint8_t)n_inst;
	planned = plan_payment(g, c, d, n_inst ? d + INST_GAP : due);
	for (int i = 0; i < g->nanchor && !n_inst && c->chead < 0; i++)
		if (!g->anchored[i] && due <= g->anchor[i] && due > g->anchor[i] - 10) {
			g->anchored[i] = 1;
			disputed = 1;
			planned = NEVER;
			break;
		}
	if ((rc = heap_plan(g, s, planned)) != CART_OK)
		return rc;
	if (!n_inst && !disputed && d >= g->today - 60)
		cand_invoice(g, s, d);

	/* a return or a discount a few days later (2.5%), or a credit note on account (0.6%) */
	{
		int roll = (int)dn_below(&g->r, 1000);
		pending pe = { 0, -1, ci, d + (date_t)dn_between(&g->r, 1, PEND_DAYS - 4) };
		int b = pend_bucket(pe.day);

		if (roll < 25 && !n_inst) {
			pe.entry_id = p.entry_id;
			pe.slot = s;
		}
		if ((pe.slot >= 0 || (roll >= 25 && roll < 31)) && pe.day <= g->today && !disputed) {
			if (g->npend[b] == g->cappend[b]) {
				int cap = g->cappend[b] ? g->cappend[b] * 2 : 64;
				pending *n = realloc(g->pend[b], sizeof *n * (size_t)cap);

				if (!n)
					return nomem(g);
				g->pend[b] = n;
				g->cappend[b] = cap;
			}
			g->pend[b][g->npend[b]++] = pe;
		}
	}

	/* credits in favour of the client go to its new invoice */
	for (int k = 0; k < 3 && c->chead >= 0 && g->it[s].entry_id == p.entry_id &&
	                g->it[s].open > 0 && dn_chance(&g->r, k ? 500 : 800); k++) {
		int32_t cs = c->chead;
		int64_t amount = g->it[cs].open < g->it[s].open ? g->it[cs].open : g->it[s].open;
		alloc_in al = { p.entry_id, 0, amount };
		apply_in ap;
		posted pa;
		int rows = alloc_rows(&g->it[s], amount);

		memset(&ap, 0, sizeof ap);
		ap.credit_entry_id = g->it[cs].entry_id;
		snprintf(ap.date, sizeof ap.date, "%s", in.date);
		ap.amount = amount;
		ap.allocs = &al;
		ap.n_allocs = 1;
		if ((rc = ledger_credit_apply(g->l, &ap, &pa, g->e)) != CART_OK)
			return failed(g, rc, _("a credit application"), ap.date);
		g->st->allocations += rows;
		item_take(g, cs, amount, d);
		item_take(g, s, amount, d);
	}
	return CART_OK;
}

/* A credit in favour the client can have applied later: an advance or a credit note. */
static int track_credit(gen *g, int32_t ci, const posted *p, int64_t amount, date_t d)
{
	int32_t s = item_new(g, ci, 1);

	if (s < 0)
		return nomem(g);
	g->it[s].entry_id = p->entry_id;
	g->it[s].doc_id = p->doc_id;
	g->it[s].amount = g->it[s].open = amount;
	g->it[s].date = g->it[s].due = d;
	return CART_OK;
}

static int post_credit_note(gen *g, const pending *pe, date_t d)
{
	credit_note_in in;
	posted p;
	int32_t s = pe->slot;
	int against = pe->entry_id && s >= 0 && g->it[s].entry_id == pe->entry_id &&
	              !g->it[s].credit && g->it[s].open > 0;
	int rc;

	memset(&in, 0, sizeof in);
	in.client_id = g->cl[pe->client].id;
	snprintf(in.date, sizeof in.date, "%s", ds(g, d));
	snprintf(in.reason, sizeof in.reason, "%s", dn_credit_reason(dn_rnd(&g->r)));
	if (against) {
		in.against_entry_id = pe->entry_id;
		in.amount = g->it[s].open * dn_between(&g->r, 5, 100) / 100;
		if (in.amount <= 0)
			in.amount = g->it[s].open;
	} else {
		in.amount = invoice_amount(g) * dn_between(&g->r, 5, 40) / 100 + 1;
	}
	if ((rc = ledger_credit_note_post(g->l, &in, &p, g->e)) != CART_OK)
		return failed(g, rc, _("a credit note"), in.date);
	g->st->credit_notes++;
	g->st->entries++;
	if (against) {
		g->st->allocations++;
		item_take(g, s, in.amount, d);
		return CART_OK;
	}
	return track_credit(g, pe->client, &p, in.amount, d);
}

static int post_advance(gen *g, date_t d)
{
	receipt_in in;
	posted p;
	int32_t ci = pick_client(g);
	int rc;

	memset(&in, 0, sizeof in);
	in.client_id = g->cl[ci].id;
	snprintf(in.date, sizeof in.date, "%s", ds(g, d));
	in.amount = round_down(invoice_amount(g) * dn_between(&g->r, 20, 100) / 100, g->round);
	if (in.amount <= 0)
		in.amount = g->round > 0 ? g->round : 100;
	in.no_auto = 1;
	dn_payment_method(&g->r, in.method, in.reference);
	if ((rc = ledger_receipt_post(g->l, &in, &p, g->e)) != CART_OK)
		return failed(g, rc, _("an advance"), in.date);
	g->st->receipts++;
	g->st->advances++;
	g->st->entries++;
	return track_credit(g, ci, &p, in.amount, d);
}

/* A receipt from the client of charge s: all of it, part of it, an instalment, several of the
 * client's charges at once, or more than it owes (the excess stays in its favour). */
static int post_payment(gen *g, int32_t s, date_t d)
{
	alloc_in al[MAX_PAID];
	int32_t slots[MAX_PAID];
	int64_t total = 0, excess = 0;
	receipt_in in;
	posted p;
	item *x = &g->it[s];
	int32_t ci = x->client;
	dclient *c = &g->cl[ci];
	int n = 0, rows = 0, roll = (int)dn_below(&g->r, 1000), rc, inst = x->n_inst > 0;

	if (inst) {
		/* the instalment due next, sometimes two at once */
		int64_t paid = x->amount - x->open;
		int k = inst_index(x, paid);
		int64_t a = inst_end(x, k) - paid;

		if (roll < 150 && k + 1 < x->n_inst)
			a = inst_end(x, k + 1) - paid;
		al[n] = (alloc_in){ x->entry_id, 0, a };
		slots[n++] = s;
	} else if (roll < 110) {
		int64_t a = round_down(x->open * dn_between(&g->r, 20, 80) / 100, g->round);

		if (a <= 0 || a >= x->open)
			a = x->open / 2 > 0 ? x->open / 2 : x->open;
		al[n] = (alloc_in){ x->entry_id, 0, a };
		slots[n++] = s;
	} else {
		al[n] = (alloc_in){ x->entry_id, 0, x->open };
		slots[n++] = s;
		if (roll < 700) {
			/* everything else of the client's that is ripe, oldest first */
			for (int32_t y = c->head; y >= 0 && n < MAX_PAID; y = g->it[y].next) {
				item *z = &g->it[y];

				if (y == s || z->n_inst || z->planned > d + 20)
					continue;
				al[n] = (alloc_in){ z->entry_id, 0, z->open };
				slots[n++] = y;
			}
		}
	}
	for (int i = 0; i < n; i++) {
		total += al[i].amount;
		rows += alloc_rows(&g->it[slots[i]], al[i].amount);
	}
	if (roll >= 900 && !inst) {
		/* a round sum above what is owed */
		excess = g->round > 0 ? g->round - total % g->round : 1;
		if (dn_chance(&g->r, 300))
			excess += g->round * dn_between(&g->r, 1, 20);
	}

	memset(&in, 0, sizeof in);
	in.client_id = c->id;
	snprintf(in.date, sizeof in.date, "%s", ds(g, d));
	in.amount = total + excess;
	in.allocs = al;
	in.n_allocs = n;
	dn_payment_method(&g->r, in.method, in.reference);
	if ((rc = ledger_receipt_post(g->l, &in, &p, g->e)) != CART_OK)
		return failed(g, rc, _("a receipt"), in.date);
	g->st->receipts++;
	g->st->entries += 1 + (excess > 0);
	g->st->allocations += rows;
	if (!excess && !inst && d >= g->today - 60)
		cand_receipt(g, &p, d, al, n, rows);

	for (int i = 0; i < n; i++) {
		item *z = &g->it[slots[i]];
		int32_t y = slots[i];

		item_take(g, y, al[i].amount, d);
		if (z->entry_id == 0 || z->open == 0)
			continue;   /* closed and back in the pool */
		if (z->n_inst) {
			int k = inst_index(z, z->amount - z->open);
			date_t due_k = z->date + INST_GAP * (k + 1);
			int slack = c->payer >= PAY_LATE ? 45 : 10;

			rc = heap_plan(g, y, due_k + (date_t)dn_between(&g->r, -5, slack));
		} else {
			rc = heap_plan(g, y, d + (date_t)dn_between(&g->r, 7, 45));
		}
		if (rc != CART_OK)
			return rc;
	}
	return CART_OK;
}

/* ---- the calendar ---- */

/* Relative activity of a day: weekdays busy, Saturday half, Sunday almost nothing. */
static int64_t day_weight(date_t d)
{
	int wd = (int)(((d % 7) + 7 + 4) % 7);  /* 1970-01-01 was a Thursday; 0 = Sunday */

	return wd == 0 ? 1 : wd == 6 ? 5 : 10;
}

static int run_days(gen *g)
{
	int32_t days = g->today - g->d0, ramp = days < 45 ? days : 45;
	int64_t *wi, *wr, inv_done = 0, rc_done = 0, cap_carry;
	int rc = CART_OK;

	wi = calloc((size_t)days + 1, sizeof *wi);
	wr = calloc((size_t)days + 1, sizeof *wr);
	if (!wi || !wr) {
		free(wi);
		free(wr);
		return nomem(g);
	}
	/* cumulative weights; receipts ramp up over the first weeks, when little is due yet */
	for (int32_t k = 1; k <= days; k++) {
		int64_t w = day_weight(g->d0 + k);

		wi[k] = wi[k - 1] + w;
		wr[k] = wr[k - 1] + w * (k < ramp ? k : ramp);
	}
	cap_carry = 2 * g->n_rc / (days > 0 ? days : 1) + 3;

	for (int32_t k = 1; k <= days && rc == CART_OK; k++) {
		date_t d = g->d0 + k;
		int b = pend_bucket(d);
		int64_t n_inv = g->n_inv * wi[k] / wi[days] - inv_done;
		int64_t n_rc = g->n_rc * wr[k] / wr[days] - rc_done;

		/* credit notes scheduled for today */
		for (int i = 0; i < g->npend[b] && rc == CART_OK; i++)
			if (g->pend[b][i].day == d)
				rc = post_credit_note(g, &g->pend[b][i], d);
		g->npend[b] = 0;

		for (int64_t i = 0; i < n_inv && rc == CART_OK; i++)
			rc = post_invoice(g, d);
		inv_done += n_inv;
		progress(g, n_inv);

		rc_done += n_rc;
		n_rc += g->carry;
		g->carry = 0;
		for (int64_t i = 0; i < n_rc && rc == CART_OK; i++) {
			int32_t top = g->nheap ? g->heap[0].slot : -1;

			if (dn_chance(&g->r, 40))
				rc = post_advance(g, d);
			else if (top >= 0 && g->it[top].planned <= d)
				rc = post_payment(g, top, d);
			else if (d < g->today && g->carry < cap_carry)
				g->carry++;      /* nobody means to pay yet: someone will, later */
			else if (top >= 0)
				rc = post_payment(g, top, d);
			else
				rc = post_advance(g, d);
		}
		progress(g, n_rc - g->carry);
	}
	free(wi);
	free(wr);
	return rc;
}

/* ---- quotes, inside the bulk load ---- */

static int quote_rate_cb(const tax_rate *r, void *ud)
{
	int64_t *ids = ud;

	if (ids[0] < 4)
		ids[1 + ids[0]++] = r->id;
	return 0;
}

/* A quote for one client in ten (at most 200) over the last 60 days, each of one to three lines
 * at the company's rates; some accepted, some rejected, the rest open or expired by date. They
 * post nothing, so every figure of the ledger stays as it was. */
static int make_quotes(gen *g)
{
	static const char *const items[] = {
		"Suministro de papeleria", "Mantenimiento preventivo", "Licencia anual",
		"Transporte de mercancia", "Asesoria tecnica", "Repuestos varios",
	};
	int64_t rates[5] = { 0 }, n = g->ncl / 10 > 200 ? 200 : g->ncl / 10;
	int rc;

	if ((rc = ledger_tax_list(g->l, quote_rate_cb, rates, g->e)) != CART_OK)
		return rc;
	for (int64_t i = 0; i < n; i++) {
		doc_line lines[3];
		quote_in q;
		posted p;
		/* in date order, so the numbers follow the dates as a clerk's would */
		date_t d = g->today - 59 + (date_t)(i * 60 / n);
		int nl = 1 + (int)dn_below(&g->r, 3), roll;

		memset(&q, 0, sizeof q);
		q.client_id = g->cl[pick_client(g)].id;
		snprintf(q.date, sizeof q.date, "%s", ds(g, d));
		snprintf(q.valid_until, sizeof q.valid_until, "%s", ds(g, d + 15 + (date_t)dn_below(&g->r, 31)));
		for (int k = 0; k < nl; k++) {
			memset(&lines[k], 0, sizeof lines[k]);
			snprintf(lines[k].description, sizeof lines[k].description, "%s",
			         items[dn_below(&g->r, 6)]);
			lines[k].qty = 1000 * (1 + (int64_t)dn_below(&g->r, 12));
			lines[k].price = round_down(invoice_amount(g) / 4, g->round) + g->round;
			lines[k].tax_rate_id = rates[0] ? rates[1 + dn_below(&g->r, (uint32_t)rates[0])] : 0;
		}
		q.lines = lines;
		q.n_lines = nl;
		if ((rc = ledger_quote_post(g->l, &q, &p, g->e)) != CART_OK)
			return failed(g, rc, _("a quote"), q.date);
		roll = (int)dn_below(&g->r, 100);
		if (roll < 45 && d + 3 <= g->today)
			rc = ledger_quote_set_status(g->l, p.doc_id, roll < 30 ? QUOTE_ACCEPTED
			                                                       : QUOTE_REJECTED,
			                             ds(g, d + 3), g->e);
		if (rc != CART_OK)
			return failed(g, rc, _("a quote's status"), q.date);
	}
	return CART_OK;
}

/* ---- voids, after the bulk load ---- */

static int paid_by(const vcand *r, int64_t entry_id)
{
	for (int i = 0; i < r->n_paid; i++)
		if (r->paid[i] == entry_id)
			return 1;
	return 0;
}

typedef struct void_req {
	const vcand *v;
	int invoice;
	date_t date;
} void_req;

static int void_req_cmp(const void *a, const void *b)
{
	const void_req *x = a, *y = b;

	return x->date < y->date ? -1 : x->date > y->date;
}

static int void_one(gen *g, const void_req *q)
{
	char date[DATE_LEN];
	posted p;
	int rc;

	date_format(q->date, date);
	rc = ledger_document_void(g->l, q->v->doc_id, date, dn_void_reason(q->invoice, dn_rnd(&g->r)),
	                          &p, g->e);
	if (rc != CART_OK)
		return failed(g, rc, q->invoice ? _("voiding an invoice") : _("voiding a receipt"), date);
	g->st->voids++;
	g->st->entries += q->v->n_entries;
	/* every live allocation is given back, and each entry is closed against its mirror */
	g->st->allocations += q->v->n_allocs + q->v->n_entries;
	return CART_OK;
}

/* Three recent invoices and two recent receipts (that paid none of those invoices, so each void
 * stands on its own), each voided on a day between its last allocation and today, in date order
 * so that the void numbers run with the dates too. */
static int make_voids(gen *g)
{
	void_req q[5];
	int n = 0, n_inv = 0, rc = CART_OK;

	for (int i = 0; i < g->nvinv && n_inv < 3; i++, n_inv++)
		q[n++] = (void_req){ &g->vinv[i], 1, 0 };
	for (int i = 0; i < g->nvrc && n < n_inv + 2; i++) {
		int clash = 0;

		for (int j = 0; j < n_inv; j++)
			clash |= paid_by(&g->vrc[i], q[j].v->entry_id);
		if (!clash)
			q[n++] = (void_req){ &g->vrc[i], 0, 0 };
	}
	for (int i = 0; i < n; i++) {
		date_t lo = q[i].v->last_alloc > q[i].v->date ? q[i].v->last_alloc : q[i].v->date;

		q[i].date = lo >= g->today ? g->today : (date_t)dn_between(&g->r, lo, g->today);
	}
	qsort(q, (size_t)n, sizeof q[0], void_req_cmp);
	for (int i = 0; i < n && rc == CART_OK; i++)
		rc = void_one(g, &q[i]);
	return rc;
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

		date_from_ymd(1900, 1, 1, &first, NULL);
		date_from_ymd(2999, 12, 31, &last, NULL);
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
		return nomem(&g);
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
	rc = make_clients(&g);
	if (rc == CART_OK)
		rc = make_openings(&g);
	if (rc == CART_OK)
		rc = run_days(&g);
	if (rc == CART_OK)
		rc = make_quotes(&g);
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
	rc = make_voids(&g);
	gen_free(&g);
	return rc;
}
