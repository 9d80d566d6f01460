/* Debit notes: a charge amending one invoice, in one transaction like every posting. The
 * schema (documents_debit_note trigger) checks the pairing again as a last line. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ledger_int.h"
#include "ledger_debit.h"
#include "cartera/i18n.h"

static const char invoice_sql[] =
	"SELECT d.type, d.number, d.client_id, d.date, d.currency, d.method,"
	" (SELECT number FROM documents v WHERE v.voids_id = d.id)"
	" FROM documents d WHERE d.id = ?1";
static const char live_sql[] =
	"SELECT n.number FROM documents n WHERE n.amends_id = ?1"
	" AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = n.id) ORDER BY n.id";

/* The note's base and tax at its rate, as an invoice's lines leave them (doc_taxes). */
static int tax_row(ledger *l, int64_t doc_id, const debit_note_in *in, cart_err *e)
{
	static const char sql[] =
		"INSERT INTO doc_taxes (document_id, tax_rate_id, rate, base, tax)"
		" VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, doc_id);
	lg_bind_int(s, 2, in->tax_rate_id);
	lg_bind_int(s, 3, in->rate);
	lg_bind_int(s, 4, in->amount - in->tax);
	lg_bind_int(s, 5, in->tax);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("saving the debit note's tax"), e);
}

int ledger_debit_note_post(ledger *l, const debit_note_in *in, posted *out, cart_err *e)
{
	sqlite3_stmt *s;
	client c;
	char type[16] = "", number[32] = "", idate[DATE_LEN] = "", cur[4] = "", method[16] = "";
	char voided[32] = "", due[DATE_LEN];
	int64_t client_id = 0, id;
	date_t d;
	int rc;

	memset(out, 0, sizeof *out);
	if (!lg_company(l, e))
		return e->code;
	if (lg_date(in->date, _("the debit note date"), e) != CART_OK)
		return e->code;
	if (lg_check_amount(in->amount, _("the debit note amount"), 0, e) != CART_OK)
		return e->code;
	if (in->tax < 0 || in->tax >= in->amount || (in->tax && !in->tax_rate_id))
		return cart_fail(e, CART_INVALID, _("the debit note's tax %lld does not fit its amount"
		                 " %lld"), (long long)in->tax, (long long)in->amount);
	if (in->due_date[0] && lg_date(in->due_date, _("the due date"), e) != CART_OK)
		return e->code;
	if (in->due_date[0] && strcmp(in->due_date, in->date) < 0)
		return cart_fail(e, CART_INVALID, _("the due date %s is before the debit note date %s"),
		                 in->due_date, in->date);
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	/* a retry with the same --key posts nothing: the document posted then */
	if ((rc = lg_key_replay(l, DOC_DEBIT_NOTE, out, e)) != CART_OK || out->replayed) {
		lg_rollback(l);
		return rc;
	}
	if (!(s = lg_get(l, invoice_sql, e))) {
		rc = e->code;
		goto done;
	}
	lg_bind_int(s, 1, in->invoice_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		lg_copy(type, sizeof type, sqlite3_column_text(s, 0));
		lg_copy(number, sizeof number, sqlite3_column_text(s, 1));
		client_id = sqlite3_column_int64(s, 2);
		lg_copy(idate, sizeof idate, sqlite3_column_text(s, 3));
		lg_copy(cur, sizeof cur, sqlite3_column_text(s, 4));
		lg_copy(method, sizeof method, sqlite3_column_text(s, 5));
		lg_copy(voided, sizeof voided, sqlite3_column_text(s, 6));
	}
	lg_finalize(l, s);
	if (rc == SQLITE_DONE) {
		rc = cart_fail(e, CART_NOTFOUND, _("there is no document %lld"), (long long)in->invoice_id);
		goto done;
	}
	if (rc != SQLITE_ROW) {
		rc = lg_dberr(l, rc, _("reading the invoice"), e);
		goto done;
	}
	if (strcmp(type, "invoice") && !(!strcmp(type, "opening") && !strcmp(method, "item"))) {
		rc = cart_fail(e, CART_REFUSED, _("%s is not an invoice: a debit note amends an"
		               " invoice"), number);
		goto done;
	}
	if (voided[0]) {
		rc = cart_fail(e, CART_REFUSED, _("%s was voided by %s"), number, voided);
		goto done;
	}
	if (strcmp(in->date, idate) < 0) {
		rc = cart_fail(e, CART_INVALID, _("a debit note on %s cannot be dated %s, before the"
		               " invoice's date %s"), number, in->date, idate);
		goto done;
	}
	if ((rc = lg_posting_client(l, client_id, 1, &c, e)) != CART_OK)
		goto done;
	if (in->due_date[0]) {
		snprintf(due, sizeof due, "%s", in->due_date);
	} else {
		date_parse(in->date, &d, CART_IGNORED);
		date_format(date_add_days(d, c.terms_days), due);
	}
	rc = lg_insert_doc(l, &(doc_row){ .type = DOC_DEBIT_NOTE, .client_id = c.id,
	                              .date = in->date, .due_date = due, .currency = cur,
	                              .total = in->amount, .reference = in->reference,
	                              .memo = in->reason, .amends_id = in->invoice_id }, out, e);
	if (rc == CART_OK)
		rc = lg_insert_entry(l, out->doc_id, c.id, CODE_ND, 'D', in->date, due, cur, in->amount,
		                     0, 0, &id, e);
	if (rc == CART_OK && in->tax_rate_id)
		rc = tax_row(l, out->doc_id, in, e);
	if (rc == CART_OK) {
		out->entry_id = id;
		snprintf(out->reference, sizeof out->reference, "%s", number);
	}
done:
	return lg_finish(l, rc, "debit note", out, client_id, number, e);
}

int ledger_debit_notes_of(ledger *l, int64_t doc_id, char (*numbers)[32], int max, int *n,
                          cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, live_sql, e);
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	lg_bind_int(s, 1, doc_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n < max)
			lg_copy(numbers[*n], 32, sqlite3_column_text(s, 0));
		(*n)++;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("reading the debit notes of an invoice"), e);
	if (*n > max)
		*n = max;
	return CART_OK;
}

int lg_debit_note_live(ledger *l, int64_t doc_id, const char *number, cart_err *e)
{
	char nd[1][32];
	int n = 0, rc = ledger_debit_notes_of(l, doc_id, nd, 1, &n, e);

	if (rc != CART_OK)
		return rc;
	if (n)
		return cart_fail(e, CART_REFUSED, _("%s is amended by debit note %s: void that first"),
		                 number, nd[0]);
	return CART_OK;
}
