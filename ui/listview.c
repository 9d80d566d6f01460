/* The list view's state and keys: pure code, no curses. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "listview.h"

#include "cartera/i18n.h"
#include "cartera/output.h"

void listview_init(listview *lv, const lv_col *cols, int ncols, int sort_col)
{
	memset(lv, 0, sizeof *lv);
	lv->cols = cols;
	lv->ncols = ncols < LV_MAX_COLS ? ncols : LV_MAX_COLS;
	lv->sort_col = sort_col;
	lv->sel = -1;
	lv->height = 1;
}

void listview_scroll(listview *lv)
{
	long h = lv->height > 0 ? lv->height : 1;

	if (lv->rows <= 0) {
		lv->sel = -1;
		lv->top = 0;
		return;
	}
	if (lv->sel < 0)
		lv->sel = 0;
	if (lv->sel >= lv->rows)
		lv->sel = lv->rows - 1;
	if (lv->top > lv->sel)
		lv->top = lv->sel;
	if (lv->sel >= lv->top + h)
		lv->top = lv->sel - h + 1;
	/* no blank tail while there are rows above to show */
	if (lv->top + h > lv->rows)
		lv->top = lv->rows > h ? lv->rows - h : 0;
	if (lv->top < 0)
		lv->top = 0;
}

void listview_set_rows(listview *lv, long rows)
{
	lv->rows = rows < 0 ? 0 : rows;
	if (lv->rows && lv->sel < 0)
		lv->sel = 0;
	listview_scroll(lv);
}

static void move_to(listview *lv, long sel)
{
	lv->sel = sel;
	listview_scroll(lv);
}

/* Remove the last UTF-8 character (not the last byte) of the filter. */
static void erase_char(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && ((unsigned char)s[n - 1] & 0xc0) == 0x80)
		n--;
	if (n > 0)
		n--;
	s[n] = '\0';
}

static void cycle_sort(listview *lv)
{
	if (!lv->sort_desc) {
		lv->sort_desc = 1;
		return;
	}
	lv->sort_desc = 0;
	for (int i = 1; i <= lv->ncols; i++) {
		int c = (lv->sort_col + i) % lv->ncols;

		if (lv->cols[c].sortable) {
			lv->sort_col = c;
			return;
		}
	}
}

/* A new filter or sort order puts the clerk back on the first row. */
static int requery(listview *lv)
{
	lv->sel = 0;
	lv->top = 0;
	return LV_REQUERY;
}

static int lv_up(void *self, int key)
{
	listview *lv = self;

	(void)key;
	move_to(lv, lv->sel > 0 ? lv->sel - 1 : 0);
	return LV_REDRAW;
}

static int lv_down(void *self, int key)
{
	listview *lv = self;

	(void)key;
	move_to(lv, lv->sel + 1);
	return LV_REDRAW;
}

static long page_of(const listview *lv)
{
	return lv->height > 1 ? lv->height - 1 : 1;
}

static int lv_pgup(void *self, int key)
{
	listview *lv = self;
	long page = page_of(lv);

	(void)key;
	lv->top = lv->top > page ? lv->top - page : 0;
	move_to(lv, lv->sel > page ? lv->sel - page : 0);
	return LV_REDRAW;
}

static int lv_pgdn(void *self, int key)
{
	listview *lv = self;

	(void)key;
	lv->top += page_of(lv);
	move_to(lv, lv->sel + page_of(lv));
	return LV_REDRAW;
}

static int lv_home(void *self, int key)
{
	(void)key;
	move_to(self, 0);
	return LV_REDRAW;
}

static int lv_end(void *self, int key)
{
	listview *lv = self;

	(void)key;
	move_to(lv, lv->rows - 1);
	return LV_REDRAW;
}

static int lv_erase(void *self, int key)
{
	listview *lv = self;

	(void)key;
	erase_char(lv->filter);
	return requery(lv);
}

static int lv_clear(void *self, int key)
{
	listview *lv = self;

	(void)key;
	lv->filter[0] = '\0';
	return requery(lv);
}

static int lv_sort(void *self, int key)
{
	(void)key;
	cycle_sort(self);
	return requery(self);
}

/* In the order of enum lv_action (listview.h): screens list them by index (UI_USE). */
const ui_act listview_acts[LVA_COUNT] = {
	[LVA_UP] = UI_ACT(NULL, UK_UP, UK_CTRL('p'), 0, 0, N_("previous row"), lv_up),
	[LVA_DOWN] = UI_ACT(NULL, UK_DOWN, UK_CTRL('n'), 0, 0, N_("next row"), lv_down),
	[LVA_PGUP] = UI_ACT(NULL, UK_PGUP, 0, 0, 0, N_("previous page"), lv_pgup),
	[LVA_PGDN] = UI_ACT(NULL, UK_PGDN, 0, 0, 0, N_("next page"), lv_pgdn),
	[LVA_HOME] = UI_ACT(NULL, UK_HOME, 0, 0, 0, N_("first row"), lv_home),
	[LVA_END] = UI_ACT(NULL, UK_END, 0, 0, 0, N_("last row"), lv_end),
	[LVA_ERASE] = UI_ACT(NULL, UK_BACKSPACE, 0, 0, UI_NEEDS_FILTER,
	                     N_("delete the last character of the filter"), lv_erase),
	[LVA_CLEAR] = UI_ACT(N_("Clear"), UK_F(8), UK_CTRL('u'), 0, UI_NEEDS_FILTER,
	                     N_("clear the filter"), lv_clear),
	[LVA_SORT] = UI_ACT(N_("Sort"), UK_F(6), UK_CTRL('o'), 0, 0,
	                    N_("sort by name, tax id or phone, up then down (cycles)"), lv_sort),
};
const ui_keymap listview_keys = UI_KEYMAP("listview", UI_KM_SEARCHED, listview_acts);

int listview_have(const listview *lv)
{
	return (lv->rows > 0 ? UI_NEEDS_ROW : 0) | (lv->filter[0] ? UI_NEEDS_FILTER : 0);
}

int listview_handle_key(listview *lv, int key)
{
	int r;

	/* Esc empties a typed filter before it leaves the screen */
	if (key == UK_ESC && lv->filter[0]) {
		lv->filter[0] = '\0';
		return requery(lv);
	}
	r = ui_keys_run(&listview_keys, lv, key, listview_have(lv), lv->filter[0] != '\0');
	if (r >= 0)
		return r;
	if (r == UI_NOKEY && uk_is_text(key)) {
		char ch[4];
		int n = uk_utf8_encode(key, ch);
		size_t len = strlen(lv->filter);

		if (len + (size_t)n >= sizeof lv->filter)
			return LV_IGNORED;
		memcpy(lv->filter + len, ch, (size_t)n);
		lv->filter[len + (size_t)n] = '\0';
		return requery(lv);
	}
	return LV_IGNORED;
}

static int is_amount(const listview *lv, int i)
{
	return lv->cols[i].right;
}

void listview_layout(const listview *lv, int width, int widths[LV_MAX_COLS])
{
	int fixed = 0, flex = -1;

	for (int i = 0; i < lv->ncols; i++) {
		widths[i] = lv->cols[i].width;
		if (is_amount(lv, i) && lv->need[i] > widths[i])
			widths[i] = lv->need[i];
		if (lv->cols[i].flex && flex < 0)
			flex = i;
		else
			fixed += widths[i];
	}
	/* one blank between columns */
	fixed += lv->ncols > 1 ? lv->ncols - 1 : 0;
	if (flex >= 0) {
		widths[flex] = width - fixed;
		if (widths[flex] < lv->cols[flex].width)
			widths[flex] = lv->cols[flex].width;
		fixed += widths[flex];
	}
	/* too narrow: leave out optional columns, the last first */
	for (int i = lv->ncols - 1; i >= 0 && fixed > width; i--)
		if ((lv->optional >> i & 1u) && i != flex && widths[i]) {
			fixed -= widths[i] + 1;
			widths[i] = 0;
		}
	/* still too narrow: amount columns give up their blank padding, down to their widest cell
	 * or their title (once the rows are known) */
	for (int i = 0; i < lv->ncols && fixed > width; i++)
		if (is_amount(lv, i) && lv->need[i] > 0 && i != flex) {
			int tw = lv->cols[i].title[0] ? utf8_width(_(lv->cols[i].title)) : 0;
			int least = lv->need[i] > tw + (i == lv->sort_col ? 2 : 0) ?
			            lv->need[i] : tw + (i == lv->sort_col ? 2 : 0);
			int give = widths[i] - least;

			if (give > fixed - width)
				give = fixed - width;
			if (give > 0) {
				widths[i] -= give;
				fixed -= give;
			}
		}
	/* still too narrow: shorten the widest text columns first, keeping each at least 3 wide;
	 * an amount is never cut */
	while (fixed > width) {
		int w = -1;

		for (int i = 0; i < lv->ncols; i++)
			if (!is_amount(lv, i) && widths[i] > 3 && (w < 0 || widths[i] > widths[w]))
				w = i;
		if (w < 0)
			break;
		widths[w]--;
		fixed--;
	}
	/* then leave out text columns (not the flex one), then whole amount columns, from the right */
	for (int pass = 0; pass < 2; pass++)
		for (int i = lv->ncols - 1; i >= 0 && fixed > width; i--)
			if (i != flex && widths[i] && is_amount(lv, i) == pass) {
				fixed -= widths[i] + 1;
				widths[i] = 0;
			}
}

static void group(long v, char sep, char *buf, int size)
{
	char raw[32], out[48];
	int n, o = 0;

	n = snprintf(raw, sizeof raw, "%ld", v);
	for (int i = 0; i < n; i++) {
		if (sep && i > 0 && (n - i) % 3 == 0)
			out[o++] = sep;
		out[o++] = raw[i];
	}
	out[o] = '\0';
	snprintf(buf, (size_t)size, "%s", out);
}

void listview_count_text(const listview *lv, char sep, char *buf, int size)
{
	char a[48], b[48], n[48];
	long last = lv->top + lv->height;

	if (lv->rows <= 0) {
		snprintf(buf, (size_t)size, "%s", _("0 of 0"));
		return;
	}
	if (last > lv->rows)
		last = lv->rows;
	group(lv->top + 1, sep, a, sizeof a);
	group(last, sep, b, sizeof b);
	group(lv->rows, sep, n, sizeof n);
	if (lv->more) {
		/* TRANSLATORS: the rows shown of a list counted only up to 1.000 */
		snprintf(buf, (size_t)size, _("%s–%s of more than %s"), a, b, n);
		return;
	}
	/* TRANSLATORS: the rows shown, "1–20 of 50.000" */
	snprintf(buf, (size_t)size, _("%s–%s of %s"), a, b, n);
}
