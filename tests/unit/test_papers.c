/* Unit tests for src/base/papers.c: numbers in Spanish words over many numbers (the UN / UNO /
 * VEINTIÚN forms, CIEN / CIENTO, MIL / UN MILLÓN), the "SON: ... CON nn/100 SOLES" line per
 * currency, and tax ids labelled and shown with their check digit. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "cartera/err.h"
#include "cartera/papers.h"

static void words_is(int64_t n, const char *want)
{
	char out[512];

	if (number_words(n, out, sizeof out) != CART_OK)
		fail_msg("%lld refused", (long long)n);
	if (strcmp(out, want))
		fail_msg("%lld: got \"%s\", want \"%s\"", (long long)n, out, want);
}

static void test_numbers(void **state)
{
	(void)state;
	words_is(0, "CERO");
	words_is(1, "UNO");
	words_is(9, "NUEVE");
	words_is(15, "QUINCE");
	words_is(16, "DIECISÉIS");
	words_is(20, "VEINTE");
	words_is(21, "VEINTIUNO");
	words_is(22, "VEINTIDÓS");
	words_is(30, "TREINTA");
	words_is(31, "TREINTA Y UNO");
	words_is(99, "NOVENTA Y NUEVE");
	words_is(100, "CIEN");
	words_is(101, "CIENTO UNO");
	words_is(115, "CIENTO QUINCE");
	words_is(200, "DOSCIENTOS");
	words_is(500, "QUINIENTOS");
	words_is(999, "NOVECIENTOS NOVENTA Y NUEVE");
	words_is(1000, "MIL");
	words_is(1001, "MIL UNO");
	words_is(1100, "MIL CIEN");
	words_is(2000, "DOS MIL");
	words_is(3909, "TRES MIL NOVECIENTOS NUEVE");
	words_is(21000, "VEINTIÚN MIL");
	words_is(31000, "TREINTA Y UN MIL");
	words_is(100000, "CIEN MIL");
	words_is(101000, "CIENTO UN MIL");
	words_is(201021, "DOSCIENTOS UN MIL VEINTIUNO");
	words_is(999999, "NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE");
	words_is(1000000, "UN MILLÓN");
	words_is(1000001, "UN MILLÓN UNO");
	words_is(1001001, "UN MILLÓN MIL UNO");
	words_is(2000000, "DOS MILLONES");
	words_is(21000000, "VEINTIÚN MILLONES");
	words_is(21021021, "VEINTIÚN MILLONES VEINTIÚN MIL VEINTIUNO");
	words_is(100000000, "CIEN MILLONES");
	words_is(1000000000, "MIL MILLONES");
	words_is(1001000000, "MIL UN MILLONES");
	words_is(INT64_C(21000000000), "VEINTIÚN MIL MILLONES");
	words_is(INT64_C(1000000000000), "UN BILLÓN");
	words_is(INT64_C(2000000000001), "DOS BILLONES UNO");
}

static void test_refused(void **state)
{
	char out[512], tiny[8];

	(void)state;
	assert_int_equal(number_words(-1, out, sizeof out), CART_INVALID);
	assert_int_equal(number_words(3909, tiny, sizeof tiny), CART_INVALID);
	assert_string_equal(tiny, "");
	assert_int_equal(amount_words(390911, 9, "PEN", out, sizeof out), CART_INVALID);
}

static void amount_is(int64_t minor, int dec, const char *cur, const char *want)
{
	char out[600];

	if (amount_words(minor, dec, cur, out, sizeof out) != CART_OK)
		fail_msg("%lld %s refused", (long long)minor, cur);
	if (strcmp(out, want))
		fail_msg("%lld %s: got \"%s\", want \"%s\"", (long long)minor, cur, out, want);
}

static void test_amounts(void **state)
{
	(void)state;
	amount_is(390911, 2, "PEN", "SON: TRES MIL NOVECIENTOS NUEVE CON 11/100 SOLES");
	amount_is(100, 2, "PEN", "SON: UNO CON 00/100 SOLES");
	amount_is(2100000, 2, "USD", "SON: VEINTIÚN MIL CON 00/100 DÓLARES ESTADOUNIDENSES");
	amount_is(123456789, 2, "COP", "SON: UN MILLÓN DOSCIENTOS TREINTA Y CUATRO MIL QUINIENTOS"
	          " SESENTA Y SIETE CON 89/100 PESOS COLOMBIANOS");
	amount_is(5, 2, "MXN", "SON: CERO CON 05/100 PESOS MEXICANOS");
	amount_is(-150050, 2, "PAB", "SON: MENOS MIL QUINIENTOS CON 50/100 BALBOAS");
	amount_is(1500, 0, "COP", "SON: MIL QUINIENTOS PESOS COLOMBIANOS");
	amount_is(12345, 2, "ARS", "SON: CIENTO VEINTITRÉS CON 45/100 ARS");
}

static void shown_is(const char *cc, const char *id, const char *dv, const char *want)
{
	char out[128];

	taxid_labelled(cc, NULL, id, dv, out, sizeof out);
	if (strcmp(out, want))
		fail_msg("%s %s/%s: got \"%s\", want \"%s\"", cc, id, dv ? dv : "", out, want);
}

static void test_taxids(void **state)
{
	char out[64];

	(void)state;
	shown_is("CO", "900123456", "7", "NIT 900.123.456-7");
	shown_is("CO", "900123456-7", "", "NIT 900.123.456-7");
	shown_is("CO", "79896529", "6", "NIT 79.896.529-6");
	shown_is("PE", "20100070970", "", "RUC 20100070970");
	shown_is("PE", "10467793549", "", "RUC 10467793549");
	shown_is("PE", "46779354", "", "DNI 46779354");
	shown_is("PA", "155596713-2-2015", "59", "RUC 155596713-2-2015 DV 59");
	shown_is("MX", "XAXX010101000", "", "RFC XAXX010101000");
	shown_is("EC", "1790011674001", "", "RUC 1790011674001");
	shown_is("EC", "1710034065", "", "Cédula 1710034065");
	shown_is("AR", "30-50001091-2", "", "Tax id 30-50001091-2");
	shown_is("CO", "", "", "");
	taxid_labelled("PE", "R.U.C.", "20100070970", "", out, sizeof out);
	assert_string_equal(out, "R.U.C. 20100070970");
	assert_string_equal(currency_find("PEN")->symbol, "S/");
	assert_string_equal(currency_find("usd")->symbol, "US$");
	assert_string_equal(currency_find("PAB")->symbol, "B/.");
	assert_null(currency_find("XYZ"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_amounts),
		cmocka_unit_test(test_taxids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
