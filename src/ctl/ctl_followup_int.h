/* Inside the follow-up controllers (ctl_followup.c, ctl_followup_run.c): a client's open charges
 * reduced to what the level decision needs, and the decision itself. */
#ifndef CARTERA_CTL_FOLLOWUP_INT_H
#define CARTERA_CTL_FOLLOWUP_INT_H

#include "cartera/ctl_followup.h"

typedef struct fu_item {
	date_t due;
	char cur[4];
	int64_t open;
	int64_t uncovered;        /* set by fu_evaluate: what no credit in favour covers */
	int days;                 /* set by fu_evaluate: today - due */
} fu_item;

typedef struct fu_credit {
	int64_t client_id;
	char cur[4];
	int64_t open;
} fu_credit;

/* A client's open charges: items[i] is docs[i] (the open item as the ledger gives it). */
typedef struct fu_items {
	fu_item *items;
	open_item *docs;
	int n;
} fu_items;

/* Which level the charges call for against the state, and what to do (see ctl_followup.h). The
 * credits pay the oldest charges first; items get their uncovered amount and days. Pure. */
void fu_evaluate(const fu_level *lv, int nl, const fu_state *st, fu_item *items, int n,
                 const fu_credit *cr, int ncr, date_t today, fu_eval *v);
/* The same for one client read from the ledger now; *out (may be NULL) keeps its charges, to be
 * freed with free(out->items) and free(out->docs). */
int fu_client_eval(ctl *c, const fu_level *lv, int nl, int64_t client_id, fu_eval *v,
                   fu_items *out, cart_err *e);

/* The company's levels; when it has none yet, the defaults with ids -1, -2... (not saved). */
int fu_levels_load(ctl *c, fu_level *lv, int *n, cart_err *e);

/* ctl_fu_status of every client (ctl_followup_walk.c). */
int fu_status_all(ctl *c, int only_action, fu_eval_cb cb, void *ud, cart_err *e);

/* A history line's time: today's date (fixed by --today) at the clock's time of day, UTC. */
void fu_stamp(char at[24]);

#endif
