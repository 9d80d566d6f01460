/* Unit tests for src/base/output.c: display widths, cutting, and whole tables in text, CSV and JSON
 * rendered into memory and compared byte for byte. Runs under any locale: widths are our own. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/output.h"

#define NCOLS 3

static const out_col cols[NCOLS] = {
	{ "Code", 6, 0, 0 },
	{ "Name", 20, 0, 0 },
	{ "Balance", 12, 1, 1 },
};

/* Render a whole table into a string the caller frees. */
static char *render(int format, const out_col *c, int ncols, const char *const (*rows)[NCOLS],
		    int nrows)
{
	out_table t;
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	int i;

	assert_non_null(fp);
	out_begin(&t, fp, format, c, ncols);
	for (i = 0; i < nrows; i++)
		out_row(&t, rows[i]);
	out_end(&t);
	assert_int_equal(t.rows, nrows);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(strlen(text), len);
	return text;
}

static void render_is(int format, const char *const (*rows)[NCOLS], int nrows, const char *want)
{
	char *got = render(format, cols, NCOLS, rows, nrows);

	assert_string_equal(got, want);
	free(got);
}

static void test_format_parse(void **state)
{
	(void)state;
	assert_int_equal(out_format_parse("text"), OUT_TEXT);
	assert_int_equal(out_format_parse("csv"), OUT_CSV);
	assert_int_equal(out_format_parse("json"), OUT_JSON);
	assert_int_equal(out_format_parse("JSON"), -1);
	assert_int_equal(out_format_parse("xml"), -1);
	assert_int_equal(out_format_parse(""), -1);
	assert_int_equal(out_format_parse(NULL), -1);
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width(""), 0);
	assert_int_equal(utf8_width(NULL), 0);
	assert_int_equal(utf8_width("abc"), 3);
	assert_int_equal(utf8_width("Peñalosa Muñoz, José"), 20);
	/* e + COMBINING ACUTE ACCENT (U+0301) is one column, as is the precomposed é. */
	assert_int_equal(utf8_width("Jose\xcc\x81"), 4);
	assert_int_equal(utf8_width("\xcc\x80\xcd\xaf"), 0);	/* U+0300, U+036F */
	assert_int_equal(utf8_width("\xcd\xb0"), 1);		/* U+0370, past the range */
	assert_int_equal(utf8_width("東京商事"), 8);
	assert_int_equal(utf8_width("한국"), 4);
	assert_int_equal(utf8_width("ｶﾀｶﾅ"), 4);	/* halfwidth katakana: narrow */
	assert_int_equal(utf8_width("ＡＢ"), 4);	/* fullwidth Latin: wide */
	assert_int_equal(utf8_width("\xf0\xa0\x80\x80"), 2);	/* U+20000, CJK extension B */
	assert_int_equal(utf8_width("…"), 1);
	assert_int_equal(utf8_width("€100"), 4);
	/* Invalid bytes count one column each: a stray Latin-1 byte, an overlong "/", a lone
	 * continuation byte, a surrogate, and a sequence cut short by the end of the text. */
	assert_int_equal(utf8_width("Pe\xf1" "a"), 4);
	assert_int_equal(utf8_width("\xc0\xaf"), 2);
	assert_int_equal(utf8_width("\x80"), 1);
	assert_int_equal(utf8_width("\xed\xa0\x80"), 3);
	assert_int_equal(utf8_width("a\xe6\x9d"), 3);
}

static void fit_is(const char *s, int width, int right, const char *want)
{
	char buf[4 * 40 + 1];
	int n;

	assert_true(width <= 40);
	memset(buf, 'Z', sizeof buf);
	n = utf8_fit(s, width, right, buf);
	assert_string_equal(buf, want);
	assert_int_equal(n, (int)strlen(want));
	assert_true(n <= 4 * width);
	if (width > 0)
		assert_int_equal(utf8_width(buf), width);
}

/* Scrolling a line sideways (the report screens' Left / Right) skips display columns, never
 * half a character, and an accent goes with its letter. */
static void test_skip(void **state)
{
	(void)state;
	assert_string_equal(utf8_skip("Peñalosa", 0), "Peñalosa");
	assert_string_equal(utf8_skip("Peñalosa", 3), "alosa");
	assert_string_equal(utf8_skip("Peñalosa", 2), "ñalosa");
	assert_string_equal(utf8_skip("Peñalosa", 8), "");
	assert_string_equal(utf8_skip("Peñalosa", 50), "");
	assert_string_equal(utf8_skip(NULL, 3), "");
	/* "José" with a combining acute: skipping 4 columns takes the accent too */
	assert_string_equal(utf8_skip("Jose\xcc\x81 Nun\xcc\x83" "ez", 4), " Nun\xcc\x83" "ez");
	assert_string_equal(utf8_skip("Jose\xcc\x81 Nun\xcc\x83" "ez", 8), "ez");
	/* a wide character straddling the edge is skipped whole */
	assert_string_equal(utf8_skip("東京商事", 1), "京商事");
	assert_string_equal(utf8_skip("東京商事", 2), "京商事");
	assert_int_equal(utf8_width(utf8_skip("1.234,56  7.890,12", 10)), 8);
}

static void test_fit(void **state)
{
	(void)state;
	fit_is("abc", 5, 0, "abc  ");
	fit_is("abc", 5, 1, "  abc");
	fit_is("abc", 3, 0, "abc");
	fit_is("abcd", 3, 0, "ab…");
	fit_is("abcd", 3, 1, "ab…");
	fit_is("abcd", 1, 0, "…");
	fit_is("abcd", 0, 0, "");
	fit_is("", 3, 0, "   ");
	fit_is(NULL, 2, 1, "  ");
	fit_is("Peñalosa Muñoz, José", 20, 0, "Peñalosa Muñoz, José");
	fit_is("Peñalosa Muñoz, José", 10, 0, "Peñalosa …");
	fit_is("Peñalosa Muñoz, José", 15, 0, "Peñalosa Muñoz…");
	/* The combining accent stays with its letter, and is not counted as a column. */
	fit_is("Jose\xcc\x81 Nun\xcc\x83" "ez", 12, 0, "Jose\xcc\x81 Nun\xcc\x83" "ez  ");
	fit_is("Jose\xcc\x81 Nun\xcc\x83" "ez", 8, 0, "Jose\xcc\x81 Nu…");
	fit_is("Jose\xcc\x81 Nun\xcc\x83" "ez", 4, 0, "Jos…");
	/* A wide character that does not fit before the ellipsis leaves a blank column. */
	fit_is("東京商事", 8, 0, "東京商事");
	fit_is("東京商事", 5, 0, "東京…");
	fit_is("東京商事", 4, 0, "東… ");
	fit_is("東京商事", 4, 1, " 東…");
	fit_is("東京商事", 2, 0, "… ");
	fit_is("東京商事", 10, 1, "  東京商事");
	/* A newline in a name must not break the table; invalid bytes show as "?". */
	fit_is("a\nb\tc", 6, 0, "a b c ");
	fit_is("Pe\xf1" "a", 5, 0, "Pe?a ");
	/* Combining marks piled on one letter are kept only up to 4 bytes per column, the room the
	 * header promises is enough. */
	fit_is("e\xcc\x81\xcc\x82\xcc\x83\xcc\x84", 1, 0, "e\xcc\x81");
	fit_is("ab\xcc\x81\xcc\x82\xcc\x83", 2, 0, "ab\xcc\x81\xcc\x82\xcc\x83");
}

static const char *const client_rows[][NCOLS] = {
	{ "C001", "Peñalosa Muñoz, José", "1,234.56" },
	{ "C002", "García", "-50.00" },
	{ "C003", "Nombre demasiado largo para la columna", "0.00" },
	{ "C004", "東京商事", "10.00" },
	{ "C005", "Jose\xcc\x81 Nun\xcc\x83" "ez", "12,345,678,901.00" },
	{ "C006", NULL, "" },
};

static void test_text(void **state)
{
	(void)state;
	/* Names line up by display width whatever their byte length; no line ends in blanks; an
	 * amount wider than its column is shown whole rather than cut. */
	render_is(OUT_TEXT, client_rows, 6,
		  "Code    Name                       Balance\n"
		  "------  --------------------  ------------\n"
		  "C001    Peñalosa Muñoz, José      1,234.56\n"
		  "C002    García                      -50.00\n"
		  "C003    Nombre demasiado la…          0.00\n"
		  "C004    東京商事                     10.00\n"
		  "C005    Jose\xcc\x81 Nun\xcc\x83" "ez            12,345,678,901.00\n"
		  "C006\n");
}

static void test_text_empty(void **state)
{
	(void)state;
	render_is(OUT_TEXT, NULL, 0,
		  "Code    Name                       Balance\n"
		  "------  --------------------  ------------\n");
}

static void test_text_narrow_header(void **state)
{
	static const out_col narrow[2] = {
		{ "Description", 5, 0, 0 },
		{ "Amount", 4, 1, 0 },
	};
	static const char *const rows[][NCOLS] = {
		{ "Invoice 7", "1.00", NULL },
		{ "Pago", "12.50", NULL },
	};
	char *got = render(OUT_TEXT, narrow, 2, rows, 2);

	(void)state;
	assert_string_equal(got,
			    "Desc…  Amo…\n"
			    "-----  ----\n"
			    "Invo…  1.00\n"
			    "Pago   12.50\n");
	free(got);
}

static void test_csv(void **state)
{
	static const char *const rows[][NCOLS] = {
		{ "C001", "Peñalosa Muñoz, José", "1234.56" },
		{ "C002", "Smith, \"Bob\"\nJr.", "-50.00" },
		{ "C003", "line\rbreak", "" },
		{ "C004", "plain \"quote\"", NULL },
		{ "C005", "  spaces kept  ", "0.00" },
	};

	(void)state;
	render_is(OUT_CSV, rows, 5,
		  "Code,Name,Balance\r\n"
		  "C001,\"Peñalosa Muñoz, José\",1234.56\r\n"
		  "C002,\"Smith, \"\"Bob\"\"\nJr.\",-50.00\r\n"
		  "C003,\"line\rbreak\",\r\n"
		  "C004,\"plain \"\"quote\"\"\",\r\n"
		  "C005,  spaces kept  ,0.00\r\n");
}

static void test_csv_empty(void **state)
{
	(void)state;
	render_is(OUT_CSV, NULL, 0, "Code,Name,Balance\r\n");
}

static void test_json(void **state)
{
	static const char *const rows[][NCOLS] = {
		{ "C001", "Peñalosa Muñoz, José", "1234.56" },
		{ "C002", "say \"hi\" \\ back\ttab\nnl\x01\x1f", "-50.00" },
		{ "C003", "東京商事", "" },
		{ "C004", NULL, "12,50" },
		{ "C005", "Pe\xf1" "a", "0" },
		{ "C006", "/ and \x7f stay", "1e3" },
	};

	(void)state;
	render_is(OUT_JSON, rows, 6,
		  "[\n"
		  "  {\"Code\": \"C001\", \"Name\": \"Peñalosa Muñoz, José\", "
		  "\"Balance\": 1234.56},\n"
		  "  {\"Code\": \"C002\", \"Name\": \"say \\\"hi\\\" \\\\ back\\u0009tab\\u000anl"
		  "\\u0001\\u001f\", \"Balance\": -50.00},\n"
		  "  {\"Code\": \"C003\", \"Name\": \"東京商事\", \"Balance\": null},\n"
		  "  {\"Code\": \"C004\", \"Name\": null, \"Balance\": \"12,50\"},\n"
		  "  {\"Code\": \"C005\", \"Name\": \"Pe\\ufffda\", \"Balance\": 0},\n"
		  "  {\"Code\": \"C006\", \"Name\": \"/ and \x7f stay\", \"Balance\": 1e3}\n"
		  "]\n");
}

static void test_json_empty(void **state)
{
	(void)state;
	render_is(OUT_JSON, NULL, 0, "[]\n");
}

/* Only text that is a JSON number literal goes out unquoted; anything else stays a string so
 * the document remains valid. */
static void test_json_numbers(void **state)
{
	static const out_col num[1] = { { "n", 4, 1, 1 } };
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "0", "0" }, { "-0.5", "-0.5" }, { "12.50", "12.50" }, { "1E+9", "1E+9" },
		{ "2.5e-3", "2.5e-3" }, { "007", "\"007\"" }, { "+1", "\"+1\"" },
		{ ".5", "\".5\"" }, { "1.", "\"1.\"" }, { "-", "\"-\"" }, { "1e", "\"1e\"" },
		{ "1,234.00", "\"1,234.00\"" }, { "NaN", "\"NaN\"" }, { " 1", "\" 1\"" },
	};
	char want[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *const row[NCOLS] = { cases[i].in, NULL, NULL };
		char *got = render(OUT_JSON, num, 1, &row, 1);

		snprintf(want, sizeof want, "[\n  {\"n\": %s}\n]\n", cases[i].out);
		assert_string_equal(got, want);
		free(got);
	}
}

/* Output into a fixed buffer, the other way a caller may capture it. */
static void test_fmemopen(void **state)
{
	static const out_col one[1] = { { "Name", 8, 0, 0 } };
	static const char *const rows[][NCOLS] = { { "Muñoz", NULL, NULL } };
	char buf[128];
	out_table t;
	FILE *fp;

	(void)state;
	memset(buf, 0, sizeof buf);
	fp = fmemopen(buf, sizeof buf, "w");
	assert_non_null(fp);
	out_begin(&t, fp, OUT_TEXT, one, 1);
	out_row(&t, rows[0]);
	out_end(&t);
	assert_int_equal(fclose(fp), 0);
	assert_string_equal(buf, "Name\n--------\nMuñoz\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_skip),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_text_empty),
		cmocka_unit_test(test_text_narrow_header),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_csv_empty),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_empty),
		cmocka_unit_test(test_json_numbers),
		cmocka_unit_test(test_fmemopen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
