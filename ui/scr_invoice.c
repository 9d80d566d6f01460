/* The invoice entry screen (SPEC D1, D3, C4; seed 003 "Facturación"), and the same screen for
 * quotes. The header (client, date, due date or validity, reference, memo) is a form with the
 * client's credit check beside it; the lines are a grid (description, quantity, unit price, tax
 * rate, the line's total read-only) with the totals and the tax per rate under it. Every change
 * of a line is pushed into the invoice form's view-model (ctl_docs.h), which refuses a bad line
 * with a message naming it and recomputes the totals, the split into instalments and the credit
 * check. A client is chosen with the pick dialog, or created in the client form opened over the
 * invoice (everything typed stays). F9 posts (asking for a reason when the credit check needs an
 * override) and starts the next document: clerks key many. Dialogs are states of the screen.
 * Its keys are here, its drawing in scr_invoice_draw.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymaps.h"
#include "scr_invoice.h"
#include "scr_invoice_int.h"
#include "ui_int.h"

#include "cartera/i18n.h"
#include "cartera/money.h"
#include "cartera/output.h"

/* ---- the lines ---- */

static void line_text(const inv_scr *s, int r, ctl_line_text *t)
{
	memset(t, 0, sizeof *t);
	snprintf(t->description, sizeof t->description, "%s", s->g.cell[r][C_DESC]);
	snprintf(t->qty, sizeof t->qty, "%s", s->g.cell[r][C_QTY]);
	snprintf(t->price, sizeof t->price, "%s", s->g.cell[r][C_PRICE]);
	/* a reimbursable expense (D1) carries no tax: it posts as its own CGC charge */
	t->expense = !strcmp(s->g.cell[r][C_TAX], s->expense);
	if (strcmp(s->g.cell[r][C_TAX], s->notax) && !t->expense)
		snprintf(t->tax, sizeof t->tax, "%s", s->g.cell[r][C_TAX]);
}

/* The grid's rows from `from` on into the view-model again (the rows before it are there
 * already): each typed row is a line, or is refused with its message kept for the row. */
static void sync_lines(inv_scr *s, int from)
{
	int k = 0;
	cart_err e;

	if (from < 0)
		from = 0;
	for (int r = 0; r < from && r < s->g.nrows; r++)
		if (s->mrow[r] >= 0)
			k++;
	while (s->f->n > k)
		ctl_invform_delete_line(s->f, s->f->n - 1, &e);
	for (int r = from; r < GRID_MAX_ROWS; r++) {
		ctl_line_text t;

		s->mrow[r] = -1;
		s->rerr[r][0] = '\0';
		if (r >= s->g.nrows)
			continue;
		if (grid_row_blank(&s->g, r)) {
			grid_set(&s->g, r, C_TOTAL, "");
			continue;
		}
		line_text(s, r, &t);
		if (ctl_invform_set_line(s->f, s->f->n, &t, &e) == CART_OK) {
			char net[64];

			s->mrow[r] = s->f->n - 1;
			money_text(s, s->f->lines[s->f->n - 1].net, net, sizeof net);
			grid_set(&s->g, r, C_TOTAL, net);
		} else {
			/* the message names the view-model's line number: name the grid's */
			const char *m = e.msg;
			char no[24];

			/* TRANSLATORS: the same as the controller's "line %d: ..." messages */
			snprintf(no, sizeof no, _("line %d: %s"), s->f->n + 1, "");
			if (!strncmp(m, no, strlen(no)))
				m += strlen(no);
			snprintf(s->rerr[r], sizeof s->rerr[r], _("line %d: %s"), r + 1, m);
			grid_set(&s->g, r, C_TOTAL, "");
		}
	}
}

/* A cell as the clerk leaves it; the whole line's refusal when its last cell is left. */
static void cell_validate(grid *g, int row, int col, char *err, size_t size, void *ud)
{
	inv_scr *s = ud;
	const char *v = g->cell[row][col];
	char what[64];
	int64_t x;
	cart_err e;

	switch (col) {
	case C_DESC:
		if (!v[0])
			snprintf(err, size, _("line %d: the description is empty"), row + 1);
		break;
	case C_QTY:
		snprintf(what, sizeof what, _("line %d: the quantity"), row + 1);
		if (ctl_quantity(s->c, v, what, &x, &e) != CART_OK)
			snprintf(err, size, "%s", e.msg);
		break;
	case C_PRICE:
		if (!v[0])
			snprintf(err, size, _("line %d: the unit price is missing"), row + 1);
		else {
			snprintf(what, sizeof what, _("line %d: the unit price"), row + 1);
			if (ctl_amount(s->c, v, what, &x, &e) != CART_OK)
				snprintf(err, size, "%s", e.msg);
		}
		break;
	default:
		snprintf(err, size, "%s", s->rerr[row]);
		break;
	}
}

static void build_grid(inv_scr *s)
{
	int n = 0;

	grid_init(&s->g, cell_validate, s);
	grid_add_col(&s->g, _("Description"), FT_TEXT, 0, 120);
	grid_add_col(&s->g, _("Quantity"), FT_AMOUNT, 8, 12);
	grid_add_col(&s->g, _("Unit price"), FT_AMOUNT, 13, 18);
	grid_add_col(&s->g, _("Tax"), FT_CHOICE, 10, 48);
	grid_add_col(&s->g, _("Total"), FT_AMOUNT, 14, 24);
	for (int i = 0; i < s->f->taxes.n && n < CTL_MAX_TAXES; i++)
		if (s->f->taxes.r[i].active)
			s->tax_opt[n++] = s->f->taxes.r[i].name;
	s->tax_opt[n++] = s->notax;
	s->tax_opt[n++] = s->expense;
	grid_set_choices(&s->g, C_TAX, s->tax_opt, n);
	grid_set_readonly(&s->g, C_TOTAL, 1);
	grid_set(&s->g, 0, C_TAX, s->tax_opt[0]);
	for (int r = 0; r < GRID_MAX_ROWS; r++)
		s->mrow[r] = -1;
	memset(s->rerr, 0, sizeof s->rerr);
}

/* ---- the header ---- */

static void show_due(inv_scr *s)
{
	if (!s->quote && !s->f->due_typed)
		form_set_value(&s->hd, H_DUE, s->f->due);
}

/* The validity of a quote: 30 days from its date until typed. */
static void default_valid(inv_scr *s)
{
	date_t d;
	char v[DATE_LEN];

	if (!s->quote || s->hd.f[H_DUE].edited || date_parse(s->f->date, &d, CART_IGNORED) != CART_OK)
		return;
	date_format(date_add_days(d, 30), v);
	form_set_value(&s->hd, H_DUE, v);
}

static void head_validate(form *fm, int i, char *err, size_t size, void *ud)
{
	inv_scr *s = ud;
	const char *v = fm->f[i].value;
	cart_err e;

	switch (i) {
	case H_CLIENT:
		if (!s->f->have_client || strcmp(v, s->f->cl.name))
			snprintf(err, size, "%s", _("Enter chooses the client from the list"));
		break;
	case H_DATE:
		if (ctl_invform_set_date(s->f, v, &e) != CART_OK) {
			snprintf(err, size, "%s", e.msg);
			break;
		}
		show_due(s);
		default_valid(s);
		break;
	case H_DUE: {
		char iso[DATE_LEN];

		form_date_iso(fm, i, iso);
		if (s->quote) {
			if (v[0] && strcmp(iso, s->f->date) < 0)
				snprintf(err, size, _("the validity date %s is before the quote date %s"), v,
				         fm->f[H_DATE].value);
			break;
		}
		if (!strcmp(iso, s->f->due) && (s->f->due_typed || !fm->f[i].edited))
			break;
		if (ctl_invform_set_due(s->f, v, &e) != CART_OK)
			snprintf(err, size, "%s", e.msg);
		else if (!v[0])
			form_set_value(fm, H_DUE, s->f->due);
		break;
	}
	default:
		break;
	}
}

static void build_header(inv_scr *s)
{
	form_init(&s->hd, s);
	form_add(&s->hd, _("Client"), FT_TEXT, 60, 1, head_validate);
	form_add(&s->hd, _("Date"), FT_DATE, 10, 1, head_validate);
	form_add(&s->hd, s->quote ? _("Valid until") : _("Due date"), FT_DATE, 10, !s->quote,
	         head_validate);
	form_add(&s->hd, _("Reference"), FT_TEXT, 60, 0, NULL);
	form_add(&s->hd, _("Memo"), FT_TEXT, 190, 0, NULL);
	s->hd.f[H_CLIENT].width = 30;
	s->hd.f[H_REF].width = 24;
	s->hd.f[H_MEMO].width = 30;
	form_set_value(&s->hd, H_DATE, s->f->date);
	default_valid(s);
}

/* Client id chosen: into the view-model, its name in the field, its terms in the due date. */
static int choose_client(inv_scr *s, int64_t id)
{
	char ref[32];
	cart_err e;

	snprintf(ref, sizeof ref, "%lld", (long long)id);
	if (ctl_invform_set_client(s->f, ref, &e) != CART_OK) {
		form_set_error(&s->hd, H_CLIENT, e.msg);
		ui_status(1, "%s", e.msg);
		return -1;
	}
	form_set_value(&s->hd, H_CLIENT, s->f->cl.name);
	s->hd.f[H_CLIENT].error[0] = '\0';
	show_due(s);
	return 0;
}

static void picked(inv_scr *s)
{
	if (choose_client(s, s->dlg.picked) != 0)
		return;
	s->touched = 1;
	if (s->f->credit.needs_override)
		ui_status_warn("%s", s->f->credit.warning);
	else
		ui_status(0, "%s", "");
	if (s->hd.cur == H_CLIENT)
		s->hd.cur = H_DATE;
}

/* The pick dialog with what was typed as its filter; one client matching is chosen at once. */
static void open_pick(inv_scr *s, const char *typed)
{
	const char *p = typed;
	int cp, n;
	cart_err e;

	if (dialog_pick(&s->dlg, ASK_PICK, s->c, _("Choose the client"),
	                _("Type a few letters of the name, tax id or phone; Enter chooses."),
	                &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	while ((n = uk_utf8_decode(p, &cp)) > 0) {
		dialog_key(&s->dlg, cp);
		p += n;
	}
	if (typed[0] && s->dlg.lv.rows == 1 && dialog_key(&s->dlg, UK_ENTER) == DLG_OK)
		picked(s);
}

static int needs_pick(const inv_scr *s)
{
	const char *v = s->hd.f[H_CLIENT].value;

	return v[0] && (!s->f->have_client || strcmp(v, s->f->cl.name));
}

/* ---- a fresh document ---- */

static int fresh(inv_scr *s, cart_err *e)
{
	ctl_invoice_form *f;

	if (ctl_invform_new(s->c, &f, e) != CART_OK)
		return e->code;
	ctl_invform_free(s->f);
	s->f = f;
	build_header(s);
	build_grid(s);
	s->on_lines = 0;
	s->touched = 0;
	s->mode = M_EDIT;
	if (s->fixed_client && choose_client(s, s->fixed_client) == 0)
		s->hd.cur = H_DATE;
	s->hd.dirty = 0;
	s->g.dirty = 0;
	return CART_OK;
}

/* ---- posting ---- */

static void do_post(inv_scr *s, const char *reason)
{
	char total[64], msg[400];
	posted out;
	cart_err e;
	int rc;

	if (s->quote) {
		rc = ctl_invform_post_quote(s->f, s->hd.f[H_DUE].value, &out, &e);
	} else {
		rc = ctl_invform_post(s->f, reason, &out, &e);
	}
	if (rc != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	money_text(s, s->f->totals.total + s->f->totals.expenses, total, sizeof total);
	snprintf(msg, sizeof msg, _("%s posted: %s, total %s."), out.number, s->f->cl.name, total);
	if (fresh(s, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, "%s", msg);
}

static void ask_post(inv_scr *s)
{
	int r;

	if (needs_pick(s)) {
		s->on_lines = 0;
		s->hd.cur = H_CLIENT;
		open_pick(s, s->hd.f[H_CLIENT].value);
		return;
	}
	if (form_check_all(&s->hd) >= 0) {
		s->on_lines = 0;
		ui_status(1, "%s: %s", s->hd.f[s->hd.cur].label, s->hd.f[s->hd.cur].error);
		return;
	}
	if ((r = grid_check_all(&s->g)) >= 0) {
		s->on_lines = 1;
		ui_status(1, "%s", s->g.error);
		return;
	}
	for (r = 0; r < s->g.nrows; r++) {
		if (!s->rerr[r][0])
			continue;
		s->on_lines = 1;
		s->g.row = r;
		snprintf(s->g.error, sizeof s->g.error, "%s", s->rerr[r]);
		ui_status(1, "%s", s->rerr[r]);
		return;
	}
	snprintf(s->f->reference, sizeof s->f->reference, "%.*s", (int)sizeof s->f->reference - 1,
	         s->hd.f[H_REF].value);
	snprintf(s->f->memo, sizeof s->f->memo, "%.*s", (int)sizeof s->f->memo - 1,
	         s->hd.f[H_MEMO].value);
	if (!s->quote && s->f->have_client && s->f->n > 0 && s->f->credit.needs_override) {
		char text[400];

		snprintf(text, sizeof text, _("%s. Why post it anyway?"), s->f->credit.warning);
		dialog_prompt(&s->dlg, ASK_OVERRIDE, _("Override the credit check"), text,
		              _("Reason"), 90, "");
		return;
	}
	do_post(s, NULL);
}

/* ---- the instalments window ---- */

static void inst_fill(inv_scr *s)
{
	int n = s->f->n_inst;

	grid_init(&s->ig, NULL, NULL);
	grid_add_col(&s->ig, _("Due"), FT_TEXT, 11, 10);
	grid_add_col(&s->ig, _("Amount"), FT_AMOUNT, 16, 20);
	for (int i = 0; i < n; i++) {
		char a[64];

		if (i > 0)
			grid_append(&s->ig);
		money_text(s, s->f->inst_amount[i], a, sizeof a);
		grid_set(&s->ig, i, 0, s->f->inst_due[i]);
		grid_set(&s->ig, i, 1, a);
	}
	s->ig.row = s->ig.col = 0;
	s->ig.cursor = form_chars(s->ig.cell[0][0]);
}

static void inst_open(inv_scr *s)
{
	char v[16];

	form_init(&s->inf, s);
	form_add(&s->inf, _("Instalments"), FT_INTEGER, 3, 0, NULL);
	form_add(&s->inf, _("Every (days)"), FT_INTEGER, 4, 0, NULL);
	form_add(&s->inf, _("First due"), FT_DATE, 10, 0, NULL);
	if (s->f->n_inst > 1) {
		snprintf(v, sizeof v, "%d", s->f->n_inst);
		form_set_value(&s->inf, I_N, v);
		if (s->f->every_days) {
			snprintf(v, sizeof v, "%d", s->f->every_days);
			form_set_value(&s->inf, I_EVERY, v);
		}
		form_set_value(&s->inf, I_FIRST, s->f->first_due);
	}
	for (int i = 0; i < 3; i++)
		memcpy(s->inst_applied[i], s->inf.f[i].value, sizeof s->inst_applied[i]);
	inst_fill(s);
	s->inst_on_grid = 0;
	s->mode = M_INST;
}

/* The three fields into a split, when they changed since the last one. */
static int inst_apply(inv_scr *s)
{
	cart_err e;
	int n;

	if (!strcmp(s->inf.f[I_N].value, s->inst_applied[I_N]) &&
	    !strcmp(s->inf.f[I_EVERY].value, s->inst_applied[I_EVERY]) &&
	    !strcmp(s->inf.f[I_FIRST].value, s->inst_applied[I_FIRST]))
		return 0;
	n = atoi(s->inf.f[I_N].value);
	if (ctl_invform_split(s->f, n, s->inf.f[I_EVERY].value, s->inf.f[I_FIRST].value,
	                      &e) != CART_OK) {
		form_set_error(&s->inf, I_N, e.msg);
		ui_status(1, "%s", e.msg);
		return -1;
	}
	for (int i = 0; i < 3; i++)
		memcpy(s->inst_applied[i], s->inf.f[i].value, sizeof s->inst_applied[i]);
	s->inf.f[I_N].error[0] = '\0';
	s->touched = 1;
	inst_fill(s);
	ui_status(0, "%s", "");
	return 0;
}

/* Instalment row r as typed into the view-model, when it differs from what it holds. */
static int inst_row(inv_scr *s, int r)
{
	char a[64];
	cart_err e;

	if (r < 0 || r >= s->f->n_inst)
		return 0;
	money_text(s, s->f->inst_amount[r], a, sizeof a);
	if (!strcmp(a, s->ig.cell[r][1]) && !strcmp(s->f->inst_due[r], s->ig.cell[r][0]))
		return 0;
	if (ctl_invform_set_instalment(s->f, r, s->ig.cell[r][1], s->ig.cell[r][0], &e) !=
	    CART_OK) {
		snprintf(s->ig.error, sizeof s->ig.error, "%.*s", (int)sizeof s->ig.error - 1, e.msg);
		ui_status(1, "%s", e.msg);
		return -1;
	}
	s->ig.error[0] = '\0';
	s->touched = 1;
	money_text(s, s->f->inst_amount[r], a, sizeof a);
	grid_set(&s->ig, r, 1, a);
	ui_status(0, "%s", "");
	return 0;
}

static int act_help(void *self, int key)
{
	inv_scr *s = self;

	(void)key;
	s->help_from = s->mode;
	s->mode = M_HELP;
	return SCR_STAY;
}

static int act_inst_done(void *self, int key)
{
	inv_scr *s = self;

	(void)key;
	if (inst_apply(s) != 0)
		return SCR_STAY;
	if (s->inst_on_grid && inst_row(s, s->ig.row) != 0)
		return SCR_STAY;
	s->mode = M_EDIT;
	if (s->f->n_inst > 1 && s->f->inst_left) {
		char left[64];

		money_text(s, s->f->inst_left, left, sizeof left);
		ui_status_warn(_("The instalments leave %s to place: posting waits until they add up."),
		               left);
	}
	return SCR_STAY;
}

/* The instalments window; its fields and grid take the last line's keys (run NULL). */
static const ui_act inst_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), UK_CTRL('g'), 0, 0, N_("this help: every key of the screen"),
	       act_help),
	UI_ACT(N_("Done"), UK_F(9), UK_CTRL('s'), UK_ESC, 0,
	       N_("back to the invoice with this split (0 or 1 instalments: none)"), act_inst_done),
	UI_ACT(NULL, UK_TAB, UK_ENTER, UK_BTAB, 0,
	       N_("next / previous field; typed amounts show what is left"), NULL),
};
const ui_keymap scr_inst_keys = UI_KEYMAP("instalments", UI_KM_FORM, inst_acts);

static void inst_key(inv_scr *s, int key)
{
	const ui_act *a;
	int r, old;

	if (ui_keys_run(&scr_inst_keys, s, key, 0, 1) >= 0)
		return;
	if (!s->inst_on_grid) {
		int left = s->inf.cur;

		if (left == I_FIRST && s->f->n_inst > 1 &&
		    (key == UK_TAB || key == UK_ENTER || key == UK_DOWN)) {
			form_check(&s->inf, left);
			if (inst_apply(s) == 0)
				s->inst_on_grid = 1;
			return;
		}
		r = form_handle_key(&s->inf, key);
		if (r & FORM_MOVED)
			inst_apply(s);
		return;
	}
	a = ui_keys_find(&grid_keys, key, 0, 1);
	if (a == &grid_acts[GRA_LINE_INSERT] || a == &grid_acts[GRA_LINE_DELETE])
		return;             /* the number of instalments is the field's */
	old = s->ig.row;
	r = grid_handle_key(&s->ig, key);
	if (r & GRID_ROWS) {
		/* past the last instalment: no new row, back to the fields */
		s->ig.nrows = s->f->n_inst;
		s->ig.row = s->f->n_inst - 1;
		r |= GRID_LEAVE;
	}
	if (r & (GRID_MOVED | GRID_LEAVE | GRID_LEAVE_BACK))
		inst_row(s, old);
	if (r & (GRID_LEAVE | GRID_LEAVE_BACK)) {
		s->inst_on_grid = 0;
		s->inf.cur = r & GRID_LEAVE ? I_N : I_FIRST;
	}
}

/* ---- the main keys ---- */

static void header_key(inv_scr *s, int key)
{
	int left = s->hd.cur, r;

	if (left == H_CLIENT && (key == UK_ENTER || key == UK_TAB) && needs_pick(s)) {
		open_pick(s, s->hd.f[H_CLIENT].value);
		return;
	}
	if (left == H_COUNT - 1 && (key == UK_ENTER || key == UK_TAB || key == UK_DOWN)) {
		form_check(&s->hd, left);
		s->on_lines = 1;
		ui_status(0, "%s", "");
		return;
	}
	r = form_handle_key(&s->hd, key);
	if (r & FORM_SETTLED)
		ui_status(0, "%s", "");
	if (r & FORM_MOVED) {
		const form_field *fl = &s->hd.f[left];

		if (fl->error[0])
			ui_status(1, "%s: %s", fl->label, fl->error);
		else if (left == H_CLIENT && s->f->credit.needs_override)
			ui_status_warn("%s", s->f->credit.warning);
		else
			ui_status(0, "%s", "");
	}
}

static void lines_key(inv_scr *s, int key)
{
	int old = s->g.row, r;
	char before[sizeof s->g.error];

	snprintf(before, sizeof before, "%s", s->g.error);
	r = grid_handle_key(&s->g, key);
	if (r & (GRID_EDITED | GRID_ROWS))
		sync_lines(s, old < s->g.row ? old : s->g.row);
	if ((r & GRID_MOVED) && old != s->g.row && old < s->g.nrows && s->rerr[old][0] &&
	    !s->g.error[0]) {
		snprintf(s->g.error, sizeof s->g.error, "%s", s->rerr[old]);
		s->g.err_row = old;
		s->g.err_col = C_TAX;
	}
	/* the grid shows its own message under the lines: once is enough */
	if (s->g.error[0] && strcmp(before, s->g.error))
		ui_status(0, "%s", "");
	else if (!s->g.error[0] && before[0])
		ui_status(0, "%s", "");
	if (r & GRID_LEAVE_BACK) {
		s->on_lines = 0;
		s->hd.cur = H_COUNT - 1;
	} else if (r & GRID_LEAVE) {
		ui_status(0, "%s", s->quote ? _("Lines done: F9 posts the quote.")
		          : _("Lines done: F9 posts the invoice, F6 splits it into instalments."));
	}
}

static void new_client(inv_scr *s)
{
	const char *typed = needs_pick(s) ? s->hd.f[H_CLIENT].value : "";
	int digits = typed[0] != '\0';

	for (const char *p = typed; *p; p++)
		if ((*p < '0' || *p > '9') && *p != '-' && *p != '.')
			digits = 0;
	cform_open_new(&s->cf, &s->cv);
	/* what was typed in Client starts the new client: its tax id or its name */
	if (typed[0])
		form_set_value(&s->cf.fm, digits ? CF_TAXID : CF_NAME, typed);
	s->mode = M_CFORM;
}

static void cform_keys(inv_scr *s, int key)
{
	switch (cform_key(&s->cf, key)) {
	case CFORM_SAVED:
		s->mode = M_EDIT;
		if (choose_client(s, s->cf.vm.id) == 0) {
			s->touched = 1;
			if (s->hd.cur == H_CLIENT)
				s->hd.cur = H_DATE;
		}
		break;
	case CFORM_CLOSED:
		s->mode = M_EDIT;
		break;
	case CFORM_HELP:
		s->help_from = M_CFORM;
		s->mode = M_HELP;
		break;
	default:
		break;
	}
}

static void answered(inv_scr *s, int tag, int r)
{
	char reason[128];

	if (r != DLG_OK) {
		if (tag == ASK_OVERRIDE)
			ui_status(1, "%s", _("Not posted: the credit check needs a reason."));
		return;
	}
	switch (tag) {
	case ASK_PICK:
		picked(s);
		break;
	case ASK_OVERRIDE:
		dialog_answer_text(&s->dlg, reason, sizeof reason);
		if (!reason[0]) {
			ui_status(1, "%s", _("Not posted: the credit check needs a reason."));
			return;
		}
		do_post(s, reason);
		break;
	default:
		break;
	}
}

/* ---- the invoice's and quote's keys ---- */

static int act_post(void *self, int key)
{
	(void)key;
	ask_post(self);
	return SCR_STAY;
}

static int act_back(void *self, int key)
{
	inv_scr *s = self;

	(void)key;
	if (!dirty(s)) {
		ui_status(0, "%s", "");
		return SCR_CLOSE;
	}
	dialog_confirm(&s->dlg, ASK_DISCARD, s->quote ? _("Unsaved quote") : _("Unsaved invoice"),
	               s->quote ? _("Discard the quote typed so far? (y/n)")
	               : _("Discard the invoice typed so far? (y/n)"));
	return SCR_STAY;
}

static int act_client(void *self, int key)
{
	inv_scr *s = self;

	(void)key;
	s->on_lines = 0;
	s->hd.cur = H_CLIENT;
	open_pick(s, needs_pick(s) ? s->hd.f[H_CLIENT].value : "");
	return SCR_STAY;
}

static int act_new_client(void *self, int key)
{
	(void)key;
	new_client(self);
	return SCR_STAY;
}

static int act_lines(void *self, int key)
{
	inv_scr *s = self;

	(void)key;
	if (!s->on_lines)
		form_check(&s->hd, s->hd.cur);
	s->on_lines = !s->on_lines;
	return SCR_STAY;
}

static int act_inst(void *self, int key)
{
	(void)key;
	inst_open(self);
	return SCR_STAY;
}

/* The grid's keys while the lines have the focus (on the bar then; in the help always); the
 * instalments on an invoice, not a quote (a mode: not in a quote's help). */
static const ui_act inv_acts[] = {
	UI_USE_IF(grid_acts[GRA_CELL_NEXT], NEEDS_LINES), UI_USE_IF(grid_acts[GRA_CELL_PREV], NEEDS_LINES),
	UI_USE_IF(grid_acts[GRA_LINE_UP], NEEDS_LINES), UI_USE_IF(grid_acts[GRA_LINE_DOWN], NEEDS_LINES),
	UI_USE_IF(grid_acts[GRA_LINE_INSERT], NEEDS_LINES),
	UI_USE_IF(grid_acts[GRA_LINE_DELETE], NEEDS_LINES),
	UI_ACT(N_("Help"), UK_F(1), UK_CTRL('g'), 0, 0, N_("this help: every key of the screen"),
	       act_help),
	UI_ACT(N_("Post"), UK_F(9), UK_CTRL('s'), 0, 0,
	       N_("post, then a fresh form; asks why when the credit check fails"), act_post),
	UI_ACT(N_("Back"), UK_ESC, UK_F(10), 0, 0,
	       N_("back to the dashboard; asks first when something was typed"), act_back),
	UI_ACT(N_("Client"), UK_F(2), UK_CTRL('f'), 0, 0,
	       N_("choose the client (or type a few letters or a tax id, Enter)"), act_client),
	UI_ACT(N_("New client"), UK_F(3), UK_CTRL('n'), 0, 0,
	       N_("create the client in the client form; what is typed stays"), act_new_client),
	UI_ACT(N_("Lines"), UK_F(4), UK_CTRL('l'), 0, 0,
	       N_("go to the lines, or from the lines back to the header"), act_lines),
	UI_ACT(N_("Instalments"), UK_F(6), UK_CTRL('t'), 0, NEEDS_INVOICE,
	       N_("split into instalments: how many, how often, the first due"), act_inst),
};
const ui_keymap scr_invoice_keys = UI_KEYMAP_MODES("invoice", 0, inv_acts, NEEDS_INVOICE);

static int inv_key(ui_screen *base, int key)
{
	inv_scr *s = (inv_scr *)base;
	int r;

	if (s->dlg.kind != DLG_NONE) {
		int tag = s->dlg.tag;

		r = dialog_key(&s->dlg, key);
		if (r == DLG_OPEN || (r & DLG_REQUERY))
			return SCR_STAY;
		if (tag == ASK_DISCARD && r == DLG_OK) {
			ui_status(0, "%s", s->quote ? _("Quote discarded.") : _("Invoice discarded."));
			return SCR_CLOSE;
		}
		answered(s, tag, r);
		return SCR_STAY;
	}
	switch (s->mode) {
	case M_HELP:
		if (!ui_help_key(key) && ui_help_closes(key))
			s->mode = s->help_from;
		return SCR_STAY;
	case M_CFORM:
		cform_keys(s, key);
		return SCR_STAY;
	case M_INST:
		inst_key(s, key);
		return SCR_STAY;
	default:
		break;
	}
	/* the grid's keys and the rest go to the lines or to the header's fields */
	if ((r = ui_keys_run(&scr_invoice_keys, s, key, inv_have(s), 1)) >= 0)
		return r;
	if (s->on_lines)
		lines_key(s, key);
	else
		header_key(s, key);
	return SCR_STAY;
}

static void inv_free(ui_screen *base)
{
	inv_scr *s = (inv_scr *)base;

	dialog_free(&s->dlg);
	dialog_free(&s->cf.dlg);
	ctl_invform_free(s->f);
	free(s);
}

int scr_invoice_new(ctl *c, int64_t client_id, int quote, ui_screen **out, cart_err *e)
{
	inv_scr *s = calloc(1, sizeof *s);

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the invoice"));
	s->base = (ui_screen){ invscr_draw, inv_key, NULL, inv_free, 0 };
	s->c = c;
	s->quote = quote;
	s->fixed_client = client_id;
	snprintf(s->notax, sizeof s->notax, "%s", _("no tax"));
	/* TRANSLATORS: the tax cell of a reimbursable-expense line (CGC); 10 columns */
	snprintf(s->expense, sizeof s->expense, "%s", _("expense"));
	ctl_clients_init(&s->cv, c);
	if (fresh(s, e) != CART_OK) {
		free(s);
		return e->code;
	}
	ui_status(0, "%s", "");
	*out = &s->base;
	return CART_OK;
}
