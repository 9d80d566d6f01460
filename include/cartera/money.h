/* Money: int64_t minor units (cents), parsed from and printed to text in the company's format.
 * This is the only module that turns amounts into text and back. Overflow and malformed input are
 * errors, never wraparound or rounding; no floating point anywhere. */
#ifndef CARTERA_MONEY_H
#define CARTERA_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "cartera/err.h"

/* The largest amount accepted anywhere: 10^15 minor units (ten trillion with two decimals), far
 * below INT64_MAX so that sums of a whole ledger cannot overflow. */
#define MONEY_MAX INT64_C(1000000000000000)

typedef struct money_fmt {
	int decimals;   /* 0..4 digits after the decimal separator */
	char dec_sep;   /* '.' or ',' */
	char thou_sep;  /* ',', '.', ' ', '\'' or '\0' for none; never equal to dec_sep */
} money_fmt;

/* 2 decimals, '.' and ',' (1,234,567.89). */
extern const money_fmt money_fmt_default;

/* Check a format; CART_INVALID with a message when decimals or separators are unusable. */
int money_fmt_check(const money_fmt *f, cart_err *e);

/* Parse text into minor units. Accepts surrounding blanks, an optional leading '-' or '+',
 * digits optionally grouped by thousands with f->thou_sep (groups of exactly three after the
 * first), and at most f->decimals digits after f->dec_sep. "1.234,5" with decimals 2 gives 123450.
 * Rejects empty text, stray characters, too many decimals, bad grouping and anything whose
 * absolute value exceeds MONEY_MAX (CART_INVALID, message quoting the text). */
int money_parse(const char *text, const money_fmt *f, int64_t *out, cart_err *e);

/* Format minor units with grouping: -1234567 with decimals 2 -> "-12,345.67". Writes at most
 * size bytes (NUL included); returns the length it needed, like snprintf. */
int money_format(int64_t v, const money_fmt *f, char *buf, size_t size);
/* Same without thousands separators ("-12345.67"): for CSV and JSON. */
int money_format_plain(int64_t v, const money_fmt *f, char *buf, size_t size);

/* Share `width` whole cells among n amounts in proportion (largest remainder, in integers):
 * cells[i] = floor(v[i] * width / total), then the cells left go to the largest remainders, the
 * first of equals first. Amounts of 0 or less get no cell; all 0 gives all 0. n is at most
 * MONEY_SHARES_MAX (more are given no cells). Bars drawn from it add up to their whole width. */
#define MONEY_SHARES_MAX 16
void money_apportion(const int64_t *v, int n, int width, int *cells);

/* a + b and a * b with overflow checks; CART_INVALID when the result leaves +-MONEY_MAX. */
int money_add(int64_t a, int64_t b, int64_t *out, cart_err *e);
int money_mul(int64_t a, int64_t b, int64_t *out, cart_err *e);

/* Split total into n parts that add up exactly to total; the first (total % n) parts get one
 * minor unit more. n >= 1; parts has room for n values. */
void money_split(int64_t total, int n, int64_t *parts);

#endif
