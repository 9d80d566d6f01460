/* Debit notes (SPEC D8): post a charge that amends one invoice, from the command line or a
 * screen. The clerk's text is checked here; the model posts it in one transaction. */
#ifndef CARTERA_CTL_DEBIT_H
#define CARTERA_CTL_DEBIT_H

#include "cartera/ctl.h"

typedef struct ctl_debit_note {
	const char *invoice;    /* the invoice it amends: its number, id or legal number */
	const char *amount;     /* in the company's format, in the invoice's currency */
	const char *date;       /* NULL or "today" = today */
	const char *due;        /* NULL or "" = date + the client's terms */
	const char *reason;     /* why: a price difference, interest, freight... */
	const char *reference;  /* the client's order reference */
	const char *tax;        /* NULL or "" = none; a rate by name or percentage ("IGV 18%",
	                         * "18"): the amount includes it and is kept as base and tax */
} ctl_debit_note;

/* A debit note's amount split by a rate, as it would post: the total typed, its base and tax
 * (the base rounded to the minor unit, the tax what is left), the rate's name ("" none). */
typedef struct ctl_debit_split {
	int64_t total, base, tax;
	char rate_name[48];
	int64_t tax_rate_id;
	int rate;
} ctl_debit_split;
int ctl_debit_note_split(ctl *c, const char *amount, const char *tax, ctl_debit_split *out,
                         cart_err *e);

/* Post it; out->reference is the number of the invoice it amends. */
int ctl_debit_note_post(ctl *c, const ctl_debit_note *a, posted *out, cart_err *e);

#endif
