/* The ledger model. Documents keyed at the terminal (schema 004): tax rates, a document's lines and taxes, a
 * receipt's means of payment, quotes. */
#ifndef CARTERA_MODEL_LEDGER_DOCS_H
#define CARTERA_MODEL_LEDGER_DOCS_H

#include "cartera/types.h"
#include "ledger_db.h"

int ledger_tax_list(ledger *l, tax_rate_cb cb, void *ud, cart_err *e);

/* Add a rate; sets r->id. A duplicate name is CART_CONFLICT. */
int ledger_tax_add(ledger *l, tax_rate *r, cart_err *e);

int ledger_tax_get(ledger *l, int64_t id, tax_rate *r, cart_err *e);

/* A document's lines and tax per rate, as posted; *n of at most max. */
int ledger_doc_lines(ledger *l, int64_t doc_id, doc_line *rows, int max, int *n, cart_err *e);

int ledger_doc_taxes(ledger *l, int64_t doc_id, doc_tax *rows, int max, int *n, cart_err *e);

int ledger_receipt_detail(ledger *l, int64_t doc_id, receipt_detail *d, cart_err *e);

/* Quotes of one client (0 = all), newest first, status as of asof. */
int ledger_quote_list(ledger *l, int64_t client_id, const char *asof, quote_cb cb, void *ud,
                      cart_err *e);

int ledger_quote_get(ledger *l, int64_t doc_id, const char *asof, quote_row *q, cart_err *e);

#endif
