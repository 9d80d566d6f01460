/* Unit tests for src/base/date.c: strict parsing, day arithmetic and a reproducible "today".
 * No test reads the real clock: every call to date_today() runs with a fixed date. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/date.h"

/* 1900-01-01 and 2999-12-31 as days since 1970-01-01 (checked against Python's datetime). */
#define FIRST_DAY (-25567)
#define LAST_DAY 376199

static date_t parse_ok(const char *text)
{
	cart_err e;
	date_t d = 0;

	if (date_parse(text, &d, &e) != CART_OK)
		fail_msg("parse \"%s\": %s", text, e.msg);
	return d;
}

static void parse_bad(const char *text, const char *msg)
{
	cart_err e;
	date_t d = 4242;

	assert_int_equal(date_parse(text, &d, &e), CART_INVALID);
	assert_int_equal(e.code, CART_INVALID);
	assert_int_equal(d, 4242);
	assert_string_equal(e.msg, msg);
	assert_false(date_valid(text));
}

static void fmt_is(date_t d, const char *want)
{
	char buf[DATE_LEN];

	date_format(d, buf);
	assert_string_equal(buf, want);
}

static void test_known_days(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("1970-01-01"), 0);
	assert_int_equal(parse_ok("1969-12-31"), -1);
	assert_int_equal(parse_ok("1900-01-01"), FIRST_DAY);
	assert_int_equal(parse_ok("2999-12-31"), LAST_DAY);
	assert_int_equal(parse_ok("2000-03-01"), 11017);
	assert_int_equal(parse_ok("2026-02-28"), 20512);
	fmt_is(0, "1970-01-01");
	fmt_is(FIRST_DAY, "1900-01-01");
	fmt_is(LAST_DAY, "2999-12-31");
	fmt_is(20512, "2026-02-28");
	fmt_is(20513, "2026-03-01");
	assert_true(date_valid("2026-01-05"));
}

static void test_leap_years(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2024-02-29") + 1, parse_ok("2024-03-01"));
	assert_int_equal(parse_ok("2000-02-29") + 1, parse_ok("2000-03-01"));
	assert_int_equal(parse_ok("2400-02-29") + 1, parse_ok("2400-03-01"));
	parse_bad("2026-02-29", "date \"2026-02-29\" does not exist");
	parse_bad("1900-02-29", "date \"1900-02-29\" does not exist");
	parse_bad("2100-02-29", "date \"2100-02-29\" does not exist");
	parse_bad("2024-02-30", "date \"2024-02-30\" does not exist");
	parse_bad("2026-02-30", "date \"2026-02-30\" does not exist");
	/* Leap years have 366 days, others 365. */
	assert_int_equal(parse_ok("2025-01-01") - parse_ok("2024-01-01"), 366);
	assert_int_equal(parse_ok("2001-01-01") - parse_ok("2000-01-01"), 366);
	assert_int_equal(parse_ok("1901-01-01") - parse_ok("1900-01-01"), 365);
	assert_int_equal(parse_ok("2027-01-01") - parse_ok("2026-01-01"), 365);
}

static void test_malformed(void **state)
{
	(void)state;
	parse_bad("2026-1-05", "date \"2026-1-05\" is not in the form YYYY-MM-DD");
	parse_bad("2026-01-5", "date \"2026-01-5\" is not in the form YYYY-MM-DD");
	parse_bad("2026-01-05x", "date \"2026-01-05x\" is not in the form YYYY-MM-DD");
	parse_bad(" 2026-01-05", "date \" 2026-01-05\" is not in the form YYYY-MM-DD");
	parse_bad("2026-01-05 ", "date \"2026-01-05 \" is not in the form YYYY-MM-DD");
	parse_bad("2026/01/05", "date \"2026/01/05\" is not in the form YYYY-MM-DD");
	parse_bad("20260105", "date \"20260105\" is not in the form YYYY-MM-DD");
	parse_bad("+026-01-05", "date \"+026-01-05\" is not in the form YYYY-MM-DD");
	parse_bad("2026-0a-05", "date \"2026-0a-05\" is not in the form YYYY-MM-DD");
	parse_bad("", "date \"\" is not in the form YYYY-MM-DD");
	parse_bad("2026", "date \"2026\" is not in the form YYYY-MM-DD");
	parse_bad("2026-13-01", "date \"2026-13-01\" does not exist");
	parse_bad("2026-00-10", "date \"2026-00-10\" does not exist");
	parse_bad("2026-04-31", "date \"2026-04-31\" does not exist");
	parse_bad("2026-01-00", "date \"2026-01-00\" does not exist");
	parse_bad("2026-01-32", "date \"2026-01-32\" does not exist");
	parse_bad("1899-12-31", "date \"1899-12-31\" is outside 1900-01-01..2999-12-31");
	parse_bad("3000-01-01", "date \"3000-01-01\" is outside 1900-01-01..2999-12-31");
	parse_bad("0000-01-01", "date \"0000-01-01\" is outside 1900-01-01..2999-12-31");
	assert_false(date_valid(NULL));
}

/* Every day of the range: the library's day number must match an independent count, and the
 * text must go back to the same number. */
static void test_every_day(void **state)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	char buf[DATE_LEN], want[48];	/* room for any int, to keep -Wformat-truncation quiet */
	int y, m, d, last, yy, mm, dd;
	date_t count = FIRST_DAY, got;
	cart_err e;

	(void)state;
	for (y = 1900; y <= 2999; y++) {
		for (m = 1; m <= 12; m++) {
			last = mdays[m - 1];
			if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
				last = 29;
			for (d = 1; d <= last; d++, count++) {
				assert_int_equal(date_from_ymd(y, m, d, &got, &e), CART_OK);
				assert_int_equal(got, count);
				date_to_ymd(count, &yy, &mm, &dd);
				assert_int_equal(yy, y);
				assert_int_equal(mm, m);
				assert_int_equal(dd, d);
				date_format(count, buf);
				snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
				assert_string_equal(buf, want);
				assert_int_equal(parse_ok(buf), count);
				assert_int_equal(date_add_days(count, 1), count + 1);
			}
			/* The day after the month's end does not exist. */
			assert_int_equal(date_from_ymd(y, m, last + 1, &got, &e), CART_INVALID);
		}
	}
	assert_int_equal(count, LAST_DAY + 1);
}

static void test_from_ymd(void **state)
{
	cart_err e;
	date_t d = 99;

	(void)state;
	assert_int_equal(date_from_ymd(2026, 2, 29, &d, &e), CART_INVALID);
	assert_string_equal(e.msg, "date 2026-02-29 does not exist");
	assert_int_equal(d, 99);
	assert_int_equal(date_from_ymd(2026, 13, 1, &d, &e), CART_INVALID);
	assert_int_equal(date_from_ymd(2026, 0, 1, &d, &e), CART_INVALID);
	assert_int_equal(date_from_ymd(2026, 1, 0, &d, &e), CART_INVALID);
	assert_int_equal(date_from_ymd(1899, 12, 31, &d, &e), CART_INVALID);
	assert_string_equal(e.msg, "date 1899-12-31 is outside 1900-01-01..2999-12-31");
	assert_int_equal(date_from_ymd(3000, 1, 1, &d, CART_IGNORED), CART_INVALID);
	assert_int_equal(d, 99);
	assert_int_equal(date_from_ymd(2024, 2, 29, &d, CART_IGNORED), CART_OK);
	fmt_is(d, "2024-02-29");
}

static void test_add_days(void **state)
{
	(void)state;
	fmt_is(date_add_days(parse_ok("2026-02-28"), 1), "2026-03-01");
	fmt_is(date_add_days(parse_ok("2024-02-28"), 1), "2024-02-29");
	fmt_is(date_add_days(parse_ok("2026-12-31"), 1), "2027-01-01");
	fmt_is(date_add_days(parse_ok("2026-01-01"), -1), "2025-12-31");
	fmt_is(date_add_days(parse_ok("2026-01-15"), 30), "2026-02-14");
	fmt_is(date_add_days(parse_ok("2026-03-01"), -365), "2025-03-01");
	fmt_is(date_add_days(parse_ok("2026-01-15"), 0), "2026-01-15");
}

static void months_is(const char *from, int n, const char *want)
{
	char buf[DATE_LEN];

	date_format(date_add_months(parse_ok(from), n), buf);
	if (strcmp(buf, want) != 0)
		fail_msg("%s %+d months: got %s, want %s", from, n, buf, want);
}

static void test_add_months(void **state)
{
	(void)state;
	months_is("2026-01-31", 1, "2026-02-28");
	months_is("2024-01-31", 1, "2024-02-29");
	months_is("2026-03-31", -1, "2026-02-28");
	months_is("2024-03-31", -1, "2024-02-29");
	months_is("2026-03-31", 1, "2026-04-30");
	months_is("2026-01-15", -1, "2025-12-15");
	months_is("2026-01-15", 0, "2026-01-15");
	months_is("2026-12-31", 1, "2027-01-31");
	months_is("2026-01-31", -13, "2024-12-31");
	months_is("2026-05-31", 12, "2027-05-31");
	months_is("2024-02-29", 12, "2025-02-28");
	months_is("2024-02-29", 48, "2028-02-29");
	months_is("2024-02-29", -1200, "1924-02-29");
	months_is("1900-01-31", 1, "1900-02-28");
	months_is("2999-12-31", -1, "2999-11-30");
	/* Clamping does not carry over: Jan 31 + 1 + 1 is Mar 28, Jan 31 + 2 is Mar 31. */
	months_is("2026-01-31", 2, "2026-03-31");
	fmt_is(date_add_months(date_add_months(parse_ok("2026-01-31"), 1), 1), "2026-03-28");
}

static void test_today_fixed(void **state)
{
	cart_err e;

	(void)state;
	setenv("CARTERA_TODAY", "2030-06-15", 1);
	assert_int_equal(date_set_today("2026-03-15", &e), CART_OK);
	/* --today wins over the environment. */
	assert_int_equal(date_today(), parse_ok("2026-03-15"));

	/* A bad --today is refused and leaves the previous one in place. */
	assert_int_equal(date_set_today("2026-02-30", &e), CART_INVALID);
	assert_string_equal(e.msg, "date \"2026-02-30\" does not exist");
	assert_int_equal(date_today(), parse_ok("2026-03-15"));

	/* Unfixed, the environment takes over. */
	assert_int_equal(date_set_today(NULL, &e), CART_OK);
	assert_int_equal(date_today(), parse_ok("2030-06-15"));
	unsetenv("CARTERA_TODAY");
}

static void test_today_env(void **state)
{
	cart_err e;

	(void)state;
	assert_int_equal(date_set_today(NULL, CART_IGNORED), CART_OK);
	setenv("CARTERA_TODAY", "2024-02-29", 1);
	assert_int_equal(date_today_check(&e), CART_OK);
	assert_int_equal(date_today(), parse_ok("2024-02-29"));
	setenv("CARTERA_TODAY", "1900-01-01", 1);
	assert_int_equal(date_today(), FIRST_DAY);
	unsetenv("CARTERA_TODAY");
	assert_int_equal(date_today_check(&e), CART_OK);
}

static void test_today_env_malformed(void **state)
{
	cart_err e;

	(void)state;
	setenv("CARTERA_TODAY", "2026-02-30", 1);
	assert_int_equal(date_today_check(&e), CART_INVALID);
	assert_int_equal(e.code, CART_INVALID);
	assert_string_equal(e.msg, "CARTERA_TODAY: date \"2026-02-30\" does not exist");

	setenv("CARTERA_TODAY", "15/03/2026", 1);
	assert_int_equal(date_today_check(&e), CART_INVALID);
	assert_string_equal(e.msg,
			    "CARTERA_TODAY: date \"15/03/2026\" is not in the form YYYY-MM-DD");
	assert_int_equal(date_today_check(CART_IGNORED), CART_INVALID);

	/* Reported even while --today is in force: the setting is wrong either way. */
	assert_int_equal(date_set_today("2026-03-15", &e), CART_OK);
	assert_int_equal(date_today_check(&e), CART_INVALID);
	assert_int_equal(date_today(), parse_ok("2026-03-15"));
	assert_int_equal(date_set_today(NULL, &e), CART_OK);

	/* An empty value counts as unset. */
	setenv("CARTERA_TODAY", "", 1);
	assert_int_equal(date_today_check(&e), CART_OK);
	unsetenv("CARTERA_TODAY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_every_day),
		cmocka_unit_test(test_from_ymd),
		cmocka_unit_test(test_add_days),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_today_fixed),
		cmocka_unit_test(test_today_env),
		cmocka_unit_test(test_today_env_malformed),
	};

	/* Whatever the shell that runs the tests has set must not leak in. */
	unsetenv("CARTERA_TODAY");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
