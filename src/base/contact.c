/* E-mail addresses and phone numbers as clerks type them (see include/cartera/contact.h). */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "cartera/contact.h"

int contact_email_valid(const char *s)
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

int contact_email_list_valid(const char *s)
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
		if (!contact_email_valid(one))
			return 0;
		n++;
		s += len;
		s += strspn(s, " \t");
		if (!*s)
			return n > 0;
		s++;    /* the separator */
	}
}

int contact_phone_valid(const char *s)
{
	for (; *s; s++)
		if (!strchr("0123456789 +-().", *s))
			return 0;
	return 1;
}
