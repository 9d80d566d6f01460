/* The ledger model: what flowed in a span of dates, for the trend of receivables (SPEC R7): credit
 * sales (invoices) and collections (receipts) by month and currency. The open and overdue amounts
 * of each month-end are the as-of totals (ledger_totals). */
#ifndef CARTERA_MODEL_LEDGER_TREND_H
#define CARTERA_MODEL_LEDGER_TREND_H

#include "ledger_db.h"

typedef struct trend_flow {
	char month[8];        /* "YYYY-MM" */
	char currency[4];
	int64_t sales;        /* invoices (CF) dated in the month, less their voids */
	int64_t collections;  /* payments and advances (APF, AA) dated in the month, less their voids */
} trend_flow;

typedef int (*trend_flow_cb)(const trend_flow *f, void *ud);

/* Sales and collections of all clients (client_id 0) or one, dated after `after` and on or
 * before `to`, one call per month and currency, by month then currency. */
int ledger_trend_flows(ledger *l, int64_t client_id, const char *after, const char *to,
                       trend_flow_cb cb, void *ud, cart_err *e);

/* What is open of the charges of all clients (0) or one as of asof, summed by currency and by
 * days past due (asof - due date; 0 or less: not yet due), for the dashboard's aging bar. */
typedef int (*open_days_cb)(const char *currency, int days, int64_t open, void *ud);
int ledger_open_by_days(ledger *l, int64_t client_id, const char *asof, open_days_cb cb,
                        void *ud, cart_err *e);

#endif
