/* The aging bar (SPEC R7) drawn in a line of the dashboard: per currency, block characters in
 * proportion to what is open in each bucket (not due, 1-30, ..., over 90), each bucket's share
 * in whole percent beside it; '#', '=' and other plain characters where the terminal is not
 * UTF-8, the totals' colours where it has colours. */
#ifndef CARTERA_UI_AGEBAR_H
#define CARTERA_UI_AGEBAR_H

#include "cartera/ctl_pictures.h"

/* Draw b at (y, x) in w columns; nothing when w is too narrow for a useful bar. */
void agebar_draw(const ctl_agebar *b, int y, int x, int w);

#endif
