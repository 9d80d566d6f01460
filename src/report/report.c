/* The report model: see include/cartera/report.h. Kept rows and their text live in an arena of
 * large blocks, freed at once; a streamed report keeps only the row being built. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/i18n.h"
#include "cartera/report.h"
#include "cartera/papers.h"
#include "cartera/taxid.h"

#define BLOCK_SIZE (256 * 1024)

struct rpt_block {
	rpt_block *next;
	size_t used, size;
	max_align_t data[];
};

static void *arena_alloc(report *r, size_t n)
{
	rpt_block *b = r->arena;
	void *p;

	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!b || b->size - b->used < n) {
		size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;

		b = malloc(sizeof *b + size);
		if (!b)
			return NULL;
		b->size = size;
		b->used = 0;
		b->next = r->arena;
		r->arena = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

static char *arena_strdup(report *r, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = arena_alloc(r, n);

	if (p)
		memcpy(p, s, n);
	return p;
}

/* The company's tax id is kept as typed at init; where the country keeps a DV apart
 * (Colombia, Panama), a valid id gets its DV computed so that it is never printed without. */
static void company_taxid(const company *co, char *out, size_t size)
{
	taxid_check ck;
	const char *id = co->tax_id, *dv = "";

	if (co->tax_id[0] && (!strcmp(co->country, "CO") || !strcmp(co->country, "PA")) &&
	    taxid_validate(co->country, TAXPAYER_LEGAL, 0, co->tax_id, NULL, &ck) == CART_OK &&
	    ck.dv[0]) {
		id = ck.normalized;
		dv = ck.dv;
	}
	taxid_labelled(co->country, co->tax_id_name, id, dv, out, size);
}

void report_init(report *r, const company *co)
{
	memset(r, 0, sizeof *r);
	r->fmt = money_fmt_default;
	if (co) {
		snprintf(r->company, sizeof r->company, "%s", co->name);
		snprintf(r->tax_id, sizeof r->tax_id, "%s", co->tax_id);
		r->fmt = co->fmt;
		r->date_order = co->date_order;
		snprintf(r->encoding, sizeof r->encoding, "%s", co->print_encoding);
		r->page_lines = co->print_page_lines;
		snprintf(r->country, sizeof r->country, "%s", co->country);
		company_taxid(co, r->tax_label, sizeof r->tax_label);
		if (co->address[0])
			snprintf(r->letterhead[r->nletterhead++], sizeof r->letterhead[0], "%s",
			         co->address);
		if (co->phone[0] || co->email[0])
			snprintf(r->letterhead[r->nletterhead++], sizeof r->letterhead[0], "%s%s%s%s",
			         co->phone[0] ? _("Phone ") : "", co->phone,
			         co->phone[0] && co->email[0] ? " · " : "", co->email);
		snprintf(r->logo, sizeof r->logo, "%s", co->logo);
	}
}

void report_client_taxid(report *r, const char *tax_id, const char *dv)
{
	char buf[128];

	taxid_labelled(r->country, NULL, tax_id, dv, buf, sizeof buf);
	if (buf[0])
		report_client_line(r, "%s", buf);
}

void report_free(report *r)
{
	while (r->arena) {
		rpt_block *b = r->arena;

		r->arena = b->next;
		free(b);
	}
	for (int i = 0; i < r->ntables; i++)
		free(r->tables[i].rows);
	free(r->tables);
	r->tables = NULL;
	r->ntables = 0;
}

void report_stream(report *r, const rpt_sink *sink, void *ud)
{
	r->sink = sink;
	r->sink_ud = ud;
}

void report_no_late_failure(report *r)
{
	r->no_late_failure = 1;
}

static int failed(const report *r)
{
	return r->err.code != CART_OK;
}

static void fail_nomem(report *r)
{
	if (!failed(r))
		cart_fail(&r->err, CART_NOMEM, _("out of memory while building the report"));
}

#define VSET(buf, fmt)                                     \
	do {                                               \
		va_list ap;                                \
		va_start(ap, fmt);                         \
		vsnprintf(buf, sizeof buf, fmt, ap);       \
		va_end(ap);                                \
	} while (0)

void report_title(report *r, const char *fmt, ...)
{
	VSET(r->title, fmt);
}

void report_line(report *r, const char *fmt, ...)
{
	if (r->nlines < RPT_MAX_LINES)
		VSET(r->lines[r->nlines++], fmt);
}

void report_client_line(report *r, const char *fmt, ...)
{
	if (r->nclient < RPT_MAX_LINES)
		VSET(r->client[r->nclient++], fmt);
}

void report_note(report *r, const char *fmt, ...)
{
	if (r->nnotes < RPT_MAX_LINES * 2)
		VSET(r->notes[r->nnotes++], fmt);
}

/* Streaming: tell the sink a table starts once its columns are known (at its first row). */
static void send_table(report *r)
{
	rpt_table *t;

	if (!r->sink || !r->table_open || r->table_sent || failed(r))
		return;
	t = &r->tables[r->ntables - 1];
	if (!r->began) {
		r->began = 1;
		if (r->sink->begin && r->sink->begin(r->sink_ud, r, &r->err) != CART_OK)
			return;
	}
	r->table_sent = 1;
	if (r->sink->table)
		r->sink->table(r->sink_ud, r, t, &r->err);
}

static void close_table(report *r)
{
	if (!r->table_open)
		return;
	if (r->in_row)
		report_row_end(r);
	send_table(r);
	if (r->sink && !failed(r) && r->sink->table_end)
		r->sink->table_end(r->sink_ud, r, &r->tables[r->ntables - 1], &r->err);
	r->table_open = 0;
	r->table_sent = 0;
}

rpt_table *report_table(report *r, const char *title)
{
	rpt_table *t, *n;

	close_table(r);
	n = realloc(r->tables, sizeof *n * (size_t)(r->ntables + 1));
	if (!n) {
		fail_nomem(r);
		return NULL;
	}
	r->tables = n;
	t = &r->tables[r->ntables++];
	memset(t, 0, sizeof *t);
	snprintf(t->title, sizeof t->title, "%s", title ? title : "");
	t->cur_col = -1;
	r->table_open = 1;
	return t;
}

void report_col(report *r, const char *key, const char *name, int kind, int align, int width,
                int min)
{
	rpt_table *t;
	rpt_col *c;

	if (!r->table_open)
		return;
	t = &r->tables[r->ntables - 1];
	if (t->ncols == RPT_MAX_COLS)
		return;
	c = &t->cols[t->ncols++];
	snprintf(c->key, sizeof c->key, "%s", key);
	snprintf(c->name, sizeof c->name, "%s", name);
	c->kind = kind;
	c->align = align;
	c->width = width;
	c->min = min > 0 && min < width ? min : width;
	c->drop = 0;
}

void report_col_drop(report *r, int order)
{
	rpt_table *t;

	if (!r->table_open)
		return;
	t = &r->tables[r->ntables - 1];
	if (t->ncols)
		t->cols[t->ncols - 1].drop = order;
}

void report_col_widths(report *r, const int *w, int n)
{
	rpt_table *t;

	if (!r->table_open)
		return;
	t = &r->tables[r->ntables - 1];
	if (n != t->ncols)
		return;
	for (int i = 0; i < n; i++)
		t->known[i] = w[i] > 0 ? w[i] : 0;
	t->nknown = n;
}

void report_currency_col(report *r, int col)
{
	if (r->table_open)
		r->tables[r->ntables - 1].cur_col = col;
}

static int col_of(const rpt_table *t, const char *key)
{
	for (int i = 0; key && i < t->ncols; i++)
		if (!strcmp(t->cols[i].key, key))
			return i;
	return -1;
}

void report_running_col(report *r, const char *col, const char *plus, const char *minus)
{
	rpt_table *t;
	int c, a, b;

	if (!r->table_open)
		return;
	t = &r->tables[r->ntables - 1];
	if ((c = col_of(t, col)) < 0 || (a = col_of(t, plus)) < 0 || (b = col_of(t, minus)) < 0)
		return;
	t->cols[c].fx = RPT_FX_RUNNING;
	t->cols[c].fa = a;
	t->cols[c].fb = b;
}

void report_col_from(report *r, const char *col, int table, const char *first, const char *last)
{
	rpt_table *t;
	int c, a, b;

	if (!r->table_open || table < 0 || table >= r->ntables - 1)
		return;
	t = &r->tables[r->ntables - 1];
	if ((c = col_of(t, col)) < 0 || (a = col_of(&r->tables[table], first)) < 0 ||
	    (b = col_of(&r->tables[table], last)) < 0 || b < a)
		return;
	t->cols[c].fx = RPT_FX_FROM;
	t->cols[c].ftable = table;
	t->cols[c].fa = a;
	t->cols[c].fb = b;
}

void report_chart(report *r, int kind, const char *title, int rows, int cat_col,
                  const int *series, int n, int y2)
{
	rpt_chart *ch;

	if (!r->table_open)
		return;
	ch = &r->tables[r->ntables - 1].chart;
	memset(ch, 0, sizeof *ch);
	ch->kind = kind;
	ch->rows = rows;
	ch->cat_col = cat_col;
	ch->y2 = y2;
	snprintf(ch->title, sizeof ch->title, "%s", title ? title : "");
	for (int i = 0; i < n && i < RPT_CHART_SERIES; i++)
		ch->series[ch->nseries++] = series[i];
}

/* A currency code into its 4 bytes: a copy per cell, without printf's cost (a report of 50,000
 * clients copies half a million). */
static void copy_cur(char dst[4], const char *cur)
{
	int i = 0;

	for (; cur && i < 3 && cur[i]; i++)
		dst[i] = cur[i];
	dst[i] = '\0';
}

void report_row(report *r, int style, const char *cur)
{
	if (r->in_row)
		report_row_end(r);
	memset(&r->cur, 0, sizeof r->cur);
	r->cur.style = style;
	copy_cur(r->cur.cur, cur);
	r->cur.cells = r->cur_cells;
	r->in_row = 1;
}

void report_row_ref(report *r, int64_t ref)
{
	if (r->in_row)
		r->cur.ref = ref;
}

static rpt_cell *next_cell(report *r, int kind)
{
	rpt_cell *c;

	if (!r->in_row || r->cur.ncells == RPT_MAX_COLS)
		return NULL;
	c = &r->cur_cells[r->cur.ncells];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->s = "";
	r->cur.ncells++;
	return c;
}

/* strnlen for the short text of cells: a loop costs less than the library's call for ten
 * bytes (two million cells in the follow-up of 50,000 clients) */
static size_t short_len(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && n < 16 && s[n])
		n++;
	return n < max && s[n] ? n + strnlen(s + n, max - n) : n;
}

void rpt_text(report *r, const char *s)
{
	rpt_cell *c = next_cell(r, RPT_TEXT);
	int i = r->cur.ncells - 1;
	char *buf;
	size_t n, k;

	if (!c)
		return;
	buf = r->cur_text[i];
	n = s ? short_len(s, sizeof r->cur_text[i] - 1) : 0;
	memcpy(buf, s ? s : "", n);
	buf[n] = '\0';
	/* text cut short ends on a whole UTF-8 character (spreadsheets refuse broken ones) */
	if (s && s[n]) {
		for (k = n; k > 0 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80; k--)
			;
		if (k > 0 && ((unsigned char)buf[k - 1] & 0x80)) {
			unsigned char lead = (unsigned char)buf[k - 1];
			size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;

			if (n - (k - 1) < need)
				buf[k - 1] = '\0';
		}
	}
	c->s = buf;
}

void rpt_amount(report *r, int64_t v, const char *cur, int flags)
{
	rpt_cell *c = next_cell(r, RPT_AMOUNT);

	if (!c)
		return;
	c->v = v;
	c->flags = flags;
	copy_cur(c->cur, cur);
}

void rpt_date(report *r, const char *iso)
{
	date_t d;
	rpt_cell *c;

	if (!iso || !*iso || date_parse(iso, &d, CART_IGNORED) != CART_OK) {
		rpt_empty(r);
		return;
	}
	if ((c = next_cell(r, RPT_DATE)))
		c->v = d;
}

void rpt_int(report *r, int64_t v, int flags)
{
	rpt_cell *c = next_cell(r, RPT_INT);

	if (c) {
		c->v = v;
		c->flags = flags;
	}
}

void rpt_qty(report *r, int64_t thousandths)
{
	rpt_cell *c = next_cell(r, RPT_QTY);

	if (c)
		c->v = thousandths;
}

void rpt_empty(report *r)
{
	next_cell(r, RPT_EMPTY);
}

void report_row_end(report *r)
{
	rpt_table *t;
	rpt_row *row;

	if (!r->in_row)
		return;
	r->in_row = 0;
	if (!r->table_open || failed(r))
		return;
	t = &r->tables[r->ntables - 1];
	if (r->sink) {
		send_table(r);
		if (!failed(r) && r->sink->row)
			r->sink->row(r->sink_ud, r, t, &r->cur, &r->err);
		return;
	}
	if (t->nrows == t->cap) {
		long cap = t->cap ? t->cap * 2 : 64;
		rpt_row *n = realloc(t->rows, sizeof *n * (size_t)cap);

		if (!n) {
			fail_nomem(r);
			return;
		}
		t->rows = n;
		t->cap = cap;
	}
	row = &t->rows[t->nrows];
	*row = r->cur;
	row->cells = arena_alloc(r, sizeof *row->cells * (size_t)(row->ncells ? row->ncells : 1));
	if (!row->cells) {
		fail_nomem(r);
		return;
	}
	for (int i = 0; i < r->cur.ncells; i++) {
		row->cells[i] = r->cur_cells[i];
		if (row->cells[i].kind == RPT_TEXT &&
		    !(row->cells[i].s = arena_strdup(r, r->cur_cells[i].s))) {
			fail_nomem(r);
			return;
		}
	}
	t->nrows++;
}

int report_finish(report *r, cart_err *e)
{
	close_table(r);
	if (r->sink && !failed(r)) {
		if (!r->began) {
			r->began = 1;
			if (r->sink->begin)
				r->sink->begin(r->sink_ud, r, &r->err);
		}
		if (!failed(r) && r->sink->end)
			r->sink->end(r->sink_ud, r, &r->err);
	}
	if (failed(r)) {
		*e = r->err;
		return r->err.code;
	}
	return CART_OK;
}

int report_render(const report *r, const rpt_sink *sink, void *ud, cart_err *e)
{
	int rc;

	if (sink->begin && (rc = sink->begin(ud, r, e)) != CART_OK)
		return rc;
	for (int i = 0; i < r->ntables; i++) {
		const rpt_table *t = &r->tables[i];

		if (sink->table && (rc = sink->table(ud, r, t, e)) != CART_OK)
			return rc;
		for (long k = 0; k < t->nrows; k++)
			if (sink->row && (rc = sink->row(ud, r, t, &t->rows[k], e)) != CART_OK)
				return rc;
		if (sink->table_end && (rc = sink->table_end(ud, r, t, e)) != CART_OK)
			return rc;
	}
	return sink->end ? sink->end(ud, r, e) : CART_OK;
}

long report_lines(const report *r)
{
	long n = 0;

	for (int i = 0; i < r->ntables; i++)
		n += (r->tables[i].title[0] ? 2 : 1) + r->tables[i].nrows;
	return n;
}

int report_line_at(const report *r, long i, rpt_line *out)
{
	if (i < 0)
		return 0;
	for (int k = 0; k < r->ntables; k++) {
		const rpt_table *t = &r->tables[k];
		long head = t->title[0] ? 2 : 1;

		if (i < head + t->nrows) {
			out->table = t;
			out->row = NULL;
			if (i < head) {
				out->kind = i == 0 && t->title[0] ? RPT_LINE_TITLE : RPT_LINE_HEADER;
			} else {
				out->kind = RPT_LINE_ROW;
				out->row = &t->rows[i - head];
			}
			return 1;
		}
		i -= head + t->nrows;
	}
	return 0;
}

/* 1500 -> "1.5", 12000 -> "12": the decimals a quantity has, no more. */
static void qty_text(int64_t q, char dec, char *buf, size_t size)
{
	int64_t whole = q / 1000, part = q % 1000;
	size_t n;

	if (part == 0) {
		snprintf(buf, size, "%lld", (long long)whole);
		return;
	}
	snprintf(buf, size, "%s%lld%c%03lld", q < 0 && whole == 0 ? "-" : "", (long long)whole, dec,
	         (long long)(part < 0 ? -part : part));
	for (n = strlen(buf); n > 0 && buf[n - 1] == '0'; n--)
		buf[n - 1] = '\0';
}

void rpt_cell_text(const report *r, const rpt_cell *c, char *buf, size_t size)
{
	char d[DATE_LEN];

	size_t n;

	/* no snprintf: a report of 375,000 lines formats some two million cells */
	switch (c->kind) {
	case RPT_TEXT:
		if (!size)
			break;
		n = short_len(c->s, size - 1);
		memcpy(buf, c->s, n);
		buf[n] = '\0';
		break;
	case RPT_AMOUNT:
		money_format(c->v, &r->fmt, buf, size);
		break;
	case RPT_DATE:
		date_format_order((date_t)c->v, r->date_order, d);
		n = size ? strnlen(d, size - 1) : 0;
		if (size) {
			memcpy(buf, d, n);
			buf[n] = '\0';
		}
		break;
	case RPT_INT: {
		char t[24];
		uint64_t m = c->v < 0 ? -(uint64_t)c->v : (uint64_t)c->v;

		n = sizeof t;
		t[--n] = '\0';
		do {
			t[--n] = (char)('0' + m % 10);
			m /= 10;
		} while (m);
		if (c->v < 0)
			t[--n] = '-';
		if (size) {
			size_t k = strnlen(t + n, size - 1);

			memcpy(buf, t + n, k);
			buf[k] = '\0';
		}
		break;
	}
	case RPT_QTY:
		qty_text(c->v, r->fmt.dec_sep, buf, size);
		break;
	default:
		if (size)
			buf[0] = '\0';
	}
}

const char *rpt_date_text(const report *r, const char *iso, char buf[DATE_LEN])
{
	date_t d;

	if (!iso || date_parse(iso, &d, CART_IGNORED) != CART_OK) {
		snprintf(buf, DATE_LEN, "%s", iso ? iso : "");
		return buf;
	}
	date_format_order(d, r->date_order, buf);
	return buf;
}

void rpt_cell_plain(const report *r, const rpt_cell *c, char *buf, size_t size)
{
	if (c->kind == RPT_AMOUNT) {
		money_fmt f = { r->fmt.decimals, '.', '\0' };

		money_format_plain(c->v, &f, buf, size);
	} else if (c->kind == RPT_DATE) {
		char d[DATE_LEN];

		date_format((date_t)c->v, d);   /* CSV and JSON: ISO whatever the clerks read */
		snprintf(buf, size, "%s", d);
	} else if (c->kind == RPT_QTY) {
		qty_text(c->v, '.', buf, size);
	} else {
		rpt_cell_text(r, c, buf, size);
	}
}
