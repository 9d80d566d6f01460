/* Who voided a document, when and why: read from the void document itself (its clerk, date and
 * reason), for every face that shows a voided document (show, report document, the statement). */
#ifndef CARTERA_LEDGER_VOIDED_H
#define CARTERA_LEDGER_VOIDED_H

#include "ledger_db.h"

typedef struct void_info {
	char number[32];          /* the void's number (ANU-000001); "" when not voided */
	char voided[32];          /* the number of the document it voided */
	char date[DATE_LEN];
	char clerk[64];
	char reason[200];
	char posted_at[32];
} void_info;

/* The void of doc_id, or, when doc_id is itself a void, that void. v->number is "" when the
 * document was never voided (CART_OK all the same). */
int ledger_void_info(ledger *l, int64_t doc_id, void_info *v, cart_err *e);

#endif
