/* Inside the aging report (rpt_aging.c, rpt_aging_page.c): the report as it is built, and the
 * pieces both the whole report and the one read a page at a time are made of. */
#ifndef CARTERA_RPT_AGING_INT_H
#define CARTERA_RPT_AGING_INT_H

#include "ctl/ctl_int.h"
#include "cartera/report.h"

/* What one currency's rows add up to. */
typedef struct cur_tot {
	char cur[4];
	int64_t not_due, range[LEDGER_MAX_RANGES + 1], open, credits, net;
	long rows;
} cur_tot;

typedef struct ag {
	ctl *c;
	report *r;
	cur_tot tot[LEDGER_MAX_CURRENCIES];
	int ntot;
	const char *asof;
	totals tt[LEDGER_MAX_CURRENCIES];       /* all clients' totals (rpt_ag_head) */
	int ntt, aw;
} ag;

/* The report's head (an aging_totals_cb): title, date, the table's columns as wide as the
 * largest figure, the totals', and its picture. */
int rpt_ag_head(const totals *tt, int ntt, void *ud, cart_err *e);
/* One client's row into the table (an aging_cb), added to its currency's totals. */
int rpt_ag_row(const aging_row *row, void *ud);
/* After the rows: the totals per currency, the check table against the ledger's balance, the
 * notes; then the report is finished. */
int rpt_ag_tail(ag *a, cart_err *e);

#endif
