/* Controllers of the documents keyed at the terminal: see include/cartera/ctl_docs.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl_docs.h"
#include "cartera/ctl_safety.h"
#include "cartera/i18n.h"

static int need_company(const ctl *c, cart_err *e)
{
	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		                 " 'cartera init' first"), c->path);
	return CART_OK;
}

/* ---- tax rates, percentages, quantities ---- */

static int tax_collect(const tax_rate *r, void *ud)
{
	ctl_taxes *t = ud;

	if (t->n < CTL_MAX_TAXES)
		t->r[t->n++] = *r;
	return 0;
}

int ctl_taxes_load(ctl *c, ctl_taxes *t, cart_err *e)
{
	memset(t, 0, sizeof *t);
	return ledger_tax_list(c->l, tax_collect, t, e);
}

int ctl_percent(const ctl *c, const char *text, int *out, cart_err *e)
{
	money_fmt f = { 2, c->co.fmt.dec_sep, '\0' };
	char buf[32];
	size_t n;
	int64_t v;

	snprintf(buf, sizeof buf, "%s", text ? text : "");
	n = strlen(buf);
	while (n && (buf[n - 1] == ' ' || buf[n - 1] == '%'))
		buf[--n] = '\0';
	if (money_parse(buf, &f, &v, CART_IGNORED) != CART_OK) {
		f.dec_sep = f.dec_sep == ',' ? '.' : ',';
		if (money_parse(buf, &f, &v, CART_IGNORED) != CART_OK)
			return cart_fail(e, CART_INVALID, _("\"%s\" is not a percentage (e.g. 19 or"
			                 " 5%c5)"), text ? text : "", c->co.fmt.dec_sep);
	}
	if (v < 0 || v > 10000)
		return cart_fail(e, CART_INVALID, _("the percentage \"%s\" is not from 0 to 100"), text);
	*out = (int)v;
	return CART_OK;
}

void ctl_percent_format(const ctl *c, int rate, char *buf, size_t size)
{
	if (rate % 100 == 0)
		snprintf(buf, size, "%d%%", rate / 100);
	else if (rate % 10 == 0)
		snprintf(buf, size, "%d%c%d%%", rate / 100, c->co.fmt.dec_sep, rate % 100 / 10);
	else
		snprintf(buf, size, "%d%c%02d%%", rate / 100, c->co.fmt.dec_sep, rate % 100);
}

int ctl_tax_pick(const ctl *c, const ctl_taxes *t, const char *text, int64_t *id, int *rate,
                 cart_err *e)
{
	const tax_rate *hit = NULL;
	int pct, n = 0;

	*id = 0;
	*rate = 0;
	if (!text || !*text)
		return CART_OK;
	for (int i = 0; i < t->n; i++)
		if (t->r[i].active && !strcasecmp(t->r[i].name, text))
			hit = &t->r[i];
	if (!hit && ctl_percent(c, text, &pct, CART_IGNORED) == CART_OK) {
		/* by percentage: a taxed rate before an exempt one of the same 0% */
		for (int pass = 0; pass < 2 && !hit; pass++) {
			n = 0;
			for (int i = 0; i < t->n; i++)
				if (t->r[i].active && t->r[i].rate == pct && t->r[i].exempt == pass) {
					if (!hit)
						hit = &t->r[i];
					n++;
				}
		}
		if (n > 1)
			return cart_fail(e, CART_INVALID, _("more than one tax rate is %s: type its name"),
			                 text);
	}
	if (!hit)
		return cart_fail(e, CART_INVALID, _("\"%s\" is not one of the company's tax rates"
		                 " (cartera tax list)"), text);
	*id = hit->id;
	*rate = hit->rate;
	return CART_OK;
}

int ctl_tax_add(ctl *c, const char *name, const char *percent, int exempt, tax_rate *out,
                cart_err *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = need_company(c, e)))
		return rc;
	snprintf(out->name, sizeof out->name, "%s", name ? name : "");
	out->exempt = exempt;
	if (!exempt && (rc = ctl_percent(c, percent, &out->rate, e)))
		return rc;
	return ledger_tax_add(c->l, out, e);
}

void ctl_quantity_format(const ctl *c, int64_t q, char *buf, size_t size)
{
	int64_t whole = q / 1000, part = q % 1000;
	size_t n;

	if (part == 0) {
		snprintf(buf, size, "%lld", (long long)whole);
		return;
	}
	snprintf(buf, size, "%s%lld%c%03lld", q < 0 && whole == 0 ? "-" : "", (long long)whole,
	         c->co.fmt.dec_sep, (long long)(part < 0 ? -part : part));
	for (n = strlen(buf); n > 0 && buf[n - 1] == '0'; n--)
		buf[n - 1] = '\0';
}

int ctl_quantity(const ctl *c, const char *text, const char *what, int64_t *out, cart_err *e)
{
	money_fmt f = { 3, c->co.fmt.dec_sep, c->co.fmt.thou_sep };
	cart_err why;

	if (!text || !*text) {
		*out = 1000;
		return CART_OK;
	}
	if (money_parse(text, &f, out, &why) != CART_OK)
		return cart_fail(e, CART_INVALID, _("%s: \"%s\" is not a quantity (at most 3"
		                 " decimals)"), what, text);
	if (*out <= 0 || *out > DOC_QTY_MAX)
		return cart_fail(e, CART_INVALID, _("%s: %s must be more than zero and at most one"
		                 " million"), what, text);
	return CART_OK;
}

/* ---- credit check ---- */

/* The verdict on the figures in out (balance, overdue, credits) for a new document of amount. */
static void credit_verdict(ctl *c, const client *cl, int64_t amount, ctl_credit *out)
{
	char a[40], b[40];

	out->limit = cl->credit_limit;
	out->after = out->balance + amount;
	out->over_limit = out->limit > 0 && out->after > out->limit;
	out->has_overdue = out->overdue > 0;
	out->needs_override = out->over_limit || out->has_overdue;
	out->warning[0] = '\0';
	if (out->over_limit) {
		ctl_money(c, out->after, a, sizeof a);
		ctl_money(c, out->limit, b, sizeof b);
		snprintf(out->warning, sizeof out->warning, _("%s would owe %s, over the credit limit"
		         " of %s"), cl->name, a, b);
	} else if (out->has_overdue) {
		ctl_money(c, out->overdue, a, sizeof a);
		snprintf(out->warning, sizeof out->warning, _("%s has %s overdue"), cl->name, a);
	}
}

int ctl_credit_check(ctl *c, const client *cl, const char *currency, const char *date,
                     int64_t amount, ctl_credit *out, cart_err *e)
{
	totals rows[LEDGER_MAX_CURRENCIES];
	const char *cur = currency && *currency ? currency : c->co.currency;
	int n = 0, rc;

	memset(out, 0, sizeof *out);
	if ((rc = ledger_totals(c->l, cl->id, date, rows, &n, e)))
		return rc;
	for (int i = 0; i < n; i++) {
		if (strcmp(rows[i].currency, cur))
			continue;
		out->balance = rows[i].net;
		out->overdue = rows[i].overdue;
		out->credits = rows[i].credits;
	}
	credit_verdict(c, cl, amount, out);
	return CART_OK;
}

/* ---- the invoice form ---- */

int ctl_invform_new(ctl *c, ctl_invoice_form **out, cart_err *e)
{
	ctl_invoice_form *f;
	int rc;

	*out = NULL;
	if ((rc = need_company(c, e)))
		return rc;
	if (!(f = calloc(1, sizeof *f)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	f->c = c;
	if ((rc = ctl_taxes_load(c, &f->taxes, e))) {
		free(f);
		return rc;
	}
	ctl_date(NULL, "", f->date, CART_IGNORED);
	*out = f;
	return CART_OK;
}

void ctl_invform_free(ctl_invoice_form *f)
{
	free(f);
}

static void form_due(ctl_invoice_form *f)
{
	date_t d;

	if (f->due_typed || !f->have_client)
		return;
	date_parse(f->date, &d, CART_IGNORED);
	date_format(date_add_days(d, f->cl.terms_days), f->due);
}

/* Totals, the even split and the credit figures follow every change. */
static int form_recalc(ctl_invoice_form *f, cart_err *e)
{
	int rc = doc_totals_compute(f->lines, f->n, &f->totals, e);

	if (rc != CART_OK)
		return rc;
	if (f->n_inst > 1 && !f->inst_typed) {
		if (f->totals.total >= f->n_inst) {
			doc_instalments_split(f->totals.total, f->n_inst,
			                      f->first_due[0] ? f->first_due : f->due, f->every_days,
			                      f->inst_amount, f->inst_due, NULL);
		} else {
			memset(f->inst_amount, 0, sizeof f->inst_amount);
		}
	}
	if (f->n_inst > 1) {
		int64_t sum = 0;

		for (int i = 0; i < f->n_inst; i++)
			sum += f->inst_amount[i];
		f->inst_left = f->totals.total - sum;
	} else {
		f->inst_left = 0;
	}
	if (!f->have_client)
		return CART_OK;
	/* the client's figures are read once per client, date and currency; a line typed only
	 * changes the verdict (the form recomputes on every key: no query per key) */
	if (f->credit_client == f->cl.id && !strcmp(f->credit_key, f->date) &&
	    !strcmp(f->credit_key + DATE_LEN, f->currency)) {
		credit_verdict(f->c, &f->cl, f->totals.total + f->totals.expenses, &f->credit);
		return CART_OK;
	}
	if ((rc = ctl_credit_check(f->c, &f->cl, f->currency, f->date,
	                           f->totals.total + f->totals.expenses, &f->credit, e)))
		return rc;
	f->credit_client = f->cl.id;
	memcpy(f->credit_key, f->date, DATE_LEN);
	memcpy(f->credit_key + DATE_LEN, f->currency, sizeof f->currency);
	return CART_OK;
}

int ctl_invform_set_client(ctl_invoice_form *f, const char *ref, cart_err *e)
{
	client cl;
	int rc;

	if ((rc = ctl_client_ref(f->c, ref, &cl, e)))
		return rc;
	if (!cl.active)
		return cart_fail(e, CART_REFUSED, _("client %lld, %s, is inactive: activate it before"
		                 " invoicing"), (long long)cl.id, cl.name);
	f->cl = cl;
	f->have_client = 1;
	form_due(f);
	return form_recalc(f, e);
}

int ctl_invform_set_date(ctl_invoice_form *f, const char *text, cart_err *e)
{
	char d[DATE_LEN];
	int rc;

	if ((rc = ctl_date(text, _("the invoice date"), d, e)))
		return rc;
	memcpy(f->date, d, sizeof d);
	form_due(f);
	return form_recalc(f, e);
}

int ctl_invform_set_due(ctl_invoice_form *f, const char *text, cart_err *e)
{
	char d[DATE_LEN];
	int rc;

	if (!text || !*text) {
		f->due_typed = 0;
		form_due(f);
		return form_recalc(f, e);
	}
	if ((rc = ctl_date(text, _("the due date"), d, e)))
		return rc;
	if (strcmp(d, f->date) < 0)
		return cart_fail(e, CART_INVALID, _("the due date %s is before the invoice date %s"), d,
		                 f->date);
	memcpy(f->due, d, sizeof d);
	f->due_typed = 1;
	return form_recalc(f, e);
}

/* Parse one line's text into ln; messages name the line and the field. */
static int line_parse(ctl_invoice_form *f, int no, const ctl_line_text *t, doc_line *ln,
                      cart_err *e)
{
	char what[64];
	cart_err why;
	int rc;

	memset(ln, 0, sizeof *ln);
	if (!t->description[0])
		return cart_fail(e, CART_INVALID, _("line %d: the description is empty"), no);
	snprintf(ln->description, sizeof ln->description, "%s", t->description);
	snprintf(what, sizeof what, _("line %d: the quantity"), no);
	if ((rc = ctl_quantity(f->c, t->qty, what, &ln->qty, e)))
		return rc;
	if (!t->price[0])
		return cart_fail(e, CART_INVALID, _("line %d: the unit price is missing"), no);
	snprintf(what, sizeof what, _("line %d: the unit price"), no);
	if ((rc = ctl_amount(f->c, t->price, what, &ln->price, e)))
		return rc;
	ln->expense = t->expense;
	if (t->expense && t->tax[0])
		return cart_fail(e, CART_INVALID, _("line %d: a reimbursable expense carries no tax"),
		                 no);
	if (ctl_tax_pick(f->c, &f->taxes, t->tax, &ln->tax_rate_id, &ln->tax_rate, &why))
		return cart_fail(e, CART_INVALID, _("line %d: the tax: %s"), no, why.msg);
	return doc_line_net(ln, no, &ln->net, e);
}

int ctl_invform_set_line(ctl_invoice_form *f, int i, const ctl_line_text *t, cart_err *e)
{
	doc_line ln, old;
	ctl_line_text old_text;
	int rc, appended = 0;

	if (i < 0 || i > f->n)
		return cart_fail(e, CART_INVALID, _("there is no line %d"), i + 1);
	if (i == DOC_MAX_LINES)
		return cart_fail(e, CART_INVALID, _("a document has at most %d lines"), DOC_MAX_LINES);
	if ((rc = line_parse(f, i + 1, t, &ln, e)))
		return rc;
	if (i == f->n) {
		f->n++;
		appended = 1;
	}
	old = f->lines[i];
	old_text = f->text[i];
	f->lines[i] = ln;
	f->text[i] = *t;
	if ((rc = form_recalc(f, e)) != CART_OK) {
		f->lines[i] = old;
		f->text[i] = old_text;
		if (appended)
			f->n--;
		form_recalc(f, CART_IGNORED);
	}
	return rc;
}

int ctl_invform_insert_line(ctl_invoice_form *f, int i, cart_err *e)
{
	if (i < 0 || i > f->n)
		return cart_fail(e, CART_INVALID, _("there is no line %d"), i + 1);
	if (f->n == DOC_MAX_LINES)
		return cart_fail(e, CART_INVALID, _("a document has at most %d lines"), DOC_MAX_LINES);
	memmove(&f->lines[i + 1], &f->lines[i], sizeof f->lines[0] * (size_t)(f->n - i));
	memmove(&f->text[i + 1], &f->text[i], sizeof f->text[0] * (size_t)(f->n - i));
	/* a new line is one unit at nothing until typed: it adds nothing */
	memset(&f->lines[i], 0, sizeof f->lines[i]);
	memset(&f->text[i], 0, sizeof f->text[i]);
	f->lines[i].qty = 1000;
	snprintf(f->text[i].qty, sizeof f->text[i].qty, "1");
	f->n++;
	return form_recalc(f, e);
}

int ctl_invform_delete_line(ctl_invoice_form *f, int i, cart_err *e)
{
	if (i < 0 || i >= f->n)
		return cart_fail(e, CART_INVALID, _("there is no line %d"), i + 1);
	memmove(&f->lines[i], &f->lines[i + 1], sizeof f->lines[0] * (size_t)(f->n - i - 1));
	memmove(&f->text[i], &f->text[i + 1], sizeof f->text[0] * (size_t)(f->n - i - 1));
	f->n--;
	return form_recalc(f, e);
}

int ctl_invform_split(ctl_invoice_form *f, int n, const char *every, const char *first,
                      cart_err *e)
{
	char d[DATE_LEN] = "";
	int days = 0, rc;

	if (n < 0 || n > 360)
		return cart_fail(e, CART_INVALID, _("the number of instalments must be from 2 to 360"));
	if (every && *every && strcmp(every, "month") && strcmp(every, "monthly")) {
		char *end;
		long v = strtol(every, &end, 10);

		if (*end || v < 1 || v > 3650)
			return cart_fail(e, CART_INVALID, _("instalments every \"%s\": give a number of days"
			                 " from 1 to 3650, or month"), every);
		days = (int)v;
	}
	if (first && *first && (rc = ctl_date(first, _("the first instalment's due date"), d, e)))
		return rc;
	if (d[0] && strcmp(d, f->date) < 0)
		return cart_fail(e, CART_INVALID, _("the first instalment is due %s, before the invoice"
		                 " date %s"), d, f->date);
	if (n > 1 && f->totals.total > 0 && f->totals.total < n)
		return cart_fail(e, CART_INVALID, _("a total this small cannot be split into %d"
		                 " instalments"), n);
	f->n_inst = n > 1 ? n : 0;
	f->every_days = days;
	f->inst_typed = 0;
	memcpy(f->first_due, d, sizeof d);
	memset(f->inst_amount, 0, sizeof f->inst_amount);
	return form_recalc(f, e);
}

int ctl_invform_set_instalment(ctl_invoice_form *f, int i, const char *amount, const char *due,
                               cart_err *e)
{
	char what[64], d[DATE_LEN];
	int64_t v;
	int rc;

	if (i < 0 || i >= f->n_inst)
		return cart_fail(e, CART_INVALID, _("there is no instalment %d"), i + 1);
	snprintf(what, sizeof what, _("instalment %d"), i + 1);
	if ((rc = ctl_amount(f->c, amount, what, &v, e)))
		return rc;
	if (v <= 0)
		return cart_fail(e, CART_INVALID, _("instalment %d must be more than zero"), i + 1);
	if (due && *due) {
		if ((rc = ctl_date(due, what, d, e)))
			return rc;
		if (strcmp(d, f->date) < 0)
			return cart_fail(e, CART_INVALID, _("instalment %d is due %s, before the invoice"
			                 " date %s"), i + 1, d, f->date);
		memcpy(f->inst_due[i], d, sizeof d);
	}
	f->inst_amount[i] = v;
	f->inst_typed = 1;
	return form_recalc(f, e);
}

static int form_ready(ctl_invoice_form *f, cart_err *e)
{
	if (!f->have_client)
		return cart_fail(e, CART_INVALID, _("choose the client first"));
	if (f->n == 0)
		return cart_fail(e, CART_INVALID, _("the document has no lines"));
	for (int i = 0; i < f->n; i++)
		if (!f->lines[i].description[0])
			return cart_fail(e, CART_INVALID, _("line %d: the description is empty"), i + 1);
	f->credit_client = 0;     /* posting: the client's figures as they are now */
	return form_recalc(f, e);
}

int ctl_invform_post(ctl_invoice_form *f, const char *override, posted *out, cart_err *e)
{
	instalment_in inst[360];
	invoice_in in;
	char a[40];
	int rc;

	/* a retry with the same --key: the document posted then, before today's checks */
	if (ctl_key_replay(f->c, DOC_INVOICE, out))
		return CART_OK;
	memset(out, 0, sizeof *out);
	if ((rc = form_ready(f, e)))
		return rc;
	if (f->n_inst > 1 && f->inst_left != 0) {
		ctl_money(f->c, f->inst_left < 0 ? -f->inst_left : f->inst_left, a, sizeof a);
		return cart_fail(e, CART_INVALID, f->inst_left > 0
		                 ? _("the instalments add up to %s less than the total")
		                 : _("the instalments add up to %s more than the total"), a);
	}
	if (f->credit.needs_override && override && *override &&
	    ctl_need_supervisor(f->c, _("override the credit check"), e))
		return e->code;
	if (f->credit.needs_override && (!override || !*override))
		return cart_fail(e, CART_REFUSED, _("%s: give a reason to override the credit check"),
		                 f->credit.warning);
	memset(&in, 0, sizeof in);
	in.client_id = f->cl.id;
	memcpy(in.date, f->date, sizeof in.date);
	memcpy(in.due_date, f->due, sizeof in.due_date);
	snprintf(in.currency, sizeof in.currency, "%s", f->currency);
	snprintf(in.reference, sizeof in.reference, "%s", f->reference);
	snprintf(in.memo, sizeof in.memo, "%s", f->memo);
	in.lines = f->lines;
	in.n_lines = f->n;
	if (f->credit.needs_override)
		snprintf(in.override_reason, sizeof in.override_reason, "%.90s (%.100s)",
		         override, f->credit.warning);
	if (f->n_inst > 1) {
		for (int i = 0; i < f->n_inst; i++) {
			memcpy(inst[i].due_date, f->inst_due[i], DATE_LEN);
			inst[i].amount = f->inst_amount[i];
		}
		in.inst = inst;
		in.n_inst = f->n_inst;
		/* the last instalment's due date is the invoice's */
		in.due_date[0] = '\0';
	}
	return ctl_posted(f->c, ledger_invoice_post(f->c->l, &in, out, e), out);
}

int ctl_invform_post_quote(ctl_invoice_form *f, const char *valid, posted *out, cart_err *e)
{
	quote_in q;
	int rc;

	/* a retry with the same --key: the document posted then, before today's checks */
	if (ctl_key_replay(f->c, DOC_QUOTE, out))
		return CART_OK;
	memset(out, 0, sizeof *out);
	if ((rc = form_ready(f, e)))
		return rc;
	memset(&q, 0, sizeof q);
	q.client_id = f->cl.id;
	memcpy(q.date, f->date, sizeof q.date);
	if (valid && *valid && (rc = ctl_date(valid, _("the validity date"), q.valid_until, e)))
		return rc;
	snprintf(q.currency, sizeof q.currency, "%s", f->currency);
	snprintf(q.reference, sizeof q.reference, "%s", f->reference);
	snprintf(q.memo, sizeof q.memo, "%s", f->memo);
	q.lines = f->lines;
	q.n_lines = f->n;
	return ctl_posted(f->c, ledger_quote_post(f->c->l, &q, out, e), out);
}

/* ---- quotes ---- */

static int quote_ref(ctl *c, const char *ref, const char *date, quote_row *q, cart_err *e)
{
	doc_info d;
	int rc;

	if ((rc = need_company(c, e)) || (rc = ctl_doc_ref(c, ref, &d, e)))
		return rc;
	if (d.type != DOC_QUOTE)
		return cart_fail(e, CART_INVALID, _("%s is not a quote"), d.number);
	return ledger_quote_get(c->l, d.id, date, q, e);
}

int ctl_quote_set_status(ctl *c, const char *quote, int status, const char *date, cart_err *e)
{
	char day[DATE_LEN];
	quote_row q;
	int rc;

	if ((rc = ctl_date(date, _("the date"), day, e)) ||
	    (rc = quote_ref(c, quote, day, &q, e)))
		return rc;
	return ledger_quote_set_status(c->l, q.doc_id, status, day, e);
}

int ctl_quote_credit(ctl *c, const char *quote, const char *date, ctl_credit *out, cart_err *e)
{
	char day[DATE_LEN];
	quote_row q;
	client cl;
	int rc;

	if ((rc = ctl_date(date, _("the invoice date"), day, e)) ||
	    (rc = quote_ref(c, quote, day, &q, e)) ||
	    (rc = ledger_client_get(c->l, q.client_id, &cl, e)))
		return rc;
	return ctl_credit_check(c, &cl, q.currency, day, q.total, out, e);
}

int ctl_quote_invoice(ctl *c, const char *quote, const char *date, const char *due,
                      const char *override, posted *out, cart_err *e)
{
	invoice_in in;
	ctl_credit cr;
	quote_row q;
	client cl;
	int rc;

	memset(&in, 0, sizeof in);
	memset(out, 0, sizeof *out);
	if ((rc = ctl_date(date, _("the invoice date"), in.date, e)) ||
	    (rc = quote_ref(c, quote, in.date, &q, e)))
		return rc;
	if (due && *due && (rc = ctl_date(due, _("the due date"), in.due_date, e)))
		return rc;
	if ((rc = ledger_client_get(c->l, q.client_id, &cl, e)) ||
	    (rc = ctl_credit_check(c, &cl, q.currency, in.date, q.total, &cr, e)))
		return rc;
	if (cr.needs_override && override && *override &&
	    ctl_need_supervisor(c, _("override the credit check"), e))
		return e->code;
	if (cr.needs_override && (!override || !*override))
		return cart_fail(e, CART_REFUSED, _("%s: give a reason to override the credit check"),
		                 cr.warning);
	if (cr.needs_override)
		snprintf(in.override_reason, sizeof in.override_reason, "%.90s (%.100s)",
		         override, cr.warning);
	return ctl_posted(c, ledger_quote_invoice(c->l, q.doc_id, &in, out, e), out);
}
