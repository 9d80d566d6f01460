/* `cartera import documents FILE.csv` (another system's documents, all or nothing) and
 * `cartera import einvoice FILE|DIR` (electronic invoices, file by file, for cron). Progress on
 * standard error when it is a terminal; a summary at the end. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unistd.h>

#include "cartera/einvoice.h"
#include "cartera/import.h"
#include "cli.h"

static const char import_help[] =
	N_("Usage: cartera import documents FILE.csv   (- reads standard input)\n"
	   "       cartera import einvoice FILE|DIR [--create-clients]\n"
	   "import documents posts another system's invoices, credit and debit notes, receipts and\n"
	   "advances from CSV, all or nothing; import einvoice posts electronic invoices (UBL 2.1 of\n"
	   "Peru and Colombia, CFDI 4.0 of Mexico with payment complements), file by file.\n"
	   "See 'cartera import documents --help' and 'cartera import einvoice --help'.\n");

static const char documents_help[] =
	N_("Usage: cartera import documents FILE.csv   (- reads standard input)\n"
	   "Another system's documents from CSV, checked whole first: a bad line refuses the file\n"
	   "(each bad line is listed as FILE:LINE: reason) and nothing is posted; a good file posts\n"
	   "in one transaction. The header names the columns, in any order:\n"
	   "  type          invoice, credit-note, debit-note, receipt, advance, apply, or line\n"
	   "  number        the document's number in the old system, unique in the file\n"
	   "  client        id, tax id or name of a client in the ledger\n"
	   "  date, due     YYYY-MM-DD (due: invoices and debit notes; default the client's terms)\n"
	   "  currency      default the company's\n"
	   "  amount        the total (an invoice with line rows may leave it empty)\n"
	   "  legal_number  series-number, CUFE or UUID; one already in the ledger posts nothing\n"
	   "  instalments   DATE=AMOUNT;DATE=AMOUNT (or dates alone: split evenly)\n"
	   "  applies_to    notes: the invoice's number; receipts: NUMBER[#INSTALMENT][=AMOUNT];...\n"
	   "                (without an amount: all it has open); a number in the file, or a\n"
	   "                legal or cartera number in the ledger\n"
	   "  credit        apply rows: the receipt, advance or credit note (earlier in the file)\n"
	   "                whose credit in favour pays what applies_to names, on the row's date\n"
	   "  memo, method  free text; a receipt's method of payment\n"
	   "  description, quantity, price, tax   on line rows (number = their invoice's),\n"
	   "                which follow their invoice\n"
	   "Debit notes post as debit notes (ND) amending their invoice. Spanish names work:\n"
	   "tipo, numero, cliente, fecha, vencimiento, moneda, importe, numero_legal, cuotas,\n"
	   "aplica_a, credito, concepto, medio, descripcion, cantidad, precio, impuesto.\n");

static const char einvoice_help[] =
	N_("Usage: cartera import einvoice FILE|DIR [--create-clients|--no-create-clients]\n"
	   "Electronic invoices as issued: UBL 2.1 invoices, credit and debit notes (Peru SUNAT,\n"
	   "Colombia DIAN) and CFDI 4.0 (Mexico) invoices, credit notes and payment complements\n"
	   "(type P: receipts allocated to the invoices they name by UUID). Each file is checked\n"
	   "against its own totals and posted in one transaction, or refused naming the file and\n"
	   "the figures. The legal number is the identity: a file already imported posts nothing\n"
	   "again and says so. A note whose invoice is not in the ledger is held (import it again\n"
	   "later); a payment's amount for an invoice the ledger lacks stays a credit in favour.\n"
	   "A directory imports every .xml file under it: invoices first, then notes, then\n"
	   "payments, one line per file. Customers are matched by tax id; unknown ones are\n"
	   "created from the document when the company allows it ('cartera company set\n"
	   "--import-creates-clients yes') or with --create-clients.\n"
	   "Exit status: 0 when every file was imported or was already there, 1 when any was\n"
	   "refused or held.\n");

typedef struct progress {
	int tty;
	struct timespec start;
	int shown;
} progress;

static double since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Back to the start of the progress line. Straight to the terminal: stderr there escapes control
 * characters (text_tty_guard, so data cannot move the cursor), and this one is the program's own;
 * stderr is unbuffered, so it lands in order. */
static void line_start(void)
{
	fflush(stderr);
	if (write(STDERR_FILENO, "\r", 1) < 0)
		return;
}

static void show_progress(const char *phase, long done, long total, void *ud)
{
	progress *p = ud;
	double s = since(&p->start), rate = s > 0 ? (double)done / s : 0;

	if (!p->tty)
		return;
	if (total > 0) {
		double left = rate > 0 ? (double)(total - done) / rate : 0;

		line_start();
		fprintf(stderr, _("%s: %3ld%%  %ld of %ld  %.0f rows/s  %d:%02d left   "), phase,
		        done * 100 / total, done, total, rate, (int)left / 60, (int)left % 60);
	} else {
		line_start();
		fprintf(stderr, _("%s: %ld rows  %.0f rows/s   "), phase, done, rate);
	}
	p->shown = 1;
}

static int import_documents_cmd(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 }
	};
	import_result r;
	progress pg;
	const char *path, *name;
	FILE *in;
	cart_err e;
	double secs;
	int opt, rc;

	g->prog = "cartera import documents";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		HANDLE_COMMON(g, opt, documents_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give the CSV file (or - for standard input)"));
	path = argv[optind];
	if ((rc = cli_open(g, 0)))
		return rc;
	name = strcmp(path, "-") ? path : _("standard input");
	in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!in) {
		cart_fail(&e, CART_IO, _("cannot read %s: %s"), path, strerror(errno));
		return cli_fail(g, &e);
	}
	memset(&pg, 0, sizeof pg);
	pg.tty = isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &pg.start);
	rc = import_documents(g->c, in, name, show_progress, &pg, &r, &e);
	secs = since(&pg.start);
	if (in != stdin)
		fclose(in);
	if (pg.shown)
		fputc('\n', stderr);
	for (int i = 0; i < r.errors.n; i++) {
		if (r.errors.msg[i].line > 0)
			fprintf(stderr, "%s:%ld: %s\n", name, r.errors.msg[i].line, r.errors.msg[i].text);
		else
			fprintf(stderr, "%s: %s\n", name, r.errors.msg[i].text);
	}
	if (r.errors.n_more)
		fprintf(stderr, _("%s: and %ld more\n"), name, r.errors.n_more);
	for (int i = 0; i < r.notes.n; i++)
		printf("%s:%ld: %s\n", name, r.notes.msg[i].line, r.notes.msg[i].text);
	if (r.notes.n_more)
		printf(_("%s: and %ld more\n"), name, r.notes.n_more);
	if (rc == CART_OK) {
		printf(P_("%ld document imported from %s", "%ld documents imported from %s",
		          (unsigned long)r.documents), r.documents, name);
		printf(P_(" (%ld entry, ", " (%ld entries, ", (unsigned long)r.entries), r.entries);
		printf(P_("%ld allocation)", "%ld allocations)", (unsigned long)r.allocations),
		       r.allocations);
		if (r.skipped)
			printf(P_("; %ld already in the ledger", "; %ld already in the ledger",
			          (unsigned long)r.skipped), r.skipped);
		printf("\n");
		if (pg.tty || getenv("CARTERA_IMPORT_TIMING"))
			fprintf(stderr, _("%.2f s, %.0f entries/s%s\n"), secs,
			        secs > 0 ? (double)r.entries / secs : 0.0, r.bulk ? _(" (bulk)") : "");
	}
	import_result_free(&r);
	if (rc != CART_OK) {
		fprintf(stderr, "cartera: %s\n", e.msg);
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

static void einvoice_line(const einv_report *r, void *ud)
{
	(void)ud;
	printf("%s: %s\n", r->file, r->text);
	fflush(stdout);
}

static int import_einvoice_cmd(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ "create-clients", no_argument, NULL, 'c' },
		{ "no-create-clients", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	einv_summary s;
	cart_err e;
	int opt, rc, create = -1;

	g->prog = "cartera import einvoice";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'c': create = 1; break;
		case 'n': create = 0; break;
		HANDLE_COMMON(g, opt, einvoice_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give the XML file or the folder holding them"));
	if ((rc = cli_open(g, 0)))
		return rc;
	rc = einvoice_import(g->c, argv[optind], create, einvoice_line, NULL, &s, &e);
	if (s.files > 1 || rc == CART_OK)
	{
		printf(P_("%d file: ", "%d files: ", (unsigned long)s.files), s.files);
		printf(_("%d imported, %d already in the ledger, %d refused, %d held\n"), s.imported,
		       s.already, s.refused, s.held);
	}
	if (rc != CART_OK) {
		fprintf(stderr, "cartera: %s\n", e.msg);
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

int cmd_import(cli *g, int argc, char **argv)
{
	g->prog = "cartera import";
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(_(import_help), argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_DONE;
	}
	if (!strcmp(argv[1], "documents"))
		return import_documents_cmd(g, argc - 1, argv + 1);
	if (!strcmp(argv[1], "einvoice"))
		return import_einvoice_cmd(g, argc - 1, argv + 1);
	return cli_usage(g, _("\"%s\": import documents or einvoice"), argv[1]);
}
