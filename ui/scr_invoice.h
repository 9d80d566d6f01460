/* The invoice entry screen (SPEC D1, D3, C4; seeds 001-003) and the same screen for quotes:
 * the header (client, date, due date or validity, reference, memo) with the client's credit
 * check beside it, the lines in a grid with their totals and tax per rate under it, recomputed
 * as they are typed, instalments in a window, and posting one document after another. Every
 * figure comes from the invoice form's view-model (cartera/ctl_docs.h). */
#ifndef CARTERA_UI_SCR_INVOICE_H
#define CARTERA_UI_SCR_INVOICE_H

#include <stdint.h>

#include "screen.h"

#include "cartera/ctl.h"

/* A new invoice (quote 0) or quote (1) screen; client_id > 0 chooses the client already (one
 * client's dashboard). */
int scr_invoice_new(ctl *c, int64_t client_id, int quote, ui_screen **out, cart_err *e);

#endif
