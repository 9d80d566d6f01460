/* The ledger model. Postings (SPEC L1-L4, D1-D5): invoices, receipts, credit notes, applications of credits,
 * journals, opening balances, refunds and write-offs, quotes, and voids by reversing documents.
 * Each is one BEGIN IMMEDIATE transaction. */
#ifndef CARTERA_MODEL_LEDGER_POST_H
#define CARTERA_MODEL_LEDGER_POST_H

#include "cartera/types.h"
#include "ledger_db.h"

int ledger_invoice_post(ledger *l, const invoice_in *in, posted *out, cart_err *e);

/* Post a receipt: an APF credit for what pays charges and an AA credit in favour for any excess.
 * Over-allocation (more than the receipt, or more than a charge has open) is refused. */
int ledger_receipt_post(ledger *l, const receipt_in *in, posted *out, cart_err *e);

int ledger_credit_note_post(ledger *l, const credit_note_in *in, posted *out, cart_err *e);

int ledger_credit_apply(ledger *l, const apply_in *in, posted *out, cart_err *e);

int ledger_journal_post(ledger *l, const journal_in *in, posted *out, cart_err *e);

int ledger_opening_post(ledger *l, const opening_in *in, posted *out, cart_err *e);

/* Void a document by a reversing document dated date: its allocations are reversed (payments it
 * received become credits in favour again), and each of its entries is mirrored by an entry of the
 * opposite side allocated against it. Voiding a void, or a voided document, is refused. */
int ledger_document_void(ledger *l, int64_t doc_id, const char *date, const char *reason,
                         posted *out, cart_err *e);

int ledger_credit_settle(ledger *l, const settle_in *in, posted *out, cart_err *e);

int ledger_quote_post(ledger *l, const quote_in *in, posted *out, cart_err *e);

/* Accept or reject an open quote (as of date: an expired quote cannot be accepted). */
int ledger_quote_set_status(ledger *l, int64_t doc_id, int status, const char *date, cart_err *e);

/* Turn a quote into an invoice in one transaction: its lines, client and currency; the invoice's
 * date, due date, instalments and override come from inv (lines, client and currency there are
 * ignored). The two are linked; a quote invoiced, rejected or expired is refused. */
int ledger_quote_invoice(ledger *l, int64_t quote_doc_id, const invoice_in *inv, posted *out,
                         cart_err *e);

#endif
