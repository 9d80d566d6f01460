/* "Hoy" (SPEC F6): what a clerk works through today — the calls, visits and other activities due
 * today or overdue, the promises to pay falling due today and the broken ones (their date
 * passed without the receipts). Keys mark an activity done with a note, move it to another day,
 * or record a promise to pay (amount, date, by whom); Enter opens the row's client. Everything
 * goes through the follow-up controller (ctl_followup.h); the list reads only the rows on screen
 * (ctl_today.h), however many there are. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "keymaps.h"
#include "listscr.h"
#include "scr_dash.h"
#include "scr_followup.h"
#include "scr_history.h"
#include "ui_int.h"

#include "cartera/date.h"
#include "cartera/ctl_followup.h"
#include "cartera/ctl_today.h"
#include "cartera/i18n.h"
#include "cartera/output.h"

enum { COL_WHAT, COL_DATE, COL_CLIENT, COL_DETAIL, COL_CLERK, NCOLS };
enum { ASK_DONE = 1, ASK_MOVE, ASK_PAMOUNT, ASK_PDATE, ASK_PBY };
enum { ROW_ACTIVITY, ROW_PROMISE_DUE, ROW_PROMISE_BROKEN };

static lv_col cols[NCOLS] = {
	[COL_WHAT]   = { N_("What"), 14, 0, 0, 0 },
	[COL_DATE]   = { N_("Date"), 10, 0, 0, 0 },
	[COL_CLIENT] = { N_("Client"), 18, 0, 0, 0 },
	[COL_DETAIL] = { N_("Detail"), 24, 0, 1, 0 },
	[COL_CLERK]  = { N_("Clerk"), 8, 0, 0, 0 },
};
static const char *const col_titles[NCOLS] = {
	N_("What"), N_("Date"), N_("Client"), N_("Detail"), N_("Clerk"),
};

typedef struct today_row {
	int kind;
	int64_t id, client_id;
	char what[40];
	char date[DATE_LEN];
	char client[200];
	char detail[240];
	char clerk[64];
} today_row;

typedef struct today_scr {
	ui_screen base;
	ctl *c;
	listscr ls;               /* today_row rows, the window on screen read */
	char day[DATE_LEN];     /* a row's date as the clerk reads it */
	today_row chosen;         /* the row a dialog is about */
	char p_amount[48], p_date[DATE_LEN];
	dialog dlg;
	int help;
} today_scr;

static const char *type_text(const char *type)
{
	if (!strcmp(type, "call"))
		return _("Call");
	if (!strcmp(type, "visit"))
		return _("Visit");
	if (!strcmp(type, "email"))
		return _("E-mail");
	return _("To do");
}

/* The window being read: rows into it, up to n. */
typedef struct window {
	today_scr *s;
	today_row *rows;
	int n, max;
} window;

static int take(const fu_activity *a, const fu_promise *p, int status, void *ud)
{
	window *w = ud;
	today_row *r;
	char amt[48], paid[48];

	if (w->n == w->max)
		return 1;
	r = &w->rows[w->n++];
	memset(r, 0, sizeof *r);
	if (a) {
		r->kind = ROW_ACTIVITY;
		r->id = a->id;
		r->client_id = a->client_id;
		snprintf(r->what, sizeof r->what, "%s", type_text(a->type));
		memcpy(r->date, a->due_date, DATE_LEN);
		snprintf(r->client, sizeof r->client, "%s", a->client);
		snprintf(r->detail, sizeof r->detail, "%s", a->summary);
		snprintf(r->clerk, sizeof r->clerk, "%s", a->clerk);
		return 0;
	}
	r->kind = status == FU_PROMISE_BROKEN ? ROW_PROMISE_BROKEN : ROW_PROMISE_DUE;
	r->id = p->id;
	r->client_id = p->client_id;
	snprintf(r->what, sizeof r->what, "%s", status == FU_PROMISE_BROKEN ? _("Broken promise")
	                                                                    : _("Promise due"));
	memcpy(r->date, p->date, DATE_LEN);
	snprintf(r->client, sizeof r->client, "%s", p->client);
	money_format(p->amount, &ctl_company(w->s->c)->fmt, amt, sizeof amt);
	money_format(p->paid, &ctl_company(w->s->c)->fmt, paid, sizeof paid);
	snprintf(r->detail, sizeof r->detail, _("%s %s, paid %s%s%s"), amt, p->currency, paid,
	         p->by_whom[0] ? " — " : "", p->by_whom);
	snprintf(r->clerk, sizeof r->clerk, "%s", p->clerk);
	return 0;
}

static int read_rows(void *ud, long offset, int n, void *rows)
{
	window w = { ud, rows, 0, n };
	cart_err e;

	if (ctl_fu_today(w.s->c, offset, n, take, &w, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return -1;
	}
	return w.n;
}

static void load(today_scr *s)
{
	long n = 0;
	cart_err e;

	if (ctl_fu_today_count(s->c, &n, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		n = 0;
	}
	listscr_set_rows(&s->ls, n);
}

static const char *cell(void *ud, const void *row, long i, int col)
{
	today_scr *s = ud;
	const today_row *r = row;

	(void)i;
	switch (col) {
	case COL_WHAT: return r->what;
	case COL_DATE:
		date_show(r->date, s->day, sizeof s->day);
		return s->day;
	case COL_CLIENT: return r->client;
	case COL_DETAIL: return r->detail;
	default: return r->clerk;
	}
}

static int have(today_scr *s)
{
	const today_row *r = listscr_selected(&s->ls);

	return !r ? 0 : r->kind == ROW_ACTIVITY ? UI_NEEDS_ROW | UI_NEEDS_ACTIVITY : UI_NEEDS_ROW;
}

/* The selected row into chosen, for a dialog about it; 0 when there is none. */
static int choose(today_scr *s)
{
	const today_row *r = listscr_selected(&s->ls);

	if (r)
		s->chosen = *r;
	return r != NULL;
}

static void reselect(today_scr *s, int64_t id, int kind)
{
	long at = -1;
	cart_err e;

	if (ctl_fu_today_place(s->c, kind != ROW_ACTIVITY, id, &at, &e) == CART_OK && at >= 0)
		s->ls.lv.sel = at;
	listview_scroll(&s->ls.lv);
}

static void answered(today_scr *s, int tag)
{
	char text[256], id[24];
	fu_activity a;
	fu_promise p;
	cart_err e;

	dialog_answer_text(&s->dlg, text, sizeof text);
	snprintf(id, sizeof id, "%lld", (long long)s->chosen.id);
	switch (tag) {
	case ASK_DONE:
		if (ctl_fu_activity_done(s->c, id, text, &a, &e) != CART_OK) {
			ui_status(1, "%s", e.msg);
			return;
		}
		ui_status(0, _("Done: %s, %s."), s->chosen.what, s->chosen.client);
		load(s);
		return;
	case ASK_MOVE:
		if (ctl_fu_activity_reschedule(s->c, id, text, &a, &e) != CART_OK) {
			ui_status(1, "%s", e.msg);
			return;
		}
		ui_status(0, _("%s, %s: now due on %s."), s->chosen.what, s->chosen.client, a.due_date);
		load(s);
		reselect(s, a.id, ROW_ACTIVITY);
		return;
	case ASK_PAMOUNT:
		snprintf(s->p_amount, sizeof s->p_amount, "%.47s", text);
		dialog_prompt(&s->dlg, ASK_PDATE, _("Promise to pay"), s->chosen.client,
		              _("Paid by (date)"), 10, "");
		return;
	case ASK_PDATE:
		snprintf(s->p_date, sizeof s->p_date, "%.10s", text);
		dialog_prompt(&s->dlg, ASK_PBY, _("Promise to pay"), s->chosen.client, _("By whom"), 100,
		              "");
		return;
	case ASK_PBY: {
		char cref[24];

		snprintf(cref, sizeof cref, "%lld", (long long)s->chosen.client_id);
		if (ctl_fu_promise_add(s->c, cref, s->p_amount, s->p_date, text, NULL, &p, &e) != CART_OK) {
			ui_status(1, "%s", e.msg);
			return;
		}
		ui_status(0, _("Promise recorded: %s will pay %s by %s."), p.client, s->p_amount, p.date);
		load(s);
		return;
	}
	default:
		return;
	}
}

static void today_draw(ui_screen *base)
{
	today_scr *s = (today_scr *)base;
	char left[256], right[128], today[DATE_LEN];

	if (s->help) {
		ui_keys_help(&scr_today_keys, have(s), _("Today"), ctl_company(s->c)->name);
		return;
	}
	erase();
	date_format(date_today(), today);
	snprintf(left, sizeof left, " cartera — %s", ctl_company(s->c)->name);
	snprintf(right, sizeof right, _("Today, %s"), today);
	ui_title(left, right);
	ui_put(1, 0, COLS, _("Activities due and overdue, promises falling due today, broken promises"),
	       0);
	listscr_draw(&s->ls, 2, LINES - 4, _("Nothing to do today."));
	ui_status_draw();
	ui_keys_bar(&scr_today_keys, have(s));
	dialog_draw(&s->dlg);
}

static int act_help(void *self, int key)
{
	today_scr *s = self;

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

static int act_done(void *self, int key)
{
	today_scr *s = self;

	(void)key;
	if (!choose(s))
		return SCR_STAY;
	dialog_prompt(&s->dlg, ASK_DONE, _("Activity done"), s->chosen.client, _("Note"), 190, "");
	return SCR_STAY;
}

static int act_move(void *self, int key)
{
	today_scr *s = self;

	(void)key;
	if (!choose(s))
		return SCR_STAY;
	dialog_prompt(&s->dlg, ASK_MOVE, _("Reschedule"), s->chosen.client, _("New date"), 10, "");
	return SCR_STAY;
}

static int act_promise(void *self, int key)
{
	today_scr *s = self;

	(void)key;
	if (!choose(s))
		return SCR_STAY;
	dialog_prompt(&s->dlg, ASK_PAMOUNT, _("Promise to pay"), s->chosen.client, _("Amount"), 24, "");
	return SCR_STAY;
}

static int act_client(void *self, int key)
{
	today_scr *s = self;
	ui_screen *sub;
	cart_err e;

	(void)key;
	if (!choose(s))
		return SCR_STAY;
	if (scr_dash_new(s->c, s->chosen.client_id, &sub, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	else
		ui_screen_push(sub);
	return SCR_STAY;
}

static int act_history(void *self, int key)
{
	today_scr *s = self;

	(void)key;
	if (choose(s))
		scr_history_push(s->c, s->chosen.client_id);
	return SCR_STAY;
}

static const ui_act today_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("Done"), UK_F(5), 'd', 0, UI_NEEDS_ACTIVITY,
	       N_("mark the selected activity done, with a note (kept in the client's history)"), act_done),
	UI_ACT(N_("Move"), UK_F(6), 'r', 0, UI_NEEDS_ACTIVITY,
	       N_("reschedule the selected activity to another day"), act_move),
	UI_ACT(N_("Promise"), UK_F(7), 'p', 0, UI_NEEDS_ROW,
	       N_("record the client's promise to pay: amount, date, by whom"), act_promise),
	UI_ACT(N_("Client"), UK_ENTER, 0, 0, UI_NEEDS_ROW, N_("the dashboard of the selected row's client"),
	       act_client),
	UI_ACT(N_("Back"), UK_F(10), 'q', UK_ESC, 0, N_("back to the screen before"), act_back),
	UI_ACT(NULL, UK_CTRL('y'), 0, 0, UI_NEEDS_ROW,
	       N_("the selected client's history: reminders, e-mails, letters, promises, calls"), act_history),
};
const ui_keymap scr_today_keys = UI_KEYMAP("today", 0, today_acts);

static int today_key(ui_screen *base, int key)
{
	today_scr *s = (today_scr *)base;
	int r;

	if (s->dlg.kind != DLG_NONE) {
		int tag = s->dlg.tag;

		r = dialog_key(&s->dlg, key);
		if (r == DLG_OK)
			answered(s, tag);
		return SCR_STAY;
	}
	return listscr_key(&s->ls, &scr_today_keys, s, have(s), &s->help, key);
}

static void today_resume(ui_screen *base)
{
	load((today_scr *)base);
}

static void today_free(ui_screen *base)
{
	today_scr *s = (today_scr *)base;

	dialog_free(&s->dlg);
	listscr_free(&s->ls);
	free(s);
}

int scr_today_new(ctl *c, ui_screen **out, cart_err *e)
{
	today_scr *s = calloc(1, sizeof *s);

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening today's list"));
	s->base = (ui_screen){ today_draw, today_key, today_resume, today_free, 0 };
	s->c = c;
	for (int i = 0; i < NCOLS; i++)
		cols[i].title = _(col_titles[i]);
	listscr_init(&s->ls, cols, NCOLS, -1, sizeof(today_row), cell, read_rows, s);
	load(s);
	*out = &s->base;
	return CART_OK;
}
