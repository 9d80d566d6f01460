/* The ledger model: what flowed in a span of dates, for the trend of receivables (SPEC R7): credit
 * sales (invoices) and collections (receipts) by month and currency. The open and overdue amounts
 * of each month-end are the as-of totals (ledger_totals). */
#ifndef CARTERA_MODEL_LEDGER_TREND_H
#define CARTERA_MODEL_LEDGER_TREND_H

#include "ledger_db.h"

/* The open and overdue charges of all clients (0) or one as of each of the dates pts[0..n-1]
 * (ascending), and the sales and collections (invoices CF less their voids; payments and advances APF, AA less theirs) dated after
 * `after` and on or before each date, after the date before it: one pass over the entries, the
 * instalments and the allocations, instead of one as-of computation per date. cb is called
 * once per currency with n figures of each. All clients at month-ends read the sums kept by
 * month (schema 021); anything else is lg_trend_scan. */
typedef int (*trend_open_cb)(const char *currency, const int64_t *open, const int64_t *overdue,
                             const int64_t *sales, const int64_t *collections, void *ud);
int ledger_trend_open(ledger *l, int64_t client_id, const char (*pts)[11], int n,
                      const char *after, trend_open_cb cb, void *ud, cart_err *e);

/* ledger_trend_open by reading the entries, instalments and allocations themselves, never the
 * sums kept by month (schema 021): the trend of one client, at dates other than month-ends, and
 * the reference the tests hold the kept path to. */
int lg_trend_scan(ledger *l, int64_t client_id, const char (*pts)[11], int n, const char *after,
                  trend_open_cb cb, void *ud, cart_err *e);

/* What is open of the charges of all clients (0) or one as of asof, summed by currency and by
 * days past due (asof - due date; 0 or less: not yet due), for the dashboard's aging bar. */
typedef int (*open_days_cb)(const char *currency, int days, int64_t open, void *ud);
int ledger_open_by_days(ledger *l, int64_t client_id, const char *asof, open_days_cb cb,
                        void *ud, cart_err *e);

#endif
