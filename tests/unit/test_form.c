/* The form widget's keys, with no terminal: typing UTF-8 (ñ), the cursor by characters,
 * Backspace and Delete removing whole characters, typed fields refusing what does not belong,
 * moving between fields (wrapping), choices and yes/no cycling, validation as a field is left and
 * on form_check_all, and the dirty flag. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/date.h"

#include "../../ui/form.h"
#include "../../ui/keys.h"

static const char *const kinds[] = { "taxpayer", "final consumer", "government", "foreign" };

enum { F_NAME, F_KIND, F_DAYS, F_LIMIT, F_ACTIVE };

static int calls;

/* Days must be at most 365. */
static void days_ok(form *f, int i, char *err, size_t size, void *ud)
{
	(void)ud;
	calls++;
	if (f->f[i].value[0] && atoi(f->f[i].value) > 365)
		snprintf(err, size, "at most 365 days");
}

static void fresh(form *f)
{
	form_init(f, NULL);
	assert_int_equal(form_add(f, "Name", FT_TEXT, 10, 1, NULL), F_NAME);
	assert_int_equal(form_add(f, "Kind", FT_CHOICE, 0, 0, NULL), F_KIND);
	form_set_choices(f, F_KIND, kinds, 4);
	assert_int_equal(form_add(f, "Days", FT_INTEGER, 4, 0, days_ok), F_DAYS);
	assert_int_equal(form_add(f, "Limit", FT_AMOUNT, 12, 0, NULL), F_LIMIT);
	assert_int_equal(form_add(f, "Active", FT_YESNO, 0, 0, NULL), F_ACTIVE);
	calls = 0;
}

static void type(form *f, const char *s)
{
	int cp, n;

	while ((n = uk_utf8_decode(s, &cp)) > 0) {
		form_handle_key(f, cp);
		s += n;
	}
}

static void test_utf8_editing(void **state)
{
	form f;

	(void)state;
	fresh(&f);
	assert_int_equal(f.dirty, 0);
	type(&f, "Peña");
	assert_string_equal(f.f[F_NAME].value, "Peña");
	assert_int_equal(f.f[F_NAME].cursor, 4);
	assert_int_equal(f.dirty, 1);
	assert_int_equal(f.f[F_NAME].edited, 1);
	form_handle_key(&f, UK_LEFT);
	form_handle_key(&f, UK_BACKSPACE);        /* the whole ñ */
	assert_string_equal(f.f[F_NAME].value, "Pea");
	assert_int_equal(f.f[F_NAME].cursor, 2);
	type(&f, "ñ");
	assert_string_equal(f.f[F_NAME].value, "Peña");
	form_handle_key(&f, UK_HOME);
	assert_int_equal(f.f[F_NAME].cursor, 0);
	form_handle_key(&f, UK_DELETE);
	assert_string_equal(f.f[F_NAME].value, "eña");
	form_handle_key(&f, UK_RIGHT);
	form_handle_key(&f, UK_DELETE);           /* the ñ under the cursor, both bytes */
	assert_string_equal(f.f[F_NAME].value, "ea");
	form_handle_key(&f, UK_END);
	assert_int_equal(f.f[F_NAME].cursor, 2);
	form_handle_key(&f, UK_DELETE);           /* at the end: nothing */
	form_handle_key(&f, UK_RIGHT);
	assert_int_equal(f.f[F_NAME].cursor, 2);
	form_handle_key(&f, UK_HOME);
	form_handle_key(&f, UK_BACKSPACE);        /* at the start: nothing */
	assert_string_equal(f.f[F_NAME].value, "ea");
}

static void test_maxlen_and_types(void **state)
{
	form f;

	(void)state;
	fresh(&f);
	type(&f, "ñññññññññññññ");               /* 13 characters into 10 */
	assert_int_equal(form_chars(f.f[F_NAME].value), 10);
	assert_int_equal(strlen(f.f[F_NAME].value), 20);
	f.cur = F_DAYS;
	type(&f, "3a0-");
	assert_string_equal(f.f[F_DAYS].value, "30");
	f.cur = F_LIMIT;
	type(&f, "1.500,50x");
	assert_string_equal(f.f[F_LIMIT].value, "1.500,50");
	form_set_value(&f, F_NAME, "Ana");
	assert_int_equal(f.f[F_NAME].cursor, 3);
	assert_int_equal(f.f[F_NAME].edited, 0);
}

static void test_navigation(void **state)
{
	form f;

	(void)state;
	fresh(&f);
	assert_int_equal(form_handle_key(&f, UK_TAB) & FORM_MOVED, FORM_MOVED);
	assert_int_equal(f.cur, F_KIND);
	form_handle_key(&f, UK_ENTER);
	assert_int_equal(f.cur, F_DAYS);
	form_handle_key(&f, UK_DOWN);
	assert_int_equal(f.cur, F_LIMIT);
	form_handle_key(&f, UK_UP);
	assert_int_equal(f.cur, F_DAYS);
	form_handle_key(&f, UK_BTAB);
	form_handle_key(&f, UK_BTAB);
	assert_int_equal(f.cur, F_NAME);
	form_handle_key(&f, UK_BTAB);             /* wraps to the last */
	assert_int_equal(f.cur, F_ACTIVE);
	form_handle_key(&f, UK_TAB);              /* and back to the first */
	assert_int_equal(f.cur, F_NAME);
	assert_int_equal(f.dirty, 0);             /* moving is no change */
	f.top = 0;
	f.cur = F_ACTIVE;
	form_scroll(&f, 2);
	assert_int_equal(f.top, 3);
	f.cur = F_NAME;
	form_scroll(&f, 2);
	assert_int_equal(f.top, 0);
}

static void test_choices(void **state)
{
	form f;

	(void)state;
	fresh(&f);
	f.cur = F_KIND;
	assert_string_equal(f.f[F_KIND].value, "taxpayer");
	assert_int_equal(form_handle_key(&f, UK_RIGHT) & FORM_CHOSEN, FORM_CHOSEN);
	assert_string_equal(f.f[F_KIND].value, "final consumer");
	form_handle_key(&f, ' ');
	assert_int_equal(f.f[F_KIND].choice, 2);
	form_handle_key(&f, UK_RIGHT);
	form_handle_key(&f, UK_RIGHT);            /* wraps */
	assert_int_equal(f.f[F_KIND].choice, 0);
	form_handle_key(&f, UK_LEFT);
	assert_string_equal(f.f[F_KIND].value, "foreign");
	assert_int_equal(form_handle_key(&f, 'x'), FORM_IGNORED);
	assert_int_equal(f.dirty, 1);
	f.cur = F_ACTIVE;
	assert_int_equal(f.f[F_ACTIVE].choice, 1);
	assert_string_equal(f.f[F_ACTIVE].value, "yes");
	form_handle_key(&f, 'n');
	assert_string_equal(f.f[F_ACTIVE].value, "no");
	form_handle_key(&f, ' ');
	assert_int_equal(f.f[F_ACTIVE].choice, 1);
	form_handle_key(&f, 'y');
	assert_int_equal(f.f[F_ACTIVE].choice, 1);
}

static void test_validation(void **state)
{
	form f;

	(void)state;
	fresh(&f);
	/* nothing is said before the clerk leaves a field */
	assert_string_equal(f.f[F_NAME].error, "");
	form_handle_key(&f, UK_TAB);
	assert_string_equal(f.f[F_NAME].error, "required");
	f.cur = F_DAYS;
	type(&f, "400");
	assert_string_equal(f.f[F_DAYS].error, "");
	assert_int_equal(calls, 0);
	form_handle_key(&f, UK_TAB);
	assert_int_equal(calls, 1);
	assert_string_equal(f.f[F_DAYS].error, "at most 365 days");
	form_handle_key(&f, UK_BTAB);
	form_handle_key(&f, UK_BACKSPACE);
	form_handle_key(&f, UK_TAB);
	assert_string_equal(f.f[F_DAYS].error, "");
	/* on save every field is checked; the first in error becomes current */
	f.cur = F_ACTIVE;
	assert_int_equal(form_check_all(&f), F_NAME);
	assert_int_equal(f.cur, F_NAME);
	type(&f, "Ana");
	assert_int_equal(form_check_all(&f), -1);
	form_set_error(&f, F_DAYS, "taken");
	assert_int_equal(f.cur, F_DAYS);
	assert_string_equal(f.f[F_DAYS].error, "taken");
	/* required can change (receiver type); blanks count as empty */
	f.f[F_LIMIT].required = 1;
	form_set_value(&f, F_LIMIT, "");
	assert_int_equal(form_check(&f, F_LIMIT), 1);
	f.f[F_NAME].value[0] = ' ';
	f.f[F_NAME].value[1] = '\0';
	assert_int_equal(form_check(&f, F_NAME), 1);
}

/* The date field: only digits and '-' type; leaving it checks the date with date.c; on a valid
 * date + and - move it a day (across months, years and leap days), t and = put today (fixed);
 * on a date not yet typed whole, '-' types the separator. */
static void test_date_field(void **state)
{
	form f;
	cart_err e;
	int d;

	(void)state;
	assert_int_equal(date_set_today("2026-06-30", &e), CART_OK);
	form_init(&f, NULL);
	assert_int_equal(form_add(&f, "Name", FT_TEXT, 10, 0, NULL), 0);
	d = form_add(&f, "Due", FT_DATE, 40, 0, NULL);
	assert_int_equal(d, 1);
	assert_int_equal(f.f[d].maxlen, 10);
	f.cur = d;
	type(&f, "2026-02-30");
	assert_string_equal(f.f[d].value, "2026-02-30");
	assert_int_equal(form_handle_key(&f, 'x'), FORM_IGNORED);
	type(&f, "1");                            /* full: nothing more types */
	assert_string_equal(f.f[d].value, "2026-02-30");
	assert_int_equal(form_handle_key(&f, '+'), FORM_REDRAW);   /* not a date: nothing moves */
	assert_string_equal(f.f[d].value, "2026-02-30");
	form_handle_key(&f, UK_TAB);              /* leaving it: checked by date.c */
	assert_int_equal(f.cur, 0);
	assert_non_null(strstr(f.f[d].error, "2026-02-30"));
	f.cur = d;
	form_handle_key(&f, UK_BACKSPACE);
	form_handle_key(&f, UK_BACKSPACE);
	type(&f, "28");
	assert_int_equal(form_check(&f, d), 0);
	assert_string_equal(f.f[d].error, "");
	form_handle_key(&f, '+');
	assert_string_equal(f.f[d].value, "2026-03-01");
	form_handle_key(&f, '-');
	form_handle_key(&f, '-');
	assert_string_equal(f.f[d].value, "2026-02-27");
	form_set_value(&f, d, "2024-02-28");
	form_handle_key(&f, '+');
	assert_string_equal(f.f[d].value, "2024-02-29");   /* a leap year */
	form_set_value(&f, d, "2026-12-31");
	form_handle_key(&f, '+');
	assert_string_equal(f.f[d].value, "2027-01-01");
	assert_int_equal(f.f[d].cursor, 10);
	form_handle_key(&f, 't');
	assert_string_equal(f.f[d].value, "2026-06-30");
	form_set_value(&f, d, "");
	form_handle_key(&f, '=');
	assert_string_equal(f.f[d].value, "2026-06-30");
	assert_int_equal(f.dirty, 1);
	/* typing a date by hand: '-' is the separator until the date is whole */
	form_set_value(&f, d, "");
	type(&f, "2026-7-4");
	assert_string_equal(f.f[d].value, "2026-7-4");
	assert_int_equal(form_check(&f, d), 1);   /* strict YYYY-MM-DD */
	/* empty and not required: fine; required: "required" */
	form_set_value(&f, d, "");
	assert_int_equal(form_check(&f, d), 0);
	f.f[d].required = 1;
	assert_int_equal(form_check(&f, d), 1);
	assert_string_equal(f.f[d].error, "required");
	date_set_today(NULL, &e);
}

/* A warning sits beside a field apart from its error and survives the checks. */
static void test_warning(void **state)
{
	form f;

	(void)state;
	fresh(&f);
	form_set_warning(&f, F_NAME, "worth a look");
	assert_string_equal(f.f[F_NAME].warning, "worth a look");
	type(&f, "Ana");
	assert_int_equal(form_check_all(&f), -1);  /* a warning does not block */
	assert_string_equal(f.f[F_NAME].warning, "worth a look");
	form_set_warning(&f, F_NAME, "");
	assert_string_equal(f.f[F_NAME].warning, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_editing),
		cmocka_unit_test(test_maxlen_and_types),
		cmocka_unit_test(test_navigation),
		cmocka_unit_test(test_choices),
		cmocka_unit_test(test_validation),
		cmocka_unit_test(test_date_field),
		cmocka_unit_test(test_warning),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
