/* The ledger's safety: see ledger_safety.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "ledger_int.h"
#include "ledger_safety.h"
#include "cartera/i18n.h"
#include "cartera/outfile.h"
#include "cartera/text.h"

extern const int cartera_nmigrations;

/* ---- the file ---- */

int lg_create_file(const char *path, cart_err *e)
{
	/* 0600 whatever the umask: SQLite gives the -wal and -shm files the main file's mode */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0 && errno != EEXIST)
		return cart_fail(e, CART_IO, _("cannot create the ledger %s: %s"), path, strerror(errno));
	if (fd >= 0 && (fchmod(fd, 0600) != 0 || close(fd) != 0))
		return cart_fail(e, CART_IO, _("cannot create the ledger %s: %s"), path, strerror(errno));
	return CART_OK;
}

static int in_group(gid_t gid)
{
	gid_t groups[256];
	int n = getgroups(256, groups);

	if (getegid() == gid)
		return 1;
	for (int i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return 0;
}

int lg_open_denied(const char *path, int write, cart_err *e)
{
	struct stat sb;
	struct group *gr;
	struct passwd *pw;
	char gname[64], uname[64], dir[1024];
	mode_t gneed, oneed;

	if (access(path, write ? R_OK | W_OK : R_OK) == 0 || errno != EACCES)
		return CART_OK;
	if (stat(path, &sb) != 0) {
		/* the folder keeps us out: the group's setgid folder of README */
		char *slash;

		snprintf(dir, sizeof dir, "%s", path);
		slash = strrchr(dir, '/');
		if (!slash)
			return CART_OK;
		*(slash == dir ? slash + 1 : slash) = '\0';
		if (stat(dir, &sb) != 0)
			return CART_OK;
	}
	gr = getgrgid(sb.st_gid);
	snprintf(gname, sizeof gname, "%s", gr ? gr->gr_name : "?");
	pw = getpwuid(getuid());
	snprintf(uname, sizeof uname, "%s", pw ? pw->pw_name : "?");
	/* the group may do what the clerk needs and the others may not: the clerk must join it */
	gneed = write ? S_IRGRP | S_IWGRP : S_IRGRP;
	oneed = write ? S_IROTH | S_IWOTH : S_IROTH;
	if ((sb.st_mode & gneed) == gneed && (sb.st_mode & oneed) != oneed && !in_group(sb.st_gid))
		return cart_fail(e, CART_IO, _("you (%s) may not open the ledger %s: it is shared with"
		                 " the group %s and you are not in it; ask the administrator to add you"
		                 " (adduser %s %s) and log in again"), uname, path, gname, uname, gname);
	return cart_fail(e, CART_IO, _("you (%s) may not %s the ledger %s (mode %04o, group %s);"
	                 " ask the administrator (see README: several clerks)"), uname,
	                 write ? _("write") : _("read"), path, (unsigned)(sb.st_mode & 07777), gname);
}

int ledger_wrote(const ledger *l)
{
	return l && l->commits > 0;
}

/* ---- settings ---- */

int ledger_setting_get(ledger *l, const char *name, char *buf, size_t size, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, "SELECT value FROM settings WHERE name = ?1", e);
	int rc;

	buf[0] = '\0';
	if (!s)
		return e->code;
	lg_bind_text(s, 1, name);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		lg_copy(buf, size, sqlite3_column_text(s, 0));
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the settings"), e);
}

int ledger_setting_set(ledger *l, const char *name, const char *value, cart_err *e)
{
	sqlite3_stmt *s;
	char detail[300];
	int rc;

	if (text_check(value, TEXT_MAX_NAME, name, e) != CART_OK)
		return e->code;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, "INSERT INTO settings (name, value) VALUES (?1, ?2)"
	                    " ON CONFLICT (name) DO UPDATE SET value = ?2", e))) {
		lg_rollback(l);
		return e->code;
	}
	lg_bind_text(s, 1, name);
	lg_bind_text(s, 2, value);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		lg_dberr(l, rc, _("saving a setting"), e);
		lg_rollback(l);
		return e->code;
	}
	snprintf(detail, sizeof detail, "%s=%s", name, value);
	if ((rc = lg_audit(l, "setting", 0, 0, detail, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

/* ---- idempotency keys ---- */

int ledger_set_key(ledger *l, const char *key, cart_err *e)
{
	if (!key || !*key) {
		l->key[0] = '\0';
		return CART_OK;
	}
	if (text_check(key, TEXT_MAX_KEY, "--key", e) != CART_OK)
		return e->code;
	snprintf(l->key, sizeof l->key, "%s", key);
	return CART_OK;
}

static void replay_read(sqlite3_stmt *s, void *p)
{
	posted *out = p;

	memset(out, 0, sizeof *out);
	out->doc_id = sqlite3_column_int64(s, 0);
	lg_copy(out->number, sizeof out->number, sqlite3_column_text(s, 1));
	out->replayed = 1;
}

int lg_key_replay(ledger *l, int type, posted *out, cart_err *e)
{
	out->replayed = 0;
	if (!l->key[0] || l->depth != 1)
		return CART_OK;
	return ledger_key_lookup(l, type, out, e);
}

int ledger_key_lookup(ledger *l, int type, posted *out, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	out->replayed = 0;
	if (!l->key[0])
		return CART_OK;
	if (!(s = lg_get(l, "SELECT d.id, d.number FROM doc_keys k JOIN documents d"
	                    " ON d.id = k.document_id WHERE k.doc_type = ?1 AND k.key = ?2", e)))
		return e->code;
	lg_bind_text(s, 1, doc_type_name(type));
	lg_bind_text(s, 2, l->key);
	rc = lg_row(l, s, replay_read, out, _("reading the idempotency keys"), e);
	return rc == CART_NOTFOUND ? CART_OK : rc;
}

int lg_key_record(ledger *l, int type, int64_t doc_id, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (!l->key[0] || l->key_done || l->bulk)
		return CART_OK;
	if (!(s = lg_get(l, "INSERT INTO doc_keys (doc_type, key, document_id) VALUES (?1, ?2, ?3)",
	                 e)))
		return e->code;
	lg_bind_text(s, 1, doc_type_name(type));
	lg_bind_text(s, 2, l->key);
	lg_bind_int(s, 3, doc_id);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("keeping the idempotency key"), e);
	l->key_done = 1;
	return CART_OK;
}

/* ---- the audit's hash chain ---- */

/* SHA-256 over the row's fields, each with its length (no two rows read alike), and the previous
 * row's hash, as 64 hex digits. */
static int audit_hash(int64_t id, const char *at, const char *clerk, const char *action,
                      int64_t doc, int64_t cid, const char *detail, const char *prev,
                      char out[65])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	char *buf;
	size_t size;
	int len;

	size = strlen(at) + strlen(clerk) + strlen(action) + strlen(detail) + strlen(prev) + 160;
	if (!(buf = malloc(size)))
		return -1;
	len = snprintf(buf, size, "%lld|%zu:%s|%zu:%s|%zu:%s|%lld|%lld|%zu:%s|%s", (long long)id,
	               strlen(at), at, strlen(clerk), clerk, strlen(action), action, (long long)doc,
	               (long long)cid, strlen(detail), detail, prev);
	if (len < 0 || EVP_Digest(buf, (size_t)len, md, &n, EVP_sha256(), NULL) != 1) {
		free(buf);
		return -1;
	}
	free(buf);
	for (unsigned int i = 0; i < n && i < 32; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[64] = '\0';
	return 0;
}

static const char *col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t ? (const char *)t : "";
}

/* Seal the audit row id (just inserted with an empty hash) to the one before it. */
int lg_audit_seal(ledger *l, int64_t id, cart_err *e)
{
	sqlite3_stmt *s;
	char prev[65] = "", h[65];
	int rc;

	if (!(s = lg_get(l, "SELECT hash FROM audit WHERE id < ?1 ORDER BY id DESC LIMIT 1", e)))
		return e->code;
	lg_bind_int(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		snprintf(prev, sizeof prev, "%s", col(s, 0));
	lg_finalize(l, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("writing the audit log"), e);
	if (!(s = lg_get(l, "SELECT at, clerk, action, coalesce(document_id, 0),"
	                    " coalesce(client_id, 0), detail FROM audit WHERE id = ?1", e)))
		return e->code;
	lg_bind_int(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && audit_hash(id, col(s, 0), col(s, 1), col(s, 2),
	                                   sqlite3_column_int64(s, 3), sqlite3_column_int64(s, 4),
	                                   col(s, 5), prev, h) != 0) {
		lg_finalize(l, s);
		return cart_fail(e, CART_NOMEM, _("cannot compute the audit log's hash"));
	}
	lg_finalize(l, s);
	if (rc != SQLITE_ROW)
		return lg_dberr(l, rc == SQLITE_DONE ? SQLITE_ERROR : rc, _("writing the audit log"), e);
	if (!(s = lg_get(l, "UPDATE audit SET hash = ?2 WHERE id = ?1", e)))
		return e->code;
	lg_bind_int(s, 1, id);
	lg_bind_text(s, 2, h);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("writing the audit log"), e);
}

/* After the upgrade that brought the hashes: chain the rows written before it, in order. */
int lg_audit_chain_fill(ledger *l, cart_err *e)
{
	sqlite3_stmt *s;
	int64_t *ids = NULL, n = 0, cap = 0;
	int rc;

	if (!(s = lg_get(l, "SELECT id FROM audit WHERE hash = '' ORDER BY id", e)))
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			int64_t *nn = realloc(ids, sizeof *ids * (size_t)(cap = cap ? 2 * cap : 256));

			if (!nn) {
				lg_finalize(l, s);
				free(ids);
				return cart_fail(e, CART_NOMEM, _("out of memory"));
			}
			ids = nn;
		}
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		free(ids);
		return lg_dberr(l, rc, _("reading the audit log"), e);
	}
	if (n == 0) {
		free(ids);
		return CART_OK;
	}
	if ((rc = lg_begin(l, e)) != CART_OK) {
		free(ids);
		return rc;
	}
	for (int64_t i = 0; i < n && rc == CART_OK; i++)
		rc = lg_audit_seal(l, ids[i], e);
	free(ids);
	if (rc != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

/* The first row whose hash does not follow from its fields and the row before: 0 when none. */
static int audit_verify(sqlite3 *db, int64_t *bad, char *why, size_t whysize, int64_t *rows)
{
	sqlite3_stmt *s;
	char prev[65] = "", h[65];
	int rc;

	*bad = 0;
	*rows = 0;
	rc = sqlite3_prepare_v2(db, "SELECT id, at, clerk, action, coalesce(document_id, 0),"
	                        " coalesce(client_id, 0), detail, hash FROM audit ORDER BY id", -1,
	                        &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);

		(*rows)++;
		if (audit_hash(id, col(s, 1), col(s, 2), col(s, 3), sqlite3_column_int64(s, 4),
		               sqlite3_column_int64(s, 5), col(s, 6), prev, h) != 0) {
			rc = SQLITE_NOMEM;
			break;
		}
		if (strcmp(h, col(s, 7))) {
			*bad = id;
			snprintf(why, whysize, _("audit row %lld (%s, %s by %s) was changed, removed or"
			         " added by hand: its hash does not follow from its contents and the row"
			         " before"), (long long)id, col(s, 3), col(s, 1), col(s, 2));
			rc = SQLITE_DONE;
			break;
		}
		snprintf(prev, sizeof prev, "%s", h);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ---- what `check` adds: the audit chain, the settings, values in range ---- */

int lg_check_safety(ledger *l, void (*problem)(void *k, const char *msg), void *k,
                    int *out_of_range, cart_err *e)
{
	char why[600], buf[700];
	int64_t bad, rows;
	sqlite3_stmt *s;
	int rc;

	if (out_of_range)
		*out_of_range = 0;
	rc = audit_verify(l->db, &bad, why, sizeof why, &rows);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("verifying the audit log"), e);
	if (bad)
		problem(k, why);
	/* the company's settings as they are in the file, not as cartera would have saved them */
	rc = sqlite3_prepare_v2(l->db, "SELECT decimals, dec_sep, thou_sep, currency, aging_ranges,"
	                        " name FROM company WHERE id = 1", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("reading the company settings"), e);
	if (sqlite3_step(s) == SQLITE_ROW) {
		int dec = sqlite3_column_int(s, 0);
		const char *ds = col(s, 1), *ts = col(s, 2), *cur = col(s, 3);
		company c;
		cart_err tmp;

		if (sqlite3_column_type(s, 0) != SQLITE_INTEGER || dec < 0 || dec > 4)
			problem(k, _("the company's decimals are out of range (0 to 4)"));
		if (strlen(ds) != 1 || (ds[0] != ',' && ds[0] != '.'))
			problem(k, _("the company's decimal separator is not ',' or '.'"));
		if (strlen(ts) > 1 || (ts[0] && strchr(",. '", ts[0]) == NULL) || ts[0] == ds[0])
			problem(k, _("the company's thousands separator is not valid"));
		if (strlen(cur) != 3)
			problem(k, _("the company's currency is not a three-letter code"));
		if (company_parse_ranges(&c, col(s, 4), &tmp) != CART_OK) {
			snprintf(buf, sizeof buf, _("the company's aging ranges: %s"), tmp.msg);
			problem(k, buf);
		}
		if (text_check(col(s, 5), TEXT_MAX_NAME, _("the company name"), &tmp) != CART_OK)
			problem(k, tmp.msg);
	}
	sqlite3_finalize(s);
	/* NULL: the caller reads those rows itself and checks their values (ledger_check_scan.c) */
	return out_of_range ? lg_check_ranges(l, problem, k, out_of_range, e) : CART_OK;
}

int lg_check_ranges(ledger *l, void (*problem)(void *k, const char *msg), void *k,
                    int *out_of_range, cart_err *e)
{
	static const struct {
		const char *sql, *what;
	} ranges[] = {
		{ "SELECT id FROM entries WHERE amount <= 0 OR amount > 1000000000000000"
		  " OR open < 0 OR open > amount", "entries" },
		{ "SELECT id FROM instalments WHERE amount <= 0 OR amount > 1000000000000000"
		  " OR open < 0 OR open > amount", "instalments" },
		{ "SELECT id FROM allocations WHERE abs(amount) > 1000000000000000",
		  "allocations" },
		{ "SELECT id FROM documents WHERE abs(total) > 1000000000000000",
		  "documents" },
	};
	char buf[700];
	sqlite3_stmt *s;
	int rc;

	*out_of_range = 0;
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
		if ((rc = sqlite3_prepare_v2(l->db, ranges[i].sql, -1, &s, NULL)) != SQLITE_OK)
			return lg_dberr(l, rc, _("running a check"), e);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			snprintf(buf, sizeof buf, _("row %lld of %s holds an amount out of range (edited by"
			         " hand?)"), (long long)sqlite3_column_int64(s, 0), ranges[i].what);
			problem(k, buf);
			(*out_of_range)++;
		}
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return lg_dberr(l, rc, _("running a check"), e);
	}
	return CART_OK;
}

/* ---- reading the audit ---- */

int ledger_audit_list(ledger *l, const audit_filter *f, audit_cb cb, void *ud, cart_err *e)
{
	static const char sql[] =
		"SELECT a.id, a.at, a.clerk, a.action, coalesce(a.document_id, 0),"
		" coalesce(a.client_id, 0), a.detail, coalesce(d.number, '')"
		" FROM audit a LEFT JOIN documents d ON d.id = a.document_id"
		" WHERE (?1 = 0 OR a.client_id = ?1) AND (?2 = '' OR a.clerk = ?2)"
		" AND (?3 = '' OR a.at >= ?3) AND (?4 = '' OR a.at < date(?4, '+1 day'))"
		" ORDER BY a.id";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, f->client_id);
	lg_bind_text(s, 2, f->clerk);
	lg_bind_text(s, 3, f->from);
	lg_bind_text(s, 4, f->to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		audit_row r;

		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		lg_copy(r.at, sizeof r.at, sqlite3_column_text(s, 1));
		lg_copy(r.clerk, sizeof r.clerk, sqlite3_column_text(s, 2));
		lg_copy(r.action, sizeof r.action, sqlite3_column_text(s, 3));
		r.document_id = sqlite3_column_int64(s, 4);
		r.client_id = sqlite3_column_int64(s, 5);
		lg_copy(r.detail, sizeof r.detail, sqlite3_column_text(s, 6));
		lg_copy(r.number, sizeof r.number, sqlite3_column_text(s, 7));
		if (cb(&r, ud))
			break;
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	       : lg_dberr(l, rc, _("reading the audit log"), e);
}

/* ---- backup and restore ---- */

/* Copy src's main database into dst, step by step, waiting out other clerks' writes. */
static int copy_db(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc;

	if (!b)
		return sqlite3_errcode(dst);
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int ledger_backup(ledger *l, const char *dest, int force, cart_err *e)
{
	outfile of;
	sqlite3 *db = NULL;
	int rc;

	if ((rc = outfile_begin(&of, dest, force ? OUTFILE_FORCE : 0, e)) != CART_OK)
		return rc;
	rc = sqlite3_open_v2(of.tmp, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = copy_db(db, l->db);
	if (rc == SQLITE_OK) /* one file, no -wal beside it: a backup is copied around */
		rc = sqlite3_exec(db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		cart_fail(e, CART_IO, _("cannot back up the ledger into %s: %s"), dest,
		          db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		outfile_abort(&of);
		return e->code;
	}
	if (sqlite3_close(db) != SQLITE_OK) {
		outfile_abort(&of);
		return cart_fail(e, CART_IO, _("cannot back up the ledger into %s"), dest);
	}
	return outfile_commit(&of, e);
}

static int first_text(sqlite3 *db, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);

	buf[0] = '\0';
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		snprintf(buf, size, "%s", col(s, 0));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int ledger_restore(const char *path, const char *src, int force, cart_err *e)
{
	char uri[2200], buf[600];
	sqlite3 *in = NULL, *out = NULL;
	struct stat sb;
	int64_t bad, rows;
	int rc, v;

	if (stat(src, &sb) != 0)
		return cart_fail(e, CART_NOTFOUND, _("cannot read the backup %s: %s"), src,
		                 strerror(errno));
	/* a backup is never changed by reading it: immutable, no journal, no locks */
	{
		size_t u = (size_t)snprintf(uri, sizeof uri, "file:");

		for (const unsigned char *p = (const unsigned char *)src; *p && u + 4 < sizeof uri; p++)
			u += (size_t)(strchr("?#%", *p) ? snprintf(uri + u, sizeof uri - u, "%%%02X", *p)
			                                : snprintf(uri + u, sizeof uri - u, "%c", *p));
		snprintf(uri + u, sizeof uri - u, "?immutable=1");
	}
	rc = sqlite3_open_v2(uri, &in, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	if (rc == SQLITE_OK)
		rc = first_text(in, "PRAGMA integrity_check", buf, sizeof buf);
	if (rc != SQLITE_OK || strcmp(buf, "ok")) {
		cart_fail(e, CART_CORRUPT, _("the backup %s is damaged or is not a ledger (%s);"
		          " nothing was restored"), src, rc != SQLITE_OK ? sqlite3_errstr(rc) : buf);
		sqlite3_close(in);
		return e->code;
	}
	first_text(in, "PRAGMA user_version", buf, sizeof buf);
	v = atoi(buf);
	if (v > cartera_nmigrations || v < 1) {
		cart_fail(e, v < 1 ? CART_CORRUPT : CART_VERSION,
		          v < 1 ? _("%s is not a cartera ledger; nothing was restored")
		                : _("the backup %s was written by a newer cartera (schema %d, this one"
		                    " knows %d): upgrade cartera; nothing was restored"),
		          src, v, cartera_nmigrations);
		sqlite3_close(in);
		return e->code;
	}
	first_text(in, "SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'hash'", buf,
	           sizeof buf);
	if (atoi(buf) && audit_verify(in, &bad, buf, sizeof buf, &rows) == SQLITE_OK && bad) {
		cart_fail(e, CART_CORRUPT, _("the backup %s was tampered with: %s; nothing was"
		          " restored"), src, buf);
		sqlite3_close(in);
		return e->code;
	}
	if (stat(path, &sb) == 0 && !force) {
		sqlite3_close(in);
		return cart_fail(e, CART_REFUSED, _("the ledger %s exists: give --force to replace it"
		                 " with the backup"), path);
	}
	if ((rc = lg_create_file(path, e)) != CART_OK) {
		sqlite3_close(in);
		return rc;
	}
	/* into the live file through SQLite, so its -wal and other clerks' connections follow */
	rc = sqlite3_open_v2(path, &out, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		sqlite3_busy_timeout(out, 10000);
	if (rc == SQLITE_OK)
		rc = copy_db(out, in);
	if (rc != SQLITE_OK)
		cart_fail(e, CART_IO, _("cannot restore %s into %s: %s"), src, path,
		          out ? sqlite3_errmsg(out) : sqlite3_errstr(rc));
	sqlite3_close(in);
	sqlite3_close(out);
	return rc == SQLITE_OK ? CART_OK : e->code;
}
