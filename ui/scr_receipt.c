/* The receipt form (SPEC D4, seed 001) and applying a credit in favour (D5) on one screen: the
 * client and date on top, the means of payment and withholdings below them, the client's open
 * invoices and instalments oldest first (Space marks, Enter types a row's amount), and a line
 * that always says what is received, allocated and left, and what the leftover becomes. The
 * figures are the receipt form's view-model's (ctl_docs.h); this file only draws them and turns
 * keys into its calls. Dialogs (pick a client, type an amount, confirm) and the box of one means
 * of payment (scr_receipt_means.c) are states of the screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "keymaps.h"
#include "listview.h"
#include "scr_receipt.h"
#include "scr_receipt_means.h"
#include "ui_int.h"

#include "cartera/date.h"
#include "cartera/ctl_bank.h"
#include "cartera/ctl_docs.h"
#include "cartera/i18n.h"
#include "cartera/output.h"

enum { ASK_CLIENT = 1, ASK_AMOUNT, ASK_DATE, ASK_ROW, ASK_REASON, ASK_DISCARD };
enum { COL_MARK, COL_NUMBER, COL_DATE, COL_DUE, COL_DAYS, COL_OPEN, COL_PAYS, NCOLS };

static const lv_col cols[NCOLS] = {
	{ "", 3, 0, 0, 0 },
	{ N_("Document"), 14, 0, 1, 0 },
	{ N_("Date"), 10, 0, 0, 0 },
	{ NC_("column", "Due"), 10, 0, 0, 0 },
	{ N_("Days"), 5, 1, 0, 0 },
	{ NC_("column", "Open"), 14, 1, 0, 0 },
	{ N_("Pays"), 14, 1, 0, 0 },
};

typedef struct rcpt_scr {
	ui_screen base;
	ctl *c;
	ctl_receipt_form f;
	int loaded;              /* f holds a client */
	int apply;               /* applying a credit in favour, not receiving money */
	char credit[32];         /* its document */
	listview lv;
	long off;                /* first row fetched */
	char cellbuf[NCOLS][48];
	dialog dlg;
	rmeans entry;             /* the box of one means of payment or withholding */
	int help;
	int dirty;               /* the clerk typed something */
	int row_asked;           /* the row the amount dialog is about */
	int leftover_asked;      /* the leftover the reason dialog is about */
	int64_t bank_line;       /* the bank line this receipt is (scr_bank.c), 0 none */
	int auto_cash;           /* the cash was proposed from the marks (F5 on a row), not typed:
	                          * it follows them while the clerk marks and unmarks */
} rcpt_scr;

/* ---- the rows ---- */

static int fetch(void *ud, long offset, int n)
{
	rcpt_scr *s = ud;
	long left = s->f.n - offset;

	s->off = offset;
	return left < 0 ? 0 : left < n ? (int)left : n;
}

static void row_name(const ctl_receipt_row *r, char *buf, size_t size)
{
	if (r->it.instalment_no)
		snprintf(buf, size, "%s/%d", r->it.number, r->it.instalment_no);
	else
		snprintf(buf, size, "%s", r->it.number);
}

static const char *cell(void *ud, int i, int col)
{
	rcpt_scr *s = ud;
	const ctl_receipt_row *r = &s->f.rows[s->off + i];
	char *b = s->cellbuf[col];
	size_t n = sizeof s->cellbuf[col];

	switch (col) {
	case COL_MARK: snprintf(b, n, "%s", r->marked ? "[x]" : "[ ]"); break;
	case COL_NUMBER: row_name(r, b, n); break;
	case COL_DATE: date_show(r->it.date, b, n); break;
	case COL_DUE: date_show(r->it.due_date, b, n); break;
	case COL_DAYS: snprintf(b, n, "%d", r->it.days_overdue); break;
	case COL_OPEN: ctl_money(s->c, r->it.open, b, n); break;
	case COL_PAYS:
		if (r->marked || r->amount)
			ctl_money(s->c, r->amount, b, n);
		else
			b[0] = '\0';
		break;
	default: b[0] = '\0'; break;
	}
	return b;
}

/* Load client ref as of date, keeping what was typed: the means, the withholdings, the
 * leftover's choice, and the marks and typed amounts of rows that are still open. */
static int load(rcpt_scr *s, const char *ref, const char *date, cart_err *e)
{
	ctl_receipt_form old = s->f, nf;
	int rc;

	rc = ctl_rform_load(s->c, &nf, ref, date && *date ? date : NULL,
	                    s->loaded ? old.currency : "", e);
	if (rc != CART_OK)
		return rc;
	if (s->loaded) {
		memcpy(nf.means, old.means, sizeof nf.means);
		memcpy(nf.wh, old.wh, sizeof nf.wh);
		nf.n_means = old.n_means;
		nf.n_wh = old.n_wh;
		nf.leftover = old.leftover;
		memcpy(nf.reason, old.reason, sizeof nf.reason);
		memcpy(nf.reference, old.reference, sizeof nf.reference);
		for (int i = 0; i < nf.n; i++)
			for (int j = 0; j < old.n; j++)
				if (old.rows[j].it.entry_id == nf.rows[i].it.entry_id &&
				    old.rows[j].it.instalment_id == nf.rows[i].it.instalment_id &&
				    old.rows[j].marked) {
					nf.rows[i].marked = 1;
					if (old.rows[j].overridden && old.rows[j].amount <= nf.rows[i].it.open) {
						nf.rows[i].overridden = 1;
						nf.rows[i].amount = old.rows[j].amount;
					}
				}
		ctl_rform_free(&old);
	}
	s->f = nf;
	s->loaded = 1;
	/* the figures again: a receipt (not a credit) fills the kept marks oldest first */
	ctl_rform_use_credit(&s->f, -1, e);
	listview_set_rows(&s->lv, s->f.n);
	return CART_OK;
}

static int have(const rcpt_scr *s)
{
	int h = 0;

	if (!s->apply)
		h |= UI_NEEDS_RECEIVING;
	if (s->loaded && s->f.n > 0 && s->lv.sel >= 0)
		h |= UI_NEEDS_ROW;
	if (s->f.n_means > 0)
		h |= UI_NEEDS_MEANS;
	return h;
}

/* ---- drawing ---- */

static const char *leftover_text(const rcpt_scr *s)
{
	if (s->f.left < 0)
		return _("more is allocated than received: type less on a row");
	if (s->f.left == 0)
		return "";
	switch (s->f.leftover) {
	case LEFTOVER_WRITEOFF: return _("→ written off");
	case LEFTOVER_REFUND: return _("→ refunded");
	default: return s->apply ? _("→ stays a credit in favour") : _("→ a credit in favour (AA)");
	}
}

/* The means and withholdings, one a line, in at most h lines from y. */
static void draw_means(rcpt_scr *s, int y, int h)
{
	char line[256], a[48], day[DATE_LEN];
	int shown = 0, total = s->f.n_means + s->f.n_wh;

	if (s->apply) {
		const open_item *cr = &s->f.credits[s->f.credit];

		ctl_money(s->c, cr->open, a, sizeof a);
		date_show(cr->date, day, sizeof day);
		snprintf(line, sizeof line, _("Credit in favour %s (%s) of %s: %s open"), cr->number,
		         cr->code, day, a);
		ui_put(y, 0, COLS, line, 0);
		return;
	}
	if (total == 0) {
		ui_put(y, 0, COLS, _("Means of payment: none yet — F2 the amount in cash, F3 a means,"
		                     " F4 a withholding"), 0);
		return;
	}
	ui_set_role(UR_HEADER);
	ui_put(y, 0, COLS, _("Means of payment and withholdings"), 0);
	ui_set_role(UR_NORMAL);
	for (int i = 0; i < total && shown < h - 1; i++, shown++) {
		if (i < s->f.n_means) {
			const means_in *m = &s->f.means[i];

			ctl_money(s->c, m->amount, a, sizeof a);
			if (m->kind == MEANS_POSTDATED)
				snprintf(line, sizeof line, _("  %s %s No. %s, to cash on %s"),
				         rmeans_kind_label(m->kind), m->bank, m->number, m->cash_date);
			else if (m->bank[0] || m->number[0])
				snprintf(line, sizeof line, _("  %s %s No. %s"), rmeans_kind_label(m->kind), m->bank,
				         m->number);
			else
				snprintf(line, sizeof line, "  %s", rmeans_kind_label(m->kind));
		} else {
			const withholding_in *w = &s->f.wh[i - s->f.n_means];

			ctl_money(s->c, w->amount, a, sizeof a);
			snprintf(line, sizeof line, _("  withholding %s, certificate %s"), w->kind,
			         w->certificate[0] ? w->certificate : "-");
		}
		ui_put(y + 1 + shown, 0, COLS - 18, line, 0);
		ui_put(y + 1 + shown, COLS - 18, 17, a, 1);
	}
	if (shown < total) {
		snprintf(line, sizeof line, _("  … and %d more"), total - shown);
		ui_put(y + h - 1, 0, COLS - 18, line, 0);
	}
}

static void draw_totals(rcpt_scr *s, int y)
{
	char r[48], a[48], l[48], line[400];

	ctl_money(s->c, s->f.received, r, sizeof r);
	ctl_money(s->c, s->f.allocated, a, sizeof a);
	ctl_money(s->c, s->f.left, l, sizeof l);
	snprintf(line, sizeof line, s->apply ? _("Credit %s   Applied %s   Left %s %s")
	                                     : _("Received %s   Allocated %s   Left %s %s"),
	         r, a, l, leftover_text(s));
	if (s->f.left < 0)
		ui_set_role(UR_ERROR);
	else
		attr_set(A_BOLD, 0, NULL);
	ui_put(y, 0, COLS, line, 0);
	ui_set_role(UR_NORMAL);
}

static void rcpt_draw(ui_screen *base)
{
	rcpt_scr *s = (rcpt_scr *)base;
	const lv_source src = { fetch, cell, s };
	char left[256], line[400], day[DATE_LEN];
	int mh = s->apply ? 1 : 4, ly;

	if (s->help) {
		ui_keys_help(&scr_receipt_keys, have(s), s->apply ? _("Apply a credit") : _("Receipt"),
		             ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
	ui_title(left, s->apply ? _("Apply a credit") : _("Receipt"));
	date_show(s->f.date, day, sizeof day);
	if (s->loaded)
		snprintf(line, sizeof line, _("Client: %s   Date: %s   Currency: %s"), s->f.cl.name,
		         day, s->f.currency);
	else
		snprintf(line, sizeof line, "%s", _("Client: none yet (F6 picks one)"));
	ui_put(1, 0, COLS, line, 0);
	if (s->loaded)
		draw_means(s, 2, mh);
	ly = 2 + mh;
	if (s->loaded && s->f.n > 0) {
		listview_draw(&s->lv, &src, ly, 0, LINES - ly - 4, COLS);
		ui_put(LINES - 4, 0, COLS, s->apply ? _("Space marks, Enter types a row's amount; what"
		                                        " is left stays a credit unless o or f")
		                                    : _("Space marks, Enter types a row's amount; F6"
		                                        " client, F7 date, F8 drops a means"), 0);
	} else if (s->loaded) {
		ui_put(ly + 1, 0, COLS, s->apply ? _("The client has no open invoices to apply it to.")
		                                 : _("The client has no open invoices: what is"
		                                     " received is an advance, a credit in favour."),
		       0);
	}
	if (s->loaded)
		draw_totals(s, LINES - 3);
	ui_status_draw();
	if (s->entry.kind != RMEANS_NONE) {
		rmeans_draw(&s->entry);
		return;
	}
	ui_keys_bar(&scr_receipt_keys, have(s));
	dialog_draw(&s->dlg);
}

/* ---- posting ---- */

/* "FAC-000001" when the receipt pays one document alone, else "". */
static void one_doc(const rcpt_scr *s, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < s->f.n; i++) {
		if (s->f.rows[i].amount <= 0)
			continue;
		if (buf[0] && strcmp(buf, s->f.rows[i].it.number)) {
			buf[0] = '\0';
			return;
		}
		snprintf(buf, size, "%s", s->f.rows[i].it.number);
	}
}

static int post_apply(rcpt_scr *s)
{
	char a[48], l[48];
	int64_t left = s->f.left;
	int leftover = s->f.leftover;
	posted out;
	cart_err e;

	memset(&out, 0, sizeof out);
	if (s->f.allocated <= 0 && (left <= 0 || leftover == LEFTOVER_CREDIT)) {
		ui_status(1, _("mark the invoices to apply %s to, or refund or write it off"),
		          s->credit);
		return SCR_STAY;
	}
	ctl_money(s->c, s->f.allocated, a, sizeof a);
	if (s->f.allocated > 0 && ctl_rform_post(&s->f, &out, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return SCR_STAY;
	}
	if (left > 0 && leftover != LEFTOVER_CREDIT) {
		posted so;

		/* a second posting of its own: the application above stays when this one fails */
		ctl_money(s->c, left, l, sizeof l);
		if (ctl_settle(s->c, s->credit, l, s->f.date, leftover == LEFTOVER_WRITEOFF,
		               s->f.reason, &so, &e) != CART_OK) {
			ui_status(1, "%s", e.msg);
			return out.number[0] ? SCR_CLOSE : SCR_STAY;
		}
		ctl_money(s->c, left, l, sizeof l);
		if (out.number[0])
			ui_status(0, leftover == LEFTOVER_WRITEOFF ?
			          _("%s applied %s of credit %s; %s wrote off %s.") :
			          _("%s applied %s of credit %s; %s refunded %s."),
			          out.number, a, s->credit, so.number, l);
		else
			ui_status(0, leftover == LEFTOVER_WRITEOFF ? _("%s wrote off %s of credit %s.")
			                                           : _("%s refunded %s of credit %s."),
			          so.number, l, s->credit);
		return SCR_CLOSE;
	}
	ui_status(0, _("%s applied %s of credit %s."), out.number, a, s->credit);
	return SCR_CLOSE;
}

static int post(rcpt_scr *s)
{
	char doc[32], r[48], a[48], l[48];
	posted out;
	cart_err e;

	if (!s->loaded) {
		ui_status(1, "%s", _("pick the client first (F6)"));
		return SCR_STAY;
	}
	if (s->apply)
		return post_apply(s);
	one_doc(s, doc, sizeof doc);
	if ((s->bank_line ? ctl_bank_post_form(s->c, s->bank_line, &s->f, &out, &e)
	                  : ctl_rform_post(&s->f, &out, &e)) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return SCR_STAY;
	}
	ctl_money(s->c, s->f.received, r, sizeof r);
	ctl_money(s->c, s->f.allocated, a, sizeof a);
	ctl_money(s->c, s->f.left, l, sizeof l);
	if (s->f.allocated == 0)
		ui_status(0, _("Receipt %s posted: an advance of %s, a credit in favour."), out.number,
		          r);
	else if (s->f.left == 0 && doc[0])
		ui_status(0, _("Receipt %s posted: %s paid on %s."), out.number, a, doc);
	else if (s->f.left == 0)
		ui_status(0, _("Receipt %s posted: %s received and allocated."), out.number, r);
	else if (s->f.leftover == LEFTOVER_WRITEOFF)
		ui_status(0, _("Receipt %s posted: %s allocated, %s written off."),
		          out.number, a, l);
	else if (s->f.leftover == LEFTOVER_REFUND)
		ui_status(0, _("Receipt %s posted: %s allocated, %s refunded."),
		          out.number, a, l);
	else
		ui_status(0, _("Receipt %s posted: %s allocated, %s a credit in favour."),
		          out.number, a, l);
	return SCR_CLOSE;
}

/* ---- dialogs ---- */

static void ask_row(rcpt_scr *s)
{
	const ctl_receipt_row *r = &s->f.rows[s->lv.sel];
	char name[48], open[48], text[300], now[48] = "";

	row_name(r, name, sizeof name);
	ctl_money(s->c, r->it.open, open, sizeof open);
	if (r->overridden)
		ctl_money(s->c, r->amount, now, sizeof now);
	snprintf(text, sizeof text, _("What %s takes (it has %s open; empty: oldest first):"), name,
	         open);
	s->row_asked = (int)s->lv.sel;
	dialog_prompt(&s->dlg, ASK_ROW, _("Amount of a row"), text, _("Amount"), 24, now);
}

static void ask_client(rcpt_scr *s)
{
	cart_err e;

	if (dialog_pick(&s->dlg, ASK_CLIENT, s->c, _("The receipt's client"),
	                _("Type a few letters of the name, tax id or phone:"), &e) != CART_OK)
		ui_status(1, "%s", e.msg);
}

static void set_leftover(rcpt_scr *s, int which, const char *reason)
{
	static const char *const names[] = { "credit", "writeoff", "refund" };
	cart_err e;

	if (s->apply) {
		/* the credit's leftover is settled on its own (ctl_settle); the refund rule is the
		 * same one, checked here so the key says why at once */
		if (which == LEFTOVER_REFUND && !ctl_company(s->c)->allow_cash_refund) {
			ui_status(1, "%s", _("credits in favour are not refunded in cash in this company"
			                     " (the company setting does not allow it): keep the"
			                     " leftover as a credit"));
			return;
		}
		s->f.leftover = which;
		snprintf(s->f.reason, sizeof s->f.reason, "%s", reason ? reason : "");
		ui_status(0, "%s", "");
		s->dirty = 1;
		return;
	}
	if (ctl_rform_set_leftover(&s->f, names[which], reason, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	s->dirty = 1;
	ui_status(0, "%s", "");
}

static void answered(rcpt_scr *s, int tag, int r)
{
	char text[256], id[32];
	cart_err e;

	if (r == DLG_CANCEL) {
		if (tag == ASK_CLIENT && !s->loaded)
			s->help = 0;
		ui_status(0, "%s", "");
		return;
	}
	dialog_answer_text(&s->dlg, text, sizeof text);
	switch (tag) {
	case ASK_CLIENT:
		snprintf(id, sizeof id, "%lld", (long long)s->dlg.picked);
		if (s->bank_line && !s->loaded) {
			/* a bank line no client was proposed for: its form for the client picked */
			if (ctl_bank_form(s->c, s->bank_line, id, &s->f, &e) != CART_OK) {
				ui_status(1, "%s", e.msg);
			} else {
				s->loaded = 1;
				listview_set_rows(&s->lv, s->f.n);
				s->dirty = 1;
			}
		} else if (load(s, id, s->loaded ? s->f.date : "", &e) != CART_OK)
			ui_status(1, "%s", e.msg);
		else
			s->dirty = 1;
		break;
	case ASK_AMOUNT:
		s->auto_cash = 0;
		if (ctl_rform_set_amount(&s->f, "cash", text, &e) != CART_OK)
			ui_status(1, "%s", e.msg);
		else
			s->dirty = 1;
		break;
	case ASK_DATE: {
		char ref[32];

		snprintf(ref, sizeof ref, "%lld", (long long)s->f.cl.id);
		if (load(s, ref, text, &e) != CART_OK)
			ui_status(1, "%s", e.msg);
		else
			s->dirty = 1;
		break;
	}
	case ASK_ROW:
		if (ctl_rform_set_row(&s->f, s->row_asked, text, &e) != CART_OK)
			ui_status(1, "%s", e.msg);
		else
			s->dirty = 1;
		break;
	case ASK_REASON:
		set_leftover(s, LEFTOVER_WRITEOFF, text);
		break;
	default:
		break;
	}
}

/* ---- keys ---- */

/* After a mark: a proposed cash amount follows the marks (what the marked rows have open); a
 * typed one stays, and a marked row it does not reach is said, not left silently at 0,00. */
static void follow_marks(rcpt_scr *s, int i)
{
	const ctl_receipt_row *r = &s->f.rows[i];
	cart_err e;

	if (s->apply)
		return;
	if (s->auto_cash && s->f.n_wh == 0 && s->f.n_means <= 1) {
		int64_t sum = 0;
		char a[48];

		for (int k = 0; k < s->f.n; k++)
			if (s->f.rows[k].marked)
				sum += s->f.rows[k].it.open;
		if (sum > 0) {
			ctl_money(s->c, sum, a, sizeof a);
			if (ctl_rform_set_amount(&s->f, "cash", a, &e) != CART_OK)
				ui_status(1, "%s", e.msg);
			else
				ui_status(0, _("The cash follows the marks: %s."), a);
		}
		return;
	}
	if (r->marked && r->amount == 0) {
		char num[48], zero[48];

		ctl_money(s->c, 0, zero, sizeof zero);
		snprintf(num, sizeof num, "%s", r->it.number);
		if (r->it.instalment_no)
			snprintf(num + strlen(num), sizeof num - strlen(num), "/%d", r->it.instalment_no);
		ui_status_warn(_("%s is marked but the amount received is used up: it takes %s"
		                 " (F2 the amount received)"), num, zero);
	}
}

/* ---- keys ---- */

static int act_help(void *self, int key)
{
	rcpt_scr *s = self;

	(void)key;
	s->help = 1;
	return SCR_STAY;
}

static int act_cancel(void *self, int key)
{
	rcpt_scr *s = self;

	(void)key;
	if (!s->dirty) {
		ui_status(0, "%s", "");
		return SCR_CLOSE;
	}
	dialog_confirm(&s->dlg, ASK_DISCARD, _("Unposted work"),
	               _("Close without posting? What was typed is lost. (y/n)"));
	return SCR_STAY;
}

static int act_post(void *self, int key)
{
	(void)key;
	return post(self);
}

static int act_amount(void *self, int key)
{
	rcpt_scr *s = self;
	char now[48] = "";

	(void)key;
	if (s->f.received > 0)
		ctl_money(s->c, s->f.received, now, sizeof now);
	dialog_prompt(&s->dlg, ASK_AMOUNT, _("Amount received"),
	              _("Everything received, in cash (in place of the means typed so far):"),
	              _("Amount"), 24, now);
	return SCR_STAY;
}

static int act_means(void *self, int key)
{
	rcpt_scr *s = self;

	(void)key;
	s->auto_cash = 0;
	rmeans_open(&s->entry, RMEANS_MEANS);
	return SCR_STAY;
}

static int act_withheld(void *self, int key)
{
	rcpt_scr *s = self;

	(void)key;
	s->auto_cash = 0;
	rmeans_open(&s->entry, RMEANS_WH);
	return SCR_STAY;
}

static int act_unmeans(void *self, int key)
{
	rcpt_scr *s = self;

	(void)key;
	ctl_rform_remove_means(&s->f, s->f.n_means - 1);
	s->dirty = 1;
	return SCR_STAY;
}

static int act_client(void *self, int key)
{
	(void)key;
	ask_client(self);
	return SCR_STAY;
}

static int act_date(void *self, int key)
{
	rcpt_scr *s = self;
	char day[DATE_LEN], ask[160];

	(void)key;
	date_show(s->f.date, day, sizeof day);
	snprintf(ask, sizeof ask, _("The receipt's date (%s):"), date_order_pattern(date_order()));
	dialog_prompt(&s->dlg, ASK_DATE, _("Receipt date"), ask, _("Date"), 10, day);
	return SCR_STAY;
}

static int act_mark(void *self, int key)
{
	rcpt_scr *s = self;
	cart_err e;

	(void)key;
	if (ctl_rform_mark(&s->f, (int)s->lv.sel, !s->f.rows[s->lv.sel].marked, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	else
		follow_marks(s, (int)s->lv.sel);
	s->dirty = 1;
	if (s->lv.sel < s->lv.rows - 1)
		listview_handle_key(&s->lv, UK_DOWN);
	return SCR_STAY;
}

static int act_row(void *self, int key)
{
	(void)key;
	ask_row(self);
	return SCR_STAY;
}

static int act_keep(void *self, int key)
{
	(void)key;
	set_leftover(self, LEFTOVER_CREDIT, "");
	return SCR_STAY;
}

static int act_writeoff(void *self, int key)
{
	rcpt_scr *s = self;

	(void)key;
	dialog_prompt(&s->dlg, ASK_REASON, _("Write off the leftover"),
	              _("Why is the leftover written off?"), _("Reason"), 190, "");
	return SCR_STAY;
}

static int act_refund(void *self, int key)
{
	(void)key;
	set_leftover(self, LEFTOVER_REFUND, "");
	return SCR_STAY;
}

static int act_up(void *self, int key)
{
	rcpt_scr *s = self;

	(void)key;
	listview_handle_key(&s->lv, UK_UP);
	return SCR_STAY;
}

static int act_down(void *self, int key)
{
	rcpt_scr *s = self;

	(void)key;
	listview_handle_key(&s->lv, UK_DOWN);
	return SCR_STAY;
}

/* PgUp and Home, PgDn and End */
static int act_page(void *self, int key)
{
	rcpt_scr *s = self;

	listview_handle_key(&s->lv, key);
	return SCR_STAY;
}

static const ui_act rcpt_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("Cash"), UK_F(2), '$', 0, UI_NEEDS_RECEIVING,
	       N_("the amount received, all in cash (in place of the means typed so far)"), act_amount),
	UI_ACT(N_("Means"), UK_F(3), 'm', 0, UI_NEEDS_RECEIVING,
	       N_("add a means of payment: cash, transfer, card, cheque (bank, number), post-dated"),
	       act_means),
	UI_ACT(N_("Withheld"), UK_F(4), 'w', 0, UI_NEEDS_RECEIVING,
	       N_("add a withholding the client deducted: its kind, certificate and amount"), act_withheld),
	UI_ACT(NULL, UK_F(8), 'x', 0, UI_NEEDS_RECEIVING | UI_NEEDS_MEANS,
	       N_("remove the last means of payment"), act_unmeans),
	UI_ACT(NULL, UK_F(6), 'c', 0, UI_NEEDS_RECEIVING, N_("the client: pick it from the client list"),
	       act_client),
	UI_ACT(NULL, UK_F(7), 'd', 0, UI_NEEDS_RECEIVING,
	       N_("the receipt date (the open invoices as of that date)"), act_date),
	UI_ACT(NULL, ' ', 0, 0, UI_NEEDS_ROW,
	       N_("Space: mark or unmark the invoice; marked ones take the amount, oldest first"),
	       act_mark),
	UI_ACT(NULL, UK_ENTER, '=', 0, UI_NEEDS_ROW,
	       N_("type what the selected invoice takes (empty: back to oldest first)"), act_row),
	UI_ACT(N_("AA"), 'k', 0, 0, 0, N_("the leftover: keep it as a credit in favour (AA)"), act_keep),
	UI_ACT(N_("Writeoff"), 'o', 0, 0, 0, N_("the leftover: write it off (asks the reason)"),
	       act_writeoff),
	UI_ACT(N_("Refund"), 'f', 0, 0, 0,
	       N_("the leftover: refund it in cash (when the company allows refunds)"), act_refund),
	UI_ACT(N_("Post"), UK_F(9), UK_CTRL('s'), 0, 0, N_("post the document; its number is shown"),
	       act_post),
	UI_ACT(N_("Cancel"), UK_ESC, UK_F(10), 0, 0,
	       N_("close the form; asks first when something was typed"), act_cancel),
	UI_ACT(NULL, UK_UP, UK_CTRL('p'), 0, 0, N_("previous invoice"), act_up),
	UI_ACT(NULL, UK_DOWN, UK_CTRL('n'), 0, 0, N_("next invoice"), act_down),
	UI_ACT(NULL, UK_PGUP, UK_HOME, 0, 0, N_("previous page, first invoice"), act_page),
	UI_ACT(NULL, UK_PGDN, UK_END, 0, 0, N_("next page, last invoice"), act_page),
};
const ui_keymap scr_receipt_keys = UI_KEYMAP("receipt", 0, rcpt_acts);

static int rcpt_key(ui_screen *base, int key)
{
	rcpt_scr *s = (rcpt_scr *)base;
	const ui_act *a;

	if (s->entry.kind != RMEANS_NONE) {
		if (rmeans_key(&s->entry, &s->f, key))
			s->dirty = 1;
		return SCR_STAY;
	}
	if (s->dlg.kind != DLG_NONE) {
		int tag = s->dlg.tag, r = dialog_key(&s->dlg, key);

		if (tag == ASK_DISCARD && r == DLG_OK) {
			ui_status(0, "%s", _("Nothing posted."));
			return SCR_CLOSE;
		}
		if (tag == ASK_CLIENT && r == DLG_CANCEL && !s->loaded)
			return SCR_CLOSE;      /* no client, no receipt */
		if (r != DLG_OPEN && !(r & DLG_REQUERY))
			answered(s, tag, r);
		return SCR_STAY;
	}
	if (s->help) {
		if (!ui_help_key(key) && ui_help_closes(key))
			s->help = 0;
		return SCR_STAY;
	}
	a = ui_keys_find(&scr_receipt_keys, key, have(s), 0);
	if (!a || !ui_act_ok(a, have(s)))
		return SCR_STAY;
	/* before a client: only picking one, leaving and the help */
	if (!s->loaded && a->run != act_client && a->run != act_cancel && a->run != act_help) {
		ui_status(1, "%s", _("pick the client first (F6)"));
		return SCR_STAY;
	}
	return a->run(s, key);
}

static void rcpt_free(ui_screen *base)
{
	rcpt_scr *s = (rcpt_scr *)base;

	dialog_free(&s->dlg);
	if (s->loaded)
		ctl_rform_free(&s->f);
	free(s);
}

static rcpt_scr *alloc_scr(ctl *c, cart_err *e)
{
	rcpt_scr *s = calloc(1, sizeof *s);

	if (!s) {
		cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the receipt"));
		return NULL;
	}
	s->base = (ui_screen){ rcpt_draw, rcpt_key, NULL, rcpt_free, 0 };
	s->c = c;
	listview_init(&s->lv, cols, NCOLS, -1);
	return s;
}

/* Load client_id in currency as of the controller's today. */
static int load_id(rcpt_scr *s, int64_t client_id, const char *currency, cart_err *e)
{
	char id[32];
	int rc;

	snprintf(id, sizeof id, "%lld", (long long)client_id);
	rc = ctl_rform_load(s->c, &s->f, id, NULL, currency ? currency : "", e);
	if (rc == CART_OK) {
		s->loaded = 1;
		listview_set_rows(&s->lv, s->f.n);
	}
	return rc;
}

int scr_receipt_new(ctl *c, int64_t client_id, const char *currency, const char *doc,
                    ui_screen **out, cart_err *e)
{
	rcpt_scr *s = alloc_scr(c, e);

	if (!s)
		return e->code;
	if (client_id <= 0) {
		ask_client(s);
		*out = &s->base;
		return CART_OK;
	}
	if (load_id(s, client_id, currency, e) != CART_OK) {
		rcpt_free(&s->base);
		return e->code;
	}
	if (doc && *doc) {
		int64_t open = 0;
		char a[48];

		for (int i = 0; i < s->f.n; i++)
			if (ctl_rform_row_is(&s->f.rows[i], doc))
				open += s->f.rows[i].it.open;
		ctl_money(c, open, a, sizeof a);
		if (ctl_rform_set_amount(&s->f, "cash", a, e) != CART_OK ||
		    ctl_rform_mark_doc(&s->f, doc, NULL, e) != CART_OK) {
			rcpt_free(&s->base);
			return e->code;
		}
		for (int i = 0; i < s->f.n; i++)
			if (ctl_rform_row_is(&s->f.rows[i], doc)) {
				s->lv.sel = i;
				break;
			}
		s->auto_cash = 1;
	}
	*out = &s->base;
	return CART_OK;
}

int scr_receipt_bank_new(ctl *c, int64_t line_id, ui_screen **out, cart_err *e)
{
	rcpt_scr *s = alloc_scr(c, e);
	bank_line ln;

	if (!s)
		return e->code;
	s->bank_line = line_id;
	if (ctl_bank_line(c, line_id, &ln, NULL, 0, NULL, e) != CART_OK) {
		rcpt_free(&s->base);
		return e->code;
	}
	if (!ln.client_id) {
		ask_client(s);
		*out = &s->base;
		return CART_OK;
	}
	if (ctl_bank_form(c, line_id, NULL, &s->f, e) != CART_OK) {
		rcpt_free(&s->base);
		return e->code;
	}
	s->loaded = 1;
	listview_set_rows(&s->lv, s->f.n);
	*out = &s->base;
	return CART_OK;
}

int scr_apply_to_new(ctl *c, int64_t client_id, const char *currency, const char *doc,
                     ui_screen **out, cart_err *e)
{
	rcpt_scr *s = alloc_scr(c, e);

	if (!s)
		return e->code;
	if (load_id(s, client_id, currency, e) != CART_OK) {
		rcpt_free(&s->base);
		return e->code;
	}
	if (s->f.n_credits == 0) {
		cart_fail(e, CART_NOTFOUND, _("%s has no credit in favour to apply to %s"),
		          s->f.cl.name, doc);
		rcpt_free(&s->base);
		return e->code;
	}
	/* the oldest credit in favour, on this document alone */
	s->apply = 1;
	snprintf(s->credit, sizeof s->credit, "%s", s->f.credits[0].number);
	if (ctl_rform_use_credit(&s->f, 0, e) != CART_OK ||
	    ctl_rform_mark_doc(&s->f, doc, NULL, e) != CART_OK) {
		rcpt_free(&s->base);
		return e->code;
	}
	for (int i = 0; i < s->f.n; i++)
		if (ctl_rform_row_is(&s->f.rows[i], doc)) {
			s->lv.sel = i;
			break;
		}
	*out = &s->base;
	return CART_OK;
}

int scr_apply_new(ctl *c, int64_t client_id, const char *currency, const char *credit,
                  ui_screen **out, cart_err *e)
{
	rcpt_scr *s = alloc_scr(c, e);
	int k = -1;

	if (!s)
		return e->code;
	if (load_id(s, client_id, currency, e) != CART_OK) {
		rcpt_free(&s->base);
		return e->code;
	}
	for (int i = 0; i < s->f.n_credits && k < 0; i++)
		if (!strcmp(s->f.credits[i].number, credit))
			k = i;
	if (k < 0) {
		cart_fail(e, CART_NOTFOUND, _("%s holds no open credit in favour of %s"), credit,
		          s->f.cl.name);
		rcpt_free(&s->base);
		return e->code;
	}
	s->apply = 1;
	snprintf(s->credit, sizeof s->credit, "%s", credit);
	ctl_rform_use_credit(&s->f, k, e);
	/* oldest first by default: every row marked, the credit fills them in order */
	for (int i = 0; i < s->f.n; i++)
		ctl_rform_mark(&s->f, i, 1, e);
	*out = &s->base;
	return CART_OK;
}
