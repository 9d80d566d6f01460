/* The terminal screens, as the rest of cartera sees them: no curses in this header. main() calls
 * ui_run_clients() when cartera runs without a command at a terminal, or with --keys. */
#ifndef CARTERA_UI_H
#define CARTERA_UI_H

#include "cartera/ctl.h"

typedef struct ui_opts {
	const char *keys;     /* key script: no terminal needed, screens drawn off-screen */
	const char *dump;     /* where <dump> appends screen dumps (default: stdout) */
	int cols, rows;       /* script mode's screen size (default 80x24) */
	const char *start;    /* the first screen: "dashboard" (NULL) or "clients" */
} ui_opts;

/* Parse "COLSxROWS" (20x8 up to 1000x1000); -1 when malformed. */
int ui_parse_size(const char *text, int *cols, int *rows);
/* Whether name is a first screen ui_run knows. */
int ui_start_known(const char *name);
/* The screens: the dashboard (SPEC B1-B3), or the client list (SPEC C3) with start "clients",
 * until the clerk leaves. The terminal is restored before it returns, also on errors; an error
 * is returned in *e for main to print. */
int ui_run(ctl *c, const ui_opts *o, cart_err *e);

#endif
