/* Bank statements for both faces (SPEC I3): import a statement (CSV through the account's saved
 * column profile, OFX, camt.053), read the lines waiting with their proposals, accept a line (its
 * receipt posted through the receipt form, as a transfer with the line's date and reference),
 * change it in the receipt form first, leave it for later or mark it as no client's payment, and
 * the report of the lines nobody matched. */
#ifndef CARTERA_CTL_BANK_H
#define CARTERA_CTL_BANK_H

#include "cartera/bank.h"
#include "cartera/ctl.h"
#include "cartera/ctl_docs.h"
#include "cartera/report.h"

typedef struct ctl_bank_import {
	const char *path;
	const char *account;      /* the account's name; "" = by the number the file names */
	/* CSV only: the layout (saved as the account's profile when given), the account's
	 * currency ("" = the company's) */
	const char *columns;      /* "date=1,description=2,reference=3,amount=4" */
	const char *delimiter;    /* ",", ";", "|", "tab"; NULL/"" = guessed (new profile) */
	const char *decimal;      /* "." or ","; NULL = the company's */
	const char *date_format;  /* NULL = dd/mm/yyyy */
	int header;               /* lines before the first record; -1 = 1 */
	const char *currency;
	int auto_exact;           /* post the lines whose client and invoice are both certain */
} ctl_bank_import;

typedef struct ctl_bank_result {
	char account[64];
	int format;               /* enum bank_format */
	int entries;              /* every entry of the file */
	int credits;              /* credit lines read */
	int debits;               /* money out, left aside */
	int added;                /* new lines */
	int already;              /* credit lines the ledger had from an earlier import */
	int proposed;             /* new lines with a client proposed */
	int certain;              /* ... client and invoice certain */
	int posted;               /* --auto-exact: receipts posted */
	int64_t sum_credits;      /* of the credit lines read, minor units */
	char currency[4];
	int64_t first_id;         /* first new line */
	int profile_saved;
	char post_error[300];     /* the first --auto-exact line that could not post, and why */
} ctl_bank_result;

/* CART_NOTFOUND with need_profile set when a CSV's account has no profile and none was given:
 * the screen asks for the mapping, the command line names --columns. */
int ctl_bank_import_file(ctl *c, const ctl_bank_import *a, ctl_bank_result *r, int *need_profile,
                         cart_err *e);

/* The first record of a CSV (the header row, for the mapping) and its guessed separator. */
int ctl_bank_csv_peek(const char *path, char *delimiter, char fields[][64], int max, int *n,
                      cart_err *e);

/* Waiting lines (proposed and later) with state -1, else one state; unmatched: only lines with
 * no client proposed. */
int ctl_bank_lines(ctl *c, int state, int unmatched, int (*cb)(const bank_line *ln, void *ud),
                   void *ud, cart_err *e);
int ctl_bank_line(ctl *c, int64_t id, bank_line *ln, bank_alloc *docs, int max, int *n,
                  cart_err *e);
/* "12" as the clerk typed a line's number. */
int ctl_bank_line_ref(const char *text, int64_t *id, cart_err *e);

/* The receipt form of a line, pre-filled: the proposed client (or client_ref when given), the
 * line's date and currency, a transfer of its amount with its reference, the proposed documents
 * marked (when the client is the proposed one). */
int ctl_bank_form(ctl *c, int64_t id, const char *client_ref, ctl_receipt_form *f, cart_err *e);
/* Post the form as the line's receipt and mark the line accepted. A retry after a failure in
 * between finds the receipt already posted (the line's idempotency key) and only marks it. */
int ctl_bank_post_form(ctl *c, int64_t id, ctl_receipt_form *f, posted *out, cart_err *e);
/* Accept the proposal as it stands. */
int ctl_bank_accept(ctl *c, int64_t id, posted *out, cart_err *e);
/* BANK_LATER, BANK_NOT_CLIENT or BANK_PROPOSED (back in the list). */
int ctl_bank_set_state(ctl *c, int64_t id, int state, cart_err *e);

/* The lines waiting with no client proposed, oldest first (screen, text, CSV, XLSX); all = every
 * waiting line, matched or not. r: initialised (report_init) by the caller, kept or streamed. */
int ctl_bank_report(ctl *c, int all, report *r, cart_err *e);

#endif
