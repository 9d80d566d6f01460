/* The tab row's keys, with no terminal: next and previous (Tab ] Right, S-Tab [ Left) wrapping,
 * 1..9 straight to a tab (none past the last), the tab already shown and other keys ignored, and
 * the labels with their counts grouped by thousands. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../ui/keys.h"
#include "../../ui/tabs.h"

static void four(tabs *t)
{
	tabs_init(t);
	assert_int_equal(tabs_add(t, "Record", -1), 0);
	assert_int_equal(tabs_add(t, "Due", 0), 1);
	assert_int_equal(tabs_add(t, "Overdue", 1234567), 2);
	assert_int_equal(tabs_add(t, "Credits", 12), 3);
}

static void test_keys(void **state)
{
	tabs t;

	(void)state;
	four(&t);
	assert_int_equal(t.cur, 0);
	assert_int_equal(tabs_handle_key(&t, UK_TAB), TABS_CHANGED);
	assert_int_equal(t.cur, 1);
	assert_int_equal(tabs_handle_key(&t, ']'), TABS_CHANGED);
	assert_int_equal(t.cur, 2);
	assert_int_equal(tabs_handle_key(&t, UK_RIGHT), TABS_CHANGED);
	assert_int_equal(t.cur, 3);
	assert_int_equal(tabs_handle_key(&t, UK_TAB), TABS_CHANGED);
	assert_int_equal(t.cur, 0);                        /* wraps */
	assert_int_equal(tabs_handle_key(&t, UK_BTAB), TABS_CHANGED);
	assert_int_equal(t.cur, 3);
	assert_int_equal(tabs_handle_key(&t, '['), TABS_CHANGED);
	assert_int_equal(t.cur, 2);
	assert_int_equal(tabs_handle_key(&t, UK_LEFT), TABS_CHANGED);
	assert_int_equal(t.cur, 1);
	assert_int_equal(tabs_handle_key(&t, '4'), TABS_CHANGED);
	assert_int_equal(t.cur, 3);
	assert_int_equal(tabs_handle_key(&t, '1'), TABS_CHANGED);
	assert_int_equal(t.cur, 0);
	assert_int_equal(tabs_handle_key(&t, '1'), TABS_IGNORED);   /* already shown */
	assert_int_equal(tabs_handle_key(&t, '5'), TABS_IGNORED);   /* no fifth tab */
	assert_int_equal(tabs_handle_key(&t, '0'), TABS_IGNORED);
	assert_int_equal(tabs_handle_key(&t, 'x'), TABS_IGNORED);
	assert_int_equal(tabs_handle_key(&t, UK_DOWN), TABS_IGNORED);
	assert_int_equal(tabs_handle_key(&t, UK_ENTER), TABS_IGNORED);
	assert_int_equal(t.cur, 0);
}

static void test_edges(void **state)
{
	tabs t;

	(void)state;
	tabs_init(&t);
	assert_int_equal(tabs_handle_key(&t, UK_TAB), TABS_IGNORED);     /* no tabs */
	assert_int_equal(tabs_add(&t, "Only", 3), 0);
	assert_int_equal(tabs_handle_key(&t, UK_TAB), TABS_IGNORED);     /* one: nowhere to go */
	assert_int_equal(t.cur, 0);
	for (int i = 1; i < TABS_MAX; i++)
		assert_int_equal(tabs_add(&t, "More", i), i);
	assert_int_equal(tabs_add(&t, "Too many", 1), -1);
	assert_int_equal(tabs_handle_key(&t, '9'), TABS_CHANGED);
	assert_int_equal(t.cur, 8);
}

static void test_labels(void **state)
{
	tabs t;
	char buf[64];

	(void)state;
	four(&t);
	tabs_label(&t, 0, '.', buf, sizeof buf);
	assert_string_equal(buf, "Record");                 /* no count */
	tabs_label(&t, 1, '.', buf, sizeof buf);
	assert_string_equal(buf, "Due 0");
	tabs_label(&t, 2, '.', buf, sizeof buf);
	assert_string_equal(buf, "Overdue 1.234.567");
	tabs_label(&t, 2, '\0', buf, sizeof buf);
	assert_string_equal(buf, "Overdue 1234567");
	tabs_label(&t, 3, ',', buf, sizeof buf);
	assert_string_equal(buf, "Credits 12");
	tabs_set_count(&t, 3, 1000);
	tabs_label(&t, 3, ',', buf, sizeof buf);
	assert_string_equal(buf, "Credits 1,000");
	tabs_set_count(&t, 7, 5);                           /* no such tab: nothing happens */
	tabs_label(&t, 2, '.', buf, 8);
	assert_string_equal(buf, "Overdue");               /* cut to the room given */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
