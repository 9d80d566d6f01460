/* Opening balances (SPEC L3): what each client owed when cartera took over, keyed one after
 * another in one form, either as one balance at a date (negative: a credit in favour) or as the
 * client's open items from the old system (number, date, due date, amount); or imported from a
 * CSV file of either form, all or nothing, with every bad line listed in a window (as the
 * client list's import). After each posting the form empties for the next one and keeps the
 * date and the form chosen. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docform.h"
#include "keymaps.h"
#include "scr_receipt.h"
#include "ui_int.h"

#include "cartera/csvopening.h"
#include "cartera/i18n.h"

enum { OP_CLIENT, OP_FORM, OP_DATE, OP_AMOUNT, OP_NUMBER, OP_DUE };
enum { ASK_CLIENT = 1, ASK_IMPORT, ASK_RESULT };

static const char *const forms[] = { N_("one balance"), N_("an open item") };

typedef struct op_scr {
	docform d;
	char path[1024];
	long posted;             /* postings made on this screen */
} op_scr;

/* An open item has a number; a balance has neither number nor due date. */
static void set_required(op_scr *s)
{
	int item = s->d.fm.f[OP_FORM].choice == 1;

	s->d.fm.f[OP_NUMBER].required = item;
	if (!item) {
		s->d.fm.f[OP_NUMBER].error[0] = '\0';
		s->d.fm.f[OP_DUE].error[0] = '\0';
	}
}

static void ask_client(op_scr *s)
{
	cart_err e;

	if (dialog_pick(&s->d.dlg, ASK_CLIENT, s->d.c, _("The client"),
	                _("Type a few letters of the name, tax id or phone:"), &e) != CART_OK)
		ui_status(1, "%s", e.msg);
}

static int post(docform *d)
{
	op_scr *s = (op_scr *)d;
	ctl_opening a;
	char ref[FORM_VALUE_MAX], amount[FORM_VALUE_MAX], who[FORM_VALUE_MAX];
	int item = s->d.fm.f[OP_FORM].choice == 1, bad;
	posted out;
	cart_err e;

	set_required(s);
	if ((bad = form_check_all(&s->d.fm)) >= 0) {
		ui_status(1, "%s: %s", s->d.fm.f[bad].label, s->d.fm.f[bad].error);
		return SCR_STAY;
	}
	docform_client_ref(&s->d, ref, sizeof ref);
	memset(&a, 0, sizeof a);
	a.client = ref;
	a.date = s->d.fm.f[OP_DATE].value;
	a.amount = s->d.fm.f[OP_AMOUNT].value;
	a.item = item;
	a.reference = item ? s->d.fm.f[OP_NUMBER].value : "";
	a.due = item ? s->d.fm.f[OP_DUE].value : "";
	if (ctl_opening_post(s->d.c, &a, &out, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return SCR_STAY;
	}
	snprintf(amount, sizeof amount, "%s", s->d.fm.f[OP_AMOUNT].value);
	snprintf(who, sizeof who, "%s", s->d.fm.f[OP_CLIENT].value);
	if (item)
		ui_status(0, _("Opening item %s posted for %s: %s, number %s."), out.number, who, amount,
		          s->d.fm.f[OP_NUMBER].value);
	else
		ui_status(0, _("Opening balance %s posted for %s: %s."), out.number, who, amount);
	s->posted++;
	/* the next one: same date and form, the rest empty, the cursor on the client */
	form_set_value(&s->d.fm, OP_CLIENT, "");
	form_set_value(&s->d.fm, OP_AMOUNT, "");
	form_set_value(&s->d.fm, OP_NUMBER, "");
	form_set_value(&s->d.fm, OP_DUE, "");
	s->d.client_id = 0;
	s->d.fm.cur = OP_CLIENT;
	s->d.fm.dirty = 0;
	return SCR_STAY;
}

/* ---- import (the client list's pattern: scr_clients.c) ---- */

static void import_file(op_scr *s)
{
	csvclient_result r;
	cart_err e;
	FILE *in = fopen(s->path, "r");
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (!in) {
		ui_status(1, _("cannot read %s: %s"), s->path, strerror(errno));
		return;
	}
	rc = csvopening_import(s->d.c, in, s->path, &r, &e);
	fclose(in);
	if (rc == CART_OK) {
		ui_status(0, P_("%ld opening balance or item imported from %s.",
		                "%ld opening balances or items imported from %s.", r.imported),
		          r.imported, s->path);
		s->posted += r.imported;
		if (r.warnings.n) {
			dialog_text_add(&text, &len, P_("%ld row imported; worth a look:",
			                        "%ld rows imported; worth a look:", r.imported), r.imported);
			dialog_text_list(&text, &len, &r.warnings);
			dialog_message(&s->d.dlg, ASK_RESULT, _("Imported"), text);
		}
	} else if (r.errors.n) {
		dialog_text_add(&text, &len, "%s", e.msg);
		dialog_text_list(&text, &len, &r.errors);
		dialog_message(&s->d.dlg, ASK_RESULT, _("Nothing imported"), text);
		ui_status(1, "%s", e.msg);
	} else {
		ui_status(1, "%s", e.msg);
	}
	free(text);
	csvclient_result_free(&r);
}

static void answered(docform *d, int tag)
{
	op_scr *s = (op_scr *)d;

	switch (tag) {
	case ASK_CLIENT:
		docform_client_set(d, d->dlg.picked, OP_FORM);
		break;
	case ASK_IMPORT:
		dialog_answer_text(&s->d.dlg, s->path, sizeof s->path);
		import_file(s);
		break;
	default:
		break;
	}
}

static int act_client(void *self, int key)
{
	(void)key;
	ask_client(self);
	return SCR_STAY;
}

static int act_import(void *self, int key)
{
	op_scr *s = self;

	(void)key;
	if (!s->path[0])
		/* TRANSLATORS: the file name offered for an opening balance import */
		snprintf(s->path, sizeof s->path, "%s", _("opening.csv"));
	dialog_prompt(&s->d.dlg, ASK_IMPORT, _("Import opening balances"),
	              _("The CSV file to read: client, date, amount (one balance each), or with"
	                " number and due (open items). One bad line and nothing is imported:"),
	              _("File"), 200, s->path);
	return SCR_STAY;
}

static const ui_act op_acts[] = {
	DOCFORM_ACTS,
	UI_ACT(N_("Client"), UK_F(2), UK_CTRL('f'), 0, 0, N_("pick the client from the client list"),
	       act_client),
	UI_ACT(N_("Import"), UK_F(5), UK_CTRL('r'), 0, 0,
	       N_("import opening balances or open items from a CSV file (all or nothing)"), act_import),
};
const ui_keymap scr_opening_keys = UI_KEYMAP("opening balances", UI_KM_FORM, op_acts);

static int op_key(ui_screen *base, int key)
{
	op_scr *s = (op_scr *)base;
	int r;

	if (docform_key_first(&s->d, key, answered, &r))
		return r;
	if ((r = ui_keys_run(&scr_opening_keys, s, key, 0, 1)) >= 0)
		return r;
	if (docform_key_form(&s->d, key) & FORM_CHOSEN)
		set_required(s);
	return SCR_STAY;
}

static void op_draw(ui_screen *base)
{
	op_scr *s = (op_scr *)base;
	char left[256];
	int item = s->d.fm.f[OP_FORM].choice == 1;

	if (s->d.help) {
		ui_keys_help(&scr_opening_keys, 0, _("Opening balances"),
		             ctl_has_company(s->d.c) ? ctl_company(s->d.c)->name : "");
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", ctl_has_company(s->d.c) ? ctl_company(s->d.c)->name : "");
	ui_title(left, _("Opening balances"));
	ui_put(1, 0, COLS, item ? _("An open item of the old system: its number, date, due date and"
	                            " amount.")
	                        : _("One balance per client at a date; negative: a credit in"
	                            " favour."), 0);
	form_draw(&s->d.fm, 3, 1, LINES - 6, COLS - 1);
	ui_status_draw();
	ui_keys_bar(&scr_opening_keys, 0);
	dialog_draw(&s->d.dlg);
}

static void op_free(ui_screen *base)
{
	op_scr *s = (op_scr *)base;

	docform_free(&s->d);
	free(s);
}

int scr_opening_new(ctl *c, ui_screen **out, cart_err *e)
{
	op_scr *s = calloc(1, sizeof *s);
	char today[DATE_LEN];

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the opening balances"));
	s->d.base = (ui_screen){ op_draw, op_key, NULL, op_free, 0 };
	s->d.c = c;
	s->d.client_field = OP_CLIENT;
	s->d.post = post;
	form_init(&s->d.fm, s);
	form_add(&s->d.fm, _("Client"), FT_TEXT, 120, 1, NULL);
	form_add(&s->d.fm, _("Form"), FT_CHOICE, 0, 0, NULL);
	form_set_choices(&s->d.fm, OP_FORM, forms, 2);
	form_add(&s->d.fm, _("Date"), FT_DATE, 10, 1, NULL);
	form_add(&s->d.fm, _("Amount"), FT_AMOUNT, 20, 1, NULL);
	form_add(&s->d.fm, _("Number (item)"), FT_TEXT, 30, 0, NULL);
	form_add(&s->d.fm, _("Due date (item)"), FT_DATE, 10, 0, NULL);
	if (ctl_date(NULL, _("today"), today, e) == CART_OK)
		form_set_value(&s->d.fm, OP_DATE, today);
	*out = &s->d.base;
	return CART_OK;
}
