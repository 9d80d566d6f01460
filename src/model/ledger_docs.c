/* Documents keyed at the terminal (schema 004): tax rates, the lines and tax kept with invoices
 * and quotes, quotes and their state, receipts' means of payment and withholdings, and the refund
 * or write-off of a credit in favour. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/i18n.h"
#include "ledger_int.h"
#include "cartera/text.h"

/* ---- tax rates ---- */

static const char tax_cols[] = "id, name, rate, exempt, active";

static void tax_row(sqlite3_stmt *s, tax_rate *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	lg_copy(r->name, sizeof r->name, sqlite3_column_text(s, 1));
	r->rate = sqlite3_column_int(s, 2);
	r->exempt = sqlite3_column_int(s, 3);
	r->active = sqlite3_column_int(s, 4);
}

static void tax_read(sqlite3_stmt *s, void *r)
{
	tax_row(s, r);
}

int ledger_tax_list(ledger *l, tax_rate_cb cb, void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT id, name, rate, exempt, active FROM tax_rates ORDER BY id";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	(void)tax_cols;
	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		tax_rate r;

		tax_row(s, &r);
		if (cb(&r, ud))
			break;
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	                                             : lg_dberr(l, rc, _("reading the tax rates"), e);
}

int ledger_tax_get(ledger *l, int64_t id, tax_rate *r, cart_err *e)
{
	static const char sql[] =
		"SELECT id, name, rate, exempt, active FROM tax_rates WHERE id = ?1";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, id);
	if ((rc = lg_row(l, s, tax_read, r, _("reading a tax rate"), e)) == CART_NOTFOUND)
		return cart_fail(e, CART_NOTFOUND, _("there is no tax rate %lld"), (long long)id);
	return rc;
}

int ledger_tax_add(ledger *l, tax_rate *r, cart_err *e)
{
	static const char dup_sql[] = "SELECT count(*) FROM tax_rates WHERE name = ?1";
	static const char sql[] =
		"INSERT INTO tax_rates (name, rate, exempt, active) VALUES (?1, ?2, ?3, 1)";
	sqlite3_stmt *s;
	int rc;

	if (!r->name[0] || strspn(r->name, " ") == strlen(r->name))
		return cart_fail(e, CART_INVALID, _("a tax rate needs a name"));
	if (r->rate < 0 || r->rate > 10000)
		return cart_fail(e, CART_INVALID, _("tax rate \"%s\": the rate must be from 0%% to"
		                 " 100%%"), r->name);
	if (r->exempt && r->rate)
		return cart_fail(e, CART_INVALID, _("tax rate \"%s\": an exempt rate is 0%%"), r->name);
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, dup_sql, e)))
		goto fail;
	lg_bind_text(s, 1, r->name);
	rc = sqlite3_step(s);
	rc = rc == SQLITE_ROW && sqlite3_column_int(s, 0) > 0;
	lg_finalize(l, s);
	if (rc) {
		cart_fail(e, CART_CONFLICT, _("there is already a tax rate named \"%s\""), r->name);
		goto fail;
	}
	if (!(s = lg_get(l, sql, e)))
		goto fail;
	lg_bind_text(s, 1, r->name);
	lg_bind_int(s, 2, r->rate);
	lg_bind_int(s, 3, r->exempt ? 1 : 0);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		lg_dberr(l, rc, _("saving a tax rate"), e);
		goto fail;
	}
	r->id = sqlite3_last_insert_rowid(l->db);
	r->active = 1;
	if ((rc = lg_audit(l, "tax rate", 0, 0, r->name, e)) != CART_OK)
		goto fail;
	return lg_commit(l, e);
fail:
	lg_rollback(l);
	return e->code;
}

int lg_tax_seed(ledger *l, const char *country, cart_err *e)
{
	static const char sql[] =
		"INSERT INTO tax_rates (name, rate, exempt)"
		" SELECT name, rate, exempt FROM tax_defaults"
		"  WHERE country = (CASE WHEN EXISTS (SELECT 1 FROM tax_defaults WHERE country = ?1)"
		"                        THEN ?1 ELSE '' END)"
		"    AND NOT EXISTS (SELECT 1 FROM tax_rates) ORDER BY seq";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_text(s, 1, country);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("saving the default tax rates"), e);
}

/* ---- lines ---- */

int lg_lines_prepare(ledger *l, const doc_line *in, int n, doc_line **out, doc_totals *t,
                     cart_err *e)
{
	doc_line *v;

	*out = NULL;
	if (n < 1 || n > DOC_MAX_LINES || !in)
		return cart_fail(e, CART_INVALID, _("a document has from 1 to %d lines"),
		                 DOC_MAX_LINES);
	if (!(v = malloc(sizeof *v * (size_t)n)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	memcpy(v, in, sizeof *v * (size_t)n);
	for (int i = 0; i < n; i++) {
		tax_rate r;

		v[i].tax_rate = 0;
		if (!v[i].tax_rate_id)
			continue;
		if (v[i].expense) {
			free(v);
			return cart_fail(e, CART_INVALID, _("line %d: a reimbursable expense carries no"
			                 " tax"), i + 1);
		}
		if (ledger_tax_get(l, v[i].tax_rate_id, &r, e) != CART_OK || !r.active) {
			long long id = (long long)v[i].tax_rate_id;

			free(v);
			return cart_fail(e, CART_INVALID, _("line %d: tax rate %lld is not one of the"
			                 " company's"), i + 1, id);
		}
		v[i].tax_rate = r.rate;
	}
	if (doc_totals_compute(v, n, t, e) != CART_OK) {
		free(v);
		return e->code;
	}
	*out = v;
	return CART_OK;
}

int lg_lines_save(ledger *l, int64_t doc_id, const doc_line *v, int n, const doc_totals *t,
                  cart_err *e)
{
	static const char line_sql[] =
		"INSERT INTO doc_lines (document_id, seq, description, qty, price, tax_rate_id,"
		" tax_rate, expense, net) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	static const char tax_sql[] =
		"INSERT INTO doc_taxes (document_id, tax_rate_id, rate, base, tax)"
		" VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s;
	int rc;

	for (int i = 0; i < n; i++) {
		char what[64];

		snprintf(what, sizeof what, _("line %d's description"), i + 1);
		if (text_check(v[i].description, TEXT_LIMIT(v[i].description), what, e) != CART_OK)
			return e->code;
		if (!(s = lg_get(l, line_sql, e)))
			return e->code;
		lg_bind_int(s, 1, doc_id);
		lg_bind_int(s, 2, i + 1);
		lg_bind_text(s, 3, v[i].description);
		lg_bind_int(s, 4, v[i].qty);
		lg_bind_int(s, 5, v[i].price);
		if (v[i].tax_rate_id)
			lg_bind_int(s, 6, v[i].tax_rate_id);
		lg_bind_int(s, 7, v[i].tax_rate);
		lg_bind_int(s, 8, v[i].expense ? 1 : 0);
		lg_bind_int(s, 9, v[i].net);
		rc = sqlite3_step(s);
		lg_finalize(l, s);
		if (rc != SQLITE_DONE)
			return lg_dberr(l, rc, _("saving a document's lines"), e);
	}
	for (int k = 0; k < t->n_taxes; k++) {
		if (!(s = lg_get(l, tax_sql, e)))
			return e->code;
		lg_bind_int(s, 1, doc_id);
		if (t->taxes[k].tax_rate_id)
			lg_bind_int(s, 2, t->taxes[k].tax_rate_id);
		lg_bind_int(s, 3, t->taxes[k].rate);
		lg_bind_int(s, 4, t->taxes[k].base);
		lg_bind_int(s, 5, t->taxes[k].tax);
		rc = sqlite3_step(s);
		lg_finalize(l, s);
		if (rc != SQLITE_DONE)
			return lg_dberr(l, rc, _("saving a document's tax"), e);
	}
	return CART_OK;
}

int ledger_doc_lines(ledger *l, int64_t doc_id, doc_line *rows, int max, int *n, cart_err *e)
{
	static const char sql[] =
		"SELECT description, qty, price, coalesce(tax_rate_id, 0), tax_rate, expense, net"
		" FROM doc_lines WHERE document_id = ?1 ORDER BY seq";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	lg_bind_int(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
		doc_line *r = &rows[(*n)++];

		memset(r, 0, sizeof *r);
		lg_copy(r->description, sizeof r->description, sqlite3_column_text(s, 0));
		r->qty = sqlite3_column_int64(s, 1);
		r->price = sqlite3_column_int64(s, 2);
		r->tax_rate_id = sqlite3_column_int64(s, 3);
		r->tax_rate = sqlite3_column_int(s, 4);
		r->expense = sqlite3_column_int(s, 5);
		r->net = sqlite3_column_int64(s, 6);
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	                                             : lg_dberr(l, rc, _("reading a document's lines"), e);
}

int ledger_doc_taxes(ledger *l, int64_t doc_id, doc_tax *rows, int max, int *n, cart_err *e)
{
	static const char sql[] =
		"SELECT coalesce(tax_rate_id, 0), rate, base, tax FROM doc_taxes WHERE document_id = ?1"
		" ORDER BY rowid";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	lg_bind_int(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
		doc_tax *r = &rows[(*n)++];

		r->tax_rate_id = sqlite3_column_int64(s, 0);
		r->rate = sqlite3_column_int(s, 1);
		r->base = sqlite3_column_int64(s, 2);
		r->tax = sqlite3_column_int64(s, 3);
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	                                             : lg_dberr(l, rc, _("reading a document's tax"), e);
}

/* ---- receipts: means of payment and withholdings ---- */

static const char *const means_names[] = {
#define X(id, name, bank) name,
	MEANS_KINDS(X)
#undef X
};
static const int means_bank[] = {
#define X(id, name, bank) bank,
	MEANS_KINDS(X)
#undef X
};

const char *means_kind_name(int kind)
{
	return kind >= 0 && kind < MEANS_N ? means_names[kind] : "?";
}

int means_kind_parse(const char *name)
{
	for (int i = 0; i < MEANS_N; i++)
		if (!strcmp(name, means_names[i]))
			return i;
	return -1;
}

int lg_receipt_check_detail(const receipt_in *in, const char *date, int64_t *sum, cart_err *e)
{
	*sum = 0;
	if (in->n_means < 0 || in->n_means > 16 || in->n_wh < 0 || in->n_wh > 16 ||
	    (in->n_means && !in->means) || (in->n_wh && !in->wh))
		return cart_fail(e, CART_INVALID, _("a receipt has at most 16 means of payment and 16"
		                 " withholdings"));
	for (int i = 0; i < in->n_means; i++) {
		const means_in *m = &in->means[i];

		if (m->kind < 0 || m->kind >= MEANS_N)
			return cart_fail(e, CART_INVALID, _("means of payment %d: unknown kind"), i + 1);
		if (m->amount <= 0 || m->amount > MONEY_MAX)
			return cart_fail(e, CART_INVALID, _("means of payment %d (%s): the amount must be"
			                 " more than zero"), i + 1, means_names[m->kind]);
		if (means_bank[m->kind] && (!m->bank[0] || !m->number[0]))
			return cart_fail(e, CART_INVALID, _("means of payment %d: a %s needs the bank and"
			                 " the cheque number"), i + 1, means_names[m->kind]);
		if (m->kind == MEANS_POSTDATED) {
			if (lg_date(m->cash_date, _("the post-dated cheque's date"), e) != CART_OK)
				return e->code;
			if (strcmp(m->cash_date, date) < 0)
				return cart_fail(e, CART_INVALID, _("means of payment %d: the post-dated"
				                 " cheque's date %s is before the receipt date %s"), i + 1,
				                 m->cash_date, date);
		} else if (m->cash_date[0]) {
			return cart_fail(e, CART_INVALID, _("means of payment %d: only a post-dated cheque"
			                 " has a date to cash it"), i + 1);
		}
		*sum += m->amount;
	}
	for (int i = 0; i < in->n_wh; i++) {
		const withholding_in *w = &in->wh[i];

		if (!w->kind[0])
			return cart_fail(e, CART_INVALID, _("withholding %d: its kind is missing"), i + 1);
		if (w->amount <= 0 || w->amount > MONEY_MAX)
			return cart_fail(e, CART_INVALID, _("withholding %d (%s): the amount must be more"
			                 " than zero"), i + 1, w->kind);
		*sum += w->amount;
	}
	if (*sum > MONEY_MAX)
		return cart_fail(e, CART_INVALID, _("the receipt's total is larger than cartera"
		                 " accepts"));
	return CART_OK;
}

int lg_receipt_save_detail(ledger *l, int64_t doc_id, const receipt_in *in, cart_err *e)
{
	static const char means_sql[] =
		"INSERT INTO receipt_means (document_id, seq, kind, amount, bank, number, cash_date)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	static const char wh_sql[] =
		"INSERT INTO receipt_withholdings (document_id, seq, kind, certificate, amount)"
		" VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s;
	int rc;

	for (int i = 0; i < in->n_means; i++) {
		const means_in *m = &in->means[i];

		if (!(s = lg_get(l, means_sql, e)))
			return e->code;
		lg_bind_int(s, 1, doc_id);
		lg_bind_int(s, 2, i + 1);
		lg_bind_text(s, 3, means_names[m->kind]);
		lg_bind_int(s, 4, m->amount);
		lg_bind_text(s, 5, m->bank);
		lg_bind_text(s, 6, m->number);
		lg_bind_text(s, 7, m->kind == MEANS_POSTDATED ? m->cash_date : NULL);
		rc = sqlite3_step(s);
		lg_finalize(l, s);
		if (rc != SQLITE_DONE)
			return lg_dberr(l, rc, _("saving a means of payment"), e);
	}
	for (int i = 0; i < in->n_wh; i++) {
		if (!(s = lg_get(l, wh_sql, e)))
			return e->code;
		lg_bind_int(s, 1, doc_id);
		lg_bind_int(s, 2, i + 1);
		lg_bind_text(s, 3, in->wh[i].kind);
		lg_bind_text(s, 4, in->wh[i].certificate);
		lg_bind_int(s, 5, in->wh[i].amount);
		rc = sqlite3_step(s);
		lg_finalize(l, s);
		if (rc != SQLITE_DONE)
			return lg_dberr(l, rc, _("saving a withholding"), e);
	}
	return CART_OK;
}

int ledger_receipt_detail(ledger *l, int64_t doc_id, receipt_detail *d, cart_err *e)
{
	static const char means_sql[] =
		"SELECT kind, amount, bank, number, coalesce(cash_date, '') FROM receipt_means"
		" WHERE document_id = ?1 ORDER BY seq";
	static const char wh_sql[] =
		"SELECT kind, certificate, amount FROM receipt_withholdings WHERE document_id = ?1"
		" ORDER BY seq";
	sqlite3_stmt *s;
	int rc;

	memset(d, 0, sizeof *d);
	if (!(s = lg_get(l, means_sql, e)))
		return e->code;
	lg_bind_int(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && d->n_means < 16) {
		means_in *m = &d->means[d->n_means++];

		m->kind = means_kind_parse((const char *)sqlite3_column_text(s, 0));
		m->amount = sqlite3_column_int64(s, 1);
		lg_copy(m->bank, sizeof m->bank, sqlite3_column_text(s, 2));
		lg_copy(m->number, sizeof m->number, sqlite3_column_text(s, 3));
		lg_copy(m->cash_date, sizeof m->cash_date, sqlite3_column_text(s, 4));
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading a receipt"), e);
	if (!(s = lg_get(l, wh_sql, e)))
		return e->code;
	lg_bind_int(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && d->n_wh < 16) {
		withholding_in *w = &d->wh[d->n_wh++];

		lg_copy(w->kind, sizeof w->kind, sqlite3_column_text(s, 0));
		lg_copy(w->certificate, sizeof w->certificate, sqlite3_column_text(s, 1));
		w->amount = sqlite3_column_int64(s, 2);
	}
	lg_finalize(l, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? CART_OK
	                                             : lg_dberr(l, rc, _("reading a receipt"), e);
}

/* ---- refund or write-off of a credit in favour ---- */

int ledger_credit_settle(ledger *l, const settle_in *in, posted *out, cart_err *e)
{
	const company *co;
	entry_info x;
	char a[32], b[32], memo[260] = "";
	int64_t amount, cpd = 0;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&x, 0, sizeof x);
	if (!(co = lg_company(l, e)))
		return e->code;
	if (lg_date(in->date, in->writeoff ? _("the write-off date") : _("the refund date"), e) != CART_OK)
		return e->code;
	if (in->amount < 0 || in->amount > MONEY_MAX)
		return cart_fail(e, CART_INVALID, _("the amount to settle must be more than zero"));
	if (in->writeoff && !in->reason[0])
		return cart_fail(e, CART_INVALID, _("a write-off needs a reason"));
	if (!in->writeoff && !co->allow_cash_refund)
		return cart_fail(e, CART_REFUSED, _("credits in favour are not refunded in cash in"
		                 " this company (the company setting does not allow it): apply the"
		                 " credit to an invoice instead"));
	if (l->bulk)
		return cart_fail(e, CART_INVALID, _("refunds are posted after a bulk load, not during"));
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	/* a retry with the same --key posts nothing: the document posted then */
	if ((rc = lg_key_replay(l, DOC_JOURNAL, out, e)) != CART_OK || out->replayed) {
		lg_rollback(l);
		return rc;
	}
	if ((rc = lg_entry_get(l, in->credit_entry_id, &x, e)) != CART_OK)
		goto done;
	if (x.side != 'C' || x.reversal) {
		rc = cart_fail(e, CART_REFUSED, _("%s is not a credit in favour"), x.number);
		goto done;
	}
	if (x.open == 0) {
		rc = cart_fail(e, CART_REFUSED, _("%s has no credit left"), x.number);
		goto done;
	}
	amount = in->amount ? in->amount : x.open;
	if (amount > x.open) {
		money_format(amount, &co->fmt, a, sizeof a);
		money_format(x.open, &co->fmt, b, sizeof b);
		rc = cart_fail(e, CART_REFUSED, _("%s cannot be %s from %s: it has only %s left"), a,
		               in->writeoff ? _("written off") : _("refunded"), x.number, b);
		goto done;
	}
	if (strcmp(in->date, x.date) < 0) {
		rc = cart_fail(e, CART_REFUSED, _("%s is dated %s, after the date %s"), x.number, x.date,
		               in->date);
		goto done;
	}
	snprintf(memo, sizeof memo, "%s %s%s%s", in->writeoff ? "write-off of" : "refund of",
	         x.number, in->reason[0] ? ": " : "", in->reason);
	rc = lg_insert_doc(l, &(doc_row){ .type = DOC_JOURNAL, .client_id = x.client_id,
	                              .date = in->date, .currency = x.currency, .total = amount,
	                              .reference = x.number, .memo = memo,
	                              .method = in->writeoff ? "writeoff" : "refund" }, out, e);
	if (rc == CART_OK)
		rc = lg_insert_entry(l, out->doc_id, x.client_id, CODE_CPD, 'D', in->date, NULL,
		                     x.currency, amount, 0, 0, &cpd, e);
	if (rc == CART_OK)
		rc = lg_insert_alloc(l, out->doc_id, x.id, cpd, 0, in->date, amount, 0, e);
	out->entry_id = cpd;
	out->credit_left = x.open - amount;
done:
	return lg_finish(l, rc, in->writeoff ? "write-off" : "refund", out, x.client_id, memo, e);
}

/* ---- quotes ---- */

static const char *const quote_names[] = { N_("open"), N_("accepted"), N_("rejected"),
                                           N_("expired") };

const char *quote_status_name(int status)
{
	return status >= 0 && status <= QUOTE_EXPIRED ? quote_names[status] : "?";
}

int ledger_quote_post(ledger *l, const quote_in *in, posted *out, cart_err *e)
{
	static const char sql[] = "INSERT INTO quotes (document_id) VALUES (?1)";
	doc_line *v = NULL;
	doc_totals t;
	client c;
	char cur[4], valid[DATE_LEN];
	sqlite3_stmt *s;
	date_t d;
	int rc;

	memset(out, 0, sizeof *out);
	if (!lg_company(l, e))
		return e->code;
	if (lg_date(in->date, _("the quote date"), e) != CART_OK ||
	    lg_currency(l, in->currency, cur, e) != CART_OK)
		return e->code;
	if (in->valid_until[0]) {
		if (lg_date(in->valid_until, _("the validity date"), e) != CART_OK)
			return e->code;
		if (strcmp(in->valid_until, in->date) < 0)
			return cart_fail(e, CART_INVALID, _("the quote is valid until %s, before its date"
			                 " %s"), in->valid_until, in->date);
		snprintf(valid, sizeof valid, "%s", in->valid_until);
	} else {
		date_parse(in->date, &d, CART_IGNORED);
		date_format(date_add_days(d, 30), valid);
	}
	if ((rc = ledger_client_get(l, in->client_id, &c, e)) != CART_OK)
		return rc;
	if (!c.active)
		return cart_fail(e, CART_REFUSED, _("client %lld, %s, is inactive"),
		                 (long long)c.id, c.name);
	if ((rc = lg_lines_prepare(l, in->lines, in->n_lines, &v, &t, e)) != CART_OK)
		return rc;
	if ((rc = lg_begin(l, e)) != CART_OK) {
		free(v);
		return rc;
	}
	/* a retry with the same --key posts nothing: the document posted then */
	if ((rc = lg_key_replay(l, DOC_QUOTE, out, e)) != CART_OK || out->replayed) {
		lg_rollback(l);
		free(v);
		return rc;
	}
	rc = lg_insert_doc(l, &(doc_row){ .type = DOC_QUOTE, .client_id = c.id, .date = in->date,
	                              .due_date = valid, .currency = cur,
	                              .total = t.total + t.expenses, .reference = in->reference,
	                              .memo = in->memo }, out, e);
	if (rc == CART_OK)
		rc = lg_lines_save(l, out->doc_id, v, in->n_lines, &t, e);
	if (rc == CART_OK) {
		if (!(s = lg_get(l, sql, e))) {
			rc = e->code;
		} else {
			lg_bind_int(s, 1, out->doc_id);
			rc = sqlite3_step(s);
			lg_finalize(l, s);
			rc = rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("saving the quote"), e);
		}
	}
	free(v);
	return lg_finish(l, rc, "quote", out, c.id, out->number, e);
}

static const char quote_sql[] =
	"SELECT d.id, d.number, d.client_id, c.name, d.date, d.due_date, d.currency, d.total,"
	" CASE WHEN q.status = 'open' AND d.due_date < ?1 THEN 3"
	"      WHEN q.status = 'accepted' THEN 1 WHEN q.status = 'rejected' THEN 2 ELSE 0 END,"
	" coalesce(i.number, '')"
	" FROM quotes q JOIN documents d ON d.id = q.document_id JOIN clients c ON c.id = d.client_id"
	" LEFT JOIN documents i ON i.id = q.invoice_id";

static void quote_fill(sqlite3_stmt *s, quote_row *q)
{
	memset(q, 0, sizeof *q);
	q->doc_id = sqlite3_column_int64(s, 0);
	lg_copy(q->number, sizeof q->number, sqlite3_column_text(s, 1));
	q->client_id = sqlite3_column_int64(s, 2);
	lg_copy(q->client_name, sizeof q->client_name, sqlite3_column_text(s, 3));
	lg_copy(q->date, sizeof q->date, sqlite3_column_text(s, 4));
	lg_copy(q->valid_until, sizeof q->valid_until, sqlite3_column_text(s, 5));
	lg_copy(q->currency, sizeof q->currency, sqlite3_column_text(s, 6));
	q->total = sqlite3_column_int64(s, 7);
	q->status = sqlite3_column_int(s, 8);
	lg_copy(q->invoice, sizeof q->invoice, sqlite3_column_text(s, 9));
}

static void quote_read(sqlite3_stmt *s, void *q)
{
	quote_fill(s, q);
}

int ledger_quote_list(ledger *l, int64_t client_id, const char *asof, quote_cb cb, void *ud,
                      cart_err *e)
{
	static char sql[sizeof quote_sql + 128];
	sqlite3_stmt *s;
	int rc;

	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	if (!sql[0])
		snprintf(sql, sizeof sql, "%s WHERE ?2 = 0 OR d.client_id = ?2 ORDER BY d.date DESC,"
		         " d.id DESC", quote_sql);
	if (!(s = lg_get(l, sql, e)))
		return e->code;
	lg_bind_text(s, 1, asof);
	lg_bind_int(s, 2, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		quote_row q;

		quote_fill(s, &q);
		if (cb(&q, ud))
			break;
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	                                             : lg_dberr(l, rc, _("reading the quotes"), e);
}

int ledger_quote_get(ledger *l, int64_t doc_id, const char *asof, quote_row *q, cart_err *e)
{
	static char sql[sizeof quote_sql + 64];
	sqlite3_stmt *s;
	int rc;

	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	if (!sql[0])
		snprintf(sql, sizeof sql, "%s WHERE d.id = ?2", quote_sql);
	if (!(s = lg_get(l, sql, e)))
		return e->code;
	lg_bind_text(s, 1, asof);
	lg_bind_int(s, 2, doc_id);
	if ((rc = lg_row(l, s, quote_read, q, _("reading a quote"), e)) == CART_NOTFOUND)
		return cart_fail(e, CART_NOTFOUND, _("document %lld is not a quote"), (long long)doc_id);
	return rc;
}

/* Why a quote cannot change any more, or CART_OK. */
static int quote_still_open(const quote_row *q, const char *date, cart_err *e)
{
	if (q->invoice[0])
		return cart_fail(e, CART_REFUSED, _("%s was already invoiced as %s"), q->number,
		                 q->invoice);
	if (q->status == QUOTE_REJECTED)
		return cart_fail(e, CART_REFUSED, _("%s was rejected"), q->number);
	if (strcmp(q->valid_until, date) < 0)
		return cart_fail(e, CART_REFUSED, _("%s expired on %s (valid until then): make a new"
		                 " quote"), q->number, q->valid_until);
	return CART_OK;
}

int ledger_quote_set_status(ledger *l, int64_t doc_id, int status, const char *date, cart_err *e)
{
	static const char sql[] = "UPDATE quotes SET status = ?2 WHERE document_id = ?1";
	quote_row q;
	sqlite3_stmt *s;
	int rc;

	if (status != QUOTE_ACCEPTED && status != QUOTE_REJECTED)
		return cart_fail(e, CART_INVALID, _("a quote is accepted or rejected"));
	if (lg_date(date, _("the date"), e) != CART_OK)
		return e->code;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if ((rc = ledger_quote_get(l, doc_id, date, &q, e)) != CART_OK)
		goto fail;
	if (strcmp(date, q.date) < 0) {
		rc = cart_fail(e, CART_REFUSED, _("%s is dated %s, after %s"), q.number, q.date, date);
		goto fail;
	}
	/* rejecting an expired quote is fine; accepting one is not */
	if (q.invoice[0] || q.status == QUOTE_REJECTED ||
	    (status == QUOTE_ACCEPTED && q.status == QUOTE_EXPIRED)) {
		rc = quote_still_open(&q, date, e);
		goto fail;
	}
	if (!(s = lg_get(l, sql, e))) {
		rc = e->code;
		goto fail;
	}
	lg_bind_int(s, 1, doc_id);
	lg_bind_text(s, 2, status == QUOTE_ACCEPTED ? "accepted" : "rejected");
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("changing a quote"), e);
		goto fail;
	}
	if ((rc = lg_audit(l, status == QUOTE_ACCEPTED ? "quote accepted" : "quote rejected",
	                   doc_id, q.client_id, q.number, e)) != CART_OK)
		goto fail;
	return lg_commit(l, e);
fail:
	lg_rollback(l);
	return rc;
}

int ledger_quote_invoice(ledger *l, int64_t quote_doc_id, const invoice_in *inv, posted *out,
                         cart_err *e)
{
	static const char sql[] =
		"UPDATE quotes SET status = 'accepted', invoice_id = ?2 WHERE document_id = ?1";
	invoice_in x = *inv;
	doc_line *lines = NULL;
	quote_row q;
	sqlite3_stmt *s;
	int rc, n = 0;

	memset(out, 0, sizeof *out);
	if (lg_date(inv->date, _("the invoice date"), e) != CART_OK)
		return e->code;
	if (!(lines = malloc(sizeof *lines * DOC_MAX_LINES)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if ((rc = lg_begin(l, e)) != CART_OK) {
		free(lines);
		return rc;
	}
	/* a retry with the same --key posts nothing: the document posted then */
	if ((rc = lg_key_replay(l, DOC_INVOICE, out, e)) != CART_OK || out->replayed) {
		lg_rollback(l);
		free(lines);
		return rc;
	}
	if ((rc = ledger_quote_get(l, quote_doc_id, inv->date, &q, e)) != CART_OK ||
	    (rc = quote_still_open(&q, inv->date, e)) != CART_OK)
		goto fail;
	if (strcmp(inv->date, q.date) < 0) {
		rc = cart_fail(e, CART_REFUSED, _("%s is dated %s: its invoice cannot be dated %s"),
		               q.number, q.date, inv->date);
		goto fail;
	}
	if ((rc = ledger_doc_lines(l, quote_doc_id, lines, DOC_MAX_LINES, &n, e)) != CART_OK)
		goto fail;
	x.client_id = q.client_id;
	snprintf(x.currency, sizeof x.currency, "%s", q.currency);
	x.lines = lines;
	x.n_lines = n;
	x.total = x.expenses = 0;
	if (!x.reference[0])
		snprintf(x.reference, sizeof x.reference, "%s", q.number);
	if ((rc = ledger_invoice_post(l, &x, out, e)) != CART_OK)
		goto fail;
	if (!(s = lg_get(l, sql, e))) {
		rc = e->code;
		goto fail;
	}
	lg_bind_int(s, 1, quote_doc_id);
	lg_bind_int(s, 2, out->doc_id);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("linking the quote to its invoice"), e);
		goto fail;
	}
	if ((rc = lg_audit(l, "quote invoiced", quote_doc_id, q.client_id, out->number, e)) != CART_OK)
		goto fail;
	free(lines);
	return lg_commit(l, e);
fail:
	free(lines);
	lg_rollback(l);
	memset(out, 0, sizeof *out);
	return rc;
}
