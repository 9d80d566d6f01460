/* "Hoy" (the Today screen) a window at a time: the open activities due today or before, then the
 * promises to pay falling due today and the broken ones (ledger_today.h). */
#ifndef CARTERA_CTL_TODAY_H
#define CARTERA_CTL_TODAY_H

#include "cartera/ctl.h"
#include "cartera/followup.h"

/* A row: an activity (p NULL) or a promise (a NULL) with its status (FU_PROMISE_*). */
typedef int (*ctl_today_cb)(const fu_activity *a, const fu_promise *p, int status, void *ud);
/* Rows offset .. offset + limit - 1 of today's list (today as --today sets it). */
int ctl_fu_today(ctl *c, long offset, int limit, ctl_today_cb cb, void *ud, cart_err *e);
int ctl_fu_today_count(ctl *c, long *n, cart_err *e);
/* Where an activity (promise 0) or a promise (1) is on the list; -1 when it is not on it. */
int ctl_fu_today_place(ctl *c, int promise, int64_t id, long *at, cart_err *e);

#endif
