/* A list view over rows it never holds: the owner says how many rows there are, the view keeps
 * the selection, the scroll position, the sort column and the filter text, and draws by asking a
 * row source for just the rows on screen (so 50,000 clients open and scroll at once).
 * listview_handle_key() is pure (no curses; unit-tested); listview_draw() is in listview_draw.c. */
#ifndef CARTERA_UI_LISTVIEW_H
#define CARTERA_UI_LISTVIEW_H

#include "actions.h"

#define LV_FILTER_MAX 128
#define LV_MAX_COLS 8

typedef struct lv_col {
	const char *title;  /* an N_() string: translated where it is drawn */
	int width;      /* display columns; the first column with flex set takes what is left */
	int right;      /* right-aligned (amounts) */
	int flex;
	int sortable;
} lv_col;

typedef struct listview {
	long rows;               /* rows matching the filter, from the owner's controller */
	long top, sel;           /* first row shown; selected row (-1 when there are none) */
	int height;              /* rows shown; set by listview_draw or by the owner */
	const lv_col *cols;
	int ncols;
	int sort_col, sort_desc;
	unsigned optional;       /* bit i: column i is left out when the screen is too narrow */
	int need[LV_MAX_COLS];   /* widest cell of each amount column on the page (0: none yet);
	                          * set by listview_draw from the rows it fetched */
	char filter[LV_FILTER_MAX];
	int more;                /* rows is where the owner stopped counting: there are more */
} listview;

/* What handle_key did, as flags for the owner's loop (htop style: handlers never draw). */
enum {
	LV_IGNORED = 0,
	LV_REDRAW = 1,     /* selection or scroll moved */
	LV_REQUERY = 2,    /* filter or sort changed: recount, then redraw */
};

/* The list view's own keys (listview.c), for screens to list where they show them (UI_USE). */
enum lv_action { LVA_UP, LVA_DOWN, LVA_PGUP, LVA_PGDN, LVA_HOME, LVA_END, LVA_ERASE, LVA_CLEAR,
                 LVA_SORT, LVA_COUNT };
extern const ui_act listview_acts[LVA_COUNT];
extern const ui_keymap listview_keys;
/* What the list has for the actions' preconditions: rows (UI_NEEDS_ROW), a typed filter. */
int listview_have(const listview *lv);

void listview_init(listview *lv, const lv_col *cols, int ncols, int sort_col);
/* Set the row count after a (re)query; keeps the selection in range. */
void listview_set_rows(listview *lv, long rows);
/* Handle one key of the list (moving, paging, typing into the filter, Backspace, sort cycling);
 * LV_IGNORED when the key is not the list's, for the screen to handle. */
int listview_handle_key(listview *lv, int key);
/* Keep the selection on screen after a move or a new height. */
void listview_scroll(listview *lv);
/* Column widths for a total width: the flex column takes the rest. An amount (right-aligned)
 * column is never narrower than its widest cell (need[]) and never cut: when the columns do not
 * fit, optional columns are left out (width 0, right to left), amount columns give up their blank
 * padding, the widest text columns are shortened (to 3), text columns other than the flex one
 * are left out, and only then amount columns, whole, from the right. */
void listview_layout(const listview *lv, int width, int widths[LV_MAX_COLS]);
/* "1–20 of 50.000": the rows shown, thousands grouped with sep ('\0' for none); "1–20 of more
 * than 1.000" when the count stopped there (more). */
void listview_count_text(const listview *lv, char sep, char *buf, int size);

/* A row source: fetch rows offset..offset+n-1 (returns how many it got, -1 on error), then the
 * text of a cell of the i-th fetched row. */
typedef struct lv_source {
	int (*fetch)(void *ud, long offset, int n);
	const char *(*cell)(void *ud, int i, int col);
	void *ud;
} lv_source;

/* Draw header and rows in the rectangle (y, x, h, w) of the screen: header on its first line,
 * the selected row in reverse video. Returns -1 when the source failed. */
int listview_draw(listview *lv, const lv_source *src, int y, int x, int h, int w);

#endif
