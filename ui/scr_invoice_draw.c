/* Drawing the invoice and quote entry screen (scr_invoice.c has its keys): the header with the
 * client's credit check beside it and its warning under it, the lines with as many rows as the
 * terminal leaves, the totals and tax per rate under them with the split into instalments, and
 * the instalments window over it all. At 80x24 it all fits; a larger terminal gives the lines
 * more rows and the description more columns. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "keymaps.h"
#include "scr_invoice_int.h"
#include "ui_int.h"

#include "cartera/i18n.h"

static void inst_draw(inv_scr *s)
{
	int w = COLS - 4 < 64 ? COLS - 4 : 64, h = LINES - 4, y = 2, x = (COLS - w) / 2;
	char total[64], left[64], line[200];

	ui_box(y, x, h, w, _("Instalments"));
	ui_put(y + 1, x + 2, w - 4, _("Every: a number of days; empty: monthly."), 0);
	if (!s->inst_on_grid)
		form_draw(&s->inf, y + 2, x + 2, 3, w - 4);
	else {
		form tmp = s->inf;

		tmp.cur = tmp.n;
		form_draw(&tmp, y + 2, x + 2, 3, w - 4);
	}
	money_text(s, s->f->totals.total, total, sizeof total);
	money_text(s, s->f->inst_left, left, sizeof left);
	if (s->f->n_inst > 1) {
		grid_draw(&s->ig, y + 6, x + 2, h - 9, 36, s->inst_on_grid);
		snprintf(line, sizeof line, _("Total %s · left to place %s"), total, left);
	} else {
		snprintf(line, sizeof line, _("Total %s · no instalments: one due date"), total);
	}
	ui_set_role(s->f->n_inst > 1 && s->f->inst_left ? UR_WARNING : UR_NORMAL);
	ui_put(y + h - 2, x + 2, w - 4, line, 0);
	ui_set_role(UR_NORMAL);
	ui_keys_bar(&scr_inst_keys, 0);
}

/* ---- drawing ---- */

static const char *tax_name(const inv_scr *s, int64_t id)
{
	if (id == 0)
		return s->notax;
	for (int i = 0; i < s->f->taxes.n; i++)
		if (s->f->taxes.r[i].id == id)
			return s->f->taxes.r[i].name;
	return "";
}

static void panel_row(int y, int x, int w, const char *label, const char *value)
{
	int lw = w - 15 > 20 ? 20 : w - 15;

	if (lw < 6)
		lw = w / 2;
	ui_put(y, x, lw, label, 0);
	ui_put(y, x + lw, w - lw, value, 1);
}

/* The credit check beside the header (C4). */
static void draw_credit(inv_scr *s, int y, int x, int w)
{
	const ctl_credit *cr = &s->f->credit;
	char v[64];

	ui_set_role(UR_HEADER);
	ui_put(y, x, w, _("Credit check"), 0);
	ui_set_role(UR_NORMAL);
	if (!s->f->have_client) {
		ui_put(y + 1, x, w, _("(no client chosen yet)"), 0);
		return;
	}
	if (cr->limit > 0)
		money_text(s, cr->limit, v, sizeof v);
	else
		snprintf(v, sizeof v, "%s", _("none"));
	panel_row(y + 1, x, w, _("Credit limit"), v);
	money_text(s, cr->balance, v, sizeof v);
	panel_row(y + 2, x, w, _("Open balance"), v);
	money_text(s, cr->overdue, v, sizeof v);
	if (cr->has_overdue)
		ui_set_role(UR_WARNING);
	panel_row(y + 3, x, w, _("Overdue"), v);
	ui_set_role(UR_NORMAL);
	money_text(s, cr->credits, v, sizeof v);
	panel_row(y + 4, x, w, _("Unapplied credits"), v);
}

static void draw_totals(inv_scr *s, int y, int h)
{
	const doc_totals *t = &s->f->totals;
	int w = COLS < 100 ? 42 : 56, x = COLS - w - 1, r = y;
	char v[64], label[128];

	money_text(s, t->net, v, sizeof v);
	panel_row(r++, x, w, _("Net"), v);
	for (int i = 0; i < t->n_taxes && r < y + h - 1; i++) {
		char base[64];

		money_text(s, t->taxes[i].base, base, sizeof base);
		money_text(s, t->taxes[i].tax, v, sizeof v);
		/* TRANSLATORS: a tax rate's name and the base it is charged on: "IVA 19% on 1.000,00" */
		snprintf(label, sizeof label, _("%s on %s"), tax_name(s, t->taxes[i].tax_rate_id), base);
		ui_put(r, x, w - 16, label, 0);
		ui_put(r++, x + w - 16, 16, v, 1);
	}
	if (t->expenses && r < y + h - 1) {
		money_text(s, t->expenses, v, sizeof v);
		panel_row(r++, x, w, _("Expenses (CGC)"), v);
	}
	money_text(s, t->total + t->expenses, v, sizeof v);
	attr_set(A_BOLD, 0, NULL);
	panel_row(y + h - 1, x, w, _("Total"), v);
	ui_set_role(UR_NORMAL);

	/* on the left: the lines, and the split into instalments */
	snprintf(label, sizeof label, _("Lines: %d"), s->f->n);
	ui_put(y, 1, x - 2, label, 0);
	if (!s->quote && s->f->n_inst > 1) {
		char first[64], every[64];

		money_text(s, s->f->inst_amount[0], first, sizeof first);
		if (s->f->every_days)
			snprintf(every, sizeof every, _("every %d days"), s->f->every_days);
		else
			snprintf(every, sizeof every, "%s", _("monthly"));
		snprintf(label, sizeof label, _("%d instalments, %s"), s->f->n_inst, every);
		ui_put(y + 1, 1, x - 2, label, 0);
		if (h > 2 && !s->f->inst_left) {
			snprintf(label, sizeof label, _("the first %s due %s"), first, s->f->inst_due[0]);
			ui_put(y + 2, 1, x - 2, label, 0);
		} else if (h > 2) {
			money_text(s, s->f->inst_left, v, sizeof v);
			snprintf(label, sizeof label, _("Left to place: %s"), v);
			ui_set_role(UR_WARNING);
			ui_put(y + 2, 1, x - 2, label, 0);
			ui_set_role(UR_NORMAL);
		}
	}
}

void invscr_draw(ui_screen *base)
{
	inv_scr *s = (inv_scr *)base;
	int hw = COLS < 100 ? 46 : COLS / 2, tot_h, gy, gh;
	char left[256];

	if (s->mode == M_HELP) {
		if (s->help_from == M_CFORM)
			ui_keys_help(&scr_cform_keys, 0, _("Client form"), co_name(s));
		else if (s->help_from == M_INST)
			ui_keys_help(&scr_inst_keys, 0, _("Instalments"), co_name(s));
		else
			ui_keys_help(&scr_invoice_keys, inv_have(s), s->quote ? _("New quote") : _("New invoice"),
			             co_name(s));
		return;
	}
	if (s->mode == M_CFORM) {
		cform_draw(&s->cf, co_name(s));
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", co_name(s));
	ui_title(left, s->quote ? _("New quote") : _("New invoice"));
	if (s->on_lines) {
		form tmp = s->hd;

		tmp.cur = tmp.n;       /* no cursor in the header while the lines have the focus */
		form_draw(&tmp, 1, 1, HEADER_ROWS, hw - 1);
	} else {
		form_draw(&s->hd, 1, 1, HEADER_ROWS, hw - 1);
	}
	draw_credit(s, 1, hw + 1, COLS - hw - 2 < 48 ? COLS - hw - 2 : 48);
	if (s->f->have_client && s->f->credit.needs_override && !s->quote) {
		char w[400];

		snprintf(w, sizeof w, _("%s: reason needed"), s->f->credit.warning);
		ui_set_role(UR_WARNING);
		ui_put(HEADER_ROWS + 1, 1, COLS - 1, w, 0);
		ui_set_role(UR_NORMAL);
	}
	tot_h = 2 + (s->f->totals.n_taxes > 1 ? s->f->totals.n_taxes : 1) +
	        (s->f->totals.expenses != 0);
	if (tot_h < 3 && !s->quote && s->f->n_inst > 1)
		tot_h = 3;
	gy = HEADER_ROWS + 2;
	gh = LINES - 2 - gy - tot_h;
	/* a short terminal: the grid keeps a line, the totals give up their tax rows first */
	if (gh < 3) {
		tot_h -= 3 - gh;
		gh = 3;
		if (tot_h < 1)
			tot_h = 1;
	}
	/* a taller terminal shows more lines: scroll back up when they all fit */
	if (s->g.top > 0 && s->g.top + gh - 2 > s->g.nrows)
		s->g.top = s->g.nrows - (gh - 2) > 0 ? s->g.nrows - (gh - 2) : 0;
	grid_draw(&s->g, gy, 0, gh, COLS, s->on_lines);
	draw_totals(s, gy + gh, tot_h);
	ui_status_draw();
	ui_keys_bar(&scr_invoice_keys, inv_have(s));
	if (s->mode == M_INST)
		inst_draw(s);
	dialog_draw(&s->dlg);
}
