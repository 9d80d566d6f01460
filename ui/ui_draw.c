/* The pieces every screen draws: title line, status line, key bar, help screen, boxes. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui_int.h"

#include "cartera/i18n.h"
#include "cartera/output.h"

static char status_msg[256];
static int status_error;      /* 0 plain, 1 error, 2 warning */

attr_t ui_attr(int role)
{
	int c = ui_has_colour();

	switch (role) {
	case UR_TITLE: return c ? A_BOLD : A_REVERSE | A_BOLD;
	case UR_HEADER: return A_UNDERLINE;
	case UR_SELECTED: return A_REVERSE;
	case UR_KEY: return c ? A_NORMAL : A_BOLD;
	case UR_ERROR: return A_BOLD;
	case UR_WARNING: return c ? A_NORMAL : A_UNDERLINE;
	/* without colours (NO_COLOR, a monochrome terminal): overdue bold, credits underlined */
	case UR_OVERDUE: return c ? A_NORMAL : A_BOLD;
	case UR_CREDIT: return c ? A_NORMAL : A_UNDERLINE;
	default: return A_NORMAL;
	}
}

short ui_pair(int role)
{
	if (!ui_has_colour())
		return 0;
	switch (role) {
	case UR_TITLE: return 1;
	case UR_KEY: return 2;
	case UR_ERROR: return 3;
	case UR_FRAME: return 4;
	case UR_WARNING: return 5;
	case UR_DUE: return 6;
	case UR_OVERDUE: return 7;
	case UR_CREDIT: return 8;
	default: return 0;
	}
}

void ui_set_role(int role)
{
	attr_set(ui_attr(role), ui_pair(role), NULL);
}

void ui_put(int y, int x, int w, const char *text, int right)
{
	char buf[4 * 1000 + 1];

	if (w <= 0)
		return;
	if (w > 1000)
		w = 1000;
	utf8_fit(text ? text : "", w, right, buf);
	mvaddstr(y, x, buf);
}

void ui_title(const char *left, const char *right)
{
	int rw = utf8_width(right) + 1;

	ui_set_role(UR_TITLE);
	ui_put(0, 0, COLS - rw, left, 0);
	ui_put(0, COLS - rw, rw, right, 1);
	ui_set_role(UR_NORMAL);
}

void ui_status(int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(status_msg, sizeof status_msg, fmt, ap);
	va_end(ap);
	status_error = error;
}

void ui_status_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(status_msg, sizeof status_msg, fmt, ap);
	va_end(ap);
	status_error = 2;
}

void ui_status_leave(void)
{
	if (status_error) {
		status_msg[0] = '\0';
		status_error = 0;
	}
}

void ui_status_draw(void)
{
	ui_set_role(status_error == 2 ? UR_WARNING : status_error ? UR_ERROR : UR_NORMAL);
	ui_put(LINES - 2, 0, COLS, status_msg, 0);
	ui_set_role(UR_NORMAL);
}

const char *ui_yes_no_hint(char buf[32])
{
	char y[8], n[8];

	y[uk_utf8_encode(ui_yes_key(), y)] = '\0';
	n[uk_utf8_encode(ui_no_key(), n)] = '\0';
	/* TRANSLATORS: after a question, the keys that answer it: "(s/n)" */
	snprintf(buf, 32, _("(%s/%s)"), y, n);
	return buf;
}

void ui_question(const char *q, char *out, size_t size)
{
	char hint[32];
	size_t n = strlen(q);

	/* older questions carry "(y/n)" in their text: the hint replaces it */
	if (n >= 6 && !strcmp(q + n - 6, " (y/n)"))
		n -= 6;
	snprintf(out, size, "%.*s %s", (int)n, q, ui_yes_no_hint(hint));
}

/* The name a key of table m shows: a question's yes and no in the clerk's language. */
static const char *map_key(const ui_keymap *m, int key, char buf[16])
{
	if (m->flags & UI_KM_CONFIRM && key == 'y')
		key = ui_yes_key();
	else if (m->flags & UI_KM_CONFIRM && key == 'n')
		key = ui_no_key();
	return uk_name(key, buf);
}

static int keys_bar_pass(const ui_keymap *m, int have, int gap, int draw)
{
	int x = 0;

	for (int i = 0; i < m->n; i++) {
		const ui_act *a = ui_act_real(&m->acts[i]);
		char name[16];
		const char *label;
		int kw, lw;

		if (!a->label || !ui_act_ok(&m->acts[i], have))
			continue;
		label = _(a->label);
		map_key(m, a->keys[0], name);
		kw = utf8_width(name);
		lw = utf8_width(label);
		if (draw && x + kw + lw + 1 > COLS)
			break;
		if (draw) {
			ui_set_role(UR_KEY);
			ui_put(LINES - 1, x, kw, name, 0);
			ui_set_role(UR_NORMAL);
			ui_put(LINES - 1, x + kw, lw + 1, "", 0);
			ui_put(LINES - 1, x + kw + 1, lw, label, 0);
		}
		x += kw + lw + 1 + gap;
	}
	return x - gap;
}

void ui_keys_bar(const ui_keymap *m, int have)
{
	move(LINES - 1, 0);
	clrtoeol();
	/* two blanks between entries where they all fit so, else one (80 columns, the list) */
	keys_bar_pass(m, have, keys_bar_pass(m, have, 2, 0) > COLS ? 1 : 2, 1);
}

void ui_box(int y, int x, int h, int w, const char *title)
{
	ui_set_role(UR_FRAME);
	for (int r = 0; r < h; r++) {
		const char *l = r == 0 ? "┌" : r == h - 1 ? "└" : "│";
		const char *rt = r == 0 ? "┐" : r == h - 1 ? "┘" : "│";

		mvaddstr(y + r, x, l);
		if (r > 0 && r < h - 1)
			ui_set_role(UR_NORMAL);    /* the inside is plain, only the frame is coloured */
		for (int c = 1; c < w - 1; c++)
			addstr(r == 0 || r == h - 1 ? "─" : " ");
		ui_set_role(UR_FRAME);
		mvaddstr(y + r, x + w - 1, rt);
	}
	if (title && *title) {
		char t[256];

		snprintf(t, sizeof t, " %s ", title);
		ui_put(y, x + 2, utf8_width(t) < w - 4 ? utf8_width(t) : w - 4, t, 0);
	}
	ui_set_role(UR_NORMAL);
}

/* The help's lines: an action's keys and what it does, or one extra line. */
typedef struct help_line {
	char keys[64];
	const char *text;
} help_line;

static int help_top, help_rows = 1, help_n;

/* The help of table m: each action whose mode needs (first screen or not...) hold, with the
 * keys that start it here (on a searched list letters type, so they are listed for nothing). */
static int keys_help_lines(const ui_keymap *m, int have, help_line *out, int max)
{
	/* what the keys start, as the first entry of two sharing a key would be found */
	int all = (have & m->modes) | ~m->modes;
	int n = 0;

	for (int i = 0; i < m->n && n < max; i++) {
		const ui_act *a = ui_act_real(&m->acts[i]);
		int modes = ui_act_needs(&m->acts[i]) & m->modes;
		char name[16];

		if ((modes & have) != modes)
			continue;
		out[n].keys[0] = '\0';
		for (int k = 0; k < 3; k++)
			if (a->keys[k] && ui_keys_find(m, a->keys[k], all, 0) == &m->acts[i]) {
				if (out[n].keys[0])
					strcat(out[n].keys, " ");
				strcat(out[n].keys, map_key(m, a->keys[k], name));
			}
		if (!out[n].keys[0])
			continue;
		out[n++].text = _(a->help);
	}
	if (m->flags & UI_KM_SEARCHED && n < max) {
		snprintf(out[n].keys, sizeof out[n].keys, "%s", _("Letters, digits"));
		out[n++].text = _("type into the filter: name, tax id or phone, without caring for "
		                  "capitals or accents");
	}
	if (n < max) {
		snprintf(out[n].keys, sizeof out[n].keys, "%s", _("Esc, letter"));
		out[n++].text = _("the same as Alt and the letter (for terminals without Alt)");
	}
	/* the dashboard's digits type, like its letters */
	if (m->flags & UI_KM_TABS && !(m->flags & UI_KM_SEARCHED) && n < max) {
		snprintf(out[n].keys, sizeof out[n].keys, "%s", "1 … 9");
		out[n++].text = _("go straight to that tab");
	}
	return n;
}

/* The help's screen lines: each entry's text wrapped at `width` columns, its keys on its first
 * line (a key list wider than the key column gets a line of its own). Returns how many lines;
 * fills at most max of them (key, text) when out is not NULL. */
#define HELP_KEYW 16
typedef struct help_row {
	char keys[64];
	char text[4 * 256];
} help_row;

static int help_wrap(const help_line *l, int nl, int width, help_row *out, int max)
{
	int n = 0;

	if (width < 10)
		width = 10;
	for (int i = 0; i < nl; i++) {
		const char *t = l[i].text;
		int first = 1;

		if (utf8_width(l[i].keys) > HELP_KEYW) {
			if (out && n < max) {
				memcpy(out[n].keys, l[i].keys, sizeof out[n].keys);
				out[n].text[0] = '\0';
			}
			n++;
			first = 0;
		}
		do {
			/* the longest run of whole words that fits in width columns */
			const char *p = t, *cut = NULL;
			int w = 0, cp, len;

			while (*p && (len = uk_utf8_decode(p, &cp)) > 0) {
				if (*p == ' ' && w <= width)
					cut = p;
				if (w >= width)
					break;
				p += len;
				w++;
			}
			if (!*p)
				cut = p;
			else if (!cut || cut == t)
				cut = p;            /* one word wider than the line: cut it there */
			if (out && n < max) {
				if (first)
					memcpy(out[n].keys, l[i].keys, sizeof out[n].keys);
				else
					out[n].keys[0] = '\0';
				snprintf(out[n].text, sizeof out[n].text, "%.*s", (int)(cut - t), t);
			}
			n++;
			first = 0;
			t = *cut == ' ' ? cut + 1 : cut;
		} while (*t);
	}
	return n;
}

int ui_help_key(int key)
{
	int page = help_rows > 1 ? help_rows - 1 : 1, top = help_top;

	switch (key) {
	case UK_UP: top--; break;
	case UK_DOWN: top++; break;
	case UK_PGUP: top -= page; break;
	case UK_PGDN: case ' ': top += page; break;
	case UK_HOME: top = 0; break;
	case UK_END: top = help_n; break;
	default: return 0;
	}
	if (top > help_n - help_rows)
		top = help_n - help_rows;
	help_top = top < 0 ? 0 : top;
	return 1;
}

#define HELP_MAX 160
void ui_keys_help(const ui_keymap *m, int have, const char *screen, const char *co_name)
{
	static const ui_keymap *help_map;
	help_line lines[HELP_MAX + 3];
	static help_row rows[2 * (HELP_MAX + 3) * 4];
	char title[128], left[256];
	int nl, tw = COLS - HELP_KEYW - 2;

	erase();
	snprintf(title, sizeof title, _("Help: %s"), screen);
	snprintf(left, sizeof left, " cartera — %s", co_name ? co_name : "");
	ui_title(co_name && *co_name ? left : " cartera", title);
	/* what letters do differs: the list types them into its filter, a form into its fields */
	ui_put(1, 0, COLS, m->flags & UI_KM_SEARCHED ?
	       _("Letters and digits type into the filter; commands are F-keys and Alt-letters:") :
	       m->flags & UI_KM_FORM ?
	       _("Keys of this form (letters and digits type into the field):") :
	       _("Keys of this window:"), 0);
	nl = keys_help_lines(m, have, lines, HELP_MAX + 3);
	help_n = help_wrap(lines, nl, tw, rows, (int)(sizeof rows / sizeof rows[0]));
	if (help_n > (int)(sizeof rows / sizeof rows[0]))
		help_n = (int)(sizeof rows / sizeof rows[0]);
	help_rows = LINES - 5 > 1 ? LINES - 5 : 1;
	if (m != help_map)
		help_top = 0;          /* another screen's help: from its first key */
	help_map = m;
	if (help_top > help_n - help_rows)
		help_top = help_n - help_rows > 0 ? help_n - help_rows : 0;
	for (int i = 0; i < help_rows && help_top + i < help_n; i++) {
		const help_row *l = &rows[help_top + i];

		ui_set_role(UR_KEY);
		ui_put(3 + i, 1, HELP_KEYW + (l->text[0] ? 0 : COLS - HELP_KEYW - 2), l->keys, 0);
		ui_set_role(UR_NORMAL);
		ui_put(3 + i, HELP_KEYW + 2, tw, l->text, 0);
	}
	/* longer than the screen: arrows say there is more, and the keys scroll it */
	if (help_top > 0)
		ui_put(3, COLS - 1, 1, "↑", 0);
	if (help_top + help_rows < help_n)
		ui_put(2 + help_rows, COLS - 1, 1, "↓", 0);
	ui_status_draw();
	ui_keys_bar(&ui_help_keys, 0);
}
