/* Unit tests for the pictures' integer arithmetic (issue 19): a bar's cells split by largest
 * remainder add up to its width and each is within one cell of its exact share; ratios round
 * half up without overflow on amounts near MONEY_MAX. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>

#include "cartera/ctl_pictures.h"
#include "cartera/money.h"
#include "cartera/rpt_trend.h"

static void test_cells_add_up(void **state)
{
	/* 1,500 : 0 : 3,000 : 500 : 0 over 33 cells: exact 9.9, 0, 19.8, 3.3, 0 */
	const int64_t v[] = { 150000, 0, 300000, 50000, 0 };
	int cells[5];

	(void)state;
	money_apportion(v, 5, 33, cells);
	assert_int_equal(cells[0], 10);
	assert_int_equal(cells[1], 0);
	assert_int_equal(cells[2], 20);
	assert_int_equal(cells[3], 3);
	assert_int_equal(cells[4], 0);
	for (int w = 1; w <= 200; w++) {
		int sum = 0;

		money_apportion(v, 5, w, cells);
		for (int i = 0; i < 5; i++) {
			double exact = (double)v[i] * w / 500000.0;

			assert_true(cells[i] >= (int)exact && cells[i] <= (int)exact + 1);
			sum += cells[i];
		}
		assert_int_equal(sum, w);
	}
}

static void test_cells_nothing_open(void **state)
{
	const int64_t v[] = { 0, 0, 0 };
	int cells[3] = { 9, 9, 9 };

	(void)state;
	money_apportion(v, 3, 40, cells);
	assert_int_equal(cells[0] + cells[1] + cells[2], 0);
}

static void test_ratio_rounds_half_up(void **state)
{
	(void)state;
	assert_int_equal(trend_ratio(300000, 31, 200000), 47);     /* 46.5 -> 47 */
	assert_int_equal(trend_ratio(350000, 100, 400000), 88);    /* 87.5 -> 88 */
	assert_int_equal(trend_ratio(100000, 100, 300000), 33);    /* 33.3 -> 33 */
	/* amounts near 10^17 minor units times 31 days do not overflow */
	assert_int_equal(trend_ratio(INT64_C(100000000000000000), 31, INT64_C(100000000000000000)), 31);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells_add_up),
		cmocka_unit_test(test_cells_nothing_open),
		cmocka_unit_test(test_ratio_rounds_half_up),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
