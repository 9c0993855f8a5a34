/* rs-file-chooser.h
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The names a report file goes by (text, Markdown, HTML, PDF). */
gboolean rs_file_chooser_is_report_name (const char *name);
/* The names a Graphviz diagram goes by (.gv, .dot). */
gboolean rs_file_chooser_is_diagram_name (const char *name);

typedef enum
{
  RS_FILE_KIND_CASE,
  RS_FILE_KIND_BUNDLE,
  RS_FILE_KIND_REPORT,
  RS_FILE_KIND_DIAGRAM,
  RS_FILE_KIND_CHANGESET,
} RsFileKind;

void   rs_file_chooser_run_async  (GtkWindow             *parent,
                                   GtkFileChooserAction   action,
                                   RsFileKind             kind,
                                   const char            *title,
                                   const char            *suggested_name,
                                   const char            *folder,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data);
void   rs_file_chooser_save_async (GtkWindow             *parent,
                                   GtkFileFilter         *filter,
                                   const char            *title,
                                   const char            *suggested_name,
                                   const char            *folder,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data);
GFile *rs_file_chooser_run_finish (GAsyncResult          *result,
                                   GError               **error);

G_END_DECLS
