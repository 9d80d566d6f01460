/* Activities for a clerk and promises to pay in the ledger (schema 009, SPEC F6): see
 * ledger_followup.h. Split from ledger_followup.c; shares its small helpers through
 * ledger_followup_int.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/i18n.h"
#include "ledger_dash.h"
#include "ledger_followup.h"
#include "ledger_followup_int.h"
#include "ledger_int.h"

/* ---- activities ---- */

static void activity_read(sqlite3_stmt *s, fu_activity *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	a->client_id = sqlite3_column_int64(s, 1);
	lg_copy(a->client, sizeof a->client, sqlite3_column_text(s, 2));
	lg_copy(a->type, sizeof a->type, sqlite3_column_text(s, 3));
	lg_copy(a->clerk, sizeof a->clerk, sqlite3_column_text(s, 4));
	lg_copy(a->summary, sizeof a->summary, sqlite3_column_text(s, 5));
	lg_copy(a->due_date, sizeof a->due_date, sqlite3_column_text(s, 6));
	a->done_id = sqlite3_column_int64(s, 7);
	lg_copy(a->done_date, sizeof a->done_date, sqlite3_column_text(s, 8));
	lg_copy(a->done_note, sizeof a->done_note, sqlite3_column_text(s, 9));
	a->rescheduled = sqlite3_column_int(s, 10);
}

int ledger_fu_activity_add(ledger *l, fu_activity *a, cart_err *e)
{
	static const char sql[] =
		"INSERT INTO followup_activities (client_id, type, clerk, summary, due_date, done_id,"
		" created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	client c;
	sqlite3_stmt *s;
	int rc;

	if (strcmp(a->type, "call") && strcmp(a->type, "visit") && strcmp(a->type, "email") &&
	    strcmp(a->type, "other"))
		return cart_fail(e, CART_INVALID, _("activity \"%s\": use call, visit, email or other"),
		                 a->type);
	if (lg_date(a->due_date, _("the activity's due date"), e) != CART_OK)
		return e->code;
	if ((rc = ledger_client_get(l, a->client_id, &c, e)) != CART_OK)
		return rc;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, sql, e)))
		return lgf_finish(l, e->code, e);
	lg_bind_int(s, 1, a->client_id);
	lg_bind_text(s, 2, a->type);
	lg_bind_text(s, 3, a->clerk[0] ? a->clerk : l->clerk);
	lg_bind_text(s, 4, a->summary);
	lg_bind_text(s, 5, a->due_date);
	if (a->done_id)
		lg_bind_int(s, 6, a->done_id);
	lg_bind_text(s, 7, l->clerk);
	if ((rc = lgf_one_write(l, s, _("scheduling the activity"), e)) == CART_OK) {
		a->id = sqlite3_last_insert_rowid(l->db);
		if (!a->clerk[0])
			snprintf(a->clerk, sizeof a->clerk, "%s", l->clerk);
		snprintf(a->client, sizeof a->client, "%s", c.name);
		rc = lg_audit(l, "activity add", 0, a->client_id, a->summary, e);
	}
	return lgf_finish(l, rc, e);
}

int ledger_fu_activity_get(ledger *l, int64_t id, fu_activity *a, cart_err *e)
{
	static const char sql[] =
		"SELECT a.id, a.client_id, c.name, a.type, a.clerk, a.summary, a.due_date,"
		" coalesce(a.done_id, 0), a.done_date, a.done_note, a.rescheduled"
		" FROM followup_activities a JOIN clients c ON c.id = a.client_id WHERE a.id = ?1";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		activity_read(s, a);
	lg_finalize(l, s);
	if (rc == SQLITE_DONE)
		return cart_fail(e, CART_NOTFOUND, _("no activity %lld"), (long long)id);
	return rc == SQLITE_ROW ? CART_OK : lg_dberr(l, rc, _("reading an activity"), e);
}

int ledger_fu_activities(ledger *l, const char *clerk, const char *due, int64_t client_id, int all,
                         fu_activity_cb cb, void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT a.id, a.client_id, c.name, a.type, a.clerk, a.summary, a.due_date,"
		" coalesce(a.done_id, 0), a.done_date, a.done_note, a.rescheduled"
		" FROM followup_activities a JOIN clients c ON c.id = a.client_id"
		" WHERE (?4 OR a.done_date = '') AND (?1 = '' OR a.clerk = ?1)"
		" AND (?2 = '' OR a.due_date <= ?2) AND (?3 = 0 OR a.client_id = ?3)"
		" ORDER BY a.due_date, a.id";
	sqlite3_stmt *s = lg_get(l, sql, e);
	fu_activity a;
	int rc;

	if (!s)
		return e->code;
	lg_bind_text(s, 1, clerk ? clerk : "");
	lg_bind_text(s, 2, due ? due : "");
	lg_bind_int(s, 3, client_id);
	lg_bind_int(s, 4, !!all);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		activity_read(s, &a);
		if (cb(&a, ud))
			break;
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the activities"), e);
}

int ledger_fu_activity_done(ledger *l, int64_t id, const char *date, const char *note,
                            const char *history_text, cart_err *e)
{
	fu_activity a;
	hist_entry h;
	sqlite3_stmt *s;
	int rc;

	if (lg_date(date, _("the date done"), e) != CART_OK)
		return e->code;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if ((rc = ledger_fu_activity_get(l, id, &a, e)) != CART_OK)
		return lgf_finish(l, rc, e);
	if (a.done_date[0])
		return lgf_finish(l, cart_fail(e, CART_REFUSED, _("activity %lld was done on %s"),
		                           (long long)id, a.done_date), e);
	if (!(s = lg_get(l, "UPDATE followup_activities SET done_date = ?2, done_note = ?3"
	                    " WHERE id = ?1", e)))
		return lgf_finish(l, e->code, e);
	lg_bind_int(s, 1, id);
	lg_bind_text(s, 2, date);
	lg_bind_text(s, 3, note ? note : "");
	if ((rc = lgf_one_write(l, s, _("marking the activity done"), e)) != CART_OK)
		return lgf_finish(l, rc, e);
	memset(&h, 0, sizeof h);
	h.client_id = a.client_id;
	h.kind = !strcmp(a.type, "call") ? HIST_CALL : HIST_NOTE;
	lgf_stamp(date, h.at);
	snprintf(h.text, sizeof h.text, "%s", history_text ? history_text : "");
	rc = ledger_history_add(l, &h, e);
	return lgf_finish(l, rc, e);
}

int ledger_fu_activity_reschedule(ledger *l, int64_t id, const char *due, cart_err *e)
{
	fu_activity a;
	sqlite3_stmt *s;
	int rc;

	if (lg_date(due, _("the new due date"), e) != CART_OK)
		return e->code;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if ((rc = ledger_fu_activity_get(l, id, &a, e)) != CART_OK)
		return lgf_finish(l, rc, e);
	if (a.done_date[0])
		return lgf_finish(l, cart_fail(e, CART_REFUSED, _("activity %lld was done on %s"),
		                           (long long)id, a.done_date), e);
	if (!(s = lg_get(l, "UPDATE followup_activities SET due_date = ?2,"
	                    " rescheduled = rescheduled + 1 WHERE id = ?1", e)))
		return lgf_finish(l, e->code, e);
	lg_bind_int(s, 1, id);
	lg_bind_text(s, 2, due);
	if ((rc = lgf_one_write(l, s, _("rescheduling the activity"), e)) == CART_OK)
		rc = lg_audit(l, "activity reschedule", 0, a.client_id, due, e);
	return lgf_finish(l, rc, e);
}

/* ---- promises ---- */

int ledger_fu_promise_add(ledger *l, fu_promise *p, const char *history_text, cart_err *e)
{
	static const char sql[] =
		"INSERT INTO followup_promises (client_id, currency, amount, date, made_on, by_whom, clerk)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	hist_entry h;
	client c;
	char cur[4];
	sqlite3_stmt *s;
	int rc;

	if (lg_date(p->date, _("the promised date"), e) != CART_OK ||
	    lg_date(p->made_on, _("the date of the promise"), e) != CART_OK)
		return e->code;
	if (strcmp(p->date, p->made_on) < 0)
		return cart_fail(e, CART_INVALID, _("the promised date %s is before today (%s)"), p->date,
		                 p->made_on);
	if (lg_check_amount(p->amount, _("the promised amount"), 0, e) != CART_OK)
		return e->code;
	if ((rc = lg_currency(l, p->currency, cur, e)) != CART_OK)
		return rc;
	if ((rc = ledger_client_get(l, p->client_id, &c, e)) != CART_OK)
		return rc;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, sql, e)))
		return lgf_finish(l, e->code, e);
	lg_bind_int(s, 1, p->client_id);
	lg_bind_text(s, 2, cur);
	lg_bind_int(s, 3, p->amount);
	lg_bind_text(s, 4, p->date);
	lg_bind_text(s, 5, p->made_on);
	lg_bind_text(s, 6, p->by_whom);
	lg_bind_text(s, 7, l->clerk);
	if ((rc = lgf_one_write(l, s, _("recording the promise to pay"), e)) != CART_OK)
		return lgf_finish(l, rc, e);
	p->id = sqlite3_last_insert_rowid(l->db);
	memcpy(p->currency, cur, 4);
	snprintf(p->clerk, sizeof p->clerk, "%s", l->clerk);
	snprintf(p->client, sizeof p->client, "%s", c.name);
	memset(&h, 0, sizeof h);
	h.client_id = p->client_id;
	h.kind = HIST_NOTE;
	lgf_stamp(p->made_on, h.at);
	snprintf(h.text, sizeof h.text, "%s", history_text ? history_text : "");
	rc = ledger_history_add(l, &h, e);
	return lgf_finish(l, rc, e);
}

int ledger_fu_promises(ledger *l, int64_t client_id, fu_promise_cb cb, void *ud, cart_err *e)
{
	/* paid: what receipts and advances dated from the promise to its date brought, unless voided */
	static const char sql[] =
		"SELECT p.id, p.client_id, c.name, p.currency, p.amount, p.date, p.made_on, p.by_whom,"
		" p.clerk, " LG_PROMISE_PAID
		" FROM followup_promises p JOIN clients c ON c.id = p.client_id"
		" WHERE ?1 = 0 OR p.client_id = ?1 ORDER BY p.date, p.id";
	sqlite3_stmt *s = lg_get(l, sql, e);
	fu_promise p;
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&p, 0, sizeof p);
		p.id = sqlite3_column_int64(s, 0);
		p.client_id = sqlite3_column_int64(s, 1);
		lg_copy(p.client, sizeof p.client, sqlite3_column_text(s, 2));
		lg_copy(p.currency, sizeof p.currency, sqlite3_column_text(s, 3));
		p.amount = sqlite3_column_int64(s, 4);
		lg_copy(p.date, sizeof p.date, sqlite3_column_text(s, 5));
		lg_copy(p.made_on, sizeof p.made_on, sqlite3_column_text(s, 6));
		lg_copy(p.by_whom, sizeof p.by_whom, sqlite3_column_text(s, 7));
		lg_copy(p.clerk, sizeof p.clerk, sqlite3_column_text(s, 8));
		p.paid = sqlite3_column_int64(s, 9);
		if (cb(&p, ud))
			break;
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the promises to pay"), e);
}
