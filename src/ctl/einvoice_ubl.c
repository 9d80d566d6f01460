/* UBL 2.1 (Peru SUNAT, Colombia DIAN): Invoice, CreditNote and DebitNote, read into an einv_doc
 * and checked against their own figures: the lines against LineExtensionAmount and the tax
 * totals, TaxInclusiveAmount against both, PayableAmount against TaxInclusive less allowances
 * and prepayments plus charges; Peruvian instalments (FormaPago Cuota001...) against the credit
 * amount and the payable amount. The amount posted is PayableAmount, as the document says. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/i18n.h"
#include "einvoice_int.h"

#define CENT 10000

static int64_t diff(int64_t a, int64_t b)
{
	return a > b ? a - b : b - a;
}

static int amount_of(xmlNode *n, const char *what, int64_t *v, int *present, cart_err *e)
{
	char buf[64];
	int r = ex_decimal(ex_text(n, buf, sizeof buf), v);

	if (present)
		*present = r > 0;
	if (r < 0)
		return cart_fail(e, CART_INVALID, _("%s \"%s\" is not an amount"), what, buf);
	return CART_OK;
}

/* A party's tax id and name. */
static void party(xmlNode *p, char *id, size_t idsize, char *name, size_t nsize)
{
	xmlNode *n;

	ex_text(ex_path(p, "Party/PartyTaxScheme/CompanyID"), id, idsize);
	if (!id[0])
		ex_text(ex_path(p, "Party/PartyIdentification/ID"), id, idsize);
	if (!id[0])
		ex_text(ex_path(p, "Party/PartyLegalEntity/CompanyID"), id, idsize);
	ex_text(ex_path(p, "Party/PartyLegalEntity/RegistrationName"), name, nsize);
	if (!name[0] && (n = ex_path(p, "Party/PartyName/Name")))
		ex_text(n, name, nsize);
	if (!name[0])
		ex_text(ex_path(p, "Party/PartyTaxScheme/RegistrationName"), name, nsize);
}

static void tax_detail(xmlNode *root, einv_doc *d)
{
	size_t used = strlen(d->detail);

	for (xmlNode *t = ex_child(root, "TaxTotal"); t; t = ex_next(t, "TaxTotal"))
		for (xmlNode *s = ex_child(t, "TaxSubtotal"); s; s = ex_next(s, "TaxSubtotal")) {
			char name[40], pct[24], amount[40], money[32];
			int64_t a = 0;

			ex_text(ex_path(s, "TaxCategory/TaxScheme/Name"), name, sizeof name);
			ex_text(ex_path(s, "TaxCategory/Percent"), pct, sizeof pct);
			if (!pct[0])
				ex_text(ex_child(s, "Percent"), pct, sizeof pct);
			ex_decimal(ex_text(ex_child(s, "TaxAmount"), amount, sizeof amount), &a);
			ex_format(a, money, sizeof money);
			if (used < sizeof d->detail)
				used += (size_t)snprintf(d->detail + used, sizeof d->detail - used,
				                         "%s%s %s%%: %s", used ? "; " : "", name, pct, money);
		}
}

/* Peruvian FormaPago terms: Contado, or Credito with its Cuota001... instalments. */
static int payment_terms(xmlNode *root, einv_doc *d, cart_err *e)
{
	int64_t credit = -1, sum = 0;
	char id[40], means[40], a[32], b[32];

	for (xmlNode *t = ex_child(root, "PaymentTerms"); t; t = ex_next(t, "PaymentTerms")) {
		int64_t v;
		int rc;

		if (strcmp(ex_text(ex_child(t, "ID"), id, sizeof id), "FormaPago"))
			continue;
		ex_text(ex_child(t, "PaymentMeansID"), means, sizeof means);
		if (!strcmp(means, "Contado")) {
			d->cash = 1;
			continue;
		}
		if ((rc = amount_of(ex_child(t, "Amount"), "FormaPago Amount", &v, NULL, e)))
			return rc;
		if (!strcmp(means, "Credito")) {
			credit = v;
		} else if (!strncmp(means, "Cuota", 5)) {
			char when[40];

			if (d->n_inst >= EINV_MAX_INST)
				return cart_fail(e, CART_INVALID, _("more than %d instalments"), EINV_MAX_INST);
			ex_text(ex_child(t, "PaymentDueDate"), when, sizeof when);
			if (!ex_date(when, d->inst_due[d->n_inst]))
				return cart_fail(e, CART_INVALID, _("%s is due \"%s\", not a date"), means, when);
			d->inst_amount[d->n_inst++] = v;
			sum += v;
		}
	}
	if (d->n_inst && credit >= 0 && diff(sum, credit) > CENT) {
		ex_format(sum, a, sizeof a);
		ex_format(credit, b, sizeof b);
		return cart_fail(e, CART_INVALID, _("inconsistent instalments: they add up to %s, the"
		                 " credit (FormaPago Credito) is %s"), a, b);
	}
	if (d->n_inst && diff(sum, d->total) > CENT) {
		ex_format(sum, a, sizeof a);
		ex_format(d->total, b, sizeof b);
		return cart_fail(e, CART_INVALID, _("inconsistent instalments: they add up to %s, the"
		                 " invoice's PayableAmount is %s"), a, b);
	}
	if (!d->n_inst && credit >= 0 && credit > d->total) {
		ex_format(credit, a, sizeof a);
		ex_format(d->total, b, sizeof b);
		return cart_fail(e, CART_INVALID, _("inconsistent terms: credit of %s on a payable amount"
		                 " of %s"), a, b);
	}
	return CART_OK;
}

int einv_read_ubl(xmlNode *root, einv_doc *d, cart_err *e)
{
	const char *rn = (const char *)root->name, *line_name;
	xmlNode *mt, *n;
	int64_t line_ext = 0, tax_incl = 0, allow = 0, charge = 0, prepaid = 0, rounding = 0,
	        payable = 0, tax = 0, sum_lines = 0, sum_line_tax = 0;
	int has_ext, has_incl, has_payable, n_lines = 0, rc;
	char version[24], profile[80], scheme[40], when[40], a[32], b[32], c3[32];

	if (!strcmp(rn, "Invoice")) {
		d->kind = EK_INVOICE;
		line_name = "InvoiceLine";
		mt = ex_child(root, "LegalMonetaryTotal");
	} else if (!strcmp(rn, "CreditNote")) {
		d->kind = EK_CREDIT;
		line_name = "CreditNoteLine";
		mt = ex_child(root, "LegalMonetaryTotal");
	} else if (!strcmp(rn, "DebitNote")) {
		d->kind = EK_DEBIT;
		line_name = "DebitNoteLine";
		mt = ex_child(root, "RequestedMonetaryTotal");
	} else {
		return cart_fail(e, CART_INVALID, _("a UBL %s is not an invoice or a note"), rn);
	}
	ex_text(ex_child(root, "UBLVersionID"), version, sizeof version);
	if (!strstr(version, "2.1"))
		return cart_fail(e, CART_INVALID, _("UBL version \"%s\": cartera reads UBL 2.1"), version);
	snprintf(d->format, sizeof d->format, "UBL 2.1");
	ex_text(ex_child(root, "ProfileID"), profile, sizeof profile);
	ex_attr(ex_child(root, "UUID"), "schemeName", scheme, sizeof scheme);
	snprintf(d->country, sizeof d->country, "%s",
	         strstr(profile, "DIAN") || !strncmp(scheme, "CUFE", 4) || !strncmp(scheme, "CUDE", 4)
	         ? "CO" : "PE");
	ex_text(ex_child(root, "ID"), d->number, sizeof d->number);
	ex_text(ex_child(root, "UUID"), d->uuid, sizeof d->uuid);
	if (!d->number[0])
		return cart_fail(e, CART_INVALID, "%s", _("the document has no ID (series-number)"));
	ex_text(ex_child(root, "IssueDate"), when, sizeof when);
	if (!ex_date(when, d->date))
		return cart_fail(e, CART_INVALID, _("IssueDate \"%s\" is not a date"), when);
	if (ex_text(ex_child(root, "DueDate"), when, sizeof when)[0] && !ex_date(when, d->due))
		return cart_fail(e, CART_INVALID, _("DueDate \"%s\" is not a date"), when);
	if (!d->due[0] && ex_text(ex_path(root, "PaymentMeans/PaymentDueDate"), when, sizeof when)[0] &&
	    !ex_date(when, d->due))
		return cart_fail(e, CART_INVALID, _("PaymentDueDate \"%s\" is not a date"), when);
	{
		char pm[8];

		if (d->country[0] == 'C' && !strcmp(ex_text(ex_path(root, "PaymentMeans/ID"), pm,
		                                            sizeof pm), "1"))
			d->cash = 1;
	}
	if (d->due[0] && strcmp(d->due, d->date) < 0)
		return cart_fail(e, CART_INVALID, _("inconsistent dates: due %s, before the issue date"
		                 " %s"), d->due, d->date);
	ex_text(ex_child(root, "DocumentCurrencyCode"), d->currency, sizeof d->currency);
	party(ex_child(root, "AccountingSupplierParty"), d->issuer, sizeof d->issuer, d->issuer_name,
	      sizeof d->issuer_name);
	party(ex_child(root, "AccountingCustomerParty"), d->receiver, sizeof d->receiver,
	      d->receiver_name, sizeof d->receiver_name);
	{
		char acc[8];

		ex_text(ex_path(root, "AccountingCustomerParty/AdditionalAccountID"), acc, sizeof acc);
		d->receiver_natural = !strcmp(acc, "2") || !strncmp(d->receiver, "10", 2) ||
		                      (d->country[0] == 'P' && strlen(d->receiver) == 8) ||
		                      (d->country[0] == 'C' && strlen(d->receiver) < 9);
	}
	if (!d->issuer[0] || !d->receiver[0])
		return cart_fail(e, CART_INVALID, "%s", _("the document lacks the supplier's or the"
		                 " customer's tax id"));
	if (!mt)
		return cart_fail(e, CART_INVALID, "%s", _("the document has no monetary totals"));
	if ((rc = amount_of(ex_child(mt, "LineExtensionAmount"), "LineExtensionAmount", &line_ext,
	                    &has_ext, e)) ||
	    (rc = amount_of(ex_child(mt, "TaxInclusiveAmount"), "TaxInclusiveAmount", &tax_incl,
	                    &has_incl, e)) ||
	    (rc = amount_of(ex_child(mt, "AllowanceTotalAmount"), "AllowanceTotalAmount", &allow, NULL,
	                    e)) ||
	    (rc = amount_of(ex_child(mt, "ChargeTotalAmount"), "ChargeTotalAmount", &charge, NULL, e)) ||
	    (rc = amount_of(ex_child(mt, "PrepaidAmount"), "PrepaidAmount", &prepaid, NULL, e)) ||
	    (rc = amount_of(ex_child(mt, "PayableRoundingAmount"), "PayableRoundingAmount", &rounding,
	                    NULL, e)) ||
	    (rc = amount_of(ex_child(mt, "PayableAmount"), "PayableAmount", &payable, &has_payable, e)))
		return rc;
	if (!has_payable)
		return cart_fail(e, CART_INVALID, "%s", _("the document has no PayableAmount"));
	for (xmlNode *t = ex_child(root, "TaxTotal"); t; t = ex_next(t, "TaxTotal")) {
		int64_t v;

		if ((rc = amount_of(ex_child(t, "TaxAmount"), "TaxAmount", &v, NULL, e)))
			return rc;
		tax += v;
	}
	for (n = ex_child(root, line_name); n; n = ex_next(n, line_name)) {
		int64_t v;

		n_lines++;
		if ((rc = amount_of(ex_child(n, "LineExtensionAmount"), "LineExtensionAmount", &v, NULL,
		                    e)))
			return rc;
		sum_lines += v;
		for (xmlNode *t = ex_child(n, "TaxTotal"); t; t = ex_next(t, "TaxTotal")) {
			if ((rc = amount_of(ex_child(t, "TaxAmount"), "TaxAmount", &v, NULL, e)))
				return rc;
			sum_line_tax += v;
		}
	}
	if (!n_lines)
		return cart_fail(e, CART_INVALID, _("the document has no %s"), line_name);
	/* the figures must agree; a cent per line is rounding */
	if (has_ext && diff(sum_lines, line_ext) > CENT * n_lines) {
		ex_format(sum_lines, a, sizeof a);
		ex_format(line_ext, b, sizeof b);
		return cart_fail(e, CART_INVALID, _("totals disagree: the lines add up to %s,"
		                 " LineExtensionAmount says %s"), a, b);
	}
	if (!has_ext)
		line_ext = sum_lines;
	if (diff(sum_line_tax, tax) > CENT * n_lines) {
		ex_format(sum_line_tax, a, sizeof a);
		ex_format(tax, b, sizeof b);
		return cart_fail(e, CART_INVALID, _("totals disagree: the lines' taxes add up to %s,"
		                 " TaxTotal says %s"), a, b);
	}
	if (has_incl && diff(line_ext + tax, tax_incl) > CENT) {
		ex_format(line_ext, a, sizeof a);
		ex_format(tax, b, sizeof b);
		ex_format(tax_incl, c3, sizeof c3);
		return cart_fail(e, CART_INVALID, _("totals disagree: LineExtensionAmount %s + taxes %s is"
		                 " not TaxInclusiveAmount %s"), a, b, c3);
	}
	if (!has_incl)
		tax_incl = line_ext + tax;
	if (diff(tax_incl - allow + charge - prepaid + rounding, payable) > CENT) {
		char d5[32];

		ex_format(tax_incl - allow + charge - prepaid + rounding, a, sizeof a);
		ex_format(payable, b, sizeof b);
		ex_format(allow, c3, sizeof c3);
		ex_format(charge, d5, sizeof d5);
		return cart_fail(e, CART_INVALID, _("totals disagree: tax inclusive less allowances (%s)"
		                 " plus charges (%s) less prepaid comes to %s, PayableAmount says %s"),
		                 c3, d5, a, b);
	}
	if (payable <= 0)
		return cart_fail(e, CART_INVALID, "%s", _("the amount is zero: there is nothing to post"));
	d->total = payable;
	if ((rc = payment_terms(root, d, e)))
		return rc;
	tax_detail(root, d);
	if (d->kind != EK_INVOICE) {
		char ref[64];

		for (n = ex_child(root, "BillingReference"); n; n = ex_next(n, "BillingReference")) {
			xmlNode *r = ex_child(n, "InvoiceDocumentReference");

			ex_text(ex_child(r, "ID"), ref, sizeof ref);
			if (!ref[0] || !strcmp(ref, d->ref_number))
				continue;
			if (!d->n_refs++) {
				snprintf(d->ref_number, sizeof d->ref_number, "%s", ref);
				ex_text(ex_child(r, "UUID"), d->ref_uuid, sizeof d->ref_uuid);
			}
		}
		if (!d->n_refs && ex_text(ex_path(root, "DiscrepancyResponse/ReferenceID"), ref,
		                          sizeof ref)[0]) {
			snprintf(d->ref_number, sizeof d->ref_number, "%s", ref);
			d->n_refs = 1;
		}
		if (!d->n_refs)
			return cart_fail(e, CART_INVALID, "%s", _("the note names no invoice it affects"
			                 " (BillingReference)"));
	}
	return CART_OK;
}
