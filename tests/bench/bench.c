/* The benchmark behind `make bench`: generates the demo ledger at full size (50,000 clients,
 * 1,000,000 invoices, 750,000 receipts by default), then times the questions a clerk asks of it
 * against plain SQLite scanning the same file (the floor of /work/shared/PERFORMANCE.md), and
 * prints the figures next to their targets. Medians of --repeat runs, wall and CPU time.
 *
 * Only this program and the model's own code touch the file; SQL appears here just for the floor
 * and to pick which clients and charges to ask about. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl_clients.h"
#include "cartera/ctl_dash.h"
#include "cartera/ctl_pictures.h"
#include "cartera/reports.h"
#include "cartera/date.h"
#include "cartera/demo.h"
#include "cartera/err.h"
#include "model/ledger.h"

/* The receipts this program posts carry this reference, so --reuse can tell them from the demo's. */
#define BENCH_REF "bench"
#define N_CLIENTS_SAMPLE 1000
#define N_POSTINGS 1000
/* A measurement stops repeating once it has taken this long (wall), so that a slow query at full
 * size cannot hold the run for an hour; the report says how many runs the median is of. */
#define BUDGET_MS 60000.0
#define MIN_CLIENTS 20

typedef struct opts {
	const char *db;
	int64_t clients, invoices, receipts;
	int reuse;
	const char *today;
	int repeat;
	int dash_only;        /* --dashboard: only the dashboard's measurements */
} opts;

/* One timing: wall and CPU milliseconds. */
typedef struct tm2 {
	double wall, cpu;
} tm2;

/* ---- clocks and statistics ---- */

static double clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static tm2 now(void)
{
	return (tm2){ clock_ms(CLOCK_MONOTONIC), clock_ms(CLOCK_PROCESS_CPUTIME_ID) };
}

static tm2 since(tm2 t0)
{
	tm2 t1 = now();

	return (tm2){ t1.wall - t0.wall, t1.cpu - t0.cpu };
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The p-th percentile (0..100) of n values, nearest rank; sorts v. */
static double percentile(double *v, int n, double p)
{
	int k;

	if (n <= 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	k = (int)((p / 100.0) * n + 0.999999) - 1;
	if (k < 0)
		k = 0;
	if (k >= n)
		k = n - 1;
	return v[k];
}

static double median(double *v, int n)
{
	if (n <= 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Median of the wall times and, separately, of the CPU times of n runs. */
static tm2 median_tm(const tm2 *runs, int n)
{
	double *w = malloc(sizeof *w * (size_t)n), *c = malloc(sizeof *c * (size_t)n);
	tm2 m = { 0, 0 };

	if (w && c) {
		for (int i = 0; i < n; i++) {
			w[i] = runs[i].wall;
			c[i] = runs[i].cpu;
		}
		m.wall = median(w, n);
		m.cpu = median(c, n);
	}
	free(w);
	free(c);
	return m;
}

/* ---- the machine ---- */

/* The value after "key" and ':' on the first matching line of a /proc file, or "?". */
static void proc_field(const char *file, const char *key, char *out, size_t size)
{
	FILE *f = fopen(file, "r");
	char line[512];
	size_t kl = strlen(key);

	snprintf(out, size, "?");
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char *p;

		if (strncmp(line, key, kl) || !(p = strchr(line, ':')))
			continue;
		for (p++; *p == ' ' || *p == '\t'; p++)
			;
		p[strcspn(p, "\n")] = '\0';
		snprintf(out, size, "%s", p);
		break;
	}
	fclose(f);
}

static void loadavg(char *out, size_t size)
{
	FILE *f = fopen("/proc/loadavg", "r");

	snprintf(out, size, "?");
	if (f) {
		if (fgets(out, (int)size, f))
			out[strcspn(out, "\n")] = '\0';
		fclose(f);
	}
}

static void print_machine(void)
{
	char model[256], mem[64], load[128];

	proc_field("/proc/cpuinfo", "model name", model, sizeof model);
	proc_field("/proc/meminfo", "MemTotal", mem, sizeof mem);
	loadavg(load, sizeof load);
	printf("machine: %ld CPUs (nproc), %s, MemTotal %s, SQLite %s\n",
	       sysconf(_SC_NPROCESSORS_ONLN), model, mem, sqlite3_libversion());
	printf("load average at start: %s\n", load);
}

/* Peak resident set of this process (getrusage), KiB. */
static long peak_rss_kib(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

/* Current resident set (VmRSS), KiB. */
static long cur_rss_kib(void)
{
	char v[64];

	proc_field("/proc/self/status", "VmRSS", v, sizeof v);
	return strtol(v, NULL, 10);
}

/* Reset the peak RSS counter (Linux >= 4.0), so that the peak measured around one query is not
 * the bulk load's. Returns 1 when it worked. */
static int reset_peak_rss(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");
	int ok;

	if (!f)
		return 0;
	ok = fputs("5", f) >= 0;
	ok = (fclose(f) == 0) && ok;
	return ok;
}

static long long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long long)st.st_size : 0;
}

/* ---- options ---- */

static void usage(FILE *f)
{
	fprintf(f,
	        "usage: bench [options]\n"
	        "  --db PATH        ledger file to generate and query (default /tmp/cartera-bench.db)\n"
	        "  --clients N      clients to generate (default 50000)\n"
	        "  --invoices N     invoices to generate (default 1000000)\n"
	        "  --receipts N     receipts to generate (default 750000)\n"
	        "  --reuse          keep the file when it already holds a ledger of that size\n"
	        "  --today DATE     the date the ledger is generated up to and queried as of\n"
	        "                   (default 2026-06-30)\n"
	        "  --repeat N       runs of each measurement; medians are printed (default 5)\n"
	        "  --dashboard      measure only the dashboard (with --reuse: while tuning)\n"
	        "  --help           this text\n"
	        "The file is overwritten (unless --reuse) and receives %d receipts at the end.\n",
	        N_POSTINGS);
}

static int parse_count(const char *opt, const char *text, int64_t min, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(text, &end, 10);
	if (errno || end == text || *end || v < min) {
		fprintf(stderr, "bench: %s needs a whole number >= %" PRId64 ", not \"%s\"\n", opt,
		        min, text);
		return -1;
	}
	*out = v;
	return 0;
}

/* 0 to run, 1 to stop successfully (--help), -1 on a bad option. */
static int parse_args(int argc, char **argv, opts *o)
{
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "clients", required_argument, NULL, 'c' },
		{ "invoices", required_argument, NULL, 'i' },
		{ "receipts", required_argument, NULL, 'r' },
		{ "reuse", no_argument, NULL, 'u' },
		{ "today", required_argument, NULL, 't' },
		{ "repeat", required_argument, NULL, 'n' },
		{ "dashboard", no_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int64_t v;
	int c;

	*o = (opts){ "/tmp/cartera-bench.db", 50000, 1000000, 750000, 0, "2026-06-30", 5, 0 };
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'c': if (parse_count("--clients", optarg, 1, &o->clients)) return -1; break;
		case 'i': if (parse_count("--invoices", optarg, 1, &o->invoices)) return -1; break;
		case 'r': if (parse_count("--receipts", optarg, 0, &o->receipts)) return -1; break;
		case 'u': o->reuse = 1; break;
		case 'B': o->dash_only = 1; break;
		case 't': o->today = optarg; break;
		case 'n':
			if (parse_count("--repeat", optarg, 1, &v))
				return -1;
			o->repeat = v > 1000 ? 1000 : (int)v;
			break;
		case 'h': usage(stdout); return 1;
		default: usage(stderr); return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "bench: unexpected argument \"%s\"\n", argv[optind]);
		usage(stderr);
		return -1;
	}
	return 0;
}

/* ---- raw SQLite: the floor, and picking what to ask about ---- */

static int raw_int(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);

	if (rc != SQLITE_OK) {
		fprintf(stderr, "bench: %s: %s\n", sql, sqlite3_errmsg(db));
		return -1;
	}
	rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		fprintf(stderr, "bench: %s: %s\n", sql, sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* Does the file already hold a ledger of the requested size (as the demo generated it)? */
static int ledger_has_size(const opts *o)
{
	sqlite3 *db;
	int64_t nc = -1, ni = -1, nr = -1;
	int ok = 0;

	if (sqlite3_open_v2(o->db, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return 0;
	}
	sqlite3_exec(db, "PRAGMA query_only = 1", NULL, NULL, NULL);
	if (raw_int(db, "SELECT count(*) FROM clients", &nc) == 0 &&
	    raw_int(db, "SELECT count(*) FROM documents WHERE type = 'invoice'", &ni) == 0 &&
	    raw_int(db, "SELECT count(*) FROM documents WHERE type IN ('receipt', 'advance')"
	                " AND reference <> '" BENCH_REF "'", &nr) == 0)
		ok = nc == o->clients && ni == o->invoices && nr == o->receipts;
	if (!ok)
		printf("reuse: %s holds %" PRId64 " clients, %" PRId64 " invoices, %" PRId64
		       " receipts; generating anew\n", o->db, nc, ni, nr);
	sqlite3_close(db);
	return ok;
}

/* ---- generation ---- */

static int generate(const opts *o, tm2 *took, demo_stats *st)
{
	char wal[1100], shm[1100];
	const char *files[] = { o->db, wal, shm };
	ledger *l = NULL;
	company co;
	demo_opts d;
	cart_err e = { 0 };
	tm2 t0, tclose;
	int rc;

	snprintf(wal, sizeof wal, "%s-wal", o->db);
	snprintf(shm, sizeof shm, "%s-shm", o->db);
	for (int i = 0; i < 3; i++)
		if (unlink(files[i]) != 0 && errno != ENOENT) {
			fprintf(stderr, "bench: cannot remove %s: %s\n", files[i], strerror(errno));
			return -1;
		}
	if ((rc = ledger_open(o->db, LEDGER_OPEN_CREATE, &l, &e)) != CART_OK) {
		fprintf(stderr, "bench: creating %s: %s\n", o->db, e.msg);
		return -1;
	}
	demo_company(&co);
	if ((rc = ledger_company_set(l, &co, &e)) != CART_OK) {
		fprintf(stderr, "bench: setting the company: %s\n", e.msg);
		ledger_close(l);
		return -1;
	}
	demo_defaults(&d);
	d.clients = o->clients;
	d.invoices = o->invoices;
	d.receipts = o->receipts;
	d.quiet = 0;
	memset(st, 0, sizeof *st);
	printf("generating %" PRId64 " clients, %" PRId64 " invoices, %" PRId64 " receipts"
	       " into %s ...\n", d.clients, d.invoices, d.receipts, o->db);
	fflush(stdout);
	t0 = now();
	rc = demo_generate(l, &d, st, &e);
	*took = since(t0);
	if (rc != CART_OK) {
		fprintf(stderr, "\nbench: generating the demo ledger: %s\n", e.msg);
		ledger_close(l);
		return -1;
	}
	/* Closing checkpoints the WAL into the file, as after any `cartera demo`; the queries then
	 * read a plain file. Timed apart from the load. */
	t0 = now();
	ledger_close(l);
	tclose = since(t0);
#ifdef __GLIBC__
	/* give the bulk load's page cache back, so the RSS figures below are the queries' own */
	malloc_trim(0);
#endif
	printf("generated in %.1f s wall, %.1f s CPU; closing (WAL checkpoint) %.1f s\n",
	       took->wall / 1e3, took->cpu / 1e3, tclose.wall / 1e3);
	return 0;
}

/* ---- measurements ---- */

/* What every measurement reads: the ledger, a raw connection to the same file, the as-of date. */
typedef struct ctx {
	ledger *l;
	sqlite3 *db;
	const char *asof;
	int64_t client;       /* statement: whose */
	int64_t rows;         /* rows seen by the last run */
	int64_t sum;          /* floor: the sum read */
	int ncur;             /* totals: currencies */
	int64_t problems;     /* check */
	int show;             /* check: print the problems of this run */
	cart_err e;
} ctx;

typedef int (*run_fn)(ctx *c);

/* Run fn up to repeat times (fewer once BUDGET_MS is spent, at least once); *m is the median.
 * Returns the number of runs, or -1 when a run failed (message printed). */
static int measure(ctx *c, int repeat, run_fn fn, tm2 *runs, tm2 *m, const char *what)
{
	double spent = 0;
	int n = 0;

	while (n < repeat && (n == 0 || spent < BUDGET_MS)) {
		tm2 t0 = now();

		c->rows = 0;
		if (fn(c) != 0) {
			fprintf(stderr, "bench: %s: %s\n", what, c->e.msg);
			return -1;
		}
		runs[n] = since(t0);
		spent += runs[n++].wall;
	}
	*m = median_tm(runs, n);
	return n;
}

static int run_floor(ctx *c);

/* As measure, but each run of fn follows a run of the floor, and *ratio is the median of the
 * per-pair ratios. The shared machine has slow spells (the same scan taking 1.6x as long for
 * minutes at a time); pairs see the same spell, so the ratio holds where the two medians don't. */
static int measure_paired(ctx *c, int repeat, run_fn fn, tm2 *runs, tm2 *m, double *ratio,
                          const char *what)
{
	double *r = malloc(sizeof *r * (size_t)repeat), spent = 0;
	int n = 0;

	if (!r)
		return -1;
	while (n < repeat && (n == 0 || spent < BUDGET_MS)) {
		tm2 t0 = now(), f;

		if (run_floor(c) != 0) {
			fprintf(stderr, "bench: floor: %s\n", c->e.msg);
			free(r);
			return -1;
		}
		f = since(t0);
		c->rows = 0;
		t0 = now();
		if (fn(c) != 0) {
			fprintf(stderr, "bench: %s: %s\n", what, c->e.msg);
			free(r);
			return -1;
		}
		runs[n] = since(t0);
		r[n] = runs[n].wall / f.wall;
		spent += runs[n++].wall + f.wall;
	}
	*m = median_tm(runs, n);
	*ratio = median(r, n);
	free(r);
	return n;
}

static int count_open(const open_item *it, void *ud)
{
	(void)it;
	((ctx *)ud)->rows++;
	return 0;
}

static int count_stmt(const stmt_line *ln, void *ud)
{
	(void)ln;
	((ctx *)ud)->rows++;
	return 0;
}

static int count_aging(const aging_row *row, void *ud)
{
	(void)row;
	((ctx *)ud)->rows++;
	return 0;
}

static void print_problem(const char *problem, void *ud)
{
	ctx *c = ud;

	if (c->show && c->rows++ < 20)
		printf("  problem: %s\n", problem);
}

static int run_floor(ctx *c)
{
	if (raw_int(c->db, "SELECT sum(amount) FROM entries", &c->sum) == 0)
		return 0;
	return cart_fail(&c->e, CART_DB, "%s", sqlite3_errmsg(c->db));
}

static int run_totals(ctx *c)
{
	totals t[LEDGER_MAX_CURRENCIES];

	return ledger_totals(c->l, 0, c->asof, t, &c->ncur, &c->e);
}

/* One client's balance, totals and open items: what the client screen shows. */
static int run_one_client(ctx *c)
{
	balance b[LEDGER_MAX_CURRENCIES];
	totals t[LEDGER_MAX_CURRENCIES];
	int nb, nt, rc;

	if ((rc = ledger_balance(c->l, c->client, c->asof, b, &nb, &c->e)) != CART_OK ||
	    (rc = ledger_totals(c->l, c->client, c->asof, t, &nt, &c->e)) != CART_OK)
		return rc;
	return ledger_open_items(c->l, c->client, c->asof, count_open, c, &c->e);
}

static int run_statement(ctx *c)
{
	return ledger_statement(c->l, c->client, c->asof, count_stmt, c, &c->e);
}

static int run_aging(ctx *c)
{
	static const int ranges[] = { 30, 60, 90 };

	return ledger_aging(c->l, c->asof, ranges, 3, count_aging, c, &c->e);
}

static int run_check(ctx *c)
{
	int rc = ledger_check(c->l, c->asof, print_problem, c, &c->problems, &c->e);

	c->show = 0;
	return rc;
}

/* Ids of up to max clients picked by a fixed scramble of their ids, so every run asks about the
 * same ones. */
static int pick_clients(sqlite3 *db, int64_t *ids, int max, int *n)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, "SELECT id FROM clients ORDER BY (id * 7919) % 1000003, id"
	                            " LIMIT ?1", -1, &s, NULL);

	*n = 0;
	if (rc != SQLITE_OK) {
		fprintf(stderr, "bench: picking clients: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_int(s, 1, max);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		ids[(*n)++] = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE && *n > 0 ? 0 : -1;
}

typedef struct charge_pick {
	int64_t entry, client, open;
	char currency[4];
} charge_pick;

/* Open charges without instalments, each to be paid by one receipt; spread over the ledger by a
 * fixed scramble of their ids. */
static int pick_charges(sqlite3 *db, charge_pick *p, int max, int *n)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, "SELECT id, client_id, currency, open FROM entries"
	                            " WHERE open <> 0 AND side = 'D' AND n_inst = 0"
	                            " ORDER BY (id * 7919) % 1000003, id LIMIT ?1", -1, &s, NULL);

	*n = 0;
	if (rc != SQLITE_OK) {
		fprintf(stderr, "bench: picking charges: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_int(s, 1, max);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		charge_pick *c = &p[(*n)++];

		c->entry = sqlite3_column_int64(s, 0);
		c->client = sqlite3_column_int64(s, 1);
		snprintf(c->currency, sizeof c->currency, "%s", sqlite3_column_text(s, 2));
		c->open = sqlite3_column_int64(s, 3);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The client with the most entries, and how many. */
static int busiest_client(sqlite3 *db, int64_t *id, int64_t *n)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, "SELECT client_id, count(*) AS n FROM entries"
	                            " GROUP BY client_id ORDER BY n DESC, client_id LIMIT 1", -1,
	                            &s, NULL);

	*id = *n = 0;
	if (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		*n = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (!*id)
		fprintf(stderr, "bench: finding the busiest client: %s\n", sqlite3_errmsg(db));
	return *id ? 0 : -1;
}

/* ---- what one run of the whole benchmark found ---- */

typedef struct result {
	tm2 floor, totals, clients, statement, aging, aging_past, check, posting;
	double totals_ratio, aging_ratio, aging_past_ratio; /* to the floor, paired runs */
	int n_floor, n_totals, n_clients, n_statement, n_aging, n_aging_past, n_check;
	int clients_measured, clients_picked;
	double client_med_us, client_p99_us;
	double entries_per_s;     /* < 0 when the ledger was reused */
	double postings_per_s;
	int64_t problems;
} result;

static void bench_line(const char *what, tm2 m, int n, int repeat, const char *extra)
{
	char runs[48] = "";

	if (n < repeat)
		snprintf(runs, sizeof runs, " [%d of %d runs: time budget]", n, repeat);
	printf("%-38s %10.1f ms wall %10.1f ms CPU  %s%s\n", what, m.wall, m.cpu, extra, runs);
}

/* The client screen for a sample of clients: per-client median and p99 of each pass, then the
 * median of those over the passes. A pass stops early (after at least MIN_CLIENTS clients) once
 * the budget is spent, and no further pass starts. */
static int measure_clients(ctx *c, const opts *o, result *r)
{
	int64_t ids[N_CLIENTS_SAMPLE];
	double per[N_CLIENTS_SAMPLE], *med = calloc((size_t)o->repeat, sizeof *med);
	double *p99 = calloc((size_t)o->repeat, sizeof *p99), spent = 0;
	tm2 *runs = calloc((size_t)o->repeat, sizeof *runs);
	int n = 0, nids, measured = 0, status = -1;
	int64_t items = 0;
	char extra[200];

	if (!med || !p99 || !runs || pick_clients(c->db, ids, N_CLIENTS_SAMPLE, &nids))
		goto out;
	while (n < o->repeat && (n == 0 || spent < BUDGET_MS)) {
		tm2 t0 = now();
		int k;

		items = 0;
		for (k = 0; k < nids && (k < MIN_CLIENTS || now().wall - t0.wall < BUDGET_MS); k++) {
			double c0 = now().wall;

			c->client = ids[k];
			c->rows = 0;
			if (run_one_client(c) != CART_OK) {
				fprintf(stderr, "bench: client %" PRId64 ": %s\n", ids[k], c->e.msg);
				goto out;
			}
			items += c->rows;
			per[k] = (now().wall - c0) * 1e3;
		}
		runs[n] = since(t0);
		spent += runs[n].wall;
		measured = k;
		med[n] = median(per, k);
		p99[n] = percentile(per, k, 99);
		n++;
		if (k < nids)
			break;
	}
	r->clients = median_tm(runs, n);
	r->n_clients = n;
	r->clients_measured = measured;
	r->clients_picked = nids;
	r->client_med_us = median(med, n);
	r->client_p99_us = median(p99, n);
	snprintf(extra, sizeof extra, "%d clients%s, %.1f open items each; per client median %.0f us,"
	         " p99 %.0f us", measured, measured < nids ? " (time budget)" : "",
	         (double)items / measured, r->client_med_us, r->client_p99_us);
	bench_line("one client: balance+totals+open items", r->clients, n, o->repeat, extra);
	status = 0;
out:
	free(med);
	free(p99);
	free(runs);
	return status;
}

/* 1,000 receipts, each paying one open charge in full: one durable transaction each. */
static int measure_posting(ctx *c, const opts *o, result *r)
{
	charge_pick *ch = calloc(N_POSTINGS, sizeof *ch);
	int n = 0, status = -1;
	char extra[160];
	tm2 t0;

	if (!ch || pick_charges(c->db, ch, N_POSTINGS, &n) || n == 0)
		goto out;
	t0 = now();
	for (int k = 0; k < n; k++) {
		alloc_in a = { ch[k].entry, 0, ch[k].open };
		receipt_in in;
		posted p;

		memset(&in, 0, sizeof in);
		in.client_id = ch[k].client;
		snprintf(in.date, sizeof in.date, "%s", o->today);
		snprintf(in.currency, sizeof in.currency, "%s", ch[k].currency);
		in.amount = ch[k].open;
		snprintf(in.method, sizeof in.method, "transfer");
		snprintf(in.reference, sizeof in.reference, "%s", BENCH_REF);
		in.allocs = &a;
		in.n_allocs = 1;
		if (ledger_receipt_post(c->l, &in, &p, &c->e) != CART_OK) {
			fprintf(stderr, "bench: posting a receipt for entry %" PRId64 ": %s\n",
			        ch[k].entry, c->e.msg);
			goto out;
		}
	}
	r->posting = since(t0);
	r->postings_per_s = n / (r->posting.wall / 1e3);
	snprintf(extra, sizeof extra, "%d receipts of one allocation: %.0f /s", n,
	         r->postings_per_s);
	bench_line("posting (synchronous FULL, one each)", r->posting, o->repeat, o->repeat, extra);
	status = 0;
out:
	free(ch);
	return status;
}

/* Every measurement, in order; the posting last because it changes the ledger. */
static int measure_all(ctx *c, const opts *o, result *r)
{
	tm2 *runs = calloc((size_t)o->repeat, sizeof *runs);
	long peak0, cur0, peak_reset, peak1, cur1;
	int64_t busiest_n;
	char extra[200], past[DATE_LEN];
	int reset, status = -1;

	if (!runs)
		goto out;
	run_floor(c); /* warm the OS cache; not timed */
	if ((r->n_floor = measure(c, o->repeat, run_floor, runs, &r->floor, "floor")) < 0)
		goto out;
	snprintf(extra, sizeof extra, "(sum %" PRId64 ")", c->sum);
	bench_line("floor: SELECT sum(amount) FROM entries", r->floor, r->n_floor, o->repeat, extra);

	r->n_totals = measure_paired(c, o->repeat, run_totals, runs, &r->totals, &r->totals_ratio,
	                             "totals");
	if (r->n_totals < 0)
		goto out;
	snprintf(extra, sizeof extra, "%.2fx floor, %d currencies", r->totals_ratio, c->ncur);
	bench_line("dashboard totals, all clients", r->totals, r->n_totals, o->repeat, extra);

	if (measure_clients(c, o, r))
		goto out;

	if (busiest_client(c->db, &c->client, &busiest_n))
		goto out;
	r->n_statement = measure(c, o->repeat, run_statement, runs, &r->statement, "statement");
	if (r->n_statement < 0)
		goto out;
	snprintf(extra, sizeof extra, "client %" PRId64 ", %" PRId64 " entries, %" PRId64 " lines",
	         c->client, busiest_n, c->rows);
	bench_line("statement of the busiest client", r->statement, r->n_statement, o->repeat, extra);

	/* Memory around the aging: the peak is reset first (the bulk load's cache set it), so the
	 * "after" peak is the aging's own. */
	peak0 = peak_rss_kib();
	cur0 = cur_rss_kib();
	reset = reset_peak_rss();
	peak_reset = peak_rss_kib();
	r->n_aging = measure_paired(c, o->repeat, run_aging, runs, &r->aging, &r->aging_ratio,
	                            "aging");
	if (r->n_aging < 0)
		goto out;
	peak1 = peak_rss_kib();
	cur1 = cur_rss_kib();
	snprintf(extra, sizeof extra, "%" PRId64 " rows, %.2fx floor", c->rows, r->aging_ratio);
	bench_line("aging 30/60/90, as of today", r->aging, r->n_aging, o->repeat, extra);
	printf("  peak RSS (ru_maxrss) before the aging %.1f MiB, after %.1f MiB; current RSS"
	       " before %.1f MiB, after %.1f MiB\n", peak0 / 1024.0, peak1 / 1024.0, cur0 / 1024.0,
	       cur1 / 1024.0);
	if (reset)
		printf("  (the peak was reset to %.1f MiB just before the aging runs, so \"after\" is"
		       " the aging's own peak)\n", peak_reset / 1024.0);
	else
		printf("  (the peak could not be reset: \"after\" includes the bulk load)\n");

	date_format(date_add_days(date_today(), -180), past);
	c->asof = past;
	r->n_aging_past = measure_paired(c, o->repeat, run_aging, runs, &r->aging_past,
	                                 &r->aging_past_ratio, "past aging");
	c->asof = o->today;
	if (r->n_aging_past < 0)
		goto out;
	snprintf(extra, sizeof extra, "as of %s, %" PRId64 " rows, %.2fx floor", past, c->rows,
	         r->aging_past_ratio);
	bench_line("aging 30/60/90, as of 180 days ago", r->aging_past, r->n_aging_past, o->repeat,
	       extra);

	c->show = 1;
	if ((r->n_check = measure(c, o->repeat, run_check, runs, &r->check, "check")) < 0)
		goto out;
	r->problems = c->problems;
	snprintf(extra, sizeof extra, "%" PRId64 " problems", r->problems);
	bench_line("ledger check", r->check, r->n_check, o->repeat, extra);

	status = measure_posting(c, o, r);
out:
	free(runs);
	return status;
}

/* ---- the summary ---- */

static const char *verdict(int ok)
{
	return ok ? "ok" : "MISSED";
}

static void print_summary(const result *r)
{
	char buf[64];
	double tr = r->totals_ratio, ar = r->aging_ratio;

	printf("\n%-36s %16s  %-15s %s\n", "summary (medians, wall)", "figure", "target", "");
	/* ratios are medians of floor/query pairs run back to back, not ratios of the medians */
	printf("%-36s %16s  %-15s %s\n", "------------------------------------", "----------------",
	       "---------------", "------");
	printf("%-36s %13.1f ms  %-15s\n", "floor: sum(amount) FROM entries", r->floor.wall,
	       "(reference)");
	snprintf(buf, sizeof buf, "%.1f ms %.2fx", r->totals.wall, tr);
	printf("%-36s %16s  %-15s %s\n", "dashboard totals, all clients", buf, "<= 3x floor",
	       verdict(tr <= 3));
	snprintf(buf, sizeof buf, "%.1f ms %.2fx", r->aging.wall, ar);
	printf("%-36s %16s  %-15s %s\n", "aging report 30/60/90", buf, "<= 3x floor",
	       verdict(ar <= 3));
	printf("%-36s %13.0f us  %-15s %s\n", "one client (median)", r->client_med_us, "< 1 ms",
	       verdict(r->client_med_us < 1000));
	printf("%-36s %13.0f us  %-15s %s\n", "one client (p99)", r->client_p99_us, "< 1 ms",
	       verdict(r->client_p99_us < 1000));
	printf("%-36s %13.2f ms  %-15s %s\n", "busiest client's statement", r->statement.wall,
	       "< 10 ms", verdict(r->statement.wall < 10));
	if (r->entries_per_s >= 0)
		printf("%-36s %13.0f /s  %-15s %s\n", "bulk load, entries", r->entries_per_s,
		       ">= 200,000 /s", verdict(r->entries_per_s >= 200000));
	else
		printf("%-36s %16s  %-15s %s\n", "bulk load, entries", "(reused)", ">= 200,000 /s",
		       "-");
	snprintf(buf, sizeof buf, "%.1f ms %.2fx", r->aging_past.wall, r->aging_past_ratio);
	printf("%-36s %16s  %-15s\n", "aging as of 180 days ago", buf, "(informative)");
	snprintf(buf, sizeof buf, "%.1f ms", r->check.wall);
	printf("%-36s %16s  %-15s %s\n", "ledger check", buf, "0 problems",
	       r->problems ? "PROBLEMS" : "ok");
	printf("%-36s %13.0f /s  %-15s\n", "receipts posted (synchronous FULL)", r->postings_per_s,
	       "(informative)");
}

/* ---- the dashboard (SPEC B1-B3) ----
 * CPU time (CLOCK_PROCESS_CPUTIME_ID, which counts the system time of reading the file too) of
 * what a clerk waits for: opening (totals and the first page of Overdue), each tab (count and
 * first page), sorting a tab by another column (first page), and refreshing after a payment
 * (totals, count, first page, and where the cursor's row went). Target: under 100 ms each. */

#define DASH_PAGE 20
#define DASH_TARGET_MS 100.0

typedef struct dash_step {
	char what[64];
	double cpu[64], wall[64];
	int n;
} dash_step;

static dash_step dash_steps[64];
static int n_dash_steps;

static dash_step *dash_step_of(const char *what)
{
	for (int i = 0; i < n_dash_steps; i++)
		if (!strcmp(dash_steps[i].what, what))
			return &dash_steps[i];
	if (n_dash_steps == (int)(sizeof dash_steps / sizeof dash_steps[0]))
		return NULL;
	snprintf(dash_steps[n_dash_steps].what, sizeof dash_steps[0].what, "%s", what);
	return &dash_steps[n_dash_steps++];
}

static void dash_note(const char *what, tm2 t)
{
	dash_step *d = dash_step_of(what);

	if (d && d->n < 64) {
		d->cpu[d->n] = t.cpu;
		d->wall[d->n++] = t.wall;
	}
}

static int dash_first_page(ctl_dash *v, ctld_row *rows, int *got, cart_err *e)
{
	return ctl_dash_page(v, 0, DASH_PAGE, rows, got, e);
}

/* ---- keystrokes (issue 14: every key answered in under 16 ms of CPU) ----
 * What the screens do for one key, through the same controllers: a cursor move on the Clients
 * tab that scrolls the list one row (the page read again at the next offset), coming back to the
 * dashboard from a statement where nothing was posted (ui/scr_dash.c dash_resume and the redraw),
 * opening the aging screen (ui/scr_reports.c), and each key of a search typed on the Clients and
 * Transactions tabs and on the client list (and pickers, which read the same list). */
#define KEY_TARGET_MS 16.0

static int measure_keys(ctl *cc, ctl_dash *v, ctld_row *rows, const opts *o)
{
	static const char *const typed[] = { "n", "na", "nan", "nand", "nandu" };
	ctl_agebar bar;
	ctl_clients cl;
	ctlc_row crows[DASH_PAGE];
	cart_err e;
	int got, changed;
	tm2 t0;

	/* the Clients tab as it opens: in name order (the sorts above left it by overdue) */
	if (ctl_dash_tab(v, DASH_CLIENTS, &e) != CART_OK ||
	    ctl_dash_sort(v, "client", 0, &e) != CART_OK ||
	    dash_first_page(v, rows, &got, &e) != CART_OK)
		goto fail;
	t0 = now();
	if (ctl_dash_page(v, 1, DASH_PAGE, rows, &got, &e) != CART_OK)
		goto fail;
	dash_note("key: cursor down, Clients tab scrolls one row", since(t0));
	t0 = now();
	if (ctl_dash_page(v, 5000, DASH_PAGE, rows, &got, &e) != CART_OK)
		goto fail;
	dash_note("key: PgDn on Clients at row 5,000", since(t0));

	/* back from a statement, nothing posted: what dash_resume did before issue 14 (totals,
	 * the aging bar, the cursor's row and the page read again), then what it does now (the
	 * ledger's change counter; the page on screen is kept by the screen, read here again) */
	{
		ctld_row keep = rows[1];
		int64_t pos;

		t0 = now();
		if (ctl_dash_refresh(v, &e) != CART_OK ||
		    ctl_agebar_load(cc, v->client_id, v->today, &bar, &e) != CART_OK ||
		    ctl_dash_row_of(v, &keep, &pos, &e) != CART_OK ||
		    ctl_dash_page(v, 1, DASH_PAGE, rows, &got, &e) != CART_OK)
			goto fail;
		dash_note("(Esc back from a statement, as before: all)", since(t0));
	}
	/* back from a statement, nothing posted: what dash_resume does, then the redraw */
	t0 = now();
	if (ctl_dash_sync(v, &changed, &e) != CART_OK)
		goto fail;
	if (changed && (ctl_dash_refresh(v, &e) != CART_OK ||
	                ctl_agebar_load(cc, v->client_id, v->today, &bar, &e) != CART_OK))
		goto fail;
	if (ctl_dash_page(v, 1, DASH_PAGE, rows, &got, &e) != CART_OK)
		goto fail;
	dash_note("key: Esc back from a statement", since(t0));

	/* typing a search, key by key: the filter, the count and the first page */
	for (int tab = 0; tab < 2; tab++) {
		int t = tab ? DASH_TRANSACTIONS : DASH_CLIENTS;
		double worst = 0;

		/* each tab in the order it opens with (the sorts above changed it), counted up to
		 * the bound as the screen counts it */
		v->bound = CTLD_COUNT_BOUND;
		if (ctl_dash_tab(v, t, &e) != CART_OK ||
		    ctl_dash_sort(v, tab ? "date" : "client", tab, &e) != CART_OK)
			goto fail;
		for (size_t k = 0; k < sizeof typed / sizeof typed[0]; k++) {
			tm2 d;

			t0 = now();
			if (ctl_dash_filter(v, typed[k], &e) != CART_OK ||
			    dash_first_page(v, rows, &got, &e) != CART_OK)
				goto fail;
			d = since(t0);
			if (d.cpu > worst)
				worst = d.cpu;
			if (k == 0 || k == 2)
				dash_note(tab ? (k ? "key: search, Transactions, 3rd letter \"nan\""
				                   : "key: search, Transactions, 1st letter \"n\"")
				              : (k ? "key: search, Clients, 3rd letter \"nan\""
				                   : "key: search, Clients, 1st letter \"n\""), d);
		}
		dash_note(tab ? "key: search, Transactions, worst of \"nandu\""
		              : "key: search, Clients, worst of \"nandu\"", (tm2){ worst, worst });
		if (tab) {
			/* "n" finds more than the bound: a PgDn within it, then End (counted once) */
			if (ctl_dash_filter(v, "n", &e) != CART_OK)
				goto fail;
			t0 = now();
			if (ctl_dash_page(v, 900, DASH_PAGE, rows, &got, &e) != CART_OK)
				goto fail;
			dash_note("key: PgDn on Transactions \"n\" at row 900", since(t0));
			t0 = now();
			if (ctl_dash_count_all(v, &e) != CART_OK ||
			    ctl_dash_page(v, v->count - DASH_PAGE, DASH_PAGE, rows, &got, &e) != CART_OK)
				goto fail;
			dash_note("(End on Transactions \"n\": counted once)", since(t0));
		}
		if (ctl_dash_filter(v, "", &e) != CART_OK)
			goto fail;
	}
	{
		double worst = 0;

		ctl_clients_init(&cl, cc);
		for (size_t k = 0; k < sizeof typed / sizeof typed[0]; k++) {
			tm2 d;

			t0 = now();
			if (ctl_clients_query(&cl, typed[k], 0, 0, &e) != CART_OK ||
			    ctl_clients_page(&cl, 0, DASH_PAGE, crows, &got, &e) != CART_OK)
				goto fail;
			d = since(t0);
			if (d.cpu > worst)
				worst = d.cpu;
			if (k == 0 || k == 2)
				dash_note(k ? "key: search, client list, 3rd letter \"nan\""
				            : "key: search, client list, 1st letter \"n\"", d);
		}
		dash_note("key: search, client list, worst of \"nandu\"", (tm2){ worst, worst });
	}
	/* the Clients tab sorted by another column than the name (issue 14): the sort key reads
	 * every client's figures; the keys after it (cursor down, PgDn deep) read a page */
	if (ctl_dash_tab(v, DASH_CLIENTS, &e) != CART_OK)
		goto fail;
	t0 = now();
	if (ctl_dash_sort(v, "balance", 1, &e) != CART_OK ||
	    dash_first_page(v, rows, &got, &e) != CART_OK)
		goto fail;
	dash_note("(Clients: the sort by balance itself)", since(t0));
	t0 = now();
	if (ctl_dash_page(v, 1, DASH_PAGE, rows, &got, &e) != CART_OK)
		goto fail;
	dash_note("key: cursor down, Clients by balance", since(t0));
	t0 = now();
	if (ctl_dash_page(v, 5000, DASH_PAGE, rows, &got, &e) != CART_OK)
		goto fail;
	dash_note("key: PgDn on Clients by balance at row 5,000", since(t0));
	if (ctl_dash_sort(v, "client", 0, &e) != CART_OK)
		goto fail;
	/* two letters typed on Clients, then PgDn in the list they found */
	if (ctl_dash_filter(v, "n", &e) != CART_OK)
		goto fail;
	t0 = now();
	if (ctl_dash_filter(v, "na", &e) != CART_OK ||
	    dash_first_page(v, rows, &got, &e) != CART_OK)
		goto fail;
	dash_note("key: search, Clients, 2nd letter \"na\"", since(t0));
	t0 = now();
	if (ctl_dash_page(v, 2000, DASH_PAGE, rows, &got, &e) != CART_OK)
		goto fail;
	dash_note("key: PgDn on Clients \"na\" at row 2,000", since(t0));
	if (ctl_dash_filter(v, "", &e) != CART_OK || ctl_dash_tab(v, DASH_OVERDUE, &e) != CART_OK)
		goto fail;

	/* the aging screen opened from the dashboard: what ui/scr_reports.c and ui/rptview.c do.
	 * The report without its client rows, then the rows on screen and half a screen on either
	 * side (20 lines at 80x24: rows 0-29 on opening, 10-49 after PgDn); the whole report as it
	 * was built before (issue 14) in brackets */
	{
		static const struct { const char *what; int order; long from; int first; } keys[] = {
			{ "key: open the aging (totals, first page)", RPT_AGING_BY_NAME, 0, 1 },
			{ "key: PgDn on the aging", RPT_AGING_BY_NAME, 10, 0 },
			{ "key: End on the aging", RPT_AGING_BY_NAME, -30, 0 },
			{ "key: PgUp from the aging's end", RPT_AGING_BY_NAME, -50, 0 },
			{ "key: Home on the aging", RPT_AGING_BY_NAME, 0, 0 },
			{ "key: F9 aging by debt (sort, first page)", RPT_AGING_BY_DEBT, 0, 1 },
			{ "key: PgDn on the aging by debt", RPT_AGING_BY_DEBT, 10, 0 },
			{ "key: F9 aging by oldest (sort, 1st page)", RPT_AGING_BY_OLDEST, 0, 1 },
		};
		rpt_aging_pager *pg = NULL;
		report r, w;
		long n = 0;

		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			long from;

			t0 = now();
			if (keys[k].first) {
				rpt_aging_page_free(pg);
				pg = NULL;
				report_init(&r, &cc->co);
				if (rpt_aging_page_open(cc, o->today, keys[k].order, &r, &pg, &n, &e) !=
				    CART_OK || !pg) {
					report_free(&r);
					if (!pg)
						snprintf(e.msg, sizeof e.msg, "the aging is not as of now");
					goto fail;
				}
				report_free(&r);
			}
			from = keys[k].from < 0 ? n + keys[k].from : keys[k].from;
			if (rpt_aging_page_rows(pg, from, keys[k].from == 0 ? 30 : 40, &w, &e) != CART_OK) {
				report_free(&w);
				rpt_aging_page_free(pg);
				goto fail;
			}
			dash_note(keys[k].what, since(t0));
			report_free(&w);
		}
		rpt_aging_page_free(pg);

		report_init(&r, &cc->co);
		t0 = now();
		if (rpt_aging(cc, o->today, &r, &e) != CART_OK) {
			report_free(&r);
			goto fail;
		}
		dash_note("(open the aging as before: whole report)", since(t0));
		report_free(&r);
	}
	return 0;
fail:
	fprintf(stderr, "bench: keys: %s\n", e.msg);
	return -1;
}

static int measure_dashboard(ctx *c, const opts *o)
{
	static const struct { int tab; const char *col; int desc; } sorts[] = {
		{ DASH_OVERDUE, "client", 0 }, { DASH_OVERDUE, "number", 0 }, { DASH_OVERDUE, "open", 1 },
		{ DASH_OVERDUE, "date", 0 }, { DASH_DUE, "amount", 1 }, { DASH_CREDITS, "number", 1 },
		{ DASH_CLIENTS, "overdue", 1 }, { DASH_TRANSACTIONS, "client", 0 },
		{ DASH_TRANSACTIONS, "total", 1 }, { DASH_QUOTES, "number", 0 },
	};
	ctld_row rows[DASH_PAGE];
	ctl cc;
	ctl_dash v;
	int got, worst_ok = 1;
	char label[96];
	double floor_cpu[3];

	memset(&cc, 0, sizeof cc);
	cc.l = c->l;
	if (ledger_company_get(c->l, &cc.co, &c->e) != CART_OK) {
		fprintf(stderr, "bench: dashboard: %s\n", c->e.msg);
		return -1;
	}
	cc.have_company = 1;
	/* the floor just before, for the machine's speed at the time (it has slow spells) */
	for (int i = 0; i < 3; i++) {
		tm2 t0 = now();

		if (run_floor(c) != 0)
			goto fail;
		floor_cpu[i] = since(t0).cpu;
	}
	printf("\ndashboard (CPU ms per step, median of %d; first page %d rows; target < %.0f ms"
	       " CPU; the floor, sum(amount) FROM entries, took %.1f ms CPU just before)\n",
	       o->repeat, DASH_PAGE, DASH_TARGET_MS, median(floor_cpu, 3));
	for (int run = 0; run < o->repeat; run++) {
		tm2 t0;
		alloc_in a;
		receipt_in in;
		posted p;
		ctld_row cursor;
		int64_t pos;

		t0 = now();
		if (ctl_dash_open(&v, &cc, 0, o->today, &c->e) != CART_OK ||
		    dash_first_page(&v, rows, &got, &c->e) != CART_OK)
			goto fail;
		dash_note("open: totals + Overdue count + page", since(t0));
		for (int t = 0; t < DASH_NTABS; t++) {
			t0 = now();
			if (ctl_dash_tab(&v, t, &c->e) != CART_OK ||
			    dash_first_page(&v, rows, &got, &c->e) != CART_OK)
				goto fail;
			snprintf(label, sizeof label, "tab %s: count + page", ctl_dash_tab_key(t));
			dash_note(label, since(t0));
		}
		for (size_t k = 0; k < sizeof sorts / sizeof sorts[0]; k++) {
			if (ctl_dash_tab(&v, sorts[k].tab, &c->e) != CART_OK)
				goto fail;
			t0 = now();
			if (ctl_dash_sort(&v, sorts[k].col, sorts[k].desc, &c->e) != CART_OK ||
			    dash_first_page(&v, rows, &got, &c->e) != CART_OK)
				goto fail;
			snprintf(label, sizeof label, "sort %s by %s%s", ctl_dash_tab_key(sorts[k].tab),
			         sorts[k].col, sorts[k].desc ? " desc" : "");
			dash_note(label, since(t0));
		}
		/* a payment of the third row of Overdue (most overdue first), in full; the cursor
		 * was on the fourth row */
		if (ctl_dash_tab(&v, DASH_OVERDUE, &c->e) != CART_OK ||
		    ctl_dash_sort(&v, "days_overdue", 1, &c->e) != CART_OK ||
		    dash_first_page(&v, rows, &got, &c->e) != CART_OK)
			goto fail;
		if (got < 4) {
			snprintf(c->e.msg, sizeof c->e.msg, "the Overdue tab has fewer than 4 rows");
			goto fail;
		}
		cursor = rows[3];
		memset(&in, 0, sizeof in);
		memset(&a, 0, sizeof a);
		a.charge_entry_id = rows[2].entry_id;
		a.instalment_id = rows[2].instalment_id;
		in.client_id = rows[2].client_id;
		snprintf(in.date, sizeof in.date, "%s", o->today);
		snprintf(in.currency, sizeof in.currency, "%s", rows[2].currency);
		/* the row's open amount, as the clerk reads it */
		if (ctl_amount(&cc, rows[2].cell[6], "open", &in.amount, &c->e) != CART_OK)
			goto fail;
		a.amount = in.amount;
		snprintf(in.method, sizeof in.method, "transfer");
		snprintf(in.reference, sizeof in.reference, "%s", BENCH_REF);
		in.allocs = &a;
		in.n_allocs = 1;
		t0 = now();
		if (ledger_receipt_post(c->l, &in, &p, &c->e) != CART_OK)
			goto fail;
		dash_note("(posting the payment itself)", since(t0));
		t0 = now();
		if (ctl_dash_refresh(&v, &c->e) != CART_OK ||
		    ctl_dash_row_of(&v, &cursor, &pos, &c->e) != CART_OK ||
		    ctl_dash_page(&v, pos < 0 ? 0 : pos / DASH_PAGE * DASH_PAGE, DASH_PAGE, rows, &got,
		                  &c->e) != CART_OK)
			goto fail;
		dash_note("refresh after a payment (+ cursor row)", since(t0));
		if (pos != 2) {
			fprintf(stderr, "bench: after paying row 3 the cursor's row is at %lld, not 2\n",
			        (long long)pos);
			return -1;
		}
		if (measure_keys(&cc, &v, rows, o) != 0)
			goto fail;
	}
	for (int i = 0; i < n_dash_steps; i++) {
		dash_step *d = &dash_steps[i];
		double cpu = median(d->cpu, d->n), wall = median(d->wall, d->n);
		int timed = d->what[0] != '(';

		int key = !strncmp(d->what, "key: ", 5);
		double target = key ? KEY_TARGET_MS : DASH_TARGET_MS;

		printf("  %-46s %8.1f ms CPU %8.1f ms wall  %s\n", d->what, cpu, wall,
		       !timed ? "" : cpu < target ? "ok" : "MISSED");
		if (timed && cpu >= target)
			worst_ok = 0;
	}
	printf("  dashboard: %s\n", worst_ok ? "every step under 100 ms of CPU, every key under 16 ms" :
	       "a step MISSED its target (100 ms of CPU, 16 ms for a key)");
	return 0;
fail:
	fprintf(stderr, "bench: dashboard: %s\n", c->e.msg);
	return -1;
}

/* ---- main ---- */

int main(int argc, char **argv)
{
	opts o;
	result r;
	ctx c;
	demo_stats st;
	tm2 gen = { 0, 0 };
	int64_t ndocs = 0, nentries = 0, nalloc = 0;
	char load[128], wal[1100];
	int rc, status = 1, reused;

	memset(&r, 0, sizeof r);
	memset(&c, 0, sizeof c);
	if ((rc = parse_args(argc, argv, &o)) != 0)
		return rc > 0 ? 0 : 2;
	if (date_set_today(o.today, &c.e) != CART_OK) {
		fprintf(stderr, "bench: --today: %s\n", c.e.msg);
		return 2;
	}
	c.asof = o.today;
	setvbuf(stdout, NULL, _IOLBF, 0);
	print_machine();
	printf("today %s, %d runs per measurement (fewer past %.0f s), file %s\n\n", o.today,
	       o.repeat, BUDGET_MS / 1e3, o.db);

	reused = o.reuse && access(o.db, F_OK) == 0 && ledger_has_size(&o);
	if (reused) {
		printf("reusing %s (already %" PRId64 " clients, %" PRId64 " invoices, %" PRId64
		       " receipts)\n", o.db, o.clients, o.invoices, o.receipts);
		r.entries_per_s = -1;
	} else if (generate(&o, &gen, &st) != 0) {
		goto out;
	}

	if (sqlite3_open_v2(o.db, &c.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench: opening %s: %s\n", o.db, sqlite3_errmsg(c.db));
		goto out;
	}
	if (raw_int(c.db, "SELECT count(*) FROM documents", &ndocs) ||
	    raw_int(c.db, "SELECT count(*) FROM entries", &nentries) ||
	    raw_int(c.db, "SELECT count(*) FROM allocations", &nalloc))
		goto out;
	if (!reused) {
		r.entries_per_s = (double)st.entries / (gen.wall / 1e3);
		printf("demo stats: %" PRId64 " clients, %" PRId64 " invoices, %" PRId64 " receipts, %"
		       PRId64 " credit notes, %" PRId64 " advances, %" PRId64 " openings, %" PRId64
		       " voids; %" PRId64 " entries, %" PRId64 " allocations\n", st.clients,
		       st.invoices, st.receipts, st.credit_notes, st.advances, st.openings, st.voids,
		       st.entries, st.allocations);
		printf("bulk load: %.0f entries/s (wall), %.0f entries/s (CPU)\n", r.entries_per_s,
		       (double)st.entries / (gen.cpu / 1e3));
	}
	snprintf(wal, sizeof wal, "%s-wal", o.db);
	printf("file: %" PRId64 " documents, %" PRId64 " entries, %" PRId64 " allocations;"
	       " %.1f MiB (WAL %.1f MiB)\n\n", ndocs, nentries, nalloc,
	       (double)file_size(o.db) / 1048576.0, (double)file_size(wal) / 1048576.0);

	if (ledger_open(o.db, 0, &c.l, &c.e) != CART_OK) {
		fprintf(stderr, "bench: opening the ledger: %s\n", c.e.msg);
		goto out;
	}
	ledger_set_clerk(c.l, "bench");
	if (o.dash_only) {
		if (measure_dashboard(&c, &o) != 0)
			goto out;
		status = 0;
		goto out;
	}
	if (measure_all(&c, &o, &r) != 0 || measure_dashboard(&c, &o) != 0)
		goto out;

	print_summary(&r);
	loadavg(load, sizeof load);
	printf("\nload average at end: %s\n", load);
	status = r.problems ? 1 : 0;
	if (r.problems)
		fprintf(stderr, "bench: the ledger check found %" PRId64 " problems\n", r.problems);
out:
	/* the raw, read-only connection first: the ledger's close then checkpoints the WAL */
	if (c.db)
		sqlite3_close(c.db);
	if (c.l)
		ledger_close(c.l);
	return status;
}
