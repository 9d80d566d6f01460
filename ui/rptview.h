/* A kept report on screen (SPEC R4): the statement of a client, the aging of all clients, the
 * follow-up. The list view asks for the lines on screen only, each laid out to the screen's
 * width from the report's own columns (amounts are never cut; text gives way first). Saving asks
 * for a file name and replays the same report into a renderer; printing renders its PDF into the
 * printed-files folder and sends it to lp (cartera/lp.h), as `cartera report` does. */
#ifndef CARTERA_UI_RPTVIEW_H
#define CARTERA_UI_RPTVIEW_H

#include <limits.h>
#include <stddef.h>

#include "dialog.h"
#include "listview.h"

#include "cartera/report.h"

#define RV_LINE_BYTES 2048

/* Rows [from, from + n) of a window into the report into, which it initialises (report_init,
 * a table declared, then the rows); full initialises r and builds the whole report into it,
 * freeing what it built when it fails. CART_OK or the failure, said in e. */
typedef int (*rptview_rows_fn)(void *ud, long from, int n, report *into, cart_err *e);
typedef int (*rptview_full_fn)(void *ud, report *r, cart_err *e);

typedef struct rptview {
	report r;                  /* the report shown (kept, not streamed) */
	int built;                 /* r holds something to free */
	int (*need)[RPT_MAX_COLS]; /* per table: the widest text of each column, header included */
	listview lv;
	lv_col col[1];
	char (*page)[RV_LINE_BYTES]; /* the lines on screen, laid out */
	int page_cap;
	int width;                 /* the width they are laid out for */
	int xoff;                  /* display columns scrolled off at the left (Left / Right) */
	int show_head;             /* the report's lines under its title and its client block
	                            * come first (a document: its dates, its client) */
	int head;                  /* how many lines they take, a blank line included */
	int wide;                  /* the widest line on screen, unscrolled */
	int frozen;                /* display columns of the last laid out table's first column and
	                            * its gap: they stay while the rest scrolls sideways (the
	                            * aging's client names) */
	int colat[RPT_MAX_COLS];   /* where each column of that table starts, so a sideways step
	                            * shows whole columns, never part of an amount */
	int ncolat;
	int colat_set;             /* colat holds the topmost table on screen (set once a fetch) */
	dialog dlg;                /* the file name, "replace it?", a printing failure */
	int format;                /* the format the file prompt is for */
	char save_title[96];       /* the file prompt's title */
	char path[PATH_MAX];
	/* A window on one table's rows (the aging of every client, issue 14): the report holds
	 * everything else, and the rows of table win_table, which come before that table's own
	 * (its totals), are read a page at a time through win_rows into win. */
	rptview_rows_fn win_rows;
	rptview_full_fn win_full;  /* the whole report, to save or print */
	void *win_ud;
	int win_table;             /* -1: no window */
	long win_n;                /* how many rows the window has */
	report win;                /* rows win_from .. win_from + its rows, in its first table */
	long win_from;
	int win_have;
} rptview;

/* An empty view; name (an N_() string) heads its only list column. */
void rptview_init(rptview *v, const char *name);
void rptview_free(rptview *v);

/* A fresh report to build into (the one before is freed), with the company's header. */
report *rptview_begin(rptview *v, const company *co);
/* After building: rc is the builder's outcome. On success the lines are counted and measured
 * (the cursor back on the first line unless keep_cursor); on failure the view is left empty. */
int rptview_built(rptview *v, int rc, int keep_cursor);

/* Between rptview_begin and rptview_built: the rows of table `table` (which the report built
 * without them) are n rows read through rows a page at a time, before the table's own rows;
 * full builds the whole report when it is saved or printed. */
void rptview_window(rptview *v, int table, long n, rptview_rows_fn rows, rptview_full_fn full,
                    void *ud);

/* Draw the lines in the rectangle; -1 when they could not be laid out. The dialog is drawn by
 * rptview_draw_dialog, after the screen's key bar. */
int rptview_draw(rptview *v, int y, int x, int h, int w);
void rptview_draw_dialog(rptview *v);
/* "1–20 of 1.289", thousands grouped as the company writes them. */
void rptview_count(const rptview *v, char *buf, int size);

/* Up, Down, PgUp, PgDn, Home, End through the lines; Left and Right scroll the columns of lines
 * wider than the screen (amounts are never cut: they are reached this way). 1 when it moved. */
int rptview_move(rptview *v, int key);
/* The report view's moving keys, for the screens that show one to list (UI_USE). */
enum { RVA_MOVE, RVA_SIDE, RVA_COUNT };
extern const ui_act rptview_acts[RVA_COUNT];
/* The report row under the cursor (NULL on a title, a header or a note). */
const rpt_row *rptview_row(const rptview *v);
/* Put the cursor on the first line whose row is about something (rpt_row.ref), if any. */
void rptview_first_ref(rptview *v);

/* Ask for a file to save the report in (format RND_*), proposing name + the format's extension
 * in the current folder; the answer (and "replace it?") go through rptview_dialog_key. */
void rptview_ask_save(rptview *v, int format, const char *title, const char *name);
/* A key while the view's dialog is up: 1 when the dialog took it (it is up, or just closed). */
int rptview_dialog_key(rptview *v, int key);
/* Print the report (name: the PDF's file name without .pdf) and say how it went. */
void rptview_print(rptview *v, const char *name);

/* Render a report as PDF into the printed-files folder under name and send it to lp. msg: on
 * success one line; on failure "Not printed: why." and where the PDF is kept, on more lines. */
int rptview_print_report(const report *r, const char *name, char *msg, size_t size);
/* Send the PDF at path to lp, with the same messages; the file is named label in them (NULL: by
 * its own name). */
int rptview_print_file(const char *path, const char *label, char *msg, size_t size);
/* The file name of a path (what follows its last '/'). */
const char *rptview_file_name(const char *path);
/* The outcome of printing on the status line; a failure also in a message window over the
 * screen (d), saying why and where the file is kept. */
void scr_print_outcome(dialog *d, int rc, const char *msg);

#endif
