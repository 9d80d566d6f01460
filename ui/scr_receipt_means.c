/* The box of one means of payment or withholding over the receipt form (scr_receipt_means.h). */
#include "config.h"

#include <stdio.h>

#include "keymaps.h"
#include "scr_receipt_means.h"
#include "ui_int.h"

#include "cartera/i18n.h"

/* the fields of each box */
enum { EM_KIND, EM_AMOUNT, EM_BANK, EM_NUMBER, EM_CASH_DATE };
enum { EW_KIND, EW_CERT, EW_AMOUNT };

/* The names of enum means_kind, in its order (ledger.h), for the choice field. */
static const char *const kinds[] = { N_("cash"), N_("transfer"), N_("card"), N_("cheque"),
                                     N_("postdated") };

const char *rmeans_kind_label(int kind)
{
	return kind >= 0 && kind < MEANS_N ? _(kinds[kind]) : "?";
}

void rmeans_open(rmeans *m, int kind)
{
	form *f = &m->fm;

	form_init(f, m);
	m->kind = kind;
	if (kind == RMEANS_MEANS) {
		form_add(f, _("Kind"), FT_CHOICE, 0, 0, NULL);
		form_set_choices(f, EM_KIND, kinds, MEANS_N);
		form_add(f, _("Amount"), FT_AMOUNT, 20, 1, NULL);
		form_add(f, _("Bank"), FT_TEXT, 38, 0, NULL);
		form_add(f, _("Number / ref."), FT_TEXT, 30, 0, NULL);
		form_add(f, _("Cash date"), FT_DATE, 10, 0, NULL);
	} else {
		form_add(f, _("Kind (retefuente...)"), FT_TEXT, 38, 1, NULL);
		form_add(f, _("Certificate"), FT_TEXT, 38, 0, NULL);
		form_add(f, _("Amount"), FT_AMOUNT, 20, 1, NULL);
	}
}

static int add(rmeans *m, ctl_receipt_form *rf)
{
	form *f = &m->fm;
	cart_err e;
	int rc;

	if (form_check_all(f) >= 0) {
		ui_status(1, "%s: %s", f->f[f->cur].label, f->f[f->cur].error);
		return 0;
	}
	if (m->kind == RMEANS_MEANS)
		rc = ctl_rform_add_means(rf, means_kind_name(f->f[EM_KIND].choice),
		                         f->f[EM_AMOUNT].value, f->f[EM_BANK].value,
		                         f->f[EM_NUMBER].value, f->f[EM_CASH_DATE].value, &e);
	else
		rc = ctl_rform_add_withholding(rf, f->f[EW_KIND].value, f->f[EW_CERT].value,
		                               f->f[EW_AMOUNT].value, &e);
	if (rc != CART_OK) {
		ui_status(1, "%s", e.msg);
		return 0;
	}
	m->kind = RMEANS_NONE;
	ui_status(0, "%s", "");
	return 1;
}

/* OK asks rmeans_key to add what is typed (it holds the receipt form). */
enum { RM_STAY, RM_ADD };

static int act_ok(void *self, int key)
{
	(void)self;
	(void)key;
	return RM_ADD;
}

static int act_cancel(void *self, int key)
{
	rmeans *m = self;

	(void)key;
	m->kind = RMEANS_NONE;
	ui_status(0, "%s", "");
	return RM_STAY;
}

static const ui_act entry_acts[] = {
	UI_ACT(N_("OK"), UK_F(9), UK_CTRL('s'), 0, 0,
	       N_("add it to the receipt (Enter on the last field too)"), act_ok),
	UI_ACT(N_("Cancel"), UK_ESC, UK_F(10), 0, 0, N_("close the box, nothing added"), act_cancel),
};
const ui_keymap scr_rmeans_keys = UI_KEYMAP("means box", UI_KM_FORM, entry_acts);

int rmeans_key(rmeans *m, ctl_receipt_form *rf, int key)
{
	int r = ui_keys_run(&scr_rmeans_keys, m, key, 0, 1);
	form *f = &m->fm;

	if (r == RM_STAY)
		return 0;
	if (r == RM_ADD || (key == UK_ENTER && f->cur == f->n - 1)) {
		if (f->cur == f->n - 1)
			form_check(f, f->cur);
		return add(m, rf);
	}
	r = form_handle_key(f, key);
	if (r & FORM_SETTLED)
		ui_status(0, "%s", "");
	if (r & FORM_MOVED) {
		form_field *fl = NULL;

		for (int i = 0; i < f->n; i++)
			if (f->f[i].error[0])
				fl = &f->f[i];
		if (fl)
			ui_status(1, "%s: %s", fl->label, fl->error);
		else
			ui_status(0, "%s", "");
	}
	return 0;
}

void rmeans_draw(rmeans *m)
{
	int h = m->fm.n + 4, w = COLS > 64 ? 64 : COLS, y = (LINES - h) / 2, x = (COLS - w) / 2;

	ui_box(y, x, h, w, m->kind == RMEANS_MEANS ? _("A means of payment") : _("A withholding"));
	form_draw(&m->fm, y + 1, x + 2, h - 2, w - 4);
	ui_keys_bar(&scr_rmeans_keys, 0);
}
