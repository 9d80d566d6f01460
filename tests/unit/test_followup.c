/* Payment follow-up (SPEC F1-F3, F6, F8): which client needs which level on which day, what a
 * run does and never does twice, the level going back after a payment, fee and interest posted
 * as a journal charge, activities, and promises kept and broken. Today is 2026-06-30 unless a
 * test moves it; the default levels are a courtesy reminder at -3 days, 15, 30 and 60 (the last
 * manual, a letter and a call two days later).
 *
 * The ledger (COP, amounts in pesos):
 *   Acme SAS (c1)  1,000.00 due 05-01: 60 days, Final notice, a manual level -> by hand
 *   Beta           500.00 due 07-02: -2 days, courtesy reminder (before the due date)
 *   Cuotas         900.00 in 300.00 instalments due 04-15 (paid 300.00 on 05-01), 06-10,
 *                  07-15: the oldest open is 06-10, 20 days, First reminder
 *   Delta          500.00 due 05-31, an advance of 600.00 covers it: nothing to chase
 *   Eco            400.00 due 05-20 (41 days), an advance of 100.00 covers part: Second reminder
 *   Foxtrot        700.00 due 05-01, on hold (in dispute)
 *   Golf           200.00 due 06-10 (20 days), a manual client: by hand */
#include "config.h"

#include <sys/stat.h>

#include "testlib.h"
#include "ctl/ctl_int.h"
#include "cartera/ctl.h"
#include "cartera/ctl_followup.h"
#include "model/ledger_followup.h"

typedef struct fx {
	int64_t beta, cuotas, delta, eco, fox, golf;
} fx;
static fx F;

static ctl mkctl(tl *t)
{
	ctl c;
	cart_err e = { 0 };

	memset(&c, 0, sizeof c);
	c.l = t->l;
	TL_OK(ledger_company_get(t->l, &c.co, &e), &e);
	c.have_company = 1;
	return c;
}

static void build(tl *t)
{
	instalment_in inst[3] = {
		{ "2026-04-15", 30000 }, { "2026-06-10", 30000 }, { "2026-07-15", 30000 },
	};
	invoice_in in;
	posted p;
	ctl c = mkctl(t);
	ctl_fu_set set = { NULL, NULL, NULL, -1, NULL };
	fu_state st;
	cart_err e = { 0 };

	F.beta = tl_client(t, "Beta Ltda", 30);
	F.cuotas = tl_client(t, "Cuotas Ltda", 30);
	F.delta = tl_client(t, "Delta SA", 30);
	F.eco = tl_client(t, "Eco SAS", 30);
	F.fox = tl_client(t, "Foxtrot y Cía", 30);
	F.golf = tl_client(t, "Golf Ñandú", 30);
	tl_invoice(t->l, t->c1, "2026-04-01", "2026-05-01", 100000);
	tl_invoice(t->l, F.beta, "2026-06-01", "2026-07-02", 50000);
	memset(&in, 0, sizeof in);
	in.client_id = F.cuotas;
	snprintf(in.date, sizeof in.date, "2026-03-01");
	in.total = 90000;
	in.inst = inst;
	in.n_inst = 3;
	TL_OK(ledger_invoice_post(t->l, &in, &p, &e), &e);
	tl_receipt(t->l, F.cuotas, "2026-05-01", 30000);
	tl_invoice(t->l, F.delta, "2026-05-01", "2026-05-31", 50000);
	tl_advance(t->l, F.delta, "2026-06-05", 60000);
	tl_invoice(t->l, F.eco, "2026-04-20", "2026-05-20", 40000);
	tl_advance(t->l, F.eco, "2026-06-05", 10000);
	tl_invoice(t->l, F.fox, "2026-04-01", "2026-05-01", 70000);
	tl_invoice(t->l, F.golf, "2026-05-11", "2026-06-10", 20000);
	TL_OK(ctl_fu_levels_ensure(&c, &e), &e);
	set.hold = "en disputa";
	TL_OK(ctl_fu_client_set(&c, "Foxtrot", &set, &st, &e), &e);
	set.hold = NULL;
	set.manual = 1;
	TL_OK(ctl_fu_client_set(&c, "Golf", &set, &st, &e), &e);
}

typedef struct evals {
	fu_eval v[16];
	int n;
} evals;

static int take(const fu_eval *v, void *ud)
{
	evals *x = ud;

	if (x->n < 16)
		x->v[x->n++] = *v;
	return 0;
}

static const fu_eval *of(const evals *x, int64_t id)
{
	for (int i = 0; i < x->n; i++)
		if (x->v[i].client_id == id)
			return &x->v[i];
	return NULL;
}

static void status(ctl *c, evals *x)
{
	cart_err e = { 0 };

	memset(x, 0, sizeof *x);
	TL_OK(ctl_fu_status(c, 0, 0, take, x, &e), &e);
}

static void set_today(const char *d)
{
	cart_err e = { 0 };

	TL_OK(date_set_today(d, &e), &e);
}

static int64_t done_of(tl *t, int64_t client_id)
{
	int64_t n = -1;
	cart_err e = { 0 };

	TL_OK(ledger_fu_done_count(t->l, client_id, &n, &e), &e);
	return n;
}

static void run(ctl *c, tl *t, int manual, fu_result *r)
{
	char dir[128];
	ctl_fu_opts a;
	cart_err e = { 0 };

	snprintf(dir, sizeof dir, "%s/letters", t->dir);
	memset(&a, 0, sizeof a);
	a.manual = manual;
	a.letters_dir = dir;
	TL_OK(ctl_fu_run(c, &a, NULL, NULL, r, &e), &e);
}

static void test_who_needs_what(void **state)
{
	tl *t = *state;
	ctl c;
	evals x;
	const fu_eval *v;

	build(t);
	c = mkctl(t);
	status(&c, &x);
	v = of(&x, t->c1);
	assert_non_null(v);
	assert_int_equal(v->action, FU_MANUAL);   /* Final notice is a manual level */
	assert_string_equal(v->need, "Final notice");
	assert_int_equal(v->days, 60);
	assert_int_equal(v->cur[0].overdue, 100000);
	v = of(&x, F.beta);
	assert_int_equal(v->action, FU_DUE);
	assert_string_equal(v->need, "Courtesy reminder");
	assert_int_equal(v->days, -2);
	assert_int_equal(v->cur[0].overdue, 0);
	v = of(&x, F.cuotas);
	assert_int_equal(v->action, FU_DUE);
	assert_string_equal(v->need, "First reminder");
	assert_int_equal(v->days, 20);
	assert_string_equal(v->oldest_due, "2026-06-10");
	assert_int_equal(v->cur[0].overdue, 30000);
	assert_int_equal(v->cur[0].open, 60000);
	assert_string_equal(v->next_date, "2026-06-25");  /* 06-10 + 15: due since then */
	v = of(&x, F.delta);                               /* the advance covers it all */
	assert_true(v == NULL || (v->action == FU_NONE && !v->has_open));
	v = of(&x, F.eco);
	assert_int_equal(v->action, FU_DUE);
	assert_string_equal(v->need, "Second reminder");
	assert_int_equal(v->days, 41);
	assert_int_equal(v->cur[0].overdue, 30000);        /* 400.00 less the 100.00 advance */
	v = of(&x, F.fox);
	assert_int_equal(v->action, FU_HOLD);
	assert_string_equal(v->st.hold, "en disputa");
	v = of(&x, F.golf);
	assert_int_equal(v->action, FU_MANUAL);
	assert_string_equal(v->need, "First reminder");

	/* a day earlier Beta is not yet 3 days before its due date... */
	set_today("2026-06-28");
	status(&c, &x);
	v = of(&x, F.beta);
	assert_int_equal(v->action, FU_NONE);
	assert_string_equal(v->next_date, "2026-06-29");   /* 07-02 - 3 */
	/* ...and Cuotas's 06-10 instalment was not yet 15 days overdue on 06-24 */
	set_today("2026-06-24");
	status(&c, &x);
	v = of(&x, F.cuotas);
	assert_int_equal(v->action, FU_DUE);
	assert_string_equal(v->need, "Courtesy reminder");
	set_today(TL_TODAY);
}

static void test_run_once_per_level(void **state)
{
	tl *t = *state;
	char path[200];
	ctl c;
	fu_result r;
	evals x;
	const fu_eval *v;
	struct stat sb;
	cart_err e = { 0 };

	build(t);
	c = mkctl(t);
	{
		ctl_fu_opts a;

		memset(&a, 0, sizeof a);
		a.dry_run = 1;
		TL_OK(ctl_fu_run(&c, &a, NULL, NULL, &r, &e), &e);
		assert_int_equal(r.processed, 3);
		assert_int_equal(done_of(t, F.cuotas), 0);   /* a dry run changes nothing */
	}
	run(&c, t, 0, &r);
	assert_int_equal(r.processed, 3);                  /* Beta, Cuotas, Eco: the automatic ones */
	assert_int_equal(done_of(t, F.beta), 1);
	assert_int_equal(done_of(t, F.cuotas), 1);
	assert_int_equal(done_of(t, F.eco), 1);
	assert_int_equal(done_of(t, t->c1), 0);            /* manual level: not from cron */
	assert_int_equal(done_of(t, F.golf), 0);           /* manual client */
	assert_int_equal(done_of(t, F.fox), 0);            /* on hold */
	run(&c, t, 0, &r);
	assert_int_equal(r.processed, 0);                  /* a second run reaches nobody again */
	assert_int_equal(done_of(t, F.cuotas), 1);
	status(&c, &x);
	v = of(&x, F.cuotas);
	assert_int_equal(v->action, FU_NONE);
	assert_string_equal(v->level, "First reminder");
	assert_string_equal(v->next_date, "2026-07-10");  /* 06-10 + 30, the next level */

	/* a clerk processes the manual ones: Acme's final notice writes a letter and a call */
	run(&c, t, 1, &r);
	assert_int_equal(r.processed, 2);
	assert_int_equal(done_of(t, t->c1), 1);
	assert_int_equal(done_of(t, F.golf), 1);
	assert_int_equal(r.letters, 1);
	snprintf(path, sizeof path, "%s/letters/letter-000001-acme-sas.pdf", t->dir);
	assert_int_equal(stat(path, &sb), 0);
	assert_true(sb.st_size > 500);
	unlink(path);
	snprintf(path, sizeof path, "%s/letters", t->dir);
	rmdir(path);
}

/* activities are checked through the controller in test_activities */

static void test_level_back(void **state)
{
	tl *t = *state;
	ctl c;
	fu_result r;
	evals x;
	const fu_eval *v;
	fu_state st;
	cart_err e = { 0 };

	build(t);
	c = mkctl(t);
	run(&c, t, 0, &r);
	/* Eco pays what is left: its level goes back to none and a new cycle starts */
	tl_receipt(t->l, F.eco, TL_TODAY, 30000);
	status(&c, &x);
	v = of(&x, F.eco);
	assert_int_equal(v->action, FU_RESET);
	run(&c, t, 0, &r);
	assert_int_equal(r.back, 1);
	TL_OK(ledger_fu_state_get(t->l, F.eco, &st, &e), &e);
	assert_int_equal(st.level_id, 0);
	assert_int_equal(st.cycle, 2);

	/* Cuotas at 40 days gets the second reminder; paying the 06-10 instalment leaves the 07-15
	 * one, 5 days overdue: the level goes back to the courtesy reminder, not sent again */
	set_today("2026-07-20");
	run(&c, t, 0, &r);
	TL_OK(ledger_fu_state_get(t->l, F.cuotas, &st, &e), &e);
	status(&c, &x);
	v = of(&x, F.cuotas);
	assert_string_equal(v->level, "Second reminder");
	assert_int_equal(done_of(t, F.cuotas), 2);
	tl_receipt(t->l, F.cuotas, "2026-07-20", 30000);  /* oldest first: the 06-10 instalment */
	status(&c, &x);
	v = of(&x, F.cuotas);
	assert_int_equal(v->action, FU_BACK);
	assert_int_equal(v->days, 5);
	assert_string_equal(v->need, "Courtesy reminder");
	run(&c, t, 0, &r);
	TL_OK(ledger_fu_state_get(t->l, F.cuotas, &st, &e), &e);
	assert_int_equal(st.cycle, 2);
	assert_int_equal(done_of(t, F.cuotas), 2);          /* going back sends nothing */
	status(&c, &x);
	v = of(&x, F.cuotas);
	assert_int_equal(v->action, FU_NONE);
	assert_string_equal(v->level, "Courtesy reminder");
	assert_string_equal(v->next_date, "2026-07-30");   /* 07-15 + 15 */
	/* ... and at 15 days it gets the first reminder of the new cycle */
	set_today("2026-07-30");
	run(&c, t, 0, &r);
	assert_int_equal(done_of(t, F.cuotas), 3);
	set_today(TL_TODAY);
}

static void test_fee_and_interest(void **state)
{
	tl *t = *state;
	ctl c;
	fu_result r;
	fu_level lv;
	fu_preview p;
	ctl_fu_level_args a;
	tl_items s;
	const open_item *it;
	cart_err e = { 0 };

	build(t);
	c = mkctl(t);
	memset(&a, 0, sizeof a);
	a.fee = "10,00";
	a.rate = "36,5";
	a.post = "yes";
	TL_OK(ctl_fu_level_edit(&c, "d15", &a, &lv, &e), &e);
	assert_int_equal(lv.fee, 1000);
	assert_int_equal(lv.rate_bp, 3650);
	/* Cuotas: 300.00 twenty days overdue at 36.5% a year is 6.00, plus the fee */
	TL_OK(ctl_fu_preview(&c, F.cuotas, 0, &p, &e), &e);
	assert_int_equal(p.ncharge, 1);
	assert_int_equal(p.charge[0], 1600);
	assert_non_null(strstr(p.text, "FAC-000003/2"));
	assert_null(strstr(p.text, "FAC-000003/3"));       /* not yet due: not listed */
	run(&c, t, 0, &r);
	assert_int_equal(r.charges, 1);
	tl_items_get(t->l, F.cuotas, TL_TODAY, &s);
	it = tl_item_code(&s, "CPD");
	assert_non_null(it);
	assert_int_equal(it->open, 1600);
	/* a bad rate is refused naming it, and nothing changes */
	a.rate = "muchos";
	assert_int_equal(ctl_fu_level_edit(&c, "d15", &a, &lv, &e), CART_INVALID);
	tl_assert_msg_names(&e, "muchos");
	TL_OK(ctl_fu_level_ref(&c, "d15", &lv, &e), &e);
	assert_int_equal(lv.rate_bp, 3650);
}

typedef struct acts {
	fu_activity v[8];
	int n;
} acts;

static int take_act(const fu_activity *a, void *ud)
{
	acts *x = ud;

	if (x->n < 8)
		x->v[x->n++] = *a;
	return 0;
}

static void test_activities(void **state)
{
	tl *t = *state;
	ctl c;
	fu_result r;
	fu_activity a;
	acts x;
	cart_err e = { 0 };

	build(t);
	c = mkctl(t);
	run(&c, t, 1, &r);                                  /* Acme's final notice: a call in 2 days */
	memset(&x, 0, sizeof x);
	TL_OK(ctl_fu_activities(&c, "", "", 0, take_act, &x, &e), &e);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.v[0].client_id, t->c1);
	assert_string_equal(x.v[0].type, "call");
	assert_string_equal(x.v[0].due_date, "2026-07-02");
	memset(&x, 0, sizeof x);
	TL_OK(ctl_fu_activities(&c, "", "today", 0, take_act, &x, &e), &e);
	assert_int_equal(x.n, 0);                           /* not due today */
	TL_OK(ctl_fu_activity_add(&c, "Golf", "visit", "2026-06-29", "ana", "Visitar", &a, &e), &e);
	memset(&x, 0, sizeof x);
	TL_OK(ctl_fu_activities(&c, "ana", "today", 0, take_act, &x, &e), &e);
	assert_int_equal(x.n, 1);                           /* overdue since yesterday */
	TL_OK(ctl_fu_activity_reschedule(&c, "2", "2026-07-05", &a, &e), &e);
	assert_int_equal(a.rescheduled, 1);
	TL_OK(ctl_fu_activity_done(&c, "1", "prometió pagar el viernes", &a, &e), &e);
	assert_string_equal(a.done_date, TL_TODAY);
	assert_int_equal(ctl_fu_activity_done(&c, "1", "", &a, &e), CART_REFUSED);
	memset(&x, 0, sizeof x);
	TL_OK(ctl_fu_activities(&c, "", "", 0, take_act, &x, &e), &e);
	assert_int_equal(x.n, 1);                           /* only the visit is open */
	assert_int_equal(ctl_fu_activity_add(&c, "Golf", "fax", "", "", "", &a, &e), CART_INVALID);
}

typedef struct proms {
	fu_promise v[8];
	int st[8];
	int n;
} proms;

static int take_prom(const fu_promise *p, int status_, void *ud)
{
	proms *x = ud;

	if (x->n < 8) {
		x->v[x->n] = *p;
		x->st[x->n++] = status_;
	}
	return 0;
}

static void test_promises(void **state)
{
	tl *t = *state;
	ctl c;
	fu_promise p;
	proms x;
	cart_err e = { 0 };

	build(t);
	c = mkctl(t);
	TL_OK(ctl_fu_promise_add(&c, "Cuotas", "300,00", "2026-07-05", "la contadora", NULL, &p, &e),
	      &e);
	TL_OK(ctl_fu_promise_add(&c, "Acme", "500,00", "2026-07-02", NULL, NULL, &p, &e), &e);
	assert_int_equal(ctl_fu_promise_add(&c, "Acme", "500,00", "2026-06-01", NULL, NULL, &p, &e),
	                 CART_INVALID);                      /* a promise for a day gone by */
	assert_int_equal(ctl_fu_promise_add(&c, "Acme", "0", "2026-07-01", NULL, NULL, &p, &e),
	                 CART_INVALID);
	memset(&x, 0, sizeof x);
	TL_OK(ctl_fu_promises(&c, NULL, 0, take_prom, &x, &e), &e);
	assert_int_equal(x.n, 2);
	assert_int_equal(x.st[0], FU_PROMISE_PENDING);
	assert_int_equal(x.st[1], FU_PROMISE_PENDING);
	/* Cuotas pays on 07-03; Acme pays nothing */
	set_today("2026-07-03");
	tl_receipt(t->l, F.cuotas, "2026-07-03", 30000);
	memset(&x, 0, sizeof x);
	TL_OK(ctl_fu_promises(&c, NULL, 0, take_prom, &x, &e), &e);
	assert_int_equal(x.v[0].client_id, t->c1);          /* by date: 07-02 first */
	assert_int_equal(x.st[0], FU_PROMISE_BROKEN);
	assert_int_equal(x.v[1].paid, 30000);
	assert_int_equal(x.st[1], FU_PROMISE_KEPT);
	memset(&x, 0, sizeof x);
	TL_OK(ctl_fu_promises(&c, NULL, 1, take_prom, &x, &e), &e);
	assert_int_equal(x.n, 1);
	set_today(TL_TODAY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_who_needs_what, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_run_once_per_level, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_level_back, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_fee_and_interest, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_activities, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_promises, tl_setup, tl_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
