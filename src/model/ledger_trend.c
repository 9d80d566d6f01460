/* Sales and collections by month (the trend of receivables, SPEC R7): one pass over the entries
 * of the span through entries_date, grouped by month and currency. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ledger_int.h"
#include "ledger_trend.h"

int ledger_trend_flows(ledger *l, int64_t client_id, const char *after, const char *to,
                       trend_flow_cb cb, void *ud, cart_err *e)
{
	/* a void's mirror sits on the other side of the entry it reverses: it subtracts */
	static const char sql[] =
		"SELECT substr(date, 1, 7), currency,"
		"  sum(CASE WHEN code = 'CF' THEN (CASE side WHEN 'D' THEN amount ELSE -amount END)"
		"      ELSE 0 END),"
		"  sum(CASE WHEN code = 'APF' OR code = 'AA'"
		"      THEN (CASE side WHEN 'C' THEN amount ELSE -amount END) ELSE 0 END)"
		" FROM entries WHERE date > ?1 AND date <= ?2 AND client_id BETWEEN ?3 AND ?4"
		"  AND (code = 'CF' OR code = 'APF' OR code = 'AA')"
		" GROUP BY 1, 2 ORDER BY 1, 2";
	sqlite3_stmt *s;
	int rc;

	if (lg_date(after, _("the start of the trend"), e) != CART_OK ||
	    lg_date(to, _("the as-of date"), e) != CART_OK)
		return e->code;
	rc = lg_prepare(l, sql, &s);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the trend"), e);
	lg_bind_text(s, 1, after);
	lg_bind_text(s, 2, to);
	lg_bind_int(s, 3, client_id ? client_id : 0);
	lg_bind_int(s, 4, client_id ? client_id : INT64_MAX);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		trend_flow f;

		memset(&f, 0, sizeof f);
		lg_copy(f.month, sizeof f.month, sqlite3_column_text(s, 0));
		lg_copy(f.currency, sizeof f.currency, sqlite3_column_text(s, 1));
		f.sales = sqlite3_column_int64(s, 2);
		f.collections = sqlite3_column_int64(s, 3);
		if (cb(&f, ud)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("computing the trend"), e);
	return CART_OK;
}

int ledger_open_by_days(ledger *l, int64_t client_id, const char *asof, open_days_cb cb,
                        void *ud, cart_err *e)
{
	static const char sql[] =
		"WITH " LG_ITEMS_CTE
		" SELECT currency, CAST(julianday(?1) - julianday(due_date) AS INTEGER), sum(open)"
		" FROM items WHERE side = 'D' AND open <> 0 GROUP BY 1, 2";
	sqlite3_stmt *s;
	int rc;

	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	rc = lg_prepare(l, sql, &s);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the aging"), e);
	lg_bind_text(s, 1, asof);
	lg_bind_int(s, 2, client_id ? client_id : 0);
	lg_bind_int(s, 3, client_id ? client_id : INT64_MAX);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char cur[4];

		lg_copy(cur, sizeof cur, sqlite3_column_text(s, 0));
		if (cb(cur, sqlite3_column_int(s, 1), sqlite3_column_int64(s, 2), ud)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("computing the aging"), e);
	return CART_OK;
}
