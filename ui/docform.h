/* What the posting forms share (the credit note, scr_credit_note.c; the debit note,
 * scr_debit_note.c; opening balances, scr_opening.c): the first member of each form's screen,
 * with the form, its dialog, the help shown and the client picked, and three key handlers the
 * same on every such form (help, post, cancel: DOCFORM_ACTS in each form's key table). The
 * notes also pick the client by what was typed and choose among its open invoices here. */
#ifndef CARTERA_UI_DOCFORM_H
#define CARTERA_UI_DOCFORM_H

#include "actions.h"
#include "dialog.h"
#include "form.h"
#include "screen.h"

#include "cartera/ctl.h"

/* The dialog tag of "close without posting?"; a form's own tags stay below it. */
enum { DF_ASK_DISCARD = 64 };

typedef struct docform docform;
struct docform {
	ui_screen base;
	ctl *c;
	form fm;
	dialog dlg;
	int help;
	int client_field;          /* the form's client field */
	int64_t client_id;         /* the client picked, while its name is in the field */
	char client_name[FORM_VALUE_MAX];
	int (*post)(docform *d);   /* F9: SCR_STAY or SCR_CLOSE */
	/* the client's open invoices, oldest first, for an invoice's choose dialog */
	char (*pick_num)[96];
	const char **pick_opt;
	char (*pick_doc)[32];
	int npick;
};

int docform_act_help(void *self, int key);
int docform_act_post(void *self, int key);
int docform_act_cancel(void *self, int key);
#define DOCFORM_ACTS \
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), \
	       docform_act_help), \
	UI_ACT(N_("Post"), UK_F(9), UK_CTRL('s'), 0, 0, N_("post the document; its number is shown"), \
	       docform_act_post), \
	UI_ACT(N_("Cancel"), UK_ESC, UK_F(10), 0, 0, \
	       N_("close the form; asks first when something was typed"), docform_act_cancel)

/* Before the form's own keys: an open dialog or the help takes the key (1 = taken; *r the
 * screen's answer); a dialog answered OK goes to answered with its tag. */
int docform_key_first(docform *d, int key, void (*answered)(docform *d, int tag), int *r);
/* After them: the form edits the field, and the status line follows the field left; what
 * form_handle_key answered. */
int docform_key_form(docform *d, int key);

/* The client as the controller takes it: the id picked, or what was typed. */
void docform_client_ref(const docform *d, char *buf, size_t size);
/* Something typed in the client field that is not the client picked. */
int docform_needs_pick(const docform *d);
/* The pick dialog (tag) filtered by typed; 1 when one client matched and was chosen at once
 * (its id in d->dlg.picked: docform_client_set next). */
int docform_ask_client(docform *d, int tag, const char *title, const char *typed);
/* The client picked (by id) into the field; then the cursor goes to field next. */
void docform_client_set(docform *d, int64_t id, int next);
/* The client's open invoices as of date (oldest first) in a choose dialog (tag); the status
 * line says why not when there are none. */
void docform_ask_invoice(docform *d, int tag, const char *date, const char *title,
                         const char *none);
void docform_free(docform *d);

#endif
