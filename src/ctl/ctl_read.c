/* What the screens and the command line read of the ledger, through the controller: the same
 * questions the model answers, asked with a ctl. They add nothing but the one path (the faces never
 * hold the model); where a read needs the clerk's terms (a reference, a typed date) the controller
 * of that feature does it instead. See include/cartera/ctl.h, ctl_docs.h, ctl_persons.h,
 * ctl_dash.h. */
#include "config.h"

#include "cartera/ctl_dash.h"
#include "cartera/ctl_docs.h"
#include "cartera/ctl_persons.h"
#include "cartera/demo.h"
#include "ctl_int.h"

int ctl_client_get(ctl *c, int64_t id, client *out, cart_err *e)
{
	return ledger_client_get(c->l, id, out, e);
}

int ctl_client_list(ctl *c, const char *filter, int offset, int limit, client_cb cb, void *ud,
                    cart_err *e)
{
	return ledger_client_list(c->l, filter, offset, limit, cb, ud, e);
}

int ctl_client_count(ctl *c, const char *filter, int64_t *n, cart_err *e)
{
	return ledger_client_count(c->l, filter, n, e);
}

int ctl_open_items(ctl *c, int64_t client_id, const char *asof, open_item_cb cb, void *ud,
                   cart_err *e)
{
	return ledger_open_items(c->l, client_id, asof, cb, ud, e);
}

int ctl_document_get(ctl *c, int64_t doc_id, doc_info *d, cart_err *e)
{
	return ledger_document_get(c->l, doc_id, d, e);
}

int ctl_document_entries(ctl *c, int64_t doc_id, doc_entry *rows, int max, int *n, cart_err *e)
{
	return ledger_document_entries(c->l, doc_id, rows, max, n, e);
}

int ctl_aging(ctl *c, const char *asof, const int *ranges, int n_ranges, aging_cb cb, void *ud,
              cart_err *e)
{
	return ledger_aging(c->l, asof, ranges, n_ranges, cb, ud, e);
}

int ctl_tax_list(ctl *c, tax_rate_cb cb, void *ud, cart_err *e)
{
	return ledger_tax_list(c->l, cb, ud, e);
}

int ctl_quote_list(ctl *c, int64_t client_id, const char *asof, quote_cb cb, void *ud, cart_err *e)
{
	return ledger_quote_list(c->l, client_id, asof, cb, ud, e);
}

int ctl_doc_lines(ctl *c, int64_t doc_id, doc_line *rows, int max, int *n, cart_err *e)
{
	return ledger_doc_lines(c->l, doc_id, rows, max, n, e);
}

int ctl_doc_taxes(ctl *c, int64_t doc_id, doc_tax *rows, int max, int *n, cart_err *e)
{
	return ledger_doc_taxes(c->l, doc_id, rows, max, n, e);
}

int ctl_receipt_detail(ctl *c, int64_t doc_id, receipt_detail *d, cart_err *e)
{
	return ledger_receipt_detail(c->l, doc_id, d, e);
}

int ctl_person_add(ctl *c, person *p, cart_err *e)
{
	return ledger_person_add(c->l, p, e);
}

int ctl_person_get(ctl *c, int64_t id, person *p, cart_err *e)
{
	return ledger_person_get(c->l, id, p, e);
}

int ctl_person_delete(ctl *c, int64_t client_id, int64_t id, cart_err *e)
{
	return ledger_person_delete(c->l, client_id, id, e);
}

int ctl_person_list(ctl *c, int64_t client_id, person *out, int max, int *n, cart_err *e)
{
	return ledger_person_list(c->l, client_id, out, max, n, e);
}

int ctl_client_recipients(ctl *c, int64_t client_id, mail_to *out, int max, int *n, cart_err *e)
{
	return ledger_client_recipients(c->l, client_id, out, max, n, e);
}

int ctl_demo_generate(ctl *c, const demo_opts *o, demo_stats *st, cart_err *e)
{
	return demo_generate(c->l, o, st, e);
}
