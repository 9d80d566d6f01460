/* The client list screen (SPEC C3), over the dashboard or on its own (--screen clients). */
#ifndef CARTERA_UI_SCR_CLIENTS_H
#define CARTERA_UI_SCR_CLIENTS_H

#include "screen.h"

#include "cartera/ctl.h"

int scr_clients_new(ctl *c, ui_screen **out, cart_err *e);

#endif
