/* rs-split-dialog.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rs-case.h"

G_BEGIN_DECLS

#define RS_TYPE_SPLIT_DIALOG (rs_split_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RsSplitDialog, rs_split_dialog, RS, SPLIT_DIALOG, AdwWindow)

RsSplitDialog *rs_split_dialog_new              (GtkWindow     *parent,
                                                 RsCase        *kase,
                                                 RsEntity      *entity);
RsEntity      *rs_split_dialog_get_entity       (RsSplitDialog *self);
char          *rs_split_dialog_dup_name         (RsSplitDialog *self);
RsEntityKind   rs_split_dialog_get_kind         (RsSplitDialog *self);
char         **rs_split_dialog_dup_aliases      (RsSplitDialog *self);
GArray        *rs_split_dialog_dup_relation_ids (RsSplitDialog *self);
GArray        *rs_split_dialog_dup_evidence_ids (RsSplitDialog *self);
void           rs_split_dialog_set_error        (RsSplitDialog *self,
                                                 const char    *message);

G_END_DECLS
