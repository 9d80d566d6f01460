/* Drawing the list view: header, then only the rows on screen, fetched from the row source. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "listview.h"
#include "ui_int.h"

#include "cartera/i18n.h"
#include "cartera/output.h"

int listview_draw(listview *lv, const lv_source *src, int y, int x, int h, int w)
{
	int widths[LV_MAX_COLS], got = 0, cx = x;

	lv->height = h > 1 ? h - 1 : 1;
	listview_scroll(lv);
	/* the rows first: an amount column is as wide as its widest cell (it only grows, so the
	 * columns do not jump while the clerk scrolls) */
	if (lv->rows > 0 && (got = src->fetch(src->ud, lv->top, lv->height)) < 0)
		return -1;
	for (int i = 0; i < got; i++)
		for (int c = 0; c < lv->ncols; c++)
			if (lv->cols[c].right) {
				int cw = utf8_width(src->cell(src->ud, i, c));

				if (cw > lv->need[c])
					lv->need[c] = cw;
			}
	listview_layout(lv, w, widths);
	ui_set_role(UR_HEADER);
	for (int c = 0; c < lv->ncols; c++) {
		char t[64];

		if (!widths[c])
			continue;      /* an optional column left out */
		snprintf(t, sizeof t, "%s%s", lv->cols[c].title[0] ? _(lv->cols[c].title) : "",
		         c == lv->sort_col ? (lv->sort_desc ? " ▼" : " ▲") : "");
		ui_put(y, cx, widths[c], t, lv->cols[c].right);
		if (c < lv->ncols - 1)
			ui_put(y, cx + widths[c], 1, "", 0);
		cx += widths[c] + 1;
	}
	if (cx - 1 < x + w)
		ui_put(y, cx - 1, x + w - cx + 1, "", 0);
	ui_set_role(UR_NORMAL);
	for (int i = 0; i < lv->height; i++) {
		int ry = y + 1 + i;

		cx = x;
		if (i < got && lv->top + i == lv->sel)
			ui_set_role(UR_SELECTED);
		for (int c = 0; c < lv->ncols; c++) {
			const char *cell = i < got ? src->cell(src->ud, i, c) : "";

			if (!widths[c])
				continue;

			ui_put(ry, cx, widths[c], cell, lv->cols[c].right);
			/* the gap too, so the selected row is one unbroken bar */
			if (c < lv->ncols - 1)
				ui_put(ry, cx + widths[c], 1, "", 0);
			cx += widths[c] + 1;
		}
		if (cx - 1 < x + w)
			ui_put(ry, cx - 1, x + w - cx + 1, "", 0);
		ui_set_role(UR_NORMAL);
	}
	return 0;
}
