/* The dashboard screen (SPEC B1-B3): for all clients, or for one (client_id > 0) when opened
 * from a row of another dashboard. */
#ifndef CARTERA_UI_SCR_DASH_H
#define CARTERA_UI_SCR_DASH_H

#include <stdint.h>

#include "screen.h"

#include "cartera/ctl.h"

int scr_dash_new(ctl *c, int64_t client_id, ui_screen **out, cart_err *e);

#endif
