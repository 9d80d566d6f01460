/* The line editor of the fields and cells (see textedit.h). */
#include "config.h"

#include <string.h>

#include "form.h"
#include "keys.h"
#include "textedit.h"

int te_accepts(int type, int key)
{
	switch (type) {
	case FT_INTEGER:
		return key >= '0' && key <= '9';
	case FT_AMOUNT:
		return (key >= '0' && key <= '9') || key == '.' || key == ',' || key == '-';
	case FT_DATE:
		return (key >= '0' && key <= '9') || key == '-';
	default:
		return uk_is_text(key);
	}
}

int te_key(char *buf, size_t size, int maxlen, int type, int *cursor, int key)
{
	int nch = form_chars(buf);
	size_t at = uk_utf8_offset(buf, *cursor), len = strlen(buf), next;
	char ch[4];
	int n;

	switch (key) {
	case UK_LEFT:
		if (*cursor > 0)
			(*cursor)--;
		return TE_MOVED;
	case UK_RIGHT:
		if (*cursor < nch)
			(*cursor)++;
		return TE_MOVED;
	case UK_HOME:
		*cursor = 0;
		return TE_MOVED;
	case UK_END:
		*cursor = nch;
		return TE_MOVED;
	case UK_BACKSPACE:
		if (*cursor == 0)
			return TE_MOVED;
		(*cursor)--;
		next = at;
		at = uk_utf8_offset(buf, *cursor);
		memmove(buf + at, buf + next, len - next + 1);
		return TE_CHANGED;
	case UK_DELETE:
		if (*cursor >= nch)
			return TE_MOVED;
		next = uk_utf8_offset(buf, *cursor + 1);
		memmove(buf + at, buf + next, len - next + 1);
		return TE_CHANGED;
	case UK_CTRL('u'):
		buf[0] = '\0';
		*cursor = 0;
		return TE_CHANGED;
	default:
		break;
	}
	if (!te_accepts(type, key))
		return TE_IGNORED;
	n = uk_utf8_encode(key, ch);
	if (nch >= maxlen || len + (size_t)n >= size)
		return TE_MOVED;
	memmove(buf + at + n, buf + at, len - at + 1);
	memcpy(buf + at, ch, (size_t)n);
	(*cursor)++;
	return TE_CHANGED;
}
