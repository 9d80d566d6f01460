/* The arithmetic of a document's lines, tax and instalments, with no database: the invoice form
 * shows totals as lines are typed and the model posts them, both through doc_totals_compute, so
 * what the clerk saw is what is posted.
 *
 * Rounding (all integer, no floating point):
 *   - a line's net = qty * price / 1000 rounded half away from zero (qty in thousandths);
 *   - tax is computed per rate, once, over the sum of that rate's line nets (its base):
 *     tax = base * rate / 10000 rounded half away from zero (rate in hundredths of a percent);
 *   - reimbursable-expense lines carry no tax (they are the client's costs passed on) and add up
 *     separately: they post as the CGC charge per the client's charge mode;
 *   - instalments split a total evenly; the remainder cents go one each to the first instalments,
 *     so they always add up to the total to the cent. */
#ifndef CARTERA_DOCLINES_H
#define CARTERA_DOCLINES_H

#include <stdint.h>

#include "cartera/date.h"
#include "cartera/err.h"

#define DOC_MAX_LINES 200
#define DOC_MAX_TAXES 16
/* The largest quantity: one million units (in thousandths). */
#define DOC_QTY_MAX INT64_C(1000000000)

typedef struct doc_line {
	char description[200];
	int64_t qty;          /* thousandths: 1500 = 1.5 */
	int64_t price;        /* minor units per unit; negative for a discount line */
	int64_t tax_rate_id;  /* 0 = no tax */
	int tax_rate;         /* hundredths of a percent: 1900 = 19% (filled from the rate) */
	int expense;          /* a reimbursable expense (CGC), never taxed */
	int64_t net;          /* computed: qty * price / 1000 rounded */
} doc_line;

typedef struct doc_tax {
	int64_t tax_rate_id;
	int rate;
	int64_t base, tax;
} doc_tax;

typedef struct doc_totals {
	int64_t net;          /* sum of the taxable (non-expense) lines' nets */
	int64_t tax;          /* sum of the tax per rate */
	int64_t total;        /* net + tax: the invoice charge (CF) */
	int64_t expenses;     /* sum of the expense lines (CGC) */
	int n_taxes;
	doc_tax taxes[DOC_MAX_TAXES]; /* one per rate used, in order of first use */
} doc_totals;

/* a / b rounded half away from zero (b > 0), a as a 128-bit product. */
int64_t doc_round_div(__int128 a, int64_t b);

/* A line's net; CART_INVALID naming line `no` (1-based) when qty or price are out of range. */
int doc_line_net(const doc_line *ln, int no, int64_t *net, cart_err *e);

/* Every line's net and the document's totals and tax per rate. CART_INVALID naming the line when
 * a line is out of range, when a rate's base is negative (discounts larger than the lines), or
 * when a total exceeds MONEY_MAX. */
int doc_totals_compute(doc_line *lines, int n, doc_totals *t, cart_err *e);

/* Split total into n instalments (1..360) due from first_due: every `every_days` days, or monthly
 * when every_days is 0. amounts[] and dues[] get n values each. */
int doc_instalments_split(int64_t total, int n, const char *first_due, int every_days,
                          int64_t *amounts, char (*dues)[DATE_LEN], cart_err *e);

#endif
