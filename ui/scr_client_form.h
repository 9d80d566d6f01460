/* The client form screen (SPEC C1, seed 002), opened from the client list: New client and Edit
 * client. It runs inside the list's loop (no input loop of its own): the list hands it each key
 * and draws it; the discard question is a dialog (dialog.h) over it, not a nested prompt. */
#ifndef CARTERA_UI_SCR_CLIENT_FORM_H
#define CARTERA_UI_SCR_CLIENT_FORM_H

#include "dialog.h"
#include "form.h"
#include "scr_persons.h"

#include "cartera/ctl_clients.h"

typedef struct scr_cform {
	ctl_clients *v;
	ctlc_form vm;
	form fm;
	dialog dlg;           /* "Discard the changes? (y/n)" when it is up */
	scr_persons ps;       /* the client's persons (F5), over the form while ps.open */
} scr_cform;

/* What a key did, for the list's loop. */
enum { CFORM_STAY, CFORM_CLOSED, CFORM_SAVED, CFORM_HELP };

/* The form's keys (its help is drawn by the screen it runs in). */
extern const ui_keymap scr_cform_keys;

void cform_open_new(scr_cform *s, ctl_clients *v);
int cform_open_edit(scr_cform *s, ctl_clients *v, int64_t id, cart_err *e);
/* One key; CFORM_SAVED leaves the saved client's id in s->vm.id. */
int cform_key(scr_cform *s, int key);
void cform_draw(scr_cform *s, const char *co_name);

#endif
