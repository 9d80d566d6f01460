/* Drawing the tab row (see tabs.h). */
#include "config.h"

#include <stdio.h>

#include "tabs.h"
#include "ui_int.h"

#include "cartera/output.h"

void tabs_draw(const tabs *t, int y, int x, int w, char sep)
{
	int cx = x;

	for (int i = 0; i < t->n && cx < x + w; i++) {
		char label[160], shown[168];
		int lw;

		tabs_label(t, i, sep, label, sizeof label);
		snprintf(shown, sizeof shown, " %s ", label);
		lw = utf8_width(shown);
		if (lw > x + w - cx)
			lw = x + w - cx;
		ui_set_role(i == t->cur ? UR_SELECTED : UR_HEADER);
		ui_put(y, cx, lw, shown, 0);
		cx += lw;
		if (cx < x + w) {
			ui_set_role(UR_HEADER);
			ui_put(y, cx, 1, "", 0);
			cx++;
		}
	}
	ui_set_role(UR_HEADER);
	if (cx < x + w)
		ui_put(y, cx, x + w - cx, "", 0);
	ui_set_role(UR_NORMAL);
}
