/* The persons of a client (see scr_persons.h): their list, the form of one person, the delete
 * and discard questions and the help, as modes of one window drawn over the client form. The
 * checks are the controller's (ctl_persons.c); here values are copied in and out. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dialog.h"
#include "keymaps.h"
#include "scr_persons.h"
#include "ui_int.h"

#include "cartera/i18n.h"
#include "cartera/output.h"

enum mode { P_LIST, P_FORM, P_HELP, P_DELETE, P_DISCARD };

enum { COL_NAME, COL_ROLE, COL_EMAIL, COL_PHONE, COL_NOTIFY, NCOLS };

/* Titles are translated as the window opens (the list view keeps pointers). */
static lv_col cols[NCOLS] = {
	[COL_NAME]   = { N_("Name"), 16, 0, 1, 0 },
	[COL_ROLE]   = { N_("Role"), 18, 0, 0, 0 },
	[COL_EMAIL]  = { N_("E-mail"), 26, 0, 0, 0 },
	[COL_PHONE]  = { N_("Phone"), 14, 0, 0, 0 },
	[COL_NOTIFY] = { N_("Mail"), 4, 0, 0, 0 },
};
static const char *const col_titles[NCOLS] = {
	N_("Name"), N_("Role"), N_("E-mail"), N_("Phone"), N_("Mail"),
};

/* The person form's fields, in the controller's order (field i is PF_i). */
static const struct {
	const char *label;
	int type, maxlen, required;
} fields[PF_COUNT] = {
	[PF_NAME]   = { N_("Name"), FT_TEXT, 60, 1 },
	[PF_ROLE]   = { N_("Role"), FT_TEXT, 40, 0 },
	[PF_EMAIL]  = { N_("E-mail"), FT_TEXT, 60, 0 },
	[PF_PHONE]  = { N_("Phone"), FT_TEXT, 20, 0 },
	[PF_MOBILE] = { N_("Mobile"), FT_TEXT, 20, 0 },
	[PF_NOTIFY] = { N_("Receives mail"), FT_YESNO, 0, 0 },
};

static const char *client_name(const scr_persons *s)
{
	return s->vm->text[CF_NAME][0] ? s->vm->text[CF_NAME] : _("the new client");
}

void persons_open(scr_persons *s, ctlc_form *vm)
{
	memset(s, 0, sizeof *s);
	s->vm = vm;
	s->open = 1;
	s->mode = P_LIST;
	for (int i = 0; i < NCOLS; i++)
		cols[i].title = _(col_titles[i]);
	listview_init(&s->lv, cols, NCOLS, -1);   /* the clerk's order: no sort column */
	listview_set_rows(&s->lv, vm->n_persons);
	ui_status(0, "%s", "");
}

/* ---- the list ---- */

static int fetch(void *ud, long offset, int n)
{
	scr_persons *s = ud;
	long left = s->vm->n_persons - offset;

	s->fetched = offset;
	return left <= 0 ? 0 : left < n ? (int)left : n;
}

static const char *cell(void *ud, int i, int col)
{
	scr_persons *s = ud;
	const person *p = &s->vm->persons[s->fetched + i];

	switch (col) {
	case COL_NAME: return p->name;
	case COL_ROLE: return p->role;
	case COL_EMAIL: return p->email;
	case COL_PHONE: return p->phone[0] ? p->phone : p->mobile;
	default: return p->notify ? _("yes") : _("no");
	}
}

static int have(const scr_persons *s)
{
	return s->vm->n_persons > 0 ? UI_NEEDS_ROW : 0;
}

static void select_row(scr_persons *s, long row)
{
	listview_set_rows(&s->lv, s->vm->n_persons);
	if (row >= 0 && row < s->vm->n_persons)
		s->lv.sel = row;
	listview_scroll(&s->lv);
}

/* ---- the person form ---- */

static void validate(form *f, int i, char *err, size_t size, void *ud)
{
	(void)ud;
	ctl_person_check(i, f->f[i].value, err, size);
}

static void open_form(scr_persons *s, int index)
{
	const person *p = index >= 0 ? &s->vm->persons[index] : NULL;
	const char *values[PF_COUNT] = { "", "", "", "", "", "" };

	if (p) {
		values[PF_NAME] = p->name;
		values[PF_ROLE] = p->role;
		values[PF_EMAIL] = p->email;
		values[PF_PHONE] = p->phone;
		values[PF_MOBILE] = p->mobile;
	}
	form_init(&s->fm, s);
	for (int i = 0; i < PF_COUNT; i++) {
		form_add(&s->fm, _(fields[i].label), fields[i].type, fields[i].maxlen,
		         fields[i].required, fields[i].type == FT_YESNO ? NULL : validate);
		if (fields[i].type == FT_TEXT)
			form_set_value(&s->fm, i, values[i]);
	}
	form_set_choice(&s->fm, PF_NOTIFY, p ? p->notify : 1);
	s->editing = index;
	s->mode = P_FORM;
	ui_status(0, "%s", "");
}

/* The typed person into the client's list (checked by the controller first). */
static void form_ok(scr_persons *s)
{
	const char *text[PF_COUNT];
	person p;
	cart_err e;
	int field, at;

	if (form_check_all(&s->fm) >= 0) {
		ui_status(1, "%s: %s", s->fm.f[s->fm.cur].label, s->fm.f[s->fm.cur].error);
		return;
	}
	for (int i = 0; i < PF_COUNT; i++)
		text[i] = s->fm.f[i].value;
	if (s->editing >= 0)
		p = s->vm->persons[s->editing];
	else
		person_defaults(&p);
	if (ctl_person_from_text(text, s->fm.f[PF_NOTIFY].choice, &p, &field, &e) != CART_OK) {
		if (field >= 0)
			form_set_error(&s->fm, field, e.msg);
		ui_status(1, "%s", e.msg);
		return;
	}
	if (s->editing >= 0) {
		at = s->editing;
	} else {
		if (s->vm->n_persons >= LEDGER_MAX_PERSONS) {
			ui_status(1, _("A client has at most %d associated persons."), LEDGER_MAX_PERSONS);
			return;
		}
		at = s->vm->n_persons++;
	}
	s->vm->persons[at] = p;
	s->changed = 1;
	s->mode = P_LIST;
	select_row(s, at);
	ui_status(0, _("Person \"%s\" kept: F9 on the client form saves it with the client."), p.name);
}

static void delete_selected(scr_persons *s)
{
	long i = s->lv.sel;
	char name[sizeof s->vm->persons[0].name];

	if (i < 0 || i >= s->vm->n_persons)
		return;
	snprintf(name, sizeof name, "%s", s->vm->persons[i].name);
	memmove(&s->vm->persons[i], &s->vm->persons[i + 1],
	        (size_t)(s->vm->n_persons - i - 1) * sizeof s->vm->persons[0]);
	s->vm->n_persons--;
	s->changed = 1;
	select_row(s, i < s->vm->n_persons ? i : s->vm->n_persons - 1);
	ui_status(0, _("Person \"%s\" deleted: F9 on the client form saves the change."), name);
}

/* ---- keys ---- */

static int act_up(void *self, int key)
{
	scr_persons *s = self;

	(void)key;
	select_row(s, s->lv.sel - 1);
	return PERSONS_STAY;
}

static int act_down(void *self, int key)
{
	scr_persons *s = self;

	(void)key;
	select_row(s, s->lv.sel + 1);
	return PERSONS_STAY;
}

static int act_add(void *self, int key)
{
	scr_persons *s = self;

	(void)key;
	if (s->vm->n_persons >= LEDGER_MAX_PERSONS)
		ui_status(1, _("A client has at most %d associated persons."), LEDGER_MAX_PERSONS);
	else
		open_form(s, -1);
	return PERSONS_STAY;
}

static int act_edit(void *self, int key)
{
	scr_persons *s = self;

	(void)key;
	open_form(s, (int)s->lv.sel);
	return PERSONS_STAY;
}

static int act_delete(void *self, int key)
{
	scr_persons *s = self;

	(void)key;
	s->mode = P_DELETE;
	return PERSONS_STAY;
}

static int act_help(void *self, int key)
{
	scr_persons *s = self;

	(void)key;
	s->help_from = s->mode;
	s->mode = P_HELP;
	return PERSONS_STAY;
}

static int act_back(void *self, int key)
{
	scr_persons *s = self;

	(void)key;
	s->open = 0;
	if (s->changed)
		ui_status(0, P_("%d person: F9 saves the client with it.",
		                "%d persons: F9 saves the client with them.", s->vm->n_persons),
		          s->vm->n_persons);
	else
		ui_status(0, "%s", "");
	return PERSONS_CLOSED;
}

static const ui_act list_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("Add"), UK_F(2), 'a', 0, 0, N_("add a person: an empty person form"), act_add),
	UI_ACT(N_("Edit"), UK_F(4), 'e', UK_ENTER, UI_NEEDS_ROW, N_("edit the selected person"), act_edit),
	UI_ACT(N_("Delete"), UK_F(8), 'd', UK_DELETE, UI_NEEDS_ROW,
	       N_("delete the selected person (asks first)"), act_delete),
	UI_ACT(N_("Back"), UK_ESC, 'q', UK_F(10), 0,
	       N_("back to the client form (F9 there saves the client with its persons)"), act_back),
	UI_ACT(NULL, UK_UP, UK_CTRL('p'), 'k', 0, N_("previous person"), act_up),
	UI_ACT(NULL, UK_DOWN, UK_CTRL('n'), 'j', 0, N_("next person"), act_down),
};
const ui_keymap scr_persons_keys = UI_KEYMAP("persons", 0, list_acts);

static int act_ok(void *self, int key)
{
	(void)key;
	form_ok(self);
	return PERSONS_STAY;
}

static int act_cancel(void *self, int key)
{
	scr_persons *s = self;

	(void)key;
	if (s->fm.dirty) {
		s->mode = P_DISCARD;
	} else {
		s->mode = P_LIST;
		ui_status(0, "%s", "");
	}
	return PERSONS_STAY;
}

/* The last two are the form's own (run NULL: the field takes the key). */
static const ui_act form_acts_[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("OK"), UK_F(9), UK_CTRL('s'), 0, 0,
	       N_("check the person and put it in the client's list"), act_ok),
	UI_ACT(N_("Cancel"), UK_ESC, UK_F(10), 0, 0,
	       N_("close the person's form; asks first when something was typed"), act_cancel),
	UI_ACT(NULL, UK_TAB, UK_BTAB, UK_ENTER, 0,
	       N_("next / previous field (Up and Down too; the field left is checked)"), NULL),
	UI_ACT(NULL, UK_LEFT, UK_RIGHT, ' ', 0,
	       N_("on Receives mail: no / yes (y and n too); in text: move the cursor"), NULL),
};
const ui_keymap scr_person_keys = UI_KEYMAP("person", UI_KM_FORM, form_acts_);

static int list_key(scr_persons *s, int key)
{
	int r = ui_keys_run(&scr_persons_keys, s, key, have(s), 0);

	return r >= 0 ? r : PERSONS_STAY;
}

static void form_key(scr_persons *s, int key)
{
	int r, left;

	if (ui_keys_run(&scr_person_keys, s, key, 0, 1) >= 0)
		return;
	left = s->fm.cur;
	r = form_handle_key(&s->fm, key);
	if (r & FORM_SETTLED)
		ui_status(0, "%s", "");
	/* the whole message on the status line: beside the field it may be cut */
	if (r & FORM_MOVED) {
		if (s->fm.f[left].error[0])
			ui_status(1, "%s: %s", s->fm.f[left].label, s->fm.f[left].error);
		else
			ui_status(0, "%s", "");
	}
}

int persons_key(scr_persons *s, int key)
{
	const ui_act *a;

	switch (s->mode) {
	case P_LIST:
		return list_key(s, key);
	case P_FORM:
		form_key(s, key);
		break;
	case P_HELP:
		if (!ui_help_key(key) && ui_help_closes(key))
			s->mode = s->help_from;
		break;
	case P_DELETE:
	case P_DISCARD:
		a = ui_keys_find(&dialog_confirm_keys, key, 0, 0);
		if (a == &dialog_confirm_keys.acts[DLGK_YES] && s->mode == P_DELETE) {
			delete_selected(s);
			s->mode = P_LIST;
		} else if (a == &dialog_confirm_keys.acts[DLGK_YES]) {
			s->mode = P_LIST;
			ui_status(0, "%s", _("Changes discarded."));
		} else if (a == &dialog_confirm_keys.acts[DLGK_NO]) {
			s->mode = s->mode == P_DELETE ? P_LIST : P_FORM;
		}
		break;
	default:
		break;
	}
	return PERSONS_STAY;
}

/* ---- drawing ---- */

static void draw_list(scr_persons *s, const char *co_name)
{
	const lv_source src = { fetch, cell, s };
	char left[256], right[256], count[96];
	int cw;

	erase();
	snprintf(left, sizeof left, " cartera — %s", co_name);
	snprintf(right, sizeof right, _("Persons of %s"), client_name(s));
	ui_title(left, right);
	listview_count_text(&s->lv, '.', count, sizeof count);
	cw = utf8_width(count);
	ui_put(1, 0, COLS - cw - 1, _("Who receives this client's statements and reminders."), 0);
	ui_put(1, COLS - cw - 1, cw + 1, count, 1);
	if (listview_draw(&s->lv, &src, 2, 0, LINES - 4, COLS) >= 0 && !s->vm->n_persons)
		ui_put(3, 1, COLS - 1, _("No persons yet: F2 or a adds one."), 0);
	ui_status_draw();
	ui_keys_bar(&scr_persons_keys, have(s));
}

static void draw_form(scr_persons *s, const char *co_name)
{
	char left[256], line[320];

	erase();
	snprintf(left, sizeof left, " cartera — %s", co_name);
	ui_title(left, s->editing >= 0 ? _("Edit person") : _("New person"));
	snprintf(line, sizeof line, _("A person of %s. Fields marked * are required."),
	         client_name(s));
	ui_put(1, 0, COLS, line, 0);
	form_draw(&s->fm, 2, 1, LINES - 4, COLS - 1);
	ui_status_draw();
	ui_keys_bar(&scr_person_keys, 0);
}

/* A yes/no question over the screen below (ncdu style). */
static void question(const char *title, const char *text)
{
	int w = 50, h = 5, y = (LINES - h) / 2, x = (COLS - w) / 2;

	char line[300];

	ui_question(text, line, sizeof line);
	ui_box(y, x, h, w, title);
	ui_put(y + 2, x + 2, w - 4, line, 0);
	ui_keys_bar(&dialog_confirm_keys, 0);
}

void persons_draw(scr_persons *s, const char *co_name)
{
	char text[320];

	switch (s->mode) {
	case P_HELP:
		ui_keys_help(s->help_from == P_FORM ? &scr_person_keys : &scr_persons_keys, have(s),
		             s->help_from == P_FORM ? _("Person") : _("Persons"), co_name);
		break;
	case P_FORM:
		draw_form(s, co_name);
		break;
	case P_DISCARD:
		draw_form(s, co_name);
		question(_("Unsaved changes"), _("Discard the changes? (y/n)"));
		break;
	case P_DELETE:
		draw_list(s, co_name);
		snprintf(text, sizeof text, _("Delete %s? (y/n)"), s->vm->persons[s->lv.sel].name);
		question(_("Delete person"), text);
		break;
	default:
		draw_list(s, co_name);
		break;
	}
}
