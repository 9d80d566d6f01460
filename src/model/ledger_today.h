/* "Hoy" (the Today screen) a window at a time: the open activities due on or before today, then
 * the promises to pay falling due today or broken (dated before today, not kept), each by date.
 * The screen reads only the rows on screen, however many there are. */
#ifndef CARTERA_MODEL_LEDGER_TODAY_H
#define CARTERA_MODEL_LEDGER_TODAY_H

#include "cartera/followup.h"
#include "ledger_db.h"

/* A row: an activity (p NULL) or a promise (a NULL). */
typedef int (*fu_today_cb)(const fu_activity *a, const fu_promise *p, void *ud);
/* Rows offset .. offset + limit - 1 of the list of today (YYYY-MM-DD). */
int ledger_fu_today(ledger *l, const char *today, long offset, int limit, fu_today_cb cb,
                    void *ud, cart_err *e);
int ledger_fu_today_count(ledger *l, const char *today, long *n, cart_err *e);
/* Where an activity (promise 0) or a promise (1) with id is on the list; -1 when it is not. */
int ledger_fu_today_place(ledger *l, const char *today, int promise, int64_t id, long *at,
                          cart_err *e);

#endif
