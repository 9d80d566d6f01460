/* The screens' entry point: the terminal set up, the first screen pushed, the one loop run. */
#include "config.h"

#include <string.h>

#include "scr_clients.h"
#include "scr_dash.h"
#include "screen.h"
#include "ui_int.h"

int ui_start_known(const char *name)
{
	return !name || !strcmp(name, "dashboard") || !strcmp(name, "clients");
}

int ui_run(ctl *c, const ui_opts *o, cart_err *e)
{
	ui_screen *first;
	int rc;

	if (ui_begin(o, e) != CART_OK)
		return e->code;
	if (o->start && !strcmp(o->start, "clients"))
		rc = scr_clients_new(c, &first, e);
	else
		rc = scr_dash_new(c, 0, &first, e);
	if (rc == CART_OK && ui_screen_push(first) == 0)
		ui_screens_run();
	ui_end();
	return rc;
}
