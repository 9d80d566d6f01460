/* `cartera mail`: statements, documents and reminders by e-mail through the outbox, delivery
 * (`mail send`, for cron), the outbox itself, the clerk's own address and the company's
 * templates; and the mail settings of `cartera company set`. Everything goes through the mail
 * controller (cartera/ctl_mail.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ctl_mail.h"
#include "cartera/i18n.h"
#include "cli.h"

static const char mail_help[] =
	N_("Usage: cartera mail statement CLIENT [OPTIONS]\n"
	   "       cartera mail document DOC [OPTIONS]\n"
	   "       cartera mail reminder CLIENT [OPTIONS] [--attach-overdue]\n"
	   "       cartera mail send [--max N] [--quiet]\n"
	   "       cartera mail list [--status S] [--client CLIENT]\n"
	   "       cartera mail show ID | retry ID|--all | cancel ID\n"
	   "       cartera mail self [ADDRESS]\n"
	   "       cartera mail lang CLIENT [es|en|company]\n"
	   "       cartera mail template list | show NAME [--lang L]\n"
	   "       cartera mail template set NAME --lang L --subject S --body-file FILE\n"
	   "\n"
	   "Sending puts the message in the ledger's outbox, with a line in the client's\n"
	   "history; 'mail send' delivers what waits through the sendmail command\n"
	   "($CARTERA_SENDMAIL, else 'cartera company set sendmail CMD'). A delivery\n"
	   "that fails is kept with its error and tried again, each time after a longer\n"
	   "wait.\n"
	   "\n"
	   "Options of statement, document and reminder:\n"
	   "  --to LIST         more addresses (comma-separated) besides the client's\n"
	   "  --only            send only to --to, not to the client's addresses\n"
	   "  --cc LIST         copies\n"
	   "  --copy-me         a blind copy to your own address ($CARTERA_MAIL_SELF or\n"
	   "                    'cartera mail self ADDRESS')\n"
	   "  --template NAME   the company's template (default: statement, document,\n"
	   "                    reminder)\n"
	   "  --lang L          the template's language: es or en (default: the\n"
	   "                    client's, 'mail lang', else 'company set lang')\n"
	   "  --asof DATE       figures and statement as of a date (default: today)\n"
	   "  --subject TEXT    instead of the template's subject\n"
	   "  --body-file FILE  the body from FILE (- = standard input)\n"
	   "  --attach-xlsx     the statement as a spreadsheet too\n"
	   "  --no-pdf          (reminder) no statement PDF\n"
	   "  --statement, --no-statement  (document) attach the client's statement or\n"
	   "                    not (default: company set attach-statement)\n"
	   "  --attach-overdue  attach the PDF of each overdue document\n");

enum {
	O_TO = 256, O_ONLY, O_CC, O_COPY_ME, O_TEMPLATE, O_LANG, O_ASOF, O_SUBJECT, O_BODY_FILE,
	O_XLSX, O_NO_PDF, O_STMT, O_NO_STMT, O_OVERDUE, O_STATUS, O_CLIENT, O_ALL, O_MAX, O_QUIET
};

/* Read all of a file (or standard input for "-"); malloc'd. */
static char *slurp(const char *path, cart_err *e)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *buf = NULL;
	size_t n = 0, cap = 0, r;

	if (!fp) {
		cart_fail(e, CART_IO, _("cannot read %s"), path);
		return NULL;
	}
	do {
		if (n + 4096 + 1 > cap) {
			char *t = realloc(buf, cap = cap * 2 + 8192);

			if (!t) {
				free(buf);
				if (fp != stdin)
					fclose(fp);
				cart_fail(e, CART_NOMEM, _("out of memory"));
				return NULL;
			}
			buf = t;
		}
		r = fread(buf + n, 1, 4096, fp);
		n += r;
	} while (r > 0);
	buf[n] = '\0';
	if (fp != stdin)
		fclose(fp);
	return buf;
}

/* statement, document, reminder */
static int mail_compose(cli *g, const char *kind, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "to", required_argument, NULL, O_TO },
		{ "only", no_argument, NULL, O_ONLY },
		{ "cc", required_argument, NULL, O_CC },
		{ "copy-me", no_argument, NULL, O_COPY_ME },
		{ "template", required_argument, NULL, O_TEMPLATE },
		{ "lang", required_argument, NULL, O_LANG },
		{ "asof", required_argument, NULL, O_ASOF },
		{ "subject", required_argument, NULL, O_SUBJECT },
		{ "body-file", required_argument, NULL, O_BODY_FILE },
		{ "attach-xlsx", no_argument, NULL, O_XLSX },
		{ "no-pdf", no_argument, NULL, O_NO_PDF },
		{ "statement", no_argument, NULL, O_STMT },
		{ "no-statement", no_argument, NULL, O_NO_STMT },
		{ "attach-overdue", no_argument, NULL, O_OVERDUE },
		{ NULL, 0, NULL, 0 }
	};
	const char *to = NULL, *cc = NULL, *subject = NULL, *body_file = NULL;
	int only = 0, copy_me = 0, opt, rc;
	ctl_mail_req r;
	ctl_mail m;
	int64_t id = 0;
	cart_err e;

	ctl_mail_req_init(&r);
	r.kind = kind;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case O_TO: to = optarg; break;
		case O_ONLY: only = 1; break;
		case O_CC: cc = optarg; break;
		case O_COPY_ME: copy_me = 1; break;
		case O_TEMPLATE: r.tmpl = optarg; break;
		case O_LANG: r.lang = optarg; break;
		case O_ASOF: r.asof = optarg; break;
		case O_SUBJECT: subject = optarg; break;
		case O_BODY_FILE: body_file = optarg; break;
		case O_XLSX: r.attach_xlsx = 1; break;
		case O_NO_PDF: r.attach_pdf = 0; break;
		case O_STMT: r.attach_statement = 1; break;
		case O_NO_STMT: r.attach_statement = 0; break;
		case O_OVERDUE: r.attach_overdue = 1; break;
		HANDLE_COMMON(g, opt, mail_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, strcmp(kind, "document") ? _("give one client") :
		                 _("give one document (its number, e.g. FAC-000012)"));
	if (only && !to)
		return cli_usage(g, _("--only needs --to"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (!strcmp(kind, "document")) {
		doc_info d;

		if (ctl_doc_ref(&g->c, argv[optind], &d, &e) != CART_OK)
			return cli_fail(g, &e);
		r.doc_id = d.id;
	} else {
		client cl;

		if (ctl_client_ref(&g->c, argv[optind], &cl, &e) != CART_OK)
			return cli_fail(g, &e);
		r.client_id = cl.id;
	}
	if (ctl_mail_draft(&g->c, &r, &m, &e) != CART_OK)
		return cli_fail(g, &e);
	if (only)
		m.to[0] = '\0';
	if (to) {
		size_t n = strlen(m.to);

		snprintf(m.to + n, sizeof m.to - n, "%s%s", n ? ", " : "", to);
	}
	if (cc)
		snprintf(m.cc, sizeof m.cc, "%s", cc);
	m.copy_me = copy_me;
	if (subject)
		snprintf(m.subject, sizeof m.subject, "%s", subject);
	if (body_file) {
		char *body = slurp(body_file, &e);

		if (!body || ctl_mail_set_body(&m, body, &e) != CART_OK) {
			free(body);
			ctl_mail_free(&m);
			return cli_fail(g, &e);
		}
		free(body);
	}
	rc = ctl_mail_queue(&g->c, &m, &id, &e);
	if (rc != CART_OK) {
		ctl_mail_free(&m);
		return cli_fail(g, &e);
	}
	{
		mail_row row;

		if (ctl_mail_get(&g->c, id, &row, NULL, NULL, &e) != CART_OK) {
			ctl_mail_free(&m);
			return cli_fail(g, &e);
		}
		printf(_("message %lld queued to %s: %s\n"), (long long)id, row.recipients,
		       row.subject);
		if (row.attachments[0])
			printf(_("attached: %s\n"), row.attachments);
	}
	ctl_mail_free(&m);
	return EXIT_DONE;
}

static int mail_send(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "max", required_argument, NULL, O_MAX },
		{ "quiet", no_argument, NULL, O_QUIET },
		{ NULL, 0, NULL, 0 }
	};
	long max = 0;
	int quiet = 0, opt, rc;
	ctl_mail_sent s;
	cart_err e;

	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case O_MAX:
			if ((rc = cli_int(g, "--max", optarg, 1, 1000000, &max)))
				return rc;
			break;
		case O_QUIET: quiet = 1; break;
		HANDLE_COMMON(g, opt, mail_help)
		}
	}
	if (optind < argc)
		return cli_usage(g, _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_mail_send(&g->c, (int)max, &s, &e) != CART_OK)
		return cli_fail(g, &e);
	if (!quiet)
		printf(_("sent %d, failed %d\n"), s.sent, s.failed);
	if (s.failed) {
		if (!quiet)
			fprintf(stderr, _("cartera: message %lld: %s\n"), (long long)s.last_failed,
			        s.last_error);
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

typedef struct list_ctx {
	out_table t;
} list_ctx;

static int list_row(const mail_row *m, void *ud)
{
	list_ctx *x = ud;
	char id[24], att[12];
	const char *v[9] = { id, m->created_at, mail_status_name(m->status), att, m->client_name,
	                     m->recipients, m->subject, m->attachments, m->last_error };

	snprintf(id, sizeof id, "%lld", (long long)m->id);
	snprintf(att, sizeof att, "%d", m->attempts);
	out_row(&x->t, v);
	return 0;
}

static int mail_list(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "status", required_argument, NULL, O_STATUS },
		{ "client", required_argument, NULL, O_CLIENT },
		{ NULL, 0, NULL, 0 }
	};
	static const out_col cols[] = {
		{ "id", 5, 1, 1 }, { "queued", 20, 0, 0 }, { "status", 9, 0, 0 },
		{ "attempts", 3, 1, 1 }, { "client", 18, 0, 0 }, { "to", 24, 0, 0 },
		{ "subject", 30, 0, 0 }, { "attachments", 20, 0, 0 }, { "error", 30, 0, 0 },
	};
	const char *status = NULL, *client_ref = NULL;
	int64_t client_id = 0;
	list_ctx x;
	cart_err e;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case O_STATUS: status = optarg; break;
		case O_CLIENT: client_ref = optarg; break;
		HANDLE_COMMON(g, opt, mail_help)
		}
	}
	if (optind < argc)
		return cli_usage(g, _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_open(g, 0)))
		return rc;
	if (client_ref) {
		client cl;

		if (ctl_client_ref(&g->c, client_ref, &cl, &e) != CART_OK)
			return cli_fail(g, &e);
		client_id = cl.id;
	}
	out_begin(&x.t, stdout, g->format, cols, 9);
	rc = ctl_mail_list(&g->c, status, client_id, list_row, &x, &e);
	out_end(&x.t);
	return rc == CART_OK ? EXIT_DONE : cli_fail(g, &e);
}

/* show, retry, cancel: one message by number (retry also --all). */
static int mail_one(cli *g, const char *what, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "all", no_argument, NULL, O_ALL },
		{ NULL, 0, NULL, 0 }
	};
	int all = 0, opt, rc, n = 0;
	int64_t id = 0;
	cart_err e;

	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case O_ALL: all = 1; break;
		HANDLE_COMMON(g, opt, mail_help)
		}
	}
	if (all && strcmp(what, "retry"))
		return cli_usage(g, _("--all goes with retry only"));
	if (!all && argc - optind != 1)
		return cli_usage(g, _("give one message number (see 'cartera mail list')"));
	if (all && argc - optind != 0)
		return cli_usage(g, _("give a message number or --all, not both"));
	if (!all && ctl_mail_id(argv[optind], &id, &e) != CART_OK)
		return cli_usage(g, "%s", e.msg);
	if ((rc = cli_open(g, 0)))
		return rc;
	if (!strcmp(what, "show")) {
		mail_row m;
		char *raw;
		size_t len;

		if (ctl_mail_get(&g->c, id, &m, &raw, &len, &e) != CART_OK)
			return cli_fail(g, &e);
		fwrite(raw, 1, len, stdout);
		free(raw);
		return EXIT_DONE;
	}
	if (!strcmp(what, "cancel")) {
		if (ctl_mail_cancel(&g->c, id, &e) != CART_OK)
			return cli_fail(g, &e);
		printf(_("message %lld cancelled\n"), (long long)id);
		return EXIT_DONE;
	}
	if (ctl_mail_retry(&g->c, id, &n, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(P_("%d message will be sent again by the next 'cartera mail send'\n",
	          "%d messages will be sent again by the next 'cartera mail send'\n", n), n);
	return EXIT_DONE;
}

static int mail_self(cli *g, int argc, char **argv)
{
	static const struct option opts[] = { CLI_COMMON_OPTS, { NULL, 0, NULL, 0 } };
	char buf[300];
	cart_err e;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		HANDLE_COMMON(g, opt, mail_help)
		}
	}
	if (argc - optind > 1)
		return cli_usage(g, _("give at most one address"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (argc - optind == 1 && ctl_mail_self_set(&g->c, argv[optind], &e) != CART_OK)
		return cli_fail(g, &e);
	if (ctl_mail_self(&g->c, buf, sizeof buf, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("your own address: %s\n"), buf[0] ? buf : _("(none)"));
	return EXIT_DONE;
}

static int mail_lang(cli *g, int argc, char **argv)
{
	static const struct option opts[] = { CLI_COMMON_OPTS, { NULL, 0, NULL, 0 } };
	char lang[3];
	client cl;
	cart_err e;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		HANDLE_COMMON(g, opt, mail_help)
		}
	}
	if (argc - optind < 1 || argc - optind > 2)
		return cli_usage(g, _("give a client and, to change it, es, en or company"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_client_ref(&g->c, argv[optind], &cl, &e) != CART_OK)
		return cli_fail(g, &e);
	if (argc - optind == 2 &&
	    ctl_mail_client_lang_set(&g->c, cl.id, strcmp(argv[optind + 1], "company") ?
	                             argv[optind + 1] : "", &e) != CART_OK)
		return cli_fail(g, &e);
	if (ctl_mail_client_lang(&g->c, cl.id, lang, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("%s: mail in %s\n"), cl.name, lang);
	return EXIT_DONE;
}

/* ---- templates ---- */

static int tpl_row(const mail_template *t, void *ud)
{
	out_table *o = ud;
	const char *v[4] = { t->name, t->lang, t->subject, t->updated_at };

	out_row(o, v);
	return 0;
}

static int mail_tpl_cmd(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "lang", required_argument, NULL, O_LANG },
		{ "subject", required_argument, NULL, O_SUBJECT },
		{ "body-file", required_argument, NULL, O_BODY_FILE },
		{ NULL, 0, NULL, 0 }
	};
	static const out_col cols[] = {
		{ "name", 12, 0, 0 }, { "lang", 4, 0, 0 }, { "subject", 44, 0, 0 },
		{ "changed", 20, 0, 0 },
	};
	const char *action, *lang = NULL, *subject = NULL, *body_file = NULL;
	cart_err e;
	int opt, rc;

	if (argc < 2)
		return cli_usage(g, _("expected 'mail template list', 'show' or 'set'"));
	action = argv[1];
	argc--, argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case O_LANG: lang = optarg; break;
		case O_SUBJECT: subject = optarg; break;
		case O_BODY_FILE: body_file = optarg; break;
		HANDLE_COMMON(g, opt, mail_help)
		}
	}
	if (!strcmp(action, "list")) {
		out_table o;

		if (optind < argc)
			return cli_usage(g, _("unexpected argument \"%s\""), argv[optind]);
		if ((rc = cli_open(g, 0)))
			return rc;
		out_begin(&o, stdout, g->format, cols, 4);
		rc = ctl_mail_template_list(&g->c, tpl_row, &o, &e);
		out_end(&o);
		if (rc == CART_OK && g->format == OUT_TEXT) {
			printf(_("\nPlaceholders:\n"));
			for (int i = 0; i < MAIL_NPH; i++)
				printf("  {%s}%*s %s\n", mail_ph_name(i), 15 - (int)strlen(mail_ph_name(i)),
				       "", _(mail_ph_help(i)));
		}
		return rc == CART_OK ? EXIT_DONE : cli_fail(g, &e);
	}
	if (argc - optind != 1)
		return cli_usage(g, _("give one template name"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (!strcmp(action, "show")) {
		mail_template t;

		if (ctl_mail_template_get(&g->c, argv[optind], lang, &t, &e) != CART_OK)
			return cli_fail(g, &e);
		printf(_("Subject: %s\n\n%s"), t.subject, t.body);
		free(t.body);
		return EXIT_DONE;
	}
	if (!strcmp(action, "set")) {
		mail_template t;
		char *body = NULL;

		if (!lang)
			return cli_usage(g, _("say the template's language (--lang es or en)"));
		if (!subject || !body_file) {
			/* change one of the two: the other stays as it is */
			if (ctl_mail_template_get(&g->c, argv[optind], lang, &t, &e) != CART_OK)
				return cli_usage(g, _("a new template needs --subject and --body-file"));
		} else {
			memset(&t, 0, sizeof t);
		}
		if (body_file && !(body = slurp(body_file, &e))) {
			free(t.body);
			return cli_fail(g, &e);
		}
		rc = ctl_mail_template_set(&g->c, argv[optind], lang, subject ? subject : t.subject,
		                           body ? body : t.body, &e);
		free(body);
		free(t.body);
		if (rc != CART_OK)
			return cli_fail(g, &e);
		printf(_("template %s (%s) saved\n"), argv[optind], lang);
		return EXIT_DONE;
	}
	return cli_usage(g, _("unknown action \"%s\": use list, show or set"), action);
}

int cmd_mail(cli *g, int argc, char **argv)
{
	const char *a;

	g->prog = "cartera mail";
	if (argc < 2)
		return cli_usage(g, _("say what to do: statement, document, reminder, send, list, show,"
		                      " retry, cancel, self, lang or template"));
	a = argv[1];
	if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
		fputs(_(mail_help), stdout);
		return EXIT_DONE;
	}
	if (!strcmp(a, "statement") || !strcmp(a, "document") || !strcmp(a, "reminder"))
		return mail_compose(g, a, argc - 1, argv + 1);
	if (!strcmp(a, "send"))
		return mail_send(g, argc - 1, argv + 1);
	if (!strcmp(a, "list"))
		return mail_list(g, argc - 1, argv + 1);
	if (!strcmp(a, "show") || !strcmp(a, "retry") || !strcmp(a, "cancel"))
		return mail_one(g, a, argc - 1, argv + 1);
	if (!strcmp(a, "self"))
		return mail_self(g, argc - 1, argv + 1);
	if (!strcmp(a, "template"))
		return mail_tpl_cmd(g, argc - 1, argv + 1);
	if (!strcmp(a, "lang"))
		return mail_lang(g, argc - 1, argv + 1);
	return cli_usage(g, _("unknown action \"%s\": use statement, document, reminder, send, list,"
	                      " show, retry, cancel, self, lang or template"), a);
}

int cli_mail_company_set(cli *g, int argc, char **argv)
{
	char buf[1024];
	cart_err e;
	int rc;

	g->prog = "cartera company set";
	if (argc != 2)
		return cli_usage(g, _("give the setting and its value: company set %s VALUE"),
		                 argc ? argv[0] : "KEY");
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_mail_setting_set(&g->c, argv[0], argv[1], &e) != CART_OK)
		return cli_fail(g, &e);
	if (ctl_mail_setting(&g->c, argv[0], buf, sizeof buf, &e) != CART_OK)
		return cli_fail(g, &e);
	printf("%s: %s\n", argv[0], buf[0] ? buf : _("(none)"));
	return EXIT_DONE;
}
