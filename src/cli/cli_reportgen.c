/* `cartera report`: statements, aging and follow-up reports and document PDFs written as PDF,
 * XLSX, plain text or CSV (SPEC R1-R5, D6), many statements at once, and printing through the
 * system's spooler. Reports stream into their renderer, so memory stays flat however many rows. */
#include "config.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cartera/i18n.h"
#include "cartera/lp.h"
#include "cartera/render.h"
#include "cartera/reports.h"
#include "cartera/rpt_trend.h"
#include "cli.h"

extern char **environ;

static const char report_help[] =
	N_("Usage: cartera report statement CLIENT [FILTERS] [OUTPUT]\n"
	   "       cartera report aging [--asof DATE] [OUTPUT]\n"
	   "       cartera report followup [CLIENT] [--overdue] [--asof DATE] [OUTPUT]\n"
	   "       cartera report statements --all|--overdue|--clients A,B [FILTERS]\n"
	   "                                 --dir DIR | --output ONE.pdf\n"
	   "       cartera report document DOC [--internal] [OUTPUT]\n"
	   "\n"
	   "Reports as PDF, spreadsheet (XLSX), plain text for 80- or 132-column printers, or CSV\n"
	   "and JSON for programs (plain amounts, the currency its own field, English keys).\n"
	   "\n"
	   "Output:\n"
	   "  --format F        pdf, xlsx, txt (80 columns), txt132, csv or json (default:\n"
	   "                    from the --output file's extension, else txt on standard\n"
	   "                    output)\n"
	   "  --output FILE     write the report to FILE (a new file; --force replaces one)\n"
	   "  --print           send it to the printer through the spooler (lp); without --output\n"
	   "                    the file is kept under ~/.local/share/cartera/printed\n"
	   "  --printer P       the printer (default: $PRINTER, else the spooler's default)\n"
	   "  --asof DATE       the report as of a date (default: today)\n"
	   "  --page-lines N    plain text in pages of N lines (66 for continuous forms): each\n"
	   "                    page headed by the client and \"page N of M\", a form feed\n"
	   "                    between pages; 0 for none (default: the company's setting)\n"
	   "  --encoding E      plain text for the printer in UTF-8, CP850 or ISO-8859-1\n"
	   "                    (default: the company's setting)\n"
	   "\n"
	   "Statement filters:\n"
	   "  --type T          document type: invoice, credit-note, receipt, advance, opening, ...\n"
	   "  --number N        document numbers containing N\n"
	   "  --from D --to D   entries dated from / to\n"
	   "  --due-from D --due-to D   due dates from / to\n"
	   "  --min-days N --max-days N days overdue\n"
	   "  --status S        paid, partly, open, overdue (comma-separated)\n"
	   "  --range R         aging range: notdue, 1-30, 31-60, 61-90, over90 (the company's)\n"
	   "\n"
	   "Many statements: --all (every client with a balance), --overdue (with something\n"
	   "overdue) or --clients A,B,...; one file per client in --dir DIR, or all in one --output.\n"
	   "\n"
	   "A document is the client's copy; --internal adds the ledger's entry codes (CF, APF).\n");

/* Apart from report_help, so its translation stands as it was. */
static const char trend_help[] =
	N_("\n"
	   "Trend: cartera report trend [CLIENT] [--months N] [--asof DATE] [OUTPUT]\n"
	   "the last N month-ends (default 12, at most 36) on or before --asof, as of each: open\n"
	   "charges, overdue and its share, DSO and the month's collections.\n");

enum {
	O_FORMAT = 256, O_OUTPUT, O_PRINT, O_PRINTER, O_ASOF, O_TYPE, O_NUMBER, O_FROM, O_TO,
	O_DUE_FROM, O_DUE_TO, O_MIN_DAYS, O_MAX_DAYS, O_STATUS, O_RANGE, O_ALL, O_OVERDUE,
	O_CLIENTS, O_DIR, O_PAGE_LINES,
	O_FORCE, O_ENCODING,
	O_INTERNAL, O_MONTHS
};

typedef struct ropts {
	int format;
	const char *output, *printer, *asof, *dir, *clients;
	const char *type, *status, *range, *min_days, *max_days;
	int print, all, overdue;
	int page_lines;      /* >0 pages, <0 none, 0 the company's */
	const char *encoding; /* --encoding, NULL the company's */
	int force;           /* --force: replace existing files */
	int internal;        /* --internal: the company's copy of a document (ledger codes) */
	int months;          /* trend: --months */
	stmt_filter f;
} ropts;

/* Read the options: 0 to go on, -1 when --help was printed, else an exit status. */
static int parse_opts(cli *g, int argc, char **argv, ropts *o)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'D' },
		{ "today", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "output", required_argument, NULL, O_OUTPUT },
		{ "print", no_argument, NULL, O_PRINT },
		{ "printer", required_argument, NULL, O_PRINTER },
		{ "asof", required_argument, NULL, O_ASOF },
		{ "type", required_argument, NULL, O_TYPE },
		{ "number", required_argument, NULL, O_NUMBER },
		{ "from", required_argument, NULL, O_FROM },
		{ "to", required_argument, NULL, O_TO },
		{ "due-from", required_argument, NULL, O_DUE_FROM },
		{ "due-to", required_argument, NULL, O_DUE_TO },
		{ "min-days", required_argument, NULL, O_MIN_DAYS },
		{ "max-days", required_argument, NULL, O_MAX_DAYS },
		{ "status", required_argument, NULL, O_STATUS },
		{ "range", required_argument, NULL, O_RANGE },
		{ "all", no_argument, NULL, O_ALL },
		{ "overdue", no_argument, NULL, O_OVERDUE },
		{ "clients", required_argument, NULL, O_CLIENTS },
		{ "dir", required_argument, NULL, O_DIR },
		{ "page-lines", required_argument, NULL, O_PAGE_LINES },
		{ "force", no_argument, NULL, O_FORCE },
		{ "encoding", required_argument, NULL, O_ENCODING },
		{ "internal", no_argument, NULL, O_INTERNAL },
		{ "months", required_argument, NULL, O_MONTHS },
		{ NULL, 0, NULL, 0 }
	};
	const char *from = NULL, *to = NULL, *due_from = NULL, *due_to = NULL, *page_lines = NULL;
	const char *months = NULL;
	cart_err e;
	int opt;

	memset(o, 0, sizeof *o);
	o->format = -1;
	stmt_filter_init(&o->f);
	/* a global --format csv or json before the command still counts */
	if (g->format == OUT_CSV)
		o->format = RND_CSV;
	else if (g->format == OUT_JSON)
		o->format = RND_JSON;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case O_FORMAT:
			if ((o->format = rnd_format_parse(optarg)) < 0)
				return cli_usage(g, _("--format \"%s\": use pdf, xlsx, txt, txt132, csv or "
				                      "json"), optarg);
			break;
		case O_OUTPUT: o->output = optarg; break;
		case O_PRINT: o->print = 1; break;
		case O_FORCE: o->force = 1; break;
		case O_INTERNAL: o->internal = 1; break;
		case O_PRINTER: o->printer = optarg; break;
		case O_ASOF: o->asof = optarg; break;
		case O_TYPE: o->type = optarg; break;
		case O_NUMBER: snprintf(o->f.number, sizeof o->f.number, "%s", optarg); break;
		case O_FROM: from = optarg; break;
		case O_TO: to = optarg; break;
		case O_DUE_FROM: due_from = optarg; break;
		case O_DUE_TO: due_to = optarg; break;
		case O_MIN_DAYS: o->min_days = optarg; break;
		case O_MAX_DAYS: o->max_days = optarg; break;
		case O_STATUS: o->status = optarg; break;
		case O_RANGE: o->range = optarg; break;
		case O_ALL: o->all = 1; break;
		case O_OVERDUE: o->overdue = 1; break;
		case O_CLIENTS: o->clients = optarg; break;
		case O_DIR: o->dir = optarg; break;
		case O_PAGE_LINES: page_lines = optarg; break;
		case O_ENCODING:
			if (rnd_encoding_parse(optarg) < 0)
				return cli_usage(g, _("--encoding \"%s\": use UTF-8, CP850 or ISO-8859-1"),
				                 optarg);
			o->encoding = optarg;
			break;
		case O_MONTHS: months = optarg; break;
		case 'h':
			fputs(_(report_help), stdout);
			fputs(_(trend_help), stdout);
			return -1; /* done: the caller exits 0 */
		default: {
			int rc = cli_common(g, opt, optarg);

			if (rc == -1)
				return cli_usage(g, _("unknown option"));
			if (rc)
				return rc;
		}
		}
	}
	cli_unmask(argc, argv);
	if (o->asof && ctl_date(o->asof, _("--asof"), o->f.asof, &e) != CART_OK)
		return cli_fail(g, &e);
	if ((from && ctl_date(from, "--from", o->f.from, &e) != CART_OK) ||
	    (to && ctl_date(to, "--to", o->f.to, &e) != CART_OK) ||
	    (due_from && ctl_date(due_from, "--due-from", o->f.due_from, &e) != CART_OK) ||
	    (due_to && ctl_date(due_to, "--due-to", o->f.due_to, &e) != CART_OK))
		return cli_fail(g, &e);
	if (o->type && (o->f.doc_type = doc_type_parse(o->type)) < 0)
		return cli_usage(g, _("--type \"%s\": not a document type (invoice, credit-note, "
		                      "receipt, advance, opening, journal, apply, void)"), o->type);
	if (o->min_days) {
		long v;
		int rc = cli_int(g, "--min-days", o->min_days, 0, 100000, &v);

		if (rc)
			return rc;
		o->f.min_days = (int)v;
	}
	if (o->max_days) {
		long v;
		int rc = cli_int(g, "--max-days", o->max_days, 0, 100000, &v);

		if (rc)
			return rc;
		o->f.max_days = (int)v;
	}
	o->months = TREND_DEFAULT_MONTHS;
	if (months) {
		long v;
		int rc = cli_int(g, "--months", months, 1, TREND_MAX_MONTHS, &v);

		if (rc)
			return rc;
		o->months = (int)v;
	}
	if (o->status && stmt_status_parse(o->status, &o->f.status, &e) != CART_OK)
		return cli_fail(g, &e);
	if (o->format < 0 && o->output) {
		o->format = rnd_format_of_path(o->output);
		if (o->format < 0)
			return cli_usage(g, _("--output \"%s\": say the format with --format (pdf, xlsx, "
			                      "txt, txt132, csv, json) or use a .pdf, .xlsx, .txt, .csv or "
			                      ".json name"), o->output);
	}
	if (o->format < 0)
		o->format = o->print || o->dir ? RND_PDF : RND_TXT80;
	if (page_lines) {
		long v;
		int rc = strcmp(page_lines, "0") ?
		         cli_int(g, "--page-lines", page_lines, RND_MIN_PAGE_LINES, 1000, &v) : (v = -1, 0);

		if (rc)
			return rc;
		if (o->format != RND_TXT80 && o->format != RND_TXT132)
			return cli_usage(g, _("--page-lines applies to plain text (txt, txt132) only"));
		o->page_lines = (int)v;
	}
	if (o->encoding && o->format != RND_TXT80 && o->format != RND_TXT132)
		return cli_usage(g, _("--encoding applies to plain text (txt, txt132) only"));
	return 0;
}

/* ---- files and printing ---- */

/* Send a file to the spooler. The file stays where it is whatever happens. */
static int print_file(cli *g, const char *path, const char *printer)
{
	char *args[6], safe[1300];
	int n = 0, status, err;
	pid_t pid;

	(void)g;
	/* CUPS' lp takes no "--": a name starting with '-' is made a path instead */
	snprintf(safe, sizeof safe, "%s%s", path[0] == '-' ? "./" : "", path);
	if (!printer || !*printer)
		printer = getenv("PRINTER");
	args[n++] = "lp";
	if (printer && *printer) {
		args[n++] = "-d";
		args[n++] = (char *)printer;
	}
	args[n++] = safe;
	args[n] = NULL;
	fflush(stdout);
	err = posix_spawnp(&pid, "lp", NULL, NULL, args, environ);
	if (err == ENOENT) {
		fprintf(stderr, _("cartera: cannot print: the print spooler command \"lp\" was not found "
		                  "(Debian package cups-client); the report is kept in %s\n"), path);
		return EXIT_FAILED;
	}
	if (err) {
		fprintf(stderr, _("cartera: cannot print: starting lp failed (%s); the report is kept "
		                  "in %s\n"), strerror(err), path);
		return EXIT_FAILED;
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, _("cartera: printing failed: lp refused the job%s%s%s (status %d); the "
		                  "report is kept in %s\n"), printer && *printer ? " for printer \"" : "",
		        printer && *printer ? printer : "", printer && *printer ? "\"" : "",
		        WIFEXITED(status) ? WEXITSTATUS(status) : -1, path);
		return EXIT_FAILED;
	}
	printf(_("Sent %s to the printer %s\n"), path, printer && *printer ? printer : _("(default)"));
	return EXIT_DONE;
}

static void warn_replaced(long replaced)
{
	if (replaced > 0)
		fprintf(stderr, P_("cartera: warning: %ld character has no glyph in the PDF's standard "
		                   "font (WinAnsi) or the printer's character set and was printed as '?'\n",
		                   "cartera: warning: %ld characters have no glyph in the PDF's standard "
		                   "font (WinAnsi) or the printer's character set and were printed as '?'\n",
		                   replaced),
		        replaced);
}

typedef int (*build_fn)(cli *g, const ropts *o, const void *arg, report *r, cart_err *e);

/* Build one report streaming into a file (or standard output), then print it if asked. */
static int write_report(cli *g, const ropts *o, const char *kept_name, build_fn build,
                        const void *arg)
{
	char path[1200];
	const char *out = o->output;
	report r;
	rnd *x;
	cart_err e;
	long replaced = 0;
	int rc;

	if (!out && o->print) {
		lp_kept_path(kept_name, rnd_format_ext(o->format), path, sizeof path);
		if (ctl_make_parent(path, &e) != CART_OK)
			return cli_fail(g, &e);
		out = path;
	}
	if (!out && (o->format == RND_PDF || o->format == RND_XLSX))
		return cli_usage(g, _("a PDF or XLSX report needs --output FILE"));
	/* the copy kept for the printer is replaced each time */
	if (rnd_open_file(o->format, out, o->force || !o->output, stdout, &x, &e) != CART_OK)
		return cli_fail(g, &e);
	rnd_page_lines(x, o->page_lines);
	if (o->encoding && rnd_text_encoding(x, o->encoding, &e) != CART_OK) {
		rnd_abort(x);
		return cli_fail(g, &e);
	}
	report_init(&r, ctl_company(g->c));
	report_stream(&r, rnd_sink(x), rnd_ud(x));
	rc = build(g, o, arg, &r, &e);
	report_free(&r);
	if (rc != CART_OK) {
		rnd_abort(x);
		return cli_fail(g, &e);
	}
	if (rnd_close(x, &replaced, &e) != CART_OK)
		return cli_fail(g, &e);
	warn_replaced(replaced);
	if (out && !o->print)
		printf(_("Wrote %s\n"), out);
	if (o->print)
		return print_file(g, out, o->printer);
	return EXIT_DONE;
}

/* ---- the reports ---- */

static int build_statement(cli *g, const ropts *o, const void *arg, report *r, cart_err *e)
{
	return rpt_statement(g->c, *(const int64_t *)arg, &o->f, r, e);
}

static int build_aging(cli *g, const ropts *o, const void *arg, report *r, cart_err *e)
{
	(void)arg;
	return rpt_aging(g->c, o->f.asof, r, e);
}

static int build_followup(cli *g, const ropts *o, const void *arg, report *r, cart_err *e)
{
	return rpt_followup(g->c, o->f.asof, *(const int64_t *)arg, o->overdue, r, e);
}

static int build_document(cli *g, const ropts *o, const void *arg, report *r, cart_err *e)
{
	(void)o;
	r->internal = o->internal;
	return rpt_document(g->c, *(const int64_t *)arg, r, e);
}

static int build_trend(cli *g, const ropts *o, const void *arg, report *r, cart_err *e)
{
	return rpt_trend(g->c, *(const int64_t *)arg, o->f.asof, o->months, r, e);
}

static int need_range(cli *g, ropts *o)
{
	cart_err e;

	if (o->range && stmt_range_parse(ctl_company(g->c), o->range, &o->f.range, &e) != CART_OK)
		return cli_fail(g, &e);
	return 0;
}

static int many_statements(cli *g, ropts *o)
{
	int64_t *ids = NULL;
	int n = 0, rc = EXIT_DONE, bad = 0;
	cart_err e;
	long replaced = 0;

	if (o->all + o->overdue + (o->clients != NULL) != 1)
		return cli_usage(g, _("say which clients: --all, --overdue or --clients A,B"));
	if (!!o->dir == !!o->output)
		return cli_usage(g, _("give --dir DIR (one file per client) or --output FILE (one file)"));
	if (o->print)
		return cli_usage(g, _("--print takes one report; print the combined --output file"));
	if (o->output && (o->format == RND_JSON || o->format == RND_CSV))
		return cli_usage(g, _("a CSV or JSON file holds one report: write one a client with "
		                      "--dir DIR"));
	if (o->clients) {
		char buf[4096], *save = NULL;

		snprintf(buf, sizeof buf, "%s", o->clients);
		for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			client cl;
			int64_t *nn;

			if (ctl_client_ref(g->c, tok, &cl, &e) != CART_OK) {
				free(ids);
				return cli_fail(g, &e);
			}
			if (!(nn = realloc(ids, sizeof *ids * (size_t)(n + 1)))) {
				free(ids);
				return cli_fail(g, &(cart_err){ CART_NOMEM, "out of memory" });
			}
			ids = nn;
			ids[n++] = cl.id;
		}
	} else if (rpt_pick_clients(g->c, o->f.asof, o->overdue, &ids, &n, &e) != CART_OK) {
		return cli_fail(g, &e);
	}
	{
		rpt_many m = { .f = o->f, .format = o->format, .page_lines = o->page_lines,
		               .encoding = o->encoding,
		               .dir = o->dir, .output = o->output, .force = o->force };

		bad = rpt_statements_write(g->c, ids, n, &m, &replaced, &e) != CART_OK;
	}
	free(ids);
	if (bad)
		return cli_fail(g, &e);
	warn_replaced(replaced);
	printf(P_("Wrote %d statement to %s\n", "Wrote %d statements to %s\n", n), n,
	       o->dir ? o->dir : o->output);
	return rc;
}

int cmd_report(cli *g, int argc, char **argv)
{
	const char *what;
	ropts o;
	cart_err e;
	client cl;
	doc_info d;
	int64_t id = 0;
	char name[128];
	int rc;

	g->prog = "cartera report";
	if ((rc = parse_opts(g, argc, argv, &o)))
		return rc < 0 ? EXIT_DONE : rc;
	if (optind >= argc)
		return cli_usage(g, _("say which report: statement, statements, aging, followup, "
		                      "trend or document"));
	what = argv[optind++];
	if ((rc = cli_open(g, CTL_OPEN_READONLY)))
		return rc;
	if (!ctl_has_company(g->c)) {
		fprintf(stderr, _("cartera: the ledger has no company settings yet (cartera init)\n"));
		return EXIT_FAILED;
	}
	if ((rc = need_range(g, &o)))
		return rc;
	if (!strcmp(what, "statement")) {
		if (argc - optind != 1)
			return cli_usage(g, _("report statement takes one client"));
		if (ctl_client_ref(g->c, argv[optind], &cl, &e) != CART_OK)
			return cli_fail(g, &e);
		rpt_slug(cl.name, name, sizeof name);
		snprintf(name + strlen(name), sizeof name - strlen(name), "-statement");
		return write_report(g, &o, name, build_statement, &cl.id);
	}
	if (!strcmp(what, "statements")) {
		if (argc != optind)
			return cli_usage(g, _("report statements takes no client names: use --clients"));
		return many_statements(g, &o);
	}
	if (!strcmp(what, "aging")) {
		if (argc != optind)
			return cli_usage(g, _("report aging takes no argument"));
		return write_report(g, &o, "aging", build_aging, NULL);
	}
	if (!strcmp(what, "followup")) {
		if (argc - optind > 1)
			return cli_usage(g, _("report followup takes at most one client"));
		if (argc > optind) {
			if (ctl_client_ref(g->c, argv[optind], &cl, &e) != CART_OK)
				return cli_fail(g, &e);
			id = cl.id;
		}
		return write_report(g, &o, "followup", build_followup, &id);
	}
	if (!strcmp(what, "trend")) {
		if (argc - optind > 1)
			return cli_usage(g, _("report trend takes at most one client"));
		if (argc > optind) {
			if (ctl_client_ref(g->c, argv[optind], &cl, &e) != CART_OK)
				return cli_fail(g, &e);
			id = cl.id;
		}
		return write_report(g, &o, "trend", build_trend, &id);
	}
	if (!strcmp(what, "document")) {
		if (argc - optind != 1)
			return cli_usage(g, _("report document takes one document number"));
		if (ctl_doc_ref(g->c, argv[optind], &d, &e) != CART_OK)
			return cli_fail(g, &e);
		return write_report(g, &o, d.number, build_document, &d.id);
	}
	return cli_usage(g, _("unknown report \"%s\": use statement, statements, aging, followup, "
	                      "trend or document"), what);
}
