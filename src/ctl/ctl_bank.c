/* Bank statements: see include/cartera/ctl_bank.h. The readers (src/bank) turn the file into
 * credit lines, the model keeps them and proposes a match for each; accepting a line posts its
 * receipt through the receipt form (ctl_receipt.c), the one way a receipt is posted. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ctl/ctl_int.h"
#include "model/ledger_bank.h"
#include "cartera/ctl_bank.h"
#include "cartera/ctl_safety.h"
#include "cartera/i18n.h"
#include "cartera/money.h"

enum { BANK_MAX_FILE = 256 * 1024 * 1024 };

static int read_all(const char *path, char **buf, size_t *len, cart_err *e)
{
	FILE *fp = fopen(path, "rb");
	struct stat st;

	*buf = NULL;
	*len = 0;
	if (!fp)
		return cart_fail(e, CART_IO, _("cannot open %s: %s"), path, strerror(errno));
	if (fstat(fileno(fp), &st) || !S_ISREG(st.st_mode) || st.st_size > BANK_MAX_FILE) {
		fclose(fp);
		return cart_fail(e, CART_INVALID, _("%s is not a statement file (a regular file of at"
		                 " most 256 MB)"), path);
	}
	if (!(*buf = malloc((size_t)st.st_size + 1))) {
		fclose(fp);
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	}
	*len = fread(*buf, 1, (size_t)st.st_size, fp);
	(*buf)[*len] = '\0';
	if (ferror(fp)) {
		fclose(fp);
		free(*buf);
		*buf = NULL;
		return cart_fail(e, CART_IO, _("cannot read %s"), path);
	}
	fclose(fp);
	return CART_OK;
}

int ctl_bank_csv_peek(const char *path, char *delimiter, char fields[][64], int max, int *n,
                      cart_err *e)
{
	char *buf;
	size_t len;
	int rc;

	*n = 0;
	if ((rc = read_all(path, &buf, &len, e)) != CART_OK)
		return rc;
	if (!*delimiter)
		*delimiter = bank_csv_guess_delimiter(buf, len);
	*n = bank_csv_first_record(buf, len, *delimiter, 0, fields, max);
	free(buf);
	return CART_OK;
}

static int delimiter_of(const char *text, char *out, cart_err *e)
{
	if (!strcmp(text, "tab") || !strcmp(text, "\t"))
		*out = '\t';
	else if (strlen(text) == 1 && strchr(",;|", text[0]))
		*out = text[0];
	else
		return cart_fail(e, CART_INVALID, _("--separator \"%s\": use , ; | or tab"), text);
	return CART_OK;
}

/* The profile the import uses: the saved one, changed by what was given (and then saved). */
static int csv_profile(ctl *c, int64_t account, const ctl_bank_import *a, const char *buf,
                       size_t len, bank_profile *p, int *saved, int *need, cart_err *e)
{
	int found, rc, given = (a->columns && *a->columns) || (a->delimiter && *a->delimiter) ||
		(a->decimal && *a->decimal) || (a->date_format && *a->date_format) || a->header >= 0;

	*saved = 0;
	if ((rc = ledger_bank_profile_get(c->l, account, p, &found, e)) != CART_OK)
		return rc;
	if (!found && !(a->columns && *a->columns)) {
		*need = 1;
		return cart_fail(e, CART_NOTFOUND, _("the bank account has no CSV layout yet: say which"
		                 " column holds what with --columns date=N,description=N,reference=N,"
		                 "amount=N (or debit=N,credit=N)"));
	}
	if (!given)
		return CART_OK;
	if (!found) {
		p->delimiter = 0;
		p->header = 1;
		p->dec_sep = c->co.fmt.dec_sep;
		snprintf(p->date_format, sizeof p->date_format, "dd/mm/yyyy");
	}
	if (a->delimiter && *a->delimiter) {
		if ((rc = delimiter_of(a->delimiter, &p->delimiter, e)) != CART_OK)
			return rc;
	} else if (!p->delimiter) {
		p->delimiter = bank_csv_guess_delimiter(buf, len);
	}
	if (a->decimal && *a->decimal) {
		if (strcmp(a->decimal, ".") && strcmp(a->decimal, ","))
			return cart_fail(e, CART_INVALID, _("--decimal \"%s\": use . or ,"), a->decimal);
		p->dec_sep = a->decimal[0];
	}
	if (a->date_format && *a->date_format)
		snprintf(p->date_format, sizeof p->date_format, "%s", a->date_format);
	if (a->header >= 0)
		p->header = a->header;
	if (a->columns && *a->columns) {
		char fields[64][64];
		const char *names[64];
		int n = p->header > 0 ? bank_csv_first_record(buf, len, p->delimiter, p->header - 1,
		                                              fields, 64) : 0;

		for (int i = 0; i < n; i++)
			names[i] = fields[i];
		if ((rc = bank_profile_columns(p, a->columns, names, n, e)) != CART_OK)
			return rc;
	}
	if ((rc = ledger_bank_profile_set(c->l, account, p, e)) != CART_OK)
		return rc;
	*saved = 1;
	return CART_OK;
}

/* "1000.50" (the readers' text) in the company's minor units; zeros past its decimals are fine,
 * other digits there are refused. */
static int line_amount(const ctl *c, const char *text, int64_t *out, cart_err *e)
{
	money_fmt f = { c->co.fmt.decimals, '.', 0 };
	char t[40];
	char *dot;

	snprintf(t, sizeof t, "%s", text);
	if ((dot = strchr(t, '.'))) {
		size_t n = strlen(t);

		while (n > (size_t)(dot - t) + 1 && t[n - 1] == '0' &&
		       n - (size_t)(dot - t) - 1 > (size_t)c->co.fmt.decimals)
			t[--n] = '\0';
		if (t[n - 1] == '.')
			t[n - 1] = '\0';
	}
	return money_parse(t, &f, out, e);
}

typedef struct certain_ids {
	int64_t *id;
	int n, cap;
} certain_ids;

static int collect_certain(const bank_line *ln, void *ud)
{
	certain_ids *x = ud;

	if (!ln->certain || ln->state != BANK_PROPOSED)
		return 0;
	if (x->n == x->cap) {
		int cap = x->cap ? x->cap * 2 : 32;
		int64_t *p = realloc(x->id, sizeof *p * (size_t)cap);

		if (!p)
			return 1;
		x->id = p;
		x->cap = cap;
	}
	x->id[x->n++] = ln->id;
	return 0;
}

int ctl_bank_import_file(ctl *c, const ctl_bank_import *a, ctl_bank_result *r, int *need_profile,
                         cart_err *e)
{
	bank_stmt st;
	bank_line_in *in = NULL;
	char *buf = NULL, acct_currency[4];
	size_t len;
	int64_t account = 0;
	int rc;

	memset(r, 0, sizeof *r);
	memset(&st, 0, sizeof st);
	*need_profile = 0;
	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		                 " 'cartera init' first"), c->path);
	if ((rc = read_all(a->path, &buf, &len, e)) != CART_OK)
		return rc;
	r->format = bank_format_sniff(buf, len);
	snprintf(acct_currency, sizeof acct_currency, "%s",
	         a->currency && *a->currency ? a->currency : c->co.currency);
	if (r->format == BANK_CSV) {
		bank_profile p;

		if (!a->account || !*a->account) {
			rc = cart_fail(e, CART_INVALID, _("a CSV statement needs its bank account: --account"
			               " NAME"));
			goto out;
		}
		if ((rc = ledger_bank_account(c->l, a->account, "", acct_currency, 1, &account,
		                              r->account, e)) ||
		    (rc = csv_profile(c, account, a, buf, len, &p, &r->profile_saved, need_profile, e)) ||
		    (rc = bank_read_csv(buf, len, &p, r->account, &st, e)))
			goto out;
	} else {
		rc = r->format == BANK_OFX ? bank_read_ofx(a->path, &st, e)
		                           : bank_read_camt(buf, len, &st, e);
		if (rc != CART_OK)
			goto out;
		/* the account whose lines these are (an OFX may open with an empty statement of
		 * another account) */
		if (st.n && st.lines[0].account[0])
			snprintf(st.account, sizeof st.account, "%s", st.lines[0].account);
		if (st.n && st.lines[0].currency[0])
			snprintf(acct_currency, sizeof acct_currency, "%s", st.lines[0].currency);
		else if (st.currency[0])
			snprintf(acct_currency, sizeof acct_currency, "%s", st.currency);
		if ((rc = ledger_bank_account(c->l, a->account ? a->account : "", st.account,
		                              acct_currency, 1, &account, r->account, e)))
			goto out;
	}
	if (rc != CART_OK)
		goto out;
	r->entries = st.entries;
	r->debits = st.debits;
	r->credits = st.n;
	snprintf(r->currency, sizeof r->currency, "%s", acct_currency);
	if (st.n && !(in = calloc((size_t)st.n, sizeof *in))) {
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
		goto out;
	}
	for (int i = 0; i < st.n; i++) {
		in[i].ln = &st.lines[i];
		if ((rc = line_amount(c, st.lines[i].amount, &in[i].amount, e)) != CART_OK) {
			cart_fail(e, rc, _("%s, line %s: %s"), a->path, st.lines[i].identity, e->msg);
			goto out;
		}
		snprintf(in[i].currency, sizeof in[i].currency, "%s",
		         st.lines[i].currency[0] ? st.lines[i].currency : acct_currency);
		if (!strcmp(in[i].currency, r->currency) &&
		    (rc = money_add(r->sum_credits, in[i].amount, &r->sum_credits, e)) != CART_OK)
			goto out;
	}
	if ((rc = ledger_bank_add(c->l, account, in, st.n, a->path, &r->added, &r->first_id,
	                          &r->proposed, &r->certain, e)))
		goto out;
	r->already = st.n - r->added;
	if (a->auto_exact && r->certain) {
		certain_ids x = { NULL, 0, 0 };

		rc = ledger_bank_lines(c->l, BANK_PROPOSED, 0, r->first_id, collect_certain, &x, e);
		for (int i = 0; rc == CART_OK && i < x.n; i++) {
			posted p;
			cart_err pe;
			bank_line ln;

			/* accepting one may have changed the next one's proposal */
			if (ledger_bank_line_get(c->l, x.id[i], &ln, &pe) != CART_OK || !ln.certain ||
			    ln.state != BANK_PROPOSED)
				continue;
			if (ctl_bank_accept(c, x.id[i], &p, &pe) == CART_OK)
				r->posted++;
			else if (!r->post_error[0])
				snprintf(r->post_error, sizeof r->post_error, _("line %lld: %s"),
				         (long long)x.id[i], pe.msg);
		}
		free(x.id);
	}
out:
	free(in);
	free(buf);
	bank_stmt_free(&st);
	return rc;
}

int ctl_bank_lines(ctl *c, int state, int unmatched, int (*cb)(const bank_line *ln, void *ud),
                   void *ud, cart_err *e)
{
	return ledger_bank_lines(c->l, state, unmatched, 0, cb, ud, e);
}

int ctl_bank_line(ctl *c, int64_t id, bank_line *ln, bank_alloc *docs, int max, int *n,
                  cart_err *e)
{
	int rc = ledger_bank_line_get(c->l, id, ln, e);

	if (n)
		*n = 0;
	if (rc == CART_OK && docs && max > 0)
		rc = ledger_bank_line_docs(c->l, id, docs, max, n, e);
	return rc;
}

int ctl_bank_line_ref(const char *text, int64_t *id, cart_err *e)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(text ? text : "", &end, 10);
	if (!text || !*text || *end || errno || v <= 0)
		return cart_fail(e, CART_INVALID, _("\"%s\" is not a bank line's number"),
		                 text ? text : "");
	*id = v;
	return CART_OK;
}

int ctl_bank_form(ctl *c, int64_t id, const char *client_ref, ctl_receipt_form *f, cart_err *e)
{
	bank_line ln;
	bank_alloc docs[64];
	char ref[32], amount[48];
	int n = 0, rc, proposed;

	memset(f, 0, sizeof *f);
	if ((rc = ctl_bank_line(c, id, &ln, docs, 64, &n, e)) != CART_OK)
		return rc;
	if (ln.state == BANK_ACCEPTED)
		return cart_fail(e, CART_REFUSED, _("bank line %lld was already accepted as %s"),
		                 (long long)id, ln.receipt);
	proposed = !client_ref || !*client_ref;
	if (proposed && !ln.client_id)
		return cart_fail(e, CART_INVALID, _("bank line %lld has no client proposed: choose the"
		                 " client"), (long long)id);
	snprintf(ref, sizeof ref, "%lld", (long long)ln.client_id);
	if ((rc = ctl_rform_load(c, f, proposed ? ref : client_ref, ln.date, ln.currency, e)))
		return rc;
	if (!proposed && f->cl.id == ln.client_id)
		proposed = 1;
	ctl_money(c, ln.amount, amount, sizeof amount);
	if ((rc = ctl_rform_add_means(f, "transfer", amount, ln.account, ln.reference, NULL, e)))
		goto fail;
	for (int j = 0; proposed && j < n; j++)
		for (int i = 0; i < f->n; i++) {
			char v[48];

			if (f->rows[i].it.entry_id != docs[j].entry_id ||
			    f->rows[i].it.instalment_id != docs[j].instalment_id)
				continue;
			ctl_money(c, docs[j].amount < f->rows[i].it.open ? docs[j].amount
			          : f->rows[i].it.open, v, sizeof v);
			if ((rc = ctl_rform_set_row(f, i, v, e)) != CART_OK)
				goto fail;
		}
	snprintf(f->reference, sizeof f->reference, "%.63s", ln.reference[0] ? ln.reference
	         : ln.identity);
	return CART_OK;
fail:
	ctl_rform_free(f);
	return rc;
}

int ctl_bank_post_form(ctl *c, int64_t id, ctl_receipt_form *f, posted *out, cart_err *e)
{
	char key[64];
	bank_line ln;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = ledger_bank_line_get(c->l, id, &ln, e)) != CART_OK)
		return rc;
	if (ln.state == BANK_ACCEPTED)
		return cart_fail(e, CART_REFUSED, _("bank line %lld was already accepted as %s"),
		                 (long long)id, ln.receipt);
	/* the line's own key: a retry after a failure between the two writes replays the receipt */
	snprintf(key, sizeof key, "bank-line:%lld", (long long)id);
	if ((rc = ctl_set_key(c, key, e)) != CART_OK)
		return rc;
	rc = ctl_rform_post(f, out, e);
	ctl_set_key(c, NULL, CART_IGNORED);
	if (rc != CART_OK)
		return rc;
	return ledger_bank_accepted(c->l, id, out->doc_id, e);
}

int ctl_bank_accept(ctl *c, int64_t id, posted *out, cart_err *e)
{
	ctl_receipt_form f;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = ctl_bank_form(c, id, NULL, &f, e)) != CART_OK)
		return rc;
	rc = ctl_bank_post_form(c, id, &f, out, e);
	ctl_rform_free(&f);
	return rc;
}

int ctl_bank_set_state(ctl *c, int64_t id, int state, cart_err *e)
{
	return ledger_bank_set_state(c->l, id, state, e);
}

typedef struct rpt_ctx {
	report *r;
	int all;
} rpt_ctx;

static int report_line_cb(const bank_line *ln, void *ud)
{
	rpt_ctx *x = ud;
	report *r = x->r;

	report_row(r, RPT_ROW_DATA, ln->currency);
	rpt_int(r, ln->id, 0);
	rpt_date(r, ln->date);
	rpt_text(r, ln->account);
	rpt_amount(r, ln->amount, ln->currency, 0);
	rpt_text(r, ln->currency);
	rpt_text(r, ln->description);
	rpt_text(r, ln->reference);
	rpt_text(r, ln->payer);
	rpt_text(r, ln->state == BANK_LATER ? _("later") : _("waiting"));
	if (x->all) {
		rpt_text(r, ln->client_name);
		rpt_int(r, ln->confidence, 0);
		rpt_text(r, ln->why);
	}
	report_row_end(r);
	return 0;
}

int ctl_bank_report(ctl *c, int all, report *r, cart_err *e)
{
	rpt_ctx x = { r, all };
	int rc;

	report_title(r, all ? _("Bank lines waiting") : _("Bank lines nobody matched"));
	report_table(r, NULL);
	report_col(r, "line", _("Line"), RPT_INT, RPT_RIGHT, 6, 4);
	report_col(r, "date", _("Date"), RPT_DATE, RPT_LEFT, 10, 10);
	report_col(r, "account", _("Account"), RPT_TEXT, RPT_LEFT, 12, 6);
	report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, 14, 14);
	report_col(r, "currency", _("Cur."), RPT_TEXT, RPT_LEFT, 4, 4);
	report_col(r, "description", _("Description"), RPT_TEXT, RPT_LEFT, 30, 12);
	report_col(r, "reference", _("Reference"), RPT_TEXT, RPT_LEFT, 14, 8);
	report_col(r, "payer", _("Payer"), RPT_TEXT, RPT_LEFT, 16, 8);
	report_col(r, "state", _("State"), RPT_TEXT, RPT_LEFT, 9, 6);
	if (all) {
		report_col(r, "client", _("Client"), RPT_TEXT, RPT_LEFT, 20, 8);
		report_col(r, "confidence", _("Conf."), RPT_INT, RPT_RIGHT, 5, 5);
		report_col(r, "why", _("Why"), RPT_TEXT, RPT_LEFT, 40, 12);
	}
	report_currency_col(r, 4);
	rc = ledger_bank_lines(c->l, -1, !all, 0, report_line_cb, &x, e);
	if (rc == CART_OK)
		rc = report_finish(r, e);
	return rc;
}
