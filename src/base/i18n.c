/* Locale and catalogue set-up; see include/cartera/i18n.h. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/* The locale the environment asks for messages, as POSIX orders it. */
static const char *wanted_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return "";
}

static int is_spanish(const char *name)
{
	return name && name[0] == 'e' && name[1] == 's' &&
	       (name[2] == '\0' || name[2] == '_' || name[2] == '.' || name[2] == '@' ||
	        name[2] == ':');
}

const char *cart_i18n_init(void)
{
	const char *want = wanted_locale();
	const char *dir = getenv("CARTERA_LOCALEDIR");
	const char *lang;

	if (!setlocale(LC_ALL, "")) {
		/* A locale this machine has not generated: keep UTF-8 from C.UTF-8, and speak the
		 * language it names (glibc honours LANGUAGE in any locale but plain C). */
		if (!setlocale(LC_ALL, "C.UTF-8"))
			setlocale(LC_ALL, "C");
		if (is_spanish(want) && !getenv("LANGUAGE"))
			setenv("LANGUAGE", "es", 1);
	}
	/* Amounts are integers formatted by cartera itself; keep the C library's numbers plain. */
	setlocale(LC_NUMERIC, "C");

	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);

	lang = getenv("LANGUAGE");
	if (!lang || !*lang)
		lang = setlocale(LC_MESSAGES, NULL);
	return is_spanish(lang) ? "es" : "en";
}

char *cart_gettext(const char *msgid)
{
	char *t = gettext(msgid);
	char *c = strchr(t, '\004');

	return c ? c + 1 : t;
}
