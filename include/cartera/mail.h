/* Mail (SPEC F4): messages built as MIME by GMime (never by hand), handed whole to the system's
 * sendmail-compatible command, and the company's templates with their placeholders. No SQL and
 * no curses here; the outbox that keeps the messages is in the model (src/model/ledger_mail.h),
 * the actions in the controller (cartera/ctl_mail.h). */
#ifndef CARTERA_MAIL_H
#define CARTERA_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "cartera/err.h"

/* ---- the outbox's messages ---- */

#define MAIL_STATUSES(X) \
	X(PENDING, "pending") X(SENDING, "sending") X(SENT, "sent") X(FAILED, "failed") \
	X(CANCELLED, "cancelled")
enum mail_status {
#define X(id, name) MAIL_##id,
	MAIL_STATUSES(X)
#undef X
	MAIL_NSTATUSES
};
const char *mail_status_name(int status);
int mail_status_parse(const char *name); /* -1 when unknown */

/* Automatic retries: failure n waits MAIL_RETRY_FIRST * 2^(n-1) seconds, at most MAIL_RETRY_MAX;
 * after MAIL_MAX_ATTEMPTS attempts only `mail retry` sends the message again. */
#define MAIL_RETRY_FIRST 300
#define MAIL_RETRY_MAX (6 * 3600)
#define MAIL_MAX_ATTEMPTS 8
int mail_retry_delay(int attempts);

/* A message in the outbox, as listed (the raw message apart). Times are UTC "...T...Z". */
typedef struct mail_row {
	int64_t id, client_id, doc_id, history_id;
	char kind[16];            /* statement, document, reminder, other */
	char created_at[24], updated_at[24], next_try[24], sent_at[24];
	char clerk[64];
	char client_name[200];
	char number[32];          /* the document's number, or "" */
	char recipients[1024];    /* every address it goes to, for people: "a@b, c@d" */
	char subject[256];
	char attachments[512];    /* file names, ", " between */
	int status;               /* enum mail_status */
	int attempts;
	char last_error[512];
} mail_row;

typedef struct mail_template {
	char name[32];            /* statement, document, reminder, or the company's own */
	char lang[3];             /* es, en */
	char subject[256];
	char *body;               /* malloc'd when read from the ledger */
	char updated_at[24];
} mail_template;

/* ---- building ---- */

typedef struct mail_part {
	char filename[128];       /* as the recipient sees it: "estado-de-cuenta.pdf" */
	char type[96];            /* "application/pdf" */
	unsigned char *data;      /* malloc'd, owned by whoever filled it */
	size_t len;
	int off;                  /* 1: left out of the message (unticked) */
} mail_part;

typedef struct mail_msg {
	const char *from;         /* "Empresa S.A. <cobros@empresa.pe>" */
	const char *reply_to;     /* may be NULL or "" */
	const char *to, *cc, *bcc; /* address lists: "Ñañez <a@b.pe>, c@d.pe"; cc, bcc may be NULL */
	const char *subject;      /* UTF-8 */
	const char *body;         /* UTF-8 plain text */
	const mail_part *parts;
	int nparts;
} mail_msg;

/* The whole message (RFC 5322, LF line ends, as sendmail takes it): headers From, Reply-To, To,
 * Cc, Bcc, Subject (RFC 2047 where not ASCII), Date, Message-ID; a quoted-printable UTF-8 text
 * part; each part not off as a base64 attachment with its file name. *raw malloc'd. */
int mail_build(const mail_msg *m, char **raw, size_t *len, cart_err *e);

/* Is addr a plain address (local@domain.tld, no blanks, no display name)? */
int mail_addr_valid(const char *addr);
/* Check an address list ("Name <a@b>, c@d"): every address valid; what names the field in the
 * message. *n (may be NULL) counts them; an empty list is valid with *n 0. */
int mail_addr_check(const char *list, const char *what, int *n, cart_err *e);

/* Call fn for each address of a list ("Name <a@b>, \"Last, First\" <c@d>; e@f"), name "" when
 * it has none; the first bad address is refused, naming what. */
typedef int (*mail_addr_fn)(void *ud, const char *name, const char *addr);
int mail_addr_each(const char *list, mail_addr_fn fn, void *ud, const char *what, cart_err *e);

/* Pipe raw to command (run by /bin/sh -c), waiting at most timeout seconds. CART_OK when it
 * exits 0; else CART_IO with its exit status and what it wrote on stderr in e. */
int mail_deliver(const char *command, const char *raw, size_t len, int timeout, cart_err *e);

/* ---- templates ----
 * Placeholders are names in braces: {client}; "{{" is a brace. One list, for the check, the
 * expansion and the help. */
#define MAIL_PLACEHOLDERS(X)                                                          \
	X(client,         N_("the client's name"))                                      \
	X(tax_id,         N_("the client's tax id"))                                    \
	X(date,           N_("the date the figures are as of"))                         \
	X(due,            N_("what is open and not yet due"))                           \
	X(overdue,        N_("what is overdue"))                                        \
	X(credits,        N_("credits in the client's favour"))                         \
	X(net,            N_("net balance: due plus overdue less credits"))             \
	X(aging,          N_("the open balance by aging range, one line each"))        \
	X(overdue_table,  N_("the overdue documents: number, due date, days, amount"))  \
	X(document,       N_("the document's number (documents only)"))                 \
	X(document_type,  N_("the document's type (documents only)"))                   \
	X(document_date,  N_("the document's date (documents only)"))                   \
	X(document_due,   N_("the document's due date (documents only)"))               \
	X(document_total, N_("the document's total (documents only)"))                  \
	X(clerk,          N_("the clerk sending it"))                                   \
	X(company,        N_("the company's name"))

enum mail_ph {
#define X(name, help) MAIL_PH_##name,
	MAIL_PLACEHOLDERS(X)
#undef X
	MAIL_NPH
};
const char *mail_ph_name(int ph);
const char *mail_ph_help(int ph);    /* untranslated: pass through _() */

/* Refuse a template text that names an unknown placeholder or leaves a brace open, naming it,
 * what (subject, body) and the line. */
int mail_tpl_check(const char *text, const char *what, cart_err *e);
/* Fill the placeholders from values[MAIL_NPH] (NULL = ""); *out malloc'd. */
int mail_tpl_expand(const char *text, const char *const *values, char **out, cart_err *e);

#endif
