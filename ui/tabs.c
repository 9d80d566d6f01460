/* The tab row's state and keys: pure code, no curses (see tabs.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "tabs.h"

#include "cartera/i18n.h"

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

void tabs_set_more(tabs *t, int i, int more)
{
	if (i >= 0 && i < t->n)
		t->more[i] = more != 0;
}

void tabs_set_count(tabs *t, int i, long count)
{
	if (i >= 0 && i < t->n)
		t->count[i] = count;
}

/* The handlers return the tab to show. */
static int tab_next(void *self, int key)
{
	tabs *t = self;

	(void)key;
	return (t->cur + 1) % t->n;
}

static int tab_prev(void *self, int key)
{
	tabs *t = self;

	(void)key;
	return (t->cur + t->n - 1) % t->n;
}

const ui_act tabs_acts[TBA_COUNT] = {
	[TBA_NEXT] = UI_ACT(N_("Next tab"), UK_TAB, ']', UK_RIGHT, 0,
	                    N_("the next tab (1 to 9 go straight to a tab)"), tab_next),
	[TBA_PREV] = UI_ACT(NULL, UK_BTAB, '[', UK_LEFT, 0, N_("the previous tab"), tab_prev),
};
const ui_keymap tabs_keys = UI_KEYMAP("tabs", UI_KM_TABS, tabs_acts);

int tabs_handle_key(tabs *t, int key)
{
	int to;

	if (t->n <= 0)
		return TABS_IGNORED;
	to = ui_keys_run(&tabs_keys, t, key, 0, 0);
	if (to < 0) {
		if (key < '1' || key > '9')
			return TABS_IGNORED;
		to = key - '1';
		if (to >= t->n)
			return TABS_IGNORED;
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
	if (t->more[i])
		/* TRANSLATORS: a tab and its count, which stopped there: "Transactions 1.000+" */
		snprintf(buf, (size_t)size, _("%s %s+"), t->names[i], num);
	else
		snprintf(buf, (size_t)size, "%s %s", t->names[i], num);
}
