/* A country's defaults for a new company (see include/cartera/country.h). */
#include "config.h"

#include <stdio.h>
#include <strings.h>

#include "cartera/country.h"
#include "cartera/i18n.h"

static const country_info countries[] = {
	{ "PE", "PEN", "USD", '.', ',', "RUC" },
	{ "CO", "COP", "", ',', '.', "NIT" },
	{ "MX", "MXN", "", '.', ',', "RFC" },
	{ "PA", "USD", "", '.', ',', "RUC" },
	{ "EC", "USD", "", ',', '.', "RUC" },
};

const country_info *country_find(const char *code)
{
	for (size_t i = 0; code && i < sizeof countries / sizeof countries[0]; i++)
		if (!strcasecmp(countries[i].code, code))
			return &countries[i];
	return NULL;
}

int country_company_defaults(company *co, const char *code, cart_err *e)
{
	const country_info *c = country_find(code);

	if (!c)
		return cart_fail(e, CART_INVALID, _("country \"%s\": cartera knows PE, CO, MX, PA and EC"
		                 " (give --currency and the separators for another)"), code);
	snprintf(co->country, sizeof co->country, "%s", c->code);
	snprintf(co->currency, sizeof co->currency, "%s", c->currency);
	snprintf(co->currency2, sizeof co->currency2, "%s", c->currency2);
	co->fmt.decimals = 2;
	co->fmt.dec_sep = c->dec_sep;
	co->fmt.thou_sep = c->thou_sep;
	co->date_order = DATE_DMY;   /* every country cartera knows writes the day first */
	return CART_OK;
}
