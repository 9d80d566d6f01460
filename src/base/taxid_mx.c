/* Tax ids of Mexico (see include/cartera/taxid.h; shared helpers in src/base/taxid.c). */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "taxid_int.h"

/* ---- Mexico: RFC ---- */

#define MX_ENYE 256	/* Ñ among the RFC's symbols, which are otherwise ASCII characters */

/* The SAT's value of each symbol: "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ". */
static int mx_value(int c)
{
	if (tx_is_digit((char)c))
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
		if (s[i] >= MX_ENYE || !tx_is_digit((char)s[i]))
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
	return c == MX_ENYE || c == '&' || tx_is_upper((char)c);
}

/* The SAT's "palabras inconvenientes" (annex 4 of its RFC instructions): a person's four
 * letters never spell one, since the SAT writes X for the last letter instead (BUEX...). */
static int mx_inconvenient(const char *id)
{
	static const char words[][5] = {
		"BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COJA",
		"COJE", "COJI", "COJO", "CULO", "FETO", "GUEY", "JOTO", "KACA", "KACO", "KAGA",
		"KAGO", "KAKA", "KOGE", "KOJO", "KULO", "MAME", "MAMO", "MEAR", "MEAS", "MEON",
		"MION", "MOCO", "MULA", "PEDA", "PEDO", "PENE", "PUTA", "PUTO", "QULO", "RATA",
		"RUIN",
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strncmp(id, words[i], 4))
			return 1;
	return 0;
}

int tx_mx_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out)
{
	char id[IN_MAX];
	int sym[IN_MAX];
	int n = 0, letters;
	char expect;

	if (tx_prepare(raw, "-.", id, sizeof id, out) != CART_OK)
		return CART_INVALID;
	tx_set(out->kind, sizeof out->kind, "RFC");
	/* Generic RFCs for sales to the general public and to foreigners: XAXX010101000 fails the
	 * check digit and both have 13 characters, whatever the taxpayer type. */
	if (!strcmp(id, "XAXX010101000") || !strcmp(id, "XEXX010101000"))
		return tx_typed_matches(out, "RFC", dv, "0");
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if (p[0] == 0xC3 && p[1] == 0x91) {
			sym[n++] = MX_ENYE;
			p++;
		} else if (tx_is_upper((char)*p) || tx_is_digit((char)*p) || *p == '&') {
			sym[n++] = *p;
		} else {
			return tx_refuse(out, _("RFC \"%s\" may contain only letters, digits, & and Ñ"),
			              id);
		}
	}
	if (n != 12 && n != 13)
		return tx_refuse(out, _("RFC \"%s\" has %d characters; a legal person's RFC has 12 "
		              "and a natural person's 13"), id, n);
	if (taxpayer == TAXPAYER_LEGAL && n == 13)
		return tx_refuse(out, _("RFC \"%s\" has 13 characters, as a natural person's; a legal "
		              "person's RFC has 12"), id);
	if (taxpayer == TAXPAYER_NATURAL && n == 12)
		return tx_refuse(out, _("RFC \"%s\" has 12 characters, as a legal person's; a natural "
		              "person's RFC has 13"), id);
	letters = n - 9;
	for (int i = 0; i < letters; i++)
		if (!mx_name_sym(sym[i]))
			return tx_refuse(out, _("RFC \"%s\" must start with %d letters"), id, letters);
	if (!mx_date_ok(sym + letters))
		return tx_refuse(out, _("RFC \"%s\" must have a valid date (YYMMDD) after its %d "
		              "letters"), id, letters);
	for (int i = n - 3; i < n; i++)
		if (sym[i] >= MX_ENYE || !(tx_is_upper((char)sym[i]) || tx_is_digit((char)sym[i])))
			return tx_refuse(out, _("RFC \"%s\" must end in three letters or digits"), id);
	if (tx_typed_matches(out, "RFC", dv, (char[]){ (char)sym[n - 1], '\0' }) != CART_OK)
		return CART_INVALID;
	expect = mx_check(sym, n - 1);
	/* About 1.5% of the RFCs the SAT has issued fail this check: it only warns. */
	if (sym[n - 1] != expect)
		return tx_warn(out, _("RFC \"%s\" has check digit %c, expected %c; some RFCs issued by "
		            "the SAT fail this check, so confirm it with the client"), id,
		            (char)sym[n - 1], expect);
	if (n == 13 && mx_inconvenient(id))
		return tx_warn(out, _("RFC \"%s\" begins with \"%.4s\", a word the SAT does not issue "
		            "(it writes X for its last letter); confirm the RFC with the client"), id, id);
	return CART_OK;
}

void tx_mx_generate(int taxpayer, uint64_t seed, char id[32], char dv[4])
{
	static const char homo[] = "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ";
	int legal = taxpayer == TAXPAYER_LEGAL;
	int letters = legal ? 3 : 4;
	uint64_t names = legal ? 26 * 26 * 26 : 26 * 26 * 26 * 26;
	uint64_t n = tx_spread(seed, names * (legal ? 10080 : 6720));
	uint64_t h = seed * 31 + 7;
	unsigned k = (unsigned)(n / names);
	int sym[13], i;

	for (i = 0; i < letters; i++, n /= 26)
		id[i] = (char)('A' + n % 26);
	if (!legal && mx_inconvenient(id))
		id[3] = 'X';	/* as the SAT does */
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

/* ---- Mexico: CURP ----
 *
 * 18 characters: four letters of the name, the birth date YYMMDD, the sex (H, M, or X since
 * 2023), the state's two letters (NE born abroad), three consonants of the name, a character
 * that tells births before 2000 (a digit) from later ones (a letter), and a check digit: 10 minus
 * the sum of the values ("0-9A-NÑO-Z" as 0..36) times 18 down to 2, mod 10 (RENAPO's rule). */

static int curp_value(int c)
{
	if (tx_is_digit((char)c))
		return c - '0';
	if (c >= 'A' && c <= 'N')
		return c - 'A' + 10;
	if (c == MX_ENYE)
		return 24;
	return c - 'O' + 25;
}

int taxid_curp_validate(const char *curp, taxid_check *out)
{
	static const char states[] = "AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC "
	                             "PL QT QR SP SL SR TC TS TL VZ YN ZS NE";
	char id[IN_MAX];
	int sym[IN_MAX];
	int n = 0, sum = 0;
	taxid_check scratch;

	if (!out)
		out = &scratch;
	memset(out, 0, sizeof *out);
	if (!curp || strlen(curp) >= IN_MAX)
		return tx_refuse(out, _("CURP is too long: at most 18 characters"));
	tx_normalize(curp, "-.", id, sizeof id);
	if (!id[0])
		return tx_refuse(out, _("CURP is empty"));
	if (tx_prepare(curp, "-.", id, sizeof id, out) != CART_OK)
		return CART_INVALID;
	tx_set(out->kind, sizeof out->kind, "CURP");
	for (const unsigned char *p = (const unsigned char *)id; *p && n < 19; p++) {
		if (p[0] == 0xC3 && p[1] == 0x91) {
			sym[n++] = MX_ENYE;
			p++;
		} else if (tx_is_upper((char)*p) || tx_is_digit((char)*p)) {
			sym[n++] = *p;
		} else {
			return tx_refuse(out, _("CURP \"%s\" may contain only letters and digits"), id);
		}
	}
	if (n != 18)
		return tx_refuse(out, _("CURP \"%s\" has %d characters; a CURP has 18"), id, n);
	for (int i = 0; i < 4; i++)
		if (!tx_is_upper((char)sym[i]) && sym[i] != MX_ENYE)
			return tx_refuse(out, _("CURP \"%s\" must start with 4 letters"), id);
	if (!mx_date_ok(sym + 4))
		return tx_refuse(out, _("CURP \"%s\" must have a valid birth date (YYMMDD) after its 4 "
		              "letters"), id);
	if (sym[10] != 'H' && sym[10] != 'M' && sym[10] != 'X')
		return tx_refuse(out, _("CURP \"%s\": its 11th character, the sex, must be H, M or X"),
		              id);
	{
		char st[3] = { (char)sym[11], (char)sym[12], '\0' };

		if (!tx_is_upper(st[0]) || !tx_is_upper(st[1]) || !strstr(states, st) ||
		    (strstr(states, st) - states) % 3)
			return tx_refuse(out, _("CURP \"%s\": \"%c%c\" is not the code of a Mexican "
			              "state nor NE (born abroad)"), id, sym[11] >= MX_ENYE ? '?' :
			              (char)sym[11], sym[12] >= MX_ENYE ? '?' : (char)sym[12]);
	}
	for (int i = 13; i < 16; i++)
		if (!(tx_is_upper((char)sym[i]) || sym[i] == MX_ENYE) || strchr("AEIOU", sym[i]))
			return tx_refuse(out, _("CURP \"%s\": characters 14 to 16 must be consonants"),
			              id);
	if (!tx_is_digit((char)sym[16]) && !tx_is_upper((char)sym[16]))
		return tx_refuse(out, _("CURP \"%s\": its 17th character must be a letter or a "
		              "digit"), id);
	if (!tx_is_digit((char)sym[17]))
		return tx_refuse(out, _("CURP \"%s\" must end in its check digit"), id);
	for (int i = 0; i < 17; i++)
		sum += curp_value(sym[i]) * (18 - i);
	if (sym[17] - '0' != (10 - sum % 10) % 10)
		return tx_refuse(out, _("CURP \"%s\" has check digit %c, expected %d"), id,
		              (char)sym[17], (10 - sum % 10) % 10);
	return CART_OK;
}
