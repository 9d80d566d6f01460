/* Controllers: see include/cartera/ctl.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl.h"
#include "cartera/ctl_clients.h"
#include "model/ledger_import.h"
#include "cartera/ctl_docs.h"
#include "cartera/text.h"
#include "cartera/ctl_safety.h"
#include "model/ledger_safety.h"

void ctl_default_db(char *buf, size_t size)
{
	const char *v = getenv("CARTERA_DB");

	if (v && *v) {
		snprintf(buf, size, "%s", v);
		return;
	}
	v = getenv("XDG_DATA_HOME");
	if (v && *v) {
		snprintf(buf, size, "%s/cartera/ledger.db", v);
		return;
	}
	v = getenv("HOME");
	snprintf(buf, size, "%s/.local/share/cartera/ledger.db", v && *v ? v : ".");
}

int ctl_make_parent(const char *path, cart_err *e)
{
	char dir[1024];
	char *slash;

	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return CART_OK;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return cart_fail(e, CART_IO, _("cannot create the folder %s: %s"), dir,
			                 strerror(errno));
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return cart_fail(e, CART_IO, _("cannot create the folder %s: %s"), dir, strerror(errno));
	return CART_OK;
}

int ctl_open_at(ctl *c, const char *path, int flags, cart_err *e)
{
	cart_err tmp;
	int rc;

	memset(c, 0, sizeof *c);
	snprintf(c->path, sizeof c->path, "%s", path);
	/* How long to wait for another clerk's posting before giving up (scripts, tests): opening
	 * waits as long as writing */
	if ((rc = ctl_busy_timeout_env(e)) != CART_OK)
		return rc;
	rc = ledger_open(path, flags, &c->l, e);
	if (rc != CART_OK)
		return rc;
	c->have_company = ledger_company_get(c->l, &c->co, &tmp) == CART_OK;
	if (!c->have_company)
		company_defaults(&c->co);
	/* the run reads and shows dates as the company's clerks do (date.h) */
	date_set_order(c->co.date_order);
	return CART_OK;
}

void ctl_close_at(ctl *c)
{
	ledger_close(c->l);
	c->l = NULL;
}

int ctl_open(ctl **out, const char *path, int flags, cart_err *e)
{
	ctl *c = calloc(1, sizeof *c);
	int rc;

	*out = NULL;
	if (!c)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	rc = ctl_open_at(c, path, flags, e);
	if (rc != CART_OK) {
		free(c);
		return rc;
	}
	*out = c;
	return CART_OK;
}

void ctl_close(ctl *c)
{
	if (!c)
		return;
	ctl_close_at(c);
	free(c);
}

int ctl_posted(ctl *c, int rc, posted *p)
{
	doc_info d;
	client cl;
	cart_err tmp;

	if (rc != CART_OK || !p || !p->doc_id)
		return rc;
	if (ledger_document_get(c->l, p->doc_id, &d, &tmp) != CART_OK)
		return rc;
	p->total = d.total;
	memcpy(p->currency, d.currency, sizeof p->currency);
	memcpy(p->date, d.date, sizeof p->date);
	memcpy(p->due_date, d.due_date, sizeof p->due_date);
	snprintf(p->reference, sizeof p->reference, "%s", d.reference);
	if (ledger_client_get(c->l, d.client_id, &cl, &tmp) == CART_OK)
		snprintf(p->client, sizeof p->client, "%s", cl.name);
	return rc;
}

const company *ctl_company(const ctl *c)
{
	return &c->co;
}

int ctl_has_company(const ctl *c)
{
	return c->have_company;
}

const char *ctl_path(const ctl *c)
{
	return c->path;
}

int ctl_ranges_for_run(ctl *c, const char *text, cart_err *e)
{
	company co = c->co;
	int rc = company_parse_ranges(&co, text, e);

	if (rc == CART_OK)
		c->co = co;
	return rc;
}

int ctl_company_set(ctl *c, const company *co, cart_err *e)
{
	int rc = ledger_company_set(c->l, co, e);

	if (rc == CART_OK) {
		c->co = *co;
		c->have_company = 1;
		date_set_order(co->date_order);
	}
	return rc;
}

/* Postings need the company's settings; say so plainly on a fresh file. */
static int need_company(const ctl *c, cart_err *e)
{
	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		                 " 'cartera init' first"), c->path);
	return CART_OK;
}

int ctl_amount(const ctl *c, const char *text, const char *what, int64_t *out, cart_err *e)
{
	cart_err tmp;

	if (!text || !*text)
		return cart_fail(e, CART_INVALID, _("%s is missing"), what);
	if (money_parse(text, &c->co.fmt, out, &tmp) != CART_OK) {
		/* one sentence, the amount named once, and the format the company expects:
		 * 'the unit price: "12,345" has more than 2 decimals (like 1.234,50)' */
		char prefix[160], like[48];
		const char *why = tmp.msg;
		size_t n;

		/* TRANSLATORS: the start of money_parse's messages ("amount \"%s\" is not a
		 * number"), cut off when the field's own name says what the amount is */
		snprintf(prefix, sizeof prefix, _("amount \"%s\" "), text);
		n = strlen(prefix);
		money_format(123450, &c->co.fmt, like, sizeof like);
		if (!strncmp(why, prefix, n)) {
			why += n;
			return cart_fail(e, CART_INVALID, _("%s: \"%s\" %s (like %s)"), what,
			                 text, why, like);
		}
		return cart_fail(e, CART_INVALID, _("%s: %s (like %s)"), what, why, like);
	}
	return CART_OK;
}

int ctl_amount_positive(const ctl *c, const char *text, const char *what, int64_t *out,
                        cart_err *e)
{
	int rc = ctl_amount(c, text, what, out, e);

	if (rc == CART_OK && *out <= 0)
		return cart_fail(e, CART_INVALID, _("%s \"%s\" must be more than zero"), what, text);
	return rc;
}

int ctl_date(const char *text, const char *what, char out[DATE_LEN], cart_err *e)
{
	cart_err tmp;
	date_t d;

	if (!text || !strcmp(text, "today")) {
		date_format(date_today(), out);
		return CART_OK;
	}
	if (!*text)
		return cart_fail(e, CART_INVALID, _("%s is empty (give a date %s)"), what,
		                 date_order_pattern(date_order()));
	/* the company's order as clerks type it; ISO is always understood (date.h) */
	if (date_parse_order(text, date_order(), &d, &tmp) != CART_OK)
		return cart_fail(e, CART_INVALID, "%s: %s", what, tmp.msg);
	date_format(d, out);
	return CART_OK;
}

void ctl_money(const ctl *c, int64_t v, char *buf, size_t size)
{
	money_format(v, &c->co.fmt, buf, size);
}

void ctl_money_plain(const ctl *c, int64_t v, char *buf, size_t size)
{
	money_fmt f = { c->co.fmt.decimals, '.', '\0' };

	money_format_plain(v, &f, buf, size);
}

int ctl_text(char *dst, size_t size, const char *text, const char *what, cart_err *e)
{
	int rc = text_check(text, size - 2, what, e);

	if (rc == CART_OK)
		snprintf(dst, size, "%s", text ? text : "");
	return rc;
}

int ctl_client_contact_check(int field, const char *text, cart_err *e)
{
	if (!text || !*text)
		return CART_OK;
	/* a control character or bad UTF-8 is named as such, in the words of every other field */
	if (text_check(text, (size_t)-1, field == CF_EMAIL ? _("the e-mail") : _("the phone"), e))
		return CART_INVALID;
	if (field == CF_EMAIL && !contact_email_list_valid(text))
		return cart_fail(e, CART_INVALID, _("the e-mail \"%s\" is not an e-mail address"
		                 " (name@domain.com)"), text);
	if ((field == CF_PHONE || field == CF_MOBILE) && !contact_phone_valid(text))
		return cart_fail(e, CART_INVALID, _("the phone \"%s\": digits, spaces and + - ( ) only"),
		                 text);
	return CART_OK;
}

int ctl_client_ref(ctl *c, const char *ref, client *out, cart_err *e)
{
	return ledger_client_find(c->l, ref, out, e);
}

int ctl_doc_ref(ctl *c, const char *ref, doc_info *d, cart_err *e)
{
	int64_t id;
	int rc = ledger_document_find(c->l, ref, &id, e);

	if (rc == CART_NOTFOUND) {
		/* an imported document by its legal number (series-number, CUFE, UUID) */
		legal_row k[2];
		cart_err tmp;
		int n = 0;

		if (ledger_legal_find(c->l, LEGAL_ANY, NULL, NULL, ref, k, 2, &n, &tmp) != CART_OK)
			return cart_fail(e, tmp.code, "%s", tmp.msg);
		if (n > 1)
			return cart_fail(e, CART_INVALID, _("\"%s\" is the legal number of %s and of %s:"
			                 " give the document's number"), ref, k[0].doc_number,
			                 k[1].doc_number);
		if (n == 1) {
			id = k[0].doc_id;
			rc = CART_OK;
		}
	}
	return rc == CART_OK ? ledger_document_get(c->l, id, d, e) : rc;
}

/* ---- postings ---- */

int ctl_invoice_post(ctl *c, const ctl_invoice *a, posted *out, cart_err *e)
{
	invoice_in in;
	client cl;
	instalment_in *inst = NULL;
	int rc;

	/* a retry with the same --key: the document posted then, before today's checks */
	if (ctl_key_replay(c, DOC_INVOICE, out))
		return CART_OK;
	memset(&in, 0, sizeof in);
	if ((rc = need_company(c, e)) || (rc = ctl_client_ref(c, a->client, &cl, e)) ||
	    (rc = ctl_amount_positive(c, a->total, _("the invoice total"), &in.total, e)) ||
	    (rc = ctl_date(a->date, _("the invoice date"), in.date, e)))
		return rc;
	if (a->expenses && *a->expenses &&
	    (rc = ctl_amount(c, a->expenses, _("the reimbursable expenses"), &in.expenses, e)))
		return rc;
	if (a->due && *a->due && (rc = ctl_date(a->due, _("the due date"), in.due_date, e)))
		return rc;
	/* what was typed wrong is said before any rule of the ledger (the credit check below) */
	if (in.due_date[0] && strcmp(in.due_date, in.date) < 0)
		return cart_fail(e, CART_INVALID, _("the due date %s is before the invoice date %s"),
		                 in.due_date, in.date);
	in.client_id = cl.id;
	snprintf(in.currency, sizeof in.currency, "%s", a->currency ? a->currency : "");
	snprintf(in.reference, sizeof in.reference, "%s", a->reference ? a->reference : "");
	snprintf(in.memo, sizeof in.memo, "%s", a->memo ? a->memo : "");
	if (a->instalments < 0 || a->instalments > 360)
		return cart_fail(e, CART_INVALID, _("instalments: %d is not between 2 and 360"),
		                 a->instalments);
	if (a->instalments > 1) {
		int64_t *parts = calloc((size_t)a->instalments, sizeof *parts);
		date_t first;

		inst = calloc((size_t)a->instalments, sizeof *inst);
		if (!parts || !inst) {
			free(parts);
			free(inst);
			return cart_fail(e, CART_NOMEM, _("out of memory"));
		}
		if (in.total <= 0) {
			free(parts);
			free(inst);
			return cart_fail(e, CART_INVALID, _("the invoice total must be more than zero"));
		}
		/* Equal parts to the cent, monthly from the due date (the client's terms by default). */
		money_split(in.total, a->instalments, parts);
		date_parse(in.date, &first, CART_IGNORED);
		if (in.due_date[0])
			date_parse(in.due_date, &first, CART_IGNORED);
		else
			first = date_add_days(first, cl.terms_days);
		for (int i = 0; i < a->instalments; i++) {
			date_format(date_add_months(first, i), inst[i].due_date);
			inst[i].amount = parts[i];
		}
		free(parts);
		in.inst = inst;
		in.n_inst = a->instalments;
		in.due_date[0] = '\0';
	}
	/* The credit check (SPEC C4), as the invoice form meets it: over the client's limit, or to a
	 * client with overdue debt, the invoice needs a reason, which is logged with it. */
	{
		ctl_credit cr;

		rc = ctl_credit_check(c, &cl, in.currency[0] ? in.currency : c->co.currency, in.date,
		                      in.total + in.expenses, &cr, e);
		if (rc == CART_OK && cr.needs_override && !(a->override && *a->override))
			rc = cart_fail(e, CART_REFUSED,
			               _("%s: give a reason to override the credit check (--override)"),
			               cr.warning);
		if (rc == CART_OK && cr.needs_override)
			rc = ctl_need_supervisor(c, _("override the credit check"), e);
		if (rc != CART_OK) {
			free(inst);
			return rc;
		}
		if (cr.needs_override)
			snprintf(in.override_reason, sizeof in.override_reason, "%.90s (%.100s)",
			         a->override, cr.warning);
	}
	rc = ledger_invoice_post(c->l, &in, out, e);
	free(inst);
	return ctl_posted(c, rc, out);
}

/* A payment is a receipt with one means of payment: the same form, checks and posting as the
 * receipt screen and `receipt post` (ctl_receipt.c), so the two cannot disagree. */
int ctl_payment_post(ctl *c, const ctl_payment *a, posted *out, cart_err *e)
{
	ctl_receipt_form f;
	int64_t amount;
	int rc;

	/* a retry with the same --key: the document posted then, before today's checks */
	if (ctl_key_replay(c, DOC_RECEIPT, out) || ctl_key_replay(c, DOC_ADVANCE, out))
		return CART_OK;
	if ((rc = need_company(c, e)) ||
	    (rc = ctl_amount_positive(c, a->amount, _("the amount received"), &amount, e)))
		return rc;
	if (a->advance && a->n_to > 0)
		return cart_fail(e, CART_INVALID, _("an advance is not allocated to invoices; leave out"
		                 " --to"));
	if ((rc = ctl_rform_load(c, &f, a->client, a->date ? a->date : "today", a->currency, e)))
		return rc;
	rc = ctl_rform_add_means(&f, a->method && *a->method ? a->method : "cash", a->amount, NULL,
	                         a->reference, NULL, e);
	for (int i = 0; rc == CART_OK && !a->advance && a->n_to == 0 && i < f.n; i++)
		rc = ctl_rform_mark(&f, i, 1, e);
	for (int i = 0; rc == CART_OK && i < a->n_to; i++) {
		char ref[128];
		const char *eq = strchr(a->to[i], '=');

		snprintf(ref, sizeof ref, "%.*s", eq ? (int)(eq - a->to[i]) : (int)strlen(a->to[i]),
		         a->to[i]);
		rc = ctl_rform_mark_doc(&f, ref, eq ? eq + 1 : NULL, e);
	}
	if (rc == CART_OK)
		rc = ctl_rform_post(&f, out, e);
	ctl_rform_free(&f);
	return rc;
}

int ctl_credit_note_post(ctl *c, const ctl_credit_note *a, posted *out, cart_err *e)
{
	credit_note_in in;
	client cl;
	int rc;

	/* a retry with the same --key: the document posted then, before today's checks */
	if (ctl_key_replay(c, DOC_CREDIT_NOTE, out))
		return CART_OK;
	memset(&in, 0, sizeof in);
	if ((rc = need_company(c, e)) || (rc = ctl_client_ref(c, a->client, &cl, e)) ||
	    (rc = ctl_amount_positive(c, a->amount, _("the credit note amount"), &in.amount, e)) ||
	    (rc = ctl_date(a->date, _("the credit note date"), in.date, e)))
		return rc;
	in.client_id = cl.id;
	snprintf(in.currency, sizeof in.currency, "%s", a->currency ? a->currency : "");
	snprintf(in.reason, sizeof in.reason, "%s", a->reason ? a->reason : "");
	if (a->against && *a->against) {
		doc_info d;
		doc_entry ent[8];
		int nent;

		if ((rc = ctl_doc_ref(c, a->against, &d, e)) ||
		    (rc = ledger_document_entries(c->l, d.id, ent, 8, &nent, e)))
			return rc;
		if (d.type != DOC_INVOICE && d.type != DOC_OPENING && d.type != DOC_JOURNAL)
			return cart_fail(e, CART_REFUSED, _("%s is not an invoice"), d.number);
		for (int j = 0; j < nent && !in.against_entry_id; j++)
			if (ent[j].side == 'D')
				in.against_entry_id = ent[j].entry_id;
		if (!in.against_entry_id)
			return cart_fail(e, CART_REFUSED, _("%s posted no charge to credit"), d.number);
		if (d.client_id != cl.id)
			return cart_fail(e, CART_REFUSED, _("%s belongs to another client"), d.number);
		if (d.voided_by[0])
			return cart_fail(e, CART_REFUSED, _("%s was voided by %s"), d.number, d.voided_by);
	}
	return ctl_posted(c, ledger_credit_note_post(c->l, &in, out, e), out);
}

int ctl_opening_post(ctl *c, const ctl_opening *a, posted *out, cart_err *e)
{
	opening_in in;
	client cl;
	int rc;

	/* a retry with the same --key: the document posted then, before today's checks */
	if (ctl_key_replay(c, DOC_OPENING, out))
		return CART_OK;
	memset(&in, 0, sizeof in);
	if ((rc = need_company(c, e)) || (rc = ctl_client_ref(c, a->client, &cl, e)) ||
	    (rc = ctl_amount(c, a->amount, _("the opening amount"), &in.amount, e)) ||
	    (rc = ctl_date(a->date, _("the opening date"), in.date, e)))
		return rc;
	if (a->due && *a->due && (rc = ctl_date(a->due, _("the due date"), in.due_date, e)))
		return rc;
	/* what was typed wrong is said before any rule of the ledger (the credit check below) */
	if (in.due_date[0] && strcmp(in.due_date, in.date) < 0)
		return cart_fail(e, CART_INVALID, _("the due date %s is before the invoice date %s"),
		                 in.due_date, in.date);
	in.client_id = cl.id;
	in.item = a->item;
	snprintf(in.currency, sizeof in.currency, "%s", a->currency ? a->currency : "");
	snprintf(in.reference, sizeof in.reference, "%s", a->reference ? a->reference : "");
	return ctl_posted(c, ledger_opening_post(c->l, &in, out, e), out);
}

int ctl_void(ctl *c, const char *doc, const char *date, const char *reason, posted *out,
             cart_err *e)
{
	doc_info d;
	char day[DATE_LEN];
	int rc;

	/* a retry with the same --key: the document posted then, before today's checks */
	if (ctl_key_replay(c, DOC_VOID, out))
		return CART_OK;
	if ((rc = need_company(c, e)) || (rc = ctl_doc_ref(c, doc, &d, e)) ||
	    (rc = ctl_date(date, _("the void date"), day, e)) ||
	    (rc = ctl_need_supervisor(c, _("void a document"), e)))
		return rc;
	return ctl_posted(c, ledger_document_void(c->l, d.id, day, reason, out, e), out);
}

int ctl_dashboard_load(ctl *c, int64_t client_id, const char *asof, ctl_dashboard *d, cart_err *e)
{
	int rc;

	memset(d, 0, sizeof *d);
	if ((rc = ctl_date(asof, _("the as-of date"), d->asof, e)))
		return rc;
	return ledger_totals(c->l, client_id, d->asof, d->t, &d->n, e);
}
