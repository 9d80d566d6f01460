/* The receipt form (SPEC D4, seed 001 "Recibos de caja") and applying a credit in favour (D5):
 * the client's open invoices and instalments oldest first, the means of payment and withholdings,
 * what is received, allocated and left, and what becomes of the leftover. Also the credit note
 * (scr_credit_note.c) and opening balance (scr_opening.c) forms, opened from the dashboard. */
#ifndef CARTERA_UI_SCR_RECEIPT_H
#define CARTERA_UI_SCR_RECEIPT_H

#include <stdint.h>

#include "screen.h"

#include "cartera/ctl.h"

/* A receipt from client_id (0: the pick dialog opens first) in currency ("" = the company's);
 * with doc ("FAC-000012"), that document is marked and the amount received proposed is what
 * it has open. */
int scr_receipt_new(ctl *c, int64_t client_id, const char *currency, const char *doc,
                    ui_screen **out, cart_err *e);
/* The receipt of a bank line (scr_bank.c): the form as ctl_bank_form fills it (the proposed
 * client and documents, the line's date, a transfer of its amount with its reference; the pick
 * dialog first when no client was proposed); F9 posts it as the line's receipt. */
int scr_receipt_bank_new(ctl *c, int64_t line_id, ui_screen **out, cart_err *e);
/* Apply the credit in favour held by document credit (of client_id) to the client's open
 * invoices, oldest first unless typed; or refund / write off what is left of it. */
int scr_apply_new(ctl *c, int64_t client_id, const char *currency, const char *credit,
                  ui_screen **out, cart_err *e);
/* Apply the client's oldest credit in favour to document doc ("FAC-000012", or one instalment
 * "FAC-000012/2"), that document alone marked: from a Due or Overdue row. */
int scr_apply_to_new(ctl *c, int64_t client_id, const char *currency, const char *doc,
                     ui_screen **out, cart_err *e);
/* A credit note against one of a client's open invoices, or on account. */
int scr_credit_note_new(ctl *c, int64_t client_id, ui_screen **out, cart_err *e);
/* The debit note form (scr_debit_note.c), of a client (0: picked on it) and an invoice (NULL or
 * "": picked on it). */
int scr_debit_note_new(ctl *c, int64_t client_id, const char *invoice, ui_screen **out,
                       cart_err *e);
/* Opening balances: one per client at a date, or its open items; and their CSV import. */
int scr_opening_new(ctl *c, ui_screen **out, cart_err *e);

#endif
