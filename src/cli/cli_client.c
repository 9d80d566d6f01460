/* Command-line clients: client add | list | show | import | export. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cartera/csvclient.h"
#include "cartera/ctl_clients.h"
#include "cartera/outfile.h"
#include "cli.h"

static const char client_help[] =
	N_("Usage: cartera client add NAME [OPTIONS]\n"
	   "       cartera client list [FILTER] [--limit N] [--offset N]\n"
	   "       cartera client show CLIENT [--asof DATE]\n"
	   "       cartera client import FILE\n"
	   "       cartera client export [FILE] [--force]\n"
	   "       cartera client person add|list|remove CLIENT ...  (see 'cartera client person --help')\n"
	   "       cartera client history CLIENT\n"
	   "\n"
	   "client add options:\n"
	   "  --tax-id ID          tax id, validated by the company's country (its DV is computed)\n"
	   "  --dv D               the check digit, if typed apart; it must match\n"
	   "  --taxpayer TYPE      natural or legal (default: legal with --tax-id)\n"
	   "  --curp CURP          a Mexican person's CURP (optional; its check digit is checked)\n"
	   "  --receiver TYPE      taxpayer, final, government or foreign (default taxpayer)\n"
	   "  --email LIST --phone N --mobile N --address TEXT --location TEXT --notes TEXT\n"
	   "  --terms DAYS         payment terms (default 30)\n"
	   "  --limit AMOUNT       credit limit (default none)\n"
	   "  --charge-mode MODE   for reimbursable expenses: invoice, expenses, both or none\n"
	   "  --inactive           add it inactive\n"
	   "client list prints number, name, tax id, phone and balance; FILTER matches part of the\n"
	   "name, tax id or phone. client show prints the record, its totals and its open items (in\n"
	   "csv or json: the record and its totals per currency).\n"
	   "client import adds the clients of a CSV file (\"-\" for standard input), all or none;\n"
	   "client export writes every client as CSV, to standard output or to a new FILE.\n"
	   "See 'cartera client import --help' and 'cartera client export --help'.\n");

static const char import_help[] =
	N_("Usage: cartera client import FILE\n"
	   "\n"
	   "Add the clients of a CSV file (RFC 4180, UTF-8; \"-\" reads standard input). The first\n"
	   "line names the columns, in any order, as 'client export' writes them or in Spanish:\n"
	   "  name (nombre, razon social)         tax_id (ruc, nit, rfc, identificacion, cedula)\n"
	   "  dv (digito de verificacion)         taxpayer_type: natural or legal (tipo de persona)\n"
	   "  receiver_type: taxpayer, final, government or foreign (tipo de receptor)\n"
	   "  email (correo)  phone (telefono)  mobile (celular)  address (direccion)\n"
	   "  location (ubicacion, ciudad)        terms_days (plazo, dias): 0 to 3650, default 30\n"
	   "  credit_limit (cupo, limite): like 1500000.00, default none\n"
	   "  charge_mode: invoice, expenses, both or none    active (activo): yes or no\n"
	   "  notes (notas, observaciones)        id: ignored, clients get new numbers\n"
	   "Only name is required. Tax ids are checked by the company's country and stored with\n"
	   "their DV. Every row is checked before any is added: if one is wrong, nothing is\n"
	   "imported and each bad line is reported as FILE:LINE: reason (exit status 1).\n");

static const char export_help[] =
	N_("Usage: cartera client export [FILE] [--force]\n"
	   "\n"
	   "Write every client, by name, as CSV (UTF-8, CRLF line ends) with the columns\n"
	   "id, name, tax_id, dv, taxpayer_type, receiver_type, email, phone, mobile, address,\n"
	   "location, terms_days, credit_limit, charge_mode, active, notes; 'client import' reads\n"
	   "it back. Without FILE (or with \"-\") the CSV goes to standard output. An existing FILE\n"
	   "is left alone unless --force is given.\n"
	   "\n"
	   "  --force   replace FILE if it exists\n");

static int pick(const char *arg, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(arg, names[i]))
			return i;
	return -1;
}

/* `client add` fills the client form's view-model and saves it with the form's own save: the
 * same checks, in the same words, as the screen, field by field. */
static int client_add(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "tax-id", required_argument, NULL, 't' },
		{ "dv", required_argument, NULL, 'v' },
		{ "curp", required_argument, NULL, 'C' },
		{ "taxpayer", required_argument, NULL, 'p' },
		{ "receiver", required_argument, NULL, 'R' },
		{ "email", required_argument, NULL, 'e' },
		{ "phone", required_argument, NULL, 'P' },
		{ "mobile", required_argument, NULL, 'M' },
		{ "address", required_argument, NULL, 'a' },
		{ "location", required_argument, NULL, 'L' },
		{ "notes", required_argument, NULL, 'n' },
		{ "terms", required_argument, NULL, 'd' },
		{ "limit", required_argument, NULL, 'l' },
		{ "charge-mode", required_argument, NULL, 'c' },
		{ "inactive", no_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const taxpayers[] = { "natural", "legal" };
	static const char *const receivers[] = { "taxpayer", "final", "government", "foreign" };
	static const char *const modes[] = { "invoice", "expenses", "both", "none" };
	/* what each option fills: the form's field */
	const char *text[CF_COUNT] = { 0 };
	int taxpayer = -1, receiver = -1, mode = -1, active = 1;
	ctl_clients v;
	ctlc_form f;
	char warn[256];
	cart_err e;
	int opt, rc, k, field;

	g->prog = "cartera client add";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 't': text[CF_TAXID] = optarg; break;
		case 'v': text[CF_DV] = optarg; break;
		case 'C': text[CF_CURP] = optarg; break;
		case 'p':
			if ((k = pick(optarg, taxpayers, 2)) < 0)
				return cli_usage(g, _("--taxpayer \"%s\": use natural or legal"), optarg);
			taxpayer = k;
			break;
		case 'R':
			if ((k = pick(optarg, receivers, 4)) < 0)
				return cli_usage(g, _("--receiver \"%s\": use taxpayer, final, government"
				                 " or foreign"), optarg);
			receiver = k;
			break;
		case 'e': text[CF_EMAIL] = optarg; break;
		case 'P': text[CF_PHONE] = optarg; break;
		case 'M': text[CF_MOBILE] = optarg; break;
		case 'a': text[CF_ADDRESS] = optarg; break;
		case 'L': text[CF_LOCATION] = optarg; break;
		case 'n': text[CF_NOTES] = optarg; break;
		case 'd': text[CF_TERMS] = optarg; break;
		case 'l': text[CF_LIMIT] = optarg; break;
		case 'c':
			if ((k = pick(optarg, modes, 4)) < 0)
				return cli_usage(g, _("--charge-mode \"%s\": use invoice, expenses, both or"
				                 " none"), optarg);
			mode = k;
			break;
		case 'i': active = 0; break;
		HANDLE_COMMON(g, opt, client_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give the client's name (quote it if it has spaces)"));
	text[CF_NAME] = argv[optind];
	if ((rc = cli_open(g, 0)))
		return rc;
	ctl_clients_init(&v, g->c);
	ctl_clients_form_new(&v, &f);
	/* a company is the usual client with a tax id; without one, a person (seed 002: a legal
	 * person is always registered) */
	f.taxpayer = taxpayer >= 0 ? taxpayer : text[CF_TAXID] ? TAXPAYER_LEGAL : TAXPAYER_NATURAL;
	if (receiver >= 0)
		f.receiver = receiver;
	if (mode >= 0)
		f.charge_mode = mode;
	f.active = active;
	f.dv_typed = text[CF_DV] != NULL;
	for (int i = 0; i < CF_COUNT; i++)
		if (text[i] && ctl_text(f.text[i], sizeof f.text[i], text[i],
		                        ctl_clients_field_name(i), &e) != CART_OK)
			return cli_fail(g, &e);
	if (ctl_clients_form_save(&v, &f, &field, &e) != CART_OK)
		return cli_fail(g, &e);
	ctl_clients_form_warning(&v, &f, CF_TAXID, warn, sizeof warn);
	if (warn[0])
		fprintf(stderr, "cartera: warning: %s\n", warn);
	printf(_("client %lld added: %s%s%s%s%s\n"), (long long)f.id, f.text[CF_NAME],
	       f.text[CF_TAXID][0] ? ", " : "", f.text[CF_TAXID], f.text[CF_DV][0] ? "-" : "",
	       f.text[CF_DV]);
	return EXIT_DONE;
}

typedef struct list_ctx {
	cli *g;
	out_table t;
} list_ctx;

static int list_row(const client_row *r, void *ud)
{
	list_ctx *x = ud;
	char id[24], bal[40], taxid[48];
	const char *v[6];

	snprintf(id, sizeof id, "%lld", (long long)r->c->id);
	snprintf(taxid, sizeof taxid, "%s%s%s", r->c->tax_id, r->c->dv[0] ? "-" : "", r->c->dv);
	if (x->g->format == OUT_TEXT)
		ctl_money(x->g->c, r->balance, bal, sizeof bal);
	else
		ctl_money_plain(x->g->c, r->balance, bal, sizeof bal);
	v[0] = id;
	v[1] = r->c->name;
	v[2] = taxid;
	v[3] = r->c->phone;
	v[4] = r->currency;
	v[5] = bal;
	out_row(&x->t, v);
	return 0;
}

static int client_list(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "limit", required_argument, NULL, 'l' },
		{ "offset", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	static const out_col cols[] = {
		{ "id", 6, 1, 1 }, { "name", 34, 0, 0 }, { "tax_id", 14, 0, 0 },
		{ "phone", 12, 0, 0 }, { "currency", 8, 0, 0 }, { "balance", 16, 1, 1 },
	};
	list_ctx x = { .g = g };
	long limit = 0, offset = 0;
	cart_err e;
	int opt, rc;

	g->prog = "cartera client list";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'l':
			if ((rc = cli_int(g, "--limit", optarg, 1, 100000000, &limit)))
				return rc;
			break;
		case 'o':
			if ((rc = cli_int(g, "--offset", optarg, 0, 100000000, &offset)))
				return rc;
			break;
		HANDLE_COMMON(g, opt, client_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind > 1)
		return cli_usage(g, _("give at most one filter"));
	if ((rc = cli_open(g, 0)))
		return rc;
	out_begin(&x.t, stdout, g->format, cols, 6);
	rc = ctl_client_list(g->c, optind < argc ? argv[optind] : NULL, (int)offset,
	                        (int)limit, list_row, &x, &e);
	out_end(&x.t);
	return rc == CART_OK ? EXIT_DONE : cli_fail(g, &e);
}

static int open_row(const open_item *it, void *ud)
{
	list_ctx *x = ud;
	char amount[40], open[40], days[16], inst[16];
	const char *v[9];

	/* one sign everywhere (issue 11): what is open is positive, and the kind column says
	 * whether the client owes it (a charge) or holds it (a credit in favour) */
	if (x->g->format == OUT_TEXT) {
		ctl_money(x->g->c, it->amount, amount, sizeof amount);
		ctl_money(x->g->c, it->open, open, sizeof open);
	} else {
		ctl_money_plain(x->g->c, it->amount, amount, sizeof amount);
		ctl_money_plain(x->g->c, it->open, open, sizeof open);
	}
	snprintf(days, sizeof days, "%d", it->days_overdue);
	if (it->instalment_no)
		snprintf(inst, sizeof inst, "%d", it->instalment_no);
	else
		inst[0] = '\0';
	v[0] = it->number;
	v[1] = it->code;
	v[2] = it->side == 'D' ? "charge" : "credit";
	v[3] = it->date;
	v[4] = it->due_date;
	v[5] = inst;
	v[6] = amount;
	v[7] = open;
	v[8] = days;
	out_row(&x->t, v);
	return 0;
}

int cli_open_items(cli *g, int64_t client_id, const char *asof, cart_err *e)
{
	static const out_col cols[] = {
		{ "document", 10, 0, 0 }, { "code", 4, 0, 0 }, { "kind", 6, 0, 0 },
		{ "date", 10, 0, 0 }, { "due", 10, 0, 0 }, { "instalment", 10, 1, 1 },
		{ "amount", 15, 1, 1 }, { "open", 15, 1, 1 }, { "days_overdue", 12, 1, 1 },
	};
	list_ctx x = { .g = g };
	int rc;

	out_begin(&x.t, stdout, g->format, cols, 9);
	rc = ctl_open_items(g->c, client_id, asof, open_row, &x, e);
	out_end(&x.t);
	return rc;
}

/* client show for programs: the record and its totals as one row per currency (one row with
 * empty totals when nothing was ever posted); `balance CLIENT` lists the open items. */
static int show_record(cli *g, const client *cl, const ctl_dashboard *d)
{
	static const char *const receivers[] = { "taxpayer", "final", "government", "foreign" };
	static const char *const modes[] = { "invoice", "expenses", "both", "none" };
	static const out_col cols[] = {
		{ "id", 6, 1, 1 }, { "name", 30, 0, 0 }, { "tax_id", 14, 0, 0 }, { "dv", 2, 0, 0 },
		{ "taxpayer_type", 7, 0, 0 }, { "receiver_type", 10, 0, 0 }, { "email", 20, 0, 0 },
		{ "phone", 12, 0, 0 }, { "mobile", 12, 0, 0 }, { "address", 20, 0, 0 },
		{ "location", 20, 0, 0 }, { "terms_days", 4, 1, 1 }, { "credit_limit", 14, 1, 1 },
		{ "charge_mode", 8, 0, 0 }, { "active", 3, 0, 0 }, { "opening_date", 10, 0, 0 },
		{ "notes", 20, 0, 0 }, { "currency", 3, 0, 0 }, { "due", 14, 1, 1 },
		{ "overdue", 14, 1, 1 }, { "credits", 14, 1, 1 }, { "net", 14, 1, 1 },
	};
	char id[24], terms[16], limit[40], due[40], over[40], cred[40], net[40];
	out_table t;

	snprintf(id, sizeof id, "%lld", (long long)cl->id);
	snprintf(terms, sizeof terms, "%d", cl->terms_days);
	ctl_money_plain(g->c, cl->credit_limit, limit, sizeof limit);
	out_begin(&t, stdout, g->format, cols, 22);
	for (int i = 0; i < (d->n ? d->n : 1); i++) {
		const char *v[22] = {
			id, cl->name, cl->tax_id, cl->dv, cl->taxpayer_type ? "legal" : "natural",
			receivers[cl->receiver_type], cl->email, cl->phone, cl->mobile, cl->address,
			cl->location, terms, limit, modes[cl->charge_mode], cl->active ? "yes" : "no",
			cl->opening_date, cl->notes, d->n ? d->t[i].currency : "", due, over, cred, net,
		};

		ctl_money_plain(g->c, d->n ? d->t[i].due : 0, due, sizeof due);
		ctl_money_plain(g->c, d->n ? d->t[i].overdue : 0, over, sizeof over);
		ctl_money_plain(g->c, d->n ? d->t[i].credits : 0, cred, sizeof cred);
		ctl_money_plain(g->c, d->n ? d->t[i].net : 0, net, sizeof net);
		out_row(&t, v);
	}
	out_end(&t);
	return EXIT_DONE;
}

static int client_show(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "asof", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const receivers[] = { N_("taxpayer"), N_("final consumer"),
	                                         N_("government"), N_("foreign") };
	static const char *const modes[] = { N_("invoice"), N_("expenses"), N_("both"), N_("none") };
	const char *asof_arg = NULL;
	char asof[DATE_LEN], limit[40];
	client cl;
	ctl_dashboard d;
	cart_err e;
	int opt, rc;

	g->prog = "cartera client show";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'A': asof_arg = optarg; break;
		HANDLE_COMMON(g, opt, client_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give one client (number, tax id or name)"));
	if (ctl_date(asof_arg, "--asof", asof, &e) != CART_OK)
		return cli_fail(g, &e);
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_client_ref(g->c, argv[optind], &cl, &e) != CART_OK ||
	    ctl_dashboard_load(g->c, cl.id, asof, &d, &e) != CART_OK)
		return cli_fail(g, &e);
	if (g->format == OUT_TEXT) {
		ctl_money(g->c, cl.credit_limit, limit, sizeof limit);
		printf(_("Client %lld: %s%s\n"), (long long)cl.id, cl.name, cl.active ? "" : _(" (inactive)"));
		printf(_("  Tax id:     %s%s%s (%s, %s)\n"), cl.tax_id[0] ? cl.tax_id : "-",
		       cl.dv[0] ? "-" : "", cl.dv, cl.taxpayer_type ? _("legal person") : _("natural person"),
		       _(receivers[cl.receiver_type]));
		printf(_("  Location:   %s\n  Address:    %s\n"), cl.location, cl.address);
		printf(_("  E-mail:     %s\n  Phone:      %s   Mobile: %s\n"), cl.email, cl.phone,
		       cl.mobile);
		printf(_("  Terms:      %d days   Credit limit: %s   Expenses post: %s\n"), cl.terms_days,
		       cl.credit_limit ? limit : _("none"), _(modes[cl.charge_mode]));
		if (cl.opening_date[0])
			printf(_("  Opening:    %s\n"), cl.opening_date);
		if (cl.curp[0])
			printf(_("  CURP:       %s\n"), cl.curp);
		if (cl.notes[0])
			printf(_("  Notes:      %s\n"), cl.notes);
		if (cli_persons_print(g, cl.id, &e) != CART_OK)
			return cli_fail(g, &e);
		for (int i = 0; i < d.n; i++) {
			char a[40], b[40], c[40], n[40];

			ctl_money(g->c, d.t[i].due, a, sizeof a);
			ctl_money(g->c, d.t[i].overdue, b, sizeof b);
			ctl_money(g->c, d.t[i].credits, c, sizeof c);
			ctl_money(g->c, d.t[i].net, n, sizeof n);
			printf(_("  As of %s in %s: due %s, overdue %s, credits %s, net %s\n"), asof,
			       d.t[i].currency, a, b, c, n);
		}
		printf(_("\nOpen items as of %s:\n"), asof);
		if (cli_open_items(g, cl.id, asof, &e) != CART_OK)
			return cli_fail(g, &e);
		return EXIT_DONE;
	}
	return show_record(g, &cl, &d);
}

static int client_import(cli *g, int argc, char **argv)
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

	g->prog = "cartera client import";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		HANDLE_COMMON(g, opt, import_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give one CSV file (or - for standard input)"));
	path = argv[optind];
	if ((rc = cli_open(g, 0)))
		return rc;
	if (!strcmp(path, "-")) {
		in = stdin;
		name = "stdin";
	} else {
		name = path;
		in = fopen(path, "r");
		if (!in) {
			cart_fail(&e, CART_IO, _("cannot read %s: %s"), path, strerror(errno));
			return cli_fail(g, &e);
		}
	}
	rc = csvclient_import(g->c, in, name, &r, &e);
	if (in != stdin)
		fclose(in);
	for (int i = 0; i < r.warnings.n; i++)
		fprintf(stderr, "%s:%ld: warning: %s\n", name, r.warnings.msg[i].line,
		        r.warnings.msg[i].text);
	for (int i = 0; i < r.errors.n; i++) {
		if (r.errors.msg[i].line > 0)
			fprintf(stderr, "%s:%ld: %s\n", name, r.errors.msg[i].line,
			        r.errors.msg[i].text);
		else
			fprintf(stderr, "%s: %s\n", name, r.errors.msg[i].text);
	}
	if (r.errors.n_more)
		fprintf(stderr, _("%s: and %ld more\n"), name, r.errors.n_more);
	if (rc == CART_OK)
		printf(P_("%ld client imported from %s\n", "%ld clients imported from %s\n",
		          (unsigned long)r.imported), r.imported, name);
	csvclient_result_free(&r);
	if (rc != CART_OK) {
		/* a bad file is refused (1), not a usage error */
		fprintf(stderr, "cartera: %s\n", e.msg);
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

/* Write the export to a private temporary file beside path, then put it in place (outfile.h):
 * a failed export leaves nothing behind, and without force a file that appeared meanwhile is not
 * replaced. */
static int export_to_file(cli *g, const char *path, int force, cart_err *e)
{
	outfile of;
	FILE *out;
	int rc;

	if ((rc = outfile_begin(&of, path, force ? OUTFILE_FORCE : 0, e)) != CART_OK)
		return rc;
	if (!(out = outfile_fopen(&of))) {
		rc = cart_fail(e, CART_IO, _("cannot write %s: %s"), path, strerror(errno));
		outfile_abort(&of);
		return rc;
	}
	rc = csvclient_export(g->c, out, e);
	if (fclose(out) != 0 && rc == CART_OK)
		rc = cart_fail(e, CART_IO, _("cannot write %s: %s"), path, strerror(errno));
	if (rc != CART_OK) {
		outfile_abort(&of);
		return rc;
	}
	return outfile_commit(&of, e);
}

static int client_export(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	const char *path = NULL;
	int64_t n = 0;
	cart_err e;
	int opt, rc, force = 0;

	g->prog = "cartera client export";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'f': force = 1; break;
		HANDLE_COMMON(g, opt, export_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind > 1)
		return cli_usage(g, _("give at most one file"));
	if (optind < argc && strcmp(argv[optind], "-") != 0)
		path = argv[optind];
	if (path && !*path)
		return cli_usage(g, _("the file name is empty"));
	/* Say so before any work; export_to_file checks again as it puts the file in place. */
	if (path && !force && access(path, F_OK) == 0) {
		cart_fail(&e, CART_REFUSED, _("%s already exists: give --force to replace it"), path);
		return cli_fail(g, &e);
	}
	if ((rc = cli_open(g, 0)))
		return rc;
	if (!path) {
		if (csvclient_export(g->c, stdout, &e) != CART_OK)
			return cli_fail(g, &e);
		return EXIT_DONE;
	}
	if (export_to_file(g, path, force, &e) != CART_OK)
		return cli_fail(g, &e);
	if (ctl_client_count(g->c, NULL, &n, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(P_("%lld client exported to %s\n", "%lld clients exported to %s\n", (unsigned long)n),
	       (long long)n, path);
	return EXIT_DONE;
}

int cmd_client(cli *g, int argc, char **argv)
{
	g->prog = "cartera client";
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(_(client_help), argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_DONE;
	}
	if (!strcmp(argv[1], "add"))
		return client_add(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "list"))
		return client_list(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "show"))
		return client_show(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "import"))
		return client_import(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "export"))
		return client_export(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "person"))
		return cmd_client_person(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "history"))
		return cli_client_history(g, argc - 1, argv + 1);
	return cli_usage(g, _("unknown action \"%s\": use add, list, show, person, history, "
	                      "import or export"), argv[1]);
}
