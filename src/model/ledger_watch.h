/* Has the ledger changed since a screen last read it? SQLite's data_version (another
 * connection's commits) and this connection's own commits, as one number that grows: a screen
 * keeps the last one it saw and reads its totals again when it moves. */
#ifndef CARTERA_LEDGER_WATCH_H
#define CARTERA_LEDGER_WATCH_H

#include <stdint.h>

#include "ledger.h"

int ledger_data_version(ledger *l, int64_t *out, cart_err *e);

#endif
