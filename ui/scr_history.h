/* A client's history as a screen (SPEC F2): the lines newest first, an e-mail line's message,
 * a note or a call written from it. Opened over the dashboard, the client list, Seguimiento
 * and Hoy (Ctrl-Y). */
#ifndef CARTERA_UI_SCR_HISTORY_H
#define CARTERA_UI_SCR_HISTORY_H

#include <stdint.h>

#include "screen.h"

#include "cartera/ctl.h"

int scr_history_new(ctl *c, int64_t client_id, ui_screen **out, cart_err *e);
/* Open it over the screen on top; a failure is said on the status line. */
void scr_history_push(ctl *c, int64_t client_id);

#endif
