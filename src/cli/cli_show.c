/* `cartera show DOC`: one posted document as it was kept: its header, its lines and tax per rate
 * (invoices, quotes), its means of payment and withholdings (receipts), the entries it posted
 * with what each still has open, and who voided it. Text comes from the show controller; CSV and
 * JSON are the document's report (the same as `cartera report document`). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/ctl_dash.h"
#include "cartera/ctl_show.h"
#include "cartera/reports.h"
#include "cartera/ctl_docs.h"
#include "cartera/import.h"
#include "cli.h"

static const char show_help[] =
	N_("Usage: cartera show DOC\n"
	   "Show a posted document (FAC-000012, RC-000003, COT-000001, ..., or an imported document's\n"
	   "legal number: F001-00001234, a CUFE, a CFDI UUID): header, lines and tax per rate, means\n"
	   "of payment and withholdings, the ledger entries it posted, and who voided it.\n"
	   "With --format csv or json, the document's report (as `cartera report document`).\n");

static void amount(cli *g, int64_t v, char *buf, size_t size)
{
	ctl_money(g->c, v, buf, size);
}

static int build_document(ctl *c, const void *id, report *r, cart_err *e)
{
	r->internal = 1;      /* the clerk's view: the ledger's codes too */
	return rpt_document(c, *(const int64_t *)id, r, e);
}

static void print_show(cli *g, const ctl_show *s)
{
	const doc_info *d = &s->d;
	char a[40], b[40], q[24], pct[24];

	amount(g, d->total, a, sizeof a);
	printf(_("%s %s, %s (client %lld)\n"), ctl_dash_type_label(d->type), d->number, s->cl.name,
	       (long long)s->cl.id);
	printf(_("date %s, %s %s, total %s %s\n"), d->date,
	       d->type == DOC_QUOTE ? _("valid until") : _("due"), d->due_date, a, d->currency);
	if (d->reference[0])
		printf(_("reference %s\n"), d->reference);
	{
		char legal[1024];
		cart_err e;

		/* the legal numbers of an imported document (series-number, CUFE, UUID) */
		if (import_legal_text(g->c, d->id, legal, sizeof legal, &e) == CART_OK)
			fputs(legal, stdout);
	}
	if (d->memo[0])
		printf(_("memo %s\n"), d->memo);
	if (s->void_number[0] && d->type == DOC_VOID)
		printf(_("voids %s: by %s on %s; reason: %s\n"), s->voided, s->void_clerk, s->void_date,
		       s->void_reason);
	else if (s->void_number[0])
		printf(_("voided by %s: by %s on %s; reason: %s\n"), s->void_number, s->void_clerk,
		       s->void_date, s->void_reason);
	for (int i = 0; i < s->nlines; i++) {
		const doc_line *ln = &s->lines[i];

		ctl_quantity_format(g->c, ln->qty, q, sizeof q);
		amount(g, ln->price, a, sizeof a);
		amount(g, ln->net, b, sizeof b);
		printf(_("line %d: %s; %s x %s = %s%s%s\n"), i + 1, ln->description, q, a, b,
		       ln->expense ? _("; reimbursable expense") : s->rate[i][0] ? "; " : "",
		       ln->expense ? "" : s->rate[i]);
	}
	for (int k = 0; k < s->ntaxes; k++) {
		ctl_percent_format(g->c, s->taxes[k].rate, pct, sizeof pct);
		amount(g, s->taxes[k].base, a, sizeof a);
		amount(g, s->taxes[k].tax, b, sizeof b);
		printf(_("tax %s: base %s, tax %s\n"), pct, a, b);
	}
	for (int i = 0; i < s->rd.n_means; i++) {
		const means_in *m = &s->rd.means[i];

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
	for (int i = 0; i < s->rd.n_wh; i++) {
		amount(g, s->rd.wh[i].amount, a, sizeof a);
		printf(_("withheld %s %s%s%s\n"), s->rd.wh[i].kind, a, s->rd.wh[i].certificate[0]
		       ? _(", certificate ") : "", s->rd.wh[i].certificate);
	}
	for (int i = 0; i < s->nent; i++) {
		amount(g, s->ent[i].amount, a, sizeof a);
		amount(g, s->ent[i].open, b, sizeof b);
		printf(_("entry %s %s %s, open %s\n"), s->ent[i].code,
		       s->ent[i].side == 'D' ? _("charge") : _("credit"), a, b);
	}
}

int cmd_show(cli *g, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTS,
		{ NULL, 0, NULL, 0 }
	};
	ctl_show s;
	cart_err e;
	int opt, rc;

	g->prog = "cartera show";
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		HANDLE_COMMON(g, opt, show_help)
		}
	}
	cli_unmask(argc, argv);
	if (argc - optind != 1)
		return cli_usage(g, _("give the document"));
	if ((rc = cli_open(g, CTL_OPEN_READONLY)))
		return rc;
	if (ctl_show_load(g->c, argv[optind], &s, &e) != CART_OK)
		return cli_fail(g, &e);
	if (g->format == OUT_TEXT)
		print_show(g, &s);
	else
		rc = cli_print_report(g, build_document, &s.d.id);
	ctl_show_free(&s);
	return rc;
}
