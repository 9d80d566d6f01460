/* Error codes and the message that travels with them up to the screen or the command line.
 * Every fallible call returns one of these codes and fills a cart_err with words a clerk can act
 * on: what was wrong and where. The code list is one X-macro, so names and texts never drift. */
#ifndef CARTERA_ERR_H
#define CARTERA_ERR_H

#include <stdarg.h>

#include "cartera/i18n.h"

#define CART_ERRORS(X)                                                        \
	X(OK,       N_("ok"))                                                     \
	X(INVALID,  N_("invalid input"))                                          \
	X(NOTFOUND, N_("not found"))                                              \
	X(REFUSED,  N_("refused by the ledger's rules"))                          \
	X(CONFLICT, N_("already exists"))                                         \
	X(BUSY,     N_("the database is locked by another writer"))               \
	X(CORRUPT,  N_("the database file is damaged or is not a cartera ledger"))\
	X(VERSION,  N_("the database was written by a newer cartera"))           \
	X(DB,       N_("database error"))                                         \
	X(IO,       N_("input/output error"))                                     \
	X(NOMEM,    N_("out of memory"))

enum cart_code {
#define X(name, text) CART_##name,
	CART_ERRORS(X)
#undef X
	CART_NCODES
};

typedef struct cart_err {
	int code;
	char msg[512];
} cart_err;

/* Where a caller has no use for the message: a call whose failure it handles by the returned code
 * alone, or one that cannot fail (a date the ledger itself wrote). The error argument is never
 * NULL, so no failure is lost by accident (tests/cli/layers.sh checks every call). One sink,
 * written only on a failure nobody reads: no per-call cost on the rows' hot paths. */
extern cart_err cart_ignored;
#define CART_IGNORED (&cart_ignored)

/* Set *e to code and a printf-formatted message; return code. */
int cart_fail(cart_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), nonnull(1)));
int cart_vfail(cart_err *e, int code, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0), nonnull(1)));
/* Clear *e to CART_OK. */
void cart_clear(cart_err *e) __attribute__((nonnull(1)));
/* Short name ("INVALID") and generic text of a code. */
const char *cart_code_name(int code);
const char *cart_code_text(int code);

#endif
