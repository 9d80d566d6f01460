/* The grid's state and keys: pure code, no curses (see grid.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "grid.h"
#include "keys.h"

#include "cartera/i18n.h"
#include "textedit.h"

void grid_init(grid *g, grid_validate_fn validate, void *ud)
{
	memset(g, 0, sizeof *g);
	g->validate = validate;
	g->ud = ud;
	g->nrows = 1;
	g->err_row = g->err_col = -1;
}

int grid_add_col(grid *g, const char *label, int type, int width, int maxlen)
{
	grid_col *c;

	if (g->ncols >= GRID_MAX_COLS)
		return -1;
	c = &g->cols[g->ncols];
	memset(c, 0, sizeof *c);
	c->label = label;
	c->type = type;
	c->width = width;
	c->maxlen = maxlen > 0 && maxlen < GRID_CELL_MAX / 4 ? maxlen : GRID_CELL_MAX / 4 - 1;
	return g->ncols++;
}

void grid_set_choices(grid *g, int col, const char *const *choices, int n)
{
	g->cols[col].choices = choices;
	g->cols[col].nchoices = n;
	for (int r = 0; r < g->nrows; r++)
		if (!g->cell[r][col][0] && n > 0)
			grid_set(g, r, col, choices[0]);
}

/* The first editable column at or after c going by step, or -1. */
static int editable(const grid *g, int c, int step)
{
	for (; c >= 0 && c < g->ncols; c += step)
		if (!g->cols[c].readonly)
			return c;
	return -1;
}

void grid_set_readonly(grid *g, int col, int readonly)
{
	g->cols[col].readonly = readonly;
	if (g->cols[g->col].readonly) {
		int c = editable(g, g->col, 1);
		g->col = c >= 0 ? c : editable(g, 0, 1);
		if (g->col < 0)
			g->col = 0;
	}
}

void grid_set(grid *g, int row, int col, const char *text)
{
	char *s = g->cell[row][col];

	snprintf(s, GRID_CELL_MAX, "%s", text ? text : "");
	s[uk_utf8_offset(s, g->cols[col].maxlen)] = '\0';
	if (row == g->row && col == g->col)
		g->cursor = form_chars(s);
}

static void clear_row(grid *g, int row)
{
	for (int c = 0; c < g->ncols; c++)
		g->cell[row][c][0] = '\0';
	for (int c = 0; c < g->ncols; c++)
		if (g->cols[c].type == FT_CHOICE && g->cols[c].nchoices > 0)
			grid_set(g, row, c, g->cols[c].choices[0]);
}

int grid_append(grid *g)
{
	if (g->nrows >= GRID_MAX_ROWS)
		return -1;
	clear_row(g, g->nrows);
	return g->nrows++;
}

int grid_row_blank(const grid *g, int row)
{
	for (int c = 0; c < g->ncols; c++) {
		const char *p = g->cell[row][c];

		if (g->cols[c].readonly || g->cols[c].type == FT_CHOICE)
			continue;
		while (*p == ' ')
			p++;
		if (*p)
			return 0;
	}
	return 1;
}

/* Validate cell (row, col); the message (or none) becomes the grid's. */
static int check(grid *g, int row, int col)
{
	char err[sizeof g->error] = "";

	if (g->validate && !g->cols[col].readonly && !grid_row_blank(g, row))
		g->validate(g, row, col, err, sizeof err, g->ud);
	if (err[0] || (g->err_row == row && g->err_col == col)) {
		snprintf(g->error, sizeof g->error, "%s", err);
		g->err_row = err[0] ? row : -1;
		g->err_col = err[0] ? col : -1;
	}
	return err[0] != '\0';
}

/* Move to (row, col), validating the cell left. */
static int go(grid *g, int row, int col)
{
	if (row == g->row && col == g->col)
		return GRID_REDRAW;
	check(g, g->row, g->col);
	g->row = row;
	g->col = col;
	g->cursor = form_chars(g->cell[row][col]);
	return GRID_MOVED | GRID_REDRAW;
}

static int next_cell(grid *g)
{
	int c = editable(g, g->col + 1, 1);

	if (c >= 0)
		return go(g, g->row, c);
	if (g->row + 1 < g->nrows)
		return go(g, g->row + 1, editable(g, 0, 1));
	/* Past the last cell: a new line after a typed one; an empty last line hands over. */
	if (grid_row_blank(g, g->row) || grid_append(g) < 0) {
		check(g, g->row, g->col);
		return GRID_LEAVE | GRID_REDRAW;
	}
	return go(g, g->row + 1, editable(g, 0, 1)) | GRID_ROWS;
}

static int prev_cell(grid *g)
{
	int c = editable(g, g->col - 1, -1);

	if (c >= 0)
		return go(g, g->row, c);
	if (g->row > 0)
		return go(g, g->row - 1, editable(g, g->ncols - 1, -1));
	check(g, g->row, g->col);
	return GRID_LEAVE_BACK | GRID_REDRAW;
}

static int insert_line(grid *g)
{
	if (g->nrows >= GRID_MAX_ROWS)
		return GRID_REDRAW;
	check(g, g->row, g->col);
	memmove(g->cell[g->row + 1], g->cell[g->row],
	        (size_t)(g->nrows - g->row) * sizeof g->cell[0]);
	g->nrows++;
	clear_row(g, g->row);
	g->col = editable(g, 0, 1);
	g->cursor = 0;
	g->err_row = g->err_col = -1;
	g->error[0] = '\0';
	g->dirty = 1;
	return GRID_ROWS | GRID_EDITED | GRID_MOVED | GRID_REDRAW;
}

static int delete_line(grid *g)
{
	if (g->nrows == 1) {
		clear_row(g, 0);
	} else {
		memmove(g->cell[g->row], g->cell[g->row + 1],
		        (size_t)(g->nrows - g->row - 1) * sizeof g->cell[0]);
		g->nrows--;
		if (g->row >= g->nrows)
			g->row = g->nrows - 1;
	}
	g->cursor = form_chars(g->cell[g->row][g->col]);
	g->err_row = g->err_col = -1;
	g->error[0] = '\0';
	g->dirty = 1;
	return GRID_ROWS | GRID_EDITED | GRID_MOVED | GRID_REDRAW;
}

/* Whether a word of name begins with key (ASCII letters in either case). */
static int word_starts(const char *name, int key)
{
	int lower = key >= 'A' && key <= 'Z' ? key + 32 : key, cp, n, start = 1;

	while ((n = uk_utf8_decode(name, &cp)) > 0) {
		if (start && (cp == key || (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp) == lower))
			return 1;
		start = cp == ' ';
		name += n;
	}
	return 0;
}

/* A character typed on a choice cell: the next choice (after the current one, wrapping) with a
 * word that begins with it ("5" -> "IVA 5%", "e" -> "Exento"); -1 when none has. */
static int choice_jump(const grid_col *c, int at, int key)
{
	for (int i = 1; i <= c->nchoices; i++) {
		int k = (at + i) % c->nchoices;

		if (word_starts(c->choices[k], key))
			return k;
	}
	return -1;
}

static int choice_key(grid *g, const grid_col *c, int key)
{
	char *s = g->cell[g->row][g->col];
	int at = 0, to;

	for (int k = 0; k < c->nchoices; k++)
		if (!strcmp(s, c->choices[k]))
			at = k;
	if (key == UK_LEFT)
		to = at - 1;
	else if (key == UK_RIGHT || key == ' ')
		to = at + 1;
	else if (uk_is_text(key) && (to = choice_jump(c, at, key)) >= 0)
		;
	else
		return GRID_IGNORED;
	to = (to % c->nchoices + c->nchoices) % c->nchoices;
	grid_set(g, g->row, g->col, c->choices[to]);
	g->dirty = 1;
	return GRID_EDITED | GRID_REDRAW;
}

static int edit_key(grid *g, const grid_col *c, int key)
{
	int r = te_key(g->cell[g->row][g->col], GRID_CELL_MAX, c->maxlen, c->type, &g->cursor, key);

	if (r == TE_IGNORED)
		return GRID_IGNORED;
	if (r & TE_CHANGED) {
		g->dirty = 1;
		return GRID_EDITED | GRID_REDRAW;
	}
	return GRID_REDRAW;
}

static int cell_next(void *self, int key)
{
	grid *g = self;

	/* Enter on an empty last line: the lines are done */
	if (key == UK_ENTER && g->row == g->nrows - 1 && grid_row_blank(g, g->row)) {
		check(g, g->row, g->col);
		return GRID_LEAVE | GRID_REDRAW;
	}
	return next_cell(g);
}

static int cell_prev(void *self, int key)
{
	(void)key;
	return prev_cell(self);
}

static int line_up(void *self, int key)
{
	grid *g = self;

	(void)key;
	if (g->row == 0) {
		check(g, g->row, g->col);
		return GRID_LEAVE_BACK | GRID_REDRAW;
	}
	return go(g, g->row - 1, g->col);
}

static int line_down(void *self, int key)
{
	grid *g = self;

	(void)key;
	if (g->row + 1 >= g->nrows) {
		check(g, g->row, g->col);
		return GRID_LEAVE | GRID_REDRAW;
	}
	return go(g, g->row + 1, g->col);
}

static int line_insert(void *self, int key)
{
	(void)key;
	return insert_line(self);
}

static int line_delete(void *self, int key)
{
	(void)key;
	return delete_line(self);
}

const ui_act grid_acts[GRA_COUNT] = {
	[GRA_CELL_NEXT] = UI_ACT(NULL, UK_TAB, UK_ENTER, 0, 0,
	    N_("next cell; after a line's last cell, a new line; on an empty last line, what follows"),
	    cell_next),
	[GRA_CELL_PREV] = UI_ACT(NULL, UK_BTAB, 0, 0, 0, N_("previous cell"), cell_prev),
	[GRA_LINE_UP] = UI_ACT(NULL, UK_UP, 0, 0, 0, N_("the line above"), line_up),
	[GRA_LINE_DOWN] = UI_ACT(NULL, UK_DOWN, 0, 0, 0, N_("the line below"), line_down),
	[GRA_LINE_INSERT] = UI_ACT(N_("Ins line"), UK_F(7), UK_CTRL('o'), 0, 0,
	                           N_("insert an empty line above this one"), line_insert),
	[GRA_LINE_DELETE] = UI_ACT(N_("Del line"), UK_F(8), UK_CTRL('k'), 0, 0,
	                           N_("delete this line"), line_delete),
};
const ui_keymap grid_keys = UI_KEYMAP("grid", UI_KM_FORM, grid_acts);

int grid_handle_key(grid *g, int key)
{
	const grid_col *c;
	int r;

	if (g->ncols == 0 || editable(g, 0, 1) < 0)
		return GRID_IGNORED;
	c = &g->cols[g->col];
	if ((r = ui_keys_run(&grid_keys, g, key, 0, 1)) >= 0)
		return r;
	if (c->type == FT_CHOICE && c->nchoices > 0)
		return choice_key(g, c, key);
	return edit_key(g, c, key);
}

int grid_check_all(grid *g)
{
	for (int r = 0; r < g->nrows; r++) {
		if (grid_row_blank(g, r))
			continue;
		for (int c = 0; c < g->ncols; c++) {
			if (g->cols[c].readonly || !check(g, r, c))
				continue;
			g->row = r;
			g->col = c;
			g->cursor = form_chars(g->cell[r][c]);
			return r;
		}
	}
	return -1;
}
