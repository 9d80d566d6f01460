/* The list view's keys, with no terminal: moving, paging over 50,000 rows, typing a UTF-8 filter,
 * Backspace removing whole characters, sort cycling, and the letter keys that act only while the
 * filter is empty. Also the key-script tokenizer the screen tests rely on. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../ui/actions.h"
#include "../../ui/keys.h"
#include "../../ui/listview.h"

static const lv_col cols[] = {
	{ "Name", 20, 0, 1, 1 }, { "Tax id", 16, 0, 0, 1 }, { "Phone", 14, 0, 0, 1 },
	{ "Balance", 16, 1, 0, 0 },
};

static void fresh(listview *lv, long rows, int height)
{
	listview_init(lv, cols, 4, 0);
	lv->height = height;
	listview_set_rows(lv, rows);
}

static void test_moving(void **state)
{
	listview lv;

	(void)state;
	fresh(&lv, 5, 3);
	assert_int_equal(lv.sel, 0);
	assert_int_equal(listview_handle_key(&lv, UK_UP), LV_REDRAW);
	assert_int_equal(lv.sel, 0);
	listview_handle_key(&lv, UK_DOWN);
	listview_handle_key(&lv, UK_CTRL('n'));
	assert_int_equal(lv.sel, 2);
	assert_int_equal(lv.top, 0);
	listview_handle_key(&lv, UK_DOWN);
	assert_int_equal(lv.sel, 3);
	assert_int_equal(lv.top, 1);    /* scrolled to keep the selection on screen */
	for (int i = 0; i < 10; i++)
		listview_handle_key(&lv, UK_DOWN);
	assert_int_equal(lv.sel, 4);
	listview_handle_key(&lv, UK_HOME);
	assert_int_equal(lv.sel, 0);
	assert_int_equal(lv.top, 0);
	listview_handle_key(&lv, UK_END);
	assert_int_equal(lv.sel, 4);
	assert_int_equal(lv.top, 2);
}

static void test_empty(void **state)
{
	listview lv;

	(void)state;
	fresh(&lv, 0, 10);
	assert_int_equal(lv.sel, -1);
	listview_handle_key(&lv, UK_DOWN);
	listview_handle_key(&lv, UK_END);
	assert_int_equal(lv.sel, -1);
	assert_int_equal(lv.top, 0);
}

static void test_paging_50000(void **state)
{
	listview lv;
	char buf[64];

	(void)state;
	fresh(&lv, 50000, 20);
	listview_count_text(&lv, '.', buf, sizeof buf);
	assert_string_equal(buf, "1\xe2\x80\x93" "20 of 50.000");
	assert_int_equal(listview_handle_key(&lv, UK_PGDN), LV_REDRAW);
	assert_int_equal(lv.sel, 19);
	assert_int_equal(lv.top, 19);
	listview_handle_key(&lv, UK_PGDN);
	assert_int_equal(lv.sel, 38);
	listview_handle_key(&lv, UK_PGUP);
	assert_int_equal(lv.sel, 19);
	listview_handle_key(&lv, UK_END);
	assert_int_equal(lv.sel, 49999);
	assert_int_equal(lv.top, 49980);
	listview_count_text(&lv, ',', buf, sizeof buf);
	assert_string_equal(buf, "49,981\xe2\x80\x93" "50,000 of 50,000");
	listview_handle_key(&lv, UK_PGDN);
	assert_int_equal(lv.sel, 49999);
	assert_int_equal(lv.top, 49980);
	for (int i = 0; i < 3000; i++)
		listview_handle_key(&lv, UK_PGUP);
	assert_int_equal(lv.sel, 0);
	assert_int_equal(lv.top, 0);
}

static void type(listview *lv, const char *utf8)
{
	int cp, n;

	while ((n = uk_utf8_decode(utf8, &cp)) > 0) {
		assert_int_equal(listview_handle_key(lv, cp), LV_REQUERY);
		utf8 += n;
	}
}

static void test_filter_utf8(void **state)
{
	listview lv;

	(void)state;
	fresh(&lv, 50, 10);
	listview_handle_key(&lv, UK_DOWN);
	type(&lv, "Pe\xc3\xb1");
	assert_string_equal(lv.filter, "Pe\xc3\xb1");
	assert_int_equal(lv.sel, 0);    /* a new filter starts at the first row */
	/* Backspace takes the whole ñ (two bytes), then the e */
	assert_int_equal(listview_handle_key(&lv, UK_BACKSPACE), LV_REQUERY);
	assert_string_equal(lv.filter, "Pe");
	listview_handle_key(&lv, UK_BACKSPACE);
	assert_string_equal(lv.filter, "P");
	listview_handle_key(&lv, UK_BACKSPACE);
	assert_string_equal(lv.filter, "");
	/* nothing left to erase: Backspace is not the list's any more */
	assert_int_equal(listview_handle_key(&lv, UK_BACKSPACE), LV_IGNORED);
	type(&lv, "\xc3\xa1" "b");
	assert_int_equal(listview_handle_key(&lv, UK_CTRL('u')), LV_REQUERY);
	assert_string_equal(lv.filter, "");
}

static void test_letters_act_only_when_empty(void **state)
{
	listview lv;

	(void)state;
	fresh(&lv, 50, 10);
	/* a searched list (issue 14): q and ? type even into an empty filter */
	assert_null(ui_keys_find(&listview_keys, 'q', ~0, 0));
	assert_null(ui_keys_find(&listview_keys, '?', ~0, 0));
	assert_int_equal(listview_handle_key(&lv, 'q'), LV_REQUERY);
	assert_string_equal(lv.filter, "q");
	type(&lv, "a");
	assert_string_equal(lv.filter, "qa");
	/* F-keys and Ctrl keys act (the screens' Alt keys: tests/unit/test_keys); Esc first empties
	 * the filter, then is the screen's */
	assert_ptr_equal(ui_keys_find(&listview_keys, UK_F(6), ~0, 1), &listview_acts[LVA_SORT]);
	assert_ptr_equal(ui_keys_find(&listview_keys, UK_CTRL('u'), ~0, 1), &listview_acts[LVA_CLEAR]);
	assert_int_equal(listview_handle_key(&lv, UK_ESC), LV_REQUERY);
	assert_string_equal(lv.filter, "");
	assert_null(ui_keys_find(&listview_keys, UK_ESC, ~0, 0));
	assert_int_equal(listview_handle_key(&lv, UK_ESC), LV_IGNORED);
	assert_int_equal(listview_handle_key(&lv, UK_ENTER), LV_IGNORED);
}

static void test_sort_cycle(void **state)
{
	listview lv;
	static const int want[][2] = { { 0, 1 }, { 1, 0 }, { 1, 1 }, { 2, 0 }, { 2, 1 }, { 0, 0 } };

	(void)state;
	fresh(&lv, 50, 10);
	assert_int_equal(lv.sort_col, 0);
	assert_int_equal(lv.sort_desc, 0);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		/* F6 and its letter key C-o do the same; the balance column is not sortable */
		assert_int_equal(listview_handle_key(&lv, i % 2 ? UK_F(6) : UK_CTRL('o')), LV_REQUERY);
		assert_int_equal(lv.sort_col, want[i][0]);
		assert_int_equal(lv.sort_desc, want[i][1]);
	}
}

static void test_layout(void **state)
{
	listview lv;
	int w[LV_MAX_COLS];

	(void)state;
	fresh(&lv, 1, 1);
	listview_layout(&lv, 80, w);
	assert_int_equal(w[0] + w[1] + w[2] + w[3] + 3, 80);
	assert_int_equal(w[0], 31);
	listview_layout(&lv, 100, w);
	assert_int_equal(w[0], 51);
}

/* The dashboard's Clients tab at 80 columns: amounts keep every digit, the text columns give way
 * (shortened, then left out), and an amount column is never cut, only left out whole as a last
 * resort. */
static void test_layout_amounts_whole(void **state)
{
	static const lv_col wide[] = {
		{ "Client", 26, 0, 1, 1 }, { "Tax id", 14, 0, 0, 0 }, { "Balance", 15, 1, 0, 1 },
		{ "Overdue", 15, 1, 0, 1 }, { "Credit", 14, 1, 0, 1 }, { "Days", 5, 1, 0, 1 },
		{ "Follow-up", 22, 0, 0, 0 },
	};
	listview lv;
	int w[LV_MAX_COLS], sum;

	(void)state;
	listview_init(&lv, wide, 7, 0);
	lv.need[2] = 14;   /* "-58.845.494,21" */
	lv.need[3] = 13;
	lv.need[4] = 10;
	lv.need[5] = 3;
	listview_layout(&lv, 80, w);
	sum = 6;
	for (int i = 0; i < 7; i++)
		sum += w[i];
	assert_true(sum <= 80);
	assert_int_equal(w[2], 14);
	assert_int_equal(w[3], 13);
	assert_int_equal(w[4], 10);
	assert_int_equal(w[5], 4);   /* "Days" is wider than its cells */
	assert_true(w[0] >= 3 && w[1] >= 3 && w[6] >= 3);
	/* 40 columns: the text columns go, the client stays, no amount is cut */
	listview_layout(&lv, 40, w);
	for (int i = 2; i < 6; i++)
		assert_true(w[i] == 0 || w[i] >= lv.need[i]);
	assert_int_equal(w[1], 0);
	assert_int_equal(w[6], 0);
	assert_true(w[0] >= 3);
	sum = 0;
	for (int i = 0; i < 7; i++)
		sum += w[i] ? w[i] + 1 : 0;
	assert_true(sum - 1 <= 40);
}

static void test_script_tokens(void **state)
{
	const char *p = "a\xc3\xb1 <Enter>\n<F12><C-x><S-Tab><dump><resize 100x30><lt><nope>";
	uk_tok t;
	char name[16];

	(void)state;
	uk_next(&p, &t);
	assert_int_equal(t.key, 'a');
	uk_next(&p, &t);
	assert_int_equal(t.key, 0xf1);
	uk_next(&p, &t);
	assert_int_equal(t.key, UK_ENTER);
	uk_next(&p, &t);
	assert_int_equal(t.key, UK_F(12));
	uk_next(&p, &t);
	assert_int_equal(t.key, UK_CTRL('x'));
	uk_next(&p, &t);
	assert_int_equal(t.key, UK_BTAB);
	uk_next(&p, &t);
	assert_int_equal(t.kind, UKT_DUMP);
	uk_next(&p, &t);
	assert_int_equal(t.kind, UKT_RESIZE);
	assert_int_equal(t.cols, 100);
	assert_int_equal(t.rows, 30);
	uk_next(&p, &t);
	assert_int_equal(t.key, '<');
	uk_next(&p, &t);
	assert_int_equal(t.kind, UKT_BAD);
	uk_next(&p, &t);
	assert_int_equal(t.kind, UKT_END);
	assert_string_equal(uk_name(UK_F(10), name), "F10");
	assert_string_equal(uk_name(UK_CTRL('o'), name), "C-o");
	assert_string_equal(uk_name(UK_ESC, name), "Esc");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moving),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_paging_50000),
		cmocka_unit_test(test_filter_utf8),
		cmocka_unit_test(test_letters_act_only_when_empty),
		cmocka_unit_test(test_sort_cycle),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_layout_amounts_whole),
		cmocka_unit_test(test_script_tokens),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
