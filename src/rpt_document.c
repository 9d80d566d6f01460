/* One document as a report (SPEC D6): invoice, credit note, receipt, quote or any other, with its
 * client, dates and the ledger entries it posted, and what of each is still open. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/i18n.h"
#include "cartera/reports.h"

#define MAX_ENTRIES 64

static const char *type_title(int type)
{
	switch (type) {
	case DOC_INVOICE: return _("Invoice");
	case DOC_CREDIT_NOTE: return _("Credit note");
	case DOC_RECEIPT: return _("Receipt");
	case DOC_ADVANCE: return _("Advance");
	case DOC_OPENING: return _("Opening balance");
	case DOC_JOURNAL: return _("Journal entry");
	case DOC_QUOTE: return _("Quote");
	case DOC_APPLY: return _("Credit application");
	case DOC_VOID: return _("Void");
	default: return _("Document");
	}
}

int rpt_document(ctl *c, int64_t doc_id, report *r, cart_err *e)
{
	doc_entry en[MAX_ENTRIES];
	doc_info d;
	client cl;
	int n = 0, rc;
	int64_t amount = 0, open = 0;
	char m[40];

	if ((rc = ledger_document_get(c->l, doc_id, &d, e)) != CART_OK ||
	    (rc = ledger_client_get(c->l, d.client_id, &cl, e)) != CART_OK ||
	    (rc = ledger_document_entries(c->l, doc_id, en, MAX_ENTRIES, &n, e)) != CART_OK)
		return rc;
	report_title(r, "%s %s", type_title(d.type), d.number);
	report_line(r, "%s: %s", _("Date"), d.date);
	if (d.due_date[0] && d.type != DOC_RECEIPT)
		report_line(r, "%s: %s", _("Due date"), d.due_date);
	report_line(r, "%s: %s", _("Currency"), d.currency);
	if (d.reference[0])
		report_line(r, "%s: %s", _("Reference"), d.reference);
	if (d.memo[0])
		report_line(r, "%s", d.memo);
	if (d.voided_by[0])
		report_line(r, _("VOIDED by %s"), d.voided_by);
	report_client_line(r, "%s", cl.name);
	if (cl.tax_id[0])
		report_client_line(r, "%s %s%s%s", _("Tax id"), cl.tax_id, cl.dv[0] ? "-" : "", cl.dv);
	if (cl.address[0] || cl.location[0])
		report_client_line(r, "%s%s%s", cl.address, cl.address[0] && cl.location[0] ? ", " : "",
		                   cl.location);
	report_table(r, _("Entries"));
	report_col(r, _("Code"), RPT_TEXT, RPT_LEFT, 5, 4);
	report_col(r, _("Description"), RPT_TEXT, RPT_LEFT, 30, 12);
	report_col(r, _("Cur."), RPT_TEXT, RPT_LEFT, 4, 4);
	report_col(r, _("Amount"), RPT_AMOUNT, RPT_RIGHT, 15, 15);
	report_col(r, _(NC_("column", "Open")), RPT_AMOUNT, RPT_RIGHT, 15, 15);
	for (int i = 0; i < n; i++) {
		report_row(r, RPT_ROW_DATA, NULL);
		rpt_text(r, en[i].code);
		rpt_text(r, rpt_code_text(en[i].code));
		rpt_text(r, d.currency);
		rpt_amount(r, en[i].amount, d.currency, 0);
		rpt_amount(r, en[i].open, d.currency, 0);
		report_row_end(r);
		amount += en[i].amount;
		open += en[i].open;
	}
	report_row(r, RPT_ROW_TOTAL, NULL);
	rpt_text(r, _("Total"));
	rpt_empty(r);
	rpt_text(r, d.currency);
	rpt_amount(r, amount, d.currency, RPT_F_SUM);
	rpt_amount(r, open, d.currency, RPT_F_SUM);
	report_row_end(r);
	money_format(d.total, &c->co.fmt, m, sizeof m);
	report_note(r, _("Document total: %s %s"), m, d.currency);
	if (d.type == DOC_INVOICE) {
		money_format(open, &c->co.fmt, m, sizeof m);
		report_note(r, _("Still to pay: %s %s"), m, d.currency);
	}
	return report_finish(r, e);
}
