/* Controllers of the reading commands that are not a report model: the ledger balance per
 * currency and the ledger's own check. The command line and the screens call these, never the
 * model, so a figure has one path from either face. */
#ifndef CARTERA_CTL_REPORT_H
#define CARTERA_CTL_REPORT_H

#include "cartera/ctl.h"

/* The ledger balance (charges, credits, charges less credits) per currency of all clients
 * (client_id 0) or one, as of asof ("" or NULL: today); *n rows of LEDGER_MAX_CURRENCIES. */
int ctl_balance(ctl *c, int64_t client_id, const char *asof, balance *rows, int *n, cart_err *e);
/* Verify every invariant of the ledger as of asof; each problem found goes to cb. */
int ctl_check(ctl *c, const char *asof, check_cb cb, void *ud, int64_t *problems, cart_err *e);
/* The same with SQLite's full PRAGMA integrity_check (every index compared with its table)
 * when full is nonzero; ctl_check runs the quicker PRAGMA quick_check. */
int ctl_check_full(ctl *c, const char *asof, int full, check_cb cb, void *ud, int64_t *problems,
                   cart_err *e);

#endif
