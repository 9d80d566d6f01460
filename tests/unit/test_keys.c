/* Keys with no terminal: Alt keys as a terminal without Alt sends them (Esc, then the character
 * within UK_ALT_WAIT_MS), their script tokens and names; and every screen's and widget's key table
 * (ui/keymaps.h): on one table no key means two things (the help would list it twice), and on the
 * lists a clerk searches every printable character types. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../ui/actions.h"
#include "../../ui/dialog.h"
#include "../../ui/keymaps.h"
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

/* Two actions may share a key on one table only when they never both hold: leaving cartera on
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

static int check_table(const ui_keymap *m)
{
	int bad = 0;

	for (int i = 0; i < m->n; i++) {
		const ui_act *x = ui_act_real(&m->acts[i]);

		/* every action says what it does and has a key */
		if (!x->help || !x->keys[0]) {
			print_error("table %s: entry %d has no help or no key\n", m->name, i);
			bad++;
		}
		for (int j = i + 1; j < m->n; j++) {
			const ui_act *y = ui_act_real(&m->acts[j]);

			if (exclusive(ui_act_needs(&m->acts[i]), ui_act_needs(&m->acts[j])))
				continue;
			for (int a = 0; a < 3; a++)
				for (int b = 0; b < 3; b++) {
					char name[16];

					if (!x->keys[a] || x->keys[a] != y->keys[b])
						continue;
					print_error("table %s: %s is \"%s\" and \"%s\"\n", m->name,
					            uk_name(x->keys[a], name), x->help, y->help);
					bad++;
				}
		}
	}
	return bad;
}

/* On one table no key means two things (the help would list it twice). */
static void test_one_meaning(void **state)
{
	int bad = 0, n = 0;

	(void)state;
	for (const ui_keymap *const *m = ui_keymaps_all; *m; m++, n++)
		bad += check_table(*m);
	assert_int_equal(bad, 0);
	assert_true(n > 10);
}

static int is_fkey(int key)
{
	return key > UK_F0 && key <= UK_F(24);
}

/* SPEC P3: an F-key action is also reachable on a terminal without F-keys, on every table. */
static void test_fkeys_have_another(void **state)
{
	int bad = 0;

	(void)state;
	for (const ui_keymap *const *m = ui_keymaps_all; *m; m++)
		for (int i = 0; i < (*m)->n; i++) {
			const ui_act *a = ui_act_real(&(*m)->acts[i]);
			int fkeys = 0, other = 0;

			for (int k = 0; k < 3; k++) {
				fkeys |= is_fkey(a->keys[k]);
				other |= a->keys[k] && !is_fkey(a->keys[k]);
			}
			if (fkeys && !other) {
				print_error("table %s: \"%s\" has only F-keys\n", (*m)->name, a->help);
				bad++;
			}
		}
	assert_int_equal(bad, 0);
}

/* The help of the action key starts on table m (what the help and the handler see), or "". */
static const char *does(const ui_keymap *m, int key, int have, int typing)
{
	const ui_act *a = ui_keys_find(m, key, have, typing);

	return a ? ui_act_real(a)->help : "";
}

/* On the lists a clerk searches no table lists a printable key, and none starts anything: there
 * every printable character types into the filter; commands are F-keys, Enter, arrows, Ctrl and
 * Alt keys. */
static void test_searched_lists(void **state)
{
	int bad = 0, searched = 0;

	(void)state;
	for (const ui_keymap *const *m = ui_keymaps_all; *m; m++) {
		if (!((*m)->flags & UI_KM_SEARCHED))
			continue;
		searched++;
		for (int i = 0; i < (*m)->n; i++)
			for (int k = 0; k < 3; k++) {
				int key = ui_act_real(&(*m)->acts[i])->keys[k];
				char name[16];

				if (key && uk_is_text(key)) {
					print_error("searched table %s lists %s\n", (*m)->name, uk_name(key, name));
					bad++;
				}
			}
		for (int k = 0x20; k < 0x7f; k++)
			assert_null(ui_keys_find(*m, k, ~0, 0));
		assert_null(ui_keys_find(*m, 0xf1, ~0, 0));
	}
	assert_int_equal(bad, 0);
	assert_true(searched >= 3);
	/* the client list: Alt keys and F-keys; Esc leaves cartera on the first screen and goes
	 * back on the others; Alt-? is the help */
	assert_string_equal(does(&scr_clients_keys, UK_ALT('g'), 0, 0),
	                    "find a client by a few letters of its name, tax id or phone and go to it");
	assert_string_equal(does(&scr_clients_keys, UK_ESC, UI_NEEDS_ROOT, 0),
	                    "leave cartera (asks first; Esc clears a typed filter first)");
	assert_string_equal(does(&scr_clients_keys, UK_ESC, UI_NEEDS_NESTED, 0),
	                    "back to the screen before (Esc clears a typed filter first)");
	assert_string_equal(does(&scr_clients_keys, UK_ALT('?'), 0, 1),
	                    "this help: every key of the screen");
	assert_string_equal(does(&scr_clients_keys, UK_F(1), 0, 1), "this help: every key of the screen");
	/* a form types its letters even with Alt's fallback there */
	assert_null(ui_keys_find(&scr_cform_keys, 's', 0, 1));
	assert_string_equal(does(&scr_cform_keys, UK_ALT('?'), 0, 1), "this help: every key of the screen");
}

/* A handler runs only when its precondition holds; a widget's action goes on to the widget. */
static void test_preconditions(void **state)
{
	(void)state;
	assert_int_equal(ui_keys_run(&scr_clients_keys, NULL, UK_ENTER, 0, 0), UI_REFUSED);
	assert_int_equal(ui_keys_run(&scr_clients_keys, NULL, UK_F(6), 0, 0), UI_WIDGET);
	assert_int_equal(ui_keys_run(&scr_clients_keys, NULL, UK_F(8), 0, 0), UI_REFUSED);
	assert_int_equal(ui_keys_run(&scr_clients_keys, NULL, UK_F(8), UI_NEEDS_FILTER, 0), UI_WIDGET);
	assert_int_equal(ui_keys_run(&scr_clients_keys, NULL, 'x', 0, 0), UI_NOKEY);
}

static void test_yes_no(void **state)
{
	const ui_keymap *q = &dialog_confirm_keys;

	(void)state;
	/* English here (no catalogue): y and n, either case; Esc is no */
	assert_int_equal(ui_yes_key(), 'y');
	assert_int_equal(ui_no_key(), 'n');
	assert_string_equal(ui_keys_find(q, 'y', 0, 0)->label, "Yes");
	assert_string_equal(ui_keys_find(q, 'Y', 0, 0)->label, "Yes");
	assert_string_equal(ui_keys_find(q, 'N', 0, 0)->label, "No");
	assert_string_equal(ui_keys_find(q, UK_ESC, 0, 0)->label, "No");
	assert_null(ui_keys_find(q, 'x', 0, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alt_decode),
		cmocka_unit_test(test_alt_tokens),
		cmocka_unit_test(test_one_meaning),
		cmocka_unit_test(test_searched_lists),
		cmocka_unit_test(test_preconditions),
		cmocka_unit_test(test_fkeys_have_another),
		cmocka_unit_test(test_yes_no),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
