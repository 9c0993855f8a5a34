/* rs-progress-dialog.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RS_TYPE_PROGRESS_DIALOG (rs_progress_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RsProgressDialog, rs_progress_dialog, RS, PROGRESS_DIALOG, AdwWindow)

RsProgressDialog *rs_progress_dialog_new             (GtkWindow        *parent,
                                                      const char       *title);
GCancellable     *rs_progress_dialog_get_cancellable (RsProgressDialog *self);
void              rs_progress_dialog_set_fraction    (RsProgressDialog *self,
                                                      double            fraction);
void              rs_progress_dialog_present_later   (RsProgressDialog *self,
                                                      guint             delay_msec);
void              rs_progress_dialog_done            (RsProgressDialog *self);

G_END_DECLS
