/* The audit trail as a report (SPEC S3): who did what, when, for the screens (scr_reports.c) and
 * any renderer. Each row carries its client (report_row_ref), so a screen opens its statement. */
#ifndef CARTERA_RPT_AUDIT_H
#define CARTERA_RPT_AUDIT_H

#include "cartera/ctl.h"
#include "cartera/report.h"

/* Every line of the audit, oldest first, of one client (client_id) or of all (0). */
int rpt_audit(ctl *c, int64_t client_id, report *r, cart_err *e);

#endif
