/* Documents from other systems (SPEC I1, I2). `import documents`: another system's invoices,
 * credit and debit notes, receipts with their allocations and advances from one CSV file,
 * checked whole first and posted all or nothing through the model's posting rules.
 * `import einvoice`: electronic invoices as the region issues them (einvoice.h). Controller
 * level: no SQL, no curses. */
#ifndef CARTERA_IMPORT_H
#define CARTERA_IMPORT_H

#include <stdio.h>

#include "cartera/csvclient.h"

/* Where a long import stands, for a progress line: phase is "reading", "checking", "posting"
 * or "indexing"; done of total units (rows; 0 total: not known). */
typedef void (*import_progress_fn)(const char *phase, long done, long total, void *ud);

typedef struct import_result {
	long rows;            /* data rows read (the header not counted) */
	long documents;       /* documents posted */
	long entries;         /* ledger entries they posted */
	long allocations;     /* allocations to invoices and instalments */
	long skipped;         /* documents whose legal number was already in the ledger */
	int bulk;             /* posted through the bulk path */
	csvclient_list errors;    /* bad lines: nothing was posted */
	csvclient_list notes;     /* lines posted nothing, and why (already in the ledger) */
} import_result;

void import_result_free(import_result *r);

/* The column set, in any order, case and accents aside (Spanish names work too):
 *   type          invoice | credit-note | debit-note | receipt | advance | apply | line
 *                 (factura, nota-credito, nota-debito, recibo, anticipo, aplicacion, linea)
 *   number        the document's number in the old system: unique in the file; the other
 *                 rows refer to it (a line row names its invoice by it)
 *   client        id, tax id or name of a client already in the ledger
 *   date, due     YYYY-MM-DD; due defaults to the client's terms (invoices)
 *   currency      "" = the company's
 *   amount        the total (invoices with lines may leave it empty); '.' decimals or the
 *                 company's format
 *   legal_number  series-number, CUFE or UUID: a document whose legal number is already in
 *                 the ledger posts nothing and is named
 *   instalments   DATE=AMOUNT;DATE=AMOUNT (or dates alone: the total split evenly)
 *   applies_to    notes: the invoice they affect; receipts: NUMBER[#INSTALMENT][=AMOUNT];...
 *                 (no amount: all it has open), NUMBER is in the file or in the ledger (its
 *                 legal number or cartera number)
 *   credit        apply rows: the receipt, advance or credit note (of the file, before the
 *                 row) whose credit in favour pays what applies_to names, on the row's date
 *   memo, method  free text; method of payment of a receipt
 *   description, quantity, price, tax   line rows: one line of the invoice named by number
 * A file with apply rows takes the ordinary path (one transaction, the indexes kept).
 * Debit notes post as debit notes (ND-000001...) amending the invoice applies_to names, which
 * must be an invoice (or an open item carried over). */
int import_documents(ctl *c, FILE *in, const char *name_for_messages, import_progress_fn progress,
                     void *ud, import_result *r, cart_err *e);

/* A document's legal numbers for people, one a line ("legal number F001-1 (invoice of
 * 20123456789)"); "" when it has none. */
int import_legal_text(ctl *c, int64_t doc_id, char *buf, size_t size, cart_err *e);

#endif
