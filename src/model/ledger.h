/* The ledger model: the only code that touches SQLite. Company settings, clients, documents and the
 * ledger entries they post (SPEC L1), instalments, allocations of credits to charges (L2), opening
 * balances (L3), voids by reversing documents (L4), and the balance and aging queries, all as of a
 * date (L6) and grouped by currency. Every write is one BEGIN IMMEDIATE transaction; the schema's
 * CHECKs and triggers refuse what the rules forbid even if this code had a bug. Functions return a
 * cart_code and fill the cart_err with a message for the clerk.
 *
 * One header per family; this one gathers them for the controllers and the reports, the only code
 * outside the model that may include it. The screens and the command line are built without
 * src/ on their include path, so an include of the model there fails the build. */
#ifndef CARTERA_MODEL_LEDGER_H
#define CARTERA_MODEL_LEDGER_H

#include "ledger_db.h"
#include "ledger_client.h"
#include "ledger_post.h"
#include "ledger_query.h"
#include "ledger_person.h"
#include "ledger_docs.h"
#include "ledger_dash.h"
#include "ledger_debit.h"

#endif
