/* What a company's country brings when its ledger is created (issue 16, SPEC L5): its currency
 * and the second one usually invoiced in, how amounts are written (1,234.56 in Peru, Mexico and
 * Panama; 1.234,56 in Colombia and Ecuador) and the name of its tax id. Each stays changeable
 * (init's options); the tax rates by country ship in data/004_documents.sql. */
#ifndef CARTERA_COUNTRY_H
#define CARTERA_COUNTRY_H

#include "cartera/types.h"

typedef struct country_info {
	const char *code;       /* ISO 3166 alpha-2 */
	const char *currency;   /* ISO 4217 */
	const char *currency2;  /* the second currency commonly invoiced in, "" none */
	char dec_sep, thou_sep;
	const char *tax_id;     /* what the country calls a tax id: RUC, NIT, RFC */
} country_info;

/* The country's defaults, or NULL when cartera knows none (code in any case). */
const country_info *country_find(const char *code);
/* Set co's country, currency, second currency and separators from the country (2 decimals);
 * CART_INVALID naming the known countries when it is unknown. */
int country_company_defaults(company *co, const char *code, cart_err *e);

#endif
