/* The ledger model. Clients (SPEC C1, C3): add, read, change, find by reference, and the paged, filtered list. */
#ifndef CARTERA_MODEL_LEDGER_CLIENT_H
#define CARTERA_MODEL_LEDGER_CLIENT_H

#include "cartera/types.h"
#include "ledger_db.h"

/* Add a client; sets c->id. Duplicate tax ids are refused (CART_CONFLICT naming the holder). */
int ledger_client_add(ledger *l, client *c, cart_err *e);

int ledger_client_get(ledger *l, int64_t id, client *c, cart_err *e);

/* Change a client's record (not its opening date), in one transaction with an audit line "client
 * edit"; the same checks as ledger_client_add, a duplicate tax id refused unless it is its own. */
int ledger_client_update(ledger *l, const client *c, cart_err *e);

/* Find one client by reference: a number is an id; otherwise an exact tax id, an exact name
 * (case-insensitive), or a unique name prefix. CART_NOTFOUND or CART_INVALID (ambiguous) naming
 * the reference. */
int ledger_client_find(ledger *l, const char *ref, client *c, cart_err *e);

/* Clients whose name, tax id or phone contain filter (NULL: all), ordered by name, paged.
 * One row per client and currency. A callback returning non-zero stops the walk. */
int ledger_client_list(ledger *l, const char *filter, int offset, int limit, client_cb cb, void *ud,
                       cart_err *e);

int ledger_client_list_sorted(ledger *l, const char *filter, int order, int desc, int offset,
                              int limit, client_cb cb, void *ud, cart_err *e);

/* Where client id stands in that list: how many matching clients come before it, or -1 when the
 * filter hides it. One count, however long the list. */
int ledger_client_position(ledger *l, const char *filter, int order, int desc, int64_t id,
                           int64_t *pos, cart_err *e);

int ledger_client_count(ledger *l, const char *filter, int64_t *n, cart_err *e);

#endif
