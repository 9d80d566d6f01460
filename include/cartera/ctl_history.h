/* The client's history written by the clerk (SPEC F2): a note, or a call logged, from the
 * history screen and from `cartera client history CLIENT --note|--call TEXT`. The lines are
 * read with ctl_history_list (ctl_dash.h); an e-mail line's message with ctl_mail_of_history. */
#ifndef CARTERA_CTL_HISTORY_H
#define CARTERA_CTL_HISTORY_H

#include "cartera/ctl.h"
#include "cartera/dash_types.h"

/* Record text as a note (HIST_NOTE) or a call (HIST_CALL) in the client's history, dated today
 * (--today) at the clock's time; *out is the line as kept. Empty text is refused. */
int ctl_history_add(ctl *c, int64_t client_id, int kind, const char *text, hist_entry *out,
                    cart_err *e);

#endif
