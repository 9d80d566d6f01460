/* Documents brought from other systems (SPEC I1, I2; schema 011): the legal number that is a
 * document's identity outside cartera (series-number, CUFE, CFDI UUID), the instalments an
 * import allocates to, and the company's import settings. Included from src/model, src/ctl and
 * src/report only. */
#ifndef CARTERA_LEDGER_IMPORT_H
#define CARTERA_LEDGER_IMPORT_H

#include "ledger.h"

/* One legal number: issuer "" is the company's own old system (a CSV import). */
typedef struct legal_row {
	int64_t doc_id;
	char doc_number[32];      /* the cartera document carrying it (FAC-000012) */
	char issuer[32];
	char kind[24];            /* invoice, credit-note, debit-note, payment, receipt, advance */
	char number[128];
	int part;
	char alt[128];            /* Serie-Folio of a CFDI, the CUFE of a DIAN document */
	char digest[200];
	char source[200];
} legal_row;

/* Keep a legal number with document doc_id (in the posting's transaction: inside ledger_begin
 * or a bulk load). A number already there is CART_CONFLICT naming the document that holds it. */
int ledger_legal_add(ledger *l, int64_t doc_id, const legal_row *k, cart_err *e);

enum legal_match {
	LEGAL_EXACT = 0,          /* issuer, kind and number as given (NULL issuer or kind: any) */
	LEGAL_ANY = 1,            /* the number or the alt, any issuer and kind */
	LEGAL_ALT = 2,            /* issuer and kind as given (NULL: any), alt = number */
};
/* The legal numbers matching; *n of at most max, by document. */
int ledger_legal_find(ledger *l, int match, const char *issuer, const char *kind, const char *number,
                      legal_row *rows, int max, int *n, cart_err *e);
/* The legal numbers of one document. */
int ledger_legal_of_doc(ledger *l, int64_t doc_id, legal_row *rows, int max, int *n, cart_err *e);

/* The id of instalment seq (1, 2, ...) of a charge entry (also one a bulk load has just made);
 * CART_NOTFOUND when the charge has no such instalment. */
int ledger_instalment_id(ledger *l, int64_t entry_id, int seq, int64_t *id, cart_err *e);

/* The client whose tax id is exactly tax_id (no id or name matching, unlike ledger_client_find);
 * CART_NOTFOUND when none. */
int ledger_client_by_tax_id(ledger *l, const char *tax_id, client *c, cart_err *e);

/* Every client's id, tax id and name, in id order (an import resolving many clients at once);
 * a callback returning non-zero stops the walk. */
typedef int (*client_key_cb)(int64_t id, const char *tax_id, const char *name, void *ud);
int ledger_client_keys(ledger *l, client_key_cb cb, void *ud, cart_err *e);

/* Does the ledger hold any document at all? (an import into an empty ledger takes the bulk path) */
int ledger_has_documents(ledger *l, int *yes, cart_err *e);

/* Company setting: an electronic invoice for a tax id the ledger does not know creates the client
 * from the document's party data (1), or is refused (0, the default). */
int ledger_import_settings_get(ledger *l, int *create_clients, cart_err *e);
int ledger_import_settings_set(ledger *l, int create_clients, cart_err *e);

#endif
