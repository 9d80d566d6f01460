/* "Banco" (SPEC I3): the bank lines waiting, each with its proposed client, what it pays, how
 * sure and why. The clerk goes down the list: Enter accepts the proposal (the receipt posts at
 * once), F4 opens the receipt form pre-filled to change the client or the documents, F5 leaves
 * the line for later, F8 marks it as no client's payment. F2 imports a statement; a CSV of an
 * account with no layout yet asks for its columns here. Everything through ctl_bank.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "keymaps.h"
#include "listscr.h"
#include "scr_bank.h"
#include "scr_receipt.h"
#include "ui_int.h"

#include "cartera/date.h"
#include "cartera/ctl_bank.h"
#include "cartera/i18n.h"
#include "cartera/output.h"

enum { COL_LINE, COL_DATE, COL_AMOUNT, COL_TEXT, COL_CLIENT, COL_CONF, COL_PAYS, NCOLS };
enum { ASK_FILE = 1, ASK_ACCOUNT, ASK_COLUMNS };

static lv_col cols[NCOLS] = {
	[COL_LINE]   = { N_("Line"), 5, 1, 0, 0 },
	[COL_DATE]   = { N_("Date"), 10, 0, 0, 0 },
	[COL_AMOUNT] = { N_("Amount"), 13, 1, 0, 0 },
	[COL_TEXT]   = { N_("Description"), 18, 0, 1, 0 },
	[COL_CLIENT] = { N_("Client"), 16, 0, 0, 0 },
	[COL_CONF]   = { N_("Conf."), 5, 1, 0, 0 },
	[COL_PAYS]   = { N_("Pays"), 14, 0, 0, 0 },
};
static const char *const col_titles[NCOLS] = {
	N_("Line"), N_("Date"), N_("Amount"), N_("Description"), N_("Client"), N_("Conf."),
	N_("Pays"),
};

typedef struct bank_row {
	bank_line ln;
	char pays[64];
} bank_row;

typedef struct bank_scr {
	ui_screen base;
	ctl *c;
	listscr ls;               /* bank_row rows, in memory */
	char cell[48];
	int unmatched;            /* only the lines with no client proposed */
	char path[1024], account[64];
	dialog dlg;
	int help;
} bank_scr;

static int take(const bank_line *ln, void *ud)
{
	bank_scr *s = ud;
	bank_row *r;
	bank_alloc docs[8];
	cart_err e;
	int n = 0;

	if (!(r = listscr_add(&s->ls)))
		return 1;
	r->ln = *ln;
	if (ln->n_docs && ctl_bank_line(s->c, ln->id, &r->ln, docs, 8, &n, &e) == CART_OK)
		for (int i = 0; i < n; i++) {
			size_t k = strlen(r->pays);
			char name[48];

			if (docs[i].instalment_no)
				snprintf(name, sizeof name, "%s/%d", docs[i].number, docs[i].instalment_no);
			else
				snprintf(name, sizeof name, "%s", docs[i].number);
			snprintf(r->pays + k, sizeof r->pays - k, "%s%s", k ? " " : "", name);
		}
	return 0;
}

static void load(bank_scr *s)
{
	cart_err e;
	const bank_row *sel = listscr_selected(&s->ls);
	int64_t keep = sel ? sel->ln.id : 0;

	listscr_clear(&s->ls);
	if (ctl_bank_lines(s->c, -1, s->unmatched, take, s, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	listscr_set_rows(&s->ls, 0);
	/* the cursor stays on the line it was on, or goes to the one that took its place */
	for (long i = 0; keep && i < listscr_rows(&s->ls); i++)
		if (((const bank_row *)listscr_row(&s->ls, i))->ln.id >= keep) {
			s->ls.lv.sel = i;
			break;
		}
	listview_scroll(&s->ls.lv);
}

static const char *cell(void *ud, const void *row, long i, int col)
{
	bank_scr *s = ud;
	const bank_row *r = row;

	(void)i;
	switch (col) {
	case COL_LINE:
		snprintf(s->cell, sizeof s->cell, "%lld", (long long)r->ln.id);
		return s->cell;
	case COL_DATE:
		date_show(r->ln.date, s->cell, sizeof s->cell);
		return s->cell;
	case COL_AMOUNT:
		ctl_money(s->c, r->ln.amount, s->cell, sizeof s->cell);
		return s->cell;
	case COL_TEXT: return r->ln.description[0] ? r->ln.description : r->ln.reference;
	case COL_CLIENT:
		return r->ln.client_id ? r->ln.client_name : r->ln.state == BANK_LATER ? _("(later)")
		                                                                       : _("(none)");
	case COL_CONF:
		if (!r->ln.client_id)
			return "";
		snprintf(s->cell, sizeof s->cell, "%d%%", r->ln.confidence);
		return s->cell;
	default:
		return r->pays;
	}
}

static int have(const bank_scr *s)
{
	return listscr_have(&s->ls);
}

static const bank_line *selected(bank_scr *s)
{
	const bank_row *r = listscr_selected(&s->ls);

	return r ? &r->ln : NULL;
}

static void open_form(bank_scr *s, const bank_line *ln)
{
	ui_screen *sub;
	cart_err e;

	if (scr_receipt_bank_new(s->c, ln->id, &sub, &e) != CART_OK)
		ui_status(1, "%s", e.msg);
	else
		ui_screen_push(sub);
}

static void accept(bank_scr *s, const bank_line *ln)
{
	posted p;
	cart_err e;
	char a[48];

	if (!ln->client_id) {   /* nothing to accept: the form, to choose the client */
		open_form(s, ln);
		return;
	}
	if (ctl_bank_accept(s->c, ln->id, &p, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ctl_money(s->c, p.total, a, sizeof a);
	ui_status(0, _("Line %lld: receipt %s posted, %s from %s."), (long long)ln->id, p.number, a,
	          p.client);
	load(s);
}

static void set_state(bank_scr *s, const bank_line *ln, int state)
{
	cart_err e;
	int64_t id = ln->id;

	if (ctl_bank_set_state(s->c, id, state, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, state == BANK_LATER ? _("Line %lld left for later.")
	                                 : _("Line %lld: not a client payment."), (long long)id);
	load(s);
}

static void import(bank_scr *s, const char *columns)
{
	ctl_bank_import a;
	ctl_bank_result r;
	cart_err e;
	int need;

	memset(&a, 0, sizeof a);
	a.path = s->path;
	a.account = s->account;
	a.columns = columns;
	a.header = -1;
	if (ctl_bank_import_file(s->c, &a, &r, &need, &e) != CART_OK) {
		if (need) {
			char fields[32][64], text[1200], delim = 0;
			size_t k = 0;
			int n = 0;

			/* the first CSV of this account: its columns, from its header row */
			if (ctl_bank_csv_peek(s->path, &delim, fields, 32, &n, &e) != CART_OK) {
				ui_status(1, "%s", e.msg);
				return;
			}
			for (int i = 0; i < n && k < sizeof text; i++)
				k += (size_t)snprintf(text + k, sizeof text - k, "%s%d=%s", i ? ", " : "", i + 1,
				                      fields[i]);
			dialog_prompt(&s->dlg, ASK_COLUMNS, _("CSV layout: which column holds what?"), text,
			              _("Columns"), 200, "date=1,description=2,reference=3,amount=4");
			return;
		}
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, _("%d new lines (%d already imported): %d with a client proposed, %d"
	               " unmatched."), r.added, r.already, r.proposed, r.added - r.proposed);
	load(s);
}

static void answered(bank_scr *s, int tag)
{
	char text[1024];

	dialog_answer_text(&s->dlg, text, sizeof text);
	switch (tag) {
	case ASK_FILE:
		snprintf(s->path, sizeof s->path, "%s", text);
		dialog_prompt(&s->dlg, ASK_ACCOUNT, _("Import a bank statement"), s->path,
		              _("Account (empty: the file's)"), 60, s->account);
		return;
	case ASK_ACCOUNT:
		snprintf(s->account, sizeof s->account, "%.63s", text);
		import(s, NULL);
		return;
	case ASK_COLUMNS:
		import(s, text);
		return;
	default:
		return;
	}
}

static void bank_draw(ui_screen *base)
{
	bank_scr *s = (bank_scr *)base;
	const bank_line *ln = selected(s);
	char left[256], right[128];

	if (s->help) {
		ui_keys_help(&scr_bank_keys, have(s), _("Bank"), ctl_company(s->c)->name);
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", ctl_company(s->c)->name);
	snprintf(right, sizeof right, s->unmatched ? _("Bank: %zu unmatched") : _("Bank: %zu waiting"),
	         (size_t)listscr_rows(&s->ls));
	ui_title(left, right);
	ui_put(1, 0, COLS, s->unmatched ? _("Bank lines nobody matched")
	                                : _("Bank lines waiting, with the proposed client and documents"),
	       0);
	listscr_draw(&s->ls, 2, LINES - 6, _("No bank lines waiting. F2 imports a statement."));
	if (ln) {
		char a[48], l1[600];

		ctl_money(s->c, ln->amount, a, sizeof a);
		snprintf(l1, sizeof l1, _("%s %s  %s  ref. %s  %s"), a, ln->currency, ln->description,
		         ln->reference, ln->payer);
		ui_put(LINES - 4, 0, COLS, l1, 0);
		ui_put(LINES - 3, 0, COLS, ln->why, 0);
	}
	ui_status_draw();
	ui_keys_bar(&scr_bank_keys, have(s));
	dialog_draw(&s->dlg);
}

static int act_help(void *self, int key)
{
	bank_scr *s = self;

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

/* The selected line, copied: the handlers reload the list. */
static bank_line chosen_line(bank_scr *s)
{
	const bank_line *ln = selected(s);
	bank_line chosen;

	memset(&chosen, 0, sizeof chosen);
	if (ln)
		chosen = *ln;
	return chosen;
}

static int act_accept(void *self, int key)
{
	bank_scr *s = self;
	bank_line chosen = chosen_line(s);

	(void)key;
	accept(s, &chosen);
	return SCR_STAY;
}

static int act_change(void *self, int key)
{
	bank_scr *s = self;
	bank_line chosen = chosen_line(s);

	(void)key;
	open_form(s, &chosen);
	return SCR_STAY;
}

static int act_later(void *self, int key)
{
	bank_scr *s = self;
	bank_line chosen = chosen_line(s);

	(void)key;
	set_state(s, &chosen, BANK_LATER);
	return SCR_STAY;
}

static int act_ignore(void *self, int key)
{
	bank_scr *s = self;
	bank_line chosen = chosen_line(s);

	(void)key;
	set_state(s, &chosen, BANK_NOT_CLIENT);
	return SCR_STAY;
}

static int act_unmatched(void *self, int key)
{
	bank_scr *s = self;

	(void)key;
	s->unmatched = !s->unmatched;
	s->ls.lv.sel = 0;
	load(s);
	return SCR_STAY;
}

static int act_import(void *self, int key)
{
	bank_scr *s = self;

	(void)key;
	dialog_prompt(&s->dlg, ASK_FILE, _("Import a bank statement"),
	              _("A CSV, OFX or camt.053 file as the bank gives it"), _("File"), 1000, s->path);
	return SCR_STAY;
}

static const ui_act bank_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("Import"), UK_F(2), UK_CTRL('o'), 0, 0,
	       N_("import a bank statement: CSV (its columns asked the first time), OFX or camt.053"),
	       act_import),
	UI_ACT(N_("Accept"), UK_ENTER, 0, 0, UI_NEEDS_ROW,
	       N_("accept the proposal: the receipt posts (no client proposed: the receipt form)"),
	       act_accept),
	UI_ACT(N_("Change"), UK_F(4), UK_CTRL('e'), 0, UI_NEEDS_ROW,
	       N_("change the client or the documents: the receipt form, filled in from the line"),
	       act_change),
	UI_ACT(N_("Later"), UK_F(5), UK_CTRL('d'), 0, UI_NEEDS_ROW,
	       N_("leave the line for later; it stays in the list"), act_later),
	UI_ACT(N_("Unmatched"), UK_F(6), UK_CTRL('f'), 0, 0,
	       N_("only the lines nobody matched, or every line waiting"), act_unmatched),
	UI_ACT(N_("Not client"), UK_F(8), UK_CTRL('x'), 0, UI_NEEDS_ROW,
	       N_("mark the line as not a client payment (a transfer of your own, interest...)"),
	       act_ignore),
	UI_ACT(N_("Back"), UK_F(10), UK_ESC, 0, 0, N_("back to the screen before"), act_back),
};
const ui_keymap scr_bank_keys = UI_KEYMAP("bank", 0, bank_acts);

static int bank_key(ui_screen *base, int key)
{
	bank_scr *s = (bank_scr *)base;

	if (s->dlg.kind != DLG_NONE) {
		int tag = s->dlg.tag;

		if (dialog_key(&s->dlg, key) == DLG_OK)
			answered(s, tag);
		return SCR_STAY;
	}
	return listscr_key(&s->ls, &scr_bank_keys, s, have(s), &s->help, key);
}

static void bank_resume(ui_screen *base)
{
	load((bank_scr *)base);
}

static void bank_free(ui_screen *base)
{
	bank_scr *s = (bank_scr *)base;

	dialog_free(&s->dlg);
	listscr_free(&s->ls);
	free(s);
}

int scr_bank_new(ctl *c, ui_screen **out, cart_err *e)
{
	bank_scr *s = calloc(1, sizeof *s);

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the bank lines"));
	s->base = (ui_screen){ bank_draw, bank_key, bank_resume, bank_free, 0 };
	s->c = c;
	for (int i = 0; i < NCOLS; i++)
		cols[i].title = _(col_titles[i]);
	listscr_init(&s->ls, cols, NCOLS, -1, sizeof(bank_row), cell, NULL, s);
	load(s);
	*out = &s->base;
	return CART_OK;
}
