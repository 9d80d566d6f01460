/* One posted document for `show`; see include/cartera/ctl_show.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ctl_docs.h"
#include "cartera/ctl_show.h"
#include "cartera/i18n.h"
#include "ctl_int.h"
#include "model/ledger_voided.h"

int ctl_show_load(ctl *c, const char *ref, ctl_show *s, cart_err *e)
{
	void_info v;
	int rc;

	memset(s, 0, sizeof *s);
	if ((rc = ctl_doc_ref(c, ref, &s->d, e)) != CART_OK ||
	    (rc = ledger_client_get(c->l, s->d.client_id, &s->cl, e)) != CART_OK ||
	    (rc = ctl_taxes_load(c, &s->tx, e)) != CART_OK)
		return rc;
	if (!(s->lines = malloc(sizeof *s->lines * DOC_MAX_LINES)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if ((rc = ledger_doc_lines(c->l, s->d.id, s->lines, DOC_MAX_LINES, &s->nlines, e)) != CART_OK ||
	    (rc = ledger_doc_taxes(c->l, s->d.id, s->taxes, DOC_MAX_TAXES, &s->ntaxes, e)) != CART_OK ||
	    (rc = ledger_receipt_detail(c->l, s->d.id, &s->rd, e)) != CART_OK ||
	    (rc = ledger_document_entries(c->l, s->d.id, s->ent, CTL_SHOW_ENTRIES, &s->nent, e)) !=
	            CART_OK ||
	    (rc = ledger_void_info(c->l, s->d.id, &v, e)) != CART_OK) {
		ctl_show_free(s);
		return rc;
	}
	for (int i = 0; i < s->nlines; i++) {
		s->rate[i] = "";
		for (int k = 0; k < s->tx.n; k++)
			if (s->tx.r[k].id == s->lines[i].tax_rate_id)
				s->rate[i] = s->tx.r[k].name;
	}
	snprintf(s->void_number, sizeof s->void_number, "%s", v.number);
	snprintf(s->voided, sizeof s->voided, "%s", v.voided);
	snprintf(s->void_date, sizeof s->void_date, "%s", v.date);
	snprintf(s->void_clerk, sizeof s->void_clerk, "%s", v.clerk);
	snprintf(s->void_reason, sizeof s->void_reason, "%s", v.reason);
	return CART_OK;
}

void ctl_show_free(ctl_show *s)
{
	free(s->lines);
	s->lines = NULL;
	s->nlines = 0;
}
