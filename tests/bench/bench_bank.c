/* The bank statement benchmark behind `make bench` (SPEC I3): a demo ledger of 50,000 clients
 * (200,000 invoices by default; --reuse keeps one already built), a CSV statement of 20,000
 * credit lines written from it — a fifth each: the client's tax id in the description with an
 * open charge's exact amount, a document number in the reference with part of its open amount,
 * an exact open amount and nothing else, the client's name, and money nobody owes — imported
 * through ctl_bank_import_file: reading, adding the lines and proposing a match for each, timed
 * wall and CPU (target: under 2 s). Then how many lines got each kind of proposal, and
 * ledger_check, which must find 0 problems. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl.h"
#include "cartera/ctl_bank.h"
#include "cartera/demo.h"

static double clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void machine(void)
{
	char line[256], model[200] = "?";
	FILE *f = fopen("/proc/cpuinfo", "r");
	double load[3] = { 0, 0, 0 };

	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "model name", 10)) {
			char *p = strchr(line, ':');

			snprintf(model, sizeof model, "%.150s", p ? p + 2 : line);
			model[strcspn(model, "\n")] = '\0';
			break;
		}
	if (f)
		fclose(f);
	getloadavg(load, 3);
	printf("machine: %ld CPUs (nproc), %s, load %.2f %.2f %.2f, SQLite %s\n",
	       sysconf(_SC_NPROCESSORS_ONLN), model, load[0], load[1], load[2], sqlite3_libversion());
}

/* 20,000 lines from the ledger's open charges, spread over the clients by a fixed stride. */
static int write_statement(const char *db, const char *csv, long lines)
{
	static const char sql[] =
		"SELECT c.tax_id, c.name, d.number, e.open FROM entries e JOIN documents d ON"
		" d.id = e.document_id JOIN clients c ON c.id = e.client_id WHERE e.side = 'D' AND"
		" e.open > 0 AND e.n_inst = 0 AND e.currency = 'COP' ORDER BY (e.id * 7919) % 100003"
		" LIMIT ?1";
	sqlite3 *h;
	sqlite3_stmt *s;
	FILE *f = fopen(csv, "w");
	long i = 0;

	if (!f || sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench_bank: cannot read %s\n", db);
		return -1;
	}
	sqlite3_bind_int64(s, 1, lines);
	fprintf(f, "Fecha;Descripcion;Referencia;Valor\n");
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *tax = (const char *)sqlite3_column_text(s, 0);
		const char *name = (const char *)sqlite3_column_text(s, 1);
		const char *num = (const char *)sqlite3_column_text(s, 2);
		long long open = sqlite3_column_int64(s, 3), part = open / 2 > 0 ? open / 2 : open;
		int day = (int)(i % 28) + 1;

		switch (i % 5) {
		case 0:
			fprintf(f, "%02d/06/2026;PAGO PROVEEDOR NIT %s;TR%ld;%lld,%02lld\n", day, tax, i,
			        open / 100, open % 100);
			break;
		case 1:
			fprintf(f, "%02d/06/2026;ABONO;%s;%lld,%02lld\n", day, num, part / 100, part % 100);
			break;
		case 2:
			fprintf(f, "%02d/06/2026;TRANSFERENCIA RECIBIDA;T%ld;%lld,%02lld\n", day, i,
			        open / 100, open % 100);
			break;
		case 3:
			fprintf(f, "%02d/06/2026;\"PAGO %s\";;%lld,%02lld\n", day, name, part / 100,
			        part % 100);
			break;
		default:
			fprintf(f, "%02d/06/2026;CONSIGNACION %ld;;%ld,%02ld\n", day, i, 1000 + i, i % 100);
		}
		i++;
	}
	sqlite3_finalize(s);
	sqlite3_close(h);
	if (fclose(f) || i < lines) {
		fprintf(stderr, "bench_bank: the ledger has only %ld open charges\n", i);
		return -1;
	}
	return 0;
}

typedef struct kinds {
	long proposed, certain, unmatched;
} kinds;

static int count_cb(const bank_line *ln, void *ud)
{
	kinds *k = ud;

	if (!ln->client_id)
		k->unmatched++;
	else
		k->proposed++;
	k->certain += ln->certain;
	return 0;
}

static void problem(const char *msg, void *ud)
{
	(void)ud;
	fprintf(stderr, "check: %s\n", msg);
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "clients", required_argument, NULL, 'c' },
		{ "invoices", required_argument, NULL, 'i' },
		{ "lines", required_argument, NULL, 'n' },
		{ "reuse", no_argument, NULL, 'r' },
		{ "no-check", no_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 }
	};
	const char *db = "/tmp/cartera-bench-bank.db", *csv = "/tmp/cartera-bench-bank.csv";
	long clients = 50000, invoices = 200000, lines = 20000;
	int reuse = 0, check = 1, opt, need;
	ctl c;
	cart_err e;
	ctl_bank_import a;
	ctl_bank_result r;
	kinds k = { 0, 0, 0 };
	double w0, c0, w1, c1;
	int64_t problems = 0;

	while ((opt = getopt_long(argc, argv, "", lopts, NULL)) != -1) {
		switch (opt) {
		case 'd': db = optarg; break;
		case 'c': clients = atol(optarg); break;
		case 'i': invoices = atol(optarg); break;
		case 'n': lines = atol(optarg); break;
		case 'r': reuse = 1; break;
		case 'k': check = 0; break;
		default:
			fprintf(stderr, "usage: bench_bank [--db F] [--clients N] [--invoices N] [--lines N]"
			        " [--reuse] [--no-check]\n");
			return 2;
		}
	}
	setenv("CARTERA_TODAY", "2026-06-30", 1);
	printf("cartera bank benchmark: %ld statement lines against %ld clients, %ld invoices\n",
	       lines, clients, invoices);
	machine();
	if (!reuse || access(db, R_OK)) {
		demo_opts o;
		demo_stats st;
		company co;

		unlink(db);
		if (ctl_open_at(&c, db, CTL_OPEN_CREATE, &e) != CART_OK)
			goto fail;
		demo_company(&co);
		demo_defaults(&o);
		o.clients = clients;
		o.invoices = invoices;
		o.receipts = invoices * 3 / 4;
		o.quiet = 1;
		if (ctl_company_set(&c, &co, &e) || ctl_demo_generate(&c, &o, &st, &e))
			goto fail;
		ctl_close_at(&c);
	} else {
		/* a run before left its lines: start from a ledger without them */
		sqlite3 *h;

		if (sqlite3_open(db, &h) == SQLITE_OK) {
			sqlite3_exec(h, "DROP TRIGGER IF EXISTS bank_lines_no_delete;"
			             "DELETE FROM bank_line_docs; DELETE FROM bank_lines;"
			             "DELETE FROM bank_csv_profiles; DELETE FROM bank_accounts;"
			             "CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON bank_lines BEGIN"
			             " SELECT RAISE(ABORT, 'a bank line is never deleted'); END;",
			             NULL, NULL, NULL);
			sqlite3_close(h);
		}
	}
	if (write_statement(db, csv, lines))
		return 1;
	if (ctl_open_at(&c, db, 0, &e) != CART_OK)
		goto fail;
	memset(&a, 0, sizeof a);
	a.path = csv;
	a.account = "Banco Benchmark";
	a.columns = "date=1,description=2,reference=3,amount=4";
	a.delimiter = ";";
	a.decimal = ",";
	a.header = 1;
	w0 = clock_ms(CLOCK_MONOTONIC);
	c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	if (ctl_bank_import_file(&c, &a, &r, &need, &e) != CART_OK)
		goto fail;
	w1 = clock_ms(CLOCK_MONOTONIC);
	c1 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	if (ctl_bank_lines(&c, BANK_PROPOSED, 0, count_cb, &k, &e) != CART_OK)
		goto fail;
	printf("import and proposals: %d lines in %.0f ms wall, %.0f ms CPU (%.0f lines/s)"
	       "  target < 2000 ms  %s\n", r.added, w1 - w0, c1 - c0,
	       (w1 - w0) > 0 ? r.added * 1000.0 / (w1 - w0) : 0.0, w1 - w0 < 2000 ? "ok" : "MISSED");
	printf("proposals: %ld with a client (%ld certain), %ld unmatched\n", k.proposed, k.certain,
	       k.unmatched);
	if (check && ledger_check(c.l, "2026-06-30", problem, NULL, &problems, &e) != CART_OK)
		goto fail;
	if (check)
		printf("check: %lld problems\n", (long long)problems);
	ctl_close_at(&c);
	return problems ? 1 : 0;
fail:
	fprintf(stderr, "bench_bank: %s\n", e.msg);
	return 1;
}
