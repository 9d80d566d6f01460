/* A grid of typed cells for document lines (an invoice's description, quantity, price, tax; a
 * receipt's means of payment), built for keying fast: Enter or Tab moves to the next cell and
 * opens a new line after the last one, F7 / Ctrl-O inserts a line, F8 / Ctrl-K deletes one, and
 * Enter on an empty last line leaves the grid for what follows it. On a choice cell, Left, Right
 * and Space cycle, and a typed character takes the next choice with a word beginning with it.
 * htop style like form.h: the state below, grid_handle_key() with no curses (unit-tested) and
 * grid_draw() in grid_draw.c.
 * The owner reads the cells as text, recomputes its totals on GRID_EDITED and fills read-only
 * cells (a line's total) itself. */
#ifndef CARTERA_UI_GRID_H
#define CARTERA_UI_GRID_H

#include <stddef.h>

#include "actions.h"
#include "form.h"

#define GRID_MAX_COLS 8
#define GRID_MAX_ROWS 100
#define GRID_CELL_MAX 160       /* bytes, with the NUL */

struct grid;
/* Check cell (row, col) as the cursor leaves it: the message for the clerk into err ("" when
 * the value is fine). */
typedef void (*grid_validate_fn)(struct grid *g, int row, int col, char *err, size_t size,
                                 void *ud);

typedef struct grid_col {
	const char *label;
	int type;                   /* FT_TEXT, FT_AMOUNT, FT_INTEGER or FT_CHOICE (form.h) */
	int width;                  /* display columns; 0: what the others leave */
	int maxlen;                 /* characters a cell may hold */
	int readonly;               /* filled by the owner (a line's total): the cursor skips it */
	const char *const *choices; /* FT_CHOICE: the names, in order; a cell holds one of them */
	int nchoices;
} grid_col;

typedef struct grid {
	grid_col cols[GRID_MAX_COLS];
	int ncols;
	char cell[GRID_MAX_ROWS][GRID_MAX_COLS][GRID_CELL_MAX];
	int nrows;                  /* lines in the grid, at least 1 */
	int row, col;               /* the current cell (col is never a read-only one) */
	int cursor;                 /* in characters, within the current cell */
	int top;                    /* first line drawn */
	int dirty;                  /* anything typed since grid_init */
	grid_validate_fn validate;
	void *ud;
	char error[240];            /* the message of the cell last left or checked, if any */
	int err_row, err_col;
} grid;

/* What handle_key did (handlers never draw). */
enum {
	GRID_IGNORED = 0,
	GRID_REDRAW = 1,
	GRID_MOVED = 2,             /* the current cell changed (the one left was validated) */
	GRID_EDITED = 4,            /* a value changed: recompute totals */
	GRID_ROWS = 8,              /* a line was added, inserted or deleted */
	GRID_LEAVE = 16,            /* Enter/Tab/Down past the end: the owner moves on */
	GRID_LEAVE_BACK = 32,       /* Shift-Tab/Up before the start: the owner moves back */
};

/* The grid's keys, for the document screens to list where they show the lines (UI_USE). */
enum { GRA_CELL_NEXT, GRA_CELL_PREV, GRA_LINE_UP, GRA_LINE_DOWN, GRA_LINE_INSERT, GRA_LINE_DELETE,
       GRA_COUNT };
extern const ui_act grid_acts[GRA_COUNT];
extern const ui_keymap grid_keys;

/* A grid of one empty line; large (tens of kilobytes): allocate it. */
void grid_init(grid *g, grid_validate_fn validate, void *ud);
/* Add a column; returns its index (-1 when full). */
int grid_add_col(grid *g, const char *label, int type, int width, int maxlen);
void grid_set_choices(grid *g, int col, const char *const *choices, int n);
void grid_set_readonly(grid *g, int col, int readonly);
/* Set a cell's text (the owner's computed cells, loading a document); not the clerk's typing. */
void grid_set(grid *g, int row, int col, const char *text);
/* Append an empty line (choice cells at their first choice); returns its index, -1 when full. */
int grid_append(grid *g);
/* A line whose editable text cells are all blank (choices do not count): the owner skips it. */
int grid_row_blank(const grid *g, int row);
int grid_handle_key(grid *g, int key);
/* Check every editable cell of every non-blank line (on save); returns the first line in error
 * (its cell made current, the message in g->error) or -1. */
int grid_check_all(grid *g);

/* Draw at (y, x) in h rows and w columns: the header, the lines (scrolling to keep the current
 * one in view, the cursor cell in reverse when focused), and the error of the cell last left on
 * the bottom row. */
void grid_draw(grid *g, int y, int x, int h, int w, int focused);

#endif
