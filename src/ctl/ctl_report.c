/* The ledger balance and the ledger's check for both faces; see include/cartera/ctl_report.h. */
#include "config.h"

#include <stdio.h>

#include "cartera/ctl_report.h"
#include "ctl_int.h"

static const char *asof_or_today(const char *asof, char *buf)
{
	if (asof && *asof)
		return asof;
	date_format(date_today(), buf);
	return buf;
}

int ctl_balance(ctl *c, int64_t client_id, const char *asof, balance *rows, int *n, cart_err *e)
{
	char d[DATE_LEN];

	return ledger_balance(c->l, client_id, asof_or_today(asof, d), rows, n, e);
}

int ctl_check(ctl *c, const char *asof, check_cb cb, void *ud, int64_t *problems, cart_err *e)
{
	char d[DATE_LEN];

	return ledger_check(c->l, asof_or_today(asof, d), cb, ud, problems, e);
}

int ctl_check_full(ctl *c, const char *asof, int full, check_cb cb, void *ud, int64_t *problems,
                   cart_err *e)
{
	char d[DATE_LEN];

	return ledger_check_full(c->l, asof_or_today(asof, d), full, cb, ud, problems, e);
}
