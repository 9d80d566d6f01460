/* "Banco" (SPEC I3): the bank statement's lines waiting, with their proposals, accepted,
 * changed in the receipt form, left for later or set aside; opened over the dashboard (B). */
#ifndef CARTERA_UI_SCR_BANK_H
#define CARTERA_UI_SCR_BANK_H

#include "screen.h"

#include "cartera/ctl.h"

int scr_bank_new(ctl *c, ui_screen **out, cart_err *e);

#endif
