/* Reports as data (SPEC R4): a controller builds a report once — title, company header, client
 * block, tables of typed cells (amounts in minor units with their currency, dates as dates),
 * subtotals and totals, notes — and any renderer (PDF, XLSX, plain text, CSV, the screen) draws
 * it. A report is either kept in memory (a screen pages through its rows, a renderer replays it)
 * or streamed: rows go straight to a renderer as they are built and are not kept, so a report of
 * 50,000 clients needs no more memory than one of ten. */
#ifndef CARTERA_REPORT_H
#define CARTERA_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "cartera/date.h"
#include "cartera/err.h"
#include "cartera/types.h"
#include "cartera/money.h"

#define RPT_MAX_COLS 16
#define RPT_MAX_LINES 8

/* RPT_QTY: a quantity in thousandths (1500 = 1.5), a number in a spreadsheet. */
enum rpt_kind { RPT_EMPTY = 0, RPT_TEXT, RPT_AMOUNT, RPT_DATE, RPT_INT, RPT_QTY };
enum rpt_align { RPT_LEFT = 0, RPT_RIGHT, RPT_CENTER };

/* DATA rows are the table's body. SECTION is a heading inside a table (a client's name). A
 * GROUP_TOTAL adds the data rows since the last SECTION or GROUP_TOTAL; a TOTAL adds every data
 * row of the table, or only those of its currency when the row names one (a subtotal per
 * currency). Renderers show totals in bold; the spreadsheet writes them as formulas. */
enum rpt_style { RPT_ROW_DATA = 0, RPT_ROW_SECTION, RPT_ROW_GROUP_TOTAL, RPT_ROW_TOTAL };

/* A cell of a total row that is the sum of its column (a formula in a spreadsheet). */
#define RPT_F_SUM 1

typedef struct rpt_col {
	char key[32];         /* for programs (CSV header, JSON key): English, never translated */
	char name[64];        /* for people: translated */
	int kind;             /* what its cells hold */
	int align;
	int width;            /* wanted width in characters */
	int min;              /* narrowest it may be cut to (text); amounts are never cut */
	/* what a spreadsheet recomputes the column's cells from (issue 16); other renderers print
	 * the cells' values. RPT_FX_RUNNING: a running balance, fa plus, fb minus (columns of this
	 * table); RPT_FX_FROM: the sum of columns fa..fb of table ftable's TOTAL row of the cell's
	 * currency. */
	int fx;
	int fa, fb, ftable;
	int drop;             /* paper too narrow for every column at its narrowest (80-column
	                       * text): 0 never left out, else left out in this order (1 first) */
} rpt_col;

enum rpt_fx { RPT_FX_NONE = 0, RPT_FX_RUNNING, RPT_FX_FROM };

typedef struct rpt_cell {
	int kind;
	int flags;
	int64_t v;            /* amount in minor units, integer, or date (date_t) */
	char cur[4];          /* an amount's currency */
	const char *s;        /* text */
} rpt_cell;

typedef struct rpt_row {
	int style;
	char cur[4];          /* TOTAL: the currency it adds up, "" = all */
	int ncells;
	rpt_cell *cells;
	int64_t ref;          /* what the row is about, for a screen (a client's id); 0 = nothing */
} rpt_row;

/* A picture of a table's own figures (SPEC R7): the XLSX draws a native chart whose series read
 * the table's cells, the PDF bars with the figures beside them. STACKED: one stacked bar per row
 * (a currency's total), a segment per series column. LINE: one point per row (a month), a line
 * per series column; y2 names the series on a second axis (-1 none). */
enum rpt_chart_kind { RPT_CHART_NONE = 0, RPT_CHART_STACKED, RPT_CHART_LINE };
#define RPT_CHART_SERIES 8
#define RPT_CHART_ROWS 64     /* rows a chart draws at most (renderers keep them) */
typedef struct rpt_chart {
	int kind;
	int rows;             /* the rows it draws: RPT_ROW_DATA or RPT_ROW_TOTAL */
	int cat_col;          /* the column naming each bar or point */
	int nseries;
	int series[RPT_CHART_SERIES];
	int y2;
	char title[128];
} rpt_chart;

typedef struct rpt_table {
	char title[128];
	rpt_chart chart;
	rpt_col cols[RPT_MAX_COLS];
	int ncols;
	int cur_col;          /* the column naming each row's currency (-1 none) */
	/* the widest cell of each column over all its rows, when the report knows it before the
	 * first (report_col_widths); nknown 0 when not */
	int known[RPT_MAX_COLS];
	int nknown;
	long nrows;           /* rows kept (0 when streamed) */
	long cap;
	rpt_row *rows;
} rpt_table;

typedef struct report report;

/* A renderer: called in this order, begin, then per table: table, row..., table_end; then end. */
typedef struct rpt_sink {
	int (*begin)(void *ud, const report *r, cart_err *e);
	int (*table)(void *ud, const report *r, const rpt_table *t, cart_err *e);
	int (*row)(void *ud, const report *r, const rpt_table *t, const rpt_row *row, cart_err *e);
	int (*table_end)(void *ud, const report *r, const rpt_table *t, cart_err *e);
	int (*end)(void *ud, const report *r, cart_err *e);
} rpt_sink;

typedef struct rpt_block rpt_block;

struct report {
	char title[160];
	char company[160];
	char tax_id[48];
	/* the letterhead (issue 16): the tax id labelled and with its DV ("NIT 900.123.456-7"),
	 * address, "phone · e-mail", a PNG or JPEG logo file; the company's country names the
	 * tax ids of the report */
	char tax_label[96];
	char letterhead[2][240];
	int nletterhead;
	char logo[400];
	char country[3];
	int internal;         /* the company's copy: ledger codes (CF, APF) shown; else the client's */
	char lines[RPT_MAX_LINES][200];        /* under the title: as of, filters */
	int nlines;
	char client[RPT_MAX_LINES][200];       /* the client block: name, tax id, address */
	int nclient;
	int64_t client_no;                     /* the client it is about (0 none): sheet names */
	char notes[RPT_MAX_LINES * 2][240];    /* after the tables */
	int nnotes;
	money_fmt fmt;                         /* the company's amounts */
	int date_order;                        /* DATE_YMD / DATE_DMY: dates for people */
	char encoding[12];                     /* plain text's character set, "" = UTF-8 */
	int page_lines;                        /* plain text's pages (company default) */
	rpt_table *tables;
	int ntables;
	/* building */
	rpt_row cur;
	rpt_cell cur_cells[RPT_MAX_COLS];
	char cur_text[RPT_MAX_COLS][256];
	int in_row;
	/* streaming */
	const rpt_sink *sink;
	void *sink_ud;
	int began, table_open, table_sent;
	cart_err err;                          /* the first failure of a sink */
	int no_late_failure;                   /* report_no_late_failure */
	rpt_block *arena;
};

/* A report with the company's name, tax id and amount format (co may be NULL). */
void report_init(report *r, const company *co);
void report_free(report *r);
/* Stream every row to sink instead of keeping it; set before the first table. */
void report_stream(report *r, const rpt_sink *sink, void *ud);
/* Nothing the report does once its first row is built can fail but the writing itself (every
 * figure is read before): a renderer may write each line as it comes rather than keep the text
 * until the end, which it does so that a report failing half way writes nothing (issue 17: 36
 * MiB of text for the follow-up of 50,000 clients). Set before the first row. */
void report_no_late_failure(report *r);

void report_title(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void report_line(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void report_client_line(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void report_note(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A client's tax id as a client-block line, labelled as the company's country names it and
 * with its DV ("NIT 900.123.456-7"); nothing for an empty id. */
void report_client_taxid(report *r, const char *tax_id, const char *dv);

/* Start a table (closing the one before); then its columns, then its rows. */
rpt_table *report_table(report *r, const char *title);
void report_col(report *r, const char *key, const char *name, int kind, int align, int width,
                int min);
/* The last column added may be left out where the paper is too narrow for every column
 * (plain text at 80 columns), in order `order` (1 first); PDF, 132 columns, XLSX, CSV, JSON and
 * the screen always carry it. */
void report_col_drop(report *r, int order);
/* The column whose text is each row's currency (for subtotals by currency). */
void report_currency_col(report *r, int col);
/* Spreadsheet formulas (issue 16), columns named by key; set after the table's columns.
 * Column `col` is a running balance: each data row's is the row before's plus column `plus` less
 * column `minus` (the first row's opening, its value before its own movement, kept as a figure),
 * and a TOTAL row's is that opening plus the sums of `plus` and `minus`. */
void report_running_col(report *r, const char *col, const char *plus, const char *minus);
/* Column `col` of each row repeats the sum of the columns `first`..`last` of table number
 * `table` (0 = the report's first) in its TOTAL row of the cell's currency: a check table. */
void report_col_from(report *r, const char *col, int table, const char *first, const char *last);
/* Draw the current table's columns series[0..n-1] over its rows of style `rows` (at most
 * RPT_CHART_ROWS of them), each named by cat_col; set after the columns. */
void report_chart(report *r, int kind, const char *title, int rows, int cat_col,
                  const int *series, int n, int y2);

/* The widest cell of each column, in display columns as rpt_cell_text writes it, over every
 * data and total row the table will have (section rows are not counted), when the report knows
 * it before its first row: plain text then lays the table out at once and writes each row as it
 * comes instead of keeping the table (issue 17: the follow-up of 50,000 clients, 375,000 lines).
 * w[0..n-1] in column order, n the table's columns; set after them, before the first row. A cell
 * found wider than declared fails the text report (a bug in the report). */
void report_col_widths(report *r, const int *w, int n);

/* A row: begin, one call per cell in column order, end. Text is copied. */
void report_row(report *r, int style, const char *cur);
/* What the row being built is about (a client's id): a screen opens it from the row; renderers
 * ignore it. */
void report_row_ref(report *r, int64_t ref);
void rpt_text(report *r, const char *s);
void rpt_amount(report *r, int64_t v, const char *cur, int flags);
void rpt_date(report *r, const char *iso);   /* "" or NULL: an empty cell */
void rpt_int(report *r, int64_t v, int flags);
void rpt_qty(report *r, int64_t thousandths);
void rpt_empty(report *r);
void report_row_end(report *r);

/* Close the last table and, when streaming, end the report. Returns the first failure of the
 * sink (the report is incomplete then) or CART_OK. */
int report_finish(report *r, cart_err *e);

/* Replay a kept report to a renderer. */
int report_render(const report *r, const rpt_sink *sink, void *ud, cart_err *e);

/* Paging through a kept report (a screen): its lines in order are, per table, a title line
 * (when the table has one), a header line and its rows. */
enum rpt_line_kind { RPT_LINE_TITLE = 0, RPT_LINE_HEADER, RPT_LINE_ROW };
typedef struct rpt_line {
	int kind;
	const rpt_table *table;
	const rpt_row *row;   /* RPT_LINE_ROW */
} rpt_line;
long report_lines(const report *r);
/* Line i (0 <= i < report_lines); 0 when out of range. Constant time per table. */
int report_line_at(const report *r, long i, rpt_line *out);

/* A cell as text for people: amounts in the company's format, dates in its order, integers plain. */
void rpt_cell_text(const report *r, const rpt_cell *c, char *buf, size_t size);
/* An ISO date in the report's order, for lines and notes people read ("As of 30/06/2026"). */
const char *rpt_date_text(const report *r, const char *iso, char buf[DATE_LEN]);
/* The same for programs (CSV, JSON): amounts without grouping, '.' decimal, dates ISO. */
void rpt_cell_plain(const report *r, const rpt_cell *c, char *buf, size_t size);

#endif
