/* Controllers: what the command line (and later the screens) ask of the ledger, in the clerk's
 * terms — amounts and dates as typed, clients and documents by reference — turned into model
 * calls. No SQL and no curses here; every message names the field that was wrong. */
#ifndef CARTERA_CTL_H
#define CARTERA_CTL_H

#include <stddef.h>

#include "cartera/types.h"
#include "cartera/taxid.h"

/* A controller session over one ledger file: opaque to the screens and the command line, which
 * reach the ledger only through the functions below and the other ctl_*.h headers. */
typedef struct ctl ctl;

/* How to open: CTL_OPEN_CREATE creates and migrates a missing file (init, demo);
 * CTL_OPEN_READONLY never writes (reports). */
enum { CTL_OPEN_CREATE = 1, CTL_OPEN_READONLY = 2 };

/* The ledger used when none is given: $CARTERA_DB, else $XDG_DATA_HOME/cartera/ledger.db, else
 * ~/.local/share/cartera/ledger.db. */
void ctl_default_db(char *buf, size_t size);
/* Create the folder that will hold path (for init and demo). */
int ctl_make_parent(const char *path, cart_err *e);

/* Open the ledger and load the company settings (a fresh file has none until init); *out is
 * NULL on failure. ctl_close closes and frees (NULL is fine). */
int ctl_open(ctl **out, const char *path, int flags, cart_err *e);
void ctl_close(ctl *c);
/* The company's settings (defaults until init), whether init has run, and the ledger's file. */
const company *ctl_company(const ctl *c);
int ctl_has_company(const ctl *c);
const char *ctl_path(const ctl *c);
/* Other aging ranges ("15,45") for the rest of this session only; nothing is saved. */
int ctl_ranges_for_run(ctl *c, const char *text, cart_err *e);
/* Save company settings (init). */
int ctl_company_set(ctl *c, const company *co, cart_err *e);

/* Text typed by the clerk. An empty or NULL date means today; "today" is accepted too. */
int ctl_amount(const ctl *c, const char *text, const char *what, int64_t *out, cart_err *e);
/* The same, refusing zero and less ("WHAT \"TEXT\" must be more than zero"): every amount a
 * posting takes (totals, payments, allocations) goes through one of the two. */
int ctl_amount_positive(const ctl *c, const char *text, const char *what, int64_t *out,
                        cart_err *e);
int ctl_date(const char *text, const char *what, char out[DATE_LEN], cart_err *e);
/* Amounts for people (company format) and for programs (plain, '.' decimal, no grouping). */
void ctl_money(const ctl *c, int64_t v, char *buf, size_t size);
void ctl_money_plain(const ctl *c, int64_t v, char *buf, size_t size);

/* Copy a typed text into a fixed field, refusing (never cutting) what does not fit or holds a
 * control character, in text_check's words (the model's own). */
int ctl_text(char *dst, size_t size, const char *text, const char *what, cart_err *e);
/* A client's e-mail list (CF_EMAIL) or phone (CF_PHONE, CF_MOBILE of ctl_clients.h) as the
 * client form, `client add` and the import check it; "" is fine. */
int ctl_client_contact_check(int field, const char *text, cart_err *e);
int ctl_client_ref(ctl *c, const char *ref, client *out, cart_err *e);
/* Validate the tax id by the company's country (foreign receivers accept any id), store its
 * normalized form and DV, and add the client. A warning (Mexican RFC check digit) is left in
 * tc->message with tc->warning set; the client is still added. */
int ctl_client_add(ctl *c, client *cl, taxid_check *tc, cart_err *e);
int ctl_doc_ref(ctl *c, const char *ref, doc_info *d, cart_err *e);

typedef struct ctl_invoice {
	const char *client, *date, *due, *currency, *total, *expenses, *reference, *memo;
	int instalments;      /* 0 or 1 = none; N = N equal monthly instalments from the due date */
	const char *override; /* a reason to invoice over the credit limit or with overdue debt */
} ctl_invoice;
int ctl_invoice_post(ctl *c, const ctl_invoice *a, posted *out, cart_err *e);

/* Allocation targets are "DOC" (all it has open) or "DOC=AMOUNT". */
typedef struct ctl_payment {
	const char *client, *date, *currency, *amount, *method, *reference;
	const char *const *to;
	int n_to;
	int advance;          /* an advance: nothing allocated, all a credit in favour */
} ctl_payment;
int ctl_payment_post(ctl *c, const ctl_payment *a, posted *out, cart_err *e);

typedef struct ctl_apply {
	const char *credit;   /* the document holding the credit: receipt, advance, credit note... */
	const char *date, *amount;
	const char *const *to;
	int n_to;
} ctl_apply;
int ctl_credit_apply(ctl *c, const ctl_apply *a, posted *out, cart_err *e);

typedef struct ctl_credit_note {
	const char *client, *date, *currency, *amount, *against, *reason;
} ctl_credit_note;
int ctl_credit_note_post(ctl *c, const ctl_credit_note *a, posted *out, cart_err *e);

typedef struct ctl_opening {
	const char *client, *date, *due, *currency, *amount, *reference;
	int item;
} ctl_opening;
int ctl_opening_post(ctl *c, const ctl_opening *a, posted *out, cart_err *e);

int ctl_void(ctl *c, const char *doc, const char *date, const char *reason, posted *out,
             cart_err *e);

/* The dashboard's four totals (B1), for all clients (0) or one, as of a date. */
typedef struct ctl_dashboard {
	char asof[DATE_LEN];
	totals t[LEDGER_MAX_CURRENCIES];
	int n;
} ctl_dashboard;
int ctl_dashboard_load(ctl *c, int64_t client_id, const char *asof, ctl_dashboard *d, cart_err *e);

/* ---- reads through the controller (ctl_read.c): the model's answers, for faces that hold no
 * model. Each as the model documents it (src/model/ledger_*.h). ---- */
int ctl_client_get(ctl *c, int64_t id, client *out, cart_err *e);
int ctl_client_list(ctl *c, const char *filter, int offset, int limit, client_cb cb, void *ud,
                    cart_err *e);
int ctl_client_count(ctl *c, const char *filter, int64_t *n, cart_err *e);
int ctl_open_items(ctl *c, int64_t client_id, const char *asof, open_item_cb cb, void *ud,
                   cart_err *e);
int ctl_document_get(ctl *c, int64_t doc_id, doc_info *d, cart_err *e);
int ctl_document_entries(ctl *c, int64_t doc_id, doc_entry *rows, int max, int *n, cart_err *e);
int ctl_aging(ctl *c, const char *asof, const int *ranges, int n_ranges, aging_cb cb, void *ud,
              cart_err *e);

#endif
