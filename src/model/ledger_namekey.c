/* The order of client names as a Spanish-speaking clerk reads a list: letters without regard to
 * case or accents (Álvarez among the A's, Óscar among the O's), ñ its own letter between n and o,
 * ü as u. Each client keeps that order as a key (clients.name_key, schema 006) that sorts byte by
 * byte, so the lists' indexes stay plain (the sqlite3 tool reads them like any other) and a page
 * of 50,000 clients costs what it did. Only this file decides the key. */
#include "config.h"

#include <string.h>

#include "cartera/output.h"
#include "ledger_int.h"

/* The letters of Latin-1 (U+00C0..U+00FF) as their base letter; 0 = keep the code point. */
static const char latin1[64] = {
	'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
	'd', 0, 'o', 'o', 'o', 'o', 'o', 0, 'o', 'u', 'u', 'u', 'u', 'y', 0, 's',
	'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
	'd', 0, 'o', 'o', 'o', 'o', 'o', 0, 'o', 'u', 'u', 'u', 'u', 'y', 0, 'y'
};

/* The primary weight of a code point: letters folded, ñ just after n, combining marks none (0). */
static long weight(long cp)
{
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	if (cp == 0xd1 || cp == 0xf1)          /* Ñ ñ */
		return ('n' << 8) | 0x80;
	if (cp >= 0xc0 && cp <= 0xff && latin1[cp - 0xc0])
		cp = latin1[cp - 0xc0];
	if (cp >= 0x300 && cp <= 0x36f)        /* a combining accent: read with its letter */
		return 0;
	return cp << 8;
}

static void fold(const char *name, char *buf, size_t size, int search);

void ledger_name_key(const char *name, char *buf, size_t size)
{
	fold(name, buf, size, 0);
}

void ledger_search_key(const char *name, char *buf, size_t size)
{
	fold(name, buf, size, 1);
}

/* The key, or with search set the search key: the same letters with ñ as n, because a clerk
 * types "nandu" for Ñandú. */
static void fold(const char *name, char *buf, size_t size, int search)
{
	const unsigned char *s = (const unsigned char *)(name ? name : "");
	int n = (int)strlen((const char *)s), len;
	size_t k = 0;

	for (int i = 0; i < n && k + 5 < size; i += len) {
		long cp, w;

		len = utf8_decode(s + i, &cp);

		if (cp < 0) {                   /* not UTF-8: the byte as it is */
			buf[k++] = (char)s[i];
			continue;
		}
		w = weight(cp);
		if (w == 0)                     /* a combining accent */
			continue;
		if ((w & 0xff) == 0x80) {       /* ñ: n, then a byte above every letter */
			buf[k++] = 'n';
			if (!search)
				buf[k++] = '\x7f';
		} else if ((w >> 8) < 0x80) {
			buf[k++] = (char)(w >> 8);
		} else {                        /* other letters: their own bytes */
			memcpy(buf + k, s + i, (size_t)len);
			k += (size_t)len;
		}
	}
	if (size)
		buf[k < size ? k : size - 1] = '\0';
}

/* cartera_name_key(name) for the migration that fills the keys of the clients already there. */
static void name_key_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	char buf[4 * 256 + 8];

	(void)argc;
	ledger_name_key(name, buf, sizeof buf);
	sqlite3_result_text(cx, buf, -1, SQLITE_TRANSIENT);
}

/* cartera_search_key(text): what a filter is matched on (clients.search_key, and the text typed) */
static void search_key_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	char buf[4 * 256 + 8];

	(void)argc;
	if (!name) {
		sqlite3_result_null(cx);
		return;
	}
	ledger_search_key(name, buf, sizeof buf);
	sqlite3_result_text(cx, buf, -1, SQLITE_TRANSIENT);
}

/* cartera_find_query(text, columns): the FTS5 query that finds text (folded as the search key)
 * anywhere in the trigram index clients_find (schema 018): a phrase in the search key and the
 * tax id, and with columns = 3 the phone too. Fewer than three letters make no trigram and
 * match nothing there: those filters are looked for row by row (LG_FIND_SHORT). */
static void find_query_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	int cols = argc > 1 ? sqlite3_value_int(argv[1]) : 2;
	char key[4 * 256 + 8], q[2 * sizeof key + 64];
	size_t k;

	if (!text) {
		sqlite3_result_null(cx);
		return;
	}
	ledger_search_key(text, key, sizeof key);
	k = (size_t)snprintf(q, sizeof q, "%s : \"", cols == 3 ? "{search_key tax_id phone}" :
	                     "{search_key tax_id}");
	for (const char *p = key; *p && k + 3 < sizeof q; p++) {
		if (*p == '"')
			q[k++] = '"';
		q[k++] = *p;
	}
	q[k++] = '"';
	q[k] = '\0';
	sqlite3_result_text(cx, q, (int)k, SQLITE_TRANSIENT);
}

int lg_name_key_register(sqlite3 *db)
{
	int rc = sqlite3_create_function(db, "cartera_search_key", 1,
	                                 SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, search_key_fn, NULL,
	                                 NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "cartera_find_query", 2,
		                             SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, find_query_fn,
		                             NULL, NULL);
	if (rc != SQLITE_OK)
		return rc;
	return sqlite3_create_function(db, "cartera_name_key", 1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, name_key_fn, NULL, NULL);
}
