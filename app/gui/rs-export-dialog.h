/* rs-export-dialog.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rs-case-store.h"
#include "rs-export.h"

G_BEGIN_DECLS

/* What of the case an export takes. */
typedef enum
{
  RS_EXPORT_SCOPE_FILTER,     /* what the board's filter shows */
  RS_EXPORT_SCOPE_CASE,       /* everything */
  RS_EXPORT_SCOPE_SELECTION,  /* only the selected entities and relations */
} RsExportScope;

#define RS_TYPE_EXPORT_DIALOG (rs_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RsExportDialog, rs_export_dialog, RS, EXPORT_DIALOG, AdwWindow)

RsExportDialog *rs_export_dialog_new            (GtkWindow             *parent,
                                                 RsCase                *kase,
                                                 RsBoardFilter         *filter,
                                                 RsSelection           *selection,
                                                 const char            *base_name,
                                                 const char            *folder);
void            rs_export_dialog_set_options    (RsExportDialog        *self,
                                                 const RsExportOptions *options,
                                                 RsExportScope          scope);
void            rs_export_dialog_get_options    (RsExportDialog        *self,
                                                 RsExportOptions       *options,
                                                 RsExportScope         *scope);
void            rs_export_dialog_export_to      (RsExportDialog        *self,
                                                 GFile                 *file);
/* The case's store: the analyst a STIX bundle names as the creator of its objects, and
 * what the case file keeps of STIX (read on the main thread for each preview and export). */
void            rs_export_dialog_set_store      (RsExportDialog        *self,
                                                 RsCaseStore           *store);
gboolean        rs_export_dialog_get_busy       (RsExportDialog        *self);
guint           rs_export_dialog_get_n_previews (RsExportDialog        *self);

/* Copies of the window's live filter and selection, for work in another thread (the
 * window keeps changing its own). */
RsBoardFilter  *rs_export_snapshot_filter       (RsBoardFilter         *filter);
RsSelection    *rs_export_snapshot_selection    (RsSelection           *selection);

G_END_DECLS
