/* Checking a CSV file of documents as a whole, and posting it (see import_docs.c, which reads
 * it): every number a note or a receipt names is resolved, in the file or in the ledger, and the
 * allocations are played in posting order against open amounts kept here, so that the model
 * refuses nothing a line could have been named for; then every document is posted through the
 * model's posting functions in one transaction, charges first. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/i18n.h"
#include "ctl_int.h"
#include "import_int.h"
#include "model/ledger_debit.h"
#include "model/ledger_import.h"

/* ---- checking the file as a whole ---- */

/* An invoice's total from its lines, its instalments' amounts. */
static void check_invoice(imp *im, irow *row)
{
	char a[40], b[40];

	if (row->nlines) {
		doc_line *copy = malloc(sizeof *copy * (size_t)row->nlines);
		doc_totals t;
		cart_err e;

		if (!copy) {
			im->nomem = 1;
			return;
		}
		memcpy(copy, im->lines + row->line0, sizeof *copy * (size_t)row->nlines);
		if (doc_totals_compute(copy, row->nlines, &t, &e) != CART_OK) {
			imp_bad(im, row->line, "%s", e.msg);
		} else if (row->has_amount && t.total != row->amount) {
			imp_money(im, t.total, a, sizeof a);
			imp_money(im, row->amount, b, sizeof b);
			imp_bad(im, row->line, _("the lines add up to %s, not the amount %s given"), a, b);
		} else if (t.total <= 0) {
			imp_bad(im, row->line, "%s", _("the lines add up to nothing"));
		} else {
			row->amount = t.total;
			row->has_amount = 1;
		}
		free(copy);
	} else if (!row->has_amount) {
		imp_bad(im, row->line, "%s", _("the amount is empty and the invoice has no lines"));
	}
	if (row->ninst && row->has_amount) {
		iinst *in = im->inst + row->inst0;
		int64_t sum = 0;
		int given = 0;

		for (int i = 0; i < row->ninst; i++) {
			given += in[i].given;
			sum += in[i].amount;
			if (strcmp(in[i].due, row->date) < 0)
				imp_bad(im, row->line, _("instalment %d is due %s, before the date %s"), i + 1,
				    in[i].due, row->date);
		}
		if (given == 0) {
			for (int i = 0; i < row->ninst; i++)
				in[i].amount = row->amount / row->ninst +
				               (i < row->amount % row->ninst ? 1 : 0);
		} else if (given != row->ninst) {
			imp_bad(im, row->line, "%s", _("give every instalment an amount, or none"));
		} else if (sum != row->amount) {
			imp_money(im, sum, a, sizeof a);
			imp_money(im, row->amount, b, sizeof b);
			imp_bad(im, row->line, _("the instalments add up to %s, not the amount %s"), a, b);
		}
		for (int i = 0; i < row->ninst; i++)
			in[i].open = in[i].amount;
	}
	row->open = row->amount;
}

/* A number named by a note or a receipt that is not in the file: the ledger's document with
 * that legal number or cartera number, as a ghost row. -1 when not found (said on line). */
static int ghost_row(imp *im, const char *number, int64_t doc_id, long line)
{
	legal_row k[2];
	doc_entry ent[8];
	doc_info d;
	cart_err e;
	irow g;
	int n = 0, nent = 0;
	uint32_t key;

	if (doc_id) {
		k[0].doc_id = doc_id;
		n = 1;
	} else if (ledger_legal_find(im->c->l, LEGAL_ANY, NULL, NULL, number, k, 2, &n, &e)
	           != CART_OK) {
		imp_bad(im, line, "%s", e.msg);
		return -1;
	}
	if (n > 1) {
		imp_bad(im, line, _("%s is ambiguous: the ledger has %s and %s with that legal number"),
		    number, k[0].doc_number, k[1].doc_number);
		return -1;
	}
	if (n == 1 ? ledger_document_get(im->c->l, k[0].doc_id, &d, &e) != CART_OK
	           : ctl_doc_ref(im->c, number, &d, &e) != CART_OK) {
		imp_bad(im, line, _("%s is neither in the file nor in the ledger"), number);
		return -1;
	}
	if (ledger_document_entries(im->c->l, d.id, ent, 8, &nent, &e) != CART_OK) {
		imp_bad(im, line, "%s", e.msg);
		return -1;
	}
	memset(&g, 0, sizeof g);
	g.skip = ROW_GHOST;
	g.type = d.type == DOC_INVOICE ? T_INVOICE : T_DEBIT;
	g.line = line;
	g.client_id = d.client_id;
	g.doc_id = d.id;
	g.ref = -1;
	snprintf(g.date, sizeof g.date, "%s", d.date);
	snprintf(g.cur, sizeof g.cur, "%s", d.currency);
	for (int i = 0; i < nent; i++)
		if (ent[i].side == 'D') {
			g.entry = ent[i].entry_id;
			g.open = ent[i].open;
			g.amount = ent[i].amount;
			break;
		}
	if (!g.entry) {
		imp_bad(im, line, _("%s (%s) has no charge to credit or pay"), number, d.number);
		return -1;
	}
	if (d.voided_by[0]) {
		imp_bad(im, line, _("%s (%s) was voided by %s"), number, d.number, d.voided_by);
		return -1;
	}
	g.number = key = imp_str_add(im, number);
	if (imp_grow((void **)&im->rows, &im->cap, im->n + 1, sizeof *im->rows)) {
		im->nomem = 1;
		return -1;
	}
	im->rows[im->n] = g;
	imp_smap_put(im, &im->numbers, key, (int64_t)im->n);
	return (int)im->n++;
}

/* The row of the charge a note or receipt names; -1 when none (said). */
static int target_row(imp *im, const irow *row, const char *number)
{
	int64_t j;
	int t;

	if (imp_smap_get(im, &im->numbers, number, &j)) {
		const irow *x = &im->rows[j];

		if (x->type != T_INVOICE && x->type != T_DEBIT) {
			imp_bad(im, row->line, _("%s is not an invoice or a debit note"), number);
			return -1;
		}
		if (x->skip == 1)   /* already in the ledger: its document there */
			return x->ref;
		return (int)j;
	}
	t = ghost_row(im, number, 0, row->line);
	return t;
}

static int same_party(imp *im, const irow *row, const irow *t, const char *number)
{
	if (t->client_id != row->client_id) {
		imp_bad(im, row->line, _("%s belongs to another client"), number);
		return 0;
	}
	if (strcmp(t->cur, row->cur)) {
		imp_bad(im, row->line, _("%s is in %s, not %s"), number, t->cur, row->cur);
		return 0;
	}
	if (strcmp(t->date, row->date) > 0) {
		imp_bad(im, row->line, _("%s is dated %s, after this document's date %s"), number, t->date,
		    row->date);
		return 0;
	}
	return 1;
}

/* A debit note amends an invoice (or an open item carried over): not another note or charge. */
static int amends(imp *im, const irow *row, const irow *t, const char *number)
{
	doc_info d;
	cart_err e;

	if (t->type == T_INVOICE)
		return 1;
	if (t->skip == ROW_GHOST && ledger_document_get(im->c->l, t->doc_id, &d, &e) == CART_OK &&
	    d.type == DOC_OPENING)
		return 1;
	imp_bad(im, row->line, _("%s is not an invoice: a debit note amends an invoice"), number);
	return 0;
}

/* Rows are found by index: a ghost row appended meanwhile may move the array. */
static void check_credit_note(imp *im, size_t i)
{
	const char *number;
	char a[40], b[40];
	irow *row = &im->rows[i], *t;
	int ref;

	if (!row->nalloc)
		return;   /* on account */
	number = imp_str(im, im->alloc[row->alloc0].target);
	ref = target_row(im, row, number);
	row = &im->rows[i];
	if ((row->ref = ref) < 0)
		return;
	t = &im->rows[row->ref];
	if (!same_party(im, row, t, number))
		return;
	if (row->amount > t->open) {
		imp_money(im, row->amount, a, sizeof a);
		imp_money(im, t->open, b, sizeof b);
		imp_bad(im, row->line, _("the credit note is %s but %s has %s open"), a, number, b);
		return;
	}
	t->open -= row->amount;
	if (t->ninst) {   /* the model spreads a credit over instalments in their order */
		int64_t left = row->amount;

		for (int s = 0; s < t->ninst && left; s++) {
			iinst *in = &im->inst[t->inst0 + s];
			int64_t take = in->open < left ? in->open : left;

			in->open -= take;
			left -= take;
		}
	}
}

/* A receipt's allocations, or an apply row's (budget: what its credit has open). */
static void check_allocs(imp *im, size_t i, int64_t budget, int64_t *left_out)
{
	int64_t left = budget;
	char a[40], b[40];

	for (int k = 0; k < im->rows[i].nalloc; k++) {
		irow *row = &im->rows[i];
		ialloc *al = &im->alloc[row->alloc0 + k];
		const char *number = imp_str(im, al->target);
		int64_t open;
		irow *t;
		int ref = target_row(im, row, number);

		row = &im->rows[i];
		if ((al->row = ref) < 0)
			return;
		t = &im->rows[al->row];
		if (!same_party(im, row, t, number))
			return;
		open = t->open;
		if (al->seq) {
			if (t->skip == ROW_GHOST) {
				/* the model checks the instalment of a ledger document */
			} else if (al->seq > t->ninst) {
				imp_bad(im, row->line, _("%s has no instalment %d"), number, al->seq);
				return;
			} else {
				open = im->inst[t->inst0 + al->seq - 1].open;
			}
		}
		if (!al->amount)
			al->amount = open < left ? open : left;
		if (al->amount <= 0) {
			imp_bad(im, row->line, _("%s has nothing open to pay"), number);
			return;
		}
		if (al->amount > open) {
			imp_money(im, al->amount, a, sizeof a);
			imp_money(im, open, b, sizeof b);
			imp_bad(im, row->line, _("pays %s of %s, which has %s open"), a, number, b);
			return;
		}
		if (al->amount > left) {
			imp_money(im, budget, a, sizeof a);
			imp_bad(im, row->line, row->type == T_APPLY
			        ? _("the allocations add up to more than the %s its credit has open")
			        : _("the allocations add up to more than the receipt's %s"), a);
			return;
		}
		left -= al->amount;
		t->open -= al->amount;
		if (t->ninst && t->skip != ROW_GHOST) {
			int64_t rest = al->amount;

			if (al->seq)
				im->inst[t->inst0 + al->seq - 1].open -= rest;
			for (int s = 0; !al->seq && s < t->ninst && rest; s++) {
				iinst *in = &im->inst[t->inst0 + s];
				int64_t take = in->open < rest ? in->open : rest;

				in->open -= take;
				rest -= take;
			}
		}
	}
	*left_out = left;
}

static void check_receipt(imp *im, size_t i)
{
	int64_t left = 0;

	check_allocs(im, i, im->rows[i].amount, &left);
	im->rows[i].open = left;   /* the credit in favour it leaves */
}

/* An apply row: its credit (a receipt, advance or credit note of the file, before it) pays the
 * charges it names, up to what the credit has open. */
static void check_apply(imp *im, size_t i)
{
	irow *row = &im->rows[i], *cr;
	const char *number = imp_str(im, row->credit);
	int64_t j, left = 0;

	if (!imp_smap_get(im, &im->numbers, number, &j) || (size_t)j >= i) {
		imp_bad(im, row->line, _("the credit %s is not a document before this row in the file"),
		        number);
		return;
	}
	cr = &im->rows[j];
	if (cr->type != T_RECEIPT && cr->type != T_ADVANCE && cr->type != T_CREDIT) {
		imp_bad(im, row->line, _("%s is not a receipt, an advance or a credit note"), number);
		return;
	}
	if (cr->skip) {
		imp_bad(im, row->line, _("the credit %s is already in the ledger: apply it there"), number);
		return;
	}
	if (!same_party(im, row, cr, number))
		return;
	row->ref = (int)j;
	check_allocs(im, i, cr->open, &left);
	im->rows[j].open = left;
}

/* The legal numbers already in the ledger: those rows post nothing. */
static void check_legal(imp *im, size_t i)
{
	irow *row = &im->rows[i];
	legal_row k;
	int ref;
	cart_err e;
	char text[300];
	int n = 0;

	if (!row->legal)
		return;
	if (ledger_legal_find(im->c->l, LEGAL_EXACT, "", imp_kind_names[row->type], imp_str(im, row->legal),
	                      &k, 1, &n, &e) != CART_OK) {
		imp_bad(im, row->line, "%s", e.msg);
		return;
	}
	if (!n)
		return;
	row->skip = 1;
	im->r->skipped++;
	snprintf(text, sizeof text, _("%s %s (legal number %s) is already in the ledger as %s;"
	         " nothing posted for it"), imp_kind_names[row->type], imp_str(im, row->number),
	         imp_str(im, row->legal), k.doc_number);
	imp_add_to(im, &im->r->notes, row->line, text);
	/* rows naming it affect the ledger's document */
	if (row->type == T_INVOICE || row->type == T_DEBIT) {
		ref = ghost_row(im, imp_str(im, row->legal), k.doc_id, row->line);
		im->rows[i].ref = ref;
	}
}

void imp_check_file(imp *im, import_progress_fn progress, void *ud)
{
	size_t n = im->n;   /* ghost rows are appended past it */

	for (size_t i = 0; i < n && !im->nomem; i++) {
		check_legal(im, i);
		if (im->rows[i].type == T_INVOICE && !im->rows[i].skip)
			check_invoice(im, &im->rows[i]);
		else if (im->rows[i].type == T_DEBIT)
			im->rows[i].open = im->rows[i].amount;
	}
	/* charges are posted first: what credits them is played against them in file order */
	for (size_t i = 0; i < n && !im->nomem; i++) {
		irow *row = &im->rows[i];

		if (progress && i % 16384 == 0)
			progress(_("checking"), (long)i, (long)n, ud);
		if (row->skip)
			continue;
		if (row->type == T_CREDIT) {
			check_credit_note(im, i);
			im->rows[i].open = im->rows[i].nalloc ? 0 : im->rows[i].amount;
		} else if (row->type == T_ADVANCE) {
			row->open = row->amount;
		} else if (row->type == T_RECEIPT) {
			check_receipt(im, i);
		} else if (row->type == T_APPLY) {
			check_apply(im, i);
		}
		else if (row->type == T_DEBIT) {
			const char *number = imp_str(im, im->alloc[row->alloc0].target);
			int ref = target_row(im, row, number);

			row = &im->rows[i];
			if ((row->ref = ref) >= 0 && amends(im, row, &im->rows[ref], number))
				same_party(im, row, &im->rows[row->ref], number);
		}
	}
}

/* ---- posting ---- */

static int post_row(imp *im, irow *row, cart_err *e)
{
	ctl *c = im->c;
	posted p;
	int rc = CART_OK;

	if (row->type == T_INVOICE) {
		instalment_in inst[360];
		invoice_in in;

		memset(&in, 0, sizeof in);
		in.client_id = row->client_id;
		memcpy(in.date, row->date, DATE_LEN);
		memcpy(in.due_date, row->due, DATE_LEN);
		memcpy(in.currency, row->cur, 4);
		if (row->nlines) {
			in.lines = im->lines + row->line0;
			in.n_lines = row->nlines;
		} else {
			in.total = row->amount;
		}
		for (int i = 0; i < row->ninst; i++) {
			memcpy(inst[i].due_date, im->inst[row->inst0 + i].due, DATE_LEN);
			inst[i].amount = im->inst[row->inst0 + i].amount;
		}
		in.inst = row->ninst ? inst : NULL;
		in.n_inst = row->ninst;
		snprintf(in.reference, sizeof in.reference, "%s", imp_str(im, row->number));
		snprintf(in.memo, sizeof in.memo, "%s", imp_str(im, row->memo));
		rc = ledger_invoice_post(c->l, &in, &p, e);
		if (rc == CART_OK)
			im->r->entries++;
	} else if (row->type == T_DEBIT) {
		debit_note_in in;

		/* a debit note (ND) amending its invoice, not a journal charge */
		memset(&in, 0, sizeof in);
		in.invoice_id = im->rows[row->ref].doc_id;
		memcpy(in.date, row->date, DATE_LEN);
		memcpy(in.due_date, row->due, DATE_LEN);
		in.amount = row->amount;
		snprintf(in.reason, sizeof in.reason, "%s", imp_str(im, row->memo));
		snprintf(in.reference, sizeof in.reference, "%s", imp_str(im, row->number));
		rc = ledger_debit_note_post(c->l, &in, &p, e);
		if (rc == CART_OK)
			im->r->entries++;
	} else if (row->type == T_CREDIT) {
		credit_note_in in;

		memset(&in, 0, sizeof in);
		in.client_id = row->client_id;
		memcpy(in.date, row->date, DATE_LEN);
		memcpy(in.currency, row->cur, 4);
		in.amount = row->amount;
		in.against_entry_id = row->ref >= 0 ? im->rows[row->ref].entry : 0;
		snprintf(in.reason, sizeof in.reason, "%s%s%s", imp_str(im, row->number),
		         row->memo ? ": " : "", imp_str(im, row->memo));
		rc = ledger_credit_note_post(c->l, &in, &p, e);
		if (rc == CART_OK) {
			im->r->entries++;
			im->r->allocations += in.against_entry_id != 0;
		}
	} else if (row->type == T_APPLY) {
		const irow *cr = &im->rows[row->ref];
		doc_entry ent[8];
		alloc_in al[64], *alp = al;
		apply_in in;
		int n = 0;

		memset(&in, 0, sizeof in);
		/* the credit in favour its document left: the AA of a receipt or advance, the NC */
		if ((rc = ledger_document_entries(c->l, cr->doc_id, ent, 8, &n, e)) != CART_OK)
			return rc;
		for (int k = 0; k < n; k++)
			if (!strcmp(ent[k].code, "AA") || !strcmp(ent[k].code, "NC"))
				in.credit_entry_id = ent[k].entry_id;
		if (!in.credit_entry_id)
			return cart_fail(e, CART_REFUSED, _("%s left no credit in favour to apply"),
			                 imp_str(im, row->credit));
		if (row->nalloc > 64 && !(alp = malloc(sizeof *alp * (size_t)row->nalloc)))
			return cart_fail(e, CART_NOMEM, _("out of memory"));
		memcpy(in.date, row->date, DATE_LEN);
		for (int k = 0; rc == CART_OK && k < row->nalloc; k++) {
			const ialloc *a = &im->alloc[row->alloc0 + k];
			const irow *t = &im->rows[a->row];

			alp[k].charge_entry_id = t->entry;
			alp[k].amount = a->amount;
			alp[k].instalment_id = 0;
			in.amount += a->amount;
			if (a->seq)
				rc = ledger_instalment_id(c->l, t->entry, a->seq, &alp[k].instalment_id, e);
		}
		in.allocs = alp;
		in.n_allocs = row->nalloc;
		if (rc == CART_OK)
			rc = ledger_credit_apply(c->l, &in, &p, e);
		if (rc == CART_OK)
			im->r->allocations += row->nalloc;
		if (alp != al)
			free(alp);
	} else {
		alloc_in al[64], *alp = al;
		receipt_in in;
		int64_t sum = 0;

		if (row->nalloc > 64 && !(alp = malloc(sizeof *alp * (size_t)row->nalloc)))
			return cart_fail(e, CART_NOMEM, _("out of memory"));
		memset(&in, 0, sizeof in);
		in.client_id = row->client_id;
		memcpy(in.date, row->date, DATE_LEN);
		memcpy(in.currency, row->cur, 4);
		in.amount = row->amount;
		snprintf(in.method, sizeof in.method, "%s", imp_str(im, row->method));
		snprintf(in.reference, sizeof in.reference, "%s", imp_str(im, row->number));
		for (int k = 0; rc == CART_OK && k < row->nalloc; k++) {
			const ialloc *a = &im->alloc[row->alloc0 + k];
			const irow *t = &im->rows[a->row];

			alp[k].charge_entry_id = t->entry;
			alp[k].amount = a->amount;
			alp[k].instalment_id = 0;
			sum += a->amount;
			if (a->seq)
				rc = ledger_instalment_id(c->l, t->entry, a->seq, &alp[k].instalment_id, e);
		}
		in.allocs = row->nalloc ? alp : NULL;
		in.n_allocs = row->nalloc;
		in.no_auto = 1;
		in.leftover = LEFTOVER_CREDIT;
		if (rc == CART_OK)
			rc = ledger_receipt_post(c->l, &in, &p, e);
		if (rc == CART_OK) {
			im->r->entries += (sum > 0) + (row->amount > sum);
			im->r->allocations += row->nalloc;
		}
		if (alp != al)
			free(alp);
	}
	if (rc != CART_OK)
		return rc;
	row->doc_id = p.doc_id;
	row->entry = p.entry_id;
	im->r->documents++;
	if (row->legal) {
		legal_row k;

		memset(&k, 0, sizeof k);
		snprintf(k.kind, sizeof k.kind, "%s", imp_kind_names[row->type]);
		snprintf(k.number, sizeof k.number, "%s", imp_str(im, row->legal));
		k.part = 1;
		snprintf(k.digest, sizeof k.digest, "%s %lld %s", row->cur, (long long)row->amount,
		         row->date);
		snprintf(k.source, sizeof k.source, "%s:%ld", im->name, row->line);
		rc = ledger_legal_add(c->l, p.doc_id, &k, e);
	}
	return rc;
}

int imp_post_all(imp *im, int bulk, import_progress_fn progress, void *ud, cart_err *e)
{
	ledger *l = im->c->l;
	long done = 0, total = 0;
	int rc;

	for (size_t i = 0; i < im->n; i++)
		total += !im->rows[i].skip;
	rc = bulk ? ledger_bulk_begin(l, e) : ledger_begin(l, e);
	if (rc != CART_OK)
		return rc;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < im->n; i++) {
			irow *row = &im->rows[i];
			int charge = row->type == T_INVOICE || row->type == T_DEBIT;

			if (row->skip || charge != (pass == 0))
				continue;
			if ((rc = post_row(im, row, e)) != CART_OK) {
				char why[sizeof e->msg];

				snprintf(why, sizeof why, "%s", e->msg);
				if (bulk)
					ledger_bulk_abort(l);
				else
					ledger_rollback(l);
				imp_bad(im, row->line, "%s", why);
				im->r->documents = im->r->entries = im->r->allocations = 0;
				return cart_fail(e, rc == CART_NOMEM || rc == CART_DB || rc == CART_IO ||
				                 rc == CART_BUSY ? rc : CART_INVALID,
				                 _("%s: line %ld: %s; nothing was imported"), im->name,
				                 row->line, why);
			}
			if (progress && ++done % 8192 == 0)
				progress(_("posting"), done, total, ud);
		}
	if (progress)
		progress(bulk ? _("indexing") : _("posting"), done, total, ud);
	rc = bulk ? ledger_bulk_end(l, e) : ledger_commit(l, e);
	if (rc != CART_OK) {
		if (!bulk)
			ledger_rollback(l);
		im->r->documents = im->r->entries = im->r->allocations = 0;
	}
	return rc;
}

