/* The client list's view-model (SPEC C3): the screen sets a filter and a sort order, asks how many
 * clients match and fetches just the page it shows, as ready-to-print text (tax id with its DV,
 * the balance in the company's format). No curses and no SQL here: the ledger answers. */
#ifndef CARTERA_CTL_CLIENTS_H
#define CARTERA_CTL_CLIENTS_H

#include "cartera/ctl.h"
#include "cartera/ctl_persons.h"

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

/* One client's open items as of a date, as the detail window's tabs show them: charges not yet
 * due, overdue charges (oldest due first) and open credits, each as ready-to-print text. */
enum ctlc_item_kind { CTLC_DUE, CTLC_OVERDUE, CTLC_CREDITS, CTLC_KINDS };

typedef struct ctlc_item {
	int64_t doc_id;
	char number[48];          /* "FAC-000123", or "FAC-000123 #2" for instalment 2 */
	char date[DATE_LEN], due[DATE_LEN];
	char days[16];            /* days overdue, "" when not overdue */
	char amount[64], open[64];/* company format; another currency carries its code */
} ctlc_item;

typedef struct ctlc_items {
	ctlc_item *item[CTLC_KINDS];
	long n[CTLC_KINDS];
} ctlc_items;

/* Load client id's open items as of asof (YYYY-MM-DD) into out (freed first when it holds some:
 * zero it before the first call). */
int ctl_clients_items(ctl_clients *v, int64_t id, const char *asof, ctlc_items *out, cart_err *e);
void ctl_clients_items_free(ctlc_items *it);

/* The client form's view-model (SPEC C1, seed 002): every field as the text the clerk edits, the
 * choices as indexes. The screen copies its widget's values in and out; the rules of what is
 * required and what is valid live here. */
enum ctlc_field {
	CF_RECEIVER, CF_TAXPAYER, CF_TAXID, CF_DV, CF_NAME, CF_LOCATION, CF_ADDRESS, CF_EMAIL,
	CF_PHONE, CF_MOBILE, CF_TERMS, CF_LIMIT, CF_NOTES, CF_ACTIVE,
	CF_CURP,                  /* a Mexican person's CURP, optional (issue 16) */
	CF_COUNT
};

#define CTLC_TEXT 400

typedef struct ctlc_form {
	int64_t id;               /* 0: a new client */
	int receiver;             /* enum receiver_type */
	int taxpayer;             /* enum taxpayer_type */
	int active;
	int charge_mode;          /* enum charge_mode: what the client's charges post (seed 003) */
	int dv_typed;             /* the clerk typed the DV (compared); else it is computed */
	char text[CF_COUNT][CTLC_TEXT]; /* the text fields as typed (choices are not kept here) */
	/* the associated persons (SPEC C2) in their order, saved with the client in one
	 * transaction; a new one has id 0 */
	person persons[LEDGER_MAX_PERSONS];
	int n_persons;
} ctlc_form;

/* A new client's defaults (taxpayer, natural person, 30 days, active). */
void ctl_clients_form_new(ctl_clients *v, ctlc_form *f);
int ctl_clients_form_load(ctl_clients *v, int64_t id, ctlc_form *f, cart_err *e);
/* Whether a field must be filled, for the form's receiver and taxpayer types. */
int ctl_clients_form_required(const ctlc_form *f, int field);
/* Check one field as the clerk leaves it: the message for the clerk in err ("" when fine). The
 * tax id is checked by the company's country; when the DV was not typed it is computed into
 * text[CF_DV]. */
void ctl_clients_form_check(ctl_clients *v, ctlc_form *f, int field, char *err, size_t size);
/* What is worth a look in a field that passed the check, "" when nothing: the Mexican RFC's check
 * digit that does not match (some RFCs the SAT issued fail it), for the tax id and its DV. It
 * does not block the save. */
void ctl_clients_form_warning(ctl_clients *v, const ctlc_form *f, int field, char *warn,
                              size_t size);
/* A Colombian person's digits alone whose last one may be the DV (issue 16): 1 with the
 * question for the clerk, answered yes or no in the clerk's language, in q; else 0. */
int ctl_clients_form_dv_question(ctl_clients *v, const ctlc_form *f, char *q, size_t size);
/* The answer: yes splits the last digit off as the DV typed; no keeps every digit the number's,
 * with the DV they have. The tax id and DV fields then pass the check. */
void ctl_clients_form_dv_answer(ctl_clients *v, ctlc_form *f, int last_is_dv);
/* Check every field and add or change the client and make its persons f->persons, all in one
 * transaction (a bad person leaves no client); f->id is set to the saved client's. On an error
 * *field says which field it is about (-1: none in particular, or a person: the message names
 * it). */
int ctl_clients_form_save(ctl_clients *v, ctlc_form *f, int *field, cart_err *e);
/* A field's name as messages say it ("the tax id"), for a face that has no box beside the field
 * to show a message in (the command line): "the e-mail: not an e-mail address…". */
const char *ctl_clients_field_name(int field);
/* The row of client id in the current query (-1 when the filter hides it). */
int ctl_clients_row_of(ctl_clients *v, int64_t id, long *row, cart_err *e);

#endif
