/* Mail controller (SPEC F4, F5), for the screens and the command line alike: a message is
 * drafted (recipients, the company's template in the client's language, attachments from the
 * report renderers), may be changed by the clerk, and is queued in the outbox with its line in
 * the client's history; `mail send` (cron, or started in the background after a clerk sends)
 * delivers what waits through the sendmail command.
 *
 * The outbox's API for other features (follow-up letters): ctl_mail_init, ctl_mail_draft (or
 * fill a ctl_mail by hand), ctl_mail_attach / ctl_mail_attach_statement /
 * ctl_mail_attach_document, ctl_mail_queue, ctl_mail_free. */
#ifndef CARTERA_CTL_MAIL_H
#define CARTERA_CTL_MAIL_H

#include "cartera/ctl.h"
#include "cartera/mail.h"

#define CTL_MAIL_MAX_ATT 12

/* A message being prepared. Lists are comma-separated addresses, "Name <a@b>" allowed. */
typedef struct ctl_mail {
	int64_t client_id;
	int64_t doc_id;           /* the document it is about, 0 none */
	char kind[16];            /* "statement", "document", "reminder", "other" */
	char lang[3];             /* the template's language */
	char to[1024];
	char cc[1024];
	int copy_me;              /* a blind copy to the clerk's own address (self) */
	char self[160];           /* the clerk's own address, "" when unknown */
	char subject[256];
	char *body;               /* malloc'd UTF-8 text */
	mail_part att[CTL_MAIL_MAX_ATT];
	int n_att;
} ctl_mail;

void ctl_mail_init(ctl_mail *m);
/* Free the body and the attachments' data. */
void ctl_mail_free(ctl_mail *m);
/* Replace the body with a copy of text. */
int ctl_mail_set_body(ctl_mail *m, const char *text, cart_err *e);

/* What to draft. */
typedef struct ctl_mail_req {
	const char *kind;         /* "statement" (default), "document", "reminder" */
	int64_t client_id;        /* statement, reminder */
	int64_t doc_id;           /* document */
	const char *tmpl;         /* template name, NULL = kind */
	const char *lang;         /* NULL = the client's language, else the company's */
	const char *asof;         /* figures and statement as of, NULL = today */
	int attach_pdf;           /* statement, reminder: the statement PDF (statement: always) */
	int attach_xlsx;          /* the statement as XLSX too */
	int attach_statement;     /* document: -1 = the company's setting, 0 no, 1 yes */
	int attach_overdue;       /* reminder: each overdue invoice's PDF */
} ctl_mail_req;
void ctl_mail_req_init(ctl_mail_req *r);

/* Draft a message: To from the client's recipients (its e-mail and its persons marked to
 * receive notices), self from ctl_mail_self, subject and body from the template filled with
 * the client's figures, and the attachments asked for (built in memory, through a private
 * temporary file). A client with no address still gets a draft (To empty): queueing says. */
int ctl_mail_draft(ctl *c, const ctl_mail_req *r, ctl_mail *m, cart_err *e);

/* Attach a copy of data. */
int ctl_mail_attach(ctl_mail *m, const char *filename, const char *type, const void *data,
                    size_t len, cart_err *e);
/* The client's statement as of asof (NULL today) as PDF or XLSX (format RND_PDF, RND_XLSX). */
int ctl_mail_attach_statement(ctl *c, ctl_mail *m, const char *asof, int format, cart_err *e);
/* A posted document's PDF. */
int ctl_mail_attach_document(ctl *c, ctl_mail *m, int64_t doc_id, cart_err *e);

/* Check the message (a recipient, every address valid, a subject, a sender), build it as MIME
 * and store it in the outbox with its line in the client's history, in one transaction (inside
 * an outer ledger_begin it joins that one). Nothing is queued on a failure. *id may be NULL. */
int ctl_mail_queue(ctl *c, const ctl_mail *m, int64_t *id, cart_err *e);

/* ---- delivery ---- */

typedef struct ctl_mail_sent {
	int sent, failed;
	int64_t last_failed;      /* the id of the last message that failed */
	char last_error[512];
} ctl_mail_sent;
/* Deliver the messages due, one claimed at a time, at most max (0 = all). The command is
 * $CARTERA_SENDMAIL, else the company's sendmail setting. */
int ctl_mail_send(ctl *c, int max, ctl_mail_sent *r, cart_err *e);
/* Start `cartera --db DB mail send` in the background, detached (the clerk never waits). */
int ctl_mail_send_background(ctl *c, cart_err *e);
/* The command delivery uses, and where it comes from ("CARTERA_SENDMAIL" or "company"). */
int ctl_mail_command(ctl *c, char *buf, size_t size, const char **source, cart_err *e);

/* ---- the outbox ---- */

typedef int (*ctl_mail_cb)(const mail_row *m, void *ud);
/* status: "" or NULL for all, else a status name; client_id 0 = every client. Newest first. */
int ctl_mail_list(ctl *c, const char *status, int64_t client_id, ctl_mail_cb cb, void *ud,
                  cart_err *e);
/* One message; raw may be NULL, else *raw is malloc'd. */
int ctl_mail_get(ctl *c, int64_t id, mail_row *m, char **raw, size_t *len, cart_err *e);
/* The message a line of the client's history recorded. */
int ctl_mail_of_history(ctl *c, int64_t history_id, int64_t *id, cart_err *e);
/* Send again now a failed message (id), or every failed one (id 0); *n how many. */
int ctl_mail_retry(ctl *c, int64_t id, int *n, cart_err *e);
int ctl_mail_cancel(ctl *c, int64_t id, cart_err *e);
/* A message number as typed ("12", "#12"). */
int ctl_mail_id(const char *text, int64_t *id, cart_err *e);

/* ---- settings ----
 * Company: "sendmail", "mail-from", "reply-to", "attach-statement" (yes|no), "lang" (es|en).
 * Each value is checked; "" clears mail-from and reply-to. */
int ctl_mail_setting(ctl *c, const char *key, char *buf, size_t size, cart_err *e);
int ctl_mail_setting_set(ctl *c, const char *key, const char *value, cart_err *e);
/* Is key a mail setting of the company? */
int ctl_mail_is_setting(const char *key);
/* The clerk's own address: $CARTERA_MAIL_SELF, else the clerk's setting; "" when neither. */
int ctl_mail_self(ctl *c, char *buf, size_t size, cart_err *e);
int ctl_mail_self_set(ctl *c, const char *addr, cart_err *e);

/* The language a client's mail is written in: its own (ctl_mail_client_lang_set), else the
 * company's "lang"; "" in lang_set goes back to the company's. */
int ctl_mail_client_lang(ctl *c, int64_t client_id, char out[3], cart_err *e);
int ctl_mail_client_lang_set(ctl *c, int64_t client_id, const char *lang, cart_err *e);

/* ---- templates ---- */
typedef int (*ctl_mail_tpl_cb)(const mail_template *t, void *ud);
int ctl_mail_template_list(ctl *c, ctl_mail_tpl_cb cb, void *ud, cart_err *e);
/* t->body malloc'd (free it). */
int ctl_mail_template_get(ctl *c, const char *name, const char *lang, mail_template *t,
                          cart_err *e);
/* Save a template; a placeholder it does not know, or a brace left open, is refused naming the
 * line, and nothing is saved. */
int ctl_mail_template_set(ctl *c, const char *name, const char *lang, const char *subject,
                          const char *body, cart_err *e);

#endif
