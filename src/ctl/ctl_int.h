/* Inside the controllers: the session a ctl * stands for. Seen by src/ctl, src/report and the unit
 * tests, never by the screens or the command line (they are built without src/ on the include
 * path). */
#ifndef CARTERA_CTL_INT_H
#define CARTERA_CTL_INT_H

#include "cartera/ctl.h"
#include "model/ledger.h"

struct ctl {
	ledger *l;
	company co;        /* valid when have_company */
	int have_company;
	char path[1024];
};

/* ctl_open and ctl_close on a ctl the caller holds (tests, benchmarks). */
int ctl_open_at(ctl *c, const char *path, int flags, cart_err *e);
void ctl_close_at(ctl *c);

/* After a posting: when rc is CART_OK, fill p's summary (client, total, currency, dates,
 * reference) from the ledger; returns rc. The posting has committed by then, so a failure to
 * read it back leaves the summary empty instead of turning a written document into an error. */
int ctl_posted(ctl *c, int rc, posted *p);

#endif
