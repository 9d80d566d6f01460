/* `cartera backup`, `cartera restore` and `cartera audit` (SPEC S1, S3). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/ctl_safety.h"
#include "cli.h"

static const char backup_help[] =
	N_("Usage: cartera backup [--db FILE] BACKUP\n"
	   "Copy the ledger into the new file BACKUP through SQLite's online backup: consistent\n"
	   "while clerks keep posting, private (mode 0600), put in place only when whole. For cron:\n"
	   "  cartera backup /var/backups/cartera/ledger-$(date +%%F).db\n"
	   "  --force   replace BACKUP if it exists\n");

static const char restore_help[] =
	N_("Usage: cartera restore [--db FILE] BACKUP [--force]\n"
	   "Replace the ledger with BACKUP after checking it: a damaged file, one that is not a\n"
	   "ledger, one written by a newer cartera, or one whose audit trail was altered is refused\n"
	   "and the ledger left as it was. An existing ledger is replaced only with --force.\n");

static const char audit_help[] =
	N_("Usage: cartera audit [--client CLIENT] [--clerk LOGIN] [--from DATE] [--to DATE]\n"
	   "Who did what: every posting, void, change of a client or a setting, with its clerk\n"
	   "and time, oldest first. `cartera check` verifies that no line was altered.\n");

int cmd_backup(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	cart_err e;
	int opt, rc, force = 0;

	g->prog = "cartera backup";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'f': force = 1; break;
		HANDLE_COMMON(g, opt, backup_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give the backup file to write"));
	if ((rc = cli_open(g, CTL_OPEN_READONLY)))
		return rc;
	if (ctl_backup(g->c, argv[optind], force, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("backed up %s into %s\n"), g->db, argv[optind]);
	return EXIT_DONE;
}

int cmd_restore(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	cart_err e;
	int opt, force = 0;

	g->prog = "cartera restore";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'f': force = 1; break;
		HANDLE_COMMON(g, opt, restore_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give the backup file to restore"));
	if (!g->db[0])
		ctl_default_db(g->db, sizeof g->db);
	if (ctl_make_parent(g->db, &e) != CART_OK || ctl_busy_timeout_env(&e) != CART_OK ||
	    ctl_restore(g->db, argv[optind], force, &e) != CART_OK)
		return cli_fail(g, &e);
	printf(_("restored %s from %s\n"), g->db, argv[optind]);
	return EXIT_DONE;
}

static int print_audit(const ctl_audit_line *l, void *ud)
{
	cli *g = ud;

	if (g->format == OUT_CSV) {
		const char *v[7];
		char id[24], cid[24];

		snprintf(id, sizeof id, "%lld", l->id);
		snprintf(cid, sizeof cid, "%lld", l->client_id);
		v[0] = id, v[1] = l->at, v[2] = l->clerk, v[3] = l->action, v[4] = l->number;
		v[5] = l->client_id ? cid : "", v[6] = l->detail;
		printf("%s,%s,%s,%s,%s,%s,", v[0], v[1], v[2], v[3], v[4], v[5]);
		/* the detail is free text: quoted as CSV, neutralised for spreadsheets */
		fputc('"', stdout);
		if (strchr("=+-@", v[6][0]) && v[6][0])
			fputc('\'', stdout);
		for (const char *p = v[6]; *p; p++) {
			if (*p == '"')
				fputc('"', stdout);
			fputc(*p, stdout);
		}
		fputs("\"\n", stdout);
		return 0;
	}
	printf("%6lld  %.19s  %-12s %-16s %-12s %s\n", l->id, l->at, l->clerk, l->action,
	       l->number, l->detail);
	return 0;
}

int cmd_audit(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "client", required_argument, NULL, 'c' },
		{ "clerk", required_argument, NULL, 'k' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *who = NULL, *clerk = NULL, *from = NULL, *to = NULL;
	cart_err e;
	int opt, rc;

	g->prog = "cartera audit";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'c': who = optarg; break;
		case 'k': clerk = optarg; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		HANDLE_COMMON(g, opt, audit_help)
		}
	}
	cli_unmask(argc, argv);
	if (optind < argc)
		return cli_usage(g, _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_open(g, CTL_OPEN_READONLY)))
		return rc;
	if (g->format == OUT_CSV)
		printf("id,at,clerk,action,document,client,detail\n");
	else
		printf("%6s  %-19s  %-12s %-16s %-12s %s\n", _("line"), _("when (UTC)"), _("clerk"),
		       _("action"), _("document"), _("detail"));
	if (ctl_audit_read(g->c, who, clerk, from, to, print_audit, g, &e) != CART_OK)
		return cli_fail(g, &e);
	return EXIT_DONE;
}
