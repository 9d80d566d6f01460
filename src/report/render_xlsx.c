/* XLSX through libxlsxwriter in constant-memory mode: each table a worksheet written row by row
 * (memory does not grow with the rows), the company header above the table, a frozen header row
 * and an autofilter over the data, amounts as numbers in the company's format, dates as dates,
 * and totals as SUM (or SUMIF by currency) formulas with their values stored, so viewers that do
 * not recalculate still show them.
 *
 * Each currency's amounts carry its symbol in their number format ("S/ 1,234.56", "US$", "B/.")
 * with the locale of the company's separators, so a column of two currencies says on every row
 * which one each figure is, and totals add one currency each (SUMIF by the currency column). A
 * running balance (the statement's) and a check table (the aging's) are formulas over the cells
 * they come from, their values cached. Sheets of a report about one client are named after it.
 *
 * A spreadsheet number is a double: this is the one place where an amount becomes one, at the
 * edge of the program, as minor units / 10^decimals (exact for every amount below 2^53 minor
 * units, far above MONEY_MAX); nothing is computed with it. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "cartera/i18n.h"
#include "cartera/papers.h"
#include "render_int.h"

/* A sheet holds at most this many rows; a longer table continues on another sheet. */
#define XLSX_MAX_ROWS 1048576

/* A currency's amount formats, plain and for totals. */
typedef struct cur_fmt {
	char cur[4];
	lxw_format *f, *bold;
} cur_fmt;
#define XLSX_CURS 16

/* Where a table of the report being written has its TOTAL rows, by currency: a later table's
 * formulas read them (the aging's check). */
#define XLSX_TABLES 16
#define XLSX_TOTALS 8
typedef struct tab_totals {
	char sheet[128];
	int n;
	char cur[XLSX_TOTALS][4];
	lxw_row_t row[XLSX_TOTALS];
} tab_totals;

typedef struct xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	char path[1024];
	lxw_format *bold, *title, *hdr, *date, *integer, *integer_bold, *money, *money_bold;
	int decimals;
	char num[32];            /* "#,##0.00": the company's decimals */
	char lcid[8];            /* "-280A": the locale whose separators are the company's */
	cur_fmt cf[XLSX_CURS];
	int ncf;
	char sheet[128];         /* the current sheet's name (31 characters of UTF-8) */
	tab_totals tabs[XLSX_TABLES];
	int ntab;                /* tables begun in this report */
	/* the running balance column of the current table: the row of the cell before, and the
	 * opening (a cell's row, or a figure in minor units) */
	int run_col, run_have, run_open_cell;
	lxw_row_t run_prev, run_open_row;
	int64_t run_open;
	lxw_row_t row;           /* next row to write */
	lxw_row_t hdr_row;       /* the table's header */
	lxw_row_t first_data, last_data, group_first;
	int have_data, have_group;
	int split;               /* the table went on in another sheet: totals as plain numbers */
	int ncols;
	lxw_row_t ch_first, ch_last;  /* the rows the table's chart reads */
	/* the header row is written with the first row: a table whose rows come in groups under a
	 * heading (a client's) gets one more column repeating the heading on each row, so that
	 * its autofilter picks a client's rows (issue 16); -1 until the first row says */
	int hdr_pending, grouped;
	char group[256];
	int ch_n, ch_broken;
} xlsx;

static int xlsx_open(const char *path, FILE *fp, int width, void **impl, cart_err *e)
{
	lxw_workbook_options opt = { 0 };
	xlsx *x;
	FILE *probe;

	(void)fp;
	(void)width;
	/* libxlsxwriter finds a bad path only when the workbook is closed, after all the work, and
	 * says so on stderr: try the file first */
	if (!(probe = fopen(path, "wb"))) {
		int err = errno;

		return cart_fail(e, CART_IO, _("cannot write %s: %s"), path, strerror(err));
	}
	fclose(probe);
	if (!(x = calloc(1, sizeof *x)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	opt.constant_memory = LXW_TRUE;
	snprintf(x->path, sizeof x->path, "%s", path);
	x->wb = workbook_new_opt(path, &opt);
	if (!x->wb) {
		free(x);
		return cart_fail(e, CART_IO, _("cannot create the spreadsheet %s"), path);
	}
	*impl = x;
	return CART_OK;
}

static int xlsx_close(void *impl, int abort, long *replaced, cart_err *e)
{
	xlsx *x = impl;
	lxw_error err;

	*replaced = 0;
	if (!x->ws && !abort)
		x->ws = workbook_add_worksheet(x->wb, NULL); /* a workbook needs one sheet */
	/* libxlsxwriter reports a bad path only here */
	err = workbook_close(x->wb);
	free(x);
	if (err != LXW_NO_ERROR && !abort)
		return cart_fail(e, CART_IO, _("cannot write the spreadsheet: %s"), lxw_strerror(err));
	return CART_OK;
}

/* The locale (an LCID of Spanish as written there) whose separators are the company's: its
 * country's when they agree, else a country that writes 1,234.56 (Mexico) or 1.234,56 (Spain).
 * A viewer that honours the locale in a number format (LibreOffice) shows the company's
 * separators; the others their own. */
static void pick_locale(xlsx *x, const report *r)
{
	static const struct { const char *country, *lcid; char dec; } loc[] = {
		{ "PE", "-280A", '.' }, { "MX", "-80A", '.' }, { "PA", "-180A", '.' },
		{ "CO", "-240A", ',' }, { "EC", "-300A", ',' },
	};

	for (size_t i = 0; i < sizeof loc / sizeof loc[0]; i++)
		if (!strcmp(r->country, loc[i].country) && r->fmt.dec_sep == loc[i].dec) {
			snprintf(x->lcid, sizeof x->lcid, "%s", loc[i].lcid);
			return;
		}
	snprintf(x->lcid, sizeof x->lcid, "%s", r->fmt.dec_sep == ',' ? "-C0A" : "-80A");
}

/* The amount format of a currency ("" none: the plain one), made on its first use. */
static lxw_format *money_fmt_of(xlsx *x, const char *cur, int bold)
{
	const currency_name *cn;
	char fmt[64];
	cur_fmt *c;

	if (!cur[0])
		return bold ? x->money_bold : x->money;
	for (int i = 0; i < x->ncf; i++)
		if (!strcmp(x->cf[i].cur, cur))
			return bold ? x->cf[i].bold : x->cf[i].f;
	if (x->ncf == XLSX_CURS)
		return bold ? x->money_bold : x->money;
	c = &x->cf[x->ncf++];
	snprintf(c->cur, sizeof c->cur, "%s", cur);
	cn = currency_find(cur);
	/* [$S/-280A] #,##0.00: the symbol, and the locale of the separators */
	snprintf(fmt, sizeof fmt, "[$%s%s] %s", cn ? cn->symbol : cur, x->lcid, x->num);
	c->f = workbook_add_format(x->wb);
	format_set_num_format(c->f, fmt);
	c->bold = workbook_add_format(x->wb);
	format_set_num_format(c->bold, fmt);
	format_set_bold(c->bold);
	format_set_top(c->bold, LXW_BORDER_THIN);
	return bold ? c->bold : c->f;
}

static void make_formats(xlsx *x, int decimals, int date_order)
{
	char *num = x->num;

	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	x->title = workbook_add_format(x->wb);
	format_set_bold(x->title);
	format_set_font_size(x->title, 14);
	x->hdr = workbook_add_format(x->wb);
	format_set_bold(x->hdr);
	format_set_bottom(x->hdr, LXW_BORDER_THIN);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, date_order == DATE_DMY ? "dd/mm/yyyy" : "yyyy-mm-dd");
	x->integer = workbook_add_format(x->wb);
	format_set_num_format(x->integer, "0");
	x->integer_bold = workbook_add_format(x->wb);
	format_set_num_format(x->integer_bold, "0");
	format_set_bold(x->integer_bold);
	/* "#,##0.00": the viewer shows its own separators; the decimals are the company's */
	snprintf(num, sizeof x->num, "#,##0%s%.*s", decimals ? "." : "", decimals, "0000");
	x->money = workbook_add_format(x->wb);
	format_set_num_format(x->money, num);
	x->money_bold = workbook_add_format(x->wb);
	format_set_num_format(x->money_bold, num);
	format_set_bold(x->money_bold);
	format_set_top(x->money_bold, LXW_BORDER_THIN);
	x->decimals = decimals;
}

static double as_number(const xlsx *x, int64_t v)
{
	static const double scale[] = { 1, 10, 100, 1000, 10000 };

	return (double)v / scale[x->decimals];
}

static int xlsx_begin(void *ud, const report *r, cart_err *e)
{
	xlsx *x = ud;

	(void)e;
	if (!x->bold) {
		pick_locale(x, r);
		make_formats(x, r->fmt.decimals >= 0 && r->fmt.decimals <= 4 ? r->fmt.decimals : 2,
		             r->date_order);
	}
	x->ntab = 0;   /* a book of many statements: each report's tables counted from its first */
	return CART_OK;
}

/* Text cut to at most max characters (whole UTF-8 ones) without the characters a sheet name
 * refuses ([]:*?/\), its runs of blanks as one, no apostrophe or blank at either end. */
static void sheet_clean(const char *text, size_t max, char *out, size_t size)
{
	size_t n = 0, chars = 0;

	for (const unsigned char *p = (const unsigned char *)text; *p && chars < max; p++) {
		size_t len = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : 4;

		if (strchr("[]:*?/\\", *p))
			continue;
		if (*p == ' ' || *p == '\t') {
			if (!n || out[n - 1] == ' ')
				continue;
			if (n + 1 < size) {
				out[n++] = ' ';
				chars++;
			}
			continue;
		}
		if (*p == '\'' && !n)
			continue;
		if (n + len >= size)
			break;
		{
			size_t k = 0;

			for (; k < len && p[k]; k++)   /* a character cut short ends the text */
				out[n++] = (char)p[k];
			p += k - 1;
		}
		chars++;
	}
	while (n && (out[n - 1] == ' ' || out[n - 1] == '\''))
		n--;
	out[n] = '\0';
}

/* A sheet's name, unique in the book (as Excel compares, case aside): "000123 Ferretería Ñandú"
 * for the first table of a report about one client, "000123 Aging Ferretería Ñandú" for its
 * others, the table's title otherwise; "… 2", "… 3" when taken. */
static void sheet_name(xlsx *x, const report *r, const char *title, char out[128])
{
	char want[600], base[128];

	if (r->client_no > 0 && r->nclient > 0) {
		if (x->ntab <= 1 && !x->split)
			snprintf(want, sizeof want, "%06lld %s", (long long)r->client_no, r->client[0]);
		else
			snprintf(want, sizeof want, "%06lld %s %s", (long long)r->client_no, title,
			         r->client[0]);
	} else {
		snprintf(want, sizeof want, "%s", title);
	}
	sheet_clean(want, 31, base, sizeof base);
	if (!base[0])
		snprintf(base, sizeof base, "%s", "Sheet");
	snprintf(out, 128, "%s", base);
	for (int k = 2; workbook_validate_sheet_name(x->wb, out) != LXW_NO_ERROR && k < 1000000; k++) {
		char suffix[16], cut[128];

		snprintf(suffix, sizeof suffix, " %d", k);
		sheet_clean(base, 31 - strlen(suffix), cut, sizeof cut);
		snprintf(out, 128, "%s%s", cut, suffix);
	}
}

/* Printed as the PDF is (issue 16): A4, turned to landscape when the columns are wide, as wide
 * as one page, the header row repeated at the top of every page and "page N of M" below. */
static void print_setup(xlsx *x, const rpt_table *t)
{
	double chars = 0;
	char footer[128];

	/* as the PDF decides: the text columns cut to their narrowest, the amounts whole */
	for (int i = 0; i < t->ncols; i++)
		chars += (t->cols[i].kind == RPT_TEXT ? t->cols[i].min : t->cols[i].width) + 2;
	worksheet_set_paper(x->ws, 9);	/* A4 */
	/* about 95 characters of the default type fit across a portrait A4 page */
	if (chars > 95)
		worksheet_set_landscape(x->ws);
	else
		worksheet_set_portrait(x->ws);
	worksheet_fit_to_pages(x->ws, 1, 0);
	worksheet_repeat_rows(x->ws, x->hdr_row, x->hdr_row);
	/* TRANSLATORS: a spreadsheet's printed footer; &P is the page, &N the number of pages */
	snprintf(footer, sizeof footer, "&R%s", _("page &P of &N"));
	worksheet_set_footer(x->ws, footer);
}

static int new_sheet(xlsx *x, const report *r, const rpt_table *t, const char *title, cart_err *e)
{
	char name[128];

	sheet_name(x, r, title, name);
	x->ws = workbook_add_worksheet(x->wb, name);
	snprintf(x->sheet, sizeof x->sheet, "%s", name);
	if (!x->ws)
		return cart_fail(e, CART_IO, _("cannot add the sheet \"%s\" to the spreadsheet"), name);
	x->row = 0;
	worksheet_write_string(x->ws, x->row++, 0, r->company, x->bold);
	if (r->tax_label[0])
		worksheet_write_string(x->ws, x->row++, 0, r->tax_label, NULL);
	for (int i = 0; i < r->nletterhead; i++)
		worksheet_write_string(x->ws, x->row++, 0, r->letterhead[i], NULL);
	worksheet_write_string(x->ws, x->row++, 0, r->title, x->title);
	for (int i = 0; i < r->nlines; i++)
		worksheet_write_string(x->ws, x->row++, 0, r->lines[i], NULL);
	for (int i = 0; i < r->nclient; i++)
		worksheet_write_string(x->ws, x->row++, 0, r->client[i], i ? NULL : x->bold);
	if (t->title[0])
		worksheet_write_string(x->ws, x->row++, 0, t->title, x->bold);
	x->row++;
	x->hdr_row = x->row;
	for (int i = 0; i < t->ncols; i++) {
		double w = t->cols[i].width + 2;

		worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i, w > 60 ? 60 : w, NULL);
	}
	x->hdr_pending = 1;
	x->row++;
	worksheet_freeze_panes(x->ws, x->row, 0);
	print_setup(x, t);
	x->first_data = x->group_first = x->row;
	x->have_data = 0;
	x->have_group = 0;
	x->ncols = t->ncols;
	x->run_have = 0;   /* a running balance starts again (as figures) on a continuation sheet */
	if (x->ch_n)
		x->ch_broken = 1;  /* the chart's rows went on in another sheet: no chart */
	return CART_OK;
}

/* The header row, with the group's column when the table is grouped. */
static void write_header(xlsx *x, const rpt_table *t)
{
	if (x->grouped < 0)
		x->grouped = 0;
	for (int i = 0; i < t->ncols; i++)
		worksheet_write_string(x->ws, x->hdr_row, (lxw_col_t)i, t->cols[i].name, x->hdr);
	if (x->grouped) {
		worksheet_write_string(x->ws, x->hdr_row, (lxw_col_t)t->ncols, _("Client"), x->hdr);
		worksheet_set_column(x->ws, (lxw_col_t)t->ncols, (lxw_col_t)t->ncols, 40, NULL);
	}
	x->ncols = t->ncols + x->grouped;
	x->hdr_pending = 0;
}

static int xlsx_table(void *ud, const report *r, const rpt_table *t, cart_err *e)
{
	xlsx *x = ud;
	int rc;

	x->grouped = -1;
	x->group[0] = '\0';
	x->split = 0;
	x->ch_n = 0;
	x->ch_broken = 0;
	x->ntab++;
	x->run_col = -1;
	for (int i = 0; i < t->ncols; i++)
		if (t->cols[i].fx == RPT_FX_RUNNING)
			x->run_col = i;
	rc = new_sheet(x, r, t, t->title[0] ? t->title : r->title, e);
	if (rc == CART_OK && x->ntab <= XLSX_TABLES) {
		tab_totals *tt = &x->tabs[x->ntab - 1];

		tt->n = 0;
		snprintf(tt->sheet, sizeof tt->sheet, "%s", x->sheet);
	}
	return rc;
}

/* A sheet's name as a formula names it: quoted unless it is ASCII letters and '_' only (a name
 * with digits could read as a cell, "AB12"). */
static void sheet_ref(const char *name, char *out, size_t size)
{
	size_t n = 0;
	int plain = *name != '\0';

	for (const char *p = name; *p; p++)
		plain &= (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_';
	if (plain) {
		snprintf(out, size, "%s", name);
		return;
	}
	if (size < 3) {
		if (size)
			out[0] = '\0';
		return;
	}
	out[n++] = '\'';
	for (const char *p = name; *p && n + 3 < size; p++) {
		if (*p == '\'')
			out[n++] = '\'';
		out[n++] = *p;
	}
	out[n++] = '\'';
	out[n] = '\0';
}

/* An amount in minor units as a formula's constant: "-1234.50". */
static void amount_text(const xlsx *x, int64_t v, char *buf, size_t size)
{
	static const int64_t scale[] = { 1, 10, 100, 1000, 10000 };
	int64_t s = scale[x->decimals];
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	if (x->decimals)
		snprintf(buf, size, "%s%llu.%0*llu", v < 0 ? "-" : "", (unsigned long long)(a / (uint64_t)s),
		         x->decimals, (unsigned long long)(a % (uint64_t)s));
	else
		snprintf(buf, size, "%s%llu", v < 0 ? "-" : "", (unsigned long long)a);
}

/* "A1"-style column letters. */
static void col_name(int col, char *buf)
{
	char tmp[8];
	int n = 0;

	col++;
	while (col > 0) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

static void write_total_cell(xlsx *x, const rpt_table *t, const rpt_row *row, int i,
                             const rpt_cell *c, lxw_format *f)
{
	char formula[256], cn[8], cc[8];
	lxw_row_t first = row->style == RPT_ROW_GROUP_TOTAL ? x->group_first : x->first_data;
	int have = row->style == RPT_ROW_GROUP_TOTAL ? x->have_group : x->have_data;
	double v = c->kind == RPT_AMOUNT ? as_number(x, c->v) : (double)c->v;

	if (!have || x->split || !(c->flags & RPT_F_SUM)) {
		worksheet_write_number(x->ws, x->row, (lxw_col_t)i, v, f);
		return;
	}
	col_name(i, cn);
	if (row->cur[0] && t->cur_col >= 0 && row->style == RPT_ROW_TOTAL) {
		col_name(t->cur_col, cc);
		snprintf(formula, sizeof formula, "=SUMIF(%s%u:%s%u,\"%s\",%s%u:%s%u)", cc,
		         (unsigned)first + 1, cc, (unsigned)x->last_data + 1, row->cur, cn,
		         (unsigned)first + 1, cn, (unsigned)x->last_data + 1);
	} else {
		snprintf(formula, sizeof formula, "=SUM(%s%u:%s%u)", cn, (unsigned)first + 1, cn,
		         (unsigned)x->last_data + 1);
	}
	worksheet_write_formula_num(x->ws, x->row, (lxw_col_t)i, formula, f, v);
}

static int64_t amount_or_0(const rpt_row *row, int i)
{
	return i >= 0 && i < row->ncells && row->cells[i].kind == RPT_AMOUNT ? row->cells[i].v : 0;
}

/* A running balance's cell (issue 16): the row before's plus this row's movement, the first row
 * from its opening (a balance brought forward, a row with no movement, stays a figure), the
 * TOTAL row the opening plus the sums of the movements; each with its value cached. */
static void write_running(xlsx *x, const rpt_table *t, const rpt_row *row, const rpt_cell *c,
                          lxw_format *f)
{
	const rpt_col *col = &t->cols[x->run_col];
	char formula[300], cb[8], ca[8], cm[8], open[48];
	lxw_col_t at = (lxw_col_t)x->run_col;
	double v = as_number(x, c->v);
	int total = row->style == RPT_ROW_TOTAL;

	col_name(x->run_col, cb);
	col_name(col->fa, ca);
	col_name(col->fb, cm);
	if (x->split || (total && (!x->run_have || !x->have_data))) {
		worksheet_write_number(x->ws, x->row, at, v, f);
		return;
	}
	if (total) {
		unsigned a = (unsigned)x->first_data + 1, b = (unsigned)x->last_data + 1;

		if (x->run_open_cell)
			snprintf(open, sizeof open, "%s%u+", cb, (unsigned)x->run_open_row + 1);
		else if (x->run_open)
			amount_text(x, x->run_open, open, sizeof open - 1), strcat(open, "+");
		else
			open[0] = '\0';
		snprintf(formula, sizeof formula, "=%sSUM(%s%u:%s%u)-SUM(%s%u:%s%u)", open, ca, a, ca, b,
		         cm, a, cm, b);
	} else if (!x->run_have) {
		int64_t plus = amount_or_0(row, col->fa), minus = amount_or_0(row, col->fb);

		x->run_have = 1;
		x->run_prev = x->row;
		if (!plus && !minus) {   /* the opening itself */
			x->run_open_cell = 1;
			x->run_open_row = x->row;
			worksheet_write_number(x->ws, x->row, at, v, f);
			return;
		}
		x->run_open_cell = 0;
		x->run_open = c->v - plus + minus;
		if (x->run_open) {
			amount_text(x, x->run_open, open, sizeof open - 1);
			strcat(open, "+");
		} else {
			open[0] = '\0';
		}
		snprintf(formula, sizeof formula, "=%s%s%u-%s%u", open, ca, (unsigned)x->row + 1, cm,
		         (unsigned)x->row + 1);
	} else {
		snprintf(formula, sizeof formula, "=%s%u+%s%u-%s%u", cb, (unsigned)x->run_prev + 1, ca,
		         (unsigned)x->row + 1, cm, (unsigned)x->row + 1);
		x->run_prev = x->row;
	}
	worksheet_write_formula_num(x->ws, x->row, at, formula, f, v);
}

/* A check table's cell: the sum of the columns it names in an earlier table's TOTAL row of its
 * currency, a figure when that table has none. */
static void write_from(xlsx *x, const rpt_col *col, int i, const rpt_cell *c, lxw_format *f)
{
	const tab_totals *tt = col->ftable < x->ntab - 1 && col->ftable < XLSX_TABLES ?
	                       &x->tabs[col->ftable] : NULL;
	double v = as_number(x, c->v);
	char formula[400], sheet[300], ca[8], cb[8];

	for (int k = 0; tt && k < tt->n; k++) {
		if (strcmp(tt->cur[k], c->cur))
			continue;
		sheet_ref(tt->sheet, sheet, sizeof sheet);
		col_name(col->fa, ca);
		col_name(col->fb, cb);
		if (col->fa == col->fb)
			snprintf(formula, sizeof formula, "=%s!%s%u", sheet, ca, (unsigned)tt->row[k] + 1);
		else
			snprintf(formula, sizeof formula, "=SUM(%s!%s%u:%s%u)", sheet, ca,
			         (unsigned)tt->row[k] + 1, cb, (unsigned)tt->row[k] + 1);
		worksheet_write_formula_num(x->ws, x->row, (lxw_col_t)i, formula, f, v);
		return;
	}
	worksheet_write_number(x->ws, x->row, (lxw_col_t)i, v, f);
}

/* Where a TOTAL row of a currency is, for the tables after this one. */
static void note_total(xlsx *x, const rpt_row *row)
{
	tab_totals *tt = x->ntab > 0 && x->ntab <= XLSX_TABLES ? &x->tabs[x->ntab - 1] : NULL;
	const char *cur = row->cur;

	for (int i = 0; !cur[0] && i < row->ncells; i++)
		if (row->cells[i].kind == RPT_AMOUNT)
			cur = row->cells[i].cur;
	if (!tt || !cur[0] || tt->n == XLSX_TOTALS)
		return;
	for (int k = 0; k < tt->n; k++)
		if (!strcmp(tt->cur[k], cur))
			return;   /* the first TOTAL of a currency is its total */
	snprintf(tt->cur[tt->n], sizeof tt->cur[0], "%s", cur);
	snprintf(tt->sheet, sizeof tt->sheet, "%s", x->sheet);
	tt->row[tt->n++] = x->row;
}

/* The autofilter covers the header and the data rows. In constant-memory mode a range can only be
 * set while its last row is still the one being written, so it is set (again) whenever data rows
 * end: before a total or heading row, and at the table's end. */
static void set_filter(xlsx *x)
{
	if (x->have_data && x->row == x->last_data + 1)
		worksheet_autofilter(x->ws, x->hdr_row, 0, x->last_data, (lxw_col_t)(x->ncols - 1));
}

static int xlsx_row(void *ud, const report *r, const rpt_table *t, const rpt_row *row, cart_err *e)
{
	xlsx *x = ud;
	int total = row->style == RPT_ROW_TOTAL || row->style == RPT_ROW_GROUP_TOTAL;

	if (x->row >= XLSX_MAX_ROWS - 1) {
		/* the sheet is full: the table goes on in a new one, never a row dropped */
		int rc;

		set_filter(x);
		rc = new_sheet(x, r, t, t->title[0] ? t->title : r->title, e);
		if (rc != CART_OK)
			return rc;
		x->split = 1;
	}
	if (x->hdr_pending) {
		if (x->grouped < 0)
			x->grouped = row->style == RPT_ROW_SECTION;
		write_header(x, t);
	}
	if (row->style != RPT_ROW_DATA)
		set_filter(x);
	if (row->style == RPT_ROW_SECTION) {
		snprintf(x->group, sizeof x->group, "%s", row->ncells && row->cells[0].s ?
		         row->cells[0].s : "");
		worksheet_write_string(x->ws, x->row++, 0, row->ncells ? row->cells[0].s : "", x->bold);
		x->group_first = x->row;
		x->have_group = 0;
		return CART_OK;
	}
	for (int i = 0; i < row->ncells && i < t->ncols; i++) {
		const rpt_cell *c = &row->cells[i];
		lxw_col_t col = (lxw_col_t)i;

		switch (c->kind) {
		case RPT_TEXT:
			worksheet_write_string(x->ws, x->row, col, c->s, total ? x->bold : NULL);
			break;
		case RPT_AMOUNT: {
			lxw_format *f = money_fmt_of(x, c->cur, total);

			if (i == x->run_col && (total || row->style == RPT_ROW_DATA))
				write_running(x, t, row, c, f);
			else if (t->cols[i].fx == RPT_FX_FROM)
				write_from(x, &t->cols[i], i, c, f);
			else if (total)
				write_total_cell(x, t, row, i, c, f);
			else
				worksheet_write_number(x->ws, x->row, col, as_number(x, c->v), f);
			break;
		}
		case RPT_QTY:   /* a number, shown with the decimals it has */
			worksheet_write_number(x->ws, x->row, col, (double)c->v / 1000, NULL);
			break;
		case RPT_INT:
			if (total)
				write_total_cell(x, t, row, i, c, x->integer_bold);
			else
				worksheet_write_number(x->ws, x->row, col, (double)c->v, x->integer);
			break;
		case RPT_DATE: {
			int y, m, d;
			lxw_datetime dt = { 0 };

			date_to_ymd((date_t)c->v, &y, &m, &d);
			dt.year = y;
			dt.month = m;
			dt.day = d;
			worksheet_write_datetime(x->ws, x->row, col, &dt, x->date);
			break;
		}
		default:
			break;
		}
	}
	if (x->grouped > 0 && (row->style == RPT_ROW_DATA || row->style == RPT_ROW_GROUP_TOTAL))
		worksheet_write_string(x->ws, x->row, (lxw_col_t)t->ncols, x->group,
		                       total ? x->bold : NULL);
	if (t->chart.kind && row->style == t->chart.rows) {
		if (!x->ch_n)
			x->ch_first = x->row;
		if (x->ch_n && x->ch_last + 1 != x->row)
			x->ch_broken = 1;  /* a chart reads one block of rows */
		x->ch_last = x->row;
		x->ch_n++;
	}
	if (row->style == RPT_ROW_TOTAL)
		note_total(x, row);
	if (row->style == RPT_ROW_DATA) {
		x->last_data = x->row;
		x->have_data = 1;
		x->have_group = 1;
	} else if (row->style == RPT_ROW_GROUP_TOTAL) {
		x->group_first = x->row + 1;
		x->have_group = 0;
	}
	x->row++;
	return CART_OK;
}

/* One native chart of the table's own cells (SPEC R7): its series are ranges of the sheet, so
 * the picture and the table cannot disagree. A LINE chart's second-axis series (libxlsxwriter
 * 1.1 has no secondary axis) gets a chart of its own under the first: days beside money on one
 * scale would flatten one of the two lines. */
static int add_chart(xlsx *x, const rpt_table *t, int type, const int *series, int n,
                     const char *title, lxw_row_t at, cart_err *e)
{
	const rpt_chart *ch = &t->chart;
	const char *sheet = x->sheet;
	lxw_chart *c = workbook_add_chart(x->wb, (uint8_t)type);
	lxw_chart_options opt = { 0 };

	if (!c)
		return cart_fail(e, CART_NOMEM, _("cannot add a chart to the spreadsheet"));
	for (int i = 0; i < n; i++) {
		lxw_chart_series *s = chart_add_series(c, NULL, NULL);

		if (!s)
			return cart_fail(e, CART_NOMEM, _("cannot add a chart to the spreadsheet"));
		chart_series_set_categories(s, sheet, x->ch_first, (lxw_col_t)ch->cat_col, x->ch_last,
		                            (lxw_col_t)ch->cat_col);
		chart_series_set_values(s, sheet, x->ch_first, (lxw_col_t)series[i], x->ch_last,
		                        (lxw_col_t)series[i]);
		chart_series_set_name_range(s, sheet, x->hdr_row, (lxw_col_t)series[i]);
		if (type == LXW_CHART_LINE)
			chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
	}
	if (title && *title)
		chart_title_set_name(c, title);
	if (type == LXW_CHART_LINE)
		chart_axis_set_num_format(c->x_axis, "yyyy-mm");
	opt.x_offset = 8;
	opt.x_scale = 1.2;
	if (worksheet_insert_chart_opt(x->ws, at, (lxw_col_t)(x->ncols + 1), c, &opt) != LXW_NO_ERROR)
		return cart_fail(e, CART_IO, _("cannot add a chart to the spreadsheet"));
	return CART_OK;
}

static int xlsx_table_end(void *ud, const report *r, const rpt_table *t, cart_err *e)
{
	xlsx *x = ud;
	const rpt_chart *ch = &t->chart;
	int rc = CART_OK;

	(void)r;
	if (x->hdr_pending)
		write_header(x, t);
	set_filter(x);
	if (!ch->kind || !x->ch_n || x->ch_broken || !ch->nseries)
		return CART_OK;
	if (ch->kind == RPT_CHART_STACKED) {
		rc = add_chart(x, t, LXW_CHART_COLUMN_STACKED, ch->series, ch->nseries, ch->title,
		               x->hdr_row, e);
	} else {
		int main_s[RPT_CHART_SERIES], n = 0;

		for (int i = 0; i < ch->nseries; i++)
			if (i != ch->y2)
				main_s[n++] = ch->series[i];
		if (n)
			rc = add_chart(x, t, LXW_CHART_LINE, main_s, n, ch->title, x->hdr_row, e);
		if (rc == CART_OK && ch->y2 >= 0 && ch->y2 < ch->nseries)
			rc = add_chart(x, t, LXW_CHART_LINE, &ch->series[ch->y2], 1, NULL,
			               x->hdr_row + (n ? 16 : 0), e);
	}
	return rc;
}

static int xlsx_end(void *ud, const report *r, cart_err *e)
{
	xlsx *x = ud;

	(void)e;
	if (!x->ws) {
		rpt_table none;

		memset(&none, 0, sizeof none);
		if (new_sheet(x, r, &none, r->title, e) != CART_OK)
			return e->code;
	}
	if (r->nnotes)
		x->row++;
	for (int i = 0; i < r->nnotes; i++)
		worksheet_write_string(x->ws, x->row++, 0, r->notes[i], NULL);
	return CART_OK;
}

static const rpt_sink xlsx_sink = { xlsx_begin, xlsx_table, xlsx_row, xlsx_table_end, xlsx_end };
const rnd_ops rnd_xlsx_ops = { &xlsx_sink, xlsx_open, xlsx_close, NULL };
