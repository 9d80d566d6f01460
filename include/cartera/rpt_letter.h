/* The follow-up letter (SPEC F1, F8) as a report model: company letterhead, the client's name and
 * address, the level's text, the table of open documents with days overdue and totals per
 * currency, and the dunning fee and interest. Rendered to PDF like any report (render.h). */
#ifndef CARTERA_RPT_LETTER_H
#define CARTERA_RPT_LETTER_H

#include "cartera/followup.h"
#include "cartera/report.h"

typedef struct rpt_letter_in {
	const company *co;
	const client *cl;
	const fu_level *lv;
	const char *date;             /* the letter's date */
	const char *text;             /* the level's text, placeholders filled */
	const open_item *docs;        /* the documents to list (open charges) */
	int n;
	int ncharge;                  /* fee + interest per currency */
	const int64_t *charge;
	const char (*charge_cur)[4];
	const char *charge_doc;       /* the journal charge posted for them, "" proposed only */
} rpt_letter_in;
int rpt_fu_letter(const rpt_letter_in *in, report *r, cart_err *e);

#endif
