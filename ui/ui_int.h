/* The screens toolkit, for ui/ only: the one terminal, the one input function, the title, status
 * and key bar lines, the help screen, screen dumps. Only ui/ includes curses. */
#ifndef CARTERA_UI_INT_H
#define CARTERA_UI_INT_H

#include <curses.h>

#include "actions.h"
#include "ui.h"

/* What things look like; colour pairs where the terminal has colours and NO_COLOR is unset,
 * plain attributes otherwise. */
enum ui_role { UR_NORMAL, UR_TITLE, UR_HEADER, UR_SELECTED, UR_KEY, UR_ERROR, UR_FRAME,
	UR_WARNING,
	UR_DUE, UR_OVERDUE, UR_CREDIT };     /* seed 001's blue, red and green figures */

int ui_begin(const ui_opts *o, cart_err *e);
/* Restore the terminal; safe to call twice (and from the signal handler). */
void ui_end(void);
/* Every key the program reads comes from here: the terminal, or the key script in script mode
 * (where <dump> and <resize> are carried out here, between keys, when the screen is idle).
 * UK_RESIZE asks for a redraw; UK_EOF ends the program. */
int ui_key(void);
int ui_has_colour(void);
attr_t ui_attr(int role);
short ui_pair(int role);
void ui_set_role(int role);
/* Text at (y, x) fitted to w display columns (cut with "…", padded). */
void ui_put(int y, int x, int w, const char *text, int right);
void ui_title(const char *left, const char *right);
/* A message for the clerk on the status line (until the next one); "" clears it. */
void ui_status(int error, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same, in the warning attribute (accepted, but worth a look). */
void ui_status_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ui_status_draw(void);
/* An error or warning belongs to the screen that said it: cleared as screens open and close
 * (a confirmation such as "posted" stays for the screen below). */
void ui_status_leave(void);
/* The key bar of table m: its labelled actions whose precondition holds given `have`. */
void ui_keys_bar(const ui_keymap *m, int have);
/* Full-screen help listing every key of table m, titled like the screen: the company, then
 * "Help: " and the screen's name (both already translated). `have` says which screen it is
 * (its modes: the first screen lists Quit, the others Back). */
void ui_keys_help(const ui_keymap *m, int have, const char *screen, const char *co_name);
/* When the help's keys are more than its rows, Up/Down/PgUp/PgDn/Space/Home/End scroll it: the
 * screen showing the help hands each key here first (1: it scrolled). */
int ui_help_key(int key);
/* "(y/n)", "(s/n)": the keys that answer a question, to show after it. */
const char *ui_yes_no_hint(char buf[32]);
/* The question q as shown: its words, then the hint (a "(y/n)" at its end replaced). */
void ui_question(const char *q, char *out, size_t size);
/* A framed box, cleared inside; returns nothing, draws on stdscr. */
void ui_box(int y, int x, int h, int w, const char *title);

#endif
