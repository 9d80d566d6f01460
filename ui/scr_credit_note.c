/* The credit note form (SPEC D2): the client (typed or picked), the date, the invoice it credits
 * (typed or picked from the client's open invoices; empty: on account, a credit in favour), the
 * amount and the reason. As the invoice is left the form says what it still has open, and an
 * amount over that is refused beside the field before anything is posted; the model refuses it
 * too. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docform.h"
#include "keymaps.h"
#include "scr_receipt.h"
#include "ui_int.h"

#include "cartera/date.h"
#include "cartera/ctl_docs.h"
#include "cartera/i18n.h"

enum { CN_CLIENT, CN_DATE, CN_INVOICE, CN_AMOUNT, CN_REASON };
enum { ASK_CLIENT = 1, ASK_INVOICE };


typedef struct cn_scr {
	docform d;
} cn_scr;

/* What the invoice typed has open (-1 when none is typed); a message into err when it is not
 * one a credit note can go against. */
static int64_t room(cn_scr *s, char *err, size_t size)
{
	const char *inv = s->d.fm.f[CN_INVOICE].value;
	int64_t open = -1;
	cart_err e;

	if (!inv[0])
		return -1;
	if (ctl_credit_note_room(s->d.c, inv, &open, &e) != CART_OK) {
		snprintf(err, size, "%.230s", e.msg);
		return -1;
	}
	return open;
}

static void validate(form *f, int i, char *err, size_t size, void *ud)
{
	cn_scr *s = ud;
	char a[48], warn[FORM_ERROR_MAX] = "";
	int64_t open, v;
	cart_err e;

	(void)f;
	if (i == CN_INVOICE) {
		open = room(s, err, size);
		if (open >= 0) {
			ctl_money(s->d.c, open, a, sizeof a);
			snprintf(warn, sizeof warn, _("it has %s open"), a);
		} else if (!err[0]) {
			snprintf(warn, sizeof warn, "%s", _("none: on account, a credit in favour"));
		}
		form_set_warning(&s->d.fm, CN_INVOICE, err[0] ? "" : warn);
	} else if (i == CN_AMOUNT && s->d.fm.f[i].value[0]) {
		char ignore[FORM_ERROR_MAX] = "";

		if (ctl_amount(s->d.c, s->d.fm.f[i].value, s->d.fm.f[i].label, &v, &e) != CART_OK) {
			snprintf(err, size, "%.230s", e.msg);
			return;
		}
		if (v <= 0) {
			snprintf(err, size, "%s", _("a credit note must be more than zero"));
			return;
		}
		open = room(s, ignore, sizeof ignore);
		if (open >= 0 && v > open) {
			ctl_money(s->d.c, open, a, sizeof a);
			snprintf(err, size, _("%s has only %s open; the credit note cannot be more"), s->d.fm.f[CN_INVOICE].value, a);
		}
	}
}

static void answered(docform *d, int tag);

/* The pick dialog, with what was typed in the client field as its filter; one client matching
 * is chosen at once. */
static void ask_client(cn_scr *s, const char *typed)
{
	if (docform_ask_client(&s->d, ASK_CLIENT, _("The credit note's client"), typed))
		answered(&s->d, ASK_CLIENT);
}

static int post(docform *d)
{
	cn_scr *s = (cn_scr *)d;
	ctl_credit_note a;
	char ref[FORM_VALUE_MAX], amount[FORM_VALUE_MAX];
	posted out;
	cart_err e;
	int bad = form_check_all(&s->d.fm);

	if (bad >= 0) {
		ui_status(1, "%s: %s", s->d.fm.f[bad].label, form_error_text(&s->d.fm.f[bad]));
		return SCR_STAY;
	}
	docform_client_ref(&s->d, ref, sizeof ref);
	memset(&a, 0, sizeof a);
	a.client = ref;
	a.date = s->d.fm.f[CN_DATE].value;
	a.amount = s->d.fm.f[CN_AMOUNT].value;
	a.against = s->d.fm.f[CN_INVOICE].value;
	a.reason = s->d.fm.f[CN_REASON].value;
	if (ctl_credit_note_post(s->d.c, &a, &out, &e) != CART_OK) {
		form_set_error(&s->d.fm, CN_AMOUNT, e.msg);
		ui_status(1, "%s", e.msg);
		return SCR_STAY;
	}
	snprintf(amount, sizeof amount, "%s", s->d.fm.f[CN_AMOUNT].value);
	if (a.against[0])
		ui_status(0, _("Credit note %s posted: %s against %s."), out.number, amount, a.against);
	else
		ui_status(0, _("Credit note %s posted: %s on account, a credit in favour."), out.number,
		          amount);
	return SCR_CLOSE;
}

static void answered(docform *d, int tag)
{
	switch (tag) {
	case ASK_CLIENT:
		docform_client_set(d, d->dlg.picked, CN_INVOICE);
		break;
	case ASK_INVOICE:
		form_set_value(&d->fm, CN_INVOICE, d->pick_doc[d->dlg.sel]);
		form_check(&d->fm, CN_INVOICE);
		d->fm.dirty = 1;
		d->fm.cur = CN_AMOUNT;
		break;
	default:
		break;
	}
}

static int act_client(void *self, int key)
{
	cn_scr *s = self;

	(void)key;
	ask_client(s, docform_needs_pick(&s->d) ? s->d.fm.f[CN_CLIENT].value : "");
	return SCR_STAY;
}

static int act_invoice(void *self, int key)
{
	cn_scr *s = self;

	(void)key;
	docform_ask_invoice(&s->d, ASK_INVOICE, s->d.fm.f[CN_DATE].value, _("The invoice to credit"),
	                    _("the client has no open invoices: the credit note goes on account"));
	return SCR_STAY;
}

static const ui_act cn_acts[] = {
	DOCFORM_ACTS,
	UI_ACT(N_("Client"), UK_F(2), UK_CTRL('f'), 0, 0, N_("pick the client from the client list"),
	       act_client),
	UI_ACT(N_("Invoice"), UK_F(3), UK_CTRL('v'), 0, 0,
	       N_("pick one of the client's open invoices (empty: a credit note on account)"), act_invoice),
};
const ui_keymap scr_cnote_keys = UI_KEYMAP("credit note", UI_KM_FORM, cn_acts);

static int cn_key(ui_screen *base, int key)
{
	cn_scr *s = (cn_scr *)base;
	int r;

	if (docform_key_first(&s->d, key, answered, &r))
		return r;
	if ((r = ui_keys_run(&scr_cnote_keys, s, key, 0, 1)) >= 0)
		return r;
	if (s->d.fm.cur == CN_CLIENT && (key == UK_ENTER || key == UK_TAB) &&
	    docform_needs_pick(&s->d)) {
		ask_client(s, s->d.fm.f[CN_CLIENT].value);
		return SCR_STAY;
	}
	docform_key_form(&s->d, key);
	return SCR_STAY;
}

static void cn_draw(ui_screen *base)
{
	cn_scr *s = (cn_scr *)base;
	char left[256];

	if (s->d.help) {
		ui_keys_help(&scr_cnote_keys, 0, _("Credit note"),
		             ctl_has_company(s->d.c) ? ctl_company(s->d.c)->name : "");
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", ctl_has_company(s->d.c) ? ctl_company(s->d.c)->name : "");
	ui_title(left, _("Credit note"));
	ui_put(1, 0, COLS, _("Against one open invoice (at most what it has open), or on account:"
	                     " no invoice."), 0);
	form_draw(&s->d.fm, 3, 1, LINES - 6, COLS - 1);
	ui_status_draw();
	ui_keys_bar(&scr_cnote_keys, 0);
	dialog_draw(&s->d.dlg);
}

static void cn_free(ui_screen *base)
{
	cn_scr *s = (cn_scr *)base;

	docform_free(&s->d);
	free(s);
}

int scr_credit_note_new(ctl *c, int64_t client_id, ui_screen **out, cart_err *e)
{
	cn_scr *s = calloc(1, sizeof *s);

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the credit note"));
	s->d.base = (ui_screen){ cn_draw, cn_key, NULL, cn_free, 0 };
	s->d.c = c;
	s->d.client_field = CN_CLIENT;
	s->d.post = post;
	form_init(&s->d.fm, s);
	form_add(&s->d.fm, _("Client"), FT_TEXT, 120, 1, NULL);
	form_add(&s->d.fm, _("Date"), FT_DATE, 10, 1, NULL);
	form_add(&s->d.fm, _("Invoice"), FT_TEXT, 30, 0, validate);
	form_add(&s->d.fm, _("Amount"), FT_AMOUNT, 20, 1, validate);
	form_add(&s->d.fm, _("Reason"), FT_TEXT, 190, 1, NULL);
	{
		char today[DATE_LEN];

		if (ctl_date(NULL, _("today"), today, e) == CART_OK)
			form_set_value(&s->d.fm, CN_DATE, today);
	}
	if (client_id > 0) {
		docform_client_set(&s->d, client_id, CN_INVOICE);
		s->d.fm.dirty = 0;
	}
	*out = &s->d.base;
	return CART_OK;
}
