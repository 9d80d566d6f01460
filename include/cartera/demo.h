/* The demo ledger (SPEC P2): realistic clients (Spanish business and person names, tax ids with
 * correct check digits, locations, phones) and documents over the last 18 months: invoices, some
 * in instalments, partial payments, receipts that pay several invoices, overpayments, advances,
 * credit notes, opening balances and a few voids. Deterministic for a given seed and today. The
 * same generator, at full size, feeds the benchmark. */
#ifndef CARTERA_DEMO_H
#define CARTERA_DEMO_H

#include <stdint.h>

#include "cartera/types.h"

struct ledger;

typedef struct demo_opts {
	int64_t clients;       /* default 300 */
	int64_t invoices;      /* default clients * 20 */
	int64_t receipts;      /* default invoices * 3 / 4 */
	int months;            /* history length, default 18 */
	uint64_t seed;         /* default 1 */
	int quiet;             /* no progress on stderr */
} demo_opts;

typedef struct demo_stats {
	int64_t clients, invoices, receipts, credit_notes, advances, openings, voids;
	int64_t entries, allocations;
} demo_stats;

void demo_defaults(demo_opts *o);
/* Company settings for a demo: a Colombian distributor with a valid NIT, COP with 2 decimals,
 * ',' and '.' separators, aging ranges 30/60/90, cash refunds allowed. */
void demo_company(company *c);
/* Fill an empty ledger (company settings already set) in one bulk transaction, dated up to today
 * (date_today()). On error nothing is written. */
int demo_generate(struct ledger *l, const demo_opts *o, demo_stats *st, cart_err *e);

/* demo_generate on the controller's ledger (ctl_read.c). */
typedef struct ctl ctl;
int ctl_demo_generate(ctl *c, const demo_opts *o, demo_stats *st, cart_err *e);

#endif
