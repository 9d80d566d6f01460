/* Tax ids: see include/cartera/taxid.h.
 *
 * Each country is a validate/generate pair in one table, chosen by the company's country code. The
 * id is normalized first (blanks trimmed and removed, letters upper-cased, and the separators the
 * country's canonical form lacks dropped), so "890.903.938 - 8" and "890903938-8" are stored alike
 * and found by the same search. Messages quote the id as normalized.
 *
 * Where the check digit is part of the id (Peru, Mexico, Ecuador) out->dv stays "" and a DV typed
 * in its own field must equal the id's own check character; where the country keeps the DV apart
 * (Panama, Colombia) it is computed into out->dv and any DV typed or attached must match it.
 */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "taxid_int.h"

/* ---- shared helpers ---- */

static void say(taxid_check *out, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
static void say(taxid_check *out, const char *fmt, va_list ap)
{
	vsnprintf(out->message, sizeof out->message, fmt, ap);
}

int tx_refuse(taxid_check *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(out, fmt, ap);
	va_end(ap);
	out->warning = 0;	/* a refusal outranks any warning given before it */
	return CART_INVALID;
}

/* Accepted, but the clerk should look. */
int tx_warn(taxid_check *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(out, fmt, ap);
	va_end(ap);
	out->warning = 1;
	return CART_OK;
}

/* Copy src into dst of size bytes, cut short when it does not fit. */
void tx_set(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* snprintf for the canonical texts, whose parts are short by construction (an id fits in 31
 * bytes), through vsnprintf so that gcc does not warn about truncation it cannot rule out. */
void tx_print_to(char *dst, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dst, size, fmt, ap);
	va_end(ap);
}

int tx_is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int tx_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int tx_is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

int tx_all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!tx_is_digit(s[i]))
			return 0;
	return 1;
}

/* s is 1..max digits. */
int tx_is_num(const char *s, size_t max)
{
	size_t n = strlen(s);

	return n >= 1 && n <= max && tx_all_digits(s, n);
}

/* Drop blanks and the ASCII characters in drop, upper-case ASCII letters and "ñ". The ctype
 * functions are avoided on purpose: they follow the locale, and ids must not. */
void tx_normalize(const char *in, const char *drop, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)in;
	unsigned char prev = 0;
	size_t n = 0;

	for (; *p; prev = *p++) {
		unsigned char c = *p;

		if (tx_is_blank(c) || strchr(drop, c))
			continue;
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		else if (c == 0xB1 && prev == 0xC3)
			c = 0x91;	/* ñ (C3 B1) -> Ñ (C3 91) */
		if (n + 1 < size)
			out[n++] = (char)c;
	}
	out[n] = '\0';
}

/* No control characters and well-formed UTF-8: the id ends up on the clerk's screen. */
int tx_printable(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		int more;

		if (*p < 0x20 || *p == 0x7F)
			return 0;
		if (*p < 0x80) {
			p++;
			continue;
		}
		if (*p >= 0xC2 && *p <= 0xDF)
			more = 1;
		else if (*p >= 0xE0 && *p <= 0xEF)
			more = 2;
		else if (*p >= 0xF0 && *p <= 0xF4)
			more = 3;
		else
			return 0;
		for (p++; more > 0; more--, p++)
			if ((*p & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

/* Normalize id into buf and show it in out->normalized; refuse what no country accepts. */
int tx_prepare(const char *id, const char *drop, char *buf, size_t size, taxid_check *out)
{
	size_t n;

	tx_normalize(id, drop, buf, size);
	if (!tx_printable(buf))
		return tx_refuse(out, _("Tax id contains a control character or is not valid UTF-8 "
		              "text"));
	n = strlen(buf);
	if (n == 0)
		return tx_refuse(out, _("Tax id is empty"));
	if (n > (size_t)ID_MAX)
		return tx_refuse(out, _("Tax id \"%.24s...\" is too long: %zu characters, at most %d"),
		              buf, n, ID_MAX);
	tx_set(out->normalized, sizeof out->normalized, buf);
	return CART_OK;
}

/* The DV typed in its own field, normalized like an id; "" when none was typed. */
int tx_prepare_dv(const char *dv, char *buf, size_t size, taxid_check *out)
{
	tx_normalize(dv ? dv : "", "", buf, size);
	if (!tx_printable(buf))
		return tx_refuse(out, _("DV contains a control character or is not valid UTF-8 text"));
	if (strlen(buf) > 8)
		return tx_refuse(out, _("DV \"%.8s...\" is too long"), buf);
	return CART_OK;
}

/* For ids that carry their check character: a DV typed apart must be one of accepted. */
int tx_typed_matches(taxid_check *out, const char *what, const char *dv, const char *accepted)
{
	if (!dv[0] || (strlen(dv) == 1 && strchr(accepted, dv[0])))
		return CART_OK;
	if (strlen(accepted) == 2)
		return tx_refuse(out, _("%s \"%s\" has check character %c or %c, not the DV typed "
		              "\"%s\""), what, out->normalized, accepted[0], accepted[1], dv);
	return tx_refuse(out, _("%s \"%s\" has check digit %c, not the DV typed \"%s\""), what,
	              out->normalized, accepted[0], dv);
}

/* A permutation of 0..m-1, since the multiplier is a prime that divides no m used: distinct
 * seeds below m give distinct numbers, scattered rather than counted. m < 2^32 keeps the product
 * within 64 bits. */
uint64_t tx_spread(uint64_t seed, uint64_t m)
{
	return ((seed % m) * (2654435761u % m) + 1442695041u % m) % m;
}

/* ---- foreign clients and other countries: any printable id ---- */

int tx_any_validate(const char *raw, taxid_check *out)
{
	char id[IN_MAX];

	tx_set(out->kind, sizeof out->kind, "FOREIGN");
	return tx_prepare(raw, "", id, sizeof id, out);
}

/* ---- the countries ---- */

static const struct country_rules {
	const char *code;
	int (*validate)(int taxpayer, const char *id, const char *dv, taxid_check *out);
	void (*generate)(int taxpayer, uint64_t seed, char id[32], char dv[4]);
} countries[] = {
	{ "PE", tx_pe_validate, tx_pe_generate },
	{ "PA", tx_pa_validate, tx_pa_generate },
	{ "CO", tx_co_validate, tx_co_generate },
	{ "MX", tx_mx_validate, tx_mx_generate },
	{ "EC", tx_ec_validate, tx_ec_generate },
};

static const struct country_rules *country_find(const char *code)
{
	char cc[3];

	if (!code || !code[0] || !code[1] || code[2])
		return NULL;
	for (int i = 0; i < 2; i++)
		cc[i] = (char)(code[i] >= 'a' && code[i] <= 'z' ? code[i] - ('a' - 'A') : code[i]);
	cc[2] = '\0';
	for (size_t i = 0; i < sizeof countries / sizeof countries[0]; i++)
		if (!strcmp(countries[i].code, cc))
			return &countries[i];
	return NULL;
}

int taxid_validate(const char *country, int taxpayer, int foreign, const char *id, const char *dv,
                   taxid_check *out)
{
	const struct country_rules *r;
	taxid_check scratch;
	char typed[IN_MAX];
	size_t n;

	if (!out)
		out = &scratch;
	memset(out, 0, sizeof *out);
	if (taxpayer != TAXPAYER_NATURAL && taxpayer != TAXPAYER_LEGAL)
		return tx_refuse(out, _("Taxpayer type %d is neither a natural (0) nor a legal person "
		              "(1)"), taxpayer);
	n = id ? strlen(id) : 0;
	if (n >= IN_MAX)
		return tx_refuse(out, _("Tax id is too long: %zu characters, at most %d"), n, ID_MAX);
	r = foreign ? NULL : country_find(country);
	if (!r)
		return tx_any_validate(id ? id : "", out);	/* a DV means nothing here */
	if (tx_prepare_dv(dv, typed, sizeof typed, out) != CART_OK)
		return CART_INVALID;
	return r->validate(taxpayer, id ? id : "", typed, out);
}

int taxid_generate(const char *country, int taxpayer, uint64_t seed, char id[32], char dv[4])
{
	const struct country_rules *r = country_find(country);

	if (!id || !dv || (taxpayer != TAXPAYER_NATURAL && taxpayer != TAXPAYER_LEGAL))
		return CART_INVALID;
	if (!r) {
		snprintf(id, 32, "ID-%" PRIu64, seed);
		dv[0] = '\0';
		return CART_OK;
	}
	r->generate(taxpayer, seed, id, dv);
	return CART_OK;
}
