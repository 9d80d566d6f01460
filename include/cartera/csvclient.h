/* Clients to and from CSV (SPEC C5). An import is all or nothing: every row is checked first
 * (name, tax id and its DV by the company's country, duplicates in the file and in the ledger,
 * numbers, enumerations), and one bad row rejects the whole file with every bad line listed;
 * a good file goes in as one transaction. The export writes every client in the columns the
 * import reads. Controller level: the ctl and ledger API only, no SQL, no curses. */
#ifndef CARTERA_CSVCLIENT_H
#define CARTERA_CSVCLIENT_H

#include <stdio.h>

#include "cartera/ctl.h"

/* Messages kept per list; past it they are only counted (n_more). */
#define CSVCLIENT_MAX_MSGS 1000

typedef struct csvclient_msg {
	long line;          /* line of the input where the row starts; 0 for the file as a whole */
	char text[300];     /* the reason, without the line */
} csvclient_msg;

typedef struct csvclient_list {
	csvclient_msg *msg; /* ordered by line */
	int n;
	long n_more;        /* further messages beyond CSVCLIENT_MAX_MSGS */
} csvclient_list;

typedef struct csvclient_result {
	long rows;          /* data rows read (the header not counted) */
	long imported;      /* clients added: every row, or 0 */
	csvclient_list errors;
	csvclient_list warnings;  /* accepted, but worth a look (Mexican RFC check digit) */
} csvclient_result;

void csvclient_result_free(csvclient_result *r);
/* Add a message for a line of a file (the imports of clients, openings and documents); past
 * CSVCLIENT_MAX_MSGS only counted in n_more. CART_NOMEM when it could not be kept. */
int csvclient_list_add(csvclient_list *l, long line, const char *text);

/* Header row, then one row per client by name: id, name, tax_id, dv, taxpayer_type (natural |
 * legal), receiver_type (taxpayer | final | government | foreign), email, phone, mobile,
 * address, location, terms_days, credit_limit (plain, '.' decimal), charge_mode (invoice |
 * expenses | both | none), active (yes | no), notes. CRLF line ends, UTF-8 without a mark. */
int csvclient_export(ctl *c, FILE *out, cart_err *e);

/* Export into the file path through a temporary file beside it, so a failed export leaves
 * nothing behind. An existing path is replaced only when replace is set, else CART_REFUSED (also
 * when the file appeared meanwhile). *n gets the number of clients written (may be NULL). */
int csvclient_export_file(ctl *c, const char *path, int replace, long *n, cart_err *e);

/* Read clients from in. The header row names the columns in any order, case and accents aside,
 * in English as the export writes them or in Spanish (nombre, razon social, ruc, nit, rfc,
 * identificacion, telefono, celular, correo, direccion, plazo, dias, cupo, limite, activo,
 * notas, ...); name is required, unknown columns are refused, an id column is ignored (clients
 * get new numbers). Returns CART_OK with r->imported clients added, or CART_INVALID with e
 * saying how many lines are wrong and r->errors listing each of them (name_for_messages names
 * the input there), and nothing added; other codes when the ledger fails, again with nothing
 * added. r is filled in every case; free it with csvclient_result_free(). */
int csvclient_import(ctl *c, FILE *in, const char *name_for_messages, csvclient_result *r,
                     cart_err *e);

/* A header name as compared: ASCII lower case, accents dropped, other runs one '_' ("Razón
 * Social" -> "razon_social"). Shared with the other imports (csvopening.h). */
void csvclient_fold(const char *in, char *out, size_t size);

#endif
