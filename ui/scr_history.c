/* A client's history as a screen (SPEC F2, issue 13): every reminder (its letter and SMS named
 * in it), e-mail, note, call, promise to pay and void, newest first, with the clerk and the
 * clerk's local time. Enter on an e-mail shows the message as the outbox keeps it; n writes a
 * note and c logs a call, through the same controller as `cartera client history --note/--call`.
 * Opened with Ctrl-Y from the dashboard, the client list, Seguimiento and Hoy. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dialog.h"
#include "keymaps.h"
#include "listscr.h"
#include "scr_history.h"
#include "scr_mail.h"
#include "ui_int.h"

#include "cartera/ctl_dash.h"
#include "cartera/ctl_history.h"
#include "cartera/ctl_mail.h"
#include "cartera/i18n.h"
#include "cartera/output.h"

enum { COL_AT, COL_CLERK, COL_KIND, COL_DOC, COL_TEXT, NCOLS };
enum { ASK_NOTE = 1, ASK_CALL, ASK_MAIL };
/* The selected row is an e-mail: Enter opens the message the outbox keeps. */
enum { NEEDS_MAILROW = UI_NEEDS_LOCAL(0) };

static lv_col cols[NCOLS] = {
	[COL_AT]    = { N_("When"), 16, 0, 0, 0 },
	[COL_CLERK] = { N_("Clerk"), 8, 0, 0, 0 },
	[COL_KIND]  = { N_("What"), 12, 0, 0, 0 },
	[COL_DOC]   = { N_("Document"), 12, 0, 0, 0 },
	[COL_TEXT]  = { N_("Detail"), 20, 0, 1, 0 },
};
static const char *const col_titles[NCOLS] = {
	N_("When"), N_("Clerk"), N_("What"), N_("Document"), N_("Detail"),
};

typedef struct hist_scr {
	ui_screen base;
	ctl *c;
	int64_t client_id;
	char client[200];
	listscr ls;               /* hist_entry rows, in memory */
	char at[32];
	dialog dlg;
	int help;
} hist_scr;

/* "2026-06-30T14:05:09Z" (UTC) as "2026-06-30 16:05" in the clerk's time zone. */
static void local_time(const char *utc, char *out, size_t size)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof tm);
	if (sscanf(utc, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	           &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, size, "%s", utc);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (!localtime_r(&t, &tm) || !strftime(out, size, "%Y-%m-%d %H:%M", &tm))
		snprintf(out, size, "%s", utc);
}

static const char *kind_text(int kind)
{
	switch (kind) {
	case HIST_REMINDER: return _("Reminder");
	case HIST_NOTE: return _("Note");
	case HIST_MAIL: return _("E-mail");
	case HIST_CALL: return _("Call");
	case HIST_VOID: return _("Void");
	default: return "?";
	}
}

static int take(const hist_entry *h, void *ud)
{
	hist_scr *s = ud;
	hist_entry *r = listscr_add(&s->ls);

	if (!r)
		return 1;
	*r = *h;
	return 0;
}

static void load(hist_scr *s)
{
	cart_err e;

	listscr_clear(&s->ls);
	if (ctl_history_list(s->c, s->client_id, take, s, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	listscr_set_rows(&s->ls, 0);
}

static const char *cell(void *ud, const void *row, long i, int col)
{
	hist_scr *s = ud;
	const hist_entry *h = row;

	(void)i;
	switch (col) {
	case COL_AT:
		local_time(h->at, s->at, sizeof s->at);
		return s->at;
	case COL_CLERK: return h->clerk;
	case COL_KIND: return kind_text(h->kind);
	case COL_DOC: return h->number;
	default: return h->text;
	}
}

static int have(hist_scr *s)
{
	const hist_entry *r = listscr_selected(&s->ls);

	return !r ? 0 : r->kind == HIST_MAIL ? UI_NEEDS_ROW | NEEDS_MAILROW : UI_NEEDS_ROW;
}

/* Enter on an e-mail line: the message it queued, as the outbox shows it. */
static void show_mail(hist_scr *s)
{
	const hist_entry *r = listscr_selected(&s->ls);
	int64_t id = 0;
	cart_err e;

	if (!r)
		return;
	if (ctl_mail_of_history(s->c, r->id, &id, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	scr_outbox_message(s->c, &s->dlg, ASK_MAIL, id);
}

static void write_line(hist_scr *s, int tag)
{
	char text[400];
	hist_entry h;
	cart_err e;

	dialog_answer_text(&s->dlg, text, sizeof text);
	if (ctl_history_add(s->c, s->client_id, tag == ASK_CALL ? HIST_CALL : HIST_NOTE, text, &h,
	                    &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, tag == ASK_CALL ? _("Call logged in the history of %s.")
	                             : _("Note recorded in the history of %s."), s->client);
	load(s);
	s->ls.lv.sel = 0;
	listview_scroll(&s->ls.lv);
}

/* The selected line whole, wrapped at spaces on the lines above the status line: the list cuts
 * long reminders and e-mail lines to its column. */
static void draw_whole(const hist_entry *h, int y, int lines)
{
	char text[sizeof h->number + sizeof h->text + 4], buf[sizeof text];
	const char *p = text;
	int w = COLS - 2;

	snprintf(text, sizeof text, "%s%s%s", h->number, h->number[0] ? ": " : "", h->text);
	for (int k = 0; k < lines && *p && w > 0; k++) {
		const char *q = utf8_skip(p, w), *brk = q;
		size_t n;

		if (*q) {
			while (brk > p && *brk != ' ')
				brk--;
			if (brk == p)
				brk = q;
		}
		n = (size_t)(brk - p);
		memcpy(buf, p, n);
		buf[n] = '\0';
		ui_put(y + k, 1, w, buf, 0);
		p = brk;
		while (*p == ' ')
			p++;
	}
}

static void hist_draw(ui_screen *base)
{
	hist_scr *s = (hist_scr *)base;
	const hist_entry *h;
	char left[256], right[300], count[96];

	if (s->help) {
		ui_keys_help(&scr_history_keys, have(s), _("History"), ctl_company(s->c)->name);
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", ctl_company(s->c)->name);
	snprintf(right, sizeof right, _("History of %s"), s->client);
	ui_title(left, right);
	snprintf(count, sizeof count, P_("%ld line, newest first", "%ld lines, newest first",
	                                 (unsigned long)listscr_rows(&s->ls)), listscr_rows(&s->ls));
	ui_put(1, 0, COLS, count, 0);
	listscr_draw(&s->ls, 2, LINES - 7, _("Nothing recorded yet."));
	if ((h = listscr_selected(&s->ls)))
		draw_whole(h, LINES - 5, 3);
	ui_status_draw();
	ui_keys_bar(&scr_history_keys, have(s));
	dialog_draw(&s->dlg);
}

static int act_help(void *self, int key)
{
	hist_scr *s = self;

	(void)key;
	s->help = 1;
	return SCR_STAY;
}

static int act_back(void *self, int key)
{
	(void)self;
	(void)key;
	return SCR_CLOSE;
}

static int act_note(void *self, int key)
{
	hist_scr *s = self;

	(void)key;
	dialog_prompt(&s->dlg, ASK_NOTE, _("Note"), s->client, _("Note"), 390, "");
	return SCR_STAY;
}

static int act_call(void *self, int key)
{
	hist_scr *s = self;

	(void)key;
	dialog_prompt(&s->dlg, ASK_CALL, _("Call"), s->client, _("What was said"), 390, "");
	return SCR_STAY;
}

static int act_mail(void *self, int key)
{
	(void)key;
	show_mail(self);
	return SCR_STAY;
}

static const ui_act hist_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("Note"), UK_F(2), 'n', 0, 0, N_("write a note into the client's history"), act_note),
	UI_ACT(N_("Call"), UK_F(3), 'c', 0, 0, N_("log a call with the client: what was said"), act_call),
	UI_ACT(N_("Message"), UK_ENTER, 'v', 0, NEEDS_MAILROW,
	       N_("the e-mail of the selected row, as the outbox keeps it"), act_mail),
	UI_ACT(N_("Back"), UK_F(10), 'q', UK_ESC, 0, N_("back to the screen before"), act_back),
};
const ui_keymap scr_history_keys = UI_KEYMAP("history", 0, hist_acts);

static int hist_key(ui_screen *base, int key)
{
	hist_scr *s = (hist_scr *)base;

	if (s->dlg.kind != DLG_NONE) {
		int tag = s->dlg.tag;

		if (dialog_key(&s->dlg, key) == DLG_OK && (tag == ASK_NOTE || tag == ASK_CALL))
			write_line(s, tag);
		return SCR_STAY;
	}
	return listscr_key(&s->ls, &scr_history_keys, s, have(s), &s->help, key);
}

static void hist_resume(ui_screen *base)
{
	load((hist_scr *)base);
}

static void hist_free(ui_screen *base)
{
	hist_scr *s = (hist_scr *)base;

	dialog_free(&s->dlg);
	listscr_free(&s->ls);
	free(s);
}

int scr_history_new(ctl *c, int64_t client_id, ui_screen **out, cart_err *e)
{
	hist_scr *s;
	client cl;
	int rc;

	if ((rc = ctl_client_get(c, client_id, &cl, e)) != CART_OK)
		return rc;
	if (!(s = calloc(1, sizeof *s)))
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the client's history"));
	s->base = (ui_screen){ hist_draw, hist_key, hist_resume, hist_free, 1 };
	s->c = c;
	s->client_id = client_id;
	snprintf(s->client, sizeof s->client, "%s", cl.name);
	for (int i = 0; i < NCOLS; i++)
		cols[i].title = _(col_titles[i]);
	listscr_init(&s->ls, cols, NCOLS, -1, sizeof(hist_entry), cell, NULL, s);
	load(s);
	*out = &s->base;
	return CART_OK;
}

void scr_history_push(ctl *c, int64_t client_id)
{
	ui_screen *sub;
	cart_err e;

	if (scr_history_new(c, client_id, &sub, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	else if (ui_screen_push(sub) < 0)
		ui_status(1, "%s", _("too many screens open"));
}
