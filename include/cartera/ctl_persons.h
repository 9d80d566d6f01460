/* The persons associated with a client (SPEC C2) as a clerk types them: each field's text checked
 * with a message for the clerk (name required, e-mail well formed, phone characters), and a
 * person's typed fields turned into a model record. No curses and no SQL here. The e-mail and
 * phone checks are the client form's too. */
#ifndef CARTERA_CTL_PERSONS_H
#define CARTERA_CTL_PERSONS_H

#include <stddef.h>

#include "cartera/contact.h"
#include "cartera/types.h"

enum ctlp_field { PF_NAME, PF_ROLE, PF_EMAIL, PF_PHONE, PF_MOBILE, PF_NOTIFY, PF_COUNT };

/* The field's name for messages ("e-mail"), translated. */
const char *ctl_person_field_name(int field);
/* Check one field's text as the clerk leaves it: the message (not naming the field, which the
 * form shows beside it) in err, "" when fine. PF_NOTIFY is a yes/no and always fine. */
void ctl_person_check(int field, const char *text, char *err, size_t size);
/* The typed fields (text[PF_NOTIFY] is ignored) into *out, blanks trimmed at both ends; every
 * field checked, too long ones refused. On an error *field says which one and the message names
 * it ("the person's e-mail ..."). out->id and out->client_id are left as they were. */
int ctl_person_from_text(const char *const text[PF_COUNT], int notify, person *out, int *field,
                         cart_err *e);
/* Check a whole person record (as the client form saves it). */
int ctl_person_validate(const person *p, int *field, cart_err *e);

/* The persons of a client and where its mail goes, through the controller (ctl_read.c). */
typedef struct ctl ctl;
int ctl_person_add(ctl *c, person *p, cart_err *e);
int ctl_person_get(ctl *c, int64_t id, person *p, cart_err *e);
int ctl_person_delete(ctl *c, int64_t client_id, int64_t id, cart_err *e);
int ctl_person_list(ctl *c, int64_t client_id, person *out, int max, int *n, cart_err *e);
int ctl_client_recipients(ctl *c, int64_t client_id, mail_to *out, int max, int *n, cart_err *e);

#endif
