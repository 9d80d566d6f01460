/* "Hoy" a window at a time (ledger_today.h): one list of both kinds, ordered in SQL, so a window
 * is a LIMIT/OFFSET of it. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/i18n.h"
#include "ledger_int.h"
#include "ledger_today.h"

/* k 0: an open activity due by ?1; k 1: a promise dated by ?1 not yet paid in full (paid: what
 * receipts and advances dated from the promise to its date brought, unless voided, as
 * ledger_fu_promises reads it). */
#define TODAY_ROWS \
	"WITH t(k, id, client_id, client, type, clerk, summary, d, currency, amount, paid, made_on," \
	" by_whom) AS (" \
	" SELECT 0, a.id, a.client_id, c.name, a.type, a.clerk, a.summary, a.due_date, '', 0, 0, ''," \
	"  '' FROM followup_activities a JOIN clients c ON c.id = a.client_id" \
	"  WHERE a.done_date = '' AND a.due_date <= ?1" \
	" UNION ALL" \
	" SELECT 1, id, client_id, client, '', clerk, '', date, currency, amount, paid, made_on," \
	"  by_whom FROM (SELECT p.id, p.client_id, c.name AS client, p.clerk, p.date, p.currency," \
	"  p.amount, p.made_on, p.by_whom, (SELECT coalesce(sum(x.amount), 0) FROM entries x" \
	"   WHERE x.client_id = p.client_id AND x.currency = p.currency AND x.side = 'C'" \
	"     AND x.code IN ('APF', 'AA') AND x.reverses_id IS NULL" \
	"     AND x.date BETWEEN p.made_on AND p.date" \
	"     AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = x.document_id)) AS paid" \
	"  FROM followup_promises p JOIN clients c ON c.id = p.client_id WHERE p.date <= ?1)" \
	"  WHERE paid < amount) "

int ledger_fu_today(ledger *l, const char *today, long offset, int limit, fu_today_cb cb,
                    void *ud, cart_err *e)
{
	static const char sql[] = TODAY_ROWS
		"SELECT * FROM t ORDER BY k, d, id LIMIT ?2 OFFSET ?3";
	sqlite3_stmt *s = lg_get(l, sql, e);
	fu_activity a;
	fu_promise p;
	int rc;

	if (!s)
		return e->code;
	lg_bind_text(s, 1, today);
	lg_bind_int(s, 2, limit);
	lg_bind_int(s, 3, offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int stop;

		if (sqlite3_column_int(s, 0) == 0) {
			memset(&a, 0, sizeof a);
			a.id = sqlite3_column_int64(s, 1);
			a.client_id = sqlite3_column_int64(s, 2);
			lg_copy(a.client, sizeof a.client, sqlite3_column_text(s, 3));
			lg_copy(a.type, sizeof a.type, sqlite3_column_text(s, 4));
			lg_copy(a.clerk, sizeof a.clerk, sqlite3_column_text(s, 5));
			lg_copy(a.summary, sizeof a.summary, sqlite3_column_text(s, 6));
			lg_copy(a.due_date, sizeof a.due_date, sqlite3_column_text(s, 7));
			stop = cb(&a, NULL, ud);
		} else {
			memset(&p, 0, sizeof p);
			p.id = sqlite3_column_int64(s, 1);
			p.client_id = sqlite3_column_int64(s, 2);
			lg_copy(p.client, sizeof p.client, sqlite3_column_text(s, 3));
			lg_copy(p.clerk, sizeof p.clerk, sqlite3_column_text(s, 5));
			lg_copy(p.date, sizeof p.date, sqlite3_column_text(s, 7));
			lg_copy(p.currency, sizeof p.currency, sqlite3_column_text(s, 8));
			p.amount = sqlite3_column_int64(s, 9);
			p.paid = sqlite3_column_int64(s, 10);
			lg_copy(p.made_on, sizeof p.made_on, sqlite3_column_text(s, 11));
			lg_copy(p.by_whom, sizeof p.by_whom, sqlite3_column_text(s, 12));
			stop = cb(NULL, &p, ud);
		}
		if (stop)
			break;
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading today's activities and promises"), e);
}

/* One number from a statement of TODAY_ROWS; none (*n -1) when it returns no row. */
static int one_number(ledger *l, const char *sql, const char *today, int k, int64_t id, long *n,
                      cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	*n = -1;
	if (!s)
		return e->code;
	lg_bind_text(s, 1, today);
	lg_bind_int(s, 2, k);
	lg_bind_int(s, 3, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(s, 0);
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading today's activities and promises"), e);
}

int ledger_fu_today_count(ledger *l, const char *today, long *n, cart_err *e)
{
	static const char sql[] = TODAY_ROWS "SELECT count(*) FROM t WHERE ?2 = ?2 AND ?3 = ?3";

	return one_number(l, sql, today, 0, 0, n, e);
}

int ledger_fu_today_place(ledger *l, const char *today, int promise, int64_t id, long *at,
                          cart_err *e)
{
	static const char sql[] = TODAY_ROWS
		"SELECT (SELECT count(*) FROM t WHERE (t.k, t.d, t.id) < (x.k, x.d, x.id))"
		" FROM t x WHERE x.k = ?2 AND x.id = ?3";

	return one_number(l, sql, today, !!promise, id, at, e);
}
