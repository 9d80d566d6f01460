/* One document as a report (SPEC D6): invoice, credit note, receipt, quote or any other, with its
 * client and dates; its lines with the tax per rate and the totals (invoices, quotes); the means
 * of payment and withholdings (receipts); the ledger entries it posted and what of each is still
 * open; and what settled it, or what it settled. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl_docs.h"
#include "cartera/i18n.h"
#include "cartera/reports.h"
#include "model/ledger_voided.h"
#include "model/ledger_import.h"
#include "model/ledger_papers.h"
#include "cartera/papers.h"

#define MAX_ENTRIES 64
#define MAX_ALLOCS 200
#define MAX_INST 120
#define MAX_LEGAL 4

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
	case DOC_DEBIT_NOTE: return _("Debit note");
	default: return _("Document");
	}
}

/* A tax in the totals as the company names its rate ("IGV 18%", "Exonerado"); the rate's name
 * gets the percentage when it does not carry one ("IVA" -> "IVA 19%"); "Tax 19%" only for a
 * rate the company no longer has. */
static void tax_label(const ctl_taxes *rates, const doc_tax *t, const char *pct, char *out,
                      size_t size)
{
	for (int k = 0; k < rates->n; k++)
		if (rates->r[k].id == t->tax_rate_id && rates->r[k].name[0]) {
			if (strchr(rates->r[k].name, '%') || rates->r[k].exempt || !t->rate)
				snprintf(out, size, "%s", rates->r[k].name);
			else
				snprintf(out, size, "%s %s", rates->r[k].name, pct);
			return;
		}
	snprintf(out, size, _("Tax %s"), pct);
}

/* The lines as keyed, the tax per rate and the totals. */
/* The head of a document's totals table: its columns, the net, and each rate's base and tax. */
static void totals_by_rate(ctl *c, const doc_info *d, const ctl_taxes *rates, const doc_tax *tx,
                           int nt, int64_t net, report *r)
{
	char pct[16], label[96];

	report_table(r, _("Totals"));
	report_col(r, "label", "", RPT_TEXT, RPT_LEFT, 24, 10);
	report_col(r, "base", _("Base"), RPT_AMOUNT, RPT_RIGHT, 15, 15);
	report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, 15, 15);
	report_row(r, RPT_ROW_DATA, NULL);
	rpt_text(r, _("Net"));
	rpt_empty(r);
	rpt_amount(r, net, d->currency, 0);
	report_row_end(r);
	for (int k = 0; k < nt; k++) {
		ctl_percent_format(c, tx[k].rate, pct, sizeof pct);
		tax_label(rates, &tx[k], pct, label, sizeof label);
		report_row(r, RPT_ROW_DATA, NULL);
		rpt_text(r, label);
		rpt_amount(r, tx[k].base, d->currency, 0);
		rpt_amount(r, tx[k].tax, d->currency, 0);
		report_row_end(r);
	}
}

static int lines_tables(ctl *c, const doc_info *d, report *r, cart_err *e)
{
	doc_line *ln = malloc(sizeof *ln * DOC_MAX_LINES);
	doc_tax tx[DOC_MAX_TAXES];
	ctl_taxes rates;
	int n = 0, nt = 0, rc;
	int64_t net = 0, tax = 0, expenses = 0;

	if (!ln)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if ((rc = ledger_doc_lines(c->l, d->id, ln, DOC_MAX_LINES, &n, e)) != CART_OK ||
	    (rc = ledger_doc_taxes(c->l, d->id, tx, DOC_MAX_TAXES, &nt, e)) != CART_OK ||
	    (n && (rc = ctl_taxes_load(c, &rates, e)) != CART_OK) || !n) {
		free(ln);
		return rc;
	}
	report_table(r, _("Lines"));
	report_col(r, "description", _("Description"), RPT_TEXT, RPT_LEFT, 34, 12);
	report_col(r, "quantity", _("Qty"), RPT_QTY, RPT_RIGHT, 8, 4);
	report_col(r, "unit_price", _("Unit price"), RPT_AMOUNT, RPT_RIGHT, 14, 14);
	report_col(r, "tax", _("Tax"), RPT_TEXT, RPT_LEFT, 12, 6);
	report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, 15, 15);
	for (int i = 0; i < n; i++) {
		const char *rate = "";

		for (int k = 0; k < rates.n; k++)
			if (rates.r[k].id == ln[i].tax_rate_id)
				rate = rates.r[k].name;
		report_row(r, RPT_ROW_DATA, NULL);
		rpt_text(r, ln[i].description);
		rpt_qty(r, ln[i].qty);   /* a number in a spreadsheet */
		rpt_amount(r, ln[i].price, d->currency, 0);
		rpt_text(r, ln[i].expense ? _("expense") : rate);
		rpt_amount(r, ln[i].net, d->currency, 0);
		report_row_end(r);
		if (ln[i].expense)
			expenses += ln[i].net;
		else
			net += ln[i].net;
	}
	for (int k = 0; k < nt; k++)
		tax += tx[k].tax;
	totals_by_rate(c, d, &rates, tx, nt, net, r);
	if (expenses) {
		report_row(r, RPT_ROW_DATA, NULL);
		rpt_text(r, _("Reimbursable expenses"));
		rpt_empty(r);
		rpt_amount(r, expenses, d->currency, 0);
		report_row_end(r);
	}
	report_row(r, RPT_ROW_TOTAL, NULL);
	rpt_text(r, _("Total"));
	rpt_empty(r);
	rpt_amount(r, net + tax + expenses, d->currency, RPT_F_SUM);
	report_row_end(r);
	free(ln);
	return CART_OK;
}

/* A credit note keyed without lines (an amount against an invoice, or on account and applied
 * later) still has base and tax by rate: what it credited of each invoice is split by that
 * invoice's rates, in the proportion of each rate's base plus tax, the last rate taking the
 * rounding. What no invoice with lines received (on account) is shown apart, without tax. */
static void cn_split_one(const doc_tax *tx, int nt, int64_t amount, doc_tax *acc, int *nacc)
{
	int64_t gross = 0, left = amount;
	int last = -1;

	for (int k = 0; k < nt; k++)
		if (tx[k].base + tx[k].tax > 0) {
			gross += tx[k].base + tx[k].tax;
			last = k;
		}
	for (int k = 0; k < nt && gross > 0; k++) {
		int64_t g = tx[k].base + tx[k].tax, part, base;
		int j;

		if (g <= 0)
			continue;
		part = k == last ? left : (int64_t)((__int128)amount * g / gross);
		left -= part;
		base = (int64_t)((__int128)part * tx[k].base / g);
		for (j = 0; j < *nacc && acc[j].tax_rate_id != tx[k].tax_rate_id; j++)
			;
		if (j == *nacc) {
			if (*nacc == DOC_MAX_TAXES)
				continue;
			acc[j] = (doc_tax){ tx[k].tax_rate_id, tx[k].rate, 0, 0 };
			(*nacc)++;
		}
		acc[j].base += base;
		acc[j].tax += part - base;
	}
}

static int credit_note_taxes(ctl *c, const doc_info *d, const doc_alloc *al, int nal, report *r,
                             cart_err *e)
{
	doc_tax acc[DOC_MAX_TAXES], tx[DOC_MAX_TAXES];
	doc_line *ln;
	ctl_taxes rates;
	int nacc = 0, nl = 0, nt, rc;
	int64_t split = 0, net = 0, tax = 0;

	if (!(ln = malloc(sizeof *ln * DOC_MAX_LINES)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	rc = ledger_doc_lines(c->l, d->id, ln, DOC_MAX_LINES, &nl, e);
	free(ln);
	if (rc != CART_OK || nl)
		return rc;     /* a note with lines shows its own tax (lines_tables) */
	for (int i = 0; i < nal; i++) {
		doc_info inv;

		if (al[i].paid_by || al[i].type != DOC_INVOICE)
			continue;
		if ((rc = ctl_doc_ref(c, al[i].number, &inv, e)) != CART_OK ||
		    (rc = ledger_doc_taxes(c->l, inv.id, tx, DOC_MAX_TAXES, &nt, e)) != CART_OK)
			return rc;
		if (!nt)
			continue;
		cn_split_one(tx, nt, al[i].amount, acc, &nacc);
		split += al[i].amount;
	}
	if (!nacc)
		return CART_OK;
	if ((rc = ctl_taxes_load(c, &rates, e)) != CART_OK)
		return rc;
	for (int k = 0; k < nacc; k++) {
		net += acc[k].base;
		tax += acc[k].tax;
	}
	totals_by_rate(c, d, &rates, acc, nacc, net, r);
	if (d->total != split) {
		report_row(r, RPT_ROW_DATA, NULL);
		rpt_text(r, _("On account, no invoice"));
		rpt_empty(r);
		rpt_amount(r, d->total - split, d->currency, 0);
		report_row_end(r);
	}
	report_row(r, RPT_ROW_TOTAL, NULL);
	rpt_text(r, _("Total"));
	rpt_empty(r);
	rpt_amount(r, net + tax + (d->total - split), d->currency, RPT_F_SUM);
	report_row_end(r);
	return CART_OK;
}

/* A receipt's means of payment and the withholdings the client deducted. */
static int receipt_tables(ctl *c, const doc_info *d, report *r, cart_err *e)
{
	receipt_detail rd;
	int64_t means = 0, wh = 0;
	int rc;

	if ((rc = ledger_receipt_detail(c->l, d->id, &rd, e)) != CART_OK)
		return rc;
	if (rd.n_means) {
		report_table(r, _("Means of payment"));
		report_col(r, "means", _("Means"), RPT_TEXT, RPT_LEFT, 18, 8);
		report_col(r, "bank", _("Bank"), RPT_TEXT, RPT_LEFT, 18, 6);
		report_col(r, "number", _("Number"), RPT_TEXT, RPT_LEFT, 14, 6);
		report_col(r, "cashable", _("Cashable"), RPT_DATE, RPT_LEFT, 10, 10);
		report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, 15, 15);
		for (int i = 0; i < rd.n_means; i++) {
			const means_in *m = &rd.means[i];

			report_row(r, RPT_ROW_DATA, NULL);
			rpt_text(r, _(means_kind_name(m->kind)));
			rpt_text(r, m->bank);
			rpt_text(r, m->number);
			rpt_date(r, m->cash_date);
			rpt_amount(r, m->amount, d->currency, 0);
			report_row_end(r);
			means += m->amount;
		}
		report_row(r, RPT_ROW_TOTAL, NULL);
		rpt_text(r, _("Total means of payment"));
		rpt_empty(r);
		rpt_empty(r);
		rpt_empty(r);
		rpt_amount(r, means, d->currency, RPT_F_SUM);
		report_row_end(r);
	}
	if (rd.n_wh) {
		report_table(r, _("Withholdings"));
		report_col(r, "kind", _("Kind"), RPT_TEXT, RPT_LEFT, 24, 8);
		report_col(r, "certificate", _("Certificate"), RPT_TEXT, RPT_LEFT, 20, 8);
		report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, 15, 15);
		for (int i = 0; i < rd.n_wh; i++) {
			report_row(r, RPT_ROW_DATA, NULL);
			rpt_text(r, rd.wh[i].kind);
			rpt_text(r, rd.wh[i].certificate);
			rpt_amount(r, rd.wh[i].amount, d->currency, 0);
			report_row_end(r);
			wh += rd.wh[i].amount;
		}
		report_row(r, RPT_ROW_TOTAL, NULL);
		rpt_text(r, _("Total withholdings"));
		rpt_empty(r);
		rpt_amount(r, wh, d->currency, RPT_F_SUM);
		report_row_end(r);
	}
	if (rd.n_means && rd.n_wh) {
		char a[40], b[40], t[40];

		money_format(means, &c->co.fmt, a, sizeof a);
		money_format(wh, &c->co.fmt, b, sizeof b);
		money_format(means + wh, &c->co.fmt, t, sizeof t);
		report_note(r, _("Received %s and withheld %s: %s %s settled"), a, b, t, d->currency);
	}
	return CART_OK;
}

/* What settled the document (paid_by 1) or what it settled (0): the other documents, dated. A
 * void's reversals (voids 1) are a table of their own: a void never "paid" anything. */
static int alloc_shown(const doc_alloc *a, int paid_by, int voids)
{
	return a->paid_by == paid_by && (a->type == DOC_VOID) == voids;
}

static void alloc_table(const doc_info *d, const doc_alloc *al, int n, int paid_by, int voids,
                        report *r)
{
	int any = 0;

	for (int i = 0; i < n && !any; i++)
		any = alloc_shown(&al[i], paid_by, voids);
	if (!any)
		return;
	report_table(r, voids ? _("Reversed by a void") : paid_by ? _("Paid by") : _("Applied to"));
	report_col(r, "date", _("Date"), RPT_DATE, RPT_LEFT, 10, 10);
	report_col(r, "document", _("Document"), RPT_TEXT, RPT_LEFT, 16, 10);
	report_col(r, "instalment", _("Inst."), RPT_INT, RPT_RIGHT, 5, 5);
	report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, 15, 15);
	for (int i = 0; i < n; i++) {
		if (!alloc_shown(&al[i], paid_by, voids))
			continue;
		report_row(r, RPT_ROW_DATA, NULL);
		rpt_date(r, al[i].date);
		rpt_text(r, al[i].number);
		if (al[i].instalment)
			rpt_int(r, al[i].instalment, 0);
		else
			rpt_empty(r);
		rpt_amount(r, al[i].amount, d->currency, 0);
		report_row_end(r);
	}
	report_row(r, RPT_ROW_TOTAL, NULL);
	rpt_empty(r);
	rpt_text(r, _("Total"));
	rpt_empty(r);
	{
		int64_t sum = 0;

		for (int i = 0; i < n; i++)
			if (alloc_shown(&al[i], paid_by, voids))
				sum += al[i].amount;
		rpt_amount(r, sum, d->currency, RPT_F_SUM);
	}
	report_row_end(r);
}

/* A credit note names the invoices it corrects (what its credit was applied to). */
static void corrects_line(const doc_alloc *al, int n, report *r)
{
	char buf[200] = "";
	size_t used = 0;

	for (int i = 0; i < n; i++)
		if (!al[i].paid_by && al[i].type == DOC_INVOICE && !strstr(buf, al[i].number) &&
		    used + strlen(al[i].number) + 3 < sizeof buf)
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", used ? ", " : "",
			                         al[i].number);
	if (buf[0])
		report_line(r, "%s: %s", _("Corrects invoice"), buf);
}

/* The legal number of the electronic document (series-number, CUFE, CFDI UUID, access key),
 * shown and kept in legal for the closing line. */
static int legal_lines(ctl *c, const doc_info *d, report *r, char *legal, size_t size,
                       cart_err *e)
{
	legal_row rows[MAX_LEGAL];
	int n = 0, rc;

	if ((rc = ledger_legal_of_doc(c->l, d->id, rows, MAX_LEGAL, &n, e)) != CART_OK)
		return rc;
	for (int i = 0; i < n; i++) {
		report_line(r, "%s: %s", _("Electronic document"), rows[i].number);
		if (rows[i].alt[0])
			report_line(r, "%s: %s", _("Key"), rows[i].alt);
		if (!legal[0])
			snprintf(legal, size, "%s", rows[i].number);
	}
	return CART_OK;
}

/* Contado or Crédito: an invoice due on its date is paid in cash; else on credit, in one
 * payment or in instalments (listed by instalment_table). */
static int payment_form(ctl *c, const doc_info *d, report *r, int *ninst, cart_err *e)
{
	doc_instalment *in = malloc(sizeof *in * MAX_INST);
	int rc;

	if (!in)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	rc = ledger_doc_instalments(c->l, d->id, in, MAX_INST, ninst, e);
	free(in);
	if (rc != CART_OK)
		return rc;
	if (*ninst > 1)
		report_line(r, "%s: %s, %d %s", _("Payment form"), _(NC_("payment form", "Credit")), *ninst, _("instalments"));
	else if (d->due_date[0] && strcmp(d->due_date, d->date))
		report_line(r, "%s: %s, %s %s", _("Payment form"), _(NC_("payment form", "Credit")), _("due"), d->due_date);
	else
		report_line(r, "%s: %s", _("Payment form"), _(NC_("payment form", "Cash")));
	return CART_OK;
}

static int instalment_table(ctl *c, const doc_info *d, report *r, cart_err *e)
{
	doc_instalment *in = malloc(sizeof *in * MAX_INST);
	int64_t amount = 0, open = 0;
	int n = 0, rc;

	if (!in)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if ((rc = ledger_doc_instalments(c->l, d->id, in, MAX_INST, &n, e)) != CART_OK) {
		free(in);
		return rc;
	}
	report_table(r, _("Instalments"));
	report_col(r, "instalment", _("Inst."), RPT_INT, RPT_RIGHT, 5, 5);
	report_col(r, "due_date", _("Due date"), RPT_DATE, RPT_LEFT, 10, 10);
	report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, 15, 15);
	report_col(r, "open", _(NC_("column", "Open")), RPT_AMOUNT, RPT_RIGHT, 15, 15);
	for (int i = 0; i < n; i++) {
		report_row(r, RPT_ROW_DATA, NULL);
		rpt_int(r, in[i].seq, 0);
		rpt_date(r, in[i].due_date);
		rpt_amount(r, in[i].amount, d->currency, 0);
		rpt_amount(r, in[i].open, d->currency, 0);
		report_row_end(r);
		amount += in[i].amount;
		open += in[i].open;
	}
	free(in);
	report_row(r, RPT_ROW_TOTAL, NULL);
	rpt_empty(r);
	rpt_text(r, _("Total"));
	rpt_amount(r, amount, d->currency, RPT_F_SUM);
	rpt_amount(r, open, d->currency, RPT_F_SUM);
	report_row_end(r);
	return CART_OK;
}

int rpt_document(ctl *c, int64_t doc_id, report *r, cart_err *e)
{
	doc_entry en[MAX_ENTRIES];
	doc_alloc *al = NULL;
	doc_info d;
	client cl;
	void_info vi;
	int n = 0, nal = 0, ninst = 0, rc;
	int64_t amount = 0, open = 0, charged = 0;
	char m[40], legal[160] = "", words[600];

	if ((rc = ledger_document_get(c->l, doc_id, &d, e)) != CART_OK ||
	    (rc = ledger_client_get(c->l, d.client_id, &cl, e)) != CART_OK ||
	    (rc = ledger_document_entries(c->l, doc_id, en, MAX_ENTRIES, &n, e)) != CART_OK ||
	    (rc = ledger_void_info(c->l, doc_id, &vi, e)) != CART_OK)
		return rc;
	if (!(al = malloc(sizeof *al * MAX_ALLOCS)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if ((rc = ledger_document_allocations(c->l, doc_id, al, MAX_ALLOCS, &nal, e)) != CART_OK) {
		free(al);
		return rc;
	}
	report_title(r, "%s %s", type_title(d.type), d.number);
	report_line(r, "%s: %s", _("Date"), d.date);
	if (d.due_date[0] && d.type == DOC_QUOTE)
		report_line(r, "%s: %s", _("Valid until"), d.due_date);
	else if (d.due_date[0] && d.type != DOC_RECEIPT && d.type != DOC_CREDIT_NOTE)
		report_line(r, "%s: %s", _("Due date"), d.due_date);
	{
		const currency_name *cn = currency_find(d.currency);

		if (cn)
			report_line(r, "%s: %s (%s, %s)", _("Currency"), d.currency, cn->symbol, cn->many);
		else
			report_line(r, "%s: %s", _("Currency"), d.currency);
	}
	if (d.type == DOC_CREDIT_NOTE)
		corrects_line(al, nal, r);
	if (d.type == DOC_DEBIT_NOTE && d.amends[0])
		report_line(r, "%s: %s", _("Amends invoice"), d.amends);
	if ((rc = legal_lines(c, &d, r, legal, sizeof legal, e)) != CART_OK ||
	    (d.type == DOC_INVOICE && (rc = payment_form(c, &d, r, &ninst, e)) != CART_OK)) {
		free(al);
		report_finish(r, CART_IGNORED);
		return rc;
	}
	if (d.reference[0])
		report_line(r, "%s: %s", _("Reference"), d.reference);
	if (d.memo[0])
		report_line(r, "%s", d.memo);
	if (vi.number[0] && d.type == DOC_VOID)
		report_line(r, _("Voids %s: by %s on %s; reason: %s"), vi.voided, vi.clerk, vi.date,
		            vi.reason);
	else if (vi.number[0])
		report_line(r, _("VOIDED by %s: by %s on %s; reason: %s"), vi.number, vi.clerk, vi.date,
		            vi.reason);
	report_client_line(r, "%s", cl.name);
	r->client_no = cl.id;   /* a spreadsheet's sheets are named after the client */
	report_client_taxid(r, cl.tax_id, cl.dv);
	if (cl.address[0] || cl.location[0])
		report_client_line(r, "%s%s%s", cl.address, cl.address[0] && cl.location[0] ? ", " : "",
		                   cl.location);
	if ((ninst > 1 && (rc = instalment_table(c, &d, r, e)) != CART_OK) ||
	    (rc = lines_tables(c, &d, r, e)) != CART_OK ||
	    (d.type == DOC_CREDIT_NOTE && (rc = credit_note_taxes(c, &d, al, nal, r, e)) != CART_OK) ||
	    (d.type == DOC_RECEIPT && (rc = receipt_tables(c, &d, r, e)) != CART_OK)) {
		free(al);
		report_finish(r, CART_IGNORED);
		return rc;
	}
	/* the ledger's codes (CF, APF) are for the company: the client's copy leaves them out */
	if (n) {
		report_table(r, _("Entries"));
		if (r->internal)
			report_col(r, "code", _("Code"), RPT_TEXT, RPT_LEFT, 5, 4);
		report_col(r, "description", _("Description"), RPT_TEXT, RPT_LEFT, 30, 12);
		report_col(r, "currency", _("Cur."), RPT_TEXT, RPT_LEFT, 4, 4);
		report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, 15, 15);
		report_col(r, "open", _(NC_("column", "Open")), RPT_AMOUNT, RPT_RIGHT, 15, 15);
	}
	for (int i = 0; i < n; i++) {
		report_row(r, RPT_ROW_DATA, NULL);
		if (r->internal)
			rpt_text(r, en[i].code);
		rpt_text(r, rpt_code_text(en[i].code));
		rpt_text(r, d.currency);
		rpt_amount(r, en[i].amount, d.currency, 0);
		rpt_amount(r, en[i].open, d.currency, 0);
		report_row_end(r);
		amount += en[i].amount;
		open += en[i].open;
		if (en[i].side == 'D')
			charged += en[i].amount;
	}
	if (n) {
		report_row(r, RPT_ROW_TOTAL, NULL);
		if (r->internal)
			rpt_empty(r);
		rpt_text(r, _("Total"));
		rpt_text(r, d.currency);
		rpt_amount(r, amount, d.currency, RPT_F_SUM);
		rpt_amount(r, open, d.currency, RPT_F_SUM);
		report_row_end(r);
	}
	alloc_table(&d, al, nal, 1, 0, r);
	alloc_table(&d, al, nal, 0, 0, r);
	alloc_table(&d, al, nal, 1, 1, r);
	alloc_table(&d, al, nal, 0, 1, r);
	if (nal == MAX_ALLOCS)
		report_note(r, _("Only the first %d settlements are listed."), MAX_ALLOCS);
	free(al);
	if (d.type != DOC_VOID && d.type != DOC_APPLY &&
	    amount_words(d.total, c->co.fmt.decimals, d.currency, words, sizeof words) == CART_OK)
		report_note(r, "%s", words);
	money_format(d.total, &c->co.fmt, m, sizeof m);
	report_note(r, _("Document total: %s %s"), m, d.currency);
	if (d.type == DOC_INVOICE && charged != d.total) {
		char ch[40], gap[40];

		money_format(charged, &c->co.fmt, ch, sizeof ch);
		money_format(d.total - charged, &c->co.fmt, gap, sizeof gap);
		report_note(r, _("Charged to the account: %s %s; %s %s of the total (reimbursable"
		            " expenses the client's charge mode leaves out) is not charged by this"
		            " document."), ch, d.currency, gap, d.currency);
	}
	if (legal[0])
		report_note(r, _("This PDF is a copy for collection, not the fiscal document: the"
		            " electronic document is %s."), legal);
	if (d.type == DOC_INVOICE) {
		money_format(open, &c->co.fmt, m, sizeof m);
		report_note(r, _("Still to pay: %s %s"), m, d.currency);
	}
	return report_finish(r, e);
}
