/* rs-exchange-dialog.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rs-exchange.h"

G_BEGIN_DECLS

#define RS_TYPE_EXCHANGE_DIALOG (rs_exchange_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RsExchangeDialog, rs_exchange_dialog, RS, EXCHANGE_DIALOG, AdwWindow)

RsExchangeDialog *rs_exchange_dialog_new            (GtkWindow            *parent,
                                                     RsCaseStore          *store,
                                                     RsExchangePlan       *plan,
                                                     const char           *source_name);
RsExchangePlan   *rs_exchange_dialog_get_plan       (RsExchangeDialog     *self);
void              rs_exchange_dialog_resolve_all    (RsExchangeDialog     *self,
                                                     RsExchangeResolution  resolution);
gboolean          rs_exchange_dialog_get_can_apply  (RsExchangeDialog     *self);
gboolean          rs_exchange_dialog_apply          (RsExchangeDialog     *self);
gboolean          rs_exchange_dialog_get_applying   (RsExchangeDialog     *self);
void              rs_exchange_dialog_set_progress_delay (RsExchangeDialog *self,
                                                     guint                 msec);

G_END_DECLS
