/* Drawing the plain multi-line editor (see mledit.h). */
#include "config.h"

#include <string.h>

#include "mledit.h"
#include "ui_int.h"

void mledit_draw(mledit *m, int y, int x, int h, int w, int editing)
{
	const char *t = m->text;
	int cur_line, col, line = 0;
	size_t p = 0;

	if (h < 1 || !t)
		return;
	mledit_pos(m, &cur_line, &col);
	if (cur_line < m->top)
		m->top = cur_line;
	if (cur_line >= m->top + h)
		m->top = cur_line - h + 1;
	for (; line < m->top && t[p]; line++) {
		while (t[p] && t[p] != '\n')
			p++;
		if (t[p])
			p++;
	}
	for (int r = 0; r < h; r++, line++) {
		size_t e = p, n;
		char buf[1024];

		while (t[e] && t[e] != '\n')
			e++;
		n = e - p < sizeof buf - 1 ? e - p : sizeof buf - 1;
		memcpy(buf, t + p, n);
		buf[n] = '\0';
		ui_put(y + r, x, w, buf, 0);
		if (editing && line == cur_line && col < w)
			mvchgat(y + r, x + col, 1, A_REVERSE, 0, NULL);
		if (!t[e])
			break;
		p = e + 1;
	}
}
