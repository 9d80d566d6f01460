/* A plain multi-line editor over one UTF-8 text (a mail's body, a template's), for when the
 * clerk has no $VISUAL or $EDITOR: arrows, Home, End, Enter, Backspace, Delete, typing. The
 * state and mledit_key() are pure (no curses, unit-tested); mledit_draw() is in
 * mledit_draw.c. */
#ifndef CARTERA_UI_MLEDIT_H
#define CARTERA_UI_MLEDIT_H

#include <stddef.h>

typedef struct mledit {
	char *text;               /* malloc'd, owned by the editor */
	size_t cur;               /* the cursor: a byte offset in text */
	int top;                  /* the first line shown */
} mledit;

/* Start on a copy of text (cursor at its start); -1 when out of memory. */
int mledit_init(mledit *m, const char *text);
void mledit_free(mledit *m);
/* Hand the text over (the editor is left empty); the caller frees it. */
char *mledit_take(mledit *m);
/* One key; 1 when the text changed, 0 otherwise (moved or ignored), -1 out of memory. */
int mledit_key(mledit *m, int key);
/* The cursor's line (from 0) and column (characters). */
void mledit_pos(const mledit *m, int *line, int *col);

/* Draw h lines from row y, column x, w wide, scrolled to show the cursor; the cursor cell in
 * reverse when editing. */
void mledit_draw(mledit *m, int y, int x, int h, int w, int editing);

#endif
