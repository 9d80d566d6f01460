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

/* raw with the DV set off by a hyphen whichever dash or blank the clerk used, and its
 * thousands separators checked: groups of three after the first. */
static int co_typed(const char *raw, char *out, size_t size, taxid_check *res)
{
	size_t n = 0, end;
	const char *p = raw;
	int group = 0, groups = 0, seps = 0, bad = 0;
	char compact[IN_MAX];

	while (*p && n + 2 < size) {
		if (!strncmp(p, "\xE2\x80\x93", 3) || !strncmp(p, "\xE2\x80\x94", 3) ||
		    !strncmp(p, "\xE2\x80\x90", 3) || !strncmp(p, "\xE2\x88\x92", 3)) {
			out[n++] = '-';   /* en dash, em dash, hyphen, minus sign */
			p += 3;
		} else {
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
	/* "900123456 7": a last single digit after a blank is the DV */
	for (end = n; end && tx_is_blank((unsigned char)out[end - 1]); end--)
		;
	out[end] = '\0';
	if (end >= 3 && tx_is_digit(out[end - 1]) && tx_is_blank((unsigned char)out[end - 2])) {
		size_t k = end - 2;

		while (k && tx_is_blank((unsigned char)out[k - 1]))
			k--;
		if (k && tx_is_digit(out[k - 1])) {
			out[k] = '-';
			out[k + 1] = out[end - 1];
			out[k + 2] = '\0';
			end = k + 2;
		}
	}
	/* the groups between dots or commas, up to the DV's hyphen (blanks aside) */
	{
		size_t m = 0;

		for (size_t i = 0; i < end; i++)
			if (!tx_is_blank((unsigned char)out[i]))
				compact[m++] = out[i];
		compact[m] = '\0';
		end = m;
	}
	for (size_t i = 0; i <= end; i++) {
		char c = compact[i];

		if (tx_is_digit(c)) {
			group++;
			continue;
		}
		if (c == '.' || c == ',' || c == '-' || c == '\0') {
			int last_dv = c == '-' && i + 2 == end;

			if (c == '.' || c == ',')
				seps++;
			if (group || c != '\0') {
				if (seps && groups && group != 3 && (c == '.' || c == ',' || last_dv ||
				    c == '\0'))
					bad = 1;
				if (seps && !groups && group > 3)
					bad = 1;
				groups++;
			}
			group = 0;
			if (last_dv)
				break;
		}
	}
	if (bad)
		return tx_refuse(res, _("NIT \"%s\": its dots do not part thousands; write the number"
		              " with its DV after a hyphen (900.123.456-7)"), raw);
	return CART_OK;
}

int tx_co_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out)
{
	char id[IN_MAX];
	char *last, *p, *q;
	char attached = '\0';
	size_t n;

	char typed[IN_MAX];

	/* The DV is set off by a hyphen, an en or em dash, or a space; dots and commas are
	 * thousands separators, in groups of three, and anything else is refused rather than
	 * guessed at: "79.896.529.6" is not read as 798965296 (issue 16). */
	if (co_typed(raw, typed, sizeof typed, out) != CART_OK ||
	    tx_prepare(typed, ".,", id, sizeof id, out) != CART_OK)
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
	/* a person's digits alone: the last one may be the DV of the others; ask, never guess */
	if (taxpayer == TAXPAYER_NATURAL && !attached && !dv[0] && n >= 7 &&
	    co_dv(id, n - 1) == id[n - 1]) {
		char whole = co_dv(id, n);

		out->ask_dv = 1;
		out->dv[0] = whole;	/* the DV if every digit is the number's */
		out->dv[1] = '\0';
		return tx_refuse(out, _("NIT \"%s\": is its last digit the DV? Write it after a hyphen"
		              " (%.*s-%c), or with all %zu digits the number, their DV (%s-%c)"),
		              id, (int)(n - 1), id, id[n - 1], n, id, whole);
	}
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
