/* The ledger's change counter (ledger_watch.h). */
#include "config.h"

#include "cartera/i18n.h"

#include "ledger_int.h"
#include "ledger_watch.h"

int ledger_data_version(ledger *l, int64_t *out, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, "PRAGMA data_version", e);
	int rc;

	if (!s)
		return e->code;
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		lg_finalize(l, s);
		return lg_dberr(l, rc, _("reading whether the ledger changed"), e);
	}
	*out = sqlite3_column_int64(s, 0) + l->commits;
	lg_finalize(l, s);
	return CART_OK;
}
