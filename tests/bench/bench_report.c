/* The reports' benchmark (part of `make bench`): on the benchmark ledger, each report beside the
 * bare library doing the same output in the same run.
 *
 *   statement PDF   the statement of the client closest to 1,000 entries, through the report
 *                   model and the PDF renderer (query + model + libharu + file), and libharu alone
 *                   drawing the same cells (already formatted and in WinAnsi) on the same pages;
 *   10,000 PDFs     one-page statements of 10,000 clients, one file each, both ways;
 *   aging XLSX      the aging of every client to XLSX through the model (constant-memory mode),
 *                   and libxlsxwriter alone writing the same cells (rows read beforehand);
 *                   each in a child process so its peak RSS is its own, at two ledger sizes
 *                   (memory must not grow with the rows).
 *
 * The bare writers get their input ready-made (formatted, converted) outside the timing: what
 * they measure is the library's share, so the ratio is cartera's whole cost over that. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>
#include <sqlite3.h>
#include <xlsxwriter.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl.h"
#include "cartera/demo.h"
#include "cartera/i18n.h"
#include "cartera/render.h"
#include "cartera/reports.h"

typedef struct opts {
	const char *db, *small, *dir, *today;
	int64_t clients, invoices, receipts;
	int repeat, statements;
} opts;

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* CPU time of this process: less disturbed than wall time on a shared machine */
static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_d);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void die(const char *what, const char *msg)
{
	fprintf(stderr, "bench_report: %s: %s\n", what, msg);
	exit(1);
}

/* ---- the ledgers ---- */

static int file_ok(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && st.st_size > 0;
}

static void generate(const char *path, int64_t clients, int64_t invoices, int64_t receipts)
{
	ledger *l;
	company co;
	demo_opts d;
	demo_stats st;
	cart_err e = { 0 };
	double t0 = now_ms();

	printf("generating %s: %" PRId64 " clients, %" PRId64 " invoices, %" PRId64 " receipts ...\n",
	       path, clients, invoices, receipts);
	fflush(stdout);
	if (ledger_open(path, LEDGER_OPEN_CREATE, &l, &e) != CART_OK)
		die(path, e.msg);
	demo_company(&co);
	if (ledger_company_set(l, &co, &e) != CART_OK)
		die("company", e.msg);
	demo_defaults(&d);
	d.clients = clients;
	d.invoices = invoices;
	d.receipts = receipts;
	d.quiet = 1;
	if (demo_generate(l, &d, &st, &e) != CART_OK)
		die("generating", e.msg);
	ledger_close(l);
	printf("  generated in %.1f s\n", (now_ms() - t0) / 1e3);
}

static void open_ctl(const char *path, ctl *c)
{
	cart_err e = { 0 };

	if (ctl_open_at(c, path, LEDGER_OPEN_READONLY, &e) != CART_OK)
		die(path, e.msg);
	if (!c->have_company)
		die(path, "no company settings");
}

/* ---- a report flattened for the bare writers: every cell formatted and in WinAnsi ---- */

typedef struct flat_row {
	int bold, section;
	char **cells;
} flat_row;

typedef struct flat_table {
	char *title;
	int ncols;
	char **names;
	int align[RPT_MAX_COLS];
	int width[RPT_MAX_COLS];
	int nrows;
	flat_row *rows;
} flat_table;

typedef struct flat {
	char *company, *taxid, *title, *lines[2 * RPT_MAX_LINES];
	int nlines;
	int ntables;
	flat_table *tables;
	long cells;
} flat;

static char *w(const char *utf8)
{
	char buf[1024];

	rnd_utf8_to_cp1252(utf8, buf, sizeof buf, NULL);
	return strdup(buf);
}

static void flatten(const report *r, flat *f)
{
	char cell[512];

	memset(f, 0, sizeof *f);
	f->company = w(r->company);
	snprintf(cell, sizeof cell, "Tax id %s", r->tax_id);
	f->taxid = w(cell);
	f->title = w(r->title);
	for (int i = 0; i < r->nlines; i++)
		f->lines[f->nlines++] = w(r->lines[i]);
	for (int i = 0; i < r->nclient; i++)
		f->lines[f->nlines++] = w(r->client[i]);
	f->ntables = r->ntables;
	f->tables = calloc((size_t)r->ntables, sizeof *f->tables);
	for (int t = 0; t < r->ntables; t++) {
		const rpt_table *src = &r->tables[t];
		flat_table *ft = &f->tables[t];

		ft->title = w(src->title);
		ft->ncols = src->ncols;
		ft->names = calloc((size_t)src->ncols, sizeof *ft->names);
		for (int c = 0; c < src->ncols; c++) {
			ft->names[c] = w(src->cols[c].name);
			ft->align[c] = src->cols[c].align;
			ft->width[c] = src->cols[c].width;
		}
		ft->nrows = (int)src->nrows;
		ft->rows = calloc((size_t)src->nrows, sizeof *ft->rows);
		for (long k = 0; k < src->nrows; k++) {
			const rpt_row *row = &src->rows[k];

			ft->rows[k].bold = row->style == RPT_ROW_TOTAL || row->style == RPT_ROW_GROUP_TOTAL;
			ft->rows[k].section = row->style == RPT_ROW_SECTION;
			ft->rows[k].cells = calloc((size_t)src->ncols, sizeof(char *));
			for (int c = 0; c < src->ncols; c++) {
				cell[0] = '\0';
				if (c < row->ncells)
					rpt_cell_text(r, &row->cells[c], cell, sizeof cell);
				ft->rows[k].cells[c] = w(cell);
				f->cells++;
			}
		}
	}
}

static void flat_free(flat *f)
{
	free(f->company);
	free(f->taxid);
	free(f->title);
	for (int i = 0; i < f->nlines; i++)
		free(f->lines[i]);
	for (int t = 0; t < f->ntables; t++) {
		flat_table *ft = &f->tables[t];

		for (int c = 0; c < ft->ncols; c++)
			free(ft->names[c]);
		for (int k = 0; k < ft->nrows; k++) {
			for (int c = 0; c < ft->ncols; c++)
				free(ft->rows[k].cells[c]);
			free(ft->rows[k].cells);
		}
		free(ft->names);
		free(ft->rows);
		free(ft->title);
	}
	free(f->tables);
}

/* ---- bare libharu: the same pages drawn directly ---- */

static HPDF_STATUS bare_err;

static void bare_handler(HPDF_STATUS e, HPDF_STATUS d, void *ud)
{
	(void)d;
	(void)ud;
	bare_err = e;
}

typedef struct bare_pdf {
	HPDF_Doc doc;
	HPDF_Font font, bold;
	HPDF_Page pages[4096];
	int npages;
	HPDF_Page page;
	float y, pw;
} bare_pdf;

static void bare_text(bare_pdf *b, HPDF_Font f, float size, float x, float y, float wd, int right,
                      const char *s)
{
	HPDF_Page_SetFontAndSize(b->page, f, size);
	if (right)
		x += wd - HPDF_Page_TextWidth(b->page, s);
	HPDF_Page_TextOut(b->page, x, y, s);
}

static void bare_headers(bare_pdf *b, const flat_table *t, const float *x, const float *wd)
{
	HPDF_Page_BeginText(b->page);
	bare_text(b, b->bold, 10, 36, b->y - 10, 0, 0, t->title);
	b->y -= 16;
	for (int c = 0; c < t->ncols; c++)
		bare_text(b, b->bold, 8.5f, x[c], b->y - 8.5f, wd[c], t->align[c] == RPT_RIGHT,
		          t->names[c]);
	HPDF_Page_EndText(b->page);
	b->y -= 11.5f;
	HPDF_Page_MoveTo(b->page, 36, b->y + 2);
	HPDF_Page_LineTo(b->page, b->pw - 36, b->y + 2);
	HPDF_Page_Stroke(b->page);
	b->y -= 2;
}

static void bare_page(bare_pdf *b, const flat *f, int first)
{
	b->page = HPDF_AddPage(b->doc);
	HPDF_Page_SetSize(b->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	if (b->npages < 4096)
		b->pages[b->npages++] = b->page;
	b->pw = HPDF_Page_GetWidth(b->page);
	b->y = HPDF_Page_GetHeight(b->page) - 36;
	HPDF_Page_BeginText(b->page);
	bare_text(b, b->bold, first ? 13 : 9, 36, b->y - 13, 0, 0, f->company);
	b->y -= 17;
	if (first) {
		bare_text(b, b->font, 9, 36, b->y - 9, 0, 0, f->taxid);
		b->y -= 19;
		bare_text(b, b->bold, 15, 36, b->y - 15, 0, 0, f->title);
		b->y -= 20;
		for (int i = 0; i < f->nlines; i++) {
			bare_text(b, b->font, 9, 36, b->y - 9, 0, 0, f->lines[i]);
			b->y -= 12;
		}
	}
	HPDF_Page_EndText(b->page);
	b->y -= 8;
}

/* The same pages as the renderer: header, tables breaking with their headers repeated, totals
 * in bold, "page X of Y" drawn at the end. */
static int bare_pdf_write(const flat *f, const char *path)
{
	bare_pdf b;
	char num[64];

	memset(&b, 0, sizeof b);
	bare_err = 0;
	b.doc = HPDF_New(bare_handler, NULL);
	HPDF_SetCompressionMode(b.doc, HPDF_COMP_ALL);
	b.font = HPDF_GetFont(b.doc, "Helvetica", "WinAnsiEncoding");
	b.bold = HPDF_GetFont(b.doc, "Helvetica-Bold", "WinAnsiEncoding");
	bare_page(&b, f, 1);
	for (int t = 0; t < f->ntables; t++) {
		const flat_table *ft = &f->tables[t];
		float x[RPT_MAX_COLS], wd[RPT_MAX_COLS], pos = 36;

		for (int c = 0; c < ft->ncols; c++) {
			wd[c] = (float)ft->width[c] * 0.556f * 8.5f;
			x[c] = pos;
			pos += wd[c] + 6;
		}
		if (b.y < 36 + 30 + 46)
			bare_page(&b, f, 0);
		bare_headers(&b, ft, x, wd);
		for (int k = 0; k < ft->nrows; k++) {
			const flat_row *row = &ft->rows[k];

			if (b.y - 11.5f < 52) {
				bare_page(&b, f, 0);
				bare_headers(&b, ft, x, wd);
			}
			HPDF_Page_BeginText(b.page);
			for (int c = 0; c < ft->ncols; c++)
				if (row->cells[c][0])
					bare_text(&b, row->bold ? b.bold : b.font, 8.5f, x[c], b.y - 8.5f,
					          wd[c], ft->align[c] == RPT_RIGHT, row->cells[c]);
			HPDF_Page_EndText(b.page);
			b.y -= 11.5f;
		}
		b.y -= 6;
	}
	for (int i = 0; i < b.npages; i++) {
		snprintf(num, sizeof num, "page %d of %d", i + 1, b.npages);
		b.page = b.pages[i];
		HPDF_Page_BeginText(b.page);
		bare_text(&b, b.font, 8, 36, 24, b.pw - 72, 1, num);
		bare_text(&b, b.font, 8, 36, 24, 0, 0, f->title);
		HPDF_Page_EndText(b.page);
	}
	if (HPDF_SaveToFile(b.doc, path) != HPDF_OK || bare_err) {
		HPDF_Free(b.doc);
		return -1;
	}
	HPDF_Free(b.doc);
	return b.npages;
}

/* ---- cartera: one statement to a PDF file ---- */

static int statement_pdf(ctl *c, int64_t who, const char *path, cart_err *e)
{
	stmt_filter f;
	report r;
	rnd *x;
	int rc;

	stmt_filter_init(&f);
	if ((rc = rnd_open_file(RND_PDF, path, 1, NULL, &x, e)) != CART_OK)
		return rc;
	report_init(&r, &c->co);
	report_stream(&r, rnd_sink(x), rnd_ud(x));
	rc = rpt_statement(c, who, &f, &r, e);
	report_free(&r);
	if (rc != CART_OK) {
		rnd_abort(x);
		return rc;
	}
	return rnd_close(x, NULL, e);
}

static void kept_statement(ctl *c, int64_t who, report *r)
{
	stmt_filter f;
	cart_err e = { 0 };

	stmt_filter_init(&f);
	report_init(r, &c->co);
	if (rpt_statement(c, who, &f, r, &e) != CART_OK)
		die("statement", e.msg);
}

static int count_item(const open_item *it, void *ud)
{
	(void)it;
	(*(long *)ud)++;
	return 0;
}

static int count_line(const stmt_line *ln, void *ud)
{
	(void)ln;
	(*(long *)ud)++;
	return 0;
}

/* What any program printing the statement must read: the open items and the lines. */
static double query_cpu;   /* CPU ms of the last statement_query */

static double statement_query(ctl *c, int64_t who)
{
	char asof[DATE_LEN];
	cart_err e = { 0 };
	long n = 0;
	double t0 = now_ms(), c0 = cpu_ms();

	date_format(date_today(), asof);
	if (ledger_open_items(c->l, who, asof, count_item, &n, &e) != CART_OK ||
	    ledger_statement(c->l, who, asof, count_line, &n, &e) != CART_OK)
		die("statement query", e.msg);
	query_cpu = cpu_ms() - c0;
	return now_ms() - t0;
}

static long rows_of(const report *r)
{
	long n = 0;

	for (int i = 0; i < r->ntables; i++)
		n += r->tables[i].nrows;
	return n;
}

static long long fsize(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long long)st.st_size : 0;
}

static void bench_statement(ctl *c, const opts *o)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int64_t who = 0, n = 0;
	double *tc = calloc((size_t)o->repeat, sizeof *tc), *tb = calloc((size_t)o->repeat, sizeof *tb);
	double *tr = calloc((size_t)o->repeat, sizeof *tr), *tq = calloc((size_t)o->repeat, sizeof *tq);
	double *cc = calloc((size_t)o->repeat, sizeof *cc), *cb = calloc((size_t)o->repeat, sizeof *cb);
	double *cq = calloc((size_t)o->repeat, sizeof *cq);
	char pc[1100], pb[1100];
	cart_err e = { 0 };
	report r;
	flat f;
	int pages = 0;
	double mc, mb, mr, mq;

	if (sqlite3_open_v2(o->db, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT client_id, count(*) AS n FROM entries GROUP BY client_id"
	                       " ORDER BY abs(n - 1000), client_id LIMIT 1", -1, &s, NULL) != SQLITE_OK)
		die("picking the client", sqlite3_errmsg(db));
	if (sqlite3_step(s) == SQLITE_ROW) {
		who = sqlite3_column_int64(s, 0);
		n = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	snprintf(pc, sizeof pc, "%s/statement-cartera.pdf", o->dir);
	snprintf(pb, sizeof pb, "%s/statement-bare.pdf", o->dir);
	kept_statement(c, who, &r);
	flatten(&r, &f);
	for (int i = 0; i < o->repeat; i++) {
		double t0 = now_ms(), c0 = cpu_ms();

		if (statement_pdf(c, who, pc, &e) != CART_OK)
			die("statement PDF", e.msg);
		tc[i] = now_ms() - t0;
		cc[i] = cpu_ms() - c0;
		t0 = now_ms();
		if (rnd_report_file(&r, RND_PDF, pc, NULL, &e) != CART_OK)
			die("statement PDF", e.msg);
		tr[i] = now_ms() - t0;
		t0 = now_ms();
		c0 = cpu_ms();
		if ((pages = bare_pdf_write(&f, pb)) < 0)
			die("bare PDF", "libharu failed");
		tb[i] = now_ms() - t0;
		cb[i] = cpu_ms() - c0;
		tq[i] = statement_query(c, who);
		cq[i] = query_cpu;
	}
	mq = median(tq, o->repeat);
	mc = median(tc, o->repeat);
	mr = median(tr, o->repeat);
	mb = median(tb, o->repeat);
	printf("statement PDF: client %" PRId64 ", %" PRId64 " entries, %ld report lines, %ld cells,"
	       " %d pages (bare)\n", who, n, rows_of(&r), f.cells, pages);
	printf("  cartera (query + model + render + file) %8.2f ms   target < 50 ms  %s\n", mc,
	       mc < 50 ? "ok" : "MISSED");
	printf("  cartera renderer alone (kept report)    %8.2f ms\n", mr);
	printf("  bare libharu, same cells and pages      %8.2f ms\n", mb);
	printf("  the ledger queries alone (open items + lines) %.2f ms\n", mq);
	printf("  overhead: %.2fx over queries + bare libharu; renderer %.2fx over bare libharu"
	       "   target < 1.5x  %s\n", mc / (mq + mb), mr / mb, mc / (mq + mb) < 1.5 ? "ok" : "MISSED");
	printf("  CPU time: cartera %.2f ms, queries %.2f ms, bare libharu %.2f ms: %.2fx\n",
	       median(cc, o->repeat), median(cq, o->repeat), median(cb, o->repeat),
	       median(cc, o->repeat) / (median(cq, o->repeat) + median(cb, o->repeat)));
	printf("  files: cartera %lld bytes, bare %lld bytes\n", fsize(pc), fsize(pb));
	flat_free(&f);
	report_free(&r);
	unlink(pc);
	unlink(pb);
	free(tc);
	free(tb);
	free(tr);
	free(tq);
	free(cc);
	free(cb);
	free(cq);
}

static void bench_many(ctl *c, const opts *o)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int64_t *ids = calloc((size_t)o->statements, sizeof *ids);
	int n = 0, maxpages = 0;
	double tc, tb = 0, tq = 0, tm = 0, t0, cc, cb = 0, cq = 0, c0;
	long long bytes = 0;
	long lines = 0;
	char path[1100];
	cart_err e = { 0 };

	if (sqlite3_open_v2(o->db, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT client_id FROM entries GROUP BY client_id"
	                       " HAVING count(*) BETWEEN 1 AND 22 ORDER BY count(*) DESC, client_id LIMIT ?",
	                       -1, &s, NULL) != SQLITE_OK)
		die("picking clients", sqlite3_errmsg(db));
	sqlite3_bind_int(s, 1, o->statements);
	while (sqlite3_step(s) == SQLITE_ROW && n < o->statements)
		ids[n++] = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);

	/* one untimed pass first, so that cartera and the bare queries both find the pages cached */
	for (int i = 0; i < n; i++)
		statement_query(c, ids[i]);
	t0 = now_ms();
	c0 = cpu_ms();
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/st-%" PRId64 ".pdf", o->dir, ids[i]);
		if (statement_pdf(c, ids[i], path, &e) != CART_OK)
			die("statement PDF", e.msg);
	}
	tc = now_ms() - t0;
	cc = cpu_ms() - c0;
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/st-%" PRId64 ".pdf", o->dir, ids[i]);
		bytes += fsize(path);
		unlink(path);
	}
	/* bare: the same statements flattened (not timed), each written by libharu (timed) */
	for (int i = 0; i < n; i++) {
		report r;
		flat f;
		double t1;
		int pages;

		tq += statement_query(c, ids[i]);
		cq += query_cpu;
		t1 = now_ms();
		kept_statement(c, ids[i], &r);
		tm += now_ms() - t1;
		lines += rows_of(&r);
		flatten(&r, &f);
		snprintf(path, sizeof path, "%s/bare-%" PRId64 ".pdf", o->dir, ids[i]);
		t1 = now_ms();
		c0 = cpu_ms();
		pages = bare_pdf_write(&f, path);
		tb += now_ms() - t1;
		cb += cpu_ms() - c0;
		if (pages > maxpages)
			maxpages = pages;
		flat_free(&f);
		report_free(&r);
	}
	/* like cartera's, the bare files stay until all are written (writing 10,000 new files costs
	 * the kernel more than rewriting one) */
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/bare-%" PRId64 ".pdf", o->dir, ids[i]);
		unlink(path);
	}
	printf("one-page statements: %d clients (at most 22 entries, the most first: %.1f report lines on average,"
	       " at most %d page%s), one PDF file each\n", n, n ? (double)lines / n : 0, maxpages,
	       maxpages == 1 ? "" : "s");
	printf("  cartera (query + model + render + file) %8.2f s    target < 20 s   %s   (%.2f ms"
	       " each, %.1f KB each)\n", tc / 1e3, tc < 20000 ? "ok" : "MISSED", tc / n,
	       n ? (double)bytes / n / 1024 : 0);
	printf("  bare libharu, same cells and pages      %8.2f s\n", tb / 1e3);
	printf("  the ledger queries alone                %8.2f s\n", tq / 1e3);
	printf("  cartera's statement model alone (kept)  %8.2f s\n", tm / 1e3);
	printf("  CPU time: cartera %.2f s, queries %.2f s, bare libharu %.2f s: %.2fx\n", cc / 1e3,
	       cq / 1e3, cb / 1e3, cc / (cq + cb));
	printf("  overhead: %.2fx over queries + bare libharu (%.2fx over bare libharu alone)"
	       "   target < 1.5x  %s\n", tc / (tq + tb), tc / tb, tc / (tq + tb) < 1.5 ? "ok" : "MISSED");
	free(ids);
}

/* ---- aging to XLSX, in child processes ---- */

typedef struct arow {
	char *name;
	char cur[4];
	int64_t v[LEDGER_MAX_RANGES + 5];
} arow;

typedef struct arows {
	arow *r;
	int n, cap, nv;
} arows;

static int collect(const aging_row *row, void *ud)
{
	arows *a = ud;
	arow *x;

	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 1024;
		a->r = realloc(a->r, sizeof *a->r * (size_t)a->cap);
		if (!a->r)
			return 1;
	}
	x = &a->r[a->n++];
	x->name = strdup(row->name);
	memcpy(x->cur, row->currency, 4);
	a->nv = 0;
	x->v[a->nv++] = row->not_due;
	for (int i = 0; i <= 3; i++)
		x->v[a->nv++] = row->range[i];
	x->v[a->nv++] = row->open_charges;
	x->v[a->nv++] = -row->credits;
	x->v[a->nv++] = row->net;
	return 0;
}

static int count_row(const aging_row *row, void *ud)
{
	(void)row;
	(*(long *)ud)++;
	return 0;
}

/* libxlsxwriter alone: the same sheet (header block, frozen header row, the rows, SUMIF totals
 * with values, autofilter) from rows read beforehand. */
static int bare_xlsx(const arows *a, const char *path, const char *asof)
{
	lxw_workbook_options opt = { 0 };
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *money, *moneyb, *hdr;
	static const char *const names[] = { "Client", "Cur.", "Not due", "1-30", "31-60", "61-90",
	                                     "Over 90", "Open charges", "Credits", "Net" };
	int64_t tot[16] = { 0 };
	lxw_row_t row = 0, first;
	char f[256], buf[64];

	opt.constant_memory = LXW_TRUE;
	wb = workbook_new_opt(path, &opt);
	ws = workbook_add_worksheet(wb, "Aging");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	hdr = workbook_add_format(wb);
	format_set_bold(hdr);
	format_set_bottom(hdr, LXW_BORDER_THIN);
	money = workbook_add_format(wb);
	format_set_num_format(money, "#,##0.00");
	moneyb = workbook_add_format(wb);
	format_set_num_format(moneyb, "#,##0.00");
	format_set_bold(moneyb);
	worksheet_write_string(ws, row++, 0, "Distribuidora", bold);
	worksheet_write_string(ws, row++, 0, "Tax id", NULL);
	worksheet_write_string(ws, row++, 0, "Aging of receivables", bold);
	snprintf(buf, sizeof buf, "As of %s", asof);
	worksheet_write_string(ws, row++, 0, buf, NULL);
	worksheet_write_string(ws, row++, 0, "Aging", bold);
	row++;
	for (int c = 0; c < 10; c++) {
		worksheet_write_string(ws, row, (lxw_col_t)c, names[c], hdr);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, c ? 15 : 32, NULL);
	}
	row++;
	worksheet_freeze_panes(ws, row, 0);
	first = row;
	for (int i = 0; i < a->n; i++, row++) {
		worksheet_write_string(ws, row, 0, a->r[i].name, NULL);
		worksheet_write_string(ws, row, 1, a->r[i].cur, NULL);
		for (int k = 0; k < a->nv; k++) {
			worksheet_write_number(ws, row, (lxw_col_t)(2 + k), (double)a->r[i].v[k] / 100,
			                       money);
			tot[k] += a->r[i].v[k];
		}
	}
	worksheet_autofilter(ws, first - 1, 0, row - 1, 9);
	worksheet_write_string(ws, row, 0, "Total COP", bold);
	worksheet_write_string(ws, row, 1, "COP", bold);
	for (int k = 0; k < a->nv; k++) {
		char col = (char)('C' + k);

		snprintf(f, sizeof f, "=SUMIF(B%u:B%u,\"COP\",%c%u:%c%u)", (unsigned)first + 1,
		         (unsigned)row, col, (unsigned)first + 1, col, (unsigned)row);
		worksheet_write_formula_num(ws, row, (lxw_col_t)(2 + k), f, moneyb, (double)tot[k] / 100);
	}
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

static const char *self_path;

/* One aging in this process (a fresh one, started by aging_child): which 0 = cartera, 1 = bare
 * libxlsxwriter, 2 = the queries alone. Writes "ms rows" to fd. */
static int aging_run(const char *dbpath, int which, const char *out, int fd)
{
	{
		ctl c;
		cart_err e = { 0 };
		double t0;
		long n = 0;
		char asof[DATE_LEN], line[128];

		open_ctl(dbpath, &c);
		date_format(date_today(), asof);
		if (which == 0) {
			report r;
			rnd *x;

			t0 = now_ms();
			if (rnd_open_file(RND_XLSX, out, 1, NULL, &x, &e) != CART_OK)
				_exit(1);
			report_init(&r, &c.co);
			report_stream(&r, rnd_sink(x), rnd_ud(x));
			if (rpt_aging(&c, asof, &r, &e) != CART_OK || rnd_close(x, NULL, &e) != CART_OK)
				_exit(1);
			report_free(&r);
			t0 = now_ms() - t0;
			/* the rows it wrote: ask the ledger again, counting (not timed) */
			ledger_aging(c.l, asof, c.co.ranges, c.co.n_ranges, count_row, &n, &e);
		} else if (which == 2) {
			balance b[LEDGER_MAX_CURRENCIES];
			totals tt[LEDGER_MAX_CURRENCIES];
			int nb, nt;

			/* the report's queries: the aging, and the dashboard totals and the ledger's
			 * balance per currency that its check table proves the aging against (the same
			 * calls rpt_aging makes) */
			t0 = now_ms();
			if (ledger_aging(c.l, asof, c.co.ranges, c.co.n_ranges, count_row, &n, &e) != CART_OK ||
			    ledger_totals(c.l, 0, asof, tt, &nt, &e) != CART_OK)
				_exit(1);
			nb = 0;
			for (int k = 0; k < nt; k++)
				if (ledger_balance_currency(c.l, tt[k].currency, asof, &b[nb++], &e) != CART_OK)
					_exit(1);
			t0 = now_ms() - t0;
		} else if (which == 3) {
			/* what the aging screen holds: the report kept in memory, and every cell
			 * formatted once (the screen measures its columns so) */
			report r;
			char cell[512];

			t0 = now_ms();
			report_init(&r, &c.co);
			if (rpt_aging(&c, asof, &r, &e) != CART_OK)
				_exit(1);
			for (int t = 0; t < r.ntables; t++)
				for (long i = 0; i < r.tables[t].nrows; i++)
					for (int k = 0; k < r.tables[t].rows[i].ncells; k++)
						rpt_cell_text(&r, &r.tables[t].rows[i].cells[k], cell, sizeof cell);
			t0 = now_ms() - t0;
			for (long i = 0; r.ntables && i < r.tables[0].nrows; i++)
				n += r.tables[0].rows[i].style == RPT_ROW_DATA;
			report_free(&r);
		} else {
			arows a = { 0 };

			if (ledger_aging(c.l, asof, c.co.ranges, c.co.n_ranges, collect, &a, &e) != CART_OK)
				_exit(1);
			n = a.n;
			t0 = now_ms();
			if (bare_xlsx(&a, out, asof) != 0)
				_exit(1);
			t0 = now_ms() - t0;
		}
		snprintf(line, sizeof line, "%.3f %ld\n", t0, n);
		if (write(fd, line, strlen(line)) < 0)
			_exit(1);
		_exit(0);
	}
}

/* Run one aging in a fresh process (exec'd, so its peak RSS is its own and not this one's);
 * returns its time (ms, measured inside it), rows and peak RSS (KiB). */
static double child_cpu; /* CPU ms of the last child, user + system */

static int aging_child(const char *dbpath, int which, const char *out, double *ms, long *rows,
                       long *rss)
{
	int fd[2];
	pid_t pid;
	struct rusage ru;
	int status;
	char line[128], w[8], f[16];
	ssize_t got;

	if (pipe(fd) != 0)
		return -1;
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		close(fd[0]);
		snprintf(w, sizeof w, "%d", which);
		snprintf(f, sizeof f, "%d", fd[1]);
		execl(self_path, self_path, "--aging-child", w, dbpath, out, f, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	got = read(fd[0], line, sizeof line - 1);
	close(fd[0]);
	if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    got <= 0)
		return -1;
	line[got] = '\0';
	if (sscanf(line, "%lf %ld", ms, rows) != 2)
		return -1;
	*rss = ru.ru_maxrss;
	child_cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	            (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	return 0;
}

static void bench_aging(const opts *o)
{
	const char *dbs[2] = { o->small, o->db };
	char pc[1100], pb[1100];

	snprintf(pc, sizeof pc, "%s/aging-cartera.xlsx", o->dir);
	snprintf(pb, sizeof pb, "%s/aging-bare.xlsx", o->dir);
	for (int k = 0; k < 2; k++) {
		double *tc = calloc((size_t)o->repeat, sizeof *tc);
		double *tb = calloc((size_t)o->repeat, sizeof *tb);
		double *tq = calloc((size_t)o->repeat, sizeof *tq);
		long rows = 0, rss_c = 0, rss_b = 0, rss_q = 0, r1, r2, r3;
		double *kc = calloc((size_t)o->repeat, sizeof *kc);
		double *ts = calloc((size_t)o->repeat, sizeof *ts);
		long rss_s = 0, r4;
		double mc, mb, mq;

		for (int i = 0; i < o->repeat; i++) {
			if (aging_child(dbs[k], 0, pc, &tc[i], &rows, &r1) != 0)
				die("aging XLSX", "the cartera child failed");
			kc[i] = child_cpu;
			if (aging_child(dbs[k], 1, pb, &tb[i], &rows, &r2) != 0)
				die("aging XLSX", "the bare child failed");
			if (aging_child(dbs[k], 2, pb, &tq[i], &rows, &r3) != 0)
				die("aging XLSX", "the query child failed");
			if (aging_child(dbs[k], 3, pb, &ts[i], &rows, &r4) != 0)
				die("aging XLSX", "the screen's child failed");
			if (r4 > rss_s)
				rss_s = r4;
			if (r1 > rss_c)
				rss_c = r1;
			if (r2 > rss_b)
				rss_b = r2;
			if (r3 > rss_q)
				rss_q = r3;
		}
		mc = median(tc, o->repeat);
		mb = median(tb, o->repeat);
		mq = median(tq, o->repeat);
		printf("aging to XLSX, %ld rows (%s): cartera %.0f ms; its queries alone %.0f ms, bare"
		       " libxlsxwriter %.0f ms: %.2fx over the two; files %lld / %lld bytes\n", rows,
		       dbs[k], mc, mq, mb, mc / (mq + mb), fsize(pc), fsize(pb));
		printf("  peak RSS of the whole process: cartera %.1f MiB, bare %.1f MiB (it holds the rows"
		       " it was given), the queries alone %.1f MiB\n", rss_c / 1024.0, rss_b / 1024.0,
		       rss_q / 1024.0);
		printf("  CPU time of the whole cartera process (open, query, write, exit): %.0f ms\n",
		       median(kc, o->repeat));
		printf("  the aging screen's report (kept in memory, every cell formatted once): %.0f ms,"
		       " peak RSS %.1f MiB\n", median(ts, o->repeat), rss_s / 1024.0);
		free(kc);
		free(ts);
		if (k == 1)
			printf("  target < 2 s: %s; overhead target < 1.5x: %s\n",
			       mc < 2000 ? "ok" : "MISSED", mc / (mq + mb) < 1.5 ? "ok" : "MISSED");
		free(tc);
		free(tb);
		free(tq);
	}
	unlink(pc);
	unlink(pb);
}

static void print_machine(void)
{
	char line[256], model[200] = "?";
	FILE *f = fopen("/proc/cpuinfo", "r");

	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "model name", 10) && strchr(line, ':')) {
			snprintf(model, sizeof model, "%s", strchr(line, ':') + 2);
			model[strcspn(model, "\n")] = '\0';
			break;
		}
	if (f)
		fclose(f);
	printf("machine: %ld CPUs, %s; libharu %s, libxlsxwriter %s, SQLite %s\n",
	       sysconf(_SC_NPROCESSORS_ONLN), model, HPDF_VERSION_TEXT, LXW_VERSION,
	       sqlite3_libversion());
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "db", required_argument, NULL, 'd' }, { "small-db", required_argument, NULL, 's' },
		{ "dir", required_argument, NULL, 'o' }, { "clients", required_argument, NULL, 'c' },
		{ "invoices", required_argument, NULL, 'i' },
		{ "receipts", required_argument, NULL, 'r' },
		{ "repeat", required_argument, NULL, 'n' },
		{ "statements", required_argument, NULL, 'S' },
		{ "today", required_argument, NULL, 't' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	opts o = { "/tmp/cartera-bench.db", "/tmp/cartera-bench-small.db", "/tmp/cartera-bench-out",
	           "2026-06-30", 50000, 1000000, 750000, 5, 10000 };
	cart_err e = { 0 };
	ctl c;
	int opt;

	self_path = argv[0];
	if (argc == 6 && !strcmp(argv[1], "--aging-child")) {
		/* today comes from CARTERA_TODAY, set by the parent */
		return aging_run(argv[3], atoi(argv[2]), argv[4], atoi(argv[5]));
	}
	while ((opt = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (opt) {
		case 'd': o.db = optarg; break;
		case 's': o.small = optarg; break;
		case 'o': o.dir = optarg; break;
		case 'c': o.clients = strtoll(optarg, NULL, 10); break;
		case 'i': o.invoices = strtoll(optarg, NULL, 10); break;
		case 'r': o.receipts = strtoll(optarg, NULL, 10); break;
		case 'n': o.repeat = atoi(optarg) > 0 ? atoi(optarg) : 1; break;
		case 'S': o.statements = atoi(optarg) > 0 ? atoi(optarg) : 1; break;
		case 't': o.today = optarg; break;
		case 'h':
			printf("usage: bench_report [--db FILE] [--small-db FILE] [--dir DIR] [--clients N]"
			       " [--invoices N] [--receipts N] [--repeat N] [--statements N] [--today D]\n"
			       "Ledgers missing are generated (the small one at a tenth of the size);"
			       " files are written in DIR and removed.\n");
			return 0;
		default:
			return 2;
		}
	}
	if (date_set_today(o.today, &e) != CART_OK)
		die("--today", e.msg);
	setenv("CARTERA_TODAY", o.today, 1); /* for the aging children */
	setvbuf(stdout, NULL, _IOLBF, 0);
	print_machine();
	if (!file_ok(o.db))
		generate(o.db, o.clients, o.invoices, o.receipts);
	if (!file_ok(o.small))
		generate(o.small, o.clients / 10 ? o.clients / 10 : 1, o.invoices / 10 ? o.invoices / 10 : 1,
		         o.receipts / 10);
	if (mkdir(o.dir, 0777) != 0 && errno != EEXIST)
		die(o.dir, strerror(errno));
	/* the reports open the ledgers read-only: bring both to this schema first */
	for (int k = 0; k < 2; k++) {
		if (ctl_open_at(&c, k ? o.small : o.db, 0, &e) != CART_OK)
			die(k ? o.small : o.db, e.msg);
		ctl_close_at(&c);
	}
	open_ctl(o.db, &c);
	printf("ledger %s as of %s, %d runs each (medians)\n\n", o.db, o.today, o.repeat);
	bench_statement(&c, &o);
	bench_many(&c, &o);
	ctl_close_at(&c);
	bench_aging(&o);
	rmdir(o.dir);
	return 0;
}
