/* The mail outbox, the company's mail templates and the mail settings (SPEC F4, F5), in the
 * ledger (schema 008). A message is stored whole before any delivery is tried, in the same
 * transaction as its line in the client's history; `mail send` claims one message at a time in
 * a transaction of its own, so two senders never hand one message to sendmail twice. */
#ifndef CARTERA_LEDGER_MAIL_H
#define CARTERA_LEDGER_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "cartera/ledger.h"
#include "cartera/mail.h"

typedef int (*mail_cb)(const mail_row *m, void *ud);

/* Store a message (raw: the whole RFC 5322 text) as pending, and its line in the client's
 * history (kind mail, about the document when doc_id is set), in one transaction; inside an
 * outer ledger_begin it joins that one. In: client_id, doc_id, kind, recipients, subject,
 * attachments. Out: id, history_id. */
int ledger_mail_queue(ledger *l, mail_row *m, const char *raw, size_t len, cart_err *e);

/* Claim the oldest message due (pending, or failed with next_try passed and attempts left): in
 * one transaction it becomes sending, by who, with one more attempt. *got 0 when none is due.
 * *raw is malloc'd. */
int ledger_mail_claim(ledger *l, const char *who, mail_row *m, char **raw, size_t *len, int *got,
                      cart_err *e);
/* The outcome of a claimed message: sent, or failed with the error (retried later). */
int ledger_mail_done(ledger *l, int64_t id, int ok, const char *error, cart_err *e);

/* Messages with status (-1 any) of one client (0 any), newest first. */
int ledger_mail_list(ledger *l, int status, int64_t client_id, mail_cb cb, void *ud, cart_err *e);
/* One message; raw may be NULL (else *raw malloc'd, *len its size). */
int ledger_mail_get(ledger *l, int64_t id, mail_row *m, char **raw, size_t *len, cart_err *e);
/* The message a line of the client's history recorded (CART_NOTFOUND when none). */
int ledger_mail_of_history(ledger *l, int64_t history_id, int64_t *id, cart_err *e);
/* Send again now: a failed message (or one left sending by a sender that died), id 0 = every
 * failed one; *n how many. Attempts start again from 0. */
int ledger_mail_retry(ledger *l, int64_t id, int *n, cart_err *e);
/* Cancel a pending or failed message: it stays, cancelled. */
int ledger_mail_cancel(ledger *l, int64_t id, cart_err *e);

/* Settings: "sendmail", "mail-from", "reply-to", "attach-statement" (yes/no), "lang", and
 * "self:LOGIN" (a clerk's own address). A missing key gives "". */
int ledger_mail_setting(ledger *l, const char *key, char *buf, size_t size, cart_err *e);
/* value "" removes the setting. */
int ledger_mail_setting_set(ledger *l, const char *key, const char *value, cart_err *e);

typedef int (*mail_template_cb)(const mail_template *t, void *ud);
/* The template name in lang; CART_NOTFOUND naming both when there is none. t->body malloc'd. */
int ledger_mail_template_get(ledger *l, const char *name, const char *lang, mail_template *t,
                             cart_err *e);
/* Add or replace (the caller has checked its placeholders). */
int ledger_mail_template_set(ledger *l, const mail_template *t, cart_err *e);
int ledger_mail_template_list(ledger *l, mail_template_cb cb, void *ud, cart_err *e);

/* The clerk this connection records (the Unix login unless set). */
const char *ledger_clerk(const ledger *l);

#endif
