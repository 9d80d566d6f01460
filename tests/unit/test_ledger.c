/* Ledger basics: what an invoice posts (SPEC L1, D1 and seed 003's charge modes), gapless numbers,
 * instalments, the totals of B1, the statement's running balance, two currencies, posted entries
 * that SQLite itself refuses to change (L4), and bad input. Today is fixed at 2026-06-30. */
#include "config.h"

#include <sqlite3.h>

#include "testlib.h"
#include "model/ledger_int.h"

/* Invoice 2026-06-01, due "" with 30 days terms -> due 2026-07-01: one CF charge, not yet due. */
static void test_invoice_due_from_terms(void **state)
{
	tl *t = *state;
	posted p = tl_invoice(t->l, t->c1, "2026-06-01", "", 100000);
	tl_items s;
	totals tt;

	assert_string_equal(p.number, "FAC-000001");
	assert_true(p.entry_id > 0);
	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.it[0].entry_id, p.entry_id);
	assert_int_equal(s.it[0].doc_id, p.doc_id);
	assert_string_equal(s.it[0].number, "FAC-000001");
	assert_string_equal(s.it[0].code, "CF");
	assert_int_equal(s.it[0].side, 'D');
	assert_string_equal(s.it[0].date, "2026-06-01");
	assert_string_equal(s.it[0].due_date, "2026-07-01");
	assert_string_equal(s.it[0].currency, "COP");
	assert_int_equal(s.it[0].amount, 100000);
	assert_int_equal(s.it[0].open, 100000);
	assert_int_equal(s.it[0].instalment_id, 0);
	assert_int_equal(s.it[0].days_overdue, 0);

	/* due 1,000.00, overdue 0, credits 0 -> net 1,000.00; one item due */
	tl_totals(t->l, t->c1, TL_TODAY, "COP", &tt);
	assert_int_equal(tt.due, 100000);
	assert_int_equal(tt.overdue, 0);
	assert_int_equal(tt.credits, 0);
	assert_int_equal(tt.net, 100000);
	assert_int_equal(tt.n_due, 1);
	assert_int_equal(tt.n_overdue, 0);
	assert_int_equal(tt.n_credits, 0);
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 100000);
	/* The same for all clients. */
	tl_assert_totals(t->l, 0, TL_TODAY, "COP", 100000, 0, 0);
}

/* Numbers are per type and gapless: a refused invoice does not use a number. */
static void test_numbers_gapless(void **state)
{
	tl *t = *state;
	invoice_in bad;
	posted p1, p2, p3, r1, bp;
	cart_err e = { 0 };
	int64_t found = 0;

	p1 = tl_invoice(t->l, t->c1, "2026-06-01", "", 10000);
	memset(&bad, 0, sizeof bad);
	bad.client_id = t->c1;
	snprintf(bad.date, sizeof bad.date, "2026-06-02");
	bad.total = -10000;
	assert_int_equal(ledger_invoice_post(t->l, &bad, &bp, &e), CART_INVALID);
	p2 = tl_invoice(t->l, t->c1, "2026-06-03", "", 20000);
	r1 = tl_receipt(t->l, t->c1, "2026-06-04", 5000);
	p3 = tl_invoice(t->l, t->c1, "2026-06-05", "", 30000);

	assert_string_equal(p1.number, "FAC-000001");
	assert_string_equal(p2.number, "FAC-000002");
	assert_string_equal(p3.number, "FAC-000003");
	assert_string_equal(r1.number, "RC-000001");
	assert_true(p1.doc_id != p2.doc_id && p2.doc_id != p3.doc_id);

	TL_OK(ledger_document_find(t->l, "FAC-000002", &found, &e), &e);
	assert_int_equal(found, p2.doc_id);
	/* 100.00 + 200.00 + 300.00 - 50.00 = 550.00 in all */
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 55000);
}

/* Seed 003, charge the expenses: only a CGC charge for the expenses. */
static void test_charge_mode_expenses(void **state)
{
	tl *t = *state;
	int64_t c = tl_client_mode(t, "Aduanas Expensas", 30, CHARGE_EXPENSES);
	invoice_in in;
	posted p;
	cart_err e = { 0 };
	tl_items s;

	memset(&in, 0, sizeof in);
	in.client_id = c;
	snprintf(in.date, sizeof in.date, "2026-06-10");
	in.total = 100000;
	in.expenses = 20000;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	assert_string_equal(p.number, "FAC-000001");

	tl_items_get(t->l, c, TL_TODAY, &s);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.it[0].code, "CGC");
	assert_int_equal(s.it[0].open, 20000);
	assert_string_equal(s.it[0].number, "FAC-000001");
	assert_int_equal(tl_balance(t->l, c, TL_TODAY, "COP"), 20000);
}

/* Charge both: CF 1,000.00 and CGC 200.00 under the same document number; balance 1,200.00. */
static void test_charge_mode_both(void **state)
{
	tl *t = *state;
	int64_t c = tl_client_mode(t, "Aduanas Ambos", 30, CHARGE_BOTH);
	invoice_in in;
	posted p;
	cart_err e = { 0 };
	tl_items s;
	const open_item *cf, *cgc;

	memset(&in, 0, sizeof in);
	in.client_id = c;
	snprintf(in.date, sizeof in.date, "2026-06-10");
	in.total = 100000;
	in.expenses = 20000;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);

	tl_items_get(t->l, c, TL_TODAY, &s);
	assert_int_equal(s.n, 2);
	cf = tl_item_code(&s, "CF");
	cgc = tl_item_code(&s, "CGC");
	assert_non_null(cf);
	assert_non_null(cgc);
	assert_int_equal(cf->open, 100000);
	assert_int_equal(cgc->open, 20000);
	assert_int_equal(cf->doc_id, p.doc_id);
	assert_int_equal(cgc->doc_id, p.doc_id);
	assert_string_equal(cgc->number, cf->number);
	tl_assert_totals(t->l, c, TL_TODAY, "COP", 120000, 0, 0);
}

/* Charge none: the invoice is accepted but posts no entry. */
static void test_charge_mode_none(void **state)
{
	tl *t = *state;
	int64_t c = tl_client_mode(t, "Aduanas Nada", 30, CHARGE_NONE);
	invoice_in in;
	posted p;
	cart_err e = { 0 };
	tl_items s;
	tl_stmt st;

	memset(&in, 0, sizeof in);
	in.client_id = c;
	snprintf(in.date, sizeof in.date, "2026-06-10");
	in.total = 100000;
	in.expenses = 20000;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	assert_int_equal(p.entry_id, 0);
	tl_items_get(t->l, c, TL_TODAY, &s);
	assert_int_equal(s.n, 0);
	tl_stmt_get(t->l, c, TL_TODAY, &st);
	assert_int_equal(st.n, 0);
	assert_int_equal(tl_balance(t->l, c, TL_TODAY, "COP"), 0);
}

/* The default mode charges the invoice total only, whatever the expenses. */
static void test_charge_mode_invoice_ignores_expenses(void **state)
{
	tl *t = *state;
	invoice_in in;
	posted p;
	cart_err e = { 0 };
	tl_items s;

	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-06-10");
	in.total = 100000;
	in.expenses = 20000;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.it[0].code, "CF");
	assert_int_equal(s.it[0].open, 100000);
	assert_null(tl_item_code(&s, "CGC"));
}

/* 1,000.00 in three instalments: 333.34 + 333.33 + 333.33, each with its own due date. As of
 * 2026-06-30 the first (due 05-31) is overdue, the second is due today (so due, not overdue) and
 * the third is due later: due 666.66 in two items, overdue 333.34 in one. */
static void test_instalments_three(void **state)
{
	tl *t = *state;
	instalment_in inst[3] = {
		{ "2026-05-31", 33334 }, { "2026-06-30", 33333 }, { "2026-07-30", 33333 },
	};
	invoice_in in;
	posted p;
	cart_err e = { 0 };
	tl_items s;
	const open_item *i1, *i2, *i3;
	totals tt;

	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-05-01");
	in.total = 100000;
	in.inst = inst;
	in.n_inst = 3;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);

	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_int_equal(s.n, 3);
	i1 = tl_item_due(&s, p.entry_id, "2026-05-31");
	i2 = tl_item_due(&s, p.entry_id, "2026-06-30");
	i3 = tl_item_due(&s, p.entry_id, "2026-07-30");
	assert_non_null(i1);
	assert_non_null(i2);
	assert_non_null(i3);
	assert_int_equal(i1->amount, 33334);
	assert_int_equal(i1->open, 33334);
	assert_int_equal(i2->open, 33333);
	assert_int_equal(i3->open, 33333);
	assert_true(i1->instalment_id > 0 && i2->instalment_id > 0 && i3->instalment_id > 0);
	assert_true(i1->instalment_id != i2->instalment_id && i2->instalment_id != i3->instalment_id);
	assert_int_equal(i1->days_overdue, 30);
	assert_int_equal(i2->days_overdue, 0);
	/* oldest due first */
	assert_string_equal(s.it[0].due_date, "2026-05-31");
	assert_string_equal(s.it[2].due_date, "2026-07-30");

	tl_totals(t->l, t->c1, TL_TODAY, "COP", &tt);
	assert_int_equal(tt.due, 66666);
	assert_int_equal(tt.overdue, 33334);
	assert_int_equal(tt.n_due, 2);
	assert_int_equal(tt.n_overdue, 1);
	assert_int_equal(tt.net, 100000);
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 100000);
}

/* Instalments adding up to 999.99 for a 1,000.00 invoice are refused and nothing is written. */
static void test_instalments_must_add_up(void **state)
{
	tl *t = *state;
	instalment_in inst[3] = {
		{ "2026-05-31", 33334 }, { "2026-06-30", 33333 }, { "2026-07-30", 33332 },
	};
	invoice_in in;
	posted p;
	cart_err e = { 0 };

	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-05-01");
	in.total = 100000;
	in.inst = inst;
	in.n_inst = 3;
	assert_int_equal(ledger_invoice_post(t->l, &in, &p, &e), CART_INVALID);
	assert_true(e.msg[0] != '\0');
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 0);
	/* 333.34 + 333.33 + 333.34 = 1,000.01: too much is refused as well */
	inst[2].amount = 33334;
	assert_int_equal(ledger_invoice_post(t->l, &in, &p, &e), CART_INVALID);
	/* the first good invoice still takes number 1 */
	p = tl_invoice(t->l, t->c1, "2026-05-01", "", 5000);
	assert_string_equal(p.number, "FAC-000001");
}

/* An invoice due today is due, not overdue; one due yesterday is overdue; as of yesterday both are
 * due. */
static void test_due_today_is_not_overdue(void **state)
{
	tl *t = *state;
	totals tt;

	tl_invoice(t->l, t->c1, "2026-06-01", "2026-06-30", 100000);
	tl_invoice(t->l, t->c1, "2026-06-01", "2026-06-29", 25000);
	tl_totals(t->l, t->c1, TL_TODAY, "COP", &tt);
	assert_int_equal(tt.due, 100000);
	assert_int_equal(tt.overdue, 25000);
	assert_int_equal(tt.n_due, 1);
	assert_int_equal(tt.n_overdue, 1);
	assert_int_equal(tt.net, 125000);
	tl_totals(t->l, t->c1, "2026-06-29", "COP", &tt);
	assert_int_equal(tt.due, 125000);
	assert_int_equal(tt.overdue, 0);
	assert_int_equal(tt.n_due, 2);
}

/* Statement: 1,000.00 (06-01) + 500.00 (06-10) - 1,200.00 (06-15) -> running 1,000.00, 1,500.00,
 * 300.00. As of 06-12 only the first two lines. */
static void test_statement_running_balance(void **state)
{
	tl *t = *state;
	tl_stmt st;

	tl_invoice(t->l, t->c1, "2026-06-01", "", 100000);
	tl_invoice(t->l, t->c1, "2026-06-10", "", 50000);
	tl_receipt(t->l, t->c1, "2026-06-15", 120000);

	tl_stmt_get(t->l, t->c1, TL_TODAY, &st);
	assert_int_equal(st.n, 3);
	assert_string_equal(st.ln[0].number, "FAC-000001");
	assert_string_equal(st.ln[0].code, "CF");
	assert_int_equal(st.ln[0].charge, 100000);
	assert_int_equal(st.ln[0].credit, 0);
	assert_int_equal(st.ln[0].balance, 100000);
	assert_int_equal(st.ln[1].charge, 50000);
	assert_int_equal(st.ln[1].balance, 150000);
	assert_string_equal(st.ln[2].number, "RC-000001");
	assert_string_equal(st.ln[2].code, "APF");
	assert_int_equal(st.ln[2].side, 'C');
	assert_int_equal(st.ln[2].charge, 0);
	assert_int_equal(st.ln[2].credit, 120000);
	assert_int_equal(st.ln[2].balance, 30000);
	assert_int_equal(st.ln[2].reversal, 0);

	tl_stmt_get(t->l, t->c1, "2026-06-12", &st);
	assert_int_equal(st.n, 2);
	assert_int_equal(st.ln[1].balance, 150000);
}

/* Peru: PEN and USD are kept apart; a USD receipt cannot pay a PEN invoice. */
static void test_two_currencies(void **state)
{
	tl *t = *state;
	posted pen, usd, r, bad;
	totals rows[LEDGER_MAX_CURRENCIES];
	alloc_in a = { 0 };
	cart_err e = { 0 };
	tl_stmt before, after;
	int n = 0, rc;

	tl_company_pe(t);
	pen = tl_invoice_cur(t->l, t->c1, "2026-06-01", "", "PEN", 100000);
	usd = tl_invoice_cur(t->l, t->c1, "2026-06-02", "", "USD", 50000);
	(void)usd;

	/* one row per currency, ordered PEN then USD, never summed */
	TL_OK(ledger_totals(t->l, t->c1, TL_TODAY, rows, &n, &e), &e);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].currency, "PEN");
	assert_int_equal(rows[0].due, 100000);
	assert_string_equal(rows[1].currency, "USD");
	assert_int_equal(rows[1].due, 50000);

	/* USD 500.00 explicitly against the PEN invoice: refused, nothing written */
	tl_stmt_get(t->l, t->c1, TL_TODAY, &before);
	a.charge_entry_id = pen.entry_id;
	a.amount = 50000;
	rc = tl_receipt_try(t->l, t->c1, "2026-06-10", "USD", 50000, &a, 1, 0, &bad, &e);
	assert_true(rc == CART_REFUSED || rc == CART_INVALID);
	assert_true(e.msg[0] != '\0');
	tl_stmt_get(t->l, t->c1, TL_TODAY, &after);
	assert_int_equal(after.n, before.n);

	/* USD 600.00 oldest first pays only the USD invoice (500.00) and leaves 100.00 in favour */
	TL_OK(tl_receipt_try(t->l, t->c1, "2026-06-10", "USD", 60000, NULL, 0, 0, &r, &e), &e);
	assert_int_equal(r.credit_left, 10000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "PEN", 100000, 0, 0);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "USD", 0, 0, 10000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, pen.entry_id), 100000);
}

/* The kept balances (schema 018) answer the all-clients balance when nothing is dated after the
 * as-of date; they must equal the entries added up client by client (the scan path), through
 * receipts, an advance, a credit note's void and two currencies; a later-dated invoice sends an
 * earlier as-of date back to the scan; a kept row changed by hand is a problem for the check. */
static void test_kept_balances(void **state)
{
	tl *t = *state;
	int64_t c2;
	posted inv, r;
	balance all[LEDGER_MAX_CURRENCIES];
	cart_err e = { 0 };
	sqlite3 *db;
	int64_t problems = 0;
	const char *cur[2] = { "PEN", "USD" };
	const char *asofs[2] = { TL_TODAY, TL_LATER };
	int n = 0;

	tl_company_pe(t);
	c2 = tl_client(t, "Beta EIRL", 0);
	inv = tl_invoice_cur(t->l, t->c1, "2026-06-01", "", "PEN", 100000);
	tl_invoice_cur(t->l, t->c1, "2026-06-02", "", "USD", 50000);
	tl_invoice_cur(t->l, c2, "2026-06-03", "", "PEN", 70000);
	tl_receipt(t->l, t->c1, "2026-06-10", 30000);
	r = tl_receipt(t->l, c2, "2026-06-11", 90000);
	tl_advance(t->l, c2, "2026-06-12", 5000);
	tl_void(t->l, r.doc_id, "2026-06-20");
	(void)inv;
	/* dated after TL_TODAY: as of today the scan answers, as of later the kept balances */
	tl_invoice_cur(t->l, c2, "2026-09-01", "", "PEN", 11000);
	for (int a = 0; a < 2; a++) {
		TL_OK(ledger_balance(t->l, 0, asofs[a], all, &n, &e), &e);
		assert_int_equal(n, 2);
		for (int i = 0; i < 2; i++) {
			int64_t sum = 0;

			assert_string_equal(all[i].currency, cur[i]);
			for (int k = 0; k < t->n_clients; k++)
				sum += tl_balance(t->l, t->clients[k], asofs[a], cur[i]);
			assert_int_equal(all[i].balance, sum);
			assert_int_equal(all[i].balance, all[i].charges - all[i].credits);
		}
	}
	/* PEN as of later: 1000 + 700 + 110 charged; 300 + 50 taken (the void gave 900 back) */
	TL_OK(ledger_balance(t->l, 0, TL_LATER, all, &n, &e), &e);
	assert_int_equal(all[0].charges, 100000 + 70000 + 11000 + 90000);
	assert_int_equal(all[0].credits, 30000 + 90000 + 5000);
	tl_check(t, TL_LATER);

	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE balances SET charges = charges + 1"
	                              " WHERE client_id = 2", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	TL_OK(ledger_check(t->l, TL_LATER, NULL, NULL, &problems, &e), &e);
	assert_true(problems >= 1);
	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE balances SET charges = charges - 1"
	                              " WHERE client_id = 2", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* A currency the company does not invoice in is refused, naming it. */
static void test_unknown_currency(void **state)
{
	tl *t = *state;
	invoice_in in;
	posted p;
	cart_err e = { 0 };
	int rc;

	tl_company_pe(t);
	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-06-01");
	snprintf(in.currency, sizeof in.currency, "EUR");
	in.total = 100000;
	rc = ledger_invoice_post(t->l, &in, &p, &e);
	assert_true(rc == CART_INVALID || rc == CART_REFUSED);
	tl_assert_msg_names(&e, "EUR");
}

/* L4 in the schema: a second connection cannot change or delete posted entries. */
static void test_posted_entries_immutable(void **state)
{
	tl *t = *state;
	sqlite3 *db = NULL;
	char *err = NULL;
	posted p;

	p = tl_invoice(t->l, t->c1, "2026-06-01", "", 100000);
	tl_receipt(t->l, t->c1, "2026-06-10", 40000);

	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE entries SET amount = 1", NULL, NULL, &err), SQLITE_OK);
	sqlite3_free(err);
	err = NULL;
	assert_int_not_equal(sqlite3_exec(db, "UPDATE entries SET date = '2020-01-01'", NULL, NULL, &err),
	                     SQLITE_OK);
	sqlite3_free(err);
	err = NULL;
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM entries", NULL, NULL, &err), SQLITE_OK);
	sqlite3_free(err);
	err = NULL;
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM allocations", NULL, NULL, &err), SQLITE_OK);
	sqlite3_free(err);
	err = NULL;
	assert_int_not_equal(sqlite3_exec(db, "UPDATE documents SET total = 1", NULL, NULL, &err), SQLITE_OK);
	sqlite3_free(err);
	err = NULL;
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM documents", NULL, NULL, &err), SQLITE_OK);
	sqlite3_free(err);
	sqlite3_close(db);

	/* 1,000.00 - 400.00 = 600.00, untouched */
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 60000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, p.entry_id), 60000);
}

/* Malformed dates are refused with a message quoting them; nothing is written. */
static void test_bad_dates(void **state)
{
	tl *t = *state;
	invoice_in in;
	posted p;
	totals rows[LEDGER_MAX_CURRENCIES];
	cart_err e = { 0 };
	int n = 0, rc;

	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	in.total = 100000;
	snprintf(in.date, sizeof in.date, "2026-02-30");
	assert_int_equal(ledger_invoice_post(t->l, &in, &p, &e), CART_INVALID);
	tl_assert_msg_names(&e, "2026-02-30");

	snprintf(in.date, sizeof in.date, "2026-06-01");
	snprintf(in.due_date, sizeof in.due_date, "2026-13-01");
	cart_clear(&e);
	assert_int_equal(ledger_invoice_post(t->l, &in, &p, &e), CART_INVALID);
	tl_assert_msg_names(&e, "2026-13-01");

	/* due before the invoice date */
	snprintf(in.due_date, sizeof in.due_date, "2026-05-01");
	cart_clear(&e);
	rc = ledger_invoice_post(t->l, &in, &p, &e);
	assert_true(rc == CART_INVALID || rc == CART_REFUSED);
	assert_true(e.msg[0] != '\0');

	cart_clear(&e);
	assert_int_equal(tl_receipt_try(t->l, t->c1, "15/06/2026", "", 1000, NULL, 0, 0, &p, &e), CART_INVALID);
	tl_assert_msg_names(&e, "15/06/2026");

	cart_clear(&e);
	assert_int_equal(ledger_totals(t->l, 0, "2026-06-31", rows, &n, &e), CART_INVALID);
	tl_assert_msg_names(&e, "2026-06-31");

	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 0);
	p = tl_invoice(t->l, t->c1, "2026-06-01", "", 100);
	assert_string_equal(p.number, "FAC-000001");
}

/* Negative amounts are refused. */
static void test_bad_amounts(void **state)
{
	tl *t = *state;
	invoice_in in;
	credit_note_in cn;
	posted p;
	cart_err e = { 0 };

	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-06-01");
	in.total = -100000;
	assert_int_equal(ledger_invoice_post(t->l, &in, &p, &e), CART_INVALID);
	assert_true(e.msg[0] != '\0');

	cart_clear(&e);
	assert_int_equal(tl_receipt_try(t->l, t->c1, "2026-06-10", "", -5000, NULL, 0, 0, &p, &e), CART_INVALID);
	assert_true(e.msg[0] != '\0');

	memset(&cn, 0, sizeof cn);
	cn.client_id = t->c1;
	snprintf(cn.date, sizeof cn.date, "2026-06-10");
	cn.amount = -100;
	cart_clear(&e);
	assert_int_equal(ledger_credit_note_post(t->l, &cn, &p, &e), CART_INVALID);
	assert_true(e.msg[0] != '\0');
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 0);
}

/* Unknown client or document ids: NOTFOUND (or INVALID) naming the id. */
static void test_unknown_ids(void **state)
{
	tl *t = *state;
	invoice_in in;
	posted p;
	cart_err e = { 0 };
	client c;
	int64_t doc = 0;
	int rc;

	memset(&in, 0, sizeof in);
	in.client_id = 9999;
	snprintf(in.date, sizeof in.date, "2026-06-01");
	in.total = 100000;
	rc = ledger_invoice_post(t->l, &in, &p, &e);
	assert_true(rc == CART_NOTFOUND || rc == CART_INVALID);
	tl_assert_msg_names(&e, "9999");

	cart_clear(&e);
	rc = tl_receipt_try(t->l, 9999, "2026-06-10", "", 1000, NULL, 0, 0, &p, &e);
	assert_true(rc == CART_NOTFOUND || rc == CART_INVALID);
	tl_assert_msg_names(&e, "9999");

	cart_clear(&e);
	assert_int_equal(ledger_client_get(t->l, 9999, &c, &e), CART_NOTFOUND);
	assert_true(e.msg[0] != '\0');

	cart_clear(&e);
	rc = tl_void_try(t->l, 9999, "2026-06-10", &p, &e);
	assert_true(rc == CART_NOTFOUND || rc == CART_INVALID);
	assert_true(e.msg[0] != '\0');

	cart_clear(&e);
	assert_int_equal(ledger_document_find(t->l, "FAC-000077", &doc, &e), CART_NOTFOUND);
	tl_assert_msg_names(&e, "FAC-000077");
}

/* A USD credit cannot be applied to a PEN invoice; a USD receipt with only PEN invoices open
 * stays in favour in USD, apart from the PEN debt. */
static void test_currency_credit_stays_apart(void **state)
{
	tl *t = *state;
	posted pen, r, ap;
	apply_in in;
	alloc_in a = { 0 };
	cart_err e = { 0 };
	tl_items s;
	const open_item *aa;
	int rc;

	tl_company_pe(t);
	pen = tl_invoice_cur(t->l, t->c1, "2026-06-01", "", "PEN", 100000);
	TL_OK(tl_receipt_try(t->l, t->c1, "2026-06-10", "USD", 30000, NULL, 0, 0, &r, &e), &e);
	assert_int_equal(r.credit_left, 30000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, pen.entry_id), 100000);

	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	aa = tl_item_code(&s, "AA");
	assert_non_null(aa);
	assert_string_equal(aa->currency, "USD");
	memset(&in, 0, sizeof in);
	in.credit_entry_id = aa->entry_id;
	snprintf(in.date, sizeof in.date, "2026-06-20");
	in.amount = 30000;
	a.charge_entry_id = pen.entry_id;
	a.amount = 30000;
	in.allocs = &a;
	in.n_allocs = 1;
	rc = ledger_credit_apply(t->l, &in, &ap, &e);
	assert_true(rc == CART_REFUSED || rc == CART_INVALID);
	assert_true(e.msg[0] != '\0');
	/* oldest first finds nothing in USD to pay: nothing moves either way */
	in.allocs = NULL;
	in.n_allocs = 0;
	in.amount = 0;
	cart_clear(&e);
	(void)ledger_credit_apply(t->l, &in, &ap, &e);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, pen.entry_id), 100000);

	tl_assert_totals(t->l, t->c1, TL_TODAY, "PEN", 100000, 0, 0);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "USD", 0, 0, 30000);
	tl_assert_totals(t->l, 0, TL_TODAY, "PEN", 100000, 0, 0);
	tl_assert_totals(t->l, 0, TL_TODAY, "USD", 0, 0, 30000);
}

/* More bad input: a zero receipt, an instalment due before its invoice, aging ranges that do not
 * increase. */
static void test_bad_input_more(void **state)
{
	tl *t = *state;
	instalment_in inst[2] = { { "2026-04-30", 50000 }, { "2026-06-30", 50000 } };
	invoice_in in;
	posted p;
	cart_err e = { 0 };
	static const int bad_ranges[3] = { 30, 30, 90 };
	company co;
	tl_aging ag;
	int rc;

	memset(&ag, 0, sizeof ag);
	rc = tl_receipt_try(t->l, t->c1, "2026-06-10", "", 0, NULL, 0, 0, &p, &e);
	assert_int_equal(rc, CART_INVALID);
	assert_true(e.msg[0] != '\0');

	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-05-01");
	in.total = 100000;
	in.inst = inst;
	in.n_inst = 2;
	cart_clear(&e);
	rc = ledger_invoice_post(t->l, &in, &p, &e);
	assert_true(rc == CART_INVALID || rc == CART_REFUSED);
	assert_true(e.msg[0] != '\0');

	cart_clear(&e);
	rc = ledger_aging(t->l, TL_TODAY, bad_ranges, 3, tl_aging_cb, &ag, &e);
	assert_int_equal(rc, CART_INVALID);
	cart_clear(&e);
	company_defaults(&co);
	assert_int_equal(company_parse_ranges(&co, "30,20,90", &e), CART_INVALID);
	assert_true(e.msg[0] != '\0');
	TL_OK(company_parse_ranges(&co, "15,45", &e), &e);
	assert_int_equal(co.n_ranges, 2);
	assert_int_equal(co.ranges[0], 15);
	assert_int_equal(co.ranges[1], 45);
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 0);
}

/* ledger_client_update: the record changes in place with an audit line; a tax id held by another
 * client is refused naming it, its own tax id is fine; bad input and unknown ids are refused. */
/* The statement cache keeps the most recently used statements when more query texts are used
 * than it has slots (the dashboard builds over a thousand): a text used again soon is a hit
 * (the same statement comes back), and none is prepared afresh on every call once full. */
static void test_statement_cache_evicts(void **state)
{
	enum { N = 3 * (int)(sizeof ((ledger *)0)->cache / sizeof ((ledger *)0)->cache[0]) };
	static char sql[N][32];
	tl *t = *state;
	sqlite3_stmt *s, *again;
	int cached = 0;

	for (int i = 0; i < N; i++) {
		snprintf(sql[i], sizeof sql[i], "SELECT %d", i);
		assert_int_equal(lg_prepare(t->l, sql[i], &s), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(s, 0), i);
		lg_finalize(t->l, s);
	}
	for (size_t i = 0; i < sizeof t->l->cache / sizeof t->l->cache[0]; i++)
		cached += t->l->cache[i].sql != NULL;
	assert_int_equal(cached, (int)(sizeof t->l->cache / sizeof t->l->cache[0]));
	/* the last text is cached: the same statement again, reset */
	assert_int_equal(lg_prepare(t->l, sql[N - 1], &s), SQLITE_OK);
	lg_finalize(t->l, s);
	assert_int_equal(lg_prepare(t->l, sql[N - 1], &again), SQLITE_OK);
	assert_ptr_equal(s, again);
	assert_int_equal(sqlite3_step(again), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(again, 0), N - 1);
	lg_finalize(t->l, again);
	/* while a statement is being stepped, asking for its text gives a second one */
	assert_int_equal(lg_prepare(t->l, sql[N - 1], &s), SQLITE_OK);
	assert_int_equal(lg_prepare(t->l, sql[N - 1], &again), SQLITE_OK);
	assert_ptr_not_equal(s, again);
	lg_finalize(t->l, again);
	lg_finalize(t->l, s);
	/* the first text was evicted long ago and still works */
	assert_int_equal(lg_prepare(t->l, sql[0], &s), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 0);
	lg_finalize(t->l, s);
}

/* The model holds the contact rules itself: a controller that forgot to check cannot store a
 * malformed e-mail or phone, for a client or a person, added or changed. */
static void test_contacts_refused_by_model(void **state)
{
	tl *t = *state;
	client c, got;
	person p;
	cart_err e = { 0 };
	int64_t n0, n1;

	TL_OK(ledger_client_count(t->l, NULL, &n0, &e), &e);
	client_defaults(&c);
	snprintf(c.name, sizeof c.name, "Correo Malo SA");
	snprintf(c.email, sizeof c.email, "bad-email");
	assert_int_equal(ledger_client_add(t->l, &c, &e), CART_INVALID);
	assert_string_equal(e.msg, "the e-mail \"bad-email\" is not an e-mail address (name@domain.com)");
	snprintf(c.email, sizeof c.email, "cobros@malo.co; pagos@");
	assert_int_equal(ledger_client_add(t->l, &c, &e), CART_INVALID);
	snprintf(c.email, sizeof c.email, "cobros@malo.co");
	snprintf(c.mobile, sizeof c.mobile, "300 12ab");
	assert_int_equal(ledger_client_add(t->l, &c, &e), CART_INVALID);
	assert_string_equal(e.msg, "the phone \"300 12ab\": digits, spaces and + - ( ) only");
	TL_OK(ledger_client_count(t->l, NULL, &n1, &e), &e);
	assert_int_equal(n1, n0);

	TL_OK(ledger_client_get(t->l, t->c1, &got, &e), &e);
	snprintf(got.email, sizeof got.email, "a@b");
	assert_int_equal(ledger_client_update(t->l, &got, &e), CART_INVALID);
	TL_OK(ledger_client_get(t->l, t->c1, &got, &e), &e);
	assert_string_equal(got.email, "");

	person_defaults(&p);
	p.client_id = t->c1;
	snprintf(p.name, sizeof p.name, "Ana Gómez");
	snprintf(p.email, sizeof p.email, "ana gomez@x.co");
	assert_int_equal(ledger_person_add(t->l, &p, &e), CART_REFUSED); /* the schema's CHECK */
	snprintf(p.email, sizeof p.email, "ana@x.co");
	snprintf(p.phone, sizeof p.phone, "call me");
	assert_int_equal(ledger_person_add(t->l, &p, &e), CART_INVALID);
	snprintf(p.phone, sizeof p.phone, "+57 (1) 555-1234");
	TL_OK(ledger_person_add(t->l, &p, &e), &e);
}

static void test_client_update(void **state)
{
	tl *t = *state;
	client a, b, got;
	cart_err e = { 0 };
	sqlite3 *db;
	sqlite3_stmt *s;

	client_defaults(&b);
	snprintf(b.name, sizeof b.name, "Ferretería Ñuñoa");
	snprintf(b.tax_id, sizeof b.tax_id, "890903938");
	snprintf(b.dv, sizeof b.dv, "8");
	TL_OK(ledger_client_add(t->l, &b, &e), &e);
	TL_OK(ledger_client_get(t->l, t->c1, &a, &e), &e);
	snprintf(a.phone, sizeof a.phone, "601 555 1234");
	snprintf(a.tax_id, sizeof a.tax_id, "900123456");
	a.terms_days = 45;
	TL_OK(ledger_client_update(t->l, &a, &e), &e);
	TL_OK(ledger_client_get(t->l, t->c1, &got, &e), &e);
	assert_string_equal(got.phone, "601 555 1234");
	assert_string_equal(got.tax_id, "900123456");
	assert_string_equal(got.name, "Acme SAS");
	assert_int_equal(got.terms_days, 45);
	assert_string_equal(got.opening_date, "");
	/* its own tax id again is no duplicate */
	TL_OK(ledger_client_update(t->l, &got, &e), &e);

	snprintf(got.tax_id, sizeof got.tax_id, "890903938");
	assert_int_equal(ledger_client_update(t->l, &got, &e), CART_CONFLICT);
	assert_non_null(strstr(e.msg, "Ferretería Ñuñoa"));
	TL_OK(ledger_client_get(t->l, t->c1, &got, &e), &e);
	assert_string_equal(got.tax_id, "900123456");    /* nothing changed */

	got.name[0] = '\0';
	assert_int_equal(ledger_client_update(t->l, &got, &e), CART_INVALID);
	snprintf(got.name, sizeof got.name, "Nadie");
	got.id = 9999;
	assert_int_equal(ledger_client_update(t->l, &got, &e), CART_NOTFOUND);

	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM audit WHERE action = 'client edit'"
	                                    " AND client_id = ?1", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_int64(s, 1, t->c1);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 2);
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* The position of each client equals its index in the list, in every order and direction; a
 * client the filter hides has none. Names tie on purpose ("Beta" twice) and differ in case. */
typedef struct ids_seen {
	int64_t id[16];
	int n;
} ids_seen;

static int collect_ids(const client_row *r, void *ud)
{
	ids_seen *s = ud;

	if (s->n < 16 && (s->n == 0 || s->id[s->n - 1] != r->c->id))
		s->id[s->n++] = r->c->id;
	return 0;
}

/* Names in a Spanish-speaking clerk's order: case and accents set aside, ñ after n; a rename moves
 * the client; the position of each client (the screen's cursor) agrees with the list. */
static void test_name_order(void **state)
{
	tl *t = *state;
	static const char *const names[] = {
		"Zuluaga Ltda", "Óscar Pérez", "Álvarez y Cía", "Nutria SAS", "Ñandú SAS",
		"oscar mora", "Beltrán", "Otto", "Nuñez", "Núñez",
	};
	/* expected, the fixture's Acme SAS included */
	static const char *const want[] = {
		"Acme SAS", "Álvarez y Cía", "Beltrán", "Nuñez", "Núñez", "Nutria SAS", "Ñandú SAS",
		"oscar mora", "Óscar Pérez", "Otto", "Zuluaga Ltda",
	};
	char key[64];
	cart_err e = { 0 };
	ids_seen s = { .n = 0 };
	int64_t ids[16], pos;
	client c;

	ledger_name_key("Álvarez Ñandú Ü", key, sizeof key);
	assert_string_equal(key, "alvarez n\x7f" "andu u");
	ledger_name_key("Jose\xcc\x81", key, sizeof key);   /* a combining accent is set aside */
	assert_string_equal(key, "jose");
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		ids[i] = tl_client(t, names[i], 30);
	TL_OK(ledger_client_list_sorted(t->l, NULL, CLIENT_BY_NAME, 0, 0, 0, collect_ids, &s, &e), &e);
	assert_int_equal(s.n, 11);
	for (int i = 0; i < s.n; i++) {
		TL_OK(ledger_client_get(t->l, s.id[i], &c, &e), &e);
		assert_string_equal(c.name, want[i]);
		TL_OK(ledger_client_position(t->l, NULL, CLIENT_BY_NAME, 0, s.id[i], &pos, &e), &e);
		assert_int_equal(pos, i);
	}
	/* Zuluaga renamed Ábaco SAS: first of all (ab before ac), last in the descending order */
	TL_OK(ledger_client_get(t->l, ids[0], &c, &e), &e);
	snprintf(c.name, sizeof c.name, "%s", "Ábaco SAS");
	TL_OK(ledger_client_update(t->l, &c, &e), &e);
	TL_OK(ledger_client_position(t->l, NULL, CLIENT_BY_NAME, 0, ids[0], &pos, &e), &e);
	assert_int_equal(pos, 0);
	TL_OK(ledger_client_position(t->l, NULL, CLIENT_BY_NAME, 1, ids[0], &pos, &e), &e);
	assert_int_equal(pos, 10);
}

/* Search for a middle part of a name (issue 14), accents and case folded as the search key folds
 * them, through the trigram index clients_find (schema 018): "nandu" finds Ñandú, "RRETER" finds
 * Ferretería; a rename and a new tax id are found at once (the index's triggers); one or two
 * letters are still found; and the planner reads the index, not every client. */
static void test_find_middle_of_name(void **state)
{
	tl *t = *state;
	cart_err e = { 0 };
	ids_seen s = { .n = 0 };
	int64_t n, id, pos;
	client c;
	sqlite3_stmt *q;
	char plan[2048] = "";

	id = tl_client(t, "Ferretería Ñandú", 30);
	tl_client(t, "Almacén Gómez", 30);
	tl_client(t, "Nutria SAS", 30);
	TL_OK(ledger_client_count(t->l, "nandu", &n, &e), &e);
	assert_int_equal(n, 1);
	TL_OK(ledger_client_list_sorted(t->l, "nandu", CLIENT_BY_NAME, 0, 0, 20, collect_ids, &s, &e),
	      &e);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.id[0], id);
	TL_OK(ledger_client_count(t->l, "RRETER", &n, &e), &e);
	assert_int_equal(n, 1);
	TL_OK(ledger_client_count(t->l, "gomez", &n, &e), &e);
	assert_int_equal(n, 1);
	TL_OK(ledger_client_count(t->l, "mac", &n, &e), &e);    /* almACén */
	assert_int_equal(n, 1);
	TL_OK(ledger_client_count(t->l, "xyz", &n, &e), &e);
	assert_int_equal(n, 0);
	TL_OK(ledger_client_count(t->l, "\"a\"", &n, &e), &e); /* quotes are text, not syntax */
	assert_int_equal(n, 0);
	/* one or two letters make no trigram: still anywhere in the name (ñ folds to n) */
	TL_OK(ledger_client_count(t->l, "ÑD", &n, &e), &e);
	assert_int_equal(n, 1);                                  /* Ñandú */
	TL_OK(ledger_client_count(t->l, "ñ", &n, &e), &e);
	assert_int_equal(n, 3);                                  /* Ñandú, Almacén, Nutria */
	TL_OK(ledger_client_position(t->l, "nandu", CLIENT_BY_NAME, 0, id, &pos, &e), &e);
	assert_int_equal(pos, 0);
	/* renamed and given a tax id: the index follows */
	TL_OK(ledger_client_get(t->l, id, &c, &e), &e);
	snprintf(c.name, sizeof c.name, "%s", "Ferretería Peñón");
	snprintf(c.tax_id, sizeof c.tax_id, "%s", "900123456");
	TL_OK(ledger_client_update(t->l, &c, &e), &e);
	TL_OK(ledger_client_count(t->l, "nandu", &n, &e), &e);
	assert_int_equal(n, 0);
	TL_OK(ledger_client_count(t->l, "penon", &n, &e), &e);
	assert_int_equal(n, 1);
	TL_OK(ledger_client_count(t->l, "0123", &n, &e), &e);
	assert_int_equal(n, 1);
	/* the plan of a search of three letters or more goes through the trigram index */
	assert_int_equal(sqlite3_prepare_v2(t->l->db, "EXPLAIN QUERY PLAN SELECT count(*) FROM ("
	                                    LG_FIND_CLIENTS_PHONE("?1") ")", -1, &q, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(q, 1, "penon", -1, SQLITE_STATIC);
	while (sqlite3_step(q) == SQLITE_ROW) {
		strncat(plan, (const char *)sqlite3_column_text(q, 3), sizeof plan - strlen(plan) - 2);
		strcat(plan, "\n");
	}
	sqlite3_finalize(q);
	assert_non_null(strstr(plan, "SCAN clients_find VIRTUAL TABLE INDEX"));
}

static void test_client_position(void **state)
{
	tl *t = *state;
	static const struct { const char *name, *tax, *phone; } rows[] = {
		{ "Beta", "300", "555-2" }, { "alfa", "100", "555-9" }, { "Beta", "200", "555-1" },
		{ "gamma", "", "555-5" }, { "Delta Ñandú", "050", "" },
	};
	cart_err e = { 0 };
	int64_t pos;

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		client c;

		client_defaults(&c);
		snprintf(c.name, sizeof c.name, "%s", rows[i].name);
		snprintf(c.tax_id, sizeof c.tax_id, "%s", rows[i].tax);
		snprintf(c.phone, sizeof c.phone, "%s", rows[i].phone);
		TL_OK(ledger_client_add(t->l, &c, &e), &e);
	}
	for (int order = CLIENT_BY_NAME; order <= CLIENT_BY_PHONE; order++) {
		for (int desc = 0; desc < 2; desc++) {
			ids_seen s = { .n = 0 };

			TL_OK(ledger_client_list_sorted(t->l, NULL, order, desc, 0, 0, collect_ids, &s,
			                                &e), &e);
			/* the fixture's own client (Acme SAS) is in the list too */
			assert_int_equal(s.n, 6);
			for (int i = 0; i < s.n; i++) {
				TL_OK(ledger_client_position(t->l, NULL, order, desc, s.id[i], &pos, &e), &e);
				assert_int_equal(pos, i);
			}
		}
	}
	/* ids: 1 the fixture's Acme SAS, 2 Beta (300), 3 alfa, 4 Beta (200), 5 gamma, 6 Delta.
	 * "beta" matches both Betas (any case); alfa is hidden */
	TL_OK(ledger_client_position(t->l, "beta", CLIENT_BY_NAME, 0, 3, &pos, &e), &e);
	assert_int_equal(pos, -1);
	TL_OK(ledger_client_position(t->l, "beta", CLIENT_BY_TAXID, 0, 4, &pos, &e), &e);
	assert_int_equal(pos, 0); /* tax id 200 before 300 */
	TL_OK(ledger_client_position(t->l, "beta", CLIENT_BY_TAXID, 0, 2, &pos, &e), &e);
	assert_int_equal(pos, 1);
	TL_OK(ledger_client_position(t->l, "beta", CLIENT_BY_NAME, 1, 4, &pos, &e), &e);
	assert_int_equal(pos, 0); /* same name: the higher number first when descending */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_invoice_due_from_terms, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_numbers_gapless, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_charge_mode_expenses, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_charge_mode_both, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_charge_mode_none, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_name_order, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_charge_mode_invoice_ignores_expenses, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_instalments_three, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_instalments_must_add_up, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_due_today_is_not_overdue, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_statement_running_balance, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_two_currencies, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_kept_balances, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_currency, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_posted_entries_immutable, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_bad_dates, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_bad_amounts, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_ids, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_currency_credit_stays_apart, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_bad_input_more, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_client_update, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_contacts_refused_by_model, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_statement_cache_evicts, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_client_position, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_find_middle_of_name, tl_setup, tl_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
