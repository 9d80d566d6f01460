/* The client list's view-model (SPEC C3): the screen sets a filter and a sort order, asks how many
 * clients match and fetches just the page it shows, as ready-to-print text (tax id with its DV,
 * the balance in the company's format). No curses and no SQL here: the ledger answers. */
#ifndef CARTERA_CTL_CLIENTS_H
#define CARTERA_CTL_CLIENTS_H

#include "cartera/ctl.h"

enum ctlc_sort { CTLC_BY_NAME = CLIENT_BY_NAME, CTLC_BY_TAXID = CLIENT_BY_TAXID,
                 CTLC_BY_PHONE = CLIENT_BY_PHONE };

typedef struct ctlc_row {
	int64_t id;
	char name[200];
	char tax_id[40];     /* "20123456789-1"; just the id when it has no DV */
	char phone[40];
	char balance[64];    /* company format; other currencies follow with their code */
} ctlc_row;

typedef struct ctl_clients {
	ctl *c;
	char filter[128];
	int sort, desc;
	long count;
} ctl_clients;

void ctl_clients_init(ctl_clients *v, ctl *c);
/* Set the filter (matches name, tax id or phone; "" for all) and the order; recounts. */
int ctl_clients_query(ctl_clients *v, const char *filter, int sort, int desc, cart_err *e);
/* Rows offset..offset+n-1 of the current query into out; *got says how many. */
int ctl_clients_page(ctl_clients *v, long offset, int n, ctlc_row *out, int *got, cart_err *e);

/* One client for the read-only detail panel: its record and its four totals per currency. */
typedef struct ctlc_detail {
	client cl;
	char tax_id[40];
	char credit_limit[48];
	ctl_dashboard d;
	char due[LEDGER_MAX_CURRENCIES][48], overdue[LEDGER_MAX_CURRENCIES][48];
	char credits[LEDGER_MAX_CURRENCIES][48], net[LEDGER_MAX_CURRENCIES][48];
} ctlc_detail;
int ctl_clients_detail(ctl_clients *v, int64_t id, ctlc_detail *out, cart_err *e);

#endif
