/* The credit note form (SPEC D2): the client (typed or picked), the date, the invoice it credits
 * (typed or picked from the client's open invoices; empty: on account, a credit in favour), the
 * amount and the reason. As the invoice is left the form says what it still has open, and an
 * amount over that is refused beside the field before anything is posted; the model refuses it
 * too. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "form.h"
#include "keymaps.h"
#include "scr_receipt.h"
#include "ui_int.h"

#include "cartera/date.h"
#include "cartera/ctl_docs.h"
#include "cartera/i18n.h"

enum { CN_CLIENT, CN_DATE, CN_INVOICE, CN_AMOUNT, CN_REASON };
enum { ASK_CLIENT = 1, ASK_INVOICE, ASK_DISCARD };


typedef struct cn_scr {
	ui_screen base;
	ctl *c;
	form fm;
	dialog dlg;
	int help;
	int64_t client_id;        /* the client picked, while its name is in the field */
	char client_name[FORM_VALUE_MAX];
	/* every open invoice of the client, oldest first, for the invoice's choose dialog */
	char (*pick_num)[96];
	const char **pick_opt;
	char (*pick_doc)[32];
	int npick;
} cn_scr;

/* The client as the controller takes it: the id picked, or what was typed. */
static void client_ref(const cn_scr *s, char *buf, size_t size)
{
	if (s->client_id && !strcmp(s->fm.f[CN_CLIENT].value, s->client_name))
		snprintf(buf, size, "%lld", (long long)s->client_id);
	else
		snprintf(buf, size, "%s", s->fm.f[CN_CLIENT].value);
}

/* What the invoice typed has open (-1 when none is typed); a message into err when it is not
 * one a credit note can go against. */
static int64_t room(cn_scr *s, char *err, size_t size)
{
	const char *inv = s->fm.f[CN_INVOICE].value;
	int64_t open = -1;
	cart_err e;

	if (!inv[0])
		return -1;
	if (ctl_credit_note_room(s->c, inv, &open, &e) != CART_OK) {
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
			ctl_money(s->c, open, a, sizeof a);
			snprintf(warn, sizeof warn, _("it has %s open"), a);
		} else if (!err[0]) {
			snprintf(warn, sizeof warn, "%s", _("none: on account, a credit in favour"));
		}
		form_set_warning(&s->fm, CN_INVOICE, err[0] ? "" : warn);
	} else if (i == CN_AMOUNT && s->fm.f[i].value[0]) {
		char ignore[FORM_ERROR_MAX] = "";

		if (ctl_amount(s->c, s->fm.f[i].value, s->fm.f[i].label, &v, &e) != CART_OK) {
			snprintf(err, size, "%.230s", e.msg);
			return;
		}
		if (v <= 0) {
			snprintf(err, size, "%s", _("a credit note must be more than zero"));
			return;
		}
		open = room(s, ignore, sizeof ignore);
		if (open >= 0 && v > open) {
			ctl_money(s->c, open, a, sizeof a);
			snprintf(err, size, _("%s has only %s open; the credit note cannot be more"), s->fm.f[CN_INVOICE].value, a);
		}
	}
}

static void answered(cn_scr *s, int tag);

/* The pick dialog, with what was typed in the client field as its filter (the same matching as
 * every client picker: any part of the name, accents and case set aside); one client matching
 * is chosen at once. */
static void ask_client(cn_scr *s, const char *typed)
{
	const char *p = typed;
	int cp, n;
	cart_err e;

	if (dialog_pick(&s->dlg, ASK_CLIENT, s->c, _("The credit note's client"),
	                _("Type a few letters of the name, tax id or phone; Enter chooses."),
	                &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	while ((n = uk_utf8_decode(p, &cp)) > 0) {
		dialog_key(&s->dlg, cp);
		p += n;
	}
	if (typed[0] && s->dlg.lv.rows == 1 && dialog_key(&s->dlg, UK_ENTER) == DLG_OK)
		answered(s, ASK_CLIENT);
}

/* Something typed in the client field that is not the client picked. */
static int needs_pick(const cn_scr *s)
{
	const char *v = s->fm.f[CN_CLIENT].value;

	return v[0] && (!s->client_id || strcmp(v, s->client_name));
}

static void pick_free(cn_scr *s)
{
	free(s->pick_num);
	free(s->pick_opt);
	free(s->pick_doc);
	s->pick_num = NULL;
	s->pick_opt = NULL;
	s->pick_doc = NULL;
	s->npick = 0;
}

/* Every open invoice of the client, oldest first, to choose from (the list scrolls). */
static void ask_invoice(cn_scr *s)
{
	ctl_receipt_form f;
	const char *date;
	char ref[FORM_VALUE_MAX], a[48], day[DATE_LEN];
	cart_err e;

	client_ref(s, ref, sizeof ref);
	if (!ref[0]) {
		ui_status(1, "%s", _("the client first (F2 picks one)"));
		return;
	}
	date = s->fm.f[CN_DATE].value;
	if (ctl_rform_load(s->c, &f, ref, date[0] ? date : NULL, "", &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	pick_free(s);
	if (f.n > 0) {
		s->pick_num = malloc(sizeof *s->pick_num * (size_t)f.n);
		s->pick_opt = malloc(sizeof *s->pick_opt * (size_t)f.n);
		s->pick_doc = malloc(sizeof *s->pick_doc * (size_t)f.n);
		if (!s->pick_num || !s->pick_opt || !s->pick_doc) {
			pick_free(s);
			ctl_rform_free(&f);
			ui_status(1, "%s", _("out of memory"));
			return;
		}
	}
	for (int i = 0; i < f.n; i++) {
		int64_t open = 0;
		int seen = 0;

		for (int k = 0; k < s->npick; k++)
			seen |= !strcmp(s->pick_doc[k], f.rows[i].it.number);
		if (seen)
			continue;
		for (int j = i; j < f.n; j++)
			if (!strcmp(f.rows[j].it.number, f.rows[i].it.number))
				open += f.rows[j].it.open;
		ctl_money(s->c, open, a, sizeof a);
		snprintf(s->pick_doc[s->npick], sizeof s->pick_doc[0], "%s", f.rows[i].it.number);
		date_show(f.rows[i].it.date, day, sizeof day);
		snprintf(s->pick_num[s->npick], sizeof s->pick_num[0], "%s  %s  %s", f.rows[i].it.number,
		         day, a);
		s->pick_opt[s->npick] = s->pick_num[s->npick];
		s->npick++;
	}
	ctl_rform_free(&f);
	if (!s->npick) {
		ui_status(1, "%s", _("the client has no open invoices: the credit note goes on account"));
		return;
	}
	dialog_choose(&s->dlg, ASK_INVOICE, _("The invoice to credit"),
	              _("Its open invoices, oldest first:"),
	              s->pick_opt, s->npick, 0);
}

static int post(cn_scr *s)
{
	ctl_credit_note a;
	char ref[FORM_VALUE_MAX], amount[FORM_VALUE_MAX];
	posted out;
	cart_err e;
	int bad = form_check_all(&s->fm);

	if (bad >= 0) {
		ui_status(1, "%s: %s", s->fm.f[bad].label, form_error_text(&s->fm.f[bad]));
		return SCR_STAY;
	}
	client_ref(s, ref, sizeof ref);
	memset(&a, 0, sizeof a);
	a.client = ref;
	a.date = s->fm.f[CN_DATE].value;
	a.amount = s->fm.f[CN_AMOUNT].value;
	a.against = s->fm.f[CN_INVOICE].value;
	a.reason = s->fm.f[CN_REASON].value;
	if (ctl_credit_note_post(s->c, &a, &out, &e) != CART_OK) {
		form_set_error(&s->fm, CN_AMOUNT, e.msg);
		ui_status(1, "%s", e.msg);
		return SCR_STAY;
	}
	snprintf(amount, sizeof amount, "%s", s->fm.f[CN_AMOUNT].value);
	if (a.against[0])
		ui_status(0, _("Credit note %s posted: %s against %s."), out.number, amount, a.against);
	else
		ui_status(0, _("Credit note %s posted: %s on account, a credit in favour."), out.number,
		          amount);
	return SCR_CLOSE;
}

static void answered(cn_scr *s, int tag)
{
	switch (tag) {
	case ASK_CLIENT: {
		client cl;
		char id[32];
		cart_err e;

		snprintf(id, sizeof id, "%lld", (long long)s->dlg.picked);
		if (ctl_client_ref(s->c, id, &cl, &e) != CART_OK) {
			ui_status(1, "%s", e.msg);
			return;
		}
		s->client_id = cl.id;
		snprintf(s->client_name, sizeof s->client_name, "%s", cl.name);
		form_set_value(&s->fm, CN_CLIENT, cl.name);
		s->fm.f[CN_CLIENT].error[0] = '\0';
		s->fm.dirty = 1;
		s->fm.cur = CN_INVOICE;
		break;
	}
	case ASK_INVOICE:
		form_set_value(&s->fm, CN_INVOICE, s->pick_doc[s->dlg.sel]);
		form_check(&s->fm, CN_INVOICE);
		s->fm.dirty = 1;
		s->fm.cur = CN_AMOUNT;
		break;
	default:
		break;
	}
}

static int act_help(void *self, int key)
{
	cn_scr *s = self;

	(void)key;
	s->help = 1;
	return SCR_STAY;
}

static int act_post(void *self, int key)
{
	(void)key;
	return post(self);
}

static int act_cancel(void *self, int key)
{
	cn_scr *s = self;

	(void)key;
	if (!s->fm.dirty) {
		ui_status(0, "%s", "");
		return SCR_CLOSE;
	}
	dialog_confirm(&s->dlg, ASK_DISCARD, _("Unposted work"),
	               _("Close without posting? What was typed is lost. (y/n)"));
	return SCR_STAY;
}

static int act_client(void *self, int key)
{
	cn_scr *s = self;

	(void)key;
	ask_client(s, needs_pick(s) ? s->fm.f[CN_CLIENT].value : "");
	return SCR_STAY;
}

static int act_invoice(void *self, int key)
{
	(void)key;
	ask_invoice(self);
	return SCR_STAY;
}

static const ui_act cn_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("Post"), UK_F(9), UK_CTRL('s'), 0, 0, N_("post the document; its number is shown"),
	       act_post),
	UI_ACT(N_("Cancel"), UK_ESC, UK_F(10), 0, 0,
	       N_("close the form; asks first when something was typed"), act_cancel),
	UI_ACT(N_("Client"), UK_F(2), UK_CTRL('f'), 0, 0, N_("pick the client from the client list"),
	       act_client),
	UI_ACT(N_("Invoice"), UK_F(3), UK_CTRL('v'), 0, 0,
	       N_("pick one of the client's open invoices (empty: a credit note on account)"), act_invoice),
};
const ui_keymap scr_cnote_keys = UI_KEYMAP("credit note", UI_KM_FORM, cn_acts);

static int cn_key(ui_screen *base, int key)
{
	cn_scr *s = (cn_scr *)base;
	int r, left;

	if (s->dlg.kind != DLG_NONE) {
		int tag = s->dlg.tag;

		r = dialog_key(&s->dlg, key);
		if (tag == ASK_DISCARD && r == DLG_OK) {
			ui_status(0, "%s", _("Nothing posted."));
			return SCR_CLOSE;
		}
		if (r == DLG_OK)
			answered(s, tag);
		return SCR_STAY;
	}
	if (s->help) {
		if (!ui_help_key(key) && ui_help_closes(key))
			s->help = 0;
		return SCR_STAY;
	}
	if ((r = ui_keys_run(&scr_cnote_keys, s, key, 0, 1)) >= 0)
		return r;
	left = s->fm.cur;
	if (left == CN_CLIENT && (key == UK_ENTER || key == UK_TAB) && needs_pick(s)) {
		ask_client(s, s->fm.f[CN_CLIENT].value);
		return SCR_STAY;
	}
	r = form_handle_key(&s->fm, key);
	if (r & FORM_SETTLED)
		ui_status(0, "%s", "");
	if (r & FORM_MOVED) {
		if (s->fm.f[left].error[0])
			ui_status(1, "%s: %s", s->fm.f[left].label, form_error_text(&s->fm.f[left]));
		else
			ui_status(0, "%s", "");
	}
	return SCR_STAY;
}

static void cn_draw(ui_screen *base)
{
	cn_scr *s = (cn_scr *)base;
	char left[256];

	if (s->help) {
		ui_keys_help(&scr_cnote_keys, 0, _("Credit note"),
		             ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
	ui_title(left, _("Credit note"));
	ui_put(1, 0, COLS, _("Against one open invoice (at most what it has open), or on account:"
	                     " no invoice."), 0);
	form_draw(&s->fm, 3, 1, LINES - 6, COLS - 1);
	ui_status_draw();
	ui_keys_bar(&scr_cnote_keys, 0);
	dialog_draw(&s->dlg);
}

static void cn_free(ui_screen *base)
{
	cn_scr *s = (cn_scr *)base;

	dialog_free(&s->dlg);
	pick_free(s);
	free(s);
}

int scr_credit_note_new(ctl *c, int64_t client_id, ui_screen **out, cart_err *e)
{
	cn_scr *s = calloc(1, sizeof *s);

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the credit note"));
	s->base = (ui_screen){ cn_draw, cn_key, NULL, cn_free, 0 };
	s->c = c;
	form_init(&s->fm, s);
	form_add(&s->fm, _("Client"), FT_TEXT, 120, 1, NULL);
	form_add(&s->fm, _("Date"), FT_DATE, 10, 1, NULL);
	form_add(&s->fm, _("Invoice"), FT_TEXT, 30, 0, validate);
	form_add(&s->fm, _("Amount"), FT_AMOUNT, 20, 1, validate);
	form_add(&s->fm, _("Reason"), FT_TEXT, 190, 1, NULL);
	{
		char today[DATE_LEN];

		if (ctl_date(NULL, _("today"), today, e) == CART_OK)
			form_set_value(&s->fm, CN_DATE, today);
	}
	if (client_id > 0) {
		client cl;
		char id[32];

		snprintf(id, sizeof id, "%lld", (long long)client_id);
		if (ctl_client_ref(c, id, &cl, e) == CART_OK) {
			s->client_id = cl.id;
			snprintf(s->client_name, sizeof s->client_name, "%s", cl.name);
			form_set_value(&s->fm, CN_CLIENT, cl.name);
			s->fm.cur = CN_INVOICE;
		}
	}
	*out = &s->base;
	return CART_OK;
}
