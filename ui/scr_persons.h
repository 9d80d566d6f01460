/* The persons of a client (SPEC C2, seed 002), opened from the client form with F5 / C-p: a small
 * list (name, role, e-mail, phone, whether they receive mail) with add, edit and delete, each
 * person edited in a form. It edits the client form's view-model in place: nothing is written
 * until the client form is saved, so a new client's persons are saved together with it. Like the
 * client form it has no input loop of its own: the form hands it each key and draws it. */
#ifndef CARTERA_UI_SCR_PERSONS_H
#define CARTERA_UI_SCR_PERSONS_H

#include "form.h"
#include "listview.h"

#include "cartera/ctl_clients.h"

typedef struct scr_persons {
	ctlc_form *vm;        /* the client form's: vm->persons are the ones edited */
	int open;
	int mode;             /* list, person form, help, the two questions */
	int help_from;
	listview lv;
	long fetched;         /* the first row the list view fetched */
	form fm;              /* the person being edited */
	int editing;          /* its index in vm->persons; -1 for a new one */
	int changed;          /* the persons changed since the window opened */
} scr_persons;

/* What a key did, for the client form. */
enum { PERSONS_STAY, PERSONS_CLOSED };

void persons_open(scr_persons *s, ctlc_form *vm);
int persons_key(scr_persons *s, int key);
void persons_draw(scr_persons *s, const char *co_name);

#endif
