/* The client list (SPEC C3): name, tax id, phone and balance of every client, filtered as the
 * clerk types and sorted by column; Enter shows the selected client read-only, F2 / n opens the
 * client form for a new client and F4 / e for the selected one (scr_client_form.c). The screen
 * keeps only the rows on screen; the controller does the rest. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "listview.h"
#include "scr_client_form.h"
#include "ui_int.h"

#include "cartera/ctl_clients.h"
#include "cartera/output.h"

enum { COL_NAME, COL_TAXID, COL_PHONE, COL_BALANCE };

static const lv_col cols[] = {
	[COL_NAME]    = { "Name", 20, 0, 1, 1 },
	[COL_TAXID]   = { "Tax id", 16, 0, 0, 1 },
	[COL_PHONE]   = { "Phone", 14, 0, 0, 1 },
	[COL_BALANCE] = { "Balance", 16, 1, 0, 0 },
};

/* The sortable columns in the controller's terms. */
static const int sort_of[] = { CTLC_BY_NAME, CTLC_BY_TAXID, CTLC_BY_PHONE, CTLC_BY_NAME };

enum mode { M_LIST, M_DETAIL, M_HELP, M_FORM };

typedef struct scr {
	ctl *c;
	ctl_clients v;
	listview lv;
	ctlc_row *page;       /* the rows on screen */
	int page_cap;
	int mode, help_from;
	ctlc_detail detail;
	scr_cform form;
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
	return (s->lv.rows > 0 ? UI_NEEDS_ROW : 0) | (s->lv.filter[0] ? UI_NEEDS_FILTER : 0);
}

static void draw_list(scr *s)
{
	const lv_source src = { fetch, cell, s };
	char left[256], count[96], filter[LV_FILTER_MAX + 32];
	int cw;

	erase();
	snprintf(left, sizeof left, " cartera — %s", s->c->have_company ? s->c->co.name : "");
	ui_title(left, "Clients");
	snprintf(filter, sizeof filter, "Filter: %s", s->lv.filter[0] ? s->lv.filter : "");
	if (listview_draw(&s->lv, &src, 2, 0, LINES - 4, COLS) < 0)
		ui_put(3, 0, COLS, "(the clients could not be read)", 0);
	listview_count_text(&s->lv, s->c->co.fmt.thou_sep, count, sizeof count);
	cw = utf8_width(count);
	ui_put(1, 0, COLS - cw - 1, s->lv.rows || !s->lv.filter[0] ? filter : "", 0);
	if (!s->lv.rows && s->lv.filter[0]) {
		snprintf(left, sizeof left, "%s  (no client matches)", filter);
		ui_put(1, 0, COLS - cw - 1, left, 0);
	}
	ui_put(1, COLS - cw - 1, cw + 1, count, 1);
	ui_status_draw();
	ui_keybar(UI_IN_LIST, have(s));
}

static void field(int y, int x, int w, const char *label, const char *value)
{
	char line[600];

	snprintf(line, sizeof line, "%-13s %s", label, value);
	ui_put(y, x, w, line, 0);
}

static void draw_detail(scr *s)
{
	const ctlc_detail *d = &s->detail;
	int w = COLS - 4 < 72 ? COLS - 4 : 72;
	int h = 13 + (d->d.n ? d->d.n : 1);
	int y, x = (COLS - w) / 2, iw = w - 4, cw;
	char buf[256];

	if (h > LINES - 2)
		h = LINES - 2;
	y = (LINES - h) / 2;
	ui_box(y, x, h, w, d->cl.name);
	x += 2;
	field(y + 1, x, iw, "Tax id", d->tax_id);
	field(y + 2, x, iw, "Phone", d->cl.phone);
	field(y + 3, x, iw, "Mobile", d->cl.mobile);
	field(y + 4, x, iw, "E-mail", d->cl.email);
	field(y + 5, x, iw, "Address", d->cl.address);
	field(y + 6, x, iw, "Location", d->cl.location);
	snprintf(buf, sizeof buf, "%d days", d->cl.terms_days);
	field(y + 7, x, iw, "Terms", buf);
	field(y + 8, x, iw, "Credit limit", d->credit_limit);
	field(y + 9, x, iw, "Active", d->cl.active ? "yes" : "no");
	cw = (iw - 4) / 4;
	snprintf(buf, sizeof buf, "Totals as of %s", d->d.asof);
	ui_set_role(UR_HEADER);
	ui_put(y + 11, x, 4, "", 0);
	ui_put(y + 11, x + 4, cw, "Due", 1);
	ui_put(y + 11, x + 4 + cw, cw, "Overdue", 1);
	ui_put(y + 11, x + 4 + 2 * cw, cw, "Credits", 1);
	ui_put(y + 11, x + 4 + 3 * cw, cw, "Net", 1);
	ui_set_role(UR_NORMAL);
	ui_put(y + 10, x, iw, buf, 0);
	if (!d->d.n)
		ui_put(y + 12, x, iw, "No open items.", 0);
	for (int i = 0; i < d->d.n && y + 12 + i < y + h - 1; i++) {
		ui_put(y + 12 + i, x, 4, d->d.t[i].currency, 0);
		ui_put(y + 12 + i, x + 4, cw, d->due[i], 1);
		ui_put(y + 12 + i, x + 4 + cw, cw, d->overdue[i], 1);
		ui_put(y + 12 + i, x + 4 + 2 * cw, cw, d->credits[i], 1);
		ui_put(y + 12 + i, x + 4 + 3 * cw, cw, d->net[i], 1);
	}
	ui_keybar(UI_IN_DETAIL, 0);
}

static void draw(scr *s)
{
	if (s->mode == M_HELP) {
		ui_help_draw(s->help_from == M_DETAIL ? UI_IN_DETAIL :
		             s->help_from == M_FORM ? UI_IN_FORM : UI_IN_LIST,
		             s->help_from == M_DETAIL ? "Client" :
		             s->help_from == M_FORM ? "Client form" : "Clients");
		return;
	}
	if (s->mode == M_FORM) {
		cform_draw(&s->form, s->c->have_company ? s->c->co.name : "");
		return;
	}
	/* a dialog is drawn over a full redraw of the screen below (ncdu style) */
	draw_list(s);
	if (s->mode == M_DETAIL)
		draw_detail(s);
}

static void open_selected(scr *s)
{
	cart_err e;

	if (fetch(s, s->lv.sel, 1) != 1)
		return;
	if (ctl_clients_detail(&s->v, s->page[0].id, &s->detail, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
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

/* After a save: the list again, the saved client selected (the filter is cleared when it
 * hides the client). */
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

/* One key on the list; returns 0 to leave. */
static int list_key(scr *s, int key)
{
	int r = listview_handle_key(&s->lv, key);
	int a;

	if (r & LV_REQUERY)
		requery(s);
	if (r)
		return 1;
	a = ui_action_of(key, UI_IN_LIST, s->lv.filter[0] != '\0');
	if (!ui_action_ok(a, have(s)))
		return 1;
	switch (a) {
	case UA_QUIT:
		return 0;
	case UA_HELP:
		s->help_from = M_LIST;
		s->mode = M_HELP;
		break;
	case UA_OPEN:
		open_selected(s);
		break;
	case UA_NEW:
		cform_open_new(&s->form, &s->v);
		s->mode = M_FORM;
		break;
	case UA_EDIT:
		edit_selected(s);
		break;
	default:
		break;
	}
	return 1;
}

static void popup_key(scr *s, int key)
{
	int where = s->mode == M_HELP ? UI_IN_HELP : UI_IN_DETAIL;

	switch (ui_action_of(key, where, 0)) {
	case UA_CLOSE:
		s->mode = s->mode == M_HELP ? s->help_from : M_LIST;
		break;
	case UA_HELP:
		s->help_from = s->mode;
		s->mode = M_HELP;
		break;
	default:
		break;
	}
}

int ui_run_clients(ctl *c, const ui_opts *o, cart_err *e)
{
	scr s;
	int key;

	memset(&s, 0, sizeof s);
	s.c = c;
	if (ui_begin(o, e) != CART_OK)
		return e->code;
	ctl_clients_init(&s.v, c);
	listview_init(&s.lv, cols, (int)(sizeof cols / sizeof cols[0]), COL_NAME);
	requery(&s);
	for (;;) {
		draw(&s);
		key = ui_key();
		if (key == UK_EOF)
			break;
		if (key == UK_RESIZE)
			continue;     /* curses knows the new size; the next draw uses it */
		if (s.mode == M_FORM)
			form_key(&s, key);
		else if (s.mode != M_LIST)
			popup_key(&s, key);
		else if (!list_key(&s, key))
			break;
	}
	ui_end();
	free(s.page);
	return CART_OK;
}
