/* "Hoy" a window at a time (ledger_today.h): the activities first, then the promises, each read
 * by its own query so a window costs the rows it shows (and the sort of narrow keys), not a sort
 * of both lists whole. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/i18n.h"
#include "ledger_int.h"
#include "ledger_today.h"

/* The open activities due by ?1 (the index followup_activities_due covers the filter). */
#define ACTS "FROM followup_activities a WHERE a.done_date = '' AND a.due_date <= ?1"
/* The promises dated by ?1 not paid in full; paid as ledger_fu_promises reads it. */
#define PROMS_FROM \
	"FROM (SELECT p.*, " LG_PROMISE_PAID " AS paid" \
	"  FROM followup_promises p WHERE p.date <= ?1) p"
#define PROMS_OPEN "p.paid < p.amount"

static int rows_err(ledger *l, int rc, cart_err *e)
{
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading today's activities and promises"), e);
}

/* One number: a count with ?1 today and ?2, ?3 as the statement uses them. */
static int number(ledger *l, const char *sql, const char *today, const char *d, int64_t id,
                  long *n, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	lg_bind_text(s, 1, today);
	if (d) {
		lg_bind_text(s, 2, d);
		lg_bind_int(s, 3, id);
	}
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(s, 0);
	lg_finalize(l, s);
	return rows_err(l, rc, e);
}

static int count_acts(ledger *l, const char *today, long *n, cart_err *e)
{
	return number(l, "SELECT count(*) " ACTS, today, NULL, 0, n, e);
}

static int count_proms(ledger *l, const char *today, long *n, cart_err *e)
{
	return number(l, "SELECT count(*) " PROMS_FROM " WHERE " PROMS_OPEN, today, NULL, 0, n, e);
}

static int read_acts(ledger *l, const char *today, long offset, int limit, fu_today_cb cb,
                     void *ud, int *got, int *stop, cart_err *e)
{
	static const char sql[] =
		"SELECT a.id, a.client_id, c.name, a.type, a.clerk, a.summary, a.due_date"
		" FROM (SELECT a.id " ACTS " ORDER BY a.due_date, a.id LIMIT ?2 OFFSET ?3) w"
		" JOIN followup_activities a ON a.id = w.id JOIN clients c ON c.id = a.client_id"
		" ORDER BY a.due_date, a.id";
	sqlite3_stmt *s = lg_get(l, sql, e);
	fu_activity a;
	int rc;

	if (!s)
		return e->code;
	lg_bind_text(s, 1, today);
	lg_bind_int(s, 2, limit);
	lg_bind_int(s, 3, offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&a, 0, sizeof a);
		a.id = sqlite3_column_int64(s, 0);
		a.client_id = sqlite3_column_int64(s, 1);
		lg_copy(a.client, sizeof a.client, sqlite3_column_text(s, 2));
		lg_copy(a.type, sizeof a.type, sqlite3_column_text(s, 3));
		lg_copy(a.clerk, sizeof a.clerk, sqlite3_column_text(s, 4));
		lg_copy(a.summary, sizeof a.summary, sqlite3_column_text(s, 5));
		lg_copy(a.due_date, sizeof a.due_date, sqlite3_column_text(s, 6));
		(*got)++;
		if ((*stop = cb(&a, NULL, ud)))
			break;
	}
	lg_finalize(l, s);
	return rows_err(l, rc, e);
}

static int read_proms(ledger *l, const char *today, long offset, int limit, fu_today_cb cb,
                      void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT p.id, p.client_id, c.name, p.clerk, p.date, p.currency, p.amount, p.paid,"
		" p.made_on, p.by_whom " PROMS_FROM " JOIN clients c ON c.id = p.client_id"
		" WHERE " PROMS_OPEN " ORDER BY p.date, p.id LIMIT ?2 OFFSET ?3";
	sqlite3_stmt *s = lg_get(l, sql, e);
	fu_promise p;
	int rc;

	if (!s)
		return e->code;
	lg_bind_text(s, 1, today);
	lg_bind_int(s, 2, limit);
	lg_bind_int(s, 3, offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&p, 0, sizeof p);
		p.id = sqlite3_column_int64(s, 0);
		p.client_id = sqlite3_column_int64(s, 1);
		lg_copy(p.client, sizeof p.client, sqlite3_column_text(s, 2));
		lg_copy(p.clerk, sizeof p.clerk, sqlite3_column_text(s, 3));
		lg_copy(p.date, sizeof p.date, sqlite3_column_text(s, 4));
		lg_copy(p.currency, sizeof p.currency, sqlite3_column_text(s, 5));
		p.amount = sqlite3_column_int64(s, 6);
		p.paid = sqlite3_column_int64(s, 7);
		lg_copy(p.made_on, sizeof p.made_on, sqlite3_column_text(s, 8));
		lg_copy(p.by_whom, sizeof p.by_whom, sqlite3_column_text(s, 9));
		if (cb(NULL, &p, ud))
			break;
	}
	lg_finalize(l, s);
	return rows_err(l, rc, e);
}

int ledger_fu_today(ledger *l, const char *today, long offset, int limit, fu_today_cb cb,
                    void *ud, cart_err *e)
{
	long nact = 0;
	int got = 0, stop = 0, rc;

	if ((rc = count_acts(l, today, &nact, e)) != CART_OK)
		return rc;
	if (offset < nact &&
	    (rc = read_acts(l, today, offset, limit, cb, ud, &got, &stop, e)) != CART_OK)
		return rc;
	if (stop || got >= limit)
		return CART_OK;
	return read_proms(l, today, offset + got - nact, limit - got, cb, ud, e);
}

int ledger_fu_today_count(ledger *l, const char *today, long *n, cart_err *e)
{
	long a = 0, p = 0;
	int rc;

	if ((rc = count_acts(l, today, &a, e)) != CART_OK ||
	    (rc = count_proms(l, today, &p, e)) != CART_OK)
		return rc;
	*n = a + p;
	return CART_OK;
}

int ledger_fu_today_place(ledger *l, const char *today, int promise, int64_t id, long *at,
                          cart_err *e)
{
	/* ?2, ?3: the row's date and id; it is on the list when the first count finds it */
	static const char act_sql[] =
		"SELECT count(*) " ACTS " AND (a.due_date, a.id) < (?2, ?3)";
	static const char act_is[] =
		"SELECT count(*) " ACTS " AND a.due_date = ?2 AND a.id = ?3";
	static const char prom_sql[] =
		"SELECT count(*) " PROMS_FROM " WHERE " PROMS_OPEN " AND (p.date, p.id) < (?2, ?3)";
	static const char prom_is[] =
		"SELECT count(*) " PROMS_FROM " WHERE " PROMS_OPEN " AND p.date = ?2 AND p.id = ?3";
	static const char date_sql[] =
		"SELECT coalesce((SELECT due_date FROM followup_activities WHERE ?2 = 0 AND id = ?3),"
		" (SELECT date FROM followup_promises WHERE ?2 = 1 AND id = ?3), '')";
	sqlite3_stmt *s;
	char d[DATE_LEN] = "";
	long before = 0, is = 0, nact = 0;
	int rc;

	*at = -1;
	if (!(s = lg_get(l, date_sql, e)))
		return e->code;
	lg_bind_int(s, 2, !!promise);
	lg_bind_int(s, 3, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		lg_copy(d, sizeof d, sqlite3_column_text(s, 0));
	lg_finalize(l, s);
	if ((rc = rows_err(l, rc, e)) != CART_OK || !d[0])
		return rc;
	if ((rc = number(l, promise ? prom_is : act_is, today, d, id, &is, e)) != CART_OK || !is ||
	    (rc = number(l, promise ? prom_sql : act_sql, today, d, id, &before, e)) != CART_OK ||
	    (promise && (rc = count_acts(l, today, &nact, e)) != CART_OK))
		return rc;
	*at = nact + before;
	return CART_OK;
}
