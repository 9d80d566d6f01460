/* Drawing a grid (see grid.h): a header row, one line per row with its number in a gutter,
 * amounts right-aligned, the current cell underlined with the cursor in reverse when the grid
 * has the focus, and the message of the cell last left on the bottom row. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "grid.h"
#include "ui_int.h"

#define GUTTER 4        /* "12 " and a space */

/* The part of s from character `from`, at most n characters, into out. */
static void slice(const char *s, int from, int n, char *out, size_t size)
{
	size_t a = uk_utf8_offset(s, from), b = a + uk_utf8_offset(s + a, n);

	snprintf(out, size, "%.*s", (int)(b - a), s + a);
}

static int right_aligned(const grid_col *c)
{
	return c->type == FT_AMOUNT || c->type == FT_INTEGER;
}

/* Column widths: the fixed ones as asked (cut when they do not fit), the flexible one gets
 * the rest. */
static void widths(const grid *g, int w, int *cw)
{
	int used = GUTTER, flex = -1;

	for (int c = 0; c < g->ncols; c++) {
		cw[c] = g->cols[c].width;
		if (cw[c] <= 0 && flex < 0)
			flex = c;
		else if (cw[c] <= 0)
			cw[c] = 8;
		if (c != flex)
			used += cw[c] + 1;
	}
	if (flex >= 0)
		cw[flex] = w - used - 1 > 4 ? w - used - 1 : 4;
}

static void draw_cell(grid *g, int r, int c, int y, int x, int cw, int focused)
{
	const grid_col *col = &g->cols[c];
	const char *s = g->cell[r][c];
	int cur = focused && r == g->row && c == g->col;
	int n = form_chars(s), from = 0, at;
	char shown[GRID_CELL_MAX + 8];

	if (cur)
		attr_set(A_UNDERLINE, 0, NULL);
	if (cur && right_aligned(col) && n < cw) {
		/* a number being typed: right-aligned one column short, so the cursor after it takes
		 * the last column and every digit stays in sight (typing 45 shows 45) */
		ui_put(y, x, cw - 1, s, 1);
		ui_put(y, x + cw - 1, 1, "", 0);
		at = cw - 1 - n + g->cursor;
	} else {
		if (cur && g->cursor >= cw)
			from = g->cursor - cw + 1;
		slice(s, from, cw, shown, sizeof shown);
		ui_put(y, x, cw, shown, right_aligned(col) && n < cw);
		if (!cur)
			return;
		at = g->cursor - from;
	}
	if (at >= cw)
		at = cw - 1;
	slice(s, g->cursor, 1, shown, sizeof shown);
	attr_set(A_REVERSE, 0, NULL);
	ui_put(y, x + at, 1, shown[0] ? shown : " ", 0);
	ui_set_role(UR_NORMAL);
}

void grid_draw(grid *g, int y, int x, int h, int w, int focused)
{
	int cw[GRID_MAX_COLS], lines = h - 2, cx;

	if (lines < 1 || g->ncols == 0)
		return;
	widths(g, w, cw);
	if (g->row < g->top)
		g->top = g->row;
	if (g->row >= g->top + lines)
		g->top = g->row - lines + 1;

	ui_set_role(UR_HEADER);
	ui_put(y, x, w, "", 0);
	ui_put(y, x, GUTTER - 1, "#", 1);
	cx = x + GUTTER;
	for (int c = 0; c < g->ncols; c++) {
		ui_put(y, cx, cw[c], g->cols[c].label, right_aligned(&g->cols[c]));
		cx += cw[c] + 1;
	}
	ui_set_role(UR_NORMAL);

	for (int i = 0; i < lines; i++) {
		int r = g->top + i;
		char num[16];

		ui_put(y + 1 + i, x, w, "", 0);
		if (r >= g->nrows)
			continue;
		snprintf(num, sizeof num, "%d", r + 1);
		if (focused && r == g->row)
			attr_set(A_BOLD, 0, NULL);
		ui_put(y + 1 + i, x, GUTTER - 1, num, 1);
		ui_set_role(UR_NORMAL);
		cx = x + GUTTER;
		for (int c = 0; c < g->ncols; c++) {
			draw_cell(g, r, c, y + 1 + i, cx, cw[c], focused);
			cx += cw[c] + 1;
		}
	}
	if (g->top > 0)
		ui_put(y + 1, x + w - 1, 1, "↑", 0);
	if (g->top + lines < g->nrows)
		ui_put(y + lines, x + w - 1, 1, "↓", 0);

	ui_set_role(g->error[0] ? UR_ERROR : UR_NORMAL);
	ui_put(y + h - 1, x, w, g->error, 0);
	ui_set_role(UR_NORMAL);
}
