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

#include "cartera/err.h"
#include "cartera/taxid.h"
#include "cartera/i18n.h"

/* Longest input looked at; anything longer cannot normalize into the 31 bytes stored. */
#define IN_MAX 128
#define ID_MAX ((int)sizeof(((taxid_check *)0)->normalized) - 1)

/* ---- shared helpers ---- */

static void say(taxid_check *out, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
static void say(taxid_check *out, const char *fmt, va_list ap)
{
	vsnprintf(out->message, sizeof out->message, fmt, ap);
}

static int refuse(taxid_check *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int refuse(taxid_check *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(out, fmt, ap);
	va_end(ap);
	out->warning = 0;	/* a refusal outranks any warning given before it */
	return CART_INVALID;
}

/* Accepted, but the clerk should look. */
static int warn(taxid_check *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int warn(taxid_check *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(out, fmt, ap);
	va_end(ap);
	out->warning = 1;
	return CART_OK;
}

/* Copy src into dst of size bytes, cut short when it does not fit. */
static void set(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* snprintf for the canonical texts, whose parts are short by construction (an id fits in 31
 * bytes), through vsnprintf so that gcc does not warn about truncation it cannot rule out. */
static void print_to(char *dst, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void print_to(char *dst, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dst, size, fmt, ap);
	va_end(ap);
}

static int is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}

/* s is 1..max digits. */
static int is_num(const char *s, size_t max)
{
	size_t n = strlen(s);

	return n >= 1 && n <= max && all_digits(s, n);
}

/* Drop blanks and the ASCII characters in drop, upper-case ASCII letters and "ñ". The ctype
 * functions are avoided on purpose: they follow the locale, and ids must not. */
static void normalize(const char *in, const char *drop, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)in;
	unsigned char prev = 0;
	size_t n = 0;

	for (; *p; prev = *p++) {
		unsigned char c = *p;

		if (is_blank(c) || strchr(drop, c))
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
static int printable(const char *s)
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
static int prepare(const char *id, const char *drop, char *buf, size_t size, taxid_check *out)
{
	size_t n;

	normalize(id, drop, buf, size);
	if (!printable(buf))
		return refuse(out, _("Tax id contains a control character or is not valid UTF-8 "
		              "text"));
	n = strlen(buf);
	if (n == 0)
		return refuse(out, _("Tax id is empty"));
	if (n > (size_t)ID_MAX)
		return refuse(out, _("Tax id \"%.24s...\" is too long: %zu characters, at most %d"),
		              buf, n, ID_MAX);
	set(out->normalized, sizeof out->normalized, buf);
	return CART_OK;
}

/* The DV typed in its own field, normalized like an id; "" when none was typed. */
static int prepare_dv(const char *dv, char *buf, size_t size, taxid_check *out)
{
	normalize(dv ? dv : "", "", buf, size);
	if (!printable(buf))
		return refuse(out, _("DV contains a control character or is not valid UTF-8 text"));
	if (strlen(buf) > 8)
		return refuse(out, _("DV \"%.8s...\" is too long"), buf);
	return CART_OK;
}

/* For ids that carry their check character: a DV typed apart must be one of accepted. */
static int typed_matches(taxid_check *out, const char *what, const char *dv, const char *accepted)
{
	if (!dv[0] || (strlen(dv) == 1 && strchr(accepted, dv[0])))
		return CART_OK;
	if (strlen(accepted) == 2)
		return refuse(out, _("%s \"%s\" has check character %c or %c, not the DV typed "
		              "\"%s\""), what, out->normalized, accepted[0], accepted[1], dv);
	return refuse(out, _("%s \"%s\" has check digit %c, not the DV typed \"%s\""), what,
	              out->normalized, accepted[0], dv);
}

/* ---- Peru: RUC (11 digits) and DNI (8 digits, optional check character) ---- */

static char pe_ruc_check(const char *d)
{
	static const int w[10] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
	int sum = 0;

	for (int i = 0; i < 10; i++)
		sum += (d[i] - '0') * w[i];
	return (char)('0' + (11 - sum % 11) % 10);	/* 11 - r, where 10 -> 0 and 11 -> 1 */
}

static int pe_ruc(int taxpayer, const char *id, const char *dv, taxid_check *out)
{
	char expect;

	set(out->kind, sizeof out->kind, "RUC");
	if (strncmp(id, "10", 2) && strncmp(id, "15", 2) && strncmp(id, "17", 2) &&
	    strncmp(id, "20", 2))
		return refuse(out, _("RUC \"%s\" starts with %.2s; a RUC starts with 10, 15, 17 or "
		              "20"), id, id);
	expect = pe_ruc_check(id);
	if (id[10] != expect)
		return refuse(out, _("RUC \"%s\" has check digit %c, expected %c"), id, id[10],
		              expect);
	if (taxpayer == TAXPAYER_LEGAL && strncmp(id, "20", 2))
		return refuse(out, _("RUC \"%s\" is a natural person's; a legal person's RUC "
		              "starts with 20"), id);
	if (taxpayer == TAXPAYER_NATURAL && !strncmp(id, "20", 2))
		return refuse(out, _("RUC \"%s\" is a legal person's (it starts with 20); a "
		              "natural person has a RUC starting with 10, 15 or 17, or a DNI"), id);
	return typed_matches(out, "RUC", dv, (char[]){ expect, '\0' });
}

/* The DNI's check character, printed on the card as a digit or a letter: both are accepted. */
static void pe_dni_checks(const char *d, char two[3])
{
	static const int w[8] = { 3, 2, 7, 6, 5, 4, 3, 2 };
	int sum = 0;

	for (int i = 0; i < 8; i++)
		sum += (d[i] - '0') * w[i];
	two[0] = "65432110987"[sum % 11];
	two[1] = "KJIHGFEDCBA"[sum % 11];
	two[2] = '\0';
}

static int pe_dni(int taxpayer, char *id, const char *dv, taxid_check *out)
{
	char two[3];

	set(out->kind, sizeof out->kind, "DNI");
	pe_dni_checks(id, two);
	if (id[8] && id[8] != two[0] && id[8] != two[1])
		return refuse(out, _("DNI \"%.8s\" has check character %c, expected %c or %c"), id,
		              id[8], two[0], two[1]);
	id[8] = '\0';	/* the check character is not part of the stored DNI */
	set(out->normalized, sizeof out->normalized, id);
	if (taxpayer == TAXPAYER_LEGAL)
		return refuse(out, _("DNI \"%s\" is a natural person's id; a legal person needs a "
		              "RUC of 11 digits starting with 20"), id);
	return typed_matches(out, "DNI", dv, two);
}

static int pe_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out)
{
	char id[IN_MAX];
	size_t n;

	if (prepare(raw, "-.", id, sizeof id, out) != CART_OK)
		return CART_INVALID;
	n = strlen(id);
	if (n == 11 && all_digits(id, n))
		return pe_ruc(taxpayer, id, dv, out);
	if ((n == 8 || n == 9) && all_digits(id, 8))
		return pe_dni(taxpayer, id, dv, out);
	if (taxpayer == TAXPAYER_LEGAL)
		return refuse(out, _("RUC \"%s\" must be 11 digits"), id);
	return refuse(out, _("Tax id \"%s\" is neither a RUC (11 digits) nor a DNI (8 digits)"), id);
}

/* ---- Panama: RUC with a two-digit DV ----
 *
 * The DGI's algorithm (its note "Cálculo del dígito verificador del RUC") pads the RUC's parts
 * into a digit string, then takes DV1 = 11 - (sum of digits times weights 2, 3, 4... from the
 * right) mod 11, or 0 when the remainder is 0 or 1, and DV2 the same way over the string followed
 * by DV1. How the string is built depends on the form, which is why the taxpayer type chooses
 * between the natural and the legal forms (8-123-456 is valid as both, with different DVs):
 *
 *   natural  P-F-A        cedula, province 1-13:     "5" P(2) "00" F(3) A(5)
 *            E-F-A N-F-A  foreigner, naturalized:    "5" "00" "50"/"40" F(3) A(5)   F of 1-3 digits
 *            PE-F-A       Panamanian born abroad:    same with "75"
 *                         with a 4-digit F:          "5" "66"/"92"/"82" "5"/"4"/"75" F(4) A(5),
 *                         and a 6-digit A (E, N):    "5" "66"/"92" "50"/"40" F(4) A(6)
 *            PAV-F-A PPI-F-A  before the cedula law, indigenous: "5" P(2) "15"/"79" F(3) A(5),
 *                         with a 4-digit F:          "5" "9595" F(4) A(5)
 *            P-NT-F-A     taxpayer number:           "5" P(2) "43" F(3) A(5)
 *   legal    T-F-A        ficha/tomo, imagen/folio, asiento or year: T(10) F(4) A(6)
 *            P-NT-F-A     taxpayer number:           P(2) "43" F(3) A(5)
 *
 * X(n) is X padded with zeros to n digits (a longer X is kept whole). Natural forms take an F of
 * up to 4 digits (3 for NT) and an A of up to 5 (6 for E, N and NT); legal ones a T of up to 10,
 * an F of 4 (3 for NT) and an A of 6; longer parts are refused. A legal RUC whose padded digits 4-6
 * are 000 to 004 is old-style: digits 6-7 go through a cross-reference table and the weight 11 is
 * used twice. We learnt the forms from open-source calculators that implement that note
 * (panama-ruc-dv-calculator, verification-digit-pty, python-stdnum). The legal ones agree with
 * some 170 RUCs published with their DVs, which reach 20 of the table's 40 entries; the natural
 * and NT forms only with those calculators' examples, since people's DVs are seldom published.
 */

struct digits {
	char s[32];
	size_t n;
};

static void put(struct digits *d, const char *s, size_t width)
{
	size_t len = strlen(s);

	for (; len < width && d->n + 1 < sizeof d->s; width--)
		d->s[d->n++] = '0';
	for (size_t i = 0; i < len && d->n + 1 < sizeof d->s; i++)
		d->s[d->n++] = s[i];
	d->s[d->n] = '\0';
}

static int pa_digit(const char *s, size_t n, int old)
{
	int sum = 0, w = 2, r;

	for (size_t i = n; i-- > 0; w++) {
		if (old && w == 12) {
			/* old-style: the 11th digit from the right weighs 11 again */
			old = 0;
			w = 11;
		}
		sum += (s[i] - '0') * w;
	}
	r = sum % 11;
	return r > 1 ? 11 - r : 0;
}

static void pa_dv(struct digits *d, int old, char dv[3])
{
	int dv1 = pa_digit(d->s, d->n, old);

	d->s[d->n] = (char)('0' + dv1);
	dv[0] = d->s[d->n];
	dv[1] = (char)('0' + pa_digit(d->s, d->n + 1, old));
	dv[2] = '\0';
	d->s[d->n] = '\0';
}

/* Old-style legal RUCs: the pair 10..49 at padded digits 6-7 becomes "0" and this digit. */
static const char pa_old_xref[] = "123456789" "1234" "789" "23456789" "123456789" "1234567";

/* A province 1-13 written in one or two digits; 0 when it is not one. */
static int pa_province(const char *s, size_t len)
{
	int p;

	if (len < 1 || len > 2 || !all_digits(s, len))
		return 0;
	p = len == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
	return p >= 1 && p <= 13 ? p : 0;
}

static void pa_put_province(struct digits *d, int p)
{
	char s[3] = { (char)('0' + p / 10), (char)('0' + p % 10), '\0' };

	put(d, s, 2);
}

/* Natural forms: the padded digits and the canonical text, or -1 when part is none of them. */
static int pa_natural(char **part, int np, struct digits *d, char *canon, size_t size)
{
	static const struct {
		const char *letter, *code2, *code, *check;
	} letters[] = {
		{ "E", "50", "5", "66" }, { "N", "40", "4", "92" }, { "PE", "75", "75", "82" },
	};
	size_t l0 = strlen(part[0]);
	int prov;

	if (np == 4 && !strcmp(part[1], "NT")) {
		prov = pa_province(part[0], l0);
		if (!prov || !is_num(part[2], 3) || !is_num(part[3], 6))
			return -1;
		put(d, "5", 1);
		pa_put_province(d, prov);
		put(d, "43", 2);
		put(d, part[2], 3);
		put(d, part[3], 5);
		print_to(canon, size, "%d-NT-%s-%s", prov, part[2], part[3]);
		return 0;
	}
	if (np != 3 || !is_num(part[1], 4))
		return -1;
	for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++) {
		int en = i < 2;	/* E and N allow a 6-digit asiento */

		if (strcmp(part[0], letters[i].letter))
			continue;
		if (!is_num(part[2], en ? 6 : 5))
			return -1;
		put(d, "5", 1);
		if (strlen(part[1]) < 4) {
			put(d, "00", 2);
			put(d, letters[i].code2, 2);
			put(d, part[1], 3);
		} else {
			put(d, letters[i].check, 2);
			put(d, strlen(part[2]) == 6 ? letters[i].code2 : letters[i].code, 1);
			put(d, part[1], 4);
		}
		put(d, part[2], 5);
		print_to(canon, size, "%s-%s-%s", part[0], part[1], part[2]);
		return 0;
	}
	if (!is_num(part[2], 5))
		return -1;
	if (l0 >= 3 && (!strcmp(part[0] + l0 - 2, "AV") || !strcmp(part[0] + l0 - 2, "PI"))) {
		prov = pa_province(part[0], l0 - 2);
		if (!prov)
			return -1;
		put(d, "5", 1);
		if (strlen(part[1]) < 4) {
			pa_put_province(d, prov);
			put(d, part[0][l0 - 2] == 'A' ? "15" : "79", 2);
			put(d, part[1], 3);
		} else {
			put(d, "9595", 4);
			put(d, part[1], 4);
		}
		put(d, part[2], 5);
		print_to(canon, size, "%d%s-%s-%s", prov, part[0] + l0 - 2, part[1], part[2]);
		return 0;
	}
	prov = pa_province(part[0], l0);
	if (!prov)
		return -1;
	put(d, "5", 1);
	pa_put_province(d, prov);
	put(d, "00", 2);
	put(d, part[1], 3);
	put(d, part[2], 5);
	print_to(canon, size, "%d-%s-%s", prov, part[1], part[2]);
	return 0;
}

/* Legal forms, as pa_natural; *old is set for an old-style RUC. */
static int pa_legal(char **part, int np, struct digits *d, int *old, char *canon, size_t size)
{
	int prov;

	*old = 0;
	if (np == 4 && !strcmp(part[1], "NT")) {
		prov = pa_province(part[0], strlen(part[0]));
		if (!prov || !is_num(part[2], 3) || !is_num(part[3], 6))
			return -1;
		pa_put_province(d, prov);
		put(d, "43", 2);
		put(d, part[2], 3);
		put(d, part[3], 5);
		print_to(canon, size, "%d-NT-%s-%s", prov, part[2], part[3]);
		return 0;
	}
	if (np != 3 || !is_num(part[0], 10) || !is_num(part[1], 4) || !is_num(part[2], 6))
		return -1;
	put(d, part[0], 10);
	put(d, part[1], 4);
	put(d, part[2], 6);
	if (d->s[3] == '0' && d->s[4] == '0' && d->s[5] < '5') {
		int pair = (d->s[5] - '0') * 10 + (d->s[6] - '0');

		*old = 1;
		if (pair >= 10) {
			d->s[5] = '0';
			d->s[6] = pa_old_xref[pair - 10];
		}
	}
	print_to(canon, size, "%s-%s-%s", part[0], part[1], part[2]);
	return 0;
}

/* A DV as typed, one or two digits, as two digits; -1 when it is not one. */
static int pa_dv_parse(const char *s, char two[3])
{
	size_t n = strlen(s);

	if (!is_num(s, 2))
		return -1;
	two[0] = n == 1 ? '0' : s[0];
	two[1] = s[n - 1];
	two[2] = '\0';
	return 0;
}

static int pa_dv_check(taxid_check *out, const char *typed)
{
	char two[3];

	if (!typed || !typed[0])
		return CART_OK;
	if (pa_dv_parse(typed, two))
		return refuse(out, _("DV \"%s\" of RUC \"%s\" must be one or two digits"), typed,
		              out->normalized);
	if (strcmp(two, out->dv))
		return refuse(out, _("RUC \"%s\" has DV %s, expected %s"), out->normalized, typed,
		              out->dv);
	return CART_OK;
}

static int pa_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out)
{
	char id[IN_MAX], canon[IN_MAX];
	char *part[6], *marker, *p;
	const char *attached = NULL;
	struct digits d = { .n = 0 };
	int np = 0, old = 0, rc;

	/* Dots go, so "D.V. 59" reads as "DV59"; hyphens separate the parts. */
	if (prepare(raw, ".", id, sizeof id, out) != CART_OK)
		return CART_INVALID;
	set(out->kind, sizeof out->kind, "RUC");
	marker = strstr(id, "DV");
	if (marker) {
		*marker = '\0';
		attached = marker + 2;
		while (marker > id && marker[-1] == '-')
			*--marker = '\0';
	}
	for (p = id; np < 6; p++) {
		part[np++] = p;
		p = strchr(p, '-');
		if (!p)
			break;
		*p = '\0';
	}
	/* A DV attached as one more part: 8-442-445-08, 8-NT-1-24-33. */
	if (!attached && np >= 4 && np == (strcmp(part[1], "NT") ? 4 : 5) &&
	    is_num(part[np - 1], 2))
		attached = part[--np];
	if (np > 5)
		return refuse(out, _("RUC \"%s\" has too many parts"), out->normalized);
	if (taxpayer == TAXPAYER_NATURAL)
		rc = pa_natural(part, np, &d, canon, sizeof canon);
	else
		rc = pa_legal(part, np, &d, &old, canon, sizeof canon);
	if (rc && taxpayer == TAXPAYER_NATURAL)
		return refuse(out, _("RUC \"%s\" is not a natural person's RUC, such as 8-123-456, "
		              "E-8-1234, PE-1-123, N-1-123, 8AV-1-123, 8PI-1-123 or 8-NT-1-123"),
		              out->normalized);
	if (rc)
		return refuse(out, _("RUC \"%s\" is not a legal person's RUC, such as "
		              "155596713-2-2015, 1102-85-117211 or 8-NT-1-123"), out->normalized);
	set(out->normalized, sizeof out->normalized, canon);
	pa_dv(&d, old, out->dv);
	if (pa_dv_check(out, attached) != CART_OK || pa_dv_check(out, dv) != CART_OK)
		return CART_INVALID;
	return CART_OK;
}

/* ---- Colombia: NIT with DV (mod 11 with prime weights, from the right) ---- */

static char co_dv(const char *d, size_t n)
{
	static const int w[15] = { 3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71 };
	int sum = 0, r;

	for (size_t i = 0; i < n && i < 15; i++)
		sum += (d[n - 1 - i] - '0') * w[i];
	r = sum % 11;
	return (char)('0' + (r > 1 ? 11 - r : r));
}

static int co_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out)
{
	char id[IN_MAX];
	char *last, *p, *q;
	char attached = '\0';
	size_t n;

	/* Dots and commas are thousands separators; a hyphen before a last single digit sets off
	 * the DV. */
	if (prepare(raw, ".,", id, sizeof id, out) != CART_OK)
		return CART_INVALID;
	set(out->kind, sizeof out->kind, "NIT");
	last = strrchr(id, '-');
	if (last && is_digit(last[1]) && !last[2]) {
		attached = last[1];
		*last = '\0';
	}
	/* Other hyphens were typed as thousands separators. */
	for (p = q = id; *p; p++)
		if (*p != '-')
			*q++ = *p;
	*q = '\0';
	set(out->normalized, sizeof out->normalized, id);
	n = strlen(id);
	if (!n || !all_digits(id, n))
		return refuse(out, _("NIT \"%s\" may contain only digits, with the DV after a "
		              "hyphen"), id);
	if (taxpayer == TAXPAYER_LEGAL && n != 9)
		return refuse(out, _("NIT \"%s\" has %zu digits; a company's NIT has 9%s"), id, n,
		              n == 10 ? " (type the DV after a hyphen or in its own field)" : "");
	if (taxpayer == TAXPAYER_NATURAL && (n < 6 || n > 10))
		return refuse(out, _("NIT \"%s\" has %zu digits; a person's cedula or NIT has 6 to "
		              "10"), id, n);
	out->dv[0] = co_dv(id, n);
	out->dv[1] = '\0';
	if (attached && attached != out->dv[0])
		return refuse(out, _("NIT \"%s\" has DV %c, expected %s"), id, attached, out->dv);
	if (dv[0] && strcmp(dv, out->dv))
		return refuse(out, _("NIT \"%s\" has DV %s, expected %s"), id, dv, out->dv);
	return CART_OK;
}

/* ---- Mexico: RFC ---- */

#define MX_ENYE 256	/* Ñ among the RFC's symbols, which are otherwise ASCII characters */

/* The SAT's value of each symbol: "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ". */
static int mx_value(int c)
{
	if (is_digit((char)c))
		return c - '0';
	if (c >= 'A' && c <= 'N')
		return c - 'A' + 10;
	if (c == '&')
		return 24;
	if (c >= 'O' && c <= 'Z')
		return c - 'O' + 25;
	if (c == ' ')
		return 37;
	return 38;	/* Ñ */
}

/* Over the n symbols before the check digit, left-padded with blanks to 12. */
static char mx_check(const int *sym, int n)
{
	int sum = 0, c;

	for (int i = 0; i < 12; i++)
		sum += mx_value(i < 12 - n ? ' ' : sym[i - (12 - n)]) * (13 - i);
	c = (11 - sum % 11) % 11;
	return c == 10 ? 'A' : (char)('0' + c);
}

static int mx_date_ok(const int *s)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int yy, mm, dd;

	for (int i = 0; i < 6; i++)
		if (s[i] >= MX_ENYE || !is_digit((char)s[i]))
			return 0;
	yy = (s[0] - '0') * 10 + s[1] - '0';
	mm = (s[2] - '0') * 10 + s[3] - '0';
	dd = (s[4] - '0') * 10 + s[5] - '0';
	if (mm < 1 || mm > 12 || dd < 1 || dd > days[mm - 1])
		return 0;
	/* The century is unknown; 00 is 2000, a leap year. */
	return !(mm == 2 && dd == 29 && yy % 4);
}

/* The letters of the name part: A-Z, Ñ and & (as in "&&&030828PX7"). */
static int mx_name_sym(int c)
{
	return c == MX_ENYE || c == '&' || is_upper((char)c);
}

static int mx_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out)
{
	char id[IN_MAX];
	int sym[IN_MAX];
	int n = 0, letters;
	char expect;

	if (prepare(raw, "-.", id, sizeof id, out) != CART_OK)
		return CART_INVALID;
	set(out->kind, sizeof out->kind, "RFC");
	/* Generic RFCs for sales to the general public and to foreigners: XAXX010101000 fails the
	 * check digit and both have 13 characters, whatever the taxpayer type. */
	if (!strcmp(id, "XAXX010101000") || !strcmp(id, "XEXX010101000"))
		return typed_matches(out, "RFC", dv, "0");
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if (p[0] == 0xC3 && p[1] == 0x91) {
			sym[n++] = MX_ENYE;
			p++;
		} else if (is_upper((char)*p) || is_digit((char)*p) || *p == '&') {
			sym[n++] = *p;
		} else {
			return refuse(out, _("RFC \"%s\" may contain only letters, digits, & and Ñ"),
			              id);
		}
	}
	if (n != 12 && n != 13)
		return refuse(out, _("RFC \"%s\" has %d characters; a legal person's RFC has 12 "
		              "and a natural person's 13"), id, n);
	if (taxpayer == TAXPAYER_LEGAL && n == 13)
		return refuse(out, _("RFC \"%s\" has 13 characters, as a natural person's; a legal "
		              "person's RFC has 12"), id);
	if (taxpayer == TAXPAYER_NATURAL && n == 12)
		return refuse(out, _("RFC \"%s\" has 12 characters, as a legal person's; a natural "
		              "person's RFC has 13"), id);
	letters = n - 9;
	for (int i = 0; i < letters; i++)
		if (!mx_name_sym(sym[i]))
			return refuse(out, _("RFC \"%s\" must start with %d letters"), id, letters);
	if (!mx_date_ok(sym + letters))
		return refuse(out, _("RFC \"%s\" must have a valid date (YYMMDD) after its %d "
		              "letters"), id, letters);
	for (int i = n - 3; i < n; i++)
		if (sym[i] >= MX_ENYE || !(is_upper((char)sym[i]) || is_digit((char)sym[i])))
			return refuse(out, _("RFC \"%s\" must end in three letters or digits"), id);
	if (typed_matches(out, "RFC", dv, (char[]){ (char)sym[n - 1], '\0' }) != CART_OK)
		return CART_INVALID;
	expect = mx_check(sym, n - 1);
	/* About 1.5% of the RFCs the SAT has issued fail this check: it only warns. */
	if (sym[n - 1] != expect)
		return warn(out, _("RFC \"%s\" has check digit %c, expected %c; some RFCs issued by "
		            "the SAT fail this check, so confirm it with the client"), id,
		            (char)sym[n - 1], expect);
	return CART_OK;
}

/* ---- Ecuador: cedula (10 digits) and RUC (13 digits) ----
 *
 * A cedula's tenth digit is a mod-10 check (coefficients 2,1,2,1...; products over 9 less 9). Its
 * third digit is 0-5, or 6 for the cedulas of some foreign residents (0962467429, shown valid by
 * the SRI's and the Registro Civil's lookups in python-stdnum's issue 267). A RUC is 13 digits:
 * a person's is the cedula and an establishment number (001); a company's has third digit 9 and
 * a mod-11 check digit tenth (weights 4,3,2,7,6,5,4,3,2); a public entity's third digit 6 and
 * the check ninth (weights 3,2,7,6,5,4,3,2). So a third digit 6 is ambiguous, and the taxpayer
 * type decides.
 *
 * The SRI states that it issues company and public-entity RUCs by no check-digit algorithm: newer
 * ones (1793213150001, CARNADA S.A.S.) fail the mod-11 check and some companies follow the public
 * entity's pattern. There a failed check only warns, as an RFC's does in Mexico. The SRI also gives
 * third digit 9 to foreign residents with no cedula, so a natural person may have one.
 */

static char ec_cedula_check(const char *d)
{
	int sum = 0;

	for (int i = 0; i < 9; i++) {
		int v = (d[i] - '0') * (i % 2 ? 1 : 2);

		sum += v > 9 ? v - 9 : v;
	}
	return (char)('0' + (10 - sum % 10) % 10);
}

/* Mod 11 over the first n digits; 0 when no digit fits (the remainder is 1). */
static char ec_mod11(const char *d, const int *w, int n)
{
	int sum = 0, r;

	for (int i = 0; i < n; i++)
		sum += (d[i] - '0') * w[i];
	r = sum % 11;
	if (r == 1)
		return '\0';
	return (char)('0' + (r ? 11 - r : 0));
}

static const int ec_w_private[9] = { 4, 3, 2, 7, 6, 5, 4, 3, 2 };
static const int ec_w_public[8] = { 3, 2, 7, 6, 5, 4, 3, 2 };

/* A company's or public entity's RUC with the check digit at position at: clean, or a warning. */
static int ec_entity(taxid_check *out, const char *id, int at, char expect)
{
	if (id[at] == expect)
		return CART_OK;
	if (!expect)
		return warn(out, _("RUC \"%s\" has no valid mod-11 check digit; the SRI issues some "
		            "RUCs without one, so confirm it with the client"), id);
	return warn(out, _("RUC \"%s\" has check digit %c, expected %c; the SRI issues some RUCs "
	            "without one, so confirm it with the client"), id, id[at], expect);
}

static int ec_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out)
{
	char id[IN_MAX];
	const char *what;
	size_t n;
	int prov, at = 9, rc = CART_OK;
	char third, expect;

	if (prepare(raw, "-.", id, sizeof id, out) != CART_OK)
		return CART_INVALID;
	n = strlen(id);
	what = n == 10 ? "Cedula" : "RUC";
	set(out->kind, sizeof out->kind, n == 10 ? "CEDULA" : "RUC");
	if ((n != 10 && n != 13) || !all_digits(id, n)) {
		if (taxpayer == TAXPAYER_LEGAL)
			return refuse(out, _("RUC \"%s\" must be 13 digits"), id);
		return refuse(out, _("Tax id \"%s\" is neither a cedula (10 digits) nor a RUC (13 "
		              "digits)"), id);
	}
	prov = (id[0] - '0') * 10 + id[1] - '0';
	if ((prov < 1 || prov > 24) && prov != 30)
		return refuse(out, _("%s \"%s\" has province code %.2s; the codes are 01 to 24 and "
		              "30"), what, id, id);
	third = id[2];
	if (third == '7' || third == '8' || (n == 10 && third == '9'))
		return refuse(out, _("%s \"%s\" has third digit %c, which no %s has"), what, id, third,
		              n == 10 ? "cedula" : "RUC");
	/* After the check digit a RUC carries its establishment number, 001 for the main one. */
	if (n == 13 && !strcmp(id + 10, "000"))
		return refuse(out, _("RUC \"%s\" ends in 000, which is no establishment number "
		              "(such as 001)"), id);
	if (taxpayer == TAXPAYER_LEGAL && n == 10)
		return refuse(out, _("Cedula \"%s\" is a natural person's id; a legal person needs "
		              "a RUC of 13 digits with third digit 9 or 6"), id);
	if (taxpayer == TAXPAYER_LEGAL && third <= '5')
		return refuse(out, _("RUC \"%s\" is a natural person's (third digit %c); a legal "
		              "person's RUC has third digit 9 (company) or 6 (public entity)"), id,
		              third);
	if (third == '9') {
		expect = ec_mod11(id, ec_w_private, 9);
		if (id[9] != expect && id[8] == ec_mod11(id, ec_w_public, 8))
			at = 8;	/* a company with the public entity's pattern */
		else
			rc = ec_entity(out, id, 9, expect);
	} else if (third == '6' && taxpayer == TAXPAYER_LEGAL) {
		at = 8;
		if (!strcmp(id + 9, "0000"))
			return refuse(out, _("RUC \"%s\" ends in 0000, which is no establishment "
			              "number (such as 0001)"), id);
		rc = ec_entity(out, id, 8, ec_mod11(id, ec_w_public, 8));
	} else {
		/* A person's: the cedula's check is reliable. */
		const char *hint = third == '6' && n == 13 ?
		                   " (a public entity's RUC needs the legal person type)" : "";

		expect = ec_cedula_check(id);
		if (id[9] != expect)
			return refuse(out, _("%s \"%s\" has check digit %c, expected %c%s"), what, id,
			              id[9], expect, hint);
	}
	if (typed_matches(out, what, dv, (char[]){ id[at], '\0' }) != CART_OK)
		return CART_INVALID;
	return rc;
}

/* ---- foreign clients and other countries: any printable id ---- */

static int any_validate(const char *raw, taxid_check *out)
{
	char id[IN_MAX];

	set(out->kind, sizeof out->kind, "FOREIGN");
	return prepare(raw, "", id, sizeof id, out);
}

/* ---- demo data ---- */

/* A permutation of 0..m-1, since the multiplier is a prime that divides no m used: distinct
 * seeds below m give distinct numbers, scattered rather than counted. m < 2^32 keeps the product
 * within 64 bits. */
static uint64_t spread(uint64_t seed, uint64_t m)
{
	return ((seed % m) * (2654435761u % m) + 1442695041u % m) % m;
}

static void pe_generate(int taxpayer, uint64_t seed, char id[32], char dv[4])
{
	unsigned body = (unsigned)spread(seed, 100000000);

	dv[0] = '\0';
	if (taxpayer == TAXPAYER_NATURAL && seed % 4 == 3) {
		snprintf(id, 32, "%08u", body);	/* some people give their DNI */
		return;
	}
	snprintf(id, 32, "%s%08u", taxpayer == TAXPAYER_LEGAL ? "20" : "10", body);
	id[10] = pe_ruc_check(id);
	id[11] = '\0';
}

static void pa_generate(int taxpayer, uint64_t seed, char id[32], char dv[4])
{
	taxid_check c;
	unsigned n;

	if (taxpayer == TAXPAYER_LEGAL) {
		n = (unsigned)spread(seed, 15000000);
		snprintf(id, 32, "%u-2-%u", 155000000 + n % 1000000, 2010 + n / 1000000);
	} else {
		n = (unsigned)spread(seed, 13u * 999 * 9999);
		snprintf(id, 32, "%u-%u-%u", n % 13 + 1, n / 13 % 999 + 1, n / (13 * 999) + 1);
	}
	memset(&c, 0, sizeof c);
	pa_validate(taxpayer, id, "", &c);
	set(dv, 4, c.dv);
}

static void co_generate(int taxpayer, uint64_t seed, char id[32], char dv[4])
{
	unsigned n;

	if (taxpayer == TAXPAYER_LEGAL)
		n = 900000000 + (unsigned)spread(seed, 10000000);
	else
		n = 10000000 + (unsigned)spread(seed, 90000000);
	snprintf(id, 32, "%u", n);
	dv[0] = co_dv(id, strlen(id));
	dv[1] = '\0';
}

static void mx_generate(int taxpayer, uint64_t seed, char id[32], char dv[4])
{
	static const char homo[] = "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ";
	int legal = taxpayer == TAXPAYER_LEGAL;
	int letters = legal ? 3 : 4;
	uint64_t names = legal ? 26 * 26 * 26 : 26 * 26 * 26 * 26;
	uint64_t n = spread(seed, names * (legal ? 10080 : 6720));
	uint64_t h = seed * 31 + 7;
	unsigned k = (unsigned)(n / names);
	int sym[13], i;

	for (i = 0; i < letters; i++, n /= 26)
		id[i] = (char)('A' + n % 26);
	/* Companies founded 1980-2009, people born 1970-1989; days 1-28 are valid in any month. */
	if (legal)
		snprintf(id + i, 32 - (size_t)i, "%02u%02u%02u", (80 + k % 30) % 100,
		         k / 30 % 12 + 1, k / 360 + 1);
	else
		snprintf(id + i, 32 - (size_t)i, "%02u%02u%02u", 70 + k % 20, k / 20 % 12 + 1,
		         k / 240 + 1);
	i += 6;
	id[i++] = homo[h % 34];
	id[i++] = homo[h / 34 % 34];
	for (int j = 0; j < i; j++)
		sym[j] = id[j];
	id[i] = mx_check(sym, i);
	id[i + 1] = '\0';
	dv[0] = '\0';
}

static void ec_generate(int taxpayer, uint64_t seed, char id[32], char dv[4])
{
	unsigned n;

	dv[0] = '\0';
	if (taxpayer == TAXPAYER_LEGAL) {
		/* A company: the digit after the 9 is chosen so that some check digit fits. */
		n = (unsigned)spread(seed, 24 * 100000);
		for (int spare = 0; spare < 10; spare++) {
			snprintf(id, 32, "%02u9%d%05u", n % 24 + 1, spare, n / 24);
			id[9] = ec_mod11(id, ec_w_private, 9);
			if (id[9])
				break;
		}
		set(id + 10, 22, "001");
		return;
	}
	n = (unsigned)spread(seed, 24u * 6 * 1000000);
	snprintf(id, 32, "%02u%u%06u", n % 24 + 1, n / 24 % 6, n / 144);
	id[9] = ec_cedula_check(id);
	set(id + 10, 22, seed % 3 == 2 ? "001" : "");	/* some people have a RUC */
}

/* ---- the countries ---- */

static const struct country_rules {
	const char *code;
	int (*validate)(int taxpayer, const char *id, const char *dv, taxid_check *out);
	void (*generate)(int taxpayer, uint64_t seed, char id[32], char dv[4]);
} countries[] = {
	{ "PE", pe_validate, pe_generate },
	{ "PA", pa_validate, pa_generate },
	{ "CO", co_validate, co_generate },
	{ "MX", mx_validate, mx_generate },
	{ "EC", ec_validate, ec_generate },
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
		return refuse(out, _("Taxpayer type %d is neither a natural (0) nor a legal person "
		              "(1)"), taxpayer);
	n = id ? strlen(id) : 0;
	if (n >= IN_MAX)
		return refuse(out, _("Tax id is too long: %zu characters, at most %d"), n, ID_MAX);
	r = foreign ? NULL : country_find(country);
	if (!r)
		return any_validate(id ? id : "", out);	/* a DV means nothing here */
	if (prepare_dv(dv, typed, sizeof typed, out) != CART_OK)
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
