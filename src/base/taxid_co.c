/* Tax ids of Colombia (see include/cartera/taxid.h; shared helpers in src/base/taxid.c). */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "taxid_int.h"

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

int tx_co_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out)
{
	char id[IN_MAX];
	char *last, *p, *q;
	char attached = '\0';
	size_t n;

	/* Dots and commas are thousands separators; a hyphen before a last single digit sets off
	 * the DV. */
	if (tx_prepare(raw, ".,", id, sizeof id, out) != CART_OK)
		return CART_INVALID;
	tx_set(out->kind, sizeof out->kind, "NIT");
	last = strrchr(id, '-');
	if (last && tx_is_digit(last[1]) && !last[2]) {
		attached = last[1];
		*last = '\0';
	}
	/* Other hyphens were typed as thousands separators. */
	for (p = q = id; *p; p++)
		if (*p != '-')
			*q++ = *p;
	*q = '\0';
	tx_set(out->normalized, sizeof out->normalized, id);
	n = strlen(id);
	if (!n || !tx_all_digits(id, n))
		return tx_refuse(out, _("NIT \"%s\" may contain only digits, with the DV after a "
		              "hyphen"), id);
	if (taxpayer == TAXPAYER_LEGAL && n != 9)
		return tx_refuse(out, _("NIT \"%s\" has %zu digits; a company's NIT has 9%s"), id, n,
		              n == 10 ? _(" (type the DV after a hyphen or in its own field)") : "");
	if (taxpayer == TAXPAYER_NATURAL && (n < 6 || n > 10))
		return tx_refuse(out, _("NIT \"%s\" has %zu digits; a person's cedula or NIT has 6 to "
		              "10"), id, n);
	out->dv[0] = co_dv(id, n);
	out->dv[1] = '\0';
	if (attached && attached != out->dv[0])
		return tx_refuse(out, _("NIT \"%s\" has DV %c, expected %s"), id, attached, out->dv);
	if (dv[0] && strcmp(dv, out->dv))
		return tx_refuse(out, _("NIT \"%s\" has DV %s, expected %s"), id, dv, out->dv);
	return CART_OK;
}

void tx_co_generate(int taxpayer, uint64_t seed, char id[32], char dv[4])
{
	unsigned n;

	if (taxpayer == TAXPAYER_LEGAL)
		n = 900000000 + (unsigned)tx_spread(seed, 10000000);
	else
		n = 10000000 + (unsigned)tx_spread(seed, 90000000);
	snprintf(id, 32, "%u", n);
	dv[0] = co_dv(id, strlen(id));
	dv[1] = '\0';
}
