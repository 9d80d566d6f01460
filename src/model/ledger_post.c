/* Posting charges: invoices, journal entries and opening balances, and the building blocks every
 * posting uses (numbering, saving documents, entries and allocations, the posting's client).
 * Receipts, credit notes and credit applications are in ledger_alloc.c, voids in ledger_void.c.
 * Each posting is one transaction; every amount is checked here so the clerk hears why in words,
 * and checked again by the schema's triggers as a last line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"
#include "cartera/text.h"

static const char *const doc_names[] = {
#define X(id, name, prefix) name,
	DOC_TYPES(X)
#undef X
};

static const char *const code_names[] = {
#define X(id, side, text) #id,
	ENTRY_CODES(X)
#undef X
};

static const char code_sides[] = {
#define X(id, side, text) side,
	ENTRY_CODES(X)
#undef X
};

const char *doc_type_name(int type)
{
	return type >= 0 && type < DOC_NTYPES ? doc_names[type] : "?";
}

int doc_type_parse(const char *name)
{
	for (int i = 0; i < DOC_NTYPES; i++)
		if (!strcmp(name, doc_names[i]))
			return i;
	return -1;
}

const char *entry_code_name(int code)
{
	return code >= 0 && code < CODE_N ? code_names[code] : "?";
}

int entry_code_parse(const char *name)
{
	for (int i = 0; i < CODE_N; i++)
		if (!strcmp(name, code_names[i]))
			return i;
	return -1;
}

char entry_code_side(int code)
{
	return code >= 0 && code < CODE_N ? code_sides[code] : '?';
}

/* ---- building blocks ---- */

static const char series_next_sql[] =
		"UPDATE series SET next_number = next_number + 1 WHERE doc_type = ?1"
		" RETURNING prefix, next_number - 1";
static const char doc_insert_sql[] =
		"INSERT INTO documents (type, number, client_id, date, due_date, currency, total,"
		" reference, memo, method, voids_id, clerk, posted_at, amends_id) VALUES (?1, ?2, ?3, ?4,"
		" ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, coalesce(?13, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
		" ?14)";
static const char entry_insert_sql[] =
		"INSERT INTO entries (document_id, client_id, code, side, date, due_date, currency,"
		" amount, open, n_inst, reverses_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10)";
static const char inst_insert_sql[] =
		"INSERT INTO instalments (entry_id, seq, client_id, currency, date, due_date, amount,"
		" open) VALUES (?1, ?2, ?3, ?4, ?7, ?5, ?6, ?6)";
static const char alloc_insert_sql[] =
		"INSERT INTO allocations (document_id, credit_id, charge_id, instalment_id, date, amount,"
		" reverses_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char entry_get_sql[] =
		"SELECT e.id, e.document_id, e.client_id, e.code, e.side, e.date, e.due_date, e.currency,"
		" e.amount, e.open, e.n_inst, d.number, e.reverses_id IS NOT NULL"
		" FROM entries e JOIN documents d ON d.id = e.document_id WHERE e.id = ?1";
const char lg_inst_of_entry_sql[] =
		"SELECT id, due_date, amount, open FROM instalments WHERE entry_id = ?1 ORDER BY seq";
const char lg_client_set_opening_sql[] =
		"UPDATE clients SET opening_date = ?2 WHERE id = ?1";
static const char client_posting_sql[] =
		"SELECT id, name, active, terms_days, charge_mode, coalesce(opening_date, '')"
		" FROM clients WHERE id = ?1";



static void entry_read(sqlite3_stmt *s, void *out)
{
	entry_info *x = out;

	x->id = sqlite3_column_int64(s, 0);
	x->doc_id = sqlite3_column_int64(s, 1);
	x->client_id = sqlite3_column_int64(s, 2);
	lg_copy(x->code, sizeof x->code, sqlite3_column_text(s, 3));
	x->side = (char)sqlite3_column_text(s, 4)[0];
	lg_copy(x->date, sizeof x->date, sqlite3_column_text(s, 5));
	lg_copy(x->due_date, sizeof x->due_date, sqlite3_column_text(s, 6));
	lg_copy(x->currency, sizeof x->currency, sqlite3_column_text(s, 7));
	x->amount = sqlite3_column_int64(s, 8);
	x->open = sqlite3_column_int64(s, 9);
	x->n_inst = sqlite3_column_int(s, 10);
	lg_copy(x->number, sizeof x->number, sqlite3_column_text(s, 11));
	x->reversal = sqlite3_column_int(s, 12);
}

int lg_entry_get(ledger *l, int64_t id, entry_info *x, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	/* A bulk load knows its own entries; older ones may have stale open amounts meanwhile. */
	if (l->bulk) {
		if (lg_bulk_entry_get(l, id, x) == CART_OK)
			return CART_OK;
		return cart_fail(e, CART_REFUSED, _("a bulk load allocates only to entries it made"
		                 " (entry %lld is older)"), (long long)id);
	}
	if (!(s = lg_get(l, entry_get_sql, e)))
		return e->code;
	lg_bind_int(s, 1, id);
	if ((rc = lg_row(l, s, entry_read, x, _("reading an entry"), e)) == CART_NOTFOUND)
		return cart_fail(e, CART_NOTFOUND, _("there is no ledger entry %lld"), (long long)id);
	return rc;
}

static int next_number(ledger *l, int type, char number[32], cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, series_next_sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_text(s, 1, doc_type_name(type));
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		lg_finalize(l, s);
		return lg_dberr(l, rc == SQLITE_DONE ? SQLITE_ERROR : rc, _("numbering a document"), e);
	}
	snprintf(number, 32, "%s-%06lld", sqlite3_column_text(s, 0),
	         (long long)sqlite3_column_int64(s, 1));
	/* RETURNING finishes its work on the first step; reset completes the statement. */
	rc = sqlite3_reset(s);
	lg_finalize(l, s);
	return rc == SQLITE_OK ? CART_OK : lg_dberr(l, rc, _("numbering a document"), e);
}


int lg_insert_doc(ledger *l, const doc_row *d, posted *out, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (text_check(d->reference, TEXT_MAX_REF, _("the reference"), e) != CART_OK ||
	    text_check_lines(d->memo, TEXT_MAX_MEMO, _("the memo"), e) != CART_OK ||
	    text_check(d->method, TEXT_MAX_METHOD, _("the payment method"), e) != CART_OK)
		return e->code;
	rc = l->bulk ? lg_bulk_number(l, d->type, out->number, e)
	             : next_number(l, d->type, out->number, e);
	if (rc != CART_OK)
		return rc;
	if (!(s = lg_get(l, doc_insert_sql, e)))
		return e->code;
	lg_bind_text(s, 1, doc_type_name(d->type));
	lg_bind_text(s, 2, out->number);
	lg_bind_int(s, 3, d->client_id);
	lg_bind_text(s, 4, d->date);
	lg_bind_text(s, 5, d->due_date && *d->due_date ? d->due_date : d->date);
	lg_bind_text(s, 6, d->currency);
	lg_bind_int(s, 7, d->total);
	lg_bind_text(s, 8, d->reference ? d->reference : "");
	lg_bind_text(s, 9, d->memo ? d->memo : "");
	lg_bind_text(s, 10, d->method ? d->method : "");
	if (d->voids_id)
		lg_bind_int(s, 11, d->voids_id);
	lg_bind_text(s, 12, l->clerk);
	if (l->bulk)
		lg_bind_text(s, 13, l->posted_at);
	if (d->amends_id)
		lg_bind_int(s, 14, d->amends_id);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("saving the document"), e);
	out->doc_id = sqlite3_last_insert_rowid(l->db);
	return lg_key_record(l, d->type, out->doc_id, e);
}

int lg_insert_entry(ledger *l, int64_t doc, int64_t client_id, int code, char side,
                        const char *date, const char *due, const char *cur, int64_t amount,
                        int n_inst, int64_t reverses, int64_t *id, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, entry_insert_sql, e);
	char sd[2] = { side, 0 };
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, doc);
	lg_bind_int(s, 2, client_id);
	lg_bind_text(s, 3, entry_code_name(code));
	lg_bind_text(s, 4, sd);
	lg_bind_text(s, 5, date);
	lg_bind_text(s, 6, due && *due ? due : date);
	lg_bind_text(s, 7, cur);
	lg_bind_int(s, 8, amount);
	lg_bind_int(s, 9, n_inst);
	if (reverses)
		lg_bind_int(s, 10, reverses);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("posting a ledger entry"), e);
	*id = sqlite3_last_insert_rowid(l->db);
	if (l->bulk)
		return lg_bulk_entry(l, *id, client_id, cur, side, date, amount, n_inst, e);
	return CART_OK;
}

int lg_insert_alloc(ledger *l, int64_t doc, int64_t credit, int64_t charge, int64_t inst,
                        const char *date, int64_t amount, int64_t reverses, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, alloc_insert_sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, doc);
	lg_bind_int(s, 2, credit);
	lg_bind_int(s, 3, charge);
	if (inst)
		lg_bind_int(s, 4, inst);
	lg_bind_text(s, 5, date);
	lg_bind_int(s, 6, amount);
	if (reverses)
		lg_bind_int(s, 7, reverses);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("allocating a payment"), e);
	if (l->bulk)
		lg_bulk_allocate(l, credit, charge, inst, amount);
	return CART_OK;
}

int lg_check_amount(int64_t v, const char *what, int allow_zero, cart_err *e)
{
	if (v < 0 || (!allow_zero && v == 0))
		return cart_fail(e, CART_INVALID, _("%s must be more than zero"), what);
	if (v > MONEY_MAX)
		return cart_fail(e, CART_INVALID, _("%s is larger than cartera accepts"), what);
	return CART_OK;
}

/* The client a posting is for (only what postings need); charges need an active client. */
static void posting_client_read(sqlite3_stmt *s, void *out)
{
	client *c = out;

	c->id = sqlite3_column_int64(s, 0);
	lg_copy(c->name, sizeof c->name, sqlite3_column_text(s, 1));
	c->active = sqlite3_column_int(s, 2);
	c->terms_days = sqlite3_column_int(s, 3);
	c->charge_mode = sqlite3_column_int(s, 4);
	lg_copy(c->opening_date, sizeof c->opening_date, sqlite3_column_text(s, 5));
}

int lg_posting_client(ledger *l, int64_t id, int charge, client *c, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (l->bulk && lg_bulk_client(l, id, c) == CART_OK)
		goto got;
	if (!(s = lg_get(l, client_posting_sql, e)))
		return e->code;
	lg_bind_int(s, 1, id);
	if ((rc = lg_row(l, s, posting_client_read, c, _("reading a client"), e)) == CART_NOTFOUND)
		return cart_fail(e, CART_NOTFOUND, _("there is no client number %lld"),
		                 (long long)id);
	if (rc != CART_OK)
		return rc;
	if (l->bulk)
		lg_bulk_client_keep(l, c);
got:
	if (charge && !c->active)
		return cart_fail(e, CART_REFUSED, _("client %lld, %s, is inactive: activate it before"
		                 " invoicing"), (long long)c->id, c->name);
	return CART_OK;
}

/* Shared prologue: today's company, a valid currency, a valid date. */
const company *lg_posting_setup(ledger *l, const char *date, const char *what,
                                const char *cur_in, char cur[4], cart_err *e)
{
	const company *co = lg_company(l, e);

	if (!co)
		return NULL;
	if (lg_date(date, what, e) != CART_OK)
		return NULL;
	if (lg_currency(l, cur_in, cur, e) != CART_OK)
		return NULL;
	return co;
}

int lg_finish(ledger *l, int rc, const char *action, const posted *out, int64_t client_id,
                  const char *detail, cart_err *e)
{
	if (rc == CART_OK)
		rc = lg_audit(l, action, out->doc_id, client_id, detail, e);
	if (rc == CART_OK)
		rc = lg_commit(l, e);
	else
		lg_rollback(l);
	return rc;
}

/* ---- invoices ---- */

static int invoice_post(ledger *l, const invoice_in *in, const doc_line *lines,
                        const doc_totals *t, posted *out, cart_err *e);

int ledger_invoice_post(ledger *l, const invoice_in *in, posted *out, cart_err *e)
{
	invoice_in x;
	doc_line *lines = NULL;
	doc_totals t;
	char a[32], b[32];
	int rc;

	memset(out, 0, sizeof *out);
	if (in->n_lines == 0 && !in->lines)
		return invoice_post(l, in, NULL, NULL, out, e);
	/* With lines the total and the expenses are what the lines add up to (doclines.h). */
	if (!lg_company(l, e))
		return e->code;
	if ((rc = lg_lines_prepare(l, in->lines, in->n_lines, &lines, &t, e)) != CART_OK)
		return rc;
	if ((in->total && in->total != t.total) || (in->expenses && in->expenses != t.expenses)) {
		money_format(t.total, &l->co.fmt, a, sizeof a);
		money_format(in->total, &l->co.fmt, b, sizeof b);
		free(lines);
		return cart_fail(e, CART_INVALID, _("the lines add up to %s, not the total %s given"), a,
		                 b);
	}
	x = *in;
	x.total = t.total;
	x.expenses = t.expenses;
	rc = invoice_post(l, &x, lines, &t, out, e);
	free(lines);
	return rc;
}

static int invoice_post(ledger *l, const invoice_in *in, const doc_line *lines,
                        const doc_totals *t, posted *out, cart_err *e)
{
	const company *co;
	client c;
	char cur[4], due[DATE_LEN], a[32], b[32];
	int64_t sum = 0, cf = 0;
	date_t d;
	int rc, post_cf, post_cgc;

	memset(out, 0, sizeof *out);
	if (!(co = lg_posting_setup(l, in->date, _("the invoice date"), in->currency, cur, e)))
		return e->code;
	if (lg_check_amount(in->total, _("the invoice total"), in->expenses > 0, e) ||
	    lg_check_amount(in->expenses, _("the reimbursable expenses"), 1, e))
		return e->code;
	if (in->n_inst < 0 || in->n_inst > 360 || (in->n_inst > 0 && !in->inst))
		return cart_fail(e, CART_INVALID, _("an invoice has from 2 to 360 instalments"));
	for (int i = 0; i < in->n_inst; i++) {
		if (lg_date(in->inst[i].due_date, _("an instalment's due date"), e) != CART_OK)
			return e->code;
		if (strcmp(in->inst[i].due_date, in->date) < 0)
			return cart_fail(e, CART_INVALID, _("instalment %d is due %s, before the invoice"
			                 " date %s"), i + 1, in->inst[i].due_date, in->date);
		if (lg_check_amount(in->inst[i].amount, _("each instalment"), 0, e) != CART_OK)
			return e->code;
		sum += in->inst[i].amount;
	}
	if (in->n_inst > 0 && sum != in->total) {
		money_format(sum, &co->fmt, a, sizeof a);
		money_format(in->total, &co->fmt, b, sizeof b);
		return cart_fail(e, CART_INVALID, _("the instalments add up to %s, not the invoice"
		                 " total %s"), a, b);
	}
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	/* a retry with the same --key posts nothing: the document posted then */
	if ((rc = lg_key_replay(l, DOC_INVOICE, out, e)) != CART_OK || out->replayed) {
		lg_rollback(l);
		return rc;
	}
	if ((rc = lg_posting_client(l, in->client_id, 1, &c, e)) != CART_OK)
		goto done;
	if (in->due_date[0]) {
		if ((rc = lg_date(in->due_date, _("the due date"), e)) != CART_OK)
			goto done;
		snprintf(due, sizeof due, "%s", in->due_date);
	} else {
		date_parse(in->date, &d, CART_IGNORED);
		date_format(date_add_days(d, c.terms_days), due);
	}
	for (int i = 0; i < in->n_inst; i++)
		if (strcmp(in->inst[i].due_date, due) > 0)
			snprintf(due, sizeof due, "%s", in->inst[i].due_date);
	if (strcmp(due, in->date) < 0) {
		rc = cart_fail(e, CART_INVALID, _("the due date %s is before the invoice date %s"), due,
		               in->date);
		goto done;
	}
	if (c.opening_date[0] && strcmp(in->date, c.opening_date) < 0) {
		rc = cart_fail(e, CART_REFUSED, _("an invoice for %s cannot be dated %s, before the"
		               " client's opening balance of %s"), c.name, in->date, c.opening_date);
		goto done;
	}
	/* What posts depends on the client's charge mode when there are expenses (seed 003). */
	post_cf = in->expenses == 0 || c.charge_mode == CHARGE_INVOICE || c.charge_mode == CHARGE_BOTH;
	post_cgc = in->expenses > 0 && (c.charge_mode == CHARGE_EXPENSES || c.charge_mode == CHARGE_BOTH);
	if (in->n_inst > 0 && !post_cf) {
		rc = cart_fail(e, CART_INVALID, _("instalments split the invoice charge, which %s's"
		               " charge mode does not post"), c.name);
		goto done;
	}
	rc = lg_insert_doc(l, &(doc_row){ .type = DOC_INVOICE, .client_id = c.id, .date = in->date,
	                              .due_date = due, .currency = cur,
	                              .total = in->total + in->expenses,
	                              .reference = in->reference, .memo = in->memo }, out, e);
	if (rc == CART_OK && post_cf && in->total > 0) {
		rc = lg_insert_entry(l, out->doc_id, c.id, CODE_CF, 'D', in->date, due, cur, in->total,
		                  in->n_inst, 0, &cf, e);
		out->entry_id = cf;
		for (int i = 0; rc == CART_OK && i < in->n_inst; i++) {
			sqlite3_stmt *s = lg_get(l, inst_insert_sql, e);

			if (!s) {
				rc = e->code;
				break;
			}
			lg_bind_int(s, 1, cf);
			lg_bind_int(s, 2, i + 1);
			lg_bind_int(s, 3, c.id);
			lg_bind_text(s, 4, cur);
			lg_bind_text(s, 5, in->inst[i].due_date);
			lg_bind_int(s, 6, in->inst[i].amount);
			lg_bind_text(s, 7, in->date);
			rc = sqlite3_step(s);
			lg_finalize(l, s);
			rc = rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("saving an instalment"), e);
			if (rc == CART_OK && l->bulk)
				rc = lg_bulk_instalment(l, sqlite3_last_insert_rowid(l->db), cf,
				                        in->inst[i].amount, e);
		}
	}
	if (rc == CART_OK && post_cgc) {
		int64_t cgc;

		rc = lg_insert_entry(l, out->doc_id, c.id, CODE_CGC, 'D', in->date, due, cur,
		                  in->expenses, 0, 0, &cgc, e);
		if (!out->entry_id)
			out->entry_id = cgc;
	}
	if (rc == CART_OK && lines)
		rc = lg_lines_save(l, out->doc_id, lines, in->n_lines, t, e);
	if (rc == CART_OK && in->override_reason[0]) {
		char detail[300];

		snprintf(detail, sizeof detail, "%s: %s", out->number, in->override_reason);
		rc = lg_audit(l, "credit override", out->doc_id, c.id, detail, e);
	}
done:
	return lg_finish(l, rc, "invoice", out, in->client_id, out->number, e);
}

/* ---- journal entries ---- */

int ledger_journal_post(ledger *l, const journal_in *in, posted *out, cart_err *e)
{
	client c;
	char cur[4];
	int64_t id;
	int rc;

	memset(out, 0, sizeof *out);
	if (!lg_posting_setup(l, in->date, _("the journal date"), in->currency, cur, e))
		return e->code;
	if (in->side != 'D' && in->side != 'C')
		return cart_fail(e, CART_INVALID, _("a journal entry is a charge (D) or a credit (C)"));
	if (lg_check_amount(in->amount, _("the journal amount"), 0, e) != CART_OK)
		return e->code;
	if (in->due_date[0] && lg_date(in->due_date, _("the due date"), e) != CART_OK)
		return e->code;
	if (in->due_date[0] && strcmp(in->due_date, in->date) < 0)
		return cart_fail(e, CART_INVALID, _("the due date %s is before the date %s"),
		                 in->due_date, in->date);
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	/* a retry with the same --key posts nothing: the document posted then */
	if ((rc = lg_key_replay(l, DOC_JOURNAL, out, e)) != CART_OK || out->replayed) {
		lg_rollback(l);
		return rc;
	}
	if ((rc = lg_posting_client(l, in->client_id, in->side == 'D', &c, e)) != CART_OK)
		goto done;
	rc = lg_insert_doc(l, &(doc_row){ .type = DOC_JOURNAL, .client_id = c.id, .date = in->date,
	                              .due_date = in->due_date, .currency = cur,
	                              .total = in->amount, .memo = in->memo }, out, e);
	if (rc == CART_OK)
		rc = lg_insert_entry(l, out->doc_id, c.id, in->side == 'D' ? CODE_CPD : CODE_APD,
		                  in->side, in->date, in->due_date, cur, in->amount, 0, 0, &id, e);
	if (rc == CART_OK)
		out->entry_id = id;
done:
	return lg_finish(l, rc, "journal", out, in->client_id, in->memo, e);
}

/* ---- opening balances (SPEC L3) ---- */

int ledger_opening_post(ledger *l, const opening_in *in, posted *out, cart_err *e)
{
	static const char before_sql[] =
		"SELECT d.number, d.date FROM entries e JOIN documents d ON d.id = e.document_id"
		" WHERE e.client_id = ?1 AND e.reverses_id IS NULL AND e.date < ?2"
		"   AND (e.code IN ('CF', 'CGC') OR (d.type = 'opening' AND d.method = 'item'))"
		"   AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = d.id) LIMIT 1";
	client c;
	char cur[4], due[DATE_LEN];
	int64_t id, amount = in->amount < 0 ? -in->amount : in->amount;
	date_t d;
	int rc;

	memset(out, 0, sizeof *out);
	if (!lg_posting_setup(l, in->date, _("the opening date"), in->currency, cur, e))
		return e->code;
	if (in->amount == 0)
		return cart_fail(e, CART_INVALID, _("an opening balance of zero posts nothing"));
	if (lg_check_amount(amount, _("the opening amount"), 0, e) != CART_OK)
		return e->code;
	if (in->item && in->amount < 0)
		return cart_fail(e, CART_INVALID, _("an opening item is a pending invoice: its amount"
		                 " must be positive (enter a credit as a balance)"));
	if (in->due_date[0] && lg_date(in->due_date, _("the due date"), e) != CART_OK)
		return e->code;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	/* a retry with the same --key posts nothing: the document posted then */
	if ((rc = lg_key_replay(l, DOC_OPENING, out, e)) != CART_OK || out->replayed) {
		lg_rollback(l);
		return rc;
	}
	if ((rc = lg_posting_client(l, in->client_id, 0, &c, e)) != CART_OK)
		goto done;
	if (in->due_date[0]) {
		snprintf(due, sizeof due, "%s", in->due_date);
	} else {
		date_parse(in->date, &d, CART_IGNORED);
		date_format(in->item ? date_add_days(d, c.terms_days) : d, due);
	}
	if (strcmp(due, in->date) < 0) {
		rc = cart_fail(e, CART_INVALID, _("the due date %s is before the date %s"), due, in->date);
		goto done;
	}
	if (in->item) {
		if (c.opening_date[0] && strcmp(in->date, c.opening_date) < 0) {
			rc = cart_fail(e, CART_REFUSED, _("an opening invoice for %s cannot be dated %s,"
			               " before the client's opening balance of %s"), c.name, in->date,
			               c.opening_date);
			goto done;
		}
	} else {
		sqlite3_stmt *s;

		if (c.opening_date[0]) {
			rc = cart_fail(e, CART_REFUSED, _("%s already has an opening balance at %s (void it"
			               " first to replace it)"), c.name, c.opening_date);
			goto done;
		}
		/* a bulk load checks this for every client at its end */
		if (l->bulk)
			goto post;
		rc = sqlite3_prepare_v2(l->db, before_sql, -1, &s, NULL);
		if (rc != SQLITE_OK) {
			rc = lg_dberr(l, rc, _("checking the client's invoices"), e);
			goto done;
		}
		lg_bind_int(s, 1, c.id);
		lg_bind_text(s, 2, in->date);
		if (sqlite3_step(s) == SQLITE_ROW)
			rc = cart_fail(e, CART_REFUSED, _("%s already has invoice %s dated %s, before an"
			               " opening balance at %s"), c.name, sqlite3_column_text(s, 0),
			               sqlite3_column_text(s, 1), in->date);
		else
			rc = CART_OK;
		sqlite3_finalize(s);
		if (rc != CART_OK)
			goto done;
	}
post:
	rc = lg_insert_doc(l, &(doc_row){ .type = DOC_OPENING, .client_id = c.id, .date = in->date,
	                              .due_date = due, .currency = cur, .total = amount,
	                              .reference = in->reference,
	                              .method = in->item ? "item" : "balance" }, out, e);
	if (rc == CART_OK)
		rc = lg_insert_entry(l, out->doc_id, c.id, in->amount > 0 ? CODE_CSI : CODE_ASI,
		                  in->amount > 0 ? 'D' : 'C', in->date, due, cur, amount, 0, 0, &id, e);
	if (rc == CART_OK) {
		out->entry_id = id;
		if (in->amount < 0)
			out->credit_left = amount;
	}
	if (rc == CART_OK && !in->item) {
		sqlite3_stmt *s = lg_get(l, lg_client_set_opening_sql, e);

		if (!s) {
			rc = e->code;
		} else {
			lg_bind_int(s, 1, c.id);
			lg_bind_text(s, 2, in->date);
			rc = sqlite3_step(s);
			lg_finalize(l, s);
			rc = rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("saving the opening date"), e);
			if (l->bulk)
				lg_bulk_client_forget(l, c.id);
		}
	}
done:
	return lg_finish(l, rc, in->item ? "opening item" : "opening balance", out, in->client_id,
	              in->reference, e);
}
