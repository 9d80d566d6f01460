/* `show DOC`: one posted document as kept, for the command line and any screen that lists it:
 * its header and client, its lines and tax per rate, a receipt's means of payment and
 * withholdings, the entries it posted, and who voided it, when and why. */
#ifndef CARTERA_CTL_SHOW_H
#define CARTERA_CTL_SHOW_H

#include "cartera/ctl.h"
#include "cartera/ctl_docs.h"
#include "cartera/doclines.h"

#define CTL_SHOW_ENTRIES 64

typedef struct ctl_show {
	doc_info d;
	client cl;
	doc_line *lines;              /* nlines, malloc'd */
	int nlines;
	const char *rate[DOC_MAX_LINES];   /* each line's tax rate name ("" none) */
	doc_tax taxes[DOC_MAX_TAXES];
	int ntaxes;
	receipt_detail rd;
	doc_entry ent[CTL_SHOW_ENTRIES];
	int nent;
	ctl_taxes tx;
	/* the void: its number ("" when not voided), date, clerk and reason; for a void itself,
	 * voided is the document it reversed */
	char void_number[32], voided[32], void_date[DATE_LEN], void_clerk[64], void_reason[200];
} ctl_show;

/* Load the document ref (its number) into s; free with ctl_show_free. */
int ctl_show_load(ctl *c, const char *ref, ctl_show *s, cart_err *e);
void ctl_show_free(ctl_show *s);

#endif
