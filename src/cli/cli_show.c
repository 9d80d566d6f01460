/* `cartera show DOC`: one posted document as it was kept: its header, its lines and tax per rate
 * (invoices, quotes), its means of payment and withholdings (receipts), and the entries it posted
 * with what each still has open. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/ctl_dash.h"
#include "cartera/ctl_docs.h"
#include "cartera/import.h"
#include "cli.h"

static const char show_help[] =
	N_("Usage: cartera show DOC\n"
	   "Show a posted document (FAC-000012, RC-000003, COT-000001, ..., or an imported document's\n"
	   "legal number: F001-00001234, a CUFE, a CFDI UUID): header, lines and tax per\n"
	   "rate, means of payment and withholdings, and the ledger entries it posted.\n");

static void amount(cli *g, int64_t v, char *buf, size_t size)
{
	ctl_money(&g->c, v, buf, size);
}

/* Quantities in thousandths as typed: 1500 -> "1,5", 2000 -> "2". */
int cmd_show(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 }
	};
	doc_line lines[DOC_MAX_LINES];
	doc_tax taxes[DOC_MAX_TAXES];
	doc_entry ent[16];
	receipt_detail rd;
	ctl_taxes tx;
	doc_info d;
	client cl;
	cart_err e;
	char a[40], b[40], q[24], pct[24];
	int opt, rc, n;

	g->prog = "cartera show";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		HANDLE_COMMON(g, opt, show_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give the document"));
	if ((rc = cli_open(g, 0)))
		return rc;
	if (ctl_doc_ref(&g->c, argv[optind], &d, &e) ||
	    ledger_client_get(g->c.l, d.client_id, &cl, &e) || ctl_taxes_load(&g->c, &tx, &e))
		return cli_fail(g, &e);
	amount(g, d.total, a, sizeof a);
	printf(_("%s %s, %s (client %lld)\n"), ctl_dash_type_label(d.type), d.number, cl.name,
	       (long long)cl.id);
	printf(_("date %s, %s %s, total %s %s\n"), d.date, d.type == DOC_QUOTE ? _("valid until") : _("due"),
	       d.due_date, a, d.currency);
	if (d.reference[0])
		printf(_("reference %s\n"), d.reference);
	{
		char legal[1024];

		if (import_legal_text(&g->c, d.id, legal, sizeof legal, &e))
			return cli_fail(g, &e);
		fputs(legal, stdout);
	}
	if (d.memo[0])
		printf(_("memo %s\n"), d.memo);
	if (d.voided_by[0])
		printf(_("voided by %s\n"), d.voided_by);

	if (ledger_doc_lines(g->c.l, d.id, lines, DOC_MAX_LINES, &n, &e))
		return cli_fail(g, &e);
	for (int i = 0; i < n; i++) {
		const char *rate = "";

		for (int k = 0; k < tx.n; k++)
			if (tx.r[k].id == lines[i].tax_rate_id)
				rate = tx.r[k].name;
		ctl_quantity_format(&g->c, lines[i].qty, q, sizeof q);
		amount(g, lines[i].price, a, sizeof a);
		amount(g, lines[i].net, b, sizeof b);
		printf(_("line %d: %s; %s x %s = %s%s%s\n"), i + 1, lines[i].description, q, a, b,
		       lines[i].expense ? _("; reimbursable expense") : rate[0] ? "; " : "", rate);
	}
	if (ledger_doc_taxes(g->c.l, d.id, taxes, DOC_MAX_TAXES, &n, &e))
		return cli_fail(g, &e);
	for (int k = 0; k < n; k++) {
		ctl_percent_format(&g->c, taxes[k].rate, pct, sizeof pct);
		amount(g, taxes[k].base, a, sizeof a);
		amount(g, taxes[k].tax, b, sizeof b);
		printf(_("tax %s: base %s, tax %s\n"), pct, a, b);
	}

	if (ledger_receipt_detail(g->c.l, d.id, &rd, &e))
		return cli_fail(g, &e);
	for (int i = 0; i < rd.n_means; i++) {
		const means_in *m = &rd.means[i];

		amount(g, m->amount, a, sizeof a);
		printf(_("paid by %s %s"), _(means_kind_name(m->kind)), a);
		if (m->bank[0])
			printf(", %s", m->bank);
		if (m->number[0])
			printf(" no. %s", m->number);
		if (m->cash_date[0])
			printf(_(", cashable %s"), m->cash_date);
		printf("\n");
	}
	for (int i = 0; i < rd.n_wh; i++) {
		amount(g, rd.wh[i].amount, a, sizeof a);
		printf(_("withheld %s %s%s%s\n"), rd.wh[i].kind, a, rd.wh[i].certificate[0]
		       ? _(", certificate ") : "", rd.wh[i].certificate);
	}

	if (ledger_document_entries(g->c.l, d.id, ent, 16, &n, &e))
		return cli_fail(g, &e);
	for (int i = 0; i < n; i++) {
		amount(g, ent[i].amount, a, sizeof a);
		amount(g, ent[i].open, b, sizeof b);
		printf(_("entry %s %s %s, open %s\n"), ent[i].code, ent[i].side == 'D' ? _("charge") : _("credit"),
		       a, b);
	}
	return EXIT_DONE;
}
