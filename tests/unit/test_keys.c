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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alt_decode),
		cmocka_unit_test(test_alt_tokens),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
