/* The dashboard's aging bar (SPEC R7, B1): what is open per currency in the aging buckets (not
 * yet due, the company's ranges, over the last), their shares in whole percent and the cells of a
 * bar of any width, all in integers. No curses: the screen draws what it gets. */
#ifndef CARTERA_CTL_PICTURES_H
#define CARTERA_CTL_PICTURES_H

#include "cartera/ctl.h"

#define AGEBAR_MAX (LEDGER_MAX_RANGES + 2)

typedef struct ctl_agebar {
	int ncur;
	char cur[LEDGER_MAX_CURRENCIES][4];
	int nb;                                         /* buckets: n_ranges + 2 */
	int64_t v[LEDGER_MAX_CURRENCIES][AGEBAR_MAX];    /* open charges per bucket */
	int64_t total[LEDGER_MAX_CURRENCIES];
	int pct[LEDGER_MAX_CURRENCIES][AGEBAR_MAX];      /* v / total x 100, rounded half up */
} ctl_agebar;

/* All clients (0) or one, as of asof (NULL or "": today). */
int ctl_agebar_load(ctl *c, int64_t client_id, const char *asof, ctl_agebar *b, cart_err *e);

#endif
