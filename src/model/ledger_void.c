/* Voids (SPEC L4) and document lookups. A void never edits what was posted: it gives back
 * every allocation the document made or received and mirrors each of its entries on the other
 * side, so the document and its reversal both stay in the statement. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"
#include "ledger_voided.h"
#include "cartera/i18n.h"

int ledger_document_find(ledger *l, const char *ref, int64_t *doc_id, cart_err *e)
{
	static const char sql[] =
		"SELECT id FROM documents WHERE number = upper(?1)"
		" OR (?1 NOT GLOB '*[^0-9]*' AND id = CAST(?1 AS INTEGER)) ORDER BY number = upper(?1) DESC"
		" LIMIT 1";
	sqlite3_stmt *s;
	int rc;

	if (!ref || !*ref)
		return cart_fail(e, CART_INVALID, _("no document given"));
	rc = lg_prepare(l, sql, &s);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("finding a document"), e);
	lg_bind_text(s, 1, ref);
	if ((rc = lg_row_int(l, s, doc_id, 0, _("finding a document"), e)) == CART_OK && !*doc_id)
		return cart_fail(e, CART_NOTFOUND, _("there is no document \"%s\""), ref);
	return rc;
}

static void document_read(sqlite3_stmt *s, void *out)
{
	doc_info *d = out;

	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(s, 0);
	d->type = doc_type_parse((const char *)sqlite3_column_text(s, 1));
	lg_copy(d->number, sizeof d->number, sqlite3_column_text(s, 2));
	d->client_id = sqlite3_column_int64(s, 3);
	lg_copy(d->date, sizeof d->date, sqlite3_column_text(s, 4));
	lg_copy(d->due_date, sizeof d->due_date, sqlite3_column_text(s, 5));
	lg_copy(d->currency, sizeof d->currency, sqlite3_column_text(s, 6));
	d->total = sqlite3_column_int64(s, 7);
	lg_copy(d->reference, sizeof d->reference, sqlite3_column_text(s, 8));
	lg_copy(d->memo, sizeof d->memo, sqlite3_column_text(s, 9));
	lg_copy(d->voided_by, sizeof d->voided_by, sqlite3_column_text(s, 10));
	lg_copy(d->amends, sizeof d->amends, sqlite3_column_text(s, 11));
}

int ledger_document_get(ledger *l, int64_t doc_id, doc_info *d, cart_err *e)
{
	static const char sql[] =
		"SELECT id, type, number, client_id, date, due_date, currency, total, reference, memo,"
		" coalesce((SELECT number FROM documents v WHERE v.voids_id = d.id), ''),"
		" coalesce((SELECT number FROM documents i WHERE i.id = d.amends_id), '')"
		" FROM documents d WHERE id = ?1";
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s);

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("reading a document"), e);
	lg_bind_int(s, 1, doc_id);
	if ((rc = lg_row(l, s, document_read, d, _("reading a document"), e)) == CART_NOTFOUND)
		return cart_fail(e, CART_NOTFOUND, _("there is no document %lld"), (long long)doc_id);
	return rc;
}

int ledger_document_entries(ledger *l, int64_t doc_id, doc_entry *rows, int max, int *n, cart_err *e)
{
	static const char sql[] =
		"SELECT id, code, side, amount, open FROM entries"
		" WHERE document_id = ?1 AND reverses_id IS NULL ORDER BY id";
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s);

	*n = 0;
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("reading a document's entries"), e);
	lg_bind_int(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
		doc_entry *r = &rows[(*n)++];

		r->entry_id = sqlite3_column_int64(s, 0);
		lg_copy(r->code, sizeof r->code, sqlite3_column_text(s, 1));
		r->side = (char)sqlite3_column_text(s, 2)[0];
		r->amount = sqlite3_column_int64(s, 3);
		r->open = sqlite3_column_int64(s, 4);
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading a document's entries"), e);
	return CART_OK;
}

int ledger_document_allocations(ledger *l, int64_t doc_id, doc_alloc *rows, int max, int *n,
                                cart_err *e)
{
	static const char sql[] =
		"SELECT a.date, 0, od.number, od.type, coalesce(i.seq, 0), a.amount, a.id"
		" FROM entries ce JOIN allocations a ON a.credit_id = ce.id"
		" JOIN entries oe ON oe.id = a.charge_id JOIN documents od ON od.id = oe.document_id"
		" LEFT JOIN instalments i ON i.id = a.instalment_id"
		" WHERE ce.document_id = ?1"
		" UNION ALL"
		" SELECT a.date, 1, od.number, od.type, coalesce(i.seq, 0), a.amount, a.id"
		" FROM entries he JOIN allocations a ON a.charge_id = he.id"
		" JOIN entries oe ON oe.id = a.credit_id JOIN documents od ON od.id = oe.document_id"
		" LEFT JOIN instalments i ON i.id = a.instalment_id"
		" WHERE he.document_id = ?1"
		" ORDER BY 1, 7";
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s);

	*n = 0;
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("reading what settled a document"), e);
	lg_bind_int(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
		doc_alloc *r = &rows[(*n)++];

		lg_copy(r->date, sizeof r->date, sqlite3_column_text(s, 0));
		r->paid_by = sqlite3_column_int(s, 1);
		lg_copy(r->number, sizeof r->number, sqlite3_column_text(s, 2));
		r->type = doc_type_parse((const char *)sqlite3_column_text(s, 3));
		r->instalment = sqlite3_column_int(s, 4);
		r->amount = sqlite3_column_int64(s, 5);
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading what settled a document"), e);
	return CART_OK;
}

typedef struct live_alloc {
	int64_t id, credit, charge, inst, amount;
	char date[DATE_LEN];
} live_alloc;

int ledger_document_void(ledger *l, int64_t doc_id, const char *date, const char *reason,
                         posted *out, cart_err *e)
{
	static const char doc_sql[] =
		"SELECT type, number, client_id, date, currency, total, method,"
		" (SELECT number FROM documents v WHERE v.voids_id = d.id)"
		" FROM documents d WHERE id = ?1";
	static const char alloc_sql[] =
		"SELECT a.id, a.credit_id, a.charge_id, coalesce(a.instalment_id, 0), a.amount, a.date"
		" FROM allocations a WHERE a.amount > 0"
		"   AND (a.document_id = ?1"
		"     OR a.credit_id IN (SELECT id FROM entries WHERE document_id = ?1)"
		"     OR a.charge_id IN (SELECT id FROM entries WHERE document_id = ?1))"
		"   AND NOT EXISTS (SELECT 1 FROM allocations r WHERE r.reverses_id = a.id)"
		" ORDER BY a.id";
	static const char entries_sql[] =
		"SELECT id, code, side, amount, n_inst, client_id, currency, date FROM entries"
		" WHERE document_id = ?1 AND reverses_id IS NULL ORDER BY id";
	sqlite3_stmt *s = NULL;
	live_alloc *al = NULL;
	int nal = 0, cap = 0, rc, type = -1;
	char number[32] = "", dtype[16] = "", ddate[DATE_LEN] = "", cur[4] = "", method[16] = "";
	int64_t client_id = 0, total = 0;

	memset(out, 0, sizeof *out);
	if (lg_date(date, _("the void date"), e) != CART_OK)
		return e->code;
	if (!reason || !*reason)
		return cart_fail(e, CART_INVALID, _("a void needs a reason"));
	if (l->bulk)
		return cart_fail(e, CART_INVALID, _("documents are voided after a bulk load, not during"));
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	/* a retry with the same --key posts nothing: the document posted then */
	if ((rc = lg_key_replay(l, DOC_VOID, out, e)) != CART_OK || out->replayed) {
		lg_rollback(l);
		return rc;
	}

	if ((rc = lg_prepare(l, doc_sql, &s)) != SQLITE_OK)
		goto dberr;
	lg_bind_int(s, 1, doc_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		lg_copy(dtype, sizeof dtype, sqlite3_column_text(s, 0));
		lg_copy(number, sizeof number, sqlite3_column_text(s, 1));
		client_id = sqlite3_column_int64(s, 2);
		lg_copy(ddate, sizeof ddate, sqlite3_column_text(s, 3));
		lg_copy(cur, sizeof cur, sqlite3_column_text(s, 4));
		total = sqlite3_column_int64(s, 5);
		lg_copy(method, sizeof method, sqlite3_column_text(s, 6));
		if (sqlite3_column_type(s, 7) != SQLITE_NULL) {
			rc = cart_fail(e, CART_REFUSED, _("%s is already voided by %s"), number,
			               sqlite3_column_text(s, 7));
			goto fail;
		}
	}
	lg_finalize(l, s);
	s = NULL;
	if (rc == SQLITE_DONE) {
		rc = cart_fail(e, CART_NOTFOUND, _("there is no document %lld"), (long long)doc_id);
		goto fail;
	}
	if (rc != SQLITE_ROW)
		goto dberr;
	type = doc_type_parse(dtype);
	if (type == DOC_VOID) {
		rc = cart_fail(e, CART_REFUSED, _("%s is itself a void and cannot be voided"), number);
		goto fail;
	}
	if (type == DOC_QUOTE) {
		rc = cart_fail(e, CART_REFUSED, _("%s is a quote: it posted nothing to void"), number);
		goto fail;
	}
	if ((rc = lg_debit_note_live(l, doc_id, number, e)) != CART_OK)
		goto fail;
	if (strcmp(date, ddate) < 0) {
		rc = cart_fail(e, CART_REFUSED, _("%s is dated %s: it cannot be voided on %s, before"
		               " it was posted"), number, ddate, date);
		goto fail;
	}

	/* 1. Every live allocation the document made or received. */
	if ((rc = lg_prepare(l, alloc_sql, &s)) != SQLITE_OK)
		goto dberr;
	lg_bind_int(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (nal == cap) {
			live_alloc *n;

			cap = cap ? cap * 2 : 16;
			n = realloc(al, sizeof *n * (size_t)cap);
			if (!n) {
				rc = cart_fail(e, CART_NOMEM, _("out of memory voiding %s"), number);
				goto fail;
			}
			al = n;
		}
		al[nal].id = sqlite3_column_int64(s, 0);
		al[nal].credit = sqlite3_column_int64(s, 1);
		al[nal].charge = sqlite3_column_int64(s, 2);
		al[nal].inst = sqlite3_column_int64(s, 3);
		al[nal].amount = sqlite3_column_int64(s, 4);
		lg_copy(al[nal].date, sizeof al[nal].date, sqlite3_column_text(s, 5));
		if (strcmp(date, al[nal].date) < 0) {
			rc = cart_fail(e, CART_REFUSED, _("%s has an allocation dated %s: it cannot be"
			               " voided on %s"), number, al[nal].date, date);
			goto fail;
		}
		nal++;
	}
	lg_finalize(l, s);
	s = NULL;
	if (rc != SQLITE_DONE)
		goto dberr;

	rc = lg_insert_doc(l, &(doc_row){ .type = DOC_VOID, .client_id = client_id, .date = date,
	                              .currency = cur, .total = total, .reference = number,
	                              .memo = reason, .voids_id = doc_id }, out, e);
	if (rc != CART_OK)
		goto fail;

	/* 2. Give back what each allocation took. */
	for (int i = 0; i < nal; i++) {
		rc = lg_insert_alloc(l, out->doc_id, al[i].credit, al[i].charge, al[i].inst, date,
		                  -al[i].amount, al[i].id, e);
		if (rc != CART_OK)
			goto fail;
	}

	/* 3. Mirror each entry on the other side and close the pair against each other. */
	if ((rc = lg_prepare(l, entries_sql, &s)) != SQLITE_OK)
		goto dberr;
	lg_bind_int(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t orig = sqlite3_column_int64(s, 0), mirror;
		int code = entry_code_parse((const char *)sqlite3_column_text(s, 1));
		char side = (char)sqlite3_column_text(s, 2)[0];
		int64_t amount = sqlite3_column_int64(s, 3);
		int n_inst = sqlite3_column_int(s, 4);

		rc = lg_insert_entry(l, out->doc_id, sqlite3_column_int64(s, 5), code,
		                  side == 'D' ? 'C' : 'D', date, NULL,
		                  (const char *)sqlite3_column_text(s, 6), amount, 0, orig, &mirror, e);
		if (rc != CART_OK)
			goto fail;
		if (!out->entry_id)
			out->entry_id = mirror;
		if (side == 'C') {
			rc = lg_insert_alloc(l, out->doc_id, orig, mirror, 0, date, amount, 0, e);
		} else if (n_inst == 0) {
			rc = lg_insert_alloc(l, out->doc_id, mirror, orig, 0, date, amount, 0, e);
		} else {
			sqlite3_stmt *is = lg_get(l, lg_inst_of_entry_sql, e);

			if (!is) {
				rc = e->code;
				goto fail;
			}
			lg_bind_int(is, 1, orig);
			while (rc == CART_OK && sqlite3_step(is) == SQLITE_ROW)
				rc = lg_insert_alloc(l, out->doc_id, mirror, orig, sqlite3_column_int64(is, 0),
				                  date, sqlite3_column_int64(is, 2), 0, e);
			lg_finalize(l, is);
		}
		if (rc != CART_OK)
			goto fail;
	}
	lg_finalize(l, s);
	s = NULL;
	if (rc != SQLITE_DONE)
		goto dberr;

	/* 4. A voided opening balance no longer fixes the client's opening date. */
	if (type == DOC_OPENING && !strcmp(method, "balance")) {
		sqlite3_stmt *o = lg_get(l, lg_client_set_opening_sql, e);

		if (!o) {
			rc = e->code;
			goto fail;
		}
		lg_bind_int(o, 1, client_id);
		rc = sqlite3_step(o);
		lg_finalize(l, o);
		if (rc != SQLITE_DONE)
			goto dberr;
	}
	free(al);
	{
		char detail[300];

		snprintf(detail, sizeof detail, "%s: %s", number, reason);
		return lg_finish(l, CART_OK, "void", out, client_id, detail, e);
	}
dberr:
	lg_dberr(l, rc, _("voiding a document"), e);
	rc = e->code;
fail:
	lg_finalize(l, s);
	free(al);
	lg_rollback(l);
	return rc;
}

static void void_read(sqlite3_stmt *s, void *out)
{
	void_info *v = out;

	lg_copy(v->number, sizeof v->number, sqlite3_column_text(s, 0));
	lg_copy(v->voided, sizeof v->voided, sqlite3_column_text(s, 1));
	lg_copy(v->date, sizeof v->date, sqlite3_column_text(s, 2));
	lg_copy(v->clerk, sizeof v->clerk, sqlite3_column_text(s, 3));
	lg_copy(v->reason, sizeof v->reason, sqlite3_column_text(s, 4));
	lg_copy(v->posted_at, sizeof v->posted_at, sqlite3_column_text(s, 5));
}

int ledger_void_info(ledger *l, int64_t doc_id, void_info *v, cart_err *e)
{
	static const char sql[] =
		"SELECT v.number, o.number, v.date, v.clerk, v.memo, v.posted_at"
		" FROM documents v JOIN documents o ON o.id = v.voids_id"
		" WHERE v.voids_id = ?1 OR v.id = ?1 LIMIT 1";
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s);

	memset(v, 0, sizeof *v);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("reading who voided a document"), e);
	lg_bind_int(s, 1, doc_id);
	rc = lg_row(l, s, void_read, v, _("reading who voided a document"), e);
	return rc == CART_NOTFOUND ? CART_OK : rc;
}
