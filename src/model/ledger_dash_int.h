/* Inside the dashboard's model (ledger_dash.c, ledger_dash_clients.c): a query's bounds and the
 * helpers both files use. */
#ifndef CARTERA_LEDGER_DASH_INT_H
#define CARTERA_LEDGER_DASH_INT_H

#include "ledger_dash.h"
#include "ledger_int.h"

/* What a query binds: its due-date range, the filter as typed, as a number prefix and as a
 * sequence, and whether nothing is dated after the as-of date (the kept open amounts answer). */
typedef struct bounds {
	char due_lo[DATE_LEN], due_hi[DATE_LEN];
	int empty;
	char filter[130], prefix[130], seq[24];
	int has_filter, has_seq;
	int now;
} bounds;

int lgd_query_bounds(ledger *l, const dash_query *q, bounds *b, cart_err *e);
/* ?7 the filter, ?8 its upper-case prefix, ?9 its sequence (digits, zero-padded). */
void lgd_bind_filter(sqlite3_stmt *s, const bounds *b);
/* Step a statement with one integer result and give it back. */
int lgd_step_int(ledger *l, sqlite3_stmt *s, int64_t *out, const char *doing, cart_err *e);
/* The client's name, tax id and DV into r (r->client_id set). */
int lgd_fill_client(ledger *l, dash_row *r, cart_err *e);

/* The clients tab (ledger_dash_clients.c). */
int lgd_clients_count(ledger *l, const dash_query *q, const bounds *b, int64_t *n, cart_err *e);
int lgd_clients_page(ledger *l, const dash_query *q, const bounds *b, int64_t offset, int limit,
                     dash_cb cb, void *ud, cart_err *e);
int lgd_clients_position(ledger *l, const dash_query *q, const bounds *b, const dash_key *k,
                         int64_t *pos, cart_err *e);

/* What the Clients tab keeps between keys (ledger_dash_memo.c), read again once the ledger
 * changed. Walk the clients with something open as of q->asof (the fast path's question: nothing
 * dated after it, no days bound) that the filter in b finds, in name order (desc: backwards),
 * one (client, currency) pair at a time until cb returns non-zero. One client's dashboard
 * (q->client_id) reads that client's pairs alone. */
typedef int (*lgd_pair_cb)(int64_t client_id, const char *currency, void *ud);
int lgd_pairs_walk(ledger *l, const dash_query *q, const bounds *b, int desc, lgd_pair_cb cb,
                   void *ud, cart_err *e);
/* The last list of the tab in another order, under the question that made it (zeroed, then
 * filled, so that it compares as bytes). lgd_rows_keep takes rows (malloc'd) over. */
typedef struct lgd_rows_key {
	int64_t client_id;
	char asof[DATE_LEN];
	char filter[130];
	int sort, desc, has_min, has_max, days_min, days_max, now;
} lgd_rows_key;
void *lgd_rows_kept(ledger *l, const lgd_rows_key *k, size_t *n);
int lgd_rows_keep(ledger *l, const lgd_rows_key *k, void *rows, size_t n, cart_err *e);

#endif
