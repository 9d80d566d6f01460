/* The stack of screens: the dashboard at the bottom, the client list or one client's dashboard
 * opened over it, and so on. One loop (ui_screens_run) reads every key with ui_key() and hands
 * it to the screen on top; a screen's key handler never blocks for input: it opens another
 * screen by pushing it and returns. Screens embed ui_screen as their first member. */
#ifndef CARTERA_UI_SCREEN_H
#define CARTERA_UI_SCREEN_H

#include "actions.h"

/* What a screen's key handler asks of the loop. */
enum { SCR_STAY, SCR_CLOSE, SCR_QUIT };

typedef struct ui_screen ui_screen;
struct ui_screen {
	void (*draw)(ui_screen *s);
	int (*key)(ui_screen *s, int key);
	/* Back on top after the screen over it closed: reload what a posting there may have
	 * changed (NULL: nothing to do). */
	void (*resume)(ui_screen *s);
	void (*free)(ui_screen *s);
	int nested;           /* not the bottom screen: Esc goes back instead of quitting */
};

/* Put s on top (it is freed when it closes); returns -1 when the stack is full (s is freed). */
int ui_screen_push(ui_screen *s);
/* Run until the bottom screen closes, SCR_QUIT, or the key script ends; frees every screen. */
void ui_screens_run(void);

#endif
