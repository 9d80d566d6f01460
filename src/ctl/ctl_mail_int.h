/* Shared by the mail controller's two files (ctl_mail.c, ctl_mail_draft.c). */
#ifndef CARTERA_CTL_MAIL_INT_H
#define CARTERA_CTL_MAIL_INT_H

#include "cartera/ctl_mail.h"

/* Put what happened (e's message) after a sentence of our own: "what: why"; returns rc. */
int ctl_mail_because(cart_err *e, int rc, const char *what);
/* The language asked for, else the client's own (client_id 0: none), else the company's;
 * CART_INVALID when it is not es or en. */
int ctl_mail_lang_of(ctl *c, const char *want, int64_t client_id, char out[3], cart_err *e);

#endif
