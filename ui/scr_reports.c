/* The aging, the follow-up and one document on screen (scr_reports.h): the report controllers
 * build the report once and keep it (src/report/rpt_aging.c, src/report/rpt_document.c); rptview lays out the
 * lines on screen, saves and prints them. Each data row of the aging and the follow-up carries
 * its client (report_row_ref), so Enter opens that client's statement as of the report's date;
 * on a document, its client's. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymaps.h"
#include "rptview.h"
#include "scr_mail.h"
#include "scr_receipt.h"
#include "scr_reports.h"
#include "scr_statement.h"
#include "ui_int.h"

#include "cartera/i18n.h"
#include "cartera/lp.h"
#include "cartera/output.h"
#include "cartera/render.h"
#include "cartera/reports.h"
#include "cartera/rpt_audit.h"
#include "cartera/ctl_void.h"

/* What the screen's own dialog is for. */
enum { ASK_ASOF = 1, ASK_MANY, ASK_DIR, ASK_ONE, ASK_VOID };

/* How the statements of the report's clients go out (ASK_MANY's options, in order). */
enum { MANY_DIR, MANY_ONE, MANY_PRINT };
static const char *const many_options[] = {
	N_("One PDF per client, in a folder"), N_("All in one PDF file"),
	N_("Print them all (one PDF through lp)")
};

typedef struct rpts_scr {
	ui_screen base;
	ctl *c;
	int kind;                  /* SCR_RPT_* */
	int64_t client_id;         /* the follow-up of this client only; 0 every client */
	char client_name[200];
	int overdue_only;          /* the follow-up of the clients with something overdue */
	int64_t doc_id;            /* SCR_RPT_DOCUMENT: the document */
	char doc_number[32];
	char asof[DATE_LEN];
	rptview v;
	dialog ask;                /* the as-of date; the statements of the report's clients */
	int64_t *many;             /* those clients, while their statements are asked about */
	int nmany;
	int help;
	int order;                 /* the aging's rows: RPT_AGING_BY_* */
	rpt_aging_pager *pager;    /* the aging as of now, read a page at a time */
} rpts_scr;

static const char *kind_name(const rpts_scr *s)
{
	if (s->kind == SCR_RPT_DOCUMENT)
		return s->doc_number;
	if (s->kind == SCR_RPT_AUDIT)
		return _("Audit trail");
	return s->kind == SCR_RPT_AGING ? _("Aging") : _("Follow-up");
}

/* What holds for the keys (UI_NEEDS_*). */
static int have(const rpts_scr *s)
{
	const rpt_row *row = rptview_row(&s->v);

	/* a document's lines are all its client's */
	if (s->kind == SCR_RPT_DOCUMENT)
		return UI_NEEDS_ROW | UI_NEEDS_ONEDOC;
	if (s->kind == SCR_RPT_AUDIT)
		return row && row->ref ? UI_NEEDS_ROW : 0;
	return (row && row->ref ? UI_NEEDS_ROW : 0) | UI_NEEDS_SPAN |
	       (s->kind == SCR_RPT_AGING ? UI_NEEDS_AGING : 0);
}

/* ---- the report ---- */

/* The aging's pages (rptview_rows_fn) and the whole of it to save or print. */
static int aging_rows(void *ud, long from, int n, report *into, cart_err *e)
{
	return rpt_aging_page_rows(((rpts_scr *)ud)->pager, from, n, into, e);
}

static int aging_whole(void *ud, report *r, cart_err *e)
{
	return rpt_aging_page_whole(((rpts_scr *)ud)->pager, r, e);
}

/* The aging of every client: as of now a page at a time from what the ledger keeps (opening it
 * reads no open item), as of another date the whole report. */
static int build_aging(rpts_scr *s, report *r, cart_err *e)
{
	long rows;
	int rc;

	rpt_aging_page_free(s->pager);
	s->pager = NULL;
	if ((rc = rpt_aging_page_open(s->c, s->asof, s->order, r, &s->pager, &rows, e)) != CART_OK)
		return rc;
	if (!s->pager)
		return rpt_aging_sorted(s->c, s->asof, s->order, r, e);
	rptview_window(&s->v, 0, rows, aging_rows, aging_whole, s);
	return CART_OK;
}

static int build(rpts_scr *s, int keep_cursor, cart_err *e)
{
	report *r = rptview_begin(&s->v, ctl_company(s->c));
	int rc;

	/* every client's report takes a second or more on a large ledger: say so at once */
	if (s->kind != SCR_RPT_DOCUMENT) {
		ui_status(0, _("%s as of %s: reading the ledger..."), kind_name(s), s->asof);
		ui_status_draw();
		refresh();
	}

	if (s->kind == SCR_RPT_DOCUMENT) {
		r->internal = 1;  /* the clerk's view: the ledger's codes too */
		rc = rpt_document(s->c, s->doc_id, r, e);
	}
	else if (s->kind == SCR_RPT_AUDIT)
		rc = rpt_audit(s->c, s->client_id, r, e);
	else if (s->kind == SCR_RPT_AGING)
		rc = build_aging(s, r, e);
	else
		rc = rpt_followup(s->c, s->asof, s->client_id, s->overdue_only, r, e);
	if ((rc = rptview_built(&s->v, rc, keep_cursor)) == CART_OK && !keep_cursor)
		rptview_first_ref(&s->v);   /* Enter opens a statement at once */
	return rc;
}

/* Build again after the date, the kind or the scope changed; the status line says how long it
 * is, or why it could not be built (the view is empty then). */
static int rebuild(rpts_scr *s)
{
	cart_err e;

	if (build(s, 0, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return e.code;
	}
	ui_status(0, P_("%s as of %s: %ld line.", "%s as of %s: %ld lines.", s->v.lv.rows),
	          kind_name(s), s->asof, s->v.lv.rows);
	return CART_OK;
}

/* ---- drawing ---- */

/* What the report covers, for the line under the title. */
static void scope_text(const rpts_scr *s, char *buf, size_t size)
{
	if (s->kind == SCR_RPT_DOCUMENT)
		snprintf(buf, size, "%s", s->v.r.title);
	else if (s->kind == SCR_RPT_AUDIT)
		snprintf(buf, size, _("%s · Enter: the line's client's statement"),
		         s->client_id ? s->client_name : _("Every client"));
	else if (s->kind == SCR_RPT_AGING && s->order != RPT_AGING_BY_NAME)
		snprintf(buf, size, "%s · %s", _("Every client · a: as of · Tab: follow-up · Enter: statement"),
		         rpt_aging_order_name(s->order));
	else if (s->kind == SCR_RPT_AGING)
		snprintf(buf, size, "%s", _("Every client · a: as of · Tab: follow-up · Enter: statement"));
	else if (s->client_id)
		snprintf(buf, size, _("%s · a: as of · Tab: aging · Enter: statement"),
		         s->client_name);
	else if (s->overdue_only)
		snprintf(buf, size, "%s", _("Clients with something overdue · o: all · Tab: aging"));
	else
		snprintf(buf, size, "%s",
		         _("Every client with something open · o: overdue only · Tab: aging"));
}

static void rpts_draw(ui_screen *base)
{
	rpts_scr *s = (rpts_scr *)base;
	char left[256], right[300], line[600], count[96];
	int cw;

	if (s->help) {
		ui_keys_help(&scr_reports_keys, have(s), kind_name(s), ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
	if (s->kind == SCR_RPT_DOCUMENT)
		snprintf(right, sizeof right, "%s", s->client_name);
	else if (s->kind == SCR_RPT_AUDIT)
		snprintf(right, sizeof right, "%s", _("Audit trail"));
	else if (s->kind == SCR_RPT_AGING)
		snprintf(right, sizeof right, _("Aging of receivables as of %s"), s->asof);
	else
		snprintf(right, sizeof right, _("Follow-up as of %s"), s->asof);
	ui_title(left, right);
	if (rptview_draw(&s->v, 2, 0, LINES - 4, COLS) < 0)
		ui_put(3, 0, COLS, _("(the lines could not be read)"), 0);
	scope_text(s, line, sizeof line);
	rptview_count(&s->v, count, sizeof count);
	cw = utf8_width(count);
	ui_put(1, 0, COLS - cw - 1, line, 0);
	ui_put(1, COLS - cw - 1, cw + 1, count, 1);
	ui_status_draw();
	ui_keys_bar(&scr_reports_keys, have(s));
	dialog_draw(&s->ask);
	rptview_draw_dialog(&s->v);
}

/* ---- keys ---- */

static void ask_asof(rpts_scr *s)
{
	dialog_prompt(&s->ask, ASK_ASOF, _("As of"),
	              _("The ledger at the end of the day (YYYY-MM-DD):"),
	              _("As of"), DATE_LEN - 1, s->asof);
}

static void asof_given(rpts_scr *s)
{
	char text[64], d[DATE_LEN], before[DATE_LEN];
	cart_err e;

	dialog_answer_text(&s->ask, text, sizeof text);
	if (ctl_date(text, _("the as-of date"), d, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	memcpy(before, s->asof, sizeof before);
	memcpy(s->asof, d, sizeof s->asof);
	if (build(s, 0, &e) != CART_OK) {
		cart_err e2;

		/* the report as it was, and why the date was refused */
		memcpy(s->asof, before, sizeof s->asof);
		build(s, 0, &e2);
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, P_("%s as of %s: %ld line.", "%s as of %s: %ld lines.", s->v.lv.rows),
	          kind_name(s), s->asof, s->v.lv.rows);
}

static void push_or_say(int rc, ui_screen *sub, const cart_err *e);

static void open_statement(rpts_scr *s)
{
	const rpt_row *row = rptview_row(&s->v);
	int64_t who = s->kind == SCR_RPT_DOCUMENT ? s->client_id : row ? row->ref : 0;
	ui_screen *sub = NULL;
	cart_err e;
	int rc;

	if (!who) {
		ui_status(1, "%s", _("this line is not a client's: move to a client's line"));
		return;
	}
	/* a document's client as of today; a report's client as of the report's date */
	rc = scr_statement_new(s->c, who, s->kind == SCR_RPT_DOCUMENT || s->kind == SCR_RPT_AUDIT
	                       ? NULL : s->asof, &sub, &e);
	push_or_say(rc, sub, &e);
}

/* m: the document by mail, or the selected client's statement (a reminder from the follow-up). */
static void mail_row_or_doc(rpts_scr *s)
{
	const rpt_row *row = rptview_row(&s->v);
	ctl_mail_req r;

	if (s->kind == SCR_RPT_DOCUMENT) {
		scr_mail_document(s->c, s->doc_id);
		return;
	}
	if (!row || !row->ref) {
		ui_status(1, "%s", _("this line is not a client's: move to a client's line"));
		return;
	}
	ctl_mail_req_init(&r);
	r.client_id = row->ref;
	r.asof = s->asof;
	if (s->kind == SCR_RPT_FOLLOWUP)
		r.kind = "reminder";
	scr_mail_push(s->c, &r);
}

static void save_name(const rpts_scr *s, char *buf, size_t size)
{
	char slug[64];

	if (s->kind == SCR_RPT_DOCUMENT) {
		/* the number as it is ("FAC-000006"), but never a folder or a blank */
		snprintf(buf, size, "%s", s->doc_number);
		for (char *p = buf; *p; p++)
			if (*p == '/' || *p == '\\' || *p == ' ')
				*p = '-';
	} else if (s->kind == SCR_RPT_AUDIT) {
		/* TRANSLATORS: the start of the audit trail's file name, one word, no spaces */
		snprintf(buf, size, "%s-%s", _("audit"), s->asof);
	} else if (s->kind == SCR_RPT_AGING) {
		/* TRANSLATORS: the start of the aging report's file name, one word, no spaces */
		snprintf(buf, size, "%s-%s", _("aging"), s->asof);
	} else if (s->client_id) {
		rpt_slug(s->client_name, slug, sizeof slug);
		/* TRANSLATORS: the start of the follow-up report's file name, one word, no spaces */
		snprintf(buf, size, "%s-%s-%s", _("followup"), slug, s->asof);
	} else {
		snprintf(buf, size, "%s-%s", _("followup"), s->asof);
	}
}

/* ---- the statements of the report's clients ---- */

/* The clients the report covers: every client with a balance (the aging, the follow-up), those
 * with something overdue (the follow-up so chosen), or the follow-up's one client. */
static int many_clients(rpts_scr *s, cart_err *e)
{
	free(s->many);
	s->many = NULL;
	s->nmany = 0;
	if (s->kind == SCR_RPT_FOLLOWUP && s->client_id) {
		if (!(s->many = malloc(sizeof *s->many)))
			return cart_fail(e, CART_NOMEM, "%s", _("out of memory"));
		s->many[0] = s->client_id;
		s->nmany = 1;
		return CART_OK;
	}
	return rpt_pick_clients(s->c, s->asof, s->kind == SCR_RPT_FOLLOWUP && s->overdue_only,
	                        &s->many, &s->nmany, e);
}

static void ask_many(rpts_scr *s)
{
	char text[300];
	cart_err e;

	if (many_clients(s, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	if (!s->nmany) {
		ui_status(1, _("No client has anything open as of %s: no statements."), s->asof);
		return;
	}
	snprintf(text, sizeof text, P_("The statement of %d client as of %s:",
	                               "The statements of %d clients as of %s:", s->nmany),
	         s->nmany, s->asof);
	dialog_choose(&s->ask, ASK_MANY, _("Statements"), text, many_options,
	              (int)(sizeof many_options / sizeof *many_options), 0);
}

/* While they are written: the count on the status line, drawn at once. */
static void many_progress(void *ud, int done, int total)
{
	(void)ud;
	if (done % 50 && done != total)
		return;
	ui_status(0, _("Writing the statements: %d of %d..."), done, total);
	ui_status_draw();
	refresh();
}

/* Write them (into a folder, or into one file at path), then print the one file when asked. */
static void write_many(rpts_scr *s, int how, const char *path)
{
	rpt_many m = { .format = RND_PDF, .force = 1, .progress = many_progress };
	long replaced = 0;
	cart_err e;
	char msg[PATH_MAX + 300];
	int n = s->nmany;

	stmt_filter_init(&m.f);
	snprintf(m.f.asof, sizeof m.f.asof, "%s", s->asof);
	if (how == MANY_DIR)
		m.dir = path;
	else
		m.output = path;
	if ((how != MANY_DIR && ctl_make_parent(path, &e) != CART_OK) ||
	    rpt_statements_write(s->c, s->many, n, &m, &replaced, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	if (how == MANY_PRINT) {
		char label[PATH_MAX + 64];
		int rc;

		snprintf(label, sizeof label, P_("%s (%d statement)", "%s (%d statements)", n),
		         rptview_file_name(path), n);
		rc = rptview_print_file(path, label, msg, sizeof msg);
		scr_print_outcome(&s->v.dlg, rc, msg);
		return;
	}
	if (replaced > 0)
		ui_status_warn(P_("Wrote %d statement in %s (%ld characters printed as '?').",
		                  "Wrote %d statements in %s (%ld characters printed as '?').", n),
		               n, path, replaced);
	else
		ui_status(0, P_("Wrote %d statement in %s", "Wrote %d statements in %s", n), n, path);
}

static void many_chosen(rpts_scr *s)
{
	char name[PATH_MAX];

	/* TRANSLATORS: the start of the name of the statements' folder or file, one word */
	snprintf(name, sizeof name, "%s-%s", _("statements"), s->asof);
	switch (s->ask.sel) {
	case MANY_DIR:
		dialog_prompt(&s->ask, ASK_DIR, _("Statements"),
		              _("The folder for them, one PDF each (made when missing):"),
		              _("Folder"), 250, name);
		break;
	case MANY_ONE:
		strncat(name, ".pdf", sizeof name - strlen(name) - 1);
		dialog_prompt(&s->ask, ASK_ONE, _("Statements"), _("The PDF file to write them in:"),
		              _("File"), 250, name);
		break;
	default: {
		char path[PATH_MAX];

		lp_kept_path(name, ".pdf", path, sizeof path);
		write_many(s, MANY_PRINT, path);
		break;
	}
	}
}

static void many_path_given(rpts_scr *s, int tag)
{
	char path[PATH_MAX];

	dialog_answer_text(&s->ask, path, sizeof path);
	if (!path[0]) {
		ui_status(1, "%s", _("no name given: nothing written"));
		return;
	}
	if (tag == ASK_ONE && rnd_format_of_path(path) < 0)
		strncat(path, ".pdf", sizeof path - strlen(path) - 1);
	else if (tag == ASK_ONE && rnd_format_of_path(path) != RND_PDF) {
		ui_status(1, _("%s: the name does not end in %s; nothing written"), path, ".pdf");
		return;
	}
	write_many(s, tag == ASK_DIR ? MANY_DIR : MANY_ONE, path);
}

/* The aging's next order (by name, largest debt, oldest overdue), said on the status line. */
static void aging_order(rpts_scr *s)
{
	s->order = (s->order + 1) % RPT_AGING_NORDERS;
	if (rebuild(s) == CART_OK)
		ui_status(0, _("The aging %s."), rpt_aging_order_name(s->order));
}

static int act_order(void *self, int key)
{
	(void)key;
	aging_order(self);
	return SCR_STAY;
}

/* ---- voiding the document shown (the same controller as `cartera void`) ---- */

/* What the void will reverse, then the reason asked under it; nothing posts yet. */
static void ask_void(rpts_scr *s)
{
	char text[600];
	cart_err e;

	if (ctl_void_preview(s->c, s->doc_number, text, sizeof text, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	dialog_prompt(&s->ask, ASK_VOID, _("Void a document"), text, _("Reason"), 200, "");
}

/* The reason given: post the void and show the document again, voided. */
static void void_given(rpts_scr *s)
{
	char why[256];
	posted out;
	cart_err e;

	dialog_answer_text(&s->ask, why, sizeof why);
	if (!why[0]) {
		ui_status(1, _("no reason given: %s was not voided"), s->doc_number);
		return;
	}
	if (ctl_void(s->c, s->doc_number, NULL, why, &out, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	if (build(s, 1, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, _("%s voided by %s."), s->doc_number, out.number);
}

static int act_void(void *self, int key)
{
	(void)key;
	ask_void(self);
	return SCR_STAY;
}

/* The debit note form over the document view, this invoice in it (scr_debit_note.c). */
static int act_dnote(void *self, int key)
{
	rpts_scr *s = self;
	ui_screen *sub = NULL;
	cart_err e;
	int rc;

	(void)key;
	rc = scr_debit_note_new(s->c, s->client_id, s->doc_number, &sub, &e);
	push_or_say(rc, sub, &e);
	return SCR_STAY;
}

static int act_back(void *self, int key)
{
	(void)self;
	(void)key;
	return SCR_CLOSE;
}

static int act_help(void *self, int key)
{
	rpts_scr *s = self;

	(void)key;
	s->help = 1;
	return SCR_STAY;
}

static int act_asof(void *self, int key)
{
	(void)key;
	ask_asof(self);
	return SCR_STAY;
}

static int act_switch(void *self, int key)
{
	rpts_scr *s = self;

	(void)key;
	s->kind = s->kind == SCR_RPT_AGING ? SCR_RPT_FOLLOWUP : SCR_RPT_AGING;
	rebuild(s);
	return SCR_STAY;
}

static int act_overdue(void *self, int key)
{
	rpts_scr *s = self;

	(void)key;
	if (s->kind != SCR_RPT_FOLLOWUP || s->client_id) {
		ui_status(1, "%s", _("o chooses the clients of the follow-up of every client"));
		return SCR_STAY;
	}
	s->overdue_only = !s->overdue_only;
	rebuild(s);
	return SCR_STAY;
}

static int act_statement(void *self, int key)
{
	(void)key;
	open_statement(self);
	return SCR_STAY;
}

static int act_mail(void *self, int key)
{
	(void)key;
	mail_row_or_doc(self);
	return SCR_STAY;
}

static int act_many(void *self, int key)
{
	(void)key;
	ask_many(self);
	return SCR_STAY;
}

static void save_as(rpts_scr *s, int format)
{
	char name[200];

	save_name(s, name, sizeof name);
	rptview_ask_save(&s->v, format,
	                 s->kind == SCR_RPT_DOCUMENT ? _("Save the document") :
	                 s->kind == SCR_RPT_AUDIT ? _("Save the audit trail") :
	                 s->kind == SCR_RPT_AGING ? _("Save the aging") : _("Save the follow-up"),
	                 name);
}

static int act_pdf(void *self, int key)
{
	(void)key;
	save_as(self, RND_PDF);
	return SCR_STAY;
}

static int act_xlsx(void *self, int key)
{
	(void)key;
	save_as(self, RND_XLSX);
	return SCR_STAY;
}

static int act_text(void *self, int key)
{
	(void)key;
	save_as(self, RND_TXT80);
	return SCR_STAY;
}

static int act_print(void *self, int key)
{
	rpts_scr *s = self;
	char name[200];

	(void)key;
	save_name(s, name, sizeof name);
	rptview_print(&s->v, name);
	return SCR_STAY;
}

/* One table for the aging and the follow-up and for one document or the audit trail: the keys
 * that need a report over the clients (UI_NEEDS_SPAN) are neither on a document's key bar nor in
 * its help. */
enum { RA_STATEMENT = 5 };
static const ui_act rpts_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("As of"), UK_F(2), 'a', 0, UI_NEEDS_SPAN,
	       N_("the report as of another date (the ledger at the end of that day)"), act_asof),
	UI_ACT(NULL, UK_TAB, 0, 0, UI_NEEDS_SPAN,
	       N_("switch between the aging and the follow-up, same date"), act_switch),
	UI_ACT(NULL, UK_F(4), 'o', 0, UI_NEEDS_SPAN,
	       N_("follow-up: only the clients with something overdue, or all"), act_overdue),
	UI_ACT(N_("Statements"), UK_F(3), 'S', 0, UI_NEEDS_SPAN,
	       N_("its clients' statements: a PDF each, all in one PDF, or printed"), act_many),
	[RA_STATEMENT] = UI_ACT(NULL, UK_ENTER, 's', 0, UI_NEEDS_ROW,
	       N_("the statement of the line's client, as of the report's date"), act_statement),
	UI_ACT(N_("PDF"), UK_F(5), 'd', 0, 0, N_("save the report as a PDF file (asks for the file name)"),
	       act_pdf),
	UI_ACT(N_("XLSX"), UK_F(6), 'x', 0, 0,
	       N_("save the report as a spreadsheet, XLSX (asks for the file name)"), act_xlsx),
	UI_ACT(N_("Text"), UK_F(7), 't', 0, 0,
	       N_("save the report as plain text, 80 columns (asks for the file name)"), act_text),
	UI_ACT(N_("Print"), UK_F(8), 'p', 0, 0,
	       N_("print the report (its PDF, through the spooler lp; the file is kept)"), act_print),
	UI_ACT(N_("Order"), UK_F(9), 'r', 0, UI_NEEDS_SPAN | UI_NEEDS_AGING,
	       N_("the aging's clients by name, by largest debt, by oldest overdue (in turn)"), act_order),
	UI_USE(rptview_acts[RVA_MOVE]), UI_USE(rptview_acts[RVA_SIDE]),
	UI_ACT(N_("Back"), UK_F(10), 'q', UK_ESC, 0, N_("back to the screen before"), act_back),
	UI_ACT(N_("Mail"), 'm', 0, 0, 0,
	       N_("send it by e-mail: the statement, the selected client's, or the document"), act_mail),
	UI_ACT(N_("Void"), UK_CTRL('x'), 0, 0, UI_NEEDS_ONEDOC,
	       N_("void this document: what it reverses first, then the reason; both stay"), act_void),
	UI_ACT(NULL, 'n', 0, 0, UI_NEEDS_ONEDOC, N_("a debit note amending this invoice"), act_dnote),
};
const ui_keymap scr_reports_keys = UI_KEYMAP_MODES("reports", 0, rpts_acts, UI_NEEDS_SPAN | UI_NEEDS_ONEDOC);

static int on_key(ui_screen *base, int key)
{
	rpts_scr *s = (rpts_scr *)base;
	const ui_act *a;
	int r;

	if (rptview_dialog_key(&s->v, key))
		return SCR_STAY;
	if (s->ask.kind != DLG_NONE) {
		int tag = s->ask.tag;

		if (dialog_key(&s->ask, key) != DLG_OK)
			return SCR_STAY;
		if (tag == ASK_ASOF)
			asof_given(s);
		else if (tag == ASK_VOID)
			void_given(s);
		else if (tag == ASK_MANY)
			many_chosen(s);
		else
			many_path_given(s, tag);
		return SCR_STAY;
	}
	if (s->help) {
		if (!ui_help_key(key) && ui_help_closes(key))
			s->help = 0;
		return SCR_STAY;
	}
	r = ui_keys_run(&scr_reports_keys, s, key, have(s), 0);
	if (r >= 0)
		return r;
	if (r == UI_REFUSED) {
		a = ui_keys_find(&scr_reports_keys, key, have(s), 0);
		if (a == &rpts_acts[RA_STATEMENT])
			ui_status(1, "%s", _("this line is not a client's: move to a client's line"));
		return SCR_STAY;
	}
	rptview_move(&s->v, key);
	return SCR_STAY;
}

/* Back from a statement or a receipt: the aging read a page at a time is opened again when
 * something was posted (its totals and count would no longer match the pages read from now on),
 * the cursor kept where it was. */
static void rpts_resume(ui_screen *base)
{
	rpts_scr *s = (rpts_scr *)base;
	cart_err e;
	int stale = 0;

	if (s->kind != SCR_RPT_AGING || !s->pager)
		return;
	if (rpt_aging_page_stale(s->pager, &stale, &e) != CART_OK || (stale && build(s, 1, &e) !=
	                                                                 CART_OK))
		ui_status(1, "%s", e.msg);
}

static void rpts_free(ui_screen *base)
{
	rpts_scr *s = (rpts_scr *)base;

	rptview_free(&s->v);
	rpt_aging_page_free(s->pager);
	dialog_free(&s->ask);
	free(s->many);
	free(s);
}

int scr_reports_new(ctl *c, int kind, int64_t client_id, const char *asof, ui_screen **out,
                    cart_err *e)
{
	rpts_scr *s = calloc(1, sizeof *s);

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the report"));
	s->base = (ui_screen){ rpts_draw, on_key, rpts_resume, rpts_free, 1 };
	s->c = c;
	s->kind = kind;
	s->client_id = client_id;
	if (client_id) {
		client cl;

		if (ctl_client_get(c, client_id, &cl, e) != CART_OK) {
			free(s);
			return e->code;
		}
		snprintf(s->client_name, sizeof s->client_name, "%s", cl.name);
	}
	if (asof && *asof)
		snprintf(s->asof, sizeof s->asof, "%s", asof);
	else
		date_format(date_today(), s->asof);
	rptview_init(&s->v, N_("Report"));
	if (build(s, 0, e) != CART_OK) {
		rpts_free(&s->base);
		return e->code;
	}
	*out = &s->base;
	return CART_OK;
}

int scr_document_new(ctl *c, int64_t doc_id, ui_screen **out, cart_err *e)
{
	rpts_scr *s = calloc(1, sizeof *s);
	doc_info d;
	client cl;

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the report"));
	s->base = (ui_screen){ rpts_draw, on_key, NULL, rpts_free, 1 };
	s->c = c;
	s->kind = SCR_RPT_DOCUMENT;
	s->doc_id = doc_id;
	if (ctl_document_get(c, doc_id, &d, e) != CART_OK ||
	    ctl_client_get(c, d.client_id, &cl, e) != CART_OK) {
		free(s);
		return e->code;
	}
	snprintf(s->doc_number, sizeof s->doc_number, "%s", d.number);
	snprintf(s->client_name, sizeof s->client_name, "%s", cl.name);
	s->client_id = d.client_id;
	snprintf(s->asof, sizeof s->asof, "%s", d.date);
	rptview_init(&s->v, N_("Report"));
	s->v.show_head = 1;
	if (build(s, 0, e) != CART_OK) {
		rpts_free(&s->base);
		return e->code;
	}
	*out = &s->base;
	return CART_OK;
}

/* Push a new screen, or say why there is none; the screen below's message is not the new one's. */
static void push_or_say(int rc, ui_screen *sub, const cart_err *e)
{
	if (rc != CART_OK)
		ui_status(1, "%s", e->msg);
	else if (ui_screen_push(sub) == 0)
		ui_status(0, "%s", "");
}

void scr_reports_push(ctl *c, int kind, int64_t client_id, const char *asof)
{
	ui_screen *sub = NULL;
	cart_err e;

	int rc = scr_reports_new(c, kind, client_id, asof, &sub, &e);

	push_or_say(rc, sub, &e);
}

void scr_document_find(ctl *c, const char *number)
{
	doc_info d;
	cart_err e;

	if (!number[0]) {
		ui_status(1, "%s", _("no document number given"));
		return;
	}
	if (ctl_doc_ref(c, number, &d, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	ui_status(0, "%s", "");
	scr_document_push(c, d.id);
}

void scr_document_ask(dialog *d, int tag)
{
	dialog_prompt(d, tag, _("Find a document"),
	              _("Its number as printed (FAC-000123) or its legal number; Enter shows it."),
	              _("Number"), 40, "");
}

void scr_document_push(ctl *c, int64_t doc_id)
{
	ui_screen *sub = NULL;
	cart_err e;

	int rc = scr_document_new(c, doc_id, &sub, &e);

	push_or_say(rc, sub, &e);
}
