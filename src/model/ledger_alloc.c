/* Posting what pays or credits a client's charges: receipts and advances, credit notes, and
 * applying a credit in favour to open invoices, with the allocation planning they share (explicit
 * allocations checked against what is open, or oldest first). Each posting is one transaction;
 * every amount is checked here so the clerk hears why in words, and checked again by the
 * schema's triggers as a last line. Part of the ledger model (ledger_post.c has the rest). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"
#include "ledger_safety.h"

/* ---- allocation planning ---- */

typedef struct plan_row {
	int64_t charge_id, inst_id, amount;
} plan_row;

typedef struct plan {
	plan_row *rows;
	int n, cap;
	int64_t total;
} plan;

static int plan_add(plan *p, int64_t charge, int64_t inst, int64_t amount, cart_err *e)
{
	/* merge with an earlier request against the same charge and instalment */
	for (int i = 0; i < p->n; i++) {
		if (p->rows[i].charge_id == charge && p->rows[i].inst_id == inst) {
			p->rows[i].amount += amount;
			p->total += amount;
			return CART_OK;
		}
	}
	if (p->n == p->cap) {
		int cap = p->cap ? p->cap * 2 : 8;
		plan_row *r = realloc(p->rows, sizeof *r * (size_t)cap);

		if (!r)
			return cart_fail(e, CART_NOMEM, _("out of memory allocating a payment"));
		p->rows = r;
		p->cap = cap;
	}
	p->rows[p->n++] = (plan_row){ charge, inst, amount };
	p->total += amount;
	return CART_OK;
}

static int64_t plan_used(const plan *p, int64_t charge, int64_t inst)
{
	int64_t used = 0;

	for (int i = 0; i < p->n; i++)
		if (p->rows[i].charge_id == charge && (inst < 0 || p->rows[i].inst_id == inst))
			used += p->rows[i].amount;
	return used;
}

/* Spread amount over a charge's instalments, oldest first, or refuse if they lack room. */
static int plan_spread(ledger *l, plan *p, const entry_info *x, int64_t amount, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (l->bulk) {
		int64_t first;
		int n;

		if (lg_bulk_instalments(l, x->id, &first, &n) != CART_OK)
			return cart_fail(e, CART_REFUSED, _("%s is not part of this bulk load"), x->number);
		for (int k = 0; k < n && amount > 0; k++) {
			int64_t room = lg_bulk_iopen(l, first + k) - plan_used(p, x->id, first + k);
			int64_t take = room < amount ? room : amount;

			if (take > 0 && (rc = plan_add(p, x->id, first + k, take, e)) != CART_OK)
				return rc;
			if (take > 0)
				amount -= take;
		}
		if (amount > 0)
			return cart_fail(e, CART_REFUSED, _("the instalments of %s have less open than"
			                 " that"), x->number);
		return CART_OK;
	}
	if (!(s = lg_get(l, lg_inst_of_entry_sql, e)))
		return e->code;
	lg_bind_int(s, 1, x->id);
	while (amount > 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t iid = sqlite3_column_int64(s, 0);
		int64_t room = sqlite3_column_int64(s, 3) - plan_used(p, x->id, iid);
		int64_t take = room < amount ? room : amount;

		if (take <= 0)
			continue;
		if ((rc = plan_add(p, x->id, iid, take, e)) != CART_OK) {
			lg_finalize(l, s);
			return rc;
		}
		amount -= take;
	}
	lg_finalize(l, s);
	if (amount > 0)
		return cart_fail(e, CART_REFUSED, _("the instalments of %s have less open than that"),
		                 x->number);
	return CART_OK;
}

/* Check the explicit allocations a clerk asked for, in order, against what is open. An amount of
 * LEDGER_ALLOC_OPEN takes what the charge has open now, inside this transaction, up to what is
 * left of budget (so two clerks paying at once never plan from a stale figure). */
static int plan_explicit(ledger *l, plan *p, int64_t client_id, const char *cur, const char *date,
                         const alloc_in *req, int n, int64_t budget, const money_fmt *f,
                         cart_err *e)
{
	char a[32], b[32];
	entry_info x;
	int rc;

	for (int i = 0; i < n; i++) {
		int64_t amount = req[i].amount, open;

		rc = lg_entry_get(l, req[i].charge_entry_id, &x, e);
		if (rc != CART_OK)
			return rc;
		if (amount == LEDGER_ALLOC_OPEN) {
			open = x.open - plan_used(p, x.id, -1);
			if (open <= 0)
				return cart_fail(e, CART_REFUSED, _("%s has nothing open to pay"),
				                 x.number);
			amount = budget - p->total > 0 && budget - p->total < open ? budget - p->total
			                                                             : open;
		}
		if (lg_check_amount(amount, _("an allocation"), 0, e) != CART_OK)
			return e->code;
		if (x.side != 'D' || x.reversal)
			return cart_fail(e, CART_REFUSED, _("%s (entry %lld) is not a charge that can be"
			                 " paid"), x.number, (long long)x.id);
		if (x.client_id != client_id)
			return cart_fail(e, CART_REFUSED, _("%s belongs to another client"), x.number);
		if (strcmp(x.currency, cur))
			return cart_fail(e, CART_REFUSED, _("%s is in %s, not %s: currencies are never"
			                 " mixed"), x.number, x.currency, cur);
		if (strcmp(x.date, date) > 0)
			return cart_fail(e, CART_REFUSED, _("%s is dated %s, after this posting's date %s"),
			                 x.number, x.date, date);
		open = x.open - plan_used(p, x.id, -1);
		if (amount > open) {
			money_format(amount, f, a, sizeof a);
			money_format(open, f, b, sizeof b);
			return cart_fail(e, CART_REFUSED, _("%s cannot be allocated to %s: it has only %s"
			                 " open"), a, x.number, b);
		}
		if (x.n_inst == 0) {
			if (req[i].instalment_id)
				return cart_fail(e, CART_REFUSED, _("%s has no instalments"), x.number);
			rc = plan_add(p, x.id, 0, amount, e);
		} else if (req[i].instalment_id) {
			int64_t iopen = -1, first;
			int count;

			if (l->bulk) {
				if (lg_bulk_instalments(l, x.id, &first, &count) == CART_OK &&
				    req[i].instalment_id >= first && req[i].instalment_id < first + count)
					iopen = lg_bulk_iopen(l, req[i].instalment_id);
			} else {
				sqlite3_stmt *s = lg_get(l, lg_inst_of_entry_sql, e);

				if (!s)
					return e->code;
				lg_bind_int(s, 1, x.id);
				while (sqlite3_step(s) == SQLITE_ROW)
					if (sqlite3_column_int64(s, 0) == req[i].instalment_id)
						iopen = sqlite3_column_int64(s, 3);
				lg_finalize(l, s);
			}
			if (iopen < 0)
				return cart_fail(e, CART_REFUSED, _("instalment %lld is not one of %s"),
				                 (long long)req[i].instalment_id, x.number);
			iopen -= plan_used(p, x.id, req[i].instalment_id);
			if (amount > iopen) {
				money_format(amount, f, a, sizeof a);
				money_format(iopen, f, b, sizeof b);
				return cart_fail(e, CART_REFUSED, _("%s cannot be allocated to that"
				                 " instalment of %s: it has only %s open"), a, x.number, b);
			}
			rc = plan_add(p, x.id, req[i].instalment_id, amount, e);
		} else {
			rc = plan_spread(l, p, &x, amount, e);
		}
		if (rc != CART_OK)
			return rc;
	}
	return CART_OK;
}

/* Oldest first: the client's open charges (by instalment where an invoice has them) in order of
 * due date, up to budget. */
static int plan_oldest(ledger *l, plan *p, int64_t client_id, const char *cur, const char *date,
                       int64_t budget, cart_err *e)
{
	static const char sql[] =
		"SELECT e.id, 0, e.open, e.due_date, e.date FROM entries e"
		" WHERE e.client_id = ?1 AND e.currency = ?2 AND e.side = 'D' AND e.open <> 0"
		"   AND e.n_inst = 0 AND e.date <= ?3"
		" UNION ALL"
		" SELECT i.entry_id, i.id, i.open, i.due_date, e.date FROM instalments i"
		"   JOIN entries e ON e.id = i.entry_id"
		" WHERE i.client_id = ?1 AND i.currency = ?2 AND i.open <> 0 AND e.date <= ?3"
		" ORDER BY 4, 5, 1, 2";
	sqlite3_stmt *s;
	int rc;

	if (l->bulk)
		return cart_fail(e, CART_INVALID, _("a bulk load allocates explicitly, not oldest first"));
	rc = sqlite3_prepare_v2(l->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("finding open invoices"), e);
	lg_bind_int(s, 1, client_id);
	lg_bind_text(s, 2, cur);
	lg_bind_text(s, 3, date);
	while (budget > 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t open = sqlite3_column_int64(s, 2);
		int64_t take = open < budget ? open : budget;

		if (plan_add(p, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), take, e)) {
			sqlite3_finalize(s);
			return e->code;
		}
		budget -= take;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("finding open invoices"), e);
	return CART_OK;
}

static int plan_post(ledger *l, const plan *p, int64_t doc, int64_t credit, const char *date,
                     cart_err *e)
{
	int rc;

	for (int i = 0; i < p->n; i++) {
		rc = lg_insert_alloc(l, doc, credit, p->rows[i].charge_id, p->rows[i].inst_id, date,
		                  p->rows[i].amount, 0, e);
		if (rc != CART_OK)
			return rc;
	}
	return CART_OK;
}

/* ---- receipts, advances ---- */

int ledger_receipt_post(ledger *l, const receipt_in *in, posted *out, cart_err *e)
{
	const company *co;
	client c;
	plan p = { 0 };
	char cur[4], a[32], b[32];
	int64_t apf = 0, aa = 0, amount = in->amount, detail_sum;
	int rc, advance = in->no_auto && !in->allocs;
	const char *method = in->method;

	memset(out, 0, sizeof *out);
	if (!(co = lg_posting_setup(l, in->date, _("the receipt date"), in->currency, cur, e)))
		return e->code;
	/* With means of payment or withholdings the credit is their sum. */
	if (lg_receipt_check_detail(in, in->date, &detail_sum, e) != CART_OK)
		return e->code;
	if (in->n_means + in->n_wh > 0) {
		if (amount && amount != detail_sum) {
			money_format(detail_sum, &co->fmt, a, sizeof a);
			money_format(amount, &co->fmt, b, sizeof b);
			return cart_fail(e, CART_INVALID, _("the means of payment and withholdings add up"
			                 " to %s, not the %s given"), a, b);
		}
		amount = detail_sum;
		if (!method[0])
			method = in->n_means == 1 && in->n_wh == 0 ? means_kind_name(in->means[0].kind)
			                                           : "mixed";
	}
	if (lg_check_amount(amount, _("the amount received"), 0, e) != CART_OK)
		return e->code;
	if (in->leftover < LEFTOVER_CREDIT || in->leftover > LEFTOVER_REFUND)
		return cart_fail(e, CART_INVALID, _("the leftover is kept as a credit, written off or"
		                 " refunded"));
	if (in->leftover == LEFTOVER_WRITEOFF && !in->leftover_reason[0])
		return cart_fail(e, CART_INVALID, _("writing off the leftover needs a reason"));
	if (in->n_allocs < 0 || (in->n_allocs > 0 && !in->allocs))
		return cart_fail(e, CART_INVALID, _("bad allocation list"));
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	/* a retry with the same --key posts nothing: the document posted then */
	if ((rc = lg_key_replay(l, advance ? DOC_ADVANCE : DOC_RECEIPT, out, e)) != CART_OK ||
	    out->replayed) {
		lg_rollback(l);
		return rc;
	}
	if ((rc = lg_posting_client(l, in->client_id, 0, &c, e)) != CART_OK)
		goto done;
	if (in->allocs)
		rc = plan_explicit(l, &p, c.id, cur, in->date, in->allocs, in->n_allocs, amount,
		                   &co->fmt, e);
	else if (!in->no_auto)
		rc = plan_oldest(l, &p, c.id, cur, in->date, amount, e);
	if (rc != CART_OK)
		goto done;
	if (p.total > amount) {
		money_format(p.total, &co->fmt, a, sizeof a);
		money_format(amount, &co->fmt, b, sizeof b);
		rc = cart_fail(e, CART_REFUSED, _("the allocations add up to %s, more than the %s"
		               " received"), a, b);
		goto done;
	}
	rc = lg_insert_doc(l, &(doc_row){ .type = advance ? DOC_ADVANCE : DOC_RECEIPT,
	                              .client_id = c.id, .date = in->date, .currency = cur,
	                              .total = amount, .reference = in->reference,
	                              .method = method }, out, e);
	if (rc == CART_OK)
		rc = lg_receipt_save_detail(l, out->doc_id, in, e);
	if (rc == CART_OK && p.total > 0) {
		rc = lg_insert_entry(l, out->doc_id, c.id, CODE_APF, 'C', in->date, NULL, cur, p.total,
		                  0, 0, &apf, e);
		if (rc == CART_OK)
			rc = plan_post(l, &p, out->doc_id, apf, in->date, e);
	}
	if (rc == CART_OK && amount > p.total)
		rc = lg_insert_entry(l, out->doc_id, c.id, CODE_AA, 'C', in->date, NULL, cur,
		                  amount - p.total, 0, 0, &aa, e);
	out->entry_id = apf ? apf : aa;
	out->credit_left = amount - p.total;
	/* A leftover written off or refunded: a journal that consumes the AA credit, in the same
	 * transaction, so a refused refund leaves no receipt either. */
	if (rc == CART_OK && aa && in->leftover != LEFTOVER_CREDIT) {
		settle_in st = { .credit_entry_id = aa, .writeoff = in->leftover == LEFTOVER_WRITEOFF };
		posted sp;

		snprintf(st.date, sizeof st.date, "%s", in->date);
		snprintf(st.reason, sizeof st.reason, "%s", in->leftover_reason);
		rc = ledger_credit_settle(l, &st, &sp, e);
		if (rc == CART_OK) {
			snprintf(out->settled, sizeof out->settled, "%s", sp.number);
			out->credit_left = 0;
		}
	}
done:
	free(p.rows);
	return lg_finish(l, rc, advance ? "advance" : "receipt", out, in->client_id, out->number, e);
}

/* ---- credit notes ---- */

int ledger_credit_note_post(ledger *l, const credit_note_in *in, posted *out, cart_err *e)
{
	const company *co;
	client c;
	plan p = { 0 };
	char cur[4];
	int64_t nc = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (!(co = lg_posting_setup(l, in->date, _("the credit note date"), in->currency, cur, e)))
		return e->code;
	if (lg_check_amount(in->amount, _("the credit note amount"), 0, e) != CART_OK)
		return e->code;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	/* a retry with the same --key posts nothing: the document posted then */
	if ((rc = lg_key_replay(l, DOC_CREDIT_NOTE, out, e)) != CART_OK || out->replayed) {
		lg_rollback(l);
		return rc;
	}
	if ((rc = lg_posting_client(l, in->client_id, 0, &c, e)) != CART_OK)
		goto done;
	if (in->against_entry_id) {
		alloc_in one = { in->against_entry_id, 0, in->amount };

		rc = plan_explicit(l, &p, c.id, cur, in->date, &one, 1, in->amount, &co->fmt, e);
		if (rc == CART_REFUSED && strstr(e->msg, "open")) {
			char why[sizeof e->msg];

			snprintf(why, sizeof why, "%s", e->msg);
			rc = cart_fail(e, CART_REFUSED, _("the credit note is larger than what the invoice"
			               " still has open: %s"), why);
		}
		if (rc != CART_OK)
			goto done;
	}
	rc = lg_insert_doc(l, &(doc_row){ .type = DOC_CREDIT_NOTE, .client_id = c.id,
	                              .date = in->date, .currency = cur, .total = in->amount,
	                              .memo = in->reason }, out, e);
	if (rc == CART_OK)
		rc = lg_insert_entry(l, out->doc_id, c.id, CODE_NC, 'C', in->date, NULL, cur, in->amount,
		                  0, 0, &nc, e);
	if (rc == CART_OK)
		rc = plan_post(l, &p, out->doc_id, nc, in->date, e);
	out->entry_id = nc;
	out->credit_left = in->amount - p.total;
done:
	free(p.rows);
	return lg_finish(l, rc, "credit note", out, in->client_id, in->reason, e);
}

/* ---- applying a credit in favour ---- */

int ledger_credit_apply(ledger *l, const apply_in *in, posted *out, cart_err *e)
{
	const company *co;
	entry_info x;
	plan p = { 0 };
	char a[32], b[32];
	int64_t budget;
	int rc;

	memset(out, 0, sizeof *out);
	if (!(co = lg_company(l, e)))
		return e->code;
	if (lg_date(in->date, _("the application date"), e) != CART_OK)
		return e->code;
	if (lg_check_amount(in->amount, _("the amount to apply"), 1, e) != CART_OK)
		return e->code;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	/* a retry with the same --key posts nothing: the document posted then */
	if ((rc = lg_key_replay(l, DOC_APPLY, out, e)) != CART_OK || out->replayed) {
		lg_rollback(l);
		return rc;
	}
	if ((rc = lg_entry_get(l, in->credit_entry_id, &x, e)) != CART_OK)
		goto done;
	if (x.side != 'C' || x.reversal) {
		rc = cart_fail(e, CART_REFUSED, _("%s (entry %lld) is not a credit that can be applied"),
		               x.number, (long long)x.id);
		goto done;
	}
	if (x.open == 0) {
		rc = cart_fail(e, CART_REFUSED, _("%s has nothing left to apply"), x.number);
		goto done;
	}
	if (strcmp(in->date, x.date) < 0) {
		rc = cart_fail(e, CART_REFUSED, _("%s is dated %s, after the application date %s"),
		               x.number, x.date, in->date);
		goto done;
	}
	budget = in->amount ? in->amount : x.open;
	if (budget > x.open) {
		money_format(budget, &co->fmt, a, sizeof a);
		money_format(x.open, &co->fmt, b, sizeof b);
		rc = cart_fail(e, CART_REFUSED, _("%s cannot be applied from %s: it has only %s left"),
		               a, x.number, b);
		goto done;
	}
	if (in->allocs)
		rc = plan_explicit(l, &p, x.client_id, x.currency, in->date, in->allocs, in->n_allocs,
		                   budget, &co->fmt, e);
	else
		rc = plan_oldest(l, &p, x.client_id, x.currency, in->date, budget, e);
	if (rc != CART_OK)
		goto done;
	if (p.total > budget) {
		money_format(p.total, &co->fmt, a, sizeof a);
		money_format(budget, &co->fmt, b, sizeof b);
		rc = cart_fail(e, CART_REFUSED, _("the allocations add up to %s, more than the %s"
		               " available in %s"), a, b, x.number);
		goto done;
	}
	if (p.total == 0) {
		rc = cart_fail(e, CART_REFUSED, _("the client has no open charges to apply %s to"),
		               x.number);
		goto done;
	}
	rc = lg_insert_doc(l, &(doc_row){ .type = DOC_APPLY, .client_id = x.client_id,
	                              .date = in->date, .currency = x.currency, .total = p.total,
	                              .reference = x.number }, out, e);
	if (rc == CART_OK)
		rc = plan_post(l, &p, out->doc_id, x.id, in->date, e);
	out->entry_id = x.id;
	out->credit_left = x.open - p.total;
done:
	free(p.rows);
	return lg_finish(l, rc, "apply credit", out, x.client_id, out->number, e);
}
