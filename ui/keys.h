/* Key codes of the screens, independent of curses, so widgets and their tests never include it.
 * A key is a Unicode code point (what the clerk typed, control characters included) or one of the
 * UK_* codes above the Unicode range for the special keys; ui_key() turns curses' codes into these.
 * Key names ("<F1>", "<C-o>") are shared by the key scripts, the key bar and the help screen. */
#ifndef CARTERA_UI_KEYS_H
#define CARTERA_UI_KEYS_H

#include <stddef.h>

enum {
	UK_BASE = 0x200000,
	UK_ENTER = UK_BASE, UK_ESC, UK_TAB, UK_BTAB, UK_UP, UK_DOWN, UK_LEFT, UK_RIGHT,
	UK_PGUP, UK_PGDN, UK_HOME, UK_END, UK_BACKSPACE, UK_DELETE,
	UK_RESIZE,      /* the terminal changed size: redraw */
	UK_EOF,         /* the key script ended: quit */
	UK_F0 = UK_BASE + 64,
};
#define UK_F(n) (UK_F0 + (n))
#define UK_CTRL(c) ((c) & 0x1f)
/* Alt and a printable ASCII character (letters keep their case: UK_ALT('p') is not UK_ALT('P')).
 * A terminal without Alt sends Esc and then the character: ui_key() reads an Esc followed within
 * UK_ALT_WAIT_MS by such a character as one Alt key (uk_after_esc). On the lists a clerk searches,
 * every printable character types into the filter, so their commands are F-keys and Alt keys. */
#define UK_ALT0 (UK_BASE + 0x100)
#define UK_ALT(c) (UK_ALT0 + (c))
#define UK_ALT_WAIT_MS 40

/* Something that types itself into a text field (not a control character, not a special key). */
int uk_is_text(int key);
/* The key an Esc and then `next` make when `next` came within UK_ALT_WAIT_MS: UK_ALT(next) for
 * a printable ASCII character, else 0 (the Esc stands alone and `next` is a key of its own). */
int uk_after_esc(int next);
/* The character of an Alt key, or 0 when key is not one. */
int uk_alt_char(int key);

/* "F1", "Enter", "C-o", "Alt-p", "?" — for the key bar and the help screen; buf of 16 bytes. */
const char *uk_name(int key, char buf[16]);

/* One token of a key script: a key, a dump request, a resize, the end or an error. */
enum uk_token { UKT_KEY, UKT_DUMP, UKT_RESIZE, UKT_END, UKT_BAD };
typedef struct uk_tok {
	int kind;
	int key;              /* UKT_KEY */
	int cols, rows;       /* UKT_RESIZE */
	char bad[40];         /* UKT_BAD: the token, for the message */
} uk_tok;
/* Read the next token at *p and advance it. Blanks and newlines between tokens are ignored (use
 * <Space> for a space); any other UTF-8 character types itself; <...> names a key ("<Enter>",
 * "<C-x>", "<A-x>" (Alt), "<F5>", "<lt>" for '<'), "<dump>" or "<resize 100x30>". */
void uk_next(const char **p, uk_tok *t);

/* Decode one UTF-8 character at s (returns its length, 0 at the end; a bad byte counts as one
 * character U+FFFD) and encode one (returns the length, buf of 4 bytes). */
int uk_utf8_decode(const char *s, int *cp);
int uk_utf8_encode(int cp, char *buf);
/* Byte offset of character k of s (its end when k is past it). */
size_t uk_utf8_offset(const char *s, int k);

#endif
