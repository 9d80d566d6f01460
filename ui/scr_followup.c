/* "Seguimiento" (SPEC F3, seed 004): the clients whose follow-up is due today — the level due,
 * what is overdue, the oldest due date, the next action and the responsible clerk — each ticked
 * to start with. Enter previews what the client would get; Space unticks; F9 processes the
 * ticked ones through the same controller as `cartera followup run` (ctl_followup.h), manual
 * levels included, since a clerk is doing it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "keymaps.h"
#include "listscr.h"
#include "scr_followup.h"
#include "scr_history.h"
#include "ui_int.h"

#include "cartera/date.h"
#include "cartera/ctl_followup.h"
#include "cartera/i18n.h"
#include "cartera/output.h"

enum { COL_TICK, COL_CLIENT, COL_LEVEL, COL_OVERDUE, COL_OLDEST, COL_NEXT, COL_RESP, NCOLS };
enum { ASK_PREVIEW = 1, ASK_RESULT };

static lv_col cols[NCOLS] = {
	[COL_TICK]    = { "", 3, 0, 0, 0 },
	[COL_CLIENT]  = { N_("Client"), 20, 0, 1, 0 },
	[COL_LEVEL]   = { N_("Level due"), 16, 0, 0, 0 },
	[COL_OVERDUE] = { N_("Overdue"), 14, 1, 0, 0 },
	[COL_OLDEST]  = { N_("Oldest"), 10, 0, 0, 0 },
	[COL_NEXT]    = { N_("Next"), 10, 0, 0, 0 },
	[COL_RESP]    = { N_("Resp."), 8, 0, 0, 0 },
};
static const char *const col_titles[NCOLS] = {
	"", N_("Client"), N_("Level due"), N_("Overdue"), N_("Oldest"), N_("Next"), N_("Resp."),
};

/* The list holds the clients due by id only, in name order, with their ticks; the rows on
 * screen are read again client by client (ctl_fu_status of one client) when the window moves,
 * so 10,000 clients due cost 9 bytes each, not a follow-up decision each. */
typedef struct fu_scr {
	ui_screen base;
	ctl *c;
	listscr ls;               /* fu_eval rows, the window on screen read from ids */
	int64_t *ids;
	char *ticked;
	size_t n, cap;
	char cellbuf[128];
	dialog dlg;
	int help;
} fu_scr;

static int take(const fu_eval *v, void *ud)
{
	fu_scr *s = ud;

	if (v->action != FU_DUE && v->action != FU_MANUAL)
		return 0;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		int64_t *n = realloc(s->ids, cap * sizeof *n);
		char *t = realloc(s->ticked, cap);

		if (n)
			s->ids = n;
		if (t)
			s->ticked = t;
		if (!n || !t)
			return 1;
		s->cap = cap;
	}
	s->ticked[s->n] = 1;
	s->ids[s->n++] = v->client_id;
	return 0;
}

static void load(fu_scr *s)
{
	cart_err e;

	s->n = 0;
	if (ctl_fu_status(s->c, 0, 1, take, s, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	listscr_set_rows(&s->ls, (long)s->n);
}

static int take_one(const fu_eval *v, void *ud)
{
	*(fu_eval *)ud = *v;
	return 1;
}

/* One client's row as it stands now. */
static int read_one(fu_scr *s, size_t k, fu_eval *v, cart_err *e)
{
	memset(v, 0, sizeof *v);
	v->client_id = s->ids[k];
	return ctl_fu_status(s->c, s->ids[k], 0, take_one, v, e);
}

static int read_rows(void *ud, long offset, int n, void *rows)
{
	fu_scr *s = ud;
	fu_eval *v = rows;
	cart_err e;

	for (int i = 0; i < n; i++)
		if (read_one(s, (size_t)offset + (size_t)i, &v[i], &e) != CART_OK) {
			ui_status(1, "%s", e.msg);
			return -1;
		}
	return n;
}

static const char *cell(void *ud, const void *row, long k, int col)
{
	fu_scr *s = ud;
	const fu_eval *v = row;

	switch (col) {
	case COL_TICK: return s->ticked[k] ? "[x]" : "[ ]";
	case COL_CLIENT: return v->client;
	case COL_LEVEL:
		snprintf(s->cellbuf, sizeof s->cellbuf, "%s%s", v->need,
		         v->action == FU_MANUAL ? " *" : "");
		return s->cellbuf;
	case COL_OVERDUE: {
		int64_t amt = 0;

		for (int j = 0; j < v->ncur; j++)
			if (!strcmp(v->cur[j].cur, ctl_company(s->c)->currency) || j == 0)
				amt = v->cur[j].overdue;
		money_format(amt, &ctl_company(s->c)->fmt, s->cellbuf, sizeof s->cellbuf);
		return s->cellbuf;
	}
	case COL_OLDEST:
		date_show(v->oldest_due, s->cellbuf, sizeof s->cellbuf);
		return s->cellbuf;
	case COL_NEXT:
		date_show(v->next_date, s->cellbuf, sizeof s->cellbuf);
		return s->cellbuf;
	default: return v->st.responsible;
	}
}

static int have(const fu_scr *s)
{
	return s->n ? UI_NEEDS_ROW : 0;
}

static void preview(fu_scr *s)
{
	fu_eval one, *v = &one;
	fu_preview *p = malloc(sizeof *p);
	char title[300];
	char *text = NULL;
	size_t len = 0;
	cart_err e;

	if (!p)
		return;
	if (read_one(s, (size_t)s->ls.lv.sel, v, &e) != CART_OK ||
	    ctl_fu_preview(s->c, v->client_id, v->need_id, p, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		free(p);
		return;
	}
	dialog_text_add(&text, &len, _("Subject: %s"), p->subject);
	dialog_text_add(&text, &len, "%s", "");
	dialog_text_add(&text, &len, "%s", p->text);
	snprintf(title, sizeof title, _("%s: %s"), v->client, v->need);
	dialog_message(&s->dlg, ASK_PREVIEW, title, text ? text : "");
	free(text);
	free(p);
}

static void process(fu_scr *s)
{
	int64_t *ids = malloc((s->n + 1) * sizeof *ids);
	ctl_fu_opts a;
	fu_result r;
	cart_err e;
	int n = 0;

	if (!ids)
		return;
	for (size_t i = 0; i < s->n; i++)
		if (s->ticked[i])
			ids[n++] = s->ids[i];
	if (!n) {
		ui_status(1, "%s", _("no client is ticked: Space ticks the selected one"));
		free(ids);
		return;
	}
	memset(&a, 0, sizeof a);
	a.manual = 1;
	a.only = ids;
	a.n_only = n;
	if (ctl_fu_run(s->c, &a, NULL, NULL, &r, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
	} else {
		char *text = NULL;
		size_t len = 0;

		dialog_text_add(&text, &len, _("%d clients processed: %d e-mails queued, %d letters, "
		                "%d SMS, %d activities, %d charges."), r.processed, r.mails, r.letters,
		                r.sms, r.activities, r.charges);
		if (r.letters_where[0])
			dialog_text_add(&text, &len, _("Letters written to %s"), r.letters_where);
		if (r.sms_note[0])
			dialog_text_add(&text, &len, "%s", r.sms_note);
		if (r.print_note[0])
			dialog_text_add(&text, &len, "%s", r.print_note);
		dialog_message(&s->dlg, ASK_RESULT, _("Follow-up processed"), text ? text : "");
		free(text);
		ui_status(0, _("%d clients processed."), r.processed);
	}
	free(ids);
	load(s);
}

static void fu_draw(ui_screen *base)
{
	fu_scr *s = (fu_scr *)base;
	char left[256], right[128], count[96];
	int ticked = 0;

	if (s->help) {
		ui_keys_help(&scr_followup_keys, have(s), _("Follow-up"), ctl_company(s->c)->name);
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", ctl_company(s->c)->name);
	{
		char today[DATE_LEN];

		date_format(date_today(), today);
		snprintf(right, sizeof right, _("Follow-up due %s"), today);
	}
	ui_title(left, right);
	for (size_t i = 0; i < s->n; i++)
		ticked += s->ticked[i];
	snprintf(count, sizeof count, _("%d of %ld clients ticked  (* a level by hand)"), ticked,
	         (long)s->n);
	ui_put(1, 0, COLS, count, 0);
	listscr_draw(&s->ls, 2, LINES - 4, _("No client needs a follow-up today."));
	ui_status_draw();
	ui_keys_bar(&scr_followup_keys, have(s));
	dialog_draw(&s->dlg);
}

static int act_help(void *self, int key)
{
	fu_scr *s = self;

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

static int act_tick(void *self, int key)
{
	fu_scr *s = self;

	(void)key;
	s->ticked[s->ls.lv.sel] = !s->ticked[s->ls.lv.sel];
	if (s->ls.lv.sel + 1 < (long)s->n)
		s->ls.lv.sel++;
	listview_scroll(&s->ls.lv);
	return SCR_STAY;
}

static int act_all(void *self, int key)
{
	fu_scr *s = self;
	int all = 1;

	(void)key;
	for (size_t i = 0; i < s->n; i++)
		all &= s->ticked[i];
	memset(s->ticked, !all, s->n);
	return SCR_STAY;
}

static int act_preview(void *self, int key)
{
	(void)key;
	preview(self);
	return SCR_STAY;
}

static int act_process(void *self, int key)
{
	(void)key;
	process(self);
	return SCR_STAY;
}

static int act_history(void *self, int key)
{
	fu_scr *s = self;

	(void)key;
	scr_history_push(s->c, s->ids[s->ls.lv.sel]);
	return SCR_STAY;
}

static const ui_act fu_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("Tick"), UK_F(2), ' ', 0, UI_NEEDS_ROW,
	       N_("Space: tick or untick the client (only ticked clients are processed)"), act_tick),
	UI_ACT(NULL, 't', 0, 0, UI_NEEDS_ROW, N_("tick every client, or none when all are ticked"),
	       act_all),
	UI_ACT(N_("Preview"), UK_ENTER, 'v', 0, UI_NEEDS_ROW,
	       N_("what the client would get: the e-mail or letter as it would go out"), act_preview),
	UI_ACT(N_("Process"), UK_F(9), UK_CTRL('s'), 0, UI_NEEDS_ROW,
	       N_("process the ticked clients: e-mails queued, letters written, history, next level"),
	       act_process),
	UI_ACT(N_("Back"), UK_F(10), 'q', UK_ESC, 0, N_("back to the screen before"), act_back),
	UI_ACT(NULL, UK_CTRL('y'), 0, 0, UI_NEEDS_ROW,
	       N_("the selected client's history: reminders, e-mails, letters, promises, calls"), act_history),
};
const ui_keymap scr_followup_keys = UI_KEYMAP("follow-up", 0, fu_acts);

static int fu_key(ui_screen *base, int key)
{
	fu_scr *s = (fu_scr *)base;

	if (s->dlg.kind != DLG_NONE) {
		dialog_key(&s->dlg, key);
		return SCR_STAY;
	}
	return listscr_key(&s->ls, &scr_followup_keys, s, have(s), &s->help, key);
}

static void fu_free(ui_screen *base)
{
	fu_scr *s = (fu_scr *)base;

	dialog_free(&s->dlg);
	free(s->ids);
	listscr_free(&s->ls);
	free(s->ticked);
	free(s);
}

int scr_followup_new(ctl *c, ui_screen **out, cart_err *e)
{
	fu_scr *s = calloc(1, sizeof *s);

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the follow-up"));
	s->base = (ui_screen){ fu_draw, fu_key, NULL, fu_free, 0 };
	s->c = c;
	for (int i = 1; i < NCOLS; i++)
		cols[i].title = _(col_titles[i]);
	listscr_init(&s->ls, cols, NCOLS, -1, sizeof(fu_eval), cell, read_rows, s);
	load(s);
	*out = &s->base;
	return CART_OK;
}
