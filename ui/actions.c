/* The action list's lookups. */
#include "config.h"

#include <stddef.h>

#include "actions.h"

#include "cartera/i18n.h"

static const ui_action_info actions[UA_COUNT] = {
	[UA_NONE] = { NULL, { 0, 0, 0 }, 0, 0, NULL },
#define X(id, label, k1, k2, k3, where, needs, help) \
	[UA_##id] = { label, { k1, k2, k3 }, where, needs, help },
	UI_ACTIONS(X)
#undef X
};

const ui_action_info *ui_action_get(int action)
{
	return action > UA_NONE && action < UA_COUNT ? &actions[action] : NULL;
}

static int lookup(int key, ui_where where)
{
	for (int a = 1; a < UA_COUNT; a++) {
		if (!(actions[a].where & where))
			continue;
		for (int k = 0; k < 3; k++)
			if (actions[a].keys[k] == key)
				return a;
	}
	return UA_NONE;
}

static int first_char(const char *s)
{
	int cp = 0;

	return uk_utf8_decode(s, &cp) > 0 ? cp : 0;
}

int ui_yes_key(void)
{
	/* TRANSLATORS: the key that answers yes to a question (s in Spanish) */
	return first_char(_(NC_("answer key", "y")));
}

int ui_no_key(void)
{
	/* TRANSLATORS: the key that answers no to a question */
	return first_char(_(NC_("answer key", "n")));
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

int ui_action_of(int key, ui_where where, int typing)
{
	int a;

	if (!key)
		return UA_NONE;
	/* a question takes the language's keys (s/n in Spanish), either case */
	if (where & UI_IN_CONFIRM && uk_is_text(key)) {
		if (lower(key) == ui_yes_key())
			return UA_YES;
		if (lower(key) == ui_no_key())
			return UA_NO;
	}
	if (uk_is_text(key) && (typing || (where & UI_SEARCHED)))
		return UA_NONE;
	if ((a = lookup(key, where)) != UA_NONE)
		return a;
	/* nothing to type into: the letter is its Alt key, and Alt-letter the letter's action */
	if (uk_after_esc(key))
		return lookup(uk_after_esc(key), where);
	if (uk_alt_char(key))
		return lookup(uk_alt_char(key), where);
	return UA_NONE;
}

int ui_action_ok(int action, int have)
{
	const ui_action_info *a = ui_action_get(action);

	return a && (a->needs & have) == a->needs;
}
