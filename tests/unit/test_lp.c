/* Unit tests for src/report/lp.c (printing through the spooler for the screens): a fake lp in a
 * temporary folder put first on PATH records its arguments; with no lp, or an lp that refuses the
 * job, the message names the cause; whatever happens the file is left where it was. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cartera/lp.h"

typedef struct fx {
	char dir[64];
	char bin[96];        /* the folder PATH points at */
	char args[128];      /* what the fake lp recorded */
	char file[128];      /* the report sent */
	char *old_path, *old_printer;
} fx;

static char *dup_env(const char *name)
{
	const char *v = getenv(name);

	return v ? strdup(v) : NULL;
}

static void restore_env(const char *name, char *v)
{
	if (v)
		setenv(name, v, 1);
	else
		unsetenv(name);
	free(v);
}

static int setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	FILE *fp;

	assert_non_null(f);
	snprintf(f->dir, sizeof f->dir, "/tmp/cartera-lp.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->bin, sizeof f->bin, "%s/bin", f->dir);
	assert_int_equal(0, mkdir(f->bin, 0700));
	snprintf(f->args, sizeof f->args, "%s/args", f->dir);
	snprintf(f->file, sizeof f->file, "%s/report.pdf", f->dir);
	fp = fopen(f->file, "w");
	assert_non_null(fp);
	fputs("%PDF-1.4 a report\n", fp);
	fclose(fp);
	f->old_path = dup_env("PATH");
	f->old_printer = dup_env("PRINTER");
	setenv("PATH", f->bin, 1);
	unsetenv("PRINTER");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fx *f = *state;
	char cmd[200];

	restore_env("PATH", f->old_path);
	restore_env("PRINTER", f->old_printer);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(0, system(cmd));
	free(f);
	return 0;
}

/* A fake lp that writes its arguments on one line and exits with status. */
static void fake_lp(fx *f, int status)
{
	char path[128];
	FILE *fp;

	snprintf(path, sizeof path, "%s/lp", f->bin);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fprintf(fp, "#!/bin/sh\necho \"$@\" >'%s'\necho 'noise on stdout'\necho 'noise' >&2\n"
	        "exit %d\n", f->args, status);
	fclose(fp);
	assert_int_equal(0, chmod(path, 0700));
}

static void recorded(fx *f, char *buf, size_t size)
{
	FILE *fp = fopen(f->args, "r");

	assert_non_null(fp);
	assert_non_null(fgets(buf, (int)size, fp));
	fclose(fp);
	buf[strcspn(buf, "\n")] = '\0';
}

static void file_kept(fx *f)
{
	struct stat st;

	assert_int_equal(0, stat(f->file, &st));
	assert_int_equal(18, (int)st.st_size);  /* "%PDF-1.4 a report\n", untouched */
}

static void test_no_lp(void **state)
{
	fx *f = *state;
	cart_err e;

	assert_int_equal(CART_IO, lp_print(f->file, NULL, &e));
	assert_string_equal("the print spooler command \"lp\" was not found (Debian package "
	                    "cups-client)", e.msg);
	file_kept(f);
}

static void test_default_printer(void **state)
{
	fx *f = *state;
	char want[200], got[200];
	cart_err e;

	fake_lp(f, 0);
	assert_int_equal(CART_OK, lp_print(f->file, NULL, &e));
	recorded(f, got, sizeof got);
	assert_string_equal(f->file, got);           /* no -d: the spooler's default */
	file_kept(f);
	setenv("PRINTER", "Oficina", 1);
	assert_int_equal(CART_OK, lp_print(f->file, "", &e));
	recorded(f, got, sizeof got);
	snprintf(want, sizeof want, "-d Oficina %s", f->file);
	assert_string_equal(want, got);              /* $PRINTER when none is named */
}

static void test_named_printer(void **state)
{
	fx *f = *state;
	char want[200], got[200];
	cart_err e;

	fake_lp(f, 0);
	setenv("PRINTER", "Oficina", 1);
	assert_int_equal(CART_OK, lp_print(f->file, "Bodega", &e));
	recorded(f, got, sizeof got);
	snprintf(want, sizeof want, "-d Bodega %s", f->file);
	assert_string_equal(want, got);
}

static void test_dash_name(void **state)
{
	fx *f = *state;
	char got[200];
	cart_err e;

	fake_lp(f, 0);
	assert_int_equal(CART_OK, lp_print("-report.pdf", NULL, &e));
	recorded(f, got, sizeof got);
	assert_string_equal("./-report.pdf", got);   /* not taken for an option */
}

static void test_refused(void **state)
{
	fx *f = *state;
	cart_err e;

	fake_lp(f, 1);
	assert_int_equal(CART_IO, lp_print(f->file, "Nadie", &e));
	assert_string_equal("lp refused the job (status 1)", e.msg);
	file_kept(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_lp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_default_printer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_named_printer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dash_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
