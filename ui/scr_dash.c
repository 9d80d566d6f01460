/* The dashboard (SPEC B1-B3, seed 001 "Gestión de Clientes"), the screen cartera opens on: the
 * four totals across the top (1-4 open their tabs), the tabs Clients, Transactions, Due,
 * Overdue, Credits and Quotes (Overdue first), each a list view over the dashboard controller
 * that reads only the rows on screen; and the actions on the selected row: receive a payment,
 * apply a credit, record a reminder, open that client's own dashboard, the client list. After
 * an action the totals and the tab are read again and the cursor stays on its row (or where it
 * was, when the row left the tab). Every figure comes from src/ctl/ctl_dash.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dialog.h"
#include "keymaps.h"
#include "listview.h"
#include "scr_clients.h"
#include "scr_dash.h"
#include "scr_followup.h"
#include "scr_history.h"
#include "scr_bank.h"
#include "scr_mail.h"
#include "agebar.h"
#include "scr_receipt.h"
#include "scr_reports.h"
#include "scr_invoice.h"
#include "scr_statement.h"
#include "scr_trend.h"
#include "screen.h"
#include "tabs.h"
#include "ui_int.h"

#include "cartera/ctl_dash.h"
#include "cartera/date.h"
#include "cartera/ctl_docs.h"
#include "cartera/ctl_void.h"
#include "cartera/i18n.h"
#include "cartera/output.h"

/* What the dialog up is for. */
enum { ASK_PAY = 1, ASK_REMIND, ASK_APPLY, ASK_DAYS, ASK_RANGE, ASK_QINVOICE, ASK_QREASON,
       ASK_QUIT, ASK_FINDDOC, ASK_VOID };

#define MAX_RANGES 10

typedef struct dash_scr {
	ui_screen base;
	ctl *c;
	ctl_dash v;
	listview lv;
	lv_col cols[CTLD_MAXCOLS];
	const ctld_col *dcols;
	tabs tb;
	ctld_row *page;          /* the rows on screen */
	int page_cap;
	ctld_row chosen;         /* the row the dialog up is about */
	dialog dlg;
	int help;
	int keep;                /* a document screen is open over the row chosen */
	char range_name[MAX_RANGES][32];
	const char *range_opt[MAX_RANGES];
	int nrange;
	ctl_agebar bar;          /* the aging bar under the totals (issue 19) */
	/* the rows in s->page were read for this window and these settings (issue 14: a cursor
	 * move within the window, a redraw, a dialog over the list read nothing) */
	struct {
		int valid, n, got, tab;
		long offset;
		int64_t seen;
		ctld_tabset set;
	} cache;
} dash_scr;

/* Are the rows in s->page those of the window offset..offset+n-1 as the tab stands now? */
static int cached(const dash_scr *s, long offset, int n)
{
	return s->cache.valid && s->cache.offset == offset && s->cache.n == n &&
	       s->cache.tab == s->v.tab && s->cache.seen == s->v.seen &&
	       !memcmp(&s->cache.set, &s->v.set[s->v.tab], sizeof s->cache.set);
}

static int fetch(void *ud, long offset, int n)
{
	dash_scr *s = ud;
	cart_err e;
	int got;

	if (cached(s, offset, n))
		return s->cache.got;
	s->cache.valid = 0;
	if (n > s->page_cap) {
		ctld_row *p = realloc(s->page, (size_t)n * sizeof *p);

		if (!p)
			return -1;
		s->page = p;
		s->page_cap = n;
	}
	if (ctl_dash_page(&s->v, offset, n, s->page, &got, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return -1;
	}
	s->cache.valid = 1;
	s->cache.offset = offset;
	s->cache.n = n;
	s->cache.got = got;
	s->cache.tab = s->v.tab;
	s->cache.seen = s->v.seen;
	s->cache.set = s->v.set[s->v.tab];
	return got;
}

static const char *cell(void *ud, int i, int col)
{
	return ((dash_scr *)ud)->page[i].cell[col];
}

static int is_item_tab(int tab);

/* The tab's count into the list: where it stopped when there are more (issue 14). */
static void set_rows(dash_scr *s)
{
	listview_set_rows(&s->lv, s->v.count);
	s->lv.more = s->v.more;
}

/* The cursor on the last row of a list counted up to the bound (End, or moved there): count
 * it all, once (600 ms at 1.8 M documents), and for End go on to the real last row. */
static void count_all(dash_scr *s, int end)
{
	cart_err e;

	if (ctl_dash_count_all(&s->v, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	set_rows(s);
	if (end && s->lv.rows > 0)
		s->lv.sel = s->lv.rows - 1;
	listview_scroll(&s->lv);
}

/* The list view of the tab on show, with the tab's own sort and filter. */
static void setup_tab(dash_scr *s)
{
	const ctld_tabset *set = &s->v.set[s->v.tab];
	unsigned optional = 0;
	int n, sort_col = -1;

	s->dcols = ctl_dash_columns(s->v.tab, &n);
	for (int i = 0; i < n && i < CTLD_MAXCOLS; i++) {
		const ctld_col *d = &s->dcols[i];

		s->cols[i] = (lv_col){ d->title, d->width, d->right, !strcmp(d->key, "client"),
		                       d->sort >= 0 };
		/* at 80 columns an item's own date gives way to the client's name (the due date
		 * and the days stay) */
		if (!strcmp(d->key, "date") && is_item_tab(s->v.tab))
			optional |= 1u << i;
		if (sort_col < 0 && d->sort == set->sort)
			sort_col = i;
	}
	listview_init(&s->lv, s->cols, n, sort_col);
	s->lv.optional = optional;
	s->lv.sort_desc = set->desc;
	snprintf(s->lv.filter, sizeof s->lv.filter, "%s", set->filter);
	set_rows(s);
	s->tb.cur = s->v.tab;
}

/* The filter or the sort changed in the list view: tell the controller, recount. */
static void requery(dash_scr *s)
{
	const ctld_tabset *set = &s->v.set[s->v.tab];
	cart_err e;
	int rc = CART_OK;

	if (strcmp(set->filter, s->lv.filter))
		rc = ctl_dash_filter(&s->v, s->lv.filter, &e);
	if (rc == CART_OK && s->lv.sort_col >= 0 &&
	    (s->dcols[s->lv.sort_col].sort != set->sort || s->lv.sort_desc != set->desc))
		rc = ctl_dash_sort(&s->v, s->dcols[s->lv.sort_col].key, s->lv.sort_desc, &e);
	if (rc != CART_OK)
		ui_status(1, "%s", e.msg);
	set_rows(s);
}

static void show_tab(dash_scr *s, int tab)
{
	cart_err e;

	if (ctl_dash_tab(&s->v, tab, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	setup_tab(s);
}

/* The selected row into s->chosen; 0 when there is none. */
static int selected(dash_scr *s)
{
	cart_err e;
	int got;

	if (s->lv.sel < 0)
		return 0;
	/* the rows on screen hold it (read for the last draw): nothing read again */
	if (cached(s, s->cache.offset, s->cache.n) && s->lv.sel >= s->cache.offset &&
	    s->lv.sel < s->cache.offset + s->cache.got) {
		s->chosen = s->page[s->lv.sel - s->cache.offset];
		return 1;
	}
	if (ctl_dash_page(&s->v, s->lv.sel, 1, &s->chosen, &got, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return 0;
	}
	return got == 1;
}

/* The text of row r's column `key` ("number", "client", "open"...), "" when the tab has none. */
static const char *col_text(const dash_scr *s, const ctld_row *r, const char *key)
{
	for (int i = 0; i < s->lv.ncols; i++)
		if (!strcmp(s->dcols[i].key, key))
			return r->cell[i];
	return "";
}

static int is_item_tab(int tab)
{
	return tab == DASH_DUE || tab == DASH_OVERDUE;
}

static int have(dash_scr *s)
{
	int h = s->base.nested ? UI_NEEDS_NESTED : UI_NEEDS_ROOT;

	if (s->lv.rows > 0)
		h |= UI_NEEDS_ROW;
	if (s->lv.filter[0])
		h |= UI_NEEDS_FILTER;
	if (s->lv.rows > 0 && is_item_tab(s->v.tab))
		h |= UI_NEEDS_ITEM;
	if (s->lv.rows > 0 && s->v.tab == DASH_CREDITS)
		h |= UI_NEEDS_CREDIT;
	if (s->lv.rows > 0 && s->v.tab == DASH_QUOTES)
		h |= UI_NEEDS_QUOTE;
	if (s->lv.rows > 0 && s->v.tab == DASH_TRANSACTIONS)
		h |= UI_NEEDS_DOC;
	return h;
}

/* After a posting: totals and tab again (unless just refreshed), the cursor on the same row if
 * it is still there. */
static void reload_(dash_scr *s, const ctld_row *keep, int refreshed)
{
	long sel = s->lv.sel;
	int64_t row = -1;
	cart_err e;

	s->cache.valid = 0;
	if (!refreshed && ctl_dash_refresh(&s->v, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	else if (ctl_agebar_load(s->c, s->v.client_id, s->v.today, &s->bar, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	set_rows(s);
	if (keep && ctl_dash_row_of(&s->v, keep, &row, &e) == CART_OK && row >= 0)
		sel = (long)row;
	if (sel >= s->lv.rows)
		sel = s->lv.rows - 1;
	s->lv.sel = sel;
	listview_scroll(&s->lv);
}

static void reload(dash_scr *s, const ctld_row *keep)
{
	reload_(s, keep, 0);
}

/* ---- drawing ---- */

/* The four totals in as many columns: "1 Overdue" and the count on the first row, then one row
 * per currency with its amount, every digit of it (an amount is never cut); the one whose tab is
 * shown in the selected attribute. Returns the rows it took. */
static int draw_totals(dash_scr *s, int y)
{
	int w = COLS / CTLD_NTOTALS, ncur = s->v.d.n > 1 ? s->v.d.n : 1;

	for (int t = 0; t < CTLD_NTOTALS; t++) {
		int x = t * w, cw = (t == CTLD_NTOTALS - 1 ? COLS - x : w) - 1;
		int on = ctl_dash_total_tab(t) == s->v.tab, nw;
		char key[4], amount[160], count[48];
		int64_t n = 0, sum = 0;

		for (int i = 0; i < ncur; i++) {
			ctl_dash_total_part(&s->v, t, i, amount, sizeof amount, &n);
			sum += n;
		}
		snprintf(count, sizeof count, "%lld", (long long)sum);
		nw = utf8_width(count);
		snprintf(key, sizeof key, "%d", t + 1);
		ui_set_role(UR_KEY);
		ui_put(y, x, 2, key, 0);
		if (nw >= cw - 6)
			nw = 0;        /* no room for the count beside the label */
		ui_set_role(on ? UR_SELECTED : UR_HEADER);
		ui_put(y, x + 2, cw - 2 - (nw ? nw + 1 : 0), ctl_dash_total_label(t), 0);
		if (nw)
			ui_put(y, x + cw - nw - 1, nw + 1, count, 1);
		for (int i = 0; i < ncur; i++) {
			int aw;

			/* due blue, overdue red, credits green (seed 001); the net plain */
			ui_set_role(t == 0 ? UR_DUE : t == 1 ? UR_OVERDUE : t == 2 ? UR_CREDIT : UR_NORMAL);
			ctl_dash_total_part(&s->v, t, i, amount, sizeof amount, &n);
			aw = utf8_width(amount);
			if (on)
				attr_on(A_BOLD, NULL);
			/* wider than its column (a narrow screen): it takes the blank to its left */
			if (aw > cw && x + cw - aw >= 0)
				ui_put(y + 1 + i, x + cw - aw, aw, amount, 1);
			else
				ui_put(y + 1 + i, x, cw, amount, 1);
			ui_set_role(UR_NORMAL);
		}
	}
	return 1 + ncur;
}

/* "Filter: text · 31-60 days · days 1-30" on the left, the row count on the right. */
static void draw_filter(dash_scr *s, int y)
{
	const ctld_tabset *set = &s->v.set[s->v.tab];
	char line[512], part[96], count[96];
	int cw;

	snprintf(line, sizeof line, _("Filter: %s"), s->lv.filter);
	if (set->range >= 0 && set->range < s->nrange) {
		snprintf(part, sizeof part, "  · %s", s->range_name[set->range + 1]);
		strncat(line, part, sizeof line - strlen(line) - 1);
	}
	if (set->has_min || set->has_max) {
		char lo[16] = "", hi[16] = "";

		if (set->has_min)
			snprintf(lo, sizeof lo, "%d", set->days_min);
		if (set->has_max)
			snprintf(hi, sizeof hi, "%d", set->days_max);
		snprintf(part, sizeof part, _("  · days %s–%s"), lo, hi);
		strncat(line, part, sizeof line - strlen(line) - 1);
	}
	if (!s->lv.rows && (s->lv.filter[0] || set->range >= 0 || set->has_min || set->has_max))
		strncat(line, _("  (nothing matches)"), sizeof line - strlen(line) - 1);
	listview_count_text(&s->lv, ctl_company(s->c)->fmt.thou_sep, count, sizeof count);
	cw = utf8_width(count);
	ui_put(y, 0, COLS - cw - 1, line, 0);
	ui_put(y, COLS - cw - 1, cw + 1, count, 1);
	/* the aging bar in the room the filter leaves: no line taken from the list at 80x24 */
	{
		int x0 = utf8_width(line) + 2, w = COLS - cw - 2 - x0;

		if (w >= 24)
			agebar_draw(&s->bar, y, x0, w);
	}
}

static void dash_draw(ui_screen *base)
{
	dash_scr *s = (dash_scr *)base;
	const lv_source src = { fetch, cell, s };
	char left[256], right[256], today[DATE_LEN];
	int y, changed = 0;
	cart_err e;

	if (s->help) {
		ui_keys_help(&scr_dash_keys, have(s), _("Dashboard"), ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
		return;
	}
	/* the rows are read again below: when another clerk posted, the totals and counts too */
	if (ctl_dash_sync(&s->v, &changed, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	else if (changed) {
		set_rows(s);
		listview_scroll(&s->lv);
	}
	erase();
	date_show(s->v.today, today, sizeof today);
	snprintf(left, sizeof left, " cartera — %s", ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
	if (s->v.client_id)
		snprintf(right, sizeof right, _("%s as of %s"), s->v.client_name, today);
	else
		snprintf(right, sizeof right, _("Dashboard as of %s"), today);
	ui_title(left, right);
	y = 1 + draw_totals(s, 1);
	for (int t = 0; t < s->tb.n; t++) {
		tabs_set_count(&s->tb, t, t == s->v.tab ? (long)s->v.count : -1);
		tabs_set_more(&s->tb, t, t == s->v.tab && s->v.more);
	}
	tabs_draw(&s->tb, y, 0, COLS, ctl_company(s->c)->fmt.thou_sep);
	if (listview_draw(&s->lv, &src, y + 2, 0, LINES - y - 4, COLS) < 0)
		ui_put(y + 3, 0, COLS, _("(the rows could not be read)"), 0);
	draw_filter(s, y + 1);     /* after the list: its count needs the list's height */
	ui_status_draw();
	ui_keys_bar(&scr_dash_keys, have(s));
	dialog_draw(&s->dlg);
}

/* ---- actions ---- */

/* The receipt form, the credit in favour applied, the credit note and opening balances
 * (scr_receipt.h): pushed over the dashboard; back here the totals and the tab are read again,
 * the cursor on the row it was on (dash_resume). */
enum { PUSH_PAY, PUSH_APPLY, PUSH_APPLY_ITEM, PUSH_RECEIPT, PUSH_CNOTE, PUSH_OPENING, PUSH_DNOTE };
static void push_doc(dash_scr *s, int which)
{
	ui_screen *sub = NULL;
	cart_err e;
	int rc;

	s->keep = which == PUSH_PAY || which == PUSH_APPLY || which == PUSH_APPLY_ITEM ||
	          which == PUSH_DNOTE;
	if (s->keep && !selected(s))
		return;
	if (which == PUSH_PAY)
		rc = scr_receipt_new(s->c, s->chosen.client_id, s->chosen.currency,
		                     col_text(s, &s->chosen, "number"), &sub, &e);
	else if (which == PUSH_APPLY_ITEM)
		rc = scr_apply_to_new(s->c, s->chosen.client_id, s->chosen.currency,
		                      col_text(s, &s->chosen, "number"), &sub, &e);
	else if (which == PUSH_APPLY)
		rc = scr_apply_new(s->c, s->chosen.client_id, s->chosen.currency,
		                   col_text(s, &s->chosen, "number"), &sub, &e);
	else if (which == PUSH_RECEIPT)
		rc = scr_receipt_new(s->c, s->v.client_id, "", NULL, &sub, &e);
	else if (which == PUSH_CNOTE)
		rc = scr_credit_note_new(s->c, s->v.client_id, &sub, &e);
	else if (which == PUSH_DNOTE)
		rc = scr_debit_note_new(s->c, s->chosen.client_id, col_text(s, &s->chosen, "number"),
		                        &sub, &e);
	else
		rc = scr_opening_new(s->c, &sub, &e);
	if (rc != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_screen_push(sub);
}

static void ask_remind(dash_scr *s)
{
	const char *number;
	char text[400];

	if (!selected(s))
		return;
	number = col_text(s, &s->chosen, "number");
	snprintf(text, sizeof text, _("A reminder to %s%s%s, recorded in the client's history."),
	         col_text(s, &s->chosen, "client"), number[0] ? " — " : "", number);
	dialog_prompt(&s->dlg, ASK_REMIND, _("Send a reminder"), text, _("Note"), 200, "");
}

/* The client's history screen (scr_history.c) of the selected row's client. */
static void show_history(dash_scr *s)
{
	if (selected(s))
		scr_history_push(s->c, s->chosen.client_id);
}

/* Void the selected document: what it reverses first, with the reason asked under it. */
static void ask_void(dash_scr *s)
{
	char text[600];
	cart_err e;

	if (!selected(s))
		return;
	if (ctl_void_preview(s->c, col_text(s, &s->chosen, "number"), text, sizeof text, &e)
	    != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	dialog_prompt(&s->dlg, ASK_VOID, _("Void a document"), text, _("Reason"), 200, "");
}

static void void_doc(dash_scr *s)
{
	char why[256];
	const char *number = col_text(s, &s->chosen, "number");
	posted out;
	cart_err e;

	dialog_answer_text(&s->dlg, why, sizeof why);
	if (!why[0]) {
		ui_status(1, _("no reason given: %s was not voided"), number);
		return;
	}
	if (ctl_void(s->c, number, NULL, why, &out, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, _("%s voided by %s."), number, out.number);
	reload(s, &s->chosen);
}

static void remind(dash_scr *s)
{
	char note[256];
	hist_entry h;
	cart_err e;

	dialog_answer_text(&s->dlg, note, sizeof note);
	if (ctl_dash_remind(&s->v, &s->chosen, note, &h, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, _("Reminder recorded for %s."), col_text(s, &s->chosen, "client"));
	reload(s, &s->chosen);
}

static void ask_days(dash_scr *s)
{
	dialog_prompt(&s->dlg, ASK_DAYS, _("Days overdue"),
	              _("From-to days overdue: 1-30, 90- (90 or more), -15 (up to 15); empty for all."),
	              _("Days"), 20, "");
}

/* "A-B", "A-", "-B", "A" (exactly A) or "" (all). */
static void days(dash_scr *s)
{
	char t[48], *dash, *end;
	int has_min = 0, has_max = 0;
	long min = 0, max = 0;
	cart_err e;

	dialog_answer_text(&s->dlg, t, sizeof t);
	dash = strchr(t + (t[0] == '-' && !strchr(t + 1, '-') ? 0 : 1), '-');
	if (t[0]) {
		if (dash)
			*dash = '\0';
		if (t[0]) {
			min = strtol(t, &end, 10);
			has_min = 1;
			if (*end)
				goto bad;
		}
		if (dash && dash[1]) {
			max = strtol(dash + 1, &end, 10);
			has_max = 1;
			if (*end)
				goto bad;
		} else if (!dash) {
			max = min;
			has_max = 1;
		}
	}
	if (ctl_dash_days(&s->v, has_min, (int)min, has_max, (int)max, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	set_rows(s);
	return;
bad:
	ui_status(1, _("days \"%s\": write them like 1-30, 90- or -15"), t);
}

static void ask_range(dash_scr *s)
{
	const company *co = ctl_company(s->c);
	int lo = 1;

	s->nrange = 0;
	snprintf(s->range_name[s->nrange++], 32, "%s", _("all"));
	snprintf(s->range_name[s->nrange++], 32, "%s", _("not yet due"));
	for (int i = 0; i < co->n_ranges && s->nrange < MAX_RANGES - 1; i++) {
		snprintf(s->range_name[s->nrange++], 32, _("%d–%d days"), lo, co->ranges[i]);
		lo = co->ranges[i] + 1;
	}
	snprintf(s->range_name[s->nrange++], 32, _("over %d days"), lo - 1);
	for (int i = 0; i < s->nrange; i++)
		s->range_opt[i] = s->range_name[i];
	dialog_choose(&s->dlg, ASK_RANGE, _("Aging range"), _("Show the rows of one aging range:"),
	              s->range_opt, s->nrange, s->v.set[s->v.tab].range + 1);
}

static void range(dash_scr *s)
{
	cart_err e;

	if (ctl_dash_range(&s->v, s->dlg.sel - 1, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	set_rows(s);
}

/* ---- quotes: accept, reject, make an invoice of one ---- */

static void quote_status(dash_scr *s, int status)
{
	const char *number;
	cart_err e;

	if (!selected(s))
		return;
	number = col_text(s, &s->chosen, "number");
	if (ctl_quote_set_status(s->c, number, status, s->v.today, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, status == QUOTE_ACCEPTED ? _("%s marked accepted.") : _("%s marked rejected."),
	          number);
	reload(s, &s->chosen);
}

static void ask_quote_invoice(dash_scr *s)
{
	char text[400];

	if (!selected(s))
		return;
	snprintf(text, sizeof text, _("Make an invoice of %s for %s, dated %s?"),
	         col_text(s, &s->chosen, "number"), col_text(s, &s->chosen, "client"), s->v.today);
	dialog_confirm(&s->dlg, ASK_QINVOICE, _("Invoice a quote"), text);
}

/* The quote becomes an invoice; over the credit limit or with overdue debt the clerk gives
 * the reason first (reason "" asks for it when the check needs one). */
static void quote_invoice(dash_scr *s, const char *reason)
{
	const char *number = col_text(s, &s->chosen, "number");
	ctl_credit cr;
	posted out;
	cart_err e;

	if (!reason[0]) {
		if (ctl_quote_credit(s->c, number, s->v.today, &cr, &e) != CART_OK) {
			ui_status(1, "%s", e.msg);
			return;
		}
		if (cr.needs_override) {
			dialog_prompt(&s->dlg, ASK_QREASON, _("Credit check"), cr.warning,
			              _("Reason"), 90, "");
			return;
		}
	}
	if (ctl_quote_invoice(s->c, number, s->v.today, "", reason, &out, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, _("%s posted from quote %s."), out.number, number);
	reload(s, &s->chosen);
}

static void answered(dash_scr *s, int tag, int r)
{
	if (r == DLG_CANCEL) {
		ui_status(0, "%s", "");
		return;
	}
	switch (tag) {
	case ASK_REMIND: remind(s); break;
	case ASK_VOID: void_doc(s); break;
	case ASK_DAYS: days(s); break;
	case ASK_RANGE: range(s); break;
	case ASK_QINVOICE: quote_invoice(s, ""); break;
	case ASK_FINDDOC: {
		char number[64];

		dialog_answer_text(&s->dlg, number, sizeof number);
		scr_document_find(s->c, number);
		break;
	}
	case ASK_QREASON: {
		char why[128];

		dialog_answer_text(&s->dlg, why, sizeof why);
		if (why[0])
			quote_invoice(s, why);
		else
			ui_status(1, "%s", _("no reason given: the quote was not invoiced"));
		break;
	}
	default: break;
	}
}

static void open_client(dash_scr *s)
{
	ui_screen *sub;
	cart_err e;

	if (!selected(s))
		return;
	if (scr_dash_new(s->c, s->chosen.client_id, &sub, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_screen_push(sub);
}

static void open_clients(dash_scr *s)
{
	ui_screen *sub;
	cart_err e;

	if (scr_clients_new(s->c, &sub, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_screen_push(sub);
}

/* The invoice or quote entry screen, for this dashboard's client when it is one client's. */
static void open_document(dash_scr *s, int quote)
{
	ui_screen *sub;
	cart_err e;

	if (scr_invoice_new(s->c, s->v.client_id, quote, &sub, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_screen_push(sub);
}

/* ---- the dashboard's keys ---- */

static int act_help(void *self, int key)
{
	dash_scr *s = self;

	(void)key;
	s->help = 1;
	return SCR_STAY;
}

static int act_quit(void *self, int key)
{
	dash_scr *s = self;

	(void)key;
	dialog_confirm(&s->dlg, ASK_QUIT, _("Leave cartera"), _("Leave cartera?"));
	return SCR_STAY;
}

static int act_back(void *self, int key)
{
	(void)self;
	(void)key;
	return SCR_CLOSE;
}

static int act_client(void *self, int key)
{
	dash_scr *s = self;

	(void)key;
	if (!s->v.client_id)      /* else already this client's */
		open_client(s);
	return SCR_STAY;
}

static int act_clients(void *self, int key)
{
	(void)key;
	open_clients(self);
	return SCR_STAY;
}

static int act_apply(void *self, int key)
{
	(void)key;
	push_doc(self, PUSH_APPLY);
	return SCR_STAY;
}

static int act_pay(void *self, int key)
{
	(void)key;
	push_doc(self, PUSH_PAY);
	return SCR_STAY;
}

static int act_apply_item(void *self, int key)
{
	(void)key;
	push_doc(self, PUSH_APPLY_ITEM);
	return SCR_STAY;
}

static int act_receipt(void *self, int key)
{
	(void)key;
	push_doc(self, PUSH_RECEIPT);
	return SCR_STAY;
}

static int act_cnote(void *self, int key)
{
	(void)key;
	push_doc(self, PUSH_CNOTE);
	return SCR_STAY;
}

static int act_dnote(void *self, int key)
{
	(void)key;
	push_doc(self, PUSH_DNOTE);
	return SCR_STAY;
}

static int act_opening(void *self, int key)
{
	(void)key;
	push_doc(self, PUSH_OPENING);
	return SCR_STAY;
}

static int act_remind(void *self, int key)
{
	(void)key;
	ask_remind(self);
	return SCR_STAY;
}

static int act_qinvoice(void *self, int key)
{
	(void)key;
	ask_quote_invoice(self);
	return SCR_STAY;
}

static int act_qaccept(void *self, int key)
{
	(void)key;
	quote_status(self, QUOTE_ACCEPTED);
	return SCR_STAY;
}

static int act_qreject(void *self, int key)
{
	(void)key;
	quote_status(self, QUOTE_REJECTED);
	return SCR_STAY;
}

static int act_days(void *self, int key)
{
	(void)key;
	ask_days(self);
	return SCR_STAY;
}

static int act_range(void *self, int key)
{
	(void)key;
	ask_range(self);
	return SCR_STAY;
}

/* Alt-1 to Alt-4: the totals (digits type into the filter, like letters) */
static int act_total(void *self, int key)
{
	dash_scr *s = self;
	int t = ctl_dash_key_total(uk_alt_char(key));

	if (t >= 0)
		show_tab(s, ctl_dash_total_tab(t));
	return SCR_STAY;
}

static int act_invoice(void *self, int key)
{
	(void)key;
	open_document(self, 0);
	return SCR_STAY;
}

static int act_quote(void *self, int key)
{
	(void)key;
	open_document(self, 1);
	return SCR_STAY;
}

/* Tab and S-Tab, Right and Left: the tabs (their ] and [ type into the filter here) */
static int act_tab(void *self, int key)
{
	dash_scr *s = self;

	if (tabs_handle_key(&s->tb, key) == TABS_CHANGED)
		show_tab(s, s->tb.cur);
	return SCR_STAY;
}

/* the statement of the row's client; the row's document shown or printed (scr_statement.c) */
static int act_statement(void *self, int key)
{
	dash_scr *s = self;
	ui_screen *sub;
	cart_err e;

	(void)key;
	if (!selected(s))
		return SCR_STAY;
	if (scr_statement_new(s->c, s->chosen.client_id, NULL, &sub, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	else
		ui_screen_push(sub);
	return SCR_STAY;
}

static int act_printdoc(void *self, int key)
{
	dash_scr *s = self;
	char msg[1400];

	(void)key;
	if (!selected(s))
		return SCR_STAY;
	if (!s->chosen.doc_id)
		ui_status(1, "%s", _("this row has no document to print (a client's row)"));
	else
		scr_print_outcome(&s->dlg, scr_print_document(s->c, s->chosen.doc_id, msg, sizeof msg),
		                  msg);
	return SCR_STAY;
}

static int act_showdoc(void *self, int key)
{
	dash_scr *s = self;

	(void)key;
	if (!selected(s))
		return SCR_STAY;
	if (!s->chosen.doc_id)
		ui_status(1, "%s", _("this row has no document to show (a client's row)"));
	else
		scr_document_push(s->c, s->chosen.doc_id);
	return SCR_STAY;
}

/* the aging of every client; the follow-up and the audit of this client on a client's dashboard */
static int act_aging(void *self, int key)
{
	dash_scr *s = self;

	(void)key;
	scr_reports_push(s->c, SCR_RPT_AGING, 0, NULL);
	return SCR_STAY;
}

static int act_followup(void *self, int key)
{
	dash_scr *s = self;

	(void)key;
	scr_reports_push(s->c, SCR_RPT_FOLLOWUP, s->v.client_id, NULL);
	return SCR_STAY;
}

static int act_audit(void *self, int key)
{
	dash_scr *s = self;

	(void)key;
	scr_reports_push(s->c, SCR_RPT_AUDIT, s->v.client_id, NULL);
	return SCR_STAY;
}

/* a document's row: the document; the Clients tab: the client's statement */
static int act_dmail(void *self, int key)
{
	dash_scr *s = self;

	(void)key;
	if (selected(s)) {
		if (s->v.tab != DASH_CLIENTS && s->chosen.doc_id)
			scr_mail_document(s->c, s->chosen.doc_id);
		else
			scr_mail_statement(s->c, s->chosen.client_id, NULL);
	}
	return SCR_STAY;
}

static int act_outbox(void *self, int key)
{
	dash_scr *s = self;

	(void)key;
	scr_outbox_push(s->c);
	return SCR_STAY;
}

static int act_templates(void *self, int key)
{
	dash_scr *s = self;

	(void)key;
	scr_mail_templates_push(s->c);
	return SCR_STAY;
}

static int act_finddoc(void *self, int key)
{
	dash_scr *s = self;

	(void)key;
	scr_document_ask(&s->dlg, ASK_FINDDOC);
	return SCR_STAY;
}

/* A screen over the dashboard, or the message why it could not open. */
static int push_or_say(int rc, ui_screen *sub, const cart_err *e)
{
	if (rc != CART_OK)
		ui_status(1, "%s", e->msg);
	else
		ui_screen_push(sub);
	return SCR_STAY;
}

static int act_follow_scr(void *self, int key)
{
	dash_scr *s = self;
	ui_screen *sub = NULL;
	cart_err e;
	int rc;

	(void)key;
	rc = scr_followup_new(s->c, &sub, &e);
	return push_or_say(rc, sub, &e);
}

static int act_today_scr(void *self, int key)
{
	dash_scr *s = self;
	ui_screen *sub = NULL;
	cart_err e;
	int rc;

	(void)key;
	rc = scr_today_new(s->c, &sub, &e);
	return push_or_say(rc, sub, &e);
}

static int act_bank_scr(void *self, int key)
{
	dash_scr *s = self;
	ui_screen *sub = NULL;
	cart_err e;
	int rc;

	(void)key;
	rc = scr_bank_new(s->c, &sub, &e);
	return push_or_say(rc, sub, &e);
}

static int act_trend_scr(void *self, int key)
{
	dash_scr *s = self;
	ui_screen *sub = NULL;
	cart_err e;
	int rc;

	(void)key;
	rc = scr_trend_new(s->c, s->v.client_id, &sub, &e);
	return push_or_say(rc, sub, &e);
}

static int act_void(void *self, int key)
{
	(void)key;
	ask_void(self);
	return SCR_STAY;
}

static int act_history(void *self, int key)
{
	(void)key;
	show_history(self);
	return SCR_STAY;
}

/* A searched list: printable characters type into the filter, so every command is an F-key,
 * Enter, an arrow, a Ctrl or an Alt key. */
static const ui_act dash_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), UK_ALT('?'), 0, 0, N_("this help: every key of the screen"),
	       act_help),
	UI_USE(listview_acts[LVA_SORT]),
	UI_USE(listview_acts[LVA_CLEAR]),
	UI_ACT(N_("Quit"), UK_F(10), UK_ESC, 0, UI_NEEDS_ROOT,
	       N_("leave cartera (asks first; Esc clears a typed filter first)"), act_quit),
	UI_ACT(N_("Back"), UK_F(10), UK_ESC, 0, UI_NEEDS_NESTED,
	       N_("back to the screen before (Esc clears a typed filter first)"), act_back),
	UI_ACT(N_("Client"), UK_ENTER, 0, 0, UI_NEEDS_ROW,
	       N_("the dashboard of the selected row's client alone"), act_client),
	UI_ACT(N_("Clients"), UK_F(3), UK_ALT('c'), 0, 0,
	       N_("the client list: find, add and correct clients, import and export them"), act_clients),
	UI_ACT(N_("Apply"), UK_F(4), UK_ALT('a'), 0, UI_NEEDS_CREDIT,
	       N_("apply the selected credit in favour to the client's oldest open invoices"), act_apply),
	UI_ACT(N_("Pay"), UK_F(5), UK_ALT('p'), 0, UI_NEEDS_ITEM,
	       N_("receive a payment for the selected document: the receipt form, it marked"), act_pay),
	UI_ACT(N_("Remind"), UK_F(7), UK_ALT('r'), 0, UI_NEEDS_ROW,
	       N_("record a reminder to the selected row's client in the client's history"), act_remind),
	/* the Quotes tab */
	UI_ACT(N_("Invoice it"), UK_ALT('v'), 0, 0, UI_NEEDS_QUOTE,
	       N_("make an invoice of the selected quote in one step (asks first; the credit check applies)"),
	       act_qinvoice),
	UI_ACT(NULL, UK_ALT('k'), 0, 0, UI_NEEDS_QUOTE, N_("mark the selected quote accepted by the client"),
	       act_qaccept),
	UI_ACT(NULL, UK_ALT('x'), 0, 0, UI_NEEDS_QUOTE, N_("mark the selected quote rejected by the client"),
	       act_qreject),
	UI_ACT(NULL, UK_F(9), UK_ALT('d'), 0, 0, N_("filter by days overdue: 1-30, 90- or -15"), act_days),
	UI_ACT(NULL, UK_F(2), UK_ALT('g'), 0, 0,
	       N_("show one aging range: not yet due, 1-30, 31-60... (the company's ranges)"), act_range),
	UI_ACT(NULL, UK_ALT('1'), UK_ALT('2'), UK_ALT('3'), 0,
	       N_("Alt-1 to Alt-4: the tab of a total (due, overdue, credits, net: the clients)"), act_total),
	/* new documents (scr_invoice.c) */
	UI_ACT(N_("Invoice"), UK_F(11), UK_ALT('i'), 0, 0,
	       N_("a new invoice (this client's, on one client's dashboard)"), act_invoice),
	UI_ACT(N_("Quote"), UK_F(12), UK_ALT('o'), 0, 0,
	       N_("a new quote (this client's, on one client's dashboard)"), act_quote),
	UI_USE(listview_acts[LVA_UP]), UI_USE(listview_acts[LVA_DOWN]),
	UI_USE(listview_acts[LVA_PGUP]), UI_USE(listview_acts[LVA_PGDN]),
	UI_USE(listview_acts[LVA_HOME]), UI_USE(listview_acts[LVA_END]),
	UI_USE(listview_acts[LVA_ERASE]),
	UI_ACT(N_("Next tab"), UK_TAB, UK_RIGHT, 0, 0, N_("the next tab (1 to 9 go straight to a tab)"),
	       act_tab),
	UI_ACT(NULL, UK_BTAB, UK_LEFT, 0, 0, N_("the previous tab"), act_tab),
	/* the statement of one client, a document shown or printed (scr_statement.c) */
	UI_ACT(N_("Statement"), UK_ALT('s'), 0, 0, UI_NEEDS_ROW,
	       N_("the statement of the selected row's client: filter it, save it as PDF or XLSX, print it"),
	       act_statement),
	UI_ACT(N_("Print"), UK_ALT('P'), 0, 0, UI_NEEDS_ROW,
	       N_("print the selected row's document (its PDF, through the spooler lp)"), act_printdoc),
	UI_ACT(NULL, UK_ALT('D'), 0, 0, UI_NEEDS_ROW,
	       N_("the selected row's document on screen: save it as PDF, XLSX or text, print it"),
	       act_showdoc),
	UI_ACT(NULL, UK_ALT('A'), 0, 0, 0,
	       N_("the aging report: every client, a column per range, the proof"), act_aging),
	UI_ACT(NULL, UK_ALT('F'), 0, 0, 0,
	       N_("the follow-up report (of this client on a client's screen)"), act_followup),
	UI_ACT(NULL, UK_ALT('U'), 0, 0, 0,
	       N_("the audit trail: who did what, when (of this client on a client's screen)"), act_audit),
	/* documents (scr_receipt.c, scr_credit_note.c, scr_opening.c) */
	UI_ACT(NULL, UK_ALT('R'), 0, 0, 0, N_("a new receipt: pick the client, then mark what it pays"),
	       act_receipt),
	UI_ACT(NULL, UK_ALT('N'), 0, 0, 0, N_("a credit note against one open invoice, or on account"),
	       act_cnote),
	UI_ACT(NULL, UK_ALT('E'), 0, 0, UI_NEEDS_ROW,
	       N_("a debit note amending the selected row's invoice"), act_dnote),
	UI_ACT(NULL, UK_ALT('O'), 0, 0, 0,
	       N_("opening balances: one balance per client, or its open items; CSV import"), act_opening),
	/* mail (scr_mail.c) */
	UI_ACT(NULL, UK_ALT('m'), 0, 0, UI_NEEDS_ROW,
	       N_("e-mail the selected row: its document, or the client's statement"), act_dmail),
	UI_ACT(NULL, UK_ALT('M'), 0, 0, 0,
	       N_("the outbox: messages waiting, failed (with the error) and sent"), act_outbox),
	UI_ACT(NULL, UK_ALT('T'), 0, 0, 0,
	       N_("the company's mail templates: subject and body per language"), act_templates),
	/* the follow-up screens (scr_followup.c, scr_today.c), the bank lines (scr_bank.c) */
	UI_ACT(NULL, UK_ALT('b'), 0, 0, 0,
	       N_("find a document by its number (FAC-000123, or its legal number) and show it"),
	       act_finddoc),
	UI_ACT(NULL, UK_ALT('W'), 0, 0, 0,
	       N_("Seguimiento: the clients whose follow-up is due today; preview and process them"),
	       act_follow_scr),
	UI_ACT(NULL, UK_ALT('H'), 0, 0, 0,
	       N_("Hoy: today's calls and visits, promises to pay falling due and broken"), act_today_scr),
	UI_ACT(NULL, UK_ALT('B'), 0, 0, 0,
	       N_("Banco: the bank statement's lines, matched to clients; accept them as receipts"),
	       act_bank_scr),
	/* issue 14's actions on the rows: Ctrl keys, so typing in the filter never fires them */
	UI_ACT(N_("Void"), UK_CTRL('x'), 0, 0, UI_NEEDS_DOC,
	       N_("void the selected document: what it reverses first, then the reason; both stay"),
	       act_void),
	UI_ACT(NULL, UK_CTRL('y'), 0, 0, UI_NEEDS_ROW,
	       N_("the selected row's client's history: reminders, e-mails, letters, promises, calls"),
	       act_history),
	UI_ACT(NULL, UK_CTRL('a'), 0, 0, UI_NEEDS_ITEM,
	       N_("pay the selected document with the client's credits in favour, oldest first"),
	       act_apply_item),
	/* the trend (scr_trend.c) */
	UI_ACT(NULL, UK_CTRL('t'), 0, 0, 0,
	       N_("Ctrl-T: Tendencia, the trend of the last 12 month-ends (this client's on one client's dashboard)"),
	       act_trend_scr),
};
const ui_keymap scr_dash_keys = UI_KEYMAP("dashboard", UI_KM_SEARCHED | UI_KM_TABS, dash_acts);

static int on_key(ui_screen *base, int key)
{
	dash_scr *s = (dash_scr *)base;
	int r;

	if (s->dlg.kind != DLG_NONE) {
		int tag = s->dlg.tag;

		r = dialog_key(&s->dlg, key);
		if (tag == ASK_QUIT && r == DLG_OK)
			return SCR_QUIT;
		if (r != DLG_OPEN && !(r & DLG_REQUERY))
			answered(s, tag, r);
		return SCR_STAY;
	}
	if (s->help) {
		if (!ui_help_key(key) && ui_help_closes(key))
			s->help = 0;
		return SCR_STAY;
	}
	/* Alt-4 too, beside the three keys its line names */
	if (ctl_dash_key_total(uk_alt_char(key)) >= 0)
		return act_total(s, key);
	/* Esc clears a typed filter before it goes back or asks to leave */
	if (key == UK_ESC && s->lv.filter[0]) {
		s->lv.filter[0] = '\0';
		s->lv.sel = s->lv.top = 0;
		requery(s);
		return SCR_STAY;
	}
	r = ui_keys_run(&scr_dash_keys, s, key, have(s), s->lv.filter[0] != '\0');
	if (r >= 0)
		return r;
	if (r != UI_REFUSED) {
		if (listview_handle_key(&s->lv, key) & LV_REQUERY)
			requery(s);
		else if (s->v.more && s->lv.rows > 0 && s->lv.sel >= s->lv.rows - 1)
			count_all(s, key == UK_END);
	}
	return SCR_STAY;
}

static void dash_resume(ui_screen *base)
{
	dash_scr *s = (dash_scr *)base;
	int changed = 0, keep = s->keep, refreshed = 1;
	cart_err e;

	s->keep = 0;
	/* nothing written while the screen above was up (a statement read, a form left): the
	 * totals, the tab and the cursor are as they were, and nothing is read again (issue 14:
	 * 76 ms at 50,000 clients); the sync has read the totals again when something was */
	if (ctl_dash_sync(&s->v, &changed, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		refreshed = 0;
	} else if (!changed) {
		return;
	}
	/* after a receipt or a credit applied: the row it was opened on */
	if (keep)
		reload_(s, &s->chosen, refreshed);
	else
		reload_(s, selected(s) ? &s->chosen : NULL, refreshed);
}

static void dash_free(ui_screen *base)
{
	dash_scr *s = (dash_scr *)base;

	dialog_free(&s->dlg);
	free(s->page);
	free(s);
}

int scr_dash_new(ctl *c, int64_t client_id, ui_screen **out, cart_err *e)
{
	dash_scr *s = calloc(1, sizeof *s);

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the dashboard"));
	s->base = (ui_screen){ dash_draw, on_key, dash_resume, dash_free, 0 };
	s->c = c;
	if (ctl_dash_open(&s->v, c, client_id, NULL, e) != CART_OK ||
	    ctl_agebar_load(c, client_id, s->v.today, &s->bar, e) != CART_OK) {
		free(s);
		return e->code;
	}
	s->v.people = 1;
	s->v.bound = CTLD_COUNT_BOUND; /* a filtered Transactions tab counts up to 1.000 */
	tabs_init(&s->tb);
	for (int t = 0; t < DASH_NTABS; t++)
		tabs_add(&s->tb, ctl_dash_tab_label(t), -1);
	ask_range(s);                  /* the range names, for the filter line */
	dialog_free(&s->dlg);
	setup_tab(s);
	*out = &s->base;
	return CART_OK;
}
