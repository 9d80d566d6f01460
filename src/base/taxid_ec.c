/* Tax ids of Ecuador (see include/cartera/taxid.h; shared helpers in src/base/taxid.c). */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "taxid_int.h"

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
		return tx_warn(out, _("RUC \"%s\" has no valid mod-11 check digit; the SRI issues some "
		            "RUCs without one, so confirm it with the client"), id);
	return tx_warn(out, _("RUC \"%s\" has check digit %c, expected %c; the SRI issues some RUCs "
	            "without one, so confirm it with the client"), id, id[at], expect);
}

int tx_ec_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out)
{
	char id[IN_MAX];
	const char *what;
	size_t n;
	int prov, at = 9, rc = CART_OK;
	char third, expect;

	if (tx_prepare(raw, "-.", id, sizeof id, out) != CART_OK)
		return CART_INVALID;
	n = strlen(id);
	what = n == 10 ? "Cedula" : "RUC";
	tx_set(out->kind, sizeof out->kind, n == 10 ? "CEDULA" : "RUC");
	if ((n != 10 && n != 13) || !tx_all_digits(id, n)) {
		if (taxpayer == TAXPAYER_LEGAL)
			return tx_refuse(out, _("RUC \"%s\" must be 13 digits"), id);
		return tx_refuse(out, _("Tax id \"%s\" is neither a cedula (10 digits) nor a RUC (13 "
		              "digits)"), id);
	}
	prov = (id[0] - '0') * 10 + id[1] - '0';
	if ((prov < 1 || prov > 24) && prov != 30)
		return tx_refuse(out, _("%s \"%s\" has province code %.2s; the codes are 01 to 24 and "
		              "30"), what, id, id);
	third = id[2];
	if (third == '7' || third == '8' || (n == 10 && third == '9'))
		return tx_refuse(out, _("%s \"%s\" has third digit %c, which no %s has"), what, id, third,
		              n == 10 ? "cedula" : "RUC");
	/* After the check digit a RUC carries its establishment number, 001 for the main one. */
	if (n == 13 && !strcmp(id + 10, "000"))
		return tx_refuse(out, _("RUC \"%s\" ends in 000, which is no establishment number "
		              "(such as 001)"), id);
	if (taxpayer == TAXPAYER_LEGAL && n == 10)
		return tx_refuse(out, _("Cedula \"%s\" is a natural person's id; a legal person needs "
		              "a RUC of 13 digits with third digit 9 or 6"), id);
	if (taxpayer == TAXPAYER_LEGAL && third <= '5')
		return tx_refuse(out, _("RUC \"%s\" is a natural person's (third digit %c); a legal "
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
			return tx_refuse(out, _("RUC \"%s\" ends in 0000, which is no establishment "
			              "number (such as 0001)"), id);
		rc = ec_entity(out, id, 8, ec_mod11(id, ec_w_public, 8));
	} else {
		/* A person's: the cedula's check is reliable. */
		const char *hint = third == '6' && n == 13 ?
		                   _(" (a public entity's RUC needs the legal person type)") : "";

		expect = ec_cedula_check(id);
		if (id[9] != expect)
			return tx_refuse(out, _("%s \"%s\" has check digit %c, expected %c%s"), what, id,
			              id[9], expect, hint);
	}
	if (tx_typed_matches(out, what, dv, (char[]){ id[at], '\0' }) != CART_OK)
		return CART_INVALID;
	return rc;
}

void tx_ec_generate(int taxpayer, uint64_t seed, char id[32], char dv[4])
{
	unsigned n;

	dv[0] = '\0';
	if (taxpayer == TAXPAYER_LEGAL) {
		/* A company: the digit after the 9 is chosen so that some check digit fits. */
		n = (unsigned)tx_spread(seed, 24 * 100000);
		for (int spare = 0; spare < 10; spare++) {
			snprintf(id, 32, "%02u9%d%05u", n % 24 + 1, spare, n / 24);
			id[9] = ec_mod11(id, ec_w_private, 9);
			if (id[9])
				break;
		}
		tx_set(id + 10, 22, "001");
		return;
	}
	n = (unsigned)tx_spread(seed, 24u * 6 * 1000000);
	snprintf(id, 32, "%02u%u%06u", n % 24 + 1, n / 24 % 6, n / 144);
	id[9] = ec_cedula_check(id);
	tx_set(id + 10, 22, seed % 3 == 2 ? "001" : "");	/* some people have a RUC */
}
