/* The list window of a list screen (Seguimiento, Hoy, Banco, a client's history): a list view
 * over rows of one fixed size, either held in memory (the screen adds them as its controller
 * reads them) or read a window at a time (a reader the screen gives fetches only the rows on
 * screen); the cells come from the screen's cell function for the row and its number; drawn with
 * the screen's message when there are no rows. One place for what each screen repeated: the
 * rows' growth, the fetch of the window, the draw and the selected row. */
#ifndef CARTERA_UI_LISTSCR_H
#define CARTERA_UI_LISTSCR_H

#include <stddef.h>

#include "actions.h"
#include "listview.h"

/* Read rows offset .. offset + n - 1 into rows (n records of the list's size): how many were
 * read, -1 on an error (said on the status line by the reader). */
typedef int (*listscr_read_fn)(void *ud, long offset, int n, void *rows);
/* The text of column col of row (number i of the list). */
typedef const char *(*listscr_cell_fn)(void *ud, const void *row, long i, int col);

typedef struct listscr {
	listview lv;
	size_t size;              /* bytes of a row */
	listscr_cell_fn cell;
	listscr_read_fn read;     /* NULL: the rows are in memory (listscr_add) */
	void *ud;
	char *mem;                /* in memory: n rows of cap */
	long n;
	size_t cap;
	char *page;               /* read: rows page_at .. page_at + page_n - 1, as read last */
	long page_at;
	int page_n, page_cap, page_ok;
	char *one;                /* read: a row off the page, read alone */
} listscr;

void listscr_init(listscr *l, const lv_col *cols, int ncols, int sort_col, size_t size,
                  listscr_cell_fn cell, listscr_read_fn read, void *ud);
/* In memory: no rows, for a new load. */
void listscr_clear(listscr *l);
/* In memory: a new row at the end, zeroed (NULL when out of memory). */
void *listscr_add(listscr *l);
/* After a load: the rows there are (in memory: those added); the window is read again. */
void listscr_set_rows(listscr *l, long rows);
long listscr_rows(const listscr *l);
/* Row i (NULL when there is none or it could not be read); for the read kind valid until the
 * next call. */
const void *listscr_row(listscr *l, long i);
/* The selected row, or NULL. */
const void *listscr_selected(listscr *l);
/* UI_NEEDS_ROW when a row is selected. */
int listscr_have(const listscr *l);
/* The list in rows y .. y + h - 1, the full width; empty (indented) when there are no rows. */
void listscr_draw(listscr *l, int y, int h, const char *empty);
void listscr_free(listscr *l);
/* A key on a list screen with no filter, after its dialog had its turn: while *help is shown the
 * key scrolls or closes it; otherwise the screen's table m runs it on self (given `have`), and a
 * key no entry has moves the list. What the screen's key function returns (SCR_*). */
int listscr_key(listscr *l, const ui_keymap *m, void *self, int have, int *help, int key);

#endif
