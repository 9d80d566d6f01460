/* "Tendencia" (SPEC R7, issue 19): the trend of the last 12 month-ends, as of each, for all
 * clients or one: a table of open, overdue, its share, DSO and collections with a bar per month
 * of the measure chosen (Tab), saved as PDF, XLSX or text as `cartera report trend` writes it. */
#ifndef CARTERA_UI_SCR_TREND_H
#define CARTERA_UI_SCR_TREND_H

#include <stdint.h>

#include "screen.h"

#include "cartera/ctl.h"

/* The trend of client_id (0: every client) as of today. */
int scr_trend_new(ctl *c, int64_t client_id, ui_screen **out, cart_err *e);

#endif
