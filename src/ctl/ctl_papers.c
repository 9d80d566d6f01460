/* The company's letterhead settings (include/cartera/ctl_papers.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl_papers.h"
#include "cartera/i18n.h"

static const char *const keys[] = {
	"name", "tax-id", "tax-id-name", "address", "phone", "email", "logo"
};

int ctl_letterhead_is_setting(const char *key)
{
	for (size_t i = 0; key && i < sizeof keys / sizeof keys[0]; i++)
		if (!strcmp(key, keys[i]))
			return 1;
	return 0;
}

/* The field of co that key names, and its size. */
static char *field(company *co, const char *key, size_t *size)
{
#define F(k, f) if (!strcmp(key, k)) { *size = sizeof co->f; return co->f; }
	F("name", name)
	F("tax-id", tax_id)
	F("tax-id-name", tax_id_name)
	F("address", address)
	F("phone", phone)
	F("email", email)
	F("logo", logo)
#undef F
	return NULL;
}

/* libharu reads PNG and JPEG only: look at the file's first bytes. */
static int logo_check(const char *path, cart_err *e)
{
	static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	unsigned char head[8];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return cart_fail(e, CART_INVALID, _("logo \"%s\" cannot be read"), path);
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	if ((n == 8 && !memcmp(head, png, 8)) || (n >= 3 && head[0] == 0xff && head[1] == 0xd8 &&
	                                          head[2] == 0xff))
		return CART_OK;
	return cart_fail(e, CART_INVALID, _("logo \"%s\" is neither a PNG nor a JPEG file"), path);
}

int ctl_letterhead_set(ctl *c, const char *key, const char *value, cart_err *e)
{
	company co;
	char *f;
	size_t size;

	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		                 " 'cartera init' first"), c->path);
	co = c->co;
	if (!(f = field(&co, key, &size)))
		return cart_fail(e, CART_INVALID, _("\"%s\" is not a letterhead setting (name, tax-id,"
		                 " tax-id-name, address, phone, email, logo)"), key ? key : "");
	if (strlen(value) >= size)
		return cart_fail(e, CART_INVALID, _("%s: %zu characters, at most %zu"), key,
		                 strlen(value), size - 1);
	if (!strcmp(key, "logo") && value[0] && logo_check(value, e) != CART_OK)
		return e->code;
	snprintf(f, size, "%s", value);
	return ctl_company_set(c, &co, e);
}

int ctl_letterhead_get(ctl *c, const char *key, char *out, size_t size, cart_err *e)
{
	company co = c->co;
	char *f;
	size_t n;

	if (!(f = field(&co, key, &n)))
		return cart_fail(e, CART_INVALID, _("\"%s\" is not a letterhead setting"), key ? key : "");
	snprintf(out, size, "%s", f);
	return CART_OK;
}
