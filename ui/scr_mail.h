/* Mail on screen (SPEC F4): the "Send by mail" screen, opened from a statement, a dashboard row,
 * a document and the aging and follow-up reports, and the outbox. Sending only queues the
 * message (with its line in the client's history) and starts `cartera mail send` in the
 * background: the clerk never waits for the network. */
#ifndef CARTERA_UI_SCR_MAIL_H
#define CARTERA_UI_SCR_MAIL_H

#include "dialog.h"

#include "cartera/ctl_mail.h"

/* Draft the message r asks for and open the screen over the one on top; a draft that cannot be
 * made (no template, an attachment that cannot be built) is said on the status line. */
void scr_mail_push(ctl *c, const ctl_mail_req *r);
/* The statement of a client as of asof (NULL today), or a posted document. */
void scr_mail_statement(ctl *c, int64_t client_id, const char *asof);
void scr_mail_document(ctl *c, int64_t doc_id);
/* Run $VISUAL (else $EDITOR) on *body, the screen given back after; *body is replaced by what
 * was saved (a failure is said on the status line, *body kept). 0 when neither is set (the
 * caller then edits with mledit), 1 otherwise. */
int ui_edit_external(char **body);
/* The company's mail templates: list, edit the subject and body (checked when saved), add one. */
void scr_mail_templates_push(ctl *c);
/* The outbox: pending, failed with the error, sent; retry one or all, cancel, show. */
void scr_outbox_push(ctl *c);
/* Message id in a window of d (tag), as the outbox shows it; a failure on the status line. */
void scr_outbox_message(ctl *c, dialog *d, int tag, int64_t id);

#endif
