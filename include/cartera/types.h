/* The ledger's value types, seen by every layer: company settings, clients, documents, entries,
 * open items, statements, aging rows, persons, tax rates, means of payment, quotes (SPEC L1-L6,
 * C1-C2, D1-D5), and the pure helpers that name them. Plain data: the functions that read and
 * write them live in the model (src/model/ledger_*.h), which only the model, the controllers and
 * the reports include; the screens and the command line see these types through the controllers.
 *
 * Amounts are int64_t minor units; dates are ISO "YYYY-MM-DD" strings. */
#ifndef CARTERA_TYPES_H
#define CARTERA_TYPES_H

#include <stdint.h>

#include "cartera/date.h"
#include "cartera/doclines.h"
#include "cartera/err.h"
#include "cartera/money.h"



/* ---- company settings ---- */

#define LEDGER_MAX_RANGES 8

typedef struct company {
	char name[160];
	char tax_id[32];
	char country[3];      /* ISO 3166 alpha-2: PE, PA, CO, MX, EC, ... */
	char currency[4];     /* ISO 4217 of the company: PEN, USD, COP, MXN */
	char currency2[4];    /* a second invoicing currency (Peru, Panama) or "" */
	money_fmt fmt;        /* decimals and separators */
	int allow_cash_refund;
	int n_ranges;         /* aging ranges: upper bounds in days overdue, e.g. 30 60 90 */
	int ranges[LEDGER_MAX_RANGES];
	/* how the clerks read dates and what their printers take (issues 14 and 16) */
	int date_order;          /* DATE_YMD or DATE_DMY (date.h): forms, screens, printed reports */
	char print_encoding[12]; /* plain text for printers: "UTF-8", "CP850", "ISO-8859-1" */
	int print_page_lines;    /* plain text in pages of this many lines; 0 none */
	/* the letterhead of printed documents (issue 16) */
	char address[200];
	char phone[40];
	char email[120];
	char logo[400];       /* a PNG or JPEG file, "" none */
	char tax_id_name[16]; /* what its tax id is printed under, "" = the country's name */
} company;

/* Defaults: "Mi Empresa", country CO, COP, 2 decimals ',' and '.', ranges 30/60/90. */
void company_defaults(company *c);
/* Parse "30,60,90" into c->ranges (strictly increasing, 1..8 values). */
int company_parse_ranges(company *c, const char *text, cart_err *e);

/* ---- clients ---- */

enum receiver_type { RECEIVER_TAXPAYER = 0, RECEIVER_FINAL = 1, RECEIVER_GOVERNMENT = 2, RECEIVER_FOREIGN = 3 };
/* What an invoice with reimbursable expenses posts for this client (seed 003). */
enum charge_mode { CHARGE_INVOICE = 0, CHARGE_EXPENSES = 1, CHARGE_BOTH = 2, CHARGE_NONE = 3 };

typedef struct client {
	int64_t id;
	int receiver_type;
	int taxpayer_type;       /* enum taxpayer_type */
	char tax_id[32];
	char dv[4];
	char name[200];
	char location[160];
	char address[200];
	char email[200];
	char phone[40];
	char mobile[40];
	int terms_days;
	int64_t credit_limit;    /* 0 = no limit */
	int charge_mode;
	char notes[400];
	int active;
	char opening_date[DATE_LEN]; /* date of its opening balance, "" if none (read only) */
	char curp[24];           /* a Mexican person's CURP, 18 characters; "" if none */
} client;

void client_defaults(client *c);

typedef struct client_row {
	const client *c;
	char currency[4];     /* "" when the client has no entries */
	int64_t balance;      /* ledger balance in that currency (today) */
} client_row;
typedef int (*client_cb)(const client_row *row, void *ud);
/* The same in another order (ties by name), ascending or descending; each order has an index. */
enum client_order { CLIENT_BY_NAME = 0, CLIENT_BY_TAXID = 1, CLIENT_BY_PHONE = 2 };

/* ---- documents and entries ---- */

#define DOC_TYPES(X)                                        \
	X(INVOICE,     "invoice",     "FAC")                \
	X(CREDIT_NOTE, "credit-note", "NC")                 \
	X(RECEIPT,     "receipt",     "RC")                 \
	X(ADVANCE,     "advance",     "ANT")                \
	X(OPENING,     "opening",     "SI")                 \
	X(JOURNAL,     "journal",     "PD")                 \
	X(QUOTE,       "quote",       "COT")                \
	X(APPLY,       "apply",       "APL")                \
	X(VOID,        "void",        "ANU")                \
	X(DEBIT_NOTE,  "debit-note",  "ND")

enum doc_type {
#define X(id, name, prefix) DOC_##id,
	DOC_TYPES(X)
#undef X
	DOC_NTYPES
};
const char *doc_type_name(int type);
int doc_type_parse(const char *name); /* -1 when unknown */

/* Entry codes of SPEC L1. Charges (debit to the client) first, then credits. */
#define ENTRY_CODES(X)                                      \
	X(CSI, 'D', "Cargo saldo inicial")                  \
	X(CF,  'D', "Cargo factura")                        \
	X(CPD, 'D', "Cargo poliza de diario")               \
	X(CGC, 'D', "Cargo gasto comprobado")               \
	X(ND,  'D', "Nota de debito")                       \
	X(ASI, 'C', "Abono saldo inicial")                  \
	X(AA,  'C', "Abono anticipo")                       \
	X(APF, 'C', "Abono pago factura")                   \
	X(APD, 'C', "Abono poliza de diario")               \
	X(NC,  'C', "Nota de credito")

enum entry_code {
#define X(id, side, text) CODE_##id,
	ENTRY_CODES(X)
#undef X
	CODE_N
};
const char *entry_code_name(int code);
int entry_code_parse(const char *name); /* -1 when unknown */
/* 'D' for a charge code, 'C' for a credit code. */
char entry_code_side(int code);

typedef struct posted {
	int64_t doc_id;
	char number[32];      /* "FAC-000123" */
	int64_t entry_id;     /* the main entry posted (0 if none) */
	int64_t credit_left;  /* receipts and credits: what stayed as a credit in favour */
	char settled[32];     /* a receipt's leftover written off or refunded: that journal's number */
	/* The summary the controllers fill in after the posting committed, for the faces to print
	 * (empty if it could not be read back: the posting stands all the same). */
	char client[200];     /* the client's name */
	int64_t total;        /* the document's total */
	char currency[4];
	char date[DATE_LEN], due_date[DATE_LEN];
	char reference[64];   /* what it refers to (a quote invoiced, a credit refunded) */
	int replayed;         /* nothing posted: the idempotency key already held this document */
} posted;

typedef struct instalment_in {
	char due_date[DATE_LEN];
	int64_t amount;
} instalment_in;

typedef struct invoice_in {
	int64_t client_id;
	char date[DATE_LEN];
	char due_date[DATE_LEN];   /* "" = date + client's terms */
	char currency[4];          /* "" = the company's */
	int64_t total;             /* invoice total (CF charge) */
	int64_t expenses;          /* reimbursable expenses (CGC charge), per the client's charge mode */
	const instalment_in *inst; /* instalments that add up to total, or NULL */
	int n_inst;
	char reference[64];
	char memo[200];
	/* Lines (DOC lines, see doclines.h): when given, the model computes total and expenses
	 * from them (tax rates by id, as the company has them now) and keeps them with the
	 * invoice; a total given as well must agree. */
	const doc_line *lines;
	int n_lines;
	char override_reason[200]; /* a credit-check override, logged in the audit */
} invoice_in;

/* One allocation request: the charge entry (and instalment, 0 = spread over its instalments oldest
 * first) and the amount. */
typedef struct alloc_in {
	int64_t charge_entry_id;
	int64_t instalment_id;
	int64_t amount;
} alloc_in;

typedef struct receipt_in {
	int64_t client_id;
	char date[DATE_LEN];
	char currency[4];          /* "" = the company's */
	int64_t amount;
	char method[24];           /* cash, transfer, card, cheque, ... */
	char reference[64];
	const alloc_in *allocs;    /* explicit allocations, or NULL for oldest first */
	int n_allocs;
	int no_auto;               /* with allocs == NULL: allocate nothing (an advance) */
	/* Means of payment and withholdings (see below), kept with the receipt: when given, the
	 * receipt's credit is their sum (amount 0, or equal to it). */
	const struct means_in *means;
	int n_means;
	const struct withholding_in *wh;
	int n_wh;
	int leftover;              /* enum leftover: what the excess over the allocations becomes */
	char leftover_reason[200]; /* a write-off's reason */
} receipt_in;

typedef struct credit_note_in {
	int64_t client_id;
	char date[DATE_LEN];
	char currency[4];
	int64_t amount;
	int64_t against_entry_id;  /* the invoice's charge it credits, 0 = on account */
	char reason[200];
} credit_note_in;

/* Apply an open credit (AA, APF, NC, ASI, APD) to charges: explicit allocations, or oldest first
 * when allocs is NULL (up to amount, 0 = all the credit has open). */
typedef struct apply_in {
	int64_t credit_entry_id;
	char date[DATE_LEN];
	int64_t amount;
	const alloc_in *allocs;
	int n_allocs;
} apply_in;

/* Journal entry (CPD charge or APD credit). */
typedef struct journal_in {
	int64_t client_id;
	char date[DATE_LEN];
	char due_date[DATE_LEN];
	char currency[4];
	char side;                 /* 'D' charge, 'C' credit */
	int64_t amount;
	char memo[200];
} journal_in;

/* Opening balances (SPEC L3). A balance: one CSI (amount > 0) or ASI (amount < 0) per client and
 * currency at a date, which becomes the client's opening date; refused when the client has an
 * invoice dated before it. An item: one pending invoice from the old system (CSI with its own
 * number, date and due date), never dated before the client's opening date. */
typedef struct opening_in {
	int64_t client_id;
	int item;                  /* 0 = balance at a date, 1 = a live open item */
	char date[DATE_LEN];
	char due_date[DATE_LEN];   /* items: "" = date + terms; balances: "" = date */
	char currency[4];
	int64_t amount;            /* balance: signed; item: > 0 */
	char reference[64];        /* the old system's invoice number */
} opening_in;


typedef struct doc_info {
	int64_t id;
	int type;                 /* enum doc_type */
	char number[32];
	int64_t client_id;
	char date[DATE_LEN], due_date[DATE_LEN], currency[4];
	int64_t total;
	char reference[64];
	char memo[200];
	char voided_by[32];       /* number of the void that reversed it, or "" */
	char amends[32];          /* a debit note: the number of the invoice it amends */
} doc_info;

typedef struct doc_entry {
	int64_t entry_id;
	char code[4];
	char side;
	int64_t amount, open;     /* open as kept now */
} doc_entry;

/* What settled a document's entries, or what its credits settled: each allocation touching one
 * of its entries, with the other side's document. A reversal (a void) comes with a negative
 * amount. In date order; *n of at most max. */
typedef struct doc_alloc {
	char date[DATE_LEN];
	int paid_by;              /* 1: the other document's credit paid this one's charge;
	                           * 0: this one's credit paid the other's charge */
	char number[32];          /* the other document */
	int type;                 /* its enum doc_type */
	int instalment;           /* the charge's instalment number, 0 = none */
	int64_t amount;
} doc_alloc;

/* ---- queries, every one as of a date ---- */

#define LEDGER_MAX_CURRENCIES 4

typedef struct totals {
	char currency[4];
	int64_t due, overdue, credits, net;     /* net = due + overdue - credits */
	int64_t n_due, n_overdue, n_credits;    /* open items counted */
} totals;


typedef struct balance {
	char currency[4];
	int64_t charges, credits;               /* sums of every entry dated on or before asof */
	int64_t balance;                        /* charges - credits */
} balance;


typedef struct open_item {
	int64_t entry_id;
	int64_t instalment_id;    /* 0 unless the row is one instalment */
	int instalment_no;        /* its number within the invoice (1, 2, ...), else 0 */
	int64_t doc_id;
	char number[32];
	char code[4];
	char side;                /* 'D' charge, 'C' credit */
	char date[DATE_LEN];
	char due_date[DATE_LEN];
	char currency[4];
	int64_t amount;           /* the entry's (or instalment's) amount */
	int64_t open;             /* what is still open as of the date */
	int days_overdue;         /* 0 when not yet due */
} open_item;
typedef int (*open_item_cb)(const open_item *it, void *ud);
/* The open charges of every client as of asof, client after client in name order, each client's
 * in ledger_open_items' order; cb gets the client (id, name, tax id) with each. As of now one
 * pass over the kept open amounts; as of a past date, client by client. Non-zero from cb stops. */
typedef struct cur_sum {
	char currency[4];
	int64_t sum;
} cur_sum;
typedef struct charge_client {
	int64_t id;
	const char *name, *tax_id;
	const char *dv;           /* the tax id's check digit, "" none */
	/* every client's open charges added up by currency, when the walk has them before its
	 * first row (as of now), so that a report sizes its amount column without a pass of its
	 * own; NULL (nsums 0) otherwise */
	const cur_sum *sums;
	int nsums;
} charge_client;
typedef int (*open_charge_cb)(const charge_client *c, const open_item *it, void *ud);
/* Every client's open charges as of now, read at once (ledger_open_charges_set): the clients that
 * have any, in name order, each with its charges in ledger_open_items' order, so that a report
 * can walk them twice (issue 17: once to size its columns, once to write its rows). An item is
 * an open_item's fields as the follow-up uses them. */
typedef struct charge_item {
	int64_t entry_id, instalment_id, doc_id;
	int64_t amount, open;
	int instalment_no;
	int days_overdue;
	const char *number;       /* at most 31 bytes, as open_item's */
	char code[4], currency[4];
	char date[DATE_LEN], due_date[DATE_LEN];
} charge_item;
typedef struct charge_group {
	int64_t id;
	const char *name, *tax_id, *dv;
	const charge_item *items;
	int n;
} charge_group;
typedef struct charge_set {
	const charge_group *clients;
	size_t nclients;
	cur_sum sums[LEDGER_MAX_CURRENCIES];   /* the charges added up by currency */
	int nsums;                              /* 0 when a sum would overflow */
	void *mem;                              /* what ledger_charge_set_free releases */
} charge_set;

typedef struct stmt_line {
	int64_t entry_id;
	int64_t doc_id;
	char number[32];
	char code[4];
	char side;
	int reversal;             /* 1 for the mirror entry of a void */
	char date[DATE_LEN];
	char due_date[DATE_LEN];
	char currency[4];
	int64_t charge, credit;   /* one of the two is 0 */
	int64_t balance;          /* running balance in that currency */
	char memo[200];
	char amends[32];          /* a debit note: the invoice it amends */
	char reference[64];       /* the client's order reference of its document, "" none */
} stmt_line;
typedef int (*stmt_cb)(const stmt_line *ln, void *ud);

typedef struct aging_row {
	int64_t client_id;
	const char *name;
	char currency[4];
	int64_t not_due;
	int64_t range[LEDGER_MAX_RANGES + 1]; /* overdue 1..r1, r1+1..r2, ..., over the last */
	int64_t open_charges;                 /* not_due + every range */
	int64_t credits;
	int64_t net;                          /* open_charges - credits */
	int oldest_days;                      /* days overdue of the oldest overdue item */
} aging_row;
typedef int (*aging_cb)(const aging_row *row, void *ud);

/* Check every invariant: kept open amounts equal amount - allocations for each entry and
 * instalment; instalments add up to their charge; allocations pair a credit with a charge of the
 * same client and currency, never exceeding either; buckets add up to open charges; open charges
 * - open credits = net = ledger balance per client and currency. Each failure is passed to cb (if
 * any) as a sentence; *problems counts them. CART_OK means the walk ran, not that it found none. */
typedef void (*check_cb)(const char *problem, void *ud);


/* ---- persons associated with a client (SPEC C2, seed 002) ----
 * People at a client company (name, role, e-mail, phones) who receive its statements and
 * reminders when notify is set. Master data, not ledger entries: they may be changed and
 * deleted. Each write is one transaction with an audit line. */

#define LEDGER_MAX_PERSONS 20      /* per client: the form keeps them all in memory */

typedef struct person {
	int64_t id;               /* 0: not saved yet */
	int64_t client_id;
	char name[160];
	char role[120];           /* "Contadora", "Gerente de compras" */
	char email[160];
	char phone[40];
	char mobile[40];
	int notify;               /* 1: receives statements and reminders */
	int position;             /* order within the client, from 0 (set by the model) */
} person;

/* An empty person who receives mail. */
void person_defaults(person *p);

/* Where a client's statements and reminders go: the client's own e-mail(s) (its e-mail field
 * may hold several, split at commas, semicolons or blanks), then each person with notify set
 * and an e-mail, in their order; an address already listed is not repeated (case-insensitive). */
#define LEDGER_MAX_RECIPIENTS (LEDGER_MAX_PERSONS + 8)
typedef struct mail_to {
	char name[200];           /* the client's name, or the person's */
	char email[160];
	int64_t person_id;        /* 0 for the client's own address */
} mail_to;
/* ---- documents keyed at the terminal (ledger_docs.c, schema 004) ---- */

/* The company's tax rates (rate in hundredths of a percent: 1900 = 19%). A new company gets its
 * country's defaults (data/004_documents.sql, tax_defaults). */
typedef struct tax_rate {
	int64_t id;
	char name[48];
	int rate;
	int exempt;
	int active;
} tax_rate;
typedef int (*tax_rate_cb)(const tax_rate *r, void *ud);


/* Means of payment of a receipt, one X-macro list: name and whether it needs bank and number. */
#define MEANS_KINDS(X)                  \
	X(CASH,      N_("cash"),  0)    \
	X(TRANSFER,  N_("transfer"), 0)    \
	X(CARD,      N_("card"),  0)    \
	X(CHEQUE,    N_("cheque"), 1)    \
	X(POSTDATED, N_("postdated"), 1)

enum means_kind {
#define X(id, name, bank) MEANS_##id,
	MEANS_KINDS(X)
#undef X
	MEANS_N
};
const char *means_kind_name(int kind);
int means_kind_parse(const char *name); /* -1 when unknown */

typedef struct means_in {
	int kind;                 /* enum means_kind */
	int64_t amount;
	char bank[40];
	char number[32];          /* cheque number, or the transfer's / card's reference */
	char cash_date[DATE_LEN]; /* post-dated cheque: the day it can be cashed */
} means_in;

/* A withholding the client deducted (retención): its kind (retefuente, reteIVA, ...), the
 * certificate's number and the amount. It counts as paid. */
typedef struct withholding_in {
	char kind[40];
	char certificate[40];
	int64_t amount;
} withholding_in;

/* What a receipt's leftover (what it received beyond the allocations) becomes. */
enum leftover { LEFTOVER_CREDIT = 0, LEFTOVER_WRITEOFF = 1, LEFTOVER_REFUND = 2 };

typedef struct receipt_detail {
	int n_means, n_wh;
	means_in means[16];
	withholding_in wh[16];
} receipt_detail;

/* Refund a credit in favour in cash (only when the company allows cash refunds) or write it off
 * (with a reason): a journal document (method "refund" or "writeoff") whose CPD charge is
 * allocated against the credit, so the credit is consumed and every balance stays right.
 * amount 0 = all the credit has open. */
typedef struct settle_in {
	int64_t credit_entry_id;
	char date[DATE_LEN];
	int64_t amount;
	int writeoff;             /* 0 = refund, 1 = write-off */
	char reason[200];
} settle_in;

/* Quotes (D3): lines like an invoice, a validity date, no ledger entries. Status open, accepted,
 * rejected; an open quote past its validity date is expired. */
enum quote_status { QUOTE_OPEN = 0, QUOTE_ACCEPTED = 1, QUOTE_REJECTED = 2, QUOTE_EXPIRED = 3 };
const char *quote_status_name(int status);

typedef struct quote_in {
	int64_t client_id;
	char date[DATE_LEN];
	char valid_until[DATE_LEN]; /* "" = date + 30 days */
	char currency[4];
	const doc_line *lines;
	int n_lines;
	char reference[64];
	char memo[200];
} quote_in;

typedef struct quote_row {
	int64_t doc_id;
	char number[32];
	int64_t client_id;
	char client_name[200];
	char date[DATE_LEN], valid_until[DATE_LEN], currency[4];
	int64_t total;
	int status;               /* enum quote_status, expired computed as of the list's date */
	char invoice[32];         /* the invoice made from it, or "" */
} quote_row;
typedef int (*quote_cb)(const quote_row *q, void *ud);


#endif
