/* Command-line activities and promises to pay (SPEC F6): `cartera activity` (a clerk's to-do
 * list fed by the follow-up levels) and `cartera promise`. Each action calls one controller
 * (ctl_followup.h) and prints what it returns. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ctl_followup.h"
#include "cartera/i18n.h"
#include "cli.h"

/* ---- activity ---- */

static const char activity_help[] =
	N_("Usage: cartera activity list [--clerk CLERK] [--due DATE] [--all]\n"
	   "       cartera activity add CLIENT [--type call|visit|email|other] [--due DATE]\n"
	   "                                   [--clerk CLERK] [--summary TEXT]\n"
	   "       cartera activity done ID [--note TEXT]\n"
	   "       cartera activity reschedule ID DATE\n"
	   "A clerk's to-do list, fed by the follow-up levels: list shows the open\n"
	   "activities (--due today: due today or overdue; --all: done ones too), oldest\n"
	   "due first.\n");

typedef struct act_ctx {
	cli *g;
	out_table t;
} act_ctx;

static int act_row(const fu_activity *a, void *ud)
{
	act_ctx *x = ud;
	char id[24], cid[24];
	const char *v[9] = { id, cid, a->client, a->type, a->clerk, a->due_date, a->summary,
	                     a->done_date, a->done_note };

	snprintf(id, sizeof id, "%lld", (long long)a->id);
	snprintf(cid, sizeof cid, "%lld", (long long)a->client_id);
	out_row(&x->t, v);
	return 0;
}

int cmd_activity(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "clerk", required_argument, NULL, 'c' },
		{ "due", required_argument, NULL, 'd' },
		{ "all", no_argument, NULL, 'a' },
		{ "type", required_argument, NULL, 't' },
		{ "summary", required_argument, NULL, 's' },
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	static const out_col cols[] = {
		{ "id", 4, 1, 1 }, { "client_id", 9, 1, 1 }, { "client", 20, 0, 0 }, { "type", 5, 0, 0 },
		{ "clerk", 10, 0, 0 }, { "due", 10, 0, 0 }, { "summary", 30, 0, 0 },
		{ "done", 10, 0, 0 }, { "note", 20, 0, 0 },
	};
	const char *clerk = NULL, *due = NULL, *type = NULL, *summary = NULL, *note = NULL;
	const char *action = argc > 1 ? argv[1] : "";
	act_ctx x = { g, { 0 } };
	fu_activity a;
	cart_err e;
	int opt, rc, all = 0;

	g->prog = "cartera activity";
	if (argc < 2 || argv[1][0] == '-') {
		if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
			fputs(_(activity_help), stdout);
			return EXIT_DONE;
		}
		return cli_usage(g, "%s", _("use list, add, done or reschedule"));
	}
	argc--;
	argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'c': clerk = optarg; break;
		case 'd': due = optarg; break;
		case 'a': all = 1; break;
		case 't': type = optarg; break;
		case 's': summary = optarg; break;
		case 'n': note = optarg; break;
		HANDLE_COMMON(g, opt, activity_help)
		}
	}
	cli_unmask(argc, argv);
	if (strcmp(action, "list") && strcmp(action, "add") && strcmp(action, "done") &&
	    strcmp(action, "reschedule"))
		return cli_usage(g, _("unknown action \"%s\": use list, add, done or reschedule"), action);
	if ((rc = cli_open(g, 0)))
		return rc;
	if (!strcmp(action, "list")) {
		if (argc != optind)
			return cli_usage(g, "%s", _("activity list takes options only"));
		out_begin(&x.t, stdout, g->format, cols, 9);
		rc = ctl_fu_activities(g->c, clerk, due, all, act_row, &x, &e);
		out_end(&x.t);
		return rc == CART_OK ? EXIT_DONE : cli_fail(g, &e);
	}
	if (!strcmp(action, "add")) {
		if (argc - optind != 1)
			return cli_usage(g, "%s", _("give one client"));
		if (ctl_fu_activity_add(g->c, argv[optind], type, due, clerk, summary, &a, &e) != CART_OK)
			return cli_fail(g, &e);
		printf(_("activity %lld: %s %s for %s on %s\n"), (long long)a.id, a.type, a.client, a.clerk,
		       a.due_date);
		return EXIT_DONE;
	}
	if (!strcmp(action, "done")) {
		if (argc - optind != 1)
			return cli_usage(g, "%s", _("give one activity number"));
		if (ctl_fu_activity_done(g->c, argv[optind], note, &a, &e) != CART_OK)
			return cli_fail(g, &e);
		printf(_("activity %lld done on %s\n"), (long long)a.id, a.done_date);
		return EXIT_DONE;
	}
	if (argc - optind != 2)
		return cli_usage(g, "%s", _("give the activity number and the new date"));
	if (ctl_fu_activity_reschedule(g->c, argv[optind], argv[optind + 1], &a, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("activity %lld now due on %s\n"), (long long)a.id, a.due_date);
	return EXIT_DONE;
}

/* ---- promise ---- */

static const char promise_help[] =
	N_("Usage: cartera promise add CLIENT AMOUNT DATE [--by NAME] [--currency CUR]\n"
	   "       cartera promise list [CLIENT] [--broken]\n"
	   "A client's promise to pay AMOUNT by DATE, recorded in its history. It is kept\n"
	   "when the receipts dated from the promise to DATE add up to AMOUNT, broken when\n"
	   "DATE has passed without them, pending until then.\n");

typedef struct prom_ctx {
	cli *g;
	out_table t;
} prom_ctx;

static int prom_row(const fu_promise *p, int status, void *ud)
{
	prom_ctx *x = ud;
	char id[24], cid[24], amt[48], paid[48];
	const char *v[10] = { id, cid, p->client, amt, p->currency, p->date, p->by_whom, p->made_on,
	                      paid, ctl_fu_promise_status_text(status) };

	snprintf(id, sizeof id, "%lld", (long long)p->id);
	snprintf(cid, sizeof cid, "%lld", (long long)p->client_id);
	if (x->g->format == OUT_TEXT) {
		ctl_money(x->g->c, p->amount, amt, sizeof amt);
		ctl_money(x->g->c, p->paid, paid, sizeof paid);
	} else {
		ctl_money_plain(x->g->c, p->amount, amt, sizeof amt);
		ctl_money_plain(x->g->c, p->paid, paid, sizeof paid);
	}
	out_row(&x->t, v);
	return 0;
}

int cmd_promise(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "by", required_argument, NULL, 'b' },
		{ "currency", required_argument, NULL, 'c' },
		{ "broken", no_argument, NULL, 'B' },
		{ NULL, 0, NULL, 0 }
	};
	static const out_col cols[] = {
		{ "id", 4, 1, 1 }, { "client_id", 9, 1, 1 }, { "client", 20, 0, 0 },
		{ "amount", 14, 1, 1 }, { "currency", 8, 0, 0 }, { "date", 10, 0, 0 },
		{ "by", 14, 0, 0 }, { "made_on", 10, 0, 0 }, { "paid", 14, 1, 1 }, { "status", 8, 0, 0 },
	};
	const char *by = NULL, *currency = NULL;
	const char *action = argc > 1 ? argv[1] : "";
	prom_ctx x = { g, { 0 } };
	fu_promise p;
	cart_err e;
	int opt, rc, broken = 0;

	g->prog = "cartera promise";
	if (argc < 2 || argv[1][0] == '-') {
		if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
			fputs(_(promise_help), stdout);
			return EXIT_DONE;
		}
		return cli_usage(g, "%s", _("use add or list"));
	}
	argc--;
	argv++;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'b': by = optarg; break;
		case 'c': currency = optarg; break;
		case 'B': broken = 1; break;
		HANDLE_COMMON(g, opt, promise_help)
		}
	}
	cli_unmask(argc, argv);
	if (!strcmp(action, "add")) {
		if (argc - optind != 3)
			return cli_usage(g, "%s", _("give the client, the amount and the date"));
		if ((rc = cli_open(g, 0)))
			return rc;
		if (ctl_fu_promise_add(g->c, argv[optind], argv[optind + 1], argv[optind + 2], by,
		                       currency, &p, &e) != CART_OK)
			return cli_fail(g, &e);
		printf(_("promise %lld: %s will pay %s %s by %s\n"), (long long)p.id, p.client,
		       argv[optind + 1], p.currency, p.date);
		return EXIT_DONE;
	}
	if (!strcmp(action, "list")) {
		if (argc - optind > 1)
			return cli_usage(g, "%s", _("give at most one client"));
		if ((rc = cli_open(g, 0)))
			return rc;
		out_begin(&x.t, stdout, g->format, cols, 10);
		rc = ctl_fu_promises(g->c, optind < argc ? argv[optind] : NULL, broken, prom_row, &x, &e);
		out_end(&x.t);
		return rc == CART_OK ? EXIT_DONE : cli_fail(g, &e);
	}
	return cli_usage(g, _("unknown action \"%s\": use add or list"), action);
}
