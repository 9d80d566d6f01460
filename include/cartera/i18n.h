/* Translations (gettext). Every string a clerk reads is written in English in the source and
 * wrapped in _() (or N_() where it sits in a static table and is translated where it is shown);
 * the Spanish catalogue is po/es.po. The language follows the locale: es_* is Spanish. */
#ifndef CARTERA_I18N_H
#define CARTERA_I18N_H

#include <libintl.h>

#define _(s) cart_gettext(s)
#define N_(s) (s)
/* A word that reads differently in two places gets a context: NC_("column", "Open") is the column
 * of open amounts, apart from the key that opens ("Open"). Shown with _() like any other N_()
 * string; _() drops the context when there is no translation. */
#define NC_(ctx, s) (ctx "\004" s)
/* A plural: ngettext's choice by n. */
#define P_(one, many, n) ngettext(one, many, n)

/* Set the locale from the environment and bind the catalogue. When the environment names a
 * locale this machine has not generated (es_CO.UTF-8 on a bare server), fall back to C.UTF-8 and
 * still speak the language it names. The catalogues are looked up under $CARTERA_LOCALEDIR
 * when set (tests, a build tree), else the installed locale directory. Returns the language in
 * use ("es" or "en"). */
const char *cart_i18n_init(void);

/* gettext(), and the text after the context of an NC_() string without a translation. */
char *cart_gettext(const char *msgid) __attribute__((format_arg(1)));

#endif
