/* Payment follow-up controllers (SPEC F1-F3, F6, F8; seed 004): the company's levels, which level
 * each client needs today and what it would get, processing the clients that need action (the
 * Seguimiento screen and `cartera followup run` from cron), letters, SMS, activities for a clerk
 * and promises to pay. Used by the command line and the screens alike; no SQL, no curses. */
#ifndef CARTERA_CTL_FOLLOWUP_H
#define CARTERA_CTL_FOLLOWUP_H

#include "cartera/ctl.h"
#include "cartera/followup.h"

/* ---- levels ---- */

/* Install the default levels (in the clerk's language) when the company has none. */
int ctl_fu_levels_ensure(ctl *c, cart_err *e);
int ctl_fu_levels(ctl *c, fu_level *out, int max, int *n, cart_err *e);
/* A level by id, by name, or by its days ("d15", "d-3"). */
int ctl_fu_level_ref(ctl *c, const char *ref, fu_level *out, cart_err *e);

/* A level's fields as typed; NULL leaves a field as it is (edit) or at its default (add). */
typedef struct ctl_fu_level_args {
	const char *name, *days;
	const char *actions;      /* "email,letter,sms,manual" (any of them, or "none") */
	const char *mode;         /* "auto" or "manual" */
	const char *attach;       /* "yes" / "no" */
	const char *subject, *body, *sms_text;
	const char *activity;     /* "none" or TYPE[:DAYS[:CLERK]] (call:2:ana) */
	const char *summary;
	const char *fee, *rate;   /* an amount; a yearly percentage ("24" or "1,5") */
	const char *post;         /* "yes": post fee and interest as a journal charge */
} ctl_fu_level_args;
int ctl_fu_level_add(ctl *c, const ctl_fu_level_args *a, fu_level *out, cart_err *e);
int ctl_fu_level_edit(ctl *c, const char *ref, const ctl_fu_level_args *a, fu_level *out,
                      cart_err *e);
int ctl_fu_level_remove(ctl *c, const char *ref, fu_level *out, cart_err *e);
/* "email, letter" for people. */
void ctl_fu_actions_text(const fu_level *lv, char *buf, size_t size);

/* ---- which level each client needs ---- */

#define FU_ACTIONS(X) \
	X(NONE,   N_("up to date")) \
	X(DUE,    N_("due")) \
	X(MANUAL, N_("due, by hand")) \
	X(WAIT,   N_("waiting")) \
	X(HOLD,   N_("on hold")) \
	X(BACK,   N_("level back")) \
	X(RESET,  N_("paid: level back to none"))
enum fu_action {
#define X(id, text) FU_##id,
	FU_ACTIONS(X)
#undef X
	FU_NACTIONS
};
const char *ctl_fu_action_text(int action);

#define FU_MAX_CUR 4
typedef struct fu_eval {
	int64_t client_id;
	char client[200];
	fu_state st;
	char level[80];           /* the level reached, "" none */
	int64_t need_id;          /* the level the open charges call for, 0 none */
	char need[80];
	int action;               /* enum fu_action */
	int has_open;             /* something open that no credit covers */
	int days;                 /* days past the oldest uncovered due date (negative: before) */
	char oldest_due[DATE_LEN];
	int ncur;
	struct { char cur[4]; int64_t overdue, open; } cur[FU_MAX_CUR];
	char next_date[DATE_LEN]; /* the next action: computed, or the clerk's */
} fu_eval;
typedef int (*fu_eval_cb)(const fu_eval *v, void *ud);
/* Every client with something open or a follow-up state (client_id 0), or one client, as of
 * today; only_action: only those needing an action (due, by hand, level back), in a clerk's
 * name order. Every client's charges are read in one pass (ctl_followup_walk.c); only the
 * clients shown are kept in memory. A callback returning non-zero stops. */
int ctl_fu_status(ctl *c, int64_t client_id, int only_action, fu_eval_cb cb, void *ud,
                  cart_err *e);

/* What a client would get at a level: the e-mail's subject and text and the SMS, with the
 * overdue documents and totals, and the fee and interest the level proposes. */
typedef struct fu_preview {
	char subject[200];
	char text[4096];
	char sms[320];
	int64_t charge[FU_MAX_CUR];  /* fee + interest per currency of fu_eval.cur */
	char charge_cur[FU_MAX_CUR][4];
	int ncharge;
} fu_preview;
int ctl_fu_preview(ctl *c, int64_t client_id, int64_t level_id, fu_preview *p, cart_err *e);

/* A client's follow-up in a few words, for the follow-up report (R3): the level reached, the
 * responsible clerk, a hold, and its promises to pay with their status; "" when none. */
typedef struct fu_notes {
	int any;                  /* some client has a follow-up state or a promise */
	fu_level lv[FU_MAX_LEVELS];
	int nl;
} fu_notes;
int ctl_fu_notes_init(ctl *c, fu_notes *n, cart_err *e);
void ctl_fu_note(ctl *c, const fu_notes *n, int64_t client_id, char *buf, size_t size);

/* The dashboard's Clients tab: a client's follow-up in its Follow-up column — "on hold: R", or
 * the next action date (MM-DD) and the level reached; 0 (nothing written) for a client never
 * followed up, which keeps the column's own text. One point query for such a client. */
int ctl_fu_dash_text(ctl *c, int64_t client_id, char *buf, size_t size);

/* ---- processing ---- */

typedef struct ctl_fu_opts {
	int dry_run;              /* say what would happen; change nothing */
	int64_t client_id;        /* 0 every client */
	int64_t level_id;         /* 0 any level */
	int manual;               /* also manual clients and levels (a clerk is processing) */
	const int64_t *only;      /* the screen's ticked clients (n_only of them), NULL all */
	int n_only;
	int post_charges;         /* post fee and interest even when the level does not say so */
	const char *letters_dir;  /* where letters go, one PDF per client (default: the setting,
	                             else ~/.local/share/cartera/letters) */
	const char *letters_file; /* or all of them in this one PDF */
	int print;                /* send the letters to lp */
	const char *printer;
} ctl_fu_opts;

typedef struct fu_outcome {
	fu_eval v;
	int done;                 /* 1: the level was processed */
	char what[300];           /* what it did, or why not */
} fu_outcome;
typedef int (*fu_outcome_cb)(const fu_outcome *o, void *ud);

typedef struct fu_result {
	int processed, skipped, back, mails, letters, sms, sms_waiting, activities, charges;
	int failed;               /* clients whose processing failed (each said in its outcome) */
	char letters_where[1024]; /* the folder or file the letters went to */
	char sms_note[300];       /* why SMS are waiting (no command set, a failure) */
	char print_note[600];
} fu_result;
int ctl_fu_run(ctl *c, const ctl_fu_opts *a, fu_outcome_cb cb, void *ud, fu_result *r,
               cart_err *e);
/* Write the letters waiting (after a run interrupted before it wrote them). */
int ctl_fu_letters_write(ctl *c, const ctl_fu_opts *a, fu_result *r, cart_err *e);

/* A clerk's change to a client's follow-up; NULL leaves a field as it is. */
typedef struct ctl_fu_set {
	const char *level;        /* a level ref, or "none" */
	const char *next;         /* a date, or "auto" */
	const char *responsible;
	int manual;               /* -1 as it is, 0 auto, 1 manual */
	const char *hold;         /* a reason, or "" to lift it */
} ctl_fu_set;
int ctl_fu_client_set(ctl *c, const char *client, const ctl_fu_set *a, fu_state *out, cart_err *e);

/* Company settings: sms_command, letters_dir, printer ("" removes). */
int ctl_fu_setting(ctl *c, const char *key, const char *value, cart_err *e);
int ctl_fu_setting_get(ctl *c, const char *key, char *buf, size_t size, cart_err *e);

/* ---- activities and promises (F6) ---- */

int ctl_fu_activity_add(ctl *c, const char *client, const char *type, const char *due,
                        const char *clerk, const char *summary, fu_activity *out, cart_err *e);
int ctl_fu_activity_done(ctl *c, const char *id, const char *note, fu_activity *out, cart_err *e);
int ctl_fu_activity_reschedule(ctl *c, const char *id, const char *due, fu_activity *out,
                               cart_err *e);
typedef int (*fu_activity_cb2)(const fu_activity *a, void *ud);
/* Open activities of clerk ("" all) due on or before due ("" any; "today" today). */
int ctl_fu_activities(ctl *c, const char *clerk, const char *due, int all, fu_activity_cb2 cb,
                      void *ud, cart_err *e);

enum fu_promise_status { FU_PROMISE_PENDING = 0, FU_PROMISE_KEPT, FU_PROMISE_BROKEN };
const char *ctl_fu_promise_status_text(int status);
int ctl_fu_promise_status(const fu_promise *p);
int ctl_fu_promise_add(ctl *c, const char *client, const char *amount, const char *date,
                       const char *by_whom, const char *currency, fu_promise *out, cart_err *e);
/* Promises of client (NULL all); broken_only: only the broken ones. */
typedef int (*fu_promise_cb2)(const fu_promise *p, int status, void *ud);
int ctl_fu_promises(ctl *c, const char *client, int broken_only, fu_promise_cb2 cb, void *ud,
                    cart_err *e);

#endif
