/* The trend of receivables (SPEC R7): for the last N month-ends, as of each, the open charges, what
 * of them is overdue and its share, DSO (days sales outstanding: open charges / credit sales of
 * the month x the month's days) and the month's collections, per currency, for all clients or
 * one. Figures are integers: amounts in minor units, the share and DSO rounded half up from
 * integer arithmetic. The same figures feed the report (any renderer) and the Tendencia screen. */
#ifndef CARTERA_RPT_TREND_H
#define CARTERA_RPT_TREND_H

#include "cartera/ctl.h"
#include "cartera/report.h"

#define TREND_MAX_MONTHS 36
#define TREND_DEFAULT_MONTHS 12

typedef struct trend_point {
	char date[DATE_LEN];      /* the month-end */
	int days;                 /* days of its month */
	int64_t open;             /* open charges as of the date */
	int64_t overdue;          /* of them, past their due date */
	int64_t sales;            /* invoices of the month, less voids */
	int64_t collections;      /* receipts of the month, less voids */
	int share;                /* overdue / open in %, rounded half up; -1 when nothing is open */
	int dso;                  /* open / sales x days, rounded half up; -1 without sales */
} trend_point;

typedef struct trend {
	int months;
	char asof[DATE_LEN];      /* what was asked; the last point is the last month-end on or before */
	int64_t client_id;        /* 0 = all clients */
	char client_name[200];
	int ncur;
	char cur[LEDGER_MAX_CURRENCIES][4];
	trend_point pts[LEDGER_MAX_CURRENCIES][TREND_MAX_MONTHS];  /* [currency][month], oldest first */
} trend;

/* The measures a screen or a picture draws. */
enum trend_measure { TREND_OPEN = 0, TREND_OVERDUE, TREND_SHARE, TREND_DSO, TREND_COLLECTIONS,
                     TREND_NMEASURES };
/* A point's figure for measure m (-1 when it has none: share or DSO undefined). */
int64_t trend_value(const trend_point *p, int m);
/* The measure's name for people. */
const char *trend_measure_name(int m);

/* The month-ends: the last on or before asof ("" = today), and months-1 before it. */
int trend_compute(ctl *c, int64_t client_id, const char *asof, int months, trend *t, cart_err *e);
/* The trend as a report: a table per currency, with a line chart of overdue and DSO. */
int rpt_trend_of(ctl *c, const trend *t, report *r, cart_err *e);
int rpt_trend(ctl *c, int64_t client_id, const char *asof, int months, report *r, cart_err *e);

/* Integer ratios rounded half up: a * b / c for a, b >= 0 and c > 0 (no overflow: 128 bits). */
int64_t trend_ratio(int64_t a, int64_t b, int64_t c);

#endif
