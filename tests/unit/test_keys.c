/* Keys with no terminal: Alt keys as a terminal without Alt sends them (Esc, then the character
 * within UK_ALT_WAIT_MS), their script tokens and names; and the one action table: on one screen
 * no key means two things (the help would list it twice), and on the lists a clerk searches every
 * printable character types. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../ui/actions.h"
#include "../../ui/keys.h"

static void test_alt_decode(void **state)
{
	(void)state;
	/* Esc p: Alt-p; case kept, digits and punctuation too */
	assert_int_equal(uk_after_esc('p'), UK_ALT('p'));
	assert_int_equal(uk_after_esc('P'), UK_ALT('P'));
	assert_int_equal(uk_after_esc('1'), UK_ALT('1'));
	assert_int_equal(uk_alt_char(UK_ALT('p')), 'p');
	assert_int_equal(uk_alt_char('p'), 0);
	assert_int_equal(uk_alt_char(UK_F(1)), 0);
	/* Esc then a space, Esc, Enter, an accented letter or a special key: the Esc stands alone */
	assert_int_equal(uk_after_esc(' '), 0);
	assert_int_equal(uk_after_esc(27), 0);
	assert_int_equal(uk_after_esc('\r'), 0);
	assert_int_equal(uk_after_esc(0xf1), 0);
	assert_int_equal(uk_after_esc(UK_UP), 0);
	/* an Alt key never types */
	assert_false(uk_is_text(UK_ALT('p')));
}

static void test_alt_tokens(void **state)
{
	const char *p = "<A-p><M-S><A-1><A-><A-pq>";
	uk_tok t;
	char name[16];

	(void)state;
	uk_next(&p, &t);
	assert_int_equal(t.kind, UKT_KEY);
	assert_int_equal(t.key, UK_ALT('p'));
	uk_next(&p, &t);
	assert_int_equal(t.key, UK_ALT('S'));
	uk_next(&p, &t);
	assert_int_equal(t.key, UK_ALT('1'));
	uk_next(&p, &t);
	assert_int_equal(t.kind, UKT_BAD);
	uk_next(&p, &t);
	assert_int_equal(t.kind, UKT_BAD);
	assert_string_equal(uk_name(UK_ALT('s'), name), "Alt-s");
	assert_string_equal(uk_name(UK_ALT('P'), name), "Alt-P");
}

/* Two actions may share a key on one screen only when they never both hold: leaving cartera on
 * the first screen, going back on the others; or the selected row's kind (a charge, a credit, a
 * quote). */
static int exclusive(int n1, int n2)
{
	static const int groups[] = { UI_NEEDS_ROOT | UI_NEEDS_NESTED,
	                              UI_NEEDS_ITEM | UI_NEEDS_CREDIT | UI_NEEDS_QUOTE };

	for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
		int a = n1 & groups[g], b = n2 & groups[g];

		if (a && b && !(a & b))
			return 1;
	}
	return 0;
}

/* The screens as their handlers and help look keys up: every single bit, and the ones that
 * combine two. */
static const ui_where combos[] = {
	UI_IN_DASH | UI_IN_TABS, UI_IN_DETAIL | UI_IN_TABS, UI_IN_DOCFORM | UI_IN_CNOTE,
	UI_IN_DOCFORM | UI_IN_OPENING, UI_IN_LIST | UI_IN_TABS,
};

static int check_screen(ui_where w)
{
	int bad = 0;

	for (int a = 1; a < UA_COUNT; a++)
		for (int b = a + 1; b < UA_COUNT; b++) {
			const ui_action_info *x = ui_action_get(a), *y = ui_action_get(b);

			if (!(x->where & w) || !(y->where & w) || exclusive(x->needs, y->needs))
				continue;
			for (int i = 0; i < 3; i++)
				for (int j = 0; j < 3; j++) {
					char name[16];

					if (!x->keys[i] || x->keys[i] != y->keys[j])
						continue;
					/* a letter on a searched list types: it is listed for neither */
					if (w & UI_SEARCHED && uk_is_text(x->keys[i]))
						continue;
					print_error("screen %#llx: %s is action %d and action %d\n",
					            (unsigned long long)w, uk_name(x->keys[i], name), a, b);
					bad++;
				}
		}
	return bad;
}

static void test_one_meaning(void **state)
{
	int bad = 0;

	(void)state;
	for (int bit = 0; bit < 64; bit++)
		bad += check_screen(UI_BIT(bit));
	for (size_t c = 0; c < sizeof combos / sizeof combos[0]; c++)
		bad += check_screen(combos[c]);
	assert_int_equal(bad, 0);
}

/* On the lists a clerk searches no printable key starts anything; the commands the issue named
 * are on Alt keys; elsewhere a letter alone still works, and Alt with it too. */
static void test_searched_lists(void **state)
{
	(void)state;
	for (int k = 0x20; k < 0x7f; k++) {
		assert_int_equal(ui_action_of(k, UI_IN_DASH, 0), UA_NONE);
		assert_int_equal(ui_action_of(k, UI_IN_LIST, 0), UA_NONE);
	}
	assert_int_equal(ui_action_of(0xf1, UI_IN_DASH, 0), UA_NONE);
	assert_int_equal(ui_action_of(UK_ALT('s'), UI_IN_DASH, 0), UA_STATEMENT);
	assert_int_equal(ui_action_of(UK_ALT('d'), UI_IN_DASH, 0), UA_DAYS);
	assert_int_equal(ui_action_of(UK_ALT('A'), UI_IN_DASH, 0), UA_AGING);
	assert_int_equal(ui_action_of(UK_ALT('c'), UI_IN_DASH, 0), UA_CLIENTS);
	assert_int_equal(ui_action_of(UK_ALT('g'), UI_IN_LIST, 0), UA_GOTO);
	assert_int_equal(ui_action_of(UK_ESC, UI_IN_DASH, 0), UA_QUIT);
	/* the statement: f and Alt-f filter; A and Alt-A the aging */
	assert_int_equal(ui_action_of('f', UI_IN_STMT, 0), UA_SFILTER);
	assert_int_equal(ui_action_of(UK_ALT('f'), UI_IN_STMT, 0), UA_SFILTER);
	assert_int_equal(ui_action_of('A', UI_IN_STMT, 0), UA_AGING);
	/* a form types its letters even with Alt's fallback there */
	assert_int_equal(ui_action_of('s', UI_IN_FORM, 1), UA_NONE);
	/* the receipt's open documents are marked with Space */
	assert_int_equal(ui_action_of(' ', UI_IN_RECEIPT, 0), UA_R_MARK);
}

static void test_yes_no(void **state)
{
	(void)state;
	/* English here (no catalogue): y and n, either case; Esc is no */
	assert_int_equal(ui_yes_key(), 'y');
	assert_int_equal(ui_no_key(), 'n');
	assert_int_equal(ui_action_of('y', UI_IN_CONFIRM, 0), UA_YES);
	assert_int_equal(ui_action_of('Y', UI_IN_CONFIRM, 0), UA_YES);
	assert_int_equal(ui_action_of('N', UI_IN_CONFIRM, 0), UA_NO);
	assert_int_equal(ui_action_of(UK_ESC, UI_IN_CONFIRM, 0), UA_NO);
	assert_int_equal(ui_action_of('x', UI_IN_CONFIRM, 0), UA_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alt_decode),
		cmocka_unit_test(test_alt_tokens),
		cmocka_unit_test(test_one_meaning),
		cmocka_unit_test(test_searched_lists),
		cmocka_unit_test(test_yes_no),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
