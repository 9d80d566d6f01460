/* Command-line payment follow-up (SPEC F1-F3, F8): `cartera followup` (levels, status,
 * preview, run, set, config, letters); activities and promises are in cli_activity.c. Each
 * action parses its arguments, calls one controller (ctl_followup.h) and prints what it
 * returns. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ctl_followup.h"
#include "cartera/i18n.h"
#include "cli.h"

/* ---- followup level ---- */

static const char level_help[] =
	N_("Usage: cartera followup level list\n"
	   "       cartera followup level add --name NAME --days N [OPTIONS]\n"
	   "       cartera followup level edit LEVEL [OPTIONS]\n"
	   "       cartera followup level remove LEVEL\n"
	   "\n"
	   "The company's follow-up levels, in order of days after the due date of the\n"
	   "oldest open document (negative: before it). LEVEL is its number, its name or\n"
	   "d<days> (d15). A company with no levels gets the defaults: a courtesy reminder\n"
	   "3 days before, then 15, 30 and 60 days overdue (the last a letter and a call,\n"
	   "processed by hand).\n"
	   "\n"
	   "Options:\n"
	   "  --name NAME        the level's name\n"
	   "  --days N           days after the due date (negative before)\n"
	   "  --actions LIST     email,letter,sms,manual (any of them) or none\n"
	   "  --mode auto|manual auto: `followup run` (cron) does it; manual: a clerk does\n"
	   "  --attach yes|no    attach the overdue invoices to the e-mail\n"
	   "  --subject TEXT     the e-mail's subject\n"
	   "  --body TEXT        the e-mail's and letter's text; {client} {amount} {days}\n"
	   "                     {due} {company} {date} {level} are filled in\n"
	   "  --sms TEXT         the SMS text (default: the subject)\n"
	   "  --activity SPEC    none, or TYPE[:DAYS[:CLERK]]: call, visit, email or other,\n"
	   "                     due DAYS after the level, for CLERK (else the responsible)\n"
	   "  --summary TEXT     the activity's summary\n"
	   "  --fee AMOUNT       a dunning fee in the company's currency\n"
	   "  --rate PERCENT     late-payment interest, yearly, over the days overdue\n"
	   "  --post yes|no      post fee and interest as a journal charge (CPD)\n");

static const struct option level_opts[] = {
	CLI_COMMON_OPTS,
	{ "name", required_argument, NULL, 'n' },
	{ "days", required_argument, NULL, 'd' },
	{ "actions", required_argument, NULL, 'a' },
	{ "mode", required_argument, NULL, 'm' },
	{ "attach", required_argument, NULL, 't' },
	{ "subject", required_argument, NULL, 's' },
	{ "body", required_argument, NULL, 'b' },
	{ "sms", required_argument, NULL, 'S' },
	{ "activity", required_argument, NULL, 'A' },
	{ "summary", required_argument, NULL, 'y' },
	{ "fee", required_argument, NULL, 'f' },
	{ "rate", required_argument, NULL, 'r' },
	{ "post", required_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 }
};

static void level_print(cli *g, const fu_level *lv, int n)
{
	static const out_col cols[] = {
		{ "id", 3, 1, 1 }, { "days", 5, 1, 1 }, { "name", 22, 0, 0 }, { "actions", 22, 0, 0 },
		{ "mode", 6, 0, 0 }, { "fee", 10, 1, 1 }, { "rate", 6, 1, 1 }, { "post", 4, 0, 0 },
	};
	out_table t;

	out_begin(&t, stdout, g->format, cols, 8);
	for (int i = 0; i < n; i++) {
		char id[24], days[16], acts[120], fee[48], rate[24];
		const char *v[8] = { id, days, lv[i].name, acts, lv[i].autom ? "auto" : "manual", fee, rate,
		                     lv[i].post_charge ? _("yes") : _("no") };

		snprintf(id, sizeof id, "%lld", (long long)lv[i].id);
		snprintf(days, sizeof days, "%d", lv[i].days);
		ctl_fu_actions_text(&lv[i], acts, sizeof acts);
		if (g->format == OUT_TEXT)
			ctl_money(g->c, lv[i].fee, fee, sizeof fee);
		else
			ctl_money_plain(g->c, lv[i].fee, fee, sizeof fee);
		snprintf(rate, sizeof rate, "%d.%02d", lv[i].rate_bp / 100, lv[i].rate_bp % 100);
		out_row(&t, v);
	}
	out_end(&t);
}

static int cmd_level(cli *g, int argc, char **argv)
{
	ctl_fu_level_args a;
	fu_level lv[FU_MAX_LEVELS];
	const char *action = argc > 1 ? argv[1] : "";
	cart_err e;
	int opt, rc, n;

	memset(&a, 0, sizeof a);
	g->prog = "cartera followup level";
	if (argc < 2 || argv[1][0] == '-') {
		if (argc >= 2 && !strcmp(argv[1], "--help")) {
			fputs(_(level_help), stdout);
			return EXIT_DONE;
		}
		return cli_usage(g, "%s", _("use list, add, edit or remove"));
	}
	argc--;
	argv++;
	while ((opt = getopt_long(argc, argv, "h", level_opts, NULL)) != -1) {
		switch (opt) {
		case 'n': a.name = optarg; break;
		case 'd': a.days = optarg; break;
		case 'a': a.actions = optarg; break;
		case 'm': a.mode = optarg; break;
		case 't': a.attach = optarg; break;
		case 's': a.subject = optarg; break;
		case 'b': a.body = optarg; break;
		case 'S': a.sms_text = optarg; break;
		case 'A': a.activity = optarg; break;
		case 'y': a.summary = optarg; break;
		case 'f': a.fee = optarg; break;
		case 'r': a.rate = optarg; break;
		case 'p': a.post = optarg; break;
		HANDLE_COMMON(g, opt, level_help)
		}
	}
	cli_unmask(argc, argv);
	if ((rc = cli_open(g, 0)))
		return rc;
	if (!strcmp(action, "list")) {
		if (ctl_fu_levels_ensure(g->c, &e) != CART_OK ||
		    ctl_fu_levels(g->c, lv, FU_MAX_LEVELS, &n, &e) != CART_OK)
			return cli_fail(g, &e);
		level_print(g, lv, n);
		return EXIT_DONE;
	}
	if (!strcmp(action, "add")) {
		if (argc != optind)
			return cli_usage(g, "%s", _("level add takes options only"));
		if (ctl_fu_level_add(g->c, &a, &lv[0], &e) != CART_OK)
			return cli_fail(g, &e);
		printf(_("level %lld added: %s, %d days\n"), (long long)lv[0].id, lv[0].name, lv[0].days);
		return EXIT_DONE;
	}
	if (argc - optind != 1)
		return cli_usage(g, "%s", _("give one level (its number, name or d<days>)"));
	if (!strcmp(action, "edit")) {
		if (ctl_fu_level_edit(g->c, argv[optind], &a, &lv[0], &e) != CART_OK)
			return cli_fail(g, &e);
		printf(_("level %lld changed: %s, %d days\n"), (long long)lv[0].id, lv[0].name, lv[0].days);
		return EXIT_DONE;
	}
	if (!strcmp(action, "remove")) {
		if (ctl_fu_level_remove(g->c, argv[optind], &lv[0], &e) != CART_OK)
			return cli_fail(g, &e);
		printf(_("level %lld removed: %s\n"), (long long)lv[0].id, lv[0].name);
		return EXIT_DONE;
	}
	return cli_usage(g, _("unknown action \"%s\": use list, add, edit or remove"), action);
}

/* ---- followup status ---- */

static const out_col status_cols[] = {
	{ "client_id", 9, 1, 1 }, { "client", 22, 0, 0 }, { "level", 16, 0, 0 }, { "needs", 16, 0, 0 },
	{ "action", 12, 0, 0 }, { "days", 5, 1, 1 }, { "oldest_due", 10, 0, 0 },
	{ "overdue", 14, 1, 1 }, { "currency", 8, 0, 0 }, { "next", 10, 0, 0 },
	{ "responsible", 11, 0, 0 }, { "hold", 14, 0, 0 },
};

typedef struct status_ctx {
	cli *g;
	out_table t;
} status_ctx;

static int status_row(const fu_eval *v, void *ud)
{
	status_ctx *x = ud;
	char id[24], days[16], overdue[48] = "", cur[4] = "";
	const char *vals[12];

	snprintf(id, sizeof id, "%lld", (long long)v->client_id);
	if (v->has_open)
		snprintf(days, sizeof days, "%d", v->days);
	else
		snprintf(days, sizeof days, "%s", x->g->format == OUT_JSON ? "null" : "");
	for (int i = 0; i < v->ncur; i++)
		if (v->cur[i].overdue > 0 || (i == v->ncur - 1 && !cur[0])) {
			if (x->g->format == OUT_TEXT)
				ctl_money(x->g->c, v->cur[i].overdue, overdue, sizeof overdue);
			else
				ctl_money_plain(x->g->c, v->cur[i].overdue, overdue, sizeof overdue);
			snprintf(cur, sizeof cur, "%s", v->cur[i].cur);
			break;
		}
	vals[0] = id;
	vals[1] = v->client;
	vals[2] = v->level;
	vals[3] = v->need;
	vals[4] = ctl_fu_action_text(v->action);
	vals[5] = days;
	vals[6] = v->oldest_due;
	vals[7] = overdue[0] ? overdue : (x->g->format == OUT_JSON ? "0" : "");
	vals[8] = cur;
	vals[9] = v->next_date;
	vals[10] = v->st.responsible;
	vals[11] = v->st.hold;
	out_row(&x->t, vals);
	return 0;
}

static const char status_help[] =
	N_("Usage: cartera followup status [CLIENT] [--due]\n"
	   "Where each client stands: the level reached, the level its open documents call\n"
	   "for, what is to be done (due, due by hand, waiting, on hold, level back), the\n"
	   "days past the oldest due date no credit covers, what is overdue, the next\n"
	   "action date, the responsible clerk and why it is on hold.\n"
	   "--due: only the clients needing action today.\n");

static int cmd_status(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "due", no_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	status_ctx x = { g, { 0 } };
	client cl = { 0 };
	cart_err e;
	int opt, rc, due = 0;

	g->prog = "cartera followup status";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'd': due = 1; break;
		HANDLE_COMMON(g, opt, status_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind > 1)
		return cli_usage(g, "%s", _("give at most one client"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (optind < argc && ctl_client_ref(g->c, argv[optind], &cl, &e) != CART_OK)
		return cli_fail(g, &e);
	out_begin(&x.t, stdout, g->format, status_cols, 12);
	rc = ctl_fu_status(g->c, cl.id, due, status_row, &x, &e);
	out_end(&x.t);
	return rc == CART_OK ? EXIT_DONE : cli_fail(g, &e);
}

/* ---- followup preview ---- */

static const char preview_help[] =
	N_("Usage: cartera followup preview CLIENT [--level LEVEL]\n"
	   "What the client would get at the level its open documents call for (or at\n"
	   "LEVEL): the e-mail's subject and text with the overdue documents and totals,\n"
	   "the SMS, and the late-payment charges the level proposes.\n");

static int cmd_preview(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "level", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	const char *level = NULL;
	fu_preview p;
	fu_level lv;
	client cl;
	cart_err e;
	int opt, rc;

	g->prog = "cartera followup preview";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'l': level = optarg; break;
		HANDLE_COMMON(g, opt, preview_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, "%s", _("give one client"));
	if ((rc = cli_open(g, 0)))
		return rc;
	lv.id = 0;
	if (ctl_client_ref(g->c, argv[optind], &cl, &e) != CART_OK ||
	    (level && ctl_fu_level_ref(g->c, level, &lv, &e) != CART_OK) ||
	    ctl_fu_preview(g->c, cl.id, lv.id, &p, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("Subject: %s\n\n%s\nSMS: %s\n"), p.subject, p.text, p.sms);
	return EXIT_DONE;
}

/* ---- followup run ---- */

static const char run_help[] =
	N_("Usage: cartera followup run [--dry-run] [--client CLIENT] [--level LEVEL] ...\n"
	   "Process the follow-up of every client that needs it today (from cron: the\n"
	   "automatic levels of automatic clients), or of one client: each gets one message\n"
	   "for all its overdue documents, e-mails are queued, letters written (and\n"
	   "printed), SMS sent, activities scheduled, the history written, and the client\n"
	   "moves to its level. No client reaches the same level twice in a cycle, even\n"
	   "when two runs meet or a run is killed; a client whose overdue documents were\n"
	   "paid since goes back a level.\n"
	   "\n"
	   "  --dry-run            say what would happen; change nothing\n"
	   "  --client CLIENT      only this client (its manual levels too)\n"
	   "  --level LEVEL        only the clients that need this level\n"
	   "  --manual             also the manual levels and clients (a clerk is doing it)\n"
	   "  --letters DIR        letters go to DIR, one PDF each (default: the company's\n"
	   "                       letters folder, else ~/.local/share/cartera/letters)\n"
	   "  --letters-file FILE  or all of them in this one PDF\n"
	   "  --print              send the letters to the printer through lp\n"
	   "  --printer NAME       that printer\n"
	   "  --post-charges       post fee and interest even where the level only\n"
	   "                       proposes them\n");

typedef struct run_ctx {
	cli *g;
	out_table t;
} run_ctx;

static int run_row(const fu_outcome *o, void *ud)
{
	run_ctx *x = ud;
	char id[24];
	const char *v[5] = { id, o->v.client, o->v.action == FU_BACK || o->v.action == FU_RESET
	                     ? o->v.level : o->v.need, o->done ? _("yes") : _("no"), o->what };

	snprintf(id, sizeof id, "%lld", (long long)o->v.client_id);
	out_row(&x->t, v);
	return 0;
}

static int cmd_run(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "dry-run", no_argument, NULL, 'n' },
		{ "client", required_argument, NULL, 'c' },
		{ "level", required_argument, NULL, 'l' },
		{ "manual", no_argument, NULL, 'm' },
		{ "letters", required_argument, NULL, 'L' },
		{ "letters-file", required_argument, NULL, 'O' },
		{ "print", no_argument, NULL, 'p' },
		{ "printer", required_argument, NULL, 'P' },
		{ "post-charges", no_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 }
	};
	static const out_col cols[] = {
		{ "client_id", 9, 1, 1 }, { "client", 24, 0, 0 }, { "level", 18, 0, 0 },
		{ "done", 4, 0, 0 }, { "what", 60, 0, 0 },
	};
	const char *client_ref = NULL, *level = NULL;
	ctl_fu_opts a;
	fu_result r;
	run_ctx x = { g, { 0 } };
	fu_level lv;
	client cl;
	cart_err e;
	int opt, rc;

	memset(&a, 0, sizeof a);
	g->prog = "cartera followup run";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'n': a.dry_run = 1; break;
		case 'c': client_ref = optarg; break;
		case 'l': level = optarg; break;
		case 'm': a.manual = 1; break;
		case 'L': a.letters_dir = optarg; break;
		case 'O': a.letters_file = optarg; break;
		case 'p': a.print = 1; break;
		case 'P': a.printer = optarg; break;
		case 'C': a.post_charges = 1; break;
		HANDLE_COMMON(g, opt, run_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc != optind)
		return cli_usage(g, "%s", _("followup run takes options only"));
	if (a.letters_dir && a.letters_file)
		return cli_usage(g, "%s", _("give --letters or --letters-file, not both"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (client_ref) {
		if (ctl_client_ref(g->c, client_ref, &cl, &e) != CART_OK)
			return cli_fail(g, &e);
		a.client_id = cl.id;
	}
	if (level) {
		if ((!a.dry_run && ctl_fu_levels_ensure(g->c, &e) != CART_OK) ||
		    ctl_fu_level_ref(g->c, level, &lv, &e) != CART_OK)
			return cli_fail(g, &e);
		a.level_id = lv.id;
	}
	out_begin(&x.t, stdout, g->format, cols, 5);
	rc = ctl_fu_run(g->c, &a, run_row, &x, &r, &e);
	out_end(&x.t);
	if (rc != CART_OK)
		return cli_fail(g, &e);
	if (g->format == OUT_TEXT) {
		if (a.dry_run)
			printf(_("dry run: %d clients would be processed, %d would go back a level; nothing "
			         "was changed\n"), r.processed, r.back);
		else
			printf(_("%d clients processed, %d skipped, %d went back a level: %d e-mails, %d "
			         "letters, %d SMS, %d activities, %d charges\n"), r.processed, r.skipped, r.back,
			       r.mails, r.letters, r.sms, r.activities, r.charges);
		if (r.letters_where[0])
			printf(_("letters written to %s\n"), r.letters_where);
	}
	if (r.sms_note[0])
		fprintf(stderr, _("cartera: %d SMS waiting: %s\n"), r.sms_waiting, r.sms_note);
	if (r.print_note[0])
		fprintf(stderr, "cartera: %s\n", r.print_note);
	if (r.failed) {
		fprintf(stderr, _("cartera: the follow-up of %d clients failed (see above); the next run "
		                  "tries them again\n"), r.failed);
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

/* ---- followup letters ---- */

static const char letters_help[] =
	N_("Usage: cartera followup letters [--letters DIR | --letters-file FILE] [--print]\n"
	   "Write the letters still waiting (a run interrupted before it wrote them).\n");

static int cmd_letters(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "letters", required_argument, NULL, 'L' },
		{ "letters-file", required_argument, NULL, 'O' },
		{ "print", no_argument, NULL, 'p' },
		{ "printer", required_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 }
	};
	ctl_fu_opts a;
	fu_result r;
	cart_err e;
	int opt, rc;

	memset(&a, 0, sizeof a);
	memset(&r, 0, sizeof r);
	g->prog = "cartera followup letters";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'L': a.letters_dir = optarg; break;
		case 'O': a.letters_file = optarg; break;
		case 'p': a.print = 1; break;
		case 'P': a.printer = optarg; break;
		HANDLE_COMMON(g, opt, letters_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc != optind)
		return cli_usage(g, "%s", _("followup letters takes options only"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_fu_letters_write(g->c, &a, &r, &e) != CART_OK)
		return cli_fail(g, &e);
	if (r.letters_where[0])
		printf(_("letters written to %s\n"), r.letters_where);
	else
		printf("%s\n", _("no letters waiting"));
	if (r.print_note[0])
		fprintf(stderr, "cartera: %s\n", r.print_note);
	return EXIT_DONE;
}

/* ---- followup set ---- */

static const char set_help[] =
	N_("Usage: cartera followup set CLIENT [--level LEVEL|none] [--next DATE|auto]\n"
	   "                                 [--responsible CLERK] [--manual|--auto]\n"
	   "                                 [--hold REASON | --release]\n"
	   "Change a client's follow-up: its level, the next action date (no action before\n"
	   "it; auto: computed), the responsible clerk, reminders by hand or automatic, and\n"
	   "a hold that stops every reminder (in dispute, in legal collection). Written in\n"
	   "its history.\n");

static int cmd_set(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "level", required_argument, NULL, 'l' },
		{ "next", required_argument, NULL, 'n' },
		{ "responsible", required_argument, NULL, 'r' },
		{ "manual", no_argument, NULL, 'm' },
		{ "auto", no_argument, NULL, 'a' },
		{ "hold", required_argument, NULL, 'H' },
		{ "release", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	ctl_fu_set a = { NULL, NULL, NULL, -1, NULL };
	fu_state st;
	cart_err e;
	int opt, rc;

	g->prog = "cartera followup set";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'l': a.level = optarg; break;
		case 'n': a.next = optarg; break;
		case 'r': a.responsible = optarg; break;
		case 'm': a.manual = 1; break;
		case 'a': a.manual = 0; break;
		case 'H':
			if (!*optarg)
				return cli_usage(g, "%s", _("--hold needs a reason (--release lifts a hold)"));
			a.hold = optarg;
			break;
		case 'R': a.hold = ""; break;
		HANDLE_COMMON(g, opt, set_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, "%s", _("give one client"));
	if (!a.level && !a.next && !a.responsible && a.manual < 0 && !a.hold)
		return cli_usage(g, "%s", _("say what to change"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_fu_client_set(g->c, argv[optind], &a, &st, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("follow-up of client %lld changed\n"), (long long)st.client_id);
	return EXIT_DONE;
}

/* ---- followup config ---- */

static const char config_help[] =
	N_("Usage: cartera followup config [--sms-command CMD] [--letters-dir DIR]\n"
	   "                              [--printer P]\n"
	   "The company's follow-up settings; without options, prints them. The SMS command\n"
	   "gets the number and the text as its two arguments (cartera ships none); \"\"\n"
	   "removes one.\n");

static int cmd_config(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "sms-command", required_argument, NULL, 's' },
		{ "letters-dir", required_argument, NULL, 'l' },
		{ "printer", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const keys[] = { "sms_command", "letters_dir", "printer" };
	const char *val[3] = { NULL, NULL, NULL };
	cart_err e;
	int opt, rc, any = 0;

	g->prog = "cartera followup config";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 's': val[0] = optarg; any = 1; break;
		case 'l': val[1] = optarg; any = 1; break;
		case 'p': val[2] = optarg; any = 1; break;
		HANDLE_COMMON(g, opt, config_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc != optind)
		return cli_usage(g, "%s", _("followup config takes options only"));
	if ((rc = cli_open(g, 0)))
		return rc;
	for (int i = 0; i < 3; i++) {
		char buf[1000];

		if (any && val[i] && ctl_fu_setting(g->c, keys[i], val[i], &e) != CART_OK)
			return cli_fail(g, &e);
		if (!any) {
			if (ctl_fu_setting_get(g->c, keys[i], buf, sizeof buf, &e) != CART_OK)
				return cli_fail(g, &e);
			printf("%-12s %s\n", keys[i], buf[0] ? buf : _("(not set)"));
		}
	}
	return EXIT_DONE;
}

static const char followup_help[] =
	N_("Usage: cartera followup level list|add|edit|remove ...\n"
	   "       cartera followup status [CLIENT] [--due]\n"
	   "       cartera followup preview CLIENT [--level LEVEL]\n"
	   "       cartera followup run [--dry-run] [--client CLIENT] [--level LEVEL] ...\n"
	   "       cartera followup set CLIENT [--level L] [--next DATE] [--responsible C]\n"
	   "                                   [--manual|--auto] [--hold REASON|--release]\n"
	   "       cartera followup letters [--letters DIR | --letters-file FILE] [--print]\n"
	   "       cartera followup config [--sms-command CMD] [--letters-dir DIR] ...\n"
	   "Payment follow-up: levels, where each client stands, processing (from cron too).\n"
	   "Each action has --help.\n");

int cmd_followup(cli *g, int argc, char **argv)
{
	g->prog = "cartera followup";
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(_(followup_help), argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_DONE;
	}
	if (!strcmp(argv[1], "level"))
		return cmd_level(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "status"))
		return cmd_status(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "preview"))
		return cmd_preview(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "run"))
		return cmd_run(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "set"))
		return cmd_set(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "letters"))
		return cmd_letters(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "config"))
		return cmd_config(g, argc - 1, argv + 1);
	return cli_usage(g, _("unknown action \"%s\": use level, status, preview, run, set, letters "
	                      "or config"), argv[1]);
}
