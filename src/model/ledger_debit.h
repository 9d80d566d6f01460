/* Debit notes (SPEC D8, issue 16): a charge (ND entry) that amends one invoice, numbered in its
 * own series (ND-000001), voided like any document. The invoice it amends is kept with it and
 * read back in doc_info.amends. */
#ifndef CARTERA_MODEL_LEDGER_DEBIT_H
#define CARTERA_MODEL_LEDGER_DEBIT_H

#include "cartera/types.h"
#include "ledger_db.h"

typedef struct debit_note_in {
	int64_t invoice_id;        /* the document it amends: an invoice or an opening item */
	char date[DATE_LEN];
	char due_date[DATE_LEN];   /* "" = date + the client's terms */
	int64_t amount;            /* > 0, in the invoice's currency, tax included */
	int64_t tax_rate_id;       /* the rate it carries (0 = none): its base and tax are kept */
	int rate;                  /* that rate, hundredths of a percent */
	int64_t tax;               /* the part of amount that is tax (0 <= tax < amount) */
	char reason[200];          /* why (price difference, interest, freight...) */
	char reference[64];        /* the client's order reference, if any */
} debit_note_in;

/* Post a debit note: its client and currency are the invoice's; the invoice must not be voided
 * and the note is not dated before it. */
int ledger_debit_note_post(ledger *l, const debit_note_in *in, posted *out, cart_err *e);

/* The debit notes amending invoice doc_id that are not voided: up to max numbers into
 * numbers (32 bytes each), their count in *n. */
int ledger_debit_notes_of(ledger *l, int64_t doc_id, char (*numbers)[32], int max, int *n,
                          cart_err *e);

#endif
