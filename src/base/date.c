/* Calendar dates as day numbers since 1970-01-01. See include/cartera/date.h.
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days: exact proleptic
 * Gregorian arithmetic with no dependence on time_t, time zones or the C library's mktime. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cartera/date.h"
#include "cartera/i18n.h"

#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2999

/* A date fixed by --today for this run; it wins over CARTERA_TODAY and the clock. */
static int today_fixed;
static date_t today_value;

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Computed in long: date_add_days may be handed day numbers far outside the valid range. */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

enum ymd_status { YMD_OK, YMD_NODAY, YMD_RANGE };

static enum ymd_status ymd_check(int y, int m, int d)
{
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return YMD_NODAY;
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return YMD_RANGE;
	if (d > month_days(y, m))
		return YMD_NODAY;
	return YMD_OK;
}

static int two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

int date_parse(const char *text, date_t *out, cart_err *e)
{
	static const char shape[] = "dddd-dd-dd";
	int i, y, m, d;

	if (!text)
		text = "";
	/* Exactly ten characters: no blanks, no signs, no single-digit months. A date that has to
	 * be guessed at is a date someone will later dispute. */
	for (i = 0; shape[i]; i++) {
		if (shape[i] == 'd' ? text[i] < '0' || text[i] > '9' : text[i] != '-')
			break;
	}
	if (shape[i] != '\0' || text[i] != '\0')
		return cart_fail(e, CART_INVALID,
				 _("date \"%s\" is not in the form YYYY-MM-DD"), text);

	y = two_digits(text) * 100 + two_digits(text + 2);
	m = two_digits(text + 5);
	d = two_digits(text + 8);
	switch (ymd_check(y, m, d)) {
	case YMD_NODAY:
		return cart_fail(e, CART_INVALID, _("date \"%s\" does not exist"), text);
	case YMD_RANGE:
		return cart_fail(e, CART_INVALID,
				 _("date \"%s\" is outside %d-01-01..%d-12-31"),
				 text, DATE_YEAR_MIN, DATE_YEAR_MAX);
	case YMD_OK:
		break;
	}
	*out = (date_t)days_from_civil(y, m, d);
	return CART_OK;
}

void date_format(date_t d, char buf[DATE_LEN])
{
	long y;
	int m, day;

	civil_from_days(d, &y, &m, &day);
	/* Day numbers outside years 0000..9999 would not fit the buffer; write a day that cannot
	 * exist rather than a truncated one that might. */
	if (y < 0 || y > 9999) {
		memcpy(buf, "0000-00-00", DATE_LEN);
		return;
	}
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + day / 10);
	buf[9] = (char)('0' + day % 10);
	buf[10] = '\0';
}

int date_valid(const char *text)
{
	date_t d;

	return date_parse(text, &d, CART_IGNORED) == CART_OK;
}

int date_from_ymd(int y, int m, int d, date_t *out, cart_err *e)
{
	switch (ymd_check(y, m, d)) {
	case YMD_NODAY:
		return cart_fail(e, CART_INVALID, _("date %04d-%02d-%02d does not exist"), y, m, d);
	case YMD_RANGE:
		return cart_fail(e, CART_INVALID,
				 _("date %04d-%02d-%02d is outside %d-01-01..%d-12-31"),
				 y, m, d, DATE_YEAR_MIN, DATE_YEAR_MAX);
	case YMD_OK:
		break;
	}
	*out = (date_t)days_from_civil(y, m, d);
	return CART_OK;
}

void date_to_ymd(date_t d, int *y, int *m, int *day)
{
	long yy;

	civil_from_days(d, &yy, m, day);
	*y = (int)yy;
}

date_t date_add_days(date_t d, int n)
{
	return d + n;
}

date_t date_add_months(date_t d, int n)
{
	long y, months;
	int m, day, last;

	civil_from_days(d, &y, &m, &day);
	months = y * 12 + (m - 1) + n;
	/* Floor division, so that going back across year 0 stays correct as well. */
	y = months >= 0 ? months / 12 : (months - 11) / 12;
	m = (int)(months - y * 12) + 1;
	last = month_days((int)y, m);
	if (day > last)
		day = last;
	return (date_t)days_from_civil(y, m, day);
}

int date_set_today(const char *text, cart_err *e)
{
	date_t d;
	int rc;

	if (!text) {
		today_fixed = 0;
		return CART_OK;
	}
	/* A bad --today leaves the previous setting alone: the caller reports and stops. */
	rc = date_parse(text, &d, e);
	if (rc != CART_OK)
		return rc;
	today_value = d;
	today_fixed = 1;
	return CART_OK;
}

/* CARTERA_TODAY, or NULL when unset. An empty value counts as unset, so that
 * "CARTERA_TODAY= cartera ..." switches it off the way shells usually allow. */
static const char *today_env(void)
{
	const char *s = getenv("CARTERA_TODAY");

	return s && *s ? s : NULL;
}

date_t date_today(void)
{
	const char *env;
	struct tm tm;
	time_t now;
	date_t d;

	if (today_fixed)
		return today_value;
	env = today_env();
	if (env && date_parse(env, &d, CART_IGNORED) == CART_OK)
		return d;
	now = time(NULL);
	if (!localtime_r(&now, &tm))
		return 0;
	return (date_t)days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
}

int date_today_check(cart_err *e)
{
	const char *env = today_env();
	cart_err pe;
	date_t d;

	if (!env || date_parse(env, &d, &pe) == CART_OK)
		return CART_OK;
	return cart_fail(e, CART_INVALID, _("CARTERA_TODAY: %s"), pe.msg);
}

/* ---- the clerk's order (issue 14): day first where the company says so ---- */

static int order_now = DATE_YMD;

void date_set_order(int order)
{
	order_now = order == DATE_DMY ? DATE_DMY : DATE_YMD;
}

int date_order(void)
{
	return order_now;
}

int date_order_parse(const char *name)
{
	if (!name)
		return -1;
	if (!strcmp(name, "ymd") || !strcmp(name, "iso") || !strcmp(name, "YYYY-MM-DD"))
		return DATE_YMD;
	if (!strcmp(name, "dmy") || !strcmp(name, "DD/MM/YYYY") || !strcmp(name, "DD/MM/AAAA"))
		return DATE_DMY;
	return -1;
}

const char *date_order_name(int order)
{
	return order == DATE_DMY ? "dmy" : "ymd";
}

const char *date_order_pattern(int order)
{
	/* TRANSLATORS: how a day-first date is written; Spanish says AAAA for the year */
	return order == DATE_DMY ? _("DD/MM/YYYY") : "YYYY-MM-DD";
}

/* Day first: D/M/YYYY or DD-MM-YYYY (one or two digits, the same separator twice), or
 * DDMMYYYY with no separator. Returns 0 when the text has another shape. */
static int dmy_fields(const char *t, int *y, int *m, int *d)
{
	int v[3] = { 0, 0, 0 }, n[3] = { 0, 0, 0 }, k = 0;
	char sep = 0;
	size_t len = strlen(t);

	if (len == 8 && strspn(t, "0123456789") == 8) {
		*d = two_digits(t);
		*m = two_digits(t + 2);
		*y = two_digits(t + 4) * 100 + two_digits(t + 6);
		return 1;
	}
	for (const char *p = t; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++n[k] > (k == 2 ? 4 : 2))
				return 0;
			v[k] = v[k] * 10 + (*p - '0');
		} else if ((*p == '/' || *p == '-') && k < 2 && n[k] && (!sep || *p == sep)) {
			sep = *p;
			k++;
		} else {
			return 0;
		}
	}
	if (k != 2 || n[2] != 4)
		return 0;
	*d = v[0];
	*m = v[1];
	*y = v[2];
	return 1;
}

int date_parse_order(const char *text, int order, date_t *out, cart_err *e)
{
	int y, m, d;

	if (!text)
		text = "";
	/* ISO is read in every order: it cannot be mistaken for a day-first date */
	if (order != DATE_DMY || (strlen(text) == 10 && text[4] == '-' && text[7] == '-'))
		return date_parse(text, out, e);
	if (!dmy_fields(text, &y, &m, &d))
		return cart_fail(e, CART_INVALID, _("date \"%s\" is not in the form %s"), text,
		                 date_order_pattern(order));
	switch (ymd_check(y, m, d)) {
	case YMD_NODAY:
		return cart_fail(e, CART_INVALID, _("date \"%s\" does not exist (%s)"), text,
		                 date_order_pattern(order));
	case YMD_RANGE:
		return cart_fail(e, CART_INVALID, _("date \"%s\" is outside %d-01-01..%d-12-31"),
		                 text, DATE_YEAR_MIN, DATE_YEAR_MAX);
	case YMD_OK:
		break;
	}
	*out = (date_t)days_from_civil(y, m, d);
	return CART_OK;
}

void date_format_order(date_t d, int order, char buf[DATE_LEN])
{
	char iso[DATE_LEN];

	date_format(d, iso);
	if (order != DATE_DMY) {
		memcpy(buf, iso, DATE_LEN);
		return;
	}
	/* YYYY-MM-DD -> DD/MM/YYYY, the same ten characters */
	memcpy(buf, iso + 8, 2);
	buf[2] = '/';
	memcpy(buf + 3, iso + 5, 2);
	buf[5] = '/';
	memcpy(buf + 6, iso, 4);
	buf[10] = '\0';
}

void date_show(const char *iso, char *buf, size_t size)
{
	date_t d;
	char out[DATE_LEN];

	if (!size)
		return;
	if (iso && order_now == DATE_DMY && date_parse(iso, &d, CART_IGNORED) == CART_OK) {
		date_format_order(d, DATE_DMY, out);
		snprintf(buf, size, "%s", out);
	} else {
		snprintf(buf, size, "%s", iso ? iso : "");
	}
}
