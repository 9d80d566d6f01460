/* Tax ids of Peru (see include/cartera/taxid.h; shared helpers in src/base/taxid.c). */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "taxid_int.h"

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

	tx_set(out->kind, sizeof out->kind, "RUC");
	if (strncmp(id, "10", 2) && strncmp(id, "15", 2) && strncmp(id, "17", 2) &&
	    strncmp(id, "20", 2))
		return tx_refuse(out, _("RUC \"%s\" starts with %.2s; a RUC starts with 10, 15, 17 or "
		              "20"), id, id);
	expect = pe_ruc_check(id);
	if (id[10] != expect)
		return tx_refuse(out, _("RUC \"%s\" has check digit %c, expected %c"), id, id[10],
		              expect);
	if (taxpayer == TAXPAYER_LEGAL && strncmp(id, "20", 2))
		return tx_refuse(out, _("RUC \"%s\" is a natural person's; a legal person's RUC "
		              "starts with 20"), id);
	if (taxpayer == TAXPAYER_NATURAL && !strncmp(id, "20", 2))
		return tx_refuse(out, _("RUC \"%s\" is a legal person's (it starts with 20); a "
		              "natural person has a RUC starting with 10, 15 or 17, or a DNI"), id);
	return tx_typed_matches(out, "RUC", dv, (char[]){ expect, '\0' });
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

	tx_set(out->kind, sizeof out->kind, "DNI");
	pe_dni_checks(id, two);
	if (id[8] && id[8] != two[0] && id[8] != two[1])
		return tx_refuse(out, _("DNI \"%.8s\" has check character %c, expected %c or %c"), id,
		              id[8], two[0], two[1]);
	id[8] = '\0';	/* the check character is not part of the stored DNI */
	tx_set(out->normalized, sizeof out->normalized, id);
	if (taxpayer == TAXPAYER_LEGAL)
		return tx_refuse(out, _("DNI \"%s\" is a natural person's id; a legal person needs a "
		              "RUC of 11 digits starting with 20"), id);
	return tx_typed_matches(out, "DNI", dv, two);
}

int tx_pe_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out)
{
	char id[IN_MAX];
	size_t n;

	if (tx_prepare(raw, "-.", id, sizeof id, out) != CART_OK)
		return CART_INVALID;
	n = strlen(id);
	if (n == 11 && tx_all_digits(id, n))
		return pe_ruc(taxpayer, id, dv, out);
	if ((n == 8 || n == 9) && tx_all_digits(id, 8))
		return pe_dni(taxpayer, id, dv, out);
	if (taxpayer == TAXPAYER_LEGAL)
		return tx_refuse(out, _("RUC \"%s\" must be 11 digits"), id);
	return tx_refuse(out, _("Tax id \"%s\" is neither a RUC (11 digits) nor a DNI (8 digits)"), id);
}

void tx_pe_generate(int taxpayer, uint64_t seed, char id[32], char dv[4])
{
	unsigned body = (unsigned)tx_spread(seed, 100000000);

	dv[0] = '\0';
	if (taxpayer == TAXPAYER_NATURAL && seed % 4 == 3) {
		snprintf(id, 32, "%08u", body);	/* some people give their DNI */
		return;
	}
	snprintf(id, 32, "%s%08u", taxpayer == TAXPAYER_LEGAL ? "20" : "10", body);
	id[10] = pe_ruc_check(id);
	id[11] = '\0';
}
