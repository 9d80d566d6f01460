/* The follow-up screens: "Seguimiento" (SPEC F3), the clients whose follow-up is due today,
 * previewed, ticked and processed; and "Hoy" (F6), today's activities and promises to pay. Both
 * open over the dashboard (W and H). */
#ifndef CARTERA_UI_SCR_FOLLOWUP_H
#define CARTERA_UI_SCR_FOLLOWUP_H

#include "screen.h"

#include "cartera/ctl.h"

int scr_followup_new(ctl *c, ui_screen **out, cart_err *e);
int scr_today_new(ctl *c, ui_screen **out, cart_err *e);

#endif
