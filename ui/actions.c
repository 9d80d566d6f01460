/* The action list's lookups. */
#include "config.h"

#include <stddef.h>

#include "actions.h"

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

int ui_action_of(int key, ui_where where, int typing)
{
	if (!key)
		return UA_NONE;
	if (typing && uk_is_text(key))
		return UA_NONE;
	for (int a = 1; a < UA_COUNT; a++) {
		if (!(actions[a].where & where))
			continue;
		for (int k = 0; k < 3; k++)
			if (actions[a].keys[k] == key)
				return a;
	}
	return UA_NONE;
}

int ui_action_ok(int action, int have)
{
	const ui_action_info *a = ui_action_get(action);

	return a && (a->needs & have) == a->needs;
}
