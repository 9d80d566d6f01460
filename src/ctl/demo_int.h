/* Inside the demo ledger's generator (demo.c, demo_clients.c, demo_docs.c): the generator's memory
 * (the open-item pool, the payment heap, the void candidates) and the helpers the three files share.
 * Every step of the run works on the same struct gen, passed along as g. */
#ifndef CARTERA_DEMO_INT_H
#define CARTERA_DEMO_INT_H

#include <stdint.h>

#include "cartera/demo.h"
#include "demo_names.h"
#include "model/ledger.h"

/* ---- the generator's memory ---- */

#define NEVER INT32_MAX      /* planned payment day of a charge its client will not pay */
#define NCAND 8              /* void candidates kept of each kind */
#define MAX_PAID 6           /* charges one receipt pays at most */
#define PEND_DAYS 16         /* credit notes are scheduled at most this many days ahead */
#define INST_GAP 30          /* days between instalments */

enum payer { PAY_PUNCTUAL, PAY_NORMAL, PAY_LATE, PAY_BAD };

typedef struct dclient {
	int64_t id;
	int32_t head, tail;      /* open charges, oldest first (item slots, -1 = none) */
	int32_t chead, ctail;    /* open credits in favour we may apply, oldest first */
	int16_t terms;
	uint8_t active, payer;
} dclient;

/* An open charge (invoice, opening item or balance) or an open credit (advance, credit note on
 * account, negative opening balance). Overpayments are not tracked: the model reports only the
 * receipt's first entry, so their AA credit stays in favour of the client for good. */
typedef struct item {
	int64_t entry_id, doc_id;
	int64_t amount, open;
	int32_t client, prev, next; /* the client's list; next doubles as the free list */
	int32_t heap;               /* position in the payment heap, -1 when not in it */
	date_t date, due, planned;
	int16_t cand;               /* index into the invoice void candidates, -1 */
	uint8_t credit, n_inst;
} item;

typedef struct hnode {
	int64_t key;                /* planned day << 32 | insertion sequence: a total order */
	int32_t slot, pad;
} hnode;

typedef struct pending {
	int64_t entry_id;           /* the invoice it credits, 0 = on account */
	int32_t slot, client;
	date_t day;
} pending;

typedef struct vcand {
	int64_t doc_id, entry_id;
	date_t date, last_alloc;
	int32_t slot;               /* invoice candidates: the open charge, -1 once paid */
	int n_allocs, n_entries, n_paid;
	int64_t paid[MAX_PAID];     /* receipt candidates: the charges they paid */
} vcand;

typedef struct gen {
	ledger *l;
	const demo_opts *o;
	demo_stats *st;
	cart_err *e;
	company co;
	dn_rng r;
	int64_t median, round;      /* a typical invoice and what payments round to (minor units) */
	date_t d0, today;
	int64_t n_inv, n_rc;

	dclient *cl;
	int32_t ncl;
	int32_t *act, nact, ntop;   /* active clients; the first ntop buy more */

	item *it;
	int32_t nit, capit, freeit;
	hnode *heap;
	int32_t nheap, capheap;
	uint32_t seq;

	date_t dlo;                 /* date strings cached for dlo .. dlo + ndates - 1 */
	int32_t ndates;
	char (*dstr)[DATE_LEN];
	char dscratch[4][DATE_LEN];
	unsigned dnext;

	pending *pend[PEND_DAYS];
	int npend[PEND_DAYS], cappend[PEND_DAYS];

	vcand vinv[NCAND], vrc[NCAND];
	int64_t seen_inv, seen_rc;
	int nvinv, nvrc;

	/* due dates at the middle of each aging range: the first invoice falling due near one is
	 * disputed and never paid, so every range of the aging report has something in it */
	date_t anchor[LEDGER_MAX_RANGES + 1];
	uint8_t anchored[LEDGER_MAX_RANGES + 1];
	int nanchor;

	int64_t carry;              /* receipts put off to a later day */
	int64_t work, work_total, next_mark;
} gen;

/* ---- shared by the generator's files (demo.c) ---- */

/* Report running out of memory; returns CART_NOMEM. */
int dg_nomem(gen *g);
/* The model's message, with what the demo was doing in front (date may be NULL). */
int dg_failed(gen *g, int rc, const char *what, const char *date);
/* Day d as "YYYY-MM-DD", from the cache when it is in range (else from a 4-deep scratch ring). */
const char *dg_ds(gen *g, date_t d);
/* Count n more documents done; every twentieth of the work is shown on stderr unless quiet. */
void dg_progress(gen *g, int64_t n);
/* A new open charge (credit 0) or credit (1) at the end of client ci's list; its slot or -1. */
int32_t dg_item_new(gen *g, int32_t ci, int credit);
/* (Re)schedule a charge for the day planned; NEVER takes it out of the heap for good. */
int dg_heap_plan(gen *g, int32_t s, date_t planned);
/* Where instalment k of x ends (an offset into its amount); which instalment an offset is in. */
int64_t dg_inst_end(const item *x, int k);
int dg_inst_index(const item *x, int64_t offset);
/* Allocation rows the model writes for amount against x: one per instalment it touches. */
int dg_alloc_rows(const item *x, int64_t amount);
/* Book amount against item s as the model did; closes it when nothing is left. */
void dg_item_take(gen *g, int32_t s, int64_t amount, date_t d);
/* v rounded down to a multiple of unit (none when unit is 0). */
int64_t dg_round_down(int64_t v, int64_t unit);
/* An invoice total: a spread from a tenth to forty times the typical invoice, plus VAT. */
int64_t dg_invoice_amount(gen *g);
/* The day this client will pay a charge due on due, or NEVER. */
date_t dg_plan_payment(gen *g, const dclient *c, date_t date, date_t due);

/* ---- the clients and their opening balances (demo_clients.c) ---- */

/* Add the o->clients clients (and the persons of some companies); fills g->cl and g->act. */
int dg_make_clients(gen *g);
/* The active client of the next document: the key account, one of the big buyers or anyone. */
int32_t dg_pick_client(gen *g);
/* Opening items and balances for some 15% of the clients, before any invoice. */
int dg_make_openings(gen *g);

/* ---- the documents (demo_docs.c) ---- */

/* Walk the calendar: each day's credit notes, invoices, advances and receipts. */
int dg_run_days(gen *g);
/* Quotes over the last 60 days (they post nothing). */
int dg_make_quotes(gen *g);
/* A few voids of recent invoices and receipts, after the bulk load. */
int dg_make_voids(gen *g);

#endif
