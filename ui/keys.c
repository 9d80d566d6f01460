/* Key names and the key-script tokenizer: pure code, shared by ui_key() and the unit tests. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"

#include "cartera/i18n.h"

/* One list of the named keys: script tokens and display names come from the same lines (a key
 * script always names them in English; the screens show them translated). */
static const struct { const char *name; int key; } names[] = {
	{ N_("Enter"), UK_ENTER }, { N_("Esc"), UK_ESC }, { N_("Tab"), UK_TAB },
	{ N_("S-Tab"), UK_BTAB }, { N_("Up"), UK_UP }, { N_("Down"), UK_DOWN },
	{ N_("Left"), UK_LEFT }, { N_("Right"), UK_RIGHT }, { N_("PgUp"), UK_PGUP },
	{ N_("PgDn"), UK_PGDN }, { N_("Home"), UK_HOME }, { N_("End"), UK_END },
	{ N_("Backspace"), UK_BACKSPACE }, { N_("Del"), UK_DELETE }, { "Space", ' ' },
	{ "lt", '<' },
};

int uk_is_text(int key)
{
	return key >= 0x20 && key != 0x7f && key < 0x110000 && !(key >= 0x80 && key < 0xa0);
}

int uk_after_esc(int next)
{
	return next > 0x20 && next < 0x7f ? UK_ALT(next) : 0;
}

int uk_alt_char(int key)
{
	return key > UK_ALT(0x20) && key < UK_ALT(0x7f) ? key - UK_ALT0 : 0;
}

const char *uk_name(int key, char buf[16])
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key && key != '<' && key != ' ') {
			snprintf(buf, 16, "%s", _(names[i].name));
			return buf;
		}
	if (key > UK_F0 && key <= UK_F(24))
		snprintf(buf, 16, "F%d", key - UK_F0);
	else if (uk_alt_char(key))
		/* TRANSLATORS: Alt and a letter, as the key bar and the help show it */
		snprintf(buf, 16, _("Alt-%c"), uk_alt_char(key));
	else if (key > 0 && key < 0x20)
		/* TRANSLATORS: Ctrl and a letter, as the key bar and the help show it */
		snprintf(buf, 16, _("C-%c"), key + 'a' - 1);
	else if (uk_is_text(key))
		buf[uk_utf8_encode(key, buf)] = '\0';
	else
		snprintf(buf, 16, "#%d", key);
	return buf;
}

int uk_utf8_decode(const char *s, int *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	int n, c;

	if (!u[0])
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0)
		n = 2, c = u[0] & 0x1f;
	else if ((u[0] & 0xf0) == 0xe0)
		n = 3, c = u[0] & 0x0f;
	else if ((u[0] & 0xf8) == 0xf0)
		n = 4, c = u[0] & 0x07;
	else
		goto bad;
	for (int i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			goto bad;
		c = c << 6 | (u[i] & 0x3f);
	}
	*cp = c;
	return n;
bad:
	*cp = 0xfffd;
	return 1;
}

int uk_utf8_encode(int cp, char *buf)
{
	if (cp < 0x80) {
		buf[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		buf[0] = (char)(0xc0 | cp >> 6);
		buf[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		buf[0] = (char)(0xe0 | cp >> 12);
		buf[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		buf[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	buf[0] = (char)(0xf0 | cp >> 18);
	buf[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	buf[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	buf[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

static int named(const char *tok, size_t len, uk_tok *t)
{
	char w[40];

	if (len >= sizeof w)
		return 0;
	memcpy(w, tok, len);
	w[len] = '\0';
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(w, names[i].name)) {
			t->key = names[i].key;
			return 1;
		}
	if (w[0] == 'F' && w[1] >= '1' && w[1] <= '9') {
		char *end;
		long n = strtol(w + 1, &end, 10);

		if (!*end && n >= 1 && n <= 24) {
			t->key = UK_F((int)n);
			return 1;
		}
	}
	if (w[0] == 'C' && w[1] == '-' && w[2] >= 'a' && w[2] <= 'z' && !w[3]) {
		t->key = UK_CTRL(w[2]);
		return 1;
	}
	if ((w[0] == 'A' || w[0] == 'M') && w[1] == '-' && uk_after_esc((unsigned char)w[2]) &&
	    !w[3]) {
		t->key = uk_after_esc((unsigned char)w[2]);
		return 1;
	}
	if (!strcmp(w, "dump")) {
		t->kind = UKT_DUMP;
		return 1;
	}
	if (sscanf(w, "resize %dx%d", &t->cols, &t->rows) == 2 && t->cols >= 20 && t->rows >= 8 &&
	    t->cols <= 1000 && t->rows <= 1000) {
		t->kind = UKT_RESIZE;
		return 1;
	}
	return 0;
}

void uk_next(const char **p, uk_tok *t)
{
	const char *s = *p, *end;
	int n;

	memset(t, 0, sizeof *t);
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (!*s) {
		t->kind = UKT_END;
		*p = s;
		return;
	}
	if (*s == '<' && (end = strchr(s, '>')) != NULL && end > s + 1) {
		t->kind = UKT_KEY;
		if (!named(s + 1, (size_t)(end - s - 1), t)) {
			t->kind = UKT_BAD;
			snprintf(t->bad, sizeof t->bad, "%.*s", (int)(end - s + 1 < 39 ? end - s + 1 : 39),
			         s);
		}
		*p = end + 1;
		return;
	}
	n = uk_utf8_decode(s, &t->key);
	t->kind = UKT_KEY;
	*p = s + n;
}

size_t uk_utf8_offset(const char *s, int k)
{
	const char *p = s;
	int cp, len;

	while (k-- > 0 && (len = uk_utf8_decode(p, &cp)) > 0)
		p += len;
	return (size_t)(p - s);
}
