/* The `cartera` command line: shared state and helpers of the subcommands (src/cli_*.c). */
#ifndef CARTERA_CLI_H
#define CARTERA_CLI_H

#include <getopt.h>

#include "cartera/ctl.h"
#include "cartera/output.h"

/* Exit statuses: done, refused or failed, usage or malformed argument. */
enum { EXIT_DONE = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

typedef struct cli {
	ctl *c;               /* the controller session, once opened */
	char db[1024];
	int format;
	int opened;
	const char *prog;    /* "cartera invoice post", for messages */
	const char *key;     /* --key: the posting's idempotency key */
} cli;

/* Options every subcommand accepts, handled by cli_common(). */
#define CLI_COMMON_OPTS \
	{ "db", required_argument, NULL, 'D' }, \
	{ "today", required_argument, NULL, 'T' }, \
	{ "format", required_argument, NULL, 'F' }, \
	{ "key", required_argument, NULL, 'Y' }, \
	{ "help", no_argument, NULL, 'h' }

/* The end of every command's option switch: --help prints help; the common options are handled;
 * anything else is a usage error. */
#define HANDLE_COMMON(g, opt, help)                                  \
	case 'h':                                                    \
		fputs(_(help), stdout);                              \
		return EXIT_DONE;                                    \
	default: {                                                   \
		int r_ = cli_common(g, opt, optarg);                 \
		if (r_ == -1)                                        \
			return cli_usage(g, _("unknown option"));       \
		if (r_)                                              \
			return r_;                                   \
	}

/* Undo the masking of negative amounts (main.c) once a command has read its options. */
void cli_unmask(int argc, char **argv);
/* Handle a common option; returns -1 when opt is not one, else an exit status (0 = go on). */
int cli_common(cli *g, int opt, const char *arg);
/* Report an error: "cartera: message" on stderr; exit 2 for bad input, 1 otherwise. */
int cli_fail(cli *g, const cart_err *e);
/* Report a usage error and point at --help; returns 2. */
int cli_usage(cli *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Open the ledger (g->db) once; returns an exit status. */
int cli_open(cli *g, int flags);
/* Parse a whole number option. */
int cli_int(cli *g, const char *what, const char *text, long min, long max, long *out);

/* Print one client's open items as of asof: open amounts positive, the kind column saying charge
 * or credit in favour. */
int cli_open_items(cli *g, int64_t client_id, const char *asof, cart_err *e);

int cmd_init(cli *g, int argc, char **argv);
int cmd_demo(cli *g, int argc, char **argv);
int cmd_client(cli *g, int argc, char **argv);
int cmd_invoice(cli *g, int argc, char **argv);
int cmd_payment(cli *g, int argc, char **argv);
int cmd_credit(cli *g, int argc, char **argv);
int cmd_credit_note(cli *g, int argc, char **argv);
/* debit-note post (cli_debit.c) */
int cmd_debit_note(cli *g, int argc, char **argv);
int cmd_opening(cli *g, int argc, char **argv);
int cmd_void(cli *g, int argc, char **argv);
int cmd_balance(cli *g, int argc, char **argv);
int cmd_aging(cli *g, int argc, char **argv);
int cmd_check(cli *g, int argc, char **argv);
int cmd_dashboard(cli *g, int argc, char **argv);
/* client person add | list | remove (cli_person.c); argv[0] is "person". */
int cmd_client_person(cli *g, int argc, char **argv);
/* client show's lines on the client's persons and where its mail goes (text format). */
int cli_persons_print(cli *g, int64_t client_id, cart_err *e);
int cmd_tax(cli *g, int argc, char **argv);
int cmd_quote(cli *g, int argc, char **argv);
int cmd_receipt(cli *g, int argc, char **argv);
int cmd_apply(cli *g, int argc, char **argv);
int cmd_refund(cli *g, int argc, char **argv);
int cmd_write_off(cli *g, int argc, char **argv);
int cmd_company(cli *g, int argc, char **argv);
int cmd_show(cli *g, int argc, char **argv);
/* `opening import FILE` (cli_receipt.c). */
int cli_opening_import(cli *g, int argc, char **argv);
/* `invoice post` with --line: the invoice form filled from the arguments (cli_docs.c). */
int cli_invoice_lines(cli *g, const ctl_invoice *inv, const char *const *lines, const int *expense,
                      int n_lines, const char *every, const char *first);

/* The dashboard's tabs, reminders and the client history (cli_dash.c). */
typedef struct cli_dash_args {
	const char *tab, *filter, *sort, *days, *range, *offset, *limit, *client, *asof;
} cli_dash_args;
int cli_dashboard_tab(cli *g, const cli_dash_args *a);
int cli_client_history(cli *g, int argc, char **argv);
int cmd_remind(cli *g, int argc, char **argv);
int cmd_report(cli *g, int argc, char **argv);
/* `cartera mail ...` and the mail settings of `company set KEY VALUE` (cli_mail.c). */
int cmd_mail(cli *g, int argc, char **argv);
int cli_mail_company_set(cli *g, int argc, char **argv);

/* Print a report built by build(c, arg, r, e) in the command's format: aligned text with the
 * clerk's headings, or CSV or JSON with the report's keys (cli_listing.c). Returns an exit status. */
struct report;
typedef int (*cli_build_fn)(ctl *c, const void *arg, struct report *r, cart_err *e);
int cli_print_report(cli *g, cli_build_fn build, const void *arg);
/* Payment follow-up (cli_followup.c). */
int cmd_followup(cli *g, int argc, char **argv);
int cmd_activity(cli *g, int argc, char **argv);
int cmd_promise(cli *g, int argc, char **argv);
/* backup, restore, audit (cli_safety.c) */
int cmd_backup(cli *g, int argc, char **argv);
int cmd_restore(cli *g, int argc, char **argv);
int cmd_audit(cli *g, int argc, char **argv);
/* import documents | einvoice (cli_import.c) */
int cmd_import(cli *g, int argc, char **argv);

/* Bank statements (cli_bank.c). */
int cmd_bank(cli *g, int argc, char **argv);
/* init's and company set's --date-order, --print-encoding, --page-lines (cli_post.c): unset
 * fields are -1 / NULL. */
typedef struct company_print {
	int date_order;
	const char *encoding;
	int page_lines;
} company_print;
int cli_company_print_opt(cli *g, int opt, const char *arg, company_print *p);
void cli_company_print_apply(const company_print *p, company *co);

#endif
