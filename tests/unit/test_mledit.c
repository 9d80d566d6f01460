/* Unit tests for the plain multi-line editor (ui/mledit.c): typing UTF-8, Enter, Backspace and
 * Delete across characters and lines, moving by characters and keeping the column on Up/Down. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../../ui/keys.h"
#include "../../ui/mledit.h"

static void type(mledit *m, const char *s)
{
	int cp, n;

	while ((n = uk_utf8_decode(s, &cp)) > 0) {
		assert_int_equal(mledit_key(m, cp == '\n' ? UK_ENTER : cp), 1);
		s += n;
	}
}

static void test_typing(void **state)
{
	mledit m;
	int line, col;

	(void)state;
	assert_int_equal(mledit_init(&m, "Saldo"), 0);
	assert_int_equal(m.cur, 0);
	type(&m, "Señor Núñez:\n");
	assert_string_equal(m.text, "Señor Núñez:\nSaldo");
	mledit_pos(&m, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 0);
	assert_int_equal(mledit_key(&m, UK_BACKSPACE), 1);  /* joins the lines */
	assert_string_equal(m.text, "Señor Núñez:Saldo");
	assert_int_equal(mledit_key(&m, UK_BACKSPACE), 1);
	assert_int_equal(mledit_key(&m, UK_LEFT), 0);
	assert_int_equal(mledit_key(&m, UK_BACKSPACE), 1);  /* the e before the z */
	assert_string_equal(m.text, "Señor NúñzSaldo");
	assert_int_equal(mledit_key(&m, UK_LEFT), 0);
	assert_int_equal(mledit_key(&m, UK_BACKSPACE), 1);  /* the ú: both of its bytes */
	assert_string_equal(m.text, "Señor NñzSaldo");
	mledit_free(&m);
}

static void test_moving(void **state)
{
	mledit m;
	int line, col;
	char *t;

	(void)state;
	assert_int_equal(mledit_init(&m, "Atentamente,\nÑandú\nFin"), 0);
	assert_int_equal(mledit_key(&m, UK_END), 0);
	mledit_pos(&m, &line, &col);
	assert_int_equal(col, 12);
	assert_int_equal(mledit_key(&m, UK_DOWN), 0);      /* a shorter line: its end */
	mledit_pos(&m, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 5);
	assert_int_equal(mledit_key(&m, UK_LEFT), 0);
	assert_int_equal(mledit_key(&m, UK_DELETE), 1);    /* ú */
	assert_int_equal(mledit_key(&m, UK_DOWN), 0);
	mledit_pos(&m, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 3);
	assert_int_equal(mledit_key(&m, UK_DOWN), 0);      /* the last line: stays */
	assert_int_equal(mledit_key(&m, UK_HOME), 0);
	assert_int_equal(mledit_key(&m, UK_UP), 0);
	assert_int_equal(mledit_key(&m, UK_F(3)), 0);      /* not text: nothing */
	type(&m, "¡");
	t = mledit_take(&m);
	assert_string_equal(t, "Atentamente,\n¡Ñand\nFin");
	assert_null(m.text);
	free(t);
	mledit_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typing),
		cmocka_unit_test(test_moving),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
