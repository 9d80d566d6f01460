/* The audit trail as a report; see include/cartera/rpt_audit.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/ctl_safety.h"
#include "cartera/i18n.h"
#include "cartera/rpt_audit.h"
#include "ctl/ctl_int.h"

static int add_row(const ctl_audit_line *l, void *ud)
{
	report *r = ud;
	char when[20];

	/* "2026-06-30T14:05:09.123Z" -> "2026-06-30 14:05:09" (UTC) */
	snprintf(when, sizeof when, "%.19s", l->at);
	if (when[10] == 'T')
		when[10] = ' ';
	report_row(r, RPT_ROW_DATA, NULL);
	if (l->client_id)
		report_row_ref(r, l->client_id);
	rpt_int(r, l->id, 0);
	rpt_text(r, when);
	rpt_text(r, l->clerk);
	rpt_text(r, l->action);
	rpt_text(r, l->number);
	rpt_text(r, l->detail);
	report_row_end(r);
	return 0;
}

int rpt_audit(ctl *c, int64_t client_id, report *r, cart_err *e)
{
	char ref[24] = "";
	client cl;
	int rc;

	report_title(r, "%s", _("Audit trail"));
	if (client_id) {
		if ((rc = ledger_client_get(c->l, client_id, &cl, e)) != CART_OK)
			return rc;
		report_client_line(r, "%s", cl.name);
		snprintf(ref, sizeof ref, "%lld", (long long)client_id);
	}
	report_line(r, "%s", _("Who did what, oldest first; the times are UTC. 'cartera check'"
	                       " verifies that no line was altered."));
	report_table(r, _("Audit"));
	report_col(r, "line", _("Line"), RPT_INT, RPT_RIGHT, 6, 4);
	report_col(r, "at", _("When (UTC)"), RPT_TEXT, RPT_LEFT, 19, 19);
	report_col(r, "clerk", _("Clerk"), RPT_TEXT, RPT_LEFT, 12, 6);
	report_col(r, "action", _("Action"), RPT_TEXT, RPT_LEFT, 16, 8);
	report_col(r, "document", _("Document"), RPT_TEXT, RPT_LEFT, 12, 10);
	report_col(r, "detail", _("Detail"), RPT_TEXT, RPT_LEFT, 40, 10);
	rc = ctl_audit_read(c, ref, NULL, NULL, NULL, add_row, r, e);
	if (rc != CART_OK) {
		report_finish(r, CART_IGNORED);
		return rc;
	}
	return report_finish(r, e);
}
