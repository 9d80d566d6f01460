/* Plain text for 80- and 132-column printers. Every text line is exactly the printer's
 * width in display columns (UTF-8 aware, like src/base/output.c). Columns get their wanted widths;
 * when the table is wider than the paper, text columns are cut towards their minimum, and if it
 * still does not fit each row continues on further lines, indented, so no column is ever dropped.
 * An amount wider than its column prints as '#' (never a cut number). With a page length (for
 * continuous forms) each page after the first starts with a form feed, a line naming the company,
 * the report and the page, and the current table's header. CSV and JSON are in render_data.c. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/i18n.h"
#include "cartera/output.h"
#include "render_int.h"

#define INDENT 4
#define MAXW 132

typedef struct txt {
	FILE *fp;
	int own;
	int width;
	int w[RPT_MAX_COLS], x[RPT_MAX_COLS], line[RPT_MAX_COLS];
	int ncols, nlines;
	int last_style;
	int reports;
	int page_lines;             /* 0: no pages */
	int page_no, on_page, in_header;
	const report *r;
	const rpt_table *tb;        /* the table being written, for its header on a new page */
} txt;

static void put_row(txt *t, const report *r, const rpt_table *tb, const rpt_row *row, int header);

static int txt_open(const char *path, FILE *fp, int width, void **impl, cart_err *e)
{
	txt *t = calloc(1, sizeof *t);

	if (!t)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	t->width = width;
	if (path) {
		if (!(t->fp = fopen(path, "w"))) {
			int err = errno;

			free(t);
			return cart_fail(e, CART_IO, _("cannot write %s: %s"), path, strerror(err));
		}
		t->own = 1;
	} else {
		t->fp = fp ? fp : stdout;
	}
	*impl = t;
	return CART_OK;
}

static int txt_close(void *impl, int abort, long *replaced, cart_err *e)
{
	txt *t = impl;
	int bad = ferror(t->fp);

	(void)abort;
	*replaced = 0;
	if (t->own)
		bad |= fclose(t->fp) != 0;
	else
		bad |= fflush(t->fp) != 0;
	free(t);
	if (bad && !abort)
		return cart_fail(e, CART_IO, _("writing the text report failed"));
	return CART_OK;
}

static void emit(txt *t, const char *line);

/* A new page: form feed, who and what and the page number, the table's header again. */
static void new_page(txt *t)
{
	char num[32], left[4 * MAXW + 8], head[600];
	int nw;

	fputc('\f', t->fp);
	t->page_no++;
	t->on_page = 0;
	t->in_header = 1;
	snprintf(num, sizeof num, _("page %d"), t->page_no);
	nw = utf8_width(num);
	snprintf(head, sizeof head, "%s — %s", t->r ? t->r->company : "", t->r ? t->r->title : "");
	utf8_fit(head, t->width - nw - 1, 0, left);
	snprintf(head, sizeof head, "%s %s", left, num);
	emit(t, head);
	if (t->tb) {
		char rule[MAXW + 1];

		memset(rule, ' ', (size_t)t->width);
		rule[t->width] = '\0';
		emit(t, rule);
		put_row(t, t->r, t->tb, NULL, 1);
		memset(rule, '-', (size_t)t->width);
		rule[t->width] = '\0';
		emit(t, rule);
	}
	t->in_header = 0;
}

/* Every line goes out here, exactly the width already, so pages can be counted. */
static void emit(txt *t, const char *line)
{
	if (t->page_lines && !t->in_header && t->on_page >= t->page_lines)
		new_page(t);
	fputs(line, t->fp);
	fputc('\n', t->fp);
	t->on_page++;
}

/* One line of text fitted to exactly the width. */
static void put_fit(txt *t, const char *s)
{
	char buf[4 * MAXW + 8];

	utf8_fit(s, t->width, 0, buf);
	emit(t, buf);
}

static void put_rule(txt *t, char c)
{
	char rule[MAXW + 1];

	memset(rule, c, (size_t)t->width);
	rule[t->width] = '\0';
	emit(t, rule);
}

/* Words wrapped to the width (notes can be long). */
static void put_wrapped(txt *t, const char *s)
{
	char line[4 * MAXW + 8], word[512];
	int lw = 0;

	line[0] = '\0';
	while (*s) {
		size_t n = strcspn(s, " ");
		int ww;

		if (n >= sizeof word)
			n = sizeof word - 1;
		memcpy(word, s, n);
		word[n] = '\0';
		s += n;
		while (*s == ' ')
			s++;
		ww = utf8_width(word);
		if (lw && lw + 1 + ww > t->width) {
			put_fit(t, line);
			line[0] = '\0';
			lw = 0;
		}
		if (strlen(line) + n + 2 < sizeof line) {
			if (lw)
				strcat(line, " ");
			strcat(line, word);
			lw += (lw ? 1 : 0) + ww;
		}
	}
	if (lw || !line[0])
		put_fit(t, line);
}

static int txt_begin(void *ud, const report *r, cart_err *e)
{
	txt *t = ud;
	char left[400];

	(void)e;
	if (t->reports++)
		fputc('\f', t->fp);
	t->r = r;
	t->tb = NULL;
	t->page_no = 1;
	t->on_page = 0;
	if (r->tax_label[0])
		snprintf(left, sizeof left, "%s — %s", r->company, r->tax_label);
	else
		snprintf(left, sizeof left, "%s", r->company);
	put_fit(t, left);
	for (int i = 0; i < r->nletterhead; i++)
		put_fit(t, r->letterhead[i]);
	put_fit(t, r->title);
	for (int i = 0; i < r->nlines; i++)
		put_wrapped(t, r->lines[i]);
	if (r->nclient)
		put_fit(t, "");
	for (int i = 0; i < r->nclient; i++)
		put_fit(t, r->client[i]);
	return CART_OK;
}

/* Widths and places: see the comment at the top. */
static void layout(txt *t, const rpt_table *tb)
{
	int n = tb->ncols, total = 0, x = 0, line = 0;

	t->ncols = n;
	for (int i = 0; i < n; i++) {
		t->w[i] = tb->cols[i].width;
		total += t->w[i] + (i ? 1 : 0);
	}
	while (total > t->width) {
		int best = -1, cut;

		for (int i = 0; i < n; i++)
			if (t->w[i] > tb->cols[i].min &&
			    (best < 0 || t->w[i] - tb->cols[i].min > t->w[best] - tb->cols[best].min))
				best = i;
		if (best < 0)
			break;
		cut = t->w[best] - tb->cols[best].min;
		if (cut > total - t->width)
			cut = total - t->width;
		t->w[best] -= cut;
		total -= cut;
	}
	/* rows go on over several lines anyway: let the text have its room back */
	if (total > t->width)
		for (int i = 0; i < n; i++)
			t->w[i] = tb->cols[i].width;
	for (int i = 0; i < n; i++) {
		if (t->w[i] > t->width - INDENT)
			t->w[i] = t->width - INDENT;
		if (x > (line ? INDENT : 0) && x + 1 + t->w[i] > t->width) {
			line++;
			x = INDENT;
		} else if (x > (line ? INDENT : 0)) {
			x++;
		}
		t->x[i] = x;
		t->line[i] = line;
		x += t->w[i];
	}
	t->nlines = line + 1;
}

/* Print one row (header texts when cells is NULL). */
static void put_row(txt *t, const report *r, const rpt_table *tb, const rpt_row *row, int header)
{
	char out[4 * MAXW + 8], cell[512], fit[4 * MAXW + 8];

	for (int ln = 0; ln < t->nlines; ln++) {
		size_t len = 0;
		int col = 0, n;

		for (int i = 0; i < t->ncols; i++) {
			int right = tb->cols[i].align == RPT_RIGHT;

			if (t->line[i] != ln)
				continue;
			for (; col < t->x[i]; col++)
				out[len++] = ' ';
			if (header) {
				snprintf(cell, sizeof cell, "%s", tb->cols[i].name);
			} else if (i < row->ncells) {
				rpt_cell_text(r, &row->cells[i], cell, sizeof cell);
				if (row->cells[i].kind == RPT_AMOUNT && utf8_width(cell) > t->w[i]) {
					memset(cell, '#', (size_t)t->w[i]);
					cell[t->w[i]] = '\0';
				}
			} else {
				cell[0] = '\0';
			}
			n = utf8_fit(cell, t->w[i], right, fit);
			if (len + (size_t)n < sizeof out - 1) {
				memcpy(out + len, fit, (size_t)n);
				len += (size_t)n;
			}
			col += t->w[i];
		}
		for (; col < t->width; col++)
			out[len++] = ' ';
		out[len] = '\0';
		emit(t, out);
	}
}

static int txt_table(void *ud, const report *r, const rpt_table *tb, cart_err *e)
{
	txt *t = ud;

	(void)r;
	(void)e;
	t->tb = NULL; /* no repeated header until this one's is out */
	layout(t, tb);
	/* keep a table's title and header with its first rows */
	if (t->page_lines && t->on_page + 5 + t->nlines * 2 > t->page_lines)
		t->on_page = t->page_lines;
	else
		put_fit(t, "");
	if (tb->title[0])
		put_fit(t, tb->title);
	put_row(t, r, tb, NULL, 1);
	put_rule(t, '-');
	t->tb = tb;
	t->last_style = RPT_ROW_DATA;
	return CART_OK;
}

static int txt_row(void *ud, const report *r, const rpt_table *tb, const rpt_row *row, cart_err *e)
{
	txt *t = ud;

	(void)e;
	if (row->style == RPT_ROW_SECTION) {
		put_fit(t, row->ncells ? row->cells[0].s : "");
	} else {
		if ((row->style == RPT_ROW_TOTAL || row->style == RPT_ROW_GROUP_TOTAL) &&
		    t->last_style == RPT_ROW_DATA)
			put_rule(t, '-');
		put_row(t, r, tb, row, 0);
	}
	t->last_style = row->style;
	return CART_OK;
}

static int txt_end(void *ud, const report *r, cart_err *e)
{
	txt *t = ud;

	(void)e;
	t->tb = NULL;
	if (r->nnotes)
		put_fit(t, "");
	for (int i = 0; i < r->nnotes; i++)
		put_wrapped(t, r->notes[i]);
	return ferror(t->fp) ? cart_fail(e, CART_IO, _("writing the text report failed")) : CART_OK;
}

static void txt_page_lines(void *impl, int n)
{
	((txt *)impl)->page_lines = n;
}

static const rpt_sink txt_sink = { txt_begin, txt_table, txt_row, NULL, txt_end };
const rnd_ops rnd_txt_ops = { &txt_sink, txt_open, txt_close, txt_page_lines };
