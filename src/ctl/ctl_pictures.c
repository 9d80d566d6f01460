/* The dashboard's aging bar: buckets from one grouped pass over the open charges
 * (ledger_open_by_days), shares and bar cells in integers. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ctl_int.h"
#include "model/ledger_trend.h"
#include "cartera/ctl_pictures.h"

typedef struct ab_ctx {
	ctl_agebar *b;
	const company *co;
} ab_ctx;

static int add_days(const char *cur, int days, int64_t open, void *ud)
{
	ab_ctx *x = ud;
	ctl_agebar *b = x->b;
	int k, bucket = 0;

	for (k = 0; k < b->ncur && strcmp(b->cur[k], cur); k++)
		;
	if (k == b->ncur) {
		if (b->ncur == LEDGER_MAX_CURRENCIES)
			return 0;
		snprintf(b->cur[b->ncur++], 4, "%s", cur);
	}
	if (days > 0) {
		bucket = x->co->n_ranges + 1;
		for (int i = 0; i < x->co->n_ranges; i++)
			if (days <= x->co->ranges[i]) {
				bucket = i + 1;
				break;
			}
	}
	b->v[k][bucket] += open;
	b->total[k] += open;
	return 0;
}

int ctl_agebar_load(ctl *c, int64_t client_id, const char *asof, ctl_agebar *b, cart_err *e)
{
	char d[DATE_LEN];
	ab_ctx x = { b, &c->co };
	int rc;

	memset(b, 0, sizeof *b);
	b->nb = c->co.n_ranges + 2;
	if (!asof || !*asof) {
		date_format(date_today(), d);
		asof = d;
	}
	if ((rc = ledger_open_by_days(c->l, client_id, asof, add_days, &x, e)) != CART_OK)
		return rc;
	/* currencies in order, as the totals show them */
	for (int i = 1; i < b->ncur; i++)
		for (int j = i; j > 0 && strcmp(b->cur[j - 1], b->cur[j]) > 0; j--) {
			ctl_agebar t;

			memcpy(t.cur[0], b->cur[j], 4);
			memcpy(b->cur[j], b->cur[j - 1], 4);
			memcpy(b->cur[j - 1], t.cur[0], 4);
			memcpy(t.v[0], b->v[j], sizeof t.v[0]);
			memcpy(b->v[j], b->v[j - 1], sizeof t.v[0]);
			memcpy(b->v[j - 1], t.v[0], sizeof t.v[0]);
			t.total[0] = b->total[j];
			b->total[j] = b->total[j - 1];
			b->total[j - 1] = t.total[0];
		}
	for (int k = 0; k < b->ncur; k++)
		for (int i = 0; i < b->nb; i++)
			b->pct[k][i] = b->total[k] > 0
			    ? (int)(((__int128)b->v[k][i] * 100 + b->total[k] / 2) / b->total[k]) : 0;
	return CART_OK;
}
