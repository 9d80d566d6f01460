/* Tax ids, currencies and amounts as printed documents write them (include/cartera/papers.h).
 * Kept apart from src/base/taxid.c, which parses and validates what clerks type. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cartera/err.h"
#include "cartera/i18n.h"
#include "cartera/papers.h"

static size_t digits_in(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			n++;
	return n;
}

static int only_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int is(const char *country, const char *cc)
{
	return country && !strcasecmp(country, cc);
}

const char *taxid_label(const char *country, const char *id)
{
	size_t n = id ? digits_in(id) : 0;

	if (is(country, "PE"))
		return n == 8 && only_digits(id) ? "DNI" : "RUC";
	if (is(country, "CO"))
		return "NIT";
	if (is(country, "MX"))
		return "RFC";
	if (is(country, "PA"))
		return "RUC";
	if (is(country, "EC"))
		return n == 10 && only_digits(id) ? _("Cédula") : "RUC";
	return _("Tax id");
}

/* Digits grouped by thousands with dots: 900123456 -> 900.123.456. */
static void group_dots(const char *digits, char *out, size_t size)
{
	size_t n = strlen(digits), o = 0;

	for (size_t i = 0; i < n && o + 2 < size; i++) {
		if (i && (n - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

void taxid_display(const char *country, const char *id, const char *dv, char *out, size_t size)
{
	char base[64], check[8], grouped[96];
	const char *h;

	if (!size)
		return;
	out[0] = '\0';
	if (!id || !*id)
		return;
	snprintf(base, sizeof base, "%s", id);
	snprintf(check, sizeof check, "%s", dv ? dv : "");
	/* a Colombian NIT kept in one field, "900123456-7": the last hyphen sets off its DV */
	if (!check[0] && is(country, "CO") && (h = strrchr(base, '-')) && only_digits(h + 1) &&
	    strlen(h + 1) == 1) {
		snprintf(check, sizeof check, "%s", h + 1);
		base[h - base] = '\0';
	}
	if (is(country, "CO") && only_digits(base)) {
		group_dots(base, grouped, sizeof grouped);
		snprintf(out, size, "%s%s%s", grouped, check[0] ? "-" : "", check);
	} else if (is(country, "PA") && check[0])
		snprintf(out, size, "%s DV %s", base, check);
	else
		snprintf(out, size, "%s%s%s", base, check[0] ? "-" : "", check);
}

void taxid_labelled(const char *country, const char *label, const char *id, const char *dv,
                    char *out, size_t size)
{
	char shown[96];

	if (!size)
		return;
	out[0] = '\0';
	if (!id || !*id)
		return;
	taxid_display(country, id, dv, shown, sizeof shown);
	snprintf(out, size, "%s %s", label && *label ? label : taxid_label(country, id), shown);
}

/* ---- currencies ---- */

static const currency_name currencies[] = {
	{ "PEN", "S/", "SOL", "SOLES" },
	{ "USD", "US$", "DÓLAR ESTADOUNIDENSE", "DÓLARES ESTADOUNIDENSES" },
	{ "COP", "$", "PESO COLOMBIANO", "PESOS COLOMBIANOS" },
	{ "MXN", "$", "PESO MEXICANO", "PESOS MEXICANOS" },
	{ "PAB", "B/.", "BALBOA", "BALBOAS" },
	{ "EUR", "€", "EURO", "EUROS" },
};

const currency_name *currency_find(const char *code)
{
	for (size_t i = 0; code && i < sizeof currencies / sizeof currencies[0]; i++)
		if (!strcasecmp(currencies[i].code, code))
			return &currencies[i];
	return NULL;
}

/* ---- numbers in words ---- */

static const char *const units[] = {
	"CERO", "UNO", "DOS", "TRES", "CUATRO", "CINCO", "SEIS", "SIETE", "OCHO", "NUEVE",
	"DIEZ", "ONCE", "DOCE", "TRECE", "CATORCE", "QUINCE", "DIECISÉIS", "DIECISIETE",
	"DIECIOCHO", "DIECINUEVE", "VEINTE", "VEINTIUNO", "VEINTIDÓS", "VEINTITRÉS",
	"VEINTICUATRO", "VEINTICINCO", "VEINTISÉIS", "VEINTISIETE", "VEINTIOCHO", "VEINTINUEVE"
};
static const char *const tens[] = {
	"", "", "", "TREINTA", "CUARENTA", "CINCUENTA", "SESENTA", "SETENTA", "OCHENTA", "NOVENTA"
};
static const char *const hundreds[] = {
	"", "CIENTO", "DOSCIENTOS", "TRESCIENTOS", "CUATROCIENTOS", "QUINIENTOS", "SEISCIENTOS",
	"SETECIENTOS", "OCHOCIENTOS", "NOVECIENTOS"
};

typedef struct wbuf {
	char *p;
	size_t size, used;
	int over;
} wbuf;

static void put(wbuf *b, const char *s)
{
	size_t n = strlen(s), sep = b->used ? 1 : 0;

	if (b->used + sep + n + 1 > b->size) {
		b->over = 1;
		return;
	}
	if (sep)
		b->p[b->used++] = ' ';
	memcpy(b->p + b->used, s, n + 1);
	b->used += n;
}

/* 1..999; short: the form before MIL, MILLÓN... (UN, VEINTIÚN, ... Y UN). */
static void below_1000(wbuf *b, int n, int apocope)
{
	int h = n / 100, r = n % 100;

	if (n == 100) {
		put(b, "CIEN");
		return;
	}
	if (h)
		put(b, hundreds[h]);
	if (!r)
		return;
	if (r < 30) {
		if (apocope && r == 1)
			put(b, "UN");
		else if (apocope && r == 21)
			put(b, "VEINTIÚN");
		else
			put(b, units[r]);
		return;
	}
	put(b, tens[r / 10]);
	if (r % 10) {
		put(b, "Y");
		put(b, apocope && r % 10 == 1 ? "UN" : units[r % 10]);
	}
}

/* 1..999 999 */
static void below_million(wbuf *b, int64_t n, int apocope)
{
	int th = (int)(n / 1000), r = (int)(n % 1000);

	if (th == 1)
		put(b, "MIL");
	else if (th) {
		below_1000(b, th, 1);
		put(b, "MIL");
	}
	if (r)
		below_1000(b, r, apocope);
}

/* 1..999 999 999 999: millions (up to MIL MILLONES) and what follows */
static void below_billion(wbuf *b, int64_t n, int apocope)
{
	int64_t mill = n / 1000000, r = n % 1000000;

	if (mill == 1)
		put(b, "UN MILLÓN");
	else if (mill) {
		below_million(b, mill, 1);
		put(b, "MILLONES");
	}
	if (r)
		below_million(b, r, apocope);
}

int number_words(int64_t n, char *out, size_t size)
{
	wbuf b = { out, size, 0, 0 };
	int64_t bill, r;

	if (!size)
		return CART_INVALID;
	out[0] = '\0';
	if (n < 0 || n > INT64_C(999999999999999999))
		return CART_INVALID;
	if (n == 0)
		put(&b, "CERO");
	bill = n / INT64_C(1000000000000);
	r = n % INT64_C(1000000000000);
	if (bill == 1)
		put(&b, "UN BILLÓN");
	else if (bill) {
		below_million(&b, bill, 1);
		put(&b, "BILLONES");
	}
	if (r)
		below_billion(&b, r, 0);
	if (b.over) {
		out[0] = '\0';
		return CART_INVALID;
	}
	return CART_OK;
}

int amount_words(int64_t minor, int decimals, const char *currency, char *out, size_t size)
{
	const currency_name *cn = currency_find(currency);
	char words[512];
	int64_t scale = 1, whole, frac;
	uint64_t mag;
	int rc;

	if (!size)
		return CART_INVALID;
	out[0] = '\0';
	if (decimals < 0 || decimals > 4)
		return CART_INVALID;
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	mag = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
	whole = (int64_t)(mag / (uint64_t)scale);
	frac = (int64_t)(mag % (uint64_t)scale);
	if ((rc = number_words(whole, words, sizeof words)) != CART_OK)
		return rc;
	if (decimals)
		rc = snprintf(out, size, "SON: %s%s CON %0*lld/%lld %s", minor < 0 ? "MENOS " : "", words,
		              decimals, (long long)frac, (long long)scale,
		              cn ? cn->many : currency);
	else
		rc = snprintf(out, size, "SON: %s%s %s", minor < 0 ? "MENOS " : "", words,
		              cn ? cn->many : currency);
	if (rc < 0 || (size_t)rc >= size) {
		out[0] = '\0';
		return CART_INVALID;
	}
	return CART_OK;
}
