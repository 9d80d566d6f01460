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

#include <sqlite3.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl.h"
#include "cartera/import.h"

typedef struct opts {
	const char *db, *csv;
	long clients, invoices, receipts;
	int bare;     /* --floor: the bare SQLite load of the same rows instead of the import */
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

/* ---- the floor: the same rows written by a bare C program with SQLite ----
 * What SQLite itself costs for this history on this machine: the documents, entries,
 * instalments and allocations the import writes (same columns, same values, ids in rowid
 * order, open amounts computed here), inserted through four prepared statements into the same
 * schema with the same indexes and triggers dropped and the same pragmas as the bulk load,
 * then the indexes and triggers created again and one commit. No checks, no CSV, no
 * verification, no statistics. */

typedef struct fl {
	sqlite3 *db;
	sqlite3_stmt *doc, *ent, *inst, *alloc;
	int64_t doc_id, alloc_id, rows;
	long docs_by_type[2];
} fl;

static int fl_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "bench_import: floor: %s: %s\n", sql, msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int fl_step(fl *f, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	f->rows++;
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "bench_import: floor: %s\n", sqlite3_errmsg(f->db));
		return -1;
	}
	return 0;
}

/* one document and its entry (entry id = document id: one entry per document here) */
static int fl_doc(fl *f, int receipt, long n, long cl, const char *date, const char *due,
                  long amount, long open, int n_inst, const char *ref)
{
	char number[32];
	sqlite3_stmt *d = f->doc, *e = f->ent;

	snprintf(number, sizeof number, "%s-%06ld", receipt ? "RC" : "FAC", n);
	f->doc_id++;
	sqlite3_bind_int64(d, 1, f->doc_id);
	sqlite3_bind_text(d, 2, receipt ? "receipt" : "invoice", -1, SQLITE_STATIC);
	sqlite3_bind_text(d, 3, number, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(d, 4, cl);
	sqlite3_bind_text(d, 5, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(d, 6, due, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(d, 7, amount);
	sqlite3_bind_text(d, 8, ref, -1, SQLITE_TRANSIENT);
	if (fl_step(f, d))
		return -1;
	sqlite3_bind_int64(e, 1, f->doc_id);
	sqlite3_bind_int64(e, 2, f->doc_id);
	sqlite3_bind_int64(e, 3, cl);
	sqlite3_bind_text(e, 4, receipt ? "APF" : "CF", -1, SQLITE_STATIC);
	sqlite3_bind_text(e, 5, receipt ? "C" : "D", -1, SQLITE_STATIC);
	sqlite3_bind_text(e, 6, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(e, 7, due, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(e, 8, amount);
	sqlite3_bind_int64(e, 9, open);
	sqlite3_bind_int(e, 10, n_inst);
	return fl_step(f, e);
}

static int fl_alloc(fl *f, int64_t credit, int64_t charge, int64_t inst, const char *date,
                    long amount)
{
	sqlite3_stmt *a = f->alloc;

	sqlite3_bind_int64(a, 1, ++f->alloc_id);
	sqlite3_bind_int64(a, 2, credit);
	sqlite3_bind_int64(a, 3, credit);
	sqlite3_bind_int64(a, 4, charge);
	if (inst)
		sqlite3_bind_int64(a, 5, inst);
	else
		sqlite3_bind_null(a, 5);
	sqlite3_bind_text(a, 6, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(a, 7, amount);
	return fl_step(f, a);
}

static long inv_amount(long i) { return 10000 + (i * 37) % 990000; }
static long inv_client(const opts *o, long i) { return (i * 7919) % o->clients + 1; }

static int floor_load(const opts *o)
{
	static const char drop_sql[] =
		"SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
		" AND ((type = 'index' AND tbl_name IN ('entries', 'instalments', 'allocations',"
		"       'documents') AND sql NOT LIKE 'CREATE UNIQUE%')"
		"   OR (type = 'trigger' AND name IN ('allocations_check', 'allocations_move_open',"
		"                                     'entries_after_opening', 'entries_balances')))";
	fl f;
	sqlite3_stmt *s;
	char *defs[64], cmd[300];
	int ndefs = 0, rc = -1;
	long *paid_by = NULL;   /* what each invoice has been paid, by invoice number */
	int64_t inst_base;
	double w0, c0, w1, c1;

	memset(&f, 0, sizeof f);
	if (sqlite3_open(o->db, &f.db) != SQLITE_OK)
		return -1;
	w0 = clock_ms(CLOCK_MONOTONIC);
	c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	if (fl_exec(f.db, "PRAGMA journal_mode = TRUNCATE; PRAGMA cache_size = -1048576;"
	                  " PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF;"
	                  " BEGIN IMMEDIATE"))
		goto out;
	if (sqlite3_prepare_v2(f.db, drop_sql, -1, &s, NULL) != SQLITE_OK)
		goto out;
	while (sqlite3_step(s) == SQLITE_ROW && ndefs < 64) {
		defs[ndefs++] = strdup((const char *)sqlite3_column_text(s, 2));
		snprintf(cmd, sizeof cmd, "DROP %s \"%s\"", sqlite3_column_text(s, 0),
		         sqlite3_column_text(s, 1));
		defs[ndefs++] = strdup(cmd);
	}
	sqlite3_finalize(s);
	for (int i = 1; i < ndefs; i += 2)
		if (fl_exec(f.db, defs[i]))
			goto out;
	if (sqlite3_prepare_v2(f.db, "INSERT INTO documents (id, type, number, client_id, date,"
	                       " due_date, currency, total, reference, clerk, posted_at) VALUES (?1,"
	                       " ?2, ?3, ?4, ?5, ?6, 'COP', ?7, ?8, 'root',"
	                       " '2026-06-30T00:00:00.000Z')", -1, &f.doc, NULL) ||
	    sqlite3_prepare_v2(f.db, "INSERT INTO entries (id, document_id, client_id, code, side,"
	                       " date, due_date, currency, amount, open, n_inst) VALUES (?1, ?2, ?3,"
	                       " ?4, ?5, ?6, ?7, 'COP', ?8, ?9, ?10)", -1, &f.ent, NULL) ||
	    sqlite3_prepare_v2(f.db, "INSERT INTO instalments (id, entry_id, seq, client_id,"
	                       " currency, date, due_date, amount, open) VALUES (?1, ?2, ?3, ?4,"
	                       " 'COP', ?5, ?6, ?7, ?8)", -1, &f.inst, NULL) ||
	    sqlite3_prepare_v2(f.db, "INSERT INTO allocations (id, document_id, credit_id,"
	                       " charge_id, instalment_id, date, amount) VALUES (?1, ?2, ?3, ?4, ?5,"
	                       " ?6, ?7)", -1, &f.alloc, NULL))
		goto out;
	if (!(paid_by = calloc((size_t)o->invoices + 1, sizeof *paid_by)))
		goto out;
	/* what the receipts pay, first (the open amounts go in with the rows) */
	for (long j = 1; j <= o->receipts; j++) {
		long i = j, k = i;

		while (k <= o->receipts)
			k += o->clients;
		if (j % 5 == 0 && i <= o->clients && k <= o->invoices && k % 10 && i % 10) {
			paid_by[i] = inv_amount(i);
			paid_by[k] = inv_amount(k);
		} else {
			paid_by[i] = j % 3 == 0 ? inv_amount(i) / 2 : inv_amount(i);
		}
	}
	inst_base = 1;
	for (long i = 1; i <= o->invoices; i++) {
		char date[32], ref[24];
		long amt = inv_amount(i), open = amt - paid_by[i];
		int three = i % 10 == 0;

		snprintf(date, sizeof date, "2025-%02d-%02d",
		         (int)((i * 12) / (o->invoices + 1)) + 1, (int)(i % 28) + 1);
		snprintf(ref, sizeof ref, "F%ld", i);
		if (fl_doc(&f, 0, i, inv_client(o, i), date, three ? "2026-04-30" : "2025-12-31", amt,
		           open, three ? 3 : 0, ref))
			goto out;
		if (three) {
			static const char *const dues[3] = { "2026-02-28", "2026-03-31", "2026-04-30" };
			long part = (amt + 2) / 3, left = paid_by[i];

			for (int q = 0; q < 3; q++) {
				long a = q < 2 ? part : amt - 2 * part, take = left < a ? left : a;
				sqlite3_stmt *x = f.inst;

				left -= take;
				sqlite3_bind_int64(x, 1, inst_base++);
				sqlite3_bind_int64(x, 2, f.doc_id);
				sqlite3_bind_int(x, 3, q + 1);
				sqlite3_bind_int64(x, 4, inv_client(o, i));
				sqlite3_bind_text(x, 5, date, -1, SQLITE_TRANSIENT);
				sqlite3_bind_text(x, 6, dues[q], -1, SQLITE_STATIC);
				sqlite3_bind_int64(x, 7, a);
				sqlite3_bind_int64(x, 8, a - take);
				if (fl_step(&f, x))
					goto out;
			}
		}
	}
	for (long j = 1; j <= o->receipts; j++) {
		char date[32], ref[24];
		long i = j, k = i, amt;
		int two;

		while (k <= o->receipts)
			k += o->clients;
		two = j % 5 == 0 && i <= o->clients && k <= o->invoices && k % 10 && i % 10;
		amt = two ? inv_amount(i) + inv_amount(k) : j % 3 == 0 ? inv_amount(i) / 2
		                                                     : inv_amount(i);
		snprintf(date, sizeof date, "2026-01-%02ld", j % 28 + 1);
		snprintf(ref, sizeof ref, "R%ld", j);
		if (fl_doc(&f, 1, j, inv_client(o, i), date, date, amt, 0, 0, ref))
			goto out;
		if (i % 10 == 0) {
			/* instalment ids of invoice i: the tenth invoices, three each, in order */
			long part = (inv_amount(i) + 2) / 3, left = amt;
			int64_t first = (i / 10 - 1) * 3 + 1;

			for (int q = 0; q < 3 && left > 0; q++) {
				long a = q < 2 ? part : inv_amount(i) - 2 * part, take = left < a ? left : a;

				left -= take;
				if (fl_alloc(&f, f.doc_id, i, first + q, date, take))
					goto out;
			}
		} else if (fl_alloc(&f, f.doc_id, i, 0, date, two ? inv_amount(i) : amt) ||
		           (two && fl_alloc(&f, f.doc_id, k, 0, date, inv_amount(k)))) {
			goto out;
		}
	}
	w1 = clock_ms(CLOCK_MONOTONIC);
	c1 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	printf("  floor insert  %8.0f ms wall %8.0f ms CPU  (%" PRId64 " rows)\n", w1 - w0, c1 - c0,
	       f.rows);
	for (int i = 0; i < ndefs; i += 2)
		if (fl_exec(f.db, defs[i]))
			goto out;
	printf("  floor indexes %8.0f ms wall %8.0f ms CPU\n", clock_ms(CLOCK_MONOTONIC) - w1,
	       clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c1);
	w1 = clock_ms(CLOCK_MONOTONIC);
	c1 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	if (fl_exec(f.db, "COMMIT"))
		goto out;
	printf("  floor commit  %8.0f ms wall %8.0f ms CPU\n", clock_ms(CLOCK_MONOTONIC) - w1,
	       clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c1);
	w1 = clock_ms(CLOCK_MONOTONIC);
	c1 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	printf("floor (bare SQLite, same rows), end to end: %.2f s wall (%.2f s CPU) = %.0f entries/s"
	       " wall, %.0f entries/s CPU (%" PRId64 " rows: %.0f rows/s CPU)\n", (w1 - w0) / 1e3,
	       (c1 - c0) / 1e3, (double)f.doc_id / ((w1 - w0) / 1e3),
	       (double)f.doc_id / ((c1 - c0) / 1e3), f.rows, (double)f.rows / ((c1 - c0) / 1e3));
	rc = 0;
out:
	if (rc)
		fprintf(stderr, "bench_import: floor: %s\n", sqlite3_errmsg(f.db));
	sqlite3_finalize(f.doc);
	sqlite3_finalize(f.ent);
	sqlite3_finalize(f.inst);
	sqlite3_finalize(f.alloc);
	for (int i = 0; i < ndefs; i++)
		free(defs[i]);
	free(paid_by);
	sqlite3_close(f.db);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "csv", required_argument, NULL, 'f' },
		{ "clients", required_argument, NULL, 'c' },
		{ "invoices", required_argument, NULL, 'i' },
		{ "receipts", required_argument, NULL, 'r' },
		{ "floor", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	opts o = { "/tmp/cartera-bench-import.db", "/tmp/cartera-bench-import.csv", 50000, 200000,
	           150000, 0 };
	import_result r;
	phases ph;
	company co;
	ctl *c = NULL;
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
		case 'F': o.bare = 1; break;
		default:
			fprintf(stderr, "usage: bench_import [--db F] [--csv F] [--clients N] [--invoices N]"
			        " [--receipts N] [--floor]\n");
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
	if (ctl_company_set(c, &co, &e) || ledger_begin(c->l, &e))
		goto fail;
	for (long i = 1; i <= o.clients; i++) {
		client cl;

		client_defaults(&cl);
		cl.receiver_type = RECEIVER_FINAL;
		snprintf(cl.name, sizeof cl.name, "Cliente %06ld", i);
		if (ledger_client_add(c->l, &cl, &e))
			goto fail;
	}
	if (ledger_commit(c->l, &e))
		goto fail;
	if (o.bare) {
		ctl_close(c);
		rc = floor_load(&o);
		machine();
		return rc ? 1 : 0;
	}
	if (!(in = fopen(o.csv, "rb"))) {
		perror(o.csv);
		return 1;
	}
	memset(&ph, 0, sizeof ph);
	w0 = clock_ms(CLOCK_MONOTONIC);
	c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	on_progress("reading", 0, 0, &ph);
	rc = import_documents(c, in, o.csv, on_progress, &ph, &r, &e);
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
	if (ledger_check(c->l, "2026-06-30", NULL, NULL, &problems, &e) != CART_OK)
		goto fail;
	printf("check: %" PRId64 " problems\n", problems);
	machine();
	ctl_close(c);
	return problems ? 1 : 0;
fail:
	fprintf(stderr, "bench_import: %s\n", e.msg);
	ctl_close(c);
	return 1;
}
