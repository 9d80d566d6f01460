/* Debit notes: the controller both faces call. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/ctl_debit.h"
#include "cartera/ctl_docs.h"
#include "cartera/ctl_safety.h"
#include "cartera/i18n.h"
#include "cartera/text.h"
#include "ctl_int.h"
#include "model/ledger_debit.h"

int ctl_debit_note_split(ctl *c, const char *amount, const char *tax, ctl_debit_split *out,
                         cart_err *e)
{
	ctl_taxes t;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = ctl_amount_positive(c, amount, _("the debit note amount"), &out->total, e)))
		return rc;
	out->base = out->total;
	if (!tax || !*tax)
		return CART_OK;
	if ((rc = ctl_taxes_load(c, &t, e)) ||
	    (rc = ctl_tax_pick(c, &t, tax, &out->tax_rate_id, &out->rate, e)))
		return rc;
	for (int i = 0; i < t.n; i++)
		if (t.r[i].id == out->tax_rate_id)
			snprintf(out->rate_name, sizeof out->rate_name, "%s", t.r[i].name);
	/* base = total / (1 + rate), rounded half up; the tax is the rest */
	out->base = (int64_t)(((__int128)out->total * 10000 * 2 + (10000 + out->rate)) /
	                      ((__int128)(10000 + out->rate) * 2));
	out->tax = out->total - out->base;
	return CART_OK;
}

int ctl_debit_note_post(ctl *c, const ctl_debit_note *a, posted *out, cart_err *e)
{
	debit_note_in in;
	ctl_debit_split split;
	doc_info d;
	int rc;

	/* a retry with the same --key: the document posted then, before today's checks */
	if (ctl_key_replay(c, DOC_DEBIT_NOTE, out))
		return CART_OK;
	memset(&in, 0, sizeof in);
	if (!ctl_has_company(c))
		return cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		                 " 'cartera init' first"), ctl_path(c));
	if (!a->invoice || !*a->invoice)
		return cart_fail(e, CART_INVALID, _("give the invoice the debit note amends"));
	if ((rc = ctl_doc_ref(c, a->invoice, &d, e)) ||
	    (rc = ctl_debit_note_split(c, a->amount, a->tax, &split, e)) ||
	    (rc = ctl_date(a->date, _("the debit note date"), in.date, e)))
		return rc;
	if (a->due && *a->due && (rc = ctl_date(a->due, _("the due date"), in.due_date, e)))
		return rc;
	if (d.type != DOC_INVOICE && d.type != DOC_OPENING)
		return cart_fail(e, CART_REFUSED, _("%s is not an invoice: a debit note amends an"
		                 " invoice"), d.number);
	if (d.voided_by[0])
		return cart_fail(e, CART_REFUSED, _("%s was voided by %s"), d.number, d.voided_by);
	if (text_check(a->reason ? a->reason : "", TEXT_MAX_MEMO, _("the reason"), e) ||
	    text_check(a->reference ? a->reference : "", TEXT_MAX_REF, _("the reference"), e))
		return e->code;
	in.invoice_id = d.id;
	in.amount = split.total;
	in.tax_rate_id = split.tax_rate_id;
	in.rate = split.rate;
	in.tax = split.tax;
	snprintf(in.reason, sizeof in.reason, "%s", a->reason ? a->reason : "");
	snprintf(in.reference, sizeof in.reference, "%s", a->reference ? a->reference : "");
	rc = ctl_posted(c, ledger_debit_note_post(c->l, &in, out, e), out);
	if (rc == CART_OK)
		snprintf(out->reference, sizeof out->reference, "%s", d.number);
	return rc;
}
