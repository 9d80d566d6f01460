/* Drawing a form (see form.h): one field per line, label, value box underlined, the cursor cell
 * in reverse on the current field, the error beside the box in the error colour. Values are cut
 * by characters around the cursor (the clerk's names are one column per character). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "form.h"
#include "ui_int.h"

#include "cartera/i18n.h"

#define LABEL_W 16

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

static void draw_field(form *f, int i, int y, int x, int w)
{
	form_field *fl = &f->f[i];
	int cur = i == f->cur, bw = fl->width, ex;
	char label[128], shown[FORM_VALUE_MAX + 16];

	if (bw > w - LABEL_W - 1)
		bw = w - LABEL_W - 1;
	if (bw < 1)
		return;
	snprintf(label, sizeof label, "%s%s", fl->label, fl->required ? " *" : "");
	attr_set(cur ? A_BOLD : A_NORMAL, 0, NULL);
	ui_put(y, x, LABEL_W - 1, label, 0);
	attr_set(A_UNDERLINE, 0, NULL);
	if (fl->type == FT_CHOICE || fl->type == FT_YESNO) {
		snprintf(shown, sizeof shown, "<%s>", _(fl->value));
		ui_put(y, x + LABEL_W, bw, shown, 0);
		if (cur) {
			attr_set(A_REVERSE, 0, NULL);
			ui_put(y, x + LABEL_W, 1, "<", 0);
		}
	} else {
		/* being edited: the part around the cursor; otherwise the value's start, cut with "…" */
		int from = cur && fl->cursor >= bw ? fl->cursor - bw + 1 : 0;

		if (cur)
			slice(fl->value, from, bw, shown, sizeof shown);
		else
			snprintf(shown, sizeof shown, "%s", fl->value);
		ui_put(y, x + LABEL_W, bw, shown, 0);
		if (cur) {
			char c[8];

			slice(fl->value, fl->cursor, 1, c, sizeof c);
			attr_set(A_REVERSE, 0, NULL);
			ui_put(y, x + LABEL_W + fl->cursor - from, 1, c[0] ? c : " ", 0);
		}
	}
	ui_set_role(UR_NORMAL);
	ex = x + LABEL_W + bw + 1;
	if ((fl->error[0] || fl->warning[0]) && ex < x + w) {
		ui_set_role(fl->error[0] ? UR_ERROR : UR_WARNING);
		ui_put(y, ex, x + w - ex, fl->error[0] ? fl->error : fl->warning, 0);
		ui_set_role(UR_NORMAL);
	}
}

void form_draw(form *f, int y, int x, int h, int w)
{
	form_scroll(f, h);
	for (int r = 0; r < h && f->top + r < f->n; r++)
		draw_field(f, f->top + r, y + r, x, w);
	if (f->top > 0)
		ui_put(y, x + w - 1, 1, "↑", 0);
	if (f->top + h < f->n)
		ui_put(y + h - 1, x + w - 1, 1, "↓", 0);
}
