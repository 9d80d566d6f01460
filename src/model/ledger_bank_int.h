/* Inside the bank model: the proposal of one line, run inside the caller's transaction; *kind
 * (may be NULL) says what it came to: 0 no client, 1 a client, 2 client and invoice certain. */
#ifndef CARTERA_MODEL_LEDGER_BANK_INT_H
#define CARTERA_MODEL_LEDGER_BANK_INT_H

#include "ledger_int.h"

int lg_bank_propose_one(ledger *l, int64_t line_id, int *kind, cart_err *e);

#endif
