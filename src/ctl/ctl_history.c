/* A note or a call the clerk writes into a client's history (ctl_history.h). One line, one
 * transaction (ledger_history_add); the same controller serves the history screen and the
 * command line. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "model/ledger_dash.h"
#include "cartera/ctl_history.h"
#include "cartera/i18n.h"

int ctl_history_add(ctl *c, int64_t client_id, int kind, const char *text, hist_entry *out,
                    cart_err *e)
{
	const char *p = text ? text : "";

	memset(out, 0, sizeof *out);
	if (kind != HIST_NOTE && kind != HIST_CALL)
		return cart_fail(e, CART_INVALID, "%s", _("only a note or a call is written by hand into "
		                 "the history"));
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return cart_fail(e, CART_INVALID, "%s", kind == HIST_CALL
		                 ? _("say what was said on the call: the text is empty")
		                 : _("the note is empty: write what to keep"));
	if (strlen(p) >= sizeof out->text)
		return cart_fail(e, CART_INVALID, _("the text is too long: %zu characters at most"),
		                 sizeof out->text - 1);
	out->client_id = client_id;
	out->kind = kind;
	snprintf(out->text, sizeof out->text, "%s", p);
	return ledger_history_add(c->l, out, e);
}
