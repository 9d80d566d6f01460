/* Payment follow-up in the ledger (schema 009): levels, client states, levels reached, letters
 * and SMS waiting, activities and promises to pay. See ledger_followup.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cartera/i18n.h"
#include "ledger_dash.h"
#include "ledger_followup.h"
#include "ledger_followup_int.h"
#include "ledger_int.h"

/* Run a prepared write inside its own (possibly nested) transaction. */
int lgf_one_write(ledger *l, sqlite3_stmt *s, const char *doing, cart_err *e)
{
	int rc = sqlite3_step(s);

	lg_finalize(l, s);
	if (rc == SQLITE_CONSTRAINT)
		return cart_fail(e, CART_CONFLICT, "%s: %s", doing, sqlite3_errmsg(l->db));
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, doing, e);
	return CART_OK;
}

/* A history line's time: the given date at the clock's time of day (UTC), so a run with a fixed
 * today writes lines of that day. */
void lgf_stamp(const char *date, char at[24])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	snprintf(at, 24, "%.10sT%02d:%02d:%02dZ", date, tm.tm_hour % 24, tm.tm_min % 60, tm.tm_sec % 61);
}

int lgf_finish(ledger *l, int rc, cart_err *e)
{
	if (rc != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

/* ---- levels ---- */

#define LEVEL_COLS "id, name, days, email, letter, sms, manual, auto, attach, subject, body," \
	" sms_text, act_type, act_clerk, act_summary, act_days, fee, rate_bp, post_charge"

static void level_read(sqlite3_stmt *s, fu_level *lv)
{
	memset(lv, 0, sizeof *lv);
	lv->id = sqlite3_column_int64(s, 0);
	lg_copy(lv->name, sizeof lv->name, sqlite3_column_text(s, 1));
	lv->days = sqlite3_column_int(s, 2);
	lv->email = sqlite3_column_int(s, 3);
	lv->letter = sqlite3_column_int(s, 4);
	lv->sms = sqlite3_column_int(s, 5);
	lv->manual_action = sqlite3_column_int(s, 6);
	lv->autom = sqlite3_column_int(s, 7);
	lv->attach = sqlite3_column_int(s, 8);
	lg_copy(lv->subject, sizeof lv->subject, sqlite3_column_text(s, 9));
	lg_copy(lv->body, sizeof lv->body, sqlite3_column_text(s, 10));
	lg_copy(lv->sms_text, sizeof lv->sms_text, sqlite3_column_text(s, 11));
	lg_copy(lv->act_type, sizeof lv->act_type, sqlite3_column_text(s, 12));
	lg_copy(lv->act_clerk, sizeof lv->act_clerk, sqlite3_column_text(s, 13));
	lg_copy(lv->act_summary, sizeof lv->act_summary, sqlite3_column_text(s, 14));
	lv->act_days = sqlite3_column_int(s, 15);
	lv->fee = sqlite3_column_int64(s, 16);
	lv->rate_bp = sqlite3_column_int(s, 17);
	lv->post_charge = sqlite3_column_int(s, 18);
}

static void level_row(sqlite3_stmt *s, void *lv)
{
	level_read(s, lv);
}

static void level_bind(sqlite3_stmt *s, const fu_level *lv)
{
	lg_bind_text(s, 2, lv->name);
	lg_bind_int(s, 3, lv->days);
	lg_bind_int(s, 4, !!lv->email);
	lg_bind_int(s, 5, !!lv->letter);
	lg_bind_int(s, 6, !!lv->sms);
	lg_bind_int(s, 7, !!lv->manual_action);
	lg_bind_int(s, 8, !!lv->autom);
	lg_bind_int(s, 9, !!lv->attach);
	lg_bind_text(s, 10, lv->subject);
	lg_bind_text(s, 11, lv->body);
	lg_bind_text(s, 12, lv->sms_text);
	lg_bind_text(s, 13, lv->act_type);
	lg_bind_text(s, 14, lv->act_clerk);
	lg_bind_text(s, 15, lv->act_summary);
	lg_bind_int(s, 16, lv->act_days);
	lg_bind_int(s, 17, lv->fee);
	lg_bind_int(s, 18, lv->rate_bp);
	lg_bind_int(s, 19, !!lv->post_charge);
}

static int level_check(const fu_level *lv, cart_err *e)
{
	static const char *const types[] = { "", "call", "visit", "email", "other" };
	int ok = 0;

	if (!lv->name[0])
		return cart_fail(e, CART_INVALID, "%s", _("a follow-up level needs a name"));
	if (lv->days < -365 || lv->days > 3650)
		return cart_fail(e, CART_INVALID, _("level \"%s\": days %d out of range (-365 to 3650)"),
		                 lv->name, lv->days);
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		ok |= !strcmp(lv->act_type, types[i]);
	if (!ok)
		return cart_fail(e, CART_INVALID, _("level \"%s\": activity \"%s\": use call, visit, email "
		                 "or other"), lv->name, lv->act_type);
	if (lv->act_days < 0 || lv->act_days > 365)
		return cart_fail(e, CART_INVALID, _("level \"%s\": activity days %d out of range (0 to 365)"),
		                 lv->name, lv->act_days);
	if (lv->fee < 0 || lv->fee > MONEY_MAX)
		return cart_fail(e, CART_INVALID, _("level \"%s\": the fee is out of range"), lv->name);
	if (lv->rate_bp < 0 || lv->rate_bp > 100000)
		return cart_fail(e, CART_INVALID, _("level \"%s\": the interest rate is out of range"),
		                 lv->name);
	return CART_OK;
}

int ledger_fu_levels(ledger *l, fu_level *out, int max, int *n, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, "SELECT " LEVEL_COLS " FROM followup_levels ORDER BY days", e);
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max)
		level_read(s, &out[(*n)++]);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the follow-up levels"), e);
	return CART_OK;
}

int ledger_fu_level_get(ledger *l, int64_t id, fu_level *lv, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, "SELECT " LEVEL_COLS " FROM followup_levels WHERE id = ?1", e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, id);
	if ((rc = lg_row(l, s, level_row, lv, _("reading a follow-up level"), e)) == CART_NOTFOUND)
		return cart_fail(e, CART_NOTFOUND, _("no follow-up level %lld"), (long long)id);
	return rc;
}

static int level_write(ledger *l, fu_level *lv, int add, cart_err *e)
{
	static const char add_sql[] =
		"INSERT INTO followup_levels (id, name, days, email, letter, sms, manual, auto, attach,"
		" subject, body, sms_text, act_type, act_clerk, act_summary, act_days, fee, rate_bp,"
		" post_charge) VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
		" ?15, ?16, ?17, ?18, ?19)";
	static const char upd_sql[] =
		"UPDATE followup_levels SET name = ?2, days = ?3, email = ?4, letter = ?5, sms = ?6,"
		" manual = ?7, auto = ?8, attach = ?9, subject = ?10, body = ?11, sms_text = ?12,"
		" act_type = ?13, act_clerk = ?14, act_summary = ?15, act_days = ?16, fee = ?17,"
		" rate_bp = ?18, post_charge = ?19 WHERE id = ?1";
	sqlite3_stmt *s;
	int rc;

	if ((rc = level_check(lv, e)) != CART_OK)
		return rc;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, add ? add_sql : upd_sql, e)))
		return lgf_finish(l, e->code, e);
	if (!add)
		lg_bind_int(s, 1, lv->id);
	level_bind(s, lv);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc == SQLITE_CONSTRAINT)
		return lgf_finish(l, cart_fail(e, CART_CONFLICT, _("there is already a follow-up level at %d "
		                                               "days"), lv->days), e);
	if (rc != SQLITE_DONE)
		return lgf_finish(l, lg_dberr(l, rc, _("saving a follow-up level"), e), e);
	if (add)
		lv->id = sqlite3_last_insert_rowid(l->db);
	else if (sqlite3_changes(l->db) == 0)
		return lgf_finish(l, cart_fail(e, CART_NOTFOUND, _("no follow-up level %lld"),
		                           (long long)lv->id), e);
	rc = lg_audit(l, add ? "followup level add" : "followup level edit", 0, 0, lv->name, e);
	return lgf_finish(l, rc, e);
}

int ledger_fu_level_add(ledger *l, fu_level *lv, cart_err *e)
{
	return level_write(l, lv, 1, e);
}

int ledger_fu_level_update(ledger *l, const fu_level *lv, cart_err *e)
{
	fu_level copy = *lv;

	return level_write(l, &copy, 0, e);
}

int ledger_fu_level_remove(ledger *l, int64_t id, cart_err *e)
{
	fu_level lv;
	int64_t used = 0;
	sqlite3_stmt *s;
	int rc;

	if ((rc = ledger_fu_level_get(l, id, &lv, e)) != CART_OK)
		return rc;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if ((rc = lg_scalar_int(l, "SELECT (SELECT count(*) FROM followup_done WHERE level_id = ?1)"
	                        " + (SELECT count(*) FROM followup_clients WHERE level_id = ?1)",
	                        id, &used, e)) != CART_OK)
		return lgf_finish(l, rc, e);
	if (used)
		return lgf_finish(l, cart_fail(e, CART_REFUSED, _("level \"%s\" was reached by clients: edit "
		                                              "it instead of removing it"), lv.name), e);
	if (!(s = lg_get(l, "DELETE FROM followup_levels WHERE id = ?1", e)))
		return lgf_finish(l, e->code, e);
	lg_bind_int(s, 1, id);
	if ((rc = lgf_one_write(l, s, _("removing a follow-up level"), e)) == CART_OK)
		rc = lg_audit(l, "followup level remove", 0, 0, lv.name, e);
	return lgf_finish(l, rc, e);
}

int ledger_fu_levels_seed(ledger *l, fu_level *defs, int n, int *added, cart_err *e)
{
	int64_t have = 0;
	int rc;

	*added = 0;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if ((rc = lg_scalar_int(l, "SELECT count(*) + ?1 FROM followup_levels", 0, &have, e)) != CART_OK)
		return lgf_finish(l, rc, e);
	for (int i = 0; !have && i < n && rc == CART_OK; i++)
		rc = ledger_fu_level_add(l, &defs[i], e);
	if (rc == CART_OK && !have)
		*added = 1;
	return lgf_finish(l, rc, e);
}

/* ---- client states ---- */

static void state_read(sqlite3_stmt *s, fu_state *st)
{
	memset(st, 0, sizeof *st);
	st->client_id = sqlite3_column_int64(s, 0);
	st->level_id = sqlite3_column_int64(s, 1);
	st->cycle = sqlite3_column_int(s, 2);
	lg_copy(st->last_date, sizeof st->last_date, sqlite3_column_text(s, 3));
	lg_copy(st->next_date, sizeof st->next_date, sqlite3_column_text(s, 4));
	lg_copy(st->responsible, sizeof st->responsible, sqlite3_column_text(s, 5));
	st->manual = sqlite3_column_int(s, 6);
	lg_copy(st->hold, sizeof st->hold, sqlite3_column_text(s, 7));
}

static void state_row(sqlite3_stmt *s, void *st)
{
	state_read(s, st);
}

int ledger_fu_state_get(ledger *l, int64_t client_id, fu_state *st, cart_err *e)
{
	static const char sql[] =
		"SELECT client_id, coalesce(level_id, 0), cycle, last_date, next_date, responsible,"
		" manual, hold FROM followup_clients WHERE client_id = ?1";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, client_id);
	if ((rc = lg_row(l, s, state_row, st, _("reading the client's follow-up"), e)) != CART_NOTFOUND)
		return rc;
	memset(st, 0, sizeof *st);
	st->client_id = client_id;
	st->cycle = 1;
	return CART_OK;
}

int ledger_fu_state_put(ledger *l, const fu_state *st, cart_err *e)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO followup_clients (client_id, level_id, cycle, last_date, next_date,"
		" responsible, manual, hold) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s;
	int rc;

	if (st->next_date[0] && lg_date(st->next_date, _("the next action date"), e) != CART_OK)
		return e->code;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, sql, e)))
		return lgf_finish(l, e->code, e);
	lg_bind_int(s, 1, st->client_id);
	if (st->level_id)
		lg_bind_int(s, 2, st->level_id);
	else
		sqlite3_bind_null(s, 2);
	lg_bind_int(s, 3, st->cycle > 0 ? st->cycle : 1);
	lg_bind_text(s, 4, st->last_date);
	lg_bind_text(s, 5, st->next_date);
	lg_bind_text(s, 6, st->responsible);
	lg_bind_int(s, 7, !!st->manual);
	lg_bind_text(s, 8, st->hold);
	rc = lgf_one_write(l, s, _("saving the client's follow-up"), e);
	return lgf_finish(l, rc, e);
}

int ledger_fu_states(ledger *l, fu_state_cb cb, void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT client_id, coalesce(level_id, 0), cycle, last_date, next_date, responsible,"
		" manual, hold FROM followup_clients ORDER BY client_id";
	sqlite3_stmt *s = lg_get(l, sql, e);
	fu_state st;
	int rc;

	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		state_read(s, &st);
		if (cb(&st, ud))
			break;
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the follow-up of the clients"), e);
}

int ledger_fu_any(ledger *l, int *any, cart_err *e)
{
	int64_t n = 0;
	int rc = lg_scalar_int(l, "SELECT ?1 + EXISTS (SELECT 1 FROM followup_clients)"
	                          " + EXISTS (SELECT 1 FROM followup_promises)", 0, &n, e);

	*any = n > 0;
	return rc;
}

int ledger_fu_open_charges(ledger *l, const char *asof, fu_charge_cb cb, void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT client_id, currency, due_date, open FROM entries"
		" WHERE side = 'D' AND open <> 0 AND n_inst = 0 AND date <= ?1"
		" UNION ALL SELECT client_id, currency, due_date, open FROM instalments"
		" WHERE open <> 0 AND date <= ?1";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_text(s, 1, asof);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1),
		       (const char *)sqlite3_column_text(s, 2), sqlite3_column_int64(s, 3), ud))
			break;
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the open charges"), e);
}

int ledger_fu_client_names(ledger *l, fu_name_cb cb, void *ud, cart_err *e)
{
	/* a clerk's name order, read from the name index alone (006_name_order.sql) */
	sqlite3_stmt *s = lg_get(l, "SELECT id, name FROM clients ORDER BY name_key, name, id", e);
	int rc;

	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1), ud))
			break;
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the clients' names"), e);
}

int ledger_fu_credits(ledger *l, int64_t client_id, fu_credit_cb cb, void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT client_id, currency, sum(open) FROM entries"
		" WHERE open <> 0 AND n_inst = 0 AND side = 'C' AND (?1 = 0 OR client_id = ?1)"
		" GROUP BY client_id, currency ORDER BY client_id, currency";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1),
		       sqlite3_column_int64(s, 2), ud))
			break;
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the credits in favour"), e);
}

int ledger_fu_done_add(ledger *l, int64_t client_id, int64_t level_id, int cycle, const char *date,
                       int64_t history_id, int64_t charge_doc, int64_t *done_id, cart_err *e)
{
	static const char sql[] =
		"INSERT INTO followup_done (client_id, level_id, cycle, date, clerk, history_id, charge_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	sqlite3_stmt *s;
	int rc;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, sql, e)))
		return lgf_finish(l, e->code, e);
	lg_bind_int(s, 1, client_id);
	lg_bind_int(s, 2, level_id);
	lg_bind_int(s, 3, cycle);
	lg_bind_text(s, 4, date);
	lg_bind_text(s, 5, l->clerk);
	if (history_id)
		lg_bind_int(s, 6, history_id);
	if (charge_doc)
		lg_bind_int(s, 7, charge_doc);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc == SQLITE_CONSTRAINT)
		return lgf_finish(l, cart_fail(e, CART_CONFLICT, _("client %lld already reached this level"),
		                           (long long)client_id), e);
	if (rc != SQLITE_DONE)
		return lgf_finish(l, lg_dberr(l, rc, _("recording the level reached"), e), e);
	*done_id = sqlite3_last_insert_rowid(l->db);
	return lgf_finish(l, CART_OK, e);
}

int ledger_fu_done_count(ledger *l, int64_t client_id, int64_t *n, cart_err *e)
{
	return lg_scalar_int(l, "SELECT count(*) FROM followup_done WHERE client_id = ?1", client_id,
	                     n, e);
}

/* ---- letters and SMS ---- */

int ledger_fu_letter_add(ledger *l, int64_t done_id, int64_t client_id, int64_t *id, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, "INSERT INTO followup_letters (done_id, client_id) VALUES (?1, ?2)",
	                         e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, done_id);
	lg_bind_int(s, 2, client_id);
	if ((rc = lgf_one_write(l, s, _("keeping the letter to write"), e)) == CART_OK && id)
		*id = sqlite3_last_insert_rowid(l->db);
	return rc;
}

int ledger_fu_letters_pending(ledger *l, int64_t only_id, fu_letter_cb cb, void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT t.id, t.done_id, t.client_id, d.level_id, d.date, coalesce(d.charge_id, 0)"
		" FROM followup_letters t JOIN followup_done d ON d.id = t.done_id"
		" WHERE (?1 = 0 AND t.written_at = '') OR t.id = ?1 ORDER BY t.id";
	sqlite3_stmt *s = lg_get(l, sql, e);
	fu_letter lt;
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, only_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&lt, 0, sizeof lt);
		lt.id = sqlite3_column_int64(s, 0);
		lt.done_id = sqlite3_column_int64(s, 1);
		lt.client_id = sqlite3_column_int64(s, 2);
		lt.level_id = sqlite3_column_int64(s, 3);
		lg_copy(lt.date, sizeof lt.date, sqlite3_column_text(s, 4));
		lt.charge_doc = sqlite3_column_int64(s, 5);
		if (cb(&lt, ud))
			break;
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the letters to write"), e);
}

int ledger_fu_letter_written(ledger *l, int64_t id, const char *path, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, "UPDATE followup_letters SET written_at = strftime('%Y-%m-%dT%H:%M:%SZ',"
	                    " 'now'), path = ?2 WHERE id = ?1", e)))
		return lgf_finish(l, e->code, e);
	lg_bind_int(s, 1, id);
	lg_bind_text(s, 2, path);
	rc = lgf_one_write(l, s, _("marking the letter written"), e);
	return lgf_finish(l, rc, e);
}

int ledger_fu_sms_add(ledger *l, int64_t done_id, int64_t client_id, const char *number,
                      const char *text, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, "INSERT INTO followup_sms (done_id, client_id, number, text)"
	                            " VALUES (?1, ?2, ?3, ?4)", e);

	if (!s)
		return e->code;
	lg_bind_int(s, 1, done_id);
	lg_bind_int(s, 2, client_id);
	lg_bind_text(s, 3, number);
	lg_bind_text(s, 4, text);
	return lgf_one_write(l, s, _("keeping the SMS to send"), e);
}

int ledger_fu_sms_pending(ledger *l, fu_sms_cb cb, void *ud, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, "SELECT id, client_id, number, text FROM followup_sms"
	                            " WHERE sent_at = '' ORDER BY id", e);
	fu_sms m;
	int rc;

	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&m, 0, sizeof m);
		m.id = sqlite3_column_int64(s, 0);
		m.client_id = sqlite3_column_int64(s, 1);
		lg_copy(m.number, sizeof m.number, sqlite3_column_text(s, 2));
		lg_copy(m.text, sizeof m.text, sqlite3_column_text(s, 3));
		if (cb(&m, ud))
			break;
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the SMS to send"), e);
}

int ledger_fu_sms_sent(ledger *l, int64_t id, const char *error, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, "UPDATE followup_sms SET sent_at = CASE WHEN ?2 = '' THEN"
	                    " strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ELSE '' END, error = ?2"
	                    " WHERE id = ?1", e)))
		return lgf_finish(l, e->code, e);
	lg_bind_int(s, 1, id);
	lg_bind_text(s, 2, error ? error : "");
	rc = lgf_one_write(l, s, _("marking the SMS sent"), e);
	return lgf_finish(l, rc, e);
}

/* ---- settings ---- */

int ledger_fu_setting_get(ledger *l, const char *key, char *buf, size_t size, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, "SELECT value FROM followup_settings WHERE key = ?1", e);
	int rc;

	buf[0] = '\0';
	if (!s)
		return e->code;
	lg_bind_text(s, 1, key);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		lg_copy(buf, size, sqlite3_column_text(s, 0));
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the follow-up settings"), e);
}

int ledger_fu_setting_set(ledger *l, const char *key, const char *value, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, value && *value
	                    ? "INSERT OR REPLACE INTO followup_settings (key, value) VALUES (?1, ?2)"
	                    : "DELETE FROM followup_settings WHERE key = ?1 AND ?2 IS NULL", e)))
		return lgf_finish(l, e->code, e);
	lg_bind_text(s, 1, key);
	if (value && *value)
		lg_bind_text(s, 2, value);
	rc = lgf_one_write(l, s, _("saving a follow-up setting"), e);
	if (rc == CART_OK)
		rc = lg_audit(l, "followup setting", 0, 0, key, e);
	return lgf_finish(l, rc, e);
}

