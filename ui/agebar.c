/* The aging bar: the cells come from money_apportion (integers), the drawing is all that is here.
 * Each bucket has its own character, so the bar reads without colour too; with colours, not
 * yet due is drawn as the Due total's blue and the overdue buckets in warmer colours up to the
 * Overdue total's red. */
#include "config.h"

#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "agebar.h"
#include "ui_int.h"

#include "cartera/money.h"
#include "cartera/output.h"

enum { PAIR_BASE = 46 };   /* pairs of this helper's range (HELPERS.md: pictures 46-49) */

static int utf8_term(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && !strcmp(cs, "UTF-8");
}

/* The bucket's character: the first is not yet due, the last over the last range. */
static const char *sym(int i, int n, int utf8)
{
	static const char *u[] = { "░", "▒", "▓", "█" }, *a[] = { "-", "=", "+", "#" };

	if (i == n - 1 && n > 1)
		return utf8 ? "▚" : "@";
	return (utf8 ? u : a)[i < 3 ? i : 3];
}

static void colour(int i, int n)
{
	static int ready;
	short pair;

	if (!ui_has_colour()) {
		attr_set(i == n - 1 ? A_BOLD : A_NORMAL, 0, NULL);
		return;
	}
	if (!ready) {
		init_pair(PAIR_BASE, COLOR_BLUE, -1);
		init_pair(PAIR_BASE + 1, COLOR_YELLOW, -1);
		init_pair(PAIR_BASE + 2, COLOR_MAGENTA, -1);
		init_pair(PAIR_BASE + 3, COLOR_RED, -1);
		ready = 1;
	}
	pair = (short)(PAIR_BASE + (i == 0 ? 0 : i == 1 ? 1 : i == 2 && n > 4 ? 2 : 3));
	attr_set(i == n - 1 && n > 1 ? A_BOLD : A_NORMAL, pair, NULL);
}

static int draw_one(const ctl_agebar *b, int k, int y, int x, int w, int utf8)
{
	int cells[AGEBAR_MAX], legend = 0, bw;
	char pct[AGEBAR_MAX][8];

	for (int i = 0; i < b->nb; i++) {
		snprintf(pct[i], sizeof pct[i], "%d%%", b->pct[k][i]);
		legend += 1 + 1 + (int)strlen(pct[i]);
	}
	bw = w - 4 - legend - 1;
	if (bw < 10)
		return 0;
	attr_set(A_NORMAL, 0, NULL);
	mvaddstr(y, x, b->cur[k]);
	x += 4;
	_Static_assert(AGEBAR_MAX <= MONEY_SHARES_MAX, "the buckets fit the shares");
	money_apportion(b->v[k], b->nb, bw, cells);
	move(y, x);
	for (int i = 0; i < b->nb; i++) {
		colour(i, b->nb);
		for (int j = 0; j < cells[i]; j++)
			addstr(sym(i, b->nb, utf8));
	}
	x += bw + 1;
	for (int i = 0; i < b->nb; i++) {
		colour(i, b->nb);
		mvaddstr(y, x, sym(i, b->nb, utf8));
		attr_set(A_NORMAL, 0, NULL);
		addstr(pct[i]);
		x += 1 + (int)strlen(pct[i]) + 1;
	}
	attr_set(A_NORMAL, 0, NULL);
	return 1;
}

void agebar_draw(const ctl_agebar *b, int y, int x, int w)
{
	int utf8 = utf8_term(), cw;

	if (!b->ncur)
		return;
	cw = (w - (b->ncur - 1) * 2) / b->ncur;
	for (int k = 0; k < b->ncur; k++)
		if (draw_one(b, k, y, x + k * (cw + 2), cw, utf8) == 0)
			return;
}
