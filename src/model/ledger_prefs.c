/* See ledger_prefs.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/i18n.h"
#include "ledger_prefs.h"

int lg_company_prefs_read(ledger *l, company *c, cart_err *e)
{
	static const char sql[] =
		"SELECT date_order, print_encoding, print_page_lines FROM company WHERE id = 1";
	sqlite3_stmt *s = lg_get(l, sql, e);
	const unsigned char *t;
	int rc;

	if (!s)
		return e->code;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		t = sqlite3_column_text(s, 0);
		c->date_order = t && !strcmp((const char *)t, "dmy") ? DATE_DMY : DATE_YMD;
		lg_copy(c->print_encoding, sizeof c->print_encoding, sqlite3_column_text(s, 1));
		c->print_page_lines = sqlite3_column_int(s, 2);
	}
	lg_finalize(l, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("reading the company settings"), e);
	if (!c->print_encoding[0])
		snprintf(c->print_encoding, sizeof c->print_encoding, "UTF-8");
	return CART_OK;
}

int lg_company_prefs_write(ledger *l, const company *c, cart_err *e)
{
	static const char sql[] =
		"UPDATE company SET date_order = ?1, print_encoding = ?2, print_page_lines = ?3"
		" WHERE id = 1";
	const char *enc = c->print_encoding[0] ? c->print_encoding : "UTF-8";
	sqlite3_stmt *s;
	int rc;

	if (strcmp(enc, "UTF-8") && strcmp(enc, "CP850") && strcmp(enc, "ISO-8859-1"))
		return cart_fail(e, CART_INVALID, _("printer encoding \"%s\": UTF-8, CP850 or"
		                 " ISO-8859-1"), enc);
	if (c->print_page_lines && (c->print_page_lines < 12 || c->print_page_lines > 1000))
		return cart_fail(e, CART_INVALID, _("page length %d: between 12 and 1000 lines, or 0"),
		                 c->print_page_lines);
	if (!(s = lg_get(l, sql, e)))
		return e->code;
	lg_bind_text(s, 1, date_order_name(c->date_order));
	lg_bind_text(s, 2, enc);
	sqlite3_bind_int(s, 3, c->print_page_lines);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("saving the company settings"), e);
	return CART_OK;
}
