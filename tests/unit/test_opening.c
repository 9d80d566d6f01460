/* Opening balances (SPEC L3, seed 003): one balance per client at a date (CSI or ASI), which sets
 * the client's opening date and keeps invoices and items from being dated before it; or live open
 * items from the old system, each a CSI that receipts pay like an invoice. Today is 2026-06-30. */
#include "config.h"

#include "testlib.h"

static int opening_try(tl *t, int64_t client_id, int item, const char *date, const char *due, int64_t amount,
                       const char *ref, posted *p, cart_err *e)
{
	opening_in in;

	memset(&in, 0, sizeof in);
	memset(p, 0, sizeof *p);
	in.client_id = client_id;
	in.item = item;
	snprintf(in.date, sizeof in.date, "%s", date);
	snprintf(in.due_date, sizeof in.due_date, "%s", due ? due : "");
	in.amount = amount;
	snprintf(in.reference, sizeof in.reference, "%s", ref ? ref : "");
	return ledger_opening_post(t->l, &in, p, e);
}

static posted opening(tl *t, int item, const char *date, const char *due, int64_t amount, const char *ref)
{
	posted p;
	cart_err e = { 0 };

	TL_OK(opening_try(t, t->c1, item, date, due, amount, ref, &p, &e), &e);
	assert_true(p.doc_id > 0);
	return p;
}

static void assert_opening_date(tl *t, const char *want)
{
	client c;
	cart_err e = { 0 };

	TL_OK(ledger_client_get(t->l, t->c1, &c, &e), &e);
	assert_string_equal(c.opening_date, want);
}

static int invoice_try(tl *t, const char *date, int64_t total, posted *p, cart_err *e)
{
	invoice_in in;

	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "%s", date);
	in.total = total;
	return ledger_invoice_post(t->l, &in, p, e);
}

/* 5,000.00 owed on 2026-01-01: a CSI charge due that day, 180 days overdue on 06-30
 * (Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + 29 = 180). */
static void test_opening_balance_charge(void **state)
{
	tl *t = *state;
	posted p = opening(t, 0, "2026-01-01", "", 500000, "");
	tl_stmt st;
	tl_items s;
	totals tt;

	assert_string_equal(p.number, "SI-000001");
	assert_opening_date(t, "2026-01-01");
	tl_stmt_get(t->l, t->c1, TL_TODAY, &st);
	assert_int_equal(st.n, 1);
	assert_string_equal(st.ln[0].code, "CSI");
	assert_string_equal(st.ln[0].date, "2026-01-01");
	assert_int_equal(st.ln[0].charge, 500000);
	assert_int_equal(st.ln[0].balance, 500000);

	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.it[0].code, "CSI");
	assert_string_equal(s.it[0].due_date, "2026-01-01");
	assert_int_equal(s.it[0].open, 500000);
	assert_int_equal(s.it[0].days_overdue, 180);

	tl_totals(t->l, t->c1, TL_TODAY, "COP", &tt);
	assert_int_equal(tt.overdue, 500000);
	assert_int_equal(tt.n_overdue, 1);
	assert_int_equal(tt.net, 500000);
	/* the day before it: nothing */
	assert_int_equal(tl_balance(t->l, t->c1, "2025-12-31", "COP"), 0);
}

/* -200.00: the company owed the client at the start, an ASI credit in favour. */
static void test_opening_balance_credit(void **state)
{
	tl *t = *state;
	tl_items s;
	tl_stmt st;
	totals tt;

	opening(t, 0, "2026-01-01", "", -20000, "");
	assert_opening_date(t, "2026-01-01");
	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.it[0].code, "ASI");
	assert_int_equal(s.it[0].side, 'C');
	assert_int_equal(s.it[0].open, 20000);
	tl_stmt_get(t->l, t->c1, TL_TODAY, &st);
	assert_int_equal(st.n, 1);
	assert_int_equal(st.ln[0].credit, 20000);
	assert_int_equal(st.ln[0].balance, -20000);
	tl_totals(t->l, t->c1, TL_TODAY, "COP", &tt);
	assert_int_equal(tt.credits, 20000);
	assert_int_equal(tt.n_credits, 1);
	assert_int_equal(tt.net, -20000);
}

/* One opening balance per client. */
static void test_second_opening_balance_refused(void **state)
{
	tl *t = *state;
	posted p;
	cart_err e = { 0 };

	opening(t, 0, "2026-01-01", "", 500000, "");
	assert_int_equal(opening_try(t, t->c1, 0, "2026-02-01", "", 1000, "", &p, &e), CART_REFUSED);
	assert_true(e.msg[0] != '\0');
	cart_clear(&e);
	assert_int_equal(opening_try(t, t->c1, 0, "2026-01-01", "", -3000, "", &p, &e), CART_REFUSED);
	assert_opening_date(t, "2026-01-01");
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 500000);
	/* another client may still have its own */
	{
		int64_t c2 = tl_client(t, "Beta Ltda", 15);

		TL_OK(opening_try(t, c2, 0, "2026-02-01", "", 1000, "", &p, &e), &e);
		assert_string_equal(p.number, "SI-000002");
	}
}

/* After an opening balance on 2026-01-01, an invoice of 2025-12-31 is refused; one of the same
 * day is fine and takes the first number. */
static void test_invoice_before_opening_refused(void **state)
{
	tl *t = *state;
	posted p;
	cart_err e = { 0 };

	opening(t, 0, "2026-01-01", "", 100000, "");
	assert_int_equal(invoice_try(t, "2025-12-31", 5000, &p, &e), CART_REFUSED);
	assert_true(e.msg[0] != '\0');
	TL_OK(invoice_try(t, "2026-01-01", 5000, &p, &e), &e);
	assert_string_equal(p.number, "FAC-000001");
	/* 1,000.00 + 50.00 */
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 105000);
}

/* An opening balance dated after an invoice of the client is refused; one dated before it is
 * fine and becomes the opening date. */
static void test_opening_after_invoice_refused(void **state)
{
	tl *t = *state;
	posted p;
	cart_err e = { 0 };

	tl_invoice(t->l, t->c1, "2026-02-01", "", 10000);
	assert_int_equal(opening_try(t, t->c1, 0, "2026-03-01", "", 50000, "", &p, &e), CART_REFUSED);
	assert_true(e.msg[0] != '\0');
	assert_opening_date(t, "");
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 10000);
	opening(t, 0, "2026-01-15", "", 50000, "");
	assert_opening_date(t, "2026-01-15");
	/* 100.00 + 500.00 */
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 60000);
}

/* A live item: the old system's F-0099 of 2025-11-15 due 2025-12-15 for 1,200.00 is a CSI,
 * 197 days overdue on 06-30 (16 + 31 + 28 + 31 + 30 + 31 + 30); a 500.00 receipt pays it down. */
static void test_opening_item_like_invoice(void **state)
{
	tl *t = *state;
	posted p = opening(t, 1, "2025-11-15", "2025-12-15", 120000, "F-0099");
	tl_items s;

	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.it[0].entry_id, p.entry_id);
	assert_string_equal(s.it[0].code, "CSI");
	assert_int_equal(s.it[0].side, 'D');
	assert_string_equal(s.it[0].date, "2025-11-15");
	assert_string_equal(s.it[0].due_date, "2025-12-15");
	assert_int_equal(s.it[0].open, 120000);
	assert_int_equal(s.it[0].days_overdue, 197);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 120000, 0);

	tl_receipt(t->l, t->c1, "2026-06-10", 50000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, p.entry_id), 70000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 70000, 0);
}

/* An item with no due date falls due after the client's terms: 2026-05-01 + 30 = 2026-05-31. */
static void test_opening_item_due_from_terms(void **state)
{
	tl *t = *state;
	posted p = opening(t, 1, "2026-05-01", "", 40000, "F-0100");
	tl_items s;

	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.it[0].entry_id, p.entry_id);
	assert_string_equal(s.it[0].due_date, "2026-05-31");
	assert_int_equal(s.it[0].days_overdue, 30);
}

/* Items, like invoices, may not be dated before the opening date. */
static void test_opening_item_before_opening_date_refused(void **state)
{
	tl *t = *state;
	posted p;
	cart_err e = { 0 };

	opening(t, 0, "2026-01-01", "", 100000, "");
	assert_int_equal(opening_try(t, t->c1, 1, "2025-12-01", "2025-12-31", 30000, "F-0001", &p, &e), CART_REFUSED);
	assert_true(e.msg[0] != '\0');
	opening(t, 1, "2026-02-01", "2026-03-03", 30000, "F-0002");
	/* 1,000.00 + 300.00 */
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 130000);
}

/* Mixed: balance 3,000.00 (01-01), item 1,000.00 (due 03-03), invoice 500.00 (due 05-31).
 * 3,500.00 oldest first on 06-10: the balance, then 500.00 of the item; the invoice untouched.
 * Overdue: 500.00 + 500.00 = 1,000.00. */
static void test_opening_mixed_oldest_first(void **state)
{
	tl *t = *state;
	posted bal = opening(t, 0, "2026-01-01", "", 300000, "");
	posted item = opening(t, 1, "2026-02-01", "2026-03-03", 100000, "F-0002");
	posted inv = tl_invoice(t->l, t->c1, "2026-05-01", "", 50000);
	posted r = tl_receipt(t->l, t->c1, "2026-06-10", 350000);

	assert_int_equal(r.credit_left, 0);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, bal.entry_id), 0);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, item.entry_id), 50000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, inv.entry_id), 50000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 100000, 0);
}

/* A -200.00 opening balance applied to a later 1,000.00 invoice: 800.00 open. */
static void test_opening_credit_applied(void **state)
{
	tl *t = *state;
	posted asi = opening(t, 0, "2026-01-01", "", -20000, "");
	posted inv = tl_invoice(t->l, t->c1, "2026-03-01", "", 100000);
	apply_in in;
	posted ap;
	cart_err e = { 0 };
	tl_items s;
	const open_item *c;

	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	c = tl_item_code(&s, "ASI");
	assert_non_null(c);
	assert_int_equal(c->doc_id, asi.doc_id);
	memset(&in, 0, sizeof in);
	in.credit_entry_id = c->entry_id;
	snprintf(in.date, sizeof in.date, "2026-06-01");
	TL_OK(ledger_credit_apply(t->l, &in, &ap, &e), &e);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, inv.entry_id), 80000);
	/* due 03-31: overdue 800.00, no credit left */
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 80000, 0);
	/* before the application the credit was still open */
	tl_assert_totals(t->l, t->c1, "2026-05-31", "COP", 0, 100000, 20000);
	tl_check(t, "2026-05-31");
}

/* Items must be positive; a balance of zero is neither a charge nor a credit. */
static void test_opening_bad_amounts(void **state)
{
	tl *t = *state;
	posted p;
	cart_err e = { 0 };

	assert_int_equal(opening_try(t, t->c1, 1, "2026-01-01", "", -100, "F-1", &p, &e), CART_INVALID);
	assert_true(e.msg[0] != '\0');
	cart_clear(&e);
	assert_int_equal(opening_try(t, t->c1, 1, "2026-01-01", "", 0, "F-1", &p, &e), CART_INVALID);
	cart_clear(&e);
	assert_int_equal(opening_try(t, t->c1, 0, "2026-01-01", "", 0, "", &p, &e), CART_INVALID);
	assert_true(e.msg[0] != '\0');
	cart_clear(&e);
	assert_int_equal(opening_try(t, t->c1, 0, "2026-01-32", "", 1000, "", &p, &e), CART_INVALID);
	tl_assert_msg_names(&e, "2026-01-32");
	assert_opening_date(t, "");
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 0);
}

/* Voiding the opening balance takes it off (as of the void date) and clears the opening date, so
 * a corrected balance can be posted. */
static void test_void_opening_balance(void **state)
{
	tl *t = *state;
	posted p = opening(t, 0, "2026-01-01", "", 500000, "");

	tl_void(t->l, p.doc_id, "2026-06-20");
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 0);
	assert_int_equal(tl_balance(t->l, t->c1, "2026-06-19", "COP"), 500000);
	assert_opening_date(t, "");
	opening(t, 0, "2026-02-01", "", 400000, "");
	assert_opening_date(t, "2026-02-01");
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 400000);
	tl_check(t, "2026-06-19");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_opening_balance_charge, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_opening_balance_credit, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_second_opening_balance_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_invoice_before_opening_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_opening_after_invoice_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_opening_item_like_invoice, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_opening_item_due_from_terms, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_opening_item_before_opening_date_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_opening_mixed_oldest_first, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_opening_credit_applied, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_opening_bad_amounts, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_void_opening_balance, tl_setup, tl_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
