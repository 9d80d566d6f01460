/* Electronic invoices as the region issues them (SPEC I2), read with libxml2: UBL 2.1 invoices,
 * credit and debit notes of Peru (SUNAT) and Colombia (DIAN), CFDI 4.0 of Mexico with its
 * payment complements (type P, pago20) posted as receipts allocated to the invoices they name.
 * Each file is checked against its own totals and posted in one transaction, or refused (or held,
 * when what it affects is not in the ledger) naming the file and the figures. The legal number
 * is the identity: a file already imported posts nothing again and says so; a different document
 * with the same legal number is a conflict. Controller level: no SQL, no curses. */
#ifndef CARTERA_EINVOICE_H
#define CARTERA_EINVOICE_H

#include "cartera/ctl.h"

enum einv_outcome {
	EINV_IMPORTED = 0,        /* posted */
	EINV_ALREADY = 1,         /* its legal number is in the ledger: nothing posted */
	EINV_REFUSED = 2,         /* malformed, totals that disagree, a conflict: nothing posted */
	EINV_HELD = 3,            /* what it affects is not in the ledger (or is ambiguous): nothing
	                           * posted; import it again once that is there */
};

typedef struct einv_report {
	const char *file;
	int outcome;              /* enum einv_outcome */
	char text[800];           /* what was posted, or why not */
} einv_report;

typedef void (*einv_report_fn)(const einv_report *r, void *ud);

typedef struct einv_summary {
	int files, imported, already, refused, held;
} einv_summary;

/* Import one file, or every .xml file under a directory (invoices first, then debit and credit
 * notes, then payments, each group in name order). create_clients: 1 creates a customer the
 * ledger does not know from the document's party data, 0 refuses the file, -1 follows the
 * company setting. fn is called once per file. CART_OK when every file was imported or already
 * there; CART_REFUSED when any was refused or held (the others are posted all the same); other
 * codes when path cannot be read. */
int einvoice_import(ctl *c, const char *path, int create_clients, einv_report_fn fn, void *ud,
                    einv_summary *s, cart_err *e);

/* The company setting (yes/no) and its value. */
int einvoice_setting_set(ctl *c, int create_clients, cart_err *e);
int einvoice_setting_get(ctl *c, int *create_clients, cart_err *e);

#endif
