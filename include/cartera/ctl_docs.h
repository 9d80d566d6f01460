/* Controllers of the documents keyed at the terminal (SPEC D1-D5): view-models that the invoice,
 * quote and receipt forms fill with the text the clerk typed and read back figures from. No
 * curses, no SQL: every figure comes from the model, every total from doclines.h, every message
 * names the field (and line) that was wrong. The command line drives the same view-models. */
#ifndef CARTERA_CTL_DOCS_H
#define CARTERA_CTL_DOCS_H

#include "cartera/ctl.h"
#include "cartera/doclines.h"

/* ---- tax rates ---- */

#define CTL_MAX_TAXES 32

typedef struct ctl_taxes {
	int n;
	tax_rate r[CTL_MAX_TAXES];
} ctl_taxes;
int ctl_taxes_load(ctl *c, ctl_taxes *t, cart_err *e);
/* A rate as typed: its name ("IVA 19%", any case) or its percentage ("19", "19%", "5,5");
 * "" = no tax (*id 0). CART_INVALID naming the text when no rate (or more than one) matches. */
int ctl_tax_pick(const ctl *c, const ctl_taxes *t, const char *text, int64_t *id, int *rate,
                 cart_err *e);
/* Percentages as typed ("19", "5,5%") into hundredths of a percent, and back ("19%", "5.5%"). */
int ctl_percent(const ctl *c, const char *text, int *out, cart_err *e);
void ctl_percent_format(const ctl *c, int rate, char *buf, size_t size);
int ctl_tax_add(ctl *c, const char *name, const char *percent, int exempt, tax_rate *out,
                cart_err *e);
/* A quantity as typed ("2", "1,5") into thousandths, and back ("2", "1,5"; no trailing zeros). */
int ctl_quantity(const ctl *c, const char *text, const char *what, int64_t *out, cart_err *e);
void ctl_quantity_format(const ctl *c, int64_t q, char *buf, size_t size);

/* ---- credit check (C4) ---- */

typedef struct ctl_credit {
	int64_t limit;        /* the client's credit limit, 0 = none */
	int64_t balance;      /* net open balance now, in the document's currency */
	int64_t overdue;      /* of which overdue as of the date */
	int64_t credits;      /* unapplied credits in favour */
	int64_t after;        /* balance with the new document */
	int over_limit, has_overdue;
	int needs_override;   /* over the limit or overdue debt: posting needs a reason */
	char warning[256];    /* what the form shows when needs_override */
} ctl_credit;
int ctl_credit_check(ctl *c, const client *cl, const char *currency, const char *date,
                     int64_t amount, ctl_credit *out, cart_err *e);

/* ---- the invoice (and quote) form ---- */

typedef struct ctl_line_text {
	char description[200], qty[24], price[32], tax[48];
	int expense;
} ctl_line_text;

typedef struct ctl_invoice_form {
	ctl *c;
	ctl_taxes taxes;
	client cl;
	int have_client;
	char date[DATE_LEN];
	char due[DATE_LEN];       /* from the client's terms until typed */
	int due_typed;
	char currency[4];         /* "" = the company's */
	char reference[64], memo[200];
	int n;                    /* lines */
	ctl_line_text text[DOC_MAX_LINES];
	doc_line lines[DOC_MAX_LINES];
	doc_totals totals;        /* live: recomputed on every change */
	/* instalments: n_inst 0 = none; split evenly unless typed */
	int n_inst, every_days, inst_typed;
	char first_due[DATE_LEN]; /* "" = the due date */
	int64_t inst_amount[360];
	char inst_due[360][DATE_LEN];
	int64_t inst_left;        /* total - the instalments (0 when they add up) */
	ctl_credit credit;
	/* whose figures credit holds: the client, then date and currency (read once for them) */
	int64_t credit_client;
	char credit_key[DATE_LEN + 4];
} ctl_invoice_form;

/* A new form for today (heap: it holds 200 lines); the company's tax rates are loaded. */
int ctl_invform_new(ctl *c, ctl_invoice_form **out, cart_err *e);
void ctl_invform_free(ctl_invoice_form *f);
int ctl_invform_set_client(ctl_invoice_form *f, const char *ref, cart_err *e);
int ctl_invform_set_date(ctl_invoice_form *f, const char *text, cart_err *e);
int ctl_invform_set_due(ctl_invoice_form *f, const char *text, cart_err *e);
/* Line i (0-based; i == n appends) from text; refused lines leave the form as it was. */
int ctl_invform_set_line(ctl_invoice_form *f, int i, const ctl_line_text *t, cart_err *e);
int ctl_invform_insert_line(ctl_invoice_form *f, int i, cart_err *e);
int ctl_invform_delete_line(ctl_invoice_form *f, int i, cart_err *e);
/* Split the total into n instalments (0 or 1 = none), every "N" days or "month"ly (""), the
 * first due on first ("" = the due date). Follows the total as lines change. */
int ctl_invform_split(ctl_invoice_form *f, int n, const char *every, const char *first,
                      cart_err *e);
/* Type one instalment's amount and due date: the split stops following the total, and
 * inst_left says what is left to place. */
int ctl_invform_set_instalment(ctl_invoice_form *f, int i, const char *amount, const char *due,
                               cart_err *e);
/* Post the invoice. Over the credit limit or with overdue debt it needs override (logged). */
int ctl_invform_post(ctl_invoice_form *f, const char *override, posted *out, cart_err *e);
/* Post the form as a quote valid until valid ("" = 30 days). */
int ctl_invform_post_quote(ctl_invoice_form *f, const char *valid, posted *out, cart_err *e);

/* ---- the receipt form ---- */

typedef struct ctl_receipt_row {
	open_item it;         /* a charge, or one instalment of it */
	int marked;
	int overridden;       /* the amount was typed for this row */
	int64_t amount;       /* what the receipt pays on it */
} ctl_receipt_row;

typedef struct ctl_receipt_form {
	ctl *c;
	client cl;
	char date[DATE_LEN], currency[4];
	ctl_receipt_row *rows;    /* the client's open charges and instalments, oldest due first */
	int n;
	int n_means, n_wh;
	means_in means[16];
	withholding_in wh[16];
	int64_t received;         /* means + withholdings: the receipt's credit */
	int64_t allocated;        /* sum of the rows' amounts */
	int64_t left;             /* received - allocated: the leftover (negative: over-allocated) */
	int leftover;             /* enum leftover */
	char reason[200];
	char reference[64];
	/* Applying a credit in favour instead (D5): the client's open credits, and the one used */
	open_item *credits;
	int n_credits;
	int applying;             /* 1: received is credits[credit].open, posting applies it */
	int credit;
	int64_t apply_cap;        /* > 0: apply at most this much of the credit */
} ctl_receipt_form;

/* Load a client's open charges (and its open credits) as of date ("" = today) in currency
 * ("" = the company's). */
int ctl_rform_load(ctl *c, ctl_receipt_form *f, const char *client_ref, const char *date,
                   const char *currency, cart_err *e);
void ctl_rform_free(ctl_receipt_form *f);
/* Means of payment: kind, amount, and for cheques "BANK" and "NUMBER"; post-dated: the date. */
int ctl_rform_add_means(ctl_receipt_form *f, const char *kind, const char *amount,
                        const char *bank, const char *number, const char *cash_date, cart_err *e);
int ctl_rform_add_withholding(ctl_receipt_form *f, const char *kind, const char *certificate,
                              const char *amount, cart_err *e);
int ctl_rform_remove_means(ctl_receipt_form *f, int i);
/* The form's one amount field: everything received in one means of kind (NULL = cash), in place
 * of the means typed so far (withholdings stay); "" clears it. A refused amount changes nothing. */
int ctl_rform_set_amount(ctl_receipt_form *f, const char *kind, const char *amount, cart_err *e);
/* Mark or unmark row i: marked rows take what the receipt has, oldest first. */
int ctl_rform_mark(ctl_receipt_form *f, int i, int on, cart_err *e);
/* The row is the document ref names: "FAC-000012" (its every instalment), or one instalment of
 * it, "FAC-000012/2" as the dashboard names it. */
int ctl_rform_row_is(const ctl_receipt_row *r, const char *ref);
/* Mark every row of document number ("FAC-000012"); with amount, pay that much on it (over its
 * rows oldest first) instead of what it has open. */
int ctl_rform_mark_doc(ctl_receipt_form *f, const char *number, const char *amount, cart_err *e);
/* Type row i's amount (marks it); more than the row has open, or more than is left, is refused
 * and the row keeps what it had. "" gives the row back to the oldest-first fill. */
int ctl_rform_set_row(ctl_receipt_form *f, int i, const char *amount, cart_err *e);
/* The leftover: "credit", "writeoff" (needs a reason) or "refund". */
int ctl_rform_set_leftover(ctl_receipt_form *f, const char *choice, const char *reason,
                           cart_err *e);
/* Post the receipt, or with a credit in use, apply that credit to the rows. */
int ctl_rform_post(ctl_receipt_form *f, posted *out, cart_err *e);
/* Apply credit i of f->credits (an advance, overpayment, credit note or opening credit) to the
 * marked rows instead of receiving money: what it has open is what the rows may take. -1 goes
 * back to a receipt. */
int ctl_rform_use_credit(ctl_receipt_form *f, int i, cart_err *e);

/* ---- credit notes, credits in favour, quotes ---- */

/* What an invoice still has open: the most a credit note against it may be. */
int ctl_credit_note_room(ctl *c, const char *invoice, int64_t *open, cart_err *e);
/* Refund (writeoff 0) or write off (1) the credit in favour held by a document. */
int ctl_settle(ctl *c, const char *doc, const char *amount, const char *date, int writeoff,
               const char *reason, posted *out, cart_err *e);
int ctl_quote_set_status(ctl *c, const char *quote, int status, const char *date, cart_err *e);
/* The credit check an invoice made of the quote would meet on date ("" = today). */
int ctl_quote_credit(ctl *c, const char *quote, const char *date, ctl_credit *out, cart_err *e);
/* Make an invoice of a quote: date ("" = today), due ("" = terms), instalments like the form;
 * the credit check applies as for any invoice. */
int ctl_quote_invoice(ctl *c, const char *quote, const char *date, const char *due,
                      const char *override, posted *out, cart_err *e);

/* Reads through the controller (ctl_read.c). */
int ctl_tax_list(ctl *c, tax_rate_cb cb, void *ud, cart_err *e);
int ctl_quote_list(ctl *c, int64_t client_id, const char *asof, quote_cb cb, void *ud, cart_err *e);
int ctl_doc_lines(ctl *c, int64_t doc_id, doc_line *rows, int max, int *n, cart_err *e);
int ctl_doc_taxes(ctl *c, int64_t doc_id, doc_tax *rows, int max, int *n, cart_err *e);
int ctl_receipt_detail(ctl *c, int64_t doc_id, receipt_detail *d, cart_err *e);

#endif
