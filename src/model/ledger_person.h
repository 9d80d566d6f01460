/* The ledger model. Persons associated with a client (SPEC C2, seed 002), and where its mail goes. */
#ifndef CARTERA_MODEL_LEDGER_PERSON_H
#define CARTERA_MODEL_LEDGER_PERSON_H

#include "cartera/types.h"
#include "ledger_db.h"

/* Add p at the end of its client's persons; sets p->id and p->position. Refused when the client
 * is unknown, the name blank, or the client already has LEDGER_MAX_PERSONS. */
int ledger_person_add(ledger *l, person *p, cart_err *e);

int ledger_person_get(ledger *l, int64_t id, person *p, cart_err *e);

/* Change a person's fields (not its client or its place in the order). */
int ledger_person_update(ledger *l, const person *p, cart_err *e);

/* Delete person id of client client_id (CART_NOTFOUND, naming both, when it is not theirs). */
int ledger_person_delete(ledger *l, int64_t client_id, int64_t id, cart_err *e);

/* The persons of a client in their order; *n of at most max. */
int ledger_person_list(ledger *l, int64_t client_id, person *out, int max, int *n, cart_err *e);

/* Make the client's persons exactly persons[0..n-1], in that order, in ONE transaction (a form's
 * save): entries with an id are changed (they must be this client's), entries with id 0 are
 * added (their id is set), and the client's other persons are deleted. On failure nothing is
 * written and the array is as it was. Inside an outer ledger_begin it joins that transaction. */
int ledger_persons_replace(ledger *l, int64_t client_id, person *persons, int n, cart_err *e);

int ledger_client_recipients(ledger *l, int64_t client_id, mail_to *out, int max, int *n,
                             cart_err *e);

#endif
