/* The stack of screens and the one loop that feeds them keys (see screen.h). */
#include "config.h"

#include <stddef.h>

#include "screen.h"
#include "ui_int.h"

#define MAX_SCREENS 8

static ui_screen *stack[MAX_SCREENS];
static int depth;

int ui_screen_push(ui_screen *s)
{
	if (depth >= MAX_SCREENS) {
		s->free(s);
		ui_status(1, "%s", _("too many screens open: close one first"));
		return -1;
	}
	s->nested = depth > 0;
	stack[depth++] = s;
	ui_status_leave();
	return 0;
}

static void pop(void)
{
	ui_screen *s = stack[--depth];

	s->free(s);
	ui_status_leave();
	if (depth > 0 && stack[depth - 1]->resume)
		stack[depth - 1]->resume(stack[depth - 1]);
}

void ui_screens_run(void)
{
	while (depth > 0) {
		ui_screen *top = stack[depth - 1];
		int key, r;

		top->draw(top);
		key = ui_key();
		if (key == UK_EOF)
			break;
		if (key == UK_RESIZE)
			continue;     /* curses knows the new size; the next draw uses it */
		r = top->key(top, key);
		if (r == SCR_QUIT)
			break;
		/* the handler may have pushed a screen: close the one that asked, wherever it is */
		if (r == SCR_CLOSE) {
			int at = depth - 1;

			while (at >= 0 && stack[at] != top)
				at--;
			if (at == depth - 1)
				pop();
		}
	}
	while (depth > 0) {
		ui_screen *s = stack[--depth];

		s->free(s);
	}
}
