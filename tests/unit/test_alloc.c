/* Open-item accounting (SPEC L2, D2, D4, D5) and voids (L4): receipts oldest first or explicit,
 * excess and advances as credits in favour, instalments, credit notes, applying credits later,
 * over-allocation refused with nothing written, and voids that give back what they took. Today is
 * fixed at 2026-06-30. */
#include "config.h"

#include "testlib.h"

/* Three invoices of Acme (30 days terms):
 *   A 2026-04-01 due 2026-05-01  1,000.00
 *   B 2026-05-01 due 2026-05-31  2,500.50
 *   C 2026-06-01 due 2026-07-01    300.00   -> 3,800.50 in all */
static void three_invoices(tl *t, posted p[3])
{
	p[0] = tl_invoice(t->l, t->c1, "2026-04-01", "", 100000);
	p[1] = tl_invoice(t->l, t->c1, "2026-05-01", "", 250050);
	p[2] = tl_invoice(t->l, t->c1, "2026-06-01", "", 30000);
}

/* What must not move when a posting is refused. */
typedef struct snap {
	tl_items items;
	tl_stmt st;
	int64_t bal;
} snap;

static void snap_take(tl *t, snap *s)
{
	tl_items_get(t->l, t->c1, TL_TODAY, &s->items);
	tl_stmt_get(t->l, t->c1, TL_TODAY, &s->st);
	s->bal = tl_balance(t->l, t->c1, TL_TODAY, "COP");
}

static void snap_same(tl *t, const snap *before)
{
	snap now;

	snap_take(t, &now);
	assert_int_equal(now.bal, before->bal);
	assert_int_equal(now.st.n, before->st.n);
	assert_int_equal(now.items.n, before->items.n);
	for (int i = 0; i < now.items.n; i++) {
		assert_int_equal(now.items.it[i].entry_id, before->items.it[i].entry_id);
		assert_int_equal(now.items.it[i].instalment_id, before->items.it[i].instalment_id);
		assert_int_equal(now.items.it[i].open, before->items.it[i].open);
	}
}

static int64_t open_of(tl *t, const posted *p)
{
	return tl_open_of(t->l, t->c1, TL_TODAY, p->entry_id);
}

/* Invoice 2026-05-01 of 1,000.00 in 333.34 (05-31) + 333.33 (06-30) + 333.33 (07-30). */
static posted instalment_invoice(tl *t)
{
	instalment_in inst[3] = {
		{ "2026-05-31", 33334 }, { "2026-06-30", 33333 }, { "2026-07-30", 33333 },
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
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	return p;
}

static int64_t inst_open(tl *t, const posted *p, const char *due)
{
	tl_items s;
	const open_item *it;

	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	it = tl_item_due(&s, p->entry_id, due);
	return it ? it->open : 0;
}

static int64_t inst_id(tl *t, const posted *p, const char *due)
{
	tl_items s;
	const open_item *it;

	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	it = tl_item_due(&s, p->entry_id, due);
	assert_non_null(it);
	assert_true(it->instalment_id > 0);
	return it->instalment_id;
}

static int apply_try(tl *t, int64_t credit_entry, const char *date, int64_t amount, const alloc_in *a,
                     int n, posted *p, cart_err *e)
{
	apply_in in;

	memset(&in, 0, sizeof in);
	in.credit_entry_id = credit_entry;
	snprintf(in.date, sizeof in.date, "%s", date);
	in.amount = amount;
	in.allocs = a;
	in.n_allocs = n;
	return ledger_credit_apply(t->l, &in, p, e);
}

static int credit_note_try(tl *t, const char *date, int64_t amount, int64_t against, posted *p, cart_err *e)
{
	credit_note_in in;

	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "%s", date);
	in.amount = amount;
	in.against_entry_id = against;
	snprintf(in.reason, sizeof in.reason, "returned goods");
	return ledger_credit_note_post(t->l, &in, p, e);
}

/* ---- receipts ---- */

/* 3,000.00 oldest first on 06-15: A 1,000.00 paid; B gets 2,000.00 -> 500.50 open; C untouched.
 * As of 06-30: overdue B 500.50, due C 300.00, net 800.50. As of 06-14 nothing is paid yet. */
static void test_receipt_oldest_first(void **state)
{
	tl *t = *state;
	posted p[3], r;
	totals tt;

	three_invoices(t, p);
	r = tl_receipt(t->l, t->c1, "2026-06-15", 300000);
	assert_string_equal(r.number, "RC-000001");
	assert_int_equal(r.credit_left, 0);
	assert_int_equal(open_of(t, &p[0]), 0);
	assert_int_equal(open_of(t, &p[1]), 50050);
	assert_int_equal(open_of(t, &p[2]), 30000);

	tl_totals(t->l, t->c1, TL_TODAY, "COP", &tt);
	assert_int_equal(tt.overdue, 50050);
	assert_int_equal(tt.due, 30000);
	assert_int_equal(tt.credits, 0);
	assert_int_equal(tt.net, 80050);
	assert_int_equal(tt.n_overdue, 1);
	assert_int_equal(tt.n_due, 1);
	assert_int_equal(tt.n_credits, 0);
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 80050);

	/* 06-14: A (due 05-01) and B (due 05-31) overdue 3,500.50, C due 300.00 */
	tl_assert_totals(t->l, t->c1, "2026-06-14", "COP", 30000, 350050, 0);
	assert_int_equal(tl_open_of(t->l, t->c1, "2026-06-14", p[0].entry_id), 100000);
}

/* 4,000.00 against 3,800.50 open: everything paid, 199.50 stays in favour as an AA credit. */
static void test_receipt_excess_is_credit(void **state)
{
	tl *t = *state;
	posted p[3], r;
	tl_items s;
	tl_stmt st;
	const open_item *aa;
	int64_t apf = 0, aacr = 0;
	totals tt;

	three_invoices(t, p);
	r = tl_receipt(t->l, t->c1, "2026-06-15", 400000);
	assert_int_equal(r.credit_left, 19950);

	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_int_equal(s.n, 1);
	aa = tl_item_code(&s, "AA");
	assert_non_null(aa);
	assert_int_equal(aa->side, 'C');
	assert_int_equal(aa->amount, 19950);
	assert_int_equal(aa->open, 19950);
	assert_int_equal(aa->doc_id, r.doc_id);

	/* the receipt posts APF 3,800.50 and AA 199.50 */
	tl_stmt_get(t->l, t->c1, TL_TODAY, &st);
	for (int i = 0; i < st.n; i++) {
		if (st.ln[i].doc_id != r.doc_id)
			continue;
		if (strcmp(st.ln[i].code, "APF") == 0)
			apf += st.ln[i].credit;
		if (strcmp(st.ln[i].code, "AA") == 0)
			aacr += st.ln[i].credit;
	}
	assert_int_equal(apf, 380050);
	assert_int_equal(aacr, 19950);
	assert_int_equal(st.ln[st.n - 1].balance, -19950);

	tl_totals(t->l, t->c1, TL_TODAY, "COP", &tt);
	assert_int_equal(tt.due + tt.overdue, 0);
	assert_int_equal(tt.credits, 19950);
	assert_int_equal(tt.n_credits, 1);
	assert_int_equal(tt.n_due + tt.n_overdue, 0);
	assert_int_equal(tt.net, -19950);
}

/* Explicit: 400.00 pays C 300.00 and 100.00 of A -> A 900.00, B 2,500.50, C 0. */
static void test_receipt_explicit(void **state)
{
	tl *t = *state;
	posted p[3], r;
	alloc_in a[2];

	three_invoices(t, p);
	memset(a, 0, sizeof a);
	a[0].charge_entry_id = p[2].entry_id;
	a[0].amount = 30000;
	a[1].charge_entry_id = p[0].entry_id;
	a[1].amount = 10000;
	r = tl_receipt_alloc(t->l, t->c1, "2026-06-15", 40000, a, 2);
	assert_int_equal(r.credit_left, 0);
	assert_int_equal(open_of(t, &p[0]), 90000);
	assert_int_equal(open_of(t, &p[1]), 250050);
	assert_int_equal(open_of(t, &p[2]), 0);
	/* overdue A 900.00 + B 2,500.50 = 3,400.50; due 0 */
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 340050, 0);
}

/* Explicit 300.00 to C out of a 500.00 receipt: 200.00 stays in favour. */
static void test_receipt_explicit_with_excess(void **state)
{
	tl *t = *state;
	posted p[3], r;
	alloc_in a = { 0 };
	tl_items s;
	const open_item *aa;

	three_invoices(t, p);
	a.charge_entry_id = p[2].entry_id;
	a.amount = 30000;
	r = tl_receipt_alloc(t->l, t->c1, "2026-06-15", 50000, &a, 1);
	assert_int_equal(r.credit_left, 20000);
	assert_int_equal(open_of(t, &p[2]), 0);
	assert_int_equal(open_of(t, &p[0]), 100000);
	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	aa = tl_item_code(&s, "AA");
	assert_non_null(aa);
	assert_int_equal(aa->open, 20000);
	/* overdue 1,000.00 + 2,500.50; credits 200.00; net 3,300.50 */
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 350050, 20000);
}

/* no_auto: an advance, entirely in favour; the invoices stay open. */
static void test_advance(void **state)
{
	tl *t = *state;
	posted p[3], r;
	tl_items s;
	const open_item *aa;

	three_invoices(t, p);
	r = tl_advance(t->l, t->c1, "2026-06-15", 50000);
	assert_string_equal(r.number, "ANT-000001");
	assert_int_equal(r.credit_left, 50000);
	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	aa = tl_item_code(&s, "AA");
	assert_non_null(aa);
	assert_int_equal(aa->open, 50000);
	assert_int_equal(aa->doc_id, r.doc_id);
	assert_int_equal(open_of(t, &p[0]), 100000);
	assert_int_equal(open_of(t, &p[1]), 250050);
	assert_int_equal(open_of(t, &p[2]), 30000);
	/* 3,800.50 - 500.00 = 3,300.50 */
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 30000, 350050, 50000);
}

/* Allocations of 80.00 + 50.00 from a 100.00 receipt: refused, nothing written. */
static void test_over_alloc_receipt_refused(void **state)
{
	tl *t = *state;
	posted p[3], r;
	alloc_in a[2];
	snap before;
	cart_err e = { 0 };

	three_invoices(t, p);
	snap_take(t, &before);
	memset(a, 0, sizeof a);
	a[0].charge_entry_id = p[0].entry_id;
	a[0].amount = 8000;
	a[1].charge_entry_id = p[1].entry_id;
	a[1].amount = 5000;
	assert_int_equal(tl_receipt_try(t->l, t->c1, "2026-06-15", "", 10000, a, 2, 0, &r, &e), CART_REFUSED);
	assert_true(e.msg[0] != '\0');
	snap_same(t, &before);
	r = tl_receipt(t->l, t->c1, "2026-06-16", 1000);
	assert_string_equal(r.number, "RC-000001");
}

/* Allocating more than a charge has open is refused, before and after a partial payment. */
static void test_over_alloc_charge_refused(void **state)
{
	tl *t = *state;
	posted p[3], r;
	alloc_in a = { 0 };
	snap before;
	cart_err e = { 0 };

	three_invoices(t, p);
	snap_take(t, &before);
	a.charge_entry_id = p[2].entry_id;
	a.amount = 40000; /* C has 300.00 open */
	assert_int_equal(tl_receipt_try(t->l, t->c1, "2026-06-15", "", 50000, &a, 1, 0, &r, &e), CART_REFUSED);
	assert_true(e.msg[0] != '\0');
	snap_same(t, &before);

	a.amount = 20000;
	tl_receipt_alloc(t->l, t->c1, "2026-06-15", 20000, &a, 1); /* C: 300.00 - 200.00 = 100.00 */
	assert_int_equal(open_of(t, &p[2]), 10000);
	snap_take(t, &before);
	cart_clear(&e);
	assert_int_equal(tl_receipt_try(t->l, t->c1, "2026-06-16", "", 20000, &a, 1, 0, &r, &e), CART_REFUSED);
	snap_same(t, &before);
	a.amount = 10000;
	r = tl_receipt_alloc(t->l, t->c1, "2026-06-16", 10000, &a, 1);
	assert_string_equal(r.number, "RC-000002");
	assert_int_equal(open_of(t, &p[2]), 0);
}

/* 500.00 to the instalment invoice with instalment 0: 333.34 closes the first, 166.66 goes to the
 * second (333.33 - 166.66 = 166.67 open), the third keeps 333.33. Due 500.00 in two items. */
static void test_alloc_spreads_over_instalments(void **state)
{
	tl *t = *state;
	posted p = instalment_invoice(t);
	alloc_in a = { 0 };
	totals tt;

	a.charge_entry_id = p.entry_id;
	a.instalment_id = 0;
	a.amount = 50000;
	tl_receipt_alloc(t->l, t->c1, "2026-06-10", 50000, &a, 1);
	assert_int_equal(inst_open(t, &p, "2026-05-31"), 0);
	assert_int_equal(inst_open(t, &p, "2026-06-30"), 16667);
	assert_int_equal(inst_open(t, &p, "2026-07-30"), 33333);
	tl_totals(t->l, t->c1, TL_TODAY, "COP", &tt);
	assert_int_equal(tt.overdue, 0);
	assert_int_equal(tt.due, 50000);
	assert_int_equal(tt.n_due, 2);
	assert_int_equal(tt.n_overdue, 0);
	assert_int_equal(tt.net, 50000);
}

/* Paying the third instalment by id leaves the first two as they were; more than an instalment
 * has open is refused. */
static void test_alloc_one_instalment(void **state)
{
	tl *t = *state;
	posted p = instalment_invoice(t), r;
	alloc_in a = { 0 };
	snap before;
	cart_err e = { 0 };

	a.charge_entry_id = p.entry_id;
	a.instalment_id = inst_id(t, &p, "2026-07-30");
	a.amount = 33333;
	tl_receipt_alloc(t->l, t->c1, "2026-06-10", 33333, &a, 1);
	assert_int_equal(inst_open(t, &p, "2026-05-31"), 33334);
	assert_int_equal(inst_open(t, &p, "2026-06-30"), 33333);
	assert_int_equal(inst_open(t, &p, "2026-07-30"), 0);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 33333, 33334, 0);

	snap_take(t, &before);
	a.instalment_id = inst_id(t, &p, "2026-05-31");
	a.amount = 40000; /* the first instalment has 333.34 open */
	assert_int_equal(tl_receipt_try(t->l, t->c1, "2026-06-11", "", 40000, &a, 1, 0, &r, &e), CART_REFUSED);
	snap_same(t, &before);
}

/* Oldest first goes by each instalment's own due date:
 *   X 2026-06-01 due 06-15 500.00; Y 2026-05-01 in 333.34 (05-31), 333.33 (06-30), 333.33 (07-30).
 * 600.00 on 06-20: Y's first 333.34, then 266.66 of X (233.34 open); Y's others untouched. */
static void test_auto_receipt_by_instalment_due(void **state)
{
	tl *t = *state;
	posted x = tl_invoice(t->l, t->c1, "2026-06-01", "2026-06-15", 50000);
	posted y = instalment_invoice(t);

	tl_receipt(t->l, t->c1, "2026-06-20", 60000);
	assert_int_equal(inst_open(t, &y, "2026-05-31"), 0);
	assert_int_equal(open_of(t, &x), 23334);
	assert_int_equal(inst_open(t, &y, "2026-06-30"), 33333);
	assert_int_equal(inst_open(t, &y, "2026-07-30"), 33333);
	/* overdue X 233.34; due 333.33 + 333.33 = 666.66; 1,500.00 - 600.00 = 900.00 */
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 66666, 23334, 0);
}

/* A (due 05-01) 1,000.00 and B (due 07-01) 200.00, both paid by a 1,200.00 receipt on 06-20: as of
 * 06-19 both are open again, A overdue and B due; as of 04-15 only A exists. */
static void test_as_of_before_receipt(void **state)
{
	tl *t = *state;
	posted a = tl_invoice(t->l, t->c1, "2026-04-01", "", 100000); /* due 05-01 */
	posted b = tl_invoice(t->l, t->c1, "2026-06-01", "", 20000);  /* due 07-01 */
	tl_stmt st;
	totals tt;

	tl_receipt(t->l, t->c1, "2026-06-20", 120000);
	tl_totals(t->l, t->c1, "2026-06-19", "COP", &tt);
	assert_int_equal(tt.overdue, 100000);
	assert_int_equal(tt.due, 20000);
	assert_int_equal(tt.n_overdue, 1);
	assert_int_equal(tt.n_due, 1);
	assert_int_equal(tt.net, 120000);
	assert_int_equal(tl_balance(t->l, t->c1, "2026-06-19", "COP"), 120000);
	assert_int_equal(tl_open_of(t->l, t->c1, "2026-06-19", a.entry_id), 100000);
	assert_int_equal(tl_open_of(t->l, t->c1, "2026-06-19", b.entry_id), 20000);
	tl_stmt_get(t->l, t->c1, "2026-06-19", &st);
	assert_int_equal(st.n, 2);

	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 0);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, a.entry_id), 0);
	/* as of 04-15: only A, due */
	tl_assert_totals(t->l, t->c1, "2026-04-15", "COP", 100000, 0, 0);
	tl_check(t, "2026-06-19");
}

/* ---- credit notes ---- */

/* 300.00 against a 1,000.00 invoice: 700.00 open; the statement shows the NC line. */
static void test_credit_note_against_invoice(void **state)
{
	tl *t = *state;
	posted p = tl_invoice(t->l, t->c1, "2026-06-01", "", 100000), n;
	cart_err e = { 0 };
	tl_stmt st;

	TL_OK(credit_note_try(t, "2026-06-05", 30000, p.entry_id, &n, &e), &e);
	assert_string_equal(n.number, "NC-000001");
	assert_int_equal(n.credit_left, 0);
	assert_int_equal(open_of(t, &p), 70000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 70000, 0, 0);
	tl_stmt_get(t->l, t->c1, TL_TODAY, &st);
	assert_int_equal(st.n, 2);
	assert_string_equal(st.ln[1].code, "NC");
	assert_int_equal(st.ln[1].credit, 30000);
	assert_int_equal(st.ln[1].balance, 70000);
}

/* 800.00 paid of 1,000.00: a 300.00 note against it is refused (200.00 open); 200.00 is fine. */
static void test_credit_note_over_open_refused(void **state)
{
	tl *t = *state;
	posted p = tl_invoice(t->l, t->c1, "2026-06-01", "", 100000), n;
	cart_err e = { 0 };
	snap before;

	tl_receipt(t->l, t->c1, "2026-06-05", 80000);
	snap_take(t, &before);
	assert_int_equal(credit_note_try(t, "2026-06-06", 30000, p.entry_id, &n, &e), CART_REFUSED);
	assert_true(e.msg[0] != '\0');
	snap_same(t, &before);
	TL_OK(credit_note_try(t, "2026-06-06", 20000, p.entry_id, &n, &e), &e);
	assert_string_equal(n.number, "NC-000001");
	assert_int_equal(open_of(t, &p), 0);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 0);
}

/* On account: 150.00 stays in favour; the invoice keeps 1,000.00 open; net 850.00. */
static void test_credit_note_on_account(void **state)
{
	tl *t = *state;
	posted p = tl_invoice(t->l, t->c1, "2026-06-01", "", 100000), n;
	cart_err e = { 0 };
	tl_items s;
	const open_item *nc;

	TL_OK(credit_note_try(t, "2026-06-05", 15000, 0, &n, &e), &e);
	assert_int_equal(n.credit_left, 15000);
	assert_int_equal(open_of(t, &p), 100000);
	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	nc = tl_item_code(&s, "NC");
	assert_non_null(nc);
	assert_int_equal(nc->side, 'C');
	assert_int_equal(nc->open, 15000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 100000, 0, 15000);
}

/* ---- applying credits ---- */

/* P 2026-06-05 due 06-10 300.00 and Q 2026-06-06 due 06-20 400.00 after a 500.00 advance (06-01). */
static void apply_fixture(tl *t, posted *adv, posted *pp, posted *q, int64_t *aa_entry)
{
	tl_items s;
	const open_item *aa;

	*adv = tl_advance(t->l, t->c1, "2026-06-01", 50000);
	*pp = tl_invoice(t->l, t->c1, "2026-06-05", "2026-06-10", 30000);
	*q = tl_invoice(t->l, t->c1, "2026-06-06", "2026-06-20", 40000);
	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	aa = tl_item_code(&s, "AA");
	assert_non_null(aa);
	*aa_entry = aa->entry_id;
}

/* Applying the whole advance oldest first on 06-25: P closed, Q 400.00 - 200.00 = 200.00. */
static void test_credit_apply_oldest_first(void **state)
{
	tl *t = *state;
	posted adv, pp, q, ap;
	int64_t aa;
	cart_err e = { 0 };

	apply_fixture(t, &adv, &pp, &q, &aa);
	/* before: overdue P 300.00 + Q 400.00, credits 500.00 */
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 70000, 50000);
	TL_OK(apply_try(t, aa, "2026-06-25", 0, NULL, 0, &ap, &e), &e);
	assert_string_equal(ap.number, "APL-000001");
	assert_int_equal(open_of(t, &pp), 0);
	assert_int_equal(open_of(t, &q), 20000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, aa), 0);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 20000, 0);
	/* as of 06-24 the application has not happened yet */
	tl_assert_totals(t->l, t->c1, "2026-06-24", "COP", 0, 70000, 50000);
	assert_int_equal(tl_open_of(t->l, t->c1, "2026-06-24", pp.entry_id), 30000);
	tl_check(t, "2026-06-24");
}

/* An on-account note of 150.00 applied explicitly (100.00 to Q), then 200.00 of the advance
 * oldest first (to P): P 100.00, Q 300.00, note 50.00, advance 300.00 open.
 * Net: 700.00 - 150.00 - 500.00 = 50.00 = overdue 400.00 - credits 350.00. */
static void test_credit_apply_explicit_and_limited(void **state)
{
	tl *t = *state;
	posted adv, pp, q, ap, n;
	int64_t aa;
	alloc_in a = { 0 };
	cart_err e = { 0 };
	tl_items s;
	const open_item *nc;

	apply_fixture(t, &adv, &pp, &q, &aa);
	TL_OK(credit_note_try(t, "2026-06-07", 15000, 0, &n, &e), &e);
	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	nc = tl_item_code(&s, "NC");
	assert_non_null(nc);

	a.charge_entry_id = q.entry_id;
	a.amount = 10000;
	TL_OK(apply_try(t, nc->entry_id, "2026-06-25", 10000, &a, 1, &ap, &e), &e);
	TL_OK(apply_try(t, aa, "2026-06-26", 20000, NULL, 0, &ap, &e), &e);

	assert_int_equal(open_of(t, &pp), 10000);
	assert_int_equal(open_of(t, &q), 30000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, nc->entry_id), 5000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, aa), 30000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 40000, 35000);
}

/* More than a charge has open, or more than the credit has, is refused; nothing moves. */
static void test_credit_apply_over_refused(void **state)
{
	tl *t = *state;
	posted adv, pp, q, ap;
	int64_t aa;
	alloc_in a[2];
	cart_err e = { 0 };
	snap before;

	apply_fixture(t, &adv, &pp, &q, &aa);
	snap_take(t, &before);
	memset(a, 0, sizeof a);
	a[0].charge_entry_id = q.entry_id;
	a[0].amount = 45000; /* Q has 400.00 */
	assert_int_equal(apply_try(t, aa, "2026-06-25", 45000, a, 1, &ap, &e), CART_REFUSED);
	snap_same(t, &before);

	a[0].charge_entry_id = pp.entry_id;
	a[0].amount = 30000;
	a[1].charge_entry_id = q.entry_id;
	a[1].amount = 25000; /* 300.00 + 250.00 = 550.00 > 500.00 of credit */
	cart_clear(&e);
	assert_int_equal(apply_try(t, aa, "2026-06-25", 55000, a, 2, &ap, &e), CART_REFUSED);
	assert_true(e.msg[0] != '\0');
	snap_same(t, &before);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, aa), 50000);
}

/* ---- voids ---- */

/* Invoice 1,000.00 (06-01, due 07-01), 400.00 paid on 06-10, invoice voided 06-20: the payment is
 * a credit in favour again. As of 06-15: due 600.00. As of 06-30: credits 400.00, net -400.00. */
static void test_void_invoice_payment_becomes_credit(void **state)
{
	tl *t = *state;
	posted p = tl_invoice(t->l, t->c1, "2026-06-01", "", 100000), r, v;
	tl_items s;
	tl_stmt st;

	r = tl_receipt(t->l, t->c1, "2026-06-10", 40000);
	v = tl_void(t->l, p.doc_id, "2026-06-20");
	assert_string_equal(v.number, "ANU-000001");

	tl_assert_totals(t->l, t->c1, "2026-06-15", "COP", 60000, 0, 0);
	assert_int_equal(tl_open_of(t->l, t->c1, "2026-06-15", p.entry_id), 60000);

	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 40000);
	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.it[0].side, 'C');
	assert_int_equal(s.it[0].doc_id, r.doc_id);
	assert_int_equal(s.it[0].open, 40000);

	/* CF 1,000.00 -> 1,000.00; APF 400.00 -> 600.00; mirror of CF (credit) 1,000.00 -> -400.00 */
	tl_stmt_get(t->l, t->c1, TL_TODAY, &st);
	assert_int_equal(st.n, 3);
	assert_int_equal(st.ln[0].balance, 100000);
	assert_int_equal(st.ln[1].balance, 60000);
	assert_string_equal(st.ln[2].code, "CF");
	assert_int_equal(st.ln[2].side, 'C');
	assert_int_equal(st.ln[2].reversal, 1);
	assert_int_equal(st.ln[2].credit, 100000);
	assert_int_equal(st.ln[2].charge, 0);
	assert_string_equal(st.ln[2].date, "2026-06-20");
	assert_int_equal(st.ln[2].balance, -40000);
	tl_check(t, "2026-06-15");
}

/* Voiding twice, or voiding the void, is refused. */
static void test_void_twice_refused(void **state)
{
	tl *t = *state;
	posted p = tl_invoice(t->l, t->c1, "2026-06-01", "", 100000), v, x;
	cart_err e = { 0 };

	v = tl_void(t->l, p.doc_id, "2026-06-20");
	assert_int_equal(tl_void_try(t->l, p.doc_id, "2026-06-21", &x, &e), CART_REFUSED);
	assert_true(e.msg[0] != '\0');
	cart_clear(&e);
	assert_int_equal(tl_void_try(t->l, v.doc_id, "2026-06-21", &x, &e), CART_REFUSED);
	assert_true(e.msg[0] != '\0');
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 0);
	tl_assert_totals(t->l, t->c1, "2026-06-19", "COP", 100000, 0, 0);
	/* the refused voids used no number */
	p = tl_invoice(t->l, t->c1, "2026-06-22", "", 1000);
	v = tl_void(t->l, p.doc_id, "2026-06-23");
	assert_string_equal(v.number, "ANU-000002");
}

/* A (due 05-01) 1,000.00 and B (due 07-01) 500.00 paid by one receipt on 06-10, voided on 06-20:
 * both open again. */
static void test_void_receipt_reopens_invoices(void **state)
{
	tl *t = *state;
	posted a = tl_invoice(t->l, t->c1, "2026-04-01", "", 100000);
	posted b = tl_invoice(t->l, t->c1, "2026-06-01", "", 50000);
	posted r = tl_receipt(t->l, t->c1, "2026-06-10", 150000);

	assert_int_equal(open_of(t, &a), 0);
	tl_void(t->l, r.doc_id, "2026-06-20");
	assert_int_equal(open_of(t, &a), 100000);
	assert_int_equal(open_of(t, &b), 50000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 50000, 100000, 0);
	tl_assert_totals(t->l, t->c1, "2026-06-15", "COP", 0, 0, 0);
	tl_check(t, "2026-06-15");
	{
		/* as of 06-15 the statement has no mirror lines yet: 1,000.00 + 500.00 - 1,500.00 */
		tl_stmt st;

		tl_stmt_get(t->l, t->c1, "2026-06-15", &st);
		assert_int_equal(st.n, 3);
		for (int i = 0; i < st.n; i++)
			assert_int_equal(st.ln[i].reversal, 0);
		assert_int_equal(st.ln[2].balance, 0);
		tl_stmt_get(t->l, t->c1, TL_TODAY, &st);
		assert_int_equal(st.n, 4);
		assert_int_equal(st.ln[3].reversal, 1);
		assert_string_equal(st.ln[3].code, "APF");
		assert_int_equal(st.ln[3].side, 'D');
		assert_int_equal(st.ln[3].charge, 150000);
		assert_int_equal(st.ln[3].balance, 150000);
	}
}

/* A 1,200.00 receipt on a 1,000.00 invoice leaves 200.00 in favour; voiding it removes both the
 * payment and the credit: each entry is mirrored by a charge. */
static void test_void_receipt_with_excess(void **state)
{
	tl *t = *state;
	posted p = tl_invoice(t->l, t->c1, "2026-06-01", "", 100000);
	posted r = tl_receipt(t->l, t->c1, "2026-06-10", 120000);
	tl_stmt st;
	int64_t mirrored = 0;

	assert_int_equal(r.credit_left, 20000);
	tl_void(t->l, r.doc_id, "2026-06-20");
	assert_int_equal(open_of(t, &p), 100000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 100000, 0, 0);
	tl_stmt_get(t->l, t->c1, TL_TODAY, &st);
	assert_int_equal(st.n, 5); /* CF, APF, AA and the two mirrors */
	for (int i = 0; i < st.n; i++)
		if (st.ln[i].reversal) {
			assert_int_equal(st.ln[i].side, 'D');
			mirrored += st.ln[i].charge;
		}
	assert_int_equal(mirrored, 120000);
	assert_int_equal(st.ln[st.n - 1].balance, 100000);
}

/* 500.00 spread over the instalments, then the invoice voided: the 500.00 is in favour. */
static void test_void_invoice_with_instalments(void **state)
{
	tl *t = *state;
	posted p = instalment_invoice(t);
	alloc_in a = { 0 };
	tl_items s;

	a.charge_entry_id = p.entry_id;
	a.amount = 50000;
	tl_receipt_alloc(t->l, t->c1, "2026-06-10", 50000, &a, 1);
	tl_void(t->l, p.doc_id, "2026-06-20");
	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.it[0].code, "APF");
	assert_int_equal(s.it[0].open, 50000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 0, 50000);
	/* 06-15: first instalment paid, 166.67 + 333.33 due */
	tl_assert_totals(t->l, t->c1, "2026-06-15", "COP", 50000, 0, 0);
	tl_check(t, "2026-06-15");
}

/* Voiding a charge-both invoice reverses both its entries. */
static void test_void_invoice_charge_both(void **state)
{
	tl *t = *state;
	int64_t c = tl_client_mode(t, "Aduanas Ambos", 30, CHARGE_BOTH);
	invoice_in in;
	posted p;
	cart_err e = { 0 };
	tl_items s;

	memset(&in, 0, sizeof in);
	in.client_id = c;
	snprintf(in.date, sizeof in.date, "2026-06-01");
	in.total = 100000;
	in.expenses = 20000;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	tl_void(t->l, p.doc_id, "2026-06-20");
	tl_items_get(t->l, c, TL_TODAY, &s);
	assert_int_equal(s.n, 0);
	assert_int_equal(tl_balance(t->l, c, TL_TODAY, "COP"), 0);
	assert_int_equal(tl_balance(t->l, c, "2026-06-19", "COP"), 120000);
}

/* An advance applied to an invoice, then voided: the invoice is open again, no credit left. */
static void test_void_applied_advance(void **state)
{
	tl *t = *state;
	posted adv, pp, q, ap;
	int64_t aa;
	cart_err e = { 0 };

	apply_fixture(t, &adv, &pp, &q, &aa);
	TL_OK(apply_try(t, aa, "2026-06-12", 0, NULL, 0, &ap, &e), &e);
	assert_int_equal(open_of(t, &pp), 0);
	assert_int_equal(open_of(t, &q), 20000);
	tl_void(t->l, adv.doc_id, "2026-06-25");
	assert_int_equal(open_of(t, &pp), 30000);
	assert_int_equal(open_of(t, &q), 40000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 70000, 0);
	tl_assert_totals(t->l, t->c1, "2026-06-24", "COP", 0, 20000, 0);
	tl_check(t, "2026-06-24");
}

/* Two allocations to the same charge that together exceed what it has open (200.00 + 200.00 of
 * C's 300.00) are refused like one that does. */
static void test_over_alloc_split_refused(void **state)
{
	tl *t = *state;
	posted p[3], r;
	alloc_in a[2];
	snap before;
	cart_err e = { 0 };

	three_invoices(t, p);
	snap_take(t, &before);
	memset(a, 0, sizeof a);
	a[0].charge_entry_id = p[2].entry_id;
	a[0].amount = 20000;
	a[1].charge_entry_id = p[2].entry_id;
	a[1].amount = 20000;
	assert_int_equal(tl_receipt_try(t->l, t->c1, "2026-06-15", "", 50000, a, 2, 0, &r, &e), CART_REFUSED);
	assert_true(e.msg[0] != '\0');
	snap_same(t, &before);
}

/* Allocations must name a charge of the same client: a credit entry, another client's charge or
 * an instalment of another charge is refused (or invalid), nothing written. */
static void test_alloc_wrong_target_refused(void **state)
{
	tl *t = *state;
	int64_t c2 = tl_client(t, "Beta Ltda", 30);
	posted p[3], other, inst, adv, r;
	alloc_in a = { 0 };
	snap before;
	cart_err e = { 0 };
	tl_items s;
	int rc;

	three_invoices(t, p);
	inst = instalment_invoice(t);
	other = tl_invoice(t->l, c2, "2026-06-01", "", 50000);
	adv = tl_advance(t->l, t->c1, "2026-06-02", 10000);
	tl_items_get(t->l, t->c1, TL_TODAY, &s);
	assert_non_null(tl_item_code(&s, "AA"));
	snap_take(t, &before);

	a.charge_entry_id = tl_item_code(&s, "AA")->entry_id; /* a credit, not a charge */
	a.amount = 1000;
	rc = tl_receipt_try(t->l, t->c1, "2026-06-15", "", 1000, &a, 1, 0, &r, &e);
	assert_true(rc == CART_REFUSED || rc == CART_INVALID);
	snap_same(t, &before);

	a.charge_entry_id = other.entry_id; /* Beta's invoice */
	cart_clear(&e);
	rc = tl_receipt_try(t->l, t->c1, "2026-06-15", "", 1000, &a, 1, 0, &r, &e);
	assert_true(rc == CART_REFUSED || rc == CART_INVALID || rc == CART_NOTFOUND);
	assert_true(e.msg[0] != '\0');
	snap_same(t, &before);
	assert_int_equal(tl_open_of(t->l, c2, TL_TODAY, other.entry_id), 50000);

	a.charge_entry_id = p[0].entry_id; /* A, with an instalment of the other invoice */
	a.instalment_id = inst_id(t, &inst, "2026-06-30");
	cart_clear(&e);
	rc = tl_receipt_try(t->l, t->c1, "2026-06-15", "", 1000, &a, 1, 0, &r, &e);
	assert_true(rc == CART_REFUSED || rc == CART_INVALID || rc == CART_NOTFOUND);
	snap_same(t, &before);
	(void)adv;
}

/* A receipt only pays what exists on its date: on 06-10, with the only invoice dated 06-20, all
 * 400.00 stay in favour (the allocation could not be dated before the charge). */
static void test_receipt_before_invoice_is_credit(void **state)
{
	tl *t = *state;
	posted p = tl_invoice(t->l, t->c1, "2026-06-20", "", 100000);
	posted r = tl_receipt(t->l, t->c1, "2026-06-10", 40000);

	assert_int_equal(r.credit_left, 40000);
	assert_int_equal(open_of(t, &p), 100000);
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 100000, 0, 40000);
	tl_assert_totals(t->l, t->c1, "2026-06-15", "COP", 0, 0, 40000);
	tl_check(t, "2026-06-15");
}

/* A credit note against another client's invoice, or one larger than the invoice itself, is
 * refused. */
static void test_credit_note_wrong_invoice_refused(void **state)
{
	tl *t = *state;
	int64_t c2 = tl_client(t, "Beta Ltda", 30);
	posted other = tl_invoice(t->l, c2, "2026-06-01", "", 50000);
	posted p = tl_invoice(t->l, t->c1, "2026-06-01", "", 10000), n;
	cart_err e = { 0 };
	int rc;

	rc = credit_note_try(t, "2026-06-05", 1000, other.entry_id, &n, &e);
	assert_true(rc == CART_REFUSED || rc == CART_INVALID || rc == CART_NOTFOUND);
	assert_true(e.msg[0] != '\0');
	cart_clear(&e);
	assert_int_equal(credit_note_try(t, "2026-06-05", 10001, p.entry_id, &n, &e), CART_REFUSED);
	assert_int_equal(tl_open_of(t->l, c2, TL_TODAY, other.entry_id), 50000);
	assert_int_equal(open_of(t, &p), 10000);
	assert_int_equal(tl_balance(t->l, t->c1, TL_TODAY, "COP"), 10000);
}

/* Applying something that is not an open credit is refused: a charge entry, or an advance whose
 * credit is used up. */
static void test_credit_apply_not_a_credit(void **state)
{
	tl *t = *state;
	posted adv, pp, q, ap;
	int64_t aa;
	cart_err e = { 0 };
	int rc;

	apply_fixture(t, &adv, &pp, &q, &aa);
	rc = apply_try(t, pp.entry_id, "2026-06-25", 0, NULL, 0, &ap, &e);
	assert_true(rc == CART_REFUSED || rc == CART_INVALID);
	assert_true(e.msg[0] != '\0');
	TL_OK(apply_try(t, aa, "2026-06-25", 0, NULL, 0, &ap, &e), &e);
	cart_clear(&e);
	rc = apply_try(t, aa, "2026-06-26", 0, NULL, 0, &ap, &e);
	assert_true(rc == CART_REFUSED || rc == CART_INVALID);
	/* 700.00 - 500.00 = 200.00 still owed on Q */
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 0, 20000, 0);
}

/* A void dated before the document it voids is refused. */
static void test_void_before_document_refused(void **state)
{
	tl *t = *state;
	posted p = tl_invoice(t->l, t->c1, "2026-06-10", "", 100000), v;
	cart_err e = { 0 };
	int rc;

	rc = tl_void_try(t->l, p.doc_id, "2026-06-09", &v, &e);
	assert_true(rc == CART_REFUSED || rc == CART_INVALID);
	assert_true(e.msg[0] != '\0');
	tl_assert_totals(t->l, t->c1, TL_TODAY, "COP", 100000, 0, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_receipt_oldest_first, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_receipt_excess_is_credit, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_receipt_explicit, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_receipt_explicit_with_excess, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_advance, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_over_alloc_receipt_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_over_alloc_charge_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_alloc_spreads_over_instalments, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_alloc_one_instalment, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_auto_receipt_by_instalment_due, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_as_of_before_receipt, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_note_against_invoice, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_note_over_open_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_note_on_account, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_apply_oldest_first, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_apply_explicit_and_limited, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_apply_over_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_void_invoice_payment_becomes_credit, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_void_twice_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_void_receipt_reopens_invoices, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_void_receipt_with_excess, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_void_invoice_with_instalments, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_void_invoice_charge_both, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_void_applied_advance, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_over_alloc_split_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_alloc_wrong_target_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_receipt_before_invoice_is_credit, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_note_wrong_invoice_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_credit_apply_not_a_credit, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_void_before_document_refused, tl_setup, tl_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
