/* The small box over the receipt form where one means of payment (kind, amount, a cheque's
 * bank and number, a post-dated cheque's cash date) or one withholding (kind, certificate,
 * amount) is typed; F9 or Enter on its last field adds it to the receipt's view-model, Esc
 * closes it with nothing added. A state of the receipt screen, not a loop of its own. */
#ifndef CARTERA_UI_SCR_RECEIPT_MEANS_H
#define CARTERA_UI_SCR_RECEIPT_MEANS_H

#include "form.h"

#include "cartera/ctl_docs.h"

enum { RMEANS_NONE, RMEANS_MEANS, RMEANS_WH };

typedef struct rmeans {
	int kind;                /* RMEANS_*: what the box is for; NONE: closed */
	form fm;
} rmeans;

/* The name of a means of payment for the clerk (enum means_kind), translated. */
const char *rmeans_kind_label(int kind);
void rmeans_open(rmeans *m, int kind);
/* One key; 1 when something was added to f (the box is closed then). Messages on the status
 * line. */
int rmeans_key(rmeans *m, ctl_receipt_form *f, int key);
void rmeans_draw(rmeans *m);

#endif
