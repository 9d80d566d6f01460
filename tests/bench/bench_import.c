/* The import benchmark behind `make bench` (SPEC I1): writes a CSV history in the column set of
 * `cartera import documents` (200,000 invoices, a tenth of them in three instalments, and
 * 150,000 receipts paying them whole, in part, or two at once, by default), imports it into an
 * empty ledger with 50,000 clients through import_documents (the bulk path), and prints entries
 * per second end to end (reading, checking, posting, rebuilding the indexes, commit) with each
 * phase's wall and CPU time, the machine and its load; then runs ledger_check, which must find
 * 0 problems. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl.h"
#include "cartera/import.h"

typedef struct opts {
	const char *db, *csv;
	long clients, invoices, receipts;
} opts;

static double clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Phases as the import reports them: the first call of each phase starts it. */
typedef struct phases {
	char name[8][16];
	double wall[8], cpu[8];
	int n;
} phases;

static void on_progress(const char *phase, long done, long total, void *ud)
{
	phases *p = ud;

	(void)done;
	(void)total;
	if (p->n && !strcmp(p->name[p->n - 1], phase))
		return;
	if (p->n == 8)
		return;
	snprintf(p->name[p->n], sizeof p->name[p->n], "%s", phase);
	p->wall[p->n] = clock_ms(CLOCK_MONOTONIC);
	p->cpu[p->n] = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	p->n++;
}

static int write_csv(const opts *o)
{
	FILE *f = fopen(o->csv, "w");
	long paid = 0;

	if (!f) {
		perror(o->csv);
		return -1;
	}
	fprintf(f, "type,number,client,date,due,amount,instalments,applies_to\n");
	for (long i = 1; i <= o->invoices; i++) {
		long c = (i * 7919) % o->clients + 1;
		int month = (int)((i * 12) / (o->invoices + 1)) + 1, day = (int)(i % 28) + 1;
		long amt = 10000 + (i * 37) % 990000;

		if (i % 10 == 0)
			fprintf(f, "invoice,F%ld,%ld,2025-%02d-%02d,,%ld.%02ld,2026-02-28;2026-03-31;"
			        "2026-04-30,\n", i, c, month, day, amt / 100, amt % 100);
		else
			fprintf(f, "invoice,F%ld,%ld,2025-%02d-%02d,2025-12-31,%ld.%02ld,,\n", i, c, month,
			        day, amt / 100, amt % 100);
	}
	/* receipts pay the invoices in order: whole, half, or (one in five among the first
	 * clients' invoices) together with a later invoice of the same client that no other
	 * receipt pays: the first one past the receipts' range with the same client */
	for (long j = 1; j <= o->receipts; j++) {
		long i = ++paid;
		long c = (i * 7919) % o->clients + 1;
		long amt = 10000 + (i * 37) % 990000;
		long k = i;

		while (k <= o->receipts)
			k += o->clients;
		if (j % 5 == 0 && i <= o->clients && k <= o->invoices && k % 10 && i % 10) {
			long amt2 = 10000 + (k * 37) % 990000;

			fprintf(f, "receipt,R%ld,%ld,2026-01-%02ld,,%ld.%02ld,,F%ld;F%ld\n", j, c, j % 28 + 1,
			        (amt + amt2) / 100, (amt + amt2) % 100, i, k);
		} else if (j % 3 == 0) {
			fprintf(f, "receipt,R%ld,%ld,2026-01-%02ld,,%ld.%02ld,,F%ld=%ld.%02ld\n", j, c,
			        j % 28 + 1, amt / 200, amt / 2 % 100, i, amt / 200, amt / 2 % 100);
		} else {
			fprintf(f, "receipt,R%ld,%ld,2026-01-%02ld,,%ld.%02ld,,F%ld\n", j, c, j % 28 + 1,
			        amt / 100, amt % 100, i);
		}
	}
	return fclose(f) ? -1 : 0;
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
	printf("machine: %ld CPUs (nproc), %s, load %.2f %.2f %.2f\n", sysconf(_SC_NPROCESSORS_ONLN),
	       model, load[0], load[1], load[2]);
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "csv", required_argument, NULL, 'f' },
		{ "clients", required_argument, NULL, 'c' },
		{ "invoices", required_argument, NULL, 'i' },
		{ "receipts", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	opts o = { "/tmp/cartera-bench-import.db", "/tmp/cartera-bench-import.csv", 50000, 200000,
	           150000 };
	import_result r;
	phases ph;
	company co;
	ctl c;
	cart_err e;
	FILE *in;
	double w0, c0, w1, c1;
	int64_t problems = 0;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "", lopts, NULL)) != -1) {
		switch (opt) {
		case 'd': o.db = optarg; break;
		case 'f': o.csv = optarg; break;
		case 'c': o.clients = atol(optarg); break;
		case 'i': o.invoices = atol(optarg); break;
		case 'r': o.receipts = atol(optarg); break;
		default:
			fprintf(stderr, "usage: bench_import [--db F] [--csv F] [--clients N] [--invoices N]"
			        " [--receipts N]\n");
			return 2;
		}
	}
	if (o.clients < 1 || o.invoices < o.clients || o.receipts > o.invoices) {
		fprintf(stderr, "bench_import: need invoices >= clients >= 1 and receipts <= invoices\n");
		return 2;
	}
	setenv("CARTERA_TODAY", "2026-06-30", 1);
	printf("cartera import benchmark: %ld clients, %ld invoices, %ld receipts\n", o.clients,
	       o.invoices, o.receipts);
	machine();
	if (write_csv(&o))
		return 1;
	unlink(o.db);
	if (ctl_open(&c, o.db, LEDGER_OPEN_CREATE, &e) != CART_OK) {
		fprintf(stderr, "bench_import: %s\n", e.msg);
		return 1;
	}
	company_defaults(&co);
	snprintf(co.name, sizeof co.name, "Benchmark S.A.S.");
	co.fmt.dec_sep = '.';
	co.fmt.thou_sep = ',';
	if (ctl_company_set(&c, &co, &e) || ledger_begin(c.l, &e))
		goto fail;
	for (long i = 1; i <= o.clients; i++) {
		client cl;

		client_defaults(&cl);
		cl.receiver_type = RECEIVER_FINAL;
		snprintf(cl.name, sizeof cl.name, "Cliente %06ld", i);
		if (ledger_client_add(c.l, &cl, &e))
			goto fail;
	}
	if (ledger_commit(c.l, &e))
		goto fail;
	if (!(in = fopen(o.csv, "rb"))) {
		perror(o.csv);
		return 1;
	}
	memset(&ph, 0, sizeof ph);
	w0 = clock_ms(CLOCK_MONOTONIC);
	c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	on_progress("reading", 0, 0, &ph);
	rc = import_documents(&c, in, o.csv, on_progress, &ph, &r, &e);
	w1 = clock_ms(CLOCK_MONOTONIC);
	c1 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	fclose(in);
	if (rc != CART_OK) {
		for (int i = 0; i < r.errors.n && i < 5; i++)
			fprintf(stderr, "line %ld: %s\n", r.errors.msg[i].line, r.errors.msg[i].text);
		goto fail;
	}
	printf("imported %ld documents: %ld entries, %ld allocations (%s path)\n", r.documents,
	       r.entries, r.allocations, r.bulk ? "bulk" : "ordinary");
	for (int i = 0; i < ph.n; i++) {
		double we = i + 1 < ph.n ? ph.wall[i + 1] : w1, ce = i + 1 < ph.n ? ph.cpu[i + 1] : c1;

		printf("  %-9s %8.0f ms wall %8.0f ms CPU\n", ph.name[i], we - ph.wall[i], ce - ph.cpu[i]);
	}
	printf("import, end to end: %.2f s wall (%.2f s CPU) = %.0f entries/s wall, %.0f entries/s"
	       " CPU   target >= 200,000 entries/s\n", (w1 - w0) / 1e3, (c1 - c0) / 1e3,
	       (double)r.entries / ((w1 - w0) / 1e3), (double)r.entries / ((c1 - c0) / 1e3));
	import_result_free(&r);
	if (ledger_check(c.l, "2026-06-30", NULL, NULL, &problems, &e) != CART_OK)
		goto fail;
	printf("check: %" PRId64 " problems\n", problems);
	machine();
	ctl_close(&c);
	return problems ? 1 : 0;
fail:
	fprintf(stderr, "bench_import: %s\n", e.msg);
	ctl_close(&c);
	return 1;
}
