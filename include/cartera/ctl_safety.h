/* Safety for both faces (issue 15): the ledger shared with a Unix group, roles (a supervisors'
 * group for voids, credit overrides, refunds and write-offs), idempotency keys, backup and
 * restore, and reading the audit trail. */
#ifndef CARTERA_CTL_SAFETY_H
#define CARTERA_CTL_SAFETY_H

#include "cartera/ctl.h"

/* CARTERA_BUSY_TIMEOUT (milliseconds) for the connections opened from now on; CART_INVALID
 * naming it when it is not a whole number from 0 to 3600000. Unset or empty: 5000. */
int ctl_busy_timeout_env(cart_err *e);

/* The next posting's idempotency key ("" or NULL = none). */
int ctl_set_key(ctl *c, const char *key, cart_err *e);
/* 1 when the key set with ctl_set_key already posted a document of type (DOC_*), with *out
 * filled (out->replayed set): the controller returns it instead of posting. */
int ctl_key_replay(ctl *c, int type, posted *out);
/* Did this run commit anything to the ledger? */
int ctl_wrote(const ctl *c);

/* Share the ledger (and its -wal, -shm) with the Unix group: group-owned, mode 0660; kept as the
 * "group" setting. */
int ctl_share_group(ctl *c, const char *group, cart_err *e);
/* The supervisors' group ("" = everyone may void, override, refund and write off). */
int ctl_set_supervisors(ctl *c, const char *group, cart_err *e);
int ctl_supervisors(ctl *c, char *buf, size_t size, cart_err *e);
/* CART_REFUSED, saying who may, unless the clerk is in the supervisors' group (or there is
 * none). what: "void a document", ... */
int ctl_need_supervisor(ctl *c, const char *what, cart_err *e);

int ctl_backup(ctl *c, const char *dest, int force, cart_err *e);
/* Replace the ledger at path with the backup src (checked first); no ledger need be open. */
int ctl_restore(const char *path, const char *src, int force, cart_err *e);

/* The audit trail, filtered by client reference, clerk and dates ("" or NULL = any). */
typedef struct ctl_audit_line {
	long long id;
	char at[32], clerk[64], action[32], number[32], detail[256];
	long long client_id;
} ctl_audit_line;
typedef int (*ctl_audit_cb)(const ctl_audit_line *l, void *ud);
int ctl_audit_read(ctl *c, const char *who, const char *clerk, const char *from,
                   const char *to, ctl_audit_cb cb, void *ud, cart_err *e);

#endif
