/* Drawing a form (see form.h): one field per line, label, value box underlined, the cursor cell
 * in reverse on the current field, the error beside the box in the error colour. Values are cut
 * by characters around the cursor (the clerk's names are one column per character). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "form.h"
#include "ui_int.h"

#include "cartera/i18n.h"
#include "cartera/output.h"

#define LABEL_W 16

/* The labels' column: 16 wide, or wider so the longest label is never cut ("Primer
 * vencimiento *"), up to half the form's width. */
static int label_width(const form *f, int w)
{
	int lw = LABEL_W;

	for (int i = 0; i < f->n; i++) {
		int n = utf8_width(f->f[i].label) + (f->f[i].required ? 2 : 0) + 1;

		if (n > lw)
			lw = n;
	}
	if (lw > w / 2 && w / 2 > LABEL_W)
		lw = w / 2;
	else if (lw > w / 2)
		lw = LABEL_W;
	return lw;
}

/* The part of s from character `from`, at most n characters, into out. */
static void slice(const char *s, int from, int n, char *out, size_t size)
{
	const char *p = s, *q;
	int cp, len;

	while (from-- > 0 && (len = uk_utf8_decode(p, &cp)) > 0)
		p += len;
	q = p;
	while (n-- > 0 && (len = uk_utf8_decode(q, &cp)) > 0)
		q += len;
	snprintf(out, size, "%.*s", (int)(q - p), p);
}

static void draw_field(form *f, int i, int y, int x, int w, int lw)
{
	form_field *fl = &f->f[i];
	int cur = i == f->cur, bw = fl->width, ex;
	char label[128], shown[FORM_VALUE_MAX + 16];

	if (bw > w - lw - 1)
		bw = w - lw - 1;
	if (bw < 1)
		return;
	snprintf(label, sizeof label, "%s%s", fl->label, fl->required ? " *" : "");
	attr_set(cur ? A_BOLD : A_NORMAL, 0, NULL);
	ui_put(y, x, lw - 1, label, 0);
	attr_set(A_UNDERLINE, 0, NULL);
	if (fl->type == FT_CHOICE || fl->type == FT_YESNO) {
		snprintf(shown, sizeof shown, "<%s>", _(fl->value));
		ui_put(y, x + lw, bw, shown, 0);
		if (cur) {
			attr_set(A_REVERSE, 0, NULL);
			ui_put(y, x + lw, 1, "<", 0);
		}
	} else {
		/* being edited: the part around the cursor; otherwise the value's start, cut with "…" */
		int from = cur && fl->cursor >= bw ? fl->cursor - bw + 1 : 0;

		if (cur)
			slice(fl->value, from, bw, shown, sizeof shown);
		else
			snprintf(shown, sizeof shown, "%s", fl->value);
		ui_put(y, x + lw, bw, shown, 0);
		if (cur) {
			char c[8];

			slice(fl->value, fl->cursor, 1, c, sizeof c);
			attr_set(A_REVERSE, 0, NULL);
			ui_put(y, x + lw + fl->cursor - from, 1, c[0] ? c : " ", 0);
		}
	}
	ui_set_role(UR_NORMAL);
	ex = x + lw + bw + 1;
	if ((fl->error[0] || fl->warning[0]) && ex < x + w) {
		ui_set_role(fl->error[0] ? UR_ERROR : UR_WARNING);
		ui_put(y, ex, x + w - ex, fl->error[0] ? form_error_text(fl) : fl->warning, 0);
		ui_set_role(UR_NORMAL);
	}
}

void form_draw(form *f, int y, int x, int h, int w)
{
	int lw = label_width(f, w);

	form_scroll(f, h);
	for (int r = 0; r < h && f->top + r < f->n; r++)
		draw_field(f, f->top + r, y + r, x, w, lw);
	if (f->top > 0)
		ui_put(y, x + w - 1, 1, "↑", 0);
	if (f->top + h < f->n)
		ui_put(y + h - 1, x + w - 1, 1, "↓", 0);
}
