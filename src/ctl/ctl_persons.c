/* Persons associated with a client, as typed by a clerk (see ctl_persons.h). */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cartera/ctl_persons.h"
#include "cartera/i18n.h"

int ctl_email_valid(const char *s)
{
	const char *at = strchr(s, '@'), *dot;
	size_t n = strlen(s);

	if (!at || at == s || strchr(at + 1, '@') || n == 0 || s[n - 1] == '.')
		return 0;
	for (const char *p = s; *p; p++)
		if (isspace((unsigned char)*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>' ||
		    (unsigned char)*p < 0x20)
			return 0;
	/* a domain of labels: something before each dot, at least one dot */
	dot = strchr(at + 1, '.');
	if (!dot || at[1] == '.' || strstr(at + 1, ".."))
		return 0;
	return 1;
}

int ctl_email_list_valid(const char *s)
{
	char one[256];
	int n = 0;

	for (;;) {
		size_t len;

		s += strspn(s, " \t");
		len = strcspn(s, ",;");
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		if (len == 0 || len >= sizeof one)
			return 0;
		memcpy(one, s, len);
		one[len] = '\0';
		if (!ctl_email_valid(one))
			return 0;
		n++;
		s += len;
		s += strspn(s, " \t");
		if (!*s)
			return n > 0;
		s++;    /* the separator */
	}
}

int ctl_phone_valid(const char *s)
{
	for (; *s; s++)
		if (!strchr("0123456789 +-().", *s))
			return 0;
	return 1;
}

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
		if (!ctl_email_valid(text))
			snprintf(err, size, "%s", _("not an e-mail address (name@domain.com)"));
		break;
	case PF_PHONE:
	case PF_MOBILE:
		if (!ctl_phone_valid(text))
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
