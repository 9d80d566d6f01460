/* What a void will reverse (ctl_void.h): read with the document view's controller (ctl_show),
 * so the screen says it in the words of `cartera show`. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl_dash.h"
#include "cartera/ctl_safety.h"
#include "cartera/ctl_show.h"
#include "cartera/ctl_void.h"
#include "cartera/i18n.h"

static void add(char *text, size_t size, const char *line)
{
	size_t n = strlen(text);

	if (n + 1 < size)
		snprintf(text + n, size - n, "%s%s", n ? "\n" : "", line);
}

int ctl_void_preview(ctl *c, const char *ref, char *text, size_t size, cart_err *e)
{
	ctl_show s;
	char line[400], a[48], b[48];
	int rc;

	text[0] = '\0';
	if ((rc = ctl_show_load(c, ref, &s, e)) != CART_OK)
		return rc;
	if (s.d.type == DOC_VOID)
		rc = cart_fail(e, CART_REFUSED, _("%s is a void itself: it cannot be voided"),
		               s.d.number);
	else if (s.void_number[0])
		rc = cart_fail(e, CART_REFUSED, _("%s is already voided by %s"), s.d.number,
		               s.void_number);
	else if (s.d.type == DOC_QUOTE)
		rc = cart_fail(e, CART_REFUSED, _("%s is a quote: it posted nothing to void"),
		               s.d.number);
	else
		rc = ctl_need_supervisor(c, _("void a document"), e);
	if (rc != CART_OK) {
		ctl_show_free(&s);
		return rc;
	}
	ctl_money(c, s.d.total, a, sizeof a);
	snprintf(line, sizeof line, _("%s, %s of %s, dated %s, for %s %s."), s.d.number,
	         ctl_dash_type_label(s.d.type), s.cl.name, s.d.date, s.d.currency, a);
	add(text, size, line);
	add(text, size, _("The void posts a reversing document dated today that takes back:"));
	for (int i = 0; i < s.nent; i++) {
		const doc_entry *en = &s.ent[i];
		int64_t used = en->amount - en->open;

		ctl_money(c, en->amount, a, sizeof a);
		if (used > 0) {
			ctl_money(c, used, b, sizeof b);
			snprintf(line, sizeof line, en->side == 'D' ?
			         _("  %s %s: %s of it was paid; those payments become credits in favour") :
			         _("  %s %s: %s of it was applied; those invoices are open again"),
			         en->code, a, b);
		} else
			snprintf(line, sizeof line, "  %s %s", en->code, a);
		add(text, size, line);
	}
	add(text, size, _("Both documents stay in the statement. Give the reason:"));
	ctl_show_free(&s);
	return CART_OK;
}
