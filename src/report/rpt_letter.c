/* The follow-up letter (see cartera/rpt_letter.h). The level's text is wrapped into the lines
 * under the title (the PDF renderer does not wrap them); what does not fit goes to the notes. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/i18n.h"
#include "cartera/rpt_letter.h"

#define WRAP 95

/* Split text into lines of at most WRAP bytes at blanks (or at line breaks). */
static void wrap_text(report *r, const char *text)
{
	const char *p = text;
	int in_lines = 1;

	while (*p) {
		size_t n = strcspn(p, "\n");
		size_t cut = n;

		if (cut > WRAP) {
			cut = WRAP;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = WRAP;
		}
		if (in_lines && r->nlines >= RPT_MAX_LINES - 1)
			in_lines = 0;
		if (in_lines)
			report_line(r, "%.*s", (int)cut, p);
		else
			report_note(r, "%.*s", (int)cut, p);
		p += cut;
		while (*p == ' ')
			p++;
		if (*p == '\n')
			p++;
	}
}

int rpt_fu_letter(const rpt_letter_in *in, report *r, cart_err *e)
{
	int64_t total[8] = { 0 };
	char curs[8][4];
	int ncur = 0;

	report_title(r, "%s", in->lv->name);
	report_line(r, _("Date: %s"), in->date);
	wrap_text(r, in->text);
	report_client_line(r, "%s", in->cl->name);
	report_client_taxid(r, in->cl->tax_id, in->cl->dv);
	if (in->cl->address[0])
		report_client_line(r, "%s", in->cl->address);
	if (in->cl->location[0])
		report_client_line(r, "%s", in->cl->location);
	report_table(r, _("Open documents"));
	report_col(r, "document", _("Document"), RPT_TEXT, RPT_LEFT, 14, 10);
	report_col(r, "date", _("Date"), RPT_DATE, RPT_LEFT, 10, 10);
	report_col(r, "due", _("Due"), RPT_DATE, RPT_LEFT, 10, 10);
	report_col(r, "days_overdue", _("Days overdue"), RPT_INT, RPT_RIGHT, 6, 4);
	report_col(r, "currency", _("Cur."), RPT_TEXT, RPT_LEFT, 4, 3);
	report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, 14, 10);
	report_col(r, "open", _("Open"), RPT_AMOUNT, RPT_RIGHT, 14, 10);
	report_currency_col(r, 4);
	for (int i = 0; i < in->n; i++) {
		const open_item *d = &in->docs[i];
		char num[48];
		int k;

		if (d->instalment_no)
			snprintf(num, sizeof num, "%s/%d", d->number, d->instalment_no);
		else
			snprintf(num, sizeof num, "%s", d->number);
		report_row(r, RPT_ROW_DATA, d->currency);
		rpt_text(r, num);
		rpt_date(r, d->date);
		rpt_date(r, d->due_date);
		rpt_int(r, d->days_overdue, 0);
		rpt_text(r, d->currency);
		rpt_amount(r, d->amount, d->currency, 0);
		rpt_amount(r, d->open, d->currency, 0);
		report_row_end(r);
		for (k = 0; k < ncur; k++)
			if (!strcmp(curs[k], d->currency))
				break;
		if (k == ncur && ncur < 8)
			snprintf(curs[ncur++], 4, "%s", d->currency);
		if (k < 8)
			total[k] += d->open;
	}
	for (int k = 0; k < ncur; k++) {
		char label[64];

		snprintf(label, sizeof label, _("Total %s"), curs[k]);
		report_row(r, RPT_ROW_TOTAL, curs[k]);
		rpt_text(r, label);
		rpt_empty(r);
		rpt_empty(r);
		rpt_empty(r);
		rpt_text(r, curs[k]);
		rpt_empty(r);
		rpt_amount(r, total[k], curs[k], RPT_F_SUM);
		report_row_end(r);
	}
	if (in->ncharge) {
		report_table(r, in->charge_doc && in->charge_doc[0] ? _("Late-payment charges posted")
		                                                     : _("Late-payment charges proposed"));
		report_col(r, "charge", _("Charge"), RPT_TEXT, RPT_LEFT, 40, 20);
		report_col(r, "currency", _("Cur."), RPT_TEXT, RPT_LEFT, 4, 3);
		report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, 14, 10);
		report_currency_col(r, 1);
		for (int k = 0; k < in->ncharge; k++) {
			char label[120];

			if (in->charge_doc && in->charge_doc[0])
				snprintf(label, sizeof label, _("Dunning fee and interest (%s)"), in->charge_doc);
			else
				snprintf(label, sizeof label, "%s", _("Dunning fee and interest"));
			report_row(r, RPT_ROW_DATA, in->charge_cur[k]);
			rpt_text(r, label);
			rpt_text(r, in->charge_cur[k]);
			rpt_amount(r, in->charge[k], in->charge_cur[k], 0);
			report_row_end(r);
		}
	}
	return report_finish(r, e);
}
