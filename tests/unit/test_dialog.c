/* The dialogs' keys, with no terminal and no ledger: confirm (y / n / Esc), choose (arrows
 * wrapping, first letters jumping, numbers choosing, Enter, Esc), prompt (UTF-8 line editing,
 * Enter gives the text trimmed, Esc cancels, Tab does not close it), pick a client (every letter
 * types into the filter and asks for a recount, arrows move, Enter only when there is a row)
 * and the message window (scrolling clamped to its lines, Enter / Esc / q close it). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../ui/dialog.h"
#include "../../ui/keys.h"

static int type(dialog *d, const char *s)
{
	int cp, n, r = 0;

	while ((n = uk_utf8_decode(s, &cp)) > 0) {
		r |= dialog_handle_key(d, cp);
		s += n;
	}
	return r;
}

static void test_confirm(void **state)
{
	dialog d;

	(void)state;
	memset(&d, 0, sizeof d);
	dialog_confirm(&d, 7, "Unsaved changes", "Discard the changes? (y/n)");
	assert_int_equal(d.kind, DLG_CONFIRM);
	assert_int_equal(d.tag, 7);
	assert_string_equal(d.text, "Discard the changes? (y/n)");
	assert_int_equal(dialog_handle_key(&d, 'x'), DLG_OPEN);
	assert_int_equal(dialog_handle_key(&d, UK_ENTER), DLG_OPEN);   /* no default answer */
	assert_int_equal(d.kind, DLG_CONFIRM);
	assert_int_equal(dialog_handle_key(&d, 'y'), DLG_OK);
	assert_int_equal(d.kind, DLG_NONE);
	assert_int_equal(d.tag, 7);                                    /* kept for the owner */
	dialog_confirm(&d, 1, "t", "q");
	assert_int_equal(dialog_handle_key(&d, 'Y'), DLG_OK);
	dialog_confirm(&d, 1, "t", "q");
	assert_int_equal(dialog_handle_key(&d, 'n'), DLG_CANCEL);
	dialog_confirm(&d, 1, "t", "q");
	assert_int_equal(dialog_handle_key(&d, UK_ESC), DLG_CANCEL);
	assert_int_equal(d.kind, DLG_NONE);
	/* a closed dialog takes no keys */
	assert_int_equal(dialog_handle_key(&d, 'y'), DLG_OPEN);
	dialog_free(&d);
}

static void test_choose(void **state)
{
	static const char *const opts[] = { "Replace it", "Another name", "Cancel", "Añadir" };
	dialog d;

	(void)state;
	memset(&d, 0, sizeof d);
	dialog_choose(&d, 3, "Export clients", "clients.csv already exists.", opts, 4, 1);
	assert_int_equal(d.nopt, 4);
	assert_int_equal(d.sel, 1);
	assert_int_equal(dialog_handle_key(&d, UK_DOWN), DLG_OPEN);
	assert_int_equal(d.sel, 2);
	dialog_handle_key(&d, UK_DOWN);
	dialog_handle_key(&d, UK_DOWN);
	assert_int_equal(d.sel, 0);                 /* wraps */
	dialog_handle_key(&d, UK_UP);
	assert_int_equal(d.sel, 3);
	dialog_handle_key(&d, UK_HOME);
	assert_int_equal(d.sel, 0);
	dialog_handle_key(&d, UK_END);
	assert_int_equal(d.sel, 3);
	/* first letters jump, case aside, to the next option with it (wrapping) */
	dialog_handle_key(&d, 'c');
	assert_int_equal(d.sel, 2);
	dialog_handle_key(&d, 'R');
	assert_int_equal(d.sel, 0);
	dialog_handle_key(&d, 'a');
	assert_int_equal(d.sel, 1);
	dialog_handle_key(&d, 'a');
	assert_int_equal(d.sel, 3);
	dialog_handle_key(&d, 'a');
	assert_int_equal(d.sel, 1);
	dialog_handle_key(&d, 'z');                 /* no option: stays */
	assert_int_equal(d.sel, 1);
	assert_int_equal(dialog_handle_key(&d, UK_ENTER), DLG_OK);
	assert_int_equal(d.sel, 1);
	assert_int_equal(d.kind, DLG_NONE);
	/* the numbers drawn beside the options choose at once; past the last they do nothing */
	dialog_choose(&d, 3, "t", "", opts, 3, 0);
	assert_int_equal(dialog_handle_key(&d, '4'), DLG_OPEN);
	assert_int_equal(dialog_handle_key(&d, '3'), DLG_OK);
	assert_int_equal(d.sel, 2);
	dialog_choose(&d, 3, "t", "", opts, 3, 9);  /* a selection out of range starts at 0 */
	assert_int_equal(d.sel, 0);
	assert_int_equal(dialog_handle_key(&d, UK_F(10)), DLG_CANCEL);
	dialog_choose(&d, 3, "t", "", opts, 3, 0);
	assert_int_equal(dialog_handle_key(&d, UK_ESC), DLG_CANCEL);
	dialog_free(&d);
}

/* More options than DLG_MAX_OPTIONS (a client's every open invoice): all of them are there,
 * the selection scrolls the list, digits type nothing, letters still jump. */
static void test_choose_long(void **state)
{
	static char names[30][16];
	const char *opts[30];
	dialog d;

	(void)state;
	memset(&d, 0, sizeof d);
	for (int i = 0; i < 30; i++) {
		snprintf(names[i], sizeof names[i], "%c FAC-%06d", i == 25 ? 'z' : 'F', i + 1);
		opts[i] = names[i];
	}
	dialog_choose(&d, 4, "The invoice to credit", "", opts, 30, 0);
	assert_int_equal(d.nopt, 30);
	assert_string_equal(dialog_option(&d, 29), "F FAC-000030");
	d.opt_height = 10;                         /* as drawn: ten options fit */
	assert_int_equal(dialog_handle_key(&d, '3'), DLG_OPEN);
	assert_int_equal(d.sel, 0);                /* no numbers on a long list */
	assert_int_equal(dialog_handle_key(&d, UK_END), DLG_OPEN);
	assert_int_equal(d.sel, 29);
	assert_int_equal(d.opt_top, 20);           /* scrolled to show the last */
	dialog_handle_key(&d, UK_PGUP);
	assert_int_equal(d.sel, 20);
	dialog_handle_key(&d, UK_HOME);
	assert_int_equal(d.sel, 0);
	assert_int_equal(d.opt_top, 0);
	dialog_handle_key(&d, 'z');                /* a letter jumps, past the screen */
	assert_int_equal(d.sel, 25);
	assert_true(d.opt_top <= 25 && 25 < d.opt_top + 10);
	assert_int_equal(dialog_handle_key(&d, UK_ENTER), DLG_OK);
	assert_int_equal(d.sel, 25);
	dialog_free(&d);
}

static void test_prompt(void **state)
{
	dialog d;
	char out[64];

	(void)state;
	memset(&d, 0, sizeof d);
	dialog_prompt(&d, 2, "Import clients", "The CSV file to read:", "File", 30, "clients.csv");
	assert_string_equal(d.fm.f[0].value, "clients.csv");
	assert_int_equal(d.fm.f[0].cursor, 11);
	dialog_handle_key(&d, UK_HOME);
	type(&d, "año/");
	assert_string_equal(d.fm.f[0].value, "año/clients.csv");
	dialog_handle_key(&d, UK_LEFT);
	dialog_handle_key(&d, UK_LEFT);
	dialog_handle_key(&d, UK_BACKSPACE);       /* the whole ñ */
	assert_string_equal(d.fm.f[0].value, "ao/clients.csv");
	dialog_handle_key(&d, UK_END);
	type(&d, "  ");
	assert_int_equal(dialog_handle_key(&d, UK_TAB), DLG_OPEN);   /* Tab does not close it */
	assert_int_equal(d.kind, DLG_PROMPT);
	/* q and ? type: a prompt has no letter keys */
	dialog_handle_key(&d, UK_HOME);
	assert_int_equal(type(&d, " q?"), DLG_OPEN);
	assert_string_equal(d.fm.f[0].value, " q?ao/clients.csv  ");
	assert_int_equal(dialog_handle_key(&d, UK_ENTER), DLG_OK);
	assert_int_equal(d.kind, DLG_NONE);
	dialog_answer_text(&d, out, sizeof out);
	assert_string_equal(out, "q?ao/clients.csv");
	/* C-u empties the line */
	dialog_prompt(&d, 2, "t", "", "File", 30, "clients.csv");
	assert_int_equal(dialog_handle_key(&d, UK_CTRL('u')), DLG_OPEN);
	assert_string_equal(d.fm.f[0].value, "");
	assert_int_equal(d.fm.f[0].cursor, 0);
		/* the length limit holds */
	dialog_prompt(&d, 2, "t", "", "File", 5, "");
	type(&d, "abcdefgh");
	assert_string_equal(d.fm.f[0].value, "abcde");
	assert_int_equal(dialog_handle_key(&d, UK_ESC), DLG_CANCEL);
	dialog_free(&d);
}

static void test_pick(void **state)
{
	dialog d;

	(void)state;
	memset(&d, 0, sizeof d);
	dialog_pick_init(&d, 5, "Find a client", "Type a few letters");
	assert_int_equal(d.kind, DLG_PICK);
	assert_string_equal(d.lv.filter, "");
	/* no rows (not counted yet, or nothing matches): Enter does nothing */
	assert_int_equal(dialog_handle_key(&d, UK_ENTER), DLG_OPEN);
	assert_int_equal(d.kind, DLG_PICK);
	/* every letter types, q and ? and n included, and asks for a recount */
	assert_int_equal(dialog_handle_key(&d, 'q'), DLG_OPEN | DLG_REQUERY);
	assert_int_equal(type(&d, "?nñ"), DLG_OPEN | DLG_REQUERY);
	assert_string_equal(d.lv.filter, "q?nñ");
	assert_int_equal(dialog_handle_key(&d, UK_BACKSPACE), DLG_OPEN | DLG_REQUERY);
	assert_string_equal(d.lv.filter, "q?n");    /* the whole ñ */
	assert_int_equal(dialog_handle_key(&d, UK_CTRL('u')), DLG_OPEN | DLG_REQUERY);
	assert_string_equal(d.lv.filter, "");
	/* the owner counted 30 clients: arrows and pages move, no recount */
	d.lv.height = 10;
	listview_set_rows(&d.lv, 30);
	assert_int_equal(dialog_handle_key(&d, UK_DOWN), DLG_OPEN);
	assert_int_equal(d.lv.sel, 1);
	dialog_handle_key(&d, UK_PGDN);
	assert_int_equal(d.lv.sel, 10);
	dialog_handle_key(&d, UK_END);
	assert_int_equal(d.lv.sel, 29);
	assert_int_equal(dialog_handle_key(&d, UK_F(6)), DLG_OPEN);   /* no sorting here */
	assert_int_equal(d.lv.sort_col, 0);
	assert_int_equal(d.lv.sort_desc, 0);
	/* typing puts the selection back on the first match */
	dialog_handle_key(&d, 'a');
	assert_int_equal(d.lv.sel, 0);
	assert_int_equal(dialog_handle_key(&d, UK_ENTER), DLG_OK);
	assert_int_equal(d.kind, DLG_NONE);
	assert_int_equal(d.tag, 5);
	dialog_pick_init(&d, 5, "t", "");
	assert_int_equal(dialog_handle_key(&d, UK_ESC), DLG_CANCEL);
	dialog_free(&d);
}

static void test_message(void **state)
{
	dialog d;
	char text[400] = "";

	(void)state;
	memset(&d, 0, sizeof d);
	for (int i = 1; i <= 12; i++)
		snprintf(text + strlen(text), sizeof text - strlen(text), "line %d: bad\n", i);
	dialog_message(&d, 9, "Nothing imported", text);
	assert_int_equal(d.nlines, 12);             /* the last newline ends a line, adds none */
	d.height = 5;                               /* what the draw found room for */
	dialog_handle_key(&d, UK_UP);
	assert_int_equal(d.top, 0);                 /* clamped at the top */
	dialog_handle_key(&d, UK_DOWN);
	assert_int_equal(d.top, 1);
	dialog_handle_key(&d, UK_PGDN);
	assert_int_equal(d.top, 5);
	dialog_handle_key(&d, UK_PGDN);
	assert_int_equal(d.top, 7);                 /* the last page full, no blank tail */
	dialog_handle_key(&d, UK_HOME);
	assert_int_equal(d.top, 0);
	dialog_handle_key(&d, UK_END);
	assert_int_equal(d.top, 7);
	assert_int_equal(dialog_handle_key(&d, 'x'), DLG_OPEN);
	assert_int_equal(dialog_handle_key(&d, UK_ESC), DLG_OK);
	assert_int_equal(d.kind, DLG_NONE);
	dialog_message(&d, 9, "t", "one line");
	assert_int_equal(d.nlines, 1);
	d.height = 5;
	dialog_handle_key(&d, UK_END);
	assert_int_equal(d.top, 0);                 /* shorter than the window: no scrolling */
	assert_int_equal(dialog_handle_key(&d, UK_ENTER), DLG_OK);
	dialog_message(&d, 9, "t", "x");
	assert_int_equal(dialog_handle_key(&d, 'q'), DLG_OK);
	dialog_free(&d);
	dialog_free(&d);                            /* twice is safe */
	assert_null(d.msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_confirm),
		cmocka_unit_test(test_choose),
		cmocka_unit_test(test_choose_long),
		cmocka_unit_test(test_prompt),
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
