/* Every screen's key table (each defined beside its screen's handlers), for tests/unit/test_keys
 * to hold them to the rules: no key means two things on one table, and on the lists a clerk
 * searches no printable key starts anything. A new screen adds its tables here and to
 * ui_keymaps_all (keymaps.c). The widgets' tables are in their headers. */
#ifndef CARTERA_UI_KEYMAPS_H
#define CARTERA_UI_KEYMAPS_H

#include "actions.h"

extern const ui_keymap scr_clients_keys, scr_client_detail_keys;
extern const ui_keymap scr_cform_keys, scr_persons_keys, scr_person_keys;
extern const ui_keymap scr_dash_keys;
extern const ui_keymap scr_invoice_keys, scr_inst_keys;
extern const ui_keymap scr_mail_keys, scr_mail_body_keys, scr_outbox_keys;
extern const ui_keymap scr_mtpl_keys, scr_mtpl_form_keys, scr_mtpl_body_keys;
extern const ui_keymap scr_receipt_keys, scr_rmeans_keys, scr_cnote_keys, scr_opening_keys,
       scr_dnote_keys;
extern const ui_keymap scr_followup_keys, scr_today_keys, scr_bank_keys, scr_history_keys;
extern const ui_keymap scr_stmt_keys, scr_stmt_filter_keys, scr_reports_keys, scr_trend_keys;

/* Every table, screens' and widgets', NULL-terminated. */
extern const ui_keymap *const ui_keymaps_all[];

#endif
