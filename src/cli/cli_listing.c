/* A report model (cartera/report.h) printed by a command: aligned text with the clerk's headings
 * for people, or the report renderers' CSV and JSON for programs. `aging`, `show --format` and
 * others print the same report as `cartera report`, so every face shows the same figures. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/i18n.h"
#include "cartera/render.h"
#include "cli.h"

typedef struct listing {
	out_table t;
	out_col cols[RPT_MAX_COLS + 1];
	int has_id;
	int tables;
} listing;

static int ls_begin(void *ud, const report *r, cart_err *e)
{
	(void)ud;
	(void)e;
	printf("%s — %s\n", r->title, r->company);
	for (int i = 0; i < r->nlines; i++)
		printf("%s\n", r->lines[i]);
	for (int i = 0; i < r->nclient; i++)
		printf("%s\n", r->client[i]);
	return CART_OK;
}

static int ls_table(void *ud, const report *r, const rpt_table *tb, cart_err *e)
{
	listing *x = ud;
	int k = 0;

	(void)r;
	(void)e;
	printf("\n");
	if (tb->title[0])
		printf("%s\n", tb->title);
	/* a table of clients gives each row's client number first, as the client list does */
	x->has_id = tb->ncols > 0 && !strcmp(tb->cols[0].key, "client");
	if (x->has_id)
		x->cols[k++] = (out_col){ "#", 5, 1, 1 };
	for (int i = 0; i < tb->ncols; i++) {
		const rpt_col *c = &tb->cols[i];
		int w = utf8_width(c->name);

		x->cols[k++] = (out_col){ c->name, c->width > w ? c->width : w, c->align == RPT_RIGHT,
		                          c->kind == RPT_AMOUNT || c->kind == RPT_INT };
	}
	out_begin(&x->t, stdout, OUT_TEXT, x->cols, k);
	x->tables++;
	return CART_OK;
}

static int ls_row(void *ud, const report *r, const rpt_table *tb, const rpt_row *row, cart_err *e)
{
	listing *x = ud;
	char cells[RPT_MAX_COLS + 1][256];
	const char *v[RPT_MAX_COLS + 1];
	int k = 0;

	(void)e;
	if (x->has_id) {
		cells[k][0] = '\0';
		if (row->ref && row->style == RPT_ROW_DATA)
			snprintf(cells[k], sizeof cells[k], "%lld", (long long)row->ref);
		v[k] = cells[k];
		k++;
	}
	for (int i = 0; i < tb->ncols; i++, k++) {
		cells[k][0] = '\0';
		if (i < row->ncells)
			rpt_cell_text(r, &row->cells[i], cells[k], sizeof cells[k]);
		v[k] = cells[k];
	}
	out_row(&x->t, v);
	return CART_OK;
}

static int ls_table_end(void *ud, const report *r, const rpt_table *tb, cart_err *e)
{
	listing *x = ud;

	(void)r;
	(void)tb;
	(void)e;
	out_end(&x->t);
	return CART_OK;
}

static int ls_end(void *ud, const report *r, cart_err *e)
{
	(void)ud;
	if (r->nnotes)
		printf("\n");
	for (int i = 0; i < r->nnotes; i++)
		printf("%s\n", r->notes[i]);
	return ferror(stdout) ? cart_fail(e, CART_IO, _("writing the output failed")) : CART_OK;
}

static const rpt_sink listing_sink = { ls_begin, ls_table, ls_row, ls_table_end, ls_end };

int cli_print_report(cli *g, cli_build_fn build, const void *arg)
{
	report r;
	cart_err e;
	int rc;

	report_init(&r, ctl_company(g->c));
	if (g->format == OUT_TEXT) {
		listing x;

		memset(&x, 0, sizeof x);
		report_stream(&r, &listing_sink, &x);
		rc = build(g->c, arg, &r, &e);
		report_free(&r);
	} else {
		rnd *x;

		if (rnd_open(g->format == OUT_CSV ? RND_CSV : RND_JSON, NULL, stdout, &x, &e) != CART_OK) {
			report_free(&r);
			return cli_fail(g, &e);
		}
		report_stream(&r, rnd_sink(x), rnd_ud(x));
		rc = build(g->c, arg, &r, &e);
		report_free(&r);
		if (rc != CART_OK)
			rnd_abort(x);
		else
			rc = rnd_close(x, NULL, &e);
	}
	return rc == CART_OK ? EXIT_DONE : cli_fail(g, &e);
}
