/* An ISO 20022 camt.053 statement (versions 02 to 08) read with libxml2: every credit entry of
 * every statement in the message. An entry that is a batch of several payments (TxDtls, as a
 * Swiss ISR batch) gives one line per payment, so each can be matched on its own. The identity
 * of an entry is the bank's AcctSvcrRef; without one, a hash of the entry's own fields, numbered
 * when the same entry comes again in the file. CdtDbtInd is taken as written (a reversal's
 * RvslInd does not flip it), as the balances of the published samples require. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cartera/bank.h"
#include "cartera/i18n.h"
#include "bank/bank_int.h"

static int is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static xmlNode *kid(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* kid(kid(...)) along a path "A/B/C". */
static xmlNode *path(const xmlNode *n, const char *p)
{
	char buf[128], *save = NULL;
	xmlNode *cur = (xmlNode *)n;

	snprintf(buf, sizeof buf, "%s", p);
	for (char *part = strtok_r(buf, "/", &save); part && cur; part = strtok_r(NULL, "/", &save))
		cur = kid(cur, part);
	return cur;
}

static void text_of(const xmlNode *n, char *buf, size_t size)
{
	xmlChar *t = n ? xmlNodeGetContent(n) : NULL;

	buf[0] = '\0';
	if (t) {
		bank_trim_copy(buf, size, (const char *)t);
		xmlFree(t);
	}
}

static void path_text(const xmlNode *n, const char *p, char *buf, size_t size)
{
	text_of(path(n, p), buf, size);
}

static void append(char *dst, size_t size, const char *s)
{
	size_t k = strlen(dst);

	if (!s[0] || strstr(dst, s))
		return;
	snprintf(dst + k, size - k, "%s%s", k ? " " : "", s);
}

/* "1000.00" as written (the schema's decimal: '.' and digits) or "" when it is not one. */
static void amount_of(const xmlNode *n, char out[32])
{
	char t[64];
	size_t i = 0;
	int digits = 0, dot = 0;

	text_of(n, t, sizeof t);
	out[0] = '\0';
	for (; t[i]; i++) {
		if (t[i] >= '0' && t[i] <= '9')
			digits++;
		else if (t[i] == '.' && !dot)
			dot = 1;
		else
			return;
	}
	if (digits && i < 32)
		memcpy(out, t, i + 1);
}

static xmlNode *tx_amount(const xmlNode *tx)
{
	xmlNode *a = kid(tx, "Amt");

	return a ? a : path(tx, "AmtDtls/TxAmt/Amt");
}

/* Description, reference and payer of one payment (a TxDtls), added to the line. */
static void tx_details(const xmlNode *tx, bank_stmt_line *ln)
{
	char t[256];

	for (xmlNode *r = kid(tx, "RmtInf") ? kid(tx, "RmtInf")->children : NULL; r; r = r->next) {
		if (is(r, "Ustrd")) {
			text_of(r, t, sizeof t);
			append(ln->description, sizeof ln->description, t);
		} else if (is(r, "Strd")) {
			path_text(r, "CdtrRefInf/Ref", t, sizeof t);
			if (t[0] && !ln->reference[0])
				snprintf(ln->reference, sizeof ln->reference, "%.127s", t);
		}
	}
	path_text(tx, "AddtlTxInf", t, sizeof t);
	append(ln->description, sizeof ln->description, t);
	if (!ln->reference[0]) {
		path_text(tx, "Refs/EndToEndId", t, sizeof t);
		if (t[0] && strcmp(t, "NOTPROVIDED"))
			snprintf(ln->reference, sizeof ln->reference, "%.127s", t);
	}
	if (!ln->payer[0]) {
		path_text(tx, "RltdPties/Dbtr/Nm", t, sizeof t);
		if (!t[0])
			path_text(tx, "RltdPties/Dbtr/Pty/Nm", t, sizeof t);
		snprintf(ln->payer, sizeof ln->payer, "%.127s", t);
	}
}

static int entry(const xmlNode *n, const char *acct, const char *acct_ccy, bank_stmt *st)
{
	char ind[8], ref[80], date[40], amt[32], ccy[8] = "", ntry_ref[80], info[256];
	xmlNode *txs[256];
	int ntx = 0;
	xmlNode *a = kid(n, "Amt");
	xmlChar *c;

	st->entries++;
	path_text(n, "CdtDbtInd", ind, sizeof ind);
	if (strcmp(ind, "CRDT")) {
		st->debits++;
		return CART_OK;
	}
	amount_of(a, amt);
	if (a && (c = xmlGetProp(a, (const xmlChar *)"Ccy"))) {
		snprintf(ccy, sizeof ccy, "%.3s", (const char *)c);
		xmlFree(c);
	}
	path_text(n, "AcctSvcrRef", ref, sizeof ref);
	path_text(n, "NtryRef", ntry_ref, sizeof ntry_ref);
	path_text(n, "AddtlNtryInf", info, sizeof info);
	path_text(n, "BookgDt/Dt", date, sizeof date);
	if (!date[0])
		path_text(n, "BookgDt/DtTm", date, sizeof date);
	if (!date[0])
		path_text(n, "ValDt/Dt", date, sizeof date);
	date[10 < sizeof date ? 10 : 0] = '\0';
	for (xmlNode *d = kid(n, "NtryDtls") ? kid(n, "NtryDtls")->children : NULL; d; d = d->next) {
		if (is(d, "TxDtls") && ntx < 256)
			txs[ntx++] = d;
		else if (is(d, "Btch"))
			continue;
	}
	if (ntx > 1)    /* a batch: its payments, when each says its amount */
		for (int i = 0; i < ntx; i++) {
			char t[32];

			amount_of(tx_amount(txs[i]), t);
			if (!t[0])
				ntx = 0;
		}
	for (int i = 0; i < (ntx > 1 ? ntx : 1); i++) {
		bank_stmt_line *ln = bank_stmt_add(st);
		uint64_t h;

		if (!ln)
			return CART_NOMEM;
		snprintf(ln->account, sizeof ln->account, "%s", acct);
		snprintf(ln->currency, sizeof ln->currency, "%s", ccy[0] ? ccy : acct_ccy);
		snprintf(ln->date, sizeof ln->date, "%.10s", date);
		if (ntx > 1)
			amount_of(tx_amount(txs[i]), ln->amount);
		else
			snprintf(ln->amount, sizeof ln->amount, "%s", amt);
		if (ntx >= 1)
			tx_details(txs[ntx > 1 ? i : 0], ln);
		append(ln->description, sizeof ln->description, info);
		if (!ln->reference[0] && ntry_ref[0])
			snprintf(ln->reference, sizeof ln->reference, "%s", ntry_ref);
		if (ref[0]) {
			if (ntx > 1)
				snprintf(ln->identity, sizeof ln->identity, "camt:%.80s#%d", ref, i + 1);
			else
				snprintf(ln->identity, sizeof ln->identity, "camt:%.80s", ref);
		} else {
			h = bank_hash(acct, 0);
			h = bank_hash(date, h);
			h = bank_hash(amt, h);
			h = bank_hash(ntry_ref, h);
			h = bank_hash(ln->amount, h);
			h = bank_hash(ln->reference, h);
			h = bank_hash(ln->description, h);
			snprintf(ln->identity, sizeof ln->identity, "camt-hash:%016llx", (unsigned long long)h);
		}
	}
	return CART_OK;
}

int bank_read_camt(const char *buf, size_t len, bank_stmt *out, cart_err *e)
{
	xmlDoc *doc;
	xmlNode *root, *msg;
	int rc = CART_OK, stmts = 0;

	doc = xmlReadMemory(buf, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	                    XML_PARSE_NOWARNING | XML_PARSE_HUGE);
	if (!doc)
		return cart_fail(e, CART_INVALID, _("not well-formed XML"));
	root = xmlDocGetRootElement(doc);
	msg = is(root, "Document") ? kid(root, "BkToCstmrStmt") : NULL;
	if (!msg) {
		xmlFreeDoc(doc);
		return cart_fail(e, CART_INVALID, _("not a camt.053 statement (no"
		                 " Document/BkToCstmrStmt)"));
	}
	for (xmlNode *s = msg->children; s && rc == CART_OK; s = s->next) {
		char acct[64], ccy[8];

		if (!is(s, "Stmt"))
			continue;
		stmts++;
		path_text(s, "Acct/Id/IBAN", acct, sizeof acct);
		if (!acct[0])
			path_text(s, "Acct/Id/Othr/Id", acct, sizeof acct);
		path_text(s, "Acct/Ccy", ccy, sizeof ccy);
		if (!out->account[0])
			snprintf(out->account, sizeof out->account, "%s", acct);
		if (!out->currency[0])
			snprintf(out->currency, sizeof out->currency, "%.3s", ccy);
		for (xmlNode *n = s->children; n && rc == CART_OK; n = n->next)
			if (is(n, "Ntry"))
				rc = entry(n, acct, ccy, out);
	}
	xmlFreeDoc(doc);
	if (rc == CART_NOMEM)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if (!stmts)
		return cart_fail(e, CART_INVALID, _("the camt.053 message holds no statement (Stmt)"));
	for (int i = 0; i < out->n; i++)
		if (!date_valid(out->lines[i].date) || !out->lines[i].amount[0])
			return cart_fail(e, CART_INVALID, _("entry %s has no booking date or amount"),
			                 out->lines[i].identity);
	/* entries without a bank reference that come twice in the file are two payments */
	for (int i = 0; i < out->n; i++) {
		int k = 1;

		if (strncmp(out->lines[i].identity, "camt-hash:", 10))
			continue;
		for (int j = 0; j < i; j++)
			if (!strncmp(out->lines[j].identity, out->lines[i].identity, 26))
				k++;
		if (k > 1) {
			size_t n = strlen(out->lines[i].identity);

			snprintf(out->lines[i].identity + n, sizeof out->lines[i].identity - n, "#%d", k);
		}
	}
	return CART_OK;
}
