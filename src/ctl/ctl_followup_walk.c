/* Where every client stands (ctl_fu_status for all clients): the open charges of every client
 * read in one pass over the partial indexes of open items (no names, no order), sorted by client
 * in memory, each client's level decided (fu_evaluate) with its state and its credits in favour;
 * only the clients shown are kept, in a small record each (no names, no texts: ~160 bytes, not
 * the 1.2 KiB of a fu_eval), and handed out in a clerk's name order by one walk over the
 * clients' name index, each made whole (name, state, level names) as it goes out. A dry run
 * over 50,000 clients needs no more than that. */
#include "config.h"

#include <stdint.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ctl_followup.h"
#include "cartera/i18n.h"
#include "ctl_int.h"
#include "ctl_followup_int.h"
#include "model/ledger_followup.h"

typedef struct charge {
	int64_t client_id;
	date_t due;
	char cur[4];
	int64_t open;
} charge;

/* A client shown, in short: what fu_evaluate decided, less what comes back from elsewhere (the
 * state from st[k], the level names from the levels, the name from the clients). */
typedef struct shown {
	int64_t client_id, need_id;
	long k;                   /* its state in walk.st, -1: none (the default state) */
	int action, has_open, days, ncur;
	char oldest_due[DATE_LEN], next_date[DATE_LEN];
	unsigned char cur[sizeof ((fu_eval *)0)->cur];
} shown;

typedef struct walk {
	fu_level lv[FU_MAX_LEVELS];
	int nl;
	fu_state *st;
	size_t nst, cap_st;
	fu_credit *cr;
	size_t ncr, cap_cr;
	charge *ch;
	size_t nch, cap_ch;
	shown *out;
	size_t nout, cap_out;
	fu_eval_cb cb;            /* handing the shown clients out, in name order */
	void *ud;
	int only_action, fail;
} walk;

#define GROW(ptr, n, cap, first) \
	((n) < (cap) ? 1 : grow((void **)&(ptr), &(cap), sizeof *(ptr), (first)))

static int grow(void **p, size_t *cap, size_t size, size_t first)
{
	size_t c = *cap ? *cap * 2 : first;
	void *n = realloc(*p, c * size);

	if (!n)
		return 0;
	*p = n;
	*cap = c;
	return 1;
}

static int take_state(const fu_state *st, void *ud)
{
	walk *w = ud;

	if (!GROW(w->st, w->nst, w->cap_st, 64))
		return w->fail = 1;
	w->st[w->nst++] = *st;
	return 0;
}

static int take_credit(int64_t client_id, const char *cur, int64_t open, void *ud)
{
	walk *w = ud;

	if (!GROW(w->cr, w->ncr, w->cap_cr, 64))
		return w->fail = 1;
	w->cr[w->ncr].client_id = client_id;
	snprintf(w->cr[w->ncr].cur, 4, "%s", cur);
	w->cr[w->ncr++].open = open;
	return 0;
}

static int take_charge(int64_t client_id, const char *cur, const char *due, int64_t open, void *ud)
{
	walk *w = ud;
	date_t d;

	if (date_parse(due, &d, CART_IGNORED) != CART_OK)
		return 0;
	if (!GROW(w->ch, w->nch, w->cap_ch, 1024))
		return w->fail = 1;
	w->ch[w->nch].client_id = client_id;
	w->ch[w->nch].due = d;
	snprintf(w->ch[w->nch].cur, 4, "%s", cur);
	w->ch[w->nch++].open = open;
	return 0;
}

static int cmp_charge(const void *a, const void *b)
{
	const charge *x = a, *y = b;

	if (x->client_id != y->client_id)
		return x->client_id < y->client_id ? -1 : 1;
	return (x->due > y->due) - (x->due < y->due);
}

static long find_state(const walk *w, int64_t id)
{
	size_t lo = 0, hi = w->nst;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (w->st[mid].client_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < w->nst && w->st[lo].client_id == id ? (long)lo : -1;
}

static void credits_of(const walk *w, int64_t id, const fu_credit **out, int *n)
{
	size_t lo = 0, hi = w->ncr;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (w->cr[mid].client_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*out = w->cr + lo;
	*n = 0;
	while (lo + (size_t)*n < w->ncr && w->cr[lo + (size_t)*n].client_id == id)
		(*n)++;
}

/* Decide one client's level from its charges (items, n of them, oldest due first). */
static int decide(walk *w, int64_t client_id, fu_item *items, int n, char *seen, date_t today)
{
	const fu_credit *cr;
	fu_state def;
	fu_eval v;
	long k = find_state(w, client_id);
	int ncr;

	memset(&def, 0, sizeof def);
	def.client_id = client_id;
	def.cycle = 1;
	if (k >= 0)
		seen[k] = 1;
	credits_of(w, client_id, &cr, &ncr);
	memset(&v, 0, sizeof v);
	v.client_id = client_id;
	fu_evaluate(w->lv, w->nl, k >= 0 ? &w->st[k] : &def, items, n, cr, ncr, today, &v);
	if (w->only_action && v.action != FU_DUE && v.action != FU_MANUAL && v.action != FU_BACK &&
	    v.action != FU_RESET)
		return 0;
	if (!w->only_action && !v.has_open && k < 0)
		return 0;
	if (!GROW(w->out, w->nout, w->cap_out, 64))
		return w->fail = 1;
	{
		shown *x = &w->out[w->nout++];

		x->client_id = client_id;
		x->need_id = v.need_id;
		x->k = k;
		x->action = v.action;
		x->has_open = v.has_open;
		x->days = v.days;
		x->ncur = v.ncur;
		memcpy(x->oldest_due, v.oldest_due, DATE_LEN);
		memcpy(x->next_date, v.next_date, DATE_LEN);
		memcpy(x->cur, v.cur, sizeof x->cur);
	}
	return 0;
}

static int cmp_shown(const void *a, const void *b)
{
	int64_t x = ((const shown *)a)->client_id, y = ((const shown *)b)->client_id;

	return (x > y) - (x < y);
}

/* One client of the name index: when shown, made whole and handed out. */
static int take_name(int64_t client_id, const char *name, void *ud)
{
	walk *w = ud;
	const shown *x;
	shown key;
	fu_eval v;

	key.client_id = client_id;
	if (!(x = bsearch(&key, w->out, w->nout, sizeof *w->out, cmp_shown)))
		return 0;
	memset(&v, 0, sizeof v);
	v.client_id = client_id;
	snprintf(v.client, sizeof v.client, "%s", name ? name : "");
	if (x->k >= 0) {
		v.st = w->st[x->k];
	} else {
		v.st.client_id = client_id;
		v.st.cycle = 1;
	}
	for (int i = 0; i < w->nl; i++) {
		if (w->lv[i].id == v.st.level_id)
			snprintf(v.level, sizeof v.level, "%s", w->lv[i].name);
		if (w->lv[i].id == x->need_id)
			snprintf(v.need, sizeof v.need, "%s", w->lv[i].name);
	}
	v.need_id = x->need_id;
	v.action = x->action;
	v.has_open = x->has_open;
	v.days = x->days;
	v.ncur = x->ncur;
	memcpy(v.oldest_due, x->oldest_due, DATE_LEN);
	memcpy(v.next_date, x->next_date, DATE_LEN);
	memcpy(v.cur, x->cur, sizeof v.cur);
	return w->cb(&v, w->ud);
}

int fu_status_all(ctl *c, int only_action, fu_eval_cb cb, void *ud, cart_err *e)
{
	char today_s[DATE_LEN];
	date_t today = date_today();
	fu_item *items = NULL;
	size_t cap_items = 0;
	char *seen = NULL;
	walk w;
	int rc;

	memset(&w, 0, sizeof w);
	w.only_action = only_action;
	date_format(today, today_s);
	if ((rc = fu_levels_load(c, w.lv, &w.nl, e)) != CART_OK ||
	    (rc = ledger_fu_states(c->l, take_state, &w, e)) != CART_OK ||
	    (rc = ledger_fu_credits(c->l, 0, take_credit, &w, e)) != CART_OK ||
	    (rc = ledger_fu_open_charges(c->l, today_s, take_charge, &w, e)) != CART_OK)
		goto out;
	if (w.fail || !(seen = calloc(w.nst + 1, 1))) {
		rc = cart_fail(e, CART_NOMEM, "%s", _("out of memory"));
		goto out;
	}
	qsort(w.ch, w.nch, sizeof *w.ch, cmp_charge);
	for (size_t i = 0; i < w.nch && !w.fail;) {
		size_t j = i;
		int n = 0;

		while (j < w.nch && w.ch[j].client_id == w.ch[i].client_id)
			j++;
		if (j - i > cap_items) {
			fu_item *ni = realloc(items, (j - i) * sizeof *ni);

			if (!ni) {
				w.fail = 1;
				break;
			}
			items = ni;
			cap_items = j - i;
		}
		for (size_t k = i; k < j; k++, n++) {
			memset(&items[n], 0, sizeof items[n]);
			items[n].due = w.ch[k].due;
			items[n].open = w.ch[k].open;
			memcpy(items[n].cur, w.ch[k].cur, 4);
		}
		decide(&w, w.ch[i].client_id, items, n, seen, today);
		i = j;
	}
	/* clients with a level but nothing open any more: their level goes back */
	for (size_t i = 0; i < w.nst && !w.fail; i++)
		if (!seen[i])
			decide(&w, w.st[i].client_id, NULL, 0, seen, today);
	if (w.fail) {
		rc = cart_fail(e, CART_NOMEM, "%s", _("out of memory"));
		goto out;
	}
	/* by id for the look-ups (the charges' clients, then the states' left: each in id
	 * order), then handed out in a clerk's name order, named, by one walk over the name index */
	{
		int sorted = 1;

		for (size_t i = 1; i < w.nout && sorted; i++)
			sorted = w.out[i - 1].client_id < w.out[i].client_id;
		if (!sorted)
			qsort(w.out, w.nout, sizeof *w.out, cmp_shown);
	}
	w.cb = cb;
	w.ud = ud;
	if (w.nout)
		rc = ledger_fu_client_names(c->l, take_name, &w, e);
out:
	free(items);
	free(seen);
	free(w.st);
	free(w.cr);
	free(w.ch);
	free(w.out);
	return rc;
}
