/* Safety (issue 15) in the model and src/base: text refused for every face (controls, ESC, invalid
 * UTF-8, over-long), terminal escaping and CSV formula neutralising, outputs put in place whole,
 * idempotency keys, "all it has open" planned inside the write transaction, and the audit's hash
 * chain caught by ledger_check when a row is changed behind cartera's back. */
#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "testlib.h"
#include "cartera/outfile.h"
#include "cartera/text.h"
#include "model/ledger_safety.h"

/* ---- text ---- */

static void test_text_check(void **state)
{
	cart_err e = { 0 };
	char long_name[300];

	(void)state;
	assert_int_equal(text_check("Ñandú Pérez & Cía.", 198, "the name", &e), CART_OK);
	assert_int_equal(text_check(NULL, 10, "x", &e), CART_OK);
	assert_int_equal(text_check("Evil\x1b[31mCorp", 198, "the name", &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "the name"));
	assert_non_null(strstr(e.msg, "escape"));
	assert_int_equal(text_check("bell\a", 198, "x", &e), CART_INVALID);
	assert_int_equal(text_check("tab\there", 198, "x", &e), CART_INVALID);
	assert_int_equal(text_check_lines("two\nlines\tok", 198, "x", &e), CART_OK);
	assert_int_equal(text_check_lines("but\x1b]0;no\a", 198, "x", &e), CART_INVALID);
	assert_int_equal(text_check("bad \xff\xfe utf8", 198, "the memo", &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "UTF-8"));
	assert_int_equal(text_check("C1 \xc2\x9b" "31m", 198, "x", &e), CART_INVALID);   /* CSI */
	assert_int_equal(text_check("bidi \xe2\x80\xae txt", 198, "x", &e), CART_INVALID);
	assert_int_equal(text_check("cut \xc3", 198, "x", &e), CART_INVALID);           /* half ñ */
	memset(long_name, 'a', sizeof long_name);
	long_name[199] = '\0';
	assert_int_equal(text_check(long_name, 198, "the name", &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "198"));
	long_name[198] = '\0';
	assert_int_equal(text_check(long_name, 198, "the name", &e), CART_OK);
}

static void test_text_escape_and_csv(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(text_escape("a\x1b[2Jb", buf, sizeof buf), "a\\x1B[2Jb");
	assert_string_equal(text_escape("ñ\xff", buf, sizeof buf), "ñ\\xFF");
	assert_string_equal(text_escape("l1\nl2", buf, sizeof buf), "l1\nl2");
	assert_true(text_csv_formula("=SUM(A1)"));
	assert_true(text_csv_formula("@cmd"));
	assert_true(text_csv_formula("+cmd|' /C calc'!A0"));
	assert_true(text_csv_formula("-1+1"));
	assert_false(text_csv_formula("-150.00"));
	assert_false(text_csv_formula("+57 604 555 1234")); /* a phone: no letters */
	assert_true(text_csv_formula("+A1*2"));
	assert_false(text_csv_formula("Ana"));
	assert_false(text_csv_formula(""));
}

/* ---- outputs ---- */

static void test_outfile(void **state)
{
	char dir[] = "/tmp/cartera-out-XXXXXX", path[128], link_path[128];
	outfile o;
	cart_err e = { 0 };
	struct stat sb;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/report.txt", dir);
	mode_t old = umask(022);
	TL_OK(outfile_begin(&o, path, 0, &e), &e);
	assert_int_equal(access(path, F_OK), -1);          /* nothing under the name yet */
	assert_non_null(fp = outfile_fopen(&o));
	fputs("new\n", fp);
	fclose(fp);
	TL_OK(outfile_commit(&o, &e), &e);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* an existing file: refused without force, the temp gone after an abort */
	assert_int_equal(outfile_begin(&o, path, 0, &e), CART_REFUSED);
	TL_OK(outfile_begin(&o, path, OUTFILE_FORCE, &e), &e);
	outfile_abort(&o);
	assert_int_equal(access(o.tmp[0] ? o.tmp : "/nonexistent", F_OK), -1);
	/* a symlink is never followed */
	snprintf(link_path, sizeof link_path, "%s/link.txt", dir);
	assert_int_equal(symlink(path, link_path), 0);
	assert_int_equal(outfile_begin(&o, link_path, OUTFILE_FORCE, &e), CART_REFUSED);
	assert_non_null(strstr(e.msg, "symbolic link"));
	umask(old);
	unlink(link_path);
	unlink(path);
	rmdir(dir);
}

/* ---- the model ---- */

static void test_model_refuses_control_text(void **state)
{
	tl *t = *state;
	client c;
	cart_err e = { 0 };
	invoice_in in;
	posted p;

	client_defaults(&c);
	snprintf(c.name, sizeof c.name, "Evil\x1b]0;owned\aSA");
	assert_int_equal(ledger_client_add(t->l, &c, &e), CART_INVALID);
	client_defaults(&c);
	snprintf(c.name, sizeof c.name, "Good SA");
	snprintf(c.email, sizeof c.email, "a@b.co\r\nBcc: x@y.z");
	assert_int_equal(ledger_client_add(t->l, &c, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "e-mail"));
	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-06-01");
	in.total = 1000;
	snprintf(in.reference, sizeof in.reference, "PO\x1b[5m1");
	assert_int_equal(ledger_invoice_post(t->l, &in, &p, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "reference"));
}

static void test_key_replays(void **state)
{
	tl *t = *state;
	cart_err e = { 0 };
	invoice_in in;
	posted p1, p2, p3;
	memset(&in, 0, sizeof in);
	in.client_id = t->c1;
	snprintf(in.date, sizeof in.date, "2026-06-01");
	in.total = 12345;
	TL_OK(ledger_set_key(t->l, "batch-7", &e), &e);
	TL_OK(ledger_invoice_post(t->l, &in, &p1, &e), &e);
	assert_false(p1.replayed);
	TL_OK(ledger_invoice_post(t->l, &in, &p2, &e), &e);
	assert_true(p2.replayed);
	assert_int_equal(p2.doc_id, p1.doc_id);
	assert_string_equal(p2.number, p1.number);
	/* another type keeps its own keys */
	p3 = tl_receipt(t->l, t->c1, "2026-06-02", 100);
	assert_false(p3.replayed);
	TL_OK(ledger_set_key(t->l, NULL, &e), &e);
	TL_OK(ledger_invoice_post(t->l, &in, &p3, &e), &e);
	assert_false(p3.replayed);
	assert_true(p3.doc_id != p1.doc_id);
}

/* Two clerks read 1,000.00 open; one pays 300.00 first: "all it has open" takes 700.00 inside the
 * second one's transaction instead of refusing "only 700,00 open". */
static void test_alloc_open_inside_transaction(void **state)
{
	tl *t = *state;
	posted inv = tl_invoice(t->l, t->c1, "2026-06-01", "", 100000), r;
	alloc_in part = { inv.entry_id, 0, 30000 }, all = { inv.entry_id, 0, LEDGER_ALLOC_OPEN };

	tl_receipt_alloc(t->l, t->c1, "2026-06-02", 30000, &part, 1);
	r = tl_receipt_alloc(t->l, t->c1, "2026-06-03", 100000, &all, 1);
	assert_int_equal(r.credit_left, 30000);
	assert_int_equal(tl_open_of(t->l, t->c1, TL_TODAY, inv.entry_id), 0);
}

typedef struct problems {
	int n;
	char first[512];
} problems;

static void collect(const char *p, void *ud)
{
	problems *s = ud;

	if (!s->n++)
		snprintf(s->first, sizeof s->first, "%s", p);
}

static void test_audit_chain(void **state)
{
	tl *t = *state;
	problems s = { 0 };
	cart_err e = { 0 };
	int64_t n = 0;
	sqlite3 *db;

	tl_invoice(t->l, t->c1, "2026-06-01", "", 5000);
	tl_invoice(t->l, t->c1, "2026-06-02", "", 6000);
	TL_OK(ledger_check(t->l, TL_TODAY, collect, &s, &n, &e), &e);
	assert_int_equal(n, 0);
	/* behind cartera's back: drop the trigger, change row 3's detail */
	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER audit_no_update;"
	                              " UPDATE audit SET detail = 'x' WHERE id = 3", NULL, NULL, NULL),
	                 SQLITE_OK);
	TL_OK(ledger_check(t->l, TL_TODAY, collect, &s, &n, &e), &e);
	assert_int_equal(n, 1);
	assert_non_null(strstr(s.first, "audit row 3 "));
	/* put it back (the hash chain still holds) for the teardown's check */
	assert_int_equal(sqlite3_exec(db, "UPDATE audit SET detail = (SELECT number FROM documents"
	                              " WHERE id = audit.document_id) WHERE id = 3", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	s.n = 0;
	TL_OK(ledger_check(t->l, TL_TODAY, collect, &s, &n, &e), &e);
	if (n)
		print_error("%s\n", s.first);
	assert_int_equal(n, 0);
}

/* A ledger edited by hand with amounts that overflow any sum: the totals and the aging refuse
 * (CART_CORRUPT) instead of wrapping (UBSan's signed overflow in the san_ twin), and check names
 * the rows out of range. */
static int count_rows(const aging_row *r, void *ud)
{
	(void)r;
	(*(int *)ud)++;
	return 0;
}

static void test_overflow_refused(void **state)
{
	tl *t = *state;
	totals tr[LEDGER_MAX_CURRENCIES];
	problems s = { 0 };
	cart_err e = { 0 };
	int64_t n = 0;
	int nt = 0, rows = 0;
	static const int ranges[] = { 30, 60, 90 };
	sqlite3 *db;

	tl_invoice(t->l, t->c1, "2026-06-01", "", 5000);
	tl_invoice(t->l, t->c1, "2026-06-02", "", 6000);
	assert_int_equal(sqlite3_open(t->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER entries_no_update; UPDATE entries SET"
	                              " amount = 9000000000000000000, open = 9000000000000000000",
	                              NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(ledger_totals(t->l, 0, TL_TODAY, tr, &nt, &e), CART_CORRUPT);
	assert_non_null(strstr(e.msg, "too large"));
	assert_int_equal(ledger_aging(t->l, TL_TODAY, ranges, 3,
	                              count_rows, &rows, &e), CART_CORRUPT);
	TL_OK(ledger_check(t->l, TL_TODAY, collect, &s, &n, &e), &e);
	assert_true(n >= 2);
	assert_non_null(strstr(s.first, "out of range"));
	/* back as they were, for the teardown's check */
	assert_int_equal(sqlite3_exec(db, "UPDATE entries SET amount = (SELECT total FROM documents d"
	                              " WHERE d.id = entries.document_id), open = (SELECT total FROM"
	                              " documents d WHERE d.id = entries.document_id)", NULL, NULL,
	                              NULL), SQLITE_OK);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_check),
		cmocka_unit_test(test_text_escape_and_csv),
		cmocka_unit_test(test_outfile),
		cmocka_unit_test_setup_teardown(test_model_refuses_control_text, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_key_replays, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_alloc_open_inside_transaction, tl_setup,
		                                tl_teardown),
		cmocka_unit_test_setup_teardown(test_audit_chain, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_overflow_refused, tl_setup, tl_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
