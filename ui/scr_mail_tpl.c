/* The company's mail templates on screen (SPEC F4; seed 004's "Plantilla de contenido"): the list
 * of templates by name and language; Enter edits one (its subject in a field, its body in
 * $VISUAL / $EDITOR or the plain editor), n adds one. Saving goes through the mail controller,
 * which refuses an unknown placeholder naming its line: the template is then left as it was. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "keymaps.h"
#include "mledit.h"
#include "scr_mail.h"
#include "screen.h"
#include "ui_int.h"

#include "cartera/i18n.h"
#include "cartera/output.h"

#define TPL_MAX 64

static const char *const langs[] = { "es", "en" };

enum { TF_NAME, TF_LANG, TF_SUBJECT };

typedef struct tpl_scr {
	ui_screen base;
	ctl *c;
	mail_template rows[TPL_MAX];  /* bodies not kept: read again to edit */
	int n, sel, top;
	int help;
	/* editing one */
	int editing;              /* 0 the list, 1 a template's form */
	int is_new;
	form fm;
	char *body;
	int body_edit;
	mledit ed;
	char placeholders[600];
} tpl_scr;

static int collect(const mail_template *t, void *ud)
{
	tpl_scr *s = ud;

	if (s->n >= TPL_MAX)
		return 1;
	s->rows[s->n] = *t;
	s->rows[s->n++].body = NULL;
	return 0;
}

static void load(tpl_scr *s)
{
	cart_err e;

	s->n = 0;
	if (ctl_mail_template_list(s->c, collect, s, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	if (s->sel >= s->n)
		s->sel = s->n ? s->n - 1 : 0;
}

/* text over at most h rows from y, broken at blanks. */
static void draw_wrapped(const char *text, int y, int h)
{
	const char *p = text;

	for (int r = 0; r < h && *p; r++) {
		const char *cut = p, *q = p;
		int w = 0;
		char line[400];

		for (; *q && w < COLS - 1; q++) {
			if (((unsigned char)*q & 0xC0) != 0x80)
				w++;
			if (*q == ' ')
				cut = q;
		}
		if (!*q || cut == p)
			cut = q;
		snprintf(line, sizeof line, "%.*s", (int)(cut - p), p);
		ui_put(y + r, 0, COLS, line, 0);
		p = *cut == ' ' ? cut + 1 : cut;
	}
}

/* The keys of what is shown: the list, a template's form, its body typed here. */
static const ui_keymap *tpl_map(const tpl_scr *s)
{
	return s->body_edit ? &scr_mtpl_body_keys : s->editing ? &scr_mtpl_form_keys : &scr_mtpl_keys;
}

static void tpl_draw(ui_screen *base)
{
	tpl_scr *s = (tpl_scr *)base;
	char line[400];

	if (s->help) {
		ui_keys_help(tpl_map(s), s->n ? UI_NEEDS_ROW : 0, _("Mail templates"), ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
		return;
	}
	erase();
	if (!s->editing) {
		int h = LINES - 4;

		ui_title(" cartera", _("Mail templates"));
		snprintf(line, sizeof line, "%-14s %-4s %s", _("Name"), _("Lang"), _("Subject"));
		ui_set_role(UR_HEADER);
		ui_put(1, 0, COLS, line, 0);
		if (s->sel < s->top)
			s->top = s->sel;
		if (s->sel >= s->top + h)
			s->top = s->sel - h + 1;
		for (int r = 0; r < h && s->top + r < s->n; r++) {
			const mail_template *t = &s->rows[s->top + r];

			snprintf(line, sizeof line, "%-14s %-4s %s", t->name, t->lang, t->subject);
			ui_set_role(s->top + r == s->sel ? UR_SELECTED : UR_NORMAL);
			ui_put(2 + r, 0, COLS, line, 0);
		}
		ui_set_role(UR_NORMAL);
		ui_status_draw();
		ui_keys_bar(&scr_mtpl_keys, s->n ? UI_NEEDS_ROW : 0);
		return;
	}
	snprintf(line, sizeof line, _("Template %s (%s)"), s->fm.f[TF_NAME].value,
	         s->fm.f[TF_LANG].value);
	ui_title(" cartera", line);
	form_draw(&s->fm, 2, 1, s->fm.n, COLS - 2);
	ui_set_role(UR_HEADER);
	ui_put(2 + s->fm.n + 1, 0, COLS, s->body_edit ? _(" Body (editing: F9 or Esc when done)")
	                                              : _(" Body (F4 to edit)"), 0);
	ui_set_role(UR_NORMAL);
	if (s->body_edit) {
		mledit_draw(&s->ed, 2 + s->fm.n + 2, 1, LINES - 6 - (2 + s->fm.n + 2), COLS - 2, 1);
	} else {
		mledit view = { s->body, 0, 0 };

		mledit_draw(&view, 2 + s->fm.n + 2, 1, LINES - 6 - (2 + s->fm.n + 2), COLS - 2, 0);
	}
	draw_wrapped(s->placeholders, LINES - 5, 3);
	ui_status_draw();
	ui_keys_bar(tpl_map(s), 0);
}

/* ---- editing ---- */

static void open_form(tpl_scr *s, const mail_template *t)
{
	cart_err e;
	mail_template full;
	int i;

	free(s->body);
	s->body = NULL;
	s->is_new = t == NULL;
	if (t) {
		if (ctl_mail_template_get(s->c, t->name, t->lang, &full, &e) != CART_OK) {
			ui_status(1, "%s", e.msg);
			return;
		}
		s->body = full.body;
	} else if (!(s->body = strdup(""))) {
		ui_status(1, "%s", _("out of memory"));
		return;
	}
	form_init(&s->fm, s);
	i = form_add(&s->fm, _("Name"), FT_TEXT, 31, 1, NULL);
	form_set_value(&s->fm, i, t ? t->name : "");
	i = form_add(&s->fm, _("Language"), FT_CHOICE, 0, 1, NULL);
	form_set_choices(&s->fm, i, langs, 2);
	form_set_choice(&s->fm, i, t && !strcmp(t->lang, "en"));
	i = form_add(&s->fm, _("Subject"), FT_TEXT, 250, 1, NULL);
	form_set_value(&s->fm, i, t ? full.subject : "");
	s->fm.f[i].width = 60;
	s->fm.f[i].cursor = 0;
	if (t)
		s->fm.cur = TF_SUBJECT;
	s->editing = 1;
}

static void close_form(tpl_scr *s)
{
	s->editing = 0;
	s->body_edit = 0;
	mledit_free(&s->ed);
	free(s->body);
	s->body = NULL;
}

static void save(tpl_scr *s)
{
	const char *name = s->fm.f[TF_NAME].value, *lang = langs[s->fm.f[TF_LANG].choice];
	char saved[FORM_VALUE_MAX];
	cart_err e;

	if (form_check_all(&s->fm) >= 0)
		return;
	if (ctl_mail_template_set(s->c, name, lang, s->fm.f[TF_SUBJECT].value, s->body, &e) !=
	    CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	snprintf(saved, sizeof saved, "%s", name);
	ui_status(0, _("Template %s (%s) saved."), saved, lang);
	close_form(s);
	load(s);
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->rows[i].name, saved) && !strcmp(s->rows[i].lang, lang))
			s->sel = i;
}

static int t_help(void *self, int key)
{
	tpl_scr *s = self;

	(void)key;
	s->help = 1;
	return SCR_STAY;
}

static int t_back(void *self, int key)
{
	(void)self;
	(void)key;
	return SCR_CLOSE;
}

static int t_edit(void *self, int key)
{
	tpl_scr *s = self;

	(void)key;
	open_form(s, &s->rows[s->sel]);
	return SCR_STAY;
}

static int t_new(void *self, int key)
{
	(void)key;
	open_form(self, NULL);
	return SCR_STAY;
}

static const ui_act list_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), t_help),
	UI_ACT(N_("Edit"), UK_ENTER, 0, 0, UI_NEEDS_ROW, N_("edit the selected template's subject and body"),
	       t_edit),
	UI_ACT(N_("New"), 'n', 0, 0, 0, N_("a new template: its name, language, subject and body"), t_new),
	UI_ACT(N_("Back"), UK_ESC, 'q', UK_F(10), 0, N_("back to the screen before"), t_back),
};
const ui_keymap scr_mtpl_keys = UI_KEYMAP("mail templates", 0, list_acts);

static int t_save(void *self, int key)
{
	(void)key;
	save(self);
	return SCR_STAY;
}

static int t_body(void *self, int key)
{
	tpl_scr *s = self;

	(void)key;
	if (!ui_edit_external(&s->body)) {
		if (mledit_init(&s->ed, s->body) < 0)
			ui_status(1, "%s", _("out of memory"));
		else
			s->body_edit = 1;
	}
	return SCR_STAY;
}

static int t_cancel(void *self, int key)
{
	(void)key;
	ui_status(0, "%s", _("The template is as it was."));
	close_form(self);
	return SCR_STAY;
}

static const ui_act form_acts_[] = {
	UI_ACT(N_("Help"), UK_F(1), UK_CTRL('g'), 0, 0, N_("this help: every key of the screen"), t_help),
	UI_ACT(N_("Save"), UK_F(9), UK_CTRL('s'), 0, 0,
	       N_("save the template; an unknown placeholder is refused, naming its line"), t_save),
	UI_ACT(N_("Body"), UK_F(4), UK_CTRL('e'), 0, 0,
	       N_("edit the body in $VISUAL or $EDITOR, or here when neither is set"), t_body),
	UI_ACT(N_("Cancel"), UK_ESC, UK_F(10), 0, 0, N_("close the template, as it was"), t_cancel),
};
const ui_keymap scr_mtpl_form_keys = UI_KEYMAP("mail template", UI_KM_FORM, form_acts_);

static int t_body_done(void *self, int key)
{
	tpl_scr *s = self;

	(void)key;
	free(s->body);
	s->body = mledit_take(&s->ed);
	s->body_edit = 0;
	return SCR_STAY;
}

/* the body typed here (mledit.h) */
static const ui_act body_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), UK_CTRL('g'), 0, 0, N_("this help: every key of the screen"), t_help),
	UI_ACT(N_("Done"), UK_F(9), UK_ESC, UK_CTRL('s'), 0,
	       N_("back to the message with this body (arrows, Enter, Backspace edit it)"), t_body_done),
};
const ui_keymap scr_mtpl_body_keys = UI_KEYMAP("mail template body", UI_KM_FORM, body_acts);

static int tpl_key(ui_screen *base, int key)
{
	tpl_scr *s = (tpl_scr *)base;
	int r;

	if (s->help) {
		if (!ui_help_key(key) && ui_help_closes(key))
			s->help = 0;
		return SCR_STAY;
	}
	if (s->body_edit) {
		if (ui_keys_run(&scr_mtpl_body_keys, s, key, 0, 1) < 0 && mledit_key(&s->ed, key) < 0)
			ui_status(1, "%s", _("out of memory"));
		return SCR_STAY;
	}
	if (s->editing) {
		if (ui_keys_run(&scr_mtpl_form_keys, s, key, 0, 1) >= 0)
			return SCR_STAY;
		/* an existing template's name and language stay as they are */
		if (s->is_new || (s->fm.cur != TF_NAME && s->fm.cur != TF_LANG) ||
		    (key != ' ' && !uk_is_text(key) && key != UK_BACKSPACE && key != UK_DELETE &&
		     key != UK_LEFT && key != UK_RIGHT))
			form_handle_key(&s->fm, key);
		return SCR_STAY;
	}
	switch (key) {
	case UK_UP:
		if (s->sel > 0)
			s->sel--;
		return SCR_STAY;
	case UK_DOWN:
		if (s->sel + 1 < s->n)
			s->sel++;
		return SCR_STAY;
	default:
		break;
	}
	r = ui_keys_run(&scr_mtpl_keys, s, key, s->n ? UI_NEEDS_ROW : 0, 0);
	return r >= 0 ? r : SCR_STAY;
}

static void tpl_free(ui_screen *base)
{
	tpl_scr *s = (tpl_scr *)base;

	close_form(s);
	free(s);
}

void scr_mail_templates_push(ctl *c)
{
	tpl_scr *s = calloc(1, sizeof *s);
	size_t k;

	if (!s) {
		ui_status(1, "%s", _("out of memory"));
		return;
	}
	s->base = (ui_screen){ tpl_draw, tpl_key, NULL, tpl_free, 1 };
	s->c = c;
	k = (size_t)snprintf(s->placeholders, sizeof s->placeholders, "%s", _(" Placeholders:"));
	for (int i = 0; i < MAIL_NPH && k < sizeof s->placeholders; i++)
		k += (size_t)snprintf(s->placeholders + k, sizeof s->placeholders - k, " {%s}",
		                      mail_ph_name(i));
	load(s);
	if (ui_screen_push(&s->base) < 0)
		ui_status(1, "%s", _("too many screens open"));
}
