/* Command line of the dashboard (SPEC B1-B3): one tab of it (`cartera dashboard --tab ...`), the
 * reminders a clerk records from it (`cartera remind`) and a client's history
 * (`cartera client history`). All of it goes through the dashboard's controller. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ctl_dash.h"
#include "cartera/ctl_history.h"
#include "cartera/i18n.h"
#include "cli.h"

typedef struct dash_days {
	int has_min, has_max, min, max;
} dash_days;

/* "MIN-MAX", "MIN-" or "-MAX": whole days overdue. */
static int parse_days(cli *g, const char *text, dash_days *d)
{
	char buf[64], *dash, *end;

	memset(d, 0, sizeof *d);
	snprintf(buf, sizeof buf, "%s", text);
	if (buf[0] == '\x01')
		buf[0] = '-';
	dash = strchr(buf, '-');
	*dash = '\0';
	if (dash != buf) {
		d->min = (int)strtol(buf, &end, 10);
		if (*end || end == buf)
			return cli_usage(g, _("--days \"%s\": \"%s\" is not a number of days"), text, buf);
		d->has_min = 1;
	}
	if (dash[1]) {
		d->max = (int)strtol(dash + 1, &end, 10);
		if (*end)
			return cli_usage(g, _("--days \"%s\": \"%s\" is not a number of days"), text,
			                 dash + 1);
		d->has_max = 1;
	}
	if (d->has_min && d->has_max && d->min > d->max)
		return cli_usage(g, _("--days \"%s\": the lower bound is above the upper bound"), text);
	return EXIT_DONE;
}

int cli_dashboard_tab(cli *g, const cli_dash_args *a)
{
	ctl_dash v;
	client cl = { 0 };
	out_col cols[CTLD_MAXCOLS + 1];
	const ctld_col *cc;
	ctld_row *rows;
	out_table t;
	cart_err e;
	int tab, ncols, got, rc;
	long offset = 0, limit = 50;

	if ((tab = ctl_dash_tab_parse(a->tab)) < 0)
		return cli_usage(g, _("--tab \"%s\": use overdue, due, credits, clients, transactions or"
		                 " quotes"), a->tab);
	if (a->offset && (rc = cli_int(g, "--offset", a->offset, 0, 1000000000L, &offset)))
		return rc;
	if (a->limit && (rc = cli_int(g, "--limit", a->limit, 1, 10000, &limit)))
		return rc;
	if ((rc = cli_open(g, 0)))
		return rc;
	if (a->client && ctl_client_ref(g->c, a->client, &cl, &e) != CART_OK)
		return cli_fail(g, &e);
	if (ctl_dash_open(&v, g->c, cl.id, a->asof, &e) != CART_OK)
		return cli_fail(g, &e);
	v.plain = g->format != OUT_TEXT;
	if (ctl_dash_tab(&v, tab, &e) != CART_OK)
		return cli_fail(g, &e);
	if (a->sort) {
		char key[64], *colon;
		int desc = 0;

		snprintf(key, sizeof key, "%s", a->sort);
		if ((colon = strchr(key, ':'))) {
			*colon = '\0';
			if (!strcmp(colon + 1, "desc"))
				desc = 1;
			else if (strcmp(colon + 1, "asc"))
				return cli_usage(g, _("--sort \"%s\": the order is asc or desc"), a->sort);
		}
		if (ctl_dash_sort(&v, key, desc, &e) != CART_OK)
			return cli_usage(g, "--sort: %s", e.msg);
	}
	if (a->range) {
		long range;

		if ((rc = cli_int(g, "--range", a->range, 0, ctl_company(v.c)->n_ranges + 1, &range)))
			return rc;
		if (ctl_dash_range(&v, (int)range, &e) != CART_OK)
			return cli_fail(g, &e);
	}
	if (a->days) {
		dash_days d;

		if ((rc = parse_days(g, a->days, &d)))
			return rc;
		if (ctl_dash_days(&v, d.has_min, d.min, d.has_max, d.max, &e) != CART_OK)
			return cli_fail(g, &e);
	}
	if (a->filter && ctl_dash_filter(&v, a->filter, &e) != CART_OK)
		return cli_fail(g, &e);
	cc = ctl_dash_columns(tab, &ncols);
	for (int i = 0; i < ncols; i++)
		cols[i] = (out_col){ cc[i].key, cc[i].width, cc[i].right, cc[i].number && v.plain };
	/* for programs every amount is a plain number and its currency a field of its own */
	if (v.plain)
		cols[ncols] = (out_col){ "currency", 8, 0, 0 };
	if (!(rows = calloc((size_t)limit, sizeof *rows)))
		return cli_fail(g, &(cart_err){ CART_NOMEM, "out of memory" });
	if (ctl_dash_page(&v, offset, (int)limit, rows, &got, &e) != CART_OK) {
		free(rows);
		return cli_fail(g, &e);
	}
	if (g->format == OUT_TEXT)
		printf(P_("%s%s%s: %s, as of %s — %lld row\n", "%s%s%s: %s, as of %s — %lld rows\n",
		          (unsigned long)v.count), ctl_company(g->c)->name, cl.id ? " — " : "",
		       cl.id ? cl.name : "", ctl_dash_tab_label(tab), v.today, (long long)v.count);
	out_begin(&t, stdout, g->format, cols, ncols + v.plain);
	for (int i = 0; i < got; i++) {
		const char *vals[CTLD_MAXCOLS + 1];

		for (int j = 0; j < ncols; j++)
			vals[j] = rows[i].cell[j];
		vals[ncols] = rows[i].currency;
		out_row(&t, vals);
	}
	out_end(&t);
	free(rows);
	return EXIT_DONE;
}

/* ---- remind ---- */

static const char remind_help[] =
	N_("Usage: cartera remind CLIENT|DOCUMENT [--note TEXT]\n"
	   "Record a payment reminder in the client's history: for a client (number, tax id or name),\n"
	   "or for one of its documents (by number, e.g. FAC-000012). Mail is sent by the mail\n"
	   "command once it exists; this records that the reminder was given.\n");

int cmd_remind(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const char *note = NULL;
	hist_entry h;
	cart_err e;
	int opt, rc;

	g->prog = "cartera remind";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'n': note = optarg; break;
		HANDLE_COMMON(g, opt, remind_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give one client or document"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_remind(g->c, argv[optind], note, &h, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("reminder %lld recorded for client %lld%s%s\n"), (long long)h.id,
	       (long long)h.client_id, h.doc_id ? _(" about ") : "", h.doc_id ? h.number : "");
	return EXIT_DONE;
}

/* ---- client history ---- */

static const char history_help[] =
	N_("Usage: cartera client history CLIENT [--note TEXT | --call TEXT]\n"
	   "The client's history, newest first: every reminder, note, mail and call recorded, with\n"
	   "when, by whom and about which document.\n"
	   "  --note TEXT   write a note into the history (dated today) instead of listing it\n"
	   "  --call TEXT   log a call with the client, what was said\n");

typedef struct hist_ctx {
	out_table t;
} hist_ctx;

static int hist_row(const hist_entry *h, void *ud)
{
	hist_ctx *x = ud;
	char id[24];
	const char *v[6] = { id, h->at, h->clerk, hist_kind_name(h->kind), h->number, h->text };

	snprintf(id, sizeof id, "%lld", (long long)h->id);
	out_row(&x->t, v);
	return 0;
}

/* --note / --call: one line written through the history screen's controller */
static int history_write(cli *g, const client *cl, int kind, const char *text)
{
	hist_entry h;
	cart_err e;

	if (ctl_history_add(g->c, cl->id, kind, text, &h, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(kind == HIST_CALL ? _("call %lld logged for %s\n") : _("note %lld recorded for %s\n"),
	       (long long)h.id, cl->name);
	return EXIT_DONE;
}

int cli_client_history(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "note", required_argument, NULL, 'n' },
		{ "call", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 }
	};
	static const out_col cols[] = {
		{ "id", 5, 1, 1 }, { "at", 20, 0, 0 }, { "clerk", 10, 0, 0 }, { "kind", 8, 0, 0 },
		{ "document", 12, 0, 0 }, { "text", 30, 0, 0 },
	};
	hist_ctx x;
	client cl;
	cart_err e;
	const char *write = NULL;
	int opt, rc, kind = HIST_NOTE;

	g->prog = "cartera client history";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'n':
		case 'k':
			if (write)
				return cli_usage(g, _("give one of --note and --call"));
			write = optarg;
			kind = opt == 'k' ? HIST_CALL : HIST_NOTE;
			break;
		HANDLE_COMMON(g, opt, history_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give one client (number, tax id or name)"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_client_ref(g->c, argv[optind], &cl, &e) != CART_OK)
		return cli_fail(g, &e);
	if (write)
		return history_write(g, &cl, kind, write);
	if (g->format == OUT_TEXT)
		printf(_("History of %s\n"), cl.name);
	out_begin(&x.t, stdout, g->format, cols, 6);
	rc = ctl_history_list(g->c, cl.id, hist_row, &x, &e);
	out_end(&x.t);
	return rc == CART_OK ? EXIT_DONE : cli_fail(g, &e);
}
