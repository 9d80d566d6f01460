/* The ledger model: what the follow-up report shows of a client besides its open charges (issue
 * 16): its credits in favour and its contact, read for every client in one query each, never
 * client by client. */
#ifndef CARTERA_MODEL_LEDGER_FUEXTRA_H
#define CARTERA_MODEL_LEDGER_FUEXTRA_H

#include "ledger_db.h"

/* What all clients (client_id 0) or one had in favour as of asof (open credits: advances,
 * overpayments, credit notes not applied), summed by client and currency, given in client id
 * order. As of now from the kept open amounts (the open entries' partial index); as of a past
 * date from the as-of open items (lg_items_asof, which the aging shares). */
typedef int (*client_credit_cb)(int64_t client_id, const char *currency, int64_t open, void *ud);
int ledger_client_credits(ledger *l, const char *asof, int64_t client_id, client_credit_cb cb,
                          void *ud, cart_err *e);

/* Whom to call about a client, in client id order, for every client (client_id 0) or one: its
 * first associated person (by the clerk's order) and that person's phone (else mobile) and
 * e-mail, each falling back to the client's own; clients with none of the three are left out. */
typedef int (*client_contact_cb)(int64_t client_id, const char *who, const char *phone,
                                 const char *email, void *ud);
int ledger_client_contacts(ledger *l, int64_t client_id, client_contact_cb cb, void *ud,
                           cart_err *e);

#endif
