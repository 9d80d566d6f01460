/* The statement of one client on screen (SPEC R1, R4, R5): the report's lines in a scrollable
 * list (entries with their running balance, open documents with days overdue and instalments,
 * the client's aging, the balance), a filter form, aging-range keys that filter at once, saving
 * as PDF, XLSX or text and printing through lp. Also the dashboard's "print this document". */
#ifndef CARTERA_UI_SCR_STATEMENT_H
#define CARTERA_UI_SCR_STATEMENT_H

#include <stddef.h>
#include <stdint.h>

#include "rptview.h"
#include "screen.h"

#include "cartera/ctl.h"

/* The statement of client_id as of asof (NULL or "": the controller's today, date_today()). */
int scr_statement_new(ctl *c, int64_t client_id, const char *asof, ui_screen **out, cart_err *e);
/* Render document doc_id's PDF into the printed-files folder and send it to lp; the message for
 * the status line (where the file is, and what failed) into msg. CART_OK when it was sent. */
int scr_print_document(ctl *c, int64_t doc_id, char *msg, size_t size);

#endif
