/* What a local accountant expects to read on a printed document (SPEC D9, issue 16): a tax id
 * labelled as its country names it and written with its check digit (NIT 900.123.456-7, RUC
 * 8-123-456 DV 12), a currency's symbol and name, and an amount in Spanish words ("SON: TRES MIL
 * NOVECIENTOS NUEVE CON 11/100 SOLES"). Pure functions: no SQL, no curses. */
#ifndef CARTERA_PAPERS_H
#define CARTERA_PAPERS_H

#include <stddef.h>
#include <stdint.h>

/* What country (ISO alpha-2 of the company) calls this id: RUC or DNI in Peru (by length), NIT in
 * Colombia, RFC in Mexico, RUC in Panama, cédula or RUC in Ecuador (by length); "Tax id"
 * (translated) elsewhere. Never NULL. */
const char *taxid_label(const char *country, const char *id);

/* The id as printed, with its check digit: Colombia groups the NIT's digits by thousands and
 * sets the DV after a hyphen (900.123.456-7), Panama writes "RUC DV nn" (8-123-456 DV 12), other
 * countries the id as stored and the DV after a hyphen when there is one. An id stored with its
 * DV after a hyphen (a company's "900123456-7") is split first. Always NUL-terminates out. */
void taxid_display(const char *country, const char *id, const char *dv, char *out, size_t size);

/* label and display together: "NIT 900.123.456-7"; "" for an empty id. label NULL: the
 * country's. */
void taxid_labelled(const char *country, const char *label, const char *id, const char *dv,
                    char *out, size_t size);

/* A currency's symbol (S/, US$, $, B/.) and its name in Spanish, singular and plural (SOL /
 * SOLES); an unknown currency is its code. */
typedef struct currency_name {
	const char *code;
	const char *symbol;
	const char *one;
	const char *many;
} currency_name;
const currency_name *currency_find(const char *code);

/* n (0 .. 999 999 999 999 999 999) in Spanish capitals as invoices write it: 1 is UNO, 21
 * VEINTIUNO, but 21 000 is VEINTIÚN MIL and 1 000 000 UN MILLÓN. CART_INVALID when out is too
 * small (it then holds "") or n is negative. */
int number_words(int64_t n, char *out, size_t size);

/* "SON: TRES MIL NOVECIENTOS NUEVE CON 11/100 SOLES": the amount (minor units, decimals after
 * the point) in words, the cents as a fraction, and the currency's plural name, as the phrase
 * names the unit ("UNO CON 00/100 SOLES"); an unknown currency is its code. A negative amount
 * says MENOS. */
int amount_words(int64_t minor, int decimals, const char *currency, char *out, size_t size);

#endif
