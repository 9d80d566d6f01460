/* The company's letterhead on printed documents (issue 16): address, phone, e-mail, a PNG or
 * JPEG logo, the tax id and the name it is printed under. One controller for the command line
 * (cartera company set KEY VALUE) and the screens. */
#ifndef CARTERA_CTL_PAPERS_H
#define CARTERA_CTL_PAPERS_H

#include <stddef.h>

#include "cartera/ctl.h"

/* KEY is one of the letterhead settings: name, tax-id, tax-id-name, address, phone, email, logo. */
int ctl_letterhead_is_setting(const char *key);
/* Change one; a logo must be a readable PNG or JPEG file ("" removes it). Nothing changes on
 * error (CART_INVALID naming the setting). */
int ctl_letterhead_set(ctl *c, const char *key, const char *value, cart_err *e);
/* Its value now, as stored ("" when unset). */
int ctl_letterhead_get(ctl *c, const char *key, char *out, size_t size, cart_err *e);

#endif
