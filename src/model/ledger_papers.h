/* What printed documents read besides the document itself (issue 16): every instalment of an
 * invoice with its due date, amount and what is still open. Included from src/model and
 * src/report only. */
#ifndef CARTERA_LEDGER_PAPERS_H
#define CARTERA_LEDGER_PAPERS_H

#include "ledger.h"

typedef struct doc_instalment {
	int seq;
	char due_date[DATE_LEN];
	int64_t amount, open;
} doc_instalment;

/* The instalments of document doc_id's charges, in order; *n of at most max. */
int ledger_doc_instalments(ledger *l, int64_t doc_id, doc_instalment *rows, int max, int *n,
                           cart_err *e);

#endif
