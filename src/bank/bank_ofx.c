/* An OFX (or QFX) statement read through libofx: one line per credit transaction, its identity
 * the bank's FITID. libofx reads SGML and XML OFX, one or several statements per file, and turns
 * the declared charset into UTF-8; files that say CHARSET:1252 but hold UTF-8 come out doubly
 * encoded ("CRÃ‰DITO"), which is undone here. libofx hands amounts as a double: it is turned into
 * text at once (four decimals, far within a double's exact digits for any amount below
 * MONEY_MAX) and never used as a number. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libofx/libofx.h>

#include "cartera/bank.h"
#include "cartera/i18n.h"
#include "cartera/output.h"
#include "bank/bank_int.h"

static const unsigned short hi1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
	0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
	0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178 };

/* "CRÃ‰DITO" -> "CRÉDITO": when every character maps back to one Windows-1252 byte and those
 * bytes are UTF-8 with something beyond ASCII, the file's text was UTF-8 all along. */
static void undo_double(char *s, size_t size)
{
	char out[1024];
	size_t k = 0;
	int high = 0;

	for (size_t i = 0; s[i];) {
		long cp;
		int n = utf8_decode((const unsigned char *)s + i, &cp), b = -1;

		if (cp < 0)
			return;
		if (cp < 0x80 || (cp >= 0xa0 && cp < 0x100))
			b = (int)cp;
		for (int j = 0; j < 32 && b < 0; j++)
			if (hi1252[j] == cp)
				b = 0x80 + j;
		if (b < 0 || k + 1 >= sizeof out)
			return;
		high |= b >= 0x80;
		out[k++] = (char)b;
		i += (size_t)n;
	}
	out[k] = '\0';
	if (high && bank_utf8_valid(out, k) && k < size)
		memcpy(s, out, k + 1);
}

typedef struct ofx_ctx {
	bank_stmt *st;
	int failed;
} ofx_ctx;

static int tx_cb(const struct OfxTransactionData d, void *ud)
{
	ofx_ctx *x = ud;
	bank_stmt_line *ln;
	const struct OfxAccountData *a = d.account_ptr;
	char amt[48], *dot;
	struct tm tm;

	x->st->entries++;
	if (!d.amount_valid || !(d.amount > 0.00005)) {
		x->st->debits++;
		return 0;
	}
	if (!(ln = bank_stmt_add(x->st))) {
		x->failed = 1;
		return 1;
	}
	snprintf(amt, sizeof amt, "%.4f", d.amount);
	if ((dot = strchr(amt, '.'))) {
		size_t n = strlen(amt);

		while (n > (size_t)(dot - amt) + 1 && amt[n - 1] == '0')
			amt[--n] = '\0';
		if (amt[n - 1] == '.')
			amt[--n] = '\0';
	}
	snprintf(ln->amount, sizeof ln->amount, "%s", amt);
	if (d.date_posted_valid) {
		time_t t = d.date_posted;

		date_t day;

		/* libofx puts a date without a time at midday, local time: the local date is it */
		if (localtime_r(&t, &tm) && date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
		                                          &day, CART_IGNORED) == CART_OK)
			date_format(day, ln->date);
	}
	if (a && a->account_id_valid) {
		bank_trim_copy(ln->account, sizeof ln->account, a->account_number);
		if (!ln->account[0])
			bank_trim_copy(ln->account, sizeof ln->account, a->account_id);
	}
	if (a && a->currency_valid)
		snprintf(ln->currency, sizeof ln->currency, "%.3s", a->currency);
	if (d.currency_valid)
		snprintf(ln->currency, sizeof ln->currency, "%.3s", d.currency);
	if (d.name_valid)
		bank_trim_copy(ln->payer, sizeof ln->payer, d.name);
	if (d.memo_valid)
		bank_trim_copy(ln->description, sizeof ln->description, d.memo);
	else if (d.name_valid)
		bank_trim_copy(ln->description, sizeof ln->description, d.name);
	if (d.reference_number_valid)
		bank_trim_copy(ln->reference, sizeof ln->reference, d.reference_number);
	else if (d.check_number_valid)
		bank_trim_copy(ln->reference, sizeof ln->reference, d.check_number);
	undo_double(ln->payer, sizeof ln->payer);
	undo_double(ln->description, sizeof ln->description);
	if (d.fi_id_valid && d.fi_id[0]) {
		char id[80];

		bank_trim_copy(id, sizeof id, d.fi_id);
		snprintf(ln->identity, sizeof ln->identity, "ofx:%s", id);
	} else {
		uint64_t h = bank_hash(ln->account, 0);

		h = bank_hash(ln->date, h);
		h = bank_hash(ln->amount, h);
		h = bank_hash(ln->description, h);
		snprintf(ln->identity, sizeof ln->identity, "ofx-hash:%016llx", (unsigned long long)h);
	}
	if (!x->st->account[0])
		snprintf(x->st->account, sizeof x->st->account, "%s", ln->account);
	if (!x->st->currency[0])
		snprintf(x->st->currency, sizeof x->st->currency, "%s", ln->currency);
	return 0;
}

static int acct_cb(const struct OfxAccountData d, void *ud)
{
	ofx_ctx *x = ud;

	if (!x->st->account[0] && d.account_id_valid)
		bank_trim_copy(x->st->account, sizeof x->st->account, d.account_number);
	return 0;
}

int bank_read_ofx(const char *path, bank_stmt *out, cart_err *e)
{
	LibofxContextPtr cx;
	ofx_ctx x = { out, 0 };
	int rc;

	/* libofx talks on stdout and stderr unless told not to: keep it off the screen */
	ofx_PARSER_msg = ofx_DEBUG_msg = ofx_DEBUG1_msg = ofx_DEBUG2_msg = ofx_DEBUG3_msg = 0;
	ofx_DEBUG4_msg = ofx_DEBUG5_msg = ofx_STATUS_msg = ofx_INFO_msg = ofx_WARNING_msg = 0;
	ofx_ERROR_msg = 0;
	if (!(cx = libofx_get_new_context()))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	ofx_set_transaction_cb(cx, tx_cb, &x);
	ofx_set_account_cb(cx, acct_cb, &x);
	rc = libofx_proc_file(cx, path, AUTODETECT);
	libofx_free_context(cx);
	if (x.failed)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if (rc != 0 && out->entries == 0)
		return cart_fail(e, CART_INVALID, _("%s: not an OFX statement libofx can read"), path);
	for (int i = 0; i < out->n; i++)
		if (!out->lines[i].date[0])
			return cart_fail(e, CART_INVALID, _("%s: transaction %s has no date"), path,
			                 out->lines[i].identity);
	return CART_OK;
}
