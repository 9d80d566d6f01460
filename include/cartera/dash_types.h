/* The dashboard's questions to the ledger, as plain types (SPEC B1-B3): the rows of its six tabs, counted, paged
 * a page at a time in any column's order and filtered, and the client history that reminders are
 * recorded in (F2). The functions that answer them are in src/model/ledger_dash.h. Amounts are minor
 * units, dates ISO; every row is as of a date (kept open amounts when nothing is dated after it,
 * recomputed from allocations otherwise). */
#ifndef CARTERA_DASH_TYPES_H
#define CARTERA_DASH_TYPES_H

#include "cartera/types.h"

/* The tabs, in the order the screen shows them. */
enum dash_tab { DASH_CLIENTS, DASH_TRANSACTIONS, DASH_DUE, DASH_OVERDUE, DASH_CREDITS, DASH_QUOTES,
                DASH_NTABS };

/* Sort columns. Item tabs (due, overdue, credits): client, number, date, due, days, amount, open.
 * Clients: client, balance, overdue, credits, days (oldest overdue), status (last reminder).
 * Transactions and quotes: client, number, date, due (quotes), type, amount (the total). The
 * other columns of a tab are refused (CART_INVALID). Ties go by the rows' posting order (item
 * tabs: entry and instalment ids; documents: ids; clients: name, or client id in the orders by
 * amount), in the same direction. In the item tabs the number order is by series, then by
 * sequence (FAC-999999 before FAC-1000000), not by the text. */
enum dash_col { DCOL_CLIENT, DCOL_NUMBER, DCOL_DATE, DCOL_DUE, DCOL_DAYS, DCOL_AMOUNT, DCOL_OPEN,
                DCOL_TYPE, DCOL_BALANCE, DCOL_OVERDUE, DCOL_CREDITS, DCOL_STATUS, DCOL_N };
/* Whether tab can be sorted by col. */
int dash_col_allowed(int tab, int col);

typedef struct dash_query {
	int tab;
	int64_t client_id;      /* 0 = all clients */
	char asof[DATE_LEN];
	char filter[128];       /* "" all; else a client whose name or tax id contains it, or a
	                           document whose number starts with it (any case), or whose
	                           sequence it is when it is all digits ("12": FAC-000012) */
	int sort, desc;         /* dash_col */
	/* Days overdue (asof - due date; negative before the due date), inclusive bounds, for the
	 * due and overdue tabs and for the clients tab's oldest overdue item. has_min / has_max
	 * say whether each bound applies. */
	int has_min, has_max;
	int days_min, days_max;
	/* Transactions and Quotes filtered: count only up to bound (0: exactly); walk: the filter
	 * finds more than that, so a page walks the documents in the tab's order and tests each
	 * (the found documents are not gathered and sorted) */
	int64_t bound;
	int walk;
} dash_query;

typedef struct dash_row {
	int64_t client_id;
	char client[200];
	char tax_id[32], dv[4];
	char currency[4];
	/* items, transactions, quotes */
	int64_t entry_id;       /* items: the entry (charge or credit) */
	int64_t instalment_id;  /* items: the instalment, 0 when none */
	int instalment_no;
	int64_t doc_id;
	char number[32];
	int doc_type;           /* enum doc_type */
	char code[4];           /* items: the entry code (CF, CSI, AA, NC, ...) */
	char date[DATE_LEN], due_date[DATE_LEN];
	int64_t amount;         /* items: the entry's or instalment's amount; documents: total */
	int64_t open;           /* items: open as of the date; documents: what their entries keep
	                           open now (charges minus credits) */
	int days;               /* items: days overdue (negative: days until due) */
	int voided;             /* documents: reversed by a void */
	char open_due[DATE_LEN];/* documents: the earliest due date of what is still open */
	int is_void;            /* documents: it is a void */
	/* clients */
	int64_t balance, overdue, due, credits;
	int oldest_days;        /* days overdue of the oldest overdue item, 0 when none */
	char last_reminder[24]; /* when the last reminder was recorded ("" never) */
} dash_row;
typedef int (*dash_cb)(const dash_row *row, void *ud);

/* Where a row stands in the query's order (how many rows come before it), -1 when the query
 * does not hold it. The row is named by what the tab is made of: item tabs by entry and
 * instalment id, transactions and quotes by document id (as entry_id), clients by client id
 * and currency. */
typedef struct dash_key {
	int64_t id, instalment_id;
	char currency[4];
} dash_key;

/* ---- client history (F2): append-only ---- */

/* VOID lines are not kept in the history: they are the client's voids (who, when, why), listed
 * with it from the void documents themselves. */
#define HIST_KINDS(X) X(REMINDER, "reminder") X(NOTE, "note") X(MAIL, "mail") X(CALL, "call") \
	X(VOID, "void")
enum hist_kind {
#define X(id, name) HIST_##id,
	HIST_KINDS(X)
#undef X
	HIST_NKINDS
};
const char *hist_kind_name(int kind);
int hist_kind_parse(const char *name); /* -1 when unknown */

typedef struct hist_entry {
	int64_t id, client_id;
	char at[24];            /* "2026-06-30T14:05:09Z" (UTC) */
	char clerk[64];
	int kind;
	int64_t doc_id;         /* 0 when about no document */
	char number[32];        /* that document's number, or "" */
	char text[400];
} hist_entry;
typedef int (*hist_cb)(const hist_entry *h, void *ud);

#endif
