/* Text checks and terminal escaping; see include/cartera/text.h. */
#define _GNU_SOURCE /* fopencookie */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cartera/i18n.h"
#include "cartera/output.h"
#include "cartera/text.h"

static int check(const char *s, size_t max, const char *what, int lines, cart_err *e)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;

	if (!s)
		return CART_OK;
	len = strlen(s);
	if (len > max)
		return cart_fail(e, CART_INVALID, _("%s is too long: %zu bytes, at most %zu (an accented"
		                 " letter takes two)"), what, len, max);
	while (*p) {
		long cp;
		int n = utf8_decode(p, &cp);

		if (cp < 0)
			return cart_fail(e, CART_INVALID, _("%s is not valid UTF-8 text (byte %zu); save it"
			                 " as UTF-8"), what, (size_t)(p - (const unsigned char *)s) + 1);
		if ((cp < 0x20 && !(lines && (cp == '\n' || cp == '\t' || cp == '\r'))) ||
		    (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 || cp == 0x2029 ||
		    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
			return cart_fail(e, CART_INVALID, _("%s holds a control character (U+%04lX at byte"
			                 " %zu%s): only printable text is kept"), what, (unsigned long)cp,
			                 (size_t)(p - (const unsigned char *)s) + 1,
			                 cp == 0x1b ? _(", a terminal escape sequence") : "");
		p += n;
	}
	return CART_OK;
}

int text_check(const char *s, size_t max, const char *what, cart_err *e)
{
	return check(s, max, what, 0, e);
}

int text_check_lines(const char *s, size_t max, const char *what, cart_err *e)
{
	return check(s, max, what, 1, e);
}

int text_csv_formula(const char *cell)
{
	const char *p;

	if (!cell || !strchr("=+-@\t\r", cell[0]) || !cell[0])
		return 0;
	/* a signed number (an amount: -150.00) or a phone (+57 604 555 1234) is data: with no
	 * letters it cannot name a function (HYPERLINK, DDE) or a cell */
	if (cell[0] == '-' || cell[0] == '+') {
		for (p = cell + 1; *p && (strchr("0123456789.,() -/", *p)); p++)
			;
		if (!*p && cell[1] >= '0' && cell[1] <= '9')
			return 0;
	}
	return 1;
}

/* Escape len bytes of s; an incomplete sequence at the end is left for the next call (*keep). */
static size_t escape(const unsigned char *s, size_t len, int final, char *out, size_t size,
                     size_t *used)
{
	size_t i = 0, o = 0;

	while (i < len && o + 5 < size) {
		unsigned char c = s[i];
		long cp;
		int n;

		if (c == '\n' || c == '\t') {
			out[o++] = (char)c;
			i++;
			continue;
		}
		if (c >= 0x80) {
			unsigned char tmp[5] = { 0 };
			size_t k = len - i < 4 ? len - i : 4;

			memcpy(tmp, s + i, k);
			n = utf8_decode(tmp, &cp);
			if (cp < 0 && !final && k < 4 && (c & 0xc0) == 0xc0) {
				/* maybe the rest of the character comes with the next write */
				int need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;

				if ((size_t)need > k)
					break;
			}
			if (cp >= 0xa0 && !(cp >= 0x202a && cp <= 0x202e) &&
			    !(cp >= 0x2066 && cp <= 0x2069)) {
				memcpy(out + o, s + i, (size_t)n);
				o += (size_t)n;
				i += (size_t)n;
				continue;
			}
			if (cp >= 0) {  /* C1 controls, bidi overrides: each byte escaped */
				for (int j = 0; j < n && o + 5 < size; j++)
					o += (size_t)snprintf(out + o, size - o, "\\x%02X", s[i + j]);
				i += (size_t)n;
				continue;
			}
		} else if (c >= 0x20 && c != 0x7f) {
			out[o++] = (char)c;
			i++;
			continue;
		}
		o += (size_t)snprintf(out + o, size - o, "\\x%02X", c);
		i++;
	}
	*used = o;
	return i;
}

char *text_escape(const char *s, char *buf, size_t size)
{
	size_t used = 0;

	if (!size)
		return buf;
	escape((const unsigned char *)(s ? s : ""), s ? strlen(s) : 0, 1, buf, size, &used);
	buf[used < size ? used : size - 1] = '\0';
	return buf;
}

struct guard {
	int fd;
	unsigned char pend[4];
	size_t npend;
};

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static ssize_t guard_write(void *cookie, const char *buf, size_t size)
{
	struct guard *g = cookie;
	unsigned char in[1024 + 4];
	char out[8192];
	size_t done = 0;

	while (done < size) {
		size_t take = size - done < 1024 ? size - done : 1024, n, used, eaten;

		memcpy(in, g->pend, g->npend);
		memcpy(in + g->npend, buf + done, take);
		n = g->npend + take;
		eaten = escape(in, n, 0, out, sizeof out, &used);
		if (write_all(g->fd, out, used) < 0)
			return done ? (ssize_t)done : -1;
		g->npend = n - eaten;
		if (g->npend > sizeof g->pend) {   /* cannot happen: only a partial character waits */
			g->npend = 0;
		}
		memmove(g->pend, in + eaten, g->npend);
		done += take;
	}
	return (ssize_t)size;
}

static int guard_close(void *cookie)
{
	struct guard *g = cookie;
	char out[32];
	size_t used;

	if (g->npend) {
		escape(g->pend, g->npend, 1, out, sizeof out, &used);
		write_all(g->fd, out, used);
	}
	return 0;
}

int text_tty_guard(FILE **fp, int fd)
{
	static struct guard guards[3];
	cookie_io_functions_t io = { NULL, guard_write, NULL, guard_close };
	FILE *f;

	if (fd < 0 || fd > 2 || !isatty(fd))
		return 0;
	guards[fd].fd = fd;
	guards[fd].npend = 0;
	f = fopencookie(&guards[fd], "w", io);
	if (!f)
		return -1;
	setvbuf(f, NULL, fd == 2 ? _IONBF : _IOLBF, 0);
	*fp = f;
	return 0;
}
