/* Unit tests for src/base/money.c: parsing, formatting, overflow and exact splitting. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "cartera/money.h"

static const money_fmt fmt_es = { 2, ',', '.' };	/* 1.234.567,89 */
static const money_fmt fmt_us = { 2, '.', ',' };	/* 1,234,567.89 */

static int64_t parse_ok(const char *text, const money_fmt *f)
{
	cart_err e;
	int64_t v = -1;

	cart_clear(&e);
	if (money_parse(text, f, &v, &e) != CART_OK)
		fail_msg("parse \"%s\": %s", text, e.msg);
	return v;
}

/* Parse must fail with CART_INVALID, leave *out alone and name the text in the message. */
static void parse_bad(const char *text, const money_fmt *f, const char *why)
{
	char quoted[128];
	cart_err e;
	int64_t v = 4242;

	cart_clear(&e);
	assert_int_equal(money_parse(text, f, &v, &e), CART_INVALID);
	assert_int_equal(e.code, CART_INVALID);
	assert_int_equal(v, 4242);
	snprintf(quoted, sizeof quoted, "amount \"%s\" ", text);
	if (strncmp(e.msg, quoted, strlen(quoted)) != 0)
		fail_msg("message for \"%s\" does not quote it: %s", text, e.msg);
	if (!strstr(e.msg, why))
		fail_msg("message for \"%s\" lacks \"%s\": %s", text, why, e.msg);
}

static void test_parse_valid(void **state)
{
	const money_fmt f0 = { 0, ',', '.' };
	const money_fmt f3 = { 3, '.', ' ' };
	const money_fmt fnone = { 2, '.', '\0' };
	const money_fmt fapos = { 2, '.', '\'' };

	(void)state;
	assert_int_equal(parse_ok("1.234.567,89", &fmt_es), 123456789);
	assert_int_equal(parse_ok("1234567,89", &fmt_es), 123456789);
	assert_int_equal(parse_ok("-0,50", &fmt_es), -50);
	assert_int_equal(parse_ok("+0,50", &fmt_es), 50);
	assert_int_equal(parse_ok("1.234,5", &fmt_es), 123450);
	assert_int_equal(parse_ok("  12  ", &fmt_es), 1200);
	assert_int_equal(parse_ok("\t-7,01\t", &fmt_es), -701);
	assert_int_equal(parse_ok("0", &fmt_es), 0);
	assert_int_equal(parse_ok("-0", &fmt_es), 0);
	assert_int_equal(parse_ok("007", &fmt_es), 700);
	assert_int_equal(parse_ok("999", &fmt_es), 99900);
	assert_int_equal(parse_ok("1,234,567.89", &fmt_us), 123456789);
	assert_int_equal(parse_ok("-1,000", &fmt_us), -100000);
	assert_int_equal(parse_ok("1.234", &f0), 1234);
	assert_int_equal(parse_ok("-12.345.678", &f0), -12345678);
	assert_int_equal(parse_ok("1 234.5", &f3), 1234500);
	assert_int_equal(parse_ok(" 1 234 567.891 ", &f3), 1234567891);
	assert_int_equal(parse_ok("1234567.8", &fnone), 123456780);
	assert_int_equal(parse_ok("1'234.56", &fapos), 123456);
	/* NULL format means the default, 1,234.56. */
	assert_int_equal(parse_ok("1,234.56", NULL), 123456);
	/* The limits themselves are accepted. */
	assert_int_equal(parse_ok("10.000.000.000.000,00", &fmt_es), MONEY_MAX);
	assert_int_equal(parse_ok("-10000000000000", &fmt_es), -MONEY_MAX);
	assert_int_equal(parse_ok("0000000000000000000000001", &fmt_es), 100);
}

static void test_parse_invalid(void **state)
{
	const money_fmt f0 = { 0, ',', '.' };
	const money_fmt f3 = { 3, '.', ' ' };
	const money_fmt fnone = { 2, '.', '\0' };

	(void)state;
	parse_bad("1.23.4", &fmt_es, "thousands");
	parse_bad("1.2345", &fmt_es, "thousands");
	parse_bad("1234.567", &fmt_es, "thousands");
	parse_bad("1.234.", &fmt_es, "thousands");
	parse_bad("1..234", &fmt_es, "thousands");
	parse_bad("12,345", &fmt_es, "more than 2 decimals");
	parse_bad("1,5", &f0, "more than 0 decimals");
	parse_bad("1.2345", &f3, "more than 3 decimals");
	parse_bad("", &fmt_es, "empty");
	parse_bad("   ", &fmt_es, "empty");
	parse_bad("abc", &fmt_es, "not a number");
	parse_bad("1e5", &fmt_es, "not a number");
	parse_bad("--1", &fmt_es, "not a number");
	parse_bad("+-1", &fmt_es, "not a number");
	parse_bad("-", &fmt_es, "not a number");
	parse_bad("- 1", &fmt_es, "not a number");
	parse_bad("12,3x", &fmt_es, "not a number");
	parse_bad("12,", &fmt_es, "not a number");
	parse_bad(",50", &fmt_es, "not a number");
	parse_bad(".100", &fmt_es, "not a number");
	parse_bad("1 2", &fmt_es, "not a number");
	parse_bad("1,2,3", &fmt_es, "not a number");
	parse_bad("1.234", &fnone, "more than 2 decimals");
	parse_bad("1,234.00", &fnone, "not a number");
	parse_bad("1  234", &f3, "thousands");
	parse_bad("0x10", &fmt_es, "not a number");
	/* One minor unit over the limit, either sign, and texts that overflow int64_t itself. */
	parse_bad("10.000.000.000.000,01", &fmt_es,
		  "larger than the limit of 10.000.000.000.000,00");
	parse_bad("-10000000000000,01", &fmt_es, "larger than the limit");
	parse_bad("99999999999999999999", &fmt_es, "larger than the limit");
	parse_bad("-9223372036854775808", &fmt_es, "larger than the limit");
	parse_bad("92233720368547758", &fmt_es, "larger than the limit");
	parse_bad("1000000000000000000000000000000000000000,99", &fmt_es, "larger than the limit");
}

static void test_parse_message(void **state)
{
	cart_err e;
	int64_t v;

	(void)state;
	assert_int_equal(money_parse("12,3x", &fmt_es, &v, &e), CART_INVALID);
	assert_string_equal(e.msg, "amount \"12,3x\" is not a number");
	assert_int_equal(money_parse("12,345", &fmt_es, &v, &e), CART_INVALID);
	assert_string_equal(e.msg, "amount \"12,345\" has more than 2 decimals");
	/* A NULL cart_err is allowed: the code alone is enough for some callers. */
	assert_int_equal(money_parse("x", &fmt_es, &v, CART_IGNORED), CART_INVALID);
}

static void check_format(int64_t v, const money_fmt *f, const char *want, const char *plain)
{
	char buf[64];

	assert_int_equal(money_format(v, f, buf, sizeof buf), (int)strlen(want));
	assert_string_equal(buf, want);
	assert_int_equal(money_format_plain(v, f, buf, sizeof buf), (int)strlen(plain));
	assert_string_equal(buf, plain);
}

static void test_format(void **state)
{
	const money_fmt f0 = { 0, ',', '.' };
	const money_fmt f3 = { 3, '.', ' ' };
	const money_fmt fnone = { 2, '.', '\0' };

	(void)state;
	check_format(-1234567, &fmt_us, "-12,345.67", "-12345.67");
	check_format(123456789, &fmt_es, "1.234.567,89", "1234567,89");
	check_format(-50, &fmt_es, "-0,50", "-0,50");
	check_format(5, &fmt_es, "0,05", "0,05");
	check_format(0, &fmt_es, "0,00", "0,00");
	check_format(100000, &fmt_us, "1,000.00", "1000.00");
	check_format(99999, &fmt_us, "999.99", "999.99");
	check_format(0, &f0, "0", "0");
	check_format(-1000, &f0, "-1.000", "-1000");
	check_format(999, &f0, "999", "999");
	check_format(1234567891, &f3, "1 234 567.891", "1234567.891");
	check_format(-1, &f3, "-0.001", "-0.001");
	check_format(123456789, &fnone, "1234567.89", "1234567.89");
	check_format(MONEY_MAX, &fmt_us, "10,000,000,000,000.00", "10000000000000.00");
	/* Values beyond MONEY_MAX never come from money_parse, but must still print exactly. */
	check_format(INT64_MAX, &fmt_us, "92,233,720,368,547,758.07", "92233720368547758.07");
	check_format(INT64_MIN, &fmt_us, "-92,233,720,368,547,758.08", "-92233720368547758.08");
	check_format(100, NULL, "1.00", "1.00");
}

static void test_format_truncates(void **state)
{
	char buf[6];

	(void)state;
	/* Like snprintf: the needed length comes back, the text is cut and NUL-terminated. */
	memset(buf, 'x', sizeof buf);
	assert_int_equal(money_format(123456789, &fmt_us, buf, sizeof buf), 12);
	assert_string_equal(buf, "1,234");
	assert_int_equal(money_format(123456789, &fmt_us, NULL, 0), 12);
	assert_int_equal(money_format(-5, &fmt_us, buf, 1), 5);
	assert_string_equal(buf, "");
}

/* Format and parse back must give the same value, for every format and a spread of values. */
static void test_round_trip(void **state)
{
	static const money_fmt fmts[] = {
		{ 2, '.', ',' }, { 2, ',', '.' }, { 0, ',', '.' }, { 0, '.', '\0' },
		{ 3, '.', ' ' }, { 3, ',', '\0' }, { 4, '.', '\'' }, { 1, ',', ' ' },
	};
	char buf[64];
	size_t i;
	int64_t v, back, step;
	int count = 0;

	(void)state;
	for (i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
		/* Every value near zero, then steps that cross each digit count up to the limit. */
		for (v = -2100; v <= 2100; v++) {
			money_format(v, &fmts[i], buf, sizeof buf);
			back = parse_ok(buf, &fmts[i]);
			assert_int_equal(back, v);
			money_format_plain(v, &fmts[i], buf, sizeof buf);
			assert_int_equal(parse_ok(buf, &fmts[i]), v);
			count++;
		}
		for (step = 7; step < MONEY_MAX / 3; step = step * 3 + 1) {
			int64_t vals[] = { step, -step, MONEY_MAX - step, -(MONEY_MAX - step) };
			size_t k;

			for (k = 0; k < sizeof vals / sizeof vals[0]; k++) {
				money_format(vals[k], &fmts[i], buf, sizeof buf);
				assert_int_equal(parse_ok(buf, &fmts[i]), vals[k]);
				count++;
			}
		}
	}
	assert_true(count > 30000);
}

static void test_fmt_check(void **state)
{
	const money_fmt bad_dec = { 5, '.', ',' };
	const money_fmt neg_dec = { -1, '.', ',' };
	const money_fmt bad_sep = { 2, ';', ',' };
	const money_fmt nul_sep = { 2, '\0', ',' };
	const money_fmt bad_thou = { 2, '.', '_' };
	const money_fmt same = { 2, ',', ',' };
	const money_fmt ok0 = { 0, ',', '\0' };
	const money_fmt ok4 = { 4, '.', '\'' };
	cart_err e;

	(void)state;
	assert_int_equal(money_fmt_check(&money_fmt_default, &e), CART_OK);
	assert_int_equal(money_fmt_default.decimals, 2);
	assert_int_equal(money_fmt_default.dec_sep, '.');
	assert_int_equal(money_fmt_default.thou_sep, ',');
	assert_int_equal(money_fmt_check(&fmt_es, &e), CART_OK);
	assert_int_equal(money_fmt_check(&ok0, &e), CART_OK);
	assert_int_equal(money_fmt_check(&ok4, &e), CART_OK);
	assert_int_equal(money_fmt_check(&bad_dec, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "5 decimals"));
	assert_int_equal(money_fmt_check(&neg_dec, &e), CART_INVALID);
	assert_int_equal(money_fmt_check(&bad_sep, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "\";\""));
	assert_int_equal(money_fmt_check(&nul_sep, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "none"));
	assert_int_equal(money_fmt_check(&bad_thou, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "\"_\""));
	assert_int_equal(money_fmt_check(&same, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "also the decimal separator"));
}

static void test_add(void **state)
{
	cart_err e;
	int64_t r = 0;

	(void)state;
	assert_int_equal(money_add(150, -200, &r, &e), CART_OK);
	assert_int_equal(r, -50);
	assert_int_equal(money_add(MONEY_MAX - 1, 1, &r, &e), CART_OK);
	assert_int_equal(r, MONEY_MAX);
	assert_int_equal(money_add(-MONEY_MAX, 0, &r, &e), CART_OK);
	assert_int_equal(r, -MONEY_MAX);

	r = 77;
	assert_int_equal(money_add(MONEY_MAX, 1, &r, &e), CART_INVALID);
	assert_int_equal(r, 77);
	assert_non_null(strstr(e.msg, "limit"));
	assert_int_equal(money_add(-MONEY_MAX, -1, &r, &e), CART_INVALID);
	/* Past int64_t itself, where a naive sum would wrap to a small number. */
	assert_int_equal(money_add(INT64_MAX, 1, &r, &e), CART_INVALID);
	assert_int_equal(money_add(INT64_MIN, -1, &r, &e), CART_INVALID);
	assert_int_equal(money_add(INT64_MAX, INT64_MIN, &r, &e), CART_OK);
	assert_int_equal(r, -1);
	assert_int_equal(money_add(1, 2, &r, CART_IGNORED), CART_OK);
	assert_int_equal(r, 3);
}

static void test_mul(void **state)
{
	cart_err e;
	int64_t r = 0;

	(void)state;
	assert_int_equal(money_mul(1999, 3, &r, &e), CART_OK);
	assert_int_equal(r, 5997);
	assert_int_equal(money_mul(-250, 4, &r, &e), CART_OK);
	assert_int_equal(r, -1000);
	assert_int_equal(money_mul(MONEY_MAX, 1, &r, &e), CART_OK);
	assert_int_equal(r, MONEY_MAX);
	assert_int_equal(money_mul(MONEY_MAX, -1, &r, &e), CART_OK);
	assert_int_equal(r, -MONEY_MAX);
	assert_int_equal(money_mul(123, 0, &r, &e), CART_OK);
	assert_int_equal(r, 0);

	r = 77;
	assert_int_equal(money_mul(MONEY_MAX / 2 + 1, 2, &r, &e), CART_INVALID);
	assert_int_equal(r, 77);
	assert_non_null(strstr(e.msg, "limit"));
	assert_int_equal(money_mul(-MONEY_MAX, 2, &r, &e), CART_INVALID);
	/* 2^32 * 2^32 wraps to 0 in int64_t arithmetic. */
	assert_int_equal(money_mul(INT64_C(4294967296), INT64_C(4294967296), &r, &e), CART_INVALID);
	assert_int_equal(money_mul(INT64_MIN, -1, &r, &e), CART_INVALID);
	assert_int_equal(r, 77);
}

static void test_split_examples(void **state)
{
	int64_t p[5];

	(void)state;
	money_split(100, 3, p);
	assert_int_equal(p[0], 34);
	assert_int_equal(p[1], 33);
	assert_int_equal(p[2], 33);

	money_split(-100, 3, p);
	assert_int_equal(p[0], -34);
	assert_int_equal(p[1], -33);
	assert_int_equal(p[2], -33);

	money_split(2, 5, p);
	assert_int_equal(p[0], 1);
	assert_int_equal(p[1], 1);
	assert_int_equal(p[2], 0);
	assert_int_equal(p[3], 0);
	assert_int_equal(p[4], 0);

	money_split(-2, 5, p);
	assert_int_equal(p[0], -1);
	assert_int_equal(p[1], -1);
	assert_int_equal(p[2], 0);
	assert_int_equal(p[3], 0);
	assert_int_equal(p[4], 0);

	money_split(7, 1, p);
	assert_int_equal(p[0], 7);

	money_split(90, 3, p);
	assert_int_equal(p[0], 30);
	assert_int_equal(p[1], 30);
	assert_int_equal(p[2], 30);
}

/* For many totals and counts: exact sum, parts differ by at most one unit, larger ones first. */
static void test_split_exact(void **state)
{
	int64_t totals[] = { MONEY_MAX, -MONEY_MAX, MONEY_MAX - 1, 1000001, -1000001 };
	int64_t parts[40], sum, t, lo, hi;
	int n, i;

	(void)state;
	for (t = -500; t <= 500 + (int64_t)(sizeof totals / sizeof totals[0]); t++) {
		int64_t total = t <= 500 ? t : totals[t - 501];

		for (n = 1; n <= 40; n++) {
			money_split(total, n, parts);
			sum = 0;
			lo = hi = parts[0];
			for (i = 0; i < n; i++) {
				sum += parts[i];
				if (parts[i] < lo)
					lo = parts[i];
				if (parts[i] > hi)
					hi = parts[i];
				/* Same sign as the total, never the other way round. */
				if (total >= 0)
					assert_true(parts[i] >= 0);
				else
					assert_true(parts[i] <= 0);
				/* Non-increasing in magnitude: the remainder goes to the
				 * first parts. */
				if (i > 0) {
					int64_t a = parts[i - 1] < 0 ? -parts[i - 1] : parts[i - 1];
					int64_t b = parts[i] < 0 ? -parts[i] : parts[i];

					assert_true(a >= b);
				}
			}
			assert_int_equal(sum, total);
			assert_true(hi - lo <= 1);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_parse_message),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_truncates),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_fmt_check),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_mul),
		cmocka_unit_test(test_split_examples),
		cmocka_unit_test(test_split_exact),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
