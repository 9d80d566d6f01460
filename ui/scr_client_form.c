/* The client form: every field of SPEC C1 / seed 002 on one screen at 80x24 (the form scrolls on
 * a shorter terminal). The rules (what is required, tax ids, amounts) are the controller's; here
 * the widget's values are copied into its view-model and back. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "scr_client_form.h"
#include "ui_int.h"

static const char *const receivers[] = { "taxpayer", "final consumer", "government", "foreign" };
static const char *const taxpayers[] = { "natural person", "legal person" };

/* The form's fields, in the controller's order (field i is CF_i). */
static const struct {
	const char *label;
	int type, maxlen;
} fields[CF_COUNT] = {
	[CF_RECEIVER] = { "Receiver type", FT_CHOICE, 0 },
	[CF_TAXPAYER] = { "Taxpayer type", FT_CHOICE, 0 },
	[CF_TAXID]    = { "Tax id", FT_TEXT, 20 },
	[CF_DV]       = { "DV", FT_TEXT, 3 },
	[CF_NAME]     = { "Name", FT_TEXT, 60 },
	[CF_LOCATION] = { "Location", FT_TEXT, 60 },
	[CF_ADDRESS]  = { "Address", FT_TEXT, 60 },
	[CF_EMAIL]    = { "E-mail", FT_TEXT, 60 },
	[CF_PHONE]    = { "Phone", FT_TEXT, 20 },
	[CF_MOBILE]   = { "Mobile", FT_TEXT, 20 },
	[CF_TERMS]    = { "Terms (days)", FT_INTEGER, 4 },
	[CF_LIMIT]    = { "Credit limit", FT_AMOUNT, 20 },
	[CF_NOTES]    = { "Notes", FT_TEXT, 90 },
	[CF_ACTIVE]   = { "Active", FT_YESNO, 0 },
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
}

/* The view-model into a fresh widget. */
static void build(scr_cform *s)
{
	form_init(&s->fm, s);
	for (int i = 0; i < CF_COUNT; i++) {
		form_add(&s->fm, fields[i].label, fields[i].type, fields[i].maxlen, 0,
		         fields[i].type == FT_CHOICE ? NULL : validate);
		if (fields[i].type != FT_CHOICE && fields[i].type != FT_YESNO)
			form_set_value(&s->fm, i, s->vm.text[i]);
	}
	form_set_choices(&s->fm, CF_RECEIVER, receivers, 4);
	form_set_choices(&s->fm, CF_TAXPAYER, taxpayers, 2);
	form_set_choice(&s->fm, CF_RECEIVER, s->vm.receiver);
	form_set_choice(&s->fm, CF_TAXPAYER, s->vm.taxpayer);
	form_set_choice(&s->fm, CF_ACTIVE, s->vm.active ? 1 : 0);
	set_required(s);
	s->confirm = 0;
	s->ps.open = 0;
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

static int save(scr_cform *s)
{
	cart_err e;
	int field;

	if (form_check_all(&s->fm) >= 0) {
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
	ui_status(0, "Client \"%s\" saved.", s->vm.text[CF_NAME]);
	return CFORM_SAVED;
}

int cform_key(scr_cform *s, int key)
{
	int r, left;

	if (s->ps.open) {
		/* changed persons are typed work: Esc on the form asks before dropping them */
		if (persons_key(&s->ps, key) == PERSONS_CLOSED && s->ps.changed)
			s->fm.dirty = 1;
		return CFORM_STAY;
	}
	if (s->confirm) {
		switch (ui_action_of(key, UI_IN_CONFIRM, 0)) {
		case UA_YES:
			ui_status(0, "%s", "Changes discarded.");
			return CFORM_CLOSED;
		case UA_NO:
			s->confirm = 0;
			break;
		default:
			break;
		}
		return CFORM_STAY;
	}
	switch (ui_action_of(key, UI_IN_FORM, 1)) {
	case UA_HELP:
		return CFORM_HELP;
	case UA_SAVE:
		return save(s);
	case UA_PERSONS:
		sync_in(s);
		persons_open(&s->ps, &s->vm);
		return CFORM_STAY;
	case UA_CANCEL:
		if (!s->fm.dirty) {
			ui_status(0, "%s", "");
			return CFORM_CLOSED;
		}
		s->confirm = 1;
		return CFORM_STAY;
	default:
		break;
	}
	left = s->fm.cur;
	r = form_handle_key(&s->fm, key);
	/* the whole message on the status line: beside the field it may be cut */
	if (r & FORM_MOVED) {
		if (s->fm.f[left].error[0])
			ui_status(1, "%s: %s", s->fm.f[left].label, s->fm.f[left].error);
		else
			ui_status(0, "%s", "");
	}
	if (r & FORM_CHOSEN) {
		sync_in(s);
		set_required(s);
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
	ui_title(left, s->vm.id ? "Edit client" : "New client");
	ui_put(1, 0, COLS, "Fields marked * are required.", 0);
	form_draw(&s->fm, 2, 1, LINES - 4, COLS - 1);
	ui_status_draw();
	if (!s->confirm) {
		ui_keybar(UI_IN_FORM, 0);
		return;
	}
	/* the question over the form, ncdu style */
	{
		int w = 40, h = 5, y = (LINES - h) / 2, x = (COLS - w) / 2;

		ui_box(y, x, h, w, "Unsaved changes");
		ui_put(y + 2, x + 2, w - 4, "Discard the changes? (y/n)", 0);
		ui_keybar(UI_IN_CONFIRM, 0);
	}
}
