/* The mail outbox, templates and settings (schema 008). See ledger_mail.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/i18n.h"
#include "ledger_dash.h"
#include "ledger_int.h"
#include "ledger_mail.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

const char *ledger_clerk(const ledger *l)
{
	return l->clerk;
}

/* ---- queueing ---- */

static const char queue_sql[] =
	"INSERT INTO mail_outbox (client_id, document_id, clerk, kind, recipients, subject,"
	" attachments, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char link_sql[] = "UPDATE mail_outbox SET history_id = ?2 WHERE id = ?1";

/* Append "label value" to buf when value is not empty. */
static void hist_part(char *buf, size_t size, const char *label, const char *value)
{
	size_t n = strlen(buf);

	if (!value || !*value || n >= size - 1)
		return;
	snprintf(buf + n, size - n, "%s%s %s", n ? "; " : "", label, value);
}

int ledger_mail_queue(ledger *l, mail_row *m, const char *raw, size_t len, cart_err *e)
{
	sqlite3_stmt *s;
	hist_entry h;
	char head[40];
	int rc;

	if (!raw || !len)
		return cart_fail(e, CART_INVALID, _("the message to queue is empty"));
	if (!m->recipients[0])
		return cart_fail(e, CART_INVALID, _("the message has no recipient"));
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, queue_sql, e))) {
		lg_rollback(l);
		return e->code;
	}
	lg_bind_int(s, 1, m->client_id);
	if (m->doc_id)
		lg_bind_int(s, 2, m->doc_id);
	else
		sqlite3_bind_null(s, 2);
	lg_bind_text(s, 3, l->clerk);
	lg_bind_text(s, 4, m->kind[0] ? m->kind : "other");
	lg_bind_text(s, 5, m->recipients);
	lg_bind_text(s, 6, m->subject);
	lg_bind_text(s, 7, m->attachments);
	sqlite3_bind_blob64(s, 8, raw, len, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("putting the message in the outbox"), e);
		lg_rollback(l);
		return rc;
	}
	m->id = sqlite3_last_insert_rowid(l->db);

	/* the history line names the message, so it can be opened from there */
	memset(&h, 0, sizeof h);
	h.client_id = m->client_id;
	h.doc_id = m->doc_id;
	h.kind = HIST_MAIL;
	snprintf(head, sizeof head, "#%lld", (long long)m->id);
	hist_part(h.text, sizeof h.text, "mail", head);
	hist_part(h.text, sizeof h.text, "To:", m->recipients);
	hist_part(h.text, sizeof h.text, "Subject:", m->subject);
	hist_part(h.text, sizeof h.text, "Attached:", m->attachments);
	if ((rc = ledger_history_add(l, &h, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	m->history_id = h.id;
	if (!(s = lg_get(l, link_sql, e))) {
		lg_rollback(l);
		return e->code;
	}
	lg_bind_int(s, 1, m->id);
	lg_bind_int(s, 2, h.id);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("putting the message in the outbox"), e);
		lg_rollback(l);
		return rc;
	}
	m->status = MAIL_PENDING;
	return lg_commit(l, e);
}

/* ---- reading ---- */

#define ROW_COLS \
	"o.id, o.client_id, coalesce(o.document_id, 0), coalesce(o.history_id, 0), o.kind," \
	" o.created_at, o.updated_at, o.next_try, coalesce(o.sent_at, ''), o.clerk," \
	" coalesce(c.name, ''), coalesce(d.number, ''), o.recipients, o.subject, o.attachments," \
	" o.status, o.attempts, o.last_error"
#define ROW_FROM \
	" FROM mail_outbox o LEFT JOIN clients c ON c.id = o.client_id" \
	" LEFT JOIN documents d ON d.id = o.document_id"

static void row_from(sqlite3_stmt *s, mail_row *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(s, 0);
	m->client_id = sqlite3_column_int64(s, 1);
	m->doc_id = sqlite3_column_int64(s, 2);
	m->history_id = sqlite3_column_int64(s, 3);
	lg_copy(m->kind, sizeof m->kind, sqlite3_column_text(s, 4));
	lg_copy(m->created_at, sizeof m->created_at, sqlite3_column_text(s, 5));
	lg_copy(m->updated_at, sizeof m->updated_at, sqlite3_column_text(s, 6));
	lg_copy(m->next_try, sizeof m->next_try, sqlite3_column_text(s, 7));
	lg_copy(m->sent_at, sizeof m->sent_at, sqlite3_column_text(s, 8));
	lg_copy(m->clerk, sizeof m->clerk, sqlite3_column_text(s, 9));
	lg_copy(m->client_name, sizeof m->client_name, sqlite3_column_text(s, 10));
	lg_copy(m->number, sizeof m->number, sqlite3_column_text(s, 11));
	lg_copy(m->recipients, sizeof m->recipients, sqlite3_column_text(s, 12));
	lg_copy(m->subject, sizeof m->subject, sqlite3_column_text(s, 13));
	lg_copy(m->attachments, sizeof m->attachments, sqlite3_column_text(s, 14));
	m->status = mail_status_parse((const char *)sqlite3_column_text(s, 15));
	m->attempts = sqlite3_column_int(s, 16);
	lg_copy(m->last_error, sizeof m->last_error, sqlite3_column_text(s, 17));
}

static int raw_from(sqlite3_stmt *s, int col, char **raw, size_t *len, cart_err *e)
{
	const void *b = sqlite3_column_blob(s, col);
	size_t n = (size_t)sqlite3_column_bytes(s, col);

	if (!(*raw = malloc(n + 1)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if (n)
		memcpy(*raw, b, n);
	(*raw)[n] = '\0';
	*len = n;
	return CART_OK;
}

int ledger_mail_get(ledger *l, int64_t id, mail_row *m, char **raw, size_t *len, cart_err *e)
{
	static const char sql[] = "SELECT " ROW_COLS ", o.message" ROW_FROM " WHERE o.id = ?1";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc, res = CART_OK;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		row_from(s, m);
		if (raw)
			res = raw_from(s, 18, raw, len, e);
	}
	lg_finalize(l, s);
	if (rc == SQLITE_DONE)
		return cart_fail(e, CART_NOTFOUND, _("there is no message number %lld in the outbox"),
		                 (long long)id);
	if (rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the outbox"), e);
	return res;
}

int ledger_mail_list(ledger *l, int status, int64_t client_id, mail_cb cb, void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT " ROW_COLS ROW_FROM
		" WHERE (?1 IS NULL OR o.status = ?1) AND (?2 = 0 OR o.client_id = ?2)"
		" ORDER BY o.id DESC";
	sqlite3_stmt *s = lg_get(l, sql, e);
	mail_row m;
	int rc;

	if (!s)
		return e->code;
	lg_bind_text(s, 1, status >= 0 ? mail_status_name(status) : NULL);
	lg_bind_int(s, 2, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		row_from(s, &m);
		if (cb(&m, ud))
			break;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the outbox"), e);
	return CART_OK;
}

int ledger_mail_of_history(ledger *l, int64_t history_id, int64_t *id, cart_err *e)
{
	static const char sql[] = "SELECT id FROM mail_outbox WHERE history_id = ?1";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, history_id);
	if ((rc = lg_row_int(l, s, id, 0, _("reading the outbox"), e)) == CART_OK && !*id)
		return cart_fail(e, CART_NOTFOUND, _("that line of the history is not a message"));
	return rc;
}

/* ---- delivering ---- */

/* Run one UPDATE of the outbox with up to three bindings (text or integer); *changed rows. */
static int outbox_update(ledger *l, const char *sql, int64_t id, const char *t2, int64_t i3,
                         int *changed, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	if (sqlite3_bind_parameter_count(s) >= 1)
		lg_bind_int(s, 1, id);
	if (t2)
		lg_bind_text(s, 2, t2);
	if (sqlite3_bind_parameter_count(s) >= 3)
		lg_bind_int(s, 3, i3);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("changing a message in the outbox"), e);
	if (changed)
		*changed = sqlite3_changes(l->db);
	return CART_OK;
}

int ledger_mail_claim(ledger *l, const char *who, mail_row *m, char **raw, size_t *len, int *got,
                      cart_err *e)
{
	static const char pick_sql[] =
		"SELECT id FROM mail_outbox"
		" WHERE (status = 'pending' OR (status = 'failed' AND attempts < ?1))"
		"   AND next_try <= " NOW " ORDER BY id LIMIT 1";
	static const char claim_sql[] =
		"UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, claimed_by = ?2,"
		" updated_at = " NOW " WHERE id = ?1 AND (status = 'pending' OR status = 'failed')";
	sqlite3_stmt *s;
	int64_t id = 0;
	int rc, changed = 0;

	*got = 0;
	*raw = NULL;
	*len = 0;
	/* BEGIN IMMEDIATE: a second sender waits here until this claim is committed, and then
	 * finds the message no longer pending */
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, pick_sql, e))) {
		lg_rollback(l);
		return e->code;
	}
	lg_bind_int(s, 1, MAIL_MAX_ATTEMPTS);
	if ((rc = lg_row_int(l, s, &id, 0, _("reading the outbox"), e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	if (!id) {
		lg_rollback(l);
		return CART_OK;
	}
	if ((rc = outbox_update(l, claim_sql, id, who, 0, &changed, e)) != CART_OK ||
	    (changed == 1 && (rc = ledger_mail_get(l, id, m, raw, len, e)) != CART_OK)) {
		free(*raw);
		*raw = NULL;
		lg_rollback(l);
		return rc;
	}
	if ((rc = lg_commit(l, e)) != CART_OK) {
		free(*raw);
		*raw = NULL;
		return rc;
	}
	*got = changed == 1;
	return CART_OK;
}

int ledger_mail_done(ledger *l, int64_t id, int ok, const char *error, cart_err *e)
{
	static const char sent_sql[] =
		"UPDATE mail_outbox SET status = 'sent', sent_at = " NOW ", updated_at = " NOW ","
		" last_error = ?2 WHERE id = ?1 AND status = 'sending'";
	static const char failed_sql[] =
		"UPDATE mail_outbox SET status = 'failed', last_error = ?2, updated_at = " NOW ","
		" next_try = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+' || ?3 || ' seconds')"
		" WHERE id = ?1 AND status = 'sending'";
	mail_row m;
	int rc, changed = 0;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if ((rc = ledger_mail_get(l, id, &m, NULL, NULL, e)) == CART_OK) {
		if (ok)
			rc = outbox_update(l, sent_sql, id, "", 0, &changed, e);
		else
			rc = outbox_update(l, failed_sql, id, error && *error ? error : "?",
			                   mail_retry_delay(m.attempts), &changed, e);
	}
	if (rc == CART_OK && changed != 1)
		rc = cart_fail(e, CART_CONFLICT, _("message %lld was not being sent (it is %s)"),
		               (long long)id, mail_status_name(m.status));
	if (rc == CART_OK && ok)
		rc = lg_audit(l, "mail sent", m.doc_id, m.client_id, m.subject, e);
	if (rc != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

int ledger_mail_retry(ledger *l, int64_t id, int *n, cart_err *e)
{
	static const char one_sql[] =
		"UPDATE mail_outbox SET status = 'pending', attempts = 0, next_try = " NOW ","
		" updated_at = " NOW " WHERE id = ?1 AND (status = 'failed' OR status = 'sending')";
	static const char all_sql[] =
		"UPDATE mail_outbox SET status = 'pending', attempts = 0, next_try = " NOW ","
		" updated_at = " NOW " WHERE status = 'failed' AND ?1 = ?1";
	mail_row m;
	int rc;

	*n = 0;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (id && (rc = ledger_mail_get(l, id, &m, NULL, NULL, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	if ((rc = outbox_update(l, id ? one_sql : all_sql, id, NULL, 0, n, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	if (id && *n == 0) {
		lg_rollback(l);
		return cart_fail(e, CART_REFUSED, _("message %lld is %s: only a failed message is sent"
		                 " again"), (long long)id, mail_status_name(m.status));
	}
	if (*n && (rc = lg_audit(l, "mail retry", id ? m.doc_id : 0, id ? m.client_id : 0,
	                         id ? m.subject : "all failed", e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

int ledger_mail_cancel(ledger *l, int64_t id, cart_err *e)
{
	static const char sql[] =
		"UPDATE mail_outbox SET status = 'cancelled', updated_at = " NOW
		" WHERE id = ?1 AND (status = 'pending' OR status = 'failed')";
	mail_row m;
	int rc, changed = 0;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if ((rc = ledger_mail_get(l, id, &m, NULL, NULL, e)) != CART_OK ||
	    (rc = outbox_update(l, sql, id, NULL, 0, &changed, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	if (!changed) {
		lg_rollback(l);
		return cart_fail(e, CART_REFUSED, _("message %lld is %s: only a pending or failed"
		                 " message can be cancelled"), (long long)id,
		                 mail_status_name(m.status));
	}
	if ((rc = lg_audit(l, "mail cancel", m.doc_id, m.client_id, m.subject, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

/* ---- settings ---- */

int ledger_mail_setting(ledger *l, const char *key, char *buf, size_t size, cart_err *e)
{
	static const char sql[] = "SELECT value FROM mail_settings WHERE key = ?1";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	buf[0] = '\0';
	if (!s)
		return e->code;
	lg_bind_text(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		lg_copy(buf, size, sqlite3_column_text(s, 0));
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the mail settings"), e);
}

int ledger_mail_setting_set(ledger *l, const char *key, const char *value, cart_err *e)
{
	static const char set_sql[] =
		"INSERT INTO mail_settings (key, value) VALUES (?1, ?2)"
		" ON CONFLICT (key) DO UPDATE SET value = excluded.value";
	static const char del_sql[] = "DELETE FROM mail_settings WHERE key = ?1";
	sqlite3_stmt *s;
	char detail[600];
	int rc;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, value && *value ? set_sql : del_sql, e))) {
		lg_rollback(l);
		return e->code;
	}
	lg_bind_text(s, 1, key);
	if (value && *value)
		lg_bind_text(s, 2, value);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("saving a mail setting"), e);
		lg_rollback(l);
		return rc;
	}
	snprintf(detail, sizeof detail, "%s=%s", key, value ? value : "");
	if ((rc = lg_audit(l, "mail setting", 0, 0, detail, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

/* ---- templates ---- */

static int template_from(sqlite3_stmt *s, mail_template *t, cart_err *e)
{
	const unsigned char *b = sqlite3_column_text(s, 3);

	memset(t, 0, sizeof *t);
	lg_copy(t->name, sizeof t->name, sqlite3_column_text(s, 0));
	lg_copy(t->lang, sizeof t->lang, sqlite3_column_text(s, 1));
	lg_copy(t->subject, sizeof t->subject, sqlite3_column_text(s, 2));
	lg_copy(t->updated_at, sizeof t->updated_at, sqlite3_column_text(s, 4));
	if (!(t->body = strdup(b ? (const char *)b : "")))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	return CART_OK;
}

int ledger_mail_template_get(ledger *l, const char *name, const char *lang, mail_template *t,
                             cart_err *e)
{
	static const char sql[] =
		"SELECT name, lang, subject, body, updated_at FROM mail_templates"
		" WHERE name = ?1 AND lang = ?2";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc, res = CART_OK;

	if (!s)
		return e->code;
	lg_bind_text(s, 1, name);
	lg_bind_text(s, 2, lang);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		res = template_from(s, t, e);
	lg_finalize(l, s);
	if (rc == SQLITE_DONE)
		return cart_fail(e, CART_NOTFOUND, _("there is no mail template \"%s\" in language"
		                 " \"%s\""), name, lang);
	if (rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the mail templates"), e);
	return res;
}

int ledger_mail_template_set(ledger *l, const mail_template *t, cart_err *e)
{
	static const char sql[] =
		"INSERT INTO mail_templates (name, lang, subject, body) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (name, lang) DO UPDATE SET subject = excluded.subject,"
		" body = excluded.body, updated_at = " NOW;
	sqlite3_stmt *s;
	char detail[64];
	int rc;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, sql, e))) {
		lg_rollback(l);
		return e->code;
	}
	lg_bind_text(s, 1, t->name);
	lg_bind_text(s, 2, t->lang);
	lg_bind_text(s, 3, t->subject);
	lg_bind_text(s, 4, t->body ? t->body : "");
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("saving a mail template"), e);
		lg_rollback(l);
		return rc;
	}
	snprintf(detail, sizeof detail, "%s/%s", t->name, t->lang);
	if ((rc = lg_audit(l, "mail template", 0, 0, detail, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

int ledger_mail_template_list(ledger *l, mail_template_cb cb, void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT name, lang, subject, body, updated_at FROM mail_templates ORDER BY name, lang";
	sqlite3_stmt *s = lg_get(l, sql, e);
	mail_template t;
	int rc, res = CART_OK, stop = 0;

	if (!s)
		return e->code;
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((res = template_from(s, &t, e)) != CART_OK)
			break;
		stop = cb(&t, ud);
		free(t.body);
	}
	lg_finalize(l, s);
	if (res != CART_OK)
		return res;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the mail templates"), e);
	return CART_OK;
}
