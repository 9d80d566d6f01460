/* XML helpers of the electronic-invoice readers: elements found by their local name (UBL and
 * CFDI files use many prefixes for the same namespaces), trimmed text, and decimal amounts read
 * into millionths so that six-decimal CFDI line amounts add up exactly. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "cartera/date.h"
#include "einvoice_int.h"

static int is(xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

xmlNode *ex_child(xmlNode *n, const char *name)
{
	if (!n)
		return NULL;
	for (xmlNode *c = n->children; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

xmlNode *ex_next(xmlNode *n, const char *name)
{
	for (n = n ? n->next : NULL; n; n = n->next)
		if (is(n, name))
			return n;
	return NULL;
}

xmlNode *ex_path(xmlNode *n, const char *path)
{
	char part[64];

	while (n && *path) {
		size_t m = strcspn(path, "/");

		snprintf(part, sizeof part, "%.*s", (int)(m < sizeof part ? m : sizeof part - 1), path);
		n = ex_child(n, part);
		path += m;
		if (*path == '/')
			path++;
	}
	return n;
}

static const char *trimmed(const xmlChar *s, char *buf, size_t size)
{
	const char *p = (const char *)s;
	size_t len;

	buf[0] = '\0';
	if (!p)
		return buf;
	while (*p && isspace((unsigned char)*p))
		p++;
	len = strlen(p);
	while (len && isspace((unsigned char)p[len - 1]))
		len--;
	if (len >= size)
		len = size - 1;
	memcpy(buf, p, len);
	buf[len] = '\0';
	return buf;
}

const char *ex_text(xmlNode *n, char *buf, size_t size)
{
	xmlChar *s;

	buf[0] = '\0';
	if (!n)
		return buf;
	s = xmlNodeGetContent(n);
	trimmed(s, buf, size);
	xmlFree(s);
	return buf;
}

const char *ex_attr(xmlNode *n, const char *name, char *buf, size_t size)
{
	xmlChar *s;

	buf[0] = '\0';
	if (!n)
		return buf;
	s = xmlGetProp(n, (const xmlChar *)name);
	trimmed(s, buf, size);
	xmlFree(s);
	return buf;
}

int ex_decimal(const char *text, int64_t *micro)
{
	const char *p = text;
	int64_t v = 0;
	int neg = 0, digits = 0, dec = -1;

	*micro = 0;
	if (!p || !*p)
		return 0;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p; p++) {
		if (*p == '.' && dec < 0) {
			dec = 0;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			return -1;
		if (dec >= 0 && dec == 6) {
			if (*p != '0')   /* more than six decimals: only zeros are taken */
				return -1;
			continue;
		}
		if (v > (INT64_MAX - 9) / 10 / 1000000)
			return -1;
		v = v * 10 + (*p - '0');
		digits++;
		if (dec >= 0)
			dec++;
	}
	if (!digits)
		return -1;
	for (int i = dec < 0 ? 0 : dec; i < 6; i++)
		v *= 10;
	*micro = neg ? -v : v;
	return 1;
}

int64_t ex_cents(int64_t micro)
{
	int64_t r = (micro < 0 ? -micro : micro);

	r = (r + 5000) / 10000 * 10000;
	return micro < 0 ? -r : r;
}

void ex_format(int64_t micro, char *buf, size_t size)
{
	int64_t c = ex_cents(micro) / 10000, a = c < 0 ? -c : c;

	snprintf(buf, size, "%s%lld.%02lld", c < 0 ? "-" : "", (long long)(a / 100),
	         (long long)(a % 100));
}

int ex_date(const char *text, char out[DATE_LEN])
{
	char buf[DATE_LEN];
	date_t d;

	if (!text || strlen(text) < 10)
		return 0;
	memcpy(buf, text, 10);
	buf[10] = '\0';
	if (date_parse(buf, &d, CART_IGNORED) != CART_OK)
		return 0;
	date_format(d, out);
	return 1;
}
