/* cartera: accounts receivable at the terminal. main() reads the global options and hands the
 * rest to a subcommand from the table below. */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "cartera/ctl_safety.h"
#include "cartera/i18n.h"
#include "cartera/text.h"
#include "cli.h"
#include "../../ui/ui.h"

/* Marks an argument that starts like a negative amount; see mask_negatives(). */
#define NEG_MASK '\x01'

/* One list: name, handler, one-line summary for `cartera --help`. */
#define COMMANDS(X)                                                                         \
	X("init",        cmd_init,        N_("create a ledger with the company's settings"))     \
	X("demo",        cmd_demo,        N_("create a demo ledger full of realistic data"))     \
	X("client",      cmd_client,      N_("add, list, show, import and export clients"))                      \
	X("invoice",     cmd_invoice,     N_("post an invoice"))                                  \
	X("payment",     cmd_payment,     N_("post a payment received (or an advance)"))          \
	X("credit",      cmd_credit,      N_("apply a credit in favour to open invoices"))        \
	X("credit-note", cmd_credit_note, N_("post a credit note, against an invoice or on account")) \
	X("debit-note",  cmd_debit_note,  N_("post a debit note: a charge that amends an invoice")) \
	X("opening",     cmd_opening,     N_("post an opening balance or an open item from the old system")) \
	X("void",        cmd_void,        N_("void a document with a reversing document"))        \
	X("balance",     cmd_balance,     N_("balances and the four totals, of all or one client")) \
	X("aging",       cmd_aging,       N_("aging of receivables by client"))                   \
	X("check",       cmd_check,       N_("verify every invariant of the ledger"))             \
	X("dashboard",   cmd_dashboard,   N_("the four totals: due, overdue, credits, net")) \
	X("tax",         cmd_tax,         N_("list and add the company's tax rates"))             \
	X("quote",       cmd_quote,       N_("post, list, accept, reject quotes and make invoices of them")) \
	X("receipt",     cmd_receipt,     N_("post a receipt: means of payment, withholdings, what it pays")) \
	X("apply",       cmd_apply,       N_("apply a credit in favour to open invoices (credit apply)")) \
	X("refund",      cmd_refund,      N_("refund a credit in favour in cash"))                \
	X("write-off",   cmd_write_off,   N_("write off a credit in favour, with a reason"))      \
	X("company",     cmd_company,     N_("change a company setting (cash refunds)"))          \
	X("show",        cmd_show,        N_("show a posted document: lines, tax, means of payment, entries")) \
	X("remind",      cmd_remind,      N_("record a payment reminder in a client's history")) \
	X("report",      cmd_report,      N_("statements, aging, follow-up and documents as PDF, XLSX, text")) \
	X("mail",        cmd_mail,        N_("e-mail statements, documents, reminders; the outbox")) \
	X("followup",    cmd_followup,    N_("payment follow-up: levels, status, run (cron), letters")) \
	X("activity",    cmd_activity,    N_("a clerk's follow-up activities: list, add, done, reschedule")) \
	X("promise",     cmd_promise,     N_("promises to pay: add, list (kept or broken)")) \
	X("backup",      cmd_backup,      N_("copy the ledger into a backup file while clerks work")) \
	X("restore",     cmd_restore,     N_("replace the ledger with a checked backup"))          \
	X("audit",       cmd_audit,       N_("who did what: the audit trail, filtered")) \
	X("import",      cmd_import,      N_("import another system's documents (CSV) or electronic invoices")) \
	X("bank",        cmd_bank,        N_("bank statements: import, match to clients, accept as receipts"))

static const struct command {
	const char *name;
	int (*fn)(cli *g, int argc, char **argv);
	const char *summary;
} commands[] = {
#define X(name, fn, summary) { name, fn, summary },
	COMMANDS(X)
#undef X
};

static void usage(FILE *fp)
{
	fprintf(fp,
		_("Usage: cartera [--db FILE] [--today YYYY-MM-DD] [--format text|csv|json] [COMMAND ...]\n"
		"       cartera [--db FILE] [--screen dashboard|clients]\n"
		"               [--keys FILE [--dump FILE] [--size COLSxROWS]]\n"
		"\n"
		"Accounts receivable at the terminal. Without a command, opens the dashboard when run\n"
		"at a terminal, and prints the dashboard totals otherwise (scripts).\n"
		"\n"
		"Commands:\n"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(fp, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
	fprintf(fp,
		_("\n"
		"Options:\n"
		"  --db FILE       the ledger (default: $CARTERA_DB, else ~/.local/share/cartera/ledger.db)\n"
		"  --today DATE    fix today's date for this run (also $CARTERA_TODAY)\n"
		"  --format FMT    listings and reports as text (default), csv or json\n"
		"  --keys FILE     run the screens from a key script, with no terminal (tests):\n"
		"                  characters type themselves, <Enter> <Esc> <F1> <C-o> <Up> ... name\n"
		"                  keys, <dump> writes the screen, <resize 100x30> resizes\n"
		"  --dump FILE     append the script's screen dumps to FILE (default: standard output)\n"
		"  --size CxR      the script's screen size (default 80x24)\n"
		"  --screen NAME   the first screen: dashboard (default) or clients\n"
		"  --version       print the version\n"
		"\n"
		"  --key TEXT      (postings) an idempotency key: a retry with the same key posts\n"
		"                  nothing and prints the document posted the first time\n"
		"\n"
		"Each command has --help. Exit status: 0 done (a posting that was written exits 0 even\n"
		"when its confirmation cannot be printed), 1 refused or failed (nothing written), 2 bad\n"
		"usage or input.\n"));
}

int cli_common(cli *g, int opt, const char *arg)
{
	cart_err e;

	switch (opt) {
	case 'D':
		if (!*arg)
			return cli_usage(g, _("--db needs a file name"));
		snprintf(g->db, sizeof g->db, "%s", arg);
		return 0;
	case 'T':
		if (date_set_today(arg, &e) != CART_OK)
			return cli_usage(g, _("--today: %s"), e.msg);
		return 0;
	case 'Y':
		if (!*arg)
			return cli_usage(g, _("--key needs a text"));
		g->key = arg;
		return 0;
	case 'F':
		g->format = out_format_parse(arg);
		if (g->format < 0)
			return cli_usage(g, _("--format \"%s\": use text, csv or json"), arg);
		return 0;
	default:
		return -1;
	}
}

int cli_fail(cli *g, const cart_err *e)
{
	(void)g;
	fprintf(stderr, "cartera: %s\n", e->msg[0] ? e->msg : cart_code_text(e->code));
	return e->code == CART_INVALID ? EXIT_USAGE : EXIT_FAILED;
}

int cli_usage(cli *g, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", g->prog ? g->prog : "cartera");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("\nTry '%s --help'.\n"), g->prog ? g->prog : "cartera");
	return EXIT_USAGE;
}

int cli_open(cli *g, int flags)
{
	cart_err e;

	if (g->opened)
		return EXIT_DONE;
	if (!g->db[0])
		ctl_default_db(g->db, sizeof g->db);
	if (ctl_open(&g->c, g->db, flags, &e) != CART_OK)
		return cli_fail(g, &e);
	g->opened = 1;
	if (g->key && ctl_set_key(g->c, g->key, &e) != CART_OK)
		return cli_fail(g, &e);
	return EXIT_DONE;
}

int cli_int(cli *g, const char *what, const char *text, long min, long max, long *out)
{
	char buf[64], *end;
	long v;

	snprintf(buf, sizeof buf, "%s", text);
	if (buf[0] == NEG_MASK)
		buf[0] = '-';
	v = strtol(buf, &end, 10);
	if (!*buf || *end || v < min || v > max)
		return cli_usage(g, _("%s \"%s\" is not a whole number from %ld to %ld"), what, buf,
		                 min, max);
	*out = v;
	return EXIT_DONE;
}

/* getopt takes "-150,00" for a cluster of options. Arguments that start like a negative amount
 * are masked before a command reads its options and unmasked after (cli_unmask): the option
 * values getopt handed out point into the same strings, so they come back too. */
static void mask_negatives(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1] >= '0' && argv[i][1] <= '9')
			argv[i][0] = NEG_MASK;
}

void cli_unmask(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		if (argv[i][0] == NEG_MASK)
			argv[i][0] = '-';
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "version", no_argument, NULL, 'V' },
		{ "keys", required_argument, NULL, 'K' },
		{ "dump", required_argument, NULL, 'U' },
		{ "size", required_argument, NULL, 'S' },
		{ "screen", required_argument, NULL, 'W' },
		{ NULL, 0, NULL, 0 }
	};
	ui_opts uo = { NULL, NULL, 80, 24, NULL };
	cli g;
	cart_err e;
	int opt, rc, today_fixed = 0, wrote;

	cart_i18n_init();
	memset(&g, 0, sizeof g);
	g.prog = "cartera";
	/* '+': stop at the command; its own options follow it. */
	while ((opt = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if (opt == 'h') {
			usage(stdout);
			return EXIT_DONE;
		}
		if (opt == 'V') {
			printf("cartera %s\n", PACKAGE_VERSION);
			return EXIT_DONE;
		}
		/* the screens' options (only without a command) */
		if (opt == 'K' || opt == 'U') {
			*(opt == 'K' ? &uo.keys : &uo.dump) = optarg;
			continue;
		}
		if (opt == 'W') {
			if (!ui_start_known(optarg))
				return cli_usage(&g, _("--screen \"%s\": use dashboard or clients"), optarg);
			uo.start = optarg;
			continue;
		}
		if (opt == 'S') {
			if (ui_parse_size(optarg, &uo.cols, &uo.rows) < 0)
				return cli_usage(&g, _("--size \"%s\": use COLSxROWS, from 20x8 to 1000x1000"),
				                 optarg);
			continue;
		}
		today_fixed |= opt == 'T';
		rc = cli_common(&g, opt, optarg);
		if (rc == -1) {
			usage(stderr);
			return EXIT_USAGE;
		}
		if (rc)
			return rc;
	}
	/* --today wins over the environment; a malformed CARTERA_TODAY is never ignored silently */
	if (!today_fixed && date_today_check(&e) != CART_OK) {
		fprintf(stderr, "cartera: %s\n", e.msg);
		return EXIT_USAGE;
	}
	argc -= optind;
	argv += optind;
	optind = 0; /* glibc: restart getopt for the command's own options */
	mask_negatives(argc, argv);
	if (argc > 0 && (uo.keys || uo.dump || uo.start)) {
		fprintf(stderr, _("cartera: --keys, --dump and --screen drive the screens: give no command\n"));
		return EXIT_USAGE;
	}
	if (argc == 0 && (uo.keys || (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)))) {
		/* the screens; a script (--keys) needs no terminal */
		rc = cli_open(&g, 0);
		if (!rc && ui_run(g.c, &uo, &e) != CART_OK)
			rc = cli_fail(&g, &e);
	} else if (argc == 0) {
		rc = cmd_dashboard(&g, 1, (char *[]){ "dashboard", NULL });
	} else {
		const struct command *cmd = NULL;

		/* a closed pipe is an error to report, not a signal to die of after a posting */
		signal(SIGPIPE, SIG_IGN);
		/* text from the ledger or the clerk cannot drive the terminal (ESC sequences) */
		text_tty_guard(&stdout, STDOUT_FILENO);
		text_tty_guard(&stderr, STDERR_FILENO);

		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (!strcmp(argv[0], commands[i].name))
				cmd = &commands[i];
		if (!cmd) {
			fprintf(stderr, _("cartera: unknown command \"%s\"\n"), argv[0]);
			usage(stderr);
			return EXIT_USAGE;
		}
		rc = cmd->fn(&g, argc, argv);
	}
	wrote = g.opened && ctl_wrote(g.c);
	if (g.opened)
		ctl_close(g.c);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror(_("cartera: writing the output"));
		/* what was posted stays posted: a script that retried on 1 would post it twice */
		if (wrote && rc == EXIT_DONE) {
			fprintf(stderr, _("cartera: the posting was written to the ledger; only its"
			                  " confirmation could not be printed\n"));
			return EXIT_DONE;
		}
		return EXIT_FAILED;
	}
	return rc;
}
