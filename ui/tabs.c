/* The tab row's state and keys: pure code, no curses (see tabs.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "tabs.h"

void tabs_init(tabs *t)
{
	memset(t, 0, sizeof *t);
}

int tabs_add(tabs *t, const char *name, long count)
{
	if (t->n >= TABS_MAX)
		return -1;
	t->names[t->n] = name;
	t->count[t->n] = count;
	return t->n++;
}

void tabs_set_count(tabs *t, int i, long count)
{
	if (i >= 0 && i < t->n)
		t->count[i] = count;
}

int tabs_handle_key(tabs *t, int key)
{
	int to;

	if (t->n <= 0)
		return TABS_IGNORED;
	switch (ui_action_of(key, UI_IN_TABS, 0)) {
	case UA_TABNEXT:
		to = (t->cur + 1) % t->n;
		break;
	case UA_TABPREV:
		to = (t->cur + t->n - 1) % t->n;
		break;
	default:
		if (key < '1' || key > '9')
			return TABS_IGNORED;
		to = key - '1';
		if (to >= t->n)
			return TABS_IGNORED;
		break;
	}
	if (to == t->cur)
		return TABS_IGNORED;
	t->cur = to;
	return TABS_CHANGED;
}

void tabs_label(const tabs *t, int i, char sep, char *buf, int size)
{
	char raw[32], num[48];
	int n, o = 0;

	if (t->count[i] < 0) {
		snprintf(buf, (size_t)size, "%s", t->names[i]);
		return;
	}
	n = snprintf(raw, sizeof raw, "%ld", t->count[i]);
	for (int k = 0; k < n; k++) {
		if (sep && k > 0 && (n - k) % 3 == 0)
			num[o++] = sep;
		num[o++] = raw[k];
	}
	num[o] = '\0';
	snprintf(buf, (size_t)size, "%s %s", t->names[i], num);
}
