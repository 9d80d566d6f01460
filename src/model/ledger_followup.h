/* Payment follow-up in the ledger (SPEC F1-F3, F6, F8; schema 009): the company's levels, each
 * client's follow-up state, the record of every level reached (one per client, level and cycle,
 * written in the caller's transaction with what the level did), letters and SMS waiting to go,
 * activities for a clerk and promises to pay checked against the receipts. SQL only; deciding
 * which level a client needs is the controller's (src/ctl/ctl_followup.c). */
#ifndef CARTERA_LEDGER_FOLLOWUP_H
#define CARTERA_LEDGER_FOLLOWUP_H

#include "cartera/followup.h"
#include "ledger.h"


/* The levels in order of days; *n of at most max. */
int ledger_fu_levels(ledger *l, fu_level *out, int max, int *n, cart_err *e);
int ledger_fu_level_get(ledger *l, int64_t id, fu_level *lv, cart_err *e);
/* Add (sets lv->id) or change a level; two levels on the same day are CART_CONFLICT. */
int ledger_fu_level_add(ledger *l, fu_level *lv, cart_err *e);
int ledger_fu_level_update(ledger *l, const fu_level *lv, cart_err *e);
/* Remove a level no client has reached (CART_REFUSED otherwise: edit it instead). */
int ledger_fu_level_remove(ledger *l, int64_t id, cart_err *e);
/* Add these levels when the company has none yet, in one transaction; *added says whether. */
int ledger_fu_levels_seed(ledger *l, fu_level *defs, int n, int *added, cart_err *e);

/* A client's follow-up state; a client never followed up has the defaults (cycle 1). */
int ledger_fu_state_get(ledger *l, int64_t client_id, fu_state *st, cart_err *e);
int ledger_fu_state_put(ledger *l, const fu_state *st, cart_err *e);
/* Every client with a state row, in client id order. */
typedef int (*fu_state_cb)(const fu_state *st, void *ud);
int ledger_fu_states(ledger *l, fu_state_cb cb, void *ud, cart_err *e);

/* Whether any client has a follow-up state or a promise (reports skip the look-ups when not). */
int ledger_fu_any(ledger *l, int *any, cart_err *e);

/* Every open charge (entries without instalments, and instalments) dated on or before asof, as
 * (client, currency, due date, open), in no particular order: what the follow-up of every client
 * needs, read from the partial indexes of open items alone. Today's open amounts only. */
typedef int (*fu_charge_cb)(int64_t client_id, const char *currency, const char *due,
                            int64_t open, void *ud);
int ledger_fu_open_charges(ledger *l, const char *asof, fu_charge_cb cb, void *ud, cart_err *e);

/* Every client's id and name in a clerk's name order (the name index), in one statement: the
 * walk names and hands out the clients it shows in that order. */
typedef int (*fu_name_cb)(int64_t client_id, const char *name, void *ud);
int ledger_fu_client_names(ledger *l, fu_name_cb cb, void *ud, cart_err *e);

/* Open credits in favour per client and currency (they cover overdue charges). */
typedef int (*fu_credit_cb)(int64_t client_id, const char *currency, int64_t open, void *ud);
int ledger_fu_credits(ledger *l, int64_t client_id, fu_credit_cb cb, void *ud, cart_err *e);

/* Record that client reached level in cycle: CART_CONFLICT when it already did (another run got
 * there first). Call inside a transaction with everything the level does. */
int ledger_fu_done_add(ledger *l, int64_t client_id, int64_t level_id, int cycle, const char *date,
                       int64_t history_id, int64_t charge_doc, int64_t *done_id, cart_err *e);
/* How many levels a client reached (all cycles), for tests and the status. */
int ledger_fu_done_count(ledger *l, int64_t client_id, int64_t *n, cart_err *e);

/* ---- letters and SMS waiting to go ---- */
int ledger_fu_letter_add(ledger *l, int64_t done_id, int64_t client_id, int64_t *id, cart_err *e);
typedef int (*fu_letter_cb)(const fu_letter *lt, void *ud);
/* Letters not written yet, oldest first (only_id: that one, written or not). */
int ledger_fu_letters_pending(ledger *l, int64_t only_id, fu_letter_cb cb, void *ud, cart_err *e);
int ledger_fu_letter_written(ledger *l, int64_t id, const char *path, cart_err *e);

int ledger_fu_sms_add(ledger *l, int64_t done_id, int64_t client_id, const char *number,
                      const char *text, cart_err *e);
typedef int (*fu_sms_cb)(const fu_sms *m, void *ud);
int ledger_fu_sms_pending(ledger *l, fu_sms_cb cb, void *ud, cart_err *e);
int ledger_fu_sms_sent(ledger *l, int64_t id, const char *error, cart_err *e);

/* ---- settings: sms_command, letters_dir, printer ---- */
int ledger_fu_setting_get(ledger *l, const char *key, char *buf, size_t size, cart_err *e);
int ledger_fu_setting_set(ledger *l, const char *key, const char *value, cart_err *e);

/* ---- activities (F6) ---- */
int ledger_fu_activity_add(ledger *l, fu_activity *a, cart_err *e);
int ledger_fu_activity_get(ledger *l, int64_t id, fu_activity *a, cart_err *e);
/* Open activities (all = done ones too) of clerk ("" every clerk), due on or before due ("" any),
 * of client (0 any), by due date. */
typedef int (*fu_activity_cb)(const fu_activity *a, void *ud);
int ledger_fu_activities(ledger *l, const char *clerk, const char *due, int64_t client_id, int all,
                         fu_activity_cb cb, void *ud, cart_err *e);
/* Mark done with a note (and a line in the client's history), or move its due date. */
int ledger_fu_activity_done(ledger *l, int64_t id, const char *date, const char *note,
                            const char *history_text, cart_err *e);
int ledger_fu_activity_reschedule(ledger *l, int64_t id, const char *due, cart_err *e);

/* ---- promises to pay (F6) ---- */
int ledger_fu_promise_add(ledger *l, fu_promise *p, const char *history_text, cart_err *e);
typedef int (*fu_promise_cb)(const fu_promise *p, void *ud);
/* Promises of client (0 all), by date. */
int ledger_fu_promises(ledger *l, int64_t client_id, fu_promise_cb cb, void *ud, cart_err *e);

#endif
