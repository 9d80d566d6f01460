/* Statement of account of one client (SPEC R1, seed 000): every entry with its running balance,
 * the open documents with days overdue and pending instalments, and the client's aging, as of
 * any date, with the filters a clerk uses (document type and number, dates, due dates, days
 * overdue, status, aging range). The running balance is always the account's own: a filter hides
 * lines, it never changes what the client owes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "cartera/i18n.h"
#include "cartera/reports.h"
#include "model/ledger_voided.h"

#define AMT_W 14

int rpt_amount_width(const company *co, int64_t largest, int min)
{
	char buf[48];
	int n = money_format(largest < 0 ? largest : -largest, &co->fmt, buf, sizeof buf);

	return n > min ? n : min;
}

void stmt_filter_init(stmt_filter *f)
{
	memset(f, 0, sizeof *f);
	f->doc_type = -1;
	f->min_days = -1;
	f->max_days = -1;
	f->range = -1;
}

int stmt_status_parse(const char *text, int *bits, cart_err *e)
{
	static const struct { const char *name; int bit; } names[] = {
		{ "paid", STMT_PAID }, { "partly", STMT_PARTLY }, { "partly-paid", STMT_PARTLY },
		{ "open", STMT_OPEN }, { "overdue", STMT_OVERDUE },
	};
	const char *p = text;

	*bits = 0;
	while (*p) {
		size_t n = strcspn(p, ",");
		int found = 0;

		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strlen(names[i].name) == n && !strncmp(p, names[i].name, n)) {
				*bits |= names[i].bit;
				found = 1;
			}
		if (!found)
			return cart_fail(e, CART_INVALID,
			                 _("status \"%.*s\": use paid, partly, open or overdue"), (int)n, p);
		p += n;
		if (*p == ',')
			p++;
	}
	return *bits ? CART_OK : cart_fail(e, CART_INVALID, _("status: name at least one"));
}

void rpt_range_name(const company *co, int k, char *buf, size_t size)
{
	if (k == 0)
		snprintf(buf, size, "%s", _("Not due"));
	else if (k <= co->n_ranges)
		snprintf(buf, size, "%d-%d", k == 1 ? 1 : co->ranges[k - 2] + 1, co->ranges[k - 1]);
	else
		snprintf(buf, size, _("Over %d"), co->ranges[co->n_ranges - 1]);
}

void rpt_range_key(const company *co, int k, char *buf, size_t size)
{
	if (k == 0)
		snprintf(buf, size, "not_due");
	else if (k <= co->n_ranges)
		snprintf(buf, size, "%d-%d", k == 1 ? 1 : co->ranges[k - 2] + 1, co->ranges[k - 1]);
	else
		snprintf(buf, size, "over_%d", co->ranges[co->n_ranges - 1]);
}

int stmt_range_parse(const company *co, const char *text, int *range, cart_err *e)
{
	char name[32];
	char *end;
	long v;

	if (!strcmp(text, "notdue") || !strcmp(text, "not-due")) {
		*range = 0;
		return CART_OK;
	}
	for (int k = 1; k <= co->n_ranges + 1; k++) {
		rpt_range_name(co, k, name, sizeof name);
		if (!strcmp(text, name)) {
			*range = k;
			return CART_OK;
		}
		if (k == co->n_ranges + 1) {
			snprintf(name, sizeof name, "over%d", co->ranges[co->n_ranges - 1]);
			if (!strcmp(text, name)) {
				*range = k;
				return CART_OK;
			}
		}
	}
	v = strtol(text, &end, 10);
	if (*text && !*end && v >= 0 && v <= co->n_ranges + 1) {
		*range = (int)v;
		return CART_OK;
	}
	rpt_range_name(co, 1, name, sizeof name);
	return cart_fail(e, CART_INVALID,
	                 _("aging range \"%s\": use notdue, %s, ... over%d (the company's ranges) or "
	                   "0 to %d"), text, name, co->ranges[co->n_ranges - 1], co->n_ranges + 1);
}

/* The aging range of days overdue (0 = not due). */
static int bucket_of(const company *co, int days)
{
	if (days <= 0)
		return 0;
	for (int k = 0; k < co->n_ranges; k++)
		if (days <= co->ranges[k])
			return k + 1;
	return co->n_ranges + 1;
}

/* The document type of a number: its prefix ("FAC-000012" is an invoice). */
static int type_of_number(const char *number)
{
	static const char *const prefix[] = {
#define X(id, name, pfx) pfx,
		DOC_TYPES(X)
#undef X
	};
	size_t n = strcspn(number, "-");

	for (int i = 0; i < DOC_NTYPES; i++)
		if (strlen(prefix[i]) == n && !strncmp(number, prefix[i], n))
			return i;
	return -1;
}

const char *rpt_code_text(const char *code)
{
	static const struct { const char *code, *text; } t[] = {
		{ "CSI", N_("Opening balance") }, { "CF", N_("Invoice") },
		{ "CPD", N_("Journal charge") }, { "CGC", N_("Reimbursable expenses") },
		{ "ASI", N_("Opening balance credit") }, { "AA", N_("Advance") },
		{ "APF", N_("Payment") }, { "APD", N_("Journal credit") }, { "NC", N_("Credit note") },
		{ "ND", N_("Debit note") },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(code, t[i].code))
			return _(t[i].text);
	return code;
}

/* ---- what is open, per entry ---- */

typedef struct open_sum {
	int64_t entry_id;
	int64_t open;
	int days;            /* most days overdue of its open instalments */
	char due[DATE_LEN];  /* the earliest due date of its open instalments */
} open_sum;

typedef struct st {
	ctl *c;
	const stmt_filter *f;
	report *r;
	char asof[DATE_LEN];
	open_item *items;
	int nitems, capitems;
	open_sum *sums;
	int nsums;
	/* movements, one table per currency */
	char curs[LEDGER_MAX_CURRENCIES][4];
	int ncurs;
	int64_t last_balance[LEDGER_MAX_CURRENCIES];
	int64_t charges[LEDGER_MAX_CURRENCIES], credits[LEDGER_MAX_CURRENCIES];
	int64_t forward[LEDGER_MAX_CURRENCIES];
	int64_t running;     /* the Balance column: where the lines shown have brought it */
	int shown[LEDGER_MAX_CURRENCIES];
	int aw;              /* amount columns' width */
	const char *cur;     /* the currency being written */
	int k;
	int fail;
	int64_t last_doc;    /* the document of the line written last */
} st;

static int collect_item(const open_item *it, void *ud)
{
	st *s = ud;

	if (s->nitems == s->capitems) {
		int cap = s->capitems ? s->capitems * 2 : 64;
		open_item *n = realloc(s->items, sizeof *n * (size_t)cap);

		if (!n) {
			s->fail = 1;
			return 1;
		}
		s->items = n;
		s->capitems = cap;
	}
	s->items[s->nitems++] = *it;
	return 0;
}

static int cmp_sum(const void *a, const void *b)
{
	const open_sum *x = a, *y = b;

	return (x->entry_id > y->entry_id) - (x->entry_id < y->entry_id);
}

static int build_sums(st *s)
{
	if (!s->nitems)
		return 0;
	s->sums = malloc(sizeof *s->sums * (size_t)s->nitems);
	if (!s->sums)
		return -1;
	for (int i = 0; i < s->nitems; i++) {
		s->sums[i].entry_id = s->items[i].entry_id;
		s->sums[i].open = s->items[i].open;
		s->sums[i].days = s->items[i].days_overdue;
		snprintf(s->sums[i].due, sizeof s->sums[i].due, "%s", s->items[i].due_date);
	}
	qsort(s->sums, (size_t)s->nitems, sizeof *s->sums, cmp_sum);
	s->nsums = 0;
	for (int i = 0; i < s->nitems; i++) {
		if (s->nsums && s->sums[s->nsums - 1].entry_id == s->sums[i].entry_id) {
			open_sum *o = &s->sums[s->nsums - 1];

			o->open += s->sums[i].open;
			if (s->sums[i].days > o->days)
				o->days = s->sums[i].days;
			if (strcmp(s->sums[i].due, o->due) < 0)
				memcpy(o->due, s->sums[i].due, sizeof o->due);
		} else {
			s->sums[s->nsums++] = s->sums[i];
		}
	}
	return 0;
}

static const open_sum *sum_of(const st *s, int64_t entry_id)
{
	open_sum key = { entry_id, 0, 0, "" };

	return s->nsums ? bsearch(&key, s->sums, (size_t)s->nsums, sizeof key, cmp_sum) : NULL;
}

static int status_of(int64_t amount, int64_t open, int days)
{
	if (open == 0)
		return STMT_PAID;
	if (days > 0)
		return STMT_OVERDUE;
	return open < amount ? STMT_PARTLY : STMT_OPEN;
}

/* A charge's status as of the statement's date, for people (issue 16): paid, partly paid (and
 * not yet due), due (nothing paid, not yet due), overdue (something open past its due date,
 * partly paid or not), or voided (a void took it back: "paid" would be wrong). */
static const char *status_text(ctl *c, const stmt_line *ln, int64_t open, int days)
{
	int stat = status_of(ln->charge, open, days);
	void_info vi;

	if (stat == STMT_PAID && ledger_void_info(c->l, ln->doc_id, &vi, CART_IGNORED) == CART_OK &&
	    vi.number[0] && strcmp(vi.number, ln->number))
		return _(NC_("status", "Voided"));
	switch (stat) {
	case STMT_PAID: return _(NC_("status", "Paid"));
	case STMT_PARTLY: return _(NC_("status", "Partly paid"));
	case STMT_OPEN: return _(NC_("status", "Due"));
	default: return _(NC_("status", "Overdue"));
	}
}

/* What a status filter matches: the status, and "partly paid" too for an overdue document of
 * which something was paid (issue 16: --status partly dropped those). */
static int status_mask(int64_t amount, int64_t open, int days)
{
	int bits = status_of(amount, open, days);

	if (bits == STMT_OVERDUE && open > 0 && open < amount)
		bits |= STMT_PARTLY;
	return bits;
}

/* Does a line or open document pass the filters? open < 0: not known (nothing open). */
static int keep(const st *s, const char *number, const char *date, const char *due, int status,
                int days, int is_open)
{
	const stmt_filter *f = s->f;

	if (f->doc_type >= 0 && type_of_number(number) != f->doc_type)
		return 0;
	if (f->number[0] && !strstr(number, f->number))
		return 0;
	if (f->from[0] && strcmp(date, f->from) < 0)
		return 0;
	if (f->to[0] && strcmp(date, f->to) > 0)
		return 0;
	if ((f->due_from[0] || f->due_to[0]) && !due[0])
		return 0;
	if (f->due_from[0] && strcmp(due, f->due_from) < 0)
		return 0;
	if (f->due_to[0] && strcmp(due, f->due_to) > 0)
		return 0;
	if (f->status && !(f->status & status))
		return 0;
	if ((f->min_days >= 0 || f->max_days >= 0 || f->range >= 0) && !is_open)
		return 0;
	if (f->min_days >= 0 && days < f->min_days)
		return 0;
	if (f->max_days >= 0 && days > f->max_days)
		return 0;
	if (f->range >= 0 && bucket_of(&s->c->co, days) != f->range)
		return 0;
	return 1;
}

/* ---- movements ---- */

/* A filter other than the dates hides lines within the dates: the Balance column then adds up
 * the lines shown from zero (the account's balance is in the notes), so the column and the
 * total row agree with what is on the page. A date range alone starts from the balance brought
 * forward and ends on the account's balance at its last date. */
static int hides_lines(const stmt_filter *f)
{
	return f->doc_type >= 0 || f->number[0] || f->due_from[0] || f->due_to[0] || f->status ||
	       f->min_days >= 0 || f->max_days >= 0 || f->range >= 0;
}

static int cur_index(st *s, const char *cur)
{
	for (int k = 0; k < s->ncurs; k++)
		if (!strcmp(s->curs[k], cur))
			return k;
	if (s->ncurs == LEDGER_MAX_CURRENCIES)
		return -1;
	snprintf(s->curs[s->ncurs], 4, "%s", cur);
	return s->ncurs++;
}

/* The documents a credit paid by the as-of date, net of what voids gave back: "FAC-000095,
 * FAC-000102" (issue 16: which documents a payment paid). */
static void paid_list(st *s, int64_t doc_id, char *out, size_t size)
{
	enum { MAX_PAID = 200 };
	doc_alloc *a = malloc(sizeof *a * MAX_PAID);
	char seen[32][32];
	int64_t net[32];
	int n = 0, nseen = 0;
	size_t len = 0;

	out[0] = '\0';
	if (!a || ledger_document_allocations(s->c->l, doc_id, a, MAX_PAID, &n, CART_IGNORED) != CART_OK)
		n = 0;
	for (int i = 0; i < n; i++) {
		int k;

		/* a void's own pairing with the entry it reverses paid nothing */
		if (a[i].paid_by || a[i].type == DOC_VOID || strcmp(a[i].date, s->asof) > 0)
			continue;
		for (k = 0; k < nseen && strcmp(seen[k], a[i].number); k++)
			;
		if (k == nseen) {
			if (nseen == 32)
				continue;
			snprintf(seen[nseen], sizeof seen[0], "%s", a[i].number);
			net[nseen++] = 0;
		}
		net[k] += a[i].amount;
	}
	for (int k = 0; k < nseen; k++) {
		int w;

		if (net[k] <= 0)
			continue;
		w = snprintf(out + len, size - len, "%s%s", len ? ", " : "", seen[k]);
		if (w < 0 || (size_t)w >= size - len) {
			out[len] = '\0';
			break;
		}
		len += (size_t)w;
	}
	free(a);
}

static int line_row(const stmt_line *ln, void *ud)
{
	st *s = ud;
	report *r = s->r;
	const open_sum *o;
	char desc[256];
	int status, days = 0, is_open = 0;
	int64_t amount = ln->charge ? ln->charge : ln->credit;

	if (strcmp(ln->currency, s->cur))
		return 0;
	o = sum_of(s, ln->entry_id);
	if (o) {
		is_open = 1;
		days = o->days;
	}
	status = status_mask(amount, o ? o->open : 0, days);
	if (!keep(s, ln->number, ln->date, ln->due_date, status, days, is_open))
		return 0;
	if (ln->reversal) {
		void_info vi;

		/* who voided it, and why: the void document's clerk and reason */
		if (ledger_void_info(s->c->l, ln->doc_id, &vi, CART_IGNORED) == CART_OK && vi.number[0])
			snprintf(desc, sizeof desc, _("Void of %s by %s: %s"), vi.voided, vi.clerk,
			         vi.reason);
		else
			snprintf(desc, sizeof desc, "%s: %s", _("Void"), rpt_code_text(ln->code));
	}
	else {
		char what[160], paid[200] = "";
		size_t n;

		if (ln->amends[0])
			/* TRANSLATORS: a debit note's line: "Debit note on FAC-000012" */
			snprintf(what, sizeof what, _("%s on %s"), rpt_code_text(ln->code), ln->amends);
		else
			snprintf(what, sizeof what, "%s", rpt_code_text(ln->code));
		/* a credit names what it paid, once per document (a receipt's first line) */
		if (ln->credit && ln->doc_id != s->last_doc)
			paid_list(s, ln->doc_id, paid, sizeof paid);
		n = (size_t)snprintf(desc, sizeof desc, "%s", what);
		if (paid[0] && n < sizeof desc)
			n += (size_t)snprintf(desc + n, sizeof desc - n, ": %s", paid);
		if (ln->memo[0] && n < sizeof desc)
			snprintf(desc + n, sizeof desc - n, " — %s", ln->memo);
	}
	s->last_doc = ln->doc_id;
	report_row(r, RPT_ROW_DATA, NULL);
	rpt_date(r, ln->date);
	rpt_text(r, ln->number);
	rpt_text(r, desc);
	/* a charge's order reference, due date and status; a credit or a void's line has none */
	if (ln->charge && !ln->reversal) {
		rpt_text(r, ln->reference);
		rpt_date(r, o && o->due[0] ? o->due : ln->due_date);
		rpt_text(r, status_text(s->c, ln, o ? o->open : 0, days));
	} else {
		rpt_empty(r);
		rpt_empty(r);
		rpt_empty(r);
	}
	if (ln->charge)
		rpt_amount(r, ln->charge, ln->currency, 0);
	else
		rpt_empty(r);
	if (ln->credit)
		rpt_amount(r, ln->credit, ln->currency, 0);
	else
		rpt_empty(r);
	/* the lines shown add up: with nothing hidden this is the ledger's own running balance */
	s->running += ln->charge - ln->credit;
	rpt_amount(r, s->running, ln->currency, 0);
	report_row_end(r);
	s->charges[s->k] += ln->charge;
	s->credits[s->k] += ln->credit;
	s->shown[s->k]++;
	return 0;
}

static int movements(st *s, int64_t client_id, cart_err *e)
{
	report *r = s->r;
	balance b[LEDGER_MAX_CURRENCIES];
	int nb = 0, rc;

	/* the currencies and final balances, and the balance brought forward, from the ledger's
	 * balance (a covering index), so the lines are read once per currency */
	if ((rc = ledger_balance(s->c->l, client_id, s->asof, b, &nb, e)) != CART_OK)
		return rc;
	s->aw = AMT_W;
	for (int i = 0; i < nb; i++) {
		int k = cur_index(s, b[i].currency);

		if (k >= 0)
			s->last_balance[k] = b[i].balance;
		s->aw = rpt_amount_width(&s->c->co, b[i].charges > b[i].credits ? b[i].charges : b[i].credits,
		                         s->aw);
	}
	if (s->f->from[0]) {
		date_t d;
		char before[DATE_LEN];

		if (date_parse(s->f->from, &d, e) != CART_OK)
			return e->code;
		date_format(date_add_days(d, -1), before);
		if (date_valid(before) &&
		    (rc = ledger_balance(s->c->l, client_id, before, b, &nb, e)) != CART_OK)
			return rc;
		for (int i = 0; date_valid(before) && i < nb; i++) {
			int k = cur_index(s, b[i].currency);

			if (k >= 0)
				s->forward[k] = b[i].balance;
		}
	}
	for (int k = 0; k < s->ncurs; k++) {
		char title[128];

		if (s->ncurs > 1)
			snprintf(title, sizeof title, "%s (%s)", _("Movements"), s->curs[k]);
		else
			snprintf(title, sizeof title, "%s", _("Movements"));
		report_table(r, title);
		report_col(r, "date", _("Date"), RPT_DATE, RPT_LEFT, 10, 10);
		report_col(r, "document", _("Document"), RPT_TEXT, RPT_LEFT, 12, 10);
		/* wide enough on a 132-column printer for who voided a line and why; at its narrowest
		 * still readable ("Anulación de FAC-000002") */
		report_col(r, "description", _("Description"), RPT_TEXT, RPT_LEFT, 44, 24);
		/* Issue 16: a charge's order reference, due date (its earliest open instalment's
		 * while something is open) and status as of the statement's date. PDF, 132 columns,
		 * XLSX, CSV, JSON and the screen carry all three; 80-column paper cannot hold them
		 * beside a readable description and three amounts, so there they are left out, the
		 * order reference first, then the status, then the due date, as far as needed (the
		 * open documents below still give every open charge's due date and days overdue).
		 * An amount is never cut. */
		report_col(r, "order_ref", _("Order ref."), RPT_TEXT, RPT_LEFT, 12, 10);
		report_col_drop(r, 1);
		report_col(r, "due_date", _("Due date"), RPT_DATE, RPT_LEFT, 10, 10);
		report_col_drop(r, 3);
		report_col(r, "status", _("Status"), RPT_TEXT, RPT_LEFT, 11, 11);
		report_col_drop(r, 2);
		report_col(r, "charge", _("Charge"), RPT_AMOUNT, RPT_RIGHT, s->aw, s->aw);
		report_col(r, "credit", _("Credit"), RPT_AMOUNT, RPT_RIGHT, s->aw, s->aw);
		report_col(r, "balance", _("Balance"), RPT_AMOUNT, RPT_RIGHT, s->aw, s->aw);
		report_running_col(r, "balance", "charge", "credit");   /* spreadsheet formulas */
		s->running = hides_lines(s->f) ? 0 : s->forward[k];
		if (s->f->from[0] && !hides_lines(s->f)) {
			report_row(r, RPT_ROW_DATA, NULL);
			rpt_date(r, NULL);
			rpt_text(r, "");
			rpt_text(r, _("Balance brought forward"));
			rpt_empty(r);
			rpt_empty(r);
			rpt_empty(r);
			rpt_empty(r);
			rpt_empty(r);
			rpt_amount(r, s->forward[k], s->curs[k], 0);
			report_row_end(r);
		}
		s->cur = s->curs[k];
		s->k = k;
		if ((rc = ledger_statement(s->c->l, client_id, s->asof, line_row, s, e)) != CART_OK)
			return rc;
		report_row(r, RPT_ROW_TOTAL, NULL);
		rpt_empty(r);
		rpt_text(r, _("Total"));
		rpt_text(r, s->curs[k]);
		rpt_empty(r);
		rpt_empty(r);
		rpt_empty(r);
		rpt_amount(r, s->charges[k], s->curs[k], RPT_F_SUM);
		rpt_amount(r, s->credits[k], s->curs[k], RPT_F_SUM);
		rpt_amount(r, s->running, s->curs[k], 0);
		report_row_end(r);
	}
	return CART_OK;
}

/* ---- open documents and aging ---- */

/* One currency's open charges or credits in favour (credit 1), both printed positive: a credit
 * in favour is money the company owes back, listed apart from what the client owes. */
static void open_rows(st *s, int credit, char (*curs)[4], int ncurs)
{
	report *r = s->r;

	for (int k = 0; k < ncurs; k++) {
		int64_t tot = 0, amt = 0;
		int any = 0;

		for (int i = 0; i < s->nitems; i++) {
			const open_item *it = &s->items[i];
			int status = status_mask(it->amount, it->open, it->days_overdue);

			if ((it->side == 'C') != credit || strcmp(it->currency, curs[k]) ||
			    !keep(s, it->number, it->date, credit ? "" : it->due_date, status,
			          it->days_overdue, 1))
				continue;
			report_row(r, RPT_ROW_DATA, NULL);
			rpt_text(r, it->number);
			rpt_date(r, it->date);
			if (!credit) {
				rpt_date(r, it->due_date);
				if (it->instalment_no)
					rpt_int(r, it->instalment_no, 0);
				else
					rpt_empty(r);
				rpt_int(r, it->days_overdue, 0);
			}
			rpt_text(r, it->currency);
			rpt_amount(r, it->amount, it->currency, 0);
			rpt_amount(r, it->open, it->currency, 0);
			report_row_end(r);
			tot += it->open;
			amt += it->amount;
			any = 1;
		}
		if (any) {
			char label[64];

			snprintf(label, sizeof label, "%s %s", _("Total"), curs[k]);
			report_row(r, RPT_ROW_TOTAL, curs[k]);
			rpt_text(r, label);
			rpt_empty(r);
			if (!credit) {
				rpt_empty(r);
				rpt_empty(r);
				rpt_empty(r);
			}
			rpt_text(r, curs[k]);
			rpt_amount(r, amt, curs[k], RPT_F_SUM);
			rpt_amount(r, tot, curs[k], RPT_F_SUM);
			report_row_end(r);
		}
	}
}

static void open_documents(st *s)
{
	report *r = s->r;
	char curs[LEDGER_MAX_CURRENCIES][4];
	int ncurs = 0, credits = 0;

	for (int i = 0; i < s->nitems; i++) {
		int k;

		credits |= s->items[i].side == 'C';
		for (k = 0; k < ncurs && strcmp(curs[k], s->items[i].currency); k++)
			;
		if (k == ncurs && ncurs < LEDGER_MAX_CURRENCIES)
			snprintf(curs[ncurs++], 4, "%s", s->items[i].currency);
	}
	report_table(r, _("Open documents"));
	report_col(r, "document", _("Document"), RPT_TEXT, RPT_LEFT, 12, 10);
	report_col(r, "date", _("Date"), RPT_DATE, RPT_LEFT, 10, 10);
	report_col(r, "due_date", _("Due date"), RPT_DATE, RPT_LEFT, 10, 10);
	report_col(r, "instalment", _("Inst."), RPT_INT, RPT_RIGHT, 5, 5);
	report_col(r, "days_overdue", _("Days"), RPT_INT, RPT_RIGHT, 5, 5);
	report_col(r, "currency", _("Cur."), RPT_TEXT, RPT_LEFT, 4, 4);
	report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, s->aw, s->aw);
	report_col(r, "open", _(NC_("column", "Open")), RPT_AMOUNT, RPT_RIGHT, s->aw, s->aw);
	report_currency_col(r, 5);
	open_rows(s, 0, curs, ncurs);
	if (!credits)
		return;
	report_table(r, _("Credits in favour"));
	report_col(r, "document", _("Document"), RPT_TEXT, RPT_LEFT, 12, 10);
	report_col(r, "date", _("Date"), RPT_DATE, RPT_LEFT, 10, 10);
	report_col(r, "currency", _("Cur."), RPT_TEXT, RPT_LEFT, 4, 4);
	report_col(r, "amount", _("Amount"), RPT_AMOUNT, RPT_RIGHT, s->aw, s->aw);
	report_col(r, "left", _(NC_("column", "Left")), RPT_AMOUNT, RPT_RIGHT, s->aw, s->aw);
	report_currency_col(r, 2);
	open_rows(s, 1, curs, ncurs);
}

static void client_aging(st *s)
{
	const company *co = &s->c->co;
	report *r = s->r;
	int nb = co->n_ranges + 2;
	int64_t b[LEDGER_MAX_CURRENCIES][LEDGER_MAX_RANGES + 2], cr[LEDGER_MAX_CURRENCIES];
	char curs[LEDGER_MAX_CURRENCIES][4], name[32], key[32];
	int ncurs = 0, aw = s->aw > AMT_W ? s->aw : AMT_W - 1;

	memset(b, 0, sizeof b);
	memset(cr, 0, sizeof cr);
	for (int i = 0; i < s->nitems; i++) {
		const open_item *it = &s->items[i];
		int k;

		for (k = 0; k < ncurs && strcmp(curs[k], it->currency); k++)
			;
		if (k == ncurs && ncurs < LEDGER_MAX_CURRENCIES)
			snprintf(curs[ncurs++], 4, "%s", it->currency);
		if (k == ncurs)
			continue;
		if (it->side == 'C')
			cr[k] += it->open;
		else
			b[k][bucket_of(co, it->days_overdue)] += it->open;
	}
	if (!ncurs)
		return;
	report_table(r, _("Aging"));
	report_col(r, "currency", _("Cur."), RPT_TEXT, RPT_LEFT, 4, 4);
	for (int j = 0; j < nb; j++) {
		rpt_range_name(co, j, name, sizeof name);
		rpt_range_key(co, j, key, sizeof key);
		report_col(r, key, name, RPT_AMOUNT, RPT_RIGHT, aw, aw);
	}
	report_col(r, "credits", _("Credits in favour"), RPT_AMOUNT, RPT_RIGHT, aw > 17 ? aw : 17, aw);
	report_col(r, "net", _("Net"), RPT_AMOUNT, RPT_RIGHT, aw, aw);
	for (int k = 0; k < ncurs; k++) {
		int64_t net = -cr[k];   /* the ranges less the credits in favour */

		report_row(r, RPT_ROW_DATA, NULL);
		rpt_text(r, curs[k]);
		for (int j = 0; j < nb; j++) {
			rpt_amount(r, b[k][j], curs[k], 0);
			net += b[k][j];
		}
		rpt_amount(r, cr[k], curs[k], 0);
		rpt_amount(r, net, curs[k], 0);
		report_row_end(r);
	}
}

/* The screen's order (seed 000): what the client owes as of the date, in the lines under the
 * title, then the open documents and the aging; the movements follow. The amounts' width comes
 * from the same balance query as the movements'. */
static int summary_first(st *s, int64_t client_id, cart_err *e)
{
	balance b[LEDGER_MAX_CURRENCIES];
	char shown[DATE_LEN];
	int nb = 0, rc;

	if ((rc = ledger_balance(s->c->l, client_id, s->asof, b, &nb, e)) != CART_OK)
		return rc;
	s->aw = AMT_W;
	for (int i = 0; i < nb; i++) {
		char m[40];

		money_format(b[i].balance, &s->c->co.fmt, m, sizeof m);
		report_line(s->r, _("Balance as of %s: %s %s"), rpt_date_text(s->r, s->asof, shown), m,
		            b[i].currency);
		s->aw = rpt_amount_width(&s->c->co, b[i].charges > b[i].credits ? b[i].charges
		                         : b[i].credits, s->aw);
	}
	open_documents(s);
	client_aging(s);
	return CART_OK;
}

/* One line under the title saying which filters hide lines, so a filtered statement is never
 * mistaken for the whole account. */
static void describe_filters(ctl *c, const stmt_filter *f, report *r)
{
	static const struct { int bit; const char *name; } statuses[] = {
		{ STMT_PAID, N_("paid") }, { STMT_PARTLY, N_("partly paid") },
		{ STMT_OPEN, N_("open") }, { STMT_OVERDUE, N_("overdue") },
	};
	char buf[400] = "", part[120];

#define ADD(...)                                                                   \
	do {                                                                       \
		snprintf(part, sizeof part, __VA_ARGS__);                          \
		if (strlen(buf) + strlen(part) + 3 < sizeof buf) {                  \
			if (buf[0])                                                \
				strcat(buf, "; ");                                 \
			strcat(buf, part);                                         \
		}                                                                  \
	} while (0)
	if (f->doc_type >= 0)
		ADD("%s %s", _("type"), doc_type_name(f->doc_type));
	if (f->number[0])
		ADD("%s \"%s\"", _("number"), f->number);
	if (f->status) {
		char names[80] = "";

		for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
			if (f->status & statuses[i].bit) {
				if (names[0])
					strcat(names, ", ");
				strcat(names, _(statuses[i].name));
			}
		ADD("%s %s", _("status"), names);
	}
	if (f->min_days >= 0 || f->max_days >= 0) {
		char lo[16] = "0", hi[16] = "…";

		if (f->min_days >= 0)
			snprintf(lo, sizeof lo, "%d", f->min_days);
		if (f->max_days >= 0)
			snprintf(hi, sizeof hi, "%d", f->max_days);
		ADD(_("%s to %s days overdue"), lo, hi);
	}
	if (f->range >= 0) {
		char name[32];

		rpt_range_name(&c->co, f->range, name, sizeof name);
		ADD("%s %s", _("aging range"), name);
	}
#undef ADD
	if (buf[0])
		report_line(r, "%s: %s", _("Only"), buf);
}

int rpt_statement(ctl *c, int64_t client_id, const stmt_filter *f, report *r, cart_err *e)
{
	st s;
	client cl;
	char shown[DATE_LEN];
	int rc;

	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger has no company settings yet (cartera init)"));
	if ((rc = ledger_client_get(c->l, client_id, &cl, e)) != CART_OK)
		return rc;
	memset(&s, 0, sizeof s);
	s.c = c;
	s.f = f;
	s.r = r;
	if (f->asof[0])
		snprintf(s.asof, sizeof s.asof, "%s", f->asof);
	else
		date_format(date_today(), s.asof);
	report_title(r, "%s", _("Statement of account"));
	report_line(r, _("As of %s"), rpt_date_text(r, s.asof, shown));
	{
		char today[DATE_LEN], issued[DATE_LEN + 8];

		/* a statement of a past date says when it was issued (issue 16) */
		date_format(date_today(), today);
		if (strcmp(today, s.asof))
			report_line(r, _("Issued on %s"), rpt_date_text(r, today, issued));
	}
	if (f->from[0] || f->to[0])
		report_line(r, _("Dates from %s to %s"), f->from[0] ? f->from : "…",
		            f->to[0] ? f->to : "…");
	if (f->due_from[0] || f->due_to[0])
		report_line(r, _("Due dates from %s to %s"), f->due_from[0] ? f->due_from : "…",
		            f->due_to[0] ? f->due_to : "…");
	describe_filters(c, f, r);
	report_client_line(r, "%s", cl.name);
	r->client_no = cl.id;   /* a spreadsheet's sheets are named after the client */
	report_client_taxid(r, cl.tax_id, cl.dv);
	if (cl.address[0] || cl.location[0])
		report_client_line(r, "%s%s%s", cl.address, cl.address[0] && cl.location[0] ? ", " : "",
		                   cl.location);
	if (cl.email[0] || cl.phone[0])
		report_client_line(r, "%s%s%s", cl.email, cl.email[0] && cl.phone[0] ? " · " : "",
		                   cl.phone);

	rc = ledger_open_items(c->l, client_id, s.asof, collect_item, &s, e);
	if (rc == CART_OK && s.fail)
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	if (rc == CART_OK && build_sums(&s) < 0)
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	if (rc == CART_OK && f->summary_first)
		rc = summary_first(&s, client_id, e);
	if (rc == CART_OK)
		rc = movements(&s, client_id, e);
	if (rc == CART_OK) {
		if (!f->summary_first) {
			open_documents(&s);
			client_aging(&s);
		}
		for (int k = 0; k < s.ncurs; k++) {
			char m[40];

			money_format(s.last_balance[k], &c->co.fmt, m, sizeof m);
			report_note(r, _("Balance as of %s: %s %s"), rpt_date_text(r, s.asof, shown), m,
			            s.curs[k]);
		}
		if (!s.ncurs)
			report_note(r, _("No movements up to %s."), rpt_date_text(r, s.asof, shown));
		rc = report_finish(r, e);
	}
	free(s.items);
	free(s.sums);
	return rc;
}

/* A file name from a client's name: see reports.h. */
void rpt_slug(const char *name, char *buf, size_t size)
{
	/* Latin-1 letters U+00C0..U+00FF without their accents ('-': not a letter) */
	static const char latin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts" "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
	size_t n = 0;
	int dash = 0;

	for (const unsigned char *p = (const unsigned char *)name; *p && n + 2 < size && n < 40; p++) {
		unsigned c = *p;

		if (c == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			c = (unsigned char)latin1[p[1] - 0x80];
			p++;
		}
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			buf[n++] = (char)c;
			dash = 0;
		} else if (c >= 'A' && c <= 'Z') {
			buf[n++] = (char)(c - 'A' + 'a');
			dash = 0;
		} else if (!dash && n && c < 0x80) {
			buf[n++] = '-';
			dash = 1;
		}
	}
	while (n && buf[n - 1] == '-')
		n--;
	buf[n] = '\0';
}
