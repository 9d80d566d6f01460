/* Calendar dates: ISO YYYY-MM-DD text, day numbers for arithmetic, and "today", which a run can fix
 * with --today or CARTERA_TODAY (SPEC L6) so every report is reproducible. */
#ifndef CARTERA_DATE_H
#define CARTERA_DATE_H

#include <stddef.h>

#include "cartera/err.h"

/* Room for "YYYY-MM-DD" and its NUL. */
#define DATE_LEN 11

/* Days since 1970-01-01 (negative before). Valid dates are 1900-01-01 .. 2999-12-31. */
typedef int date_t;

/* Parse strict ISO YYYY-MM-DD (leap years honoured; 2026-02-29 is refused). CART_INVALID with a
 * message quoting the text when malformed or out of range. */
int date_parse(const char *text, date_t *out, cart_err *e);
/* Write YYYY-MM-DD into buf (DATE_LEN bytes). */
void date_format(date_t d, char buf[DATE_LEN]);
/* Is text a valid ISO date? */
int date_valid(const char *text);
/* Build from year, month, day; CART_INVALID when no such day. */
int date_from_ymd(int y, int m, int d, date_t *out, cart_err *e);
void date_to_ymd(date_t d, int *y, int *m, int *day);
/* Add n days (n may be negative). */
date_t date_add_days(date_t d, int n);
/* Add n months, clamping the day to the month's end (Jan 31 + 1 month = Feb 28/29). */
date_t date_add_months(date_t d, int n);

/* Fix today for this run (from --today); NULL unfixes. CART_INVALID when text is not a date. */
int date_set_today(const char *text, cart_err *e);
/* Today: the fixed date if set, else CARTERA_TODAY if set and valid, else the local clock.
 * A malformed CARTERA_TODAY is reported by date_today_check, not silently ignored. */
date_t date_today(void);
/* Returns CART_INVALID with a message when CARTERA_TODAY is set but malformed. */
int date_today_check(cart_err *e);

#endif
