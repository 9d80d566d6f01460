/* The trend of receivables (SPEC R7): the open and overdue charges of N month-ends and the
 * months' sales and collections from one pass over the ledger (ledger_trend_open). The figures
 * are computed once into a `trend` and the report is built from it, so the screen's bars and the
 * files' tables and charts show the same numbers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "model/ledger_trend.h"
#include "cartera/i18n.h"
#include "cartera/reports.h"
#include "cartera/rpt_trend.h"

int64_t trend_ratio(int64_t a, int64_t b, int64_t c)
{
	__int128 n = (__int128)a * b;

	return (int64_t)((n + c / 2) / c);
}

int64_t trend_value(const trend_point *p, int m)
{
	switch (m) {
	case TREND_OPEN: return p->open;
	case TREND_OVERDUE: return p->overdue;
	case TREND_SHARE: return p->share;
	case TREND_DSO: return p->dso;
	case TREND_COLLECTIONS: return p->collections;
	default: return -1;
	}
}

const char *trend_measure_name(int m)
{
	switch (m) {
	case TREND_OPEN: return _("Open");
	case TREND_OVERDUE: return _("Overdue");
	case TREND_SHARE: return _("% overdue");
	case TREND_DSO: return _("DSO (days)");
	case TREND_COLLECTIONS: return _("Collections");
	default: return "";
	}
}

static int cur_index(trend *t, const char *cur)
{
	for (int k = 0; k < t->ncur; k++)
		if (!strcmp(t->cur[k], cur))
			return k;
	if (t->ncur == LEDGER_MAX_CURRENCIES)
		return -1;
	snprintf(t->cur[t->ncur], sizeof t->cur[0], "%s", cur);
	for (int i = 0; i < t->months && t->ncur; i++) {
		trend_point *p = &t->pts[t->ncur][i];

		memcpy(p->date, t->pts[0][i].date, sizeof p->date);
		p->days = t->pts[0][i].days;
	}
	return t->ncur++;
}

static int add_open(const char *currency, const int64_t *open, const int64_t *overdue,
                    const int64_t *sales, const int64_t *collections, void *ud)
{
	trend *t = ud;
	int k = cur_index(t, currency);

	for (int i = 0; k >= 0 && i < t->months; i++) {
		t->pts[k][i].open = open[i];
		t->pts[k][i].overdue = overdue[i];
		t->pts[k][i].sales = sales[i];
		t->pts[k][i].collections = collections[i];
	}
	return 0;
}

int trend_compute(ctl *c, int64_t client_id, const char *asof_arg, int months, trend *t,
                  cart_err *e)
{
	date_t asof, last, d;
	char after[DATE_LEN];
	int y, m, day, rc;

	memset(t, 0, sizeof *t);
	if (months < 1 || months > TREND_MAX_MONTHS)
		return cart_fail(e, CART_INVALID, _("the trend takes 1 to %d months, not %d"),
		                 TREND_MAX_MONTHS, months);
	if (asof_arg && *asof_arg) {
		if (date_parse(asof_arg, &asof, e) != CART_OK)
			return e->code;
	} else {
		asof = date_today();
	}
	date_format(asof, t->asof);
	t->months = months;
	t->client_id = client_id;
	if (client_id) {
		client cl;

		if ((rc = ledger_client_get(c->l, client_id, &cl, e)) != CART_OK)
			return rc;
		snprintf(t->client_name, sizeof t->client_name, "%s", cl.name);
	}
	/* the last month-end on or before asof */
	last = asof;
	date_to_ymd(date_add_days(asof, 1), &y, &m, &day);
	if (day != 1) {
		date_to_ymd(asof, &y, &m, &day);
		if (date_from_ymd(y, m, 1, &d, e) != CART_OK)
			return e->code;
		last = date_add_days(d, -1);
	}
	for (int i = 0; i < months; i++) {
		/* month-end i months back: the day before the first of the month after it */
		date_t first_next;

		date_to_ymd(last, &y, &m, &day);
		if (date_from_ymd(y, m, 1, &d, e) != CART_OK)
			return e->code;
		first_next = date_add_months(d, 1 - (months - 1 - i));
		d = date_add_days(first_next, -1);
		date_format(d, t->pts[0][i].date);
		date_to_ymd(d, &y, &m, &day);
		t->pts[0][i].days = day;
	}
	/* the open and overdue charges as of each month-end, and each month's sales and
	 * collections, from the day after the month-end before the first: all in one pass */
	date_to_ymd(last, &y, &m, &day);
	if (date_from_ymd(y, m, 1, &d, e) != CART_OK)
		return e->code;
	date_format(date_add_days(date_add_months(d, -(months - 1)), -1), after);
	{
		char pts[TREND_MAX_MONTHS][11];

		for (int i = 0; i < months; i++)
			memcpy(pts[i], t->pts[0][i].date, sizeof pts[i]);
		if ((rc = ledger_trend_open(c->l, client_id, (const char (*)[11])pts, months, after,
		                            add_open, t, e)) != CART_OK)
			return rc;
	}
	if (!t->ncur && c->co.currency[0])
		cur_index(t, c->co.currency);
	for (int k = 0; k < t->ncur; k++)
		for (int i = 0; i < months; i++) {
			trend_point *p = &t->pts[k][i];

			p->share = p->open > 0 ? (int)trend_ratio(p->overdue, 100, p->open) : -1;
			p->dso = p->sales > 0 ? (int)trend_ratio(p->open, p->days, p->sales) : -1;
		}
	/* currencies in order, as the other reports list them */
	for (int a = 1; a < t->ncur; a++)
		for (int b = a; b > 0 && strcmp(t->cur[b - 1], t->cur[b]) > 0; b--) {
			char tmp[4];
			trend_point pt[TREND_MAX_MONTHS];

			memcpy(tmp, t->cur[b], sizeof tmp);
			memcpy(t->cur[b], t->cur[b - 1], sizeof tmp);
			memcpy(t->cur[b - 1], tmp, sizeof tmp);
			memcpy(pt, t->pts[b], sizeof pt);
			memcpy(t->pts[b], t->pts[b - 1], sizeof pt);
			memcpy(t->pts[b - 1], pt, sizeof pt);
		}
	return CART_OK;
}

int rpt_trend_of(ctl *c, const trend *t, report *r, cart_err *e)
{
	const company *co = &c->co;
	int aw = 11;

	for (int k = 0; k < t->ncur; k++)
		for (int i = 0; i < t->months; i++) {
			const trend_point *p = &t->pts[k][i];

			aw = rpt_amount_width(co, p->open, aw);
			aw = rpt_amount_width(co, p->sales, aw);
			aw = rpt_amount_width(co, p->collections, aw);
		}
	report_title(r, "%s", _("Trend of receivables"));
	if (t->client_id)
		report_client_line(r, "%s", t->client_name);
	else
		report_line(r, "%s", _("All clients"));
	report_line(r, P_("%d month-end to %s, as of each", "%d month-ends to %s, as of each",
	                  (unsigned long)t->months), t->months, t->pts[0][t->months - 1].date);
	for (int k = 0; k < t->ncur; k++) {
		char title[128];
		static const int series[] = { 3, 6 };

		snprintf(title, sizeof title, "%s %s", _("Trend"), t->cur[k]);
		report_table(r, title);
		report_col(r, "month_end", _("Month end"), RPT_DATE, RPT_LEFT, 10, 10);
		report_col(r, "currency", _("Cur."), RPT_TEXT, RPT_LEFT, 4, 4);
		report_col(r, "open", _("Open"), RPT_AMOUNT, RPT_RIGHT, aw, aw);
		report_col(r, "overdue", _("Overdue"), RPT_AMOUNT, RPT_RIGHT, aw, aw);
		report_col(r, "overdue_pct", _("% overdue"), RPT_INT, RPT_RIGHT, 9, 9);
		report_col(r, "sales", _("Sales"), RPT_AMOUNT, RPT_RIGHT, aw, aw);
		report_col(r, "dso", _("DSO"), RPT_INT, RPT_RIGHT, 5, 5);
		report_col(r, "collections", _("Collections"), RPT_AMOUNT, RPT_RIGHT, aw, aw);
		report_currency_col(r, 1);
		snprintf(title, sizeof title, "%s — %s", _("Overdue and DSO by month"), t->cur[k]);
		report_chart(r, RPT_CHART_LINE, title, RPT_ROW_DATA, 0, series, 2, 1);
		for (int i = 0; i < t->months; i++) {
			const trend_point *p = &t->pts[k][i];

			report_row(r, RPT_ROW_DATA, NULL);
			report_row_ref(r, t->client_id);
			rpt_date(r, p->date);
			rpt_text(r, t->cur[k]);
			rpt_amount(r, p->open, t->cur[k], 0);
			rpt_amount(r, p->overdue, t->cur[k], 0);
			if (p->share >= 0)
				rpt_int(r, p->share, 0);
			else
				rpt_empty(r);
			rpt_amount(r, p->sales, t->cur[k], 0);
			if (p->dso >= 0)
				rpt_int(r, p->dso, 0);
			else
				rpt_empty(r);
			rpt_amount(r, p->collections, t->cur[k], 0);
			report_row_end(r);
		}
	}
	report_note(r, "%s", _("Open: charges not yet paid as of the month-end. % overdue: overdue "
	                       "/ open x 100. DSO: open / credit sales of the month x the month's "
	                       "days. Both in whole units, rounded half up; empty when nothing is "
	                       "open or nothing was sold."));
	report_note(r, "%s", _("Credit sales: invoices dated in the month, less voids. Collections: "
	                       "payments and advances received in the month, less voids."));
	return report_finish(r, e);
}

int rpt_trend(ctl *c, int64_t client_id, const char *asof, int months, report *r, cart_err *e)
{
	trend *t;
	int rc;

	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger has no company settings yet (cartera init)"));
	if (!(t = malloc(sizeof *t)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	rc = trend_compute(c, client_id, asof, months, t, e);
	if (rc == CART_OK)
		rc = rpt_trend_of(c, t, r, e);
	else
		report_finish(r, CART_IGNORED);
	free(t);
	return rc;
}
