/* The ledger model. The dashboard's rows, counted, paged and positioned (SPEC B1-B3), and the
 * client history (F2). */
#ifndef CARTERA_MODEL_LEDGER_DASH_H
#define CARTERA_MODEL_LEDGER_DASH_H

#include "cartera/dash_types.h"
#include "ledger_db.h"

/* The rows of the query. On the Transactions and Quotes tabs with a filter and q->bound > 0 the
 * count stops there: *more is 1 and *n is q->bound when the filter finds more (issue 14: exact
 * counts of tens of thousands of documents cost 600 ms a key). Elsewhere exact, *more 0. */
int ledger_dash_count(ledger *l, const dash_query *q, int64_t *n, int *more, cart_err *e);

/* Rows offset..offset+limit-1 of the query in its order; a callback returning non-zero stops. */
int ledger_dash_page(ledger *l, const dash_query *q, int64_t offset, int limit, dash_cb cb,
                     void *ud, cart_err *e);

int ledger_dash_position(ledger *l, const dash_query *q, const dash_key *k, int64_t *pos,
                         cart_err *e);

/* Record one line in a client's history (clerk = the ledger's, at = now unless at is given);
 * a document must be the client's. Sets h->id. */
int ledger_history_add(ledger *l, hist_entry *h, cart_err *e);

/* A client's history, newest first. */
int ledger_history_list(ledger *l, int64_t client_id, hist_cb cb, void *ud, cart_err *e);

#endif
