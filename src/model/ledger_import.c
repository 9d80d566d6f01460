/* Legal numbers, instalment ids and import settings: see ledger_import.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ledger_int.h"
#include "ledger_import.h"
#include "cartera/i18n.h"

static const char legal_insert_sql[] =
	"INSERT INTO legal_numbers (document_id, issuer, kind, number, part, alt, digest, source)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char legal_holder_sql[] =
	"SELECT d.number FROM legal_numbers k JOIN documents d ON d.id = k.document_id"
	" WHERE k.issuer = ?1 AND k.kind = ?2 AND k.number = ?3 AND k.part = ?4";

#define LEGAL_COLS \
	"SELECT k.document_id, d.number, k.issuer, k.kind, k.number, k.part, k.alt, k.digest," \
	" k.source FROM legal_numbers k JOIN documents d ON d.id = k.document_id"
static const char legal_exact_sql[] = LEGAL_COLS
	" WHERE k.number = ?3 AND (?1 IS NULL OR k.issuer = ?1) AND (?2 IS NULL OR k.kind = ?2)"
	" ORDER BY k.document_id";
static const char legal_any_sql[] = LEGAL_COLS
	" WHERE k.number = ?3 OR (k.alt <> '' AND k.alt = ?3) ORDER BY k.document_id";
static const char legal_alt_sql[] = LEGAL_COLS
	" WHERE k.alt = ?3 AND k.alt <> '' AND (?1 IS NULL OR k.issuer = ?1)"
	" AND (?2 IS NULL OR k.kind = ?2) ORDER BY k.document_id";
static const char legal_doc_sql[] = LEGAL_COLS
	" WHERE k.document_id = ?1 ORDER BY k.id";

int ledger_legal_add(ledger *l, int64_t doc_id, const legal_row *k, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (!k->number[0] || !k->kind[0])
		return cart_fail(e, CART_INVALID, _("a legal number needs its kind and number"));
	if (!(s = lg_get(l, legal_holder_sql, e)))
		return e->code;
	lg_bind_text(s, 1, k->issuer);
	lg_bind_text(s, 2, k->kind);
	lg_bind_text(s, 3, k->number);
	lg_bind_int(s, 4, k->part > 0 ? k->part : 1);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		cart_fail(e, CART_CONFLICT, _("the legal number %s is already %s's"), k->number,
		          (const char *)sqlite3_column_text(s, 0));
		lg_finalize(l, s);
		return CART_CONFLICT;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("looking up a legal number"), e);
	if (!(s = lg_get(l, legal_insert_sql, e)))
		return e->code;
	lg_bind_int(s, 1, doc_id);
	lg_bind_text(s, 2, k->issuer);
	lg_bind_text(s, 3, k->kind);
	lg_bind_text(s, 4, k->number);
	lg_bind_int(s, 5, k->part > 0 ? k->part : 1);
	lg_bind_text(s, 6, k->alt);
	lg_bind_text(s, 7, k->digest);
	lg_bind_text(s, 8, k->source);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("keeping a legal number"), e);
	return CART_OK;
}

static int legal_rows(ledger *l, sqlite3_stmt *s, legal_row *rows, int max, int *n, cart_err *e)
{
	int rc;

	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		legal_row *r;

		if (*n >= max)
			continue;
		r = &rows[(*n)++];
		memset(r, 0, sizeof *r);
		r->doc_id = sqlite3_column_int64(s, 0);
		lg_copy(r->doc_number, sizeof r->doc_number, sqlite3_column_text(s, 1));
		lg_copy(r->issuer, sizeof r->issuer, sqlite3_column_text(s, 2));
		lg_copy(r->kind, sizeof r->kind, sqlite3_column_text(s, 3));
		lg_copy(r->number, sizeof r->number, sqlite3_column_text(s, 4));
		r->part = sqlite3_column_int(s, 5);
		lg_copy(r->alt, sizeof r->alt, sqlite3_column_text(s, 6));
		lg_copy(r->digest, sizeof r->digest, sqlite3_column_text(s, 7));
		lg_copy(r->source, sizeof r->source, sqlite3_column_text(s, 8));
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("reading legal numbers"), e);
	return CART_OK;
}

int ledger_legal_find(ledger *l, int match, const char *issuer, const char *kind, const char *number,
                      legal_row *rows, int max, int *n, cart_err *e)
{
	const char *sql = match == LEGAL_ANY ? legal_any_sql
	                : match == LEGAL_ALT ? legal_alt_sql : legal_exact_sql;
	sqlite3_stmt *s = lg_get(l, sql, e);

	*n = 0;
	if (!s)
		return e->code;
	if (match != LEGAL_ANY) {
		lg_bind_text(s, 1, issuer);
		lg_bind_text(s, 2, kind);
	}
	lg_bind_text(s, 3, number);
	return legal_rows(l, s, rows, max, n, e);
}

int ledger_legal_of_doc(ledger *l, int64_t doc_id, legal_row *rows, int max, int *n, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, legal_doc_sql, e);

	*n = 0;
	if (!s)
		return e->code;
	lg_bind_int(s, 1, doc_id);
	return legal_rows(l, s, rows, max, n, e);
}

int ledger_instalment_id(ledger *l, int64_t entry_id, int seq, int64_t *id, cart_err *e)
{
	static const char sql[] = "SELECT id FROM instalments WHERE entry_id = ?1 AND seq = ?2";
	sqlite3_stmt *s;
	int64_t first;
	int n, rc;

	if (l->bulk && lg_bulk_instalments(l, entry_id, &first, &n) == CART_OK) {
		if (seq < 1 || seq > n)
			return cart_fail(e, CART_NOTFOUND, _("the invoice has no instalment %d"), seq);
		*id = first + seq - 1;
		return CART_OK;
	}
	if (!(s = lg_get(l, sql, e)))
		return e->code;
	lg_bind_int(s, 1, entry_id);
	lg_bind_int(s, 2, seq);
	if ((rc = lg_row_int(l, s, id, 0, _("reading an instalment"), e)) == CART_OK && !*id)
		return cart_fail(e, CART_NOTFOUND, _("the invoice has no instalment %d"), seq);
	return rc;
}

int ledger_client_by_tax_id(ledger *l, const char *tax_id, client *c, cart_err *e)
{
	static const char sql[] = "SELECT id FROM clients WHERE tax_id = ?1 AND tax_id <> ''";
	sqlite3_stmt *s;
	int64_t id = 0;
	int rc;

	if (!(s = lg_get(l, sql, e)))
		return e->code;
	lg_bind_text(s, 1, tax_id);
	if ((rc = lg_row_int(l, s, &id, 0, _("finding a client"), e)) != CART_OK)
		return rc;
	if (!id)
		return cart_fail(e, CART_NOTFOUND, _("no client has the tax id %s"), tax_id);
	return ledger_client_get(l, id, c, e);
}

int ledger_client_keys(ledger *l, client_key_cb cb, void *ud, cart_err *e)
{
	static const char sql[] = "SELECT id, tax_id, name FROM clients ORDER BY id";
	sqlite3_stmt *s;
	int rc;

	if (!(s = lg_get(l, sql, e)))
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1),
		       (const char *)sqlite3_column_text(s, 2), ud)) {
			rc = SQLITE_DONE;
			break;
		}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("reading the clients"), e);
	return CART_OK;
}

int ledger_has_documents(ledger *l, int *yes, cart_err *e)
{
	int64_t v = 0;
	int rc = lg_scalar_int(l, "SELECT EXISTS (SELECT 1 FROM documents)", 0, &v, e);

	*yes = v != 0;
	return rc;
}

int ledger_import_settings_get(ledger *l, int *create_clients, cart_err *e)
{
	int64_t v = 0;
	int rc = lg_scalar_int(l, "SELECT coalesce((SELECT create_clients FROM import_settings"
	                          " WHERE id = 1), 0)", 0, &v, e);

	*create_clients = (int)v;
	return rc;
}

int ledger_import_settings_set(ledger *l, int create_clients, cart_err *e)
{
	static const char sql[] =
		"INSERT INTO import_settings (id, create_clients) VALUES (1, ?1)"
		" ON CONFLICT (id) DO UPDATE SET create_clients = excluded.create_clients";
	sqlite3_stmt *s;
	int rc;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, sql, e))) {
		lg_rollback(l);
		return e->code;
	}
	lg_bind_int(s, 1, create_clients ? 1 : 0);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("saving the import settings"), e);
		lg_rollback(l);
		return rc;
	}
	if ((rc = lg_audit(l, "import settings", 0, 0, create_clients ? "create clients: yes"
	                   : "create clients: no", e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}
