/* The trend screen: the figures come once from trend_compute (the same as the report's), the bars
 * are drawn from them with block characters, longest for the month with most of the measure;
 * saving replays the report built from the same figures (rpt_trend_of) through rptview. */
#include "config.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymaps.h"
#include "rptview.h"
#include "scr_trend.h"
#include "ui_int.h"

#include "cartera/date.h"
#include "cartera/i18n.h"
#include "cartera/output.h"
#include "cartera/render.h"
#include "cartera/rpt_trend.h"

typedef struct trend_scr {
	ui_screen base;
	ctl *c;
	int64_t client_id;
	trend t;
	int measure;              /* enum trend_measure the bars show */
	rptview v;                /* the report, for saving */
	int help;
} trend_scr;

static void fig(const trend_scr *s, const trend_point *p, int m, char *buf, size_t size)
{
	int64_t v = trend_value(p, m);

	if (m == TREND_SHARE || m == TREND_DSO) {
		if (v < 0)
			snprintf(buf, size, "%s", "");
		else
			snprintf(buf, size, m == TREND_SHARE ? "%lld%%" : "%lld", (long long)v);
		return;
	}
	money_format(v, &ctl_company(s->c)->fmt, buf, size);
}

static void trend_draw(ui_screen *base)
{
	trend_scr *s = (trend_scr *)base;
	const char *block = !strcmp(nl_langinfo(CODESET), "UTF-8") ? "█" : "#";
	char left[256], right[256], buf[64], line[512], day[DATE_LEN];
	int y = 3, aw = 12;
	/* columns: month-end, open, overdue, %, DSO, collections, then the bar */
	static const int ms[] = { TREND_OPEN, TREND_OVERDUE, TREND_SHARE, TREND_DSO, TREND_COLLECTIONS };
	int w[] = { 0, aw, aw, 9, 5, aw };

	if (s->help) {
		ui_keys_help(&scr_trend_keys, 0, _("Trend"), ctl_company(s->c)->name);
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", ctl_company(s->c)->name);
	date_show(s->t.pts[0][s->t.months - 1].date, day, sizeof day);
	snprintf(right, sizeof right, _("Trend to %s"), day);
	ui_title(left, right);
	snprintf(line, sizeof line, _("%s — bars: %s (Tab: another measure)"),
	         s->client_id ? s->t.client_name : _("All clients"), trend_measure_name(s->measure));
	ui_put(1, 0, COLS, line, 0);
	for (int k = 0; k < s->t.ncur && y < LINES - 2; k++) {
		int64_t max = 0;
		int x, bw;

		ui_set_role(UR_HEADER);
		snprintf(line, sizeof line, "%-10s", s->t.cur[k]);
		ui_put(y, 0, 10, line, 0);
		x = 11;
		for (int i = 0; i < 5; i++) {
			/* "DSO" over its column: the days are said in the help and the report's note */
			ui_put(y, x, w[i + 1], ms[i] == TREND_DSO ? _("DSO") : trend_measure_name(ms[i]), 1);
			x += w[i + 1] + 1;
		}
		ui_set_role(UR_NORMAL);
		bw = COLS - x - 1;
		for (int i = 0; i < s->t.months; i++) {
			int64_t v = trend_value(&s->t.pts[k][i], s->measure);

			if (v > max)
				max = v;
		}
		y++;
		for (int i = 0; i < s->t.months && y < LINES - 2; i++, y++) {
			const trend_point *p = &s->t.pts[k][i];
			int64_t v = trend_value(p, s->measure);
			int n;

			date_show(p->date, day, sizeof day);
			ui_put(y, 0, 10, day, 0);
			x = 11;
			for (int j = 0; j < 5; j++) {
				fig(s, p, ms[j], buf, sizeof buf);
				if (ms[j] == s->measure)
					attr_set(A_BOLD, 0, NULL);
				ui_put(y, x, w[j + 1], buf, 1);
				attr_set(A_NORMAL, 0, NULL);
				x += w[j + 1] + 1;
			}
			/* the bar: a double for its length only, rounded to whole cells */
			n = max > 0 && v > 0 ? (int)((double)v / (double)max * bw + 0.5) : 0;
			if (bw > 0 && n > bw)
				n = bw;
			move(y, x);
			if (ui_has_colour())
				attr_set(A_NORMAL, s->measure == TREND_COLLECTIONS || s->measure == TREND_OPEN
				         ? ui_pair(UR_FRAME) : ui_pair(UR_ERROR), NULL);
			for (int j = 0; j < n; j++)
				addstr(block);
			attr_set(A_NORMAL, 0, NULL);
		}
		y++;
	}
	ui_status_draw();
	ui_keys_bar(&scr_trend_keys, 0);
	rptview_draw_dialog(&s->v);
}

static int act_back(void *self, int key)
{
	(void)self;
	(void)key;
	return SCR_CLOSE;
}

static int act_help(void *self, int key)
{
	trend_scr *s = self;

	(void)key;
	s->help = 1;
	return SCR_STAY;
}

static int act_measure(void *self, int key)
{
	trend_scr *s = self;

	s->measure = (s->measure + (key == UK_BTAB ? TREND_NMEASURES - 1 : 1)) % TREND_NMEASURES;
	return SCR_STAY;
}

static int save_as(trend_scr *s, int format)
{
	rptview_ask_save(&s->v, format, _("Save the trend"), "trend");
	return SCR_STAY;
}

static int act_pdf(void *self, int key)
{
	(void)key;
	return save_as(self, RND_PDF);
}

static int act_xlsx(void *self, int key)
{
	(void)key;
	return save_as(self, RND_XLSX);
}

static int act_text(void *self, int key)
{
	(void)key;
	return save_as(self, RND_TXT80);
}

static const ui_act trend_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("Measure"), UK_TAB, UK_BTAB, 0, 0,
	       N_("the next measure the bars show: open, overdue, % overdue, DSO, collections (Shift-Tab: back)"),
	       act_measure),
	UI_ACT(N_("PDF"), UK_F(5), 'd', 0, 0, N_("save the trend as a PDF file (the table and its bars)"),
	       act_pdf),
	UI_ACT(N_("XLSX"), UK_F(6), 'x', 0, 0, N_("save the trend as a spreadsheet with its charts"),
	       act_xlsx),
	UI_ACT(N_("Text"), UK_F(7), 't', 0, 0, N_("save the trend as plain text"), act_text),
	UI_ACT(N_("Back"), UK_F(10), 'q', UK_ESC, 0, N_("back to the screen before"), act_back),
};
const ui_keymap scr_trend_keys = UI_KEYMAP("trend", 0, trend_acts);

static int trend_key(ui_screen *base, int key)
{
	trend_scr *s = (trend_scr *)base;
	int r;

	if (rptview_dialog_key(&s->v, key))
		return SCR_STAY;
	if (s->help) {
		if (!ui_help_key(key) && ui_help_closes(key))
			s->help = 0;
		return SCR_STAY;
	}
	r = ui_keys_run(&scr_trend_keys, s, key, 0, 0);
	return r >= 0 ? r : SCR_STAY;
}

static void trend_free(ui_screen *base)
{
	trend_scr *s = (trend_scr *)base;

	rptview_free(&s->v);
	free(s);
}

int scr_trend_new(ctl *c, int64_t client_id, ui_screen **out, cart_err *e)
{
	trend_scr *s = calloc(1, sizeof *s);
	report *r;
	int rc;

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the trend"));
	s->base = (ui_screen){ trend_draw, trend_key, NULL, trend_free, 1 };
	s->c = c;
	s->client_id = client_id;
	s->measure = TREND_OVERDUE;
	rptview_init(&s->v, N_("Trend"));
	if ((rc = trend_compute(c, client_id, NULL, TREND_DEFAULT_MONTHS, &s->t, e)) == CART_OK) {
		r = rptview_begin(&s->v, ctl_company(c));
		rc = rptview_built(&s->v, rpt_trend_of(c, &s->t, r, e), 0);
	}
	if (rc != CART_OK) {
		rptview_free(&s->v);
		free(s);
		return rc;
	}
	*out = &s->base;
	return CART_OK;
}
