/* Lines, tax and instalments: see include/cartera/doclines.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/doclines.h"
#include "cartera/i18n.h"
#include "cartera/money.h"

int64_t doc_round_div(__int128 a, int64_t b)
{
	__int128 q = a / b, r = a % b;

	if (r < 0)
		r = -r;
	if (2 * r >= b)
		q += a < 0 ? -1 : 1;
	return (int64_t)q;
}

int doc_line_net(const doc_line *ln, int no, int64_t *net, cart_err *e)
{
	__int128 v;

	if (ln->qty <= 0 || ln->qty > DOC_QTY_MAX)
		return cart_fail(e, CART_INVALID, _("line %d: the quantity must be more than zero and"
		                 " at most one million"), no);
	if (ln->price > MONEY_MAX || ln->price < -MONEY_MAX)
		return cart_fail(e, CART_INVALID, _("line %d: the unit price is larger than cartera"
		                 " accepts"), no);
	v = doc_round_div((__int128)ln->qty * ln->price, 1000);
	if (v > MONEY_MAX || v < -MONEY_MAX)
		return cart_fail(e, CART_INVALID, _("line %d: quantity times price is larger than"
		                 " cartera accepts"), no);
	*net = (int64_t)v;
	return CART_OK;
}

int doc_totals_compute(doc_line *lines, int n, doc_totals *t, cart_err *e)
{
	memset(t, 0, sizeof *t);
	if (n < 0 || n > DOC_MAX_LINES)
		return cart_fail(e, CART_INVALID, _("a document has at most %d lines"), DOC_MAX_LINES);
	for (int i = 0; i < n; i++) {
		doc_line *ln = &lines[i];
		int k;

		if (doc_line_net(ln, i + 1, &ln->net, e) != CART_OK)
			return e->code;
		if (ln->tax_rate < 0 || ln->tax_rate > 10000)
			return cart_fail(e, CART_INVALID, _("line %d: the tax rate is not between 0%% and"
			                 " 100%%"), i + 1);
		if (ln->expense) {
			t->expenses += ln->net;
			continue;
		}
		t->net += ln->net;
		for (k = 0; k < t->n_taxes; k++)
			if (t->taxes[k].tax_rate_id == ln->tax_rate_id && t->taxes[k].rate == ln->tax_rate)
				break;
		if (k == t->n_taxes) {
			if (k == DOC_MAX_TAXES)
				return cart_fail(e, CART_INVALID, _("line %d: a document uses at most %d tax"
				                 " rates"), i + 1, DOC_MAX_TAXES);
			t->taxes[k].tax_rate_id = ln->tax_rate_id;
			t->taxes[k].rate = ln->tax_rate;
			t->n_taxes++;
		}
		t->taxes[k].base += ln->net;
	}
	/* lines are each within MONEY_MAX and at most DOC_MAX_LINES: the sums cannot overflow */
	for (int k = 0; k < t->n_taxes; k++) {
		doc_tax *x = &t->taxes[k];

		if (x->base < 0)
			return cart_fail(e, CART_INVALID, _("the lines taxed at %d.%02d%% add up to less"
			                 " than zero"), x->rate / 100, x->rate % 100);
		x->tax = doc_round_div((__int128)x->base * x->rate, 10000);
		t->tax += x->tax;
	}
	if (t->expenses < 0)
		return cart_fail(e, CART_INVALID, _("the expense lines add up to less than zero"));
	t->total = t->net + t->tax;
	if (t->total < 0)
		return cart_fail(e, CART_INVALID, _("the lines add up to less than zero"));
	if (t->total > MONEY_MAX || t->expenses > MONEY_MAX)
		return cart_fail(e, CART_INVALID, _("the document's total is larger than cartera"
		                 " accepts"));
	return CART_OK;
}

int doc_instalments_split(int64_t total, int n, const char *first_due, int every_days,
                          int64_t *amounts, char (*dues)[DATE_LEN], cart_err *e)
{
	date_t first;
	cart_err why;

	if (n < 1 || n > 360)
		return cart_fail(e, CART_INVALID, _("the number of instalments must be from 1 to 360"));
	if (every_days < 0 || every_days > 3650)
		return cart_fail(e, CART_INVALID, _("instalments are due every 1 to 3650 days, or"
		                 " monthly"));
	if (total < n)
		return cart_fail(e, CART_INVALID, _("a total this small cannot be split into %d"
		                 " instalments"), n);
	if (date_parse(first_due, &first, &why) != CART_OK)
		return cart_fail(e, CART_INVALID, _("the first instalment's due date: %s"), why.msg);
	money_split(total, n, amounts);
	for (int i = 0; i < n; i++)
		date_format(every_days ? date_add_days(first, every_days * i)
		                       : date_add_months(first, i), dues[i]);
	return CART_OK;
}
