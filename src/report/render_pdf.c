/* PDF through libharu with the standard Helvetica fonts in WinAnsi encoding: they cover Spanish
 * (ñ á é í ó ú ü ¿ ¡ €), need nothing embedded, and keep a page under a millisecond and a file a
 * few kilobytes (an embedded TrueType font costs ~25 ms and ~180 KB a file: /work/shared/
 * PERFORMANCE.md). Text is converted from UTF-8 to Windows-1252; what that lacks prints as '?'
 * and is counted, so the command can say so.
 *
 * A4 pages, one orientation per report: landscape when a table's columns need it, decided from
 * every table of a kept report, or from the first table of a streamed one (its later tables take
 * a smaller type rather than a turned page). A table that breaks across pages repeats the page
 * header and its column headers, and a client's rows going on repeat the client's heading
 * ("… (cont.)"). A total never starts a page: the rows after a data row (its totals) are held
 * and go to a new page together with that data row when they do not all fit; a table's title
 * and header go with its first rows, and the last table's last rows take the report's closing
 * notes along the same way. "page X of Y" is drawn on every page of a report at its
 * end, when the count is known (libharu keeps every page editable until the file is saved). Many
 * reports in one file are numbered each on its own. libharu's errors are recorded by the error
 * handler and checked after each row; nothing jumps. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "cartera/i18n.h"
#include "render_int.h"

#define MARGIN 36.0f
#define BODY 8.5f
#define LEAD 11.5f
#define GAP 6.0f
#define HOLD 16           /* rows held at most: a data row and the totals after it */

/* A row a table's chart draws, kept until the table ends. */
typedef struct chart_row {
	char cat[64];
	int has[RPT_CHART_SERIES];
	int64_t v[RPT_CHART_SERIES];
	char fig[RPT_CHART_SERIES][48];
} chart_row;

typedef struct pdf {
	HPDF_Doc doc;
	HPDF_Font font, bold;
	HPDF_STATUS err, detail;
	char path[1024];
	FILE *fp;                 /* the file, opened (so checked) before the work, written last */
	HPDF_Page *pages;
	int npages, cap, first;
	HPDF_Page page;
	float pw, ph, y;
	int landscape;
	const report *r;
	const rpt_table *t;
	int ncols;
	float cx[RPT_MAX_COLS], cw[RPT_MAX_COLS];
	float fs, lead;           /* the table's type size and line height */
	int last_style;
	long replaced;
	HPDF_Image logo;          /* the company's logo, loaded once (issue 16) */
	int logo_tried;
	int info_set;             /* title and author set from the first report */
	float logo_w;             /* room the logo takes on this page's right, 0 none */
	chart_row ch[RPT_CHART_ROWS];
	int nch;
	int orient;               /* the report's: -1 not yet known, 0 portrait, 1 landscape */
	/* rows held until it is known whether a total follows (see the top) */
	struct held {
		int style;
		int ncells;
		rpt_cell cells[RPT_MAX_COLS];
		char text[RPT_MAX_COLS][256];
	} held[HOLD];
	int nheld;
	char section[256];        /* the table's last section heading: repeated on a new page */
	int cont;                 /* a new page of this table repeats the heading */
	int head_due;             /* the table's header waits for its first rows */
} pdf;

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
	pdf *p = user_data;

	if (!p->err) {
		p->err = error_no;
		p->detail = detail_no;
	}
}

static int check(pdf *p, cart_err *e)
{
	if (!p->err)
		return CART_OK;
	return cart_fail(e, CART_IO, _("the PDF library failed (error 0x%04X, detail %u)"),
	                 (unsigned)p->err, (unsigned)p->detail);
}

static int pdf_open(const char *path, FILE *fp, int width, void **impl, cart_err *e)
{
	pdf *p;
	FILE *probe;

	(void)fp;
	(void)width;
	/* the file is written at the end: find a bad path before the work, not after, and keep
	 * it open (opening it twice costs a tenth of a one-page statement) */
	if (!(probe = fopen(path, "wb"))) {
		int err = errno;

		return cart_fail(e, CART_IO, _("cannot write %s: %s"), path, strerror(err));
	}
	if (!(p = calloc(1, sizeof *p))) {
		fclose(probe);
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	}
	p->fp = probe;
	snprintf(p->path, sizeof p->path, "%s", path);
	p->doc = HPDF_New(on_error, p);
	if (!p->doc) {
		fclose(p->fp);
		free(p);
		return cart_fail(e, CART_NOMEM, _("the PDF library could not start"));
	}
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	p->font = HPDF_GetFont(p->doc, "Helvetica", "WinAnsiEncoding");
	p->bold = HPDF_GetFont(p->doc, "Helvetica-Bold", "WinAnsiEncoding");
	if (check(p, e) != CART_OK) {
		HPDF_Free(p->doc);
		fclose(p->fp);
		free(p);
		return e->code;
	}
	*impl = p;
	return CART_OK;
}

static int pdf_close(void *impl, int abort, long *replaced, cart_err *e)
{
	pdf *p = impl;
	int rc = CART_OK;

	*replaced = p->replaced;
	if (!abort) {
		if (!p->npages && !p->err)
			HPDF_AddPage(p->doc); /* a PDF needs a page */
		if (!p->err && HPDF_SaveToStream(p->doc) != HPDF_OK)
			rc = cart_fail(e, CART_IO, _("cannot write the PDF %s (error 0x%04X)"), p->path,
			               (unsigned)p->err);
		else if (p->err)
			rc = check(p, e);
		/* the document, built in libharu's memory stream, into the file opened at the start */
		while (rc == CART_OK) {
			HPDF_BYTE buf[8192];
			HPDF_UINT32 len = sizeof buf;
			HPDF_STATUS st = HPDF_ReadFromStream(p->doc, buf, &len);

			if (len && fwrite(buf, 1, len, p->fp) != len)
				rc = cart_fail(e, CART_IO, _("cannot write %s: %s"), p->path, strerror(errno));
			if (st == HPDF_STREAM_EOF)
				break;
			if (st != HPDF_OK)
				rc = cart_fail(e, CART_IO, _("cannot write the PDF %s (error 0x%04X)"),
				               p->path, (unsigned)st);
		}
	}
	if (fclose(p->fp) != 0 && rc == CART_OK && !abort)
		rc = cart_fail(e, CART_IO, _("cannot write %s: %s"), p->path, strerror(errno));
	HPDF_Free(p->doc);
	free(p->pages);
	free(p);
	return rc;
}

/* ---- text ---- */

static float text_w(HPDF_Font f, float size, const char *cp1252)
{
	HPDF_TextWidth tw = HPDF_Font_TextWidth(f, (const HPDF_BYTE *)cp1252, (HPDF_UINT)strlen(cp1252));

	return (float)tw.width * size / 1000.0f;
}

/* Draw UTF-8 text at x (left), x + w (right) or centred, cut with an ellipsis to fit w when
 * w > 0. Must be inside BeginText/EndText with the font set. */
static void put(pdf *p, HPDF_Font f, float size, float x, float y, float w, int align,
                const char *utf8)
{
	char buf[1024];
	size_t n = rnd_utf8_to_cp1252(utf8, buf, sizeof buf, &p->replaced);
	float tw = text_w(f, size, buf);

	if (w > 0 && tw > w && align != RPT_RIGHT) {
		/* cut, then "…" (0x85 in Windows-1252) */
		while (n > 0 && tw > w) {
			buf[--n] = '\0';
			buf[n > 0 ? n - 1 : 0] = '\x85';
			tw = text_w(f, size, buf);
		}
	}
	if (align == RPT_RIGHT && w > 0)
		x += w - tw;
	else if (align == RPT_CENTER && w > 0)
		x += (w - tw) / 2;
	HPDF_Page_SetFontAndSize(p->page, f, size);
	HPDF_Page_TextOut(p->page, x, y, buf);
}

static void hline(pdf *p, float x0, float x1, float y)
{
	HPDF_Page_SetLineWidth(p->page, 0.5f);
	HPDF_Page_MoveTo(p->page, x0, y);
	HPDF_Page_LineTo(p->page, x1, y);
	HPDF_Page_Stroke(p->page);
}

/* ---- pages ---- */

static void col_headers(pdf *p)
{
	const rpt_table *t = p->t;

	if (t->title[0]) {
		HPDF_Page_BeginText(p->page);
		put(p, p->bold, 10, MARGIN, p->y - 10, 0, RPT_LEFT, t->title);
		HPDF_Page_EndText(p->page);
		p->y -= 16;
	}
	HPDF_Page_BeginText(p->page);
	for (int i = 0; i < p->ncols; i++)
		put(p, p->bold, p->fs, p->cx[i], p->y - p->fs, p->cw[i], t->cols[i].align, t->cols[i].name);
	HPDF_Page_EndText(p->page);
	p->y -= p->lead;
	hline(p, MARGIN, p->pw - MARGIN, p->y + 2);
	p->y -= 2;
	p->last_style = RPT_ROW_DATA;
	if (p->cont && p->section[0]) {
		char cont[300];

		/* TRANSLATORS: a client's heading on the page its rows go on to */
		snprintf(cont, sizeof cont, _("%s (cont.)"), p->section);
		HPDF_Page_BeginText(p->page);
		p->y -= 3;
		put(p, p->bold, p->fs + 0.5f, MARGIN, p->y - p->fs, p->pw - 2 * MARGIN, RPT_LEFT, cont);
		HPDF_Page_EndText(p->page);
		p->y -= p->lead;
	}
}

#define LOGO_H 48.0f
#define LOGO_MAX_W 150.0f

static void pdf_text_conv(const char *utf8, char *out, size_t size)
{
	long lost = 0;

	rnd_utf8_to_cp1252(utf8, out, size, &lost);
}

/* What a report's first page carries besides text: the company's logo at the top right (a file
 * that cannot be read or decoded is left out, never failing the report), a bookmark naming the
 * client (a combined PDF of many statements) and, from the first report, the file's title and
 * author (the company). */
static void letterhead_extras(pdf *p, const report *r)
{
	char buf[400];
	HPDF_Outline o;
	HPDF_Destination d;

	p->logo_w = 0;
	if (r->logo[0] && !p->logo_tried) {
		FILE *f = fopen(r->logo, "rb");
		unsigned char head[4] = { 0, 0, 0, 0 };

		p->logo_tried = 1;
		if (f) {
			if (fread(head, 1, sizeof head, f) == sizeof head)
				p->logo = head[0] == 0x89 ? HPDF_LoadPngImageFromFile(p->doc, r->logo)
				        : head[0] == 0xff ? HPDF_LoadJpegImageFromFile(p->doc, r->logo) : NULL;
			fclose(f);
		}
		if (!p->logo) {
			HPDF_ResetError(p->doc);
			p->err = p->detail = 0;
		}
	}
	if (r->logo[0] && p->logo) {
		float iw = (float)HPDF_Image_GetWidth(p->logo), ih = (float)HPDF_Image_GetHeight(p->logo);
		float h = LOGO_H, w = ih > 0 ? iw * h / ih : 0;

		if (w > LOGO_MAX_W) {
			h = h * LOGO_MAX_W / w;
			w = LOGO_MAX_W;
		}
		if (w > 0) {
			HPDF_Page_DrawImage(p->page, p->logo, p->pw - MARGIN - w, p->ph - MARGIN - h, w, h);
			p->logo_w = w + 12;
		}
	}
	if (!p->info_set) {
		p->info_set = 1;
		pdf_text_conv(r->title, buf, sizeof buf);
		HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, buf);
		pdf_text_conv(r->company, buf, sizeof buf);
		HPDF_SetInfoAttr(p->doc, HPDF_INFO_AUTHOR, buf);
		HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "cartera");
	}
	pdf_text_conv(r->nclient ? r->client[0] : r->title, buf, sizeof buf);
	o = HPDF_CreateOutline(p->doc, NULL, buf, HPDF_GetEncoder(p->doc, "WinAnsiEncoding"));
	if (o && (d = HPDF_Page_CreateDestination(p->page)))
		HPDF_Outline_SetDestination(o, d);
}

static void new_page(pdf *p, int landscape)
{
	const report *r = p->r;
	int full = p->npages == p->first;
	char buf[600];

	if (p->npages == p->cap) {
		int cap = p->cap ? p->cap * 2 : 16;
		HPDF_Page *n = realloc(p->pages, sizeof *n * (size_t)cap);

		if (!n) {
			p->err = HPDF_FAILD_TO_ALLOC_MEM;
			return;
		}
		p->pages = n;
		p->cap = cap;
	}
	p->page = HPDF_AddPage(p->doc);
	if (!p->page)
		return;
	p->pages[p->npages++] = p->page;
	p->landscape = landscape;
	HPDF_Page_SetSize(p->page, HPDF_PAGE_SIZE_A4,
	                  landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
	p->pw = HPDF_Page_GetWidth(p->page);
	p->ph = HPDF_Page_GetHeight(p->page);
	p->y = p->ph - MARGIN;
	if (full)
		letterhead_extras(p, r);
	HPDF_Page_BeginText(p->page);
	if (full) {
		put(p, p->bold, 13, MARGIN, p->y - 13, p->pw - 2 * MARGIN - p->logo_w, RPT_LEFT,
		    r->company);
		p->y -= 17;
		if (r->tax_label[0]) {
			put(p, p->font, 9, MARGIN, p->y - 9, 0, RPT_LEFT, r->tax_label);
			p->y -= 13;
		}
		for (int i = 0; i < r->nletterhead; i++) {
			put(p, p->font, 9, MARGIN, p->y - 9, p->pw - 2 * MARGIN - p->logo_w, RPT_LEFT,
			    r->letterhead[i]);
			p->y -= 12;
		}
		if (p->logo_w > 0 && p->y > p->ph - MARGIN - LOGO_H)
			p->y = p->ph - MARGIN - LOGO_H;
		p->y -= 6;
		put(p, p->bold, 15, MARGIN, p->y - 15, p->pw - 2 * MARGIN, RPT_LEFT, r->title);
		p->y -= 20;
		for (int i = 0; i < r->nlines; i++) {
			put(p, p->font, 9, MARGIN, p->y - 9, p->pw - 2 * MARGIN, RPT_LEFT, r->lines[i]);
			p->y -= 12;
		}
		if (r->nclient)
			p->y -= 6;
		for (int i = 0; i < r->nclient; i++) {
			put(p, i ? p->font : p->bold, 10, MARGIN, p->y - 10, p->pw - 2 * MARGIN, RPT_LEFT,
			    r->client[i]);
			p->y -= 13;
		}
	} else {
		/* later pages: who and what, in one line */
		snprintf(buf, sizeof buf, "%s%s%s", r->company, r->tax_label[0] ? " — " : "",
		         r->tax_label);
		put(p, p->bold, 9, MARGIN, p->y - 9, (p->pw - 2 * MARGIN) / 2, RPT_LEFT, buf);
		snprintf(buf, sizeof buf, "%s%s%s", r->title, r->nclient ? " — " : "",
		         r->nclient ? r->client[0] : "");
		put(p, p->font, 9, p->pw / 2, p->y - 9, (p->pw - 2 * MARGIN) / 2, RPT_RIGHT, buf);
		p->y -= 13;
	}
	HPDF_Page_EndText(p->page);
	p->y -= 8;
	if (p->t) {
		p->head_due = 0;
		col_headers(p);
	}
}

static int layout(const rpt_table *t, int orient, float avail_p, float avail_l, float *cw,
                  float *scale);

static int pdf_begin(void *ud, const report *r, cart_err *e)
{
	pdf *p = ud;

	(void)e;
	p->r = r;
	p->t = NULL;
	p->first = p->npages;
	p->page = NULL;
	p->nheld = 0;
	p->orient = -1;
	/* a kept report (not streaming) shows all its tables: landscape if one needs it */
	if (!r->sink) {
		float cw[RPT_MAX_COLS], scale;

		p->orient = 0;
		for (int i = 0; i < r->ntables; i++)
			if (layout(&r->tables[i], -1, 595.276f - 2 * MARGIN, 841.89f - 2 * MARGIN, cw,
			           &scale))
				p->orient = 1;
	}
	return CART_OK;
}

/* Column places from the wanted widths in characters (figures are narrower than letters in
 * Helvetica). Portrait when the columns fit it with text cut to its minimum (or nearly: up to
 * 15% over, with a smaller type), else landscape;
 * text is cut towards its minimum before anything is scaled, so amounts keep their room; what is
 * left over goes to the widest text column. */
static float char_w(int kind)
{
	return (kind == RPT_TEXT ? 0.60f : 0.556f) * BODY;
}

static int layout(const rpt_table *t, int orient, float avail_p, float avail_l, float *cw,
                  float *scale)
{
	float total = 0, least = 0, avail, cut;
	int land, widest = -1;

	for (int i = 0; i < t->ncols; i++) {
		const rpt_col *c = &t->cols[i];

		cw[i] = (float)c->width * char_w(c->kind) + GAP;
		total += cw[i];
		least += (float)(c->kind == RPT_TEXT ? c->min : c->width) * char_w(c->kind) + GAP;
		if (c->kind == RPT_TEXT && (widest < 0 || c->width > t->cols[widest].width))
			widest = i;
	}
	/* a table a little too wide for portrait takes a slightly smaller type, not a turned page */
	land = orient >= 0 ? orient : least > avail_p * 1.15f;
	avail = land ? avail_l : avail_p;
	if (total > avail && total > least) {
		/* cut every text column by the same share of what it may lose */
		cut = (total - avail) / (total - least);
		if (cut > 1)
			cut = 1;
		for (int i = 0; i < t->ncols; i++) {
			const rpt_col *c = &t->cols[i];

			if (c->kind == RPT_TEXT)
				cw[i] -= (float)(c->width - c->min) * char_w(c->kind) * cut;
		}
		total = 0;
		for (int i = 0; i < t->ncols; i++)
			total += cw[i];
	}
	/* still too wide: a smaller type, down to 70% (6 points), before anything is cut */
	*scale = 1;
	if (total > avail) {
		*scale = avail / total;
		for (int i = 0; i < t->ncols; i++)
			cw[i] *= *scale;
		if (*scale < 0.7f)
			*scale = 0.7f;
	} else if (widest >= 0) {
		cw[widest] += avail - total;
	}
	return land;
}

static int pdf_table(void *ud, const report *r, const rpt_table *t, cart_err *e)
{
	pdf *p = ud;
	float x = MARGIN, scale;
	int land;

	(void)r;
	land = layout(t, p->orient, 595.276f - 2 * MARGIN, 841.89f - 2 * MARGIN, p->cw, &scale);
	if (p->orient < 0)
		p->orient = land;
	p->section[0] = '\0';
	p->cont = 0;
	p->nheld = 0;
	p->fs = BODY * scale;
	p->lead = LEAD * scale;
	p->t = t;
	p->nch = 0;
	p->ncols = t->ncols;
	for (int i = 0; i < t->ncols; i++) {
		p->cx[i] = x;
		x += p->cw[i];
		p->cw[i] -= GAP; /* the gap stays between columns */
	}
	/* a table's title and column header are drawn with its first rows (flush_held), so they
	 * never close a page alone */
	p->head_due = 0;
	if (!p->page || p->landscape != land)
		new_page(p, land);
	else
		p->head_due = 1;
	return check(p, e);
}

/* The title and column header of a table whose first rows are about to be drawn. */
static float head_h(const pdf *p)
{
	return p->head_due ? 10 + (p->t && p->t->title[0] ? 16 : 0) + p->lead + 2 : 0;
}

static void draw_head(pdf *p)
{
	if (!p->head_due)
		return;
	p->head_due = 0;
	p->y -= 10;
	col_headers(p);
}

static float row_h(const pdf *p, int style)
{
	return p->lead + (style == RPT_ROW_SECTION ? 3 : 0);
}

/* Draw one row, on a new page when this one is full. */
static void draw_row(pdf *p, const report *r, const rpt_table *t, const struct held *row)
{
	char cell[512];
	int total = row->style == RPT_ROW_TOTAL || row->style == RPT_ROW_GROUP_TOTAL;

	if (p->y - row_h(p, row->style) < MARGIN + 16) {
		p->cont = row->style != RPT_ROW_SECTION;
		new_page(p, p->landscape);
		p->cont = 0;
	}
	if (p->err)
		return;
	if (total && p->last_style == RPT_ROW_DATA)
		hline(p, MARGIN, p->pw - MARGIN, p->y + 1);
	HPDF_Page_BeginText(p->page);
	if (row->style == RPT_ROW_SECTION) {
		p->y -= 3;
		put(p, p->bold, p->fs + 0.5f, MARGIN, p->y - p->fs, p->pw - 2 * MARGIN, RPT_LEFT,
		    row->ncells ? row->cells[0].s : "");
		snprintf(p->section, sizeof p->section, "%s", row->ncells ? row->cells[0].s : "");
	} else {
		for (int i = 0; i < row->ncells && i < t->ncols; i++) {
			if (row->cells[i].kind == RPT_EMPTY)
				continue;
			rpt_cell_text(r, &row->cells[i], cell, sizeof cell);
			put(p, total ? p->bold : p->font, p->fs, p->cx[i], p->y - p->fs, p->cw[i],
			    t->cols[i].align, cell);
		}
	}
	HPDF_Page_EndText(p->page);
	p->y -= p->lead;
	p->last_style = row->style;
	if (t->chart.kind && row->style == t->chart.rows && p->nch < RPT_CHART_ROWS) {
		chart_row *cr = &p->ch[p->nch++];
		const rpt_chart *ch = &t->chart;

		memset(cr, 0, sizeof *cr);
		if (ch->cat_col < row->ncells)
			rpt_cell_text(r, &row->cells[ch->cat_col], cr->cat, sizeof cr->cat);
		for (int i = 0; i < ch->nseries; i++) {
			const rpt_cell *c;

			if (ch->series[i] >= row->ncells)
				continue;
			c = &row->cells[ch->series[i]];
			cr->has[i] = c->kind == RPT_AMOUNT || c->kind == RPT_INT;
			cr->v[i] = c->v;
			rpt_cell_text(r, c, cr->fig[i], sizeof cr->fig[i]);
		}
	}
}

/* Draw the rows held: on a new page together when they do not all fit on this one (and would
 * on a new one), so a total never opens a page and a heading never closes one. */
static void flush_held(pdf *p, const report *r, const rpt_table *t, float extra)
{
	/* a table's first rows: its header with them, and room for a few rows under it */
	float need = extra + head_h(p) + (p->head_due ? 2 * p->lead : 0);
	int first = p->head_due;

	for (int i = 0; i < p->nheld; i++)
		need += row_h(p, p->held[i].style) + 1;
	if ((p->nheld > 1 || extra > 0 || first) && p->nheld && p->page &&
	    p->y - need < MARGIN + 16 && need < p->ph - 2 * MARGIN - 120) {
		p->cont = !first && p->held[0].style != RPT_ROW_SECTION;
		p->head_due = 0;
		new_page(p, p->landscape);
		p->cont = 0;
	}
	draw_head(p);
	for (int i = 0; i < p->nheld && !p->err; i++)
		draw_row(p, r, t, &p->held[i]);
	p->nheld = 0;
}

static int pdf_row(void *ud, const report *r, const rpt_table *t, const rpt_row *row, cart_err *e)
{
	pdf *p = ud;
	struct held *h;
	int total = row->style == RPT_ROW_TOTAL || row->style == RPT_ROW_GROUP_TOTAL;
	int data_held = 0;

	for (int i = 0; i < p->nheld; i++)
		data_held |= p->held[i].style != RPT_ROW_SECTION;
	/* a new group: a heading, or a data row after a data row or its totals */
	if (p->nheld == HOLD || (!total && data_held) ||
	    (row->style == RPT_ROW_SECTION && p->nheld))
		flush_held(p, r, t, 0);
	h = &p->held[p->nheld++];
	h->style = row->style;
	h->ncells = row->ncells < RPT_MAX_COLS ? row->ncells : RPT_MAX_COLS;
	for (int i = 0; i < h->ncells; i++) {
		h->cells[i] = row->cells[i];
		if (row->cells[i].s) {
			snprintf(h->text[i], sizeof h->text[i], "%s", row->cells[i].s);
			h->cells[i].s = h->text[i];
		}
	}
	return check(p, e);
}

/* ---- pictures (SPEC R7): bars drawn with rectangles, the figures beside them ---- */

static const float palette[][3] = {
	{ 0.16f, 0.40f, 0.75f }, { 0.95f, 0.75f, 0.15f }, { 0.95f, 0.50f, 0.10f },
	{ 0.85f, 0.20f, 0.15f }, { 0.55f, 0.08f, 0.10f }, { 0.20f, 0.60f, 0.30f },
	{ 0.45f, 0.45f, 0.45f }, { 0.60f, 0.30f, 0.70f },
};

static void fill_rect(pdf *p, int colour, float x, float y, float w, float h)
{
	const float *c = palette[colour % (int)(sizeof palette / sizeof palette[0])];

	if (w <= 0)
		return;
	HPDF_Page_SetRGBFill(p->page, c[0], c[1], c[2]);
	HPDF_Page_Rectangle(p->page, x, y, w, h);
	HPDF_Page_Fill(p->page);
	HPDF_Page_SetRGBFill(p->page, 0, 0, 0);
}

static void room(pdf *p, float need)
{
	if (p->y - need < MARGIN + 16) {
		p->t = NULL;
		new_page(p, p->landscape);
	}
}

static void text_at(pdf *p, HPDF_Font f, float size, float x, float y, float w, int align,
                    const char *s)
{
	HPDF_Page_BeginText(p->page);
	put(p, f, size, x, y, w, align, s);
	HPDF_Page_EndText(p->page);
}

/* STACKED: per row (a currency's total) one bar as wide as the page allows, a segment per series
 * in proportion to its figure, then a line per series: its colour, name, figure and share. */
static void draw_stacked(pdf *p, const rpt_table *t)
{
	const rpt_chart *ch = &t->chart;
	float x0 = MARGIN, bw = p->pw - 2 * MARGIN;

	for (int k = 0; k < p->nch && !p->err; k++) {
		const chart_row *cr = &p->ch[k];
		int64_t sum = 0;
		float x = x0;

		for (int i = 0; i < ch->nseries; i++)
			if (cr->has[i] && cr->v[i] > 0)
				sum += cr->v[i];
		room(p, 30 + 12 * (float)ch->nseries);
		text_at(p, p->bold, 9, x0, p->y - 9, bw, RPT_LEFT, cr->cat);
		p->y -= 13;
		for (int i = 0; i < ch->nseries && sum > 0; i++) {
			float w;

			if (!cr->has[i] || cr->v[i] <= 0)
				continue;
			w = (float)((double)cr->v[i] / (double)sum * bw);
			fill_rect(p, i, x, p->y - 12, w, 12);
			x += w;
		}
		p->y -= 17;
		for (int i = 0; i < ch->nseries; i++) {
			char pct[32] = "";

			/* the share in whole percent, rounded half up, in integers */
			if (sum > 0 && cr->has[i])
				snprintf(pct, sizeof pct, "%lld %%", (long long)(((__int128)(cr->v[i] > 0 ? cr->v[i] : 0) * 100 + sum / 2) / sum));
			fill_rect(p, i, x0 + 4, p->y - 8, 8, 8);
			text_at(p, p->font, 8.5f, x0 + 18, p->y - 8, 90, RPT_LEFT, t->cols[ch->series[i]].name);
			text_at(p, p->font, 8.5f, x0 + 110, p->y - 8, 90, RPT_RIGHT, cr->fig[i]);
			text_at(p, p->font, 8.5f, x0 + 205, p->y - 8, 40, RPT_RIGHT, pct);
			p->y -= 11;
		}
		p->y -= 6;
	}
}

/* LINE: per series, a bar per row (a month) in proportion to the largest, the figure beside its
 * end; a row without a figure has no bar. */
static void draw_lines(pdf *p, const rpt_table *t)
{
	const rpt_chart *ch = &t->chart;
	float lw = 70, fw = 70, bw = p->pw - 2 * MARGIN - lw - fw - 8;

	for (int i = 0; i < ch->nseries && !p->err; i++) {
		int64_t max = 0;

		for (int k = 0; k < p->nch; k++)
			if (p->ch[k].has[i] && p->ch[k].v[i] > max)
				max = p->ch[k].v[i];
		room(p, 30);
		text_at(p, p->bold, 9, MARGIN, p->y - 9, 0, RPT_LEFT, t->cols[ch->series[i]].name);
		p->y -= 13;
		for (int k = 0; k < p->nch && !p->err; k++) {
			const chart_row *cr = &p->ch[k];
			float w = 0;

			room(p, 12);
			text_at(p, p->font, 8.5f, MARGIN, p->y - 8.5f, lw, RPT_LEFT, cr->cat);
			if (cr->has[i] && max > 0 && cr->v[i] > 0)
				w = (float)((double)cr->v[i] / (double)max * bw);
			fill_rect(p, i, MARGIN + lw, p->y - 9, w, 9);
			if (cr->has[i])
				text_at(p, p->font, 8.5f, MARGIN + lw + w + 4, p->y - 8.5f, 0, RPT_LEFT, cr->fig[i]);
			p->y -= 12;
		}
		p->y -= 6;
	}
}

static void draw_chart(pdf *p, const rpt_table *t)
{
	if (!t->chart.kind || !p->nch || !p->page)
		return;
	p->t = NULL;
	p->y -= 8;
	room(p, 60);
	if (t->chart.title[0]) {
		text_at(p, p->bold, 10, MARGIN, p->y - 10, 0, RPT_LEFT, t->chart.title);
		p->y -= 16;
	}
	if (t->chart.kind == RPT_CHART_STACKED)
		draw_stacked(p, t);
	else
		draw_lines(p, t);
}

static int pdf_table_end(void *ud, const report *r, const rpt_table *t, cart_err *e)
{
	pdf *p = ud;
	/* the report's closing notes, known by its last table's end, stay with its last rows */
	float notes = !t->chart.kind && r->nnotes ? 12 + 12 * (float)r->nnotes : 0;

	flush_held(p, r, t, notes);
	if (p->head_due && p->y - head_h(p) < MARGIN + 16)
		new_page(p, p->landscape);   /* a table without rows: its header alone */
	draw_head(p);
	draw_chart(p, t);
	p->nch = 0;
	p->t = NULL;
	p->y -= 6;
	return check(p, e);
}

static int pdf_end(void *ud, const report *r, cart_err *e)
{
	pdf *p = ud;
	char buf[128];
	int n;

	if (!p->page)
		new_page(p, 0);
	if (r->nnotes)
		p->y -= 6;
	for (int i = 0; i < r->nnotes && !p->err; i++) {
		char line[1024];
		size_t len = rnd_utf8_to_cp1252(r->notes[i], line, sizeof line, &p->replaced);
		const char *s = line;

		/* wrap the note's words to the width */
		while (len > 0 && !p->err) {
			HPDF_REAL real;
			HPDF_UINT fit = HPDF_Font_MeasureText(p->font, (const HPDF_BYTE *)s, (HPDF_UINT)len,
			                                      p->pw - 2 * MARGIN, 9, 0, 0, HPDF_TRUE, &real);
			char part[1024];

			if (fit == 0)
				fit = (HPDF_UINT)len;
			memcpy(part, s, fit);
			part[fit] = '\0';
			if (p->y - 12 < MARGIN + 16) {
				p->t = NULL;
				new_page(p, p->landscape);
			}
			HPDF_Page_BeginText(p->page);
			HPDF_Page_SetFontAndSize(p->page, p->font, 9);
			HPDF_Page_TextOut(p->page, MARGIN, p->y - 9, part);
			HPDF_Page_EndText(p->page);
			p->y -= 12;
			s += fit;
			len -= fit;
			while (len > 0 && *s == ' ') {
				s++;
				len--;
			}
		}
	}
	/* now the count is known: number this report's pages */
	n = p->npages - p->first;
	for (int i = p->first; i < p->npages && !p->err; i++) {
		HPDF_Page pg = p->pages[i];
		float w = HPDF_Page_GetWidth(pg);

		snprintf(buf, sizeof buf, _("page %d of %d"), i - p->first + 1, n);
		p->page = pg;
		HPDF_Page_BeginText(pg);
		put(p, p->font, 8, MARGIN, MARGIN - 12, w - 2 * MARGIN, RPT_RIGHT, buf);
		put(p, p->font, 8, MARGIN, MARGIN - 12, (w - 2 * MARGIN) / 2, RPT_LEFT, r->title);
		HPDF_Page_EndText(pg);
	}
	p->page = NULL;
	return check(p, e);
}

static const rpt_sink pdf_sink = { pdf_begin, pdf_table, pdf_row, pdf_table_end, pdf_end };
const rnd_ops rnd_pdf_ops = { &pdf_sink, pdf_open, pdf_close, NULL };
