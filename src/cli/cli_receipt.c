/* Command-line receipts with means of payment and withholdings, applying, refunding and writing
 * off credits in favour, the opening balances' import, and the company settings refunds depend
 * on. Each drives the same view-model the screens use (ctl_docs.h); see also cli_docs.c. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/csvopening.h"
#include "cartera/ctl_docs.h"
#include "cartera/einvoice.h"
#include "cartera/i18n.h"
#include "cartera/ctl_papers.h"
#include "cartera/ctl_mail.h"
#include "cartera/ctl_safety.h"
#include "cli.h"

#define MAX_ARGS 200

/* ---- receipts ---- */

static const char receipt_help[] =
	N_("Usage: cartera receipt post CLIENT [AMOUNT] [OPTIONS]\n"
	   "Post a receipt: one or more means of payment and any withholdings the client deducted. The\n"
	   "receipt's credit is their sum (AMOUNT alone is that much in cash). Without --to it pays\n"
	   "the client's open invoices and instalments oldest first; the leftover is kept as a credit in\n"
	   "favour unless --leftover says otherwise.\n"
	   "  --cash AMOUNT                     cash\n"
	   "  --transfer AMOUNT[:REF]           a bank transfer\n"
	   "  --card AMOUNT[:REF]               a card payment\n"
	   "  --cheque BANK:NUMBER:AMOUNT       a cheque\n"
	   "  --postdated BANK:NUMBER:AMOUNT:DATE  a post-dated cheque, cashable on DATE\n"
	   "  --withholding KIND:CERT:AMOUNT    a withholding (retención) with its certificate number\n"
	   "  --to DOC[=AMOUNT]                 pay this invoice (all it has open, or AMOUNT); repeat\n"
	   "  --leftover credit|writeoff:REASON|refund   what the leftover becomes (default credit)\n"
	   "  --date DATE, --currency CUR, --ref TEXT\n");

/* Split "A:B:C" into at most max fields (the last takes the rest). */
static int fields(char *buf, char **f, int max)
{
	int n = 0;

	f[n++] = buf;
	while (n < max && (buf = strchr(buf, ':'))) {
		*buf++ = '\0';
		f[n++] = buf;
	}
	return n;
}

int cmd_receipt(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "cash", required_argument, NULL, 'C' },
		{ "transfer", required_argument, NULL, 'R' },
		{ "card", required_argument, NULL, 'K' },
		{ "cheque", required_argument, NULL, 'Q' },
		{ "postdated", required_argument, NULL, 'P' },
		{ "withholding", required_argument, NULL, 'W' },
		{ "to", required_argument, NULL, 't' },
		{ "leftover", required_argument, NULL, 'L' },
		{ "date", required_argument, NULL, 'd' },
		{ "currency", required_argument, NULL, 'c' },
		{ "ref", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct { int opt; const char *arg; } means[MAX_ARGS];
	const char *to[MAX_ARGS], *date = NULL, *currency = NULL, *ref = NULL, *leftover = NULL;
	int n_means = 0, n_to = 0, opt, rc = EXIT_DONE;
	ctl_receipt_form f;
	posted p;
	cart_err e;

	g->prog = "cartera receipt post";
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(_(receipt_help), stdout);
		return EXIT_DONE;
	}
	if (argc < 2 || strcmp(argv[1], "post"))
		return cli_usage(g, _("expected 'receipt post'"));
	argc--, argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'C': case 'R': case 'K': case 'Q': case 'P': case 'W':
			if (n_means == MAX_ARGS)
				return cli_usage(g, _("too many means of payment"));
			means[n_means].opt = opt;
			means[n_means++].arg = optarg;
			break;
		case 't':
			if (n_to == MAX_ARGS)
				return cli_usage(g, _("too many --to"));
			to[n_to++] = optarg;
			break;
		case 'L': leftover = optarg; break;
		case 'd': date = optarg; break;
		case 'c': currency = optarg; break;
		case 'r': ref = optarg; break;
		HANDLE_COMMON(g, opt, receipt_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind < 1 || argc - optind > 2)
		return cli_usage(g, _("give the client (and the amount received in cash)"));
	if (argc - optind == 1 && n_means == 0)
		return cli_usage(g, _("give the amount or the means of payment (--cash, --transfer, ...)"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_rform_load(g->c, &f, argv[optind], date, currency, &e))
		return cli_fail(g, &e);
	snprintf(f.reference, sizeof f.reference, "%s", ref ? ref : "");
	if (argc - optind == 2 && ctl_rform_add_means(&f, "cash", argv[optind + 1], NULL, NULL, NULL, &e))
		goto fail;
	for (int i = 0; i < n_means; i++) {
		char buf[256], *x[4] = { NULL, NULL, NULL, NULL };
		int n;

		snprintf(buf, sizeof buf, "%s", means[i].arg);
		switch (means[i].opt) {
		case 'C':
			rc = ctl_rform_add_means(&f, "cash", buf, NULL, NULL, NULL, &e);
			break;
		case 'R':
		case 'K':
			n = fields(buf, x, 2);
			rc = ctl_rform_add_means(&f, means[i].opt == 'R' ? "transfer" : "card", x[0], NULL,
			                         n > 1 ? x[1] : NULL, NULL, &e);
			break;
		case 'Q':
		case 'P':
			n = fields(buf, x, means[i].opt == 'Q' ? 3 : 4);
			if (n != (means[i].opt == 'Q' ? 3 : 4)) {
				rc = cli_usage(g, means[i].opt == 'Q' ? _("--cheque \"%s\": give BANK:NUMBER:AMOUNT")
				               : _("--postdated \"%s\": give BANK:NUMBER:AMOUNT:DATE"), means[i].arg);
				ctl_rform_free(&f);
				return rc;
			}
			rc = ctl_rform_add_means(&f, means[i].opt == 'Q' ? "cheque" : "postdated", x[2], x[0],
			                         x[1], n > 3 ? x[3] : NULL, &e);
			break;
		default:
			n = fields(buf, x, 3);
			if (n != 3) {
				rc = cli_usage(g, _("--withholding \"%s\": give KIND:CERTIFICATE:AMOUNT"),
				               means[i].arg);
				ctl_rform_free(&f);
				return rc;
			}
			rc = ctl_rform_add_withholding(&f, x[0], x[1], x[2], &e);
			break;
		}
		if (rc)
			goto fail;
	}
	if (n_to == 0) {
		for (int i = 0; i < f.n; i++)
			ctl_rform_mark(&f, i, 1, CART_IGNORED);
	}
	for (int i = 0; i < n_to; i++) {
		char buf[128], *eq;

		snprintf(buf, sizeof buf, "%s", to[i]);
		eq = strchr(buf, '=');
		if (eq)
			*eq++ = '\0';
		if (ctl_rform_mark_doc(&f, buf, eq, &e))
			goto fail;
	}
	if (leftover) {
		char buf[256], *reason;

		snprintf(buf, sizeof buf, "%s", leftover);
		reason = strchr(buf, ':');
		if (reason)
			*reason++ = '\0';
		if (ctl_rform_set_leftover(&f, buf, reason, &e))
			goto fail;
	}
	if (ctl_rform_post(&f, &p, &e))
		goto fail;
	if (p.replayed) {
		printf(_("receipt %s was already posted with this key; nothing posted again\n"),
		       p.number);
		return EXIT_DONE;
	}
	{
		char a[40];

		ctl_money(g->c, f.received, a, sizeof a);
		printf(_("receipt %s posted: %s %s, %s\n"), p.number, a, f.currency, f.cl.name);
		for (int i = 0; i < f.n; i++) {
			if (!f.rows[i].amount)
				continue;
			ctl_money(g->c, f.rows[i].amount, a, sizeof a);
			if (f.rows[i].it.instalment_no)
				printf(_("paid %s/%d: %s\n"), f.rows[i].it.number, f.rows[i].it.instalment_no, a);
			else
				printf(_("paid %s: %s\n"), f.rows[i].it.number, a);
		}
		if (f.left > 0) {
			ctl_money(g->c, f.left, a, sizeof a);
			if (p.settled[0])
				printf("%s %s by %s\n", a, f.leftover == LEFTOVER_REFUND ? _("refunded")
				                                                         : _("written off"),
				       p.settled);
			else
				printf(_("%s left as a credit in favour\n"), a);
		}
	}
	ctl_rform_free(&f);
	return EXIT_DONE;
fail:
	ctl_rform_free(&f);
	return cli_fail(g, &e);
}

/* ---- apply, refund, write-off ---- */

/* `cartera apply DOC ...` is `cartera credit apply DOC ...`. */
int cmd_apply(cli *g, int argc, char **argv)
{
	char **v = calloc((size_t)argc + 2, sizeof *v);
	int rc;

	if (!v)
		return EXIT_FAILED;
	v[0] = (char *)"credit";
	v[1] = (char *)"apply";
	for (int i = 1; i < argc; i++)
		v[i + 1] = argv[i];
	rc = cmd_credit(g, argc + 1, v);
	free(v);
	return rc;
}

static const char refund_help[] =
	N_("Usage: cartera refund DOC [--amount AMOUNT] [--date DATE] [--reason TEXT]\n"
	   "       cartera write-off DOC --reason TEXT [--amount AMOUNT] [--date DATE]\n"
	   "Refund in cash (when the company allows cash refunds) or write off the credit in favour held\n"
	   "by DOC (a receipt, advance, credit note or opening credit): a journal document whose charge\n"
	   "consumes the credit. Default: all the credit has left.\n");

static int settle(cli *g, int argc, char **argv, int writeoff)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "amount", required_argument, NULL, 'a' },
		{ "date", required_argument, NULL, 'd' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *amount = NULL, *date = NULL, *reason = NULL;
	posted p;
	cart_err e;
	int opt, rc;

	g->prog = writeoff ? "cartera write-off" : "cartera refund";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'a': amount = optarg; break;
		case 'd': date = optarg; break;
		case 'r': reason = optarg; break;
		HANDLE_COMMON(g, opt, refund_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give the document that holds the credit"));
	if (writeoff && (!reason || !*reason))
		return cli_usage(g, _("a write-off needs a reason (--reason)"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_settle(g->c, argv[optind], amount, date, writeoff, reason, &p, &e))
		return cli_fail(g, &e);
	{
		char a[40], b[40];

		ctl_money(g->c, p.total, a, sizeof a);
		ctl_money(g->c, p.credit_left, b, sizeof b);
		printf(_("%s %s posted: %s %s of %s; %s left in favour\n"),
		       writeoff ? _("write-off") : _("refund"), p.number, a, p.currency, p.reference, b);
	}
	return EXIT_DONE;
}

int cmd_refund(cli *g, int argc, char **argv)
{
	return settle(g, argc, argv, 0);
}

int cmd_write_off(cli *g, int argc, char **argv)
{
	return settle(g, argc, argv, 1);
}

/* ---- opening import ---- */

static const char opening_import_help[] =
	N_("Usage: cartera opening import FILE   (- reads standard input)\n"
	   "Opening balances from CSV, all or nothing. The header names the columns, in any order:\n"
	   "  client,date,amount                  one balance per client at a date (negative: a\n"
	   "                                      credit in favour)\n"
	   "  client,date,amount,due,number       the client's open invoices from the old system\n"
	   "client is a number, tax id or name; amounts plain (1234.56) or in the company's format;\n"
	   "currency may be a column too. Spanish names work: cliente, fecha, saldo, vencimiento,\n"
	   "numero, moneda. A bad file is refused with every bad line listed.\n");

int cli_opening_import(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 }
	};
	csvclient_result r;
	const char *path, *name;
	FILE *in;
	cart_err e;
	int opt, rc;

	g->prog = "cartera opening import";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		HANDLE_COMMON(g, opt, opening_import_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give the CSV file (or - for standard input)"));
	path = argv[optind];
	if ((rc = cli_open(g, 0)))
		return rc;
	name = strcmp(path, "-") ? path : _("standard input");
	in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!in) {
		cart_fail(&e, CART_IO, _("cannot read %s: %s"), path, strerror(errno));
		return cli_fail(g, &e);
	}
	rc = csvopening_import(g->c, in, name, &r, &e);
	if (in != stdin)
		fclose(in);
	for (int i = 0; i < r.errors.n; i++) {
		if (r.errors.msg[i].line > 0)
			fprintf(stderr, "%s:%ld: %s\n", name, r.errors.msg[i].line, r.errors.msg[i].text);
		else
			fprintf(stderr, "%s: %s\n", name, r.errors.msg[i].text);
	}
	if (r.errors.n_more)
		fprintf(stderr, _("%s: and %ld more\n"), name, r.errors.n_more);
	if (rc == CART_OK)
		printf(P_("%ld opening balance imported from %s\n",
		          "%ld opening balances imported from %s\n", (unsigned long)r.imported),
		       r.imported, name);
	csvclient_result_free(&r);
	if (rc != CART_OK) {
		fprintf(stderr, "cartera: %s\n", e.msg);
		/* a bad file is refused (1), as the client import does */
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

/* ---- company settings that documents depend on ---- */

static int cli_letterhead_set(cli *g, int argc, char **argv)
{
	char buf[512];
	cart_err e;
	int rc;

	if (argc != 2)
		return cli_usage(g, _("give the setting and its value: company set %s VALUE"), argv[0]);
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_letterhead_set(g->c, argv[0], argv[1], &e) != CART_OK ||
	    ctl_letterhead_get(g->c, argv[0], buf, sizeof buf, &e) != CART_OK)
		return cli_fail(g, &e);
	printf("%s: %s\n", argv[0], buf[0] ? buf : _("(none)"));
	return EXIT_DONE;
}

static const char company_help[] =
	N_("Usage: cartera company set [--allow-refunds yes|no] [--supervisors GROUP|none]\n"
	   "                           [--group GROUP] [--import-creates-clients yes|no]\n"
	   "       cartera company set KEY VALUE\n"
	   "Change a company setting after init: whether credits in favour may be refunded in cash\n"
	   "(cartera refund, receipt post --leftover refund); the Unix group whose members alone may\n"
	   "void, override the credit check, refund and write off (none: every clerk may); the Unix\n"
	   "group the ledger is shared with (files 0660; see README: several clerks); whether an\n"
	   "electronic invoice for a customer the ledger does not know creates the client (cartera\n"
	   "import einvoice); and mail:\n"
	   "  sendmail CMD            the command that delivers (/usr/sbin/sendmail -t -oi)\n"
	   "  mail-from ADDRESS       the sender's address\n"
	   "  reply-to ADDRESS        where replies go (\"\" for none)\n"
	   "  attach-statement yes|no the client's statement with every invoice e-mailed\n"
	   "  lang es|en              the language of the mail templates\n"
	   "and how the clerks read dates and what their printers take:\n"
	   "  --date-order dmy|ymd    DD/MM/YYYY or YYYY-MM-DD on the screens and printed reports\n"
	   "                          (the command line's arguments, CSV and JSON stay ISO)\n"
	   "  --print-encoding E      plain text for printers: UTF-8, CP850 or ISO-8859-1\n"
	   "  --page-lines N          plain text in pages of N lines (0 for none)\n"
	   "and the letterhead of printed documents:\n"
	   "  name TEXT               the legal name\n"
	   "  tax-id ID               the company's tax id, with its DV (900123456-7)\n"
	   "  tax-id-name NAME        what the tax id is printed under (\"\": the country's)\n"
	   "  address TEXT, phone TEXT, email ADDRESS\n"
	   "  logo FILE               a PNG or JPEG printed at the top right (\"\": none)\n");

int cmd_company(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "allow-refunds", required_argument, NULL, 'a' },
		{ "supervisors", required_argument, NULL, 's' },
		{ "group", required_argument, NULL, 'g' },
		{ "import-creates-clients", required_argument, NULL, 'i' },
		{ "date-order", required_argument, NULL, 'O' },
		{ "print-encoding", required_argument, NULL, 'E' },
		{ "page-lines", required_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 }
	};
	company_print print = { -1, NULL, -1 };
	const char *refunds = NULL, *supervisors = NULL, *group = NULL, *creates = NULL;
	company co;
	cart_err e;
	int opt, rc;

	g->prog = "cartera company set";
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(_(company_help), stdout);
		return EXIT_DONE;
	}
	if (argc < 2 || strcmp(argv[1], "set"))
		return cli_usage(g, _("expected 'company set'"));
	if (argc >= 3 && ctl_mail_is_setting(argv[2])) /* company set sendmail CMD, ... */
		return cli_mail_company_set(g, argc - 2, argv + 2);
	if (argc >= 3 && ctl_letterhead_is_setting(argv[2])) /* company set address TEXT, ... */
		return cli_letterhead_set(g, argc - 2, argv + 2);
	argc--, argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'a': refunds = optarg; break;
		case 's': supervisors = optarg; break;
		case 'g': group = optarg; break;
		case 'i': creates = optarg; break;
		case 'O': case 'E': case 'P':
			if ((rc = cli_company_print_opt(g, opt, optarg, &print)))
				return rc;
			break;
		HANDLE_COMMON(g, opt, company_help)
		}
	}
	cli_unmask(argc, argv);
	if (optind < argc)
		return cli_usage(g, _("unexpected argument \"%s\""), argv[optind]);
	if (!refunds && !supervisors && !group && !creates && print.date_order < 0 &&
	    !print.encoding && print.page_lines < 0)
		return cli_usage(g, _("say what to change (--allow-refunds yes|no, --supervisors GROUP,"
		                      " --group GROUP, --import-creates-clients yes|no, --date-order,"
		                      " --print-encoding, --page-lines)"));
	if (print.date_order >= 0 || print.encoding || print.page_lines >= 0) {
		if ((rc = cli_open(g, 0)))
			return rc;
		if (!ctl_has_company(g->c)) {
			cart_fail(&e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
			          " 'cartera init' first"), g->db);
			return cli_fail(g, &e);
		}
		co = *ctl_company(g->c);
		cli_company_print_apply(&print, &co);
		if (ctl_company_set(g->c, &co, &e))
			return cli_fail(g, &e);
		printf(_("%s: dates %s, printer text in %s, %s\n"), co.name,
		       date_order_pattern(co.date_order), co.print_encoding[0] ? co.print_encoding : "UTF-8",
		       co.print_page_lines ? _("in pages") : _("not in pages"));
		if (!refunds && !supervisors && !group && !creates)
			return EXIT_DONE;
	}
	if (creates && strcmp(creates, "yes") && strcmp(creates, "no"))
		return cli_usage(g, _("--import-creates-clients \"%s\": give yes or no"), creates);
	if (supervisors || group || creates) {
		if ((rc = cli_open(g, 0)))
			return rc;
		if (supervisors && ctl_set_supervisors(g->c, strcmp(supervisors, "none") ? supervisors
		                                                                        : "", &e))
			return cli_fail(g, &e);
		if (supervisors)
			printf(strcmp(supervisors, "none") ? _("supervisors: the group %s\n")
			                                   : _("supervisors: none (every clerk may)%s\n"),
			       strcmp(supervisors, "none") ? supervisors : "");
		if (group && ctl_share_group(g->c, group, &e))
			return cli_fail(g, &e);
		if (group)
			printf(_("shared with the group %s (mode 0660)\n"), group);
		if (creates && einvoice_setting_set(g->c, !strcmp(creates, "yes"), &e))
			return cli_fail(g, &e);
		if (creates)
			printf(_("electronic invoices for unknown customers %s\n"), !strcmp(creates, "yes")
			       ? _("create the client from the document") : _("are refused"));
		if (!refunds)
			return EXIT_DONE;
	}
	if (strcmp(refunds, "yes") && strcmp(refunds, "no"))
		return cli_usage(g, _("--allow-refunds \"%s\": give yes or no"), refunds);
	if ((rc = cli_open(g, 0)))
		return rc;
	if (!ctl_has_company(g->c)) {
		cart_fail(&e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		          " 'cartera init' first"), g->db);
		return cli_fail(g, &e);
	}
	co = *ctl_company(g->c);
	co.allow_cash_refund = !strcmp(refunds, "yes");
	if (ctl_company_set(g->c, &co, &e))
		return cli_fail(g, &e);
	printf(_("%s: cash refunds of credits in favour are %s\n"), co.name,
	       co.allow_cash_refund ? _("allowed") : _("not allowed"));
	return EXIT_DONE;
}
