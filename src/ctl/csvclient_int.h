/* Inside the clients' CSV (csvclient.c, csvclient_import.c): what is wrong with a row, the text
 * slots of a client, and checking a header and a row, which the import calls for each line. */
#ifndef CARTERA_CSVCLIENT_INT_H
#define CARTERA_CSVCLIENT_INT_H

#include <stddef.h>

#include "cartera/csv.h"
#include "cartera/csvclient.h"

/* What is wrong with one row, reasons joined by "; ". */
typedef struct problems {
	char text[sizeof ((csvclient_msg *)0)->text];
	int n;
} problems;

/* The text fields of a client, in the order an imported row keeps them. */
enum { S_TAX, S_DV, S_NAME, S_LOCATION, S_ADDRESS, S_EMAIL, S_PHONE, S_MOBILE, S_NOTES, S_CURP, S_N };

/* Add one reason to p (dropped when the text is full). */
void csvc_say(problems *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Trim blanks around a field in place. */
char *csvc_trim(char *s);
/* Text slot i (S_TAX ...) of cl and its size. */
char *csvc_client_str(client *cl, int i, size_t *size);
/* Map each header cell to its column (COL_BLANK for an empty cell); problems go to p. */
void csvc_read_header(const csv_record *h, int *map, problems *p);
/* Check one data row and turn it into a client; problems say what is wrong. */
void csvc_read_row(ctl *c, const csv_record *rec, const int *map, client *cl, problems *p,
                   taxid_check *tc);

#endif
