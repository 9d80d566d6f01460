/* The company's date order and printer settings (data/015_printing.sql), read and written
 * beside the other company settings by ledger_db.c in the same statement's transaction. */
#ifndef CARTERA_LEDGER_PREFS_H
#define CARTERA_LEDGER_PREFS_H

#include "ledger_int.h"

int lg_company_prefs_read(ledger *l, company *c, cart_err *e);
/* Inside the caller's transaction; CART_INVALID for a value the company cannot have. */
int lg_company_prefs_write(ledger *l, const company *c, cart_err *e);

#endif
