/* Inside the follow-up model (ledger_followup.c, ledger_followup_todo.c): the helpers both use. */
#ifndef CARTERA_LEDGER_FOLLOWUP_INT_H
#define CARTERA_LEDGER_FOLLOWUP_INT_H

#include "ledger_int.h"

/* Step a prepared write and give it back: CART_CONFLICT on a constraint, else the database's
 * failure named by doing. */
int lgf_one_write(ledger *l, sqlite3_stmt *s, const char *doing, cart_err *e);
/* End a write: roll back when rc failed, else commit; returns the outcome. */
int lgf_finish(ledger *l, int rc, cart_err *e);
/* A history line's time: date at the clock's time of day (UTC). */
void lgf_stamp(const char *date, char at[24]);

#endif
