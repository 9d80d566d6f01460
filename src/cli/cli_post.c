/* Command-line postings: init, demo, invoice, payment, credit, credit-note, opening, void. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cartera/ctl_safety.h"
#include "cartera/country.h"
#include "cartera/demo.h"
#include "cartera/outfile.h"
#include "cartera/render.h"
#include "cli.h"

/* Every posting prints one line: number, client, amount, and what is left as a credit. */
static void print_posted(cli *g, const char *what, const posted *p, const char *client_name,
                         int64_t amount, const char *currency)
{
	char a[40], b[40];

	ctl_money(g->c, amount, a, sizeof a);
	if (p->replayed) {
		/* a retry with the same --key: the document posted the first time */
		printf(_("%s %s was already posted with this key; nothing posted again: %s %s%s%s\n"),
		       what, p->number, a, currency && *currency ? currency : ctl_company(g->c)->currency,
		       client_name ? ", " : "", client_name ? client_name : "");
		return;
	}
	printf(_("%s %s posted: %s %s%s%s"), what, p->number, a,
	       currency && *currency ? currency : ctl_company(g->c)->currency, client_name ? ", " : "",
	       client_name ? client_name : "");
	if (p->credit_left > 0) {
		ctl_money(g->c, p->credit_left, b, sizeof b);
		printf(_("; %s left as a credit in favour"), b);
	}
	printf("\n");
}

/* A subcommand word after the command ("invoice post"): argv[1] must be want. */
static int want_word(cli *g, int argc, char **argv, const char *want, const char *help)
{
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(_(help), stdout);
		return -1;
	}
	if (argc < 2 || strcmp(argv[1], want))
		return cli_usage(g, _("expected '%s %s'"), argv[0], want);
	return 0;
}

/* ---- init ---- */

static const char init_help[] =
	N_("Usage: cartera init [--db FILE] [OPTIONS]\n"
	   "Create a ledger and save the company's settings.\n"
	   "  --name NAME            company name (required)\n"
	   "  --tax-id ID            company tax id\n"
	   "  --country CC           ISO country: CO, PE, PA, MX, EC (default CO); it brings its\n"
	   "                         currencies, separators and tax rates: PE PEN+USD 1,234.56;\n"
	   "                         CO COP 1.234,56; MX MXN 1,234.56; PA USD 1,234.56;\n"
	   "                         EC USD 1.234,56. Another country needs --currency.\n"
	   "  --currency CUR         ISO currency (default: the country's)\n"
	   "  --currency2 CUR        a second invoicing currency (default: the country's)\n"
	   "  --decimals N           digits after the decimal separator, 0 to 4 (default 2)\n"
	   "  --decimal-sep C        ',' or '.' (default: the country's)\n"
	   "  --thousands-sep C      '.', ',', ' ', \"'\" or none (default: the country's)\n"
	   "  --ranges LIST          aging ranges in days overdue (default 30,60,90)\n"
	   "  --allow-refunds        credits in favour may be refunded in cash\n"
	   "  --date-order O         dmy: clerks type and read DD/MM/YYYY (the default of every\n"
	   "                         --country); ymd: YYYY-MM-DD (the default without one)\n"
	   "  --print-encoding E     plain text for printers: UTF-8 (default), CP850, ISO-8859-1\n"
	   "  --page-lines N         plain text in pages of N lines (66 for continuous forms)\n"
	   "  --group NAME           share the ledger with the Unix group NAME (mode 0660; see\n"
	   "                         README: several clerks); otherwise it is private (0600)\n");

int cli_company_print_opt(cli *g, int opt, const char *arg, company_print *p)
{
	long v;
	int rc;

	switch (opt) {
	case 'O':
		if ((p->date_order = date_order_parse(arg)) < 0)
			return cli_usage(g, _("--date-order \"%s\": dmy (DD/MM/YYYY) or ymd (YYYY-MM-DD)"),
			                 arg);
		break;
	case 'E':
		if (rnd_encoding_parse(arg) < 0)
			return cli_usage(g, _("--print-encoding \"%s\": use UTF-8, CP850 or ISO-8859-1"), arg);
		p->encoding = rnd_encoding_name(rnd_encoding_parse(arg));
		break;
	case 'P':
		if (!strcmp(arg, "0")) {
			p->page_lines = 0;
			break;
		}
		if ((rc = cli_int(g, "--page-lines", arg, RND_MIN_PAGE_LINES, 1000, &v)))
			return rc;
		p->page_lines = (int)v;
		break;
	}
	return 0;
}

void cli_company_print_apply(const company_print *p, company *co)
{
	if (p->date_order >= 0)
		co->date_order = p->date_order;
	if (p->encoding)
		snprintf(co->print_encoding, sizeof co->print_encoding, "%s", p->encoding);
	if (p->page_lines >= 0)
		co->print_page_lines = p->page_lines;
}

int cmd_init(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "name", required_argument, NULL, 'n' },
		{ "tax-id", required_argument, NULL, 't' },
		{ "country", required_argument, NULL, 'c' },
		{ "currency", required_argument, NULL, 'm' },
		{ "currency2", required_argument, NULL, '2' },
		{ "decimals", required_argument, NULL, 'd' },
		{ "decimal-sep", required_argument, NULL, 's' },
		{ "thousands-sep", required_argument, NULL, 'k' },
		{ "ranges", required_argument, NULL, 'r' },
		{ "allow-refunds", no_argument, NULL, 'a' },
		{ "group", required_argument, NULL, 'g' },
		{ "date-order", required_argument, NULL, 'O' },
		{ "print-encoding", required_argument, NULL, 'E' },
		{ "page-lines", required_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 }
	};
	company co;
	cart_err e;
	long v;
	int opt, rc;
	const char *group = NULL, *country = NULL, *currency = NULL, *currency2 = NULL;
	int decimals = -1, dec_sep = -1, thou_sep = -1;
	company_print print = { -1, NULL, -1 };

	g->prog = "cartera init";
	company_defaults(&co);
	co.name[0] = '\0';
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'n': snprintf(co.name, sizeof co.name, "%s", optarg); break;
		case 't': snprintf(co.tax_id, sizeof co.tax_id, "%s", optarg); break;
		case 'c': country = optarg; break;
		case 'm': currency = optarg; break;
		case '2': currency2 = optarg; break;
		case 'd':
			if ((rc = cli_int(g, "--decimals", optarg, 0, 4, &v)))
				return rc;
			decimals = (int)v;
			break;
		case 's':
			if (strlen(optarg) != 1)
				return cli_usage(g, _("--decimal-sep must be one character: ',' or '.'"));
			dec_sep = optarg[0];
			break;
		case 'k':
			if (!strcmp(optarg, "none") || !*optarg)
				thou_sep = '\0';
			else if (strlen(optarg) == 1)
				thou_sep = optarg[0];
			else
				return cli_usage(g, _("--thousands-sep must be one character or 'none'"));
			break;
		case 'r':
			if (company_parse_ranges(&co, optarg, &e) != CART_OK)
				return cli_usage(g, _("--ranges: %s"), e.msg);
			break;
		case 'a': co.allow_cash_refund = 1; break;
		case 'g': group = optarg; break;
		case 'O': case 'E': case 'P':
			if ((rc = cli_company_print_opt(g, opt, optarg, &print)))
				return rc;
			break;
		HANDLE_COMMON(g, opt, init_help)
		}
	}
	cli_unmask(argc, argv);
	if (optind < argc)
		return cli_usage(g, _("unexpected argument \"%s\""), argv[optind]);
	if (!co.name[0])
		return cli_usage(g, _("the company name is required (--name)"));
	/* the country brings its currencies and how amounts are written; what is given beside
	 * it wins. A country cartera does not know needs its currency given. */
	if (country && country_find(country) &&
	    country_company_defaults(&co, country, &e) != CART_OK)
		return cli_usage(g, "%s", e.msg);
	if (country && !country_find(country)) {
		if (!currency && country_company_defaults(&co, country, &e) != CART_OK)
			return cli_usage(g, "%s", e.msg);
		snprintf(co.country, sizeof co.country, "%.2s", country);
		co.currency2[0] = '\0';
	}
	if (currency)
		snprintf(co.currency, sizeof co.currency, "%.3s", currency);
	if (!currency2 && !strcmp(co.currency2, co.currency)) /* Peru kept in USD: no second */
		co.currency2[0] = '\0';
	if (currency2)
		snprintf(co.currency2, sizeof co.currency2, "%.3s", currency2);
	if (decimals >= 0)
		co.fmt.decimals = decimals;
	if (dec_sep >= 0)
		co.fmt.dec_sep = (char)dec_sep;
	if (thou_sep >= 0)
		co.fmt.thou_sep = (char)thou_sep;
	cli_company_print_apply(&print, &co);
	for (int i = 0; co.country[i]; i++)
		co.country[i] = (char)(co.country[i] >= 'a' && co.country[i] <= 'z' ? co.country[i] - 32 : co.country[i]);
	if (!g->db[0])
		ctl_default_db(g->db, sizeof g->db);
	if (ctl_make_parent(g->db, &e) != CART_OK)
		return cli_fail(g, &e);
	if ((rc = cli_open(g, CTL_OPEN_CREATE)))
		return rc;
	if (ctl_has_company(g->c)) {
		fprintf(stderr, "cartera init: %s already holds a ledger of %s; it was not changed\n",
		        g->db, ctl_company(g->c)->name);
		return EXIT_FAILED;
	}
	if (ctl_company_set(g->c, &co, &e) != CART_OK)
		return cli_fail(g, &e);
	if (group && ctl_share_group(g->c, group, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("ledger %s created for %s (%s, %s)\n"), g->db, co.name, co.country, co.currency);
	if (group)
		printf(_("shared with the group %s (mode 0660)\n"), group);
	return EXIT_DONE;
}

/* ---- demo ---- */

/* A failed demo leaves no half-made file behind. */
static void remove_ledger_sides(const char *path)
{
	char side[1200];

	snprintf(side, sizeof side, "%s-wal", path);
	remove(side);
	snprintf(side, sizeof side, "%s-shm", path);
	remove(side);
}

static void remove_ledger(const char *path)
{
	char side[1200];

	remove(path);
	snprintf(side, sizeof side, "%s-wal", path);
	remove(side);
	snprintf(side, sizeof side, "%s-shm", path);
	remove(side);
}

static const char demo_help[] =
	N_("Usage: cartera demo [--db FILE] [--clients N] [--invoices N] [--receipts N] [--seed N]\n"
	   "Create a new ledger filled with a realistic demo: clients with valid tax ids, 18 months of\n"
	   "invoices, instalments, partial payments, overpayments, advances, credit notes, opening\n"
	   "balances and a few voids. The file must not exist yet.\n"
	   "  --clients N    clients (default 300)\n"
	   "  --invoices N   invoices (default 20 per client)\n"
	   "  --receipts N   receipts (default 3 per 4 invoices)\n"
	   "  --months N     months of history (default 18)\n"
	   "  --seed N       random seed (default 1): the same seed and --today give the same ledger\n"
	   "  --quiet        no progress\n");

int cmd_demo(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "clients", required_argument, NULL, 'c' },
		{ "invoices", required_argument, NULL, 'i' },
		{ "receipts", required_argument, NULL, 'r' },
		{ "months", required_argument, NULL, 'm' },
		{ "seed", required_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	demo_opts o;
	demo_stats st;
	company co;
	cart_err e;
	struct stat sb;
	outfile of;
	char final[1024];
	long v;
	int opt, rc;

	g->prog = "cartera demo";
	demo_defaults(&o);
	o.invoices = o.receipts = -1;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			if ((rc = cli_int(g, "--clients", optarg, 1, 10000000, &v)))
				return rc;
			o.clients = v;
			break;
		case 'i':
			if ((rc = cli_int(g, "--invoices", optarg, 0, 100000000, &v)))
				return rc;
			o.invoices = v;
			break;
		case 'r':
			if ((rc = cli_int(g, "--receipts", optarg, 0, 100000000, &v)))
				return rc;
			o.receipts = v;
			break;
		case 'm':
			if ((rc = cli_int(g, "--months", optarg, 1, 240, &v)))
				return rc;
			o.months = (int)v;
			break;
		case 's':
			if ((rc = cli_int(g, "--seed", optarg, 0, 2147483647, &v)))
				return rc;
			o.seed = (uint64_t)v;
			break;
		case 'q': o.quiet = 1; break;
		HANDLE_COMMON(g, opt, demo_help)
		}
	}
	cli_unmask(argc, argv);
	if (optind < argc)
		return cli_usage(g, _("unexpected argument \"%s\""), argv[optind]);
	if (o.invoices < 0)
		o.invoices = o.clients * 20;
	if (o.receipts < 0)
		o.receipts = o.invoices * 3 / 4;
	if (!g->db[0])
		ctl_default_db(g->db, sizeof g->db);
	if (stat(g->db, &sb) == 0 && sb.st_size > 0) {
		fprintf(stderr, "cartera demo: %s already exists; give another --db or remove it\n",
		        g->db);
		return EXIT_FAILED;
	}
	snprintf(final, sizeof final, "%s", g->db);
	if (ctl_make_parent(g->db, &e) != CART_OK)
		return cli_fail(g, &e);
	/* built under a hidden name beside the ledger and renamed in when whole: a killed demo
	 * leaves no half ledger (an empty file, as a kill before this change left, is replaced) */
	if (outfile_begin(&of, final, stat(final, &sb) == 0 && sb.st_size == 0 ? OUTFILE_FORCE : 0,
	                  &e) != CART_OK)
		return cli_fail(g, &e);
	snprintf(g->db, sizeof g->db, "%.1023s", of.tmp); /* outfile keeps it shorter */
	if ((rc = cli_open(g, CTL_OPEN_CREATE))) {
		outfile_abort(&of);
		remove_ledger(of.tmp);
		return rc;
	}
	demo_company(&co);
	if (ctl_company_set(g->c, &co, &e) != CART_OK || ctl_demo_generate(g->c, &o, &st, &e) != CART_OK) {
		rc = cli_fail(g, &e);
		ctl_close(g->c);
		g->opened = 0;
		remove_ledger(of.tmp);
		outfile_abort(&of);
		return rc;
	}
	ctl_close(g->c);
	g->opened = 0;
	snprintf(g->db, sizeof g->db, "%s", final);
	if (outfile_commit(&of, &e) != CART_OK) {
		remove_ledger(of.tmp);
		return cli_fail(g, &e);
	}
	remove_ledger_sides(of.tmp);
	printf(_("demo ledger %s: %s, %lld clients, %lld invoices, %lld receipts, %lld credit notes,"
	       " %lld advances, %lld opening balances, %lld voids\n"), g->db, co.name,
	       (long long)st.clients, (long long)st.invoices, (long long)st.receipts,
	       (long long)st.credit_notes, (long long)st.advances, (long long)st.openings,
	       (long long)st.voids);
	return EXIT_DONE;
}

/* ---- invoice post ---- */

static const char invoice_help[] =
	N_("Usage: cartera invoice post CLIENT TOTAL [OPTIONS]\n"
	   "Post an invoice for TOTAL (in the company's format, e.g. 1.234,56) to CLIENT (number, tax\n"
	   "id or name). It posts a CF charge; the due date comes from the client's terms.\n"
	   "  --date DATE          invoice date (default today)\n"
	   "  --due DATE           due date (default date + the client's payment terms)\n"
	   "  --currency CUR       the company's second currency instead of its own\n"
	   "  --instalments N      split into N equal monthly instalments from the due date\n"
	   "  --expenses AMOUNT    reimbursable expenses, posted as CGC per the client's charge mode\n"
	   "  --ref TEXT           the customer's reference (order number)\n"
	   "  --memo TEXT          a note on the invoice\n"
	   "Or key it by lines, like the invoice form (TOTAL may then be left out; given, it must agree):\n"
	   "  --line DESC;QTY;PRICE;TAX  a line: quantity (up to 3 decimals), unit price, tax rate by\n"
	   "                       name or percentage (cartera tax list; empty = none); repeat\n"
	   "  --expense-line DESC;QTY;PRICE  a reimbursable expense (CGC, no tax)\n"
	   "  --every DAYS|month   instalments due every DAYS days or monthly (default month)\n"
	   "  --first DATE         the first instalment's due date (default the due date)\n"
	   "  --override REASON    invoice over the credit limit or with overdue debt (logged)\n");

int cmd_invoice(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "date", required_argument, NULL, 'd' },
		{ "due", required_argument, NULL, 'u' },
		{ "currency", required_argument, NULL, 'c' },
		{ "instalments", required_argument, NULL, 'i' },
		{ "expenses", required_argument, NULL, 'x' },
		{ "ref", required_argument, NULL, 'r' },
		{ "memo", required_argument, NULL, 'm' },
		{ "line", required_argument, NULL, 'l' },
		{ "expense-line", required_argument, NULL, 'X' },
		{ "every", required_argument, NULL, 'e' },
		{ "first", required_argument, NULL, 'f' },
		{ "override", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	ctl_invoice a = { 0 };
	const char *lines[200], *every = NULL, *first = NULL;
	int expense[200], n_lines = 0;
	posted p;
	cart_err e;
	long v;
	int opt, rc;

	g->prog = "cartera invoice post";
	if ((rc = want_word(g, argc, argv, "post", invoice_help)))
		return rc < 0 ? EXIT_DONE : rc;
	argc--, argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'd': a.date = optarg; break;
		case 'u': a.due = optarg; break;
		case 'c': a.currency = optarg; break;
		case 'i':
			if ((rc = cli_int(g, "--instalments", optarg, 1, 360, &v)))
				return rc;
			a.instalments = (int)v;
			break;
		case 'x': a.expenses = optarg; break;
		case 'r': a.reference = optarg; break;
		case 'm': a.memo = optarg; break;
		case 'l':
		case 'X':
			if (n_lines == 200)
				return cli_usage(g, _("at most 200 lines"));
			expense[n_lines] = opt == 'X';
			lines[n_lines++] = optarg;
			break;
		case 'e': every = optarg; break;
		case 'f': first = optarg; break;
		case 'o': a.override = optarg; break;
		HANDLE_COMMON(g, opt, invoice_help)
		}
	}
	cli_unmask(argc, argv);
	if (n_lines > 0) {
		if (argc - optind < 1 || argc - optind > 2)
			return cli_usage(g, _("give the client (and, to check it, the total)"));
		a.client = argv[optind];
		a.total = argc - optind == 2 ? argv[optind + 1] : NULL;
		return cli_invoice_lines(g, &a, lines, expense, n_lines, every, first);
	}
	if (every || first)
		return cli_usage(g, _("--every and --first go with --line"));
	if (argc - optind != 2)
		return cli_usage(g, _("give the client and the total"));
	a.client = argv[optind];
	a.total = argv[optind + 1];
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_invoice_post(g->c, &a, &p, &e) != CART_OK)
		return cli_fail(g, &e);
	print_posted(g, _("invoice"), &p, p.client, p.total, p.currency);
	printf(_("due %s\n"), p.due_date);
	return EXIT_DONE;
}

/* ---- payment post ---- */

static const char payment_help[] =
	N_("Usage: cartera payment post CLIENT AMOUNT [OPTIONS]\n"
	   "Post a payment received. Without --to it pays the client's open invoices oldest first;\n"
	   "whatever is left becomes a credit in favour.\n"
	   "  --to DOC[=AMOUNT]   pay this invoice (all it has open, or AMOUNT); repeat for several\n"
	   "  --advance           an advance: pay nothing now, keep it all as a credit in favour\n"
	   "  --date DATE         payment date (default today)\n"
	   "  --currency CUR      the company's second currency instead of its own\n"
	   "  --method TEXT       cash, transfer, card, cheque...\n"
	   "  --ref TEXT          bank reference or cheque number\n");

#define MAX_TO 64

int cmd_payment(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "to", required_argument, NULL, 't' },
		{ "advance", no_argument, NULL, 'a' },
		{ "date", required_argument, NULL, 'd' },
		{ "currency", required_argument, NULL, 'c' },
		{ "method", required_argument, NULL, 'm' },
		{ "ref", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *to[MAX_TO];
	ctl_payment a = { 0 };
	posted p;
	cart_err e;
	int opt, rc;

	g->prog = "cartera payment post";
	if ((rc = want_word(g, argc, argv, "post", payment_help)))
		return rc < 0 ? EXIT_DONE : rc;
	argc--, argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 't':
			if (a.n_to == MAX_TO)
				return cli_usage(g, _("at most %d --to targets"), MAX_TO);
			to[a.n_to++] = optarg;
			break;
		case 'a': a.advance = 1; break;
		case 'd': a.date = optarg; break;
		case 'c': a.currency = optarg; break;
		case 'm': a.method = optarg; break;
		case 'r': a.reference = optarg; break;
		HANDLE_COMMON(g, opt, payment_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 2)
		return cli_usage(g, _("give the client and the amount received"));
	a.client = argv[optind];
	a.amount = argv[optind + 1];
	a.to = to;
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_payment_post(g->c, &a, &p, &e) != CART_OK)
		return cli_fail(g, &e);
	print_posted(g, a.advance ? _("advance") : _("payment"), &p, p.client, p.total, p.currency);
	return EXIT_DONE;
}

/* ---- credit apply ---- */

static const char credit_help[] =
	N_("Usage: cartera credit apply DOC [OPTIONS]\n"
	   "Apply the credit in favour held by DOC (a receipt, advance, credit note or opening credit)\n"
	   "to the client's open invoices, oldest first unless --to says which.\n"
	   "  --to DOC[=AMOUNT]   apply to this invoice; repeat for several\n"
	   "  --amount AMOUNT     apply at most this much (default all the credit has left)\n"
	   "  --date DATE         application date (default today)\n");

int cmd_credit(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "to", required_argument, NULL, 't' },
		{ "amount", required_argument, NULL, 'a' },
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	const char *to[MAX_TO];
	ctl_apply a = { 0 };
	posted p;
	cart_err e;
	char amt[40];
	int opt, rc;

	g->prog = "cartera credit apply";
	if ((rc = want_word(g, argc, argv, "apply", credit_help)))
		return rc < 0 ? EXIT_DONE : rc;
	argc--, argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 't':
			if (a.n_to == MAX_TO)
				return cli_usage(g, _("at most %d --to targets"), MAX_TO);
			to[a.n_to++] = optarg;
			break;
		case 'a': a.amount = optarg; break;
		case 'd': a.date = optarg; break;
		HANDLE_COMMON(g, opt, credit_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give the document that holds the credit"));
	a.credit = argv[optind];
	a.to = to;
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_credit_apply(g->c, &a, &p, &e) != CART_OK)
		return cli_fail(g, &e);
	ctl_money(g->c, p.total, amt, sizeof amt);
	printf(_("applied %s %s from %s (%s)"), amt, p.currency, a.credit, p.number);
	ctl_money(g->c, p.credit_left, amt, sizeof amt);
	printf(_("; %s left\n"), amt);
	return EXIT_DONE;
}

/* ---- credit-note post ---- */

static const char credit_note_help[] =
	N_("Usage: cartera credit-note post CLIENT AMOUNT [OPTIONS]\n"
	   "Post a credit note. Against an invoice it may not exceed what the invoice has open;\n"
	   "without --against it stays on account as a credit in favour.\n"
	   "  --against DOC       the invoice it credits\n"
	   "  --reason TEXT       why (returned goods, discount...)\n"
	   "  --date DATE         date (default today)\n"
	   "  --currency CUR      the company's second currency instead of its own\n");

int cmd_credit_note(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "against", required_argument, NULL, 'a' },
		{ "reason", required_argument, NULL, 'r' },
		{ "date", required_argument, NULL, 'd' },
		{ "currency", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	ctl_credit_note a = { 0 };
	posted p;
	cart_err e;
	int opt, rc;

	g->prog = "cartera credit-note post";
	if ((rc = want_word(g, argc, argv, "post", credit_note_help)))
		return rc < 0 ? EXIT_DONE : rc;
	argc--, argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'a': a.against = optarg; break;
		case 'r': a.reason = optarg; break;
		case 'd': a.date = optarg; break;
		case 'c': a.currency = optarg; break;
		HANDLE_COMMON(g, opt, credit_note_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 2)
		return cli_usage(g, _("give the client and the amount"));
	a.client = argv[optind];
	a.amount = argv[optind + 1];
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_credit_note_post(g->c, &a, &p, &e) != CART_OK)
		return cli_fail(g, &e);
	print_posted(g, _("credit note"), &p, p.client, p.total, p.currency);
	return EXIT_DONE;
}

/* ---- opening post ---- */

static const char opening_help[] =
	N_("Usage: cartera opening post CLIENT AMOUNT [OPTIONS]\n"
	   "Post a client's opening balance at a date (negative AMOUNT for a credit in favour), or\n"
	   "with --item one open invoice carried over from the old system. No invoice may later be\n"
	   "dated before the client's opening balance date.\n"
	   "  --date DATE         balance date or the old invoice's date (default today)\n"
	   "  --item              an open invoice, not a balance\n"
	   "  --due DATE          the old invoice's due date (default date + terms)\n"
	   "  --ref TEXT          the old invoice's number\n"
	   "  --currency CUR      the company's second currency instead of its own\n"
	   "Or import them from CSV, all or nothing: cartera opening import FILE (see its --help).\n");

int cmd_opening(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "date", required_argument, NULL, 'd' },
		{ "item", no_argument, NULL, 'i' },
		{ "due", required_argument, NULL, 'u' },
		{ "ref", required_argument, NULL, 'r' },
		{ "currency", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	ctl_opening a = { 0 };
	posted p;
	cart_err e;
	int opt, rc;

	g->prog = "cartera opening post";
	if (argc >= 2 && !strcmp(argv[1], "import"))
		return cli_opening_import(g, argc - 1, argv + 1);
	if ((rc = want_word(g, argc, argv, "post", opening_help)))
		return rc < 0 ? EXIT_DONE : rc;
	argc--, argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'd': a.date = optarg; break;
		case 'i': a.item = 1; break;
		case 'u': a.due = optarg; break;
		case 'r': a.reference = optarg; break;
		case 'c': a.currency = optarg; break;
		HANDLE_COMMON(g, opt, opening_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 2)
		return cli_usage(g, _("give the client and the amount"));
	a.client = argv[optind];
	a.amount = argv[optind + 1];
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_opening_post(g->c, &a, &p, &e) != CART_OK)
		return cli_fail(g, &e);
	print_posted(g, a.item ? _("opening item") : _("opening balance"), &p, p.client,
	             p.credit_left ? -p.total : p.total, p.currency);
	return EXIT_DONE;
}

/* ---- void ---- */

static const char void_help[] =
	N_("Usage: cartera void DOC --reason TEXT [--date DATE]\n"
	   "Void a posted document by a reversing document. Payments it received become credits in\n"
	   "favour again; both documents stay visible in the statement.\n");

int cmd_void(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "reason", required_argument, NULL, 'r' },
		{ "date", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	const char *reason = NULL, *date = NULL;
	posted p;
	cart_err e;
	int opt, rc;

	g->prog = "cartera void";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'r': reason = optarg; break;
		case 'd': date = optarg; break;
		HANDLE_COMMON(g, opt, void_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give the document to void"));
	if (!reason || !*reason)
		return cli_usage(g, _("a void needs a reason (--reason)"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_void(g->c, argv[optind], date, reason, &p, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("%s voided by %s\n"), argv[optind], p.number);
	return EXIT_DONE;
}
