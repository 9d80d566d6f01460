/* Output files written safely: to a private temporary file beside the target, put in place by
 * rename() only once complete, so a reader (or a killed run) sees the old file or the whole new
 * one, never half of one. A symbolic link at the target is refused, never followed, and an
 * existing file is replaced only when asked (--force). Every report, export and statement run
 * writes through here. */
#ifndef CARTERA_OUTFILE_H
#define CARTERA_OUTFILE_H

#include <stdio.h>

#include "cartera/err.h"

enum { OUTFILE_FORCE = 1 };

typedef struct outfile {
	char path[1024];    /* where the file goes */
	char tmp[1100];     /* the temporary file being written ("" when none) */
	int flags;
} outfile;

/* Check path (no symlink, no directory; no existing file unless OUTFILE_FORCE) and create the
 * private (0600) temporary file beside it; write it by o->tmp. */
int outfile_begin(outfile *o, const char *path, int flags, cart_err *e);
/* The temporary file opened for writing ("w"); NULL with errno on failure. */
FILE *outfile_fopen(outfile *o);
/* Flush it to disk and rename it over path (without force: only when path still does not
 * exist). The temporary file is gone afterwards, whatever happened. */
int outfile_commit(outfile *o, cart_err *e);
/* Drop the temporary file; path is left as it was. */
void outfile_abort(outfile *o);
/* Check a target without writing anything (the same refusals as outfile_begin). */
int outfile_check(const char *path, int flags, cart_err *e);

#endif
