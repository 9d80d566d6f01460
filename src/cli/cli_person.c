/* Command-line persons of a client (SPEC C2): client person add | list | remove, and the persons
 * and mail recipients `client show` prints. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ctl_persons.h"
#include "cartera/i18n.h"
#include "cli.h"

static const char person_help[] =
	N_("Usage: cartera client person add CLIENT --name NAME [OPTIONS]\n"
	   "       cartera client person list CLIENT\n"
	   "       cartera client person remove CLIENT PERSON\n"
	   "\n"
	   "The persons of a client company who receive its statements and reminders by e-mail.\n"
	   "CLIENT is the client's number, tax id (with or without its DV, as 890903938-8) or name;\n"
	   "PERSON is the person's number, as 'client person list' prints it.\n"
	   "\n"
	   "client person add options:\n"
	   "  --name NAME      the person's name (required)\n"
	   "  --role ROLE      what they do at the client (\"Contadora\", \"Gerente de compras\")\n"
	   "  --email ADDRESS  one e-mail address\n"
	   "  --phone N        phone number (digits, spaces and + - ( ) .)\n"
	   "  --mobile N       mobile number\n"
	   "  --no-notify      keep them on record, but send them no statements or reminders\n"
	   "client person list prints number, name, role, e-mail, phone, mobile and whether they\n"
	   "receive mail, in the client's order (--format text, csv or json).\n");

static int person_add(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "name", required_argument, NULL, 'n' },
		{ "role", required_argument, NULL, 'r' },
		{ "email", required_argument, NULL, 'e' },
		{ "phone", required_argument, NULL, 'P' },
		{ "mobile", required_argument, NULL, 'M' },
		{ "no-notify", no_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 }
	};
	const char *text[PF_COUNT] = { NULL, "", "", "", "", "" };
	int notify = 1, opt, rc, field;
	client cl;
	person p;
	cart_err e;

	g->prog = "cartera client person add";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'n': text[PF_NAME] = optarg; break;
		case 'r': text[PF_ROLE] = optarg; break;
		case 'e': text[PF_EMAIL] = optarg; break;
		case 'P': text[PF_PHONE] = optarg; break;
		case 'M': text[PF_MOBILE] = optarg; break;
		case 'N': notify = 0; break;
		HANDLE_COMMON(g, opt, person_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, "%s", _("give one client (number, tax id or name)"));
	if (!text[PF_NAME])
		return cli_usage(g, "%s", _("give the person's name with --name"));
	person_defaults(&p);
	if (ctl_person_from_text(text, notify, &p, &field, &e) != CART_OK)
		return cli_fail(g, &e);
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_client_ref(g->c, argv[optind], &cl, &e) != CART_OK)
		return cli_fail(g, &e);
	p.client_id = cl.id;
	if (ctl_person_add(g->c, &p, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("person %lld added to client %lld, %s: %s%s%s\n"), (long long)p.id,
	       (long long)cl.id, cl.name, p.name, p.role[0] ? ", " : "", p.role);
	return EXIT_DONE;
}

/* The persons of one client, from its reference. */
static int load(cli *g, const char *ref, client *cl, person *ps, int *n, cart_err *e)
{
	if (ctl_client_ref(g->c, ref, cl, e) != CART_OK)
		return e->code;
	return ctl_person_list(g->c, cl->id, ps, LEDGER_MAX_PERSONS, n, e);
}

static int person_list(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 }
	};
	static const out_col cols[] = {
		{ "id", 5, 1, 1 }, { "name", 24, 0, 0 }, { "role", 18, 0, 0 },
		{ "email", 28, 0, 0 }, { "phone", 16, 0, 0 }, { "mobile", 16, 0, 0 },
		{ "notify", 6, 0, 0 },
	};
	person ps[LEDGER_MAX_PERSONS];
	client cl;
	out_table t;
	cart_err e;
	int n = 0, opt, rc;

	g->prog = "cartera client person list";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		HANDLE_COMMON(g, opt, person_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, "%s", _("give one client (number, tax id or name)"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (load(g, argv[optind], &cl, ps, &n, &e) != CART_OK)
		return cli_fail(g, &e);
	out_begin(&t, stdout, g->format, cols, 7);
	for (int i = 0; i < n; i++) {
		char id[24];
		const char *v[7];

		snprintf(id, sizeof id, "%lld", (long long)ps[i].id);
		v[0] = id;
		v[1] = ps[i].name;
		v[2] = ps[i].role;
		v[3] = ps[i].email;
		v[4] = ps[i].phone;
		v[5] = ps[i].mobile;
		v[6] = ps[i].notify ? "yes" : "no";
		out_row(&t, v);
	}
	out_end(&t);
	return EXIT_DONE;
}

static int person_remove(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 }
	};
	client cl;
	person p;
	cart_err e;
	long id;
	int opt, rc;

	g->prog = "cartera client person remove";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		HANDLE_COMMON(g, opt, person_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 2)
		return cli_usage(g, "%s", _("give the client and the person's number"));
	if ((rc = cli_int(g, _("the person's number"), argv[optind + 1], 1, 2000000000L, &id)))
		return rc;
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_client_ref(g->c, argv[optind], &cl, &e) != CART_OK)
		return cli_fail(g, &e);
	/* the name for the message; a person of another client is refused by the delete */
	if (ctl_person_get(g->c, id, &p, &e) != CART_OK || p.client_id != cl.id) {
		cart_fail(&e, CART_NOTFOUND, _("client %lld, %s, has no person number %ld (see"
		          " 'cartera client person list %lld')"), (long long)cl.id, cl.name, id,
		          (long long)cl.id);
		return cli_fail(g, &e);
	}
	if (ctl_person_delete(g->c, cl.id, id, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("person %ld, %s, removed from client %lld, %s\n"), id, p.name, (long long)cl.id,
	       cl.name);
	return EXIT_DONE;
}

int cli_persons_print(cli *g, int64_t client_id, cart_err *e)
{
	person ps[LEDGER_MAX_PERSONS];
	mail_to to[LEDGER_MAX_RECIPIENTS];
	int n = 0, nt = 0;

	if (ctl_person_list(g->c, client_id, ps, LEDGER_MAX_PERSONS, &n, e) != CART_OK ||
	    ctl_client_recipients(g->c, client_id, to, LEDGER_MAX_RECIPIENTS, &nt, e) != CART_OK)
		return e->code;
	if (!n)
		printf("  %s\n", _("Persons:    none"));
	for (int i = 0; i < n; i++) {
		const person *p = &ps[i];

		printf("  %-12s%lld. %s%s%s%s%s%s%s%s%s%s\n", i == 0 ? _("Persons:") : "",
		       (long long)p->id, p->name, p->role[0] ? " (" : "", p->role,
		       p->role[0] ? ")" : "", p->email[0] ? "  " : "", p->email,
		       p->phone[0] ? "  " : "", p->phone, p->mobile[0] ? "  " : "", p->mobile);
		if (!p->notify)
			printf("  %-12s   %s\n", "", _("(receives no statements or reminders)"));
	}
	printf("  %-12s", _("Mail to:"));
	if (!nt)
		printf("%s", _("nobody (no e-mail on record)"));
	for (int i = 0; i < nt; i++)
		printf("%s%s", i ? ", " : "", to[i].email);
	printf("\n");
	return CART_OK;
}

int cmd_client_person(cli *g, int argc, char **argv)
{
	g->prog = "cartera client person";
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(_(person_help), argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_DONE;
	}
	if (!strcmp(argv[1], "add"))
		return person_add(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "list"))
		return person_list(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "remove"))
		return person_remove(g, argc - 1, argv + 1);
	return cli_usage(g, _("unknown action \"%s\": use add, list or remove"), argv[1]);
}
