/* The debit note form (SPEC D8, issue 16): the client (typed or picked), the date, the invoice it
 * amends (typed or picked from the client's open invoices, as the credit note picks them), the
 * amount with its tax, the tax rate (the invoice's, when it has one) and the reason. Under the form, as it is filled, what it
 * will post: the charge, its base and tax at the rate, and the client's balance before and after.
 * It posts through the controller the command line uses (ctl_debit_note_post). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docform.h"
#include "keymaps.h"
#include "scr_receipt.h"
#include "ui_int.h"

#include "cartera/ctl_debit.h"
#include "cartera/ctl_docs.h"
#include "cartera/ctl_report.h"
#include "cartera/date.h"
#include "cartera/i18n.h"

enum { DN_CLIENT, DN_DATE, DN_INVOICE, DN_AMOUNT, DN_TAX, DN_REASON };
enum { ASK_CLIENT = 1, ASK_INVOICE };

typedef struct dn_scr {
	docform d;
	char rate_of[32];         /* the invoice whose tax rate was offered */
} dn_scr;

/* The invoice typed, when it is one a debit note of this form can amend; else a message. */
static int invoice_of(dn_scr *s, doc_info *inv, char *err, size_t size)
{
	const char *v = s->d.fm.f[DN_INVOICE].value;
	cart_err e;

	if (!v[0])
		return 0;
	if (ctl_doc_ref(s->d.c, v, inv, &e) != CART_OK) {
		snprintf(err, size, "%.230s", e.msg);
		return 0;
	}
	if (inv->type != DOC_INVOICE && inv->type != DOC_OPENING) {
		snprintf(err, size, _("%s is not an invoice: a debit note amends an invoice"), inv->number);
		return 0;
	}
	if (inv->voided_by[0]) {
		snprintf(err, size, _("%s was voided by %s"), inv->number, inv->voided_by);
		return 0;
	}
	if (s->d.client_id && inv->client_id != s->d.client_id && !docform_needs_pick(&s->d)) {
		snprintf(err, size, _("%s is another client's invoice"), inv->number);
		return 0;
	}
	return 1;
}

/* The invoice's own rate in the empty tax field, when it has one rate only (a note on it is
 * usually taxed as it was); once per invoice, so a rate emptied on purpose stays empty. */
static void offer_rate(dn_scr *s)
{
	doc_tax tx[DOC_MAX_TAXES];
	ctl_taxes t;
	doc_info inv;
	char err[FORM_ERROR_MAX] = "";
	int n = 0;
	cart_err e;

	if (!invoice_of(s, &inv, err, sizeof err) || !strcmp(s->rate_of, inv.number))
		return;
	snprintf(s->rate_of, sizeof s->rate_of, "%s", inv.number);
	if (s->d.fm.f[DN_TAX].value[0] ||
	    ctl_doc_taxes(s->d.c, inv.id, tx, DOC_MAX_TAXES, &n, &e) != CART_OK || n != 1 ||
	    ctl_taxes_load(s->d.c, &t, &e) != CART_OK)
		return;
	for (int i = 0; i < t.n; i++)
		if (t.r[i].id == tx[0].tax_rate_id)
			form_set_value(&s->d.fm, DN_TAX, t.r[i].name);
}

static void validate(form *f, int i, char *err, size_t size, void *ud)
{
	dn_scr *s = ud;
	ctl_debit_split sp;
	doc_info inv;
	cart_err e;

	(void)f;
	if (i == DN_INVOICE && s->d.fm.f[i].value[0]) {
		invoice_of(s, &inv, err, size);
	} else if ((i == DN_AMOUNT && s->d.fm.f[i].value[0]) || (i == DN_TAX && s->d.fm.f[i].value[0])) {
		if (ctl_debit_note_split(s->d.c, i == DN_AMOUNT ? s->d.fm.f[i].value : "1",
		                         i == DN_TAX ? s->d.fm.f[i].value : "", &sp, &e) != CART_OK)
			snprintf(err, size, "%.230s", e.msg);
	}
}

static void answered(docform *d, int tag);

/* The pick dialog, with what was typed in the client field as its filter; one client matching
 * is chosen at once. */
static void ask_client(dn_scr *s, const char *typed)
{
	if (docform_ask_client(&s->d, ASK_CLIENT, _("The debit note's client"), typed))
		answered(&s->d, ASK_CLIENT);
}

static int post(docform *d)
{
	ctl_debit_note a;
	char amount[48];
	posted out;
	cart_err e;
	int bad = form_check_all(&d->fm);

	if (bad >= 0) {
		ui_status(1, "%s: %s", d->fm.f[bad].label, form_error_text(&d->fm.f[bad]));
		return SCR_STAY;
	}
	memset(&a, 0, sizeof a);
	a.invoice = d->fm.f[DN_INVOICE].value;
	a.date = d->fm.f[DN_DATE].value;
	a.amount = d->fm.f[DN_AMOUNT].value;
	a.tax = d->fm.f[DN_TAX].value;
	a.reason = d->fm.f[DN_REASON].value;
	if (ctl_debit_note_post(d->c, &a, &out, &e) != CART_OK) {
		form_set_error(&d->fm, DN_AMOUNT, e.msg);
		ui_status(1, "%s", e.msg);
		return SCR_STAY;
	}
	ctl_money(d->c, out.total, amount, sizeof amount);
	ui_status(0, _("Debit note %s posted: %s %s on %s."), out.number, amount, out.currency,
	          out.reference);
	return SCR_CLOSE;
}

static void answered(docform *d, int tag)
{
	switch (tag) {
	case ASK_CLIENT:
		docform_client_set(d, d->dlg.picked, DN_INVOICE);
		break;
	case ASK_INVOICE:
		form_set_value(&d->fm, DN_INVOICE, d->pick_doc[d->dlg.sel]);
		form_check(&d->fm, DN_INVOICE);
		offer_rate((dn_scr *)d);
		d->fm.dirty = 1;
		d->fm.cur = DN_AMOUNT;
		break;
	default:
		break;
	}
}

static int act_client(void *self, int key)
{
	dn_scr *s = self;

	(void)key;
	ask_client(s, docform_needs_pick(&s->d) ? s->d.fm.f[DN_CLIENT].value : "");
	return SCR_STAY;
}

static int act_invoice(void *self, int key)
{
	dn_scr *s = self;

	(void)key;
	docform_ask_invoice(&s->d, ASK_INVOICE, s->d.fm.f[DN_DATE].value, _("The invoice to amend"),
	                    _("the client has no open invoices: type the number of the one to amend"));
	return SCR_STAY;
}

static const ui_act dn_acts[] = {
	DOCFORM_ACTS,
	UI_ACT(N_("Client"), UK_F(2), UK_CTRL('f'), 0, 0, N_("pick the client from the client list"),
	       act_client),
	UI_ACT(N_("Invoice"), UK_F(3), UK_CTRL('v'), 0, 0,
	       N_("pick one of the client's open invoices (or type any invoice's number)"), act_invoice),
};
const ui_keymap scr_dnote_keys = UI_KEYMAP("debit note", UI_KM_FORM, dn_acts);

static int dn_key(ui_screen *base, int key)
{
	dn_scr *s = (dn_scr *)base;
	int r, left;

	if (docform_key_first(&s->d, key, answered, &r))
		return r;
	if ((r = ui_keys_run(&scr_dnote_keys, s, key, 0, 1)) >= 0)
		return r;
	if (s->d.fm.cur == DN_CLIENT && (key == UK_ENTER || key == UK_TAB) &&
	    docform_needs_pick(&s->d)) {
		ask_client(s, s->d.fm.f[DN_CLIENT].value);
		return SCR_STAY;
	}
	left = s->d.fm.cur;
	if ((docform_key_form(&s->d, key) & FORM_MOVED) && left == DN_INVOICE)
		offer_rate(s);
	return SCR_STAY;
}

/* What F9 would post, from what the form holds now: two lines at row y. */
static void draw_preview(dn_scr *s, int y)
{
	ctl_debit_split sp;
	doc_info inv;
	balance b[LEDGER_MAX_CURRENCIES];
	char err[FORM_ERROR_MAX] = "", line[400], t[48], base[48], tax[48], was[48], now[48];
	int64_t before = 0;
	int nb = 0;
	cart_err e;

	attron(A_BOLD);
	ui_put(y, 1, COLS - 2, _("It posts:"), 0);
	attroff(A_BOLD);
	if (!invoice_of(s, &inv, err, sizeof err) ||
	    ctl_debit_note_split(s->d.c, s->d.fm.f[DN_AMOUNT].value, s->d.fm.f[DN_TAX].value, &sp,
	                         &e) != CART_OK) {
		ui_put(y + 1, 3, COLS - 4, _("(the invoice and the amount first)"), 0);
		return;
	}
	ctl_money(s->d.c, sp.total, t, sizeof t);
	ctl_money(s->d.c, sp.base, base, sizeof base);
	ctl_money(s->d.c, sp.tax, tax, sizeof tax);
	if (sp.rate_name[0])
		snprintf(line, sizeof line, _("a charge of %s %s amending %s: base %s + %s %s"), t,
		         inv.currency, inv.number, base, sp.rate_name, tax);
	else
		snprintf(line, sizeof line, _("a charge of %s %s amending %s, without tax"), t,
		         inv.currency, inv.number);
	ui_put(y + 1, 3, COLS - 4, line, 0);
	if (ctl_balance(s->d.c, inv.client_id, NULL, b, &nb, &e) != CART_OK)
		return;
	for (int i = 0; i < nb; i++)
		if (!strcmp(b[i].currency, inv.currency))
			before = b[i].balance;
	ctl_money(s->d.c, before, was, sizeof was);
	ctl_money(s->d.c, before + sp.total, now, sizeof now);
	snprintf(line, sizeof line, _("the client's balance in %s: %s, then %s"), inv.currency, was,
	         now);
	ui_put(y + 2, 3, COLS - 4, line, 0);
}

static void dn_draw(ui_screen *base)
{
	dn_scr *s = (dn_scr *)base;
	char left[256];

	if (s->d.help) {
		ui_keys_help(&scr_dnote_keys, 0, _("Debit note"),
		             ctl_has_company(s->d.c) ? ctl_company(s->d.c)->name : "");
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s",
	         ctl_has_company(s->d.c) ? ctl_company(s->d.c)->name : "");
	ui_title(left, _("Debit note"));
	ui_put(1, 0, COLS, _("A charge on one invoice, in its currency; the amount includes its tax."),
	       0);
	form_draw(&s->d.fm, 3, 1, LINES - 10, COLS - 1);
	draw_preview(s, LINES - 7);
	ui_status_draw();
	ui_keys_bar(&scr_dnote_keys, 0);
	dialog_draw(&s->d.dlg);
}

static void dn_free(ui_screen *base)
{
	dn_scr *s = (dn_scr *)base;

	docform_free(&s->d);
	free(s);
}

int scr_debit_note_new(ctl *c, int64_t client_id, const char *invoice, ui_screen **out,
                       cart_err *e)
{
	dn_scr *s = calloc(1, sizeof *s);
	char today[DATE_LEN];

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the debit note"));
	s->d.base = (ui_screen){ dn_draw, dn_key, NULL, dn_free, 0 };
	s->d.c = c;
	s->d.client_field = DN_CLIENT;
	s->d.post = post;
	form_init(&s->d.fm, s);
	form_add(&s->d.fm, _("Client"), FT_TEXT, 120, 1, NULL);
	form_add(&s->d.fm, _("Date"), FT_DATE, 10, 1, NULL);
	form_add(&s->d.fm, _("Invoice"), FT_TEXT, 30, 1, validate);
	form_add(&s->d.fm, _("Amount"), FT_AMOUNT, 20, 1, validate);
	form_add(&s->d.fm, _("Tax rate"), FT_TEXT, 47, 0, validate);
	form_add(&s->d.fm, _("Reason"), FT_TEXT, 190, 1, NULL);
	if (ctl_date(NULL, _("today"), today, e) == CART_OK)
		form_set_value(&s->d.fm, DN_DATE, today);
	if (client_id > 0)
		docform_client_set(&s->d, client_id, DN_INVOICE);
	if (invoice && invoice[0]) {
		form_set_value(&s->d.fm, DN_INVOICE, invoice);
		offer_rate(s);
		s->d.fm.cur = DN_AMOUNT;
	}
	s->d.fm.dirty = 0;
	*out = &s->d.base;
	return CART_OK;
}
