/* The ledger model. Bank statements (SPEC I3): accounts and their CSV profiles, the credit lines
 * imported (unique by account and identity), the proposal of each (client, documents, confidence
 * and why, worked out here because it is lookups in the ledger) and the line's state. Posting an
 * accepted line is the receipt controller's; the model only records which receipt it became. */
#ifndef CARTERA_MODEL_LEDGER_BANK_H
#define CARTERA_MODEL_LEDGER_BANK_H

#include "cartera/bank.h"
#include "ledger_db.h"

/* The account called name, or (name "" ) the one whose number is number; created with number and
 * currency when missing and create is set (else CART_NOTFOUND). */
int ledger_bank_account(ledger *l, const char *name, const char *number, const char *currency,
                        int create, int64_t *id, char name_out[64], cart_err *e);
/* The account's saved CSV profile; *found 0 when it has none. */
int ledger_bank_profile_get(ledger *l, int64_t account_id, bank_profile *p, int *found, cart_err *e);
int ledger_bank_profile_set(ledger *l, int64_t account_id, const bank_profile *p, cart_err *e);

/* A line to add: the statement's line with its amount in minor units. */
typedef struct bank_line_in {
	const bank_stmt_line *ln;
	int64_t amount;
	char currency[4];
} bank_line_in;

/* Add the lines not yet in the account (one transaction) and propose a match for each one added.
 * *added counts them, *proposed those with a client, *certain those whose client and invoice
 * are both certain; *first_id is the first new line's id (0 when none). */
int ledger_bank_add(ledger *l, int64_t account_id, const bank_line_in *in, int n, const char *source,
                    int *added, int64_t *first_id, int *proposed, int *certain, cart_err *e);

/* Work out the proposal again for one line (0: every line still proposed or left for later). */
int ledger_bank_propose(ledger *l, int64_t line_id, cart_err *e);

/* Lines by state (-1: proposed and later, the ones waiting), oldest first; only = unmatched only
 * (no client proposed). from_id: only lines with id >= from_id. cb != 0 stops. */
typedef int (*bank_line_cb)(const bank_line *ln, void *ud);
int ledger_bank_lines(ledger *l, int state, int only_unmatched, int64_t from_id, bank_line_cb cb,
                      void *ud, cart_err *e);
int ledger_bank_line_get(ledger *l, int64_t id, bank_line *out, cart_err *e);
/* The documents of a line's proposal, in order (up to max). */
int ledger_bank_line_docs(ledger *l, int64_t id, bank_alloc *out, int max, int *n, cart_err *e);

/* Leave for later, or mark as no client's payment (or back to proposed). An accepted line is
 * refused. */
int ledger_bank_set_state(ledger *l, int64_t id, int state, cart_err *e);
/* The line became receipt doc_id: accepted. Then the other waiting lines that proposed the same
 * client are proposed again (what they would pay may have been paid by this one). */
int ledger_bank_accepted(ledger *l, int64_t id, int64_t receipt_doc_id, cart_err *e);

#endif
