/* "Send by mail" and the outbox (see scr_mail.h). The message is drafted by the mail controller
 * (recipients, template, attachments); here the clerk changes To, adds addresses, asks for a
 * copy, edits the subject and the body (in $VISUAL / $EDITOR as mutt and git do, or in the plain
 * editor below when neither is set) and unticks attachments. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dialog.h"
#include "form.h"
#include "keymaps.h"
#include "mledit.h"
#include "scr_mail.h"
#include "screen.h"
#include "ui_int.h"

#include "cartera/i18n.h"
#include "cartera/output.h"

/* The form's fields: the first ones fixed, then one yes/no per attachment. */
enum { MF_TO, MF_ALSO, MF_CC, MF_COPY, MF_SUBJECT, MF_ATT };

typedef struct mail_scr {
	ui_screen base;
	ctl *c;
	ctl_mail m;
	client cl;
	char title[300];
	char copy_label[220];
	form fm;
	int body_edit;            /* the plain editor has the keys */
	mledit ed;                /* the plain editor, while body_edit */
	int help;
} mail_scr;

/* ---- the body in the clerk's editor ---- */

int ui_edit_external(char **body)
{
	const char *ed = getenv("VISUAL");
	char path[] = "/tmp/cartera-mail-XXXXXX";
	char *cmd, *text = NULL;
	size_t n = 0, cap = 0, r;
	FILE *fp;
	int fd, rc;

	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		return 0;
	if ((fd = mkstemp(path)) < 0 || !(fp = fdopen(fd, "w"))) {
		ui_status(1, _("cannot make a file for the editor: %s"), strerror(errno));
		return 1;
	}
	fputs(*body, fp);
	fclose(fp);
	if (!(cmd = malloc(strlen(ed) + strlen(path) + 8))) {
		unlink(path);
		return 1;
	}
	sprintf(cmd, "%s '%s'", ed, path);
	def_prog_mode();
	endwin();
	rc = system(cmd);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	free(cmd);
	if (rc != 0) {
		ui_status(1, _("the editor (%s) failed: the body is as it was"), ed);
		unlink(path);
		return 1;
	}
	if ((fp = fopen(path, "r")) != NULL) {
		do {
			char *t = n + 4097 > cap ? realloc(text, cap = cap * 2 + 8192) : text;

			if (!t)
				break;
			text = t;
			r = fread(text + n, 1, 4096, fp);
			n += r;
		} while (r > 0);
		fclose(fp);
	}
	unlink(path);
	if (text) {
		text[n] = '\0';
		free(*body);
		*body = text;
		ui_status(0, "%s", _("The body was edited."));
	}
	return 1;
}

/* ---- drawing ---- */

static void mail_draw(ui_screen *base)
{
	mail_scr *s = (mail_scr *)base;
	int fh = s->fm.n, y;

	if (s->help) {
		ui_keys_help(s->body_edit ? &scr_mail_body_keys : &scr_mail_keys, 0, _("Send by mail"),
		             ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
		return;
	}
	erase();
	ui_title(" cartera", s->title);
	ui_put(1, 0, COLS, s->copy_label, 0);
	if (fh > LINES - 9)
		fh = LINES - 9;
	form_draw(&s->fm, 2, 1, fh, COLS - 2);
	for (int i = 0; i < s->m.n_att; i++) {
		int r = MF_ATT + i - s->fm.top;

		if (r >= 0 && r < fh)
			ui_put(2 + r, 1 + 16 + 7, COLS - 25, s->m.att[i].filename, 0);
	}
	y = 2 + fh + 1;
	ui_set_role(UR_HEADER);
	ui_put(y, 0, COLS, s->body_edit ? _(" Body (editing: F9 or Esc when done)")
	                                : _(" Body (F4 to edit)"), 0);
	ui_set_role(UR_NORMAL);
	if (s->body_edit) {
		mledit_draw(&s->ed, y + 1, 1, LINES - 3 - (y + 1), COLS - 2, 1);
	} else {
		mledit view = { s->m.body, 0, 0 };

		mledit_draw(&view, y + 1, 1, LINES - 3 - (y + 1), COLS - 2, 0);
	}
	ui_status_draw();
	ui_keys_bar(s->body_edit ? &scr_mail_body_keys : &scr_mail_keys, 0);
}

/* ---- sending ---- */

static int send_it(mail_scr *s)
{
	ctl_mail *m = &s->m;
	const char *also = s->fm.f[MF_ALSO].value;
	int64_t id = 0;
	cart_err e;

	if (snprintf(m->to, sizeof m->to, "%s%s%s", s->fm.f[MF_TO].value,
	             s->fm.f[MF_TO].value[0] && also[0] ? ", " : "", also) >= (int)sizeof m->to) {
		form_set_error(&s->fm, MF_ALSO, _("too many addresses"));
		return -1;
	}
	snprintf(m->cc, sizeof m->cc, "%s", s->fm.f[MF_CC].value);
	m->copy_me = s->fm.f[MF_COPY].choice;
	if (strlen(s->fm.f[MF_SUBJECT].value) >= sizeof m->subject) {
		form_set_error(&s->fm, MF_SUBJECT, _("too long"));
		return -1;
	}
	memcpy(m->subject, s->fm.f[MF_SUBJECT].value, strlen(s->fm.f[MF_SUBJECT].value) + 1);
	for (int i = 0; i < m->n_att; i++)
		m->att[i].off = !s->fm.f[MF_ATT + i].choice;
	if (ctl_mail_queue(s->c, m, &id, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return -1;
	}
	if (ctl_mail_send_background(s->c, &e) != CART_OK)
		ui_status_warn(_("Message %lld is in the outbox, but delivery did not start: %s"),
		               (long long)id, e.msg);
	else
		ui_status(0, _("Message %lld is in the outbox; it is being delivered."), (long long)id);
	return 0;
}

/* ---- keys ---- */

static int act_help(void *self, int key)
{
	mail_scr *s = self;

	(void)key;
	s->help = 1;
	return SCR_STAY;
}

static int act_send(void *self, int key)
{
	mail_scr *s = self;
	int bad = form_check_all(&s->fm);

	(void)key;
	if (bad >= 0) {
		ui_status(1, "%s", s->fm.f[bad].error);
		return SCR_STAY;
	}
	return send_it(s) == 0 ? SCR_CLOSE : SCR_STAY;
}

static int act_body(void *self, int key)
{
	mail_scr *s = self;

	(void)key;
	if (!ui_edit_external(&s->m.body)) {
		if (mledit_init(&s->ed, s->m.body) < 0)
			ui_status(1, "%s", _("out of memory"));
		else
			s->body_edit = 1;
	}
	return SCR_STAY;
}

static int act_cancel(void *self, int key)
{
	(void)self;
	(void)key;
	ui_status(0, "%s", _("Nothing was sent."));
	return SCR_CLOSE;
}

static int act_body_done(void *self, int key)
{
	mail_scr *s = self;

	(void)key;
	free(s->m.body);
	s->m.body = mledit_take(&s->ed);
	s->body_edit = 0;
	return SCR_STAY;
}

static const ui_act mail_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), UK_CTRL('g'), 0, 0, N_("this help: every key of the screen"),
	       act_help),
	UI_ACT(N_("Send"), UK_F(9), UK_CTRL('s'), 0, 0,
	       N_("put the message in the outbox and start its delivery; you never wait"), act_send),
	UI_ACT(N_("Body"), UK_F(4), UK_CTRL('e'), 0, 0,
	       N_("edit the body in $VISUAL or $EDITOR, or here when neither is set"), act_body),
	UI_ACT(N_("Cancel"), UK_ESC, UK_F(10), 0, 0, N_("close, nothing sent"), act_cancel),
};
const ui_keymap scr_mail_keys = UI_KEYMAP("mail", UI_KM_FORM, mail_acts);

/* the body typed here (mledit.h) */
static const ui_act body_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), UK_CTRL('g'), 0, 0, N_("this help: every key of the screen"),
	       act_help),
	UI_ACT(N_("Done"), UK_F(9), UK_ESC, UK_CTRL('s'), 0,
	       N_("back to the message with this body (arrows, Enter, Backspace edit it)"), act_body_done),
};
const ui_keymap scr_mail_body_keys = UI_KEYMAP("mail body", UI_KM_FORM, body_acts);

static int mail_key(ui_screen *base, int key)
{
	mail_scr *s = (mail_scr *)base;
	int r;

	if (s->help) {
		if (!ui_help_key(key) && ui_help_closes(key))
			s->help = 0;
		return SCR_STAY;
	}
	if (s->body_edit) {
		if (ui_keys_run(&scr_mail_body_keys, s, key, 0, 1) < 0 && mledit_key(&s->ed, key) < 0)
			ui_status(1, "%s", _("out of memory"));
		return SCR_STAY;
	}
	if ((r = ui_keys_run(&scr_mail_keys, s, key, 0, 1)) >= 0)
		return r;
	form_handle_key(&s->fm, key);
	return SCR_STAY;
}

static void mail_free(ui_screen *base)
{
	mail_scr *s = (mail_scr *)base;

	ctl_mail_free(&s->m);
	mledit_free(&s->ed);
	free(s);
}

static void check_list(form *f, int i, char *err, size_t size, void *ud)
{
	cart_err e;

	(void)ud;
	if (mail_addr_check(f->f[i].value, f->f[i].label, NULL, &e) != CART_OK)
		snprintf(err, size, "%s", e.msg);
}

void scr_mail_push(ctl *c, const ctl_mail_req *r)
{
	mail_scr *s = calloc(1, sizeof *s);
	cart_err e;
	int i;

	if (!s) {
		ui_status(1, "%s", _("out of memory"));
		return;
	}
	s->base = (ui_screen){ mail_draw, mail_key, NULL, mail_free, 1 };
	s->c = c;
	if (ctl_mail_draft(c, r, &s->m, &e) != CART_OK ||
	    ctl_client_get(c, s->m.client_id, &s->cl, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		ctl_mail_free(&s->m);
		free(s);
		return;
	}
	if (strlen(s->m.to) >= FORM_VALUE_MAX) {
		ui_status(1, "%s", _("the client has more addresses than this screen holds: use"
		                     " 'cartera mail' from the command line"));
		mail_free(&s->base);
		return;
	}
	snprintf(s->title, sizeof s->title, _("Send by mail — %s"), s->cl.name);
	if (s->m.self[0])
		snprintf(s->copy_label, sizeof s->copy_label, _(" Copy to me goes to %s."), s->m.self);
	else
		snprintf(s->copy_label, sizeof s->copy_label, "%s", _(" No address of yours for a copy:"
		         " set CARTERA_MAIL_SELF or run 'cartera mail self ADDRESS'."));
	form_init(&s->fm, s);
	form_add(&s->fm, _("To"), FT_TEXT, FORM_VALUE_MAX - 1, 0, check_list);
	form_set_value(&s->fm, MF_TO, s->m.to);
	s->fm.f[MF_TO].cursor = 0;
	form_add(&s->fm, _("Also to"), FT_TEXT, FORM_VALUE_MAX - 1, 0, check_list);
	form_add(&s->fm, _("Cc"), FT_TEXT, FORM_VALUE_MAX - 1, 0, check_list);
	form_add(&s->fm, _("Copy to me"), FT_YESNO, 0, 0, NULL);
	form_set_choice(&s->fm, MF_COPY, 0);
	form_add(&s->fm, _("Subject"), FT_TEXT, 250, 1, NULL);
	form_set_value(&s->fm, MF_SUBJECT, s->m.subject);
	s->fm.f[MF_SUBJECT].cursor = 0;
	for (i = MF_TO; i <= MF_SUBJECT; i++)
		if (i != MF_COPY)
			s->fm.f[i].width = 60;
	for (i = 0; i < s->m.n_att; i++) {
		int k = form_add(&s->fm, _("Attach"), FT_YESNO, 0, 0, NULL);

		if (k >= 0) {
			form_set_choice(&s->fm, k, 1);
			s->fm.f[k].width = 6;  /* the file's name is drawn after the box */
		}
	}
	if (ui_screen_push(&s->base) < 0)
		ui_status(1, "%s", _("too many screens open"));
}

void scr_mail_statement(ctl *c, int64_t client_id, const char *asof)
{
	ctl_mail_req r;

	ctl_mail_req_init(&r);
	r.client_id = client_id;
	r.asof = asof;
	scr_mail_push(c, &r);
}

void scr_mail_document(ctl *c, int64_t doc_id)
{
	ctl_mail_req r;

	ctl_mail_req_init(&r);
	r.kind = "document";
	r.doc_id = doc_id;
	scr_mail_push(c, &r);
}

/* ---- the outbox ---- */

#define OUTBOX_MAX 500

static const char *const filters[] = { N_("all"), "pending", "failed", "sent", "cancelled" };

typedef struct outbox_scr {
	ui_screen base;
	ctl *c;
	mail_row *rows;
	int n, sel, top;
	int filter;               /* index in filters */
	int help;
	dialog dlg;
} outbox_scr;

static int collect(const mail_row *m, void *ud)
{
	outbox_scr *s = ud;

	if (s->n >= OUTBOX_MAX)
		return 1;
	s->rows[s->n++] = *m;
	return 0;
}

static void outbox_load(outbox_scr *s)
{
	int64_t keep = s->n && s->sel < s->n ? s->rows[s->sel].id : 0;
	cart_err e;

	s->n = 0;
	if (ctl_mail_list(s->c, s->filter ? filters[s->filter] : NULL, 0, collect, s, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	s->sel = 0;
	for (int i = 0; i < s->n; i++)
		if (s->rows[i].id == keep)
			s->sel = i;
}

static const char *status_word(int st)
{
	switch (st) {
	case MAIL_PENDING: return _("pending");
	case MAIL_SENDING: return _("sending");
	case MAIL_SENT: return _("sent");
	case MAIL_FAILED: return _("failed");
	case MAIL_CANCELLED: return _("cancelled");
	default: return "?";
	}
}

static void outbox_draw(ui_screen *base)
{
	outbox_scr *s = (outbox_scr *)base;
	char right[200], line[1200], head[200];
	int h = LINES - 7;

	if (s->help) {
		ui_keys_help(&scr_outbox_keys, s->n ? UI_NEEDS_ROW : 0, _("Outbox"), ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
		return;
	}
	erase();
	snprintf(right, sizeof right, _("Outbox: %s (%d)"), s->filter ? _(filters[s->filter]) :
	         _("every message"), s->n);
	ui_title(" cartera", right);
	snprintf(head, sizeof head, "%5s  %-9s %3s  %-16s  %-18s  %s", "#", _("Status"), _("Try"),
	         _("Queued (UTC)"), _("Client"), _("Subject"));
	ui_set_role(UR_HEADER);
	ui_put(1, 0, COLS, head, 0);
	ui_set_role(UR_NORMAL);
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + h)
		s->top = s->sel - h + 1;
	for (int r = 0; r < h && s->top + r < s->n; r++) {
		const mail_row *m = &s->rows[s->top + r];
		char when[20], st[40], who[80];

		snprintf(when, sizeof when, "%.10s %.5s", m->created_at, m->created_at + 11);
		utf8_fit(status_word(m->status), 9, 0, st);
		utf8_fit(m->client_name, 18, 0, who);
		snprintf(line, sizeof line, "%5lld  %s %3d  %-16s  %s  %s", (long long)m->id, st,
		         m->attempts, when, who, m->subject);
		ui_set_role(s->top + r == s->sel ? UR_SELECTED : m->status == MAIL_FAILED ?
		            UR_ERROR : UR_NORMAL);
		ui_put(2 + r, 0, COLS, line, 0);
	}
	ui_set_role(UR_NORMAL);
	if (!s->n)
		ui_put(3, 2, COLS - 4, _("(no messages)"), 0);
	if (s->n) {
		const mail_row *m = &s->rows[s->sel];

		snprintf(line, sizeof line, _(" To: %s"), m->recipients);
		ui_put(LINES - 5, 0, COLS, line, 0);
		snprintf(line, sizeof line, _(" Attached: %s"), m->attachments[0] ? m->attachments : "—");
		ui_put(LINES - 4, 0, COLS, line, 0);
		if (m->last_error[0]) {
			snprintf(line, sizeof line, _(" Error: %s"), m->last_error);
			ui_set_role(UR_ERROR);
		} else if (m->status == MAIL_SENT) {
			snprintf(line, sizeof line, _(" Sent %s"), m->sent_at);
		} else {
			line[0] = '\0';
		}
		ui_put(LINES - 3, 0, COLS, line, 0);
		ui_set_role(UR_NORMAL);
	}
	ui_status_draw();
	ui_keys_bar(&scr_outbox_keys, s->n ? UI_NEEDS_ROW : 0);
	dialog_draw(&s->dlg);
}

void scr_outbox_message(ctl *c, dialog *d, int tag, int64_t id)
{
	mail_row m;
	char *raw = NULL, title[64];
	size_t len;
	cart_err e;

	if (ctl_mail_get(c, id, &m, &raw, &len, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	snprintf(title, sizeof title, _("Message %lld"), (long long)m.id);
	dialog_message(d, tag, title, raw);
	free(raw);
}

static void outbox_show(outbox_scr *s)
{
	scr_outbox_message(s->c, &s->dlg, 1, s->rows[s->sel].id);
}

static int o_back(void *self, int key)
{
	(void)self;
	(void)key;
	return SCR_CLOSE;
}

static int o_help(void *self, int key)
{
	outbox_scr *s = self;

	(void)key;
	s->help = 1;
	return SCR_STAY;
}

static int o_show(void *self, int key)
{
	(void)key;
	outbox_show(self);
	return SCR_STAY;
}

/* again now: the selected failed message, or every failed one */
static int retry(outbox_scr *s, int64_t id)
{
	cart_err e;
	int n = 0;

	if (ctl_mail_retry(s->c, id, &n, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return SCR_STAY;
	}
	if (n && ctl_mail_send_background(s->c, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	else
		ui_status(0, P_("%d message will be sent again.", "%d messages will be sent again.", n), n);
	outbox_load(s);
	return SCR_STAY;
}

static int o_retry(void *self, int key)
{
	outbox_scr *s = self;

	(void)key;
	return retry(s, s->rows[s->sel].id);
}

static int o_retry_all(void *self, int key)
{
	(void)key;
	return retry(self, 0);
}

static int o_cancel(void *self, int key)
{
	outbox_scr *s = self;
	cart_err e;

	(void)key;
	if (ctl_mail_cancel(s->c, s->rows[s->sel].id, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	else
		ui_status(0, _("Message %lld cancelled: it stays in the outbox, never sent."),
		          (long long)s->rows[s->sel].id);
	outbox_load(s);
	return SCR_STAY;
}

static int o_send(void *self, int key)
{
	outbox_scr *s = self;
	cart_err e;

	(void)key;
	if (ctl_mail_send_background(s->c, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	else
		ui_status(0, "%s", _("Delivery started in the background; F5 shows how it went."));
	return SCR_STAY;
}

static int o_filter(void *self, int key)
{
	outbox_scr *s = self;

	(void)key;
	s->filter = (s->filter + 1) % (int)(sizeof filters / sizeof *filters);
	s->n = 0;
	outbox_load(s);
	return SCR_STAY;
}

static int o_reload(void *self, int key)
{
	(void)key;
	outbox_load(self);
	return SCR_STAY;
}

static int o_templates(void *self, int key)
{
	outbox_scr *s = self;

	(void)key;
	scr_mail_templates_push(s->c);
	return SCR_STAY;
}

static const ui_act outbox_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), o_help),
	UI_ACT(N_("Show"), UK_ENTER, 0, 0, UI_NEEDS_ROW,
	       N_("the selected message as it is sent, headers and all"), o_show),
	UI_ACT(N_("Retry"), 'r', 0, 0, UI_NEEDS_ROW, N_("send the selected failed message again now"),
	       o_retry),
	UI_ACT(NULL, 'R', 0, 0, 0, N_("send every failed message again now"), o_retry_all),
	UI_ACT(N_("Cancel msg"), 'c', UK_DELETE, 0, UI_NEEDS_ROW,
	       N_("cancel the selected pending or failed message: it stays, never sent"), o_cancel),
	UI_ACT(N_("Deliver"), 's', 0, 0, 0, N_("deliver what is waiting now, in the background"), o_send),
	UI_ACT(N_("Status"), UK_TAB, 'f', 0, 0,
	       N_("show every message, or only pending, failed, sent, cancelled (cycles)"), o_filter),
	UI_ACT(NULL, UK_F(5), UK_CTRL('l'), 0, 0, N_("read the outbox again"), o_reload),
	UI_ACT(N_("Back"), UK_ESC, 'q', UK_F(10), 0, N_("back to the screen before"), o_back),
	UI_ACT(N_("Templates"), 't', 0, 0, 0,
	       N_("the company's mail templates: subject and body per language"), o_templates),
};
const ui_keymap scr_outbox_keys = UI_KEYMAP("outbox", 0, outbox_acts);

static int outbox_key(ui_screen *base, int key)
{
	outbox_scr *s = (outbox_scr *)base;
	int r, h = LINES - 7;

	if (s->dlg.kind != DLG_NONE) {
		dialog_key(&s->dlg, key);
		return SCR_STAY;
	}
	if (s->help) {
		if (!ui_help_key(key) && ui_help_closes(key))
			s->help = 0;
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
	case UK_PGUP:
		s->sel = s->sel > h ? s->sel - h : 0;
		return SCR_STAY;
	case UK_PGDN:
		s->sel = s->sel + h < s->n ? s->sel + h : (s->n ? s->n - 1 : 0);
		return SCR_STAY;
	case UK_HOME:
		s->sel = 0;
		return SCR_STAY;
	case UK_END:
		s->sel = s->n ? s->n - 1 : 0;
		return SCR_STAY;
	default:
		break;
	}
	r = ui_keys_run(&scr_outbox_keys, s, key, s->n ? UI_NEEDS_ROW : 0, 0);
	return r >= 0 ? r : SCR_STAY;
}

static void outbox_resume(ui_screen *base)
{
	outbox_load((outbox_scr *)base);
}

static void outbox_free(ui_screen *base)
{
	outbox_scr *s = (outbox_scr *)base;

	dialog_free(&s->dlg);
	free(s->rows);
	free(s);
}

void scr_outbox_push(ctl *c)
{
	outbox_scr *s = calloc(1, sizeof *s);

	if (!s || !(s->rows = calloc(OUTBOX_MAX, sizeof *s->rows))) {
		free(s);
		ui_status(1, "%s", _("out of memory"));
		return;
	}
	s->base = (ui_screen){ outbox_draw, outbox_key, outbox_resume, outbox_free, 1 };
	s->c = c;
	outbox_load(s);
	if (ui_screen_push(&s->base) < 0)
		ui_status(1, "%s", _("too many screens open"));
}
