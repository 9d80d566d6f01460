/* Persons associated with a client, as typed by a clerk (see ctl_persons.h). */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cartera/contact.h"
#include "cartera/ctl_persons.h"
#include "cartera/i18n.h"

const char *ctl_person_field_name(int field)
{
	static const char *const names[PF_COUNT] = {
		[PF_NAME] = N_("name"), [PF_ROLE] = N_("role"), [PF_EMAIL] = N_("e-mail"),
		[PF_PHONE] = N_("phone"), [PF_MOBILE] = N_("mobile"),
		[PF_NOTIFY] = N_("receives mail"),
	};

	return field >= 0 && field < PF_COUNT ? _(names[field]) : "";
}

static int blank(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return !*s;
}

void ctl_person_check(int field, const char *text, char *err, size_t size)
{
	err[0] = '\0';
	if (blank(text)) {
		if (field == PF_NAME)
			snprintf(err, size, "%s", _("required"));
		return;
	}
	switch (field) {
	case PF_EMAIL:
		if (!contact_email_valid(text))
			snprintf(err, size, "%s", _("not an e-mail address (name@domain.com)"));
		break;
	case PF_PHONE:
	case PF_MOBILE:
		if (!contact_phone_valid(text))
			snprintf(err, size, "%s", _("digits, spaces and + - ( ) only"));
		break;
	default:
		break;
	}
}

int ctl_person_validate(const person *p, int *field, cart_err *e)
{
	const char *const text[PF_COUNT] = { p->name, p->role, p->email, p->phone, p->mobile, "" };
	char err[256];

	*field = -1;
	for (int i = 0; i < PF_COUNT; i++) {
		ctl_person_check(i, text[i], err, sizeof err);
		if (!err[0])
			continue;
		*field = i;
		if (i == PF_NAME)
			return cart_fail(e, CART_INVALID, _("the person's name is required"));
		/* TRANSLATORS: the person's FIELD "VALUE": what is wrong */
		return cart_fail(e, CART_INVALID, _("the person's %s \"%s\": %s"),
		                 ctl_person_field_name(i), text[i], err);
	}
	return CART_OK;
}

/* text with the blanks at both ends cut into dst; 0 when it does not fit. */
static int trim_copy(char *dst, size_t size, const char *text)
{
	const char *end;

	while (*text && isspace((unsigned char)*text))
		text++;
	end = text + strlen(text);
	while (end > text && isspace((unsigned char)end[-1]))
		end--;
	if ((size_t)(end - text) >= size)
		return 0;
	memcpy(dst, text, (size_t)(end - text));
	dst[end - text] = '\0';
	return 1;
}

int ctl_person_from_text(const char *const text[PF_COUNT], int notify, person *out, int *field,
                         cart_err *e)
{
	person p = *out;
	struct {
		char *dst;
		size_t size;
	} to[PF_NOTIFY] = {
		[PF_NAME] = { p.name, sizeof p.name }, [PF_ROLE] = { p.role, sizeof p.role },
		[PF_EMAIL] = { p.email, sizeof p.email }, [PF_PHONE] = { p.phone, sizeof p.phone },
		[PF_MOBILE] = { p.mobile, sizeof p.mobile },
	};
	int rc;

	*field = -1;
	for (int i = 0; i < PF_NOTIFY; i++)
		if (!trim_copy(to[i].dst, to[i].size, text[i] ? text[i] : "")) {
			*field = i;
			return cart_fail(e, CART_INVALID, _("the person's %s is too long (at most %d"
			                 " bytes)"), ctl_person_field_name(i), (int)to[i].size - 1);
		}
	p.notify = notify ? 1 : 0;
	if ((rc = ctl_person_validate(&p, field, e)) != CART_OK)
		return rc;
	*out = p;
	return CART_OK;
}
