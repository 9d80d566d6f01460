/* Drawing the dialogs over the screen below (see dialog.h), and the pick dialog's client query:
 * it pages through its own ctl_clients view, so the screen under it keeps its filter and rows. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "ui_int.h"

#include "cartera/i18n.h"
#include "cartera/output.h"

static int pick_fetch(void *ud, long offset, int n)
{
	dialog *d = ud;
	cart_err e;
	int got;

	if (n > d->page_cap) {
		ctlc_row *p = realloc(d->page, (size_t)n * sizeof *p);

		if (!p)
			return -1;
		d->page = p;
		d->page_cap = n;
	}
	if (ctl_clients_page(&d->v, offset, n, d->page, &got, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return -1;
	}
	return got;
}

static const char *pick_cell(void *ud, int i, int col)
{
	const ctlc_row *r = &((dialog *)ud)->page[i];

	return col == 0 ? r->name : col == 1 ? r->tax_id : r->phone;
}

static int pick_query(dialog *d, cart_err *e)
{
	int rc = ctl_clients_query(&d->v, d->lv.filter, CTLC_BY_NAME, 0, e);

	listview_set_rows(&d->lv, rc == CART_OK ? d->v.count : 0);
	return rc;
}

int dialog_pick(dialog *d, int tag, ctl *c, const char *title, const char *text, cart_err *e)
{
	dialog_pick_init(d, tag, title, text);
	ctl_clients_init(&d->v, c);
	return pick_query(d, e);
}

int dialog_key(dialog *d, int key)
{
	int kind = d->kind, r = dialog_handle_key(d, key);
	cart_err e;

	if (r & DLG_REQUERY && pick_query(d, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	if (kind == DLG_PICK && r == DLG_OK) {
		if (pick_fetch(d, d->lv.sel, 1) != 1)
			return DLG_CANCEL;
		d->picked = d->page[0].id;
	}
	return r;
}

/* A box of h x w centred between the title line and the status line (cut to fit); returns its
 * top row and column. */
static void centre(int *h, int *w, int *y, int *x)
{
	if (*w > COLS - 2)
		*w = COLS - 2;
	if (*h > LINES - 3)
		*h = LINES - 3;
	*y = 1 + (LINES - 3 - *h) / 2;
	*x = (COLS - *w) / 2;
}

static void draw_confirm(dialog *d)
{
	char text[sizeof d->text + 32];
	int w, h = 5, y, x;

	/* the question says which keys answer it, in the clerk's language */
	ui_question(d->text, text, sizeof text);
	w = utf8_width(text) + 6;

	if (w < 40)
		w = 40;
	centre(&h, &w, &y, &x);
	ui_box(y, x, h, w, d->title);
	ui_put(y + 2, x + 2, w - 4, text, 0);
	ui_keys_bar(&dialog_confirm_keys, 0);
}

static void draw_choose(dialog *d)
{
	int w = utf8_width(d->text) + 6, h = d->nopt + 4 + (d->text[0] ? 2 : 0), y, x, r;

	for (int i = 0; i < d->nopt; i++)
		if (utf8_width(_(dialog_option(d, i))) + 10 > w)
			w = utf8_width(_(dialog_option(d, i))) + 10;
	if (w < 30)
		w = 30;
	centre(&h, &w, &y, &x);
	ui_box(y, x, h, w, d->title);
	r = y + 2;
	if (d->text[0]) {
		ui_put(r, x + 2, w - 4, d->text, 0);
		r += 2;
	}
	d->opt_height = y + h - 1 - r;
	if (d->sel >= d->opt_top + d->opt_height)
		d->opt_top = d->sel - d->opt_height + 1;
	for (int i = d->opt_top; i < d->nopt && r < y + h - 1; i++, r++) {
		char line[256];

		if (d->many)
			snprintf(line, sizeof line, " %s", _(dialog_option(d, i)));
		else
			snprintf(line, sizeof line, " %d  %s", i + 1, _(d->options[i]));
		ui_set_role(i == d->sel ? UR_SELECTED : UR_NORMAL);
		ui_put(r, x + 2, w - 4, line, 0);
		ui_set_role(UR_NORMAL);
	}
	ui_keys_bar(&dialog_keys, 0);
}

static int wrap(const char *text, int width, int first, int n, const char **start, int *len);

/* The text above the field may take several lines (a void's preview): each line whole,
 * wrapped when longer than the box. */
static void draw_prompt(dialog *d)
{
	int w = 64, h, y, x, n;

	if (strchr(d->text, '\n'))
		w = COLS - 2 < 78 ? COLS - 2 : 78;
	n = wrap(d->text, w - 4, 0, 0, NULL, NULL);
	if (n > LINES - 8)
		n = LINES - 8 > 1 ? LINES - 8 : 1;
	h = n + 5;
	centre(&h, &w, &y, &x);
	ui_box(y, x, h, w, d->title);
	{
		const char *start[64];
		int len[64];

		if (n > 64)
			n = 64;
		wrap(d->text, w - 4, 0, n, start, len);
		for (int r = 0; r < n; r++) {
			char line[700];

			snprintf(line, sizeof line, "%s%.*s",
			         start[r] != d->text && start[r][-1] != '\n' ? "  " : "", len[r], start[r]);
			ui_put(y + 2 + r, x + 2, w - 4, line, 0);
		}
	}
	form_draw(&d->fm, y + 2 + n, x + 2, 1, w - 4);
	ui_keys_bar(&dialog_keys, 0);
}

static void draw_pick(dialog *d)
{
	const lv_source src = { pick_fetch, pick_cell, d };
	int w = 76, h = LINES - 3 > 8 ? LINES - 3 : 8, y, x, cw;
	char count[96], filter[LV_FILTER_MAX + 64];

	centre(&h, &w, &y, &x);
	ui_box(y, x, h, w, d->title);
	ui_put(y + 1, x + 2, w - 4, d->text, 0);
	if (!d->lv.rows && d->lv.filter[0])
		snprintf(filter, sizeof filter, _("Filter: %s  (no client matches)"), d->lv.filter);
	else
		snprintf(filter, sizeof filter, _("Filter: %s"), d->lv.filter);
	if (listview_draw(&d->lv, &src, y + 3, x + 2, h - 4, w - 4) < 0)
		ui_put(y + 4, x + 2, w - 4, _("(the clients could not be read)"), 0);
	/* the count after the list: listview_draw has just set how many rows it shows */
	listview_count_text(&d->lv, ctl_company(d->v.c)->fmt.thou_sep, count, sizeof count);
	cw = utf8_width(count);
	ui_put(y + 2, x + 2, w - cw - 5, filter, 0);
	ui_put(y + 2, x + w - cw - 3, cw + 1, count, 1);
	ui_keys_bar(&dialog_keys, 0);
}

/* The display lines of the message wrapped at width columns (a long reason goes on, indented, on
 * the next line rather than being cut), in one pass: the start and length of lines first ..
 * first + n - 1 into start[] / len[]; returns how many lines there are in all. */
static int wrap(const char *text, int width, int first, int n, const char **start, int *len)
{
	const char *p = text;
	int count = 0;

	while (*p) {
		const char *end = strchr(p, '\n'), *q = p, *brk = NULL;
		int w = 0, indent = 0, cp, l;

		if (!end)
			end = p + strlen(p);
		/* one display line of this text line: as many characters as fit, cut at a blank */
		do {
			const char *lstart = q;

			w = indent;
			brk = NULL;
			while (q < end && (l = uk_utf8_decode(q, &cp)) > 0) {
				char ch[8];

				snprintf(ch, sizeof ch, "%.*s", l, q);
				if (w + utf8_width(ch) > width)
					break;
				w += utf8_width(ch);
				if (cp == ' ')
					brk = q;
				q += l;
			}
			if (q < end && brk && brk > lstart)
				q = brk + 1;
			if (count >= first && count < first + n) {
				start[count - first] = lstart;
				len[count - first] = (int)(q - lstart);
			}
			count++;
			indent = 2;
			if (q == lstart)
				q += uk_utf8_decode(q, &cp);   /* too narrow for one character */
		} while (q < end);
		p = *end ? end + 1 : end;
	}
	return count ? count : 1;
}

static void draw_message(dialog *d)
{
	int w = utf8_width(d->title) + 8, h, y, x, tw;
	const char *text = d->msg ? d->msg : "";

	/* as wide as the longest line, up to the screen */
	for (const char *q = text; *q;) {
		const char *end = strchr(q, '\n');
		char line[1024];
		int lw;

		snprintf(line, sizeof line, "%.*s", (int)(end ? end - q : (long)strlen(q)), q);
		if ((lw = utf8_width(line) + 4) > w)
			w = lw;
		q = end ? end + 1 : q + strlen(q);
	}
	if (w > COLS - 2)
		w = COLS - 2;
	tw = w - 4 > 1 ? w - 4 : 1;
	d->nlines = wrap(text, tw, 0, 0, NULL, NULL);
	h = d->nlines + 2;
	centre(&h, &w, &y, &x);
	d->height = h - 2;
	/* the window may have grown since the last key: keep the last page full */
	if (d->top > d->nlines - d->height)
		d->top = d->nlines - d->height > 0 ? d->nlines - d->height : 0;
	ui_box(y, x, h, w, d->title);
	{
		const char *start[1000];
		int len[1000], n = d->height < 1000 ? d->height : 1000;

		wrap(text, tw, d->top, n, start, len);
		for (int r = 0; r < n && d->top + r < d->nlines; r++) {
			char line[1024];

			/* a line that goes on is indented */
			snprintf(line, sizeof line, "%s%.*s",
			         start[r] != text && start[r][-1] != '\n' ? "  " : "", len[r], start[r]);
			ui_put(y + 1 + r, x + 2, tw, line, 0);
		}
	}
	ui_set_role(UR_FRAME);
	if (d->top > 0)
		ui_put(y + 1, x + w - 1, 1, "↑", 0);
	if (d->top + d->height < d->nlines)
		ui_put(y + h - 2, x + w - 1, 1, "↓", 0);
	ui_set_role(UR_NORMAL);
	ui_keys_bar(&dialog_message_keys, 0);
}

void dialog_draw(dialog *d)
{
	switch (d->kind) {
	case DLG_CONFIRM: draw_confirm(d); break;
	case DLG_CHOOSE: draw_choose(d); break;
	case DLG_PROMPT: draw_prompt(d); break;
	case DLG_PICK: draw_pick(d); break;
	case DLG_MESSAGE: draw_message(d); break;
	default: break;
	}
}
