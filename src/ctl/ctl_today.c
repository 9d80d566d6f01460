/* "Hoy" a window at a time (ctl_today.h). */
#include "config.h"

#include "cartera/ctl_followup.h"
#include "cartera/ctl_today.h"
#include "cartera/date.h"
#include "ctl_int.h"
#include "model/ledger_today.h"

typedef struct today_ctx {
	ctl_today_cb cb;
	void *ud;
} today_ctx;

static int row(const fu_activity *a, const fu_promise *p, void *ud)
{
	today_ctx *x = ud;

	return x->cb(a, p, p ? ctl_fu_promise_status(p) : 0, x->ud);
}

int ctl_fu_today(ctl *c, long offset, int limit, ctl_today_cb cb, void *ud, cart_err *e)
{
	today_ctx x = { cb, ud };
	char today[DATE_LEN];

	date_format(date_today(), today);
	return ledger_fu_today(c->l, today, offset, limit, row, &x, e);
}

int ctl_fu_today_count(ctl *c, long *n, cart_err *e)
{
	char today[DATE_LEN];

	date_format(date_today(), today);
	return ledger_fu_today_count(c->l, today, n, e);
}

int ctl_fu_today_place(ctl *c, int promise, int64_t id, long *at, cart_err *e)
{
	char today[DATE_LEN];

	date_format(date_today(), today);
	return ledger_fu_today_place(c->l, today, promise, id, at, e);
}
