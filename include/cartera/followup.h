/* The follow-up's plain data (SPEC F1-F3, F6, F8): a level, a client's follow-up state, a letter
 * or SMS waiting to go, an activity, a promise to pay. Shared by the model
 * (src/model/ledger_followup.h) and the controller (cartera/ctl_followup.h); no functions. */
#ifndef CARTERA_FOLLOWUP_H
#define CARTERA_FOLLOWUP_H

#include <stdint.h>

#include "cartera/date.h"

#define FU_MAX_LEVELS 16

typedef struct fu_level {
	int64_t id;
	char name[80];
	int days;                 /* after the due date; negative before it */
	int email, letter, sms, manual_action;
	int autom;                /* 1: `followup run` from cron may process it */
	int attach;               /* attach the overdue invoices to the e-mail */
	char subject[160];
	char body[1400];          /* e-mail and letter text; {client} {amount} {days} {company} {date} */
	char sms_text[320];
	char act_type[8];         /* "" none, call, visit, email, other */
	char act_clerk[64];       /* "" = the client's responsible clerk, else whoever processes */
	char act_summary[200];
	int act_days;             /* the activity falls due this many days after the level */
	int64_t fee;              /* dunning fee, minor units of the company's currency */
	int rate_bp;              /* late-payment interest, yearly, hundredths of a percent */
	int post_charge;          /* post fee and interest as a journal charge (CPD) */
} fu_level;

typedef struct fu_state {
	int64_t client_id;
	int64_t level_id;         /* the last level reached in this cycle, 0 none */
	int cycle;
	char last_date[DATE_LEN]; /* the last action, "" none */
	char next_date[DATE_LEN]; /* set by a clerk: nothing before it; "" computed */
	char responsible[64];
	int manual;               /* 1: only a clerk processes it (never cron) */
	char hold[200];           /* "" chased as usual; else why not (dispute, legal) */
} fu_state;

typedef struct fu_letter {
	int64_t id, done_id, client_id, level_id;
	char date[DATE_LEN];
	int64_t charge_doc;
} fu_letter;

typedef struct fu_sms {
	int64_t id, client_id;
	char number[40];
	char text[320];
} fu_sms;

typedef struct fu_activity {
	int64_t id, client_id;
	char client[200];         /* the client's name (lists) */
	char type[8];             /* call, visit, email, other */
	char clerk[64];
	char summary[200];
	char due_date[DATE_LEN];
	int64_t done_id;          /* the level reached that scheduled it, 0 none */
	char done_date[DATE_LEN]; /* "" open */
	char done_note[200];
	int rescheduled;
} fu_activity;

typedef struct fu_promise {
	int64_t id, client_id;
	char client[200];
	char currency[4];
	int64_t amount;
	char date[DATE_LEN];      /* paid by this day */
	char made_on[DATE_LEN];
	char by_whom[120];
	char clerk[64];
	int64_t paid;             /* receipts and advances dated made_on..date, not voided */
} fu_promise;

#endif
