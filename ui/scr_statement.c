/* The statement of one client on screen (SPEC R1, R4, R5): the statement controller builds the
 * report once and keeps it (src/report/rpt_statement.c); the list view asks for the lines on screen
 * only, each laid out to the screen's width from the report's own columns. The filter form and
 * the range keys build it again; saving replays the same report into a renderer, printing
 * renders its PDF and sends it to lp (cartera/lp.h), as `cartera report statement` does. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "form.h"
#include "keymaps.h"
#include "rptview.h"
#include "scr_mail.h"
#include "scr_reports.h"
#include "scr_statement.h"
#include "ui_int.h"

#include "cartera/date.h"
#include "cartera/i18n.h"
#include "cartera/output.h"
#include "cartera/render.h"
#include "cartera/reports.h"

#define MAX_RANGES 10

/* The filter form's fields, in order. */
enum { FF_ASOF, FF_TYPE, FF_NUMBER, FF_FROM, FF_TO, FF_DUE_FROM, FF_DUE_TO, FF_MIN, FF_MAX,
	FF_STATUS, FF_RANGE };

/* Document types as the filter names them: "any", then doc_type_name() of each. */
static const char *const type_names[] = {
	N_("any"), "invoice", "credit-note", "receipt", "advance", "opening", "journal", "quote",
	"apply", "void"
};
static const char *const status_names[] = {
	N_("any"), N_("paid"), N_("partly paid"), N_("open"), N_("overdue"), N_("not paid")
};
static const int status_bits[] = {
	0, STMT_PAID, STMT_PARTLY, STMT_OPEN, STMT_OVERDUE, STMT_PARTLY | STMT_OPEN | STMT_OVERDUE
};

typedef struct stmt_scr {
	ui_screen base;
	ctl *c;
	client cl;
	stmt_filter f;
	rptview v;                 /* the statement's lines, saving and printing */
	int help;
	int filtering;             /* the filter form is up */
	form fm;
	char range_name[MAX_RANGES][32];
	const char *range_opt[MAX_RANGES];
	int nrange;
} stmt_scr;

int scr_print_document(ctl *c, int64_t doc_id, char *msg, size_t size)
{
	doc_info d;
	report r;
	cart_err e;
	int rc;

	if (ctl_document_get(c, doc_id, &d, &e) != CART_OK) {
		snprintf(msg, size, "%s", e.msg);
		return e.code;
	}
	report_init(&r, ctl_company(c));
	if (rpt_document(c, doc_id, &r, &e) != CART_OK) {
		snprintf(msg, size, "%s", e.msg);
		report_free(&r);
		return e.code;
	}
	rc = rptview_print_report(&r, d.number, msg, size);
	report_free(&r);
	return rc;
}

/* ---- the report ---- */

static int build(stmt_scr *s, cart_err *e)
{
	report *r = rptview_begin(&s->v, ctl_company(s->c));

	return rptview_built(&s->v, rpt_statement(s->c, s->cl.id, &s->f, r, e), 0);
}

/* Build again after the filter changed, the cursor on the first line. */
static int rebuild(stmt_scr *s)
{
	cart_err e;

	if (build(s, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return -1;
	}
	return 0;
}

/* ---- drawing ---- */

static const char *status_text(int bits)
{
	for (size_t i = 0; i < sizeof status_bits / sizeof *status_bits; i++)
		if (status_bits[i] == bits)
			return _(status_names[i]);
	return "?";
}

/* The filters set, for the line under the title. */
static void filter_text(stmt_scr *s, char *buf, size_t size)
{
	const stmt_filter *f = &s->f;
	char part[160];

	snprintf(buf, size, "%s", _("Filter:"));
#define ADD(...) do { snprintf(part, sizeof part, __VA_ARGS__); \
	strncat(buf, part, size - strlen(buf) - 1); } while (0)
	if (f->doc_type >= 0)
		ADD(" %s", doc_type_name(f->doc_type));
	if (f->number[0])
		ADD(_(" number %s"), f->number);
	if (f->from[0] || f->to[0])
		ADD(_(" dated %s–%s"), f->from, f->to);
	if (f->due_from[0] || f->due_to[0])
		ADD(_(" due %s–%s"), f->due_from, f->due_to);
	if (f->min_days >= 0 || f->max_days >= 0) {
		char lo[16] = "", hi[16] = "";

		if (f->min_days >= 0)
			snprintf(lo, sizeof lo, "%d", f->min_days);
		if (f->max_days >= 0)
			snprintf(hi, sizeof hi, "%d", f->max_days);
		ADD(_(" days %s–%s"), lo, hi);
	}
	if (f->status)
		ADD(" %s", status_text(f->status));
	if (f->range >= 0 && f->range + 1 < s->nrange)
		ADD(" %s", s->range_name[f->range + 1]);
#undef ADD
	if (!strcmp(buf, _("Filter:")))
		snprintf(buf, size, "%s", _("Filter: none (f to filter, 1-5 an aging range)"));
}

static void draw_filter_form(stmt_scr *s)
{
	int h = s->fm.n + 4, w = COLS - 4 < 70 ? COLS - 4 : 70, y = (LINES - h) / 2, x = (COLS - w) / 2;

	if (h > LINES - 2) {
		h = LINES - 2;
		y = 0;
	}
	ui_box(y, x, h, w, _("Filter the statement"));
	form_scroll(&s->fm, h - 4);
	form_draw(&s->fm, y + 1, x + 2, h - 4, w - 4);
	ui_put(y + h - 2, x + 2, w - 4, _("F9 apply · Esc cancel · dates YYYY-MM-DD, empty: any"), 0);
	ui_keys_bar(&scr_stmt_filter_keys, 0);
}

static void stmt_draw(ui_screen *base)
{
	stmt_scr *s = (stmt_scr *)base;
	char left[256], right[400], line[1024], count[96], day[DATE_LEN];
	int cw;

	if (s->help) {
		ui_keys_help(&scr_stmt_keys, 0, _("Statement"), ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
		return;
	}
	erase();
	snprintf(left, sizeof left, " cartera — %s", ctl_has_company(s->c) ? ctl_company(s->c)->name : "");
	date_show(s->f.asof, day, sizeof day);
	snprintf(right, sizeof right, _("Statement of %s as of %s"), s->cl.name, day);
	ui_title(left, right);
	if (rptview_draw(&s->v, 2, 0, LINES - 4, COLS) < 0)
		ui_put(3, 0, COLS, _("(the lines could not be read)"), 0);
	filter_text(s, line, sizeof line);
	rptview_count(&s->v, count, sizeof count);
	cw = utf8_width(count);
	ui_put(1, 0, COLS - cw - 1, line, 0);
	ui_put(1, COLS - cw - 1, cw + 1, count, 1);
	ui_status_draw();
	if (s->filtering) {
		draw_filter_form(s);
		return;
	}
	ui_keys_bar(&scr_stmt_keys, 0);
	rptview_draw_dialog(&s->v);
}

/* ---- the filter ---- */

static void open_filter(stmt_scr *s)
{
	const stmt_filter *f = &s->f;
	char num[16];
	int i;

	form_init(&s->fm, s);
	form_add(&s->fm, _("As of"), FT_DATE, 10, 1, NULL);
	form_set_value(&s->fm, FF_ASOF, f->asof);
	i = form_add(&s->fm, _("Document type"), FT_CHOICE, 0, 0, NULL);
	form_set_choices(&s->fm, i, type_names, (int)(sizeof type_names / sizeof *type_names));
	form_set_choice(&s->fm, i, f->doc_type + 1);
	form_add(&s->fm, _("Number contains"), FT_TEXT, 30, 0, NULL);
	form_set_value(&s->fm, FF_NUMBER, f->number);
	form_add(&s->fm, _("Dated from"), FT_DATE, 10, 0, NULL);
	form_set_value(&s->fm, FF_FROM, f->from);
	form_add(&s->fm, _("Dated to"), FT_DATE, 10, 0, NULL);
	form_set_value(&s->fm, FF_TO, f->to);
	form_add(&s->fm, _("Due from"), FT_DATE, 10, 0, NULL);
	form_set_value(&s->fm, FF_DUE_FROM, f->due_from);
	form_add(&s->fm, _("Due to"), FT_DATE, 10, 0, NULL);
	form_set_value(&s->fm, FF_DUE_TO, f->due_to);
	form_add(&s->fm, _("Days late from"), FT_INTEGER, 6, 0, NULL);
	snprintf(num, sizeof num, "%d", f->min_days);
	form_set_value(&s->fm, FF_MIN, f->min_days >= 0 ? num : "");
	form_add(&s->fm, _("Days late to"), FT_INTEGER, 6, 0, NULL);
	snprintf(num, sizeof num, "%d", f->max_days);
	form_set_value(&s->fm, FF_MAX, f->max_days >= 0 ? num : "");
	i = form_add(&s->fm, _("Status"), FT_CHOICE, 0, 0, NULL);
	form_set_choices(&s->fm, i, status_names, (int)(sizeof status_names / sizeof *status_names));
	for (size_t k = 0; k < sizeof status_bits / sizeof *status_bits; k++)
		if (status_bits[k] == f->status)
			form_set_choice(&s->fm, i, (int)k);
	i = form_add(&s->fm, _("Aging range"), FT_CHOICE, 0, 0, NULL);
	form_set_choices(&s->fm, i, s->range_opt, s->nrange);
	form_set_choice(&s->fm, i, f->range + 1);
	s->filtering = 1;
}

/* Days overdue from field i into *out (-1 when empty); 0 when fine. */
static int days_field(stmt_scr *s, int i, int *out)
{
	const char *v = s->fm.f[i].value;
	char *end;
	long n;

	*out = -1;
	if (!v[0])
		return 0;
	n = strtol(v, &end, 10);
	if (*end || n < 0 || n > 100000) {
		form_set_error(&s->fm, i, _("a number of days, 0 or more"));
		return -1;
	}
	*out = (int)n;
	return 0;
}

static int date_field(stmt_scr *s, int i, char out[DATE_LEN])
{
	cart_err e;

	out[0] = '\0';
	if (!s->fm.f[i].value[0] && i != FF_ASOF)
		return 0;
	if (ctl_date(s->fm.f[i].value, s->fm.f[i].label, out, &e) != CART_OK) {
		form_set_error(&s->fm, i, e.msg);
		return -1;
	}
	return 0;
}

/* Read the form into the filter and build the statement again; 0 when the form may close. */
static int apply_filter(stmt_scr *s)
{
	stmt_filter f;
	size_t len;

	if (form_check_all(&s->fm) >= 0)
		return -1;
	stmt_filter_init(&f);
	if (date_field(s, FF_ASOF, f.asof) || date_field(s, FF_FROM, f.from) ||
	    date_field(s, FF_TO, f.to) || date_field(s, FF_DUE_FROM, f.due_from) ||
	    date_field(s, FF_DUE_TO, f.due_to) || days_field(s, FF_MIN, &f.min_days) ||
	    days_field(s, FF_MAX, &f.max_days))
		return -1;
	if (f.min_days >= 0 && f.max_days >= 0 && f.min_days > f.max_days) {
		form_set_error(&s->fm, FF_MAX, _("less than the days overdue from"));
		return -1;
	}
	f.doc_type = s->fm.f[FF_TYPE].choice > 0 ? doc_type_parse(type_names[s->fm.f[FF_TYPE].choice])
	                                         : -1;
	len = strlen(s->fm.f[FF_NUMBER].value);
	if (len >= sizeof f.number) {
		form_set_error(&s->fm, FF_NUMBER, _("too long: a part of a document number"));
		return -1;
	}
	memcpy(f.number, s->fm.f[FF_NUMBER].value, len + 1);
	f.status = status_bits[s->fm.f[FF_STATUS].choice];
	f.range = s->fm.f[FF_RANGE].choice - 1;
	f.summary_first = 1;
	s->f = f;
	if (rebuild(s) == 0)
		ui_status(0, P_("The statement has %ld line.", "The statement has %ld lines.",
		                s->v.lv.rows), s->v.lv.rows);
	return 0;
}

static int act_apply(void *self, int key)
{
	stmt_scr *s = self;

	(void)key;
	if (apply_filter(s) == 0)
		s->filtering = 0;
	return SCR_STAY;
}

static int act_cancel(void *self, int key)
{
	stmt_scr *s = self;

	(void)key;
	s->filtering = 0;
	return SCR_STAY;
}

static const ui_act filter_acts[] = {
	UI_ACT(N_("Apply"), UK_F(9), UK_CTRL('s'), 0, 0, N_("apply the filter to the statement"),
	       act_apply),
	UI_ACT(N_("Cancel"), UK_ESC, UK_F(10), 0, 0, N_("close the filter, the statement as it was"),
	       act_cancel),
};
const ui_keymap scr_stmt_filter_keys = UI_KEYMAP("statement filter", UI_KM_FORM, filter_acts);

static void filter_key(stmt_scr *s, int key)
{
	if (ui_keys_run(&scr_stmt_filter_keys, s, key, 0, 1) < 0)
		form_handle_key(&s->fm, key);
}

/* An aging-range key: 0 every range, 1 not yet due, 2.. the company's ranges. */
static void set_range(stmt_scr *s, int range)
{
	s->f.range = range;
	if (rebuild(s) == 0)
		ui_status(0, _("Aging range: %s."), s->range_name[range + 1]);
}

/* ---- saving and printing ---- */

static void ask_file(stmt_scr *s, int format)
{
	char name[64], file[200];

	rpt_slug(s->cl.name, name, sizeof name);
	/* TRANSLATORS: the start of a statement's file name, one word, no spaces */
	snprintf(file, sizeof file, "%s-%s-%s", _("statement"), name, s->f.asof);
	rptview_ask_save(&s->v, format, _("Save the statement"), file);
}

static void print_statement(stmt_scr *s)
{
	char name[80];

	rpt_slug(s->cl.name, name, sizeof name);
	strncat(name, "-statement", sizeof name - strlen(name) - 1);
	rptview_print(&s->v, name);
}

/* ---- keys ---- */

static int act_back(void *self, int key)
{
	(void)self;
	(void)key;
	return SCR_CLOSE;
}

static int act_help(void *self, int key)
{
	stmt_scr *s = self;

	(void)key;
	s->help = 1;
	return SCR_STAY;
}

static int act_filter(void *self, int key)
{
	(void)key;
	open_filter(self);
	return SCR_STAY;
}

static int act_pdf(void *self, int key)
{
	(void)key;
	ask_file(self, RND_PDF);
	return SCR_STAY;
}

static int act_xlsx(void *self, int key)
{
	(void)key;
	ask_file(self, RND_XLSX);
	return SCR_STAY;
}

static int act_text(void *self, int key)
{
	(void)key;
	ask_file(self, RND_TXT80);
	return SCR_STAY;
}

static int act_print(void *self, int key)
{
	(void)key;
	print_statement(self);
	return SCR_STAY;
}

/* 0 every range, 1 not yet due, 2.. the company's ranges */
static int act_range(void *self, int key)
{
	stmt_scr *s = self;

	if (key - '0' < s->nrange)
		set_range(s, key - '0' - 1);
	return SCR_STAY;
}

/* the aging of every client, or this client's follow-up, as of the statement's date */
static int act_aging(void *self, int key)
{
	stmt_scr *s = self;

	(void)key;
	scr_reports_push(s->c, SCR_RPT_AGING, 0, s->f.asof);
	return SCR_STAY;
}

static int act_followup(void *self, int key)
{
	stmt_scr *s = self;

	(void)key;
	scr_reports_push(s->c, SCR_RPT_FOLLOWUP, s->cl.id, s->f.asof);
	return SCR_STAY;
}

static int act_mail(void *self, int key)
{
	stmt_scr *s = self;

	(void)key;
	scr_mail_statement(s->c, s->cl.id, s->f.asof);
	return SCR_STAY;
}

static const ui_act stmt_acts[] = {
	UI_ACT(N_("Help"), UK_F(1), '?', 0, 0, N_("this help: every key of the screen"), act_help),
	UI_ACT(N_("Filter"), UK_F(4), 'f', 0, 0,
	       N_("filter the statement: as-of date, type, number, dates, due dates, days, status, range"),
	       act_filter),
	UI_ACT(N_("PDF"), UK_F(5), 'd', 0, 0, N_("save the report as a PDF file (asks for the file name)"),
	       act_pdf),
	UI_ACT(N_("XLSX"), UK_F(6), 'x', 0, 0,
	       N_("save the report as a spreadsheet, XLSX (asks for the file name)"), act_xlsx),
	UI_ACT(N_("Text"), UK_F(7), 't', 0, 0,
	       N_("save the report as plain text, 80 columns (asks for the file name)"), act_text),
	UI_ACT(N_("Print"), UK_F(8), 'p', 0, 0,
	       N_("print the report (its PDF, through the spooler lp; the file is kept)"), act_print),
	UI_ACT(NULL, '1', '2', '0', 0,
	       N_("1 not yet due, 2 3 4 5 the company's aging ranges (1-30, 31-60...), 0 every range"),
	       act_range),
	UI_ACT(NULL, UK_ALT('A'), 0, 0, 0,
	       N_("the aging report: every client, a column per range, the proof"), act_aging),
	UI_ACT(NULL, UK_ALT('F'), 0, 0, 0,
	       N_("the follow-up report (of this client on a client's screen)"), act_followup),
	UI_USE(rptview_acts[RVA_MOVE]), UI_USE(rptview_acts[RVA_SIDE]),
	UI_ACT(N_("Back"), UK_F(10), 'q', UK_ESC, 0, N_("back to the screen before"), act_back),
	UI_ACT(N_("Mail"), 'm', 0, 0, 0,
	       N_("send it by e-mail: the statement, the selected client's, or the document"), act_mail),
};
const ui_keymap scr_stmt_keys = UI_KEYMAP("statement", 0, stmt_acts);

static int on_key(ui_screen *base, int key)
{
	stmt_scr *s = (stmt_scr *)base;
	int r;

	if (rptview_dialog_key(&s->v, key))
		return SCR_STAY;
	if (s->filtering) {
		filter_key(s, key);
		return SCR_STAY;
	}
	if (s->help) {
		if (!ui_help_key(key) && ui_help_closes(key))
			s->help = 0;
		return SCR_STAY;
	}
	/* every digit, beside the three its line names */
	if (key >= '0' && key <= '9')
		return act_range(s, key);
	r = ui_keys_run(&scr_stmt_keys, s, key, 0, 0);
	if (r >= 0)
		return r;
	rptview_move(&s->v, key);
	return SCR_STAY;
}

static void stmt_free(ui_screen *base)
{
	stmt_scr *s = (stmt_scr *)base;

	rptview_free(&s->v);
	free(s);
}

/* The names of the ranges: "every range", "not yet due", "1–30 days", ..., "over 90 days". */
static void range_names(stmt_scr *s)
{
	const company *co = ctl_company(s->c);
	int lo = 1;

	s->nrange = 0;
	snprintf(s->range_name[s->nrange++], 32, "%s", _("every range"));
	snprintf(s->range_name[s->nrange++], 32, "%s", _("not yet due"));
	for (int i = 0; i < co->n_ranges && s->nrange < MAX_RANGES - 1; i++) {
		snprintf(s->range_name[s->nrange++], 32, _("%d–%d days"), lo, co->ranges[i]);
		lo = co->ranges[i] + 1;
	}
	snprintf(s->range_name[s->nrange++], 32, _("over %d days"), lo - 1);
	for (int i = 0; i < s->nrange; i++)
		s->range_opt[i] = s->range_name[i];
}

int scr_statement_new(ctl *c, int64_t client_id, const char *asof, ui_screen **out, cart_err *e)
{
	stmt_scr *s = calloc(1, sizeof *s);

	if (!s)
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory opening the statement"));
	s->base = (ui_screen){ stmt_draw, on_key, NULL, stmt_free, 1 };
	s->c = c;
	if (ctl_client_get(c, client_id, &s->cl, e) != CART_OK) {
		free(s);
		return e->code;
	}
	stmt_filter_init(&s->f);
	s->f.summary_first = 1;    /* the balance and the open documents first (seed 000) */
	if (asof && *asof)
		snprintf(s->f.asof, sizeof s->f.asof, "%s", asof);
	else
		date_format(date_today(), s->f.asof);
	range_names(s);
	rptview_init(&s->v, N_("Statement"));
	s->v.show_head = 1;        /* the client's name, tax id and contact, the balance */
	if (build(s, e) != CART_OK) {
		stmt_free(&s->base);
		return e->code;
	}
	*out = &s->base;
	return CART_OK;
}
