/* The key tables' lookups (actions.h). */
#include "config.h"

#include <stddef.h>

#include "actions.h"

#include "cartera/i18n.h"

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

const ui_act *ui_act_real(const ui_act *a)
{
	return a->same ? a->same : a;
}

int ui_act_needs(const ui_act *a)
{
	return a->needs | (a->same ? a->same->needs : 0);
}

int ui_act_ok(const ui_act *a, int have)
{
	int needs = ui_act_needs(a);

	return (needs & have) == needs;
}

static int has_key(const ui_act *a, int key)
{
	const ui_act *r = ui_act_real(a);

	return r->keys[0] == key || r->keys[1] == key || r->keys[2] == key;
}

/* The first entry with key whose needs hold; else the first with key (refused when run). */
static const ui_act *find_key(const ui_keymap *m, int key, int have)
{
	const ui_act *first = NULL;

	for (int i = 0; i < m->n; i++) {
		if (!has_key(&m->acts[i], key))
			continue;
		if (ui_act_ok(&m->acts[i], have))
			return &m->acts[i];
		if (!first)
			first = &m->acts[i];
	}
	return first;
}

const ui_act *ui_keys_find(const ui_keymap *m, int key, int have, int typing)
{
	const ui_act *a;

	if (!key || !m)
		return NULL;
	/* a question takes the language's keys (s/n in Spanish), either case */
	if (m->flags & UI_KM_CONFIRM && uk_is_text(key)) {
		if (lower(key) == ui_yes_key())
			key = 'y';
		else if (lower(key) == ui_no_key())
			key = 'n';
	}
	if (uk_is_text(key) && (typing || (m->flags & UI_KM_SEARCHED)))
		return NULL;
	if ((a = find_key(m, key, have)))
		return a;
	/* nothing to type into: the letter is its Alt key, and Alt-letter the letter's action */
	if (uk_after_esc(key))
		return find_key(m, uk_after_esc(key), have);
	if (uk_alt_char(key))
		return find_key(m, uk_alt_char(key), have);
	return NULL;
}

int ui_keys_run(const ui_keymap *m, void *self, int key, int have, int typing)
{
	const ui_act *a = ui_keys_find(m, key, have, typing);

	if (!a)
		return UI_NOKEY;
	if (!ui_act_ok(a, have))
		return UI_REFUSED;
	if (!a->run)
		return UI_WIDGET;
	return a->run(self, key);
}

/* The help screen's own keys (its scrolling is ui_help_key's, in ui_draw.c). */
static const ui_act help_acts[] = {
	UI_ACT(NULL, UK_PGDN, UK_PGUP, ' ', 0,
	       N_("scroll this help when it is longer than the screen (Up, Down, Home, End too)"), NULL),
	UI_ACT(N_("Close"), UK_ESC, 'q', UK_F(10), 0, N_("close this window"), NULL),
};
const ui_keymap ui_help_keys = UI_KEYMAP("help", 0, help_acts);

int ui_help_closes(int key)
{
	return ui_keys_find(&ui_help_keys, key, 0, 0) == &help_acts[1];
}
