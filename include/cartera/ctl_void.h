/* Voiding a document from a screen: what the void will reverse, said before it posts (the
 * document, each of its entries, and how much of each was paid or applied and comes undone),
 * then ctl_void() posts it, as the command line's `void` does. */
#ifndef CARTERA_CTL_VOID_H
#define CARTERA_CTL_VOID_H

#include <stddef.h>

#include "cartera/ctl.h"

/* The preview of voiding document ref, in lines ('\n') for a dialog; CART_REFUSED (with the
 * reason) when it cannot be voided: already voided, a void itself, or the clerk is not a
 * supervisor. Nothing is written. */
int ctl_void_preview(ctl *c, const char *ref, char *text, size_t size, cart_err *e);

#endif
