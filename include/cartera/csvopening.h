/* Opening balances from CSV (SPEC L3), either form: one balance per client at a date (columns
 * client, date, amount; a negative amount is a credit in favour), or the client's open items from
 * the old system (a due or number column as well: each row is one pending invoice). All or
 * nothing, like the client import: every row is checked first and a bad file is refused with
 * every bad line listed; a good one is posted in one transaction, and a row the ledger refuses
 * (an opening balance already there, an invoice dated before it) refuses the file, naming it. */
#ifndef CARTERA_CSVOPENING_H
#define CARTERA_CSVOPENING_H

#include <stdio.h>

#include "cartera/csvclient.h"

/* Columns, in any order, English or Spanish: client (cliente; a number, tax id or name), date
 * (fecha), amount (saldo, importe, monto, valor; plain "1234.56" or the company's format),
 * due (vencimiento), number (numero, factura, referencia), currency (moneda). r->imported counts
 * the rows posted; errors as in csvclient_import. */
int csvopening_import(ctl *c, FILE *in, const char *name_for_messages, csvclient_result *r,
                      cart_err *e);

#endif
