/* The ledger model. Queries, every one as of a date (SPEC L6, B1, R1-R2): totals, balances, open items, the
 * statement, the aging, a document and what settled it, and the invariant check. */
#ifndef CARTERA_MODEL_LEDGER_QUERY_H
#define CARTERA_MODEL_LEDGER_QUERY_H

#include "cartera/types.h"
#include "ledger_db.h"

/* Find a document by number ("FAC-000012") or id. */
int ledger_document_find(ledger *l, const char *ref, int64_t *doc_id, cart_err *e);

int ledger_document_get(ledger *l, int64_t doc_id, doc_info *d, cart_err *e);

/* The entries a document posted (not the mirrors of a void), in order; *n of at most max. */
int ledger_document_entries(ledger *l, int64_t doc_id, doc_entry *rows, int max, int *n, cart_err *e);

int ledger_document_allocations(ledger *l, int64_t doc_id, doc_alloc *rows, int max, int *n,
                                cart_err *e);

/* The four dashboard totals (B1) for all clients (client_id 0) or one, one row per currency,
 * ordered by currency; *n rows written (at most LEDGER_MAX_CURRENCIES). */
int ledger_totals(ledger *l, int64_t client_id, const char *asof, totals *rows, int *n, cart_err *e);

/* The ledger balance (charges minus credits over every entry) of all clients (0) or one, one row
 * per currency. Computed from the entries alone, it is what net must always equal. */
int ledger_balance(ledger *l, int64_t client_id, const char *asof, balance *rows, int *n, cart_err *e);

/* The ledger balance of all clients in one currency (all zeros when it has no entries); much
 * faster than ledger_balance(l, 0, ...) on a large ledger (reports check their totals with it). */
int ledger_balance_currency(ledger *l, const char *currency, const char *asof, balance *out,
                            cart_err *e);

/* Open charges (by instalment where an invoice has them) and open credits of one client as of
 * asof, charges first, oldest due first. */
int ledger_open_items(ledger *l, int64_t client_id, const char *asof, open_item_cb cb, void *ud,
                      cart_err *e);

int ledger_open_charges(ledger *l, const char *asof, open_charge_cb cb, void *ud, cart_err *e);
/* The same as of now, every charge in memory (charge_set); *now 0 (and nothing read) when asof
 * is not today, where ledger_open_charges walks client by client. Free with
 * ledger_charge_set_free. */
int ledger_open_charges_set(ledger *l, const char *asof, charge_set *set, int *now, cart_err *e);
void ledger_charge_set_free(charge_set *set);

/* Every entry of a client dated on or before asof, in date order, with running balance. */
int ledger_statement(ledger *l, int64_t client_id, const char *asof, stmt_cb cb, void *ud, cart_err *e);

/* Aging by client as of asof with n_ranges bounds (e.g. 30 60 90 -> 1-30, 31-60, 61-90, >90),
 * one row per client and currency that has anything open, ordered by name. Rows stream: memory
 * does not grow with the number of clients. */
int ledger_aging(ledger *l, const char *asof, const int *ranges, int n_ranges, aging_cb cb, void *ud,
                 cart_err *e);
/* ledger_aging, with the totals of all clients (as ledger_totals gives them, from the same open
 * items) handed to tcb before the first row: a report sizes its columns from them without a
 * second pass over the items. Non-CART_OK from tcb stops and is returned. */
typedef int (*aging_totals_cb)(const totals *t, int n, void *ud, cart_err *e);
int ledger_aging_totals(ledger *l, const char *asof, const int *ranges, int n_ranges,
                        aging_totals_cb tcb, aging_cb cb, void *ud, cart_err *e);

int ledger_check(ledger *l, const char *asof, check_cb cb, void *ud, int64_t *problems, cart_err *e);
/* ledger_check reads every row once: the big tables in C (ledger_check_scan.c), each other table
 * through PRAGMA quick_check(table) and foreign_key_check(table). With full, PRAGMA
 * integrity_check of the whole file too (every index against its table: minutes on a big
 * ledger). */
int ledger_check_full(ledger *l, const char *asof, int full, check_cb cb, void *ud,
                      int64_t *problems, cart_err *e);

#endif
