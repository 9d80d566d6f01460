/* CFDI 4.0 (Mexico): invoices (I), credit notes (E, against the CFDI they relate to) and payment
 * complements (P, pago20:Pagos), read into an einv_doc and checked against their own figures:
 * SubTotal, Descuento and taxes against the conceptos, Total against them; each payment's
 * documents against its Monto, balances before and after, MontoTotalPagos. Amounts in
 * millionths: concept amounts carry six decimals. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/i18n.h"
#include "einvoice_int.h"

#define CENT 10000              /* one cent in millionths */

/* The attribute as an amount; CART_INVALID naming it when malformed. absent: *v = 0. */
static int amount_attr(xmlNode *n, const char *name, int64_t *v, int *present, cart_err *e)
{
	char buf[64];
	int r = ex_decimal(ex_attr(n, name, buf, sizeof buf), v);

	if (present)
		*present = r > 0;
	if (r < 0)
		return cart_fail(e, CART_INVALID, _("%s=\"%s\" is not an amount"), name, buf);
	return CART_OK;
}

static int64_t diff(int64_t a, int64_t b)
{
	return a > b ? a - b : b - a;
}

static void upper(char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
}

/* The rates of the document's transferred taxes for the memo: "IVA 16%: 137.93". */
static void tax_detail(xmlNode *root, einv_doc *d)
{
	xmlNode *t = ex_path(root, "Impuestos/Traslados");
	size_t used = strlen(d->detail);
	char rate[32], imp[32], amount[32], money[32];

	for (xmlNode *x = ex_child(t, "Traslado"); x; x = ex_next(x, "Traslado")) {
		int64_t r = 0, a = 0;

		ex_decimal(ex_attr(x, "TasaOCuota", rate, sizeof rate), &r);
		ex_decimal(ex_attr(x, "Importe", amount, sizeof amount), &a);
		ex_attr(x, "Impuesto", imp, sizeof imp);
		ex_format(a, money, sizeof money);
		if (used < sizeof d->detail)
			used += (size_t)snprintf(d->detail + used, sizeof d->detail - used, "%s%s %lld.%02lld%%: %s",
			                         used ? "; " : "", !strcmp(imp, "002") ? "IVA" : !strcmp(imp, "003")
			                         ? "IEPS" : imp, (long long)(r / 10000),
			                         (long long)(r / 100 % 100), money);
	}
}

static int read_invoice(xmlNode *root, einv_doc *d, cart_err *e)
{
	xmlNode *concepts = ex_child(root, "Conceptos"), *imp = ex_child(root, "Impuestos");
	int64_t subtotal, discount, total, tras = 0, ret = 0, sum = 0, sum_disc = 0, sum_tras = 0,
	        sum_ret = 0, v;
	int n = 0, has_tras, has_ret, rc;
	char a[32], b[32], c3[32], d4[32];

	if ((rc = amount_attr(root, "SubTotal", &subtotal, NULL, e)) ||
	    (rc = amount_attr(root, "Descuento", &discount, NULL, e)) ||
	    (rc = amount_attr(root, "Total", &total, NULL, e)) ||
	    (rc = amount_attr(imp, "TotalImpuestosTrasladados", &tras, &has_tras, e)) ||
	    (rc = amount_attr(imp, "TotalImpuestosRetenidos", &ret, &has_ret, e)))
		return rc;
	for (xmlNode *x = ex_child(concepts, "Concepto"); x; x = ex_next(x, "Concepto")) {
		xmlNode *ti = ex_child(x, "Impuestos");

		n++;
		if ((rc = amount_attr(x, "Importe", &v, NULL, e)))
			return rc;
		sum += v;
		if ((rc = amount_attr(x, "Descuento", &v, NULL, e)))
			return rc;
		sum_disc += v;
		for (xmlNode *t = ex_child(ex_child(ti, "Traslados"), "Traslado"); t;
		     t = ex_next(t, "Traslado")) {
			if ((rc = amount_attr(t, "Importe", &v, NULL, e)))
				return rc;
			sum_tras += v;
		}
		for (xmlNode *t = ex_child(ex_child(ti, "Retenciones"), "Retencion"); t;
		     t = ex_next(t, "Retencion")) {
			if ((rc = amount_attr(t, "Importe", &v, NULL, e)))
				return rc;
			sum_ret += v;
		}
	}
	if (!n)
		return cart_fail(e, CART_INVALID, "%s", _("the CFDI has no conceptos"));
	/* each concept's amounts are rounded apart: a cent per concept is rounding */
	if (diff(sum, subtotal) > CENT * n) {
		ex_format(sum, a, sizeof a);
		ex_format(subtotal, b, sizeof b);
		return cart_fail(e, CART_INVALID, _("totals disagree: the conceptos add up to %s, SubTotal"
		                 " says %s"), a, b);
	}
	if (diff(sum_disc, discount) > CENT * n) {
		ex_format(sum_disc, a, sizeof a);
		ex_format(discount, b, sizeof b);
		return cart_fail(e, CART_INVALID, _("totals disagree: the conceptos' discounts add up to"
		                 " %s, Descuento says %s"), a, b);
	}
	if ((has_tras && diff(sum_tras, tras) > CENT * n) || (!has_tras && sum_tras)) {
		ex_format(sum_tras, a, sizeof a);
		ex_format(tras, b, sizeof b);
		return cart_fail(e, CART_INVALID, _("totals disagree: the conceptos' taxes add up to %s,"
		                 " TotalImpuestosTrasladados says %s"), a, b);
	}
	if ((has_ret && diff(sum_ret, ret) > CENT * n) || (!has_ret && sum_ret)) {
		ex_format(sum_ret, a, sizeof a);
		ex_format(ret, b, sizeof b);
		return cart_fail(e, CART_INVALID, _("totals disagree: the conceptos' withholdings add up"
		                 " to %s, TotalImpuestosRetenidos says %s"), a, b);
	}
	if (diff(subtotal - discount + tras - ret, total) > CENT) {
		ex_format(subtotal, a, sizeof a);
		ex_format(discount, b, sizeof b);
		ex_format(tras - ret, c3, sizeof c3);
		ex_format(total, d4, sizeof d4);
		return cart_fail(e, CART_INVALID, _("totals disagree: SubTotal %s - Descuento %s + taxes"
		                 " %s is not Total %s"), a, b, c3, d4);
	}
	if (total <= 0)
		return cart_fail(e, CART_INVALID, "%s", _("the total is zero: there is nothing to post"));
	d->total = total;
	tax_detail(root, d);
	return CART_OK;
}

static int read_payment(xmlNode *root, einv_doc *d, cart_err *e)
{
	xmlNode *pagos = ex_path(root, "Complemento/Pagos");
	int64_t total_pagos = 0, sum_total = 0;
	int has_total, rc, n_pagos = 0;
	char a[32], b[32], c3[32], when[40];

	if (!pagos)
		return cart_fail(e, CART_INVALID, "%s", _("a CFDI of type P without its pago20:Pagos"
		                 " complement"));
	if ((rc = amount_attr(ex_child(pagos, "Totales"), "MontoTotalPagos", &total_pagos,
	                      &has_total, e)))
		return rc;
	for (xmlNode *p = ex_child(pagos, "Pago"); p; p = ex_next(p, "Pago")) {
		int64_t monto, rate = 1000000, sum = 0;
		char cur[8], date[DATE_LEN];
		int first_part = d->n_parts, nd = 0;

		n_pagos++;
		ex_attr(p, "FechaPago", when, sizeof when);
		if (!ex_date(when, date))
			return cart_fail(e, CART_INVALID, _("FechaPago \"%s\" is not a date"), when);
		ex_attr(p, "MonedaP", cur, sizeof cur);
		if ((rc = amount_attr(p, "Monto", &monto, NULL, e)))
			return rc;
		{
			int present;

			if ((rc = amount_attr(p, "TipoCambioP", &rate, &present, e)))
				return rc;
			if (!present)
				rate = 1000000;
		}
		for (xmlNode *dr = ex_child(p, "DoctoRelacionado"); dr; dr = ex_next(dr, "DoctoRelacionado")) {
			int64_t paid, before, after, equiv = 1000000;
			char uuid[64], curdr[8];
			einv_alloc *al;
			einv_part *part = NULL;
			int present;

			nd++;
			ex_attr(dr, "IdDocumento", uuid, sizeof uuid);
			upper(uuid);
			ex_attr(dr, "MonedaDR", curdr, sizeof curdr);
			if ((rc = amount_attr(dr, "ImpPagado", &paid, NULL, e)) ||
			    (rc = amount_attr(dr, "ImpSaldoAnt", &before, NULL, e)) ||
			    (rc = amount_attr(dr, "ImpSaldoInsoluto", &after, NULL, e)) ||
			    (rc = amount_attr(dr, "EquivalenciaDR", &equiv, &present, e)))
				return rc;
			if (!present || equiv <= 0)
				equiv = 1000000;
			if (!uuid[0] || strlen(curdr) != 3 || paid <= 0)
				return cart_fail(e, CART_INVALID, _("a payment's DoctoRelacionado lacks its"
				                 " IdDocumento, MonedaDR or ImpPagado"));
			for (int i = 0; i < d->n_allocs; i++)
				if (!strcmp(d->allocs[i].uuid, uuid))
					return cart_fail(e, CART_INVALID, _("inconsistent: the payment lists the"
					                 " invoice %s more than once"), uuid);
			if (diff(before - paid, after) > CENT) {
				ex_format(before, a, sizeof a);
				ex_format(paid, b, sizeof b);
				ex_format(after, c3, sizeof c3);
				return cart_fail(e, CART_INVALID, _("totals disagree: invoice %s had %s, paid %s,"
				                 " but ImpSaldoInsoluto says %s"), uuid, a, b, c3);
			}
			/* ImpPagado is in the invoice's currency; Monto = sum of ImpPagado / EquivalenciaDR */
			sum += (int64_t)((__int128)paid * 1000000 / equiv);
			for (int i = first_part; i < d->n_parts; i++)
				if (!strcmp(d->parts[i].currency, curdr))
					part = &d->parts[i];
			if (!part) {
				einv_part *np = realloc(d->parts, sizeof *np * (size_t)(d->n_parts + 1));

				if (!np)
					return cart_fail(e, CART_NOMEM, "%s", _("out of memory"));
				d->parts = np;
				part = &d->parts[d->n_parts++];
				memset(part, 0, sizeof *part);
				memcpy(part->date, date, DATE_LEN);
				snprintf(part->currency, sizeof part->currency, "%s", curdr);
			}
			al = realloc(d->allocs, sizeof *al * (size_t)(d->n_allocs + 1));
			if (!al)
				return cart_fail(e, CART_NOMEM, "%s", _("out of memory"));
			d->allocs = al;
			al = &d->allocs[d->n_allocs];
			snprintf(al->uuid, sizeof al->uuid, "%s", uuid);
			snprintf(al->currency, sizeof al->currency, "%s", curdr);
			al->amount = paid;
			al->part = (int)(part - d->parts);
			part->amount += paid;
			part->n_alloc++;
			d->n_allocs++;
		}
		if (!nd)
			return cart_fail(e, CART_INVALID, _("the payment of %s names no invoice"), date);
		if (diff(sum, monto) > CENT * nd) {
			ex_format(sum, a, sizeof a);
			ex_format(monto, b, sizeof b);
			return cart_fail(e, CART_INVALID, _("totals disagree: the documents paid on %s add up"
			                 " to %s %s, Monto says %s"), date, a, cur, b);
		}
		sum_total += (int64_t)((__int128)monto * rate / 1000000);
	}
	if (!n_pagos)
		return cart_fail(e, CART_INVALID, "%s", _("the payment complement holds no Pago"));
	for (int i = 0; i < d->n_parts; i++)
		d->total += d->parts[i].amount;
	if (has_total && diff(sum_total, total_pagos) > CENT * n_pagos) {
		ex_format(sum_total, a, sizeof a);
		ex_format(total_pagos, b, sizeof b);
		return cart_fail(e, CART_INVALID, _("totals disagree: the payments add up to %s,"
		                 " MontoTotalPagos says %s"), a, b);
	}
	return CART_OK;
}

int einv_read_cfdi(xmlNode *root, einv_doc *d, cart_err *e)
{
	xmlNode *em = ex_child(root, "Emisor"), *re = ex_child(root, "Receptor");
	xmlNode *tfd = ex_path(root, "Complemento/TimbreFiscalDigital");
	char type[8], version[8], serie[40], folio[40], when[40], method[8], rate[32];

	ex_attr(root, "Version", version, sizeof version);
	if (strcmp(version, "4.0"))
		return cart_fail(e, CART_INVALID, _("a CFDI version \"%s\": cartera reads CFDI 4.0"),
		                 version);
	snprintf(d->format, sizeof d->format, "CFDI 4.0");
	snprintf(d->country, sizeof d->country, "MX");
	ex_attr(root, "TipoDeComprobante", type, sizeof type);
	if (!strcmp(type, "I"))
		d->kind = EK_INVOICE;
	else if (!strcmp(type, "E"))
		d->kind = EK_CREDIT;
	else if (!strcmp(type, "P"))
		d->kind = EK_PAYMENT;
	else
		return cart_fail(e, CART_INVALID, _("a CFDI of type \"%s\" is not a receivable (I, E or P"
		                 " are)"), type);
	ex_attr(em, "Rfc", d->issuer, sizeof d->issuer);
	upper(d->issuer);
	ex_attr(em, "Nombre", d->issuer_name, sizeof d->issuer_name);
	ex_attr(re, "Rfc", d->receiver, sizeof d->receiver);
	upper(d->receiver);
	ex_attr(re, "Nombre", d->receiver_name, sizeof d->receiver_name);
	d->receiver_natural = strlen(d->receiver) == 13;
	if (!d->issuer[0] || !d->receiver[0])
		return cart_fail(e, CART_INVALID, "%s", _("the CFDI lacks the issuer's or the receiver's"
		                 " RFC"));
	ex_attr(root, "Serie", serie, sizeof serie);
	ex_attr(root, "Folio", folio, sizeof folio);
	if (serie[0] || folio[0])
		snprintf(d->number, sizeof d->number, "%.30s%s%.30s", serie, serie[0] && folio[0] ? "-" : "",
		         folio);
	ex_attr(tfd, "UUID", d->uuid, sizeof d->uuid);
	upper(d->uuid);
	ex_attr(root, "Fecha", when, sizeof when);
	if (!ex_date(when, d->date))
		return cart_fail(e, CART_INVALID, _("Fecha \"%s\" is not a date"), when);
	ex_attr(root, "Moneda", d->currency, sizeof d->currency);
	ex_attr(root, "MetodoPago", method, sizeof method);
	d->cash = !strcmp(method, "PUE");
	if (ex_attr(root, "TipoCambio", rate, sizeof rate)[0] && strcmp(rate, "1"))
		snprintf(d->detail, sizeof d->detail, "TipoCambio %s", rate);
	if (d->kind == EK_CREDIT) {
		xmlNode *rel = ex_child(ex_child(root, "CfdiRelacionados"), "CfdiRelacionado");

		ex_attr(rel, "UUID", d->ref_uuid, sizeof d->ref_uuid);
		upper(d->ref_uuid);
		d->n_refs = d->ref_uuid[0] ? 1 : 0;
		for (xmlNode *r = ex_next(rel, "CfdiRelacionado"); r; r = ex_next(r, "CfdiRelacionado"))
			d->n_refs++;
	}
	if (d->kind == EK_PAYMENT)
		return read_payment(root, d, e);
	return read_invoice(root, d, e);
}
