/* Tax ids of Panama (see include/cartera/taxid.h; shared helpers in src/base/taxid.c). */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "taxid_int.h"

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

	if (len < 1 || len > 2 || !tx_all_digits(s, len))
		return 0;
	p = len == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
	return p >= 1 && p <= 13 ? p : 0;
}

static void pa_put_province(struct digits *d, int p)
{
	char s[3] = { (char)('0' + p / 10), (char)('0' + p % 10), '\0' };

	put(d, s, 2);
}

/* A part of digits without its leading zeros ("0442" is the folio 442; "000" is 0). */
static void pa_unpad(char *s)
{
	size_t z = 0, n = strlen(s);

	if (!tx_all_digits(s, n))
		return;
	while (z + 1 < n && s[z] == '0')
		z++;
	memmove(s, s + z, n - z + 1);
}

/* The asiento as the DGI's rule reads it: its first five digits, or all six of an E or N one. */
static void pa_put_asiento(struct digits *d, const char *a, int six)
{
	char first[6];

	if (six && strlen(a) == 6) {
		put(d, a, 6);
		return;
	}
	tx_set(first, sizeof first, a);
	put(d, first, 5);
}

/* Refuse the part of a natural person's RUC that is wrong, naming it. */
static int pa_part_bad(taxid_check *out, const char *what, const char *part, int max)
{
	if (!strcmp(what, "province"))
		return tx_refuse(out, _("RUC \"%s\": the province \"%s\" is not one of 1 to 13"),
		              out->normalized, part);
	if (!strcmp(what, "folio"))
		return tx_refuse(out, _("RUC \"%s\": the folio \"%s\" must be 1 to %d digits"),
		              out->normalized, part, max);
	if (!strcmp(what, "tomo"))
		return tx_refuse(out, _("RUC \"%s\": the tomo or ficha \"%s\" must be 1 to %d digits"),
		              out->normalized, part, max);
	return tx_refuse(out, _("RUC \"%s\": the asiento \"%s\" must be 1 to %d digits"),
	              out->normalized, part, max);
}

/* Natural forms: the padded digits and the canonical text; -1 when the RUC is none of them,
 * CART_INVALID when one of its parts is wrong (out says which). Folios have up to 4 digits and
 * asientos up to 9 (8 after AV and PI); the DGI's rule keeps an asiento's first five digits,
 * or all six of an E or N one. */
static int pa_natural(char **part, int np, struct digits *d, char *canon, size_t size,
                      taxid_check *out)
{
	static const struct {
		const char *letter, *code2, *code, *check;
	} letters[] = {
		{ "E", "50", "5", "66" }, { "N", "40", "4", "92" }, { "PE", "75", "75", "82" },
	};
	size_t l0 = strlen(part[0]);
	int prov, letter = -1, av = 0;

	for (int i = 1; i < np; i++)
		pa_unpad(part[i]);
	if (np == 4 && !strcmp(part[1], "NT")) {
		prov = pa_province(part[0], l0);
		if (!prov)
			return tx_all_digits(part[0], l0) && l0 <= 2 ?
			       pa_part_bad(out, "province", part[0], 0) : -1;
		if (!tx_is_num(part[2], 3))
			return pa_part_bad(out, "folio", part[2], 3);
		if (!tx_is_num(part[3], 6))
			return pa_part_bad(out, "asiento", part[3], 6);
		put(d, "5", 1);
		pa_put_province(d, prov);
		put(d, "43", 2);
		put(d, part[2], 3);
		put(d, part[3], 5);
		tx_print_to(canon, size, "%d-NT-%s-%s", prov, part[2], part[3]);
		return 0;
	}
	if (np != 3)
		return -1;
	for (int i = 0; i < (int)(sizeof letters / sizeof letters[0]); i++)
		if (!strcmp(part[0], letters[i].letter))
			letter = i;
	if (letter < 0 && l0 >= 3 &&
	    (!strcmp(part[0] + l0 - 2, "AV") || !strcmp(part[0] + l0 - 2, "PI"))) {
		av = 1;
		prov = pa_province(part[0], l0 - 2);
		if (!prov) {
			char p2[IN_MAX];

			tx_set(p2, sizeof p2, part[0]);
			p2[l0 - 2] = '\0';
			return tx_all_digits(p2, l0 - 2) && l0 <= 4 ?
			       pa_part_bad(out, "province", p2, 0) : -1;
		}
	} else if (letter < 0) {
		prov = pa_province(part[0], l0);
		if (!prov)
			return tx_all_digits(part[0], l0) && l0 && l0 <= 2 ?
			       pa_part_bad(out, "province", part[0], 0) : -1;
	} else {
		prov = 0;
	}
	if (!tx_is_num(part[1], 4))
		return pa_part_bad(out, "folio", part[1], 4);
	if (!tx_is_num(part[2], av ? 8 : 9))
		return pa_part_bad(out, "asiento", part[2], av ? 8 : 9);
	put(d, "5", 1);
	if (letter >= 0) {
		int en = letter < 2;	/* E and N allow a 6-digit asiento */

		if (strlen(part[1]) < 4) {
			put(d, "00", 2);
			put(d, letters[letter].code2, 2);
			put(d, part[1], 3);
		} else {
			put(d, letters[letter].check, 2);
			put(d, en && strlen(part[2]) == 6 ? letters[letter].code2 :
			       letters[letter].code, 1);
			put(d, part[1], 4);
		}
		pa_put_asiento(d, part[2], en);
		tx_print_to(canon, size, "%s-%s-%s", part[0], part[1], part[2]);
		return 0;
	}
	if (av) {
		if (strlen(part[1]) < 4) {
			pa_put_province(d, prov);
			put(d, part[0][l0 - 2] == 'A' ? "15" : "79", 2);
			put(d, part[1], 3);
		} else {
			put(d, "9595", 4);
			put(d, part[1], 4);
		}
		pa_put_asiento(d, part[2], 0);
		tx_print_to(canon, size, "%d%s-%s-%s", prov, part[0] + l0 - 2, part[1], part[2]);
		return 0;
	}
	pa_put_province(d, prov);
	put(d, "00", 2);
	put(d, part[1], 3);
	pa_put_asiento(d, part[2], 0);
	tx_print_to(canon, size, "%d-%s-%s", prov, part[1], part[2]);
	return 0;
}

/* Legal forms, as pa_natural; *old is set for an old-style RUC. Zeros before a part are
 * dropped only as far as it is longer than its slot, so that "0001" stays as published. */
static int pa_legal(char **part, int np, struct digits *d, int *old, char *canon, size_t size,
                    taxid_check *out)
{
	static const int width[3] = { 10, 4, 6 };
	int prov;

	*old = 0;
	if (np == 4 && !strcmp(part[1], "NT")) {
		pa_unpad(part[2]);
		pa_unpad(part[3]);
		prov = pa_province(part[0], strlen(part[0]));
		if (!prov)
			return tx_all_digits(part[0], strlen(part[0])) && strlen(part[0]) <= 2 ?
			       pa_part_bad(out, "province", part[0], 0) : -1;
		if (!tx_is_num(part[2], 3))
			return pa_part_bad(out, "folio", part[2], 3);
		if (!tx_is_num(part[3], 6))
			return pa_part_bad(out, "asiento", part[3], 6);
		pa_put_province(d, prov);
		put(d, "43", 2);
		put(d, part[2], 3);
		put(d, part[3], 5);
		tx_print_to(canon, size, "%d-NT-%s-%s", prov, part[2], part[3]);
		return 0;
	}
	if (np != 3)
		return -1;
	for (int i = 0; i < 3; i++) {
		size_t n = strlen(part[i]);

		if (!n || !tx_all_digits(part[i], n))
			return -1;
		/* a tomo is never written with zeros before it; a folio often is ("0001") */
		while ((i == 0 || n > (size_t)width[i]) && n > 1 && part[i][0] == '0')
			memmove(part[i], part[i] + 1, n--);
		if (n > (size_t)width[i])
			return pa_part_bad(out, i == 0 ? "tomo" : i == 1 ? "folio" : "asiento",
			                   part[i], width[i]);
	}
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
	tx_print_to(canon, size, "%s-%s-%s", part[0], part[1], part[2]);
	return 0;
}

/* A DV as typed, one or two digits, as two digits; -1 when it is not one. */
static int pa_dv_parse(const char *s, char two[3])
{
	size_t n = strlen(s);

	if (!tx_is_num(s, 2))
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
		return tx_refuse(out, _("DV \"%s\" of RUC \"%s\" must be one or two digits"), typed,
		              out->normalized);
	if (strcmp(two, out->dv))
		return tx_refuse(out, _("RUC \"%s\" has DV %s, expected %s"), out->normalized, typed,
		              out->dv);
	return CART_OK;
}

int tx_pa_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out)
{
	char id[IN_MAX], canon[IN_MAX];
	char *part[6], *marker, *p;
	const char *attached = NULL;
	struct digits d = { .n = 0 };
	int np = 0, old = 0, rc;

	/* Dots go, so "D.V. 59" reads as "DV59"; hyphens separate the parts. */
	if (tx_prepare(raw, ".", id, sizeof id, out) != CART_OK)
		return CART_INVALID;
	tx_set(out->kind, sizeof out->kind, "RUC");
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
	    tx_is_num(part[np - 1], 2))
		attached = part[--np];
	if (np > 5)
		return tx_refuse(out, _("RUC \"%s\" has too many parts"), out->normalized);
	if (taxpayer == TAXPAYER_NATURAL)
		rc = pa_natural(part, np, &d, canon, sizeof canon, out);
	else
		rc = pa_legal(part, np, &d, &old, canon, sizeof canon, out);
	if (rc == CART_INVALID)
		return CART_INVALID;
	if (rc && taxpayer == TAXPAYER_NATURAL)
		return tx_refuse(out, _("RUC \"%s\" is not a natural person's RUC, such as 8-123-456, "
		              "E-8-1234, PE-1-123, N-1-123, 8AV-1-123, 8PI-1-123 or 8-NT-1-123"),
		              out->normalized);
	if (rc)
		return tx_refuse(out, _("RUC \"%s\" is not a legal person's RUC, such as "
		              "155596713-2-2015, 1102-85-117211 or 8-NT-1-123"), out->normalized);
	tx_set(out->normalized, sizeof out->normalized, canon);
	pa_dv(&d, old, out->dv);
	if (pa_dv_check(out, attached) != CART_OK || pa_dv_check(out, dv) != CART_OK)
		return CART_INVALID;
	return CART_OK;
}

void tx_pa_generate(int taxpayer, uint64_t seed, char id[32], char dv[4])
{
	taxid_check c;
	unsigned n;

	if (taxpayer == TAXPAYER_LEGAL) {
		n = (unsigned)tx_spread(seed, 15000000);
		snprintf(id, 32, "%u-2-%u", 155000000 + n % 1000000, 2010 + n / 1000000);
	} else {
		n = (unsigned)tx_spread(seed, 13u * 999 * 9999);
		snprintf(id, 32, "%u-%u-%u", n % 13 + 1, n / 13 % 999 + 1, n / (13 * 999) + 1);
	}
	memset(&c, 0, sizeof c);
	tx_pa_validate(taxpayer, id, "", &c);
	tx_set(dv, 4, c.dv);
}
