/* `cartera debit-note post`: a charge that amends one invoice (SPEC D8). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/ctl_debit.h"
#include "cartera/i18n.h"
#include "cli.h"

static const char debit_note_help[] =
	N_("Usage: cartera debit-note post INVOICE AMOUNT [OPTIONS]\n"
	   "Post a debit note: a charge to the invoice's client, in its currency, that amends the\n"
	   "invoice (a price difference, interest, freight...). It is numbered ND-000001 on, shows\n"
	   "on statements and in the aging as a charge of its own, and is voided like any document.\n"
	   "  --reason TEXT       why\n"
	   "  --date DATE         date (default today; not before the invoice's)\n"
	   "  --due DATE          due date (default date + the client's payment terms)\n"
	   "  --ref TEXT          the client's order reference\n"
	   "  --tax RATE          the tax the amount includes, by name or percentage (IGV 18%)\n");

int cmd_debit_note(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "reason", required_argument, NULL, 'r' },
		{ "date", required_argument, NULL, 'd' },
		{ "due", required_argument, NULL, 'u' },
		{ "ref", required_argument, NULL, 'R' },
		{ "tax", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	ctl_debit_note a = { 0 };
	posted p;
	cart_err e;
	char amt[40];
	int opt;

	g->prog = "cartera debit-note post";
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(_(debit_note_help), stdout);
		return EXIT_DONE;
	}
	if (argc < 2 || strcmp(argv[1], "post"))
		return cli_usage(g, _("expected '%s %s'"), argv[0], "post");
	argc--, argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'r': a.reason = optarg; break;
		case 'd': a.date = optarg; break;
		case 'u': a.due = optarg; break;
		case 'R': a.reference = optarg; break;
		case 't': a.tax = optarg; break;
		HANDLE_COMMON(g, opt, debit_note_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 2)
		return cli_usage(g, _("give the invoice and the amount"));
	a.invoice = argv[optind];
	a.amount = argv[optind + 1];
	if ((opt = cli_open(g, 0)))
		return opt;
	if (ctl_debit_note_post(g->c, &a, &p, &e) != CART_OK)
		return cli_fail(g, &e);
	ctl_money(g->c, p.total, amt, sizeof amt);
	if (p.replayed)
		printf(_("debit note %s was already posted with this key; nothing posted again: %s %s,"
		         " %s\n"), p.number, amt, p.currency, p.client);
	else
		printf(_("debit note %s posted: %s %s, %s, amends %s, due %s\n"), p.number, amt,
		       p.currency, p.client, p.reference, p.due_date);
	return EXIT_DONE;
}
