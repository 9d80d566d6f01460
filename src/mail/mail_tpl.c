/* Mail templates: checking and filling their placeholders; the outbox's status names; the
 * retry delays; addresses. Plain C, no GMime: see cartera/mail.h. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/i18n.h"
#include "cartera/mail.h"

static const char *const status_names[] = {
#define X(id, name) name,
	MAIL_STATUSES(X)
#undef X
};

const char *mail_status_name(int status)
{
	return status >= 0 && status < MAIL_NSTATUSES ? status_names[status] : "?";
}

int mail_status_parse(const char *name)
{
	for (int i = 0; i < MAIL_NSTATUSES; i++)
		if (name && !strcmp(name, status_names[i]))
			return i;
	return -1;
}

int mail_retry_delay(int attempts)
{
	long d = MAIL_RETRY_FIRST;

	for (int i = 1; i < attempts && d < MAIL_RETRY_MAX; i++)
		d *= 2;
	return d > MAIL_RETRY_MAX ? MAIL_RETRY_MAX : (int)d;
}

/* ---- addresses ---- */

/* RFC 5322's dot-atom, as mail programs accept it in practice: a local part of letters, digits
 * and !#$%&'*+/=?^_`{|}~.- (no leading, trailing or double dot), '@', and a domain of at least
 * two labels of letters, digits and '-'. Non-ASCII addresses (RFC 6531) are refused: sendmail
 * without SMTPUTF8 would mangle them. */
int mail_addr_valid(const char *addr)
{
	const char *at = addr ? strchr(addr, '@') : NULL;
	const char *p;
	int labels = 0, len = 0;

	if (!at || at == addr || strchr(at + 1, '@') || strlen(addr) > 254 || at - addr > 64)
		return 0;
	for (p = addr; p < at; p++) {
		if (*p == '.') {
			if (p == addr || p[1] == '.' || p + 1 == at)
				return 0;
		} else if (!isalnum((unsigned char)*p) && !strchr("!#$%&'*+/=?^_`{|}~-", *p)) {
			return 0;
		}
	}
	for (p = at + 1;; p++) {
		if (*p == '.' || *p == '\0') {
			if (len == 0 || p[-1] == '-')
				return 0;
			labels++;
			len = 0;
			if (!*p)
				break;
			continue;
		}
		if (!isalnum((unsigned char)*p) && *p != '-')
			return 0;
		if (len == 0 && *p == '-')
			return 0;
		if (++len > 63)
			return 0;
	}
	return labels >= 2;
}

/* ---- placeholders ---- */

static const char *const ph_names[] = {
#define X(name, help) #name,
	MAIL_PLACEHOLDERS(X)
#undef X
};
static const char *const ph_help[] = {
#define X(name, help) help,
	MAIL_PLACEHOLDERS(X)
#undef X
};

const char *mail_ph_name(int ph)
{
	return ph >= 0 && ph < MAIL_NPH ? ph_names[ph] : "?";
}

const char *mail_ph_help(int ph)
{
	return ph >= 0 && ph < MAIL_NPH ? ph_help[ph] : "?";
}

static int ph_find(const char *name, size_t n)
{
	for (int i = 0; i < MAIL_NPH; i++)
		if (strlen(ph_names[i]) == n && !strncmp(ph_names[i], name, n))
			return i;
	return -1;
}

/* Walk text: literal runs go to emit(ud, s, n, -1), placeholders to emit(ud, NULL, 0, ph).
 * A failure names what and the line. */
typedef int (*tpl_emit)(void *ud, const char *s, size_t n, int ph);

static int tpl_walk(const char *text, const char *what, tpl_emit emit, void *ud, cart_err *e)
{
	const char *p = text ? text : "", *run = p;
	int line = 1, rc;

	while (*p) {
		if (*p == '\n') {
			line++;
			p++;
		} else if (p[0] == '{' && p[1] == '{') {
			if ((rc = emit(ud, run, (size_t)(p - run) + 1, -1)) != CART_OK)
				return rc;
			p += 2;
			run = p;
		} else if (p[0] == '}' && p[1] == '}') {
			if ((rc = emit(ud, run, (size_t)(p - run) + 1, -1)) != CART_OK)
				return rc;
			p += 2;
			run = p;
		} else if (*p == '{') {
			const char *end = strchr(p + 1, '}'), *nl = strchr(p + 1, '\n');
			int ph;

			if (!end || (nl && nl < end) || end - p > 40)
				return cart_fail(e, CART_INVALID, _("%s, line %d: a '{' is not closed by"
				                 " '}' (write {{ for a brace)"), what, line);
			if ((ph = ph_find(p + 1, (size_t)(end - p - 1))) < 0)
				return cart_fail(e, CART_INVALID, _("%s, line %d: unknown placeholder"
				                 " {%.*s}"), what, line, (int)(end - p - 1), p + 1);
			if ((rc = emit(ud, run, (size_t)(p - run), -1)) != CART_OK ||
			    (rc = emit(ud, NULL, 0, ph)) != CART_OK)
				return rc;
			p = end + 1;
			run = p;
		} else if (*p == '}') {
			return cart_fail(e, CART_INVALID, _("%s, line %d: a '}' with no '{' (write }} for"
			                 " a brace)"), what, line);
		} else {
			p++;
		}
	}
	return emit(ud, run, (size_t)(p - run), -1);
}

static int emit_none(void *ud, const char *s, size_t n, int ph)
{
	(void)ud, (void)s, (void)n, (void)ph;
	return CART_OK;
}

int mail_tpl_check(const char *text, const char *what, cart_err *e)
{
	return tpl_walk(text, what, emit_none, NULL, e);
}

typedef struct buf {
	char *s;
	size_t n, cap;
	const char *const *values;
	cart_err *e;
} buf;

static int buf_add(buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = (b->cap ? b->cap * 2 : 256) + n;
		char *t = realloc(b->s, cap);

		if (!t)
			return cart_fail(b->e, CART_NOMEM, _("out of memory"));
		b->s = t;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
	return CART_OK;
}

static int emit_buf(void *ud, const char *s, size_t n, int ph)
{
	buf *b = ud;

	if (ph >= 0) {
		const char *v = b->values[ph] ? b->values[ph] : "";

		return buf_add(b, v, strlen(v));
	}
	return buf_add(b, s, n);
}

int mail_tpl_expand(const char *text, const char *const *values, char **out, cart_err *e)
{
	buf b = { NULL, 0, 0, values, e };
	int rc;

	*out = NULL;
	if ((rc = buf_add(&b, "", 0)) != CART_OK ||
	    (rc = tpl_walk(text, _("the template"), emit_buf, &b, e)) != CART_OK) {
		free(b.s);
		return rc;
	}
	*out = b.s;
	return CART_OK;
}

/* ---- address lists ---- */

int mail_addr_each(const char *list, mail_addr_fn fn, void *ud, const char *what, cart_err *e)
{
	const char *p = list ? list : "";
	int rc;

	while (*p) {
		char piece[512], name[512], addr[512];
		const char *start = p, *lt, *gt;
		int quoted = 0, angle = 0;
		size_t n;

		for (; *p && (quoted || angle || (*p != ',' && *p != ';')); p++) {
			if (*p == '"')
				quoted = !quoted;
			else if (!quoted && *p == '<')
				angle = 1;
			else if (!quoted && *p == '>')
				angle = 0;
		}
		n = (size_t)(p - start);
		if (*p)
			p++;
		while (n && isspace((unsigned char)*start))
			start++, n--;
		while (n && isspace((unsigned char)start[n - 1]))
			n--;
		if (!n)
			continue;
		if (n >= sizeof piece)
			return cart_fail(e, CART_INVALID, _("%s: an address is too long: %.40s..."), what,
			                 start);
		memcpy(piece, start, n);
		piece[n] = '\0';
		name[0] = '\0';
		if ((lt = strrchr(piece, '<')) != NULL) {
			size_t k = (size_t)(lt - piece);

			if (!(gt = strchr(lt, '>')) || gt[1] != '\0')
				return cart_fail(e, CART_INVALID, _("%s: \"%s\" is not an e-mail address"),
				                 what, piece);
			snprintf(addr, sizeof addr, "%.*s", (int)(gt - lt - 1), lt + 1);
			while (k && isspace((unsigned char)piece[k - 1]))
				k--;
			if (k >= 2 && piece[0] == '"' && piece[k - 1] == '"')
				snprintf(name, sizeof name, "%.*s", (int)k - 2, piece + 1);
			else
				snprintf(name, sizeof name, "%.*s", (int)k, piece);
		} else {
			snprintf(addr, sizeof addr, "%s", piece);
		}
		/* a name is one line of text: no control characters reach a header */
		for (char *c = name; *c; c++)
			if ((unsigned char)*c < 0x20 || *c == 0x7f)
				*c = ' ';
		if (!mail_addr_valid(addr))
			return cart_fail(e, CART_INVALID, _("%s: \"%s\" is not an e-mail address"), what,
			                 piece);
		if (fn && (rc = fn(ud, name, addr)) != CART_OK)
			return rc;
	}
	return CART_OK;
}

static int count_one(void *ud, const char *name, const char *addr)
{
	(void)name, (void)addr;
	++*(int *)ud;
	return CART_OK;
}

int mail_addr_check(const char *list, const char *what, int *n, cart_err *e)
{
	int k = 0, rc = mail_addr_each(list, count_one, &k, what, e);

	if (n)
		*n = k;
	return rc;
}
