/* The follow-up of receivables (SPEC R3): per client a heading (name, tax id, follow-up level,
 * contact), its open charges by currency, overdue and falling due later, each with a subtotal,
 * and its credits in favour. Of every client as of now, every charge is read at once
 * (ledger_open_charges_set): the report measures its columns from them, declares the widths,
 * and plain text then writes each row as it comes instead of keeping 375,000 lines (issue 17). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl_followup.h"
#include "cartera/i18n.h"
#include "cartera/output.h"
#include "cartera/papers.h"
#include "cartera/reports.h"
#include "model/ledger_fuextra.h"

enum { COL_DOC, COL_INST, COL_DATE, COL_DUE, COL_DAYS, COL_CUR, COL_OPEN, NCOLS };

/* what is open by currency, for the closing notes */
typedef struct fu_tot {
	char cur[4];
	int64_t overdue, later;
} fu_tot;

/* One client's items gathered from ledger_open_items or the per-client walk (one client, a past
 * date), and their view as the set gives items. */
typedef struct fu {
	open_item *items;
	charge_item *view;
	int n, cap, fail;
} fu;

/* What the follow-up shows of a client besides its open charges (issue 16): its credits in
 * favour by currency and whom to call, each read for every client in one query before the walk
 * (ledger_fuextra.h) and looked up by client id. */
typedef struct fu_credit {
	int64_t client_id;
	char cur[4];
	int64_t open;
} fu_credit;

typedef struct fu_contact {
	int64_t client_id;
	size_t text;           /* in fu_extra's texts: "Ana Ruiz · 01 611-5000 · ana@andina.pe" */
} fu_contact;

typedef struct fu_extra {
	fu_credit *cr;
	int ncr, capcr;
	fu_contact *ct;
	int nct, capct;
	char *texts;           /* the contacts' texts, one after another (50,000 of them) */
	size_t ntexts, captexts;
	int fail;
	/* by client id (0 .. maxid): its first credit, its contact (-1 none); a search of the
	 * sorted lists for each of 50,000 clients had been a cache miss a step */
	int *cr_at, *ct_at;
	int64_t maxid;
	/* the subtotals' labels, translated once rather than for each client */
	const char *overdue, *later, *credits;
} fu_extra;

static fu_tot *tot_of(fu_tot *tot, int *n, const char *cur)
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

static int fx_credit(int64_t client_id, const char *currency, int64_t open, void *ud)
{
	fu_extra *x = ud;

	if (x->ncr == x->capcr) {
		int cap = x->capcr ? x->capcr * 2 : 4096;
		fu_credit *n = realloc(x->cr, sizeof *n * (size_t)cap);

		if (!n) {
			x->fail = 1;
			return 1;
		}
		x->cr = n;
		x->capcr = cap;
	}
	x->cr[x->ncr].client_id = client_id;
	/* the currency as snprintf "%s" into its 4 bytes would copy it */
	memset(x->cr[x->ncr].cur, 0, sizeof x->cr[x->ncr].cur);
	for (int i = 0; currency && i < 3 && currency[i]; i++)
		x->cr[x->ncr].cur[i] = currency[i];
	x->cr[x->ncr++].open = open;
	return 0;
}

/* s appended to buf (of size bytes, len used), cut as snprintf cuts; the new length */
static size_t append(char *buf, size_t size, size_t len, const char *s)
{
	while (*s && len + 1 < size)
		buf[len++] = *s++;
	buf[len] = '\0';
	return len;
}

static int fx_contact(int64_t client_id, const char *who, const char *phone,
                      const char *email, void *ud)
{
	fu_extra *x = ud;
	const char *part[3] = { who, phone, email };
	char text[400] = "";
	size_t len = 0;

	/* the parts parted by " · " (once full, a part adds nothing, as with snprintf) */
	for (int i = 0; i < 3; i++)
		if (part[i] && *part[i]) {
			if (len)
				len = append(text, sizeof text, len, " · ");
			len = append(text, sizeof text, len, part[i]);
		}
	if (!text[0])
		return 0;
	if (x->nct == x->capct) {
		int cap = x->capct ? x->capct * 2 : 4096;
		fu_contact *n = realloc(x->ct, sizeof *n * (size_t)cap);

		if (!n) {
			x->fail = 1;
			return 1;
		}
		x->ct = n;
		x->capct = cap;
	}
	if (x->captexts - x->ntexts < len + 1) {
		size_t cap = x->captexts ? x->captexts * 2 : 1 << 20;
		char *n;

		while (cap - x->ntexts < len + 1)
			cap *= 2;
		if (!(n = realloc(x->texts, cap))) {
			x->fail = 1;
			return 1;
		}
		x->texts = n;
		x->captexts = cap;
	}
	memcpy(x->texts + x->ntexts, text, len + 1);
	x->ct[x->nct].text = x->ntexts;
	x->ntexts += len + 1;
	x->ct[x->nct++].client_id = client_id;
	return 0;
}

static int fx_load(ctl *c, const char *asof, int64_t client_id, fu_extra *x, cart_err *e)
{
	int rc;

	memset(x, 0, sizeof *x);
	x->overdue = _("Overdue");
	x->later = _("Falls due later");
	x->credits = _("Credits in favour");
	if ((rc = ledger_client_credits(c->l, asof, client_id, fx_credit, x, e)) == CART_OK)
		rc = ledger_client_contacts(c->l, client_id, fx_contact, x, e);
	if (rc == CART_OK && x->fail)
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	if (rc != CART_OK)
		return rc;
	/* both lists come in client id order */
	x->maxid = x->ncr ? x->cr[x->ncr - 1].client_id : 0;
	if (x->nct && x->ct[x->nct - 1].client_id > x->maxid)
		x->maxid = x->ct[x->nct - 1].client_id;
	if ((x->ncr && x->cr[0].client_id < 0) || (x->nct && x->ct[0].client_id < 0) ||
	    (uint64_t)x->maxid >= (uint64_t)(SIZE_MAX / sizeof(int) / 2))
		return CART_OK;     /* ids no client has: searched instead */
	if (!(x->cr_at = malloc(((size_t)x->maxid + 1) * sizeof *x->cr_at)) ||
	    !(x->ct_at = malloc(((size_t)x->maxid + 1) * sizeof *x->ct_at)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	for (int64_t id = 0; id <= x->maxid; id++)
		x->cr_at[id] = x->ct_at[id] = -1;
	for (int i = x->ncr - 1; i >= 0; i--)
		x->cr_at[x->cr[i].client_id] = i;
	for (int i = 0; i < x->nct; i++)
		x->ct_at[x->ct[i].client_id] = i;
	return CART_OK;
}

static void fx_free(fu_extra *x)
{
	free(x->texts);
	free(x->ct);
	free(x->cr);
	free(x->cr_at);
	free(x->ct_at);
}

static const char *fx_contact_of(const fu_extra *x, int64_t client_id)
{
	int lo = 0, hi = x->nct - 1;

	if (x->ct_at)
		return client_id >= 0 && client_id <= x->maxid && x->ct_at[client_id] >= 0 ?
		       x->texts + x->ct[x->ct_at[client_id]].text : NULL;
	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (x->ct[mid].client_id == client_id)
			return x->texts + x->ct[mid].text;
		if (x->ct[mid].client_id < client_id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* The first of a client's credits (by currency) in x->cr, or x->ncr when it has none. */
static int fx_credits_of(const fu_extra *x, int64_t client_id)
{
	int lo = 0, hi = x->ncr;

	if (x->cr_at)
		return client_id >= 0 && client_id <= x->maxid && x->cr_at[client_id] >= 0 ?
		       x->cr_at[client_id] : x->ncr;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (x->cr[mid].client_id < client_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->ncr && x->cr[lo].client_id == client_id ? lo : x->ncr;
}

static int fu_item(const open_item *it, void *ud)
{
	fu *f = ud;

	if (it->side != 'D')
		return 0;
	if (f->n == f->cap) {
		int cap = f->cap ? f->cap * 2 : 64;
		open_item *n = realloc(f->items, sizeof *n * (size_t)cap);

		if (!n) {
			f->fail = 1;
			return 1;
		}
		f->items = n;
		f->cap = cap;
	}
	f->items[f->n++] = *it;
	return 0;
}

/* f's items as the set gives them (pointing into f->items). */
static int fu_view(fu *f)
{
	charge_item *v = realloc(f->view, sizeof *v * (size_t)(f->n ? f->n : 1));

	if (!v)
		return -1;
	f->view = v;
	for (int i = 0; i < f->n; i++) {
		const open_item *it = &f->items[i];

		memset(&v[i], 0, sizeof v[i]);
		v[i].entry_id = it->entry_id;
		v[i].instalment_id = it->instalment_id;
		v[i].doc_id = it->doc_id;
		v[i].amount = it->amount;
		v[i].open = it->open;
		v[i].instalment_no = it->instalment_no;
		v[i].days_overdue = it->days_overdue;
		v[i].number = it->number;
		memcpy(v[i].code, it->code, sizeof v[i].code);
		memcpy(v[i].currency, it->currency, sizeof v[i].currency);
		memcpy(v[i].date, it->date, sizeof v[i].date);
		memcpy(v[i].due_date, it->due_date, sizeof v[i].due_date);
	}
	return 0;
}

static void fu_rows(report *r, const charge_item *items, int n, int64_t client_id, const char *cur,
                    int overdue, int64_t *sum)
{
	for (int i = 0; i < n; i++) {
		const charge_item *it = &items[i];

		if ((it->days_overdue > 0) != overdue || strcmp(it->currency, cur))
			continue;
		report_row(r, RPT_ROW_DATA, NULL);
		report_row_ref(r, client_id);
		rpt_text(r, it->number);
		if (it->instalment_no)
			rpt_int(r, it->instalment_no, 0);
		else
			rpt_empty(r);
		rpt_date(r, it->date);
		rpt_date(r, it->due_date);
		rpt_int(r, it->days_overdue, 0);
		rpt_text(r, it->currency);
		rpt_amount(r, it->open, it->currency, 0);
		report_row_end(r);
		*sum += it->open;
	}
}

static void fu_total(report *r, int64_t client_id, const char *label, const char *cur, int64_t sum,
                     int flags)
{
	report_row(r, RPT_ROW_GROUP_TOTAL, NULL);
	report_row_ref(r, client_id);
	rpt_text(r, label);
	rpt_empty(r);
	rpt_empty(r);
	rpt_empty(r);
	rpt_empty(r);
	rpt_text(r, cur);
	rpt_amount(r, sum, cur, flags);
	report_row_end(r);
}

/* Whether a client's section is printed: it has open charges, and (overdue_only) one overdue. */
static int fu_shown(const charge_item *items, int n, int overdue_only)
{
	int any_overdue = 0;

	for (int i = 0; i < n && !any_overdue; i++)
		any_overdue = items[i].days_overdue > 0;
	return n && (!overdue_only || any_overdue);
}

/* One client's section: a heading, then per currency (one, nearly always) what is overdue and
 * what falls due later, each with its own subtotal; the sums go to tot. Nothing when the client
 * has no open charge, or (overdue_only) nothing overdue. */
static void fu_section(report *r, const charge_item *items, int n, int64_t client_id,
                       const char *name, const char *tax_id, const char *dv, int overdue_only,
                       fu_tot *tot, int *ntot, ctl *c, const fu_notes *nt, const fu_extra *x)
{
	char head[1200], note[300], tid[128];
	const char *contact = fx_contact_of(x, client_id);
	size_t len;

	if (!fu_shown(items, n, overdue_only))
		return;
	/* the level reached, the responsible clerk, the promises to pay (issue 13) */
	ctl_fu_note(c, nt, client_id, note, sizeof note);
	taxid_labelled(r->country, NULL, tax_id, dv, tid, sizeof tid);
	/* then whom to call about what is below (issue 16): the client's contact */
	/* as snprintf "%s%s%s%s%s%s" would, without its cost for 50,000 headings */
	len = append(head, sizeof head, 0, name);
	len = append(head, sizeof head, len, tid[0] ? " — " : "");
	len = append(head, sizeof head, len, tid);
	len = append(head, sizeof head, len, note);
	len = append(head, sizeof head, len, contact ? " · " : "");
	append(head, sizeof head, len, contact ? contact : "");
	report_row(r, RPT_ROW_SECTION, NULL);
	report_row_ref(r, client_id);
	rpt_text(r, head);
	report_row_end(r);
	for (int i0 = 0; i0 < n; i0++) {
		const char *cur = items[i0].currency;
		int64_t over = 0, later = 0;
		int seen = 0;
		fu_tot *t;

		for (int j = 0; j < i0 && !seen; j++)
			seen = !strcmp(items[j].currency, cur);
		if (seen)
			continue;
		fu_rows(r, items, n, client_id, cur, 1, &over);
		fu_total(r, client_id, x->overdue, cur, over, RPT_F_SUM);
		fu_rows(r, items, n, client_id, cur, 0, &later);
		fu_total(r, client_id, x->later, cur, later, RPT_F_SUM);
		if ((t = tot_of(tot, ntot, cur))) {
			t->overdue += over;
			t->later += later;
		}
	}
	/* what the client has in favour, per currency: a figure, not a sum of the rows above */
	for (int i = fx_credits_of(x, client_id); i < x->ncr && x->cr[i].client_id == client_id; i++)
		fu_total(r, client_id, x->credits, x->cr[i].cur, x->cr[i].open, 0);
}

/* ---- the widths of every client's rows, before the first (issue 17) ---- */

/* The widest of a set of amounts or integers: a formatted number is as wide as its magnitude's
 * digits (and a sign), so the largest and the smallest tell. */
typedef struct span {
	int any;
	int64_t lo, hi;
} span;

static void span_add(span *s, int64_t v)
{
	if (!s->any || v < s->lo)
		s->lo = v;
	if (!s->any || v > s->hi)
		s->hi = v;
	s->any = 1;
}

static int span_width(const report *r, const span *s, int kind)
{
	rpt_cell c = { .kind = kind };
	char buf[64];
	int w, wl;

	if (!s->any)
		return 0;
	c.v = s->hi;
	rpt_cell_text(r, &c, buf, sizeof buf);
	w = utf8_width(buf);
	c.v = s->lo;
	rpt_cell_text(r, &c, buf, sizeof buf);
	wl = utf8_width(buf);
	return wl > w ? wl : w;
}

/* A date cell's width (rpt_date: empty when the text is no date); every date is written in ten
 * characters, so the first valid one tells. */
static int date_width(const report *r, const char *iso)
{
	rpt_cell c = { .kind = RPT_DATE };
	char buf[32];
	date_t d;

	if (!iso || !*iso || date_parse(iso, &d, CART_IGNORED) != CART_OK)
		return 0;
	c.v = d;
	rpt_cell_text(r, &c, buf, sizeof buf);
	return utf8_width(buf);
}

static void widen(int *w, int v)
{
	if (v > *w)
		*w = v;
}

/* Every cell fu_section would write for the clients of set, measured as the text renderer
 * measures them (section headings apart): w[NCOLS]. */
static void fu_widths(const report *r, const charge_set *set, int overdue_only, const fu_extra *x,
                      int *w)
{
	span inst = { 0 }, days = { 0 }, amt = { 0 };
	int dates = 0, dues = 0, shown = 0, credits = 0;

	memset(w, 0, sizeof *w * NCOLS);
	for (size_t k = 0; k < set->nclients; k++) {
		const charge_group *g = &set->clients[k];

		if (k + 4 < set->nclients) {    /* see fu_ahead */
			const charge_group *a = &set->clients[k + 4];

			__builtin_prefetch(a->items);
			__builtin_prefetch((const char *)a->items + 64);
			__builtin_prefetch((const char *)a->items + 128);
			if (x->cr_at && a->id >= 0 && a->id <= x->maxid)
				__builtin_prefetch(&x->cr_at[a->id]);
		}
		if (!fu_shown(g->items, g->n, overdue_only))
			continue;
		shown = 1;
		for (int i = 0; i < g->n; i++) {
			const charge_item *it = &g->items[i];
			int64_t over = 0, later = 0;
			int seen = 0;

			widen(&w[COL_DOC], utf8_width(it->number));
			if (it->instalment_no)
				span_add(&inst, it->instalment_no);
			if (!dates)
				widen(&w[COL_DATE], dates = date_width(r, it->date));
			if (!dues)
				widen(&w[COL_DUE], dues = date_width(r, it->due_date));
			span_add(&days, it->days_overdue);
			span_add(&amt, it->open);
			/* the currency's subtotals, at its first item (fu_section's order) */
			for (int j = 0; j < i && !seen; j++)
				seen = !strcmp(g->items[j].currency, it->currency);
			if (seen)
				continue;
			widen(&w[COL_CUR], utf8_width(it->currency));
			for (int j = i; j < g->n; j++)
				if (!strcmp(g->items[j].currency, it->currency)) {
					if (g->items[j].days_overdue > 0)
						over += g->items[j].open;
					else
						later += g->items[j].open;
				}
			span_add(&amt, over);
			span_add(&amt, later);
		}
		for (int i = fx_credits_of(x, g->id); i < x->ncr && x->cr[i].client_id == g->id; i++) {
			credits = 1;
			widen(&w[COL_CUR], utf8_width(x->cr[i].cur));
			span_add(&amt, x->cr[i].open);
		}
	}
	if (shown) {
		widen(&w[COL_DOC], utf8_width(x->overdue));
		widen(&w[COL_DOC], utf8_width(x->later));
	}
	if (credits)
		widen(&w[COL_DOC], utf8_width(x->credits));
	widen(&w[COL_INST], span_width(r, &inst, RPT_INT));
	widen(&w[COL_DAYS], span_width(r, &days, RPT_INT));
	widen(&w[COL_OPEN], span_width(r, &amt, RPT_AMOUNT));
}

/* The table, its amount column as wide as the largest sum of open charges in one currency (no
 * item is larger): from the sums the walk brings (sums, as of now) or else ledger_totals. */
static int fu_table(report *r, ctl *c, int64_t client_id, const char *asof, const cur_sum *sums,
                    int nsums, cart_err *e)
{
	int aw = 15, rc;

	if (sums) {
		for (int k = 0; k < nsums; k++)
			aw = rpt_amount_width(&c->co, sums[k].sum, aw);
	} else {
		totals ft[LEDGER_MAX_CURRENCIES];
		int nf = 0;

		if ((rc = ledger_totals(c->l, client_id, asof, ft, &nf, e)) != CART_OK)
			return rc;
		for (int k = 0; k < nf; k++)
			aw = rpt_amount_width(&c->co, ft[k].due + ft[k].overdue, aw);
	}
	report_table(r, _("Follow-up"));
	report_col(r, "document", _("Document"), RPT_TEXT, RPT_LEFT, 20, 10);
	report_col(r, "instalment", _("Inst."), RPT_INT, RPT_RIGHT, 5, 5);
	report_col(r, "date", _("Date"), RPT_DATE, RPT_LEFT, 10, 10);
	report_col(r, "due_date", _("Due date"), RPT_DATE, RPT_LEFT, 10, 10);
	report_col(r, "days_overdue", _("Days"), RPT_INT, RPT_RIGHT, 5, 5);
	report_col(r, "currency", _("Cur."), RPT_TEXT, RPT_LEFT, 4, 4);
	report_col(r, "open", _(NC_("column", "Open")), RPT_AMOUNT, RPT_RIGHT, aw, aw);
	report_currency_col(r, 5);
	return CART_OK;
}

/* ---- every client as of a past date: client by client ---- */

/* A client's items gathered until the next client's come. */
typedef struct fu_all {
	report *r;
	fu f;
	int64_t client_id;
	char name[200], tax_id[32], dv[4];
	int overdue_only;
	fu_tot *tot;
	int *ntot;
	ctl *c;
	const fu_notes *nt;
	const fu_extra *x;
	const char *asof;
	int table, rc;
	cart_err *e;
} fu_all;

static void fu_all_section(fu_all *a)
{
	if (fu_view(&a->f)) {
		a->f.fail = 1;
		return;
	}
	fu_section(a->r, a->f.view, a->f.n, a->client_id, a->name, a->tax_id, a->dv,
	           a->overdue_only, a->tot, a->ntot, a->c, a->nt, a->x);
}

static int fu_all_item(const charge_client *c, const open_item *it, void *ud)
{
	fu_all *a = ud;

	if (!a->table) {
		a->table = 1;
		if ((a->rc = fu_table(a->r, a->c, 0, a->asof, c->sums, c->nsums, a->e)) != CART_OK)
			return 1;
	}
	if (c->id != a->client_id) {
		fu_all_section(a);
		a->f.n = 0;
		a->client_id = c->id;
		snprintf(a->name, sizeof a->name, "%s", c->name ? c->name : "");
		snprintf(a->tax_id, sizeof a->tax_id, "%s", c->tax_id ? c->tax_id : "");
		snprintf(a->dv, sizeof a->dv, "%s", c->dv ? c->dv : "");
	}
	return fu_item(it, &a->f);
}

static int fu_past(report *r, ctl *c, const char *asof, int overdue_only, fu_tot *tot, int *ntot,
                   const fu_notes *nt, const fu_extra *x, cart_err *e)
{
	fu_all a = { .r = r, .overdue_only = overdue_only, .tot = tot, .ntot = ntot, .c = c,
	             .nt = nt, .x = x, .asof = asof, .e = e };
	int rc = ledger_open_charges(c->l, asof, fu_all_item, &a, e);

	if (rc == CART_OK)
		rc = a.table ? a.rc : fu_table(r, c, 0, asof, NULL, 0, e);
	if (rc == CART_OK)        /* the last client's */
		fu_all_section(&a);
	if (rc == CART_OK && a.f.fail)
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	free(a.f.items);
	free(a.f.view);
	return rc;
}

/* ---- every client as of now: all at once ---- */

/* The clients come in name order, their items, contacts and credits lie in id order: ask for
 * what the clients a few places on will read while this one is written (a wait for memory at
 * each client's items, contact and credits had been a sixth of writing the rows). */
static void fu_ahead(const charge_set *set, size_t k, const fu_extra *x)
{
	const charge_group *g;

	if (k + 8 < set->nclients) {
		g = &set->clients[k + 8];
		__builtin_prefetch(g->items);
		__builtin_prefetch(g->name);
		if (x->ct_at && g->id >= 0 && g->id <= x->maxid) {
			__builtin_prefetch(&x->ct_at[g->id]);
			__builtin_prefetch(&x->cr_at[g->id]);
		}
	}
	if (k + 4 < set->nclients) {
		const char *ct;
		int ci;

		g = &set->clients[k + 4];
		if ((ct = fx_contact_of(x, g->id)))
			__builtin_prefetch(ct);
		if ((ci = fx_credits_of(x, g->id)) < x->ncr)
			__builtin_prefetch(&x->cr[ci]);
		__builtin_prefetch((const char *)g->items + 64);
		__builtin_prefetch((const char *)g->items + 128);
	}
}

static int fu_now(report *r, ctl *c, const charge_set *set, const char *asof, int overdue_only,
                  fu_tot *tot, int *ntot, const fu_notes *nt, const fu_extra *x, cart_err *e)
{
	int w[NCOLS], rc;

	if ((rc = fu_table(r, c, 0, asof, set->nclients && set->nsums ? set->sums : NULL,
	                   set->nsums, e)) != CART_OK)
		return rc;
	fu_widths(r, set, overdue_only, x, w);
	report_col_widths(r, w, NCOLS);
	/* every figure is in memory: writing the rows cannot fail but for the writing itself */
	report_no_late_failure(r);
	for (size_t k = 0; k < set->nclients; k++) {
		const charge_group *g = &set->clients[k];

		fu_ahead(set, k, x);
		fu_section(r, g->items, g->n, g->id, g->name, g->tax_id, g->dv, overdue_only, tot,
		           ntot, c, nt, x);
	}
	return CART_OK;
}

int rpt_followup(ctl *c, const char *asof_arg, int64_t client_id, int overdue_only, report *r,
                 cart_err *e)
{
	char asof[DATE_LEN], shown[DATE_LEN];
	int rc = CART_OK, now = 0;
	fu_tot tot[LEDGER_MAX_CURRENCIES];
	int ntot = 0;
	fu f = { NULL, NULL, 0, 0, 0 };
	fu_notes nt;
	fu_extra x;
	charge_set set;

	memset(&set, 0, sizeof set);
	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger has no company settings yet (cartera init)"));
	if (asof_arg && *asof_arg)
		snprintf(asof, sizeof asof, "%s", asof_arg);
	else
		date_format(date_today(), asof);
	if ((rc = ctl_fu_notes_init(c, &nt, e)) != CART_OK)
		return rc;
	if ((rc = fx_load(c, asof, client_id, &x, e)) != CART_OK) {
		fx_free(&x);
		return rc;
	}
	report_title(r, "%s", _("Follow-up of receivables"));
	report_line(r, _("As of %s"), rpt_date_text(r, asof, shown));
	memset(tot, 0, sizeof tot);
	if (client_id) {
		client cl;

		if ((rc = fu_table(r, c, client_id, asof, NULL, 0, e)) == CART_OK &&
		    (rc = ledger_client_get(c->l, client_id, &cl, e)) == CART_OK &&
		    (rc = ledger_open_items(c->l, client_id, asof, fu_item, &f, e)) == CART_OK) {
			if (f.fail || fu_view(&f))
				rc = cart_fail(e, CART_NOMEM, _("out of memory"));
			else
				fu_section(r, f.view, f.n, client_id, cl.name, cl.tax_id, cl.dv, 0, tot,
				           &ntot, c, &nt, &x);
		}
	} else if ((rc = ledger_open_charges_set(c->l, asof, &set, &now, e)) == CART_OK) {
		rc = now ? fu_now(r, c, &set, asof, overdue_only, tot, &ntot, &nt, &x, e) :
		     fu_past(r, c, asof, overdue_only, tot, &ntot, &nt, &x, e);
	}
	if (rc == CART_OK) {
		if (!ntot)
			report_note(r, _("Nothing is open as of %s."), rpt_date_text(r, asof, shown));
		for (int k = 0; k < ntot; k++) {
			char m1[40], m2[40];

			money_format(tot[k].overdue, &c->co.fmt, m1, sizeof m1);
			money_format(tot[k].later, &c->co.fmt, m2, sizeof m2);
			report_note(r, _("%s: overdue %s; falls due later %s."), tot[k].cur, m1, m2);
		}
		rc = report_finish(r, e);
	} else {
		report_finish(r, CART_IGNORED);
	}
	ledger_charge_set_free(&set);
	free(f.items);
	free(f.view);
	fx_free(&x);
	return rc;
}
