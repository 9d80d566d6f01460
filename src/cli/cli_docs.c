/* Command-line documents keyed like the forms: tax rates, and invoices and quotes with lines. Each
 * drives the same view-model the screens use (ctl_docs.h). Receipts, refunds, write-offs, the
 * opening import and the company's settings are in cli_receipt.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ctl_docs.h"
#include "cartera/i18n.h"
#include "cli.h"

#define MAX_ARGS 200

/* ---- tax ---- */

static const char tax_help[] =
	N_("Usage: cartera tax list\n"
	   "       cartera tax add NAME PERCENT     (e.g. cartera tax add \"IVA 8%\" 8)\n"
	   "       cartera tax add NAME --exempt\n"
	   "The company's tax rates, picked by name or percentage on invoice lines.\n");

static int tax_list_cb(const tax_rate *r, void *ud)
{
	void **x = ud;
	cli *g = x[0];
	out_table *t = x[1];
	char id[24], pct[24];
	const char *v[4];

	snprintf(id, sizeof id, "%lld", (long long)r->id);
	ctl_percent_format(g->c, r->rate, pct, sizeof pct);
	v[0] = id;
	v[1] = r->name;
	v[2] = pct;
	v[3] = r->exempt ? "exempt" : r->active ? "" : "inactive";
	out_row(t, v);
	return 0;
}

int cmd_tax(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "exempt", no_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 }
	};
	static const out_col cols[] = {
		{ "id", 4, 1, 1 }, { "name", 24, 0, 0 }, { "rate", 8, 1, 0 }, { "note", 10, 0, 0 },
	};
	const char *word = argc >= 2 ? argv[1] : "";
	int opt, rc, exempt = 0;
	cart_err e;

	g->prog = "cartera tax";
	if (!strcmp(word, "--help") || !strcmp(word, "-h")) {
		fputs(_(tax_help), stdout);
		return EXIT_DONE;
	}
	if (strcmp(word, "list") && strcmp(word, "add"))
		return cli_usage(g, _("expected 'tax list' or 'tax add'"));
	argc--, argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'x': exempt = 1; break;
		HANDLE_COMMON(g, opt, tax_help)
		}
	}
	cli_unmask(argc, argv);
	if ((rc = cli_open(g, 0)))
		return rc;
	if (!strcmp(word, "list")) {
		out_table t;
		void *x[2] = { g, &t };

		if (optind < argc)
			return cli_usage(g, _("unexpected argument \"%s\""), argv[optind]);
		out_begin(&t, stdout, g->format, cols, 4);
		rc = ctl_tax_list(g->c, tax_list_cb, x, &e);
		out_end(&t);
		return rc ? cli_fail(g, &e) : EXIT_DONE;
	}
	if (argc - optind != (exempt ? 1 : 2))
		return cli_usage(g, exempt ? _("give the rate's name") : _("give the rate's name and percentage"));
	{
		tax_rate r;
		char pct[24];

		if (ctl_tax_add(g->c, argv[optind], exempt ? NULL : argv[optind + 1], exempt, &r, &e))
			return cli_fail(g, &e);
		ctl_percent_format(g->c, r.rate, pct, sizeof pct);
		printf(_("tax rate %lld added: %s %s%s\n"), (long long)r.id, r.name, pct,
		       r.exempt ? " (exempt)" : "");
	}
	return EXIT_DONE;
}

/* ---- invoices and quotes with lines ---- */

/* "DESC;QTY;PRICE;TAX" (TAX may be left out) into a line's text. */
static int line_text(cli *g, const char *arg, int expense, ctl_line_text *t)
{
	const char *f[4] = { "", "", "", "" };
	char buf[512], *p, *save = NULL;
	int n = 0;

	memset(t, 0, sizeof *t);
	snprintf(buf, sizeof buf, "%s", arg);
	for (p = buf; n < 4; n++) {
		f[n] = p;
		if (!(p = strchr(p, ';'))) {
			n++;
			break;
		}
		*p++ = '\0';
	}
	(void)save;
	if (p || n < 3 || (expense && n > 3))
		return cli_usage(g, expense ? _("--expense-line \"%s\": give DESCRIPTION;QTY;PRICE")
		                            : _("--line \"%s\": give DESCRIPTION;QTY;PRICE;TAX"), arg);
	snprintf(t->description, sizeof t->description, "%s", f[0]);
	snprintf(t->qty, sizeof t->qty, "%s", f[1]);
	snprintf(t->price, sizeof t->price, "%s", f[2]);
	snprintf(t->tax, sizeof t->tax, "%s", f[3]);
	t->expense = expense;
	return EXIT_DONE;
}

typedef struct form_args {
	const char *client, *date, *due, *currency, *reference, *memo, *total;
	const char *every, *first, *override, *valid;
	int instalments;
	const char *lines[MAX_ARGS];
	int expense[MAX_ARGS];
	int n_lines;
} form_args;

static void print_totals(cli *g, const ctl_invoice_form *f)
{
	char a[40], b[40], pct[24];

	for (int k = 0; k < f->totals.n_taxes; k++) {
		const doc_tax *x = &f->totals.taxes[k];
		const char *name = "";

		for (int i = 0; i < f->taxes.n; i++)
			if (f->taxes.r[i].id == x->tax_rate_id)
				name = f->taxes.r[i].name;
		ctl_money(g->c, x->base, a, sizeof a);
		ctl_money(g->c, x->tax, b, sizeof b);
		ctl_percent_format(g->c, x->rate, pct, sizeof pct);
		printf(_("tax %s (%s): base %s, tax %s\n"), x->tax_rate_id ? name : "none", pct, a, b);
	}
	ctl_money(g->c, f->totals.net, a, sizeof a);
	ctl_money(g->c, f->totals.tax, b, sizeof b);
	printf(_("net %s, tax %s"), a, b);
	ctl_money(g->c, f->totals.total, a, sizeof a);
	printf(_(", total %s"), a);
	if (f->totals.expenses) {
		ctl_money(g->c, f->totals.expenses, a, sizeof a);
		printf(_(", reimbursable expenses %s"), a);
	}
	printf("\n");
}

/* Fill the invoice form from the arguments, as a clerk would key it; post it as an invoice or a
 * quote. */
static int post_form(cli *g, const form_args *a, int quote)
{
	ctl_invoice_form *f;
	posted p;
	cart_err e;
	int rc = EXIT_DONE;

	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_invform_new(g->c, &f, &e))
		return cli_fail(g, &e);
	if (a->currency)
		snprintf(f->currency, sizeof f->currency, "%s", a->currency);
	snprintf(f->reference, sizeof f->reference, "%s", a->reference ? a->reference : "");
	snprintf(f->memo, sizeof f->memo, "%s", a->memo ? a->memo : "");
	if ((a->date && ctl_invform_set_date(f, a->date, &e)) ||
	    ctl_invform_set_client(f, a->client, &e) ||
	    (a->due && ctl_invform_set_due(f, a->due, &e)))
		goto fail;
	for (int i = 0; i < a->n_lines; i++) {
		ctl_line_text t;

		if ((rc = line_text(g, a->lines[i], a->expense[i], &t)))
			goto out;
		if (ctl_invform_set_line(f, f->n, &t, &e))
			goto fail;
	}
	if (a->total) {
		int64_t want;
		char x[40], y[40];

		if (ctl_amount(g->c, a->total, _("the total"), &want, &e))
			goto fail;
		if (want != f->totals.total) {
			ctl_money(g->c, f->totals.total, x, sizeof x);
			ctl_money(g->c, want, y, sizeof y);
			cart_fail(&e, CART_INVALID, _("the lines add up to %s, not the total %s given"), x,
			          y);
			goto fail;
		}
	}
	if (!quote && a->instalments > 1 &&
	    ctl_invform_split(f, a->instalments, a->every, a->first, &e))
		goto fail;
	if (quote ? ctl_invform_post_quote(f, a->valid, &p, &e)
	          : ctl_invform_post(f, a->override, &p, &e))
		goto fail;
	if (p.replayed) {
		printf(_("%s %s was already posted with this key; nothing posted again\n"),
		       quote ? _("quote") : _("invoice"), p.number);
		return EXIT_DONE;
	}
	{
		print_totals(g, f);
		printf(_("%s %s posted: %s"), quote ? _("quote") : _("invoice"), p.number, f->cl.name);
		printf(quote ? _(", valid until %s\n") : _(", due %s\n"), p.due_date);
		for (int i = 0; !quote && f->n_inst > 1 && i < f->n_inst; i++) {
			char x[40];

			ctl_money(g->c, f->inst_amount[i], x, sizeof x);
			printf(_("instalment %d: %s due %s\n"), i + 1, x, f->inst_due[i]);
		}
		if (!quote && f->credit.needs_override)
			printf(_("credit check overridden: %s\n"), f->credit.warning);
	}
	goto out;
fail:
	rc = cli_fail(g, &e);
out:
	ctl_invform_free(f);
	return rc;
}

/* Options shared by `invoice post` with lines and `quote post`. */
int cli_invoice_lines(cli *g, const ctl_invoice *inv, const char *const *lines, const int *expense,
                      int n_lines, const char *every, const char *first)
{
	form_args a;

	memset(&a, 0, sizeof a);
	a.client = inv->client;
	a.date = inv->date;
	a.due = inv->due;
	a.currency = inv->currency;
	a.reference = inv->reference;
	a.memo = inv->memo;
	a.total = inv->total;
	a.instalments = inv->instalments;
	a.override = inv->override;
	a.every = every;
	a.first = first;
	if (inv->expenses)
		return cli_usage(g, _("with --line, reimbursable expenses are --expense-line lines"));
	for (int i = 0; i < n_lines && i < MAX_ARGS; i++) {
		a.lines[i] = lines[i];
		a.expense[i] = expense[i];
	}
	a.n_lines = n_lines;
	return post_form(g, &a, 0);
}

static const char quote_help[] =
	N_("Usage: cartera quote post CLIENT --line \"DESC;QTY;PRICE;TAX\"... [--valid DATE] [--date DATE]\n"
	   "       cartera quote list [CLIENT]\n"
	   "       cartera quote accept|reject QUOTE [--date DATE]\n"
	   "       cartera quote invoice QUOTE [--date DATE] [--due DATE] [--override REASON]\n"
	   "Quotes (cotizaciones) have lines like an invoice and a validity date; they post nothing to\n"
	   "the ledger. 'invoice' turns a quote into an invoice and links the two; an open quote past\n"
	   "its validity date is expired.\n"
	   "  --line DESC;QTY;PRICE;TAX   a line (TAX: a rate's name or percentage, empty = none)\n"
	   "  --expense-line DESC;QTY;PRICE  a reimbursable expense (no tax)\n"
	   "  --valid DATE        valid until (default the date + 30 days)\n"
	   "  --ref TEXT, --memo TEXT, --currency CUR\n");

static int quote_list_cb(const quote_row *q, void *ud)
{
	void **x = ud;
	cli *g = x[0];
	out_table *t = x[1];
	char total[40];
	const char *v[8];

	ctl_money_plain(g->c, q->total, total, sizeof total);
	if (g->format == OUT_TEXT)
		ctl_money(g->c, q->total, total, sizeof total);
	v[0] = q->number;
	v[1] = q->client_name;
	v[2] = q->date;
	v[3] = q->valid_until;
	v[4] = q->currency;
	v[5] = total;
	v[6] = quote_status_name(q->status);
	v[7] = q->invoice;
	out_row(t, v);
	return 0;
}

int cmd_quote(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "line", required_argument, NULL, 'l' },
		{ "expense-line", required_argument, NULL, 'X' },
		{ "valid", required_argument, NULL, 'v' },
		{ "date", required_argument, NULL, 'd' },
		{ "due", required_argument, NULL, 'u' },
		{ "ref", required_argument, NULL, 'r' },
		{ "memo", required_argument, NULL, 'm' },
		{ "currency", required_argument, NULL, 'c' },
		{ "override", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	static const out_col cols[] = {
		{ "number", 10, 0, 0 }, { "client", 24, 0, 0 }, { "date", 10, 0, 0 },
		{ "valid_until", 11, 0, 0 }, { "currency", 8, 0, 0 }, { "total", 14, 1, 1 },
		{ "status", 8, 0, 0 }, { "invoice", 10, 0, 0 },
	};
	const char *word = argc >= 2 ? argv[1] : "";
	form_args a;
	cart_err e;
	int opt, rc;

	g->prog = "cartera quote";
	memset(&a, 0, sizeof a);
	if (!strcmp(word, "--help") || !strcmp(word, "-h")) {
		fputs(_(quote_help), stdout);
		return EXIT_DONE;
	}
	if (strcmp(word, "post") && strcmp(word, "list") && strcmp(word, "accept") &&
	    strcmp(word, "reject") && strcmp(word, "invoice"))
		return cli_usage(g, _("expected 'quote post', 'list', 'accept', 'reject' or 'invoice'"));
	argc--, argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'l':
		case 'X':
			if (a.n_lines == MAX_ARGS)
				return cli_usage(g, _("at most %d lines"), MAX_ARGS);
			a.expense[a.n_lines] = opt == 'X';
			a.lines[a.n_lines++] = optarg;
			break;
		case 'v': a.valid = optarg; break;
		case 'd': a.date = optarg; break;
		case 'u': a.due = optarg; break;
		case 'r': a.reference = optarg; break;
		case 'm': a.memo = optarg; break;
		case 'c': a.currency = optarg; break;
		case 'o': a.override = optarg; break;
		HANDLE_COMMON(g, opt, quote_help)
		}
	}
	cli_unmask(argc, argv);
	if (!strcmp(word, "post")) {
		if (argc - optind != 1)
			return cli_usage(g, _("give the client"));
		if (a.n_lines == 0)
			return cli_usage(g, _("a quote needs at least one --line"));
		a.client = argv[optind];
		return post_form(g, &a, 1);
	}
	if (!strcmp(word, "list")) {
		char asof[DATE_LEN];
		int64_t cid = 0;
		out_table t;
		void *x[2] = { g, &t };

		if (argc - optind > 1)
			return cli_usage(g, _("give at most one client"));
		if ((rc = cli_open(g, 0)))
			return rc;
		if (argc - optind == 1) {
			client cl;

			if (ctl_client_ref(g->c, argv[optind], &cl, &e))
				return cli_fail(g, &e);
			cid = cl.id;
		}
		if (ctl_date(a.date, _("the date"), asof, &e))
			return cli_fail(g, &e);
		out_begin(&t, stdout, g->format, cols, 8);
		rc = ctl_quote_list(g->c, cid, asof, quote_list_cb, x, &e);
		out_end(&t);
		return rc ? cli_fail(g, &e) : EXIT_DONE;
	}
	if (argc - optind != 1)
		return cli_usage(g, _("give the quote"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (!strcmp(word, "invoice")) {
		posted p;

		if (ctl_quote_invoice(g->c, argv[optind], a.date, a.due, a.override, &p, &e))
			return cli_fail(g, &e);
		{
			char x[40];

			ctl_money(g->c, p.total, x, sizeof x);
			printf(_("invoice %s posted from %s: %s %s, due %s\n"), p.number, p.reference, x,
			       p.currency, p.due_date);
		}
		return EXIT_DONE;
	}
	if (ctl_quote_set_status(g->c, argv[optind], !strcmp(word, "accept") ? QUOTE_ACCEPTED
	                                                                      : QUOTE_REJECTED,
	                         a.date, &e))
		return cli_fail(g, &e);
	printf("%s %s\n", argv[optind], !strcmp(word, "accept") ? "accepted" : "rejected");
	return EXIT_DONE;
}
