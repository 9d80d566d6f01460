/* A row of named tabs with counts ("Overdue 123"), the current one highlighted: Tab / ] / Right
 * for the next, S-Tab / [ / Left for the previous, 1..9 straight to a tab. The owner draws the
 * current tab's content below the row. tabs_handle_key() is pure (unit-tested); tabs_draw() is
 * in tabs_draw.c. */
#ifndef CARTERA_UI_TABS_H
#define CARTERA_UI_TABS_H

#include "actions.h"

#define TABS_MAX 9

typedef struct tabs {
	const char *names[TABS_MAX];  /* shown as given: translate them before tabs_add */
	long count[TABS_MAX];         /* shown after the name; -1: no count */
	unsigned char more[TABS_MAX]; /* the count stopped there: shown "1.000+" */
	int n, cur;
} tabs;

enum { TABS_IGNORED = 0, TABS_CHANGED = 1 };

/* The tab row's keys, for the screens that show tabs to list (UI_USE). */
enum { TBA_NEXT, TBA_PREV, TBA_COUNT };
extern const ui_act tabs_acts[TBA_COUNT];
extern const ui_keymap tabs_keys;

void tabs_init(tabs *t);
/* Add a tab; returns its index (-1 when full). */
int tabs_add(tabs *t, const char *name, long count);
void tabs_set_count(tabs *t, int i, long count);
/* Say that tab i's count is where counting stopped (more rows than that). */
void tabs_set_more(tabs *t, int i, int more);
/* Next / previous (wrapping) or 1..9; TABS_IGNORED for other keys, and for a key naming the tab
 * already shown or one that does not exist. */
int tabs_handle_key(tabs *t, int key);
/* The label of tab i: "Overdue 1.234" (count grouped with sep, '\0' for none). */
void tabs_label(const tabs *t, int i, char sep, char *buf, int size);

/* Draw the row at (y, x), w columns: each label padded by a blank each side, the current one in
 * the selected attribute, a rule under the rest of the row. */
void tabs_draw(const tabs *t, int y, int x, int w, char sep);

#endif
