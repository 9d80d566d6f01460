/* Controllers of receipts, credit notes and credits in favour: the receipt form's view-model,
 * the room left for a credit note, refunds and write-offs. See include/cartera/ctl_docs.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ctl/ctl_int.h"
#include "model/ledger_safety.h"
#include "cartera/ctl_docs.h"
#include "cartera/ctl_safety.h"
#include "cartera/i18n.h"

static int need_company(const ctl *c, cart_err *e)
{
	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		                 " 'cartera init' first"), c->path);
	return CART_OK;
}

/* ---- the receipt form ---- */

typedef struct rows_ctx {
	ctl_receipt_form *f;
	int cap, ccap, failed;
} rows_ctx;

static int rows_cb(const open_item *it, void *ud)
{
	rows_ctx *x = ud;
	ctl_receipt_form *f = x->f;

	if (strcmp(it->currency, f->currency) || it->open <= 0)
		return 0;
	if (it->side == 'C') {
		if (f->n_credits == x->ccap) {
			int cap = x->ccap ? x->ccap * 2 : 8;
			open_item *c = realloc(f->credits, sizeof *c * (size_t)cap);

			if (!c) {
				x->failed = 1;
				return 1;
			}
			f->credits = c;
			x->ccap = cap;
		}
		f->credits[f->n_credits++] = *it;
		return 0;
	}
	if (f->n == x->cap) {
		int cap = x->cap ? x->cap * 2 : 16;
		ctl_receipt_row *r = realloc(f->rows, sizeof *r * (size_t)cap);

		if (!r) {
			x->failed = 1;
			return 1;
		}
		f->rows = r;
		x->cap = cap;
	}
	memset(&f->rows[f->n], 0, sizeof f->rows[0]);
	f->rows[f->n++].it = *it;
	return 0;
}

/* The form of client f->cl, its open charges and credits as of date in currency. */
static int rform_load(ctl *c, ctl_receipt_form *f, const char *date, const char *currency,
                      cart_err *e)
{
	rows_ctx x = { f, 0, 0, 0 };
	int rc;

	if ((rc = ctl_date(date, _("the receipt date"), f->date, e)))
		return rc;
	snprintf(f->currency, sizeof f->currency, "%s",
	         currency && *currency ? currency : c->co.currency);
	if (strcmp(f->currency, c->co.currency) && strcmp(f->currency, c->co.currency2))
		return cart_fail(e, CART_INVALID, _("currency \"%s\" is not one the company invoices"
		                 " in"), f->currency);
	rc = ledger_open_items(c->l, f->cl.id, f->date, rows_cb, &x, e);
	if (rc == CART_OK && x.failed)
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	if (rc != CART_OK)
		ctl_rform_free(f);
	return rc;
}

int ctl_rform_load(ctl *c, ctl_receipt_form *f, const char *client_ref, const char *date,
                   const char *currency, cart_err *e)
{
	int rc;

	memset(f, 0, sizeof *f);
	f->c = c;
	if ((rc = need_company(c, e)) || (rc = ctl_client_ref(c, client_ref, &f->cl, e)))
		return rc;
	return rform_load(c, f, date, currency, e);
}

void ctl_rform_free(ctl_receipt_form *f)
{
	free(f->rows);
	free(f->credits);
	f->rows = NULL;
	f->credits = NULL;
	f->n = f->n_credits = 0;
}

/* Marked rows that were not typed take what is left, oldest first. */
static void rform_fill(ctl_receipt_form *f)
{
	int64_t budget;

	f->received = 0;
	for (int i = 0; i < f->n_means; i++)
		f->received += f->means[i].amount;
	for (int i = 0; i < f->n_wh; i++)
		f->received += f->wh[i].amount;
	if (f->applying) {
		f->received = f->credits[f->credit].open;
		if (f->apply_cap > 0 && f->apply_cap < f->received)
			f->received = f->apply_cap;
	}
	budget = f->received;
	for (int i = 0; i < f->n; i++)
		if (f->rows[i].marked && f->rows[i].overridden)
			budget -= f->rows[i].amount;
	f->allocated = 0;
	for (int i = 0; i < f->n; i++) {
		ctl_receipt_row *r = &f->rows[i];

		if (!r->marked) {
			r->amount = 0;
			r->overridden = 0;
		} else if (!r->overridden) {
			r->amount = budget > 0 ? (r->it.open < budget ? r->it.open : budget) : 0;
			budget -= r->amount;
		}
		f->allocated += r->amount;
	}
	f->left = f->received - f->allocated;
}

int ctl_rform_add_means(ctl_receipt_form *f, const char *kind, const char *amount,
                        const char *bank, const char *number, const char *cash_date, cart_err *e)
{
	means_in m;
	char what[64];
	int k = means_kind_parse(kind ? kind : ""), rc;

	memset(&m, 0, sizeof m);
	if (k < 0)
		return cart_fail(e, CART_INVALID, _("\"%s\" is not a means of payment: cash, transfer,"
		                 " card, cheque or postdated"), kind ? kind : "");
	if (f->n_means == 16)
		return cart_fail(e, CART_INVALID, _("a receipt has at most 16 means of payment"));
	snprintf(what, sizeof what, _("the %s amount"), _(means_kind_name(k)));
	if ((rc = ctl_amount(f->c, amount, what, &m.amount, e)))
		return rc;
	if (m.amount <= 0)
		return cart_fail(e, CART_INVALID, _("%s \"%s\" must be more than zero"), what, amount);
	m.kind = k;
	snprintf(m.bank, sizeof m.bank, "%s", bank ? bank : "");
	snprintf(m.number, sizeof m.number, "%s", number ? number : "");
	if ((k == MEANS_CHEQUE || k == MEANS_POSTDATED) && (!m.bank[0] || !m.number[0]))
		return cart_fail(e, CART_INVALID, _("a cheque needs its bank and number"));
	if (k == MEANS_POSTDATED) {
		if ((rc = ctl_date(cash_date && *cash_date ? cash_date : "",
		                   _("the post-dated cheque's date"), m.cash_date, e)))
			return rc;
		if (strcmp(m.cash_date, f->date) < 0)
			return cart_fail(e, CART_INVALID, _("the post-dated cheque's date %s is before the"
			                 " receipt date %s"), m.cash_date, f->date);
	}
	f->means[f->n_means++] = m;
	rform_fill(f);
	return CART_OK;
}

int ctl_rform_add_withholding(ctl_receipt_form *f, const char *kind, const char *certificate,
                              const char *amount, cart_err *e)
{
	withholding_in w;
	int rc;

	memset(&w, 0, sizeof w);
	if (!kind || !*kind)
		return cart_fail(e, CART_INVALID, _("a withholding needs its kind (e.g. retefuente)"));
	if (f->n_wh == 16)
		return cart_fail(e, CART_INVALID, _("a receipt has at most 16 withholdings"));
	if ((rc = ctl_amount(f->c, amount, _("the withholding's amount"), &w.amount, e)))
		return rc;
	if (w.amount <= 0)
		return cart_fail(e, CART_INVALID, _("the withholding's amount \"%s\" must be more than"
		                 " zero"), amount);
	snprintf(w.kind, sizeof w.kind, "%s", kind);
	snprintf(w.certificate, sizeof w.certificate, "%s", certificate ? certificate : "");
	f->wh[f->n_wh++] = w;
	rform_fill(f);
	return CART_OK;
}

int ctl_rform_remove_means(ctl_receipt_form *f, int i)
{
	if (i < 0 || i >= f->n_means)
		return CART_INVALID;
	memmove(&f->means[i], &f->means[i + 1], sizeof f->means[0] * (size_t)(f->n_means - i - 1));
	f->n_means--;
	rform_fill(f);
	return CART_OK;
}

int ctl_rform_set_amount(ctl_receipt_form *f, const char *kind, const char *amount, cart_err *e)
{
	means_in saved[16];
	int n = f->n_means, rc;

	memcpy(saved, f->means, sizeof saved);
	f->n_means = 0;
	if (!amount || !*amount) {
		rform_fill(f);
		return CART_OK;
	}
	rc = ctl_rform_add_means(f, kind ? kind : "cash", amount, NULL, NULL, NULL, e);
	if (rc != CART_OK) {
		memcpy(f->means, saved, sizeof saved);
		f->n_means = n;
		rform_fill(f);
	}
	return rc;
}

int ctl_rform_mark(ctl_receipt_form *f, int i, int on, cart_err *e)
{
	if (i < 0 || i >= f->n)
		return cart_fail(e, CART_INVALID, _("there is no row %d"), i + 1);
	f->rows[i].marked = on ? 1 : 0;
	f->rows[i].overridden = 0;
	rform_fill(f);
	return CART_OK;
}

/* "FAC-000012" or "FAC-000012/2" (instalment 2) as the clerk reads it. */
static void row_name(const ctl_receipt_row *r, char *buf, size_t size)
{
	if (r->it.instalment_no)
		snprintf(buf, size, "%s/%d", r->it.number, r->it.instalment_no);
	else
		snprintf(buf, size, "%s", r->it.number);
}

int ctl_rform_set_row(ctl_receipt_form *f, int i, const char *amount, cart_err *e)
{
	ctl_receipt_row *r;
	char name[48], a[40], b[40];
	int64_t v, others = 0;
	int rc;

	if (i < 0 || i >= f->n)
		return cart_fail(e, CART_INVALID, _("there is no row %d"), i + 1);
	r = &f->rows[i];
	if (!amount || !*amount) {
		r->overridden = 0;
		rform_fill(f);
		return CART_OK;
	}
	row_name(r, name, sizeof name);
	if ((rc = ctl_amount(f->c, amount, name, &v, e)))
		return rc;
	if (v < 0)
		return cart_fail(e, CART_INVALID, _("%s: the amount cannot be negative"), name);
	if (v > r->it.open) {
		ctl_money(f->c, r->it.open, a, sizeof a);
		return cart_fail(e, CART_REFUSED, _("%s has only %s open"), name, a);
	}
	for (int j = 0; j < f->n; j++)
		if (j != i && f->rows[j].marked && f->rows[j].overridden)
			others += f->rows[j].amount;
	if (others + v > f->received) {
		ctl_money(f->c, others + v, a, sizeof a);
		ctl_money(f->c, f->received, b, sizeof b);
		return cart_fail(e, CART_REFUSED, _("that would pay %s, more than the %s received"), a,
		                 b);
	}
	r->marked = v > 0;
	r->overridden = v > 0;
	r->amount = v;
	rform_fill(f);
	return CART_OK;
}

/* Why number is not among the form's rows, in the words every posting uses. */
static int not_open(ctl_receipt_form *f, const char *number, cart_err *e)
{
	doc_info d;
	cart_err why;

	if (ctl_doc_ref(f->c, number, &d, &why) != CART_OK) {
		if (why.code == CART_NOTFOUND)
			return cart_fail(e, CART_REFUSED, _("\"%s\" is not among the open invoices of %s"),
			                 number, f->cl.name);
		return cart_fail(e, why.code, "%s", why.msg);
	}
	if (d.client_id != f->cl.id)
		return cart_fail(e, CART_REFUSED, _("%s belongs to another client"), d.number);
	if (d.voided_by[0])
		return cart_fail(e, CART_REFUSED, _("%s was voided by %s"), d.number, d.voided_by);
	if (strcmp(d.currency, f->currency))
		return cart_fail(e, CART_REFUSED, _("%s is in %s, not %s"), d.number, d.currency,
		                 f->currency);
	return cart_fail(e, CART_REFUSED, _("%s has nothing open to pay"), d.number);
}

int ctl_rform_row_is(const ctl_receipt_row *r, const char *ref)
{
	size_t n = strlen(r->it.number);
	char *end;
	long k;

	if (strncasecmp(r->it.number, ref, n))
		return 0;
	if (!ref[n])
		return 1;
	/* "FAC-000012/2": the second instalment of FAC-000012, as the dashboard names it */
	if (ref[n] != '/' || !r->it.instalment_no)
		return 0;
	k = strtol(ref + n + 1, &end, 10);
	return !*end && k == r->it.instalment_no;
}

int ctl_rform_mark_doc(ctl_receipt_form *f, const char *number, const char *amount, cart_err *e)
{
	int64_t want = -1, open = 0, others = 0;
	char a[40], b[40];
	int found = 0, rc;

	for (int i = 0; i < f->n; i++)
		if (ctl_rform_row_is(&f->rows[i], number)) {
			found++;
			open += f->rows[i].it.open;
		}
	if (!found)
		return not_open(f, number, e);
	if (amount) {
		char what[96];

		snprintf(what, sizeof what, _("the amount to allocate to %s"), number);
		if ((rc = ctl_amount_positive(f->c, amount, what, &want, e)))
			return rc;
		if (want > open) {
			ctl_money(f->c, want, a, sizeof a);
			ctl_money(f->c, open, b, sizeof b);
			return cart_fail(e, CART_REFUSED, _("%s cannot be allocated to %s: it has only %s"
			                 " open"), a, number, b);
		}
		for (int j = 0; j < f->n; j++)
			if (f->rows[j].marked && f->rows[j].overridden &&
			    !ctl_rform_row_is(&f->rows[j], number))
				others += f->rows[j].amount;
		if (others + want > f->received) {
			ctl_money(f->c, others + want, a, sizeof a);
			ctl_money(f->c, f->received, b, sizeof b);
			return cart_fail(e, CART_REFUSED, _("that would pay %s, more than the %s"
			                 " received"), a, b);
		}
	}
	for (int i = 0; i < f->n; i++) {
		ctl_receipt_row *r = &f->rows[i];

		if (!ctl_rform_row_is(r, number))
			continue;
		r->marked = 1;
		r->overridden = want >= 0;
		if (want >= 0) {
			r->amount = want < r->it.open ? want : r->it.open;
			want -= r->amount;
			r->marked = r->amount > 0;
			r->overridden = r->amount > 0;
		}
	}
	rform_fill(f);
	return CART_OK;
}

int ctl_rform_set_leftover(ctl_receipt_form *f, const char *choice, const char *reason,
                           cart_err *e)
{
	if (!choice || !*choice || !strcmp(choice, "credit")) {
		f->leftover = LEFTOVER_CREDIT;
	} else if (!strcmp(choice, "writeoff") || !strcmp(choice, "write-off")) {
		if (!reason || !*reason)
			return cart_fail(e, CART_INVALID, _("writing off the leftover needs a reason"));
		if (ctl_need_supervisor(f->c, _("write off a credit"), e))
			return e->code;
		f->leftover = LEFTOVER_WRITEOFF;
	} else if (!strcmp(choice, "refund")) {
		if (!f->c->co.allow_cash_refund)
			return cart_fail(e, CART_REFUSED, _("credits in favour are not refunded in cash in"
			                 " this company (the company setting does not allow it): keep the"
			                 " leftover as a credit"));
		if (ctl_need_supervisor(f->c, _("refund a credit in cash"), e))
			return e->code;
		f->leftover = LEFTOVER_REFUND;
	} else {
		return cart_fail(e, CART_INVALID, _("the leftover \"%s\": keep it as a credit, write"
		                 " it off or refund it (credit, writeoff, refund)"), choice);
	}
	snprintf(f->reason, sizeof f->reason, "%s", reason ? reason : "");
	return CART_OK;
}

int ctl_rform_use_credit(ctl_receipt_form *f, int i, cart_err *e)
{
	if (i < -1 || i >= f->n_credits)
		return cart_fail(e, CART_INVALID, _("there is no credit %d"), i + 1);
	f->applying = i >= 0;
	f->credit = i >= 0 ? i : 0;
	rform_fill(f);
	return CART_OK;
}

static int rform_apply(ctl_receipt_form *f, const alloc_in *al, int nal, posted *out,
                       cart_err *e)
{
	apply_in in;

	if (nal == 0)
		return cart_fail(e, CART_INVALID, _("mark the invoices to apply %s to"),
		                 f->credits[f->credit].number);
	memset(&in, 0, sizeof in);
	in.credit_entry_id = f->credits[f->credit].entry_id;
	memcpy(in.date, f->date, sizeof in.date);
	in.amount = f->allocated;
	in.allocs = al;
	in.n_allocs = nal;
	return ledger_credit_apply(f->c->l, &in, out, e);
}

int ctl_rform_post(ctl_receipt_form *f, posted *out, cart_err *e)
{
	receipt_in in;
	alloc_in *al = NULL;
	char a[40], b[40];
	int nal = 0, rc;

	/* a retry with the same --key: the document posted then, before today's checks */
	if (ctl_key_replay(f->c, DOC_RECEIPT, out) || ctl_key_replay(f->c, DOC_ADVANCE, out))
		return CART_OK;
	memset(out, 0, sizeof *out);
	rform_fill(f);
	if (f->received <= 0 && !f->applying)
		return cart_fail(e, CART_INVALID, _("the receipt has no amount: add a means of payment"));
	if (f->left < 0) {
		ctl_money(f->c, f->allocated, a, sizeof a);
		ctl_money(f->c, f->received, b, sizeof b);
		return cart_fail(e, CART_REFUSED, _("the marked rows take %s, more than the %s"
		                 " received"), a, b);
	}
	if (f->n && !(al = calloc((size_t)f->n, sizeof *al)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	for (int i = 0; i < f->n; i++) {
		const ctl_receipt_row *r = &f->rows[i];

		if (r->amount <= 0)
			continue;
		/* a whole charge marked (not an amount typed, not one instalment) is "all it has
		 * open", worked out inside the write transaction: a clerk who paid part of it since
		 * this form was read leaves the difference a credit in favour instead of refusing
		 * the receipt. Only when the leftover stays a credit: never a larger refund. */
		if (!f->applying && f->leftover == LEFTOVER_CREDIT && !r->overridden &&
		    !r->it.instalment_id && r->amount == r->it.open)
			al[nal++] = (alloc_in){ r->it.entry_id, 0, LEDGER_ALLOC_OPEN };
		else
			al[nal++] = (alloc_in){ r->it.entry_id, r->it.instalment_id, r->amount };
	}
	if (f->applying) {
		rc = rform_apply(f, al, nal, out, e);
		free(al);
		return ctl_posted(f->c, rc, out);
	}
	memset(&in, 0, sizeof in);
	in.client_id = f->cl.id;
	memcpy(in.date, f->date, sizeof in.date);
	snprintf(in.currency, sizeof in.currency, "%s", f->currency);
	snprintf(in.reference, sizeof in.reference, "%s", f->reference);
	in.allocs = nal ? al : NULL;
	in.n_allocs = nal;
	in.no_auto = nal == 0; /* nothing marked: an advance, all a credit in favour */
	in.means = f->means;
	in.n_means = f->n_means;
	in.wh = f->wh;
	in.n_wh = f->n_wh;
	in.leftover = f->leftover;
	snprintf(in.leftover_reason, sizeof in.leftover_reason, "%s", f->reason);
	rc = ledger_receipt_post(f->c->l, &in, out, e);
	free(al);
	return ctl_posted(f->c, rc, out);
}

/* ---- credit notes and credits in favour ---- */

int ctl_credit_note_room(ctl *c, const char *invoice, int64_t *open, cart_err *e)
{
	doc_info d;
	doc_entry ent[8];
	int n, rc;

	*open = 0;
	if ((rc = ctl_doc_ref(c, invoice, &d, e)) ||
	    (rc = ledger_document_entries(c->l, d.id, ent, 8, &n, e)))
		return rc;
	if (d.type != DOC_INVOICE && d.type != DOC_OPENING && d.type != DOC_JOURNAL)
		return cart_fail(e, CART_REFUSED, _("%s is not an invoice"), d.number);
	if (d.voided_by[0])
		return cart_fail(e, CART_REFUSED, _("%s was voided by %s"), d.number, d.voided_by);
	/* a credit note credits the invoice's first charge (ctl_credit_note_post) */
	for (int j = 0; j < n; j++)
		if (ent[j].side == 'D') {
			*open = ent[j].open;
			break;
		}
	return CART_OK;
}

int ctl_settle(ctl *c, const char *doc, const char *amount, const char *date, int writeoff,
               const char *reason, posted *out, cart_err *e)
{
	settle_in in;
	doc_info d;
	doc_entry ent[8];
	int n, rc;

	/* a retry with the same --key: the document posted then, before today's checks */
	if (ctl_key_replay(c, DOC_JOURNAL, out))
		return CART_OK;
	memset(&in, 0, sizeof in);
	if ((rc = ctl_need_supervisor(c, writeoff ? _("write off a credit")
	                                          : _("refund a credit in cash"), e)))
		return rc;
	if ((rc = need_company(c, e)) || (rc = ctl_doc_ref(c, doc, &d, e)) ||
	    (rc = ctl_date(date, writeoff ? _("the write-off date")
	                                                         : _("the refund date"), in.date, e)))
		return rc;
	if (amount && *amount) {
		if ((rc = ctl_amount(c, amount, _("the amount"), &in.amount, e)))
			return rc;
		if (in.amount <= 0)
			return cart_fail(e, CART_INVALID, _("the amount \"%s\" must be more than zero"),
			                 amount);
	}
	if (d.voided_by[0])
		return cart_fail(e, CART_REFUSED, _("%s was voided by %s"), d.number, d.voided_by);
	if ((rc = ledger_document_entries(c->l, d.id, ent, 8, &n, e)))
		return rc;
	for (int j = 0; j < n && !in.credit_entry_id; j++)
		if (ent[j].side == 'C' && ent[j].open > 0)
			in.credit_entry_id = ent[j].entry_id;
	if (!in.credit_entry_id)
		return cart_fail(e, CART_REFUSED, _("%s holds no credit in favour"), d.number);
	in.writeoff = writeoff;
	snprintf(in.reason, sizeof in.reason, "%s", reason ? reason : "");
	return ctl_posted(c, ledger_credit_settle(c->l, &in, out, e), out);
}

/* Applying a credit in favour (D5) from the command line is the receipt form's "use a credit":
 * the same rows, marks and checks as the screen. Without targets the credit goes to the oldest
 * open charges first. */
int ctl_credit_apply(ctl *c, const ctl_apply *a, posted *out, cart_err *e)
{
	ctl_receipt_form f;
	doc_info d;
	char date[DATE_LEN];
	int64_t cap = 0;
	int rc, k = -1;

	/* a retry with the same --key: the document posted then, before today's checks */
	if (ctl_key_replay(c, DOC_APPLY, out))
		return CART_OK;
	memset(out, 0, sizeof *out);
	memset(&f, 0, sizeof f);
	f.c = c;
	if ((rc = need_company(c, e)) || (rc = ctl_doc_ref(c, a->credit, &d, e)) ||
	    (rc = ctl_date(a->date, _("the application date"), date, e)))
		return rc;
	if (a->amount && *a->amount &&
	    (rc = ctl_amount_positive(c, a->amount, _("the amount to apply"), &cap, e)))
		return rc;
	if ((rc = ledger_client_get(c->l, d.client_id, &f.cl, e)) ||
	    (rc = rform_load(c, &f, date, d.currency, e)))
		return rc;
	for (int i = 0; i < f.n_credits && k < 0; i++)
		if (f.credits[i].doc_id == d.id)
			k = i;
	if (k < 0) {
		ctl_rform_free(&f);
		return cart_fail(e, CART_REFUSED, _("%s holds no credit in favour to apply"), d.number);
	}
	f.apply_cap = cap;
	rc = ctl_rform_use_credit(&f, k, e);
	for (int i = 0; rc == CART_OK && a->n_to == 0 && i < f.n; i++)
		rc = ctl_rform_mark(&f, i, 1, e);
	for (int i = 0; rc == CART_OK && i < a->n_to; i++) {
		char ref[128];
		const char *eq = strchr(a->to[i], '=');

		snprintf(ref, sizeof ref, "%.*s", eq ? (int)(eq - a->to[i]) : (int)strlen(a->to[i]),
		         a->to[i]);
		rc = ctl_rform_mark_doc(&f, ref, eq ? eq + 1 : NULL, e);
	}
	if (rc == CART_OK && f.n == 0)
		rc = cart_fail(e, CART_REFUSED, _("%s has no open invoices to apply %s to"), f.cl.name,
		               d.number);
	if (rc == CART_OK)
		rc = ctl_rform_post(&f, out, e);
	ctl_rform_free(&f);
	return rc;
}

