/* A kept report on screen, saved and printed (rptview.h). */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rptview.h"
#include "ui_int.h"

#include "cartera/i18n.h"
#include "cartera/lp.h"
#include "cartera/output.h"
#include "cartera/render.h"

/* What the view's dialog is for. */
enum { ASK_FILE = 1, ASK_REPLACE };

/* ---- names ---- */

/* The file name of a path, and its folder (into buf). */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static const char *dir_name(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(buf, size, ".");
	else if (slash == path)
		snprintf(buf, size, "/");
	else
		snprintf(buf, size, "%.*s", (int)(slash - path), path);
	return buf;
}

int rptview_print_file(const char *path, const char *label, char *msg, size_t size)
{
	char dir[PATH_MAX + 64];
	cart_err e;
	const char *printer = getenv("PRINTER");

	if (lp_print(path, printer, &e) != CART_OK) {
		snprintf(msg, size, _("Not printed: %s.\nThe PDF is kept in:\n%s"), e.msg, path);
		return e.code ? e.code : CART_IO;
	}
	/* the file's name first: a narrow status line cuts the folder */
	snprintf(msg, size, _("Sent %s to the printer %s (kept in %s)"), label ? label : base_name(path),
	         printer && *printer ? printer : _("(default)"), dir_name(path, dir, sizeof dir));
	return CART_OK;
}

int rptview_print_report(const report *r, const char *name, char *msg, size_t size)
{
	char path[PATH_MAX + 64];
	cart_err e;

	lp_kept_path(name, ".pdf", path, sizeof path);
	if (ctl_make_parent(path, &e) != CART_OK ||
	    rnd_report_file(r, RND_PDF, path, NULL, &e) != CART_OK) {
		snprintf(msg, size, _("Not printed: %s."), e.msg);
		return e.code ? e.code : CART_IO;
	}
	return rptview_print_file(path, NULL, msg, size);
}

const char *rptview_file_name(const char *path)
{
	return base_name(path);
}

void scr_print_outcome(dialog *d, int rc, const char *msg)
{
	char line[1600], *nl;

	snprintf(line, sizeof line, "%s", msg);
	while ((nl = strchr(line, '\n')))
		*nl = ' ';
	ui_status(rc != CART_OK, "%s", line);
	if (rc != CART_OK)
		dialog_message(d, 0, _("Not printed"), msg);
}

/* ---- the report and its lines ---- */

void rptview_init(rptview *v, const char *name)
{
	memset(v, 0, sizeof *v);
	v->col[0].title = name;
	v->col[0].width = 10;
	v->col[0].flex = 1;
	listview_init(&v->lv, v->col, 1, -1);
	report_init(&v->r, NULL);
	v->built = 1;
	v->win_table = -1;
}

/* Forget the window's rows (the report they belong to goes or changes). */
static void win_drop(rptview *v)
{
	if (v->win_have)
		report_free(&v->win);
	v->win_have = 0;
	v->win_from = 0;
}

void rptview_free(rptview *v)
{
	dialog_free(&v->dlg);
	if (v->built)
		report_free(&v->r);
	v->built = 0;
	win_drop(v);
	v->win_table = -1;
	free(v->need);
	free(v->page);
	v->need = NULL;
	v->page = NULL;
	v->page_cap = 0;
}

report *rptview_begin(rptview *v, const company *co)
{
	if (v->built)
		report_free(&v->r);
	report_init(&v->r, co);
	v->built = 1;
	win_drop(v);
	v->win_table = -1;
	v->win_n = 0;
	v->win_rows = NULL;
	v->win_full = NULL;
	return &v->r;
}

void rptview_window(rptview *v, int table, long n, rptview_rows_fn rows, rptview_full_fn full,
                    void *ud)
{
	win_drop(v);
	v->win_table = table;
	v->win_n = n;
	v->win_rows = rows;
	v->win_full = full;
	v->win_ud = ud;
}

/* ---- the window's rows ---- */

/* The line of the report where the window's rows begin (after its table's title and header). */
static long win_base(const rptview *v)
{
	long base = 0;

	for (int k = 0; k < v->win_table && k < v->r.ntables; k++)
		base += (v->r.tables[k].title[0] ? 2 : 1) + v->r.tables[k].nrows;
	if (v->win_table < v->r.ntables)
		base += v->r.tables[v->win_table].title[0] ? 2 : 1;
	return base;
}

static int windowed(const rptview *v)
{
	return v->win_table >= 0 && v->win_table < v->r.ntables && v->win_rows;
}

/* The report's lines with the window's rows in place. */
static long all_lines(const rptview *v)
{
	return report_lines(&v->r) + (windowed(v) ? v->win_n : 0);
}

static long win_kept(const rptview *v)
{
	return v->win_have && v->win.ntables ? v->win.tables[0].nrows : 0;
}

/* Line i as report_line_at gives it, the window's rows in place: one not read yet has no row. */
static int line_at(const rptview *v, long i, rpt_line *ln)
{
	long base, k;

	if (!windowed(v))
		return report_line_at(&v->r, i, ln);
	base = win_base(v);
	if (i < base)
		return report_line_at(&v->r, i, ln);
	if (i >= base + v->win_n)
		return report_line_at(&v->r, i - v->win_n, ln);
	k = i - base;
	ln->kind = RPT_LINE_ROW;
	ln->table = &v->r.tables[v->win_table];
	ln->row = k >= v->win_from && k < v->win_from + win_kept(v)
	          ? &v->win.tables[0].rows[k - v->win_from] : NULL;
	return 1;
}

/* The widest text of each column of the window's rows too, as measure() takes the report's:
 * a column gives up room only down to what its rows on screen need. */
static void win_measure(rptview *v)
{
	char text[512];
	const rpt_table *t;

	if (!v->need || !win_kept(v))
		return;
	t = &v->win.tables[0];
	for (long i = 0; i < t->nrows; i++)
		for (int c = 0; c < t->rows[i].ncells && c < v->r.tables[v->win_table].ncols; c++) {
			int w;

			rpt_cell_text(&v->r, &t->rows[i].cells[c], text, sizeof text);
			if ((w = utf8_width(text)) > v->need[v->win_table][c])
				v->need[v->win_table][c] = w;
		}
}

/* Make sure the window's rows [from, to) are read: a page on either side too, so that moving
 * within it reads nothing. -1 when they could not be read (said on the status line). */
static int win_load(rptview *v, long from, long to)
{
	long page = to - from, a, b;
	cart_err e;

	if (from < 0)
		from = 0;
	if (to > v->win_n)
		to = v->win_n;
	if (from >= to || (from >= v->win_from && to <= v->win_from + win_kept(v)))
		return 0;
	a = from - page / 2 > 0 ? from - page / 2 : 0;
	b = to + page / 2 < v->win_n ? to + page / 2 : v->win_n;
	win_drop(v);
	if (v->win_rows(v->win_ud, a, (int)(b - a), &v->win, &e) != CART_OK) {
		report_free(&v->win);
		ui_status(1, "%s", e.msg);
		return -1;
	}
	v->win_have = 1;
	v->win_from = a;
	win_measure(v);
	return 0;
}

/* The widest text of every column, so that amounts can give up the room their column keeps for
 * larger figures before anything is cut. */
static void measure(rptview *v)
{
	char text[512];

	free(v->need);
	v->need = calloc((size_t)(v->r.ntables ? v->r.ntables : 1), sizeof *v->need);
	if (!v->need)
		return;
	for (int t = 0; t < v->r.ntables; t++) {
		const rpt_table *tb = &v->r.tables[t];

		for (int c = 0; c < tb->ncols; c++)
			v->need[t][c] = utf8_width(tb->cols[c].name);
		for (long i = 0; i < tb->nrows; i++)
			for (int c = 0; c < tb->rows[i].ncells && c < tb->ncols; c++) {
				int w;

				/* a section heading spans the line: it does not widen its column */
				if (tb->rows[i].style == RPT_ROW_SECTION)
					break;
				rpt_cell_text(&v->r, &tb->rows[i].cells[c], text, sizeof text);
				if ((w = utf8_width(text)) > v->need[t][c])
					v->need[t][c] = w;
			}
		/* rows read a page at a time: text as wide as the column wants, whatever the page
		 * shows, so the columns stay put while the view moves */
		if (t == v->win_table && windowed(v))
			for (int c = 0; c < tb->ncols; c++)
				if (tb->cols[c].kind == RPT_TEXT && tb->cols[c].width > v->need[t][c])
					v->need[t][c] = tb->cols[c].width;
	}
	win_measure(v);
}

int rptview_built(rptview *v, int rc, int keep_cursor)
{
	if (!keep_cursor) {
		v->lv.sel = 0;
		v->lv.top = 0;
		v->xoff = 0;
	}
	if (rc != CART_OK) {
		report_free(&v->r);
		report_init(&v->r, NULL);
		win_drop(v);
		v->win_table = -1;
		listview_set_rows(&v->lv, 0);
		return rc;
	}
	v->head = 0;
	if (v->show_head && v->r.nlines + v->r.nclient > 0)
		v->head = v->r.nlines + v->r.nclient + 1;
	listview_set_rows(&v->lv, v->head + all_lines(v) + (v->r.nnotes ? v->r.nnotes + 1 : 0));
	measure(v);
	return CART_OK;
}

/* How narrow column i may get with nothing cut: its widest text, and never below its narrowest. */
static int floor_of(const rpt_table *t, const int *need, int i)
{
	return need[i] > t->cols[i].min || t->cols[i].kind != RPT_TEXT ? need[i] : t->cols[i].min;
}

/* Widths of a table's columns for the screen's width, and their order on the line: first the
 * columns give up the room beyond their widest text, then text columns give way down to their
 * narrowest; amounts are never cut (what still does not fit is cut at the screen's edge). The
 * columns a report lets go on narrow paper (report_col_drop: a statement's order reference,
 * status and due date) go, when the rest would not fit with them, whole after the others, past
 * the screen's edge: the view scrolls sideways to them. */
static void layout(const rptview *v, const rpt_table *t, int width, int w[RPT_MAX_COLS],
                   int order[RPT_MAX_COLS])
{
	const int *need = v->need ? v->need[t - v->r.tables] : NULL;
	int total = 0, narrowest = 0, n = 0, least[RPT_MAX_COLS];
	unsigned char after[RPT_MAX_COLS] = { 0 };

	for (int i = 0; i < t->ncols; i++) {
		int full = need && need[i] > 0 ? need[i] : t->cols[i].width;

		least[i] = t->cols[i].kind == RPT_TEXT ? t->cols[i].min : full;
		narrowest += least[i] + (i ? 1 : 0);
	}
	while (narrowest > width) {
		int next = -1;

		for (int i = 0; i < t->ncols; i++)
			if (!after[i] && t->cols[i].drop > 0 &&
			    (next < 0 || t->cols[i].drop < t->cols[next].drop))
				next = i;
		if (next < 0)
			break;
		after[next] = 1;
		narrowest -= least[next] + 1;
	}
	for (int i = 0; i < t->ncols; i++)
		if (!after[i])
			order[n++] = i;
	for (int i = 0; i < t->ncols; i++)
		if (after[i]) {
			order[n++] = i;
			w[i] = need && need[i] > 0 ? need[i] : t->cols[i].width;
		}
	if (n > 0 && after[order[n - 1]])
		width--;   /* columns past the edge: its "…" falls on a blank, not on a figure */
	for (int k = 0; k < t->ncols; k++) {
		int i = order[k];

		if (after[i])
			continue;
		w[i] = t->cols[i].width;
		total += w[i] + (k ? 1 : 0);
	}
	/* first what costs nothing: a column at a time off the one with the most room beyond its
	 * widest text (so they stay alike) */
	while (need && total > width) {
		int best = -1;

		for (int i = 0; i < t->ncols; i++)
			if (!after[i] && w[i] > floor_of(t, need, i) &&
			    (best < 0 || w[i] - floor_of(t, need, i) > w[best] - floor_of(t, need, best)))
				best = i;
		if (best < 0)
			break;
		w[best]--;
		total--;
	}
	/* then text is cut, down to its narrowest */
	while (total > width) {
		int best = -1, cut;

		for (int i = 0; i < t->ncols; i++)
			if (!after[i] && w[i] > t->cols[i].min &&
			    (best < 0 || w[i] - t->cols[i].min > w[best] - t->cols[best].min))
				best = i;
		if (best < 0)
			break;
		cut = w[best] - t->cols[best].min;
		if (cut > total - width)
			cut = total - width;
		w[best] -= cut;
		total -= cut;
	}
}

/* One line of a table as text, laid out to the view's width: its title, its header or a row. */
static void table_line(rptview *v, const rpt_line *ln, char *out, size_t size)
{
	int w[RPT_MAX_COLS], order[RPT_MAX_COLS];
	char cell[512], fit[4 * 512 + 8];
	size_t len = 0;

	out[0] = '\0';
	if (ln->kind == RPT_LINE_TITLE) {
		snprintf(out, size, "%s", ln->table->title);
		return;
	}
	if (ln->kind == RPT_LINE_ROW && ln->row->style == RPT_ROW_SECTION && ln->row->ncells) {
		/* a heading inside the table (a client's name) takes the whole line */
		rpt_cell_text(&v->r, &ln->row->cells[0], cell, sizeof cell);
		snprintf(out, size, "%s", cell);
		return;
	}
	layout(v, ln->table, v->width, w, order);
	/* the first column stays when the others scroll sideways, unless it is most of the screen */
	v->frozen = ln->table->ncols > 1 && w[0] + 1 < v->width / 2 ? w[0] + 1 : 0;
	for (int at = 0; at < ln->table->ncols; at++) {
		int c = order[at], right = ln->table->cols[c].align == RPT_RIGHT, k;


		if (w[c] > 512)
			w[c] = 512;
		if (ln->kind == RPT_LINE_HEADER)
			snprintf(cell, sizeof cell, "%s", ln->table->cols[c].name);
		else if (c < ln->row->ncells)
			rpt_cell_text(&v->r, &ln->row->cells[c], cell, sizeof cell);
		else
			cell[0] = '\0';
		if (!v->colat_set && at < RPT_MAX_COLS) {
			v->colat[at] = at ? (v->colat[at - 1] + w[order[at - 1]] + 1) : 0;
			v->ncolat = at + 1;
		}
		k = utf8_fit(cell, w[c], right, fit);
		if (len + (size_t)k + 2 >= size)
			break;
		if (at)
			out[len++] = ' ';
		memcpy(out + len, fit, (size_t)k);
		len += (size_t)k;
	}
	out[len] = '\0';
	if (ln->table->ncols > 1)
		v->colat_set = 1;
}

/* Line i of the screen as text: the head (when shown), the report's lines, then a blank line and
 * its notes. 1 when the line scrolls sideways with the columns (not a title or the head). */
static int line_text(rptview *v, long i, char *out, size_t size)
{
	long n = all_lines(v);
	rpt_line ln;

	out[0] = '\0';
	if (i < v->head) {
		if (i < v->r.nlines)
			snprintf(out, size, "%s", v->r.lines[i]);
		else if (i - v->r.nlines < v->r.nclient)
			snprintf(out, size, "%s", v->r.client[i - v->r.nlines]);
		return 0;
	}
	i -= v->head;
	if (i >= n) {
		if (i > n && i - n - 1 < v->r.nnotes)
			snprintf(out, size, "%s", v->r.notes[i - n - 1]);
		return 1;
	}
	if (!line_at(v, i, &ln) || (ln.kind == RPT_LINE_ROW && !ln.row))
		return 0;
	table_line(v, &ln, out, size);
	return ln.kind != RPT_LINE_TITLE &&
	       !(ln.kind == RPT_LINE_ROW && ln.row->style == RPT_ROW_SECTION);
}

/* What the header row shows with line i of the screen at the top: the header of the table that
 * line belongs to, while the table's own header line is scrolled away (1); else the report's
 * title (0). */
static int header_of(rptview *v, long i, char *out, size_t size)
{
	long n = all_lines(v);
	rpt_line ln;

	snprintf(out, size, "%s", v->r.title);
	i -= v->head;
	if (i < 0 || n == 0)
		return 0;
	if (i >= n)
		i = n - 1;
	if (!line_at(v, i, &ln) || ln.kind != RPT_LINE_ROW)
		return 0;
	ln.kind = RPT_LINE_HEADER;
	ln.row = NULL;
	table_line(v, &ln, out, size);
	return 1;
}

/* A line scrolled sideways by xoff, its first column (v->frozen columns) kept in place. */
static void scroll_line(const rptview *v, char *line)
{
	char *rest = (char *)utf8_skip(line, v->frozen);
	const char *from = utf8_skip(rest, v->xoff);

	memmove(rest, from, strlen(from) + 1);
}

static int fetch(void *ud, long offset, int n)
{
	rptview *v = ud;
	long total = v->lv.rows;
	int got = 0;

	if (n > v->page_cap) {
		char (*p)[RV_LINE_BYTES] = realloc(v->page, (size_t)n * sizeof *p);

		if (!p)
			return -1;
		v->page = p;
		v->page_cap = n;
	}
	v->wide = 0;
	v->colat_set = 0;
	if (windowed(v)) {
		long base = v->head + win_base(v);

		if (win_load(v, offset - base, offset + n - base) < 0)
			return -1;
	}
	for (; got < n && offset + got < total; got++) {
		char *line = v->page[got];
		int w;

		int scrolls = line_text(v, offset + got, line, RV_LINE_BYTES);

		if ((w = utf8_width(line)) > v->wide)
			v->wide = w;
		if (v->xoff > 0 && scrolls)
			scroll_line(v, line);
	}
	return got;
}

static const char *cell(void *ud, int i, int col)
{
	(void)col;
	return ((rptview *)ud)->page[i];
}

int rptview_draw(rptview *v, int y, int x, int h, int w)
{
	const lv_source src = { fetch, cell, v };
	char head[RV_LINE_BYTES];
	const char *from;
	int rc;

	v->width = w;
	if ((rc = listview_draw(&v->lv, &src, y, x, h, w)) < 0)
		return rc;
	/* the list's header row holds the header of the table at the top, so the columns stay
	 * named while their own header line is scrolled away */
	/* the columns' names scroll with them; the report's title stays */
	from = head;
	if (header_of(v, v->lv.top, head, sizeof head) && v->xoff > 0)
		scroll_line(v, head);
	ui_set_role(UR_HEADER);
	ui_put(y, x, w, from, 0);
	ui_set_role(UR_NORMAL);
	return rc;
}

void rptview_draw_dialog(rptview *v)
{
	dialog_draw(&v->dlg);
}

void rptview_count(const rptview *v, char *buf, int size)
{
	listview_count_text(&v->lv, v->r.fmt.thou_sep, buf, size);
}

int rptview_move(rptview *v, int key)
{
	if (key == UK_RIGHT || key == UK_LEFT) {
		int step = v->width > 40 ? v->width / 4 : 10;

		if (v->frozen > 0 && v->ncolat > 2) {
			/* a table: a column at a time after the first one, which stays; whole columns,
			 * so no amount shows cut */
			int at = v->frozen + v->xoff, next = -1, prev = 0;

			for (int c = 1; c < v->ncolat && c < RPT_MAX_COLS; c++) {
				if (v->colat[c] > at && next < 0)
					next = v->colat[c];
				if (v->colat[c] < at)
					prev = v->colat[c];
			}
			if (key == UK_RIGHT && next > 0 && v->wide > v->xoff + v->width)
				v->xoff = next - v->frozen;
			else if (key == UK_LEFT && v->xoff > 0)
				v->xoff = prev > v->frozen ? prev - v->frozen : 0;
			else
				return 0;
			return 1;
		}
		if (key == UK_RIGHT && v->wide > v->xoff + v->width)
			v->xoff += step;
		else if (key == UK_LEFT)
			v->xoff = v->xoff > step ? v->xoff - step : 0;
		else
			return 0;
		return 1;
	}
	/* the list's filter is not used here: only moving */
	if (key == UK_UP || key == UK_DOWN || key == UK_PGUP || key == UK_PGDN || key == UK_HOME ||
	    key == UK_END) {
		listview_handle_key(&v->lv, key);
		return 1;
	}
	return 0;
}

const rpt_row *rptview_row(const rptview *v)
{
	rpt_line ln;

	if (v->lv.sel < v->head || !line_at(v, v->lv.sel - v->head, &ln) ||
	    ln.kind != RPT_LINE_ROW)
		return NULL;
	return ln.row;
}

void rptview_first_ref(rptview *v)
{
	rpt_line ln;
	long n = all_lines(v), base = windowed(v) && v->win_n > 0 ? win_base(v) : -1;

	for (long i = 0; i < n && line_at(v, i, &ln); i++)
		if (i == base || (ln.kind == RPT_LINE_ROW && ln.row && ln.row->ref)) {
			v->lv.sel = v->head + i;   /* drawing scrolls to it, knowing the height */
			return;
		}
}

/* ---- saving and printing ---- */

void rptview_ask_save(rptview *v, int format, const char *title, const char *name)
{
	char file[300];

	snprintf(file, sizeof file, "%s%s", name, rnd_format_ext(format));
	snprintf(v->save_title, sizeof v->save_title, "%s", title);
	v->format = format;
	dialog_prompt(&v->dlg, ASK_FILE, v->save_title, _("The file to write, in the current folder:"),
	              _("File"), 250, file);
}

/* The report to save or print: the one shown, or when it is read a page at a time, the whole
 * of it built into tmp (its rows read once more, as the command line reads them). NULL when it
 * could not be built (said in e). */
static const report *whole(rptview *v, report *tmp, cart_err *e)
{
	if (!windowed(v) || !v->win_full)
		return &v->r;
	ui_status(0, "%s", _("Reading every row of the report..."));
	ui_status_draw();
	refresh();
	if (v->win_full(v->win_ud, tmp, e) != CART_OK)
		return NULL;
	return tmp;
}

static void whole_done(rptview *v, const report *r, report *tmp)
{
	if (r == tmp && r != &v->r)
		report_free(tmp);
}

static void save(rptview *v)
{
	char where[PATH_MAX], dir[PATH_MAX];
	long replaced = 0;
	cart_err e;
	report tmp;
	const report *r = whole(v, &tmp, &e);
	int rc = r ? rnd_report_file(r, v->format, v->path, &replaced, &e) : e.code;

	if (r)
		whole_done(v, r, &tmp);
	if (rc != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	if (!realpath(v->path, where))
		snprintf(where, sizeof where, "%s", v->path);
	/* the file's name first: a narrow status line cuts the folder */
	dir_name(where, dir, sizeof dir);
	if (replaced > 0)
		ui_status_warn(P_("Wrote %s in %s (%ld character printed as '?': the PDF's font lacks "
		                  "it).", "Wrote %s in %s (%ld characters printed as '?': the PDF's "
		                  "font lacks them).", replaced), base_name(where), dir, replaced);
	else
		ui_status(0, _("Wrote %s in %s"), base_name(where), dir);
}

static void file_given(rptview *v)
{
	char text[PATH_MAX + 80];

	dialog_answer_text(&v->dlg, v->path, sizeof v->path);
	if (!v->path[0]) {
		ui_status(1, "%s", _("no file name given: nothing written"));
		return;
	}
	if (rnd_format_of_path(v->path) < 0) {
		strncat(v->path, rnd_format_ext(v->format), sizeof v->path - strlen(v->path) - 1);
	} else if (rnd_format_of_path(v->path) != v->format &&
	           !(v->format == RND_TXT80 && rnd_format_of_path(v->path) == RND_TXT132)) {
		ui_status(1, _("%s: the name does not end in %s; nothing written"), v->path,
		          rnd_format_ext(v->format));
		return;
	}
	if (access(v->path, F_OK) == 0) {
		snprintf(text, sizeof text, _("%s exists. Replace it?"), v->path);
		dialog_confirm(&v->dlg, ASK_REPLACE, _("Replace the file"), text);
		return;
	}
	save(v);
}

int rptview_dialog_key(rptview *v, int key)
{
	int tag = v->dlg.tag, r;

	if (v->dlg.kind == DLG_NONE)
		return 0;
	r = dialog_key(&v->dlg, key);
	if (r == DLG_OPEN || (r & DLG_REQUERY) || !tag)
		return 1;
	if (r == DLG_CANCEL)
		ui_status(0, "%s", tag == ASK_REPLACE ? _("Nothing written.") : "");
	else if (r == DLG_OK && tag == ASK_FILE)
		file_given(v);
	else if (r == DLG_OK && tag == ASK_REPLACE)
		save(v);
	return 1;
}

void rptview_print(rptview *v, const char *name)
{
	char msg[PATH_MAX + 300];

	cart_err e;
	report tmp;
	const report *r = whole(v, &tmp, &e);

	if (!r) {
		scr_print_outcome(&v->dlg, e.code, e.msg);
		return;
	}
	scr_print_outcome(&v->dlg, rptview_print_report(r, name, msg, sizeof msg), msg);
	whole_done(v, r, &tmp);
}

/* Both go to rptview_move (PgUp, Home and End too). */
static int view_move(void *self, int key)
{
	return rptview_move(self, key);
}

const ui_act rptview_acts[RVA_COUNT] = {
	[RVA_MOVE] = UI_ACT(NULL, UK_DOWN, UK_UP, UK_PGDN, 0,
	                    N_("scroll the report (PgUp, PgDn, Home and End too)"), view_move),
	[RVA_SIDE] = UI_ACT(NULL, UK_RIGHT, UK_LEFT, 0, 0,
	                    N_("the columns beyond the screen's edge, when lines are wider"), view_move),
};
