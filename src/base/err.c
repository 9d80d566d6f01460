/* Error codes and messages: see include/cartera/err.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/err.h"

static const char *const code_names[] = {
#define X(name, text) #name,
	CART_ERRORS(X)
#undef X
};

static const char *const code_texts[] = {
#define X(name, text) text,
	CART_ERRORS(X)
#undef X
};

cart_err cart_ignored;

int cart_vfail(cart_err *e, int code, const char *fmt, va_list ap)
{
	e->code = code;
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	return code;
}

int cart_fail(cart_err *e, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cart_vfail(e, code, fmt, ap);
	va_end(ap);
	return code;
}

void cart_clear(cart_err *e)
{
	e->code = CART_OK;
	e->msg[0] = '\0';
}

const char *cart_code_name(int code)
{
	if (code < 0 || code >= CART_NCODES)
		return "UNKNOWN";
	return code_names[code];
}

const char *cart_code_text(int code)
{
	if (code < 0 || code >= CART_NCODES)
		return _("unknown error");
	return _(code_texts[code]);
}
