/* The one terminal and the one input function. Interactive: ncursesw at the clerk's terminal,
 * keypad on, keys read with wget_wch. Script mode (--keys): keys come from a script, the screen is
 * drawn with newterm() on /dev/null at a fixed size and read back for dumps, so a test needs no
 * terminal and gets the same screens every run. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "ui_int.h"

#include "cartera/i18n.h"

static struct {
	int active;
	SCREEN *scr;
	FILE *tin, *tout;     /* script mode's fake terminal */
	char *script;         /* script mode: the whole key script */
	const char *pos;
	FILE *dump;
	int own_dump;
	int ndump;
	int colour;
} T;

int ui_parse_size(const char *text, int *cols, int *rows)
{
	char x;

	if (!text || sscanf(text, "%d%c%d", cols, &x, rows) != 3 || x != 'x' || *cols < 20 ||
	    *rows < 8 || *cols > 1000 || *rows > 1000)
		return -1;
	return 0;
}

static char *slurp(const char *path, cart_err *e)
{
	FILE *fp = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!fp) {
		cart_fail(e, CART_IO, _("--keys %s: %s"), path, strerror(errno));
		return NULL;
	}
	do {
		if (len + 4096 + 1 > cap) {
			char *b = realloc(buf, cap = cap * 2 + 8192);

			if (!b) {
				free(buf);
				fclose(fp);
				cart_fail(e, CART_NOMEM, _("--keys %s: out of memory"), path);
				return NULL;
			}
			buf = b;
		}
		n = fread(buf + len, 1, 4096, fp);
		len += n;
	} while (n > 0);
	buf[len] = '\0';
	fclose(fp);
	return buf;
}

/* A signal must not leave the clerk's terminal in raw mode. */
static void on_signal(int sig)
{
	ui_end();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void colours(void)
{
	T.colour = has_colors() && !getenv("NO_COLOR");
	if (!T.colour || start_color() == ERR) {
		T.colour = 0;
		return;
	}
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);     /* title */
	init_pair(2, COLOR_BLACK, COLOR_CYAN);     /* key names on the key bar */
	init_pair(3, COLOR_RED, -1);               /* errors */
	init_pair(4, COLOR_CYAN, -1);              /* frames */
	init_pair(5, COLOR_YELLOW, -1);            /* warnings */
	init_pair(6, COLOR_BLUE, -1);              /* due (por vencer), as seed 001 */
	init_pair(7, COLOR_RED, -1);               /* overdue (vencidas) */
	init_pair(8, COLOR_GREEN, -1);             /* credits in favour */
}

int ui_begin(const ui_opts *o, cart_err *e)
{
	memset(&T, 0, sizeof T);
	if (o->keys) {
		const char *term = getenv("TERM");

		if (!(T.script = slurp(o->keys, e)))
			return e->code;
		T.pos = T.script;
		if (o->dump) {
			if (!(T.dump = fopen(o->dump, "a"))) {
				cart_fail(e, CART_IO, _("--dump %s: %s"), o->dump, strerror(errno));
				free(T.script);
				return e->code;
			}
			T.own_dump = 1;
		} else {
			T.dump = stdout;
		}
		/* nothing read from stdin, nothing written to the real terminal */
		T.tout = fopen("/dev/null", "w");
		T.tin = fopen("/dev/null", "r");
		if (!term || !*term)
			term = "xterm-256color";
		if (!T.tout || !T.tin || !(T.scr = newterm(term, T.tout, T.tin))) {
			cart_fail(e, CART_IO,
			          _("cannot draw the screen off-line for terminal type \"%s\""),
			          term);
			ui_end();
			return e->code;
		}
		set_term(T.scr);
		resizeterm(o->rows > 0 ? o->rows : 24, o->cols > 0 ? o->cols : 80);
	} else {
		/* newterm, not initscr: initscr exits the program on a bad TERM */
		if (!(T.scr = newterm(NULL, stdout, stdin))) {
			cart_fail(e, CART_IO, _("cannot use the terminal (TERM=\"%s\")"),
			          getenv("TERM") ? getenv("TERM") : "");
			return e->code;
		}
		set_term(T.scr);
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
		signal(SIGHUP, on_signal);
	}
	T.active = 1;
	raw();          /* C-o, C-u, C-s reach the program; Esc or q leave it */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(50);
	curs_set(0);
	colours();
	return CART_OK;
}

void ui_end(void)
{
	if (T.active) {
		T.active = 0;
		endwin();
	}
	if (T.scr) {
		delscreen(T.scr);
		T.scr = NULL;
	}
	if (T.tout)
		fclose(T.tout);
	if (T.tin)
		fclose(T.tin);
	T.tout = T.tin = NULL;
	if (T.own_dump)
		fclose(T.dump);
	else if (T.dump)
		fflush(T.dump);
	T.dump = NULL;
	T.own_dump = 0;
	free(T.script);
	T.script = NULL;
}

int ui_has_colour(void)
{
	return T.colour;
}

/* One cell's attributes as one character of the dump's attribute map. */
static char attr_char(attr_t a, short pair)
{
	if (T.colour && pair > 0)
		return pair < 10 ? (char)('0' + pair) : '+';
	if ((a & A_REVERSE) && (a & A_BOLD))
		return 'r';
	if (a & A_REVERSE)
		return 'R';
	if (a & A_BOLD)
		return 'B';
	if (a & A_UNDERLINE)
		return 'U';
	return ' ';
}

static void trim_put(char *line, size_t len)
{
	while (len > 0 && line[len - 1] == ' ')
		len--;
	fprintf(T.dump, "%.*s\n", (int)len, line);
}

/* The virtual screen read back with the wide-character calls (mvwinnstr counts bytes). */
static void dump_screen(void)
{
	int rows = LINES, cols = COLS;
	cchar_t *cells = calloc((size_t)cols + 1, sizeof *cells);
	char *text = malloc((size_t)cols * CCHARW_MAX * MB_LEN_MAX + 1), *map = malloc((size_t)cols + 1);

	if (!cells || !text || !map)
		goto out;
	fprintf(T.dump, "---- dump %d (%dx%d) ----\n", ++T.ndump, cols, rows);
	for (int pass = 0; pass < 2; pass++) {
		if (pass)
			fprintf(T.dump, "---- attributes ----\n");
		for (int y = 0; y < rows; y++) {
			size_t tl = 0;
			mbstate_t st;

			mvin_wchnstr(y, 0, cells, cols);
			memset(&st, 0, sizeof st);
			for (int x = 0; x < cols; x++) {
				wchar_t wc[CCHARW_MAX + 1] = { 0 };
				attr_t a = 0;
				short pair = 0;

				getcchar(&cells[x], wc, &a, &pair, NULL);
				map[x] = attr_char(a, pair);
				for (int i = 0; wc[i]; i++) {
					size_t n = wcrtomb(text + tl, wc[i], &st);

					if (n != (size_t)-1)
						tl += n;
				}
			}
			if (pass)
				trim_put(map, (size_t)cols);
			else
				trim_put(text, tl);
		}
	}
	fflush(T.dump);
out:
	free(cells);
	free(text);
	free(map);
}

static int script_key(void)
{
	uk_tok t;

	for (;;) {
		uk_next(&T.pos, &t);
		switch (t.kind) {
		case UKT_KEY:
			return t.key;
		case UKT_DUMP:
			dump_screen();
			break;
		case UKT_RESIZE:
			resizeterm(t.rows, t.cols);
			return UK_RESIZE;
		case UKT_BAD:
			/* a typo in a test script must not pass unnoticed */
			fprintf(stderr, _("cartera: --keys: unknown key %s\n"), t.bad);
			return UK_EOF;
		default:
			return UK_EOF;
		}
	}
}

static int map_curses(int code)
{
	switch (code) {
	case KEY_UP: return UK_UP;
	case KEY_DOWN: return UK_DOWN;
	case KEY_LEFT: return UK_LEFT;
	case KEY_RIGHT: return UK_RIGHT;
	case KEY_PPAGE: return UK_PGUP;
	case KEY_NPAGE: return UK_PGDN;
	case KEY_HOME: return UK_HOME;
	case KEY_END: return UK_END;
	case KEY_BACKSPACE: return UK_BACKSPACE;
	case KEY_DC: return UK_DELETE;
	case KEY_ENTER: return UK_ENTER;
	case KEY_BTAB: return UK_BTAB;
	case KEY_RESIZE: return UK_RESIZE;
	default:
		if (code >= KEY_F(1) && code <= KEY_F(24))
			return UK_F(code - KEY_F0);
		return 0;
	}
}

/* Esc read: a printable character following within UK_ALT_WAIT_MS makes it an Alt key (a
 * terminal without Alt, or tmux, sends Alt-p as Esc p); anything else is pushed back. */
static int after_esc(void)
{
	wint_t wc;
	int rc, k;

	timeout(UK_ALT_WAIT_MS);
	rc = get_wch(&wc);
	timeout(-1);
	if (rc == OK && (k = uk_after_esc((int)wc)) != 0)
		return k;
	if (rc == OK)
		unget_wch((wchar_t)wc);
	else if (rc == KEY_CODE_YES)
		ungetch((int)wc);
	return UK_ESC;
}

int ui_key(void)
{
	wint_t wc;
	int rc, k;

	refresh();
	if (T.script)
		return script_key();
	for (;;) {
		rc = get_wch(&wc);
		if (rc == KEY_CODE_YES) {
			if ((k = map_curses((int)wc)) != 0)
				return k;
			continue;
		}
		if (rc == ERR) {
			if (errno == EINTR)
				continue;
			return UK_EOF;    /* the terminal went away */
		}
		switch (wc) {
		case '\r': case '\n': return UK_ENTER;
		case '\t': return UK_TAB;
		case 27: return after_esc();
		case 127: case 8: return UK_BACKSPACE;
		default: return (int)wc;
		}
	}
}
