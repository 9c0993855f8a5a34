/* rs-changes-since-dialog.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rs-case-store.h"

G_BEGIN_DECLS

#define RS_TYPE_CHANGES_SINCE_DIALOG (rs_changes_since_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RsChangesSinceDialog, rs_changes_since_dialog, RS, CHANGES_SINCE_DIALOG,
                      AdwWindow)

/* What "Export My Changes Since…" starts from. */
typedef enum
{
  RS_CHANGES_SINCE_REVIEW,
  RS_CHANGES_SINCE_DATE,
  RS_CHANGES_SINCE_ALL,
} RsChangesSince;

RsChangesSinceDialog *rs_changes_since_dialog_new       (GtkWindow            *parent,
                                                         RsCaseStore          *store);
void                  rs_changes_since_dialog_set_since (RsChangesSinceDialog *self,
                                                         RsChangesSince        since);
void                  rs_changes_since_dialog_set_date_text (RsChangesSinceDialog *self,
                                                             const char           *text);
gboolean              rs_changes_since_dialog_dup_since (RsChangesSinceDialog *self,
                                                         GDateTime           **since,
                                                         GError              **error);
gboolean              rs_changes_since_dialog_choose    (RsChangesSinceDialog *self);

G_END_DECLS
