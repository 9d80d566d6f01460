/* The ledger model: the aging of every client as of now, a window at a time (issue 14: the aging
 * screen pages like the dashboard). The whole aging reads every open item (about 250,000 on the
 * benchmark ledger, 0.1-0.2 s); a screen shows twenty rows. Schema 023 keeps, moved by triggers as
 * entries, instalments and allocations are posted, what is open per currency, side and due date
 * (due_open) and how many open entries each client has per currency (balances.open_n): the
 * totals of every range are then a few thousand rows, the count of the aging's rows one small
 * table, and a page a walk of the name index from the last row shown. `cartera check --full`
 * proves both against the rows. "Now": nothing in the ledger is dated after the as-of date
 * (ledger_asof_is_now); other dates are answered by ledger_aging. */
#ifndef CARTERA_MODEL_LEDGER_AGING_NOW_H
#define CARTERA_MODEL_LEDGER_AGING_NOW_H

#include "cartera/types.h"
#include "ledger_db.h"

/* Is nothing (entry or allocation) dated after asof? Then the kept amounts are the answer. */
int ledger_asof_is_now(ledger *l, const char *asof, int *now, cart_err *e);

/* What the aging of every client adds up to in one currency. */
typedef struct aging_total {
	char currency[4];
	int64_t not_due;
	int64_t range[LEDGER_MAX_RANGES + 1];
	int64_t open_charges;    /* not_due + every range */
	int64_t credits;         /* open credits (credits in favour) */
	int64_t net;             /* open_charges - credits */
	long rows;               /* the aging's rows in it: clients with something open in it */
} aging_total;

/* The totals of every currency anything is open in, ordered by currency, as of asof (which must
 * be now: CART_INVALID otherwise), bucketed as ledger_aging buckets each item (due on or after
 * asof: not due; then by days past due into the n_ranges bounds, the last open-ended). From the
 * kept sums alone; *n rows (at most LEDGER_MAX_CURRENCIES). */
int ledger_aging_now_totals(ledger *l, const char *asof, const int *ranges, int n_ranges,
                            aging_total *rows, int *n, cart_err *e);

/* How many rows the aging has now: (client, currency) pairs with an open entry. */
int ledger_aging_now_count(ledger *l, int64_t *n, cart_err *e);

/* A row of the aging, without its figures: the client, its name and the currency. */
typedef struct aging_pair {
	int64_t client_id;
	char currency[4];
} aging_pair;
typedef int (*aging_pair_cb)(int64_t client_id, const char *currency, const char *name, void *ud);

/* The aging's rows now in its name order (clients by name_key, then id; a client's currencies
 * in order), starting next to the pair (client_id, currency) -- after it forward, before it
 * backward (desc) -- or at the first (last, desc) when client_id is 0; at most limit of them, to
 * cb with the client's name until cb returns non-zero. Reads the name index from there on, never
 * the rows before. */
int ledger_aging_now_walk(ledger *l, int64_t client_id, const char *currency, int desc,
                          int limit, aging_pair_cb cb, void *ud, cart_err *e);

/* Every row of the aging now in another order (RPT_AGING_BY_DEBT: the net, largest first;
 * RPT_AGING_BY_OLDEST: the earliest due date among open charges due before asof first, rows
 * with nothing overdue after them), ties in name order: as rpt_aging_sorted orders them. A
 * malloc'd array of *n pairs (free it). */
enum { AGING_NOW_BY_DEBT = 1, AGING_NOW_BY_OLDEST = 2 };
int ledger_aging_now_sorted(ledger *l, const char *asof, int order, aging_pair **pairs, size_t *n,
                            cart_err *e);

/* One client's rows of the aging as of any date (one per currency with anything open, in
 * currency order), figures as ledger_aging gives them. */
int ledger_aging_client(ledger *l, int64_t client_id, const char *asof, const int *ranges,
                        int n_ranges, aging_cb cb, void *ud, cart_err *e);

#endif
