/* The keys of the document screens (their tables in ui/keymaps.h: the receipt form, the means box, the credit
 * note and opening balance forms, and the dashboard keys that open them), with no terminal: no
 * key starts two actions on one screen, every F-key action has a second key that is not an
 * F-key, the keys the screen tests press start the actions they mean, and the receipt's money
 * keys need a receipt (not a credit being applied). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../ui/actions.h"
#include "../../ui/keymaps.h"
#include "../../ui/keys.h"

/* The document screens' tables (ui/keymaps.h). */
static const ui_keymap *const screens[] = { &scr_receipt_keys, &scr_rmeans_keys, &scr_cnote_keys,
                                            &scr_opening_keys };

static int is_fkey(int key)
{
	return key > UK_F0 && key <= UK_F(24);
}

static void test_no_key_twice(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof screens / sizeof screens[0]; s++)
		for (int i = 0; i < screens[s]->n; i++) {
			const ui_act *a = &screens[s]->acts[i];

			for (int k = 0; k < 3; k++)
				if (ui_act_real(a)->keys[k]) {
					/* the first action of the table with the key is this one */
					if (ui_keys_find(screens[s], ui_act_real(a)->keys[k], ~0, 0) != a)
						print_error("table %s entry %d key %d\n", screens[s]->name, i,
						            ui_act_real(a)->keys[k]);
					assert_ptr_equal(ui_keys_find(screens[s], ui_act_real(a)->keys[k], ~0, 0), a);
				}
		}
}

static void test_fkeys_have_another(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof screens / sizeof screens[0]; s++)
		for (int i = 0; i < screens[s]->n; i++) {
			const ui_act *a = ui_act_real(&screens[s]->acts[i]);
			int other = 0;

			if (!is_fkey(a->keys[0]))
				continue;
			for (int k = 1; k < 3; k++)
				other |= a->keys[k] && !is_fkey(a->keys[k]);
			assert_true(other);
		}
}

/* What key starts on table m: its help line ("" for nothing). */
static const char *does(const ui_keymap *m, int key, int have, int typing)
{
	const ui_act *a = ui_keys_find(m, key, have, typing);

	return a ? ui_act_real(a)->help : "";
}

#define MEANS(m, key, typing, words) \
	assert_non_null(strstr(does(m, key, ~0, typing), words))

static void test_keys_mean(void **state)
{
	(void)state;
	/* the receipt form */
	MEANS(&scr_receipt_keys, ' ', 0, "mark or unmark the invoice");
	MEANS(&scr_receipt_keys, UK_ENTER, 0, "type what the selected invoice takes");
	MEANS(&scr_receipt_keys, '$', 0, "the amount received, all in cash");
	MEANS(&scr_receipt_keys, UK_F(3), 0, "add a means of payment");
	MEANS(&scr_receipt_keys, UK_F(4), 0, "add a withholding");
	MEANS(&scr_receipt_keys, 'k', 0, "keep it as a credit in favour");
	MEANS(&scr_receipt_keys, 'o', 0, "write it off");
	MEANS(&scr_receipt_keys, 'f', 0, "refund it in cash");
	MEANS(&scr_receipt_keys, UK_CTRL('s'), 0, "post the document");
	MEANS(&scr_receipt_keys, UK_ESC, 0, "close the form");
	/* the forms: letters type into the fields, Ctrl and F-keys act */
	assert_null(ui_keys_find(&scr_cnote_keys, 'c', ~0, 1));
	MEANS(&scr_cnote_keys, UK_CTRL('f'), 1, "pick the client");
	MEANS(&scr_cnote_keys, UK_F(3), 1, "pick one of the client's open invoices");
	assert_null(ui_keys_find(&scr_opening_keys, UK_F(3), ~0, 1));
	MEANS(&scr_opening_keys, UK_F(5), 1, "import opening balances");
	MEANS(&scr_opening_keys, UK_F(9), 1, "post the document");
	/* the means box */
	MEANS(&scr_rmeans_keys, UK_F(9), 1, "add it to the receipt");
	MEANS(&scr_rmeans_keys, UK_ESC, 1, "close the box, nothing added");
	/* the dashboard: Pay and Apply open the forms, and the new keys are no one else's */
	MEANS(&scr_dash_keys, UK_F(5), 0, "receive a payment for the selected document");
	MEANS(&scr_dash_keys, UK_F(4), 0, "apply the selected credit in favour");
	MEANS(&scr_dash_keys, UK_ALT('R'), 0, "a new receipt");
	MEANS(&scr_dash_keys, UK_F(11), 0, "a new invoice");
	MEANS(&scr_dash_keys, UK_ALT('N'), 0, "a credit note");
	MEANS(&scr_dash_keys, UK_F(12), 0, "a new quote");
	MEANS(&scr_dash_keys, UK_ALT('O'), 0, "opening balances");
	/* letters type into the dashboard's filter, empty or not */
	assert_null(ui_keys_find(&scr_dash_keys, 'R', ~0, 1));
	assert_null(ui_keys_find(&scr_dash_keys, 'R', ~0, 0));
}

/* Whether key's action on the receipt form may run given `have`. */
static int ok(int key, int have)
{
	const ui_act *a = ui_keys_find(&scr_receipt_keys, key, have, 0);

	return a && ui_act_ok(a, have);
}

static void test_needs(void **state)
{
	(void)state;
	/* applying a credit: no money keys */
	assert_false(ok('$', UI_NEEDS_ROW));
	assert_false(ok('m', UI_NEEDS_ROW));
	assert_true(ok('$', UI_NEEDS_RECEIVING));
	/* dropping a means needs one */
	assert_false(ok('x', UI_NEEDS_RECEIVING));
	assert_true(ok('x', UI_NEEDS_RECEIVING | UI_NEEDS_MEANS));
	/* marking and typing a row need a row; the leftover keys always answer (refund says why) */
	assert_false(ok(' ', UI_NEEDS_RECEIVING));
	assert_true(ok(' ', UI_NEEDS_ROW));
	assert_true(ok('f', 0));
	assert_true(ok('o', 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_key_twice),
		cmocka_unit_test(test_fkeys_have_another),
		cmocka_unit_test(test_keys_mean),
		cmocka_unit_test(test_needs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
