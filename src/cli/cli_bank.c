/* `cartera bank import|list|show|accept|later|ignore|reopen`: bank statements in, their lines
 * matched to clients and documents, accepted as receipts (through the receipt controller), left
 * for later or set aside as no client's payment; the report of the lines nobody matched. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ctl_bank.h"
#include "cartera/i18n.h"
#include "cartera/render.h"
#include "cli.h"

static const char bank_help[] =
	N_("Usage: cartera bank import FILE [--account NAME] [--auto-exact] [CSV layout options]\n"
	   "       cartera bank list [--unmatched] [--output FILE.xlsx|.csv|.txt]\n"
	   "       cartera bank show LINE\n"
	   "       cartera bank accept LINE... [--client CLIENT] [--to DOC[=AMOUNT]]...\n"
	   "       cartera bank later LINE...  |  bank ignore LINE...  |  bank reopen LINE...\n"
	   "A bank statement's credit lines (CSV, OFX or camt.053), each with a proposed client and\n"
	   "the documents it pays, how sure and why. accept posts the line's receipt (a transfer\n"
	   "on the line's date, with its reference); later leaves it for another day; ignore marks\n"
	   "it as no client's payment; reopen puts it back in the list. Importing a statement\n"
	   "again adds only the lines not seen before.\n");

static const char import_help[] =
	N_("Usage: cartera bank import FILE [--account NAME] [--auto-exact]\n"
	   "         [--columns date=N,description=N,reference=N,amount=N | ...,debit=N,credit=N]\n"
	   "         [--separator ,|;|tab] [--decimal .|,] [--date-format dd/mm/yyyy] [--header N]\n"
	   "         [--currency CUR]\n"
	   "OFX and camt.053 files name their account (its number becomes the account's name unless\n"
	   "--account is given). A CSV needs --account; the first CSV of an account needs\n"
	   "--columns (a column by number, or by its header's text), which is saved as the\n"
	   "account's profile with the separator (guessed when not given), the decimal separator\n"
	   "(the company's) and the date format (dd/mm/yyyy; also mm/dd/yyyy, yyyy-mm-dd,\n"
	   "dd-mm-yyyy, dd.mm.yyyy, yyyymmdd). Later files of the account use the saved profile.\n"
	   "--auto-exact posts the new lines whose client and invoice are both certain.\n");

static int parse_lines(cli *g, int argc, char **argv, int64_t **ids, int *n)
{
	cart_err e;

	*n = 0;
	if (!(*ids = calloc((size_t)argc + 1, sizeof **ids)))
		return cli_usage(g, _("out of memory"));
	for (int i = 0; i < argc; i++) {
		if (ctl_bank_line_ref(argv[i], &(*ids)[i], &e) != CART_OK) {
			free(*ids);
			*ids = NULL;
			return cli_usage(g, "%s", e.msg);
		}
		(*n)++;
	}
	if (!*n) {
		free(*ids);
		*ids = NULL;
		return cli_usage(g, _("give the number of at least one bank line"));
	}
	return EXIT_DONE;
}

static const char *format_name(int f)
{
	return f == BANK_OFX ? "OFX" : f == BANK_CAMT ? "camt.053" : "CSV";
}

static int bank_import(cli *g, int argc, char **argv)
{
	enum { O_ACCOUNT = 1000, O_COLUMNS, O_SEP, O_DEC, O_DATEF, O_HEADER, O_CUR, O_AUTO };
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "account", required_argument, NULL, O_ACCOUNT },
		{ "columns", required_argument, NULL, O_COLUMNS },
		{ "separator", required_argument, NULL, O_SEP },
		{ "decimal", required_argument, NULL, O_DEC },
		{ "date-format", required_argument, NULL, O_DATEF },
		{ "header", required_argument, NULL, O_HEADER },
		{ "currency", required_argument, NULL, O_CUR },
		{ "auto-exact", no_argument, NULL, O_AUTO },
		{ NULL, 0, NULL, 0 }
	};
	ctl_bank_import a;
	ctl_bank_result r;
	cart_err e;
	char sum[48];
	long header;
	int opt, rc, need;

	memset(&a, 0, sizeof a);
	a.header = -1;
	g->prog = "cartera bank import";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case O_ACCOUNT: a.account = optarg; break;
		case O_COLUMNS: a.columns = optarg; break;
		case O_SEP: a.delimiter = optarg; break;
		case O_DEC: a.decimal = optarg; break;
		case O_DATEF: a.date_format = optarg; break;
		case O_HEADER:
			if ((rc = cli_int(g, "--header", optarg, 0, 100, &header)))
				return rc;
			a.header = (int)header;
			break;
		case O_CUR: a.currency = optarg; break;
		case O_AUTO: a.auto_exact = 1; break;
		HANDLE_COMMON(g, opt, import_help)
		}
	}
	if (optind + 1 != argc)
		return cli_usage(g, _("give one statement file"));
	a.path = argv[optind];
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_bank_import_file(g->c, &a, &r, &need, &e) != CART_OK)
		return cli_fail(g, &e);
	ctl_money(g->c, r.sum_credits, sum, sizeof sum);
	printf(_("%s: %s statement of account %s: %d entries, %d credits (%s %s), %d debits left"
	         " aside\n"), a.path, format_name(r.format), r.account, r.entries, r.credits, sum,
	       r.currency, r.debits);
	printf(_("%d new lines, %d already imported; %d with a client proposed (%d certain), %d"
	         " unmatched\n"), r.added, r.already, r.proposed, r.certain, r.added - r.proposed);
	if (r.profile_saved)
		printf(_("the CSV layout was saved for account %s\n"), r.account);
	if (a.auto_exact)
		printf(_("%d receipts posted (--auto-exact)\n"), r.posted);
	if (r.post_error[0])
		fprintf(stderr, "%s: %s\n", g->prog, r.post_error);
	return r.post_error[0] ? EXIT_FAILED : EXIT_DONE;
}

static int build_report(ctl *c, const void *arg, struct report *r, cart_err *e)
{
	return ctl_bank_report(c, !*(const int *)arg, r, e);
}

static int bank_list(cli *g, int argc, char **argv)
{
	enum { O_UNMATCHED = 1000, O_OUTPUT };
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "unmatched", no_argument, NULL, O_UNMATCHED },
		{ "output", required_argument, NULL, O_OUTPUT },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL;
	int unmatched = 0, opt, rc;

	g->prog = "cartera bank list";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case O_UNMATCHED: unmatched = 1; break;
		case O_OUTPUT: output = optarg; break;
		HANDLE_COMMON(g, opt, bank_help)
		}
	}
	if (optind != argc)
		return cli_usage(g, _("bank list takes no arguments"));
	if ((rc = cli_open(g, CTL_OPEN_READONLY)))
		return rc;
	if (output) {
		report r;
		cart_err e;
		int f = rnd_format_of_path(output);

		if (f < 0)
			return cli_usage(g, _("--output \"%s\": use a .xlsx, .csv, .txt, .pdf or .json"
			                      " file"), output);
		report_init(&r, ctl_company(g->c));
		rc = ctl_bank_report(g->c, !unmatched, &r, &e);
		if (rc == CART_OK)
			rc = rnd_report_file(&r, f, output, NULL, &e);
		report_free(&r);
		return rc == CART_OK ? EXIT_DONE : cli_fail(g, &e);
	}
	return cli_print_report(g, build_report, &unmatched);
}

static int bank_show(cli *g, int argc, char **argv)
{
	static const struct option opts[] = { CLI_COMMON_OPTS, { NULL, 0, NULL, 0 } };
	bank_line ln;
	bank_alloc docs[64];
	cart_err e;
	char a[48];
	int64_t id;
	int n, opt, rc;

	g->prog = "cartera bank show";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		HANDLE_COMMON(g, opt, bank_help)
		}
	}
	if (optind + 1 != argc)
		return cli_usage(g, _("give one bank line's number"));
	if (ctl_bank_line_ref(argv[optind], &id, &e) != CART_OK)
		return cli_usage(g, "%s", e.msg);
	if ((rc = cli_open(g, CTL_OPEN_READONLY)))
		return rc;
	if (ctl_bank_line(g->c, id, &ln, docs, 64, &n, &e) != CART_OK)
		return cli_fail(g, &e);
	ctl_money(g->c, ln.amount, a, sizeof a);
	printf(_("line %lld  %s  %s %s  account %s  %s\n"), (long long)ln.id, ln.date, a, ln.currency,
	       ln.account, bank_state_name(ln.state));
	printf(_("description: %s\n"), ln.description);
	printf(_("reference: %s\n"), ln.reference);
	printf(_("payer: %s\n"), ln.payer);
	printf(_("identity: %s\n"), ln.identity);
	if (ln.receipt[0])
		printf(_("receipt: %s\n"), ln.receipt);
	if (ln.client_id)
		printf(_("client: %s (%s), confidence %d%%%s\n"), ln.client_name, ln.client_tax_id,
		       ln.confidence, ln.certain ? _(", certain") : "");
	else
		printf(_("client: none proposed\n"));
	printf(_("why: %s\n"), ln.why);
	for (int i = 0; i < n; i++) {
		ctl_money(g->c, docs[i].amount, a, sizeof a);
		if (docs[i].instalment_no)
			printf(_("pays %s/%d: %s\n"), docs[i].number, docs[i].instalment_no, a);
		else
			printf(_("pays %s: %s\n"), docs[i].number, a);
	}
	return EXIT_DONE;
}

static int bank_accept(cli *g, int argc, char **argv)
{
	enum { O_CLIENT = 1000, O_TO };
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "client", required_argument, NULL, O_CLIENT },
		{ "to", required_argument, NULL, O_TO },
		{ NULL, 0, NULL, 0 }
	};
	const char *who = NULL, *to[64];
	int64_t *ids;
	int n_to = 0, n, opt, rc, failed = 0;

	g->prog = "cartera bank accept";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case O_CLIENT: who = optarg; break;
		case O_TO:
			if (n_to == 64)
				return cli_usage(g, _("at most 64 --to"));
			to[n_to++] = optarg;
			break;
		HANDLE_COMMON(g, opt, bank_help)
		}
	}
	if ((rc = parse_lines(g, argc - optind, argv + optind, &ids, &n)))
		return rc;
	if ((rc = cli_open(g, 0))) {
		free(ids);
		return rc;
	}
	for (int k = 0; k < n; k++) {
		ctl_receipt_form f;
		posted p;
		cart_err e;
		char a[48];

		rc = ctl_bank_form(g->c, ids[k], who, &f, &e);
		if (rc == CART_OK && n_to) {
			for (int i = 0; i < f.n; i++)
				ctl_rform_mark(&f, i, 0, CART_IGNORED);
			for (int i = 0; rc == CART_OK && i < n_to; i++) {
				char ref[128];
				const char *eq = strchr(to[i], '=');

				snprintf(ref, sizeof ref, "%.*s", eq ? (int)(eq - to[i]) : (int)strlen(to[i]),
				         to[i]);
				rc = ctl_rform_mark_doc(&f, ref, eq ? eq + 1 : NULL, &e);
			}
		}
		if (rc == CART_OK)
			rc = ctl_bank_post_form(g->c, ids[k], &f, &p, &e);
		if (rc == CART_OK || f.rows || f.credits)
			ctl_rform_free(&f);
		if (rc != CART_OK) {
			fprintf(stderr, "%s: %s\n", g->prog, e.msg);
			failed = 1;
			continue;
		}
		ctl_money(g->c, p.total, a, sizeof a);
		printf(_("line %lld: %s %s %s %s"), (long long)ids[k], p.number, p.client, a, p.currency);
		if (p.credit_left > 0) {
			ctl_money(g->c, p.credit_left, a, sizeof a);
			printf(_(", %s left as a credit in favour"), a);
		}
		printf("\n");
	}
	free(ids);
	return failed ? EXIT_FAILED : EXIT_DONE;
}

static int bank_state_cmd(cli *g, int argc, char **argv, int state, const char *prog)
{
	static const struct option opts[] = { CLI_COMMON_OPTS, { NULL, 0, NULL, 0 } };
	int64_t *ids;
	int n, opt, rc, failed = 0;

	g->prog = prog;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		HANDLE_COMMON(g, opt, bank_help)
		}
	}
	if ((rc = parse_lines(g, argc - optind, argv + optind, &ids, &n)))
		return rc;
	if ((rc = cli_open(g, 0))) {
		free(ids);
		return rc;
	}
	for (int k = 0; k < n; k++) {
		cart_err e;

		if (ctl_bank_set_state(g->c, ids[k], state, &e) != CART_OK) {
			fprintf(stderr, "%s: %s\n", g->prog, e.msg);
			failed = 1;
			continue;
		}
		printf(_("line %lld: %s\n"), (long long)ids[k],
		       state == BANK_LATER ? _("left for later") : state == BANK_NOT_CLIENT
		       ? _("not a client payment") : _("back in the list"));
	}
	free(ids);
	return failed ? EXIT_FAILED : EXIT_DONE;
}

int cmd_bank(cli *g, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";

	if (!strcmp(sub, "import"))
		return bank_import(g, argc - 1, argv + 1);
	if (!strcmp(sub, "list"))
		return bank_list(g, argc - 1, argv + 1);
	if (!strcmp(sub, "show"))
		return bank_show(g, argc - 1, argv + 1);
	if (!strcmp(sub, "accept"))
		return bank_accept(g, argc - 1, argv + 1);
	if (!strcmp(sub, "later"))
		return bank_state_cmd(g, argc - 1, argv + 1, BANK_LATER, "cartera bank later");
	if (!strcmp(sub, "ignore"))
		return bank_state_cmd(g, argc - 1, argv + 1, BANK_NOT_CLIENT, "cartera bank ignore");
	if (!strcmp(sub, "reopen"))
		return bank_state_cmd(g, argc - 1, argv + 1, BANK_PROPOSED, "cartera bank reopen");
	if (!strcmp(sub, "--help") || !strcmp(sub, "-h")) {
		fputs(_(bank_help), stdout);
		return EXIT_DONE;
	}
	g->prog = "cartera bank";
	return cli_usage(g, _("say import, list, show, accept, later, ignore or reopen"));
}
