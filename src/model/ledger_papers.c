/* What printed documents read besides the document itself (src/model/ledger_papers.h). */
#include "config.h"

#include <string.h>

#include "cartera/i18n.h"
#include "ledger_int.h"
#include "ledger_papers.h"

int ledger_doc_instalments(ledger *l, int64_t doc_id, doc_instalment *rows, int max, int *n,
                           cart_err *e)
{
	static const char sql[] =
		"SELECT i.seq, i.due_date, i.amount, i.open FROM instalments i"
		" JOIN entries e ON e.id = i.entry_id WHERE e.document_id = ?1 ORDER BY i.seq, i.id";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	lg_bind_int(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
		doc_instalment *r = &rows[(*n)++];

		memset(r, 0, sizeof *r);
		r->seq = sqlite3_column_int(s, 0);
		lg_copy(r->due_date, sizeof r->due_date, sqlite3_column_text(s, 1));
		r->amount = sqlite3_column_int64(s, 2);
		r->open = sqlite3_column_int64(s, 3);
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the instalments"), e);
	return CART_OK;
}
