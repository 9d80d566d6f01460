/* The client form: every field of SPEC C1 / seed 002 on one screen at 80x24 (the form scrolls on
 * a shorter terminal). The rules (what is required, tax ids, amounts) are the controller's; here
 * the widget's values are copied into its view-model and back. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "keymaps.h"
#include "scr_client_form.h"
#include "ui_int.h"

#include "cartera/i18n.h"

/* Choice names in English; the form translates them where it draws them. */
static const char *const receivers[] = { N_("taxpayer"), N_("final consumer"), N_("government"),
                                         N_("foreign") };
static const char *const taxpayers[] = { N_("natural person"), N_("legal person") };

/* The form's fields, in the controller's order (field i is CF_i). */
static const struct {
	const char *label;
	int type, maxlen;
} fields[CF_COUNT] = {
	[CF_RECEIVER] = { N_("Receiver type"), FT_CHOICE, 0 },
	[CF_TAXPAYER] = { N_("Taxpayer type"), FT_CHOICE, 0 },
	/* room for the longest id stored (31) and the separators clerks type: refused past it by
	 * the controller, never cut by the widget (issue 16) */
	[CF_TAXID]    = { N_("Tax id"), FT_TEXT, 40 },
	[CF_DV]       = { N_("DV"), FT_TEXT, 3 },
	[CF_NAME]     = { N_("Name"), FT_TEXT, 60 },
	[CF_LOCATION] = { N_("Location"), FT_TEXT, 60 },
	[CF_ADDRESS]  = { N_("Address"), FT_TEXT, 60 },
	[CF_EMAIL]    = { N_("E-mail"), FT_TEXT, 60 },
	[CF_PHONE]    = { N_("Phone"), FT_TEXT, 20 },
	[CF_MOBILE]   = { N_("Mobile"), FT_TEXT, 20 },
	[CF_TERMS]    = { N_("Terms (days)"), FT_INTEGER, 4 },
	[CF_LIMIT]    = { N_("Credit limit"), FT_AMOUNT, 20 },
	[CF_NOTES]    = { N_("Notes"), FT_TEXT, 90 },
	[CF_ACTIVE]   = { N_("Active"), FT_YESNO, 0 },
	[CF_CURP]     = { N_("CURP"), FT_TEXT, 24 },
};

/* The widget's values into the view-model. */
static void sync_in(scr_cform *s)
{
	for (int i = 0; i < CF_COUNT; i++)
		if (fields[i].type != FT_CHOICE && fields[i].type != FT_YESNO)
			snprintf(s->vm.text[i], sizeof s->vm.text[i], "%s", s->fm.f[i].value);
	s->vm.receiver = s->fm.f[CF_RECEIVER].choice;
	s->vm.taxpayer = s->fm.f[CF_TAXPAYER].choice;
	s->vm.active = s->fm.f[CF_ACTIVE].choice;
	s->vm.dv_typed = s->fm.f[CF_DV].edited && s->fm.f[CF_DV].value[0];
}

static void set_required(scr_cform *s)
{
	for (int i = 0; i < CF_COUNT; i++)
		s->fm.f[i].required = ctl_clients_form_required(&s->vm, i);
}

static void validate(form *f, int i, char *err, size_t size, void *ud)
{
	scr_cform *s = ud;
	char dv[sizeof s->vm.text[CF_DV]];

	(void)f;
	sync_in(s);
	snprintf(dv, sizeof dv, "%s", s->vm.text[CF_DV]);
	ctl_clients_form_check(s->v, &s->vm, i, err, size);
	/* the DV computed from a valid tax id is shown (the clerk may type one to compare) */
	if (strcmp(dv, s->vm.text[CF_DV]) != 0)
		form_set_value(&s->fm, CF_DV, s->vm.text[CF_DV]);
	/* a tax id that passed may still be worth a look (the RFC's check digit): beside the tax
	 * id, in the warning attribute; it does not stop the save */
	if (i == CF_TAXID || i == CF_DV) {
		char warn[FORM_ERROR_MAX];

		if (err[0])
			warn[0] = '\0';
		else
			ctl_clients_form_warning(s->v, &s->vm, i, warn, sizeof warn);
		form_set_warning(&s->fm, CF_TAXID, warn);
	}
}

/* The view-model into a fresh widget. */
static void build(scr_cform *s)
{
	form_init(&s->fm, s);
	for (int i = 0; i < CF_COUNT; i++) {
		form_add(&s->fm, _(fields[i].label), fields[i].type, fields[i].maxlen, 0,
		         fields[i].type == FT_CHOICE ? NULL : validate);
		if (fields[i].type != FT_CHOICE && fields[i].type != FT_YESNO)
			form_set_value(&s->fm, i, s->vm.text[i]);
	}
	/* the tax id box keeps its width (the message beside it has room); a longer id scrolls */
	s->fm.f[CF_TAXID].width = 21;
	form_set_choices(&s->fm, CF_RECEIVER, receivers, 4);
	form_set_choices(&s->fm, CF_TAXPAYER, taxpayers, 2);
	form_set_choice(&s->fm, CF_RECEIVER, s->vm.receiver);
	form_set_choice(&s->fm, CF_TAXPAYER, s->vm.taxpayer);
	form_set_choice(&s->fm, CF_ACTIVE, s->vm.active ? 1 : 0);
	set_required(s);
	s->ps.open = 0;
	s->dlg.kind = DLG_NONE;
	/* a saved client's tax id that warns says so as soon as the form opens */
	if (s->vm.id) {
		char warn[FORM_ERROR_MAX];

		ctl_clients_form_warning(s->v, &s->vm, CF_TAXID, warn, sizeof warn);
		form_set_warning(&s->fm, CF_TAXID, warn);
	}
}

void cform_open_new(scr_cform *s, ctl_clients *v)
{
	s->v = v;
	ctl_clients_form_new(v, &s->vm);
	build(s);
	ui_status(0, "%s", "");
}

int cform_open_edit(scr_cform *s, ctl_clients *v, int64_t id, cart_err *e)
{
	int rc;

	s->v = v;
	if ((rc = ctl_clients_form_load(v, id, &s->vm, e)) != CART_OK)
		return rc;
	build(s);
	ui_status(0, "%s", "");
	return CART_OK;
}

/* The dialogs' tags: what the yes is for. */
enum { TAG_DISCARD = 0, TAG_DV = 1 };

/* A Colombian person's digits alone: ask whether the last one is the DV, never guess (issue
 * 16). 1 when the question is up. */
static int ask_dv(scr_cform *s)
{
	char q[sizeof s->dlg.text];

	sync_in(s);
	if (!ctl_clients_form_dv_question(s->v, &s->vm, q, sizeof q))
		return 0;
	dialog_confirm(&s->dlg, TAG_DV, _("Tax id"), q);
	return 1;
}

/* The answer into the tax id and DV fields, checked again. */
static void dv_answered(scr_cform *s, int last_is_dv)
{
	sync_in(s);
	ctl_clients_form_dv_answer(s->v, &s->vm, last_is_dv);
	form_set_value(&s->fm, CF_TAXID, s->vm.text[CF_TAXID]);
	form_set_value(&s->fm, CF_DV, s->vm.text[CF_DV]);
	s->fm.f[CF_DV].edited = 1;
	s->fm.dirty = 1;
	form_check(&s->fm, CF_TAXID);
	form_check(&s->fm, CF_DV);
	ui_status(0, _("Tax id %s, DV %s."), s->vm.text[CF_TAXID], s->vm.text[CF_DV]);
}

static int save(scr_cform *s)
{
	cart_err e;
	int field;

	if (form_check_all(&s->fm) >= 0) {
		if (s->fm.cur == CF_TAXID && ask_dv(s))
			return CFORM_STAY;
		ui_status(1, "%s: %s", s->fm.f[s->fm.cur].label, s->fm.f[s->fm.cur].error);
		return CFORM_STAY;
	}
	sync_in(s);
	if (ctl_clients_form_save(s->v, &s->vm, &field, &e) != CART_OK) {
		if (field >= 0)
			form_set_error(&s->fm, field, e.msg);
		ui_status(1, "%s", e.msg);
		return CFORM_STAY;
	}
	if (s->fm.f[CF_TAXID].warning[0])
		ui_status_warn(_("Client \"%s\" saved. Tax id: %s"), s->vm.text[CF_NAME],
		               s->fm.f[CF_TAXID].warning);
	else
		ui_status(0, _("Client \"%s\" saved."), s->vm.text[CF_NAME]);
	return CFORM_SAVED;
}

static int act_help(void *self, int key)
{
	(void)self;
	(void)key;
	return CFORM_HELP;
}

static int act_save(void *self, int key)
{
	(void)key;
	return save(self);
}

static int act_persons(void *self, int key)
{
	scr_cform *s = self;

	(void)key;
	sync_in(s);
	persons_open(&s->ps, &s->vm);
	return CFORM_STAY;
}

static int act_cancel(void *self, int key)
{
	scr_cform *s = self;

	(void)key;
	if (!s->fm.dirty) {
		ui_status(0, "%s", "");
		return CFORM_CLOSED;
	}
	dialog_confirm(&s->dlg, TAG_DISCARD, _("Unsaved changes"), _("Discard the changes? (y/n)"));
	return CFORM_STAY;
}

static const ui_act cform_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("Save"), UK_F(9), UK_CTRL('s'), 0, 0, N_("check every field and save the client"),
	       act_save),
	UI_ACT(N_("Cancel"), UK_ESC, UK_F(10), 0, 0,
	       N_("close the form; asks first when something was typed"), act_cancel),
	UI_USE(form_acts[FMA_NEXT]), UI_USE(form_acts[FMA_PREV]), UI_USE(form_acts[FMA_CYCLE]),
	UI_USE(form_acts[FMA_EMPTY]),
	UI_ACT(N_("Persons"), UK_F(5), UK_CTRL('p'), 0, 0,
	       N_("the client's associated persons: who receives its statements and reminders"),
	       act_persons),
};
const ui_keymap scr_cform_keys = UI_KEYMAP("client form", UI_KM_FORM, cform_acts);

int cform_key(scr_cform *s, int key)
{
	int r, left;

	if (s->ps.open) {
		/* changed persons are typed work: Esc on the form asks before dropping them */
		if (persons_key(&s->ps, key) == PERSONS_CLOSED && s->ps.changed)
			s->fm.dirty = 1;
		return CFORM_STAY;
	}
	if (s->dlg.kind != DLG_NONE && s->dlg.tag == TAG_DV) {
		int answer;

		if (key == UK_ESC) {	/* not answered: the tax id stays refused */
			s->dlg.kind = DLG_NONE;
			return CFORM_STAY;
		}
		answer = dialog_key(&s->dlg, key);
		if (answer == DLG_OK || answer == DLG_CANCEL)
			dv_answered(s, answer == DLG_OK);
		return CFORM_STAY;
	}
	if (s->dlg.kind != DLG_NONE) {
		if (dialog_key(&s->dlg, key) == DLG_OK) {
			ui_status(0, "%s", _("Changes discarded."));
			return CFORM_CLOSED;
		}
		return CFORM_STAY;
	}
	if ((r = ui_keys_run(&scr_cform_keys, s, key, 0, 1)) >= 0)
		return r;
	left = s->fm.cur;
	r = form_handle_key(&s->fm, key);
	/* the whole message on the status line: beside the field it may be cut */
	if (r & FORM_MOVED) {
		if (left == CF_TAXID && s->fm.f[left].error[0] && ask_dv(s))
			return CFORM_STAY;
		if (s->fm.f[left].error[0])
			ui_status(1, "%s: %s", s->fm.f[left].label, s->fm.f[left].error);
		else if ((left == CF_TAXID || left == CF_DV) && s->fm.f[CF_TAXID].warning[0])
			ui_status_warn("%s: %s", s->fm.f[CF_TAXID].label,
			               s->fm.f[CF_TAXID].warning);
		else
			ui_status(0, "%s", "");
	}
	if (r & FORM_SETTLED)
		ui_status(0, "%s", "");
	if (r & FORM_CHOSEN) {
		sync_in(s);
		set_required(s);
		/* the marks changed: a "required" shown on a field that no longer is goes away,
		 * and the tax id is checked again by the new types */
		for (int i = 0; i < CF_COUNT; i++)
			if (s->fm.f[i].error[0] || s->fm.f[i].warning[0])
				form_check(&s->fm, i);
	}
	return CFORM_STAY;
}

void cform_draw(scr_cform *s, const char *co_name)
{
	char left[256];

	if (s->ps.open) {
		persons_draw(&s->ps, co_name);
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", co_name);
	ui_title(left, s->vm.id ? _("Edit client") : _("New client"));
	ui_put(1, 0, COLS,
	       _("Fields marked * are required: they depend on the receiver and taxpayer type."), 0);
	form_draw(&s->fm, 2, 1, LINES - 4, COLS - 1);
	ui_status_draw();
	ui_keys_bar(&scr_cform_keys, 0);
	/* the question over the form, ncdu style */
	dialog_draw(&s->dlg);
}
