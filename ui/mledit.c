/* The plain multi-line editor's keys (see mledit.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "mledit.h"

int mledit_init(mledit *m, const char *text)
{
	memset(m, 0, sizeof *m);
	m->text = strdup(text ? text : "");
	return m->text ? 0 : -1;
}

void mledit_free(mledit *m)
{
	free(m->text);
	memset(m, 0, sizeof *m);
}

char *mledit_take(mledit *m)
{
	char *t = m->text;

	memset(m, 0, sizeof *m);
	return t;
}

static size_t line_start(const char *t, size_t pos)
{
	while (pos > 0 && t[pos - 1] != '\n')
		pos--;
	return pos;
}

static size_t line_end(const char *t, size_t pos)
{
	while (t[pos] && t[pos] != '\n')
		pos++;
	return pos;
}

static int is_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* Characters from a to b. */
static int chars(const char *t, size_t a, size_t b)
{
	int n = 0;

	for (size_t i = a; i < b; i++)
		n += !is_cont(t[i]);
	return n;
}

/* The offset of character col of the line starting at start (its end when shorter). */
static size_t at_col(const char *t, size_t start, int col)
{
	size_t end = line_end(t, start), p = start;

	for (; p < end && col > 0; col--)
		for (p++; p < end && is_cont(t[p]); p++)
			;
	return p;
}

void mledit_pos(const mledit *m, int *line, int *col)
{
	int n = 0;

	for (size_t i = 0; i < m->cur; i++)
		n += m->text[i] == '\n';
	*line = n;
	*col = chars(m->text, line_start(m->text, m->cur), m->cur);
}

static int insert(mledit *m, const char *bytes, size_t n)
{
	size_t len = strlen(m->text);
	char *b = realloc(m->text, len + n + 1);

	if (!b)
		return -1;
	memmove(b + m->cur + n, b + m->cur, len - m->cur + 1);
	memcpy(b + m->cur, bytes, n);
	m->text = b;
	m->cur += n;
	return 1;
}

/* Remove the character before (back) or at the cursor. */
static int delete(mledit *m, int back)
{
	char *t = m->text;
	size_t a = m->cur, b = m->cur;

	if (back) {
		if (!a)
			return 0;
		for (a--; a > 0 && is_cont(t[a]); a--)
			;
	} else {
		if (!t[b])
			return 0;
		for (b++; t[b] && is_cont(t[b]); b++)
			;
	}
	memmove(t + a, t + b, strlen(t + b) + 1);
	m->cur = a;
	return 1;
}

int mledit_key(mledit *m, int key)
{
	const char *t = m->text;
	size_t ls = line_start(t, m->cur), le;
	char buf[4];
	int n;

	switch (key) {
	case UK_LEFT:
		if (m->cur > 0)
			for (m->cur--; m->cur > 0 && is_cont(t[m->cur]); m->cur--)
				;
		return 0;
	case UK_RIGHT:
		if (t[m->cur])
			for (m->cur++; t[m->cur] && is_cont(t[m->cur]); m->cur++)
				;
		return 0;
	case UK_UP:
		if (ls > 0)
			m->cur = at_col(t, line_start(t, ls - 1), chars(t, ls, m->cur));
		return 0;
	case UK_DOWN:
		le = line_end(t, m->cur);
		if (t[le])
			m->cur = at_col(t, le + 1, chars(t, ls, m->cur));
		return 0;
	case UK_HOME:
		m->cur = ls;
		return 0;
	case UK_END:
		m->cur = line_end(t, m->cur);
		return 0;
	case UK_BACKSPACE:
		return delete(m, 1);
	case UK_DELETE:
		return delete(m, 0);
	case UK_ENTER:
		return insert(m, "\n", 1);
	case UK_TAB:
		return insert(m, "    ", 4);
	default:
		if (uk_is_text(key) && (n = uk_utf8_encode(key, buf)) > 0)
			return insert(m, buf, (size_t)n);
		return 0;
	}
}
