/* The ledger's connection: opening and migrating the file, the prepared-statement cache, nested
 * transactions, company settings and bulk loading. */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ledger_int.h"
#include "cartera/i18n.h"
#include "cartera/text.h"
#include "ledger_safety.h"
#include "ledger_prefs.h"

extern const char *const cartera_migrations[];
extern const int cartera_nmigrations;


static const char company_get_sql[] =
		"SELECT name, tax_id, country, currency, currency2, decimals, dec_sep, thou_sep,"
		" allow_cash_refund, aging_ranges, address, phone, email, logo, tax_id_name"
		" FROM company WHERE id = 1";

static const char audit_insert_sql[] =
		"INSERT INTO audit (clerk, action, document_id, client_id, detail)"
		" VALUES (?1, ?2, ?3, ?4, ?5)";

int ledger_schema_version(void)
{
	return cartera_nmigrations;
}

sqlite3_stmt *lg_get(ledger *l, const char *sql, cart_err *e)
{
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s);

	if (rc != SQLITE_OK) {
		lg_dberr(l, rc, _("preparing a query"), e);
		return NULL;
	}
	return s;
}

int lg_row(ledger *l, sqlite3_stmt *s, lg_reader *read, void *out, const char *doing, cart_err *e)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW && read)
		read(s, out);
	lg_finalize(l, s);
	if (rc == SQLITE_ROW)
		return CART_OK;
	return rc == SQLITE_DONE ? CART_NOTFOUND : lg_dberr(l, rc, doing, e);
}

static void read_int(sqlite3_stmt *s, void *out)
{
	*(int64_t *)out = sqlite3_column_int64(s, 0);
}

int lg_row_int(ledger *l, sqlite3_stmt *s, int64_t *out, int64_t dflt, const char *doing,
               cart_err *e)
{
	int rc = lg_row(l, s, read_int, out, doing, e);

	if (rc == CART_NOTFOUND) {
		*out = dflt;
		return CART_OK;
	}
	return rc;
}

int lg_dberr(ledger *l, int rc, const char *doing, cart_err *e)
{
	const char *msg = l && l->db ? sqlite3_errmsg(l->db) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return cart_fail(e, CART_BUSY, _("the ledger %s is locked by another clerk's work"
		                 " (%s); nothing was written, try again"), l ? l->path : "", doing);
	case SQLITE_CONSTRAINT:
		return cart_fail(e, CART_REFUSED, _("%s: %s"), doing, msg);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return cart_fail(e, CART_CORRUPT, _("the ledger %s is damaged or is not a cartera ledger"
		                 " (%s while %s)"), l ? l->path : "", msg, doing);
	case SQLITE_NOMEM:
		return cart_fail(e, CART_NOMEM, _("out of memory while %s"), doing);
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_PERM:
		return cart_fail(e, CART_IO, _("cannot write the ledger %s while %s: %s"),
		                 l ? l->path : "", doing, msg);
	default:
		return cart_fail(e, CART_DB, _("database error while %s: %s"), doing, msg);
	}
}

int lg_prepare(ledger *l, const char *sql, sqlite3_stmt **s)
{
	struct lg_cached *slot = NULL;
	int rc;

	/* A hit: the statement prepared last time, when nobody is stepping it now. Otherwise the
	 * new statement takes a free slot or, when all are taken, the least recently used one
	 * that is not in use (finalized): the dashboard alone builds more query texts than there
	 * are slots, and a full cache must not fall back to preparing on every call. */
	for (size_t i = 0; i < sizeof l->cache / sizeof l->cache[0]; i++) {
		struct lg_cached *c = &l->cache[i];

		if (c->sql == sql && !c->busy) {
			c->busy = 1;
			c->used = ++l->ticks;
			*s = c->s;
			return SQLITE_OK;
		}
		if (c->busy)
			continue;
		if (!slot || (slot->sql && (!c->sql || c->used < slot->used)))
			slot = c;
	}
	rc = sqlite3_prepare_v3(l->db, sql, -1, slot ? SQLITE_PREPARE_PERSISTENT : 0, s, NULL);
	if (rc == SQLITE_OK && slot) {
		if (slot->sql)
			sqlite3_finalize(slot->s);
		slot->sql = sql;
		slot->s = *s;
		slot->busy = 1;
		slot->used = ++l->ticks;
	}
	return rc;
}

void lg_finalize(ledger *l, sqlite3_stmt *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < sizeof l->cache / sizeof l->cache[0]; i++) {
		if (l->cache[i].s == s) {
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			l->cache[i].busy = 0;
			return;
		}
	}
	sqlite3_finalize(s);
}

void lg_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

void lg_bind_int(sqlite3_stmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(s, i, v);
}

/* snprintf("%s") without the format machinery: every column of every row read goes through
 * here (a fifth of `client list` at 50,000 clients) */
void lg_copy(char *dst, size_t size, const unsigned char *src)
{
	size_t n;

	if (!size)
		return;
	n = src ? strlen((const char *)src) : 0;
	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

int lg_exec(ledger *l, const char *sql, const char *doing, cart_err *e)
{
	int rc = sqlite3_exec(l->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? CART_OK : lg_dberr(l, rc, doing, e);
}

int lg_begin(ledger *l, cart_err *e)
{
	char sql[64];
	int rc;

	if (l->not_writable)
		return cart_fail(e, CART_IO, _("you may read the ledger %s but not write it (the file or "
		                 "its folder is not writable by you); nothing was written"), l->path);
	if (l->readonly)
		return cart_fail(e, CART_IO, _("the ledger %s is open read-only"), l->path);
	if (l->bulk) {
		l->depth++;
		return CART_OK;
	}
	if (l->depth == 0) {
		l->key_done = 0;
		rc = lg_exec(l, "BEGIN IMMEDIATE", _("starting a transaction"), e);
	} else {
		snprintf(sql, sizeof sql, "SAVEPOINT sp%d", l->depth);
		rc = lg_exec(l, sql, _("starting a transaction"), e);
	}
	if (rc == CART_OK)
		l->depth++;
	return rc;
}

int lg_commit(ledger *l, cart_err *e)
{
	char sql[64];
	int rc;

	if (l->depth <= 0)
		return cart_fail(e, CART_DB, _("commit without a transaction"));
	if (l->bulk && l->depth > 1) {
		l->depth--;
		return CART_OK;
	}
	if (l->depth == 1) {
		rc = lg_exec(l, "COMMIT", "committing", e);
		if (rc != CART_OK) {
			lg_rollback(l);
			return rc;
		}
		l->commits++;
	} else {
		snprintf(sql, sizeof sql, "RELEASE sp%d", l->depth - 1);
		rc = lg_exec(l, sql, "committing", e);
		if (rc != CART_OK)
			return rc;
	}
	l->depth--;
	return CART_OK;
}

void lg_rollback(ledger *l)
{
	char sql[80];

	if (l->depth <= 0)
		return;
	if (l->bulk && l->depth > 1) {
		lg_bulk_failed(l);
		l->depth--;
		return;
	}
	if (l->depth == 1) {
		sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
	} else {
		snprintf(sql, sizeof sql, "ROLLBACK TO sp%d; RELEASE sp%d", l->depth - 1, l->depth - 1);
		sqlite3_exec(l->db, sql, NULL, NULL, NULL);
	}
	l->depth--;
	/* the cached company may have been rolled back with the transaction */
	l->have_co = 0;
}

int lg_scalar_int(ledger *l, const char *sql, int64_t arg, int64_t *out, cart_err *e)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(l->db, sql, -1, &s, NULL);

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing a query"), e);
	sqlite3_bind_int64(s, 1, arg);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(s, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		*out = 0;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_OK ? CART_OK : lg_dberr(l, rc, _("reading the ledger"), e);
}

int lg_audit(ledger *l, const char *action, int64_t doc_id, int64_t client_id, const char *detail,
             cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (l->bulk)
		return CART_OK;
	s = lg_get(l, audit_insert_sql, e);
	if (!s)
		return e->code;
	lg_bind_text(s, 1, l->clerk);
	lg_bind_text(s, 2, action);
	if (doc_id)
		lg_bind_int(s, 3, doc_id);
	if (client_id)
		lg_bind_int(s, 4, client_id);
	lg_bind_text(s, 5, detail ? detail : "");
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("writing the audit log"), e);
	return lg_audit_seal(l, sqlite3_last_insert_rowid(l->db), e);
}

int lg_date(const char *text, const char *what, cart_err *e)
{
	date_t d;
	cart_err tmp;

	if (!text || !*text)
		return cart_fail(e, CART_INVALID, _("%s is missing (a date YYYY-MM-DD)"), what);
	if (date_parse(text, &d, &tmp) != CART_OK)
		return cart_fail(e, CART_INVALID, _("%s: %s"), what, tmp.msg);
	return CART_OK;
}

/* ---- opening and migrating ---- */

/* The clerk is the Unix login of the real uid, never $USER (anyone can set that); a uid with no
 * passwd entry is recorded by number. */
static void default_clerk(char *buf, size_t size)
{
	struct passwd pw, *res = NULL;
	char tmp[1024];

	if (getpwuid_r(getuid(), &pw, tmp, sizeof tmp, &res) == 0 && res && res->pw_name[0])
		snprintf(buf, size, "%s", res->pw_name);
	else
		snprintf(buf, size, "uid %lu", (unsigned long)getuid());
}

static int busy_ms = 5000;

void ledger_default_busy_timeout(int ms)
{
	busy_ms = ms;
}

/* A read-only clerk cannot roll back the journal a killed write left (SQLite then says "attempt to
 * write a readonly database"): recover it through a read-write connection when we may write, else
 * say what to do. */
static int recover_hot_journal(const char *path, cart_err *e)
{
	char journal[1100];
	sqlite3 *db = NULL;
	int rc;

	snprintf(journal, sizeof journal, "%s-journal", path);
	if (access(journal, F_OK) != 0)
		return CART_OK;
	if (access(path, W_OK) != 0 || access(journal, W_OK) != 0)
		return cart_fail(e, CART_IO, _("the ledger %s was left half-written by an interrupted"
		                 " command (%s): a clerk who may write it must open it once (any"
		                 " posting, or 'cartera' alone) to roll that back"), path, journal);
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, busy_ms);
		rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK)
		cart_fail(e, CART_IO, _("the ledger %s was left half-written by an interrupted command"
		          " and could not be rolled back: %s"), path,
		          db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	sqlite3_close(db);
	return rc == SQLITE_OK ? CART_OK : CART_IO;
}

static int user_version(ledger *l, int *v, cart_err *e)
{
	int64_t x;
	int rc = lg_scalar_int(l, "PRAGMA user_version", 0, &x, e);

	*v = (int)x;
	return rc;
}

static int migrate(ledger *l, int from, cart_err *e)
{
	char sql[64];
	int rc;

	for (int v = from; v < cartera_nmigrations; v++) {
		rc = lg_begin(l, e);
		if (rc != CART_OK)
			return rc;
		rc = sqlite3_exec(l->db, cartera_migrations[v], NULL, NULL, NULL);
		if (rc == SQLITE_OK) {
			snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
			rc = sqlite3_exec(l->db, sql, NULL, NULL, NULL);
		}
		if (rc != SQLITE_OK) {
			lg_dberr(l, rc, _("upgrading the ledger's schema"), e);
			lg_rollback(l);
			return e->code;
		}
		rc = lg_commit(l, e);
		if (rc != CART_OK)
			return rc;
	}
	/* A ledger with statistics (a bulk load made them) gets them again for the indexes the
	 * migrations rebuilt, which have none: the planner would weigh them against indexes that
	 * have some (and chose a bloom filter over the clients on the benchmark ledger). */
	if (from < cartera_nmigrations) {
		int64_t stats = 0;

		if (lg_scalar_int(l, "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'", 0,
		                  &stats, CART_IGNORED) == CART_OK && stats)
			lg_exec(l, "PRAGMA analysis_limit = 1000; ANALYZE", _("updating statistics"), CART_IGNORED);
	}
	return CART_OK;
}

/* May this process write the ledger: the file, and its folder (WAL needs its -wal and -shm files
 * beside it)? */
static int writable(const char *path)
{
	char dir[sizeof ((ledger *)0)->path];
	char *slash;

	if (access(path, W_OK) != 0)
		return 0;
	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	return access(dir, W_OK) == 0;
}

/* A read-only connection to a WAL ledger in a folder this process cannot write: SQLite cannot make
 * the -shm file a reader needs, so the file is read as immutable (no locks, no -shm). A clerk who
 * may not write it reads what was committed to the file itself. */
static int open_immutable(ledger *l)
{
	char uri[3 * sizeof l->path + 32];
	size_t n = 0;

	n += (size_t)snprintf(uri, sizeof uri, "file:");
	for (const unsigned char *p = (const unsigned char *)l->path; *p && n + 4 < sizeof uri; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' || *p >= 0x7f)
			n += (size_t)snprintf(uri + n, sizeof uri - n, "%%%02X", *p);
		else
			uri[n++] = (char)*p;
	}
	snprintf(uri + n, sizeof uri - n, "?mode=ro&immutable=1");
	sqlite3_close(l->db);
	l->db = NULL;
	l->back_fn = 0;
	return sqlite3_open_v2(uri, &l->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	                       SQLITE_OPEN_NOMUTEX, NULL);
}

int ledger_open(const char *path, int flags, ledger **out, cart_err *e)
{
	struct stat sb;
	ledger *l;
	int rc, oflags, v;
	int64_t ntables;

	*out = NULL;
	if (!path || !*path)
		return cart_fail(e, CART_INVALID, _("no ledger file given"));
	if (stat(path, &sb) != 0) {
		if (errno == EACCES) {
			if (lg_open_denied(path, !(flags & LEDGER_OPEN_READONLY), e) != CART_OK)
				return e->code;
			errno = EACCES;
		}
		if (errno != ENOENT || !(flags & LEDGER_OPEN_CREATE))
			return cart_fail(e, errno == ENOENT ? CART_NOTFOUND : CART_IO,
			                 _("cannot open the ledger %s: %s%s"), path, strerror(errno),
			                 errno == ENOENT ? _(" (create it with 'cartera init')") : "");
	} else if (!S_ISREG(sb.st_mode)) {
		return cart_fail(e, CART_IO, _("the ledger %s is not a regular file"), path);
	}
	/* a clerk who may not even read it is told why here; one who may read but not write opens
	 * it for reading below, and a posting is refused then (lg_begin) */
	if (lg_open_denied(path, 0, e) != CART_OK)
		return e->code;
	if ((flags & LEDGER_OPEN_CREATE) && !(flags & LEDGER_OPEN_READONLY) &&
	    lg_create_file(path, e) != CART_OK)
		return e->code;
	if ((flags & LEDGER_OPEN_READONLY) && recover_hot_journal(path, e) != CART_OK)
		return e->code;

	l = calloc(1, sizeof *l);
	if (!l)
		return cart_fail(e, CART_NOMEM, _("out of memory opening %s"), path);
	snprintf(l->path, sizeof l->path, "%s", path);
	default_clerk(l->clerk, sizeof l->clerk);
	l->readonly = !!(flags & LEDGER_OPEN_READONLY);
	/* a ledger this clerk may read but not write opens for reading: reading commands work, and
	 * a posting is refused saying why (lg_begin) */
	if (!l->readonly && !(flags & LEDGER_OPEN_CREATE && stat(path, &sb) != 0) && !writable(path)) {
		l->readonly = 1;
		l->not_writable = 1;
	}
	/* a connection is used by one thread only: no mutex around every call (locking it for each
	 * column read was 14% of `cartera check` and 30% of reading 426,000 rows as of a date) */
	oflags = (l->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
	if ((flags & LEDGER_OPEN_CREATE) && !l->readonly)
		oflags |= SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(path, &l->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		lg_dberr(l, rc, "opening", e);
		ledger_close(l);
		return e->code;
	}
	sqlite3_extended_result_codes(l->db, 0);
	sqlite3_busy_timeout(l->db, busy_ms);
	if ((rc = lg_name_key_register(l->db)) != SQLITE_OK) {
		lg_dberr(l, rc, "registering the order of names", e);
		ledger_close(l);
		return e->code;
	}

	/* The first read tells a SQLite file from anything else. */
	rc = lg_scalar_int(l, "SELECT count(*) FROM sqlite_master", 0, &ntables, CART_IGNORED);
	if (rc != CART_OK && l->readonly && !writable(path)) {
		if ((rc = open_immutable(l)) != SQLITE_OK) {
			lg_dberr(l, rc, "opening", e);
			ledger_close(l);
			return e->code;
		}
		sqlite3_extended_result_codes(l->db, 0);
		if ((rc = lg_name_key_register(l->db)) != SQLITE_OK) {
			lg_dberr(l, rc, "registering the order of names", e);
			ledger_close(l);
			return e->code;
		}
	}
	rc = lg_scalar_int(l, "SELECT count(*) FROM sqlite_master", 0, &ntables, e);
	if (rc == CART_OK)
		rc = user_version(l, &v, e);
	if (rc != CART_OK)
		goto fail;
	if (v > cartera_nmigrations) {
		cart_fail(e, CART_VERSION, _("the ledger %s has schema version %d, newer than this"
		          " cartera knows (%d): upgrade cartera; the file was not touched"),
		          path, v, cartera_nmigrations);
		goto fail;
	}
	if (v == 0 && ntables > 0) {
		cart_fail(e, CART_CORRUPT, _("%s is a SQLite database but not a cartera ledger;"
		          " it was not touched"), path);
		goto fail;
	}
	if (v == 0 && !(flags & LEDGER_OPEN_CREATE)) {
		cart_fail(e, CART_NOTFOUND, _("%s is empty, not a cartera ledger (create one with"
		          " 'cartera init')"), path);
		goto fail;
	}
	if (!l->readonly) {
		if ((rc = lg_exec(l, "PRAGMA journal_mode = WAL", _("switching to WAL"), e)) != CART_OK)
			goto fail;
		if ((rc = lg_exec(l, "PRAGMA synchronous = FULL", _("setting durability"), e)) != CART_OK)
			goto fail;
	}
	/* Foreign keys must be switched on outside any transaction. */
	if ((rc = lg_exec(l, "PRAGMA foreign_keys = ON", _("enabling foreign keys"), e)) != CART_OK)
		goto fail;
	if (v < cartera_nmigrations) {
		if (l->not_writable) {
			cart_fail(e, CART_VERSION, _("the ledger %s has schema version %d and needs an "
			          "upgrade by a clerk who may write it"), path, v);
			goto fail;
		}
		if (l->readonly) {
			/* a report is often the first thing run after an upgrade: upgrade the file
			 * through a read-write connection, then open it read-only as asked */
			ledger *rw;

			ledger_close(l);
			if (ledger_open(path, flags & ~LEDGER_OPEN_READONLY, &rw, e) != CART_OK) {
				char why[sizeof e->msg];

				snprintf(why, sizeof why, "%s", e->msg);
				return cart_fail(e, CART_VERSION, _("the ledger %s has schema version %d and"
				                 " needs an upgrade, which failed: %s"), path, v, why);
			}
			ledger_close(rw);
			return ledger_open(path, flags, out, e);
		}
		if ((rc = migrate(l, v, e)) != CART_OK)
			goto fail;
		/* the upgrade that brought the audit's hashes: chain the rows already there */
		if ((rc = lg_audit_chain_fill(l, e)) != CART_OK)
			goto fail;
	}
	*out = l;
	return CART_OK;
fail:
	rc = e->code;
	ledger_close(l);
	return rc ? rc : CART_DB;
}

void ledger_close(ledger *l)
{
	if (!l)
		return;
	if (l->bulk)
		ledger_bulk_abort(l);
	while (l->depth > 0)
		lg_rollback(l);
	for (size_t i = 0; i < sizeof l->cache / sizeof l->cache[0]; i++)
		sqlite3_finalize(l->cache[i].s);
	lg_items_forget(l);
	lgd_forget(l);
	sqlite3_close(l->db);
	free(l);
}

int ledger_begin(ledger *l, cart_err *e)
{
	return lg_begin(l, e);
}

int ledger_commit(ledger *l, cart_err *e)
{
	return lg_commit(l, e);
}

void ledger_rollback(ledger *l)
{
	lg_rollback(l);
}

void ledger_set_clerk(ledger *l, const char *clerk)
{
	if (clerk && *clerk)
		snprintf(l->clerk, sizeof l->clerk, "%s", clerk);
}

void ledger_set_busy_timeout(ledger *l, int ms)
{
	sqlite3_busy_timeout(l->db, ms);
}

/* ---- company settings ---- */

void company_defaults(company *c)
{
	memset(c, 0, sizeof *c);
	snprintf(c->name, sizeof c->name, "Mi Empresa");
	snprintf(c->country, sizeof c->country, "CO");
	snprintf(c->currency, sizeof c->currency, "COP");
	c->fmt.decimals = 2;
	c->fmt.dec_sep = ',';
	c->fmt.thou_sep = '.';
	c->n_ranges = 3;
	c->ranges[0] = 30;
	c->ranges[1] = 60;
	c->ranges[2] = 90;
	c->date_order = DATE_YMD;
	snprintf(c->print_encoding, sizeof c->print_encoding, "UTF-8");
}

int company_parse_ranges(company *c, const char *text, cart_err *e)
{
	int r[LEDGER_MAX_RANGES], n = 0;
	const char *p = text;
	char *end;

	if (!text || !*text)
		return cart_fail(e, CART_INVALID, _("aging ranges are empty (expected e.g. 30,60,90)"));
	for (;;) {
		long v;

		errno = 0;
		v = strtol(p, &end, 10);
		if (end == p || errno || v < 1 || v > 3650)
			return cart_fail(e, CART_INVALID, _("aging ranges \"%s\": each must be a number of"
			                 " days from 1 to 3650"), text);
		if (n == LEDGER_MAX_RANGES)
			return cart_fail(e, CART_INVALID, _("aging ranges \"%s\": at most %d bounds"),
			                 text, LEDGER_MAX_RANGES);
		if (n > 0 && v <= r[n - 1])
			return cart_fail(e, CART_INVALID, _("aging ranges \"%s\" must increase"), text);
		r[n++] = (int)v;
		if (*end == '\0')
			break;
		if (*end != ',')
			return cart_fail(e, CART_INVALID, _("aging ranges \"%s\": separate the days with"
			                 " commas, e.g. 30,60,90"), text);
		p = end + 1;
	}
	c->n_ranges = n;
	memcpy(c->ranges, r, sizeof r[0] * (size_t)n);
	return CART_OK;
}

static void ranges_text(const company *c, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < c->n_ranges && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%d", i ? "," : "", c->ranges[i]);
}

int ledger_company_get(ledger *l, company *c, cart_err *e)
{
	const company *co = lg_company(l, e);

	if (!co)
		return e->code;
	*c = *co;
	return CART_OK;
}

const company *lg_company(ledger *l, cart_err *e)
{
	sqlite3_stmt *s;
	company *c = &l->co;
	const unsigned char *t;
	int rc;

	if (l->have_co)
		return c;
	s = lg_get(l, company_get_sql, e);
	if (!s)
		return NULL;
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		lg_finalize(l, s);
		if (rc == SQLITE_DONE)
			cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet (run"
			          " 'cartera init')"), l->path);
		else
			lg_dberr(l, rc, _("reading the company settings"), e);
		return NULL;
	}
	memset(c, 0, sizeof *c);
	lg_copy(c->name, sizeof c->name, sqlite3_column_text(s, 0));
	lg_copy(c->tax_id, sizeof c->tax_id, sqlite3_column_text(s, 1));
	lg_copy(c->country, sizeof c->country, sqlite3_column_text(s, 2));
	lg_copy(c->currency, sizeof c->currency, sqlite3_column_text(s, 3));
	lg_copy(c->currency2, sizeof c->currency2, sqlite3_column_text(s, 4));
	c->fmt.decimals = sqlite3_column_int(s, 5);
	t = sqlite3_column_text(s, 6);
	c->fmt.dec_sep = t && *t ? (char)*t : '.';
	t = sqlite3_column_text(s, 7);
	c->fmt.thou_sep = t ? (char)*t : '\0';
	c->allow_cash_refund = sqlite3_column_int(s, 8);
	t = sqlite3_column_text(s, 9);
	if (company_parse_ranges(c, t ? (const char *)t : "", CART_IGNORED) != CART_OK) {
		c->n_ranges = 3;
		c->ranges[0] = 30, c->ranges[1] = 60, c->ranges[2] = 90;
	}
	lg_copy(c->address, sizeof c->address, sqlite3_column_text(s, 10));
	lg_copy(c->phone, sizeof c->phone, sqlite3_column_text(s, 11));
	lg_copy(c->email, sizeof c->email, sqlite3_column_text(s, 12));
	lg_copy(c->logo, sizeof c->logo, sqlite3_column_text(s, 13));
	lg_copy(c->tax_id_name, sizeof c->tax_id_name, sqlite3_column_text(s, 14));
	lg_finalize(l, s);
	if (lg_company_prefs_read(l, c, e) != CART_OK)
		return NULL;
	l->have_co = 1;
	return c;
}

static int valid_currency(const char *c)
{
	if (strlen(c) != 3)
		return 0;
	for (int i = 0; i < 3; i++)
		if (c[i] < 'A' || c[i] > 'Z')
			return 0;
	return 1;
}

int ledger_company_set(ledger *l, const company *c, cart_err *e)
{
	static const char sql[] =
		"INSERT INTO company (id, name, tax_id, country, currency, currency2, decimals,"
		" dec_sep, thou_sep, allow_cash_refund, aging_ranges, address, phone, email, logo,"
		" tax_id_name)"
		" VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
		" ON CONFLICT (id) DO UPDATE SET name = ?1, tax_id = ?2, country = ?3, currency = ?4,"
		" currency2 = ?5, decimals = ?6, dec_sep = ?7, thou_sep = ?8, allow_cash_refund = ?9,"
		" aging_ranges = ?10, address = ?11, phone = ?12, email = ?13, logo = ?14,"
		" tax_id_name = ?15";
	sqlite3_stmt *s;
	char dec[2] = { c->fmt.dec_sep, 0 }, thou[2] = { c->fmt.thou_sep, 0 }, ranges[128];
	int rc;

	if (!c->name[0])
		return cart_fail(e, CART_INVALID, _("the company name is empty"));
	if (text_check(c->name, TEXT_LIMIT(c->name), _("the company name"), e) ||
	    text_check(c->tax_id, TEXT_LIMIT(c->tax_id), _("the company's tax id"), e) ||
	    text_check(c->address, TEXT_LIMIT(c->address), _("the company's address"), e) ||
	    text_check(c->phone, TEXT_LIMIT(c->phone), _("the company's phone"), e) ||
	    text_check(c->email, TEXT_LIMIT(c->email), _("the company's e-mail"), e) ||
	    text_check(c->logo, TEXT_LIMIT(c->logo), _("the company's logo file"), e) ||
	    text_check(c->tax_id_name, TEXT_LIMIT(c->tax_id_name), _("the name of the tax id"), e))
		return e->code;
	if (strlen(c->country) != 2)
		return cart_fail(e, CART_INVALID, _("country \"%s\" is not a two-letter ISO code"),
		                 c->country);
	if (!valid_currency(c->currency))
		return cart_fail(e, CART_INVALID, _("currency \"%s\" is not a three-letter ISO code"),
		                 c->currency);
	if (c->currency2[0] && (!valid_currency(c->currency2) || !strcmp(c->currency2, c->currency)))
		return cart_fail(e, CART_INVALID, _("second currency \"%s\" is not a three-letter ISO"
		                 " code different from %s"), c->currency2, c->currency);
	if (money_fmt_check(&c->fmt, e) != CART_OK)
		return e->code;
	if (c->n_ranges < 1 || c->n_ranges > LEDGER_MAX_RANGES)
		return cart_fail(e, CART_INVALID, _("between 1 and %d aging ranges are needed"),
		                 LEDGER_MAX_RANGES);
	for (int i = 0; i < c->n_ranges; i++)
		if (c->ranges[i] < 1 || (i && c->ranges[i] <= c->ranges[i - 1]))
			return cart_fail(e, CART_INVALID, _("aging ranges must be increasing day counts"));
	ranges_text(c, ranges, sizeof ranges);

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	rc = sqlite3_prepare_v2(l->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK) {
		lg_dberr(l, rc, _("saving the company settings"), e);
		lg_rollback(l);
		return e->code;
	}
	lg_bind_text(s, 1, c->name);
	lg_bind_text(s, 2, c->tax_id);
	lg_bind_text(s, 3, c->country);
	lg_bind_text(s, 4, c->currency);
	lg_bind_text(s, 5, c->currency2);
	lg_bind_int(s, 6, c->fmt.decimals);
	lg_bind_text(s, 7, dec);
	lg_bind_text(s, 8, thou);
	lg_bind_int(s, 9, c->allow_cash_refund ? 1 : 0);
	lg_bind_text(s, 10, ranges);
	lg_bind_text(s, 11, c->address);
	lg_bind_text(s, 12, c->phone);
	lg_bind_text(s, 13, c->email);
	lg_bind_text(s, 14, c->logo);
	lg_bind_text(s, 15, c->tax_id_name);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		lg_dberr(l, rc, _("saving the company settings"), e);
		lg_rollback(l);
		return e->code;
	}
	if ((rc = lg_company_prefs_write(l, c, e)) != CART_OK ||
	    (rc = lg_tax_seed(l, c->country, e)) != CART_OK ||
	    (rc = lg_audit(l, "company", 0, 0, c->name, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	l->have_co = 0;
	return lg_commit(l, e);
}

int lg_currency(ledger *l, const char *in, char out[4], cart_err *e)
{
	const company *c = lg_company(l, e);

	if (!c)
		return e->code;
	if (!in || !*in) {
		memcpy(out, c->currency, 4);
		return CART_OK;
	}
	if (strcmp(in, c->currency) && strcmp(in, c->currency2))
		return cart_fail(e, CART_INVALID, _("currency \"%s\" is not one the company invoices in"
		                 " (%s%s%s)"), in, c->currency, c->currency2[0] ? " or " : "",
		                 c->currency2);
	snprintf(out, 4, "%s", in);
	return CART_OK;
}
