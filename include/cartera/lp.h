/* Printing a finished report file through the system's spooler (lp: CUPS' cups-client, or
 * lprng's), for the screens; the file stays where it is whatever happens, and every failure
 * names it, so nothing is lost when there is no printer. */
#ifndef CARTERA_LP_H
#define CARTERA_LP_H

#include <stddef.h>

#include "cartera/err.h"

/* Run `lp [-d PRINTER] path` (printer NULL or "": $PRINTER, else the spooler's default) with
 * its output sent to /dev/null (a screen is up) and wait for it. CART_IO with a message naming
 * the cause (lp not found, not started, or refusing the job); the caller says where the file
 * is kept. */
int lp_print(const char *path, const char *printer, cart_err *e);
/* Where a printed report is kept when no file was asked for: $XDG_DATA_HOME/cartera/printed/
 * (~/.local/share by default) + name + ext (".pdf"). */
void lp_kept_path(const char *name, const char *ext, char *buf, size_t size);

#endif
