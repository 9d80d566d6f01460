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

/* The order clerks type and read dates in (issue 14): ISO, or day first (DD/MM/YYYY, what
 * clerks in Peru, Colombia, Panama, Ecuador and Mexico use), a company setting. The program
 * keeps one order for its run (set when the ledger is opened), which the forms, the screens and
 * the printed reports use; the command line's arguments, CSV and JSON stay ISO. */
enum date_order { DATE_YMD = 0, DATE_DMY = 1 };
void date_set_order(int order);
int date_order(void);
/* "ymd" / "dmy" (also "iso", "DD/MM/YYYY"); -1 when unknown. */
int date_order_parse(const char *name);
const char *date_order_name(int order);
/* What a clerk is told to type: "YYYY-MM-DD" or "DD/MM/YYYY" (translated: "DD/MM/AAAA"). */
const char *date_order_pattern(int order);
/* Parse a typed date: ISO always; day first also as D/M/YYYY, DD-MM-YYYY or DDMMYYYY. A wrong
 * date says which form is expected. */
int date_parse_order(const char *text, int order, date_t *out, cart_err *e);
/* Write a date in the order: "2026-06-05" or "05/06/2026" (DATE_LEN bytes either way). */
void date_format_order(date_t d, int order, char buf[DATE_LEN]);
/* An ISO date text shown in the run's order; any other text is copied as it is. */
void date_show(const char *iso, char *buf, size_t size);

#endif
