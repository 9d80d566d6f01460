/* The client list (SPEC C3): name, tax id, phone and balance of every client, filtered as the
 * clerk types and sorted by column; Enter shows the selected client read-only in a window with
 * tabs (its record and totals, its open items due, overdue and in its favour), F2 / n opens the
 * client form for a new client and F4 / e for the selected one (scr_client_form.c), F3 / g finds
 * a client with the pick dialog, F5 / i and F7 / x import and export clients as CSV (C5). The
 * screen keeps only the rows on screen; the controllers do the rest. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "keymaps.h"
#include "listview.h"
#include "scr_clients.h"
#include "scr_reports.h"
#include "scr_client_form.h"
#include "scr_history.h"
#include "scr_statement.h"
#include "tabs.h"
#include "ui_int.h"

#include "cartera/csvclient.h"
#include "cartera/ctl_clients.h"
#include "cartera/i18n.h"
#include "cartera/output.h"

enum { COL_NAME, COL_TAXID, COL_PHONE, COL_BALANCE };

static const lv_col cols[] = {
	[COL_NAME]    = { N_("Name"), 20, 0, 1, 1 },
	[COL_TAXID]   = { N_("Tax id"), 16, 0, 0, 1 },
	[COL_PHONE]   = { N_("Phone"), 14, 0, 0, 1 },
	[COL_BALANCE] = { N_("Balance"), 16, 1, 0, 0 },
};

/* The detail window's open items. */
static const lv_col item_cols[] = {
	{ N_("Document"), 14, 0, 1, 0 },
	{ N_("Date"), 10, 0, 0, 0 },
	{ NC_("column", "Due"), 10, 0, 0, 0 },
	{ N_("Days"), 5, 1, 0, 0 },       /* overdue */
	{ N_("Amount"), 14, 1, 0, 0 },
	{ NC_("column", "Open"), 14, 1, 0, 0 },
};

/* The sortable columns in the controller's terms. */
static const int sort_of[] = { CTLC_BY_NAME, CTLC_BY_TAXID, CTLC_BY_PHONE, CTLC_BY_NAME };

enum mode { M_LIST, M_DETAIL, M_HELP, M_FORM };
/* What the dialog up is for. */
enum { ASK_GOTO = 1, ASK_IMPORT, ASK_EXPORT, ASK_EXPORT_EXISTS, ASK_RESULT, ASK_FINDDOC };

typedef struct scr {
	ui_screen base;        /* first: the screen stack holds it */
	ctl *c;
	ctl_clients v;
	listview lv;
	ctlc_row *page;       /* the rows on screen */
	int page_cap;
	int mode, help_from;
	ctlc_detail detail;
	tabs tb;              /* the detail window's */
	listview ilv;         /* its open items of the tab shown */
	ctlc_items items;
	scr_cform form;
	dialog dlg;           /* over any mode; DLG_NONE when none is up */
	char path[1024];      /* the file asked for last (import or export) */
} scr;

static int fetch(void *ud, long offset, int n)
{
	scr *s = ud;
	cart_err e;
	int got;

	if (n > s->page_cap) {
		ctlc_row *p = realloc(s->page, (size_t)n * sizeof *p);

		if (!p)
			return -1;
		s->page = p;
		s->page_cap = n;
	}
	if (ctl_clients_page(&s->v, offset, n, s->page, &got, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return -1;
	}
	return got;
}

static const char *cell(void *ud, int i, int col)
{
	const ctlc_row *r = &((scr *)ud)->page[i];

	switch (col) {
	case COL_NAME: return r->name;
	case COL_TAXID: return r->tax_id;
	case COL_PHONE: return r->phone;
	default: return r->balance;
	}
}

static void requery(scr *s)
{
	cart_err e;

	if (ctl_clients_query(&s->v, s->lv.filter, sort_of[s->lv.sort_col], s->lv.sort_desc, &e)
	    != CART_OK) {
		ui_status(1, "%s", e.msg);
		listview_set_rows(&s->lv, 0);
		return;
	}
	listview_set_rows(&s->lv, s->v.count);
}

static int have(const scr *s)
{
	return (s->lv.rows > 0 ? UI_NEEDS_ROW : 0) | (s->lv.filter[0] ? UI_NEEDS_FILTER : 0) |
	       (s->base.nested ? UI_NEEDS_NESTED : UI_NEEDS_ROOT);
}

static void draw_list(scr *s)
{
	const lv_source src = { fetch, cell, s };
	char left[256], count[96], filter[LV_FILTER_MAX + 32];
	int cw;

	erase();
	snprintf(left, sizeof left, " cartera — %s", ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
	ui_title(left, _("Clients"));
	snprintf(filter, sizeof filter, _("Filter: %s"), s->lv.filter);
	if (listview_draw(&s->lv, &src, 2, 0, LINES - 4, COLS) < 0)
		ui_put(3, 0, COLS, _("(the clients could not be read)"), 0);
	listview_count_text(&s->lv, ctl_company(s->c)->fmt.thou_sep, count, sizeof count);
	cw = utf8_width(count);
	ui_put(1, 0, COLS - cw - 1, s->lv.rows || !s->lv.filter[0] ? filter : "", 0);
	if (!s->lv.rows && s->lv.filter[0]) {
		snprintf(left, sizeof left, _("%s  (no client matches)"), filter);
		ui_put(1, 0, COLS - cw - 1, left, 0);
	}
	ui_put(1, COLS - cw - 1, cw + 1, count, 1);
	ui_status_draw();
	ui_keys_bar(&scr_clients_keys, have(s));
}

static void field(int y, int x, int w, const char *label, const char *value)
{
	char line[600];
	int lw = utf8_width(label);

	/* the label padded by display width (a translated label may hold accents) */
	snprintf(line, sizeof line, "%s%*s %s", label, lw < 13 ? 13 - lw : 0, "", value);
	ui_put(y, x, w, line, 0);
}

/* The record tab: the client's fields, then its totals per currency. Rows past bottom are not
 * drawn (a short terminal). */
static void draw_record(scr *s, int y, int x, int iw, int bottom)
{
	const ctlc_detail *d = &s->detail;
	char buf[256];
	int cw = (iw - 4) / 4, r = y;
	const struct { const char *label, *value; } rows[] = {
		{ _("Tax id"), d->tax_id },
		{ _("Phone"), d->cl.phone },
		{ _("Mobile"), d->cl.mobile },
		{ _("E-mail"), d->cl.email },
		{ _("Address"), d->cl.address },
		{ _("Location"), d->cl.location },
		{ _("Terms"), buf },
		{ _("Credit limit"), d->credit_limit },
		{ _("Active"), d->cl.active ? _("yes") : _("no") },
	};

	snprintf(buf, sizeof buf, P_("%d day", "%d days", d->cl.terms_days), d->cl.terms_days);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0] && r < bottom; i++)
		field(r++, x, iw, rows[i].label, rows[i].value);
	if (r + 1 >= bottom)
		return;
	snprintf(buf, sizeof buf, _("Totals as of %s"), d->d.asof);
	ui_put(r++, x, iw, buf, 0);
	ui_set_role(UR_HEADER);
	ui_put(r, x, 4, "", 0);
	ui_put(r, x + 4, cw, _("Due"), 1);
	ui_put(r, x + 4 + cw, cw, _("Overdue"), 1);
	ui_put(r, x + 4 + 2 * cw, cw, _("Credits"), 1);
	ui_put(r, x + 4 + 3 * cw, cw, _("Net"), 1);
	ui_set_role(UR_NORMAL);
	r++;
	if (!d->d.n && r < bottom)
		ui_put(r, x, iw, _("No open items."), 0);
	for (int i = 0; i < d->d.n && r < bottom; i++, r++) {
		ui_put(r, x, 4, d->d.t[i].currency, 0);
		ui_put(r, x + 4, cw, d->due[i], 1);
		ui_put(r, x + 4 + cw, cw, d->overdue[i], 1);
		ui_put(r, x + 4 + 2 * cw, cw, d->credits[i], 1);
		ui_put(r, x + 4 + 3 * cw, cw, d->net[i], 1);
	}
}

/* The open items of the tab shown (tab 1 + kind). */
static int item_fetch(void *ud, long offset, int n)
{
	scr *s = ud;
	long left = s->items.n[s->tb.cur - 1] - offset;

	return left < 0 ? 0 : left < n ? (int)left : n;
}

static const char *item_cell(void *ud, int i, int col)
{
	scr *s = ud;
	const ctlc_item *it = &s->items.item[s->tb.cur - 1][s->ilv.top + i];

	switch (col) {
	case 0: return it->number;
	case 1: return it->date;
	case 2: return it->due;
	case 3: return it->days;
	case 4: return it->amount;
	default: return it->open;
	}
}

static void draw_detail(scr *s)
{
	const lv_source src = { item_fetch, item_cell, s };
	int w = COLS - 4 < 100 ? COLS - 4 : 100, h = LINES - 3;
	int y = 1, x = (COLS - w) / 2;

	ui_box(y, x, h, w, s->detail.cl.name);
	tabs_draw(&s->tb, y + 1, x + 1, w - 2, ctl_company(s->c)->fmt.thou_sep);
	if (s->tb.cur == 0) {
		draw_record(s, y + 3, x + 2, w - 4, y + h - 1);
	} else if (listview_draw(&s->ilv, &src, y + 2, x + 2, h - 3, w - 4) == 0 && !s->ilv.rows) {
		static const char *const none[] = {
			N_("Nothing due later."), N_("Nothing overdue."),
			N_("No credits in the client's favour."),
		};

		ui_put(y + 3, x + 2, w - 4, _(none[s->tb.cur - 1]), 0);
	}
	ui_keys_bar(&scr_client_detail_keys, 0);
}

static void draw(scr *s)
{
	const char *co = ctl_has_company(s->c) ? ctl_company(s->c)->name : "";

	if (s->mode == M_HELP) {
		ui_keys_help(s->help_from == M_DETAIL ? &scr_client_detail_keys :
		             s->help_from == M_FORM ? &scr_cform_keys : &scr_clients_keys, have(s),
		             s->help_from == M_DETAIL ? _("Client") :
		             s->help_from == M_FORM ? _("Client form") : _("Clients"), co);
	} else if (s->mode == M_FORM) {
		cform_draw(&s->form, co);
	} else {
		/* a window is drawn over a full redraw of the screen below (ncdu style) */
		draw_list(s);
		if (s->mode == M_DETAIL)
			draw_detail(s);
	}
	dialog_draw(&s->dlg);
}

static void open_selected(scr *s)
{
	static const char *const names[] = { N_("Due"), N_("Overdue"), N_("Credits") };
	cart_err e;

	if (fetch(s, s->lv.sel, 1) != 1)
		return;
	if (ctl_clients_detail(&s->v, s->page[0].id, &s->detail, &e) != CART_OK ||
	    ctl_clients_items(&s->v, s->page[0].id, s->detail.d.asof, &s->items, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	tabs_init(&s->tb);
	tabs_add(&s->tb, _("Record"), -1);
	for (int k = 0; k < CTLC_KINDS; k++)
		tabs_add(&s->tb, _(names[k]), s->items.n[k]);
	s->mode = M_DETAIL;
}

static void edit_selected(scr *s)
{
	cart_err e;

	if (fetch(s, s->lv.sel, 1) != 1)
		return;
	if (cform_open_edit(&s->form, &s->v, s->page[0].id, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	s->mode = M_FORM;
}

/* The list again with client id selected (the filter is cleared when it hides the client). */
static void select_client(scr *s, int64_t id)
{
	cart_err e;
	long row = -1;

	requery(s);
	if (ctl_clients_row_of(&s->v, id, &row, &e) == CART_OK && row < 0 && s->lv.filter[0]) {
		s->lv.filter[0] = '\0';
		requery(s);
		ctl_clients_row_of(&s->v, id, &row, &e);
	}
	if (row >= 0) {
		s->lv.sel = row;
		listview_scroll(&s->lv);
	}
}

static void form_key(scr *s, int key)
{
	switch (cform_key(&s->form, key)) {
	case CFORM_SAVED:
		s->mode = M_LIST;
		select_client(s, s->form.vm.id);
		break;
	case CFORM_CLOSED:
		s->mode = M_LIST;
		break;
	case CFORM_HELP:
		s->help_from = M_FORM;
		s->mode = M_HELP;
		break;
	default:
		break;
	}
}

/* ---- import and export (C5) ---- */

static void ask_file(scr *s, int tag)
{
	if (!s->path[0])
		/* TRANSLATORS: the file name offered for a client import or export */
		snprintf(s->path, sizeof s->path, "%s", _("clients.csv"));
	if (tag == ASK_IMPORT)
		dialog_prompt(&s->dlg, tag, _("Import clients"),
		              _("The CSV file to read (one bad line and nothing is imported):"),
		              _("File"), 200, s->path);
	else
		dialog_prompt(&s->dlg, tag, _("Export clients"),
		              _("The CSV file to write, every client in it:"), _("File"), 200,
		              s->path);
}

static void import_file(scr *s)
{
	csvclient_result r;
	cart_err e;
	FILE *in = fopen(s->path, "r");
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (!in) {
		ui_status(1, _("cannot read %s: %s"), s->path, strerror(errno));
		return;
	}
	rc = csvclient_import(s->c, in, s->path, &r, &e);
	fclose(in);
	if (rc == CART_OK) {
		ui_status(0, P_("%ld client imported from %s.", "%ld clients imported from %s.",
		                r.imported), r.imported, s->path);
		if (r.warnings.n) {
			dialog_text_add(&text, &len, P_("%ld client imported; worth a look:",
			                        "%ld clients imported; worth a look:", r.imported),
			        r.imported);
			dialog_text_list(&text, &len, &r.warnings);
			dialog_message(&s->dlg, ASK_RESULT, _("Imported"), text);
		}
		/* the list again, with the new clients in it */
		requery(s);
	} else if (r.errors.n) {
		dialog_text_add(&text, &len, "%s", e.msg);
		dialog_text_list(&text, &len, &r.errors);
		dialog_message(&s->dlg, ASK_RESULT, _("Nothing imported"), text);
		ui_status(1, "%s", e.msg);
	} else {
		ui_status(1, "%s", e.msg);
	}
	free(text);
	csvclient_result_free(&r);
}

static void export_file(scr *s, int replace)
{
	static const char *const exists[] = { N_("Replace it"), N_("Another name"), N_("Cancel") };
	char q[1200];
	cart_err e;
	long n;
	int rc = csvclient_export_file(s->c, s->path, replace, &n, &e);

	if (rc == CART_REFUSED && !replace) {
		snprintf(q, sizeof q, _("%s already exists."), s->path);
		dialog_choose(&s->dlg, ASK_EXPORT_EXISTS, _("Export clients"), q, exists, 3, 1);
		return;
	}
	if (rc != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, P_("%ld client exported to %s.", "%ld clients exported to %s.", n), n,
	          s->path);
}

/* A dialog was answered (or cancelled). */
static void answered(scr *s, int tag, int r)
{
	if (r == DLG_CANCEL && tag != ASK_RESULT) {
		ui_status(0, "%s", "");
		return;
	}
	switch (tag) {
	case ASK_GOTO:
		select_client(s, s->dlg.picked);
		break;
	case ASK_IMPORT:
	case ASK_EXPORT:
		dialog_answer_text(&s->dlg, s->path, sizeof s->path);
		if (!s->path[0]) {
			ui_status(1, "%s", _("no file name given"));
			break;
		}
		if (tag == ASK_IMPORT)
			import_file(s);
		else
			export_file(s, 0);
		break;
	case ASK_FINDDOC: {
		char number[64];

		dialog_answer_text(&s->dlg, number, sizeof number);
		scr_document_find(s->c, number);
		break;
	}
	case ASK_EXPORT_EXISTS:
		if (s->dlg.sel == 0)
			export_file(s, 1);
		else if (s->dlg.sel == 1)
			ask_file(s, ASK_EXPORT);
		break;
	default:
		break;
	}
}

static void find_client(scr *s)
{
	cart_err e;

	if (dialog_pick(&s->dlg, ASK_GOTO, s->c, _("Find a client"),
	                _("Type a few letters of the name, tax id or phone; Enter goes to it."),
	                &e) != CART_OK)
		ui_status(1, "%s", e.msg);
}

/* The selected client's history screen (scr_history.c) over the list. */
static void history_selected(scr *s)
{
	if (fetch(s, s->lv.sel, 1) == 1)
		scr_history_push(s->c, s->page[0].id);
}

/* ---- the list's keys ---- */

static int act_quit(void *self, int key)
{
	(void)self;
	(void)key;
	return SCR_QUIT;
}

static int act_back(void *self, int key)
{
	(void)self;
	(void)key;
	return SCR_CLOSE;
}

static int act_help(void *self, int key)
{
	scr *s = self;

	(void)key;
	s->help_from = s->mode;
	s->mode = M_HELP;
	return SCR_STAY;
}

static int act_open(void *self, int key)
{
	(void)key;
	open_selected(self);
	return SCR_STAY;
}

static int act_new(void *self, int key)
{
	scr *s = self;

	(void)key;
	cform_open_new(&s->form, &s->v);
	s->mode = M_FORM;
	return SCR_STAY;
}

static int act_edit(void *self, int key)
{
	(void)key;
	edit_selected(self);
	return SCR_STAY;
}

static int act_goto(void *self, int key)
{
	(void)key;
	find_client(self);
	return SCR_STAY;
}

static int act_import(void *self, int key)
{
	(void)key;
	ask_file(self, ASK_IMPORT);
	return SCR_STAY;
}

static int act_export(void *self, int key)
{
	(void)key;
	ask_file(self, ASK_EXPORT);
	return SCR_STAY;
}

static int act_finddoc(void *self, int key)
{
	scr *s = self;

	(void)key;
	scr_document_ask(&s->dlg, ASK_FINDDOC);
	return SCR_STAY;
}

/* the selected client's statement (scr_statement.c) over the list */
static int act_statement(void *self, int key)
{
	scr *s = self;
	ui_screen *sub;
	cart_err e;

	(void)key;
	if (fetch(s, s->lv.sel, 1) != 1)
		return SCR_STAY;
	if (scr_statement_new(s->c, s->page[0].id, NULL, &sub, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	else
		ui_screen_push(sub);
	return SCR_STAY;
}

static int act_history(void *self, int key)
{
	(void)key;
	history_selected(self);
	return SCR_STAY;
}

static const ui_act list_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), UK_ALT('?'), 0, 0, N_("this help: every key of the screen"),
	       act_help),
	UI_ACT(N_("Open"), UK_ENTER, 0, 0, UI_NEEDS_ROW,
	       N_("show the selected client: its record and its totals"), act_open),
	UI_ACT(N_("New"), UK_F(2), UK_ALT('n'), 0, 0, N_("new client: the client form, empty"), act_new),
	UI_ACT(N_("Edit"), UK_F(4), UK_ALT('e'), 0, UI_NEEDS_ROW,
	       N_("edit the selected client in the client form"), act_edit),
	UI_USE(listview_acts[LVA_SORT]),
	UI_USE(listview_acts[LVA_CLEAR]),
	UI_ACT(N_("Quit"), UK_F(10), UK_ESC, 0, UI_NEEDS_ROOT,
	       N_("leave cartera (asks first; Esc clears a typed filter first)"), act_quit),
	UI_ACT(N_("Back"), UK_F(10), UK_ESC, 0, UI_NEEDS_NESTED,
	       N_("back to the screen before (Esc clears a typed filter first)"), act_back),
	UI_USE(listview_acts[LVA_UP]), UI_USE(listview_acts[LVA_DOWN]),
	UI_USE(listview_acts[LVA_PGUP]), UI_USE(listview_acts[LVA_PGDN]),
	UI_USE(listview_acts[LVA_HOME]), UI_USE(listview_acts[LVA_END]),
	UI_USE(listview_acts[LVA_ERASE]),
	UI_ACT(N_("Find"), UK_F(3), UK_ALT('g'), 0, 0,
	       N_("find a client by a few letters of its name, tax id or phone and go to it"), act_goto),
	UI_ACT(N_("Import"), UK_F(5), UK_ALT('i'), 0, 0,
	       N_("import clients from a CSV file (a file with a bad line imports nothing)"), act_import),
	UI_ACT(N_("Export"), UK_F(7), UK_ALT('x'), 0, 0, N_("export every client to a CSV file"),
	       act_export),
	UI_ACT(N_("Statement"), UK_F(9), UK_ALT('s'), 0, UI_NEEDS_ROW,
	       N_("the selected client's statement: filter it, save it as PDF or XLSX, print it"),
	       act_statement),
	UI_ACT(NULL, UK_ALT('b'), 0, 0, 0,
	       N_("find a document by its number (FAC-000123, or its legal number) and show it"),
	       act_finddoc),
	UI_ACT(NULL, UK_CTRL('y'), 0, 0, UI_NEEDS_ROW,
	       N_("the selected client's history: reminders, e-mails, letters, promises, calls"), act_history),
};
const ui_keymap scr_clients_keys = UI_KEYMAP("clients", UI_KM_SEARCHED, list_acts);

/* One key on the list: SCR_STAY, or leave the list (SCR_CLOSE) or cartera (SCR_QUIT). The list
 * view takes its own keys first (Esc empties a typed filter before it leaves). */
static int list_key(scr *s, int key)
{
	int r = listview_handle_key(&s->lv, key);

	if (r & LV_REQUERY)
		requery(s);
	if (r)
		return SCR_STAY;
	r = ui_keys_run(&scr_clients_keys, s, key, have(s), s->lv.filter[0] != '\0');
	return r >= 0 ? r : SCR_STAY;
}

/* ---- the client's window: its record and open items in tabs ---- */

static int act_close(void *self, int key)
{
	scr *s = self;

	(void)key;
	s->mode = M_LIST;
	return SCR_STAY;
}

static const ui_act detail_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("Close"), UK_ESC, 'q', UK_F(10), 0, N_("close this window"), act_close),
	/* the open items scroll like the list */
	UI_USE(listview_acts[LVA_UP]), UI_USE(listview_acts[LVA_DOWN]),
	UI_USE(listview_acts[LVA_PGUP]), UI_USE(listview_acts[LVA_PGDN]),
	UI_USE(listview_acts[LVA_HOME]), UI_USE(listview_acts[LVA_END]),
	UI_USE(tabs_acts[TBA_NEXT]), UI_USE(tabs_acts[TBA_PREV]),
};
const ui_keymap scr_client_detail_keys = UI_KEYMAP("client detail", UI_KM_TABS, detail_acts);

static void popup_key(scr *s, int key)
{
	if (s->mode == M_HELP) {
		if (!ui_help_key(key) && ui_help_closes(key))
			s->mode = s->help_from;
		return;
	}
	if (tabs_handle_key(&s->tb, key) == TABS_CHANGED) {
		if (s->tb.cur > 0) {
			listview_init(&s->ilv, item_cols, (int)(sizeof item_cols / sizeof item_cols[0]), -1);
			listview_set_rows(&s->ilv, s->items.n[s->tb.cur - 1]);
		}
		return;
	}
	if (ui_keys_run(&scr_client_detail_keys, s, key, 0, 0) == UI_WIDGET && s->tb.cur > 0)
		listview_handle_key(&s->ilv, key);
}

static void clients_draw(ui_screen *base)
{
	scr *s = (scr *)base;

	draw(s);
}

static int clients_key(ui_screen *base, int key)
{
	scr *s = (scr *)base;

	if (s->dlg.kind != DLG_NONE) {
		int tag = s->dlg.tag, r = dialog_key(&s->dlg, key);

		if (r != DLG_OPEN && !(r & DLG_REQUERY))
			answered(s, tag, r);
	} else if (s->mode == M_FORM) {
		form_key(s, key);
	} else if (s->mode != M_LIST) {
		popup_key(s, key);
	} else {
		return list_key(s, key);
	}
	return SCR_STAY;
}

static void clients_free(ui_screen *base)
{
	scr *s = (scr *)base;

	free(s->page);
	dialog_free(&s->dlg);
	dialog_free(&s->form.dlg);
	ctl_clients_items_free(&s->items);
	free(s);
}

int scr_clients_new(ctl *c, ui_screen **out, cart_err *e)
{
	scr *s = calloc(1, sizeof *s);

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the client list"));
	s->base = (ui_screen){ clients_draw, clients_key, NULL, clients_free, 0 };
	s->c = c;
	ctl_clients_init(&s->v, c);
	listview_init(&s->lv, cols, (int)(sizeof cols / sizeof cols[0]), COL_NAME);
	requery(s);
	*out = &s->base;
	return CART_OK;
}
