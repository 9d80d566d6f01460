/* Text that cannot attack a terminal or a spreadsheet. The model refuses, on every write, text
 * with control characters (ESC sequences included) or invalid UTF-8, and text over its limit
 * (never cut silently); a terminal gets anything printed escaped; CSV cells that a spreadsheet
 * would run as a formula are neutralised. */
#ifndef CARTERA_TEXT_H
#define CARTERA_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "cartera/err.h"

/* Limits in bytes of UTF-8 (an ñ takes two), the same in every face: each is one less than the
 * field's buffer can hold less one, so a face that had to cut the text is refused, not obeyed. */
enum {
	TEXT_MAX_NAME = 198,    /* client, company and person names, addresses, e-mails */
	TEXT_MAX_NOTES = 398,   /* a client's notes */
	TEXT_MAX_REF = 62,      /* references, document numbers of other systems */
	TEXT_MAX_SHORT = 38,    /* phones */
	TEXT_MAX_KEY = 200,     /* idempotency keys */
	TEXT_MAX_MEMO = 198,    /* memos, reasons, line descriptions */
	TEXT_MAX_METHOD = 22,   /* a payment method's name */
};
/* The limit of a fixed-size field: what it holds less one, so a cut copy is refused. */
#define TEXT_LIMIT(field) (sizeof(field) - 2)

/* CART_OK, or CART_INVALID naming what: longer than max bytes, invalid UTF-8 (at which byte), or
 * a control character (which, and where). NULL is empty text. Tabs and line ends are controls
 * too, except in multi-line text (text_check_lines: "\n" and "\t" pass). */
int text_check(const char *s, size_t max, const char *what, cart_err *e);
int text_check_lines(const char *s, size_t max, const char *what, cart_err *e);

/* Make *fp (stdout or stderr) escape what it writes to a terminal: control characters other than
 * line end and tab, and invalid UTF-8, are shown as \xHH; does nothing when fd is not a
 * terminal (scripts get the bytes). Returns 0, or -1 when it could not. */
int text_tty_guard(FILE **fp, int fd);
/* The same escaping into buf (for a screen or a message); returns buf. */
char *text_escape(const char *s, char *buf, size_t size);

/* A CSV cell that starts with = + - @ (or tab / CR) gets a leading apostrophe so a spreadsheet
 * shows it as text (OWASP): returns 1 when cell needs it. A signed number (-150.00) or phone
 * (+57 604 555 1234), with no letters, is left as it is. */
int text_csv_formula(const char *cell);

#endif
