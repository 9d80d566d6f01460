/* Money: int64_t minor units to and from the company's text format. See include/cartera/money.h.
 * Everything is integer arithmetic on purpose: a double cannot hold 0.10 exactly, and a ledger
 * that drifts by a cent is a ledger nobody trusts. */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cartera/money.h"
#include "cartera/i18n.h"

/* The widest text money_format can produce: sign, 19 digits of INT64_MIN, 6 separators, the
 * decimal separator and NUL, with room to spare. */
#define MONEY_TEXT_MAX 48
/* The header allows 0..4 decimals; anything larger would not fit the buffers below. */
#define MONEY_DECIMALS_MAX 4

const money_fmt money_fmt_default = { 2, '.', ',' };

/* Show a separator in a message: a printable byte in quotes, anything else by its code, so a
 * stray NUL or control byte never truncates or garbles the clerk's message. */
static const char *sep_text(char c, char buf[16])
{
	if (c == '\0')
		snprintf(buf, 16, _("none"));
	else if (c >= 0x20 && c < 0x7f)
		snprintf(buf, 16, "\"%c\"", c);
	else
		snprintf(buf, 16, _("byte 0x%02x"), (unsigned char)c);
	return buf;
}

int money_fmt_check(const money_fmt *f, cart_err *e)
{
	char a[16], b[16];

	if (f->decimals < 0 || f->decimals > MONEY_DECIMALS_MAX)
		return cart_fail(e, CART_INVALID,
				 _("money format: %d decimals; use 0 to %d"),
				 f->decimals, MONEY_DECIMALS_MAX);
	if (f->dec_sep != '.' && f->dec_sep != ',')
		return cart_fail(e, CART_INVALID,
				 _("money format: decimal separator %s; use \".\" or \",\""),
				 sep_text(f->dec_sep, a));
	if (f->thou_sep != ',' && f->thou_sep != '.' && f->thou_sep != ' ' &&
	    f->thou_sep != '\'' && f->thou_sep != '\0')
		return cart_fail(e, CART_INVALID,
				 _("money format: thousands separator %s; "
				 "use \",\", \".\", \" \", \"'\" or none"),
				 sep_text(f->thou_sep, a));
	if (f->thou_sep == f->dec_sep)
		return cart_fail(e, CART_INVALID,
				 _("money format: thousands separator %s "
				 "is also the decimal separator %s"),
				 sep_text(f->thou_sep, a), sep_text(f->dec_sep, b));
	return CART_OK;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Append one digit to *v. Past MONEY_MAX the value is already an error, so it stops growing
 * instead of overflowing; MONEY_MAX * 10 + 9 still fits an int64_t. */
static void push_digit(int64_t *v, int *over, char c)
{
	if (*v > MONEY_MAX)
		*over = 1;
	else
		*v = *v * 10 + (c - '0');
}

int money_parse(const char *text, const money_fmt *f, int64_t *out, cart_err *e)
{
	const char *p, *end;
	char maxbuf[MONEY_TEXT_MAX];
	int neg = 0, over = 0, int_digits = 0, ndec = 0, i;
	int group = -1;	/* digits since the last thousands separator; -1 before the first */
	int64_t v = 0;

	if (!f)
		f = &money_fmt_default;
	if (!text)
		text = "";

	/* Blanks around the amount are trimmed first, so that a blank thousands separator is never
	 * confused with the padding of a form field. */
	p = text;
	end = text + strlen(text);
	while (p < end && is_blank(*p))
		p++;
	while (end > p && is_blank(end[-1]))
		end--;
	if (p == end)
		return cart_fail(e, CART_INVALID, _("amount \"%s\" is empty"), text);

	if (*p == '-' || *p == '+')
		neg = *p++ == '-';

	for (; p < end; p++) {
		if (is_digit(*p)) {
			push_digit(&v, &over, *p);
			int_digits++;
			if (group >= 0)
				group++;
		} else if (f->thou_sep != '\0' && *p == f->thou_sep) {
			if (int_digits == 0)
				return cart_fail(e, CART_INVALID,
						 _("amount \"%s\" is not a number"), text);
			/* The first group has one to three digits, every later one
			 * exactly three. */
			if ((group < 0 && int_digits > 3) || (group >= 0 && group != 3))
				goto bad_grouping;
			group = 0;
		} else {
			break;
		}
	}
	if (int_digits == 0)
		return cart_fail(e, CART_INVALID, _("amount \"%s\" is not a number"), text);
	if (group >= 0 && group != 3)
		goto bad_grouping;

	if (p < end && *p == f->dec_sep) {
		for (p++; p < end && is_digit(*p); p++) {
			push_digit(&v, &over, *p);
			ndec++;
		}
		/* "12." is more likely a typing slip than a whole amount. */
		if (ndec == 0)
			return cart_fail(e, CART_INVALID,
					 _("amount \"%s\" is not a number"), text);
	}
	if (p < end)
		return cart_fail(e, CART_INVALID, _("amount \"%s\" is not a number"), text);
	if (ndec > f->decimals)
		return cart_fail(e, CART_INVALID,
				 P_("amount \"%s\" has more than %d decimal",
				    _("amount \"%s\" has more than %d decimals"), (unsigned long)f->decimals),
				 text, f->decimals);

	for (i = ndec; i < f->decimals; i++)
		push_digit(&v, &over, '0');
	if (over || v > MONEY_MAX) {
		money_format(MONEY_MAX, f, maxbuf, sizeof maxbuf);
		return cart_fail(e, CART_INVALID,
				 _("amount \"%s\" is larger than the limit of %s"), text, maxbuf);
	}
	*out = neg ? -v : v;
	return CART_OK;

bad_grouping:
	{
		char sep[16];

		return cart_fail(e, CART_INVALID,
				 _("amount \"%s\" has misplaced thousands separators (%s)"),
				 text, sep_text(f->thou_sep, sep));
	}
}

static int format(int64_t v, const money_fmt *f, char thou, char *buf, size_t size)
{
	char digits[24], tmp[MONEY_TEXT_MAX];
	/* Negate in unsigned arithmetic: -INT64_MIN does not fit an int64_t. */
	uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
	int dec = f->decimals, nd = 0, n = 0, i;

	/* An unchecked format must not overrun the buffers. */
	if (dec < 0)
		dec = 0;
	if (dec > MONEY_DECIMALS_MAX)
		dec = MONEY_DECIMALS_MAX;

	/* Digits least significant first, padded so there is at least one integer digit. */
	do {
		digits[nd++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag);
	while (nd < dec + 1)
		digits[nd++] = '0';

	if (v < 0)
		tmp[n++] = '-';
	for (i = nd - 1; i >= dec; i--) {
		tmp[n++] = digits[i];
		if (thou != '\0' && i > dec && (i - dec) % 3 == 0)
			tmp[n++] = thou;
	}
	if (dec > 0) {
		tmp[n++] = f->dec_sep;
		for (i = dec - 1; i >= 0; i--)
			tmp[n++] = digits[i];
	}

	if (size > 0) {
		size_t k = (size_t)n < size - 1 ? (size_t)n : size - 1;

		memcpy(buf, tmp, k);
		buf[k] = '\0';
	}
	return n;
}

int money_format(int64_t v, const money_fmt *f, char *buf, size_t size)
{
	if (!f)
		f = &money_fmt_default;
	return format(v, f, f->thou_sep, buf, size);
}

int money_format_plain(int64_t v, const money_fmt *f, char *buf, size_t size)
{
	if (!f)
		f = &money_fmt_default;
	return format(v, f, '\0', buf, size);
}

int money_add(int64_t a, int64_t b, int64_t *out, cart_err *e)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r) || r > MONEY_MAX || r < -MONEY_MAX)
		return cart_fail(e, CART_INVALID,
				 _("amount %" PRId64 " + %" PRId64
				 " (minor units) is beyond the limit of %" PRId64),
				 a, b, MONEY_MAX);
	*out = r;
	return CART_OK;
}

int money_mul(int64_t a, int64_t b, int64_t *out, cart_err *e)
{
	int64_t r;

	if (__builtin_mul_overflow(a, b, &r) || r > MONEY_MAX || r < -MONEY_MAX)
		return cart_fail(e, CART_INVALID,
				 _("amount %" PRId64 " * %" PRId64
				 " (minor units) is beyond the limit of %" PRId64),
				 a, b, MONEY_MAX);
	*out = r;
	return CART_OK;
}

void money_split(int64_t total, int n, int64_t *parts)
{
	int64_t q, r, step;
	int i;

	if (n < 1)
		return;
	/* C division truncates toward zero, so for a negative total the remainder is negative too:
	 * the first |r| parts then get one unit more in magnitude (-100 / 3 = -34, -33, -33), the
	 * mirror image of a positive split. */
	q = total / n;
	r = total % n;
	step = r < 0 ? -1 : 1;
	if (r < 0)
		r = -r;
	for (i = 0; i < n; i++)
		parts[i] = q + (i < r ? step : 0);
}

void money_apportion(const int64_t *v, int n, int width, int *cells)
{
	int64_t total = 0;
	__int128 rem[MONEY_SHARES_MAX];
	int used = 0;

	for (int i = 0; i < n; i++)
		cells[i] = 0;
	if (n > MONEY_SHARES_MAX)
		n = MONEY_SHARES_MAX;
	for (int i = 0; i < n; i++)
		total += v[i] > 0 ? v[i] : 0;
	for (int i = 0; i < n; i++) {
		__int128 num = (__int128)(v[i] > 0 ? v[i] : 0) * width;

		cells[i] = total > 0 ? (int)(num / total) : 0;
		rem[i] = total > 0 ? num % total : 0;
		used += cells[i];
	}
	/* the cells left go to the largest remainders, the first of equals first */
	while (total > 0 && used < width) {
		int best = -1;

		for (int i = 0; i < n; i++)
			if (v[i] > 0 && (best < 0 || rem[i] > rem[best]))
				best = i;
		if (best < 0)
			break;
		cells[best]++;
		rem[best] = -1;
		used++;
	}
}
