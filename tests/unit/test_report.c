/* Report model and controllers: a statement and an aging built from a small ledger whose figures
 * are worked out by hand below, with filters and as-of dates; the follow-up's groups; the text
 * renderer's exact widths; the WinAnsi conversion of the PDF; a streamed report gives the
 * renderer the same rows as a kept one; the follow-up's declared widths give the same text as
 * measured ones.
 *
 * The ledger (company CO, COP, 2 decimals, ranges 30/60/90, today 2026-06-30):
 *   Acme SAS (30 days terms)
 *     FAC A 2026-01-10 due 2026-02-09  1.000,00
 *     RC  1 2026-03-01                   600,00  -> A (oldest first), A open 400,00
 *     FAC B 2026-04-01 due 2026-05-01  2.500,00
 *     FAC C 2026-06-15 due 2026-07-15    500,00
 *     RC  2 2026-06-20                   300,00  -> A, A open 100,00
 *     ANT   2026-06-25                    50,00  (advance: a credit in favour)
 *   Running balance: 1.000 / 400 / 2.900 / 3.400 / 3.100 / 3.050.
 *   As of 2026-06-30: A 100,00 open, 141 days overdue (over 90); B 2.500,00, 60 days (31-60);
 *   C 500,00 not due; credits 50,00; net 3.050,00.
 *   As of 2026-03-31: A 400,00 open, 50 days (31-60); balance 400,00.
 *   Núñez & Cía: FAC 2026-06-01 due 2026-06-10 777,77: 20 days (1-30). */
#include "testlib.h"

#include "ctl/ctl_int.h"
#include "cartera/output.h"
#include "cartera/render.h"
#include "cartera/reports.h"
#include "model/ledger_voided.h"

typedef struct fx {
	tl *t;
	ctl c;
	int64_t a, b, cc, nunez;
} fx;

static int setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	cart_err e = { 0 };
	posted p;

	assert_non_null(f);
	tl_setup((void **)&f->t);
	p = tl_invoice(f->t->l, f->t->c1, "2026-01-10", NULL, 100000);
	f->a = p.entry_id;
	tl_receipt(f->t->l, f->t->c1, "2026-03-01", 60000);
	p = tl_invoice(f->t->l, f->t->c1, "2026-04-01", NULL, 250000);
	f->b = p.entry_id;
	p = tl_invoice(f->t->l, f->t->c1, "2026-06-15", NULL, 50000);
	f->cc = p.entry_id;
	tl_receipt(f->t->l, f->t->c1, "2026-06-20", 30000);
	tl_advance(f->t->l, f->t->c1, "2026-06-25", 5000);
	f->nunez = tl_client(f->t, "Núñez & Cía", 9);
	tl_invoice(f->t->l, f->nunez, "2026-06-01", "2026-06-10", 77777);
	/* the controller on the same ledger */
	f->c.l = f->t->l;
	TL_OK(ledger_company_get(f->t->l, &f->c.co, &e), &e);
	f->c.have_company = 1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fx *f = *state;
	void *t = f->t;

	free(f);
	return tl_teardown(&t);
}

static const rpt_table *table(const report *r, const char *title)
{
	for (int i = 0; i < r->ntables; i++)
		if (!strcmp(r->tables[i].title, title))
			return &r->tables[i];
	return NULL;
}

/* The data rows of a table whose cell col is the text s. */
static const rpt_row *row_with(const rpt_table *t, int col, const char *s)
{
	for (long i = 0; i < t->nrows; i++)
		if (t->rows[i].ncells > col && t->rows[i].cells[col].kind == RPT_TEXT &&
		    !strcmp(t->rows[i].cells[col].s, s))
			return &t->rows[i];
	return NULL;
}

static long count_style(const rpt_table *t, int style)
{
	long n = 0;

	for (long i = 0; i < t->nrows; i++)
		n += t->rows[i].style == style;
	return n;
}

static void build_statement(fx *f, const stmt_filter *flt, report *r)
{
	cart_err e = { 0 };

	report_init(r, &f->c.co);
	TL_OK(rpt_statement(&f->c, f->t->c1, flt, r, &e), &e);
}

static void test_statement_today(void **state)
{
	fx *f = *state;
	stmt_filter flt;
	report r;
	const rpt_table *mv, *od, *cr, *ag;
	const rpt_row *last, *tot;
	static const int64_t balances[] = { 100000, 40000, 290000, 340000, 310000, 305000 };

	stmt_filter_init(&flt);
	build_statement(f, &flt, &r);
	assert_string_equal(r.title, "Statement of account");
	assert_string_equal(r.lines[0], "As of 2026-06-30");
	assert_string_equal(r.client[0], "Acme SAS");
	mv = table(&r, "Movements");
	assert_non_null(mv);
	assert_int_equal(count_style(mv, RPT_ROW_DATA), 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(mv->rows[i].cells[8].v, balances[i]);
	/* the first line: date and number and charge */
	assert_int_equal(mv->rows[0].cells[0].kind, RPT_DATE);
	assert_int_equal(mv->rows[0].cells[6].v, 100000);
	assert_int_equal(mv->rows[1].cells[6].kind, RPT_EMPTY);
	assert_int_equal(mv->rows[1].cells[7].v, 60000);
	last = &mv->rows[mv->nrows - 1];
	assert_int_equal(last->style, RPT_ROW_TOTAL);
	assert_int_equal(last->cells[6].v, 400000);  /* charges */
	assert_int_equal(last->cells[7].v, 95000);   /* credits */
	assert_int_equal(last->cells[8].v, 305000);
	assert_true(last->cells[6].flags & RPT_F_SUM);

	od = table(&r, "Open documents");
	assert_non_null(od);
	assert_int_equal(count_style(od, RPT_ROW_DATA), 3); /* A, B, C; the advance apart */
	/* oldest due first: A, B, C */
	assert_int_equal(od->rows[0].cells[4].v, 141);
	assert_int_equal(od->rows[0].cells[7].v, 10000);
	assert_int_equal(od->rows[1].cells[4].v, 60);
	assert_int_equal(od->rows[1].cells[7].v, 250000);
	assert_int_equal(od->rows[2].cells[4].v, 0);
	tot = row_with(od, 0, "Total COP");
	assert_non_null(tot);
	assert_string_equal(tot->cur, "COP");
	assert_int_equal(tot->cells[7].v, 310000);
	/* the advance: a credit in favour, positive, in a table of its own */
	cr = table(&r, "Credits in favour");
	assert_non_null(cr);
	assert_int_equal(count_style(cr, RPT_ROW_DATA), 1);
	assert_int_equal(cr->rows[0].cells[4].v, 5000);

	ag = table(&r, "Aging");
	assert_non_null(ag);
	assert_string_equal(ag->cols[1].name, "Not due");
	assert_string_equal(ag->cols[2].name, "1-30");
	assert_string_equal(ag->cols[5].name, "Over 90");
	assert_int_equal(ag->rows[0].cells[1].v, 50000);
	assert_int_equal(ag->rows[0].cells[2].v, 0);
	assert_int_equal(ag->rows[0].cells[3].v, 250000);
	assert_int_equal(ag->rows[0].cells[4].v, 0);
	assert_int_equal(ag->rows[0].cells[5].v, 10000);
	assert_int_equal(ag->rows[0].cells[6].v, 5000);    /* credits in favour, positive */
	assert_int_equal(ag->rows[0].cells[7].v, 305000);  /* the ranges less the credits */
	assert_string_equal(r.notes[0], "Balance as of 2026-06-30: 3.050,00 COP");

	/* a screen pages through it: title, header and rows of each table in turn */
	{
		rpt_line ln;
		long n = report_lines(&r);

		assert_int_equal(n, (2 + mv->nrows) + (2 + od->nrows) + (2 + cr->nrows) + (2 + ag->nrows));
		assert_true(report_line_at(&r, 0, &ln));
		assert_int_equal(ln.kind, RPT_LINE_TITLE);
		assert_ptr_equal(ln.table, mv);
		assert_true(report_line_at(&r, 1, &ln));
		assert_int_equal(ln.kind, RPT_LINE_HEADER);
		assert_true(report_line_at(&r, 2, &ln));
		assert_int_equal(ln.kind, RPT_LINE_ROW);
		assert_ptr_equal(ln.row, &mv->rows[0]);
		assert_true(report_line_at(&r, 2 + mv->nrows, &ln));
		assert_int_equal(ln.kind, RPT_LINE_TITLE);
		assert_ptr_equal(ln.table, od);
		assert_true(report_line_at(&r, n - 1, &ln));
		assert_ptr_equal(ln.row, &ag->rows[ag->nrows - 1]);
		assert_false(report_line_at(&r, n, &ln));
		assert_false(report_line_at(&r, -1, &ln));
	}
	report_free(&r);
}

static void test_statement_asof(void **state)
{
	fx *f = *state;
	stmt_filter flt;
	report r;
	const rpt_table *mv, *od, *ag;

	stmt_filter_init(&flt);
	snprintf(flt.asof, sizeof flt.asof, "2026-03-31");
	build_statement(f, &flt, &r);
	mv = table(&r, "Movements");
	assert_int_equal(count_style(mv, RPT_ROW_DATA), 2);
	assert_int_equal(mv->rows[1].cells[8].v, 40000);
	od = table(&r, "Open documents");
	assert_int_equal(count_style(od, RPT_ROW_DATA), 1);
	assert_int_equal(od->rows[0].cells[4].v, 50);
	assert_int_equal(od->rows[0].cells[7].v, 40000);
	ag = table(&r, "Aging");
	assert_int_equal(ag->rows[0].cells[3].v, 40000); /* 31-60 */
	assert_int_equal(ag->rows[0].cells[7].v, 40000);
	report_free(&r);
}

static void test_statement_filters(void **state)
{
	fx *f = *state;
	stmt_filter flt;
	report r;
	const rpt_table *mv, *od;
	cart_err e = { 0 };

	/* invoices only: three charges; the balance column adds up the lines shown (issue 14), so
	 * the second invoice's line holds the first two and the total row agrees with it */
	stmt_filter_init(&flt);
	flt.doc_type = DOC_INVOICE;
	build_statement(f, &flt, &r);
	mv = table(&r, "Movements");
	assert_int_equal(count_style(mv, RPT_ROW_DATA), 3);
	assert_int_equal(mv->rows[1].cells[8].v, 350000);
	assert_int_equal(mv->rows[mv->nrows - 1].cells[6].v, 400000);
	assert_int_equal(mv->rows[mv->nrows - 1].cells[7].v, 0);
	assert_int_equal(mv->rows[mv->nrows - 1].cells[8].v, 400000);
	od = table(&r, "Open documents");
	assert_int_equal(count_style(od, RPT_ROW_DATA), 3);
	report_free(&r);

	/* from a date: the balance brought forward, then the lines from it */
	stmt_filter_init(&flt);
	snprintf(flt.from, sizeof flt.from, "2026-04-01");
	build_statement(f, &flt, &r);
	mv = table(&r, "Movements");
	assert_string_equal(mv->rows[0].cells[2].s, "Balance brought forward");
	assert_int_equal(mv->rows[0].cells[8].v, 40000);
	assert_int_equal(count_style(mv, RPT_ROW_DATA), 5);
	report_free(&r);

	/* status: paid lines are the two receipts; overdue documents are A and B */
	stmt_filter_init(&flt);
	TL_OK(stmt_status_parse("paid", &flt.status, &e), &e);
	build_statement(f, &flt, &r);
	mv = table(&r, "Movements");
	assert_int_equal(count_style(mv, RPT_ROW_DATA), 2);
	assert_int_equal(mv->rows[0].cells[7].v, 60000);
	assert_int_equal(mv->rows[1].cells[7].v, 30000);
	report_free(&r);
	stmt_filter_init(&flt);
	TL_OK(stmt_status_parse("overdue", &flt.status, &e), &e);
	build_statement(f, &flt, &r);
	od = table(&r, "Open documents");
	assert_int_equal(count_style(od, RPT_ROW_DATA), 2);
	assert_int_equal(row_with(od, 0, "Total COP")->cells[7].v, 260000);
	report_free(&r);

	/* an aging range key and days overdue */
	stmt_filter_init(&flt);
	TL_OK(stmt_range_parse(&f->c.co, "31-60", &flt.range, &e), &e);
	assert_int_equal(flt.range, 2);
	build_statement(f, &flt, &r);
	od = table(&r, "Open documents");
	assert_int_equal(count_style(od, RPT_ROW_DATA), 1);
	assert_int_equal(od->rows[0].cells[7].v, 250000);
	report_free(&r);
	stmt_filter_init(&flt);
	flt.min_days = 100;
	build_statement(f, &flt, &r);
	od = table(&r, "Open documents");
	assert_int_equal(count_style(od, RPT_ROW_DATA), 1);
	assert_int_equal(od->rows[0].cells[4].v, 141);
	report_free(&r);

	/* bad keys are refused naming them */
	assert_int_equal(stmt_status_parse("unpaid", &flt.status, &e), CART_INVALID);
	tl_assert_msg_names(&e, "unpaid");
	assert_int_equal(stmt_range_parse(&f->c.co, "10-20", &flt.range, &e), CART_INVALID);
	tl_assert_msg_names(&e, "10-20");
}

static void test_aging(void **state)
{
	fx *f = *state;
	report r;
	cart_err e = { 0 };
	const rpt_table *ag, *ck;
	const rpt_row *acme, *nunez, *tot;

	report_init(&r, &f->c.co);
	TL_OK(rpt_aging(&f->c, "2026-06-30", &r, &e), &e);
	ag = table(&r, "Aging");
	assert_int_equal(count_style(ag, RPT_ROW_DATA), 2);
	acme = row_with(ag, 0, "Acme SAS");
	nunez = row_with(ag, 0, "Núñez & Cía");
	assert_non_null(acme);
	assert_non_null(nunez);
	assert_int_equal(acme->cells[2].v, 50000);
	assert_int_equal(acme->cells[4].v, 250000);
	assert_int_equal(acme->cells[6].v, 10000);
	assert_int_equal(acme->cells[9].v, 305000);
	assert_int_equal(nunez->cells[3].v, 77777);
	/* each client's row names the client, for the screen's Enter (its statement) */
	assert_int_equal(acme->ref, f->t->c1);
	assert_int_equal(nunez->ref, f->nunez);
	tot = row_with(ag, 0, "Total COP");
	assert_non_null(tot);
	assert_int_equal(tot->style, RPT_ROW_TOTAL);
	assert_string_equal(tot->cur, "COP");
	assert_int_equal(tot->ref, 0);
	assert_int_equal(tot->cells[2].v, 50000);
	assert_int_equal(tot->cells[3].v, 77777);
	assert_int_equal(tot->cells[4].v, 250000);
	assert_int_equal(tot->cells[5].v, 0);
	assert_int_equal(tot->cells[6].v, 10000);
	assert_int_equal(tot->cells[7].v, 387777);
	assert_int_equal(tot->cells[8].v, 5000);     /* credits in favour, positive */
	assert_int_equal(tot->cells[9].v, 382777);   /* open charges less credits */
	assert_int_equal(tot->cells[7].v - tot->cells[8].v, tot->cells[9].v);
	ck = table(&r, "Check");
	assert_non_null(ck);
	assert_int_equal(ck->rows[0].cells[1].v, 387777);
	assert_int_equal(ck->rows[0].cells[5].v, 382777);
	assert_non_null(strstr(r.notes[0], "add up"));
	assert_null(strstr(r.notes[0], "NOT"));
	report_free(&r);

	/* as of 2026-03-31: Núñez had nothing yet; Acme's A was 50 days overdue */
	report_init(&r, &f->c.co);
	TL_OK(rpt_aging(&f->c, "2026-03-31", &r, &e), &e);
	ag = table(&r, "Aging");
	assert_int_equal(count_style(ag, RPT_ROW_DATA), 1);
	assert_int_equal(ag->rows[0].cells[4].v, 40000);
	assert_int_equal(table(&r, "Check")->rows[0].cells[5].v, 40000);
	report_free(&r);
}

static void test_followup(void **state)
{
	fx *f = *state;
	report r;
	cart_err e = { 0 };
	const rpt_table *t;
	const rpt_row *over, *later;

	report_init(&r, &f->c.co);
	TL_OK(rpt_followup(&f->c, "2026-06-30", f->t->c1, 0, &r, &e), &e);
	t = table(&r, "Follow-up");
	assert_int_equal(t->rows[0].style, RPT_ROW_SECTION);
	assert_string_equal(t->rows[0].cells[0].s, "Acme SAS");
	over = row_with(t, 0, "Overdue");
	later = row_with(t, 0, "Falls due later");
	assert_int_equal(over->style, RPT_ROW_GROUP_TOTAL);
	assert_int_equal(over->cells[6].v, 260000);
	assert_int_equal(later->cells[6].v, 50000);
	/* every line of the client's section, heading, documents and subtotals, names the client */
	for (long i = 0; i < t->nrows; i++)
		assert_int_equal(t->rows[i].ref, f->t->c1);
	/* the overdue ones come before their subtotal, the later one after it */
	assert_int_equal(t->rows[1].cells[6].v, 10000);
	assert_int_equal(t->rows[1].cells[4].v, 141);
	assert_int_equal(t->rows[2].cells[6].v, 250000);
	assert_int_equal(t->rows[4].cells[6].v, 50000);
	assert_int_equal(t->rows[4].cells[4].v, 0);
	report_free(&r);
}


/* The follow-up of every client, from one walk over the open charges (as of now) or client by
 * client (as of a past date): the clients in name order, each with its own subtotals. */
static void test_followup_all(void **state)
{
	fx *f = *state;
	report r;
	cart_err e = { 0 };
	const rpt_table *t;
	int sections = 0;
	long acme = -1, nunez = -1;

	report_init(&r, &f->c.co);
	TL_OK(rpt_followup(&f->c, "2026-06-30", 0, 0, &r, &e), &e);
	t = table(&r, "Follow-up");
	for (long i = 0; i < t->nrows; i++) {
		if (t->rows[i].style != RPT_ROW_SECTION)
			continue;
		sections++;
		if (!strcmp(t->rows[i].cells[0].s, "Acme SAS"))
			acme = i;
		else if (!strcmp(t->rows[i].cells[0].s, "Núñez & Cía"))
			nunez = i;
	}
	assert_int_equal(sections, 2);
	assert_true(acme == 0 && nunez > acme);
	assert_int_equal(t->rows[nunez].ref, f->nunez);
	/* Acme: A 100,00 and B 2.500,00 overdue, C 500,00 later; Núñez: 777,77 overdue */
	assert_int_equal(t->rows[acme + 3].cells[6].v, 260000);
	assert_int_equal(t->rows[nunez + 1].cells[6].v, 77777);
	assert_int_equal(t->rows[nunez + 2].cells[6].v, 77777);
	assert_non_null(strstr(r.notes[0], "3.377,77"));    /* overdue in all */
	assert_non_null(strstr(r.notes[0], "500,00"));      /* falls due later */
	report_free(&r);

	/* as of 2026-03-31: only Acme, A with 400,00 open 50 days overdue */
	report_init(&r, &f->c.co);
	TL_OK(rpt_followup(&f->c, "2026-03-31", 0, 1, &r, &e), &e);
	t = table(&r, "Follow-up");
	assert_int_equal(t->rows[0].style, RPT_ROW_SECTION);
	assert_string_equal(t->rows[0].cells[0].s, "Acme SAS");
	assert_int_equal(t->rows[1].cells[6].v, 40000);
	assert_int_equal(t->rows[1].cells[4].v, 50);
	for (long i = 0; i < t->nrows; i++)
		assert_int_not_equal(t->rows[i].ref, f->nunez);
	report_free(&r);
}

/* What settled a document, and what it settled: invoice A was paid 600,00 by RC 1 and 300,00 by
 * RC 2; voiding RC 2 gives back its 300,00, listed as a reversal (negative) on both. */
static void test_document_settlements(void **state)
{
	fx *f = *state;
	doc_alloc al[8];
	doc_entry en[4];
	posted v;
	cart_err e = { 0 };
	int n = 0, nen = 0;
	int64_t a_doc, rc2_doc;
	report r;
	const rpt_table *t;

	/* the documents of entry A and of the second receipt */
	{
		doc_info d;

		TL_OK(ctl_doc_ref(&f->c, "FAC-000001", &d, &e), &e);
		a_doc = d.id;
		TL_OK(ctl_doc_ref(&f->c, "RC-000002", &d, &e), &e);
		rc2_doc = d.id;
	}
	TL_OK(ledger_document_allocations(f->t->l, a_doc, al, 8, &n, &e), &e);
	assert_int_equal(n, 2);
	assert_int_equal(al[0].paid_by, 1);
	assert_string_equal(al[0].number, "RC-000001");
	assert_string_equal(al[0].date, "2026-03-01");
	assert_int_equal(al[0].type, DOC_RECEIPT);
	assert_int_equal(al[0].amount, 60000);
	assert_string_equal(al[1].number, "RC-000002");
	assert_int_equal(al[1].amount, 30000);
	TL_OK(ledger_document_allocations(f->t->l, rc2_doc, al, 8, &n, &e), &e);
	assert_int_equal(n, 1);
	assert_int_equal(al[0].paid_by, 0);
	assert_string_equal(al[0].number, "FAC-000001");
	assert_int_equal(al[0].type, DOC_INVOICE);
	assert_int_equal(al[0].amount, 30000);

	TL_OK(ledger_document_void(f->t->l, rc2_doc, "2026-06-28", "cheque rechazado", &v, &e), &e);
	TL_OK(ledger_document_allocations(f->t->l, a_doc, al, 8, &n, &e), &e);
	assert_int_equal(n, 3);
	assert_string_equal(al[2].date, "2026-06-28");
	assert_int_equal(al[2].amount, -30000);
	TL_OK(ledger_document_entries(f->t->l, a_doc, en, 4, &nen, &e), &e);
	assert_int_equal(en[0].open, 40000);   /* 1.000,00 - 600,00 */

	/* the invoice's report lists them under "Paid by", adding up to what was paid */
	report_init(&r, &f->c.co);
	TL_OK(rpt_document(&f->c, a_doc, &r, &e), &e);
	t = table(&r, "Paid by");
	assert_non_null(t);
	assert_int_equal(t->nrows, 4);
	assert_int_equal(t->rows[3].style, RPT_ROW_TOTAL);
	assert_int_equal(t->rows[3].cells[3].v, 60000);
	assert_null(table(&r, "Applied to"));
	assert_non_null(strstr(r.notes[2], "400,00"));   /* still to pay, after the words and total */
	report_free(&r);

	/* who voided the receipt, when and why; its report says so and lists the void apart */
	{
		void_info vi, vv;

		TL_OK(ledger_void_info(f->t->l, rc2_doc, &vi, &e), &e);
		assert_string_equal(vi.number, v.number);
		assert_string_equal(vi.voided, "RC-000002");
		assert_string_equal(vi.date, "2026-06-28");
		assert_string_equal(vi.reason, "cheque rechazado");
		assert_true(vi.clerk[0] != '\0');
		/* asked of the void itself: the same */
		TL_OK(ledger_void_info(f->t->l, v.doc_id, &vv, &e), &e);
		assert_string_equal(vv.voided, "RC-000002");
		/* a document never voided */
		TL_OK(ledger_void_info(f->t->l, a_doc, &vv, &e), &e);
		assert_string_equal(vv.number, "");
	}
	report_init(&r, &f->c.co);
	TL_OK(rpt_document(&f->c, rc2_doc, &r, &e), &e);
	{
		int said = 0;

		for (int i = 0; i < r.nlines; i++)
			said |= strstr(r.lines[i], "VOIDED by") && strstr(r.lines[i], "cheque rechazado");
		assert_true(said);
	}
	t = table(&r, "Paid by");
	for (long i = 0; t && i < t->nrows; i++)
		assert_true(t->rows[i].ncells < 2 || t->rows[i].cells[1].kind != RPT_TEXT ||
		            strncmp(t->rows[i].cells[1].s, "ANU", 3));
	report_free(&r);
}

/* CSV and JSON: English keys, plain amounts, the currency a field of its own. */
static void test_data_renderers(void **state)
{
	fx *f = *state;
	stmt_filter flt;
	report r;
	cart_err e = { 0 };
	char path[160], buf[16384];
	size_t n;
	FILE *fp;

	stmt_filter_init(&flt);
	build_statement(f, &flt, &r);
	snprintf(path, sizeof path, "%s/s.json", f->t->dir);
	TL_OK(rnd_report_file(&r, RND_JSON, path, NULL, &e), &e);
	fp = fopen(path, "r");
	assert_non_null(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	assert_non_null(strstr(buf, "\"columns\": [\"date\", \"document\", \"description\", "
	                            "\"order_ref\", \"due_date\", \"status\", \"charge\", \"credit\", "
	                            "\"balance\", \"currency\"]"));
	assert_non_null(strstr(buf, "\"balance\": 3050.00, \"currency\": \"COP\"}"));
	assert_non_null(strstr(buf, "\"credits\": 50.00"));     /* the advance, positive */
	assert_null(strstr(buf, "-50.00"));
	assert_non_null(strstr(buf, "\"notes\": [\"Balance as of 2026-06-30: 3.050,00 COP\"]"));
	snprintf(path, sizeof path, "%s/s.csv", f->t->dir);
	TL_OK(rnd_report_file(&r, RND_CSV, path, NULL, &e), &e);
	fp = fopen(path, "r");
	assert_non_null(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	assert_memory_equal(buf, "row,date,document,description,order_ref,due_date,status,charge,credit,balance,currency\r\n", 88);
	assert_non_null(strstr(buf, "total,,Total,COP,,,,4000.00,950.00,3050.00,COP\r\n"));
	report_free(&r);
}

/* ---- renderers ---- */

static void test_text_widths(void **state)
{
	fx *f = *state;
	stmt_filter flt;
	report r;
	cart_err e = { 0 };
	char path[160], line[2048];
	int widths[] = { RND_TXT80, RND_TXT132 };

	stmt_filter_init(&flt);
	build_statement(f, &flt, &r);
	for (int k = 0; k < 2; k++) {
		int want = widths[k] == RND_TXT80 ? 80 : 132, lines = 0, found = 0;
		FILE *fp;

		snprintf(path, sizeof path, "%s/s.txt", f->t->dir);
		TL_OK(rnd_report_file(&r, widths[k], path, NULL, &e), &e);
		fp = fopen(path, "r");
		assert_non_null(fp);
		while (fgets(line, sizeof line, fp)) {
			line[strcspn(line, "\n")] = '\0';
			if (line[0] == '\f')
				continue;
			assert_int_equal(utf8_width(line), want);
			lines++;
			found |= strstr(line, "3.050,00") != NULL;
		}
		fclose(fp);
		unlink(path);
		assert_true(lines > 20);
		assert_true(found);
	}
	report_free(&r);
}

/* Text longer than a cell holds is cut on a whole character. */
static void test_text_cut(void **state)
{
	char longtext[600];
	report r;
	size_t n;

	(void)state;
	memset(longtext, 'a', 254);
	strcpy(longtext + 254, "ñandú");      /* 'ñ' is bytes 254 and 255: cut after 255 bytes */
	report_init(&r, NULL);
	report_table(&r, "t");
	report_col(&r, "c", "c", RPT_TEXT, RPT_LEFT, 10, 5);
	report_row(&r, RPT_ROW_DATA, NULL);
	rpt_text(&r, longtext);
	report_row_end(&r);
	report_row(&r, RPT_ROW_DATA, NULL);
	memset(longtext, 'b', 253);
	strcpy(longtext + 253, "ñandú");      /* 'ñ' whole at 253-254 */
	rpt_text(&r, longtext);
	report_row_end(&r);
	assert_int_equal(report_finish(&r, CART_IGNORED), CART_OK);
	assert_int_equal(r.tables[0].nrows, 2);
	n = strlen(r.tables[0].rows[0].cells[0].s);
	assert_int_equal(n, 254);             /* the half 'ñ' is gone, not kept broken */
	assert_string_equal(r.tables[0].rows[1].cells[0].s + 253, "ñ");
	report_free(&r);
}

static void test_cp1252(void **state)
{
	char out[64];
	long rep = 0;

	(void)state;
	rnd_utf8_to_cp1252("ñáéíóúü¿¡€Ñ", out, sizeof out, &rep);
	assert_string_equal(out, "\xf1\xe1\xe9\xed\xf3\xfa\xfc\xbf\xa1\x80\xd1");
	assert_int_equal(rep, 0);
	rnd_utf8_to_cp1252("a→b\xff" "c", out, sizeof out, &rep);
	assert_string_equal(out, "a?b?c");
	assert_int_equal(rep, 2);
	rep = 0;
	rnd_utf8_to_cp1252("“ok” – …", out, sizeof out, &rep);
	assert_string_equal(out, "\x93ok\x94 \x96 \x85");
	assert_int_equal(rep, 0);
}

/* A sink that counts what it is given. */
typedef struct counter {
	int begins, tables, ends;
	long rows;
	int64_t sum;
} counter;

static int c_begin(void *ud, const report *r, cart_err *e)
{
	(void)r;
	(void)e;
	((counter *)ud)->begins++;
	return CART_OK;
}

static int c_table(void *ud, const report *r, const rpt_table *t, cart_err *e)
{
	(void)r;
	(void)t;
	(void)e;
	((counter *)ud)->tables++;
	return CART_OK;
}

static int c_row(void *ud, const report *r, const rpt_table *t, const rpt_row *row, cart_err *e)
{
	counter *c = ud;

	(void)r;
	(void)t;
	(void)e;
	c->rows++;
	for (int i = 0; i < row->ncells; i++)
		if (row->cells[i].kind == RPT_AMOUNT)
			c->sum += row->cells[i].v;
	return CART_OK;
}

static int c_end(void *ud, const report *r, cart_err *e)
{
	(void)r;
	(void)e;
	((counter *)ud)->ends++;
	return CART_OK;
}

static void test_stream_equals_kept(void **state)
{
	fx *f = *state;
	static const rpt_sink sink = { c_begin, c_table, c_row, NULL, c_end };
	counter kept = { 0 }, streamed = { 0 };
	report r;
	cart_err e = { 0 };

	report_init(&r, &f->c.co);
	TL_OK(rpt_aging(&f->c, "2026-06-30", &r, &e), &e);
	TL_OK(report_render(&r, &sink, &kept, &e), &e);
	report_free(&r);
	report_init(&r, &f->c.co);
	report_stream(&r, &sink, &streamed);
	TL_OK(rpt_aging(&f->c, "2026-06-30", &r, &e), &e);
	/* nothing kept when streaming */
	assert_int_equal(r.tables[0].nrows, 0);
	report_free(&r);
	assert_int_equal(kept.begins, 1);
	assert_int_equal(streamed.begins, 1);
	assert_int_equal(streamed.ends, 1);
	assert_int_equal(kept.tables, 2);
	assert_int_equal(streamed.tables, 2);
	assert_int_equal(kept.rows, streamed.rows);
	assert_int_equal(kept.sum, streamed.sum);
	assert_int_equal(kept.rows, 2 + 1 + 1); /* two clients, the total, the check row */
}

/* Render a kept report to text (format, page length), into a string the caller frees. */
static char *text_of(const report *r, int format, int page_lines, const char *dir)
{
	char path[200], *buf;
	cart_err e = { 0 };
	rnd *x;
	long n;
	FILE *fp;

	snprintf(path, sizeof path, "%s/t.txt", dir);
	unlink(path);
	TL_OK(rnd_open(format, path, NULL, &x, &e), &e);
	rnd_page_lines(x, page_lines);
	TL_OK(report_render(r, rnd_sink(x), rnd_ud(x), &e), &e);
	TL_OK(rnd_close(x, NULL, &e), &e);
	fp = fopen(path, "r");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = calloc(1, (size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	unlink(path);
	return buf;
}

/* The follow-up of every client as of now declares its columns' widths before its rows (issue
 * 17), and plain text then writes each row as it comes: the same text, to the byte, as when
 * the renderer measures the kept rows itself, at 80 and 132 columns, with pages and without
 * (Acme's credit in favour widens the document column to its label; Núñez is not ASCII). */
static void test_followup_declared_widths(void **state)
{
	fx *f = *state;
	report r;
	cart_err e = { 0 };
	int formats[] = { RND_TXT80, RND_TXT132 }, pages[] = { -1, 20 };

	report_init(&r, &f->c.co);
	TL_OK(rpt_followup(&f->c, "2026-06-30", 0, 0, &r, &e), &e);
	assert_int_equal(r.tables[0].nknown, 7);
	assert_int_equal(r.tables[0].known[0], (int)strlen("Credits in favour"));
	for (int k = 0; k < 2; k++)
		for (int p = 0; p < 2; p++) {
			char *declared, *measured;

			r.tables[0].nknown = 7;
			declared = text_of(&r, formats[k], pages[p], f->t->dir);
			r.tables[0].nknown = 0;
			measured = text_of(&r, formats[k], pages[p], f->t->dir);
			assert_string_equal(declared, measured);
			assert_non_null(strstr(declared, "Núñez & Cía"));
			assert_non_null(strstr(declared, "Credits in favour"));
			free(declared);
			free(measured);
		}
	report_free(&r);
}

/* A report that declares a column narrower than a cell it then writes is a bug: the text fails
 * with a message rather than print a table laid out wrong. */
static void test_declared_too_narrow(void **state)
{
	fx *f = *state;
	report r;
	cart_err e = { 0 };
	char path[200];
	int w[2] = { 3, 5 };
	rnd *x;

	report_init(&r, &f->c.co);
	report_table(&r, "t");
	report_col(&r, "a", "A", RPT_TEXT, RPT_LEFT, 10, 5);
	report_col(&r, "b", "B", RPT_AMOUNT, RPT_RIGHT, 10, 10);
	report_col_widths(&r, w, 2);
	report_row(&r, RPT_ROW_DATA, NULL);
	rpt_text(&r, "abcd");
	rpt_amount(&r, 100, "COP", 0);
	report_row_end(&r);
	TL_OK(report_finish(&r, &e), &e);
	snprintf(path, sizeof path, "%s/n.txt", f->t->dir);
	TL_OK(rnd_open(RND_TXT80, path, NULL, &x, &e), &e);
	assert_int_equal(report_render(&r, rnd_sink(x), rnd_ud(x), &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "wider than its column was declared"));
	rnd_abort(x);
	assert_int_equal(access(path, F_OK), -1);
	report_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_statement_today, setup, teardown),
		cmocka_unit_test_setup_teardown(test_statement_asof, setup, teardown),
		cmocka_unit_test_setup_teardown(test_statement_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_aging, setup, teardown),
		cmocka_unit_test_setup_teardown(test_followup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_followup_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_document_settlements, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_widths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_data_renderers, setup, teardown),
		cmocka_unit_test(test_cp1252),
		cmocka_unit_test(test_text_cut),
		cmocka_unit_test_setup_teardown(test_stream_equals_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_followup_declared_widths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_declared_too_narrow, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
