/* The report model for programs: CSV (RFC 4180) and JSON. Columns and keys are the model's
 * untranslated keys (rpt_col.key), never the clerk's headings; amounts are plain numbers
 * (1234567.89: '.' decimals, no grouping) with the currency in its own field; dates are ISO. A
 * table without a currency column gets one, from its row's amounts, so no amount is ever without
 * its currency. CSV writes the tables one after another, each with its header row and a first
 * field "row" (data, section, subtotal, total), a blank line between them. JSON writes one object:
 * the report's title, lines, client block, tables (title, columns, rows as objects) and notes. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/i18n.h"
#include "cartera/output.h"
#include "render_int.h"

typedef struct dat {
	FILE *fp;
	int own;
	int json;
	int tables;    /* written so far */
	int rows;      /* of the table being written */
	int reports;
} dat;

static const char *const style_name[] = { "data", "section", "subtotal", "total" };

static int dat_open(const char *path, FILE *fp, void **impl, int json, cart_err *e)
{
	dat *d = calloc(1, sizeof *d);

	if (!d)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	d->json = json;
	if (path) {
		if (!(d->fp = fopen(path, "w"))) {
			int err = errno;

			free(d);
			return cart_fail(e, CART_IO, _("cannot write %s: %s"), path, strerror(err));
		}
		d->own = 1;
	} else {
		d->fp = fp ? fp : stdout;
	}
	*impl = d;
	return CART_OK;
}

static int csv_open(const char *path, FILE *fp, int width, void **impl, cart_err *e)
{
	(void)width;
	return dat_open(path, fp, impl, 0, e);
}

static int json_open(const char *path, FILE *fp, int width, void **impl, cart_err *e)
{
	(void)width;
	return dat_open(path, fp, impl, 1, e);
}

static int dat_close(void *impl, int abort, long *replaced, cart_err *e)
{
	dat *d = impl;
	int bad = ferror(d->fp);

	*replaced = 0;
	if (d->own)
		bad |= fclose(d->fp) != 0;
	else
		bad |= fflush(d->fp) != 0;
	free(d);
	if (bad && !abort)
		return cart_fail(e, CART_IO, _("writing the report failed"));
	return CART_OK;
}

/* Does the table need a currency column of its own (it has amounts but no currency column)? */
static int adds_currency(const rpt_table *tb)
{
	int amounts = 0;

	if (tb->cur_col >= 0)
		return 0;
	for (int i = 0; i < tb->ncols; i++) {
		if (!strcmp(tb->cols[i].key, "currency"))
			return 0;
		amounts |= tb->cols[i].kind == RPT_AMOUNT;
	}
	return amounts;
}

/* The currency of a row: its first amount's. */
static const char *row_currency(const rpt_row *row)
{
	for (int i = 0; i < row->ncells; i++)
		if (row->cells[i].kind == RPT_AMOUNT && row->cells[i].cur[0])
			return row->cells[i].cur;
	return row->cur;
}

static int dat_err(dat *d, cart_err *e)
{
	return ferror(d->fp) ? cart_fail(e, CART_IO, _("writing the report failed")) : CART_OK;
}

/* ---- CSV ---- */

static int csv_table(void *ud, const report *r, const rpt_table *tb, cart_err *e)
{
	dat *d = ud;

	(void)r;
	if (d->tables++)
		fputs("\r\n", d->fp);
	fputs("row", d->fp);
	for (int i = 0; i < tb->ncols; i++) {
		putc(',', d->fp);
		out_csv_field(d->fp, tb->cols[i].key[0] ? tb->cols[i].key : "label");
	}
	if (adds_currency(tb))
		fputs(",currency", d->fp);
	fputs("\r\n", d->fp);
	return dat_err(d, e);
}

static int csv_row(void *ud, const report *r, const rpt_table *tb, const rpt_row *row, cart_err *e)
{
	dat *d = ud;
	char cell[256];

	fputs(style_name[row->style], d->fp);
	for (int i = 0; i < tb->ncols; i++) {
		cell[0] = '\0';
		if (i < row->ncells)
			rpt_cell_plain(r, &row->cells[i], cell, sizeof cell);
		putc(',', d->fp);
		out_csv_field(d->fp, cell);
	}
	if (adds_currency(tb)) {
		putc(',', d->fp);
		out_csv_field(d->fp, row_currency(row));
	}
	fputs("\r\n", d->fp);
	return dat_err(d, e);
}

static const rpt_sink csv_sink = { NULL, csv_table, csv_row, NULL, NULL };
const rnd_ops rnd_csv_ops = { &csv_sink, csv_open, dat_close, NULL };

/* ---- JSON ---- */

/* A list of the report's lines: n strings, stride bytes apart from items. */
static void json_list(FILE *fp, const char *key, const char *items, size_t stride, int n)
{
	fputs(",\n  ", fp);
	out_json_string(fp, key);
	fputs(": [", fp);
	for (int i = 0; i < n; i++) {
		if (i)
			fputs(", ", fp);
		out_json_string(fp, items + (size_t)i * stride);
	}
	putc(']', fp);
}

static int json_begin(void *ud, const report *r, cart_err *e)
{
	dat *d = ud;

	if (d->reports++)
		return cart_fail(e, CART_INVALID, _("JSON holds one report a file"));
	fputs("{\n  \"title\": ", d->fp);
	out_json_string(d->fp, r->title);
	fputs(",\n  \"company\": ", d->fp);
	out_json_string(d->fp, r->company);
	fputs(",\n  \"tax_id\": ", d->fp);
	out_json_string(d->fp, r->tax_id);
	json_list(d->fp, "lines", r->lines[0], sizeof r->lines[0], r->nlines);
	json_list(d->fp, "client", r->client[0], sizeof r->client[0], r->nclient);
	fputs(",\n  \"tables\": [", d->fp);
	return dat_err(d, e);
}

static int json_table(void *ud, const report *r, const rpt_table *tb, cart_err *e)
{
	dat *d = ud;

	(void)r;
	fputs(d->tables++ ? ",\n    {\"title\": " : "\n    {\"title\": ", d->fp);
	out_json_string(d->fp, tb->title);
	fputs(",\n     \"columns\": [", d->fp);
	for (int i = 0; i < tb->ncols; i++) {
		if (i)
			fputs(", ", d->fp);
		out_json_string(d->fp, tb->cols[i].key[0] ? tb->cols[i].key : "label");
	}
	if (adds_currency(tb))
		fputs(tb->ncols ? ", \"currency\"" : "\"currency\"", d->fp);
	fputs("],\n     \"rows\": [", d->fp);
	d->rows = 0;
	return dat_err(d, e);
}

static int json_row(void *ud, const report *r, const rpt_table *tb, const rpt_row *row, cart_err *e)
{
	dat *d = ud;
	char cell[256];

	fputs(d->rows++ ? ",\n      {\"row\": " : "\n      {\"row\": ", d->fp);
	out_json_string(d->fp, style_name[row->style]);
	if (row->ref)
		fprintf(d->fp, ", \"ref\": %lld", (long long)row->ref);
	for (int i = 0; i < tb->ncols; i++) {
		const rpt_cell *c = i < row->ncells ? &row->cells[i] : NULL;

		fputs(", ", d->fp);
		out_json_string(d->fp, tb->cols[i].key[0] ? tb->cols[i].key : "label");
		fputs(": ", d->fp);
		if (!c || c->kind == RPT_EMPTY) {
			fputs("null", d->fp);
		} else if (c->kind == RPT_AMOUNT || c->kind == RPT_INT || c->kind == RPT_QTY) {
			rpt_cell_plain(r, c, cell, sizeof cell);
			fputs(cell, d->fp);
		} else {
			rpt_cell_plain(r, c, cell, sizeof cell);
			out_json_string(d->fp, cell);
		}
	}
	if (adds_currency(tb)) {
		fputs(", \"currency\": ", d->fp);
		out_json_string(d->fp, row_currency(row));
	}
	putc('}', d->fp);
	return dat_err(d, e);
}

static int json_table_end(void *ud, const report *r, const rpt_table *tb, cart_err *e)
{
	dat *d = ud;

	(void)r;
	(void)tb;
	fputs(d->rows ? "\n     ]}" : "]}", d->fp);
	return dat_err(d, e);
}

static int json_end(void *ud, const report *r, cart_err *e)
{
	dat *d = ud;

	if (!d->reports) {  /* a report with no table: begin was never called */
		int rc = json_begin(ud, r, e);

		if (rc != CART_OK)
			return rc;
	}
	fputs(d->tables ? "\n  ]" : "]", d->fp);
	fputs(",\n  \"notes\": [", d->fp);
	for (int i = 0; i < r->nnotes; i++) {
		if (i)
			fputs(", ", d->fp);
		out_json_string(d->fp, r->notes[i]);
	}
	fputs("]\n}\n", d->fp);
	return dat_err(d, e);
}

static const rpt_sink json_sink = { json_begin, json_table, json_row, json_table_end, json_end };
const rnd_ops rnd_json_ops = { &json_sink, json_open, dat_close, NULL };
