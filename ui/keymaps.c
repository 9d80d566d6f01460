/* The list of every key table (keymaps.h). */
#include "config.h"

#include <stddef.h>

#include "dialog.h"
#include "form.h"
#include "grid.h"
#include "keymaps.h"
#include "listview.h"
#include "rptview.h"
#include "tabs.h"

const ui_keymap *const ui_keymaps_all[] = {
	&listview_keys, &tabs_keys, &form_keys, &grid_keys,
	&dialog_keys, &dialog_confirm_keys, &dialog_message_keys, &dialog_pick_keys,
	&ui_help_keys,
	&scr_clients_keys, &scr_client_detail_keys,
	&scr_cform_keys, &scr_persons_keys, &scr_person_keys,
	&scr_dash_keys,
	&scr_invoice_keys, &scr_inst_keys,
	&scr_mail_keys, &scr_mail_body_keys, &scr_outbox_keys,
	&scr_mtpl_keys, &scr_mtpl_form_keys, &scr_mtpl_body_keys,
	&scr_receipt_keys, &scr_rmeans_keys, &scr_cnote_keys, &scr_dnote_keys,
	&scr_opening_keys,
	&scr_followup_keys, &scr_today_keys, &scr_bank_keys, &scr_history_keys,
	&scr_stmt_keys, &scr_stmt_filter_keys, &scr_reports_keys, &scr_trend_keys,
	NULL
};
