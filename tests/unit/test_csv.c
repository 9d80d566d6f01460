/* Unit tests for src/base/csv.c (the RFC 4180 reader and writer) and src/ctl/csvclient.c (clients'
 * import and export on a temporary ledger of a Colombian company). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctl/ctl_int.h"
#include "cartera/csv.h"
#include "cartera/csvclient.h"
#include "cartera/ctl.h"
#include "testlib.h"

/* ---- reader helpers ---- */

/* Read the next record of r, which must be good, start on line and hold the n fields given. */
static void expect_record(csv_reader *r, long line, int n, ...)
{
	csv_record rec;
	cart_err e;
	va_list ap;
	int got;

	cart_clear(&e);
	got = csv_next(r, &rec, &e);
	if (got != 1)
		fail_msg("expected a record on line %ld, got %d: %s", line, got, e.msg);
	assert_int_equal(rec.line, line);
	if (rec.n != n)
		fail_msg("record on line %ld: %d fields, expected %d", line, rec.n, n);
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		const char *want = va_arg(ap, const char *);

		if (strcmp(rec.field[i], want) != 0) {
			va_end(ap);
			fail_msg("line %ld field %d: \"%s\", expected \"%s\"", line, i, rec.field[i],
			         want);
		}
		assert_int_equal(rec.len[i], strlen(want));
	}
	va_end(ap);
}

/* The next call must refuse a record with exactly this message. */
static void expect_error(csv_reader *r, const char *msg, long line, long column)
{
	csv_record rec;
	cart_err e;

	cart_clear(&e);
	assert_int_equal(csv_next(r, &rec, &e), -1);
	assert_int_equal(e.code, CART_INVALID);
	if (strncmp(e.msg, msg, strlen(msg)) != 0)
		fail_msg("message \"%s\", expected it to start \"%s\"", e.msg, msg);
	assert_int_equal(csv_last_error(r)->line, line);
	assert_int_equal(csv_last_error(r)->column, column);
}

static void expect_end(csv_reader *r)
{
	csv_record rec;
	cart_err e;

	cart_clear(&e);
	assert_int_equal(csv_next(r, &rec, &e), 0);
	/* and it stays at the end */
	assert_int_equal(csv_next(r, &rec, &e), 0);
}

static csv_reader *mem(const char *text)
{
	csv_reader *r = csv_open_mem(text, strlen(text));

	assert_non_null(r);
	return r;
}

/* ---- reader ---- */

static void test_quoted_fields(void **state)
{
	csv_reader *r = mem("a,\"b,c\",\"d\"\"e\"\r\n\"x\ny\",\"p\r\nq\",z\n\"\"\"\",\"\"\n");

	(void)state;
	expect_record(r, 1, 3, "a", "b,c", "d\"e");
	expect_record(r, 2, 3, "x\ny", "p\r\nq", "z");
	expect_record(r, 5, 2, "\"", "");
	expect_end(r);
	csv_close(r);
}

static void test_bom(void **state)
{
	csv_reader *r = mem("\xEF\xBB\xBFnombre,nit\r\nPeña,1\r\n");

	(void)state;
	expect_record(r, 1, 2, "nombre", "nit");
	expect_record(r, 2, 2, "Peña", "1");
	expect_end(r);
	csv_close(r);

	/* a mark alone is an empty file; a mark before empty lines too */
	r = mem("\xEF\xBB\xBF");
	expect_end(r);
	csv_close(r);
	r = mem("\xEF\xBB\xBF\r\n\r\nx\r\n");
	expect_record(r, 3, 1, "x");
	expect_end(r);
	csv_close(r);
	/* only at the start: later it is text (U+FEFF) */
	r = mem("a\n\xEF\xBB\xBF" "b\n");
	expect_record(r, 1, 1, "a");
	expect_record(r, 2, 1, "\xEF\xBB\xBF" "b");
	csv_close(r);
}

static void test_empty_fields(void **state)
{
	csv_reader *r = mem(",,\n\"\",x,\n,\n");

	(void)state;
	expect_record(r, 1, 3, "", "", "");
	expect_record(r, 2, 3, "", "x", "");
	expect_record(r, 3, 2, "", "");
	expect_end(r);
	csv_close(r);
}

static void test_empty_lines_skipped(void **state)
{
	csv_reader *r = mem("\n\na\r\n\r\n\nb\n\n");

	(void)state;
	expect_record(r, 3, 1, "a");
	expect_record(r, 6, 1, "b");
	expect_end(r);
	csv_close(r);
	r = mem("");
	expect_end(r);
	csv_close(r);
	/* old Macintosh line ends: a lone CR ends a line too */
	r = mem("a\r\rb,\"c\rd\"\re");
	expect_record(r, 1, 1, "a");
	expect_record(r, 3, 2, "b", "c\rd");
	expect_record(r, 5, 1, "e");
	expect_end(r);
	csv_close(r);
}

static void test_truncated_last_line(void **state)
{
	csv_reader *r = mem("a,b\nc,d");

	(void)state;
	expect_record(r, 1, 2, "a", "b");
	expect_record(r, 2, 2, "c", "d");
	expect_end(r);
	csv_close(r);
	r = mem("a\r\n\"c,d\"");
	expect_record(r, 1, 1, "a");
	expect_record(r, 2, 1, "c,d");
	expect_end(r);
	csv_close(r);
	r = mem("a,");
	expect_record(r, 1, 2, "a", "");
	expect_end(r);
	csv_close(r);
}

static void test_unterminated_quote(void **state)
{
	csv_reader *r = mem("a,b\n\"c,d\ne,f\n");

	(void)state;
	expect_record(r, 1, 2, "a", "b");
	expect_error(r, "line 2: a quoted field is not closed", 2, 0);
	expect_end(r);
	csv_close(r);
	r = mem("x,\"");
	expect_error(r, "line 1: a quoted field is not closed", 1, 0);
	expect_end(r);
	csv_close(r);
}

static void test_stray_quote(void **state)
{
	csv_reader *r = mem("a,b\"c,d\nx,y\n\"q\"z,w\r\nlast\n");

	(void)state;
	expect_error(r, "line 1, column 4: a quote inside a field", 1, 4);
	expect_record(r, 2, 2, "x", "y");
	expect_error(r, "line 3, column 4: text after the closing quote", 3, 4);
	expect_record(r, 4, 1, "last");
	expect_end(r);
	csv_close(r);
}

static void test_invalid_utf8(void **state)
{
	csv_reader *r = mem("ok,\xc3\xa9\nab,c\xff\nx\n\xc3\xb1\xc3\xa1,\xc0\xaf\n"
	                    "\xed\xa0\x80\nz\n\"a\nb\xe2\x82\"\nend\xe2\x82");

	(void)state;
	expect_record(r, 1, 2, "ok", "\xc3\xa9");
	expect_error(r, "line 2, column 5: not valid UTF-8", 2, 5);
	expect_record(r, 3, 1, "x");
	/* columns count characters: ñ and á are one each */
	expect_error(r, "line 4, column 4: not valid UTF-8", 4, 4);
	/* an encoded surrogate */
	expect_error(r, "line 5, column 1: not valid UTF-8", 5, 1);
	expect_record(r, 6, 1, "z");
	/* a cut character in a quoted field that spans lines: the line of the fault */
	expect_error(r, "line 8, column 2: not valid UTF-8", 8, 2);
	/* cut short by the end of the input */
	expect_error(r, "line 9, column 4: not valid UTF-8", 9, 4);
	expect_end(r);
	csv_close(r);
}

static void test_nul_byte(void **state)
{
	static const char text[] = "a\0b,c\nd\n";
	csv_reader *r = csv_open_mem(text, sizeof text - 1);

	(void)state;
	assert_non_null(r);
	expect_error(r, "line 1, column 2: contains a NUL byte", 1, 2);
	expect_record(r, 2, 1, "d");
	expect_end(r);
	csv_close(r);
}

static void test_record_lines(void **state)
{
	csv_reader *r = mem("\"a\nb\nc\",d\ne,f\r\n\"g\r\nh\",\"i\r\n\r\nj\"\r\nk\n");

	(void)state;
	expect_record(r, 1, 2, "a\nb\nc", "d");
	expect_record(r, 4, 2, "e", "f");
	expect_record(r, 5, 2, "g\r\nh", "i\r\n\r\nj");
	expect_record(r, 9, 1, "k");
	expect_end(r);
	csv_close(r);
}

static void test_field_limit(void **state)
{
	size_t n = CSV_MAX_FIELD + 10;
	char *big = malloc(n + 8);
	csv_reader *r;

	(void)state;
	assert_non_null(big);
	memcpy(big, "a\n", 2);
	memset(big + 2, 'x', n);
	memcpy(big + 2 + n, "\nb\n", 4);
	r = csv_open_mem(big, strlen(big));
	expect_record(r, 1, 1, "a");
	expect_error(r, "line 2: a field is longer than 1 MB", 2, 0);
	expect_end(r);
	csv_close(r);
	/* an unclosed quote eating the file stops at the limit too */
	big[2] = '"';
	r = csv_open_mem(big, strlen(big));
	expect_record(r, 1, 1, "a");
	expect_error(r, "line 2: a field is longer than 1 MB", 2, 0);
	expect_end(r);
	csv_close(r);
	free(big);
}

/* From a stream, across the reader's buffer boundaries. */
static void test_stream(void **state)
{
	FILE *fp = tmpfile();
	csv_reader *r;
	char want[64];

	(void)state;
	assert_non_null(fp);
	fputs("\xEF\xBB\xBFid,text\r\n", fp);
	for (int i = 0; i < 5000; i++)
		fprintf(fp, "%d,\"línea %d\r\nsigue, \"\"así\"\"\"\r\n", i, i);
	fputs("fin,sin salto", fp);
	rewind(fp);
	r = csv_open_file(fp);
	assert_non_null(r);
	expect_record(r, 1, 2, "id", "text");
	for (int i = 0; i < 5000; i++) {
		char id[16];

		snprintf(id, sizeof id, "%d", i);
		snprintf(want, sizeof want, "línea %d\r\nsigue, \"así\"", i);
		expect_record(r, 2 + 2 * i, 2, id, want);
	}
	expect_record(r, 10002, 2, "fin", "sin salto");
	expect_end(r);
	csv_close(r);
	fclose(fp);
}

/* ---- writer ---- */

static char *write_records(const char *const *fields, int n, int times)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	cart_err e;

	assert_non_null(fp);
	for (int i = 0; i < times; i++)
		assert_int_equal(csv_write_record(fp, fields, n, &e), CART_OK);
	fclose(fp);
	return buf;
}

static void test_writer_quoting(void **state)
{
	static const char *const f[] = {
		"plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", " lead", "trail ", "",
		"Peñalosa", "tab\tinside",
	};
	char *out = write_records(f, 10, 1);

	(void)state;
	assert_string_equal(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\","
	                    "\" lead\",\"trail \",,Peñalosa,tab\tinside\r\n");
	free(out);
}

static void test_round_trip(void **state)
{
	static const char *const f[] = {
		"", "\"", "\"\"", ",", "a\r\nb", "\n", " ", "José \"Pepe\" Peña, hijo", "ok",
	};
	char *out = write_records(f, 9, 3);
	csv_reader *r = mem(out);

	(void)state;
	for (int k = 0; k < 3; k++) {
		csv_record rec;
		cart_err e;

		assert_int_equal(csv_next(r, &rec, &e), 1);
		assert_int_equal(rec.n, 9);
		for (int i = 0; i < 9; i++)
			assert_string_equal(rec.field[i], f[i]);
	}
	expect_end(r);
	csv_close(r);
	free(out);
}

/* ---- clients: a Colombian company's ledger with no clients ---- */

typedef struct fx {
	tl *t;
	ctl c;
} fx;

static void ctl_on(ctl *c, ledger *l, const char *path)
{
	cart_err e = { 0 };

	memset(c, 0, sizeof *c);
	c->l = l;
	snprintf(c->path, sizeof c->path, "%s", path);
	TL_OK(ledger_company_get(l, &c->co, &e), &e);
	c->have_company = 1;
}

static int fx_setup(void **state)
{
	fx *x = calloc(1, sizeof *x);
	tl *t = calloc(1, sizeof *t);
	company co;
	cart_err e = { 0 };

	assert_non_null(x);
	assert_non_null(t);
	snprintf(t->dir, sizeof t->dir, "/tmp/cartera-test-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/ledger.db", t->dir);
	TL_OK(date_set_today(TL_TODAY, &e), &e);
	TL_OK(ledger_open(t->path, LEDGER_OPEN_CREATE, &t->l, &e), &e);
	ledger_set_clerk(t->l, "tester");
	company_defaults(&co); /* CO, COP, 1.234.567,89 */
	TL_OK(ledger_company_set(t->l, &co, &e), &e);
	x->t = t;
	ctl_on(&x->c, t->l, t->path);
	*state = x;
	return 0;
}

static int fx_teardown(void **state)
{
	fx *x = *state;
	void *ts = x->t;

	free(x);
	*state = NULL;
	return tl_teardown(&ts);
}

static int import_text(ctl *c, const char *text, csvclient_result *r, cart_err *e)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	int rc;

	assert_non_null(fp);
	cart_clear(e);
	rc = csvclient_import(c, fp, "clients.csv", r, e);
	fclose(fp);
	return rc;
}

static int64_t count_clients(ctl *c)
{
	int64_t n = -1;
	cart_err e = { 0 };

	TL_OK(ledger_client_count(c->l, NULL, &n, &e), &e);
	return n;
}

static client find(ctl *c, const char *ref)
{
	client cl;
	cart_err e = { 0 };

	TL_OK(ledger_client_find(c->l, ref, &cl, &e), &e);
	return cl;
}

/* The error of line (the first when several), or NULL. */
static const char *error_of(const csvclient_result *r, long line)
{
	for (int i = 0; i < r->errors.n; i++)
		if (r->errors.msg[i].line == line)
			return r->errors.msg[i].text;
	return NULL;
}

static void assert_error(const csvclient_result *r, long line, const char *needle)
{
	const char *m = error_of(r, line);

	if (!m)
		fail_msg("no error reported for line %ld", line);
	if (!strstr(m, needle))
		fail_msg("line %ld: \"%s\" does not say \"%s\"", line, m, needle);
}

static void test_import_good(void **state)
{
	fx *x = *state;
	csvclient_result r;
	cart_err e;
	client cl;

	TL_OK(import_text(&x->c,
		"name,tax_id,taxpayer_type,receiver_type,email,phone,terms_days,credit_limit,active\r\n"
		"Grupo Uno SA,890.903.938,legal,taxpayer,cobros@uno.co,604 4440000,45,1500000.00,yes\r\n"
		"Dos Servicios SAS,899999068-1,,,,,,,\r\n"
		"\"Peñalosa, José\",,natural,final,,,0,,no\r\n"
		",,,,,,,,\r\n"
		"Ministerio de Obras,800197268,legal,government,,,,\"2.500.000,50\",si\r\n",
		&r, &e), &e);
	assert_int_equal(r.imported, 4);
	assert_int_equal(r.rows, 4);
	assert_int_equal(r.errors.n, 0);
	assert_int_equal(count_clients(&x->c), 4);

	cl = find(&x->c, "890903938");
	assert_string_equal(cl.name, "Grupo Uno SA");
	assert_string_equal(cl.tax_id, "890903938");
	assert_string_equal(cl.dv, "8");
	assert_int_equal(cl.terms_days, 45);
	assert_int_equal(cl.credit_limit, 150000000);
	assert_string_equal(cl.email, "cobros@uno.co");
	assert_string_equal(cl.phone, "604 4440000");
	assert_int_equal(cl.taxpayer_type, TAXPAYER_LEGAL);
	assert_int_equal(cl.active, 1);

	cl = find(&x->c, "899999068");
	assert_string_equal(cl.dv, "1");
	assert_int_equal(cl.terms_days, 30);
	assert_int_equal(cl.credit_limit, 0);
	assert_int_equal(cl.receiver_type, RECEIVER_TAXPAYER);

	cl = find(&x->c, "Peñalosa, José");
	assert_string_equal(cl.tax_id, "");
	assert_int_equal(cl.taxpayer_type, TAXPAYER_NATURAL);
	assert_int_equal(cl.receiver_type, RECEIVER_FINAL);
	assert_int_equal(cl.terms_days, 0);
	assert_int_equal(cl.active, 0);

	/* the company's own format as a fallback: 2.500.000,50 */
	cl = find(&x->c, "Ministerio de Obras");
	assert_string_equal(cl.dv, "4");
	assert_int_equal(cl.receiver_type, RECEIVER_GOVERNMENT);
	assert_int_equal(cl.credit_limit, 250000050);
	csvclient_result_free(&r);
}

static void test_import_bad_rows(void **state)
{
	fx *x = *state;
	csvclient_result r;
	cart_err e;

	tl_client(x->t, "Cliente Previo", 30);
	assert_int_equal(import_text(&x->c,
		"name,nit,dv\n"
		"Bueno SAS,890903938,8\n"
		"Mal DV SAS,899999068,3\n"
		",800197268,\n"
		"Tres SAS,860002964,\n"
		"\"Repetido, SAS\",860.002.964,\n"
		"Cuatro SAS,900123456,\n",
		&r, &e), CART_INVALID);
	assert_int_equal(r.imported, 0);
	assert_int_equal(r.rows, 6);
	assert_int_equal(r.errors.n, 3);
	assert_int_equal(r.errors.n_more, 0);
	assert_error(&r, 3, "DV 3, expected 1");
	assert_error(&r, 4, "the name is missing");
	assert_error(&r, 6, "860002964 is also on line 5");
	/* in line order */
	assert_int_equal(r.errors.msg[0].line, 3);
	assert_int_equal(r.errors.msg[1].line, 4);
	assert_int_equal(r.errors.msg[2].line, 6);
	assert_non_null(strstr(e.msg, "clients.csv: 3 bad lines"));
	assert_non_null(strstr(e.msg, "nothing was imported"));
	/* nothing added: the good rows neither */
	assert_int_equal(count_clients(&x->c), 1);
	csvclient_result_free(&r);
}

static void test_import_more_problems(void **state)
{
	fx *x = *state;
	csvclient_result r;
	cart_err e;
	client cl;
	taxid_check tc;

	client_defaults(&cl);
	snprintf(cl.name, sizeof cl.name, "Grupo Uno SA");
	snprintf(cl.tax_id, sizeof cl.tax_id, "890903938");
	cl.taxpayer_type = TAXPAYER_LEGAL;
	TL_OK(ctl_client_add(&x->c, &cl, &tc, &e), &e);
	assert_int_equal(import_text(&x->c,
		"name,tax_id,terms_days,credit_limit,taxpayer_type,receiver_type,charge_mode,active\n"
		"Copia SA,890903938-8,,,,,,\n"
		"Corta SA,899999068\n"
		"Plazo SA,899999068,3651,,,,,\n"
		"Cupo SA,800197268,,-5,,,,\n"
		"Cupo2 SA,860002964,,mucho,,,,\n"
		"Tipo SA,900123456,,,rara,,,\n"
		"Receptor SA,,,,,alien,,\n"
		"Modo SA,,,,,final,cash,\n"
		"Activo SA,,,,,final,,quizas\n"
		"Sin NIT SA,,,,,,,\n"
		"\"Nombre\nen dos\",,,,,final,,\n",
		&r, &e), CART_INVALID);
	assert_error(&r, 2, "tax id 890903938 already belongs to client 1, Grupo Uno SA");
	assert_error(&r, 3, "2 fields where the header has 8");
	assert_error(&r, 4, "payment terms \"3651\"");
	assert_error(&r, 5, "negative");
	assert_error(&r, 6, "credit limit \"mucho\" is not an amount");
	assert_error(&r, 7, "taxpayer type \"rara\"");
	assert_error(&r, 8, "receiver type \"alien\"");
	assert_error(&r, 9, "charge mode \"cash\"");
	assert_error(&r, 10, "active \"quizas\"");
	assert_error(&r, 11, "needs a tax id");
	assert_error(&r, 12, "line break");
	assert_int_equal(r.errors.n, 11);
	assert_int_equal(count_clients(&x->c), 1);
	csvclient_result_free(&r);
}

static void test_import_aliases(void **state)
{
	fx *x = *state;
	csvclient_result r;
	cart_err e;
	client cl;

	TL_OK(import_text(&x->c,
		"\xEF\xBB\xBF Correo ,NIT,Razón Social,Plazo (días),Cupo,Celular,Dirección,"
		"Tipo de persona,ACTIVO,Teléfono,Observaciones,Ubicación,DV\r\n"
		"ventas@andes.co,890903938,Andes Ltda,60,1000000,300 1234567,\"Cra 7 # 1-2, of. 3\","
		"Jurídica,Sí,601 555,\"dice \"\"hola\"\"\",Bogotá,8\r\n",
		&r, &e), &e);
	assert_int_equal(r.imported, 1);
	cl = find(&x->c, "Andes Ltda");
	assert_string_equal(cl.email, "ventas@andes.co");
	assert_string_equal(cl.tax_id, "890903938");
	assert_string_equal(cl.dv, "8");
	assert_int_equal(cl.terms_days, 60);
	assert_int_equal(cl.credit_limit, 100000000);
	assert_string_equal(cl.mobile, "300 1234567");
	assert_string_equal(cl.address, "Cra 7 # 1-2, of. 3");
	assert_int_equal(cl.taxpayer_type, TAXPAYER_LEGAL);
	assert_int_equal(cl.active, 1);
	assert_string_equal(cl.phone, "601 555");
	assert_string_equal(cl.notes, "dice \"hola\"");
	assert_string_equal(cl.location, "Bogotá");
	csvclient_result_free(&r);
}

static void test_import_header_problems(void **state)
{
	fx *x = *state;
	csvclient_result r;
	cart_err e;

	assert_int_equal(import_text(&x->c, "nit,telefono\n890903938,1\n", &r, &e), CART_INVALID);
	assert_error(&r, 1, "there is no name column");
	assert_int_equal(r.errors.n, 1);
	csvclient_result_free(&r);

	assert_int_equal(import_text(&x->c, "\n\nname,foo,tax_id,Bar Baz\nA,1,890903938,2\n", &r, &e),
	                 CART_INVALID);
	assert_error(&r, 3, "unknown columns \"foo\", \"Bar Baz\"");
	csvclient_result_free(&r);

	assert_int_equal(import_text(&x->c, "nombre,nit,ruc\nA,1,2\n", &r, &e), CART_INVALID);
	assert_error(&r, 1, "columns 2 and 3 both give the tax id");
	csvclient_result_free(&r);

	/* a spreadsheet saved with ';' between the columns */
	assert_int_equal(import_text(&x->c, "nombre;nit\nA;890903938\n", &r, &e), CART_INVALID);
	assert_error(&r, 1, "separated by ';'");
	assert_null(strstr(r.errors.msg[0].text, "no name column"));
	csvclient_result_free(&r);

	assert_int_equal(import_text(&x->c, "\r\n\r\n", &r, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "clients.csv is empty"));
	csvclient_result_free(&r);

	/* an empty header cell is allowed while its values are empty */
	assert_int_equal(import_text(&x->c, "name,,receiver_type\nA,,final\nB,x,final\n", &r, &e),
	                 CART_INVALID);
	assert_null(error_of(&r, 2));
	assert_error(&r, 3, "column 2 has a value but no name in the header");
	csvclient_result_free(&r);

	/* only a header: nothing to add, and that is no error */
	TL_OK(import_text(&x->c, "name,tax_id\r\n", &r, &e), &e);
	assert_int_equal(r.imported, 0);
	csvclient_result_free(&r);
	assert_int_equal(count_clients(&x->c), 0);
}

static void test_import_csv_errors(void **state)
{
	fx *x = *state;
	csvclient_result r;
	cart_err e;

	assert_int_equal(import_text(&x->c,
		"name,receiver_type\n"
		"Pe\xf1" "a,final\n"
		"Bien,final\n"
		"Mal\"comilla,final\n"
		"\"Abierta,final\n"
		"Otra,final\n",
		&r, &e), CART_INVALID);
	assert_error(&r, 2, "column 3: not valid UTF-8");
	assert_error(&r, 4, "column 4: a quote inside a field");
	assert_error(&r, 5, "a quoted field is not closed");
	assert_int_equal(r.errors.n, 3);
	assert_int_equal(count_clients(&x->c), 0);
	csvclient_result_free(&r);
}

/* Past CSVCLIENT_MAX_MSGS bad lines the rest are counted. */
static void test_import_many_errors(void **state)
{
	fx *x = *state;
	csvclient_result r;
	cart_err e;
	size_t cap = 64 * 1024, len = 0;
	char *text = malloc(cap);

	assert_non_null(text);
	len += (size_t)snprintf(text + len, cap - len, "name,tax_id\n");
	for (int i = 0; i < 1200; i++)
		len += (size_t)snprintf(text + len, cap - len, "C%d,12\n", i);
	assert_int_equal(import_text(&x->c, text, &r, &e), CART_INVALID);
	assert_int_equal(r.errors.n, CSVCLIENT_MAX_MSGS);
	assert_int_equal(r.errors.n_more, 200);
	assert_int_equal(r.errors.msg[999].line, 1001);
	assert_non_null(strstr(e.msg, "1200 bad lines"));
	csvclient_result_free(&r);
	free(text);
}

static void test_import_warning(void **state)
{
	fx *x = *state;
	csvclient_result r;
	cart_err e;
	company co = x->c.co;

	snprintf(co.country, sizeof co.country, "MX");
	snprintf(co.currency, sizeof co.currency, "MXN");
	TL_OK(ctl_company_set(&x->c, &co, &e), &e);
	TL_OK(import_text(&x->c, "name,rfc\nSAT SA,SAT970701NN4\nCFE,CFE370814QI0\n", &r, &e), &e);
	assert_int_equal(r.imported, 2);
	assert_int_equal(r.warnings.n, 1);
	assert_int_equal(r.warnings.msg[0].line, 2);
	assert_true(r.warnings.msg[0].text[0] != '\0');
	csvclient_result_free(&r);
}

/* ---- export, and back ---- */

static void add(ctl *c, const client *in)
{
	client cl = *in;
	taxid_check tc;
	cart_err e = { 0 };

	TL_OK(ctl_client_add(c, &cl, &tc, &e), &e);
}

static char *export_text(ctl *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	cart_err e = { 0 };

	assert_non_null(fp);
	TL_OK(csvclient_export(c, fp, &e), &e);
	fclose(fp);
	return buf;
}

#define MAX_LIST 16

typedef struct all {
	int n;
	client c[MAX_LIST];
} all;

static int all_cb(const client_row *row, void *ud)
{
	all *a = ud;

	if (a->n < MAX_LIST && (a->n == 0 || a->c[a->n - 1].id != row->c->id))
		a->c[a->n++] = *row->c;
	return 0;
}

static void list_all(ledger *l, all *a)
{
	cart_err e = { 0 };

	memset(a, 0, sizeof *a);
	TL_OK(ledger_client_list(l, NULL, 0, 0, all_cb, a, &e), &e);
}

static void test_export_round_trip(void **state)
{
	fx *x = *state;
	client cl;
	char *out, path[160], header[300];
	ledger *l2;
	ctl c2;
	company co;
	csvclient_result r;
	cart_err e = { 0 };
	all a, b;
	FILE *fp;

	client_defaults(&cl);
	cl.taxpayer_type = TAXPAYER_LEGAL;
	snprintf(cl.name, sizeof cl.name, "Grupo Uno SA");
	snprintf(cl.tax_id, sizeof cl.tax_id, "890903938");
	snprintf(cl.email, sizeof cl.email, "cobros@uno.co, pagos@uno.co");
	snprintf(cl.phone, sizeof cl.phone, "604 4440000");
	snprintf(cl.mobile, sizeof cl.mobile, "300 1234567");
	snprintf(cl.address, sizeof cl.address, "Cra. 43A # 1-50, Torre 2\nPiso 3");
	snprintf(cl.location, sizeof cl.location, "Medellín, Antioquia");
	snprintf(cl.notes, sizeof cl.notes, "Paga los \"viernes\"\r\nllamar antes");
	cl.terms_days = 45;
	cl.credit_limit = 150000000;
	cl.charge_mode = CHARGE_BOTH;
	add(&x->c, &cl);

	client_defaults(&cl);
	snprintf(cl.name, sizeof cl.name, "Peñalosa, José");
	cl.taxpayer_type = TAXPAYER_NATURAL;
	cl.receiver_type = RECEIVER_FINAL;
	cl.terms_days = 0;
	cl.charge_mode = CHARGE_NONE;
	cl.active = 0;
	add(&x->c, &cl);

	client_defaults(&cl);
	cl.taxpayer_type = TAXPAYER_LEGAL;
	snprintf(cl.name, sizeof cl.name, "Ministerio de Obras");
	snprintf(cl.tax_id, sizeof cl.tax_id, "899999068");
	cl.receiver_type = RECEIVER_GOVERNMENT;
	cl.charge_mode = CHARGE_EXPENSES;
	cl.credit_limit = 1;
	add(&x->c, &cl);

	client_defaults(&cl);
	cl.taxpayer_type = TAXPAYER_LEGAL;
	snprintf(cl.name, sizeof cl.name, "ACME Inc.");
	snprintf(cl.tax_id, sizeof cl.tax_id, "US-12-3456789");
	cl.receiver_type = RECEIVER_FOREIGN;
	cl.terms_days = 3650;
	add(&x->c, &cl);

	out = export_text(&x->c);
	snprintf(header, sizeof header, "id,name,tax_id,dv,taxpayer_type,receiver_type,email,phone,"
	         "mobile,address,location,terms_days,credit_limit,charge_mode,active,notes,curp\r\n");
	assert_int_equal(strncmp(out, header, strlen(header)), 0);
	assert_non_null(strstr(out, "\r\n3,Ministerio de Obras,899999068,1,legal,government,,,,,,"
	                       "30,0.01,expenses,yes,,\r\n"));
	assert_non_null(strstr(out, ",\"Peñalosa, José\",,,natural,final,,,,,,0,0.00,none,no,,\r\n"));

	/* into a fresh ledger of the same company */
	snprintf(path, sizeof path, "%s/other.db", x->t->dir);
	TL_OK(ledger_open(path, LEDGER_OPEN_CREATE, &l2, &e), &e);
	company_defaults(&co);
	TL_OK(ledger_company_set(l2, &co, &e), &e);
	ctl_on(&c2, l2, path);
	fp = fmemopen(out, strlen(out), "r");
	assert_non_null(fp);
	TL_OK(csvclient_import(&c2, fp, "export.csv", &r, &e), &e);
	fclose(fp);
	assert_int_equal(r.imported, 4);
	csvclient_result_free(&r);

	list_all(x->c.l, &a);
	list_all(l2, &b);
	assert_int_equal(a.n, 4);
	assert_int_equal(b.n, 4);
	for (int i = 0; i < a.n; i++) {
		const client *p = &a.c[i], *q = &b.c[i];

		assert_string_equal(p->name, q->name);
		assert_string_equal(p->tax_id, q->tax_id);
		assert_string_equal(p->dv, q->dv);
		assert_int_equal(p->taxpayer_type, q->taxpayer_type);
		assert_int_equal(p->receiver_type, q->receiver_type);
		assert_string_equal(p->email, q->email);
		assert_string_equal(p->phone, q->phone);
		assert_string_equal(p->mobile, q->mobile);
		assert_string_equal(p->address, q->address);
		assert_string_equal(p->location, q->location);
		assert_int_equal(p->terms_days, q->terms_days);
		assert_int_equal(p->credit_limit, q->credit_limit);
		assert_int_equal(p->charge_mode, q->charge_mode);
		assert_int_equal(p->active, q->active);
		assert_string_equal(p->notes, q->notes);
	}
	/* and importing the same file again is refused: every tax id is taken */
	fp = fmemopen(out, strlen(out), "r");
	assert_non_null(fp);
	assert_int_equal(csvclient_import(&c2, fp, "export.csv", &r, &e), CART_INVALID);
	fclose(fp);
	assert_int_equal(r.errors.n, 3);
	assert_non_null(strstr(r.errors.msg[0].text, "already belongs to client"));
	csvclient_result_free(&r);
	list_all(l2, &b);
	assert_int_equal(b.n, 4);

	ledger_close(l2);
	unlink(path);
	snprintf(path, sizeof path, "%s/other.db-wal", x->t->dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/other.db-shm", x->t->dir);
	unlink(path);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoted_fields),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_empty_lines_skipped),
		cmocka_unit_test(test_truncated_last_line),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_stray_quote),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_record_lines),
		cmocka_unit_test(test_field_limit),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_writer_quoting),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test_setup_teardown(test_import_good, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_import_bad_rows, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_import_more_problems, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_import_aliases, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_import_header_problems, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_import_csv_errors, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_import_many_errors, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_import_warning, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(test_export_round_trip, fx_setup, fx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
