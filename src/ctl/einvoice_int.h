/* Inside the electronic-invoice import: the document as read from its XML (one shape for UBL and
 * CFDI), the readers of each format, and the XML helpers they share. */
#ifndef CARTERA_EINVOICE_INT_H
#define CARTERA_EINVOICE_INT_H

#include <stdint.h>

#include <libxml/tree.h>

#include "cartera/einvoice.h"

enum { EK_INVOICE, EK_DEBIT, EK_CREDIT, EK_PAYMENT, EK_N };

#define EINV_MAX_INST 60

typedef struct einv_alloc {
	char uuid[64];            /* the invoice paid (IdDocumento), upper case */
	char currency[4];
	int64_t amount;           /* ImpPagado, in the invoice's currency (micro units) */
	int part;                 /* the receipt it belongs to */
} einv_alloc;

/* One receipt of a payment complement: a Pago in one of its documents' currencies. */
typedef struct einv_part {
	char date[DATE_LEN];
	char currency[4];
	int64_t amount;           /* micro units */
	int n_alloc;
} einv_part;

typedef struct einv_doc {
	const char *file;
	char format[24];          /* "CFDI 4.0", "UBL 2.1" */
	char country[3];          /* MX, PE, CO */
	int kind;                 /* EK_* */
	char issuer[32], issuer_name[200];
	char receiver[32], receiver_name[200];
	int receiver_natural;     /* the customer is a natural person (by its tax id's form) */
	char number[64];          /* series-number, Serie-Folio */
	char uuid[128];           /* CFDI UUID (upper case), CUFE / CUDE */
	char date[DATE_LEN], due[DATE_LEN];
	int cash;                 /* paid on issue (PUE, Contado): due the same day */
	char currency[4];
	int64_t total;            /* micro units (millionths) of the currency */
	char detail[200];         /* taxes and exchange rate, kept in the memo */
	int n_inst;
	char inst_due[EINV_MAX_INST][DATE_LEN];
	int64_t inst_amount[EINV_MAX_INST];
	char ref_number[64];      /* notes: the invoice they affect */
	char ref_uuid[128];
	int n_refs;               /* distinct invoices named */
	einv_part *parts;         /* payments */
	int n_parts;
	einv_alloc *allocs;
	int n_allocs;
} einv_doc;

void einv_doc_free(einv_doc *d);

/* Readers: CART_OK with *d filled, or CART_INVALID with the reason (the figures that disagree). */
int einv_read_cfdi(xmlNode *root, einv_doc *d, cart_err *e);
int einv_read_ubl(xmlNode *root, einv_doc *d, cart_err *e);

/* ---- XML helpers (einvoice_xml.c): elements by local name, whatever their prefix ---- */
xmlNode *ex_child(xmlNode *n, const char *name);
xmlNode *ex_next(xmlNode *n, const char *name);   /* the next sibling of that name */
xmlNode *ex_path(xmlNode *n, const char *path);   /* "a/b/c" */
/* Text of an element or attribute, trimmed, into buf ("" when absent). */
const char *ex_text(xmlNode *n, char *buf, size_t size);
const char *ex_attr(xmlNode *n, const char *name, char *buf, size_t size);
/* A decimal number ("1234.5", "-3", "0.123456") into millionths: -1 when malformed, 0 when
 * absent (*present 0), 1 when read. */
int ex_decimal(const char *text, int64_t *micro);
/* Millionths as "1234.56" (2 decimals, rounded half away from zero). */
void ex_format(int64_t micro, char *buf, size_t size);
/* Rounded to cents, in millionths. */
int64_t ex_cents(int64_t micro);
/* ISO date at the start of text ("2025-01-24T10:00:00"); 0 when not one. */
int ex_date(const char *text, char out[DATE_LEN]);

#endif
