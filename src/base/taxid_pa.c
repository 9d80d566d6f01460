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
		if (!prov || !tx_is_num(part[2], 3) || !tx_is_num(part[3], 6))
			return -1;
		put(d, "5", 1);
		pa_put_province(d, prov);
		put(d, "43", 2);
		put(d, part[2], 3);
		put(d, part[3], 5);
		tx_print_to(canon, size, "%d-NT-%s-%s", prov, part[2], part[3]);
		return 0;
	}
	if (np != 3 || !tx_is_num(part[1], 4))
		return -1;
	for (size_t i = 0; i < sizeof letters / sizeof letters[0]; i++) {
		int en = i < 2;	/* E and N allow a 6-digit asiento */

		if (strcmp(part[0], letters[i].letter))
			continue;
		if (!tx_is_num(part[2], en ? 6 : 5))
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
		tx_print_to(canon, size, "%s-%s-%s", part[0], part[1], part[2]);
		return 0;
	}
	if (!tx_is_num(part[2], 5))
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
		tx_print_to(canon, size, "%d%s-%s-%s", prov, part[0] + l0 - 2, part[1], part[2]);
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
	tx_print_to(canon, size, "%d-%s-%s", prov, part[1], part[2]);
	return 0;
}

/* Legal forms, as pa_natural; *old is set for an old-style RUC. */
static int pa_legal(char **part, int np, struct digits *d, int *old, char *canon, size_t size)
{
	int prov;

	*old = 0;
	if (np == 4 && !strcmp(part[1], "NT")) {
		prov = pa_province(part[0], strlen(part[0]));
		if (!prov || !tx_is_num(part[2], 3) || !tx_is_num(part[3], 6))
			return -1;
		pa_put_province(d, prov);
		put(d, "43", 2);
		put(d, part[2], 3);
		put(d, part[3], 5);
		tx_print_to(canon, size, "%d-NT-%s-%s", prov, part[2], part[3]);
		return 0;
	}
	if (np != 3 || !tx_is_num(part[0], 10) || !tx_is_num(part[1], 4) || !tx_is_num(part[2], 6))
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
		rc = pa_natural(part, np, &d, canon, sizeof canon);
	else
		rc = pa_legal(part, np, &d, &old, canon, sizeof canon);
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
