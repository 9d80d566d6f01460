/* The reports of all clients on screen: the aging (SPEC R2), a row per client and currency, a
 * column per range, the totals per currency and the proof that they add up to the ledger; and
 * the follow-up (R3), per client the overdue documents apart from what falls due later, of every
 * client or of one. Tab switches between them, the as-of date is asked for, Enter opens the
 * statement of the row's client, and either is saved as PDF, XLSX or text or printed. The same
 * screen shows one document. */
#ifndef CARTERA_UI_SCR_REPORTS_H
#define CARTERA_UI_SCR_REPORTS_H

#include <stdint.h>

#include "dialog.h"
#include "screen.h"

#include "cartera/ctl.h"

enum { SCR_RPT_AGING, SCR_RPT_FOLLOWUP, SCR_RPT_DOCUMENT };
/* The audit trail (SPEC S3), of every client or of one (client_id): who did what, when. */
enum { SCR_RPT_AUDIT = SCR_RPT_DOCUMENT + 1 };

/* Report kind as of asof (NULL or "": today); client_id: the follow-up of that client only
 * (0: every client with something open). */
int scr_reports_new(ctl *c, int kind, int64_t client_id, const char *asof, ui_screen **out,
                    cart_err *e);
/* Open a report screen over the current one (scr_reports_new or scr_document_new with doc_id
 * set); a failure is said on the status line. */
void scr_reports_push(ctl *c, int kind, int64_t client_id, const char *asof);
void scr_document_push(ctl *c, int64_t doc_id);
/* The document of that number (or legal number) on screen, or why not on the status line. */
void scr_document_find(ctl *c, const char *number);
/* Ask for a document's number in dialog d (tag: the caller's answer tag). */
void scr_document_ask(dialog *d, int tag);
/* One document (SPEC D6: invoice, credit note, receipt, quote...): its dates, client and
 * entries, saved or printed as `cartera report document` writes it. */
int scr_document_new(ctl *c, int64_t doc_id, ui_screen **out, cart_err *e);

#endif
