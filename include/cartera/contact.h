/* The shape of an e-mail address and of a phone number: one rule for every face (the client
 * form, `client add`, the import) and for the model, which refuses a client or person that breaks
 * it even when a controller forgets to ask. */
#ifndef CARTERA_CONTACT_H
#define CARTERA_CONTACT_H

/* One e-mail address: something@domain.tld, no blanks, commas or semicolons. */
int contact_email_valid(const char *s);
/* One or more addresses separated by commas or semicolons, blanks around them allowed (a
 * client's own e-mail field: statements go to each). */
int contact_email_list_valid(const char *s);
/* A phone number: digits, spaces and + - ( ) . only. */
int contact_phone_valid(const char *s);

#endif
