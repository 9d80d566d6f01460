/* The demo ledger's documents, day by day: invoices (some in instalments, some with credits in
 * favour applied), credit notes, advances and receipts; then the quotes of the last 60 days and,
 * after the bulk load, a few voids. Part of the demo generator (demo.c, src/ctl/demo_int.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_int.h"
#include "cartera/i18n.h"

/* ---- credit notes scheduled ahead ---- */

/* The bucket of credit notes due on day d (day numbers are negative before 1970). */
static int pend_bucket(date_t d)
{
	return (int)(((d % PEND_DAYS) + PEND_DAYS) % PEND_DAYS);
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
	int32_t ci = dg_pick_client(g), s;
	dclient *c = &g->cl[ci];
	int n_inst = 0, rc, disputed = 0;
	date_t due = d + c->terms, planned;

	memset(&in, 0, sizeof in);
	in.client_id = c->id;
	snprintf(in.date, sizeof in.date, "%s", dg_ds(g, d));
	in.total = dg_invoice_amount(g);
	if (dn_chance(&g->r, 80)) {
		n_inst = 2 + (int)dn_below(&g->r, 5);
		money_split(in.total, n_inst, parts);
		for (int k = 0; k < n_inst; k++) {
			snprintf(inst[k].due_date, sizeof inst[k].due_date, "%s",
			         dg_ds(g, d + INST_GAP * (k + 1)));
			inst[k].amount = parts[k];
		}
		in.inst = inst;
		in.n_inst = n_inst;
		due = d + INST_GAP * n_inst;
	}
	snprintf(in.due_date, sizeof in.due_date, "%s", dg_ds(g, due));
	if (dn_chance(&g->r, 400))
		snprintf(in.reference, sizeof in.reference, "OC-%05u",
		         (unsigned)dn_below(&g->r, 100000));
	if ((rc = ledger_invoice_post(g->l, &in, &p, g->e)) != CART_OK)
		return dg_failed(g, rc, _("an invoice"), in.date);
	g->st->invoices++;
	g->st->entries++;

	if ((s = dg_item_new(g, ci, 0)) < 0)
		return dg_nomem(g);
	g->it[s].entry_id = p.entry_id;
	g->it[s].doc_id = p.doc_id;
	g->it[s].amount = g->it[s].open = in.total;
	g->it[s].date = d;
	g->it[s].due = due;
	g->it[s].n_inst = (uint8_t)n_inst;
	planned = dg_plan_payment(g, c, d, n_inst ? d + INST_GAP : due);
	for (int i = 0; i < g->nanchor && !n_inst && c->chead < 0; i++)
		if (!g->anchored[i] && due <= g->anchor[i] && due > g->anchor[i] - 10) {
			g->anchored[i] = 1;
			disputed = 1;
			planned = NEVER;
			break;
		}
	if ((rc = dg_heap_plan(g, s, planned)) != CART_OK)
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
					return dg_nomem(g);
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
		int rows = dg_alloc_rows(&g->it[s], amount);

		memset(&ap, 0, sizeof ap);
		ap.credit_entry_id = g->it[cs].entry_id;
		snprintf(ap.date, sizeof ap.date, "%s", in.date);
		ap.amount = amount;
		ap.allocs = &al;
		ap.n_allocs = 1;
		if ((rc = ledger_credit_apply(g->l, &ap, &pa, g->e)) != CART_OK)
			return dg_failed(g, rc, _("a credit application"), ap.date);
		g->st->allocations += rows;
		dg_item_take(g, cs, amount, d);
		dg_item_take(g, s, amount, d);
	}
	return CART_OK;
}

/* A credit in favour the client can have applied later: an advance or a credit note. */
static int track_credit(gen *g, int32_t ci, const posted *p, int64_t amount, date_t d)
{
	int32_t s = dg_item_new(g, ci, 1);

	if (s < 0)
		return dg_nomem(g);
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
	snprintf(in.date, sizeof in.date, "%s", dg_ds(g, d));
	snprintf(in.reason, sizeof in.reason, "%s", dn_credit_reason(dn_rnd(&g->r)));
	if (against) {
		in.against_entry_id = pe->entry_id;
		in.amount = g->it[s].open * dn_between(&g->r, 5, 100) / 100;
		if (in.amount <= 0)
			in.amount = g->it[s].open;
	} else {
		in.amount = dg_invoice_amount(g) * dn_between(&g->r, 5, 40) / 100 + 1;
	}
	if ((rc = ledger_credit_note_post(g->l, &in, &p, g->e)) != CART_OK)
		return dg_failed(g, rc, _("a credit note"), in.date);
	g->st->credit_notes++;
	g->st->entries++;
	if (against) {
		g->st->allocations++;
		dg_item_take(g, s, in.amount, d);
		return CART_OK;
	}
	return track_credit(g, pe->client, &p, in.amount, d);
}

static int post_advance(gen *g, date_t d)
{
	receipt_in in;
	posted p;
	int32_t ci = dg_pick_client(g);
	int rc;

	memset(&in, 0, sizeof in);
	in.client_id = g->cl[ci].id;
	snprintf(in.date, sizeof in.date, "%s", dg_ds(g, d));
	in.amount = dg_round_down(dg_invoice_amount(g) * dn_between(&g->r, 20, 100) / 100, g->round);
	if (in.amount <= 0)
		in.amount = g->round > 0 ? g->round : 100;
	in.no_auto = 1;
	dn_payment_method(&g->r, in.method, in.reference);
	if ((rc = ledger_receipt_post(g->l, &in, &p, g->e)) != CART_OK)
		return dg_failed(g, rc, _("an advance"), in.date);
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
		int k = dg_inst_index(x, paid);
		int64_t a = dg_inst_end(x, k) - paid;

		if (roll < 150 && k + 1 < x->n_inst)
			a = dg_inst_end(x, k + 1) - paid;
		al[n] = (alloc_in){ x->entry_id, 0, a };
		slots[n++] = s;
	} else if (roll < 110) {
		int64_t a = dg_round_down(x->open * dn_between(&g->r, 20, 80) / 100, g->round);

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
		rows += dg_alloc_rows(&g->it[slots[i]], al[i].amount);
	}
	if (roll >= 900 && !inst) {
		/* a round sum above what is owed */
		excess = g->round > 0 ? g->round - total % g->round : 1;
		if (dn_chance(&g->r, 300))
			excess += g->round * dn_between(&g->r, 1, 20);
	}

	memset(&in, 0, sizeof in);
	in.client_id = c->id;
	snprintf(in.date, sizeof in.date, "%s", dg_ds(g, d));
	in.amount = total + excess;
	in.allocs = al;
	in.n_allocs = n;
	dn_payment_method(&g->r, in.method, in.reference);
	if ((rc = ledger_receipt_post(g->l, &in, &p, g->e)) != CART_OK)
		return dg_failed(g, rc, _("a receipt"), in.date);
	g->st->receipts++;
	g->st->entries += 1 + (excess > 0);
	g->st->allocations += rows;
	if (!excess && !inst && d >= g->today - 60)
		cand_receipt(g, &p, d, al, n, rows);

	for (int i = 0; i < n; i++) {
		item *z = &g->it[slots[i]];
		int32_t y = slots[i];

		dg_item_take(g, y, al[i].amount, d);
		if (z->entry_id == 0 || z->open == 0)
			continue;   /* closed and back in the pool */
		if (z->n_inst) {
			int k = dg_inst_index(z, z->amount - z->open);
			date_t due_k = z->date + INST_GAP * (k + 1);
			int slack = c->payer >= PAY_LATE ? 45 : 10;

			rc = dg_heap_plan(g, y, due_k + (date_t)dn_between(&g->r, -5, slack));
		} else {
			rc = dg_heap_plan(g, y, d + (date_t)dn_between(&g->r, 7, 45));
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

int dg_run_days(gen *g)
{
	int32_t days = g->today - g->d0, ramp = days < 45 ? days : 45;
	int64_t *wi, *wr, inv_done = 0, rc_done = 0, cap_carry;
	int rc = CART_OK;

	wi = calloc((size_t)days + 1, sizeof *wi);
	wr = calloc((size_t)days + 1, sizeof *wr);
	if (!wi || !wr) {
		free(wi);
		free(wr);
		return dg_nomem(g);
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
		dg_progress(g, n_inv);

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
		dg_progress(g, n_rc - g->carry);
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
int dg_make_quotes(gen *g)
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
		q.client_id = g->cl[dg_pick_client(g)].id;
		snprintf(q.date, sizeof q.date, "%s", dg_ds(g, d));
		snprintf(q.valid_until, sizeof q.valid_until, "%s", dg_ds(g, d + 15 + (date_t)dn_below(&g->r, 31)));
		for (int k = 0; k < nl; k++) {
			memset(&lines[k], 0, sizeof lines[k]);
			snprintf(lines[k].description, sizeof lines[k].description, "%s",
			         items[dn_below(&g->r, 6)]);
			lines[k].qty = 1000 * (1 + (int64_t)dn_below(&g->r, 12));
			lines[k].price = dg_round_down(dg_invoice_amount(g) / 4, g->round) + g->round;
			lines[k].tax_rate_id = rates[0] ? rates[1 + dn_below(&g->r, (uint32_t)rates[0])] : 0;
		}
		q.lines = lines;
		q.n_lines = nl;
		if ((rc = ledger_quote_post(g->l, &q, &p, g->e)) != CART_OK)
			return dg_failed(g, rc, _("a quote"), q.date);
		roll = (int)dn_below(&g->r, 100);
		if (roll < 45 && d + 3 <= g->today)
			rc = ledger_quote_set_status(g->l, p.doc_id, roll < 30 ? QUOTE_ACCEPTED
			                                                       : QUOTE_REJECTED,
			                             dg_ds(g, d + 3), g->e);
		if (rc != CART_OK)
			return dg_failed(g, rc, _("a quote's status"), q.date);
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
		return dg_failed(g, rc, q->invoice ? _("voiding an invoice") : _("voiding a receipt"), date);
	g->st->voids++;
	g->st->entries += q->v->n_entries;
	/* every live allocation is given back, and each entry is closed against its mirror */
	g->st->allocations += q->v->n_allocs + q->v->n_entries;
	return CART_OK;
}

/* Three recent invoices and two recent receipts (that paid none of those invoices, so each void
 * stands on its own), each voided on a day between its last allocation and today, in date order
 * so that the void numbers run with the dates too. */
int dg_make_voids(gen *g)
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
