/* Command-line reports: dashboard, balance, aging, check. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ctl_report.h"
#include "cartera/reports.h"
#include "cli.h"

/* Money in a listing: the company's format for people, plain for programs. */
static void cell_money(cli *g, int64_t v, char *buf, size_t size)
{
	if (g->format == OUT_TEXT)
		ctl_money(g->c, v, buf, size);
	else
		ctl_money_plain(g->c, v, buf, size);
}

/* Options shared by the reports: --asof and the common ones. */
static int report_opts(cli *g, int argc, char **argv, const char *help, const char **asof,
                       const char **ranges)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "asof", required_argument, NULL, 'A' },
		{ "ranges", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'A': *asof = optarg; break;
		case 'r':
			if (!ranges)
				return cli_usage(g, _("--ranges applies to aging only"));
			*ranges = optarg;
			break;
		case 'h':
			fputs(_(help), stdout);
			return -1;
		default:
			if ((rc = cli_common(g, opt, optarg)) == -1)
				return cli_usage(g, _("unknown option"));
			if (rc)
				return rc;
		}
	}
	cli_unmask(argc, argv);
	return 0;
}

/* ---- dashboard ---- */

static const char dashboard_help[] =
	N_("Usage: cartera [dashboard] [CLIENT] [--asof DATE]\n"
	   "The four totals of the receivables: due (not yet due), overdue, credits in favour and the\n"
	   "net balance, each with its count of open items; for all clients or one; per currency.\n"
	   "\n"
	   "       cartera dashboard --tab TAB [CLIENT] [--filter TEXT] [--sort COL[:desc]]\n"
	   "                         [--days MIN-MAX] [--range N] [--offset N] [--limit N]\n"
	   "One tab of the dashboard: overdue, due, credits, clients, transactions or quotes.\n"
	   "  --filter TEXT   part of the client's name or tax id, or the start of a document number\n"
	   "                  (digits alone also find that number in any series: 12 -> FAC-000012)\n"
	   "  --sort COL      one of the tab's columns (the header names), :desc for descending\n"
	   "  --days MIN-MAX  days overdue (MIN- or -MAX for one bound); clients: the oldest item's\n"
	   "  --range N       the company's aging range: 0 not yet due, 1 the first range (1-30), ...\n"
	   "  --offset N --limit N   the page (default the first 50 rows)\n"
	   "  --client C      one client's items (same as CLIENT)\n");

static int print_totals(cli *g, const ctl_dashboard *d)
{
	static const out_col cols[] = {
		{ "currency", 8, 0, 0 }, { "due", 16, 1, 1 }, { "n_due", 6, 1, 1 },
		{ "overdue", 16, 1, 1 }, { "n_overdue", 9, 1, 1 }, { "credits", 16, 1, 1 },
		{ "n_credits", 9, 1, 1 }, { "net", 16, 1, 1 },
	};
	out_table t;
	char a[40], b[40], c[40], n[40], na[24], nb[24], nc[24];

	out_begin(&t, stdout, g->format, cols, 8);
	for (int i = 0; i < d->n; i++) {
		const char *v[8] = { d->t[i].currency, a, na, b, nb, c, nc, n };

		cell_money(g, d->t[i].due, a, sizeof a);
		cell_money(g, d->t[i].overdue, b, sizeof b);
		cell_money(g, d->t[i].credits, c, sizeof c);
		cell_money(g, d->t[i].net, n, sizeof n);
		snprintf(na, sizeof na, "%lld", (long long)d->t[i].n_due);
		snprintf(nb, sizeof nb, "%lld", (long long)d->t[i].n_overdue);
		snprintf(nc, sizeof nc, "%lld", (long long)d->t[i].n_credits);
		out_row(&t, v);
	}
	out_end(&t);
	return EXIT_DONE;
}

int cmd_dashboard(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "asof", required_argument, NULL, 'A' },
		{ "tab", required_argument, NULL, 't' },
		{ "filter", required_argument, NULL, 'f' },
		{ "sort", required_argument, NULL, 's' },
		{ "days", required_argument, NULL, 'd' },
		{ "range", required_argument, NULL, 'r' },
		{ "offset", required_argument, NULL, 'o' },
		{ "limit", required_argument, NULL, 'l' },
		{ "client", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	cli_dash_args a = { 0 };
	const char *asof = NULL;
	ctl_dashboard d;
	client cl = { 0 };
	cart_err e;
	int opt, rc;

	g->prog = "cartera dashboard";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'A': asof = optarg; break;
		case 't': a.tab = optarg; break;
		case 'f': a.filter = optarg; break;
		case 's': a.sort = optarg; break;
		case 'd': a.days = optarg; break;
		case 'r': a.range = optarg; break;
		case 'o': a.offset = optarg; break;
		case 'l': a.limit = optarg; break;
		case 'c': a.client = optarg; break;
		HANDLE_COMMON(g, opt, dashboard_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind > 1)
		return cli_usage(g, _("give at most one client"));
	if (optind < argc && a.client)
		return cli_usage(g, _("give the client once (argument or --client)"));
	if (optind < argc)
		a.client = argv[optind];
	a.asof = asof;
	if (a.tab)
		return cli_dashboard_tab(g, &a);
	if (a.filter || a.sort || a.days || a.range || a.offset || a.limit)
		return cli_usage(g, _("--filter, --sort, --days, --range, --offset and --limit need --tab"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (a.client && ctl_client_ref(g->c, a.client, &cl, &e) != CART_OK)
		return cli_fail(g, &e);
	if (ctl_dashboard_load(g->c, cl.id, asof, &d, &e) != CART_OK)
		return cli_fail(g, &e);
	if (g->format == OUT_TEXT)
		printf("%s%s%s, as of %s\n", ctl_company(g->c)->name, cl.id ? " — " : "", cl.id ? cl.name : "",
		       d.asof);
	return print_totals(g, &d);
}

/* ---- balance ---- */

static const char balance_help[] =
	N_("Usage: cartera balance [CLIENT] [--asof DATE]\n"
	   "The ledger balance (charges minus credits) and the open totals, per currency, of all\n"
	   "clients or of one; for one client in text, its open items follow.\n");

int cmd_balance(cli *g, int argc, char **argv)
{
	static const out_col cols[] = {
		{ "currency", 8, 0, 0 }, { "charges", 16, 1, 1 }, { "credits", 16, 1, 1 },
		{ "balance", 16, 1, 1 }, { "due", 16, 1, 1 }, { "overdue", 16, 1, 1 },
		{ "credits_open", 16, 1, 1 }, { "net", 16, 1, 1 },
	};
	const char *asof_arg = NULL;
	balance b[LEDGER_MAX_CURRENCIES];
	ctl_dashboard d;
	client cl = { 0 };
	out_table t;
	cart_err e;
	int nb, rc;

	g->prog = "cartera balance";
	if ((rc = report_opts(g, argc, argv, balance_help, &asof_arg, NULL)))
		return rc < 0 ? EXIT_DONE : rc;
	if (argc - optind > 1)
		return cli_usage(g, _("give at most one client"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (optind < argc && ctl_client_ref(g->c, argv[optind], &cl, &e) != CART_OK)
		return cli_fail(g, &e);
	if (ctl_dashboard_load(g->c, cl.id, asof_arg, &d, &e) != CART_OK ||
	    ctl_balance(g->c, cl.id, d.asof, b, &nb, &e) != CART_OK)
		return cli_fail(g, &e);
	if (g->format == OUT_TEXT)
		printf("%s, as of %s\n", cl.id ? cl.name : _("All clients"), d.asof);
	out_begin(&t, stdout, g->format, cols, 8);
	for (int i = 0; i < nb; i++) {
		char v0[40], v1[40], v2[40], v3[40], v4[40], v5[40], v6[40];
		const char *v[8] = { b[i].currency, v0, v1, v2, v3, v4, v5, v6 };
		totals z = { 0 }, *tt = &z;

		for (int j = 0; j < d.n; j++)
			if (!strcmp(d.t[j].currency, b[i].currency))
				tt = &d.t[j];
		cell_money(g, b[i].charges, v0, sizeof v0);
		cell_money(g, b[i].credits, v1, sizeof v1);
		cell_money(g, b[i].balance, v2, sizeof v2);
		cell_money(g, tt->due, v3, sizeof v3);
		cell_money(g, tt->overdue, v4, sizeof v4);
		cell_money(g, tt->credits, v5, sizeof v5);
		cell_money(g, tt->net, v6, sizeof v6);
		out_row(&t, v);
	}
	out_end(&t);
	if (cl.id && g->format == OUT_TEXT) {
		printf("\nOpen items:\n");
		if (cli_open_items(g, cl.id, d.asof, &e) != CART_OK)
			return cli_fail(g, &e);
	}
	return EXIT_DONE;
}

/* ---- aging ---- */

static const char aging_help[] =
	N_("Usage: cartera aging [--asof DATE] [--ranges 30,60,90]\n"
	   "Aging of the receivables: one row per client and currency with what is not yet due, what\n"
	   "is overdue in each range of days, open charges, credits in favour and the net; a total per\n"
	   "currency, and the check that the ranges and the net add up to the ledger balance. The same\n"
	   "report as `cartera report aging`. Ranges default to the company's. As of a past date,\n"
	   "everything dated after it, payments included, is left out.\n");

static int build_aging(ctl *c, const void *asof, report *r, cart_err *e)
{
	return rpt_aging(c, asof, r, e);
}

int cmd_aging(cli *g, int argc, char **argv)
{
	const char *asof_arg = NULL, *ranges_arg = NULL;
	char asof[DATE_LEN];
	cart_err e;
	int rc;

	g->prog = "cartera aging";
	if ((rc = report_opts(g, argc, argv, aging_help, &asof_arg, &ranges_arg)))
		return rc < 0 ? EXIT_DONE : rc;
	if (optind < argc)
		return cli_usage(g, _("unexpected argument \"%s\""), argv[optind]);
	if (ctl_date(asof_arg, "--asof", asof, &e) != CART_OK)
		return cli_fail(g, &e);
	if ((rc = cli_open(g, CTL_OPEN_READONLY)))
		return rc;
	/* other ranges for this run only: the company's settings are not saved */
	if (ranges_arg && ctl_ranges_for_run(g->c, ranges_arg, &e) != CART_OK)
		return cli_usage(g, _("--ranges: %s"), e.msg);
	return cli_print_report(g, build_aging, asof);
}

/* ---- check ---- */

static const char check_help[] =
	N_("Usage: cartera check [--asof DATE] [--full]\n"
	   "Verify every invariant of the ledger: kept open amounts against allocations,\n"
	   "instalments, allocation pairs, references between rows, voids, numbering, kept\n"
	   "balances, and that the aging buckets and the net balance add up to the ledger.\n"
	   "Exit status 1 when anything is wrong. Every row is read once and each small\n"
	   "table gets SQLite's quick check, so a damaged page is reported too.\n"
	   "--full adds SQLite's full integrity check of the whole file, which also compares\n"
	   "every index with its table, and recomputes the monthly and daily sums kept for\n"
	   "the trend and past balances, and the open amounts kept by due date and client\n"
	   "for the aging (minutes on a ledger of a million documents, against seconds):\n"
	   "run it now and then, and whenever the disk or a copy is in doubt.\n");

static void print_problem(const char *p, void *ud)
{
	(void)ud;
	printf(_("problem: %s\n"), p);
}

int cmd_check(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "asof", required_argument, NULL, 'A' },
		{ "full", no_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	const char *asof_arg = NULL;
	char asof[DATE_LEN];
	int64_t problems;
	cart_err e;
	int rc, opt, full = 0;

	g->prog = "cartera check";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'A': asof_arg = optarg; break;
		case 'F': full = 1; break;
		case 'h':
			fputs(_(check_help), stdout);
			return EXIT_DONE;
		default:
			if ((rc = cli_common(g, opt, optarg)) == -1)
				return cli_usage(g, _("unknown option"));
			if (rc)
				return rc;
		}
	}
	cli_unmask(argc, argv);
	if (optind < argc)
		return cli_usage(g, _("unexpected argument \"%s\""), argv[optind]);
	if (ctl_date(asof_arg, "--asof", asof, &e) != CART_OK)
		return cli_fail(g, &e);
	if ((rc = cli_open(g, CTL_OPEN_READONLY)))
		return rc;
	if (ctl_check_full(g->c, asof, full, print_problem, NULL, &problems, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(P_("%s: %lld problem as of %s\n", "%s: %lld problems as of %s\n",
	          (unsigned long)problems), g->db, (long long)problems, asof);
	return problems ? EXIT_FAILED : EXIT_DONE;
}
