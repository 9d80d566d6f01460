/* What the three statement readers share: the statement's growing list of lines, the states'
 * names, the CSV column profile, telling the formats apart, and text brought to UTF-8. */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cartera/bank.h"
#include "cartera/i18n.h"
#include "cartera/output.h"
#include "bank/bank_int.h"

void bank_stmt_free(bank_stmt *s)
{
	free(s->lines);
	memset(s, 0, sizeof *s);
}

bank_stmt_line *bank_stmt_add(bank_stmt *s)
{
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 64;
		bank_stmt_line *p = realloc(s->lines, sizeof *p * (size_t)cap);

		if (!p)
			return NULL;
		s->lines = p;
		s->cap = cap;
	}
	memset(&s->lines[s->n], 0, sizeof s->lines[0]);
	return &s->lines[s->n++];
}

static const char *const state_names[] = { "proposed", "accepted", "later", "not-client" };

const char *bank_state_name(int state)
{
	return state >= 0 && state < 4 ? state_names[state] : "proposed";
}

int bank_state_parse(const char *name)
{
	for (int i = 0; i < 4; i++)
		if (name && !strcmp(name, state_names[i]))
			return i;
	return -1;
}

int bank_format_sniff(const char *buf, size_t len)
{
	size_t i = 0;

	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len && isspace((unsigned char)buf[i]))
		i++;
	if (len - i >= 9 && !memcmp(buf + i, "OFXHEADER", 9))
		return BANK_OFX;
	if (len - i >= 4 && !strncasecmp(buf + i, "<OFX", 4))
		return BANK_OFX;
	if (len - i >= 5 && (!memcmp(buf + i, "<?xml", 5) || !memcmp(buf + i, "<Document", 9)))
		return BANK_CAMT;
	return BANK_CSV;
}

uint64_t bank_hash(const char *s, uint64_t h)
{
	if (!h)
		h = UINT64_C(1469598103934665603);
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= UINT64_C(1099511628211);
	}
	h ^= 0x1f;      /* a field separator: "ab","c" differs from "a","bc" */
	h *= UINT64_C(1099511628211);
	return h;
}

int bank_utf8_valid(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		long cp;
		int n;

		if ((unsigned char)s[i] < 0x80) {
			if (!s[i])
				return 0;
			i++;
			continue;
		}
		n = utf8_decode((const unsigned char *)s + i, &cp);
		if (cp < 0 || i + (size_t)n > len)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

/* Windows-1252's 0x80..0x9f; the rest of the high half is Latin-1. */
static const unsigned short cp1252[32] = {
	0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
	0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
	0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178 };

char *bank_to_utf8(const char *buf, size_t len, size_t *out_len)
{
	char *out;
	size_t k = 0;

	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
		buf += 3;
		len -= 3;
	}
	if (bank_utf8_valid(buf, len)) {
		if (!(out = malloc(len + 1)))
			return NULL;
		memcpy(out, buf, len);
		out[len] = '\0';
		*out_len = len;
		return out;
	}
	if (!(out = malloc(len * 3 + 1)))
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned c = (unsigned char)buf[i];

		if (c >= 0x80 && c < 0xa0)
			c = cp1252[c - 0x80];
		if (c == 0) {
			continue;
		} else if (c < 0x80) {
			out[k++] = (char)c;
		} else if (c < 0x800) {
			out[k++] = (char)(0xc0 | (c >> 6));
			out[k++] = (char)(0x80 | (c & 0x3f));
		} else {
			out[k++] = (char)(0xe0 | (c >> 12));
			out[k++] = (char)(0x80 | ((c >> 6) & 0x3f));
			out[k++] = (char)(0x80 | (c & 0x3f));
		}
	}
	out[k] = '\0';
	*out_len = k;
	return out;
}

void bank_trim_copy(char *dst, size_t size, const char *src)
{
	size_t n, k = 0;
	int blank = 0;

	while (*src && isspace((unsigned char)*src))
		src++;
	n = strlen(src);
	while (n && isspace((unsigned char)src[n - 1]))
		n--;
	/* blanks inside collapse to one; a cut never splits a UTF-8 sequence */
	for (size_t i = 0; i < n && k + 1 < size; i++) {
		unsigned char c = (unsigned char)src[i];

		if (isspace(c)) {
			blank = 1;
			continue;
		}
		if (blank && k + 2 < size)
			dst[k++] = ' ';
		blank = 0;
		dst[k++] = (char)c;
	}
	if (k) {        /* a cut never leaves half a UTF-8 sequence */
		size_t j = k - 1;
		int need;

		while (j && ((unsigned char)dst[j] & 0xc0) == 0x80)
			j--;
		need = (unsigned char)dst[j] >= 0xf0 ? 4 : (unsigned char)dst[j] >= 0xe0 ? 3
			: (unsigned char)dst[j] >= 0xc0 ? 2 : 1;
		if (k - j < (size_t)need)
			k = j;
	}
	dst[k] = '\0';
}

/* ---- the CSV profile ---- */

static const char *const date_formats[] = { "dd/mm/yyyy", "mm/dd/yyyy", "yyyy-mm-dd",
	"dd-mm-yyyy", "dd.mm.yyyy", "yyyymmdd", NULL };

int bank_profile_check(const bank_profile *p, cart_err *e)
{
	int known = 0;

	if (!strchr(",;|\t", p->delimiter) || !p->delimiter)
		return cart_fail(e, CART_INVALID, _("the CSV separator must be a comma, a semicolon, a"
		                 " bar or a tab"));
	if (p->dec_sep != '.' && p->dec_sep != ',')
		return cart_fail(e, CART_INVALID, _("the decimal separator must be . or ,"));
	for (int i = 0; date_formats[i]; i++)
		known |= !strcmp(p->date_format, date_formats[i]);
	if (!known)
		return cart_fail(e, CART_INVALID, _("the date format \"%s\": use dd/mm/yyyy, mm/dd/yyyy,"
		                 " yyyy-mm-dd, dd-mm-yyyy, dd.mm.yyyy or yyyymmdd"), p->date_format);
	if (p->date_col < 1)
		return cart_fail(e, CART_INVALID, _("the CSV profile needs the date's column (date=N)"));
	if (p->amount_col < 1 && p->credit_col < 1)
		return cart_fail(e, CART_INVALID, _("the CSV profile needs the amount's column"
		                 " (amount=N) or the credits' (credit=N, with debit=N)"));
	if (p->amount_col > 0 && (p->credit_col > 0 || p->debit_col > 0))
		return cart_fail(e, CART_INVALID, _("the CSV profile takes either one amount column or"
		                 " debit and credit columns, not both"));
	if (p->desc_col < 1 && p->ref_col < 1)
		return cart_fail(e, CART_INVALID, _("the CSV profile needs the description's column"
		                 " (description=N) or the reference's (reference=N)"));
	return CART_OK;
}

int bank_profile_columns(bank_profile *p, const char *spec, const char *const *header, int n_header,
                         cart_err *e)
{
	static const struct { const char *key; size_t off; } keys[] = {
		{ "date", offsetof(bank_profile, date_col) },
		{ "description", offsetof(bank_profile, desc_col) },
		{ "desc", offsetof(bank_profile, desc_col) },
		{ "reference", offsetof(bank_profile, ref_col) },
		{ "ref", offsetof(bank_profile, ref_col) },
		{ "amount", offsetof(bank_profile, amount_col) },
		{ "debit", offsetof(bank_profile, debit_col) },
		{ "credit", offsetof(bank_profile, credit_col) },
	};
	char buf[512], *save = NULL;

	if (!spec || !*spec)
		return cart_fail(e, CART_INVALID, _("--columns: say which column holds what, e.g."
		                 " date=1,description=2,reference=3,amount=4"));
	snprintf(buf, sizeof buf, "%s", spec);
	p->date_col = p->desc_col = p->ref_col = p->amount_col = p->debit_col = p->credit_col = 0;
	for (char *part = strtok_r(buf, ",", &save); part; part = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(part, '='), *end;
		int col = 0, which = -1;
		long v;

		if (!eq)
			return cart_fail(e, CART_INVALID, _("--columns: \"%s\" is not NAME=COLUMN"), part);
		*eq = '\0';
		for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
			if (!strcasecmp(part, keys[i].key))
				which = (int)i;
		if (which < 0)
			return cart_fail(e, CART_INVALID, _("--columns: \"%s\" is none of date,"
			                 " description, reference, amount, debit, credit"), part);
		v = strtol(eq + 1, &end, 10);
		if (eq[1] && !*end && v >= 1 && v <= 200) {
			col = (int)v;
		} else {
			for (int i = 0; i < n_header; i++)
				if (!strcasecmp(header[i], eq + 1))
					col = i + 1;
			if (!col)
				return cart_fail(e, CART_INVALID, _("--columns: %s=\"%s\": no column has that"
				                 " number or header"), part, eq + 1);
		}
		*(int *)((char *)p + keys[which].off) = col;
	}
	return bank_profile_check(p, e);
}

void bank_profile_text(const bank_profile *p, char *buf, size_t size)
{
	size_t k = 0;

	buf[0] = '\0';
#define PART(name, v) \
	if ((v) > 0 && k < size) \
		k += (size_t)snprintf(buf + k, size - k, "%s%s=%d", k ? "," : "", name, (v))
	PART("date", p->date_col);
	PART("description", p->desc_col);
	PART("reference", p->ref_col);
	PART("amount", p->amount_col);
	PART("debit", p->debit_col);
	PART("credit", p->credit_col);
#undef PART
}
