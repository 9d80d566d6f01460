/* The keys of the document screens (ui/actions.h: the receipt form, the means box, the credit
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

#include "../../ui/actions.h"
#include "../../ui/keys.h"

/* The screens, each as the where bits its handler looks keys up with. */
static const ui_where screens[] = { UI_IN_RECEIPT, UI_IN_ENTRY, UI_IN_DOCFORM | UI_IN_CNOTE,
                               UI_IN_DOCFORM | UI_IN_OPENING };

static int is_fkey(int key)
{
	return key > UK_F0 && key <= UK_F(24);
}

static void test_no_key_twice(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof screens / sizeof screens[0]; s++)
		for (int a = 1; a < UA_COUNT; a++) {
			const ui_action_info *ai = ui_action_get(a);

			if (!(ai->where & screens[s]))
				continue;
			for (int k = 0; k < 3; k++)
				if (ai->keys[k]) {
					/* the first action of the list with the key is this one */
					if (ui_action_of(ai->keys[k], screens[s], 0) != a)
						print_error("action %d key %d on screen %llx\n", a, ai->keys[k],
						            (unsigned long long)screens[s]);
					assert_int_equal(ui_action_of(ai->keys[k], screens[s], 0), a);
				}
		}
}

static void test_fkeys_have_another(void **state)
{
	(void)state;
	for (int a = UA_R_HELP; a < UA_COUNT; a++) {
		const ui_action_info *ai = ui_action_get(a);
		int other = 0;

		if (!is_fkey(ai->keys[0]))
			continue;
		for (int k = 1; k < 3; k++)
			other |= ai->keys[k] && !is_fkey(ai->keys[k]);
		assert_true(other);
	}
}

static void test_keys_mean(void **state)
{
	(void)state;
	/* the receipt form */
	assert_int_equal(ui_action_of(' ', UI_IN_RECEIPT, 0), UA_R_MARK);
	assert_int_equal(ui_action_of(UK_ENTER, UI_IN_RECEIPT, 0), UA_R_ROW);
	assert_int_equal(ui_action_of('$', UI_IN_RECEIPT, 0), UA_R_AMOUNT);
	assert_int_equal(ui_action_of(UK_F(3), UI_IN_RECEIPT, 0), UA_R_MEANS);
	assert_int_equal(ui_action_of(UK_F(4), UI_IN_RECEIPT, 0), UA_R_WH);
	assert_int_equal(ui_action_of('k', UI_IN_RECEIPT, 0), UA_R_KEEP);
	assert_int_equal(ui_action_of('o', UI_IN_RECEIPT, 0), UA_R_WRITEOFF);
	assert_int_equal(ui_action_of('f', UI_IN_RECEIPT, 0), UA_R_REFUND);
	assert_int_equal(ui_action_of(UK_CTRL('s'), UI_IN_RECEIPT, 0), UA_R_POST);
	assert_int_equal(ui_action_of(UK_ESC, UI_IN_RECEIPT, 0), UA_R_CANCEL);
	/* the forms: letters type into the fields, Ctrl and F-keys act */
	assert_int_equal(ui_action_of('c', UI_IN_DOCFORM | UI_IN_CNOTE, 1), UA_NONE);
	assert_int_equal(ui_action_of(UK_CTRL('f'), UI_IN_DOCFORM | UI_IN_CNOTE, 1), UA_D_CLIENT);
	assert_int_equal(ui_action_of(UK_F(3), UI_IN_DOCFORM | UI_IN_CNOTE, 1), UA_D_INVOICE);
	assert_int_equal(ui_action_of(UK_F(3), UI_IN_DOCFORM | UI_IN_OPENING, 1), UA_NONE);
	assert_int_equal(ui_action_of(UK_F(5), UI_IN_DOCFORM | UI_IN_OPENING, 1), UA_D_IMPORT);
	assert_int_equal(ui_action_of(UK_F(9), UI_IN_DOCFORM | UI_IN_OPENING, 1), UA_R_POST);
	/* the means box */
	assert_int_equal(ui_action_of(UK_F(9), UI_IN_ENTRY, 1), UA_E_OK);
	assert_int_equal(ui_action_of(UK_ESC, UI_IN_ENTRY, 1), UA_E_CANCEL);
	/* the dashboard: Pay and Apply open the forms, and the new keys are no one else's */
	assert_int_equal(ui_action_of(UK_F(5), UI_IN_DASH, 0), UA_PAY);
	assert_int_equal(ui_action_of(UK_F(4), UI_IN_DASH, 0), UA_APPLY);
	assert_int_equal(ui_action_of('R', UI_IN_DASH, 0), UA_RECEIPT);
	assert_int_equal(ui_action_of(UK_F(11), UI_IN_DASH, 0), UA_DASH_INVOICE);
	assert_int_equal(ui_action_of('N', UI_IN_DASH, 0), UA_CNOTE);
	assert_int_equal(ui_action_of(UK_F(12), UI_IN_DASH, 0), UA_DASH_QUOTE);
	assert_int_equal(ui_action_of('O', UI_IN_DASH, 0), UA_OPENING);
	/* typing a filter, they type */
	assert_int_equal(ui_action_of('R', UI_IN_DASH, 1), UA_NONE);
}

static void test_needs(void **state)
{
	(void)state;
	/* applying a credit: no money keys */
	assert_false(ui_action_ok(UA_R_AMOUNT, UI_NEEDS_ROW));
	assert_false(ui_action_ok(UA_R_MEANS, UI_NEEDS_ROW));
	assert_true(ui_action_ok(UA_R_AMOUNT, UI_NEEDS_RECEIVING));
	/* dropping a means needs one */
	assert_false(ui_action_ok(UA_R_UNMEANS, UI_NEEDS_RECEIVING));
	assert_true(ui_action_ok(UA_R_UNMEANS, UI_NEEDS_RECEIVING | UI_NEEDS_MEANS));
	/* marking and typing a row need a row; the leftover keys always answer (refund says why) */
	assert_false(ui_action_ok(UA_R_MARK, UI_NEEDS_RECEIVING));
	assert_true(ui_action_ok(UA_R_MARK, UI_NEEDS_ROW));
	assert_true(ui_action_ok(UA_R_REFUND, 0));
	assert_true(ui_action_ok(UA_R_WRITEOFF, 0));
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
