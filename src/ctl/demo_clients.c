/* The demo ledger's company, its clients with the persons of some companies, and the balances
 * some clients bring from an old system (opening items and balances, posted before any invoice).
 * Part of the demo generator (demo.c, src/ctl/demo_int.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_int.h"
#include "cartera/taxid.h"
#include "cartera/i18n.h"

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
			return dg_failed(g, rc, _("adding a client's person"), NULL);
	}
	return CART_OK;
}

int dg_make_clients(gen *g)
{
	uint64_t cap_set = 1024, *set, off[3], used[3] = { 0, 0, 0 };
	int rc = CART_OK;

	while (cap_set < (uint64_t)g->ncl * 2)
		cap_set *= 2;
	set = calloc(cap_set, sizeof *set);
	if (!set)
		return dg_nomem(g);
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
			rc = dg_failed(g, rc, _("adding a client"), NULL);
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
		dg_progress(g, 1);
	}
	free(set);
	/* a tenth of the clients buy as much as the rest together */
	g->ntop = g->nact / 10 > 0 ? g->nact / 10 : 1;
	return rc;
}

int32_t dg_pick_client(gen *g)
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
	snprintf(in.date, sizeof in.date, "%s", dg_ds(g, date));
	snprintf(in.due_date, sizeof in.due_date, "%s", dg_ds(g, due));
	in.amount = amount;
	if (item_kind)
		snprintf(in.reference, sizeof in.reference, "F-%05u", ref);
	else
		snprintf(in.reference, sizeof in.reference, "Saldo migrado %u", ref);
	if ((rc = ledger_opening_post(g->l, &in, &p, g->e)) != CART_OK)
		return dg_failed(g, rc, _("an opening balance"), in.date);
	g->st->openings++;
	g->st->entries++;
	if ((s = dg_item_new(g, ci, amount < 0)) < 0)
		return dg_nomem(g);
	g->it[s].entry_id = p.entry_id;
	g->it[s].doc_id = p.doc_id;
	g->it[s].amount = g->it[s].open = amount < 0 ? -amount : amount;
	g->it[s].date = date;
	g->it[s].due = due;
	if (amount > 0)
		return dg_heap_plan(g, s, dg_plan_payment(g, c, date, due));
	return CART_OK;
}

/* About 15% of the clients come from an old system: some with one balance at the start of the
 * period, some with their pending invoices as open items (dated before it, oldest first). All are
 * posted before any invoice. */
int dg_make_openings(gen *g)
{
	open_req *items = NULL, *bal = NULL;
	int32_t ni = 0, capi = 0, nb = 0;
	int rc = CART_OK;

	bal = malloc(sizeof *bal * (size_t)(g->nact + 1));
	if (!bal)
		return dg_nomem(g);
	for (int32_t a = 0; a < g->nact; a++) {
		int32_t ci = g->act[a];
		int terms = g->cl[ci].terms ? g->cl[ci].terms : 30;

		if (!dn_chance(&g->r, 150))
			continue;
		if (dn_chance(&g->r, 550)) {
			int64_t amount = dg_invoice_amount(g) * dn_between(&g->r, 1, 6);

			bal[nb].client = ci;
			bal[nb].date = bal[nb].due = g->d0;
			/* one in eight owes nothing and has a credit in favour instead */
			if (dn_chance(&g->r, 120))
				amount = -dg_round_down(amount / 4, g->round) - g->round;
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
					return dg_nomem(g);
				}
				items = n;
				capi = cap;
			}
			items[ni].client = ci;
			items[ni].date = g->d0 - (date_t)dn_between(&g->r, 1, 200);
			items[ni].due = items[ni].date + terms;
			items[ni++].amount = dg_invoice_amount(g);
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
